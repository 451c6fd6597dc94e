/* One connection of the load generator to an aandeslag server, plain or
 * in TLS as our clients speak it: connect from a chosen source address,
 * send envelopes as frames, hand every received envelope to the owner.
 * The server's key is not checked: the generator only ever talks to the
 * server the benchmark started on loopback. */
#include "member.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "tls.h"
#include "tlswrite.h"
#include "wire.h"

/* One read buffer for every connection: the loop reads one at a time. */
static char read_buffer[64 * 1024];

struct write_req {
	uv_write_t req;
	struct wire_buf *buf;
};

static void
on_closed(uv_handle_t *handle)
{
	struct member *m = handle->data;

	frame_partial_reset(&m->partial);
	tls_free(m->tls);
	m->tls = NULL;
	if (m->handler->closed != NULL)
		m->handler->closed(m);
}

void
member_close(struct member *m)
{
	if (m->closing)
		return;
	m->closing = true;
	m->open = false;
	uv_close((uv_handle_t *)&m->tcp, on_closed);
}

static void
on_alloc(uv_handle_t *handle, size_t suggested, uv_buf_t *buf)
{
	(void)handle;
	(void)suggested;
	buf->base = read_buffer;
	buf->len = sizeof read_buffer;
}

static int
on_frame(void *arg, const uint8_t *payload, size_t len)
{
	struct member *m = arg;
	struct wire_alloc alloc;
	Aandeslag__Envelope *env;

	wire_alloc_init(&alloc, len);
	env = wire_unpack(payload, len, &alloc);
	if (env == NULL)
		return -EBADMSG;
	m->handler->received(m, env);
	wire_free(env, &alloc);
	return m->closing ? -ECANCELED : 0;
}

/* Plaintext out of the TLS session: frames, as on a plain stream. */
static int
on_plain(void *arg, const uint8_t *data, size_t len)
{
	struct member *m = arg;

	return frame_feed(&m->partial, data, len, FRAME_MAX_SERVER, on_frame,
	                  m);
}

static void
on_tls_written(void *arg, int status)
{
	if (status < 0 && status != UV_ECANCELED)
		member_close(arg);
}

/* The TLS session's records go out as they are. */
static int
write_tls(void *arg, uint8_t *data, size_t len)
{
	struct member *m = arg;

	if (m->closing) {
		free(data);
		return -EPIPE;
	}
	return tlswrite_start((uv_stream_t *)&m->tcp, data, len,
	                      on_tls_written, m) < 0 ? -EPIPE : 0;
}

static void
on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf)
{
	struct member *m = stream->data;

	if (nread < 0) {
		member_close(m);
		return;
	}
	if (nread == 0 || m->closing)
		return;
	if (m->tls != NULL) {
		bool was_ready = tls_ready(m->tls);

		if (tls_feed(m->tls, (const uint8_t *)buf->base, (size_t)nread,
		             on_plain, m) != 0) {
			member_close(m);
			return;
		}
		if (!was_ready && tls_ready(m->tls))
			m->handler->connected(m, 0);
		return;
	}
	if (frame_feed(&m->partial, (const uint8_t *)buf->base,
	               (size_t)nread, FRAME_MAX_SERVER, on_frame, m) != 0)
		member_close(m);
}

static void
on_connect(uv_connect_t *req, int status)
{
	struct member *m = req->data;

	if (m->closing)
		return;
	if (status == 0) {
		m->open = true;
		status = uv_read_start((uv_stream_t *)&m->tcp, on_alloc,
		                       on_read);
	}
	if (status == 0 && m->use_tls) {
		/* connected() follows the handshake (on_read()). */
		if (tls_client_new(&m->tls, write_tls, m) < 0)
			member_close(m);
		return;
	}
	m->handler->connected(m, status);
}

int
member_connect(struct member *m, uv_loop_t *loop, const char *host,
               int port, const char *source)
{
	struct sockaddr_in to, from;
	int rc;

	rc = uv_ip4_addr(host, port, &to);
	if (rc != 0)
		return rc;
	rc = uv_tcp_init(loop, &m->tcp);
	if (rc != 0)
		return rc;
	m->tcp.data = m;
	m->connect.data = m;
	uv_tcp_nodelay(&m->tcp, 1);
	if (source != NULL) {
		rc = uv_ip4_addr(source, 0, &from);
		if (rc == 0)
			rc = uv_tcp_bind(&m->tcp, (const struct sockaddr *)&from,
			                 0);
	}
	if (rc == 0)
		rc = uv_tcp_connect(&m->connect, &m->tcp,
		                    (const struct sockaddr *)&to, on_connect);
	if (rc != 0) {
		/* The handle exists: close it, the owner hears closed(). */
		member_close(m);
		return 0;
	}
	return 0;
}

static void
on_written(uv_write_t *req, int status)
{
	struct write_req *w = (struct write_req *)req;

	(void)status;
	wire_unref(w->buf);
	free(w);
}

int
member_send(struct member *m, const Aandeslag__Envelope *env)
{
	struct write_req *w;
	uv_buf_t buf;
	int rc;

	if (!m->open)
		return -EPIPE;
	if (m->tls != NULL) {
		struct wire_buf *frame;

		rc = wire_pack(env, FRAME_MAX_CLIENT, &frame);
		if (rc != 0)
			return rc;
		rc = tls_send(m->tls, frame->data, frame->len);
		wire_unref(frame);
		if (rc < 0) {
			member_close(m);
			return -EPIPE;
		}
		return 0;
	}
	w = malloc(sizeof *w);
	if (w == NULL)
		return -ENOMEM;
	rc = wire_pack(env, FRAME_MAX_CLIENT, &w->buf);
	if (rc != 0) {
		free(w);
		return rc;
	}
	buf = uv_buf_init((char *)w->buf->data, (unsigned)w->buf->len);
	rc = uv_write(&w->req, (uv_stream_t *)&m->tcp, &buf, 1, on_written);
	if (rc != 0) {
		wire_unref(w->buf);
		free(w);
		member_close(m);
		return -EPIPE;
	}
	return 0;
}

int
member_hello(struct member *m)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Hello hello = AANDESLAG__HELLO__INIT;

	hello.min_version = WIRE_VERSION_MIN;
	hello.max_version = WIRE_VERSION_MAX;
	hello.software = (char *)"aandeslag-bench";
	env.body_case = AANDESLAG__ENVELOPE__BODY_HELLO;
	env.hello = &hello;
	return member_send(m, &env);
}
