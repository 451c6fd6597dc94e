/* The client's socket. Frames are checked against the server's maximum
 * before anything is allocated for them, and unpacked by protobuf-c under
 * a byte budget. */
#include "link.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include "tlswrite.h"

/* One uv_write of one or more frames, holding a reference to each until
 * it is done. */
struct link_write {
	uv_write_t req;
	size_t n;
	struct wire_buf *bufs[];
};

/* How long a server may take to answer a new connection (the TLS
 * handshake, then the Welcome): one that takes the connection and then
 * says nothing (a wrong program on the port, a hung process) is given up
 * on, as a silent network is once the heartbeat runs. */
#define LINK_ANSWER_MS 15000

/* The first byte of a frame (the high byte of its length, which
 * FRAME_MAX_SERVER keeps at 0); a TLS record never starts with it. */
#define PLAIN_FRAME_BYTE 0x00

static void
on_handle_closed(uv_handle_t *handle)
{
	(void)handle;
}

void
link_init(struct link *l, uv_loop_t *loop,
          const struct link_handlers *handlers, void *arg)
{
	memset(l, 0, sizeof *l);
	l->loop = loop;
	l->handlers = *handlers;
	l->arg = arg;
	l->state = LINK_IDLE;
	l->resolver.data = l;
	l->connector.data = l;
	uv_timer_init(loop, &l->heartbeat);
	l->heartbeat.data = l;
}

int64_t
link_now(const struct link *l)
{
#if defined(CLOCK_BOOTTIME) || defined(__APPLE__)
	struct timespec ts;
#endif

	/* A clock that goes on while the laptop sleeps, so a step's
	 * countdown is right again the moment the lid opens: Linux's
	 * boot-time clock, and macOS's monotonic clock, which counts sleep
	 * too (libuv's clock does not). */
#if defined(CLOCK_BOOTTIME)
	if (clock_gettime(CLOCK_BOOTTIME, &ts) == 0)
		return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
#elif defined(__APPLE__)
	if (clock_gettime(CLOCK_MONOTONIC, &ts) == 0)
		return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
#endif
	return (int64_t)uv_now(l->loop);
}

/* Tells the owner that this attempt failed, once. */
static void
fail(struct link *l, int err)
{
	if (l->state == LINK_DROPPING || l->state == LINK_CLOSED ||
	    l->state == LINK_IDLE)
		return;
	if (l->handlers.lost != NULL)
		l->handlers.lost(l, err, l->arg);
}

/* A dropped link is idle once neither its socket nor its lookup is
 * still going. */
static void
maybe_idle(struct link *l)
{
	if (l->state != LINK_DROPPING || l->tcp_open || l->resolving)
		return;
	l->state = LINK_IDLE;
	if (l->handlers.idle != NULL)
		l->handlers.idle(l, l->arg);
}

static void
on_tcp_closed(uv_handle_t *handle)
{
	struct link *l = handle->data;

	l->tcp_open = false;
	/* Freed here, not in let_go(): that may run from inside
	 * tls_feed(), in a frame handler. */
	tls_free(l->tls);
	l->tls = NULL;
	maybe_idle(l);
}

static void
on_write(uv_write_t *req, int status)
{
	struct link_write *w = (struct link_write *)req;
	size_t i;

	/* A failed write needs nothing here: the read side, or the
	 * heartbeat, notices the broken connection. */
	(void)status;
	for (i = 0; i < w->n; i++)
		wire_unref(w->bufs[i]);
	free(w);
}

/* The TLS session's write function. A failed write needs nothing here,
 * as for frames (see on_write). */
static int
write_tls(void *arg, uint8_t *data, size_t len)
{
	struct link *l = arg;

	return tlswrite_start((uv_stream_t *)&l->tcp, data, len, NULL, NULL) < 0 ?
	       -EPIPE : 0;
}

/* Sends n frames through the TLS session: each is encrypted (corked)
 * and written at once. */
static int
send_tls(struct link *l, struct wire_buf *const *bufs, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (tls_send(l->tls, bufs[i]->data, bufs[i]->len) < 0)
			return UV_EPIPE;
	l->last_sent = link_now(l);
	return 0;
}

