/* Coming into a workshop (wsjoin.h). A plan is checked whole before
 * anything is made, so that a facilitator's mistake costs nothing; the
 * rooms and the workshop are then stored in one change. */
#include "wsjoin.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conn.h"
#include "dates.h"
#include "join.h"
#include "joinguard.h"
#include "persist.h"
#include "room.h"
#include "server.h"
#include "settings.h"
#include "workshop.h"

static int
bad_plan(struct conn *c, uint64_t request_id, const char *what)
{
	struct refusal why;

	refusal_set_str(&why, AANDESLAG__ERROR_CODE__ERROR_BAD_WORKSHOP, what);
	room_send_refusal(c, request_id, &why);
	return -EINVAL;
}

static bool
valid_time(const char *s)
{
	return s != NULL && strlen(s) == 5 && s[2] == ':' &&
	       s[0] >= '0' && s[0] <= '2' && s[1] >= '0' && s[1] <= '9' &&
	       s[3] >= '0' && s[3] <= '5' && s[4] >= '0' && s[4] <= '9' &&
	       (s[0] != '2' || s[1] <= '3');
}

/* Returns the index of the planned room called name, or -1. */
static int
plan_room(char names[][MODEL_TITLE_MAX + 1], size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcasecmp(names[i], name) == 0)
			return (int)i;
	return -1;
}

/* A new code that no room and no workshop has. */
static int
fresh_code(struct server *srv, char code[CODE_SIZE])
{
	uint8_t random[CODE_CHARS];

	do {
		if (server_random(random, sizeof random) < 0)
			return -EIO;
		code_from_random(random, code);
	} while (room_find(&srv->rooms, code) != NULL ||
	         workshop_find(srv, code) != NULL);
	return 0;
}

/* Sets a text setting of a room that nobody is in yet. */
static int
set_text(char **field, const char *text)
{
	char clean[MODEL_SETTING_MAX + 1];
	char *copy;

	if (text == NULL || text[0] == '\0')
		return 0;
	if (model_clean_text(text, MODEL_SETTING_MAX, clean) != MODEL_TEXT_OK)
		return -EINVAL;
	copy = strdup(clean);
	if (copy == NULL)
		return -ENOMEM;
	free(*field);
	*field = copy;
	return 0;
}

/* Makes room i of the plan: empty, at step 1, with the plan's settings. */
static int
make_room(struct server *srv, struct workshop *ws,
          const Aandeslag__RoomPlan *plan, const char *name,
          struct room **out)
{
	struct refusal why;
	struct room *room;
	char code[CODE_SIZE];
	uint64_t epoch;
	size_t i;
	int rc;

	*out = NULL;
	if (fresh_code(srv, code) < 0 ||
	    server_random(&epoch, sizeof epoch) < 0)
		return -EIO;
	room = calloc(1, sizeof *room);
	if (room == NULL)
		return -ENOMEM;
	rc = model_init(&room->model, &srv->content, code, name, epoch, &why);
	if (rc < 0) {
		free(room);
		return rc;
	}
	room->model.limits = srv->opts.limits;
	if (plan != NULL) {
		rc = set_text(&room->model.settings.programme, plan->programme);
		if (rc == 0)
			rc = set_text(&room->model.settings.qualification,
			              plan->qualification);
		for (i = 0; rc == 0 && i < plan->n_levels; i++)
			room->model.settings.levels |= 1u << plan->levels[i];
		for (i = 0; rc == 0 && i < plan->n_step_minutes; i++)
			clock_init(&room->model.clocks[i],
			           (int64_t)plan->step_minutes[i] *
			           CLOCK_MINUTE_MS);
	}
	if (rc == 0)
		rc = model_set_workshop(&room->model, ws->code, ws->title);
	if (rc < 0) {
		model_free(&room->model);
		free(room);
		return rc;
	}
	room->created_ms = room->used_ms = server_wall_ms();
	*out = room;
	return 0;
}

