/* Rooms to and from storage. What is written is what the model made:
 * packed events and snapshots; what is read back goes through the very
 * same model (replay.c: snapshot_load(), model_apply()), so a room after
 * a restart cannot differ from the room before it, nor from what the
 * administrator's export shows.
 *
 * Times: the live model runs on the loop's monotonic clock, which means
 * nothing after a restart, so every stored event and snapshot carries the
 * wall-clock time it was made, and a room is rebuilt on wall-clock time
 * and then moved onto the loop's clock ("rebased"). */
#include "persist.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "conn.h"
#include "erase.h"
#include "replay.h"
#include "server.h"
#include "snapshot.h"

/* A history this long is folded into a snapshot, so that rebuilding a
 * room never replays more than this many events. */
#define PERSIST_HISTORY_MAX 1000

static int
pack_msg(const ProtobufCMessage *msg, uint8_t **out, size_t *len)
{
	*len = protobuf_c_message_get_packed_size(msg);
	*out = malloc(*len ? *len : 1);
	if (*out == NULL)
		return -ENOMEM;
	protobuf_c_message_pack(msg, *out);
	return 0;
}

/* Whether an event took a text (or a name) off the poster or replaced
 * it: the old text must then leave the file too. */
static bool
erases_text(const Aandeslag__Event *ev)
{
	switch (ev->change_case) {
	case AANDESLAG__EVENT__CHANGE_NOTE_DELETED:
	case AANDESLAG__EVENT__CHANGE_ACTIVITY_DELETED:
	case AANDESLAG__EVENT__CHANGE_ACTION_DELETED:
	case AANDESLAG__EVENT__CHANGE_FINDING_DELETED:
	case AANDESLAG__EVENT__CHANGE_NOTE_EDITED:
	case AANDESLAG__EVENT__CHANGE_ACTIVITY_CHANGED:
	case AANDESLAG__EVENT__CHANGE_ACTION_CHANGED:
	case AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT:
	/* A new message of the facilitator replaces (or clears) the last. */
	case AANDESLAG__EVENT__CHANGE_ANNOUNCED:
		return true;
	default:
		return false;
	}
}

int
persist_room(struct server *srv, struct room *room)
{
	struct store_room row;
	struct snapshot snap;
	uint8_t *data = NULL;
	size_t len = 0;
	int rc;

	if (srv->store == NULL)
		return 0;
	rc = snapshot_build(&snap, &room->model, server_now(srv), SNAPSHOT_ALL);
	if (rc == 0) {
		snap.msg.content_hash = srv->content.hash;
		rc = pack_msg(&snap.msg.base, &data, &len);
	}
	snapshot_release(&snap);
	if (rc < 0)
		return rc;
	memset(&row, 0, sizeof row);
	row.code = room->model.code;
	row.epoch = room->model.epoch;
	row.created_ms = row.used_ms = row.snapshot_ms = server_wall_ms();
	row.snapshot = data;
	row.snapshot_len = len;
	row.snapshot_seq = room->model.seq;
	/* Requests carry no text: a rewrite that erases leaves them, and
	 * they are trimmed once enough have gathered (numbering a room's
	 * requests is most of what a rewrite costs). */
	rc = store_put_room(srv->store, &row,
	                    room->untrimmed >= PERSIST_TRIM_REQUESTS ||
	                    !room->erase_pending ? ROOM_REMEMBERED :
	                    STORE_KEEP_ALL);
	free(data);
	if (rc == 0) {
		room->history = 0;
		room->touched_ms = row.used_ms;
		if (room->untrimmed >= PERSIST_TRIM_REQUESTS ||
		    !room->erase_pending)
			room->untrimmed = 0;
		/* The old texts are overwritten in the file; a truncating
		 * checkpoint takes them out of the WAL (erase_soon()). A
		 * rewrite within a turn's transaction (a command's, when the
		 * history is long) is undone should the turn's commit fail:
		 * the erasure then stays queued and is done once more on its
		 * own. */
		if (room->erase_pending) {
			if (!server_holding(srv))
				rooms_erase_done(&srv->rooms, room);
			if (!srv->erase_truncate)
				srv->erase_truncate_since = server_now(srv);
			srv->erase_truncate = true;
			erase_soon(srv);
		}
	}
	return rc;
}

