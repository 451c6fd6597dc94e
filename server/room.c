/* Rooms on the server. The model decides; this module keeps what only the
 * server knows (tokens, connections, remembered requests) and makes sure
 * every member receives every event, encoded once, in sequence order. */
#include "room.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "code.h"
#include "content.h"
#include "conn.h"
#include "frame.h"
#include "persist.h"
#include "roompass.h"
#include "server.h"
#include "workshop.h"
#include "snapshot.h"

static size_t
bucket_of(const char *code)
{
	size_t h = 5381;

	for (; *code != '\0'; code++)
		h = h * 33 + (unsigned char)*code;
	return h % ROOMS_BUCKETS;
}

struct room *
room_find(struct rooms *rooms, const char *code)
{
	struct room *r;

	for (r = rooms->buckets[bucket_of(code)]; r != NULL; r = r->hash_next)
		if (strcmp(r->model.code, code) == 0)
			return r;
	return NULL;
}

bool
rooms_have_half(const struct rooms *rooms, const char *half)
{
	const struct room *r;
	size_t i;

	/* Every room: at most --max-rooms, for a query the discovery
	 * rate limit lets through. */
	for (i = 0; i < ROOMS_BUCKETS; i++)
		for (r = rooms->buckets[i]; r != NULL; r = r->hash_next)
			if (strncmp(r->model.code, half, CODE_HALF_CHARS) == 0)
				return true;
	return false;
}

struct room_seat *
room_seat(struct room *room, uint32_t participant_id)
{
	size_t i;

	for (i = 0; i < room->nseats; i++)
		if (room->seats[i].participant_id == participant_id)
			return &room->seats[i];
	return NULL;
}

static void
seat_remove(struct room *room, struct room_seat *seat)
{
	size_t i = (size_t)(seat - room->seats);

	memmove(seat, seat + 1, (room->nseats - i - 1) * sizeof *seat);
	room->nseats--;
}

void
room_send_refusal(struct conn *c, uint64_t request_id, const struct refusal *why)
{
	const char *params[REFUSAL_PARAMS];
	struct wire_buf *buf;
	unsigned i;

	for (i = 0; i < why->nparams; i++)
		params[i] = why->params[i];
	if (wire_pack_refusal(request_id, why->code, params, why->nparams,
	                      &buf) < 0)
		return;
	conn_send(c, buf);
	wire_unref(buf);
}

static void
send_ack(struct conn *c, uint64_t request_id, uint64_t epoch, uint64_t seq)
{
	struct wire_buf *buf;

	if (wire_pack_ack(request_id, epoch, seq, &buf) < 0)
		return;
	conn_send(c, buf);
	wire_unref(buf);
}

void
room_refuse(struct conn *c, uint64_t request_id, int code)
{
	struct refusal why;

	refusal_set(&why, code);
	room_send_refusal(c, request_id, &why);
}

/* Every change is stored in a savepoint of its own, opened once the model
 * has accepted it, so that a write that fails undoes that change alone
 * and a refused command touches the disk not at all. */
int
room_change_begin(struct server *srv)
{
	int rc;

	if (srv->store == NULL)
		return 0;
	if (srv->storage_trouble)
		return -ENOSPC;
	rc = store_savepoint(srv->store);
	srv->in_change = rc == 0;
	return rc;
}

int
room_change_end(struct server *srv, int rc)
{
	if (srv->store == NULL)
		return rc;
	if (rc == 0 && srv->in_change)
		rc = store_release(srv->store);
	if (rc < 0 && srv->in_change)
		store_rollback(srv->store);
	if (rc < 0)
		server_log(srv, "storage: a change could not be stored (%s): %s",
		           strerror(-rc), store_error(srv->store));
	srv->in_change = false;
	return rc;
}

/* Writes one event, encoded once, to every member of the room. A dot
 * placed while votes are hidden is the one exception: the voter sees
 * where it went, everyone else only that a dot was placed. */