static void
free_rooms(struct workshop *ws)
{
	size_t i;

	for (i = 0; i < ws->nrooms; i++) {
		model_free(&ws->rooms[i]->model);
		free(ws->rooms[i]);
	}
	ws->nrooms = 0;
}

/* Sends the facilitator (or a plenary projector) its WorkshopJoined. */
static void
send_workshop_joined(struct conn *c, struct workshop *ws,
                     uint64_t request_id, const uint8_t *token,
                     const char *facilitator_code, const char *content_hash)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__WorkshopJoined joined = AANDESLAG__WORKSHOP_JOINED__INIT;
	Aandeslag__WorkshopStatus *st;

	if (workshop_status_build(ws, &st) < 0) {
		room_refuse(c, request_id, AANDESLAG__ERROR_CODE__ERROR_INTERNAL);
		return;
	}
	joined.request_id = request_id;
	joined.code = ws->code;
	if (token != NULL) {
		joined.resume_token.data = (uint8_t *)token;
		joined.resume_token.len = ROOM_TOKEN_SIZE;
		joined.last_request_id = ws->last_request_id;
	}
	if (facilitator_code != NULL)
		joined.facilitator_code = (char *)facilitator_code;
	joined.status = st;
	if (content_hash == NULL ||
	    strcmp(content_hash, c->server->content.hash) != 0)
		joined.content = c->server->content.msg;
	env.body_case = AANDESLAG__ENVELOPE__BODY_WORKSHOP_JOINED;
	env.workshop_joined = &joined;
	workshop_send(c, &env);
	workshop_status_free(st);
}

/* Gives the facilitator on c a new token (the oldest goes when there are
 * as many as kept) and stores it. Returns 0 or an error. */
static int
new_token(struct workshop *ws, uint8_t token[ROOM_TOKEN_SIZE])
{
	struct server *srv = ws->srv;
	uint8_t saved[WORKSHOP_TOKENS_MAX][STORE_HASH_SIZE];
	size_t nsaved = ws->ntokens;
	int rc;

	if (server_random(token, ROOM_TOKEN_SIZE) < 0)
		return -EIO;
	memcpy(saved, ws->token_hashes, sizeof saved);
	if (ws->ntokens == WORKSHOP_TOKENS_MAX) {
		memmove(ws->token_hashes[0], ws->token_hashes[1],
		        (WORKSHOP_TOKENS_MAX - 1) * STORE_HASH_SIZE);
		ws->ntokens--;
	}
	store_hash(token, ROOM_TOKEN_SIZE, ws->token_hashes[ws->ntokens++]);
	rc = room_change_begin(srv);
	if (rc == 0)
		rc = workshop_save(ws);
	rc = room_change_end(srv, rc);
	if (rc < 0) {
		memcpy(ws->token_hashes, saved, sizeof saved);
		ws->ntokens = nsaved;
	}
	return rc;
}

/* Checks the plan in req and fills ws's names, assignments and
 * schedule; refuses c and returns -EINVAL when it cannot be. */
static int
check_plan(struct conn *c, const Aandeslag__CreateWorkshop *req,
           struct workshop *ws, char names[][MODEL_TITLE_MAX + 1])
{
	struct refusal why;
	size_t i, j, n = req->n_rooms, per_room[WORKSHOP_ROOMS_MAX] = { 0 };
	char clean[MODEL_NOTE_MAX + 1];
	int at;