int
persist_erase(struct server *srv, int64_t now, int64_t *next_due)
{
	struct room *room, *retried = NULL;
	int rc, first = 0;

	/* The queue is in order of due time: the rooms due are at its head,
	 * up to a room that failed and went to its end just now. */
	while ((room = srv->rooms.erase_first) != NULL && room != retried &&
	       room->erase_due <= now) {
		rc = persist_room(srv, room);
		if (rc == 0 && !room->erase_pending)
			continue;
		/* Failed, or still to be confirmed by the turn's commit (see
		 * persist_room()). */
		if (first == 0)
			first = rc;
		rooms_erase_queue(&srv->rooms, room,
		                  server_now(srv) + PERSIST_ERASE_DELAY_MS);
		if (retried == NULL)
			retried = room;
	}
	room = srv->rooms.erase_first;
	*next_due = room != NULL ? room->erase_due : INT64_MAX;
	return first;
}

int
persist_event(struct server *srv, struct room *room,
              const Aandeslag__Event *ev, uint32_t participant_id,
              uint64_t request_id)
{
	struct store_event row;
	uint8_t *data;
	size_t len;
	int rc;

	if (srv->store == NULL ||
	    ev->change_case == AANDESLAG__EVENT__CHANGE_PRESENCE)
		return 0;
	rc = pack_msg(&ev->base, &data, &len);
	if (rc < 0)
		return rc;
	memset(&row, 0, sizeof row);
	row.seq = ev->seq;
	row.wall_ms = server_wall_ms();
	row.participant_id = participant_id;
	row.request_id = request_id;
	row.data = data;
	row.len = len;
	row.touch = row.wall_ms - room->touched_ms >= PERSIST_TOUCH_MS ||
	            row.wall_ms < room->touched_ms;
	rc = store_add_event(srv->store, room->model.code, &row);
	free(data);
	if (rc < 0)
		return rc;
	room->history++;
	if (request_id != 0)
		room->untrimmed++;
	room->used_ms = row.wall_ms;
	if (row.touch)
		room->touched_ms = row.wall_ms;
	if (erases_text(ev) && !room->erase_pending) {
		rooms_erase_queue(&srv->rooms, room,
		                  server_now(srv) + PERSIST_ERASE_DELAY_MS);
		erase_soon(srv);
	}
	if (room->history >= PERSIST_HISTORY_MAX)
		rc = persist_room(srv, room);
	return rc;
}

int
persist_seat(struct server *srv, struct room *room,
             const struct room_seat *seat)
{
	struct store_seat row;

	if (srv->store == NULL)
		return 0;
	row.participant_id = seat->participant_id;
	memcpy(row.token_hash, seat->token_hash, sizeof row.token_hash);
	return store_put_seat(srv->store, room->model.code, &row);
}

int
persist_forget_seat(struct server *srv, struct room *room,
                    uint32_t participant_id)
{
	if (srv->store == NULL)
		return 0;
	return store_delete_seat(srv->store, room->model.code, participant_id);
}

int
persist_chair_code(struct server *srv, struct room *room)
{
	if (srv->store == NULL)
		return 0;
	return store_set_chair_code(srv->store, room->model.code,
	                            room->chair_code_hash, room->chair_code_id);
}

int
persist_password(struct server *srv, struct room *room, const char *hash)
{
	if (srv->store == NULL)
		return 0;
	return store_set_password(srv->store, room->model.code, hash);
}

/* ------------------------------------------------------------ reading */

struct loading {
	struct server *srv;
	struct room *room;      /* being rebuilt; NULL while skipping one */
	struct replay replay;   /* the rebuild of its model */
	int64_t alive_ms;       /* the server was last known alive then */
	size_t loaded, skipped;
};

static void
skip_room(struct loading *l)
{
	server_log(l->srv, "storage: a room could not be rebuilt (%s); it "
	           "stays stored but is not opened", l->replay.why);
	if (l->room != NULL) {
		model_free(&l->room->model);
		free(l->room);
		l->room = NULL;
	}
	l->skipped++;
}

