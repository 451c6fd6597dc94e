/* The socket under the client's connection: the name lookup, the TCP
 * connect, frames in and out, and the heartbeat that notices a network
 * that went silent. A link is opened once per attempt; after a loss it is
 * dropped and, once idle again, opened anew with the same handles. What
 * the frames mean is net.c's business. */
#ifndef AANDESLAG_LINK_H
#define AANDESLAG_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <uv.h>

#include "aandeslag.pb-c.h"
#include "frame.h"
#include "tls.h"
#include "wire.h"

struct link;

/* What a link tells its owner; all are called from the loop, never from
 * inside a link_*() call. */
struct link_handlers {
	/* The connection is made (and encrypted, when asked): frames may
	 * be sent. */
	void (*connected)(struct link *l, void *arg);
	/* The TLS handshake is done and the server showed fp: return 0 to
	 * go on (connected follows), anything else after dropping the link
	 * (the owner says why). NULL accepts every server. */
	int (*verify)(struct link *l, const uint8_t fp[TLS_FP_SIZE],
	              void *arg);
	/* A frame arrived, checked and unpacked (valid during the call). */
	void (*frame)(struct link *l, const Aandeslag__Envelope *env,
	              void *arg);
	/* The lookup, the connect or the connection failed (a libuv error;
	 * UV_ETIMEDOUT when the heartbeat heard nothing, UV_EPROTO for a
	 * frame that is not one, UV_ECONNABORTED for a TLS handshake that
	 * failed: link_tls_error() says why). The owner drops or closes the
	 * link. */
	void (*lost)(struct link *l, int err, void *arg);
	/* A dropped link has let go of its socket and lookup: it may be
	 * opened again. */
	void (*idle)(struct link *l, void *arg);
};

enum link_state {
	LINK_IDLE,
	LINK_RESOLVING,
	LINK_CONNECTING,
	LINK_SECURING,          /* the TLS handshake */
	LINK_UP,
	LINK_DROPPING,          /* waiting for the socket or lookup to end */
	LINK_CLOSED
};

struct link {
	uv_loop_t *loop;
	struct link_handlers handlers;
	void *arg;
	enum link_state state;
	uv_getaddrinfo_t resolver;
	bool resolving;         /* a lookup is in the thread pool */
	uv_connect_t connector;
	uv_tcp_t tcp;
	bool tcp_open;          /* initialised and its close not yet done */
	int port;
	/* Encryption: asked for with link_use_tls(); the session of this
	 * attempt; whether the server answered at all yet (a plain frame
	 * instead of a handshake is a refusal to read as such). */
	bool use_tls;
	struct tls *tls;
	bool heard;
	bool peer_loopback;     /* the connected address is this computer's */
	char tls_error[128];
	/* Heartbeat: a Ping when we have been quiet, and the server taken
	 * for gone when it has been silent for its idle timeout. */
	uv_timer_t heartbeat;
	int64_t idle_timeout_ms;        /* from Welcome; 0: no heartbeat */
	bool beating;           /* the heartbeat runs (link_tick() checks) */
	/* The TCP stack fails this connection when what we sent stays
	 * unacknowledged for half the idle timeout (TCP_USER_TIMEOUT or the
	 * like), so a quiet Ping suffices to notice a vanished server. */
	bool stack_watches;
	int64_t last_heard;
	int64_t last_sent;
	int64_t last_quiet;     /* the last quiet Ping went out; 0: none */
	struct frame_partial partial;
	uint8_t readbuf[64 * 1024];
};

/* Sets l up on loop (its heartbeat timer is initialised: end with
 * link_close()). The handlers are copied. */
void link_init(struct link *l, uv_loop_t *loop,
               const struct link_handlers *handlers, void *arg);

/* Asks for TLS on every attempt from now on (on by default: off). */
void link_use_tls(struct link *l, bool on);

/* Returns the negotiated TLS version of the attempt that is up ("TLS1.3"),
 * or "" for a plain connection. The string is static. */
const char *link_tls_version(const struct link *l);

/* Returns why the last TLS handshake failed, or "". Owned by l. */
const char *link_tls_error(const struct link *l);

/* Starts looking host up and connecting to port; l must be idle. Returns
 * 0 or a libuv error (nothing started then); later failures arrive
 * through handlers->lost. */
int link_open(struct link *l, const char *host, int port);

/* Sends n frames in one write, each holding a reference until written.
 * Returns 0 or a libuv error (UV_ENOTCONN when the link is not up). */
int link_send(struct link *l, struct wire_buf *const *bufs, size_t n);

/* Packs env and sends it. Returns 0, -EMSGSIZE for an envelope too big
 * for a client frame, -ENOMEM, or a libuv error. */
int link_send_env(struct link *l, const Aandeslag__Envelope *env);

/* Starts the heartbeat with the server's idle timeout (0: none), once the
 * server answered; until then a link whose server says nothing for 15 s
 * after the connect is lost with UV_ETIMEDOUT. */
void link_heartbeat(struct link *l, uint32_t idle_timeout_ms);

/* Does the heartbeat's check now (the Ping when one is due, the loss when
 * the server has been silent for its idle timeout) and moves the
 * heartbeat timer's next check a period (idle timeout / 6) on. An owner
 * that wakes regularly anyway (a running clock's redraw) calls this at
 * the start of each wakeup, so that the heartbeat costs no wakeups of its
 * own; when the calls stop the timer goes on by itself. Does nothing
 * while the heartbeat does not run. A loss found here is told through
 * handlers->lost from the loop, like any other.
 *
 * awaiting says whether something sent still waits for its answer (a
 * command without its Ack). While nothing does and the TCP stack watches
 * the connection (stack_watches), the Ping sent here is a quiet one that
 * the server does not answer, so that no Pong wakes the owner between
 * its ticks, and server silence alone is no loss: the stack fails the
 * connection when the server's computer or the network is gone. A server
 * program that hangs while its computer still acknowledges is noticed
 * once an answer is awaited, or when the ticks stop. */
void link_tick(struct link *l, bool awaiting);

/* Ends this attempt: stops the heartbeat, closes the socket, cancels a
 * lookup. Returns true when l is idle at once; otherwise handlers->idle
 * follows. No other handler is called for this attempt any more. */
bool link_drop(struct link *l);

/* Ends l for good: the same, and the heartbeat timer is closed. No
 * handler is called any more. */
void link_close(struct link *l);

/* Frees what l holds; call after the loop has run the close callbacks. */
void link_free(struct link *l);

/* Returns the time in milliseconds of a monotonic clock that also counts
 * the time the computer slept where the system has one (Linux), else the
 * loop's. */
int64_t link_now(const struct link *l);

#endif
