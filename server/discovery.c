/* Answers discovery queries on UDP (see discovery.h and docs/protocol.md,
 * "Discovery"). */
#include "discovery.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "wire.h"

int
discovery_answer(struct discovery *d, const uint8_t *data, size_t len,
                 const struct sockaddr *from, int64_t now_ms, uint8_t *out,
                 size_t size)
{
	struct discwire_query q;
	struct discwire_reply r;
	int n, holds = 0;

	if (discwire_query_parse(data, len, &q) < 0)
		return 0;
	if (!discwire_bucket_take(&d->bucket, now_ms)) {
		d->dropped++;
		return 0;
	}
	memset(&r, 0, sizeof r);
	r.protocol_version = WIRE_VERSION_MAX;
	r.port = d->tcp_port;
	snprintf(r.name, sizeof r.name, "%s", d->name);
	snprintf(r.version, sizeof r.version, "%s", PACKAGE_VERSION);
	/* Whether a code is held is what a guesser wants to know: the
	 * callback counts a miss as a failed join, and keeps quiet to an
	 * address that must wait. */
	if (q.code[0] != '\0') {
		holds = d->holds(d->arg, q.code, from);
		if (holds < 0) {
			d->withheld++;
			return 0;
		}
	}
	r.holds_code = holds > 0;
	r.nonce = q.nonce;
	n = discwire_reply_build(&r, out, size);
	/* Never more than was asked with: no amplification. */
	if (n <= 0 || (size_t)n > len)
		return 0;
	d->replies++;
	return n;
}

static void
on_alloc(uv_handle_t *handle, size_t suggested, uv_buf_t *buf)
{
	struct discovery *d = handle->data;

	(void)suggested;
	/* One byte more than the largest datagram taken, so that a larger
	 * one shows as truncated. */
	*buf = uv_buf_init((char *)d->buf, sizeof d->buf);
}

static void
on_datagram(uv_udp_t *udp, ssize_t nread, const uv_buf_t *buf,
            const struct sockaddr *from, unsigned flags)
{
	struct discovery *d = udp->data;
	uint8_t reply[DISCWIRE_REPLY_MAX];
	uv_buf_t out;
	int n;

	if (nread <= 0 || from == NULL || (flags & UV_UDP_PARTIAL) ||
	    (size_t)nread > DISCWIRE_DATAGRAM_MAX)
		return;
	n = discovery_answer(d, (const uint8_t *)buf->base, (size_t)nread,
	                     from, (int64_t)uv_now(udp->loop), reply,
	                     sizeof reply);
	if (n <= 0)
		return;
	/* Unicast to the sender; a reply that cannot go at once is lost,
	 * as datagrams may be: the client asks again or falls back. */
	out = uv_buf_init((char *)reply, (unsigned)n);
	(void)uv_udp_try_send(udp, &out, 1, from);
}

/* Opens one socket at addr; returns 0 or a negative libuv error (the
 * handle is closed again then). */
static int
open_socket(struct discovery *d, uv_loop_t *loop, uv_udp_t *udp,
            const struct sockaddr *addr, unsigned flags)
{
	int rc;

	rc = uv_udp_init(loop, udp);
	if (rc < 0)
		return rc;
	udp->data = d;
	rc = uv_udp_bind(udp, addr, flags);
	if (rc == 0)
		rc = uv_udp_recv_start(udp, on_alloc, on_datagram);
	if (rc < 0)
		uv_close((uv_handle_t *)udp, NULL);
	return rc;
}

int
discovery_start(struct discovery *d, uv_loop_t *loop, const char *listen,
                int tcp_port, discovery_holds_fn holds, void *arg)
{
	struct sockaddr_storage addr;
	size_t size = sizeof d->name;
	bool all = listen == NULL || strcmp(listen, "0.0.0.0") == 0 ||
	           strcmp(listen, "::") == 0;
	int rc4 = UV_EINVAL, rc6 = UV_EINVAL;

	d->open4 = d->open6 = false;
	d->tcp_port = tcp_port;
	d->holds = holds;
	d->arg = arg;
	d->replies = d->dropped = 0;
	discwire_bucket_init(&d->bucket, (int64_t)uv_now(loop));
	if (uv_os_gethostname(d->name, &size) < 0)
		d->name[0] = '\0';
	if (all) {
		uv_ip4_addr("0.0.0.0", tcp_port, (struct sockaddr_in *)&addr);
		rc4 = open_socket(d, loop, &d->udp4,
		                  (struct sockaddr *)&addr, 0);
		uv_ip6_addr("::", tcp_port, (struct sockaddr_in6 *)&addr);
		rc6 = open_socket(d, loop, &d->udp6,
		                  (struct sockaddr *)&addr, UV_UDP_IPV6ONLY);
	} else if (uv_ip4_addr(listen, tcp_port,
	                       (struct sockaddr_in *)&addr) == 0) {
		rc4 = open_socket(d, loop, &d->udp4,
		                  (struct sockaddr *)&addr, 0);
	} else if (uv_ip6_addr(listen, tcp_port,
	                       (struct sockaddr_in6 *)&addr) == 0) {
		rc6 = open_socket(d, loop, &d->udp6,
		                  (struct sockaddr *)&addr, 0);
	}
	d->open4 = rc4 == 0;
	d->open6 = rc6 == 0;
	if (d->open4 || d->open6)
		return 0;
	return rc4 != UV_EINVAL ? rc4 : rc6;
}

void
discovery_stop(struct discovery *d)
{
	if (d->open4)
		uv_close((uv_handle_t *)&d->udp4, NULL);
	if (d->open6)
		uv_close((uv_handle_t *)&d->udp6, NULL);
	d->open4 = d->open6 = false;
}
