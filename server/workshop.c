/* Workshops on the server (workshop.h): the registry, the status that
 * facilitators and plenary projectors see, and storage. Joining and the
 * facilitator's actions are in wsjoin.c and wsops.c. */
#include "workshop.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conn.h"
#include "frame.h"
#include "room.h"
#include "server.h"
#include "summary.h"
#include "wire.h"
#include "wsstore.h"

struct workshop *
workshop_find(struct server *srv, const char *code)
{
	struct workshop *ws;
	char norm[CODE_SIZE];

	if (code == NULL || code_normalise(code, norm) < 0)
		return NULL;
	for (ws = srv->workshops; ws != NULL; ws = ws->next)
		if (strcmp(ws->code, norm) == 0)
			return ws;
	return NULL;
}

int
workshop_room_index(const struct workshop *ws, const struct room *room)
{
	size_t i;

	for (i = 0; i < ws->nrooms; i++)
		if (ws->rooms[i] == room)
			return (int)i;
	return -1;
}

struct room *
workshop_room_named(struct workshop *ws, const char *what)
{
	char norm[CODE_SIZE], *end;
	unsigned long n;
	size_t i;

	if (what == NULL || what[0] == '\0')
		return NULL;
	for (i = 0; i < ws->nrooms; i++)
		if (strcasecmp(ws->rooms[i]->model.title, what) == 0)
			return ws->rooms[i];
	n = strtoul(what, &end, 10);
	if (*end == '\0' && n >= 1 && n <= ws->nrooms)
		return ws->rooms[n - 1];
	if (code_normalise(what, norm) == 0)
		for (i = 0; i < ws->nrooms; i++)
			if (strcmp(ws->rooms[i]->model.code, norm) == 0)
				return ws->rooms[i];
	return NULL;
}

void
workshop_touch(struct workshop *ws)
{
	if (ws->dirty)
		return;
	ws->dirty = true;
	ws->dirty_next = ws->srv->dirty_workshops;
	ws->srv->dirty_workshops = ws;
}

void
workshop_send(struct conn *c, const Aandeslag__Envelope *env)
{
	struct wire_buf *buf;

	if (wire_pack(env, FRAME_MAX_SERVER, &buf) == 0) {
		conn_send(c, buf);
		wire_unref(buf);
	}
}

/* The status as one message; summaries point into the rooms. */
struct status {
	Aandeslag__WorkshopStatus msg;
	Aandeslag__ReportState report;
	Aandeslag__StepClock report_clock;
	struct summary summaries[WORKSHOP_ROOMS_MAX];
	Aandeslag__RoomSummary *summary_ptrs[WORKSHOP_ROOMS_MAX];
	Aandeslag__ScheduleItem slots[WORKSHOP_SCHEDULE_MAX];
	Aandeslag__ScheduleItem *slot_ptrs[WORKSHOP_SCHEDULE_MAX];
	Aandeslag__Assignment *assignments;
	Aandeslag__Assignment **assignment_ptrs;
	size_t nsummaries;
};

void
workshop_status_free(Aandeslag__WorkshopStatus *msg)
{
	struct status *st = (struct status *)msg;
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < st->nsummaries; i++)
		summary_release(&st->summaries[i]);
	free(st->assignments);
	free(st->assignment_ptrs);
	free(st);
}

int
workshop_status_build(struct workshop *ws, Aandeslag__WorkshopStatus **out)
{
	struct status *st = calloc(1, sizeof *st);
	int64_t now = server_now(ws->srv);
	size_t i, n = ws->nassignments ? ws->nassignments : 1;

	*out = NULL;
	if (st == NULL)
		return -ENOMEM;
	aandeslag__workshop_status__init(&st->msg);
	st->assignments = calloc(n, sizeof *st->assignments);
	st->assignment_ptrs = calloc(n, sizeof *st->assignment_ptrs);
	if (st->assignments == NULL || st->assignment_ptrs == NULL)
		goto fail;
	st->msg.code = ws->code;
	st->msg.title = ws->title;
	st->msg.date = ws->date;
	for (i = 0; i < ws->nrooms; i++) {
		if (summary_build(&st->summaries[i], &ws->rooms[i]->model,
		                  now) < 0)
			goto fail;
		st->nsummaries++;
		st->summary_ptrs[i] = &st->summaries[i].msg;
	}
	st->msg.n_rooms = ws->nrooms;
	st->msg.rooms = st->summary_ptrs;
	for (i = 0; i < ws->nschedule; i++) {
		aandeslag__schedule_item__init(&st->slots[i]);
		st->slots[i].time = ws->schedule[i].time;
		st->slots[i].label = ws->schedule[i].label;
		st->slots[i].report_back = ws->schedule[i].report_back;
		st->slot_ptrs[i] = &st->slots[i];
	}
	st->msg.n_schedule = ws->nschedule;
	st->msg.schedule = st->slot_ptrs;
	st->msg.announcement = ws->announcement;
	aandeslag__report_state__init(&st->report);
	st->report.phase = ws->report_phase;
	st->report.room = ws->report_room;
	clock_to_wire(&ws->report_clock, 0, now, &st->report_clock);
	st->report.clock = &st->report_clock;
	st->msg.report = &st->report;
	for (i = 0; i < ws->nassignments; i++) {
		aandeslag__assignment__init(&st->assignments[i]);
		st->assignments[i].name = ws->assignments[i].name;
		st->assignments[i].room =
			ws->rooms[ws->assignments[i].room]->model.title;
		st->assignment_ptrs[i] = &st->assignments[i];
	}
	st->msg.n_assignments = ws->nassignments;
	st->msg.assignments = st->assignment_ptrs;
	*out = &st->msg;
	return 0;
fail:
	workshop_status_free(&st->msg);
	return -ENOMEM;
}

