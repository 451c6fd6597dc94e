/* Addresses as the server keys them (guard_key_from_addr()), from their
 * text: for the tests of the join guard and of the connection limits. */
#ifndef AANDESLAG_GUARDKEY_FIXTURE_H
#define AANDESLAG_GUARDKEY_FIXTURE_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "check.h"
#include "guard.h"

static inline struct guard_key
key4(const char *text)
{
	struct sockaddr_in in;
	struct guard_key k;

	memset(&in, 0, sizeof in);
	in.sin_family = AF_INET;
	CHECK_INT(inet_pton(AF_INET, text, &in.sin_addr), ==, 1);
	CHECK_INT(guard_key_from_addr((struct sockaddr *)&in, &k), ==, 0);
	return k;
}

static inline struct guard_key
key6(const char *text)
{
	struct sockaddr_in6 in6;
	struct guard_key k;

	memset(&in6, 0, sizeof in6);
	in6.sin6_family = AF_INET6;
	CHECK_INT(inet_pton(AF_INET6, text, &in6.sin6_addr), ==, 1);
	CHECK_INT(guard_key_from_addr((struct sockaddr *)&in6, &k), ==, 0);
	return k;
}

#endif
