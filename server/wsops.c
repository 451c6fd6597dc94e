/* The facilitator's actions (wsops.h). Each change to a room goes
 * through the room's own model, is stored and broadcast as any change
 * is; the rooms are changed one by one, each in its own savepoint, so
 * that a full disk spoils one room's change, not the others'. */
#include "wsops.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conn.h"
#include "frame.h"
#include "join.h"
#include "persist.h"
#include "room.h"
#include "server.h"
#include "snapshot.h"
#include "wire.h"
#include "workshop.h"

static void
ack(struct conn *c, uint64_t request_id)
{
	struct wire_buf *buf;

	if (wire_pack_ack(request_id, 0, 0, &buf) == 0) {
		conn_send(c, buf);
		wire_unref(buf);
	}
}

/* Stores and broadcasts an event the model made in room (the model has
 * applied it already); undoes it when storing fails. Returns 0 or the
 * store's error. */
static int
commit_event(struct server *srv, struct room *room, struct model_event *ev,
             uint32_t actor, uint64_t seq)
{
	int rc = room_change_begin(srv);

	if (rc == 0)
		rc = persist_event(srv, room, &ev->event, actor, 0);
	if (rc == 0 &&
	    ev->event.change_case == AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT)
		rc = persist_forget_seat(srv, room, ev->left.participant_id);
	if (room_change_end(srv, rc) < 0) {
		model_event_release(ev);
		room_undo(srv, room, seq);
		return rc < 0 ? rc : -EIO;
	}
	room_broadcast(room, &ev->event);
	model_event_release(ev);
	return 0;
}

/* Starts (or resumes) the clock of every room's step, in the name of each
 * room's chair: the room sees its own chair's clock start, as the chair
 * had agreed with the facilitator. Rooms without a chair, finished ones
 * and those whose clock runs are left as they are. */
