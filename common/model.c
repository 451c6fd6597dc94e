/* The session model: commands become events, events change the room. */
#include "model.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"

_Static_assert(MODEL_NAME_MAX < REFUSAL_PARAM_SIZE,
               "a refusal must be able to name any name");

#define P AANDESLAG__ROLE__ROLE_PARTICIPANT
#define C AANDESLAG__ROLE__ROLE_CHAIR
#define V AANDESLAG__ROLE__ROLE_VIEWER
#define F AANDESLAG__ROLE__ROLE_FACILITATOR

/* Role × operation: the only place that says who may do what. */
static const bool permissions[4][MODEL_OP_COUNT] = {
	[P] = { [MODEL_OP_ADD_NOTE] = true, [MODEL_OP_CLOCK] = false,
	        [MODEL_OP_STEP] = false, [MODEL_OP_LEAVE] = true },
	[C] = { [MODEL_OP_ADD_NOTE] = true, [MODEL_OP_CLOCK] = true,
	        [MODEL_OP_STEP] = true, [MODEL_OP_LEAVE] = true },
	[V] = { [MODEL_OP_ADD_NOTE] = false, [MODEL_OP_CLOCK] = false,
	        [MODEL_OP_STEP] = false, [MODEL_OP_LEAVE] = false },
	[F] = { [MODEL_OP_ADD_NOTE] = false, [MODEL_OP_CLOCK] = true,
	        [MODEL_OP_STEP] = true, [MODEL_OP_LEAVE] = true },
};

bool
model_allowed(int role, enum model_op op)
{
	if (role < 0 || role > F || op >= MODEL_OP_COUNT)
		return false;
	return permissions[role][op];
}

enum model_op
model_command_op(const Aandeslag__Command *cmd)
{
	switch (cmd->op_case) {
	case AANDESLAG__COMMAND__OP_ADD_NOTE:
		return MODEL_OP_ADD_NOTE;
	case AANDESLAG__COMMAND__OP_CLOCK:
		return MODEL_OP_CLOCK;
	case AANDESLAG__COMMAND__OP_STEP:
		return MODEL_OP_STEP;
	case AANDESLAG__COMMAND__OP_LEAVE:
		return MODEL_OP_LEAVE;
	default:
		return MODEL_OP_COUNT;
	}
}

/* Results of clean_text(). */
enum { TEXT_OK, TEXT_EMPTY, TEXT_TOO_LONG, TEXT_INVALID };

/* Trims in and checks it as one line of at most max bytes; on success
 * copies it, NUL-terminated, into out (which holds max + 1 bytes). */
static int
clean_text(const char *in, size_t max, char *out)
{
	size_t start, len;

	if (in == NULL)
		return TEXT_EMPTY;
	len = utf8_trim(in, strlen(in), &start);
	if (len == 0)
		return TEXT_EMPTY;
	if (len > max)
		return TEXT_TOO_LONG;
	if (utf8_check_line(in + start, len) < 0)
		return TEXT_INVALID;
	memcpy(out, in + start, len);
	out[len] = '\0';
	return TEXT_OK;
}

/* Checks a text that arrived in an event: well-formed and within max. */
static bool
valid_text(const char *s, size_t max, bool may_be_empty)
{
	size_t len;

	if (s == NULL)
		return false;
	len = strlen(s);
	if (len > max || (len == 0 && !may_be_empty))
		return false;
	return utf8_check_line(s, len) == 0;
}

int
model_init(struct model_room *room, const char *code, const char *title,
           uint64_t epoch, struct refusal *why)
{
	char clean[MODEL_TITLE_MAX + 1];
	unsigned i;

	memset(room, 0, sizeof *room);
	if (clean_text(title, MODEL_TITLE_MAX, clean) != TEXT_OK)
		return refusal_set_num(why, AANDESLAG__ERROR_CODE__ERROR_BAD_TITLE,
		                       MODEL_TITLE_MAX);
	room->title = strdup(clean);
	if (room->title == NULL)
		return -ENOMEM;
	snprintf(room->code, sizeof room->code, "%s", code);
	room->epoch = epoch;
	room->current_step = 1;
	room->next_participant_id = 1;
	room->next_note_id = 1;
	for (i = 0; i < STEPS_COUNT; i++)
		clock_init(&room->clocks[i],
		           (int64_t)steps_minutes(i + 1) * CLOCK_MINUTE_MS);
	return 0;
}

