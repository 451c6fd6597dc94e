/* Server connections: reads go through one buffer shared by all
 * connections, writes are reference-counted frames, and every way a
 * connection ends runs through conn_close(). Connections are counted per
 * address and in all from accept until their handle is closed; commands
 * are paced by a token bucket per connection (see struct conn). */
#include "conn.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "connlimit.h"
#include "room.h"
#include "server.h"
#include "tlswrite.h"
#include "workshop.h"

/* One write of one or more whole frames, each holding its reference
 * until the kernel has taken it. */
struct write_req {
	uv_write_t req;
	struct conn *conn;
	size_t nbufs;
	struct wire_buf *bufs[];
};

/* Frames gathered into one write (writev) without allocating the list of
 * buffers; a longer run of held frames is written in pieces this long. */
#define WRITE_BATCH 64

/* The first byte of a TLS handshake record; a frame starts with the high
 * byte of its length, which FRAME_MAX_CLIENT keeps at 0. */
#define TLS_HANDSHAKE_BYTE 0x16

static void
on_alloc(uv_handle_t *handle, size_t suggested, uv_buf_t *buf)
{
	struct conn *c = handle->data;

	(void)suggested;
	/* libuv reads one stream at a time and hands the bytes to on_read()
	 * before it asks for a buffer again, so one buffer serves every
	 * connection; a partial frame is copied out of it. */
	*buf = uv_buf_init((char *)c->server->readbuf,
	                   (unsigned)sizeof c->server->readbuf);
}

static void
release_held(struct conn *c)
{
	size_t i;

	for (i = 0; i < c->nheld; i++)
		wire_unref(c->held[i]);
	free(c->held);
	c->held = NULL;
	c->nheld = c->held_cap = 0;
}

static void
on_resume_closed(uv_handle_t *handle)
{
	free(handle->data);
}

static void
on_closed(uv_handle_t *handle)
{
	struct conn *c = handle->data;
	struct conn **p;

	/* The room hears of it here, outside any broadcast that may have
	 * closed this connection, so events keep their order. */
	if (c->room != NULL)
		room_detach(c);
	if (c->workshop != NULL)
		workshop_detach(c);
	frame_partial_reset(&c->partial);
	release_held(c);
	tls_free(c->tls);
	c->tls = NULL;
	if (c->held_listed)
		for (p = &c->server->held; *p != NULL; p = &(*p)->held_next)
			if (*p == c) {
				*p = c->held_next;
				break;
			}
	if (c->prev != NULL)
		c->prev->next = c->next;
	else
		c->server->conns = c->next;
	if (c->next != NULL)
		c->next->prev = c->prev;
	c->server->nconns--;
	if (c->counted)
		connlimit_remove(&c->server->connlimit,
		                 c->has_peer ? &c->peer : NULL);
	free(c->backlog);
	c->backlog = NULL;
	server_watch(c->server);
	/* The timer is the last handle: c is freed when it has closed. */
	uv_close((uv_handle_t *)&c->resume, on_resume_closed);
}

void
conn_close(struct conn *c)
{
	if (c->state == CONN_CLOSED)
		return;
	c->state = CONN_CLOSED;
	uv_read_stop((uv_stream_t *)&c->tcp);
	/* Pending writes are cancelled; their callbacks run before on_closed,
	 * so nothing refers to c when it is freed. */
	uv_close((uv_handle_t *)&c->tcp, on_closed);
}

static void
on_write(uv_write_t *req, int status)
{
	struct write_req *w = (struct write_req *)req;
	struct conn *c = w->conn;
	size_t i;

	for (i = 0; i < w->nbufs; i++)
		wire_unref(w->bufs[i]);
	free(w);
	if (status < 0 && status != UV_ECANCELED) {
		server_log(c->server, "connection %llu: write failed: %s",
		           (unsigned long long)c->log_id, uv_strerror(status));
		conn_close(c);
	}
}

/* Keeps buf back until the turn's commit. */
static int
hold(struct conn *c, struct wire_buf *buf)
{
	struct wire_buf **more;

	if (c->nheld == c->held_cap) {
		size_t cap = c->held_cap ? c->held_cap * 2 : 8;

		more = realloc(c->held, cap * sizeof *more);
		if (more == NULL) {
			conn_close(c);
			return -ENOMEM;
		}
		c->held = more;
		c->held_cap = cap;
	}
	c->held[c->nheld++] = wire_ref(buf);
	server_hold(c->server, c);
	return 0;
}

/* A write of TLS records ended: a failure ends the connection, as for a
 * plain frame. */