static int
start_clocks(struct workshop *ws)
{
	struct server *srv = ws->srv;
	Aandeslag__Command cmd = AANDESLAG__COMMAND__INIT;
	Aandeslag__ClockControl clock = AANDESLAG__CLOCK_CONTROL__INIT;
	struct model_event ev;
	struct refusal ignored;
	size_t i, started = 0;
	uint32_t chair;
	int state;

	cmd.op_case = AANDESLAG__COMMAND__OP_CLOCK;
	cmd.clock = &clock;
	for (i = 0; i < ws->nrooms; i++) {
		struct room *room = ws->rooms[i];
		uint64_t seq = room->model.seq;

		chair = model_chair(&room->model);
		state = room->model.clocks[room->model.current_step - 1].state;
		if (chair == 0 || state == AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
			continue;
		clock.action = state == AANDESLAG__CLOCK_STATE__CLOCK_PAUSED ?
		               AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_RESUME :
		               AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_START;
		if (model_execute(&room->model, chair, &cmd, server_now(srv),
		                  &ev, &ignored) < 0) {
			model_event_release(&ev);
			continue;
		}
		if (commit_event(srv, room, &ev, chair, seq) == 0)
			started++;
	}
	if (started > 0)
		server_clock_runs(srv);
	return 0;
}

static int
announce(struct workshop *ws, const Aandeslag__Announce *a,
         struct refusal *why)
{
	struct server *srv = ws->srv;
	char clean[MODEL_NOTE_MAX + 1], *copy;
	struct model_event ev;
	size_t i;
	int rc;

	rc = model_clean_text(a->text, MODEL_NOTE_MAX, clean);
	if (rc == MODEL_TEXT_EMPTY)
		clean[0] = '\0';
	else if ((rc = model_text_refusal(rc, MODEL_NOTE_MAX, why)) < 0)
		return rc;
	copy = strdup(clean);
	if (copy == NULL)
		return -ENOMEM;
	free(ws->announcement);
	ws->announcement = copy;
	for (i = 0; i < ws->nrooms; i++) {
		struct room *room = ws->rooms[i];
		uint64_t seq = room->model.seq;

		if (model_announce(&room->model, clean, server_now(srv), &ev,
		                   why) < 0) {
			model_event_release(&ev);
			continue;
		}
		commit_event(srv, room, &ev, 0, seq);
	}
	rc = room_change_begin(srv);
	if (rc == 0)
		rc = workshop_save(ws);
	room_change_end(srv, rc);
	workshop_touch(ws);
	return 0;
}

/* Finds whom a move is about: by room and id, or by name in any room (or
 * in the room given). */
static int
find_mover(struct workshop *ws, const Aandeslag__MoveParticipant *m,
           struct room **room_out, struct room_seat **seat_out,
           struct refusal *why)
{
	struct room *from = NULL;
	char clean[MODEL_NAME_MAX + 1];
	size_t i, j;

	if (m->from_room != NULL && m->from_room[0] != '\0') {
		from = workshop_room_named(ws, m->from_room);
		if (from == NULL)
			return refusal_set_str(why,
			        AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_WORKSHOP_ROOM,
			        m->from_room);
	}
	if (m->participant_id != 0) {
		if (from == NULL || (*seat_out = room_seat(from,
		                     m->participant_id)) == NULL)
			return refusal_set_num(why,
			        AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_PARTICIPANT,
			        (long)m->participant_id);
		*room_out = from;
		return 0;
	}
	if (model_clean_text(m->name, MODEL_NAME_MAX, clean) != MODEL_TEXT_OK)
		return refusal_set_num(why, AANDESLAG__ERROR_CODE__ERROR_BAD_NAME,
		                       MODEL_NAME_MAX);
	for (i = 0; i < ws->nrooms; i++) {
		struct room *r = ws->rooms[i];

		if (from != NULL && r != from)
			continue;
		for (j = 0; j < r->model.nparticipants; j++)
			if (strcasecmp(r->model.participants[j].name, clean) == 0) {
				*room_out = r;
				*seat_out = room_seat(r,
				        r->model.participants[j].id);
				if (*seat_out != NULL)
					return 0;
			}
	}
	return refusal_set_str(why,
	        AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_PARTICIPANT, clean);
}

/* Moves a colleague who is connected to another room of the workshop:
 * they leave the one (its members see them go, and where to) and take a
 * new seat in the other, under the same name, on the same connection,
 * which gets a Joined for its new room. */
static int
move(struct workshop *ws, const Aandeslag__MoveParticipant *m,
     struct refusal *why)
{
	struct server *srv = ws->srv;
	Aandeslag__JoinRoom join = AANDESLAG__JOIN_ROOM__INIT;
	char name[MODEL_NAME_MAX + 1];
	struct room *from = NULL, *to;
	struct room_seat *seat;
	struct model_event ev;
	struct conn *c;
	const struct model_participant *p;
	uint64_t seq;
	size_t i;
	int rc;

	rc = find_mover(ws, m, &from, &seat, why);
	if (rc < 0)
		return rc;
	to = workshop_room_named(ws, m->to_room);
	if (to == NULL)
		return refusal_set_str(why,
		        AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_WORKSHOP_ROOM,
		        m->to_room != NULL ? m->to_room : "");
	if (to == from)
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_ALREADY_PRESENT);
	c = seat->conn;
	if (c == NULL)
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_NOT_CONNECTED);
	if (to->model.nparticipants >= MODEL_SEATS)
		return refusal_set_num(why, AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL,
		                       MODEL_SEATS);
	p = model_participant(&from->model, seat->participant_id);
	snprintf(name, sizeof name, "%s", p->name);
	for (i = 0; i < to->model.nparticipants; i++)
		if (strcasecmp(to->model.participants[i].name, name) == 0)
			return refusal_set_str(why,
			        AANDESLAG__ERROR_CODE__ERROR_NAME_TAKEN, name);
	seq = from->model.seq;
	rc = model_leave(&from->model, seat->participant_id, 0, server_now(srv),
	                 &ev, why);
	if (rc < 0)
		return rc;
	ev.left.moved_to = to->model.title;
	rc = commit_event(srv, from, &ev, 0, seq);
	if (rc < 0)
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_STORAGE);
	room_seat_freed(from, ev.left.participant_id, false);
	/* The connection is in the lobby now, as after leaving; it joins the
	 * other room as a newcomer would, with request id 0. */
	join.name = name;
	join.content_hash = srv->content.hash;
	if (join_newcomer(srv, c, to, &join) == NULL)
		server_log(srv, "connection %llu: moved out, but not in",
		           (unsigned long long)c->log_id);
	return 0;
}

