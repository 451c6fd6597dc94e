/* Rebuilding a room's model from its stored snapshot and events. This is
 * the one place where stored rows become a room again: the server's
 * recovery, its reread after a failed write and the administrator's
 * export all go through replay_snapshot() and replay_event(), so that
 * what the export shows is what a restarted server would show. */
#include "replay.h"

#include <errno.h>
#include <string.h>

#include "snapshot.h"

int
replay_snapshot(struct replay *r, struct model_room *room,
                const struct store_room *row)
{
	Aandeslag__Snapshot *snap;
	int rc;

	r->last_ms = row->snapshot_ms;
	r->events = 0;
	r->other_content = false;
	r->why = NULL;
	snap = aandeslag__snapshot__unpack(NULL, row->snapshot_len,
	                                   row->snapshot);
	if (snap == NULL) {
		r->why = "unreadable snapshot";
		return -EPROTO;
	}
	/* A snapshot without a hash (none written so far) proves nothing
	 * either way. */
	r->other_content = snap->content_hash != NULL &&
	                   snap->content_hash[0] != '\0' &&
	                   strcmp(snap->content_hash, r->content->hash) != 0;
	rc = snapshot_load(room, r->content, snap, row->snapshot_ms);
	aandeslag__snapshot__free_unpacked(snap, NULL);
	if (rc == -EPROTO)
		r->why = "snapshot breaks the rules";
	return rc;
}

int
replay_event(struct replay *r, struct model_room *room,
             const struct store_event *row)
{
	Aandeslag__Event *ev;
	int rc;

	r->why = NULL;
	ev = aandeslag__event__unpack(NULL, row->len, row->data);
	if (ev == NULL) {
		r->why = "unreadable event";
		return -EPROTO;
	}
	/* The log's own numbering: each restart began a new epoch (the
	 * numbers go on), and presence events, never stored, left gaps. */
	if (ev->epoch != room->epoch)
		room->epoch = ev->epoch;
	if (ev->seq > room->seq + 1)
		room->seq = ev->seq - 1;
	rc = model_apply(room, ev, row->wall_ms);
	aandeslag__event__free_unpacked(ev, NULL);
	if (rc == -ENOMEM)
		return rc;
	if (rc < 0) {
		r->why = "an event does not fit";
		return -EPROTO;
	}
	r->events++;
	r->last_ms = row->wall_ms;
	return 0;
}

int64_t
replay_last_known(const struct replay *r, int64_t alive_ms)
{
	return alive_ms > r->last_ms ? alive_ms : r->last_ms;
}

/* One rebuild by replay_room(): the room is loaded only while ok. */
struct one {
	struct replay *r;
	struct model_room *room;
	bool loaded;
	int rc;                 /* the first failure */
};

static int
on_room(void *arg, const struct store_room *row)
{
	struct one *o = arg;

	o->rc = replay_snapshot(o->r, o->room, row);
	o->loaded = o->rc == 0;
	return o->rc == -ENOMEM ? o->rc : 0;
}

static int
on_event(void *arg, const struct store_event *row)
{
	struct one *o = arg;

	if (!o->loaded)
		return 0;
	o->rc = replay_event(o->r, o->room, row);
	if (o->rc < 0) {
		model_free(o->room);
		o->loaded = false;
	}
	return o->rc == -ENOMEM ? o->rc : 0;
}

int
replay_room(struct store *st, const struct content *content,
            const char *code, struct model_room *room, struct replay *r)
{
	struct one o = { .r = r, .room = room };
	struct store_loader loader = {
		.room = on_room, .event = on_event, .arg = &o,
	};
	int rc;

	memset(r, 0, sizeof *r);
	r->content = content;
	rc = store_load_room(st, code, &loader);
	if (rc == 0)
		rc = o.rc;
	if (rc < 0 && o.loaded)
		model_free(room);
	return rc;
}
