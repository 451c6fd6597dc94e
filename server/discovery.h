/* The server's answer to discovery: a UDP socket on the TCP listener's
 * address and port number that answers a client's query with one reply,
 * so that "aandeslag CODE" finds the server on a LAN where nothing is
 * configured. Junk is dropped silently, replies are capped by a token
 * bucket and never larger than the query; idle, it only waits. */
#ifndef AANDESLAG_DISCOVERY_H
#define AANDESLAG_DISCOVERY_H

#include <stdbool.h>
#include <stdint.h>
#include <uv.h>

#include "discwire.h"

/* Says whether the server holds a room or workshop with code (normalised,
 * never ""), asked by from (may be NULL): 1 it does, 0 it does not, or a
 * negative errno when the query must not be answered (from must wait
 * after too many failed joins). arg is the one given to
 * discovery_start(). Changes nothing but the limiter's count. */
typedef int (*discovery_holds_fn)(void *arg, const char *code,
                                  const struct sockaddr *from);

struct discovery {
	uv_udp_t udp4;                  /* 0.0.0.0 or the --listen address */
	uv_udp_t udp6;                  /* [::], IPv6 only, when listening on all */
	bool open4, open6;
	int tcp_port;
	discovery_holds_fn holds;
	void *arg;
	struct discwire_bucket bucket;
	char name[DISCWIRE_NAME_SIZE];  /* this computer's host name */
	uint64_t replies, dropped;      /* for the log at the end */
	uint64_t withheld;              /* refused by the holds callback */
	uint8_t buf[DISCWIRE_DATAGRAM_MAX + 1];
};

/* Starts answering on loop at listen (NULL, "0.0.0.0" or "::": every
 * address, IPv4 and, where the system has it, IPv6) on UDP port tcp_port,
 * the port the TCP listener got. d is owned by the caller and must stay
 * until discovery_stop()'s handles have closed (run the loop once more).
 * Returns 0 when at least one socket answers, else a negative libuv error
 * (nothing is left open then). */
int discovery_start(struct discovery *d, uv_loop_t *loop, const char *listen,
                    int tcp_port, discovery_holds_fn holds, void *arg);

/* Closes the sockets; the loop frees nothing else. Safe to call twice and
 * after a failed start. */
void discovery_stop(struct discovery *d);

/* Answers one datagram of len bytes as if it came from the peer from
 * (may be NULL): returns the reply's length written into out (size at
 * least DISCWIRE_REPLY_MAX), 0 for a datagram to drop (junk, the bucket
 * is empty at now_ms, or the holds callback refused). Pure apart from
 * the holds callback: the socket code and the unit test share it. */
int discovery_answer(struct discovery *d, const uint8_t *data, size_t len,
                     const struct sockaddr *from, int64_t now_ms,
                     uint8_t *out, size_t size);

#endif
