/* Looking for a server on the LAN with a UDP query (see discover.h and
 * docs/protocol.md, "Discovery"). */
#include "discover.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "wire.h"

size_t
discover_targets(const uv_interface_address_t *ifs, int nifs, int port,
                 struct sockaddr_in *targets)
{
	struct sockaddr_in b;
	size_t n = 1, j;
	int i;

	uv_ip4_addr("127.0.0.1", port, &targets[0]);
	for (i = 0; i < nifs && n < DISCOVER_TARGETS_MAX; i++) {
		if (ifs[i].is_internal ||
		    discwire_broadcast(&ifs[i].address.address4,
		                       &ifs[i].netmask.netmask4, &b) < 0)
			continue;
		for (j = 1; j < n; j++)
			if (targets[j].sin_addr.s_addr == b.sin_addr.s_addr)
				break;
		if (j < n)
			continue;
		b.sin_port = htons((uint16_t)port);
		targets[n++] = b;
	}
	return n;
}

static void
finish(struct discover *d)
{
	if (d->finished)
		return;
	d->finished = true;
	discover_close(d);
	d->done(d->arg, &d->best);
}

static void
on_timer(uv_timer_t *timer)
{
	finish(timer->data);
}

static void
on_alloc(uv_handle_t *handle, size_t suggested, uv_buf_t *buf)
{
	struct discover *d = handle->data;

	(void)suggested;
	*buf = uv_buf_init((char *)d->buf, sizeof d->buf);
}

/* Whether addr is this computer's. */
static bool
is_own(const struct discover *d, const struct sockaddr_in *addr)
{
	size_t i;

	if ((ntohl(addr->sin_addr.s_addr) >> 24) == 127)
		return true;
	for (i = 0; i < d->nown; i++)
		if (d->own[i].s_addr == addr->sin_addr.s_addr)
			return true;
	return false;
}

static void
on_datagram(uv_udp_t *udp, ssize_t nread, const uv_buf_t *buf,
            const struct sockaddr *from, unsigned flags)
{
	struct discover *d = udp->data;
	const struct sockaddr_in *sin = (const struct sockaddr_in *)from;
	struct discwire_reply r;
	int rank;

	if (d->finished || nread <= 0 || from == NULL ||
	    from->sa_family != AF_INET || (flags & UV_UDP_PARTIAL) ||
	    discwire_reply_parse((const uint8_t *)buf->base, (size_t)nread,
	                         &r) < 0 || r.nonce != d->nonce)
		return;
	/* The code's holder first, then this computer, then the rest in
	 * the order they answered. */
	rank = (d->code[0] != '\0' && r.holds_code ? 4 : 0) +
	       (is_own(d, sin) ? 2 : 0) + 1;
	if (rank > d->best_rank) {
		d->best_rank = rank;
		d->best.found = true;
		d->best.holds_code = d->code[0] != '\0' && r.holds_code;
		d->best.local = is_own(d, sin);
		uv_ip4_name(sin, d->best.host, sizeof d->best.host);
		d->best.port = r.port;
		snprintf(d->best.name, sizeof d->best.name, "%s", r.name);
	}
	/* Nothing can beat the local holder of the code, or without a code
	 * the local server; the holder elsewhere is as good as it gets but
	 * for a local one, which would have answered first. */
	if ((d->code[0] != '\0' && d->best.holds_code) ||
	    (d->code[0] == '\0' && d->best.local)) {
		finish(d);
		return;
	}
	if (d->code[0] == '\0' &&
	    uv_timer_get_due_in(&d->timer) > DISCOVER_GRACE_MS)
		uv_timer_start(&d->timer, on_timer, DISCOVER_GRACE_MS, 0);
}

/* Sets d->nonce from the system's randomness, or the clock. */
static void
draw_nonce(struct discover *d)
{
	struct timespec ts;

	if (uv_random(NULL, NULL, &d->nonce, sizeof d->nonce, 0, NULL) == 0)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	d->nonce = (uint64_t)ts.tv_sec * 1000000007u + (uint64_t)ts.tv_nsec;
}

