/* When a text taken off the poster leaves the files: the timer that
 * rewrites the rooms with an erasure due (persist_erase()) and clears the
 * write-ahead log at a quiet moment (see PERSIST_ERASE_DELAY_MS). */
#include "erase.h"

#include <stdint.h>
#include <string.h>

#include "persist.h"
#include "server.h"
#include "store.h"

/* Rooms whose erasure falls due within this much of the first are
 * rewritten in the same turn. */
#define ERASE_SLACK_MS 1
/* The log is cleared once nothing was committed for this long: the
 * truncating checkpoint keeps the next commit waiting for milliseconds,
 * which nobody notices in a pause. */
#define ERASE_QUIET_MS 200

static void on_erase(uv_timer_t *timer);

/* The loop time at which the log may be cleared: at a quiet moment, or
 * when it has waited long enough. */
static int64_t
erase_truncate_at(const struct server *srv)
{
	int64_t quiet = srv->commit_last + ERASE_QUIET_MS;
	int64_t latest = srv->erase_truncate_since + PERSIST_ERASE_WAIT_MAX_MS;

	return quiet < latest ? quiet : latest;
}

/* Wakes the erase timer at the next due rewrite or log clearing; stops
 * it when there is neither. */
static void
erase_schedule(struct server *srv, int64_t next_due)
{
	int64_t now = server_now(srv), at = next_due;

	if (srv->erase_truncate && erase_truncate_at(srv) < at)
		at = erase_truncate_at(srv);
	if (at == INT64_MAX) {
		uv_timer_stop(&srv->erase_timer);
		return;
	}
	uv_timer_start(&srv->erase_timer, on_erase,
	               at > now ? (uint64_t)(at - now) + ERASE_SLACK_MS : 0, 0);
}

static void
on_erase(uv_timer_t *timer)
{
	struct server *srv = timer->data;
	int64_t now = server_now(srv), next_due;
	int rc;

	/* While writing fails the rewrites wait, without a log line a
	 * second, until the probe finds the disk taking writes again. */
	if (srv->storage_trouble) {
		erase_schedule(srv, now + PERSIST_ERASE_DELAY_MS);
		return;
	}
	rc = persist_erase(srv, now, &next_due);

	/* The rewrites are committed in this turn's check phase; the
	 * checkpoint starts after a commit. */
	if (rc < 0)
		server_log(srv, "storage: rewriting rooms to erase texts "
		           "failed (%s)", strerror(-rc));
	if (srv->erase_truncate && !server_holding(srv) &&
	    now >= erase_truncate_at(srv)) {
		store_checkpoint(srv->store, true);
		srv->erase_truncate = false;
	}
	erase_schedule(srv, next_due);
}

void
erase_soon(struct server *srv)
{
	if (srv->store == NULL || srv->stopping || !srv->started ||
	    uv_is_active((uv_handle_t *)&srv->erase_timer))
		return;
	erase_schedule(srv, server_now(srv) + PERSIST_ERASE_DELAY_MS);
}

void
erase_init(struct server *srv)
{
	uv_timer_init(srv->loop, &srv->erase_timer);
	srv->erase_timer.data = srv;
}

void
erase_all(struct server *srv)
{
	int64_t next_due;

	/* The store's close clears the log after these rewrites. */
	if (srv->store != NULL && persist_erase(srv, INT64_MAX, &next_due) < 0)
		server_log(srv, "storage: rewriting rooms to erase texts "
		           "failed");
}