void
link_use_tls(struct link *l, bool on)
{
	l->use_tls = on;
}

const char *
link_tls_version(const struct link *l)
{
	return l->tls != NULL && l->state == LINK_UP ? tls_version(l->tls) : "";
}

const char *
link_tls_error(const struct link *l)
{
	return l->tls_error;
}

int
link_send(struct link *l, struct wire_buf *const *bufs, size_t n)
{
	struct link_write *w;
	uv_buf_t *b;
	size_t i;
	int rc;

	if (l->state != LINK_UP)
		return UV_ENOTCONN;
	if (n == 0)
		return 0;
	if (l->tls != NULL)
		return send_tls(l, bufs, n);
	w = calloc(1, sizeof *w + n * sizeof w->bufs[0]);
	b = malloc(n * sizeof *b);
	if (w == NULL || b == NULL) {
		free(w);
		free(b);
		return UV_ENOMEM;
	}
	w->n = n;
	for (i = 0; i < n; i++) {
		w->bufs[i] = wire_ref(bufs[i]);
		b[i] = uv_buf_init((char *)bufs[i]->data,
		                   (unsigned)bufs[i]->len);
	}
	/* libuv copies the list of buffers; the frames stay until on_write.
	 * One write for all: libuv does not merge separate writes. */
	rc = uv_write(&w->req, (uv_stream_t *)&l->tcp, b, (unsigned)n,
	              on_write);
	free(b);
	if (rc < 0) {
		for (i = 0; i < n; i++)
			wire_unref(w->bufs[i]);
		free(w);
		return rc;
	}
	l->last_sent = link_now(l);
	return 0;
}

int
link_send_env(struct link *l, const Aandeslag__Envelope *env)
{
	struct wire_buf *buf;
	int rc;

	rc = wire_pack(env, FRAME_MAX_CLIENT, &buf);
	if (rc < 0)
		return rc;
	rc = link_send(l, &buf, 1);
	wire_unref(buf);
	return rc;
}

/* What the heartbeat has to do at a check. */
enum beat {
	BEAT_NOTHING,
	BEAT_PING,      /* we have been quiet for half the idle timeout */
	BEAT_LOST       /* the server has been silent for all of it */
};

/* quiet: the check may rely on the TCP stack (see link_tick()). */
static enum beat
beat_due(const struct link *l, bool quiet)
{
	int64_t now = link_now(l), heard = l->last_heard;

	/* A quiet Ping that the stack did not fail the connection for was
	 * received by the server's computer: as good as hearing it when
	 * the owner goes back to expecting answers. */
	if (l->last_quiet > heard)
		heard = l->last_quiet;
	/* Nothing, not even a Pong: the network is gone (no FIN came, as
	 * when a laptop leaves the Wi-Fi). While quiet, the stack tells
	 * that instead, and a server with nothing to say is no loss. */
	if (!quiet && now - heard >= l->idle_timeout_ms)
		return BEAT_LOST;
	/* Quiet for half the timeout: the server still hears from us well
	 * before it gives up, and an idle laptop (and an idle server with a
	 * classroom of them) wakes for a Ping and its Pong only every 15 s
	 * or so. */
	if (now - l->last_sent >= l->idle_timeout_ms / 2)
		return BEAT_PING;
	return BEAT_NOTHING;
}

static int
send_ping(struct link *l, bool quiet)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Ping ping = AANDESLAG__PING__INIT;
	int rc;

	ping.nonce = (uint64_t)link_now(l);
	ping.quiet = quiet;
	env.body_case = AANDESLAG__ENVELOPE__BODY_PING;
	env.ping = &ping;
	rc = link_send_env(l, &env);
	if (rc == 0 && quiet)
		l->last_quiet = l->last_sent;
	return rc;
}