static void
on_tls_written(void *arg, int status)
{
	struct conn *c = arg;

	if (status < 0 && status != UV_ECANCELED) {
		server_log(c->server, "connection %llu: write failed: %s",
		           (unsigned long long)c->log_id, uv_strerror(status));
		conn_close(c);
	}
}

/* The TLS session's write function: the records go out as they are. */
static int
write_tls(void *arg, uint8_t *data, size_t len)
{
	struct conn *c = arg;

	if (c->state == CONN_CLOSED) {
		free(data);
		return -EPIPE;
	}
	return tlswrite_start((uv_stream_t *)&c->tcp, data, len,
	                      on_tls_written, c) < 0 ? -EPIPE : 0;
}

/* Drops the first written bytes from the n buffers b of frames: the
 * buffers still to write move to the front of b, and *frames and *n then
 * name the frames they belong to. */
static void
skip_written(uv_buf_t *b, struct wire_buf *const **frames, size_t *n,
             size_t written)
{
	size_t first = 0, i;

	while (first < *n && written >= b[first].len) {
		written -= b[first].len;
		first++;
	}
	if (first < *n) {
		b[first].base += written;
		b[first].len -= written;
	}
	for (i = first; i < *n; i++)
		b[i - first] = b[i];
	*frames += first;
	*n -= first;
}

/* Writes n frames (n <= WRITE_BATCH) to c, a plain connection in one
 * write call, an encrypted one through its TLS session. */
static int
write_frames(struct conn *c, struct wire_buf *const *frames, size_t n)
{
	uv_buf_t b[WRITE_BATCH];
	struct write_req *w;
	size_t queued, len = 0, i;
	int rc;

	for (i = 0; i < n; i++)
		len += frames[i]->len;
	/* Only what the kernel has not taken counts: libuv writes at once
	 * when it can, and reports completion a loop turn later. */
	queued = uv_stream_get_write_queue_size((uv_stream_t *)&c->tcp);
	if (queued + len > c->server->opts.send_queue_max) {
		server_log(c->server,
		           "connection %llu: stopped reading, %zu bytes queued; closing",
		           (unsigned long long)c->log_id, queued);
		conn_close(c);
		return -ENOBUFS;
	}
	if (c->tls != NULL) {
		/* Encrypted: tls_send() hands the records to write_tls(). */
		for (i = 0; i < n; i++) {
			rc = tls_send(c->tls, frames[i]->data, frames[i]->len);
			if (rc < 0) {
				conn_close(c);
				return -EPIPE;
			}
		}
		return 0;
	}
	for (i = 0; i < n; i++)
		b[i] = uv_buf_init((char *)frames[i]->data,
		                   (unsigned)frames[i]->len);
	/* Mostly the kernel takes it all at once: then there is no request
	 * to allocate, complete and call back on the next turn. libuv says
	 * UV_EAGAIN itself while earlier writes wait, which keeps the order. */
	rc = uv_try_write((uv_stream_t *)&c->tcp, b, (unsigned)n);
	if (rc < 0 && rc != UV_EAGAIN) {
		conn_close(c);
		return -EPIPE;
	}
	if (rc > 0 && (size_t)rc == len)
		return 0;
	skip_written(b, &frames, &n, rc > 0 ? (size_t)rc : 0);
	w = calloc(1, sizeof *w + n * sizeof w->bufs[0]);
	if (w == NULL) {
		conn_close(c);
		return -ENOMEM;
	}
	w->conn = c;
	w->nbufs = n;
	for (i = 0; i < n; i++)
		w->bufs[i] = wire_ref(frames[i]);
	rc = uv_write(&w->req, (uv_stream_t *)&c->tcp, b, (unsigned)n,
	              on_write);
	if (rc < 0) {
		for (i = 0; i < n; i++)
			wire_unref(w->bufs[i]);
		free(w);
		conn_close(c);
		return -EPIPE;
	}
	return 0;
}

int
conn_send_event(struct conn *c, struct wire_buf *buf)
{
	if (c->state == CONN_CLOSED || c->state == CONN_CLOSING)
		return -EPIPE;
	if (server_holding(c->server))
		return hold(c, buf);
	return write_frames(c, &buf, 1);
}

int
conn_send(struct conn *c, struct wire_buf *buf)
{
	if (server_holding(c->server) && c->state != CONN_CLOSED &&
	    c->state != CONN_CLOSING)
		c->held_late = true;
	return conn_send_event(c, buf);
}

