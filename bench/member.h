/* One connection of the load generator to an aandeslag server, plain or
 * in TLS as our clients speak it: connect from a chosen source address,
 * send envelopes as frames, hand every received envelope to the owner. */
#ifndef AANDESLAG_BENCH_MEMBER_H
#define AANDESLAG_BENCH_MEMBER_H

#include <stdbool.h>
#include <uv.h>

#include "aandeslag.pb-c.h"
#include "frame.h"

struct member;

struct member_handler {
	/* Connected, and with TLS the handshake done (status 0), or
	 * failed (a negative libuv error). */
	void (*connected)(struct member *m, int status);
	/* One envelope; valid only during the call. */
	void (*received)(struct member *m, const Aandeslag__Envelope *env);
	/* The connection ended (by the peer, an error or member_close()). */
	void (*closed)(struct member *m);
};

struct tls;

struct member {
	uv_tcp_t tcp;
	uv_connect_t connect;
	struct frame_partial partial;
	bool use_tls;                   /* set by the owner before connecting */
	struct tls *tls;                /* the session, once connected */
	const struct member_handler *handler;
	void *data;                     /* the owner's */
	bool open, closing;
};

/* Connects m (zeroed by the caller, handler and data set) to host:port,
 * from source when not NULL. Returns 0: the handler's connected() follows,
 * or, when the connection could not even be tried, its closed(); or a
 * negative libuv error when no handle was made (m may be freed). */
int member_connect(struct member *m, uv_loop_t *loop, const char *host,
                   int port, const char *source);

/* Packs env and writes it as one frame. Returns 0, -EPIPE when m is not
 * open, -EMSGSIZE or -ENOMEM. */
int member_send(struct member *m, const Aandeslag__Envelope *env);

/* Closes the connection; the handler's closed() is called once its
 * handle is closed, after which the owner may free m. Safe twice. */
void member_close(struct member *m);

/* Sends Hello with this build's protocol versions. Returns as
 * member_send(). */
int member_hello(struct member *m);

#endif