	if (n < 1 || n > WORKSHOP_ROOMS_MAX)
		return bad_plan(c, req->request_id, "aantal groepen");
	for (i = 0; i < n; i++) {
		const Aandeslag__RoomPlan *p = req->rooms[i];

		if (p->name == NULL || p->name[0] == '\0')
			snprintf(names[i], MODEL_TITLE_MAX + 1, "Groep %zu", i + 1);
		else if (model_clean_text(p->name, MODEL_TITLE_MAX, names[i]) !=
		         MODEL_TEXT_OK)
			return bad_plan(c, req->request_id, "naam van een groep");
		if (plan_room(names, i, names[i]) >= 0)
			return bad_plan(c, req->request_id, "dubbele groepsnaam");
		for (j = 0; j < p->n_levels; j++)
			if (p->levels[j] < 1 || p->levels[j] > 4)
				return bad_plan(c, req->request_id, "niveau");
		if (p->n_step_minutes != 0 && p->n_step_minutes != STEPS_COUNT)
			return bad_plan(c, req->request_id, "minuten per stap");
		for (j = 0; j < p->n_step_minutes; j++)
			if (p->step_minutes[j] < 1 ||
			    p->step_minutes[j] > MODEL_STEP_MINUTES_MAX)
				return bad_plan(c, req->request_id,
				                "minuten per stap");
		if ((p->programme != NULL && strlen(p->programme) >
		     MODEL_SETTING_MAX) || (p->qualification != NULL &&
		     strlen(p->qualification) > MODEL_SETTING_MAX))
			return bad_plan(c, req->request_id, "opleiding");
	}
	if (req->date != NULL && req->date[0] != '\0') {
		if (dates_check_day(req->date) < 0) {
			refusal_set_str(&why, AANDESLAG__ERROR_CODE__ERROR_BAD_DATE,
			                req->date);
			room_send_refusal(c, req->request_id, &why);
			return -EINVAL;
		}
		snprintf(ws->date, sizeof ws->date, "%s", req->date);
	}
	if (req->n_assignments > WORKSHOP_ASSIGNMENTS_MAX)
		return bad_plan(c, req->request_id, "indeling");
	ws->assignments = calloc(req->n_assignments ? req->n_assignments : 1,
	                         sizeof *ws->assignments);
	if (ws->assignments == NULL)
		return -ENOMEM;
	for (i = 0; i < req->n_assignments; i++) {
		const Aandeslag__Assignment *a = req->assignments[i];

		/* A name the rooms would refuse at join is refused here. */
		if (model_clean_text(a->name, ws->srv->opts.limits.name_max,
		                     clean) != MODEL_TEXT_OK)
			return bad_plan(c, req->request_id, "naam in de indeling");
		at = plan_room(names, n, a->room != NULL ? a->room : "");
		if (at < 0) {
			refusal_set_str(&why,
			        AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_WORKSHOP_ROOM,
			        a->room != NULL ? a->room : "");
			room_send_refusal(c, req->request_id, &why);
			return -EINVAL;
		}
		if (++per_room[at] > MODEL_SEATS)
			return bad_plan(c, req->request_id,
			                "meer dan 7 in een groep");
		ws->assignments[i].name = strdup(clean);
		ws->assignments[i].room = (size_t)at;
		ws->nassignments++;
		if (ws->assignments[i].name == NULL)
			return -ENOMEM;
	}
	if (req->n_schedule > WORKSHOP_SCHEDULE_MAX)
		return bad_plan(c, req->request_id, "rooster");
	for (i = 0; i < req->n_schedule; i++) {
		const Aandeslag__ScheduleItem *s = req->schedule[i];

		if (!valid_time(s->time) ||
		    model_clean_text(s->label, MODEL_SETTING_MAX, clean) !=
		    MODEL_TEXT_OK)
			return bad_plan(c, req->request_id, "rooster");
		memcpy(ws->schedule[i].time, s->time, 6);
		ws->schedule[i].label = strdup(clean);
		ws->schedule[i].report_back = s->report_back;
		ws->nschedule++;
		if (ws->schedule[i].label == NULL)
			return -ENOMEM;
	}
	if (req->report_minutes > WORKSHOP_REPORT_MINUTES_MAX) {
		refusal_set_num(&why, AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES, 1);
		snprintf(why.params[1], sizeof why.params[1], "%d",
		         WORKSHOP_REPORT_MINUTES_MAX);
		why.nparams = 2;
		room_send_refusal(c, req->request_id, &why);
		return -EINVAL;
	}
	ws->report_minutes = req->report_minutes ? req->report_minutes :
	                     WORKSHOP_REPORT_MINUTES;
	return 0;
}