static void
on_heartbeat(uv_timer_t *timer)
{
	struct link *l = timer->data;

	/* The timer only runs when the owner does not tick, so this wakeup
	 * is its own and a Pong costs little more: the Ping asks for one,
	 * which also notices a server program that hangs. */
	switch (beat_due(l, false)) {
	case BEAT_LOST:
		fail(l, UV_ETIMEDOUT);
		break;
	case BEAT_PING:
		if (send_ping(l, false) < 0)
			fail(l, UV_EPIPE);
		break;
	case BEAT_NOTHING:
		break;
	}
}

/* Asks the TCP stack to fail the connection once what we sent stays
 * unacknowledged for half the idle timeout: a quiet Ping goes out every
 * half, so a server gone silent is noticed within the idle timeout, as
 * when Pongs are awaited. Returns whether the stack will. */
static bool
watch_acks(struct link *l)
{
	int64_t limit = l->idle_timeout_ms / 2;
	uv_os_fd_t fd;

	if (limit < 1000)
		limit = 1000;
	if (uv_fileno((uv_handle_t *)&l->tcp, &fd) < 0)
		return false;
#if defined(TCP_USER_TIMEOUT)
	{
		unsigned int ms = (unsigned int)limit;

		return setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &ms,
		                  sizeof ms) == 0;
	}
#elif defined(TCP_RXT_CONNDROPTIME)
	{
		/* macOS: whole seconds, rounded up. */
		int s = (int)((limit + 999) / 1000);

		return setsockopt(fd, IPPROTO_TCP, TCP_RXT_CONNDROPTIME, &s,
		                  sizeof s) == 0;
	}
#else
	(void)fd;
	return false;
#endif
}

static void
on_no_answer(uv_timer_t *timer)
{
	fail(timer->data, UV_ETIMEDOUT);
}

/* How often the heartbeat checks: a sixth of the idle timeout, so a
 * silent server is noticed at most a sixth late. */
static uint64_t
heartbeat_period(const struct link *l)
{
	uint64_t every = (uint64_t)l->idle_timeout_ms / 6;

	return every < 50 ? 50 : every;
}

void
link_heartbeat(struct link *l, uint32_t idle_timeout_ms)
{
	uint64_t every;

	/* The server answered: the wait for it ends here. */
	uv_timer_stop(&l->heartbeat);
	l->beating = false;
	l->idle_timeout_ms = idle_timeout_ms;
	if (idle_timeout_ms == 0 || l->state != LINK_UP)
		return;
	l->stack_watches = watch_acks(l);
	l->beating = true;
	every = heartbeat_period(l);
	uv_timer_start(&l->heartbeat, on_heartbeat, every, every);
}

void
link_tick(struct link *l, bool awaiting)
{
	uint64_t every = heartbeat_period(l);
	bool quiet = l->stack_watches && !awaiting;
	enum beat due;

	if (!l->beating || l->state != LINK_UP)
		return;
	due = beat_due(l, quiet);
	if (due == BEAT_PING && send_ping(l, quiet) == 0)
		due = BEAT_NOTHING;
	if (due != BEAT_NOTHING) {
		/* A loss (or a Ping that could not be sent) is told from
		 * the loop, as every loss is, not from inside this call: the
		 * timer runs at once. */
		uv_timer_start(&l->heartbeat, on_heartbeat, 0, every);
		return;
	}
	/* The check is done, so the timer's own wakeup is pushed a period
	 * on: while the owner ticks (a running clock redraws every second)
	 * the timer never fires and costs no wakeup of its own, and once
	 * the ticks stop it takes over again within a period. A restart is
	 * a move in libuv's timer heap, no system call. */
	uv_timer_start(&l->heartbeat, on_heartbeat, every, every);
}

static int
on_frame(void *arg, const uint8_t *payload, size_t len)
{
	struct link *l = arg;
	Aandeslag__Envelope *env;
	struct wire_alloc alloc;

	wire_alloc_init(&alloc, len);
	env = wire_unpack(payload, len, &alloc);
	if (env == NULL) {
		fail(l, UV_EPROTO);
		return 1;
	}
	if (l->handlers.frame != NULL)
		l->handlers.frame(l, env, l->arg);
	wire_free(env, &alloc);
	/* Stop at once when the owner has dropped this attempt. */
	return l->state != LINK_UP;
}

