/* Wires the limiter for failed joins (guard.c) into the server: the
 * check before a join is looked up, the count when it fails, and the
 * same for discovery queries (see joinguard.h). */
#include "joinguard.h"

#include <errno.h>
#include <string.h>

#include "conn.h"
#include "refusal.h"
#include "room.h"
#include "server.h"
#include "workshop.h"

bool
joinguard_wait(struct conn *c, uint64_t request_id)
{
	struct server *srv = c->server;
	struct refusal why;
	int64_t wait;

	if (!c->has_peer)
		return false;
	wait = guard_check(&srv->guard, &c->peer, server_now(srv));
	if (wait <= 0)
		return false;
	/* Whole seconds, rounded up, so that trying again after them works. */
	refusal_set_num(&why, AANDESLAG__ERROR_CODE__ERROR_TRY_LATER,
	                (long)((wait + 999) / 1000));
	room_send_refusal(c, request_id, &why);
	return true;
}

/* Counts a failure of key and logs it: the address and the counts only. */
static void
count(struct server *srv, const struct guard_key *key, const char *what)
{
	char name[GUARD_NAME_SIZE];
	uint64_t failures = 0;
	int64_t wait;

	wait = guard_failed(&srv->guard, key, server_now(srv), &failures);
	guard_key_name(key, name, sizeof name);
	if (wait > 0)
		server_log(srv, "join guard: %s: %s (%llu failed); waits %lld s",
		           name, what, (unsigned long long)failures,
		           (long long)((wait + 999) / 1000));
	else
		server_log(srv, "join guard: %s: %s (%llu failed)", name, what,
		           (unsigned long long)failures);
}

void
joinguard_refuse(struct conn *c, uint64_t request_id, int code)
{
	room_refuse(c, request_id, code);
	if (c->has_peer)
		count(c->server, &c->peer, refusal_name(code));
}

int
joinguard_discovery(void *arg, const char *code, const struct sockaddr *from)
{
	struct server *srv = arg;
	struct guard_key key;
	bool counted = guard_key_from_addr(from, &key) == 0;
	const struct workshop *w;

	if (counted && guard_check(&srv->guard, &key, server_now(srv)) > 0)
		return -EAGAIN;
	if (rooms_have_half(&srv->rooms, code))
		return 1;
	for (w = srv->workshops; w != NULL; w = w->next)
		if (strncmp(w->code, code, CODE_HALF_CHARS) == 0)
			return 1;
	if (counted)
		count(srv, &key, "discovery query for an unknown code");
	return 0;
}

void
joinguard_log_totals(const struct server *srv)
{
	const struct guard *g = &srv->guard;

	if (g->failed + g->refused > 0)
		server_log(srv, "join guard: %llu failed joins, %llu told to "
		           "wait, %llu addresses forgotten for room",
		           (unsigned long long)g->failed,
		           (unsigned long long)g->refused,
		           (unsigned long long)g->evicted);
}