static void
on_shutdown(uv_shutdown_t *req, int status)
{
	(void)status;
	conn_close(req->data);
}

/* Ends the connection once what is queued is written: an encrypted one
 * says so first (close_notify), so the client can tell an end from a cut
 * line. */
static void
shut_down(struct conn *c)
{
	if (c->tls != NULL)
		(void)tls_bye(c->tls);
	c->shutdown.data = c;
	if (uv_shutdown(&c->shutdown, (uv_stream_t *)&c->tcp, on_shutdown) < 0)
		conn_close(c);
}

void
conn_finish(struct conn *c, struct wire_buf *buf)
{
	if (c->state == CONN_CLOSED || c->state == CONN_CLOSING)
		return;
	uv_read_stop((uv_stream_t *)&c->tcp);
	if (buf != NULL && conn_send(c, buf) < 0)
		return;
	c->state = CONN_CLOSING;
	if (c->nheld > 0) {
		/* Ends after the held frames, once they are written. */
		c->finish_held = true;
		return;
	}
	/* The shutdown completes after the queued frames are written. */
	shut_down(c);
}

void
conn_fail(struct conn *c, int code, const char *const *params,
          size_t nparams)
{
	struct wire_buf *buf = NULL;

	if (code != AANDESLAG__ERROR_CODE__ERROR_SERVER_SHUTDOWN)
		server_log(c->server, "connection %llu: closing: %s",
		           (unsigned long long)c->log_id, refusal_name(code));
	wire_pack_closing(code, params, nparams, &buf);
	conn_finish(c, buf);
	wire_unref(buf);
}

void
conn_flush(struct conn *c)
{
	size_t i;

	c->held_listed = false;
	c->held_late = false;
	c->held_next = NULL;
	/* What a turn made for one connection goes out in one write: under
	 * load a member gets several events (and its answers) at once. */
	for (i = 0; i < c->nheld && c->state != CONN_CLOSED;
	     i += WRITE_BATCH) {
		size_t n = c->nheld - i;

		if (write_frames(c, &c->held[i],
		                 n < WRITE_BATCH ? n : WRITE_BATCH) < 0)
			break;
	}
	release_held(c);
	if (c->finish_held && c->state == CONN_CLOSING) {
		c->finish_held = false;
		shut_down(c);
	}
}

void
conn_drop_held(struct conn *c)
{
	c->held_listed = false;
	c->held_late = false;
	c->held_next = NULL;
	release_held(c);
	conn_close(c);
}

/* Unpacks one frame and hands it to the server. */
static int
dispatch_frame(struct conn *c, const uint8_t *payload, size_t len)
{
	Aandeslag__Envelope *env;
	struct wire_alloc alloc;

	wire_alloc_init(&alloc, len);
	env = wire_unpack(payload, len, &alloc);
	if (env == NULL) {
		conn_fail(c, AANDESLAG__ERROR_CODE__ERROR_MALFORMED_FRAME, NULL, 0);
		return 1;
	}
	server_dispatch(c, env);
	wire_free(env, &alloc);
	/* Frames after a fatal one are not read. */
	return c->state == CONN_CLOSING || c->state == CONN_CLOSED;
}

/* Keeps a frame that has no token yet. A client of ours never has more
 * than FRAME_UNANSWERED_MAX commands unanswered, and the burst is above
 * that: one with more than a burst's worth waiting is not ours, and is
 * cut off. Returns 0 to go on, 1 when it was cut off. */
static int
keep_back(struct conn *c, const uint8_t *payload, size_t len)
{
	const struct server_options *o = &c->server->opts;
	size_t need = c->backlog_len + FRAME_HEADER + len;
	uint8_t *grown;
	char rate[16];
	const char *params[] = { rate };

	if (c->backlog_frames >= o->command_burst) {
		server_log(c->server, "connection %llu: %zu commands waiting "
		           "past the command rate",
		           (unsigned long long)c->log_id, c->backlog_frames);
		snprintf(rate, sizeof rate, "%u", (unsigned)o->command_rate);
		conn_fail(c, AANDESLAG__ERROR_CODE__ERROR_TOO_MANY_COMMANDS,
		          params, 1);
		return 1;
	}
	if (need > c->backlog_cap) {
		size_t cap = c->backlog_cap ? c->backlog_cap : 4096;

		while (cap < need)
			cap *= 2;
		grown = realloc(c->backlog, cap);
		if (grown == NULL) {
			conn_fail(c, AANDESLAG__ERROR_CODE__ERROR_INTERNAL, NULL, 0);
			return 1;
		}
		c->backlog = grown;
		c->backlog_cap = cap;
	}
	frame_header(c->backlog + c->backlog_len, (uint32_t)len);
	memcpy(c->backlog + c->backlog_len + FRAME_HEADER, payload, len);
	c->backlog_len = need;
	c->backlog_frames++;
	return 0;
}

