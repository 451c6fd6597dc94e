/* The limiter for failed joins (see guard.h): per-address token buckets
 * whose refill slows down each time an address runs dry, in a table of
 * fixed size, and one global bucket. A success changes nothing: it
 * neither costs a token nor gives one back, or a guesser who knows one
 * good code could mix it in to wash the penalty away. */
#include "guard.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

void
guard_options_default(struct guard_options *opts)
{
	opts->burst = GUARD_DEFAULT_BURST;
	opts->wait_ms = GUARD_DEFAULT_WAIT_MS;
	opts->wait_max_ms = GUARD_DEFAULT_WAIT_MAX_MS;
	opts->global_per_minute = GUARD_DEFAULT_GLOBAL;
}

void
guard_init(struct guard *g, const struct guard_options *opts, int64_t now)
{
	memset(g, 0, sizeof *g);
	g->opts = *opts;
	if (g->opts.burst == 0)
		g->opts.burst = 1;
	if (g->opts.wait_ms <= 0)
		g->opts.wait_ms = 1;
	if (g->opts.wait_max_ms < g->opts.wait_ms)
		g->opts.wait_max_ms = g->opts.wait_ms;
	g->global_tokens = g->opts.global_per_minute;
	g->global_refill_at = now;
}

int
guard_key_from_addr(const struct sockaddr *sa, struct guard_key *key)
{
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	                                    0xff, 0xff };

	memset(key, 0, sizeof *key);
	if (sa == NULL)
		return -EAFNOSUPPORT;
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)sa;

		key->family = 4;
		memcpy(key->addr, &in->sin_addr, 4);
		return 0;
	}
	if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
		const uint8_t *a = in6->sin6_addr.s6_addr;

		if (memcmp(a, mapped, sizeof mapped) == 0) {
			key->family = 4;
			memcpy(key->addr, a + 12, 4);
		} else {
			key->family = 6;
			memcpy(key->addr, a, 8);
		}
		return 0;
	}
	return -EAFNOSUPPORT;
}

void
guard_key_name(const struct guard_key *key, char *out, size_t size)
{
	char text[INET6_ADDRSTRLEN];

	if (size == 0)
		return;
	if (key->family == 4 &&
	    inet_ntop(AF_INET, key->addr, text, sizeof text) != NULL)
		snprintf(out, size, "%s", text);
	else if (key->family == 6 &&
	         inet_ntop(AF_INET6, key->addr, text, sizeof text) != NULL)
		snprintf(out, size, "%s/64", text);
	else
		snprintf(out, size, "?");
}

/* The wait between tokens for an address that ran dry strikes times. */
static int64_t
interval(const struct guard *g, uint32_t strikes)
{
	int64_t iv = g->opts.wait_ms;
	uint32_t i;

	for (i = 1; i < strikes && iv < g->opts.wait_max_ms; i++)
		iv *= 2;
	return iv < g->opts.wait_max_ms ? iv : g->opts.wait_max_ms;
}

static void
refill(const struct guard *g, struct guard_entry *e, int64_t now)
{
	int64_t iv, n;

	if (e->tokens >= g->opts.burst || now < e->refill_at)
		return;
	iv = interval(g, e->strikes);
	n = 1 + (now - e->refill_at) / iv;
	if (n >= (int64_t)(g->opts.burst - e->tokens)) {
		/* Whole again: the penalty is forgiven. */
		e->tokens = g->opts.burst;
		e->strikes = 0;
		return;
	}
	e->tokens += (uint32_t)n;
	e->refill_at += n * iv;
}

static void
global_refill(struct guard *g, int64_t now)
{
	uint32_t cap = g->opts.global_per_minute;
	int64_t iv, n;

	if (cap == 0 || g->global_tokens >= cap || now < g->global_refill_at)
		return;
	iv = 60000 / cap > 0 ? 60000 / cap : 1;
	n = 1 + (now - g->global_refill_at) / iv;
	if (n >= (int64_t)(cap - g->global_tokens)) {
		g->global_tokens = cap;
		return;
	}
	g->global_tokens += (uint32_t)n;
	g->global_refill_at += n * iv;
}

static struct guard_entry *
find(struct guard *g, const struct guard_key *key)
{
	size_t i;

	for (i = 0; i < GUARD_ENTRIES; i++) {
		struct guard_entry *e = &g->entries[i];

		if (e->used && e->key.family == key->family &&
		    memcmp(e->key.addr, key->addr, sizeof key->addr) == 0)
			return e;
	}
	return NULL;
}

/* A slot for a new entry: a free one, else one whose address has its
 * whole burst again (as good as no entry), else the one that failed
 * longest ago. */
static struct guard_entry *
make(struct guard *g, const struct guard_key *key, int64_t now)
{
	struct guard_entry *e = NULL, *oldest = NULL;
	size_t i;

	for (i = 0; i < GUARD_ENTRIES && e == NULL; i++) {
		struct guard_entry *x = &g->entries[i];

		if (!x->used) {
			e = x;
			g->used++;
			break;
		}
		refill(g, x, now);
		if (x->tokens >= g->opts.burst)
			e = x;
		else if (oldest == NULL || x->touched < oldest->touched)
			oldest = x;
	}
	if (e == NULL) {
		e = oldest;
		g->evicted++;
	}
	memset(e, 0, sizeof *e);
	e->used = true;
	e->key = *key;
	e->tokens = g->opts.burst;
	e->touched = now;
	return e;
}

/* What the address and the global budget say at now, counting nothing. */
static int64_t
wait_for(struct guard *g, struct guard_entry *e, int64_t now)
{
	int64_t wait = 0;

	global_refill(g, now);
	if (g->opts.global_per_minute > 0 && g->global_tokens == 0)
		wait = g->global_refill_at - now;
	if (e != NULL) {
		refill(g, e, now);
		if (e->tokens == 0 && e->refill_at - now > wait)
			wait = e->refill_at - now;
	}
	return wait > 0 ? wait : 0;
}

int64_t
guard_check(struct guard *g, const struct guard_key *key, int64_t now)
{
	int64_t wait = wait_for(g, find(g, key), now);

	if (wait > 0)
		g->refused++;
	return wait;
}

int64_t
guard_failed(struct guard *g, const struct guard_key *key, int64_t now,
             uint64_t *failures)
{
	struct guard_entry *e = find(g, key);
	uint32_t cap = g->opts.global_per_minute;

	global_refill(g, now);
	if (cap > 0 && g->global_tokens > 0) {
		if (g->global_tokens == cap)
			g->global_refill_at = now + (60000 / cap > 0 ? 60000 / cap : 1);
		g->global_tokens--;
	}
	if (e == NULL)
		e = make(g, key, now);
	refill(g, e, now);
	if (e->tokens == g->opts.burst)
		e->refill_at = now + interval(g, e->strikes);
	if (e->tokens > 0)
		e->tokens--;
	if (e->tokens == 0) {
		/* Run dry: the wait starts now, and is longer each time. */
		e->strikes++;
		e->refill_at = now + interval(g, e->strikes);
	}
	e->touched = now;
	e->failures++;
	g->failed++;
	if (failures != NULL)
		*failures = e->failures;
	return wait_for(g, e, now);
}