static int
on_room(void *arg, const struct store_room *r)
{
	struct loading *l = arg;
	int rc;

	l->room = calloc(1, sizeof *l->room);
	if (l->room == NULL)
		return -ENOMEM;
	l->replay.content = &l->srv->content;
	rc = replay_snapshot(&l->replay, &l->room->model, r);
	if (rc < 0) {
		/* The model holds nothing: only the room itself goes. */
		free(l->room);
		l->room = NULL;
		if (rc == -ENOMEM)
			return rc;
		skip_room(l);
		return 0;
	}
	/* The limits of this start, whatever they were when the room was
	 * stored: what it holds stays, what is added is checked. The
	 * rebuild itself applies events, which are held to the ceilings. */
	l->room->model.limits = l->srv->opts.limits;
	if (r->chair_code_hash != NULL) {
		memcpy(l->room->chair_code_hash, r->chair_code_hash,
		       STORE_HASH_SIZE);
		l->room->has_chair_code = true;
		l->room->chair_code_id = r->chair_id;
	}
	if (r->password_hash != NULL &&
	    strlen(r->password_hash) < sizeof l->room->password_hash) {
		strcpy(l->room->password_hash, r->password_hash);
		l->room->has_password = true;
	}
	l->room->created_ms = r->created_ms;
	l->room->used_ms = r->used_ms;
	return 0;
}

static int
on_event(void *arg, const struct store_event *e)
{
	struct loading *l = arg;
	int rc;

	if (l->room == NULL)
		return 0;
	rc = replay_event(&l->replay, &l->room->model, e);
	if (rc == -ENOMEM)
		return rc;
	if (rc < 0) {
		skip_room(l);
		return 0;
	}
	l->room->history++;
	return 0;
}

static int
on_seat(void *arg, const struct store_seat *s)
{
	struct loading *l = arg;
	struct room_seat *seat;

	if (l->room == NULL || l->room->nseats == MODEL_SEATS ||
	    model_participant(&l->room->model, s->participant_id) == NULL)
		return 0;
	seat = &l->room->seats[l->room->nseats++];
	memset(seat, 0, sizeof *seat);
	seat->participant_id = s->participant_id;
	memcpy(seat->token_hash, s->token_hash, sizeof seat->token_hash);
	/* Away from now on: the seat's grace time starts with the server. */
	seat->away_since = server_now(l->srv);
	return 0;
}

static int
on_request(void *arg, const struct store_request *r)
{
	struct loading *l = arg;
	size_t i;

	if (l->room == NULL)
		return 0;
	for (i = 0; i < l->room->nseats; i++)
		if (l->room->seats[i].participant_id == r->participant_id)
			room_remember(&l->room->seats[i], r->request_id, r->seq, 0);
	return 0;
}

/* Moves the room from wall-clock time onto the loop's clock: the step
 * clocks, and since when participants are away (from now on: the seat's
 * grace and the chair's absence start again with the server). */
static void
rebase(struct model_room *m, int64_t wall_now, int64_t loop_now)
{
	size_t i;

	for (i = 0; i < STEPS_COUNT; i++) {
		struct clock *c = &m->clocks[i];

		c->remaining_ms = clock_remaining(c, wall_now);
		c->anchor_ms = loop_now;
	}
	for (i = 0; i < m->nparticipants; i++)
		if (!m->participants[i].connected)
			m->participants[i].away_since = loop_now;
}

static int
on_recovered(void *arg)
{
	struct loading *l = arg;
	struct server *srv = l->srv;
	struct room *room = l->room;
	struct model_event ev;
	struct refusal why;
	int64_t stopped = replay_last_known(&l->replay, l->alive_ms);
	size_t i;
	int rc;

	if (room == NULL)
		return 0;
	l->room = NULL;
	/* Nobody is connected to a server that just started. */
	for (i = 0; i < room->model.nparticipants; i++)
		if (room->model.participants[i].connected)
			model_presence(&room->model, room->model.participants[i].id,
			               false, stopped, &ev, &why);
	/* Events sent before the stop that were not stored (presence) had
	 * numbers the rebuilt room would use again: a new epoch makes every
	 * client start from a snapshot. */
	rc = server_random(&room->model.epoch, sizeof room->model.epoch);
	if (rc < 0)
		goto fail;
	rc = store_set_epoch(srv->store, room->model.code, room->model.epoch);
	if (rc < 0)
		goto fail;
	/* A clock that ran when the server stopped is paused at the time
	 * it had then, and says why. Should the disk be too full to keep
	 * that, the next start pauses it just the same. */
	rc = model_interrupt(&room->model, stopped, &ev);
	if (rc == -ENOMEM)
		goto fail;
	if (rc == 0 && persist_event(srv, room, &ev.event, 0, 0) < 0)
		server_log(srv, "storage: a paused clock could not be stored: %s",
		           store_error(srv->store));
	rebase(&room->model, stopped, server_now(srv));
	rooms_add(&srv->rooms, room);
	l->loaded++;
	return 0;
fail:
	model_free(&room->model);
	free(room);
	return rc;
}