static int
on_frame(void *arg, const uint8_t *payload, size_t len)
{
	struct conn *c = arg;

	/* Once one waits, all after it wait too: the order is kept. */
	if (c->backlog_frames > 0 ||
	    !bucket_take(&c->bucket, server_now(c->server)))
		return keep_back(c, payload, len);
	return dispatch_frame(c, payload, len);
}

static void on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf);

/* Hands waiting frames to the server as tokens come back; reads again
 * once none waits. */
static void
on_resume(uv_timer_t *timer)
{
	struct conn *c = timer->data;
	int64_t now = server_now(c->server);
	const uint8_t *p;
	uint32_t flen;

	while (c->backlog_frames > 0 && c->state != CONN_CLOSING &&
	       c->state != CONN_CLOSED && bucket_take(&c->bucket, now)) {
		p = c->backlog + c->backlog_off;
		flen = frame_length(p);
		c->backlog_off += FRAME_HEADER + (size_t)flen;
		c->backlog_frames--;
		c->last_heard = now;
		dispatch_frame(c, p + FRAME_HEADER, flen);
	}
	if (c->state == CONN_CLOSING || c->state == CONN_CLOSED)
		return;
	if (c->backlog_frames > 0) {
		uv_timer_start(&c->resume, on_resume,
		               (uint64_t)bucket_wait(&c->bucket, now), 0);
		return;
	}
	c->backlog_len = c->backlog_off = 0;
	/* A burst's worth of frames is not kept for an idle connection. */
	free(c->backlog);
	c->backlog = NULL;
	c->backlog_cap = 0;
	c->paused = false;
	if (uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read) < 0)
		conn_close(c);
}

/* Stops reading until the bucket has a token for the first waiting
 * frame. */
static void
pause_reading(struct conn *c)
{
	int64_t now = server_now(c->server);

	if (!c->paused) {
		c->paused = true;
		uv_read_stop((uv_stream_t *)&c->tcp);
		if (!c->was_paused)
			server_log(c->server, "connection %llu: commands "
			           "faster than %u a second; reading paused",
			           (unsigned long long)c->log_id,
			           (unsigned)c->server->opts.command_rate);
		c->was_paused = true;
	}
	uv_timer_start(&c->resume, on_resume,
	               (uint64_t)bucket_wait(&c->bucket, now), 0);
}

/* Feeds plaintext to the frame decoder. Returns nonzero once the
 * connection is closing. */
static int
on_plain(void *arg, const uint8_t *data, size_t len)
{
	struct conn *c = arg;
	int rc;

	rc = frame_feed(&c->partial, data, len, c->server->opts.max_client_frame,
	                on_frame, c);
	if (rc == -EMSGSIZE)
		conn_fail(c, AANDESLAG__ERROR_CODE__ERROR_FRAME_TOO_LARGE, NULL, 0);
	else if (rc == -EBADMSG)
		conn_fail(c, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_MESSAGE, NULL, 0);
	else if (rc < 0)
		conn_fail(c, AANDESLAG__ERROR_CODE__ERROR_INTERNAL, NULL, 0);
	return c->state == CONN_CLOSING || c->state == CONN_CLOSED;
}

/* Decides from the first byte whether the connection is encrypted, and
 * refuses what the server does not serve (in plain frames, which the
 * client reads in either case). Returns 0 to go on. */
static int
sniff(struct conn *c, uint8_t first)
{
	const struct server *srv = c->server;

	c->sniffed = true;
	if (first != TLS_HANDSHAKE_BYTE) {
		if (srv->opts.tls != SERVER_TLS_REQUIRED)
			return 0;
		conn_fail(c, AANDESLAG__ERROR_CODE__ERROR_TLS_REQUIRED, NULL, 0);
		return 1;
	}
	if (srv->tls_creds == NULL) {
		conn_fail(c, AANDESLAG__ERROR_CODE__ERROR_TLS_UNAVAILABLE,
		          NULL, 0);
		return 1;
	}
	if (tls_server_new(&c->tls, srv->tls_creds, write_tls, c) < 0) {
		conn_close(c);
		return 1;
	}
	return 0;
}