void
wsjoin_create(struct server *srv, struct conn *c,
              const Aandeslag__CreateWorkshop *req)
{
	char names[WORKSHOP_ROOMS_MAX][MODEL_TITLE_MAX + 1];
	char clean[MODEL_TITLE_MAX + 1], fcode[CODE_SIZE];
	uint8_t token[ROOM_TOKEN_SIZE], random[CODE_CHARS];
	struct workshop *ws;
	struct refusal why;
	size_t i;
	int rc;

	if (srv->rooms.count + req->n_rooms > srv->opts.max_rooms) {
		refusal_set_num(&why, AANDESLAG__ERROR_CODE__ERROR_TOO_MANY_ROOMS,
		                (long)srv->opts.max_rooms);
		room_send_refusal(c, req->request_id, &why);
		return;
	}
	if (model_clean_text(req->title, MODEL_TITLE_MAX, clean) !=
	    MODEL_TEXT_OK) {
		room_refuse(c, req->request_id, AANDESLAG__ERROR_CODE__ERROR_BAD_TITLE);
		return;
	}
	ws = calloc(1, sizeof *ws);
	if (ws == NULL)
		goto internal;
	ws->srv = srv;
	ws->title = strdup(clean);
	ws->announcement = strdup("");
	if (ws->title == NULL || ws->announcement == NULL)
		goto internal;
	if (model_clean_text(req->name, srv->opts.limits.name_max, clean) !=
	    MODEL_TEXT_OK) {
		refusal_set_num(&why, AANDESLAG__ERROR_CODE__ERROR_BAD_NAME,
		                (long)srv->opts.limits.name_max);
		room_send_refusal(c, req->request_id, &why);
		workshop_free(ws);
		return;
	}
	ws->facilitator = strdup(clean);
	if (ws->facilitator == NULL)
		goto internal;
	rc = check_plan(c, req, ws, names);
	if (rc == -EINVAL) {
		workshop_free(ws);
		return;
	}
	if (rc < 0 || fresh_code(srv, ws->code) < 0)
		goto internal;
	clock_init(&ws->report_clock,
	           (int64_t)ws->report_minutes * CLOCK_MINUTE_MS);
	for (i = 0; i < req->n_rooms; i++) {
		rc = make_room(srv, ws, req->rooms[i], names[i],
		               &ws->rooms[ws->nrooms]);
		if (rc < 0)
			goto internal;
		ws->nrooms++;
	}
	/* The facilitator's token and code: shown once, kept as hashes. */
	if (server_random(token, sizeof token) < 0 ||
	    server_random(random, sizeof random) < 0)
		goto internal;
	code_from_random(random, fcode);
	store_hash(fcode, strlen(fcode), ws->facilitator_code_hash);
	store_hash(token, sizeof token, ws->token_hashes[ws->ntokens++]);
	ws->created_ms = ws->used_ms = server_wall_ms();
	rc = room_change_begin(srv);
	for (i = 0; rc == 0 && i < ws->nrooms; i++)
		rc = persist_room(srv, ws->rooms[i]);
	if (rc == 0)
		rc = workshop_save(ws);
	if (room_change_end(srv, rc) < 0) {
		free_rooms(ws);
		workshop_free(ws);
		room_refuse(c, req->request_id, AANDESLAG__ERROR_CODE__ERROR_STORAGE);
		return;
	}
	for (i = 0; i < ws->nrooms; i++)
		rooms_add(&srv->rooms, ws->rooms[i]);
	workshop_add(srv, ws);
	workshop_watch(ws, c, true);
	server_log(srv, "connection %llu created a workshop of %zu rooms "
	           "(%zu rooms)", (unsigned long long)c->log_id, ws->nrooms,
	           srv->rooms.count);
	send_workshop_joined(c, ws, req->request_id, token, fcode,
	                     req->content_hash);
	return;
internal:
	free_rooms(ws);
	workshop_free(ws);
	room_refuse(c, req->request_id, AANDESLAG__ERROR_CODE__ERROR_INTERNAL);
}

