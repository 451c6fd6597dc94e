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
#include "server.h"
#include "snapshot.h"

static size_t
bucket_of(const char *code)
{
	size_t h = 5381;

	for (; *code != '\0'; code++)
		h = h * 33 + (unsigned char)*code;
	return h % ROOMS_BUCKETS;
}

static struct room *
rooms_find(struct rooms *rooms, const char *code)
{
	struct room *r;

	for (r = rooms->buckets[bucket_of(code)]; r != NULL; r = r->hash_next)
		if (strcmp(r->model.code, code) == 0)
			return r;
	return NULL;
}

static struct room_seat *
seat_of(struct room *room, uint32_t participant_id)
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

/* Compares tokens in constant time, so that timing tells a guesser
 * nothing about how much of a token was right. */
static int
token_equal(const uint8_t *a, const uint8_t *b, size_t len)
{
	unsigned char diff = 0;
	size_t i;

	for (i = 0; i < len; i++)
		diff |= a[i] ^ b[i];
	return diff == 0;
}

static void
send_refusal(struct conn *c, uint64_t request_id, const struct refusal *why)
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

/* Writes one event, encoded once, to every member of the room. A dot
 * placed while votes are hidden is the one exception: the voter sees
 * where it went, everyone else only that a dot was placed. */
static void
broadcast(struct room *room, const Aandeslag__Event *ev)
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
		conn_send(room->seats[i].conn, to);
	}
	for (i = 0; i < room->nviewers; i++)
		conn_send(room->viewers[i], buf);
	wire_unref(buf);
	wire_unref(secret);
}

/* Takes a seat away from its connection once the model freed it: the
 * participant left, was removed by the chair, or was away too long. */
static void
seat_freed(struct room *room, uint32_t participant_id, bool removed)
{
	struct room_seat *seat = seat_of(room, participant_id);
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

/* Answers a create or join with the room's snapshot. */
static void
send_joined(struct conn *c, struct room *room, uint64_t request_id,
            const struct room_seat *seat, const char *content_hash)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Joined joined = AANDESLAG__JOINED__INIT;
	struct snapshot snap;
	struct wire_buf *buf;
	struct refusal why;

	if (snapshot_build(&snap, &room->model, server_now(c->server),
	                   seat ? seat->participant_id : 0) < 0) {
		refusal_set(&why, AANDESLAG__ERROR_CODE__ERROR_INTERNAL);
		send_refusal(c, request_id, &why);
		return;
	}
	joined.request_id = request_id;
	joined.code = room->model.code;
	if (seat != NULL) {
		joined.participant_id = seat->participant_id;
		joined.resume_token.data = (uint8_t *)seat->token;
		joined.resume_token.len = ROOM_TOKEN_SIZE;
	}
	joined.snapshot = &snap.msg;
	/* The content goes along unless the client has this very version. */
	if (content_hash == NULL ||
	    strcmp(content_hash, c->server->content.hash) != 0)
		joined.content = c->server->content.msg;
	env.body_case = AANDESLAG__ENVELOPE__BODY_JOINED;
	env.joined = &joined;
	if (wire_pack(&env, FRAME_MAX_SERVER, &buf) == 0) {
		conn_send(c, buf);
		wire_unref(buf);
	}
	snapshot_release(&snap);
}

/* Gives a new seat to the participant that model_join() just seated. */
static struct room_seat *
seat_add(struct room *room, uint32_t participant_id, struct conn *c)
{
	struct room_seat *seat = &room->seats[room->nseats];

	memset(seat, 0, sizeof *seat);
	if (server_random(seat->token, sizeof seat->token) < 0)
		return NULL;
	seat->participant_id = participant_id;
	seat->conn = c;
	room->nseats++;
	return seat;
}

static void
attach(struct conn *c, struct room *room, uint32_t participant_id)
{
	c->room = room;
	c->participant_id = participant_id;
	c->state = CONN_ROOM;
}