static void
on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf)
{
	struct conn *c = stream->data;
	const uint8_t *data = (const uint8_t *)buf->base;
	int rc;

	if (nread == 0)
		return;
	if (nread < 0) {
		conn_close(c);
		return;
	}
	if (c->state == CONN_CLOSING || c->state == CONN_CLOSED)
		return;
	c->last_heard = server_now(c->server);
	if (!c->sniffed && sniff(c, data[0]) != 0)
		return;
	if (c->tls == NULL) {
		on_plain(c, data, (size_t)nread);
	} else {
		rc = tls_feed(c->tls, data, (size_t)nread, on_plain, c);
		if (rc < 0 && c->state != CONN_CLOSED) {
			/* Nothing can be said through a broken session. */
			server_log(c->server, "connection %llu: tls: %s",
			           (unsigned long long)c->log_id,
			           rc == -EPIPE ? "closed by the peer" :
			           tls_strerror(c->tls));
			conn_close(c);
			return;
		}
		if (!c->tls_logged && tls_ready(c->tls)) {
			c->tls_logged = true;
			server_log(c->server, "connection %llu: encrypted (%s)",
			           (unsigned long long)c->log_id,
			           tls_version(c->tls));
		}
	}
	if (c->backlog_frames > 0 && c->state != CONN_CLOSING &&
	    c->state != CONN_CLOSED)
		pause_reading(c);
}

/* Refuses c, one connection too many (rc from connlimit_add()). */
static void
refuse(struct conn *c, int rc)
{
	const struct server_options *o = &c->server->opts;
	bool all = rc == -ENFILE;
	char max[24];
	const char *params[] = { max, all ? "server" : "address" };

	snprintf(max, sizeof max, "%zu",
	         all ? o->max_conns : o->max_conns_per_address);
	server_log(c->server, "connection %llu: refused: %s connections "
	           "open %s", (unsigned long long)c->log_id, max,
	           all ? "in all" : "from its address");
	conn_fail(c, AANDESLAG__ERROR_CODE__ERROR_TOO_MANY_CONNECTIONS,
	          params, 2);
}

static int
accept_one(struct server *srv, uv_stream_t *listener)
{
	struct sockaddr_storage peer;
	int len = sizeof peer;
	struct conn *c;
	int rc;

	c = calloc(1, sizeof *c);
	if (c == NULL)
		return UV_ENOMEM;
	c->server = srv;
	c->tcp.data = c;
	c->log_id = ++srv->conns_ever;
	rc = uv_tcp_init(srv->loop, &c->tcp);
	if (rc < 0) {
		free(c);
		return rc;
	}
	uv_timer_init(srv->loop, &c->resume);
	c->resume.data = c;
	c->next = srv->conns;
	if (srv->conns != NULL)
		srv->conns->prev = c;
	srv->conns = c;
	srv->nconns++;
	rc = uv_accept(listener, (uv_stream_t *)&c->tcp);
	if (rc < 0) {
		conn_close(c);
		return rc;
	}
	uv_tcp_nodelay(&c->tcp, 1);
	if (uv_tcp_getpeername(&c->tcp, (struct sockaddr *)&peer, &len) == 0) {
		char addr[64] = "?";

		if (peer.ss_family == AF_INET6)
			uv_ip6_name((struct sockaddr_in6 *)&peer, addr, sizeof addr);
		else if (peer.ss_family == AF_INET)
			uv_ip4_name((struct sockaddr_in *)&peer, addr, sizeof addr);
		server_log(srv, "connection %llu from %s",
		           (unsigned long long)c->log_id, addr);
		c->has_peer = guard_key_from_addr((struct sockaddr *)&peer,
		                                  &c->peer) == 0;
	}
	c->state = CONN_HELLO;
	c->last_heard = server_now(srv);
	server_watch(srv);
	rc = connlimit_add(&srv->connlimit, c->has_peer ? &c->peer : NULL,
	                   srv->opts.max_conns_per_address,
	                   srv->opts.max_conns);
	if (rc < 0) {
		refuse(c, rc);
		return 0;
	}
	c->counted = true;
	bucket_init(&c->bucket, srv->opts.command_rate,
	            srv->opts.command_burst, server_now(srv));
	rc = uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read);
	if (rc < 0)
		conn_close(c);
	return 0;
}

void
conn_on_connection(uv_stream_t *listener, int status)
{
	struct server *srv = listener->data;
	int rc;

	if (status < 0) {
		server_log(srv, "accept: %s", uv_strerror(status));
		return;
	}
	rc = accept_one(srv, listener);
	if (rc < 0)
		server_log(srv, "accept: %s", uv_strerror(rc));
}