/* The room the facilitator put name in, or NULL. */
static struct room *
assigned_room(struct workshop *ws, const char *name)
{
	char clean[MODEL_NAME_MAX + 1];
	size_t i;

	if (model_clean_text(name, MODEL_NAME_MAX, clean) != MODEL_TEXT_OK)
		return NULL;
	for (i = 0; i < ws->nassignments; i++)
		if (strcasecmp(ws->assignments[i].name, clean) == 0)
			return ws->rooms[ws->assignments[i].room];
	return NULL;
}

/* The room with the fewest colleagues that still has a seat and is not
 * finished; the first of equals, so that rooms fill in their order. */
static struct room *
least_filled(struct workshop *ws)
{
	struct room *best = NULL;
	size_t i;

	for (i = 0; i < ws->nrooms; i++) {
		struct room *r = ws->rooms[i];

		if (r->model.nparticipants >= MODEL_SEATS ||
		    !settings_takes_newcomers(&r->model))
			continue;
		if (best == NULL ||
		    r->model.nparticipants < best->model.nparticipants)
			best = r;
	}
	return best;
}

/* Whether every room of ws is locked or finished: then nobody new can
 * join. */
static bool
all_closed(const struct workshop *ws)
{
	size_t i;

	for (i = 0; i < ws->nrooms; i++)
		if (settings_takes_newcomers(&ws->rooms[i]->model))
			return false;
	return ws->nrooms > 0;
}

static void
send_room_list(struct conn *c, struct workshop *ws,
               const Aandeslag__JoinRoom *req)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__RoomList list = AANDESLAG__ROOM_LIST__INIT;
	Aandeslag__RoomChoice choices[WORKSHOP_ROOMS_MAX];
	Aandeslag__RoomChoice *ptrs[WORKSHOP_ROOMS_MAX];
	struct room *mine;
	size_t i;

	list.request_id = req->request_id;
	if (ws != NULL) {
		list.code = ws->code;
		list.title = ws->title;
		mine = assigned_room(ws, req->name);
		for (i = 0; i < ws->nrooms; i++) {
			struct room *r = ws->rooms[i];

			aandeslag__room_choice__init(&choices[i]);
			choices[i].name = r->model.title;
			choices[i].code = r->model.code;
			choices[i].programme = r->model.settings.programme;
			choices[i].seated = (uint32_t)r->model.nparticipants;
			choices[i].seats = MODEL_SEATS;
			ptrs[i] = &choices[i];
			if (r == mine)
				list.assigned = (uint32_t)i + 1;
		}
		list.n_rooms = ws->nrooms;
		list.rooms = ptrs;
	} else {
		list.code = (char *)"";
		list.title = (char *)"";
	}
	env.body_case = AANDESLAG__ENVELOPE__BODY_ROOM_LIST;
	env.room_list = &list;
	workshop_send(c, &env);
}

void
wsjoin_list_plain(struct conn *c, const Aandeslag__JoinRoom *req)
{
	send_room_list(c, NULL, req);
}

/* Compares hashes in constant time. */
static bool
hash_equal(const uint8_t *a, const uint8_t *b)
{
	unsigned char diff = 0;
	size_t i;

	for (i = 0; i < STORE_HASH_SIZE; i++)
		diff |= a[i] ^ b[i];
	return diff == 0;
}