void
model_free(struct model_room *room)
{
	size_t i;

	for (i = 0; i < room->nparticipants; i++)
		free(room->participants[i].name);
	for (i = 0; i < room->nnotes; i++) {
		free(room->notes[i].author_name);
		free(room->notes[i].text);
	}
	free(room->notes);
	free(room->title);
	memset(room, 0, sizeof *room);
}

static struct model_participant *
find_participant(struct model_room *room, uint32_t id)
{
	size_t i;

	for (i = 0; i < room->nparticipants; i++)
		if (room->participants[i].id == id)
			return &room->participants[i];
	return NULL;
}

const struct model_participant *
model_participant(const struct model_room *room, uint32_t id)
{
	return find_participant((struct model_room *)room, id);
}

uint32_t
model_chair(const struct model_room *room)
{
	size_t i;

	for (i = 0; i < room->nparticipants; i++)
		if (room->participants[i].role == AANDESLAG__ROLE__ROLE_CHAIR)
			return room->participants[i].id;
	return 0;
}

/* Starts an event as the next one of the room. */
static void
event_begin(const struct model_room *room, struct model_event *ev,
            uint32_t actor)
{
	aandeslag__event__init(&ev->event);
	ev->event.epoch = room->epoch;
	ev->event.seq = room->seq + 1;
	ev->event.actor_id = actor;
}

int
model_join(struct model_room *room, const char *name, int role,
           int64_t now, struct model_event *ev, struct refusal *why)
{
	size_t i;

	switch (clean_text(name, MODEL_NAME_MAX, ev->text)) {
	case TEXT_OK:
		break;
	default:
		return refusal_set_num(why, AANDESLAG__ERROR_CODE__ERROR_BAD_NAME,
		                       MODEL_NAME_MAX);
	}
	for (i = 0; i < room->nparticipants; i++)
		if (strcasecmp(room->participants[i].name, ev->text) == 0)
			return refusal_set_str(why,
			        AANDESLAG__ERROR_CODE__ERROR_NAME_TAKEN, ev->text);
	if (room->nparticipants == MODEL_SEATS)
		return refusal_set_num(why, AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL,
		                       MODEL_SEATS);
	if (role != AANDESLAG__ROLE__ROLE_PARTICIPANT &&
	    role != AANDESLAG__ROLE__ROLE_CHAIR)
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED);
	if (role == AANDESLAG__ROLE__ROLE_CHAIR && model_chair(room) != 0)
		role = AANDESLAG__ROLE__ROLE_PARTICIPANT;
	event_begin(room, ev, room->next_participant_id);
	aandeslag__participant__init(&ev->participant);
	ev->participant.id = room->next_participant_id;
	ev->participant.name = ev->text;
	ev->participant.role = (Aandeslag__Role)role;
	ev->participant.connected = true;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED;
	ev->event.participant_joined = &ev->participant;
	return model_apply(room, &ev->event, now);
}

int
model_leave(struct model_room *room, uint32_t id, uint32_t actor,
            int64_t now, struct model_event *ev, struct refusal *why)
{
	if (find_participant(room, id) == NULL)
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED);
	event_begin(room, ev, actor);
	aandeslag__participant_left__init(&ev->left);
	ev->left.participant_id = id;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT;
	ev->event.participant_left = &ev->left;
	return model_apply(room, &ev->event, now);
}

int
model_presence(struct model_room *room, uint32_t id, bool connected,
               int64_t now, struct model_event *ev, struct refusal *why)
{
	const struct model_participant *p = find_participant(room, id);

	if (p == NULL || p->connected == connected)
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED);
	event_begin(room, ev, id);
	aandeslag__presence_changed__init(&ev->presence);
	ev->presence.participant_id = id;
	ev->presence.connected = connected;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_PRESENCE;
	ev->event.presence = &ev->presence;
	return model_apply(room, &ev->event, now);
}

static int
execute_note(struct model_room *room, const struct model_participant *actor,
             const Aandeslag__AddNote *cmd, int64_t now,
             struct model_event *ev, struct refusal *why)
{
	uint32_t step = cmd->step ? cmd->step : room->current_step;