int
persist_recover(struct server *srv)
{
	struct loading l = { .srv = srv };
	struct store_loader loader = {
		.room = on_room, .event = on_event, .seat = on_seat,
		.request = on_request, .room_done = on_recovered, .arg = &l,
	};
	int rc;

	if (srv->store == NULL)
		return 0;
	rc = store_get_alive(srv->store, &l.alive_ms);
	if (rc == 0)
		rc = store_begin(srv->store);
	if (rc == 0)
		rc = store_load(srv->store, &loader);
	if (l.room != NULL) {
		model_free(&l.room->model);
		free(l.room);
	}
	if (rc == 0)
		rc = store_commit(srv->store);
	if (rc < 0) {
		server_log(srv, "storage: recovery failed: %s",
		           store_error(srv->store));
		return rc;
	}
	if (l.loaded > 0 || l.skipped > 0)
		server_log(srv, "storage: %zu rooms recovered, %zu not opened",
		           l.loaded, l.skipped);
	return 0;
}

/* ------------------------------------------------------------ reload */

struct reloading {
	struct loading l;
	struct room *live;
	uint64_t seq;
	bool behind;
	int rc;
};

static int
on_reloaded(void *arg)
{
	struct reloading *r = arg;
	struct room *fresh = r->l.room, *live = r->live;
	struct model_room old;
	size_t i, j;

	if (fresh == NULL) {
		r->rc = -EIO;
		return 0;
	}
	r->l.room = NULL;
	rebase(&fresh->model, server_wall_ms(), server_now(r->l.srv));
	/* Keep the live room's numbering, and who is connected since when. */
	r->behind = fresh->model.seq < r->seq;
	fresh->model.epoch = live->model.epoch;
	fresh->model.seq = r->seq;
	for (i = 0; i < fresh->model.nparticipants; i++) {
		struct model_participant *p = &fresh->model.participants[i];
		const struct model_participant *was =
			model_participant(&live->model, p->id);

		p->connected = false;
		for (j = 0; j < live->nseats; j++)
			if (live->seats[j].participant_id == p->id)
				p->connected = live->seats[j].conn != NULL;
		p->away_since = was != NULL ? was->away_since : 0;
	}
	/* The seats and their remembered results are the live ones but
	 * for what the failed writes added, which the stored ones lack. */
	for (j = 0; j < live->nseats; j++)
		for (i = 0; i < fresh->nseats; i++)
			if (fresh->seats[i].participant_id ==
			    live->seats[j].participant_id) {
				struct conn *c = live->seats[j].conn;
				int64_t away = live->seats[j].away_since;

				live->seats[j] = fresh->seats[i];
				live->seats[j].conn = c;
				live->seats[j].away_since = away;
			}
	/* A seat whose joining was not stored goes again. */
	for (j = 0; j < live->nseats;) {
		if (model_participant(&fresh->model,
		                      live->seats[j].participant_id) != NULL) {
			j++;
			continue;
		}
		if (live->seats[j].conn != NULL) {
			live->seats[j].conn->room = NULL;
			live->seats[j].conn->participant_id = 0;
			conn_close(live->seats[j].conn);
		}
		memmove(&live->seats[j], &live->seats[j + 1],
		        (live->nseats - j - 1) * sizeof live->seats[0]);
		live->nseats--;
	}
	memcpy(live->password_hash, fresh->password_hash,
	       sizeof live->password_hash);
	live->has_password = fresh->has_password;
	old = live->model;
	live->model = fresh->model;
	live->history = fresh->history;
	model_free(&old);
	free(fresh);
	r->rc = 0;
	return 0;
}

int
persist_reload(struct server *srv, struct room *room, uint64_t seq,
               bool *behind)
{
	struct reloading r = { .l = { .srv = srv }, .live = room, .seq = seq,
	                       .rc = -ENOENT };
	struct store_loader loader = {
		.room = on_room, .event = on_event, .seat = on_seat,
		.request = on_request, .room_done = on_reloaded, .arg = &r,
	};
	int rc;

	rc = store_load_room(srv->store, room->model.code, &loader);
	if (r.l.room != NULL) {
		model_free(&r.l.room->model);
		free(r.l.room);
	}
	if (rc == 0)
		rc = r.rc;
	if (rc < 0)
		server_log(srv, "storage: a room could not be reread: %s",
		           store_error(srv->store));
	if (behind != NULL)
		*behind = rc == 0 && r.behind;
	return rc;
}