static void
join_facilitator(struct server *srv, struct conn *c, struct workshop *ws,
                 const Aandeslag__JoinRoom *req)
{
	uint8_t hash[STORE_HASH_SIZE], token[ROOM_TOKEN_SIZE];
	const uint8_t *answer = token;
	char code[CODE_SIZE];
	bool ok = false;
	size_t i;

	if (req->resume_token.len > 0) {
		for (i = 0; i < ws->nrooms; i++)
			if (join_try_resume(c, ws->rooms[i], req))
				return;
		if (req->resume_token.len != ROOM_TOKEN_SIZE) {
			joinguard_refuse(c, req->request_id,
			                 AANDESLAG__ERROR_CODE__ERROR_BAD_TOKEN);
			return;
		}
		store_hash(req->resume_token.data, ROOM_TOKEN_SIZE, hash);
		for (i = 0; i < ws->ntokens; i++)
			ok |= hash_equal(hash, ws->token_hashes[i]);
		if (!ok) {
			joinguard_refuse(c, req->request_id,
			                 AANDESLAG__ERROR_CODE__ERROR_BAD_TOKEN);
			return;
		}
		answer = req->resume_token.data;
	} else {
		if (code_normalise(req->chair_code, code) < 0)
			goto bad_code;
		store_hash(code, strlen(code), hash);
		if (!hash_equal(hash, ws->facilitator_code_hash))
			goto bad_code;
		if (new_token(ws, token) < 0) {
			room_refuse(c, req->request_id,
			            AANDESLAG__ERROR_CODE__ERROR_STORAGE);
			return;
		}
		server_log(srv, "connection %llu: facilitator code used",
		           (unsigned long long)c->log_id);
	}
	if (workshop_watch(ws, c, true) < 0) {
		room_refuse(c, req->request_id, AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL);
		return;
	}
	send_workshop_joined(c, ws, req->request_id, answer, NULL,
	                     req->content_hash);
	return;
bad_code:
	joinguard_refuse(c, req->request_id,
	                 AANDESLAG__ERROR_CODE__ERROR_BAD_CHAIR_CODE);
}

void
wsjoin_join(struct server *srv, struct conn *c, struct workshop *ws,
            const Aandeslag__JoinRoom *req)
{
	struct refusal why;
	struct room *room = NULL;

	if (req->list_rooms) {
		send_room_list(c, ws, req);
		return;
	}
	if (req->viewer) {
		if (workshop_watch(ws, c, false) < 0) {
			room_refuse(c, req->request_id,
			            AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL);
			return;
		}
		send_workshop_joined(c, ws, req->request_id, NULL, NULL,
		                     req->content_hash);
		return;
	}
	if (req->resume_token.len > 0 ||
	    (req->chair_code != NULL && req->chair_code[0] != '\0')) {
		join_facilitator(srv, c, ws, req);
		return;
	}
	if (req->room != NULL && req->room[0] != '\0') {
		room = workshop_room_named(ws, req->room);
		if (room == NULL) {
			refusal_set_str(&why,
			        AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_WORKSHOP_ROOM,
			        req->room);
			room_send_refusal(c, req->request_id, &why);
			return;
		}
	} else {
		room = assigned_room(ws, req->name);
		if (room != NULL && (room->model.nparticipants >= MODEL_SEATS ||
		                     !settings_takes_newcomers(&room->model)))
			room = NULL;
		if (room == NULL)
			room = least_filled(ws);
		if (room == NULL && all_closed(ws)) {
			room_refuse(c, req->request_id,
			            AANDESLAG__ERROR_CODE__ERROR_ROOM_LOCKED);
			return;
		}
		if (room == NULL) {
			refusal_set_num(&why,
			        AANDESLAG__ERROR_CODE__ERROR_WORKSHOP_FULL,
			        MODEL_SEATS);
			room_send_refusal(c, req->request_id, &why);
			return;
		}
	}
	/* Its members came back with their token, above. */
	join_admit(srv, c, room, req);
}