/* Sends the status of ws to every watcher, packed once. */
static void
send_status(struct workshop *ws)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__WorkshopStatus *st;
	struct wire_buf *buf;
	size_t i;

	if (ws->nwatchers == 0 || workshop_status_build(ws, &st) < 0)
		return;
	env.body_case = AANDESLAG__ENVELOPE__BODY_WORKSHOP_STATUS;
	env.workshop_status = st;
	if (wire_pack(&env, FRAME_MAX_SERVER, &buf) == 0) {
		for (i = 0; i < ws->nwatchers; i++)
			conn_send(ws->watchers[i], buf);
		wire_unref(buf);
	}
	workshop_status_free(st);
}

void
workshops_flush(struct server *srv)
{
	struct workshop *ws;

	while ((ws = srv->dirty_workshops) != NULL) {
		srv->dirty_workshops = ws->dirty_next;
		ws->dirty = false;
		send_status(ws);
	}
}

int
workshop_save(struct workshop *ws)
{
	Aandeslag__StoredWorkshop rec = AANDESLAG__STORED_WORKSHOP__INIT;
	Aandeslag__StoredWorkshopRoom rooms[WORKSHOP_ROOMS_MAX];
	Aandeslag__StoredWorkshopRoom *room_ptrs[WORKSHOP_ROOMS_MAX];
	ProtobufCBinaryData tokens[WORKSHOP_TOKENS_MAX];
	Aandeslag__WorkshopStatus *st;
	struct wsstore_row row;
	uint8_t *data;
	size_t i;
	int rc;

	if (workshop_status_build(ws, &st) < 0)
		return -ENOMEM;
	rec.code = ws->code;
	rec.title = ws->title;
	rec.date = ws->date;
	rec.facilitator = ws->facilitator;
	for (i = 0; i < ws->nrooms; i++) {
		aandeslag__stored_workshop_room__init(&rooms[i]);
		rooms[i].code = ws->rooms[i]->model.code;
		rooms[i].name = ws->rooms[i]->model.title;
		room_ptrs[i] = &rooms[i];
	}
	rec.n_rooms = ws->nrooms;
	rec.rooms = room_ptrs;
	/* The status made the assignments and slots in their wire form. */
	rec.n_assignments = st->n_assignments;
	rec.assignments = st->assignments;
	rec.n_schedule = st->n_schedule;
	rec.schedule = st->schedule;
	rec.report_minutes = ws->report_minutes;
	rec.facilitator_code_hash.data = ws->facilitator_code_hash;
	rec.facilitator_code_hash.len = STORE_HASH_SIZE;
	for (i = 0; i < ws->ntokens; i++) {
		tokens[i].data = ws->token_hashes[i];
		tokens[i].len = STORE_HASH_SIZE;
	}
	rec.n_token_hashes = ws->ntokens;
	rec.token_hashes = tokens;
	rec.announcement = ws->announcement;
	rec.report_phase = ws->report_phase;
	rec.report_room = ws->report_room;
	rec.last_request_id = ws->last_request_id;
	row.len = aandeslag__stored_workshop__get_packed_size(&rec);
	data = malloc(row.len ? row.len : 1);
	if (data == NULL) {
		workshop_status_free(st);
		return -ENOMEM;
	}
	aandeslag__stored_workshop__pack(&rec, data);
	workshop_status_free(st);
	ws->used_ms = server_wall_ms();
	row.code = ws->code;
	row.created_ms = ws->created_ms;
	row.used_ms = ws->used_ms;
	row.record = data;
	rc = wsstore_put(ws->srv->store, &row);
	free(data);
	return rc;
}