void
room_broadcast(struct room *room, const Aandeslag__Event *ev)
{
	struct wire_buf *buf, *secret = NULL, *to;
	Aandeslag__VoteCast redacted;
	Aandeslag__Event copy;
	size_t i;

	if (ev->change_case == AANDESLAG__EVENT__CHANGE_VOTE &&
	    room->model.settings.votes_hidden) {
		copy = *ev;
		redacted = *ev->vote;
		redacted.competence_id = (char *)"";
		copy.vote = &redacted;
		if (wire_pack_event(ev, &secret) < 0)
			return;
		ev = &copy;
	}
	if (wire_pack_event(ev, &buf) < 0) {
		wire_unref(secret);
		return;
	}
	for (i = 0; i < room->nseats; i++) {
		if (room->seats[i].conn == NULL)
			continue;
		to = secret != NULL && room->seats[i].participant_id ==
		     ev->vote->participant_id ? secret : buf;
		conn_send_event(room->seats[i].conn, to);
	}
	for (i = 0; i < room->nviewers; i++)
		conn_send_event(room->viewers[i], buf);
	wire_unref(buf);
	wire_unref(secret);
	if (room->workshop != NULL)
		workshop_touch(room->workshop);
}

/* Takes a seat away from its connection once the model freed it: the
 * participant left, was removed by the chair, or was away too long. */
void
room_seat_freed(struct room *room, uint32_t participant_id, bool removed)
{
	struct room_seat *seat = room_seat(room, participant_id);
	struct conn *c;

	if (seat == NULL)
		return;
	c = seat->conn;
	seat_remove(room, seat);
	if (c == NULL)
		return;
	c->room = NULL;
	c->participant_id = 0;
	if (removed)
		conn_fail(c, AANDESLAG__ERROR_CODE__ERROR_REMOVED, NULL, 0);
	else if (c->state == CONN_ROOM)
		c->state = CONN_LOBBY;
}

void
rooms_add(struct rooms *rooms, struct room *room)
{
	size_t b = bucket_of(room->model.code);

	room->hash_next = rooms->buckets[b];
	rooms->buckets[b] = room;
	rooms->count++;
}

/* Undoes a change whose storing failed: the room is read back as the
 * last commit left it, going on from seq (what its members saw). */
void
room_undo(struct server *srv, struct room *room, uint64_t seq)
{
	if (persist_reload(srv, room, seq, NULL) < 0)
		server_log(srv, "storage: room state may be ahead of the disk");
}

void
room_let_go(struct room *room)
{
	size_t i;

	for (i = 0; i < room->nseats; i++)
		if (room->seats[i].conn != NULL)
			conn_close(room->seats[i].conn);
	for (i = 0; i < room->nviewers; i++)
		conn_close(room->viewers[i]);
}

void
room_remember(struct room_seat *seat, uint64_t request_id, uint64_t seq,
              int code)
{
	struct room_result *r = &seat->results[seat->nresults % ROOM_REMEMBERED];

	r->request_id = request_id;
	r->seq = seq;
	r->code = code;
	seat->nresults++;
	if (request_id > seat->last_request_id)
		seat->last_request_id = request_id;
}

/* Answers a request id seen before with its first result. */
static void
repeat(struct conn *c, struct room *room, const struct room_seat *seat,
       uint64_t request_id)
{
	struct refusal why;
	size_t i, n = seat->nresults < ROOM_REMEMBERED ? seat->nresults :
	              ROOM_REMEMBERED;

	for (i = 0; i < n; i++) {
		const struct room_result *r = &seat->results[i];

		if (r->request_id != request_id)
			continue;
		if (r->seq != 0) {
			send_ack(c, request_id, room->model.epoch, r->seq);
		} else {
			refusal_set(&why, r->code);
			room_send_refusal(c, request_id, &why);
		}
		return;
	}
	room_refuse(c, request_id, AANDESLAG__ERROR_CODE__ERROR_REQUEST_TOO_OLD);
}

/* The chair vouches for a colleague coming back on another laptop: no
 * event, just a short while in which their name takes their seat. */
static void
recognise(struct conn *c, struct room *room, struct room_seat *seat,
          const Aandeslag__Command *cmd)
{
	struct refusal why;

	if (model_check_recognise(&room->model, seat->participant_id, cmd,
	                          &why) < 0) {
		room_remember(seat, cmd->request_id, 0, why.code);
		room_send_refusal(c, cmd->request_id, &why);
		return;
	}
	room->recognised_id = cmd->recognise->participant_id;
	room->recognised_until = server_now(c->server) + ROOM_RECOGNISE_MS;
	room_remember(seat, cmd->request_id, room->model.seq, 0);
	send_ack(c, cmd->request_id, room->model.epoch, room->model.seq);
}