static int
report(struct workshop *ws, const Aandeslag__ReportControl *r,
       struct refusal *why)
{
	struct server *srv = ws->srv;
	int64_t now = server_now(srv);
	int64_t turn = (int64_t)ws->report_minutes * CLOCK_MINUTE_MS;
	struct clock *clk = &ws->report_clock;
	int phase = ws->report_phase;
	uint32_t room = ws->report_room;
	int rc;

	switch (r->action) {
	case AANDESLAG__REPORT_ACTION__REPORT_ACTION_START:
		phase = AANDESLAG__REPORT_PHASE__REPORT_ROOM;
		room = 1;
		break;
	case AANDESLAG__REPORT_ACTION__REPORT_ACTION_NEXT:
		if (phase == AANDESLAG__REPORT_PHASE__REPORT_NONE)
			return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_NO_REPORT);
		if (phase == AANDESLAG__REPORT_PHASE__REPORT_OVERVIEW)
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_NO_NEXT_STEP);
		if (room >= ws->nrooms)
			phase = AANDESLAG__REPORT_PHASE__REPORT_OVERVIEW;
		else
			room++;
		break;
	case AANDESLAG__REPORT_ACTION__REPORT_ACTION_PREV:
		if (phase == AANDESLAG__REPORT_PHASE__REPORT_NONE)
			return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_NO_REPORT);
		if (phase == AANDESLAG__REPORT_PHASE__REPORT_OVERVIEW) {
			phase = AANDESLAG__REPORT_PHASE__REPORT_ROOM;
			room = (uint32_t)ws->nrooms;
		} else if (room <= 1) {
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_NO_PREV_STEP);
		} else {
			room--;
		}
		break;
	case AANDESLAG__REPORT_ACTION__REPORT_ACTION_OVERVIEW:
		phase = AANDESLAG__REPORT_PHASE__REPORT_OVERVIEW;
		break;
	case AANDESLAG__REPORT_ACTION__REPORT_ACTION_END:
		phase = AANDESLAG__REPORT_PHASE__REPORT_NONE;
		room = 0;
		break;
	case AANDESLAG__REPORT_ACTION__REPORT_ACTION_EXTEND:
		if (phase != AANDESLAG__REPORT_PHASE__REPORT_ROOM)
			return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_NO_REPORT);
		if (r->minutes < 1 || r->minutes > MODEL_MINUTES_MAX) {
			refusal_set_num(why, AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES,
			                1);
			snprintf(why->params[1], sizeof why->params[1], "%d",
			         MODEL_MINUTES_MAX);
			why->nparams = 2;
			return -EINVAL;
		}
		*clk = clock_at(clk, now);
		clk->remaining_ms += (int64_t)r->minutes * CLOCK_MINUTE_MS;
		clk->duration_ms += (int64_t)r->minutes * CLOCK_MINUTE_MS;
		workshop_touch(ws);
		return 0;
	case AANDESLAG__REPORT_ACTION__REPORT_ACTION_PAUSE:
		if (phase != AANDESLAG__REPORT_PHASE__REPORT_ROOM ||
		    clk->state != AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_CLOCK_NOT_RUNNING);
		*clk = clock_at(clk, now);
		clk->state = AANDESLAG__CLOCK_STATE__CLOCK_PAUSED;
		workshop_touch(ws);
		return 0;
	case AANDESLAG__REPORT_ACTION__REPORT_ACTION_RESUME:
		if (phase != AANDESLAG__REPORT_PHASE__REPORT_ROOM ||
		    clk->state == AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_CLOCK_NOT_PAUSED);
		*clk = clock_at(clk, now);
		clk->state = AANDESLAG__CLOCK_STATE__CLOCK_RUNNING;
		workshop_touch(ws);
		return 0;
	default:
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND);
	}
	/* A new turn gets a fresh clock that runs at once; the overview and
	 * the end have none. */
	clock_init(clk, turn);
	if (phase == AANDESLAG__REPORT_PHASE__REPORT_ROOM) {
		clk->state = AANDESLAG__CLOCK_STATE__CLOCK_RUNNING;
		clk->anchor_ms = now;
	}
	ws->report_phase = phase;
	ws->report_room = room;
	rc = room_change_begin(srv);
	if (rc == 0)
		rc = workshop_save(ws);
	room_change_end(srv, rc);
	workshop_touch(ws);
	return 0;
}