	if (step > STEPS_COUNT)
		return refusal_set_num(why, AANDESLAG__ERROR_CODE__ERROR_BAD_STEP,
		                       (long)step);
	switch (clean_text(cmd->text, MODEL_NOTE_MAX, ev->text)) {
	case TEXT_EMPTY:
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_EMPTY_TEXT);
	case TEXT_TOO_LONG:
		return refusal_set_num(why,
		        AANDESLAG__ERROR_CODE__ERROR_TEXT_TOO_LONG, MODEL_NOTE_MAX);
	case TEXT_INVALID:
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_INVALID_TEXT);
	default:
		break;
	}
	if (room->nnotes >= MODEL_NOTES_MAX)
		return refusal_set_num(why,
		        AANDESLAG__ERROR_CODE__ERROR_TOO_MANY_NOTES, MODEL_NOTES_MAX);
	event_begin(room, ev, actor->id);
	aandeslag__note__init(&ev->note);
	ev->note.id = room->next_note_id;
	ev->note.step = step;
	ev->note.author_id = actor->id;
	ev->note.author_name = actor->name;
	ev->note.text = ev->text;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_NOTE_ADDED;
	ev->event.note_added = &ev->note;
	return model_apply(room, &ev->event, now);
}

static int
execute_clock(struct model_room *room, uint32_t actor,
              const Aandeslag__ClockControl *cmd, int64_t now,
              struct model_event *ev, struct refusal *why)
{
	struct clock c = clock_at(&room->clocks[room->current_step - 1], now);
	int64_t minutes = cmd->minutes, most;

	switch (cmd->action) {
	case AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_START:
		if (c.state == AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_CLOCK_RUNNING);
		c.state = AANDESLAG__CLOCK_STATE__CLOCK_RUNNING;
		minutes = 0;
		break;
	case AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_PAUSE:
		if (c.state != AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_CLOCK_NOT_RUNNING);
		c.state = AANDESLAG__CLOCK_STATE__CLOCK_PAUSED;
		minutes = 0;
		break;
	case AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_RESUME:
		if (c.state != AANDESLAG__CLOCK_STATE__CLOCK_PAUSED)
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_CLOCK_NOT_PAUSED);
		c.state = AANDESLAG__CLOCK_STATE__CLOCK_RUNNING;
		minutes = 0;
		break;
	case AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND:
		most = (CLOCK_DURATION_MAX - c.duration_ms) / CLOCK_MINUTE_MS;
		if (most > MODEL_MINUTES_MAX)
			most = MODEL_MINUTES_MAX;
		if (minutes < 1 || minutes > most)
			return refusal_set_num2(why,
			        AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES, 1, (long)most);
		c.duration_ms += minutes * CLOCK_MINUTE_MS;
		c.remaining_ms += minutes * CLOCK_MINUTE_MS;
		break;
	case AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_SHORTEN:
		/* A step keeps at least one planned minute. */
		most = c.duration_ms / CLOCK_MINUTE_MS - 1;
		if (most > MODEL_MINUTES_MAX)
			most = MODEL_MINUTES_MAX;
		if (minutes < 1 || minutes > most)
			return refusal_set_num2(why,
			        AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES, 1, (long)most);
		c.duration_ms -= minutes * CLOCK_MINUTE_MS;
		c.remaining_ms -= minutes * CLOCK_MINUTE_MS;
		break;
	default:
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND);
	}
	event_begin(room, ev, actor);
	aandeslag__clock_changed__init(&ev->clock);
	ev->clock.action = cmd->action;
	ev->clock.minutes = (uint32_t)minutes;
	clock_to_wire(&c, room->current_step, now, &ev->clocks[0]);
	ev->clock.clock = &ev->clocks[0];
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_CLOCK;
	ev->event.clock = &ev->clock;
	return model_apply(room, &ev->event, now);
}

static int
execute_step(struct model_room *room, uint32_t actor,
             const Aandeslag__StepControl *cmd, int64_t now,
             struct model_event *ev, struct refusal *why)
{
	uint32_t from = room->current_step, to;
	struct clock left, entered;