static void
on_alloc(uv_handle_t *handle, size_t suggested, uv_buf_t *buf)
{
	struct link *l = handle->data;

	(void)suggested;
	*buf = uv_buf_init((char *)l->readbuf, (unsigned)sizeof l->readbuf);
}

/* Feeds decrypted bytes to the frame decoder. */
static int
on_plain(void *arg, const uint8_t *data, size_t len)
{
	struct link *l = arg;
	int rc;

	rc = frame_feed(&l->partial, data, len, FRAME_MAX_SERVER, on_frame, l);
	if (rc < 0) {
		fail(l, UV_EPROTO);
		return 1;
	}
	return rc;
}

/* Reports the connection, once it is up. */
static void
up(struct link *l)
{
	l->state = LINK_UP;
	if (l->handlers.connected != NULL)
		l->handlers.connected(l, l->arg);
}

/* The handshake is done: the owner checks whom it reached. */
static void
secured(struct link *l)
{
	uint8_t fp[TLS_FP_SIZE];

	if (tls_peer_fingerprint(l->tls, fp) < 0) {
		snprintf(l->tls_error, sizeof l->tls_error, "%s",
		         "no certificate");
		fail(l, UV_ECONNABORTED);
		return;
	}
	if (l->handlers.verify != NULL &&
	    l->handlers.verify(l, fp, l->arg) != 0)
		return;
	if (l->state == LINK_SECURING)
		up(l);
}

static void
on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf)
{
	struct link *l = stream->data;
	const uint8_t *data = (const uint8_t *)buf->base;
	int rc;

	if (nread == 0 || (l->state != LINK_UP && l->state != LINK_SECURING))
		return;
	if (nread < 0) {
		fail(l, (int)nread);
		return;
	}
	l->last_heard = link_now(l);
	if (l->tls != NULL && !l->heard && data[0] == PLAIN_FRAME_BYTE) {
		/* A frame instead of a handshake: the server refuses in
		 * the clear (it has no TLS, or no room for us); the
		 * Closing it sends tells the owner why. */
		tls_free(l->tls);
		l->tls = NULL;
		l->state = LINK_UP;
	}
	l->heard = true;
	if (l->tls == NULL) {
		on_plain(l, data, (size_t)nread);
		return;
	}
	rc = tls_feed(l->tls, data, (size_t)nread, on_plain, l);
	if (rc < 0) {
		if (l->state == LINK_SECURING) {
			snprintf(l->tls_error, sizeof l->tls_error, "%s",
			         tls_strerror(l->tls));
			fail(l, UV_ECONNABORTED);
		} else {
			fail(l, rc == -EPIPE ? UV_EOF : UV_EPROTO);
		}
		return;
	}
	if (l->state == LINK_SECURING && tls_ready(l->tls))
		secured(l);
}

/* Whether addr is this computer's own (127.0.0.0/8, ::1, or 127.x
 * mapped into IPv6). */
static bool
is_loopback(const struct sockaddr_storage *addr)
{
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	                                    0xff, 0xff };
	const uint8_t *a;

	if (addr->ss_family == AF_INET) {
		a = (const uint8_t *)&((const struct sockaddr_in *)addr)->sin_addr;
		return a[0] == 127;
	}
	if (addr->ss_family != AF_INET6)
		return false;
	a = ((const struct sockaddr_in6 *)addr)->sin6_addr.s6_addr;
	if (memcmp(a, mapped, sizeof mapped) == 0)
		return a[12] == 127;
	return memcmp(a, in6addr_loopback.s6_addr, 16) == 0;
}