void
workshop_add(struct server *srv, struct workshop *ws)
{
	size_t i;

	ws->srv = srv;
	ws->next = srv->workshops;
	srv->workshops = ws;
	for (i = 0; i < ws->nrooms; i++)
		ws->rooms[i]->workshop = ws;
}

void
workshop_free(struct workshop *ws)
{
	size_t i;

	if (ws == NULL)
		return;
	for (i = 0; i < ws->nassignments; i++)
		free(ws->assignments[i].name);
	free(ws->assignments);
	for (i = 0; i < ws->nschedule; i++)
		free(ws->schedule[i].label);
	free(ws->title);
	free(ws->facilitator);
	free(ws->announcement);
	free(ws);
}

/* Takes ws out of the server's lists, lets its watchers go, deletes it
 * from storage and frees it. */
static void
workshop_drop(struct workshop *ws)
{
	struct server *srv = ws->srv;
	struct workshop **p;
	size_t i;

	for (p = &srv->workshops; *p != NULL; p = &(*p)->next)
		if (*p == ws) {
			*p = ws->next;
			break;
		}
	for (p = &srv->dirty_workshops; *p != NULL; p = &(*p)->dirty_next)
		if (*p == ws) {
			*p = ws->dirty_next;
			break;
		}
	for (i = 0; i < ws->nwatchers; i++) {
		ws->watchers[i]->workshop = NULL;
		conn_close(ws->watchers[i]);
	}
	for (i = 0; i < ws->nrooms; i++)
		ws->rooms[i]->workshop = NULL;
	if (srv->store != NULL && wsstore_delete(srv->store, ws->code) < 0)
		server_log(srv, "storage: a workshop without rooms stays stored");
	workshop_free(ws);
}

void
workshop_forget_room(struct room *room)
{
	struct workshop *ws = room->workshop;
	size_t i, j, k;
	int at;

	if (ws == NULL)
		return;
	room->workshop = NULL;
	at = workshop_room_index(ws, room);
	if (at < 0)
		return;
	for (i = (size_t)at; i + 1 < ws->nrooms; i++)
		ws->rooms[i] = ws->rooms[i + 1];
	ws->nrooms--;
	/* Assignments to the room go; those after it move down one. */
	for (i = j = 0; i < ws->nassignments; i++) {
		if (ws->assignments[i].room == (size_t)at) {
			free(ws->assignments[i].name);
			continue;
		}
		k = ws->assignments[i].room;
		ws->assignments[j] = ws->assignments[i];
		ws->assignments[j++].room = k > (size_t)at ? k - 1 : k;
	}
	ws->nassignments = j;
	if (ws->report_room > ws->nrooms)
		ws->report_room = (uint32_t)ws->nrooms;
	if (ws->nrooms == 0) {
		workshop_drop(ws);
		return;
	}
	workshop_touch(ws);
}

int
workshop_watch(struct workshop *ws, struct conn *c, bool facilitator)
{
	if (ws->nwatchers == WORKSHOP_WATCHERS_MAX)
		return -ENOSPC;
	ws->watchers[ws->nwatchers++] = c;
	c->workshop = ws;
	c->facilitator = facilitator;
	c->state = CONN_WORKSHOP;
	return 0;
}

void
workshop_detach(struct conn *c)
{
	struct workshop *ws = c->workshop;
	size_t i;

	if (ws == NULL)
		return;
	c->workshop = NULL;
	for (i = 0; i < ws->nwatchers; i++)
		if (ws->watchers[i] == c) {
			ws->watchers[i] = ws->watchers[--ws->nwatchers];
			break;
		}
}

static char *
dup_text(const char *s)
{
	return strdup(s != NULL ? s : "");
}

/* Workshops found without rooms while loading, deleted afterwards (not
 * while their query runs). */
struct recovery {
	struct server *srv;
	char (*orphans)[CODE_SIZE];
	size_t norphans;
};

static int
note_orphan(void *arg, const char *code)
{
	struct recovery *r = arg;
	char (*grown)[CODE_SIZE];

	grown = realloc(r->orphans, (r->norphans + 1) * sizeof *grown);
	if (grown == NULL)
		return -ENOMEM;
	r->orphans = grown;
	snprintf(r->orphans[r->norphans++], CODE_SIZE, "%s", code);
	return 0;
}