	switch (cmd->action) {
	case AANDESLAG__STEP_ACTION__STEP_ACTION_NEXT:
		if (from == STEPS_COUNT)
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_NO_NEXT_STEP);
		to = from + 1;
		break;
	case AANDESLAG__STEP_ACTION__STEP_ACTION_PREV:
		if (from == 1)
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_NO_PREV_STEP);
		to = from - 1;
		break;
	case AANDESLAG__STEP_ACTION__STEP_ACTION_GOTO:
		to = cmd->step;
		if (to < 1 || to > STEPS_COUNT)
			return refusal_set_num(why,
			        AANDESLAG__ERROR_CODE__ERROR_BAD_STEP, (long)to);
		if (to == from)
			return refusal_set_num(why,
			        AANDESLAG__ERROR_CODE__ERROR_SAME_STEP, (long)to);
		break;
	default:
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND);
	}
	/* A running clock moves along with the team: the step that is left
	 * keeps its time on pause, the step entered runs on from its own. */
	left = clock_at(&room->clocks[from - 1], now);
	entered = clock_at(&room->clocks[to - 1], now);
	if (left.state == AANDESLAG__CLOCK_STATE__CLOCK_RUNNING) {
		left.state = AANDESLAG__CLOCK_STATE__CLOCK_PAUSED;
		entered.state = AANDESLAG__CLOCK_STATE__CLOCK_RUNNING;
	}
	event_begin(room, ev, actor);
	aandeslag__step_changed__init(&ev->step);
	ev->step.step = to;
	clock_to_wire(&entered, to, now, &ev->clocks[0]);
	clock_to_wire(&left, from, now, &ev->clocks[1]);
	ev->step.clock = &ev->clocks[0];
	ev->step.previous = &ev->clocks[1];
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_STEP;
	ev->event.step = &ev->step;
	return model_apply(room, &ev->event, now);
}

int
model_execute(struct model_room *room, uint32_t actor,
              const Aandeslag__Command *cmd, int64_t now,
              struct model_event *ev, struct refusal *why)
{
	const struct model_participant *who = find_participant(room, actor);
	enum model_op op = model_command_op(cmd);

	if (op == MODEL_OP_COUNT)
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND);
	if (who == NULL || !model_allowed(who->role, op))
		return refusal_set_str(why, AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED,
		                       "chair");
	switch (op) {
	case MODEL_OP_ADD_NOTE:
		return execute_note(room, who, cmd->add_note, now, ev, why);
	case MODEL_OP_CLOCK:
		return execute_clock(room, actor, cmd->clock, now, ev, why);
	case MODEL_OP_STEP:
		return execute_step(room, actor, cmd->step, now, ev, why);
	case MODEL_OP_LEAVE:
		return model_leave(room, actor, actor, now, ev, why);
	default:
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND);
	}
}

/* ------------------------------------------------------------ applying */

static int
apply_note(struct model_room *room, const Aandeslag__Note *n)
{
	struct model_note *grown, *note;
	size_t cap;

	if (n == NULL || n->step < 1 || n->step > STEPS_COUNT ||
	    n->id < room->next_note_id || n->id == UINT32_MAX ||
	    room->nnotes >= MODEL_NOTES_MAX ||
	    !valid_text(n->text, MODEL_NOTE_MAX, false) ||
	    !valid_text(n->author_name, MODEL_NAME_MAX, true))
		return -EPROTO;
	if (room->nnotes == room->notes_cap) {
		cap = room->notes_cap ? room->notes_cap * 2 : 16;
		grown = realloc(room->notes, cap * sizeof *grown);
		if (grown == NULL)
			return -ENOMEM;
		room->notes = grown;
		room->notes_cap = cap;
	}
	note = &room->notes[room->nnotes];
	note->text = strdup(n->text);
	note->author_name = strdup(n->author_name);
	if (note->text == NULL || note->author_name == NULL) {
		free(note->text);
		free(note->author_name);
		return -ENOMEM;
	}
	note->id = n->id;
	note->step = n->step;
	note->author_id = n->author_id;
	room->nnotes++;
	room->next_note_id = n->id + 1;
	return 0;
}