void
room_command(struct conn *c, const Aandeslag__Command *cmd)
{
	struct room *room = c->room;
	struct server *srv = c->server;
	struct room_seat *seat = room_seat(room, c->participant_id);
	struct roompass_change pw;
	struct model_event ev;
	struct refusal why;
	uint64_t seq;
	bool early;
	int rc;

	if (seat == NULL) {
		/* Viewers only watch. */
		refusal_set_str(&why, AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED,
		                "participant");
		room_send_refusal(c, cmd->request_id, &why);
		return;
	}
	if (cmd->request_id == 0) {
		room_refuse(c, 0, AANDESLAG__ERROR_CODE__ERROR_BAD_REQUEST_ID);
		return;
	}
	if (cmd->request_id <= seat->last_request_id) {
		repeat(c, room, seat, cmd->request_id);
		return;
	}
	if (cmd->op_case == AANDESLAG__COMMAND__OP_RECOGNISE &&
	    cmd->recognise != NULL) {
		recognise(c, room, seat, cmd);
		return;
	}
	/* Not remembered when refused for storage: the same request may
	 * well succeed once there is room on the disk again. */
	if (srv->storage_trouble) {
		room_refuse(c, cmd->request_id, AANDESLAG__ERROR_CODE__ERROR_STORAGE);
		return;
	}
	/* A password goes no further than roompass: the model sees the
	 * command without it. */
	if (roompass_prepare(cmd, &pw, &why) < 0) {
		room_remember(seat, cmd->request_id, 0, why.code);
		room_send_refusal(c, cmd->request_id, &why);
		return;
	}
	seq = room->model.seq;
	rc = model_execute(&room->model, seat->participant_id,
	                   pw.active ? &pw.command : cmd, server_now(srv), &ev,
	                   &why);
	if (rc < 0) {
		roompass_done(&pw);
		model_event_release(&ev);
		if (rc == -ENOMEM) {
			room_refuse(c, cmd->request_id,
			       AANDESLAG__ERROR_CODE__ERROR_INTERNAL);
			return;
		}
		room_remember(seat, cmd->request_id, 0, why.code);
		room_send_refusal(c, cmd->request_id, &why);
		return;
	}
	/* The members hear of the change before it is stored, at once or
	 * (behind an earlier change of this turn) before the turn's commit:
	 * a change does not wait for the disk to reach the other laptops.
	 * Its Ack waits for the commit. Under a size cap (--max-db-size) a
	 * change may well be refused for the disk, so there it goes out only
	 * once stored, as the refusal then undoes it for its sender alone. */
	early = srv->store == NULL || !store_capped(srv->store);
	if (early)
		room_broadcast(room, &ev.event);
	rc = room_change_begin(srv);
	if (rc == 0)
		rc = persist_event(srv, room, &ev.event, seat->participant_id,
		                   cmd->request_id);
	if (rc == 0 &&
	    ev.event.change_case == AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT)
		rc = persist_forget_seat(srv, room, ev.left.participant_id);
	if (rc == 0 && pw.active)
		rc = roompass_store(srv, room, &pw);
	roompass_done(&pw);
	if (room_change_end(srv, rc) < 0) {
		model_event_release(&ev);
		if (early) {
			/* Everyone in the room heard of a change that is not
			 * stored: they come back to the room as it is stored,
			 * the sender sends it again, and until writing works
			 * again every change is refused. */
			room_undo(srv, room, room->model.seq);
			room_let_go(room);
			server_storage_failed(srv);
			return;
		}
		room_undo(srv, room, seq);
		room_refuse(c, cmd->request_id, rc == -ENOMEM ?
		            AANDESLAG__ERROR_CODE__ERROR_INTERNAL :
		            AANDESLAG__ERROR_CODE__ERROR_STORAGE);
		return;
	}
	if (pw.active)
		roompass_commit(room, &pw);
	room_remember(seat, cmd->request_id, ev.event.seq, 0);
	if (!early)
		room_broadcast(room, &ev.event);
	if (room->model.clocks[room->model.current_step - 1].state ==
	    AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
		server_clock_runs(srv);
	model_event_release(&ev);
	send_ack(c, cmd->request_id, room->model.epoch, ev.event.seq);
	/* A seat freed by leaving is free at once, and the connection may
	 * join again; someone removed by the chair is told and let go. */
	if (ev.event.change_case == AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT)
		room_seat_freed(room, ev.left.participant_id, ev.left.removed);
}

void
room_detach(struct conn *c)
{
	struct room *room = c->room;
	struct server *srv = c->server;
	struct model_event ev;
	struct refusal why;
	struct room_seat *seat;
	size_t i;

	c->room = NULL;
	if (c->participant_id == 0) {
		for (i = 0; i < room->nviewers; i++)
			if (room->viewers[i] == c) {
				room->viewers[i] = room->viewers[--room->nviewers];
				break;
			}
		return;
	}
	seat = room_seat(room, c->participant_id);
	if (seat == NULL || seat->conn != c)
		return;
	seat->conn = NULL;
	seat->away_since = server_now(srv);
	if (srv->stopping)
		return;
	if (model_presence(&room->model, seat->participant_id, false,
	                   server_now(srv), &ev, &why) == 0)
		room_broadcast(room, &ev.event);
}

/* Takes room out of the registry and frees it, letting its connections
 * go. */
static void
room_drop(struct server *srv, struct room *room)
{
	struct room **p = &srv->rooms.buckets[bucket_of(room->model.code)];
	size_t i;

	for (; *p != NULL; p = &(*p)->hash_next)
		if (*p == room) {
			*p = room->hash_next;
			break;
		}
	srv->rooms.count--;
	rooms_erase_done(&srv->rooms, room);
	workshop_forget_room(room);
	for (i = 0; i < room->nseats; i++)
		if (room->seats[i].conn != NULL) {
			room->seats[i].conn->room = NULL;
			room->seats[i].conn->participant_id = 0;
			conn_close(room->seats[i].conn);
		}
	for (i = 0; i < room->nviewers; i++) {
		room->viewers[i]->room = NULL;
		conn_close(room->viewers[i]);
	}
	model_free(&room->model);
	free(room);
}

void
rooms_reread(struct server *srv)
{
	struct room *r, *next;
	size_t b;
	bool behind;
	int rc;

	for (b = 0; b < ROOMS_BUCKETS; b++)
		for (r = srv->rooms.buckets[b]; r != NULL; r = next) {
			next = r->hash_next;
			rc = persist_reload(srv, r, r->model.seq, &behind);
			if (rc == -ENOENT)
				room_drop(srv, r);
			else if (behind)
				room_let_go(r);
		}
}

void
rooms_expire(struct server *srv, int64_t before_ms)
{
	struct room *r, *next;
	size_t b, i, n = 0;
	bool busy;

	for (b = 0; b < ROOMS_BUCKETS; b++)
		for (r = srv->rooms.buckets[b]; r != NULL; r = next) {
			next = r->hash_next;
			busy = r->nviewers > 0 || r->used_ms >= before_ms;
			for (i = 0; i < r->nseats; i++)
				busy |= r->seats[i].conn != NULL;
			if (busy || store_delete_room(srv->store,
			                              r->model.code) < 0)
				continue;
			room_drop(srv, r);
			n++;
		}
	if (n > 0) {
		server_log(srv, "storage: %zu rooms past the retention time "
		           "deleted", n);
		store_checkpoint(srv->store, true);
	}
}

bool
rooms_clock_runs(const struct rooms *rooms)
{
	const struct room *r;
	size_t b;

	for (b = 0; b < ROOMS_BUCKETS; b++)
		for (r = rooms->buckets[b]; r != NULL; r = r->hash_next)
			if (r->model.clocks[r->model.current_step - 1].state ==
			    AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
				return true;
	return false;
}

void
rooms_erase_done(struct rooms *rooms, struct room *room)
{
	if (!room->erase_pending)
		return;
	if (room->erase_prev != NULL)
		room->erase_prev->erase_next = room->erase_next;
	else
		rooms->erase_first = room->erase_next;
	if (room->erase_next != NULL)
		room->erase_next->erase_prev = room->erase_prev;
	else
		rooms->erase_last = room->erase_prev;
	room->erase_prev = room->erase_next = NULL;
	room->erase_pending = false;
}

void
rooms_erase_queue(struct rooms *rooms, struct room *room, int64_t due)
{
	rooms_erase_done(rooms, room);
	room->erase_pending = true;
	room->erase_due = due;
	room->erase_prev = rooms->erase_last;
	if (rooms->erase_last != NULL)
		rooms->erase_last->erase_next = room;
	else
		rooms->erase_first = room;
	rooms->erase_last = room;
}

void
rooms_free(struct rooms *rooms)
{
	struct room *r, *next;
	size_t b;

	for (b = 0; b < ROOMS_BUCKETS; b++) {
		for (r = rooms->buckets[b]; r != NULL; r = next) {
			next = r->hash_next;
			model_free(&r->model);
			free(r);
		}
		rooms->buckets[b] = NULL;
	}
	rooms->count = 0;
	rooms->erase_first = rooms->erase_last = NULL;
}
