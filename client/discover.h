/* Finding the server on the LAN when none was configured: one query to
 * 127.0.0.1 and to the broadcast address of every IPv4 interface that is
 * up, then the replies for up to a couple of seconds (a libuv timer, no
 * polling). The server that holds the code wins; without a code, this
 * computer's server, else the first to answer. */
#ifndef AANDESLAG_DISCOVER_H
#define AANDESLAG_DISCOVER_H

#include <stdbool.h>
#include <stdint.h>
#include <uv.h>

#include "clientconf.h"
#include "discwire.h"

/* How long the client waits for replies, in milliseconds. */
#define DISCOVER_TIMEOUT_MS 2000
/* After the first reply that is not the final word, how much longer a
 * better one (this computer's, or the code's holder) may take. */
#define DISCOVER_GRACE_MS 300
/* Interfaces asked at most. */
#define DISCOVER_TARGETS_MAX 16

struct discover_result {
	bool found;                     /* some server answered */
	bool holds_code;                /* it has a room or workshop with the code */
	bool local;                     /* it runs on this computer */
	char host[CLIENTCONF_HOST_SIZE];        /* the numeric address */
	int port;                       /* its TCP port */
	char name[DISCWIRE_NAME_SIZE];  /* its host name, printable */
};

/* Called once with the outcome (r->found false when nobody answered);
 * the handles are closing by then. */
typedef void (*discover_done_fn)(void *arg, const struct discover_result *r);

struct discover {
	uv_udp_t udp;
	uv_timer_t timer;
	bool open, finished;
	char code[CODE_SIZE];           /* normalised, or "" */
	uint64_t nonce;
	struct in_addr own[DISCOVER_TARGETS_MAX];       /* this computer's */
	size_t nown;
	struct discover_result best;
	int best_rank;
	discover_done_fn done;
	void *arg;
	uint8_t buf[DISCWIRE_DATAGRAM_MAX + 1];
};

/* Writes into targets (room for DISCOVER_TARGETS_MAX) the addresses to
 * ask, each with port: 127.0.0.1 first, then the broadcast address of
 * every interface in ifs that is IPv4, not internal and has one, without
 * doubles. Pure. Returns how many. */
size_t discover_targets(const uv_interface_address_t *ifs, int nifs, int port,
                        struct sockaddr_in *targets);

/* Starts looking on loop for a server with code (any text; "" or one
 * that is not a code asks for any server) on UDP port, for timeout_ms at
 * most; done is called once, from the loop. d is owned by the caller and
 * must stay until the loop has run after done or discover_close().
 * Returns 0, or a negative libuv error (nothing left open, done never
 * called). */
int discover_start(struct discover *d, uv_loop_t *loop, const char *code,
                   int port, int timeout_ms, discover_done_fn done,
                   void *arg);

/* Stops looking without calling done. Safe to call twice, also after
 * done. */
void discover_close(struct discover *d);

/* Looks on a loop of its own and waits for the outcome: fills out and
 * returns 0 when a server answered, -ENOENT when none did, or a negative
 * libuv error when the search could not start. */
int discover_run(const char *code, int port, int timeout_ms,
                 struct discover_result *out);

#endif