static void
on_connect(uv_connect_t *req, int status)
{
	struct link *l = req->data;
	struct sockaddr_storage peer;
	int len = sizeof peer;

	if (l->state != LINK_CONNECTING)
		return;
	if (status < 0) {
		fail(l, status);
		return;
	}
	uv_tcp_nodelay(&l->tcp, 1);
	l->peer_loopback = uv_tcp_getpeername(&l->tcp,
	        (struct sockaddr *)&peer, &len) == 0 && is_loopback(&peer);
	l->last_heard = l->last_sent = link_now(l);
	l->last_quiet = 0;
	l->stack_watches = false;
	l->heard = false;
	l->tls_error[0] = '\0';
	l->state = l->use_tls ? LINK_SECURING : LINK_UP;
	if (uv_read_start((uv_stream_t *)&l->tcp, on_alloc, on_read) < 0) {
		fail(l, UV_EPIPE);
		return;
	}
	uv_timer_start(&l->heartbeat, on_no_answer, LINK_ANSWER_MS, 0);
	if (!l->use_tls) {
		up(l);
		return;
	}
	if (tls_client_new(&l->tls, write_tls, l) < 0) {
		snprintf(l->tls_error, sizeof l->tls_error, "%s",
		         "cannot start TLS");
		fail(l, UV_ECONNABORTED);
	}
}

/* Picks the address to try: with several (say ::1 and 127.0.0.1 for
 * localhost), IPv4 first, as a school server listening on IPv4 only is
 * the common case and a refused attempt would cost a round of errors. */
static const struct addrinfo *
pick_address(const struct addrinfo *list)
{
	const struct addrinfo *ai;

	for (ai = list; ai != NULL; ai = ai->ai_next)
		if (ai->ai_family == AF_INET)
			return ai;
	return list;
}

static void
on_resolved(uv_getaddrinfo_t *req, int status, struct addrinfo *res)
{
	struct link *l = req->data;
	const struct addrinfo *ai;
	int rc;

	l->resolving = false;
	if (l->state != LINK_RESOLVING) {
		/* Dropped or closed while the lookup ran. */
		uv_freeaddrinfo(res);
		maybe_idle(l);
		return;
	}
	if (status < 0) {
		fail(l, status);
		return;
	}
	ai = pick_address(res);
	rc = uv_tcp_init(l->loop, &l->tcp);
	if (rc == 0) {
		l->tcp_open = true;
		l->tcp.data = l;
		l->state = LINK_CONNECTING;
		rc = uv_tcp_connect(&l->connector, &l->tcp, ai->ai_addr,
		                    on_connect);
	}
	uv_freeaddrinfo(res);
	if (rc < 0)
		fail(l, rc);
}

int
link_open(struct link *l, const char *host, int port)
{
	struct addrinfo hints;
	char service[16];
	int rc;

	if (l->state != LINK_IDLE)
		return UV_EBUSY;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	snprintf(service, sizeof service, "%d", port);
	rc = uv_getaddrinfo(l->loop, &l->resolver, on_resolved, host, service,
	                    &hints);
	if (rc < 0)
		return rc;
	l->resolving = true;
	l->state = LINK_RESOLVING;
	return 0;
}

/* Lets go of the socket and the lookup; next is the state after. */
static void
let_go(struct link *l, enum link_state next)
{
	l->state = next;
	uv_timer_stop(&l->heartbeat);
	l->beating = false;
	frame_partial_reset(&l->partial);
	/* A lookup that is already running cannot be stopped; its answer
	 * is thrown away when it comes. */
	if (l->resolving)
		uv_cancel((uv_req_t *)&l->resolver);
	if (l->tcp_open && !uv_is_closing((uv_handle_t *)&l->tcp))
		uv_close((uv_handle_t *)&l->tcp, on_tcp_closed);
}

bool
link_drop(struct link *l)
{
	if (l->state == LINK_CLOSED)
		return false;
	if (l->state == LINK_IDLE)
		return true;
	let_go(l, LINK_DROPPING);
	if (l->tcp_open || l->resolving)
		return false;
	l->state = LINK_IDLE;
	return true;
}

void
link_close(struct link *l)
{
	if (l->state == LINK_CLOSED)
		return;
	let_go(l, LINK_CLOSED);
	if (!uv_is_closing((uv_handle_t *)&l->heartbeat))
		uv_close((uv_handle_t *)&l->heartbeat, on_handle_closed);
}

void
link_free(struct link *l)
{
	frame_partial_reset(&l->partial);
}
