/* Coming into a room: creating one, joining as a newcomer, coming back
 * with a token, watching as a projector, the chair recovery code, and a
 * colleague the chair recognised on a new laptop. */
#include "join.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "code.h"
#include "conn.h"
#include "frame.h"
#include "joinguard.h"
#include "persist.h"
#include "roompass.h"
#include "server.h"
#include "settings.h"
#include "snapshot.h"
#include "workshop.h"
#include "wsjoin.h"

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

/* Answers a create or join with the room's snapshot. */
static void
send_joined(struct conn *c, struct room *room, uint64_t request_id,
            const struct room_seat *seat, const uint8_t *token,
            const char *content_hash, const char *chair_code)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Joined joined = AANDESLAG__JOINED__INIT;
	struct snapshot snap;
	struct wire_buf *buf;
	struct refusal why;

	if (snapshot_build(&snap, &room->model, server_now(c->server),
	                   seat ? seat->participant_id : 0) < 0) {
		refusal_set(&why, AANDESLAG__ERROR_CODE__ERROR_INTERNAL);
		room_send_refusal(c, request_id, &why);
		return;
	}
	joined.request_id = request_id;
	joined.code = room->model.code;
	if (seat != NULL) {
		joined.participant_id = seat->participant_id;
		joined.resume_token.data = (uint8_t *)token;
		joined.resume_token.len = ROOM_TOKEN_SIZE;
		joined.last_request_id = seat->last_request_id;
	}
	if (chair_code != NULL)
		joined.chair_code = (char *)chair_code;
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
seat_add(struct room *room, uint32_t participant_id, struct conn *c,
         uint8_t token[ROOM_TOKEN_SIZE])
{
	struct room_seat *seat = &room->seats[room->nseats];

	memset(seat, 0, sizeof *seat);
	if (server_random(token, ROOM_TOKEN_SIZE) < 0)
		return NULL;
	store_hash(token, ROOM_TOKEN_SIZE, seat->token_hash);
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
join_create(struct server *srv, struct conn *c,
             const Aandeslag__CreateRoom *req)
{
	struct model_event ev;
	struct refusal why;
	struct room *room;
	struct room_seat *seat = NULL;
	uint8_t random[CODE_CHARS], token[ROOM_TOKEN_SIZE];
	char code[CODE_SIZE], chair_code[CODE_SIZE];
	uint64_t epoch;
	int rc;

	if (srv->rooms.count >= srv->opts.max_rooms) {
		refusal_set_num(&why, AANDESLAG__ERROR_CODE__ERROR_TOO_MANY_ROOMS,
		                (long)srv->opts.max_rooms);
		room_send_refusal(c, req->request_id, &why);
		return;
	}
	do {
		if (server_random(random, sizeof random) < 0)
			goto internal;
		code_from_random(random, code);
	} while (room_find(&srv->rooms, code) != NULL ||
	         workshop_find(srv, code) != NULL);
	if (server_random(&epoch, sizeof epoch) < 0)
		goto internal;
	room = calloc(1, sizeof *room);
	if (room == NULL)
		goto internal;
	rc = model_init(&room->model, &srv->content, code, req->title, epoch,
	                &why);
	/* The server's limits hold from the chair's own name on. */
	if (rc == 0)
		room->model.limits = srv->opts.limits;
	if (rc == 0)
		rc = model_join(&room->model, req->name, AANDESLAG__ROLE__ROLE_CHAIR,
		                server_now(srv), &ev, &why);
	if (rc == 0 &&
	    (seat = seat_add(room, ev.participant.id, c, token)) == NULL)
		rc = -ENOMEM;
	/* The chair recovery code: shown once, kept as a hash. */
	if (rc == 0 && server_random(random, sizeof random) < 0)
		rc = -ENOMEM;
	if (rc == 0) {
		code_from_random(random, chair_code);
		store_hash(chair_code, strlen(chair_code), room->chair_code_hash);
		room->has_chair_code = true;
		room->chair_code_id = seat->participant_id;
		/* The room is stored as a snapshot that already seats its
		 * chair; the join event itself need not be kept. */
		rc = room_change_begin(srv);
		if (rc == 0) {
			rc = persist_room(srv, room);
			if (rc == 0)
				rc = persist_seat(srv, room, seat);
			if (rc == 0)
				rc = persist_chair_code(srv, room);
			rc = room_change_end(srv, rc);
		}
		if (rc < 0) {
			model_free(&room->model);
			free(room);
			room_refuse(c, req->request_id,
			       AANDESLAG__ERROR_CODE__ERROR_STORAGE);
			return;
		}
	}
	if (rc < 0) {
		model_free(&room->model);
		free(room);
		if (rc != -EINVAL)
			goto internal;
		room_send_refusal(c, req->request_id, &why);
		return;
	}
	room->created_ms = room->used_ms = server_wall_ms();
	rooms_add(&srv->rooms, room);
	attach(c, room, seat->participant_id);
	server_log(srv, "connection %llu created a room (%zu rooms)",
	           (unsigned long long)c->log_id, srv->rooms.count);
	send_joined(c, room, req->request_id, seat, token, req->content_hash,
	            chair_code);
	return;
internal:
	room_refuse(c, req->request_id, AANDESLAG__ERROR_CODE__ERROR_INTERNAL);
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
	uint64_t seq;
	int rc;

	while (i < room->nseats) {
		struct room_seat *seat = &room->seats[i];

		seq = room->model.seq;
		if (seat->conn != NULL ||
		    now - seat->away_since < srv->opts.seat_grace_ms ||
		    seat->participant_id == model_chair(&room->model) ||
		    model_leave(&room->model, seat->participant_id, 0, now, &ev,
		                &why) < 0) {
			i++;
			continue;
		}
		rc = room_change_begin(srv);
		if (rc == 0)
			rc = persist_event(srv, room, &ev.event, 0, 0);
		if (rc == 0)
			rc = persist_forget_seat(srv, room, ev.left.participant_id);
		if (room_change_end(srv, rc) < 0) {
			room_undo(srv, room, seq);
			return;
		}
		room_broadcast(room, &ev.event);
		room_seat_freed(room, ev.left.participant_id, false);
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
		room_send_refusal(c, request_id, &why);
		return;
	}
	room->viewers[room->nviewers++] = c;
	attach(c, room, 0);
	send_joined(c, room, request_id, NULL, NULL, content_hash, NULL);
}

/* Seats c in seat, which was someone's before: the connection still
 * holding it is taken to be half-open and is let go; the others see the
 * participant come back. */
static void
come_back(struct conn *c, struct room *room, struct room_seat *seat)
{
	struct model_event ev;
	struct refusal why;
	struct conn *old = seat->conn;

	if (old != NULL) {
		old->room = NULL;
		conn_fail(old, AANDESLAG__ERROR_CODE__ERROR_ALREADY_PRESENT, NULL, 0);
	} else if (model_presence(&room->model, seat->participant_id, true,
	                          server_now(c->server), &ev, &why) == 0) {
		room_broadcast(room, &ev.event);
	}
	seat->conn = c;
	attach(c, room, seat->participant_id);
}

/* A participant comes back with the token they were given: the same
 * identity and role. */
bool
join_try_resume(struct conn *c, struct room *room,
                const Aandeslag__JoinRoom *req)
{
	struct room_seat *seat = NULL;
	uint8_t hash[STORE_HASH_SIZE];
	size_t i;

	if (req->resume_token.len == ROOM_TOKEN_SIZE) {
		store_hash(req->resume_token.data, ROOM_TOKEN_SIZE, hash);
		for (i = 0; i < room->nseats; i++)
			if (token_equal(room->seats[i].token_hash, hash, sizeof hash))
				seat = &room->seats[i];
	}
	if (seat == NULL)
		return false;
	come_back(c, room, seat);
	send_joined(c, room, req->request_id, seat, req->resume_token.data,
	            req->content_hash, NULL);
	return true;
}

static void
join_resume(struct conn *c, struct room *room, const Aandeslag__JoinRoom *req)
{
	if (!join_try_resume(c, room, req))
		joinguard_refuse(c, req->request_id,
		                 AANDESLAG__ERROR_CODE__ERROR_BAD_TOKEN);
}

/* Gives a seat to someone on another laptop (the chair with the recovery
 * code, or a colleague the chair recognised): a new token, so that the
 * old laptop's no longer works. */
static void
take_seat(struct conn *c, struct room *room, struct room_seat *seat,
          const Aandeslag__JoinRoom *req)
{
	struct server *srv = c->server;
	uint8_t token[ROOM_TOKEN_SIZE], old[STORE_HASH_SIZE];
	int rc;

	if (server_random(token, sizeof token) < 0) {
		room_refuse(c, req->request_id, AANDESLAG__ERROR_CODE__ERROR_INTERNAL);
		return;
	}
	memcpy(old, seat->token_hash, sizeof old);
	store_hash(token, sizeof token, seat->token_hash);
	rc = room_change_begin(srv);
	if (rc == 0)
		rc = persist_seat(srv, room, seat);
	if (room_change_end(srv, rc) < 0) {
		memcpy(seat->token_hash, old, sizeof old);
		room_refuse(c, req->request_id, AANDESLAG__ERROR_CODE__ERROR_STORAGE);
		return;
	}
	come_back(c, room, seat);
	send_joined(c, room, req->request_id, seat, token, req->content_hash,
	            NULL);
}

struct room_seat *
join_newcomer(struct server *srv, struct conn *c, struct room *room,
              const Aandeslag__JoinRoom *req)
{
	struct model_event ev;
	struct refusal why;
	struct room_seat *seat;
	uint8_t token[ROOM_TOKEN_SIZE];
	uint64_t seq;
	int rc;

	if (room->nseats == MODEL_SEATS)
		free_stale_seats(srv, room);
	seq = room->model.seq;
	/* A room without a chair (a workshop's room before anyone came, or
	 * one everybody left) gets the newcomer as its chair. */
	rc = model_join(&room->model, req->name, model_chair(&room->model) == 0 ?
	                AANDESLAG__ROLE__ROLE_CHAIR :
	                AANDESLAG__ROLE__ROLE_PARTICIPANT, server_now(srv), &ev,
	                &why);
	if (rc < 0) {
		if (rc == -EINVAL)
			room_send_refusal(c, req->request_id, &why);
		else
			room_refuse(c, req->request_id,
			            AANDESLAG__ERROR_CODE__ERROR_INTERNAL);
		return NULL;
	}
	seat = seat_add(room, ev.participant.id, NULL, token);
	rc = seat == NULL ? -ENOMEM : room_change_begin(srv);
	if (rc == 0)
		rc = persist_event(srv, room, &ev.event, 0, 0);
	if (rc == 0)
		rc = persist_seat(srv, room, seat);
	if (room_change_end(srv, rc) < 0) {
		room_undo(srv, room, seq);
		room_refuse(c, req->request_id, seat == NULL ?
		            AANDESLAG__ERROR_CODE__ERROR_INTERNAL :
		            AANDESLAG__ERROR_CODE__ERROR_STORAGE);
		return NULL;
	}
	/* The others hear of the newcomer; the newcomer gets a snapshot that
	 * already includes them. */
	room_broadcast(room, &ev.event);
	seat->conn = c;
	attach(c, room, seat->participant_id);
	send_joined(c, room, req->request_id, seat, token, req->content_hash,
	            NULL);
	return seat;
}

/* Makes the participant of seat the chair (if they are not), as an event
 * of the server's. */
static void
give_chair(struct server *srv, struct room *room, uint32_t id)
{
	struct model_event ev;
	uint64_t seq = room->model.seq;
	int rc;

	if (model_chair(&room->model) == id ||
	    model_give_chair(&room->model, id, server_now(srv), &ev) < 0)
		return;
	rc = room_change_begin(srv);
	if (rc == 0)
		rc = persist_event(srv, room, &ev.event, 0, 0);
	if (room_change_end(srv, rc) < 0) {
		room_undo(srv, room, seq);
		return;
	}
	room_broadcast(room, &ev.event);
}

/* The chair recovery code: the room's first chair, back from any laptop,
 * with the chair role given back to them if someone took it over. Should
 * their seat be gone, they come in as a newcomer and are made chair. */
static void
join_chair(struct server *srv, struct conn *c, struct room *room,
           const Aandeslag__JoinRoom *req)
{
	char code[CODE_SIZE];
	uint8_t hash[STORE_HASH_SIZE];
	struct room_seat *seat;

	if (!room->has_chair_code || code_normalise(req->chair_code, code) < 0)
		goto refused;
	store_hash(code, strlen(code), hash);
	if (!token_equal(hash, room->chair_code_hash, sizeof hash))
		goto refused;
	server_log(srv, "connection %llu: chair recovery code used",
	           (unsigned long long)c->log_id);
	seat = room_seat(room, room->chair_code_id);
	if (seat != NULL) {
		take_seat(c, room, seat, req);
	} else {
		seat = join_newcomer(srv, c, room, req);
		if (seat == NULL)
			return;
		room->chair_code_id = seat->participant_id;
		if (persist_chair_code(srv, room) < 0)
			server_log(srv, "storage: chair recovery code not moved");
	}
	if (c->room == room)
		give_chair(srv, room, room->chair_code_id);
	return;
refused:
	joinguard_refuse(c, req->request_id,
	                 AANDESLAG__ERROR_CODE__ERROR_BAD_CHAIR_CODE);
}

/* The seat of the colleague the chair recognised, when name is theirs and
 * the chair did so a short while ago. */
static struct room_seat *
recognised_seat(struct server *srv, struct room *room, const char *name)
{
	const struct model_participant *p;
	char clean[MODEL_NAME_MAX + 1];

	if (room->recognised_id == 0 ||
	    server_now(srv) >= room->recognised_until ||
	    model_clean_text(name, MODEL_NAME_MAX, clean) != MODEL_TEXT_OK ||
	    (p = model_participant(&room->model, room->recognised_id)) == NULL ||
	    strcasecmp(p->name, clean) != 0)
		return NULL;
	room->recognised_id = 0;
	return room_seat(room, p->id);
}

void
join_room(struct server *srv, struct conn *c, const Aandeslag__JoinRoom *req)
{
	struct room *room = NULL;
	struct workshop *ws;
	struct room_seat *seat;
	char code[CODE_SIZE];

	/* An address that failed too often learns nothing, not even
	 * whether this code is right. */
	if (joinguard_wait(c, req->request_id))
		return;
	if (req->code != NULL && code_normalise(req->code, code) == 0)
		room = room_find(&srv->rooms, code);
	if (room == NULL && (ws = workshop_find(srv, req->code)) != NULL) {
		wsjoin_join(srv, c, ws, req);
		return;
	}
	if (room != NULL && req->list_rooms) {
		wsjoin_list_plain(c, req);
		return;
	}
	if (room == NULL) {
		joinguard_refuse(c, req->request_id,
		                 AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_ROOM);
		return;
	}
	/* A projector sees the whole poster: it needs the password too. */
	if (req->viewer) {
		if (roompass_admit(c, room, req))
			join_viewer(c, room, req->request_id, req->content_hash);
		return;
	}
	if (req->resume_token.len > 0) {
		join_resume(c, room, req);
		return;
	}
	if (req->chair_code != NULL && req->chair_code[0] != '\0') {
		join_chair(srv, c, room, req);
		return;
	}
	seat = recognised_seat(srv, room, req->name);
	if (seat != NULL) {
		take_seat(c, room, seat, req);
		return;
	}
	join_admit(srv, c, room, req);
}

void
join_admit(struct server *srv, struct conn *c, struct room *room,
           const Aandeslag__JoinRoom *req)
{
	/* A locked or finished room takes its members back (token, chair
	 * code, a colleague the chair recognised: they came in above), and
	 * nobody new. */
	if (!settings_takes_newcomers(&room->model)) {
		room_refuse(c, req->request_id,
		            AANDESLAG__ERROR_CODE__ERROR_ROOM_LOCKED);
		return;
	}
	/* A newcomer needs the password, if the chair set one. */
	if (roompass_admit(c, room, req))
		join_newcomer(srv, c, room, req);
}