/* Rebuilds one workshop from its record. */
static int
recover_one(void *arg, const struct wsstore_row *row)
{
	struct server *srv = ((struct recovery *)arg)->srv;
	Aandeslag__StoredWorkshop *rec;
	struct workshop *ws;
	struct room *room;
	size_t i, j;

	rec = aandeslag__stored_workshop__unpack(NULL, row->len, row->record);
	if (rec == NULL) {
		server_log(srv, "storage: a workshop record cannot be read; "
		           "left out");
		return 0;
	}
	ws = calloc(1, sizeof *ws);
	if (ws == NULL)
		goto nomem;
	ws->srv = srv;
	if (code_normalise(rec->code, ws->code) < 0)
		goto skip;
	ws->title = dup_text(rec->title);
	ws->facilitator = dup_text(rec->facilitator);
	ws->announcement = dup_text(rec->announcement);
	if (ws->title == NULL || ws->facilitator == NULL ||
	    ws->announcement == NULL)
		goto nomem;
	snprintf(ws->date, sizeof ws->date, "%s", rec->date);
	for (i = 0; i < rec->n_rooms && ws->nrooms < WORKSHOP_ROOMS_MAX; i++) {
		room = room_find(&srv->rooms, rec->rooms[i]->code);
		if (room != NULL && room->workshop == NULL)
			ws->rooms[ws->nrooms++] = room;
	}
	if (ws->nrooms == 0)
		goto skip;
	ws->assignments = calloc(rec->n_assignments ? rec->n_assignments : 1,
	                         sizeof *ws->assignments);
	if (ws->assignments == NULL)
		goto nomem;
	for (i = 0; i < rec->n_assignments; i++)
		for (j = 0; j < ws->nrooms; j++)
			if (strcmp(ws->rooms[j]->model.title,
			           rec->assignments[i]->room) == 0) {
				ws->assignments[ws->nassignments].name =
					dup_text(rec->assignments[i]->name);
				if (ws->assignments[ws->nassignments].name == NULL)
					goto nomem;
				ws->assignments[ws->nassignments++].room = j;
				break;
			}
	for (i = 0; i < rec->n_schedule && i < WORKSHOP_SCHEDULE_MAX; i++) {
		snprintf(ws->schedule[i].time, sizeof ws->schedule[i].time,
		         "%s", rec->schedule[i]->time);
		ws->schedule[i].label = dup_text(rec->schedule[i]->label);
		ws->schedule[i].report_back = rec->schedule[i]->report_back;
		ws->nschedule++;
		if (ws->schedule[i].label == NULL)
			goto nomem;
	}
	ws->report_minutes = rec->report_minutes;
	if (rec->facilitator_code_hash.len == STORE_HASH_SIZE)
		memcpy(ws->facilitator_code_hash, rec->facilitator_code_hash.data,
		       STORE_HASH_SIZE);
	for (i = 0; i < rec->n_token_hashes && i < WORKSHOP_TOKENS_MAX; i++)
		if (rec->token_hashes[i].len == STORE_HASH_SIZE)
			memcpy(ws->token_hashes[ws->ntokens++],
			       rec->token_hashes[i].data, STORE_HASH_SIZE);
	ws->last_request_id = rec->last_request_id;
	/* The report back comes back where it was, its turn's clock paused
	 * at the start: the loop's time of before the restart means
	 * nothing now. */
	ws->report_phase = rec->report_phase;
	ws->report_room = rec->report_room;
	if (ws->report_room > ws->nrooms)
		ws->report_room = (uint32_t)ws->nrooms;
	clock_init(&ws->report_clock,
	           (int64_t)ws->report_minutes * CLOCK_MINUTE_MS);
	ws->created_ms = row->created_ms;
	ws->used_ms = row->used_ms;
	workshop_add(srv, ws);
	aandeslag__stored_workshop__free_unpacked(rec, NULL);
	return 0;
skip:
	/* Its rooms were deleted (by hand, or past the retention time):
	 * the plan, with the names in it, goes too. */
	server_log(srv, "storage: a workshop without rooms is deleted");
	if (rec->code != NULL && note_orphan(arg, rec->code) < 0)
		server_log(srv, "storage: the workshop stays stored for now");
	workshop_free(ws);
	aandeslag__stored_workshop__free_unpacked(rec, NULL);
	return 0;
nomem:
	workshop_free(ws);
	aandeslag__stored_workshop__free_unpacked(rec, NULL);
	return -ENOMEM;
}

int
workshops_recover(struct server *srv)
{
	struct recovery r = { .srv = srv };
	size_t i;
	int rc;

	rc = wsstore_load(srv->store, recover_one, &r);
	for (i = 0; rc == 0 && i < r.norphans; i++)
		rc = wsstore_delete(srv->store, r.orphans[i]);
	free(r.orphans);
	return rc;
}

void
workshops_free(struct server *srv)
{
	struct workshop *ws;

	while ((ws = srv->workshops) != NULL) {
		srv->workshops = ws->next;
		workshop_free(ws);
	}
	srv->dirty_workshops = NULL;
}