void
rooms_create(struct server *srv, struct conn *c,
             const Aandeslag__CreateRoom *req)
{
	struct model_event ev;
	struct refusal why;
	struct room *room;
	struct room_seat *seat = NULL;
	uint8_t random[CODE_CHARS];
	char code[CODE_SIZE];
	uint64_t epoch;
	size_t b;
	int rc;

	if (srv->rooms.count >= srv->opts.max_rooms) {
		refusal_set_num(&why, AANDESLAG__ERROR_CODE__ERROR_TOO_MANY_ROOMS,
		                (long)srv->opts.max_rooms);
		send_refusal(c, req->request_id, &why);
		return;
	}
	do {
		if (server_random(random, sizeof random) < 0)
			goto internal;
		code_from_random(random, code);
	} while (rooms_find(&srv->rooms, code) != NULL);
	if (server_random(&epoch, sizeof epoch) < 0)
		goto internal;
	room = calloc(1, sizeof *room);
	if (room == NULL)
		goto internal;
	rc = model_init(&room->model, &srv->content, code, req->title, epoch,
	                &why);
	if (rc == 0)
		rc = model_join(&room->model, req->name, AANDESLAG__ROLE__ROLE_CHAIR,
		                server_now(srv), &ev, &why);
	if (rc == 0 && (seat = seat_add(room, ev.participant.id, c)) == NULL)
		rc = -ENOMEM;
	if (rc < 0) {
		model_free(&room->model);
		free(room);
		if (rc != -EINVAL)
			goto internal;
		send_refusal(c, req->request_id, &why);
		return;
	}
	b = bucket_of(code);
	room->hash_next = srv->rooms.buckets[b];
	srv->rooms.buckets[b] = room;
	srv->rooms.count++;
	attach(c, room, seat->participant_id);
	server_log(srv, "connection %llu created a room (%zu rooms)",
	           (unsigned long long)c->log_id, srv->rooms.count);
	send_joined(c, room, req->request_id, seat, req->content_hash);
	return;
internal:
	refusal_set(&why, AANDESLAG__ERROR_CODE__ERROR_INTERNAL);
	send_refusal(c, req->request_id, &why);
}

/* Frees the seats of participants who have been away longer than the
 * grace period, so that a full room makes place for someone new. The
 * chair's seat is kept: a room must not lose its chair to a Wi-Fi drop. */
static void
free_stale_seats(struct server *srv, struct room *room)
{
	struct model_event ev;
	struct refusal why;
	size_t i = 0;
	int64_t now = server_now(srv);

	while (i < room->nseats) {
		struct room_seat *seat = &room->seats[i];

		if (seat->conn != NULL ||
		    now - seat->away_since < srv->opts.seat_grace_ms ||
		    seat->participant_id == model_chair(&room->model) ||
		    model_leave(&room->model, seat->participant_id, 0, now, &ev,
		                &why) < 0) {
			i++;
			continue;
		}
		broadcast(room, &ev.event);
		seat_freed(room, ev.left.participant_id, false);
	}
}

static void
join_viewer(struct conn *c, struct room *room, uint64_t request_id,
            const char *content_hash)
{
	struct refusal why;

	if (room->nviewers == ROOM_VIEWERS_MAX) {
		refusal_set_num(&why, AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL,
		                MODEL_SEATS);
		send_refusal(c, request_id, &why);
		return;
	}
	room->viewers[room->nviewers++] = c;
	attach(c, room, 0);
	send_joined(c, room, request_id, NULL, content_hash);
}

/* A participant comes back with the token they were given: the same
 * identity and role. A connection still holding the seat is taken to be
 * half-open and is replaced. */
static void
join_resume(struct conn *c, struct room *room, const Aandeslag__JoinRoom *req)
{
	struct model_event ev;
	struct refusal why;
	struct room_seat *seat = NULL;
	struct conn *old;
	size_t i;

	for (i = 0; i < room->nseats; i++)
		if (req->resume_token.len == ROOM_TOKEN_SIZE &&
		    token_equal(room->seats[i].token, req->resume_token.data,
		                ROOM_TOKEN_SIZE))
			seat = &room->seats[i];
	if (seat == NULL) {
		refusal_set(&why, AANDESLAG__ERROR_CODE__ERROR_BAD_TOKEN);
		send_refusal(c, req->request_id, &why);
		return;
	}
	old = seat->conn;
	if (old != NULL) {
		old->room = NULL;
		conn_fail(old, AANDESLAG__ERROR_CODE__ERROR_ALREADY_PRESENT, NULL, 0);
	} else if (model_presence(&room->model, seat->participant_id, true,
	                          server_now(c->server), &ev, &why) == 0) {
		broadcast(room, &ev.event);
	}
	seat->conn = c;
	attach(c, room, seat->participant_id);
	send_joined(c, room, req->request_id, seat, req->content_hash);
}