/* Notes this computer's IPv4 addresses and fills targets; returns how
 * many targets. */
static size_t
find_targets(struct discover *d, int port, struct sockaddr_in *targets)
{
	uv_interface_address_t *ifs;
	size_t n;
	int nifs, i;

	d->nown = 0;
	if (uv_interface_addresses(&ifs, &nifs) < 0) {
		uv_ip4_addr("127.0.0.1", port, &targets[0]);
		return 1;
	}
	for (i = 0; i < nifs && d->nown < DISCOVER_TARGETS_MAX; i++)
		if (ifs[i].address.address4.sin_family == AF_INET)
			d->own[d->nown++] = ifs[i].address.address4.sin_addr;
	n = discover_targets(ifs, nifs, port, targets);
	uv_free_interface_addresses(ifs, nifs);
	return n;
}

int
discover_start(struct discover *d, uv_loop_t *loop, const char *code,
               int port, int timeout_ms, discover_done_fn done, void *arg)
{
	struct sockaddr_in any, targets[DISCOVER_TARGETS_MAX];
	struct discwire_query q;
	uint8_t query[DISCWIRE_QUERY_SIZE];
	size_t n, i, sent = 0;
	uv_buf_t buf;
	int rc, len;

	memset(d, 0, sizeof *d);
	d->done = done;
	d->arg = arg;
	if (code == NULL || code_normalise(code, d->code) < 0)
		d->code[0] = '\0';
	draw_nonce(d);
	memset(&q, 0, sizeof q);
	q.protocol_version = WIRE_VERSION_MAX;
	memcpy(q.code, d->code, sizeof q.code);
	q.nonce = d->nonce;
	len = discwire_query_build(&q, query, sizeof query);
	if (len < 0)
		return UV_EINVAL;
	rc = uv_udp_init(loop, &d->udp);
	if (rc < 0)
		return rc;
	d->udp.data = d;
	uv_ip4_addr("0.0.0.0", 0, &any);
	rc = uv_udp_bind(&d->udp, (struct sockaddr *)&any, 0);
	if (rc == 0)
		rc = uv_udp_set_broadcast(&d->udp, 1);
	if (rc == 0)
		rc = uv_udp_recv_start(&d->udp, on_alloc, on_datagram);
	if (rc < 0) {
		uv_close((uv_handle_t *)&d->udp, NULL);
		return rc;
	}
	uv_timer_init(loop, &d->timer);
	d->timer.data = d;
	d->open = true;
	n = find_targets(d, port, targets);
	buf = uv_buf_init((char *)query, (unsigned)len);
	for (i = 0; i < n; i++)
		if (uv_udp_try_send(&d->udp, &buf, 1,
		                    (struct sockaddr *)&targets[i]) >= 0)
			sent++;
	/* Nothing could go out (no network at all): the answer is known. */
	uv_timer_start(&d->timer, on_timer,
	               sent > 0 ? (uint64_t)timeout_ms : 0, 0);
	return 0;
}

void
discover_close(struct discover *d)
{
	if (!d->open)
		return;
	d->open = false;
	d->finished = true;
	uv_close((uv_handle_t *)&d->udp, NULL);
	uv_close((uv_handle_t *)&d->timer, NULL);
}

static void
on_run_done(void *arg, const struct discover_result *r)
{
	*(struct discover_result *)arg = *r;
}

int
discover_run(const char *code, int port, int timeout_ms,
             struct discover_result *out)
{
	static struct discover d;
	uv_loop_t loop;
	int rc;

	memset(out, 0, sizeof *out);
	rc = uv_loop_init(&loop);
	if (rc < 0)
		return rc;
	rc = discover_start(&d, &loop, code, port, timeout_ms, on_run_done,
	                    out);
	uv_run(&loop, UV_RUN_DEFAULT);
	uv_loop_close(&loop);
	if (rc < 0)
		return rc;
	return out->found ? 0 : -ENOENT;
}