static int
apply_clock(struct model_room *room, const Aandeslag__ClockChanged *c,
            int64_t now)
{
	if (c == NULL || c->clock == NULL || c->clock->step < 1 ||
	    c->clock->step > STEPS_COUNT)
		return -EPROTO;
	/* Only the team's current step can have a running clock. */
	if (c->clock->step != room->current_step &&
	    c->clock->state == AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
		return -EPROTO;
	return clock_from_wire(&room->clocks[c->clock->step - 1], c->clock, now);
}

static int
apply_step(struct model_room *room, const Aandeslag__StepChanged *s,
           int64_t now)
{
	struct clock entered, left;

	if (s == NULL || s->clock == NULL || s->previous == NULL ||
	    s->step < 1 || s->step > STEPS_COUNT ||
	    s->step == room->current_step || s->clock->step != s->step ||
	    s->previous->step != room->current_step ||
	    s->previous->state == AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
		return -EPROTO;
	if (clock_from_wire(&entered, s->clock, now) < 0 ||
	    clock_from_wire(&left, s->previous, now) < 0)
		return -EPROTO;
	room->clocks[s->step - 1] = entered;
	room->clocks[room->current_step - 1] = left;
	room->current_step = s->step;
	return 0;
}

static int
apply_joined(struct model_room *room, const Aandeslag__Participant *p)
{
	struct model_participant *seat;
	char *name;
	size_t i;

	if (p == NULL || p->id == 0 || p->id < room->next_participant_id ||
	    p->id == UINT32_MAX || room->nparticipants >= MODEL_SEATS ||
	    !valid_text(p->name, MODEL_NAME_MAX, false))
		return -EPROTO;
	for (i = 0; i < room->nparticipants; i++)
		if (strcasecmp(room->participants[i].name, p->name) == 0)
			return -EPROTO;
	if (p->role != AANDESLAG__ROLE__ROLE_PARTICIPANT &&
	    p->role != AANDESLAG__ROLE__ROLE_CHAIR)
		return -EPROTO;
	if (p->role == AANDESLAG__ROLE__ROLE_CHAIR && model_chair(room) != 0)
		return -EPROTO;
	name = strdup(p->name);
	if (name == NULL)
		return -ENOMEM;
	seat = &room->participants[room->nparticipants++];
	seat->id = p->id;
	seat->name = name;
	seat->role = p->role;
	seat->connected = p->connected;
	room->next_participant_id = p->id + 1;
	return 0;
}

static int
apply_left(struct model_room *room, const Aandeslag__ParticipantLeft *l)
{
	struct model_participant *p;
	bool was_chair;
	size_t i;

	if (l == NULL || (p = find_participant(room, l->participant_id)) == NULL)
		return -EPROTO;
	was_chair = p->role == AANDESLAG__ROLE__ROLE_CHAIR;
	free(p->name);
	i = (size_t)(p - room->participants);
	memmove(p, p + 1, (room->nparticipants - i - 1) * sizeof *p);
	room->nparticipants--;
	/* A room is never left without a chair while anyone is seated. */
	if (was_chair && room->nparticipants > 0)
		room->participants[0].role = AANDESLAG__ROLE__ROLE_CHAIR;
	return 0;
}

static int
apply_presence(struct model_room *room, const Aandeslag__PresenceChanged *c)
{
	struct model_participant *p;

	if (c == NULL || (p = find_participant(room, c->participant_id)) == NULL)
		return -EPROTO;
	p->connected = c->connected;
	return 0;
}

int
model_apply(struct model_room *room, const Aandeslag__Event *ev, int64_t now)
{
	int rc;

	if (ev->epoch != room->epoch || ev->seq != room->seq + 1)
		return -ESTALE;
	switch (ev->change_case) {
	case AANDESLAG__EVENT__CHANGE_NOTE_ADDED:
		rc = apply_note(room, ev->note_added);
		break;
	case AANDESLAG__EVENT__CHANGE_CLOCK:
		rc = apply_clock(room, ev->clock, now);
		break;
	case AANDESLAG__EVENT__CHANGE_STEP:
		rc = apply_step(room, ev->step, now);
		break;
	case AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED:
		rc = apply_joined(room, ev->participant_joined);
		break;
	case AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT:
		rc = apply_left(room, ev->participant_left);
		break;
	case AANDESLAG__EVENT__CHANGE_PRESENCE:
		rc = apply_presence(room, ev->presence);
		break;
	default:
		rc = -EPROTO;
		break;
	}
	if (rc == 0)
		room->seq = ev->seq;
	return rc;
}