void
rooms_join(struct server *srv, struct conn *c, const Aandeslag__JoinRoom *req)
{
	struct model_event ev;
	struct refusal why;
	struct room *room = NULL;
	struct room_seat *seat;
	char code[CODE_SIZE];
	int rc;

	if (req->code != NULL && code_normalise(req->code, code) == 0)
		room = rooms_find(&srv->rooms, code);
	if (room == NULL) {
		refusal_set(&why, AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_ROOM);
		send_refusal(c, req->request_id, &why);
		return;
	}
	if (req->viewer) {
		join_viewer(c, room, req->request_id, req->content_hash);
		return;
	}
	if (req->resume_token.len > 0) {
		join_resume(c, room, req);
		return;
	}
	if (room->nseats == MODEL_SEATS)
		free_stale_seats(srv, room);
	rc = model_join(&room->model, req->name,
	                AANDESLAG__ROLE__ROLE_PARTICIPANT, server_now(srv), &ev,
	                &why);
	if (rc == -EINVAL) {
		send_refusal(c, req->request_id, &why);
		return;
	}
	if (rc < 0) {
		refusal_set(&why, AANDESLAG__ERROR_CODE__ERROR_INTERNAL);
		send_refusal(c, req->request_id, &why);
		return;
	}
	/* The others hear of the newcomer; the newcomer gets a snapshot that
	 * already includes them. */
	broadcast(room, &ev.event);
	seat = seat_add(room, ev.participant.id, c);
	if (seat == NULL) {
		conn_fail(c, AANDESLAG__ERROR_CODE__ERROR_INTERNAL, NULL, 0);
		return;
	}
	attach(c, room, seat->participant_id);
	send_joined(c, room, req->request_id, seat, req->content_hash);
}

static void
remember(struct room_seat *seat, uint64_t request_id, uint64_t seq, int code)
{
	struct room_result *r = &seat->results[seat->nresults % ROOM_REMEMBERED];

	r->request_id = request_id;
	r->seq = seq;
	r->code = code;
	seat->nresults++;
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
			send_refusal(c, request_id, &why);
		}
		return;
	}
	refusal_set(&why, AANDESLAG__ERROR_CODE__ERROR_REQUEST_TOO_OLD);
	send_refusal(c, request_id, &why);
}

void
room_command(struct conn *c, const Aandeslag__Command *cmd)
{
	struct room *room = c->room;
	struct room_seat *seat = seat_of(room, c->participant_id);
	struct model_event ev;
	struct refusal why;
	int rc;

	if (seat == NULL) {
		/* Viewers only watch. */
		refusal_set_str(&why, AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED,
		                "participant");
		send_refusal(c, cmd->request_id, &why);
		return;
	}
	if (cmd->request_id == 0) {
		refusal_set(&why, AANDESLAG__ERROR_CODE__ERROR_BAD_REQUEST_ID);
		send_refusal(c, 0, &why);
		return;
	}
	if (cmd->request_id <= seat->last_request_id) {
		repeat(c, room, seat, cmd->request_id);
		return;
	}
	rc = model_execute(&room->model, seat->participant_id, cmd,
	                   server_now(c->server), &ev, &why);
	if (rc < 0)
		model_event_release(&ev);
	if (rc == -ENOMEM) {
		/* Not remembered: the same request may well succeed later. */
		refusal_set(&why, AANDESLAG__ERROR_CODE__ERROR_INTERNAL);
		send_refusal(c, cmd->request_id, &why);
		return;
	}
	if (rc < 0) {
		remember(seat, cmd->request_id, 0, why.code);
		send_refusal(c, cmd->request_id, &why);
		return;
	}
	remember(seat, cmd->request_id, ev.event.seq, 0);
	broadcast(room, &ev.event);
	model_event_release(&ev);
	send_ack(c, cmd->request_id, room->model.epoch, ev.event.seq);
	/* A seat freed by leaving is free at once, and the connection may
	 * join again; someone removed by the chair is told and let go. */
	if (ev.event.change_case == AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT)
		seat_freed(room, ev.left.participant_id, ev.left.removed);
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
	seat = seat_of(room, c->participant_id);
	if (seat == NULL || seat->conn != c)
		return;
	seat->conn = NULL;
	seat->away_since = server_now(srv);
	if (srv->stopping)
		return;
	if (model_presence(&room->model, seat->participant_id, false,
	                   server_now(srv), &ev, &why) == 0)
		broadcast(room, &ev.event);
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
}