/* Sends every room whole, as a viewer sees it, one WorkshopExport each
 * (a study day's rooms together could pass the frame limit). */
static int
export(struct conn *c, struct workshop *ws, uint64_t request_id)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__WorkshopExport ex = AANDESLAG__WORKSHOP_EXPORT__INIT;
	Aandeslag__WorkshopStatus *st;
	Aandeslag__Snapshot *one[1];
	struct snapshot snap;
	size_t i;

	if (workshop_status_build(ws, &st) < 0)
		return -ENOMEM;
	ex.request_id = request_id;
	ex.status = st;
	ex.n_rooms = 1;
	ex.rooms = one;
	env.body_case = AANDESLAG__ENVELOPE__BODY_WORKSHOP_EXPORT;
	env.workshop_export = &ex;
	for (i = 0; i < ws->nrooms; i++) {
		if (snapshot_build(&snap, &ws->rooms[i]->model,
		                   server_now(ws->srv), 0) < 0) {
			workshop_status_free(st);
			return -ENOMEM;
		}
		one[0] = &snap.msg;
		workshop_send(c, &env);
		snapshot_release(&snap);
	}
	workshop_status_free(st);
	return 0;
}

void
wsops_command(struct conn *c, const Aandeslag__WorkshopCommand *cmd)
{
	struct workshop *ws = c->workshop;
	struct refusal why;
	int rc;

	if (ws == NULL)
		return;
	if (!c->facilitator) {
		refusal_set_str(&why, AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED,
		                "facilitator");
		room_send_refusal(c, cmd->request_id, &why);
		return;
	}
	if (cmd->request_id == 0) {
		room_refuse(c, 0, AANDESLAG__ERROR_CODE__ERROR_BAD_REQUEST_ID);
		return;
	}
	if (cmd->op_case == AANDESLAG__WORKSHOP_COMMAND__OP_EXPORT) {
		if (export(c, ws, cmd->request_id) < 0)
			room_refuse(c, cmd->request_id,
			            AANDESLAG__ERROR_CODE__ERROR_INTERNAL);
		else
			ack(c, cmd->request_id);
		return;
	}
	/* A command sent again after a reconnect was done the first time. */
	if (cmd->request_id <= ws->last_request_id) {
		ack(c, cmd->request_id);
		return;
	}
	if (c->server->storage_trouble) {
		room_refuse(c, cmd->request_id, AANDESLAG__ERROR_CODE__ERROR_STORAGE);
		return;
	}
	ws->last_request_id = cmd->request_id;
	switch (cmd->op_case) {
	case AANDESLAG__WORKSHOP_COMMAND__OP_START_CLOCKS:
		rc = start_clocks(ws);
		break;
	case AANDESLAG__WORKSHOP_COMMAND__OP_ANNOUNCE:
		rc = announce(ws, cmd->announce, &why);
		break;
	case AANDESLAG__WORKSHOP_COMMAND__OP_MOVE:
		rc = move(ws, cmd->move, &why);
		break;
	case AANDESLAG__WORKSHOP_COMMAND__OP_REPORT:
		rc = report(ws, cmd->report, &why);
		break;
	default:
		rc = refusal_set(&why, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND);
		break;
	}
	if (rc == -EINVAL)
		room_send_refusal(c, cmd->request_id, &why);
	else if (rc < 0)
		room_refuse(c, cmd->request_id, AANDESLAG__ERROR_CODE__ERROR_INTERNAL);
	else
		ack(c, cmd->request_id);
}
