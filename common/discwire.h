/* Finding a server on the LAN without typing its address: the UDP
 * datagrams of discovery (query and reply), the token bucket that caps
 * the server's replies, and the broadcast address of an interface. Pure:
 * no I/O; server/discovery.c answers and client/discover.c asks. */
#ifndef AANDESLAG_DISCWIRE_H
#define AANDESLAG_DISCWIRE_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "code.h"

/* The UDP port a client asks on when none is given: the TCP port's. */
#define DISCWIRE_PORT 7557
/* Bytes of the magic that opens every datagram. */
#define DISCWIRE_MAGIC_SIZE 8
/* Bytes before the packed message: the magic and a 2-byte length. */
#define DISCWIRE_HEADER_SIZE (DISCWIRE_MAGIC_SIZE + 2)
/* A query is padded to this size and a smaller one is dropped, so that a
 * reply (at most DISCWIRE_REPLY_MAX) is never larger than the query that
 * asked for it: the responder cannot amplify a spoofed flood. */
#define DISCWIRE_QUERY_SIZE 256
/* Datagrams larger than this are dropped unread. */
#define DISCWIRE_DATAGRAM_MAX 512
/* The largest reply: the header and a DiscoveryReply whose strings are
 * cut to the sizes below. It must stay at or below DISCWIRE_QUERY_SIZE. */
#define DISCWIRE_REPLY_MAX 160
/* Bytes of the server's host name and version in a reply, NUL included. */
#define DISCWIRE_NAME_SIZE 64
#define DISCWIRE_VERSION_SIZE 32
/* Replies per second a server sends at most, which is also the burst. */
#define DISCWIRE_RATE 50

struct discwire_query {
	uint32_t protocol_version;
	/* A code (whole or its half) when building; only its first half,
	 * "K7QM", travels and is read back; "" asks for any server. */
	char code[CODE_SIZE];
	uint64_t nonce;
};

struct discwire_reply {
	uint32_t protocol_version;
	int port;                       /* the server's TCP port */
	char name[DISCWIRE_NAME_SIZE];  /* printable: control bytes are '?' */
	char version[DISCWIRE_VERSION_SIZE];
	bool holds_code;
	uint64_t nonce;
};

/* Writes q as one padded query datagram of DISCWIRE_QUERY_SIZE bytes into
 * out (size at least that). Returns the datagram's length, or -EINVAL for
 * a code that is not "", a code or its half, or -EMSGSIZE. */
int discwire_query_build(const struct discwire_query *q, uint8_t *out,
                         size_t size);

/* Reads a query datagram of len bytes into q. Returns 0, or -EINVAL for
 * anything that is not a well-formed query of at least
 * DISCWIRE_QUERY_SIZE and at most DISCWIRE_DATAGRAM_MAX bytes (junk, a
 * reply, a short datagram, a code that is not a code). */
int discwire_query_parse(const uint8_t *data, size_t len,
                         struct discwire_query *q);

/* Writes r as one reply datagram into out (size at least
 * DISCWIRE_REPLY_MAX), cutting name and version to their sizes at a
 * character boundary. Returns the length, never more than
 * DISCWIRE_REPLY_MAX, or -EINVAL for a port outside 1..65535. */
int discwire_reply_build(const struct discwire_reply *r, uint8_t *out,
                         size_t size);

/* Reads a reply datagram of len bytes into r. Returns 0, or -EINVAL for
 * anything that is not a well-formed reply (junk, a query, a port of 0,
 * a datagram larger than DISCWIRE_DATAGRAM_MAX). */
int discwire_reply_parse(const uint8_t *data, size_t len,
                         struct discwire_reply *r);

/* A token bucket of DISCWIRE_RATE tokens per second and as many at most,
 * in thousandths of a token; the time is passed in (milliseconds of any
 * monotonic clock). */
struct discwire_bucket {
	int64_t last_ms;
	int64_t millitokens;
};

/* Starts b full at now_ms. */
void discwire_bucket_init(struct discwire_bucket *b, int64_t now_ms);

/* Takes one token at now_ms. Returns true when there was one (send the
 * reply), false when the bucket is empty (drop it). A clock that goes
 * back adds nothing. */
bool discwire_bucket_take(struct discwire_bucket *b, int64_t now_ms);

/* Writes into out the IPv4 broadcast address of an interface with address
 * addr and netmask mask (addr | ~mask), port 0. Returns 0, or -EINVAL when
 * either is not IPv4 or the network has no broadcast address (a /31 or
 * /32, or a mask of 0). */
int discwire_broadcast(const struct sockaddr_in *addr,
                       const struct sockaddr_in *mask,
                       struct sockaddr_in *out);

#endif
