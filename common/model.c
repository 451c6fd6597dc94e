/* The session model's core: the room, who sits in it and with what role,
 * the permission table, and the dispatch of commands and events to the
 * modules that know the steps (steps.c, settings.c, notes.c, cards.c,
 * votes.c, activities.c, actions.c). */
#include "model.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "actions.h"
#include "activities.h"
#include "cards.h"
#include "notes.h"
#include "settings.h"
#include "steps.h"
#include "utf8.h"
#include "votes.h"

_Static_assert(MODEL_NAME_MAX < REFUSAL_PARAM_SIZE,
               "a refusal must be able to name any name");

#define P AANDESLAG__ROLE__ROLE_PARTICIPANT
#define C AANDESLAG__ROLE__ROLE_CHAIR
#define V AANDESLAG__ROLE__ROLE_VIEWER
#define F AANDESLAG__ROLE__ROLE_FACILITATOR
#define S AANDESLAG__ROLE__ROLE_SCRIBE
#define ROLES 5

/* Role × operation: the only place that says who may do what. A viewer
 * may do nothing; a scribe is a participant who may also write for
 * others; the facilitator of a workshop runs the clock and the steps. */
static const bool permissions[ROLES][MODEL_OP_COUNT] = {
	[P] = {
		[MODEL_OP_ADD_NOTE] = true, [MODEL_OP_EDIT_NOTE] = true,
		[MODEL_OP_LEAVE] = true, [MODEL_OP_ADD_QUESTION] = true,
		[MODEL_OP_VOTE] = true, [MODEL_OP_ACTIVITY] = true,
		[MODEL_OP_ACTION] = true, [MODEL_OP_CLAIM] = true,
		[MODEL_OP_ACTION_STATUS] = true,
	},
	[C] = {
		[MODEL_OP_ADD_NOTE] = true, [MODEL_OP_NOTE_FOR] = true,
		[MODEL_OP_EDIT_NOTE] = true, [MODEL_OP_CLOCK] = true,
		[MODEL_OP_STEP] = true, [MODEL_OP_LEAVE] = true,
		[MODEL_OP_SETTINGS] = true, [MODEL_OP_FOLLOW_UP] = true,
		[MODEL_OP_HAND_OVER] = true, [MODEL_OP_REMOVE] = true,
		[MODEL_OP_SCRIBE] = true, [MODEL_OP_ADD_QUESTION] = true,
		[MODEL_OP_TABLE] = true, [MODEL_OP_VOTE] = true,
		[MODEL_OP_MARK] = true, [MODEL_OP_ACTIVITY] = true,
		[MODEL_OP_ACTION] = true, [MODEL_OP_CLAIM] = true,
		[MODEL_OP_ASSIGN] = true, [MODEL_OP_ACTION_STATUS] = true,
		[MODEL_OP_FINISH] = true,
	},
	[V] = { false },
	[F] = {
		[MODEL_OP_CLOCK] = true, [MODEL_OP_STEP] = true,
		[MODEL_OP_LEAVE] = true, [MODEL_OP_FOLLOW_UP] = true,
	},
	[S] = {
		[MODEL_OP_ADD_NOTE] = true, [MODEL_OP_NOTE_FOR] = true,
		[MODEL_OP_EDIT_NOTE] = true, [MODEL_OP_LEAVE] = true,
		[MODEL_OP_ADD_QUESTION] = true, [MODEL_OP_VOTE] = true,
		[MODEL_OP_ACTIVITY] = true, [MODEL_OP_ACTION] = true,
		[MODEL_OP_CLAIM] = true, [MODEL_OP_ACTION_STATUS] = true,
	},
};

bool
model_allowed(int role, enum model_op op)
{
	if (role < 0 || role >= ROLES || op >= MODEL_OP_COUNT)
		return false;
	return permissions[role][op];
}

enum model_op
model_command_op(const Aandeslag__Command *cmd)
{
	switch (cmd->op_case) {
	case AANDESLAG__COMMAND__OP_ADD_NOTE:
		return cmd->add_note->author == AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_SELF ?
		       MODEL_OP_ADD_NOTE : MODEL_OP_NOTE_FOR;
	case AANDESLAG__COMMAND__OP_EDIT_NOTE:
	case AANDESLAG__COMMAND__OP_DELETE_NOTE:
		return MODEL_OP_EDIT_NOTE;
	case AANDESLAG__COMMAND__OP_CLOCK:
		return MODEL_OP_CLOCK;
	case AANDESLAG__COMMAND__OP_STEP:
		return MODEL_OP_STEP;
	case AANDESLAG__COMMAND__OP_LEAVE:
		return MODEL_OP_LEAVE;
	case AANDESLAG__COMMAND__OP_SETTING:
		return cmd->setting->key == AANDESLAG__SETTING_KEY__SETTING_FOLLOW_UP ?
		       MODEL_OP_FOLLOW_UP : MODEL_OP_SETTINGS;
	case AANDESLAG__COMMAND__OP_HAND_OVER:
		return MODEL_OP_HAND_OVER;
	case AANDESLAG__COMMAND__OP_REMOVE:
		return MODEL_OP_REMOVE;
	case AANDESLAG__COMMAND__OP_SCRIBE:
		return MODEL_OP_SCRIBE;
	case AANDESLAG__COMMAND__OP_ADD_QUESTION:
		return MODEL_OP_ADD_QUESTION;
	case AANDESLAG__COMMAND__OP_TABLE:
		return MODEL_OP_TABLE;
	case AANDESLAG__COMMAND__OP_VOTE:
		return MODEL_OP_VOTE;
	case AANDESLAG__COMMAND__OP_MARK:
		return MODEL_OP_MARK;
	case AANDESLAG__COMMAND__OP_ADD_ACTIVITY:
	case AANDESLAG__COMMAND__OP_EDIT_ACTIVITY:
	case AANDESLAG__COMMAND__OP_DELETE_ACTIVITY:
		return MODEL_OP_ACTIVITY;
	case AANDESLAG__COMMAND__OP_ADD_ACTION:
	case AANDESLAG__COMMAND__OP_EDIT_ACTION:
	case AANDESLAG__COMMAND__OP_DELETE_ACTION:
		return MODEL_OP_ACTION;
	case AANDESLAG__COMMAND__OP_CLAIM:
		return MODEL_OP_CLAIM;
	case AANDESLAG__COMMAND__OP_ACTION_STATUS:
		return MODEL_OP_ACTION_STATUS;
	case AANDESLAG__COMMAND__OP_FINISH:
		return MODEL_OP_FINISH;
	default:
		return MODEL_OP_COUNT;
	}
}

/* Whether a command's sub-message is there: protobuf-c leaves a oneof
 * member NULL only when the case is not set, but a hand-made command
 * could set the case without the message. */
static bool
command_complete(const Aandeslag__Command *cmd)
{
	const void *sub;

	switch (cmd->op_case) {
	case AANDESLAG__COMMAND__OP_ADD_NOTE: sub = cmd->add_note; break;
	case AANDESLAG__COMMAND__OP_EDIT_NOTE: sub = cmd->edit_note; break;
	case AANDESLAG__COMMAND__OP_DELETE_NOTE: sub = cmd->delete_note; break;
	case AANDESLAG__COMMAND__OP_CLOCK: sub = cmd->clock; break;
	case AANDESLAG__COMMAND__OP_STEP: sub = cmd->step; break;
	case AANDESLAG__COMMAND__OP_LEAVE: sub = cmd->leave; break;
	case AANDESLAG__COMMAND__OP_SETTING: sub = cmd->setting; break;
	case AANDESLAG__COMMAND__OP_HAND_OVER: sub = cmd->hand_over; break;
	case AANDESLAG__COMMAND__OP_REMOVE: sub = cmd->remove; break;
	case AANDESLAG__COMMAND__OP_SCRIBE: sub = cmd->scribe; break;
	case AANDESLAG__COMMAND__OP_ADD_QUESTION: sub = cmd->add_question; break;
	case AANDESLAG__COMMAND__OP_TABLE: sub = cmd->table; break;
	case AANDESLAG__COMMAND__OP_VOTE: sub = cmd->vote; break;
	case AANDESLAG__COMMAND__OP_MARK: sub = cmd->mark; break;
	case AANDESLAG__COMMAND__OP_ADD_ACTIVITY: sub = cmd->add_activity; break;
	case AANDESLAG__COMMAND__OP_EDIT_ACTIVITY: sub = cmd->edit_activity; break;
	case AANDESLAG__COMMAND__OP_DELETE_ACTIVITY: sub = cmd->delete_activity; break;
	case AANDESLAG__COMMAND__OP_ADD_ACTION: sub = cmd->add_action; break;
	case AANDESLAG__COMMAND__OP_EDIT_ACTION: sub = cmd->edit_action; break;
	case AANDESLAG__COMMAND__OP_DELETE_ACTION: sub = cmd->delete_action; break;
	case AANDESLAG__COMMAND__OP_CLAIM: sub = cmd->claim; break;
	case AANDESLAG__COMMAND__OP_ACTION_STATUS: sub = cmd->action_status; break;
	case AANDESLAG__COMMAND__OP_FINISH: sub = cmd->finish; break;
	default: sub = NULL; break;
	}
	return sub != NULL;
}

/* ------------------------------------------------------------- helpers */

int
model_clean_text(const char *in, size_t max, char *out)
{
	size_t start, len;

	if (in == NULL)
		return MODEL_TEXT_EMPTY;
	len = utf8_trim(in, strlen(in), &start);
	if (len == 0)
		return MODEL_TEXT_EMPTY;
	if (len > max)
		return MODEL_TEXT_TOO_LONG;
	if (utf8_check_line(in + start, len) < 0)
		return MODEL_TEXT_INVALID;
	memcpy(out, in + start, len);
	out[len] = '\0';
	return MODEL_TEXT_OK;
}

int
model_text_refusal(int result, size_t max, struct refusal *why)
{
	switch (result) {
	case MODEL_TEXT_OK:
		return 0;
	case MODEL_TEXT_EMPTY:
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_EMPTY_TEXT);
	case MODEL_TEXT_TOO_LONG:
		return refusal_set_num(why,
		        AANDESLAG__ERROR_CODE__ERROR_TEXT_TOO_LONG, (long)max);
	default:
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_INVALID_TEXT);
	}
}

bool
model_valid_text(const char *s, size_t max, bool may_be_empty)
{
	size_t len;

	if (s == NULL)
		return false;
	len = strlen(s);
	if (len > max || (len == 0 && !may_be_empty))
		return false;
	return utf8_check_line(s, len) == 0;
}

void
model_event_begin(const struct model_room *room, struct model_event *ev,
                  uint32_t actor)
{
	aandeslag__event__init(&ev->event);
	ev->event.epoch = room->epoch;
	ev->event.seq = room->seq + 1;
	ev->event.actor_id = actor;
}

int
model_delete_item(struct model_room *room,
                  const struct model_participant *actor, uint32_t id,
                  uint32_t author, int event_case, int64_t now,
                  struct model_event *ev, struct refusal *why)
{
	if (!model_may_change(actor, author, 0))
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_NOT_AUTHOR);
	model_event_begin(room, ev, actor->id);
	aandeslag__item_deleted__init(&ev->deleted);
	ev->deleted.id = id;
	ev->event.change_case = (Aandeslag__Event__ChangeCase)event_case;
	if (event_case == AANDESLAG__EVENT__CHANGE_ACTIVITY_DELETED)
		ev->event.activity_deleted = &ev->deleted;
	else
		ev->event.action_deleted = &ev->deleted;
	return model_apply(room, &ev->event, now);
}

void
model_event_release(struct model_event *ev)
{
	free(ev->vote_list);
	free(ev->vote_ptrs);
	ev->vote_list = NULL;
	ev->vote_ptrs = NULL;
}

/* ---------------------------------------------------------------- room */

int
model_init(struct model_room *room, const struct content *content,
           const char *code, const char *title, uint64_t epoch,
           struct refusal *why)
{
	char clean[MODEL_TITLE_MAX + 1];
	const Aandeslag__ContentStep *step;
	unsigned i;

	memset(room, 0, sizeof *room);
	if (model_clean_text(title, MODEL_TITLE_MAX, clean) != MODEL_TEXT_OK)
		return refusal_set_num(why, AANDESLAG__ERROR_CODE__ERROR_BAD_TITLE,
		                       MODEL_TITLE_MAX);
	room->content = content;
	room->title = strdup(clean);
	room->settings.programme = strdup("");
	room->settings.qualification = strdup("");
	room->settings.region = strdup("");
	if (room->title == NULL || room->settings.programme == NULL ||
	    room->settings.qualification == NULL ||
	    room->settings.region == NULL) {
		model_free(room);
		return -ENOMEM;
	}
	room->settings.vote_budget = MODEL_VOTE_BUDGET;
	snprintf(room->code, sizeof room->code, "%s", code);
	room->epoch = epoch;
	room->current_step = 1;
	room->next_participant_id = 1;
	room->next_note_id = 1;
	room->next_question_id = 1;
	room->next_activity_id = 1;
	room->next_action_id = 1;
	for (i = 0; i < STEPS_COUNT; i++) {
		step = content_step(content, i + 1);
		clock_init(&room->clocks[i], (int64_t)(step ? step->minutes : 30) *
		                             CLOCK_MINUTE_MS);
	}
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
	free(room->settings.programme);
	free(room->settings.qualification);
	free(room->settings.region);
	items_free(&room->questions);
	items_free(&room->activities);
	items_free(&room->actions);
	free(room->votes);
	free(room->marked);
	memset(room, 0, sizeof *room);
}

struct model_participant *
model_find(struct model_room *room, uint32_t id)
{
	size_t i;

	for (i = 0; i < room->nparticipants; i++)
		if (room->participants[i].id == id)
			return &room->participants[i];
	return NULL;
}

bool
model_may_change(const struct model_participant *actor, uint32_t author,
                 uint32_t writer)
{
	return actor->role == C || actor->id == author ||
	       (writer != 0 && actor->id == writer);
}

const struct model_participant *
model_participant(const struct model_room *room, uint32_t id)
{
	return model_find((struct model_room *)room, id);
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

const struct model_note *
model_note(const struct model_room *room, uint32_t id)
{
	size_t i;

	for (i = 0; i < room->nnotes; i++)
		if (room->notes[i].id == id)
			return &room->notes[i];
	return NULL;
}

uint32_t
model_dots_used(const struct model_room *room, uint32_t id)
{
	uint32_t dots = 0;
	size_t i;

	for (i = 0; i < room->nvotes; i++)
		if (room->votes[i].participant_id == id)
			dots += room->votes[i].dots;
	return dots;
}

uint32_t
model_dots_on(const struct model_room *room, uint32_t id, const char *cid)
{
	size_t i;

	for (i = 0; i < room->nvotes; i++)
		if (room->votes[i].participant_id == id &&
		    strcmp(room->votes[i].competence_id, cid) == 0)
			return room->votes[i].dots;
	return 0;
}

uint32_t
model_tally(const struct model_room *room, const char *id)
{
	uint32_t dots = 0;
	size_t i;

	for (i = 0; i < room->nvotes; i++)
		if (strcmp(room->votes[i].competence_id, id) == 0)
			dots += room->votes[i].dots;
	return dots;
}

bool
model_marked(const struct model_room *room, const char *id)
{
	size_t i;

	for (i = 0; i < room->nmarked; i++)
		if (strcmp(room->marked[i], id) == 0)
			return true;
	return false;
}

/* Whether any activity is linked to competence id. */
static bool
covered(const struct model_room *room, const char *id)
{
	const Aandeslag__Activity *a;
	size_t i, k;

	for (i = 0; i < room->activities.n; i++) {
		a = (const Aandeslag__Activity *)room->activities.v[i].msg;
		for (k = 0; k < a->n_competence_ids; k++)
			if (strcmp(a->competence_ids[k], id) == 0)
				return true;
	}
	return false;
}

size_t
model_uncovered(const struct model_room *room, const char **out)
{
	size_t i, n = 0;

	for (i = 0; i < room->nmarked; i++)
		if (!covered(room, room->marked[i]))
			out[n++] = room->marked[i];
	return n;
}

/* -------------------------------------------------------- participants */

int
model_join(struct model_room *room, const char *name, int role,
           int64_t now, struct model_event *ev, struct refusal *why)
{
	size_t i;

	if (model_clean_text(name, MODEL_NAME_MAX, ev->name) != MODEL_TEXT_OK)
		return refusal_set_num(why, AANDESLAG__ERROR_CODE__ERROR_BAD_NAME,
		                       MODEL_NAME_MAX);
	for (i = 0; i < room->nparticipants; i++)
		if (strcasecmp(room->participants[i].name, ev->name) == 0)
			return refusal_set_str(why,
			        AANDESLAG__ERROR_CODE__ERROR_NAME_TAKEN, ev->name);
	if (room->nparticipants == MODEL_SEATS)
		return refusal_set_num(why, AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL,
		                       MODEL_SEATS);
	if (role != P && role != C)
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED);
	if (role == C && model_chair(room) != 0)
		role = P;
	model_event_begin(room, ev, room->next_participant_id);
	aandeslag__participant__init(&ev->participant);
	ev->participant.id = room->next_participant_id;
	ev->participant.name = ev->name;
	ev->participant.role = (Aandeslag__Role)role;
	ev->participant.connected = true;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED;
	ev->event.participant_joined = &ev->participant;
	return model_apply(room, &ev->event, now);
}

static int
leave_event(struct model_room *room, uint32_t id, uint32_t actor,
            bool removed, int64_t now, struct model_event *ev)
{
	model_event_begin(room, ev, actor);
	aandeslag__participant_left__init(&ev->left);
	ev->left.participant_id = id;
	ev->left.removed = removed;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT;
	ev->event.participant_left = &ev->left;
	return model_apply(room, &ev->event, now);
}

int
model_leave(struct model_room *room, uint32_t id, uint32_t actor,
            int64_t now, struct model_event *ev, struct refusal *why)
{
	if (model_find(room, id) == NULL)
		return refusal_set_num(why,
		        AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_PARTICIPANT, (long)id);
	return leave_event(room, id, actor, false, now, ev);
}

int
model_presence(struct model_room *room, uint32_t id, bool connected,
               int64_t now, struct model_event *ev, struct refusal *why)
{
	const struct model_participant *p = model_find(room, id);

	if (p == NULL)
		return refusal_set_num(why,
		        AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_PARTICIPANT, (long)id);
	if (p->connected == connected)
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED);
	model_event_begin(room, ev, id);
	aandeslag__presence_changed__init(&ev->presence);
	ev->presence.participant_id = id;
	ev->presence.connected = connected;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_PRESENCE;
	ev->event.presence = &ev->presence;
	return model_apply(room, &ev->event, now);
}

static int
role_event(struct model_room *room, uint32_t actor, uint32_t id, int role,
           int64_t now, struct model_event *ev)
{
	model_event_begin(room, ev, actor);
	aandeslag__role_changed__init(&ev->role);
	ev->role.participant_id = id;
	ev->role.role = (Aandeslag__Role)role;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_ROLE;
	ev->event.role = &ev->role;
	return model_apply(room, &ev->event, now);
}

/* Hand over the chair, name a scribe, or remove someone: the chair's
 * say over the seats. */
static int
execute_seats(struct model_room *room, const struct model_participant *actor,
              const Aandeslag__Command *cmd, int64_t now,
              struct model_event *ev, struct refusal *why)
{
	const struct model_participant *target;
	uint32_t id;

	id = cmd->op_case == AANDESLAG__COMMAND__OP_HAND_OVER ?
	     cmd->hand_over->participant_id :
	     cmd->op_case == AANDESLAG__COMMAND__OP_SCRIBE ?
	     cmd->scribe->participant_id : cmd->remove->participant_id;
	target = model_find(room, id);
	if (target == NULL)
		return refusal_set_num(why,
		        AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_PARTICIPANT, (long)id);
	if (target == actor || target->role == C)
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_ALREADY_CHAIR);
	switch (cmd->op_case) {
	case AANDESLAG__COMMAND__OP_HAND_OVER:
		return role_event(room, actor->id, id, C, now, ev);
	case AANDESLAG__COMMAND__OP_SCRIBE:
		return role_event(room, actor->id, id, cmd->scribe->scribe ? S : P,
		                  now, ev);
	default:
		return leave_event(room, id, actor->id, true, now, ev);
	}
}

/* What a finished session still allows: the follow-up of its actions. */
static bool
allowed_when_finished(enum model_op op)
{
	return op == MODEL_OP_ACTION_STATUS || op == MODEL_OP_FOLLOW_UP ||
	       op == MODEL_OP_LEAVE || op == MODEL_OP_HAND_OVER ||
	       op == MODEL_OP_REMOVE;
}

int
model_execute(struct model_room *room, uint32_t actor,
              const Aandeslag__Command *cmd, int64_t now,
              struct model_event *ev, struct refusal *why)
{
	const struct model_participant *who = model_find(room, actor);
	enum model_op op;

	ev->vote_list = NULL;
	ev->vote_ptrs = NULL;
	if (!command_complete(cmd))
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND);
	op = model_command_op(cmd);
	if (who == NULL || !model_allowed(who->role, op))
		return refusal_set_str(why, AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED,
		                       "chair");
	if (room->settings.finished && !allowed_when_finished(op))
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_FINISHED);
	switch (cmd->op_case) {
	case AANDESLAG__COMMAND__OP_ADD_NOTE:
	case AANDESLAG__COMMAND__OP_EDIT_NOTE:
	case AANDESLAG__COMMAND__OP_DELETE_NOTE:
		return notes_execute(room, who, cmd, now, ev, why);
	case AANDESLAG__COMMAND__OP_CLOCK:
	case AANDESLAG__COMMAND__OP_STEP:
		return steps_execute(room, who, cmd, now, ev, why);
	case AANDESLAG__COMMAND__OP_LEAVE:
		return model_leave(room, actor, actor, now, ev, why);
	case AANDESLAG__COMMAND__OP_SETTING:
	case AANDESLAG__COMMAND__OP_FINISH:
		return settings_execute(room, who, cmd, now, ev, why);
	case AANDESLAG__COMMAND__OP_HAND_OVER:
	case AANDESLAG__COMMAND__OP_SCRIBE:
	case AANDESLAG__COMMAND__OP_REMOVE:
		return execute_seats(room, who, cmd, now, ev, why);
	case AANDESLAG__COMMAND__OP_ADD_QUESTION:
	case AANDESLAG__COMMAND__OP_TABLE:
		return cards_execute(room, who, cmd, now, ev, why);
	case AANDESLAG__COMMAND__OP_VOTE:
	case AANDESLAG__COMMAND__OP_MARK:
		return votes_execute(room, who, cmd, now, ev, why);
	case AANDESLAG__COMMAND__OP_ADD_ACTIVITY:
	case AANDESLAG__COMMAND__OP_EDIT_ACTIVITY:
	case AANDESLAG__COMMAND__OP_DELETE_ACTIVITY:
		return activities_execute(room, who, cmd, now, ev, why);
	case AANDESLAG__COMMAND__OP_ADD_ACTION:
	case AANDESLAG__COMMAND__OP_EDIT_ACTION:
	case AANDESLAG__COMMAND__OP_DELETE_ACTION:
	case AANDESLAG__COMMAND__OP_CLAIM:
	case AANDESLAG__COMMAND__OP_ACTION_STATUS:
		return actions_execute(room, who, cmd, now, ev, why);
	default:
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND);
	}
}

/* ------------------------------------------------------------ applying */

static int
apply_joined(struct model_room *room, const Aandeslag__Participant *p)
{
	struct model_participant *seat;
	char *name;
	size_t i;

	if (p == NULL || p->id == 0 || p->id < room->next_participant_id ||
	    p->id == UINT32_MAX || room->nparticipants >= MODEL_SEATS ||
	    !model_valid_text(p->name, MODEL_NAME_MAX, false))
		return -EPROTO;
	for (i = 0; i < room->nparticipants; i++)
		if (strcasecmp(room->participants[i].name, p->name) == 0)
			return -EPROTO;
	if (p->role != P && p->role != C && p->role != S)
		return -EPROTO;
	if (p->role == C && model_chair(room) != 0)
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

	if (l == NULL || (p = model_find(room, l->participant_id)) == NULL)
		return -EPROTO;
	was_chair = p->role == C;
	free(p->name);
	i = (size_t)(p - room->participants);
	memmove(p, p + 1, (room->nparticipants - i - 1) * sizeof *p);
	room->nparticipants--;
	/* A room is never left without a chair while anyone is seated. */
	if (was_chair && room->nparticipants > 0)
		room->participants[0].role = C;
	return 0;
}

static int
apply_presence(struct model_room *room, const Aandeslag__PresenceChanged *c)
{
	struct model_participant *p;

	if (c == NULL || (p = model_find(room, c->participant_id)) == NULL)
		return -EPROTO;
	p->connected = c->connected;
	return 0;
}

static int
apply_role(struct model_room *room, const Aandeslag__RoleChanged *r)
{
	struct model_participant *p, *chair;

	if (r == NULL || (p = model_find(room, r->participant_id)) == NULL ||
	    p->role == C || (r->role != C && r->role != P && r->role != S))
		return -EPROTO;
	if (r->role == C) {
		/* The old chair sits on as a participant. */
		chair = model_find(room, model_chair(room));
		if (chair != NULL)
			chair->role = P;
	}
	p->role = r->role;
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
	case AANDESLAG__EVENT__CHANGE_NOTE_EDITED:
	case AANDESLAG__EVENT__CHANGE_NOTE_DELETED:
		rc = notes_apply(room, ev, now);
		break;
	case AANDESLAG__EVENT__CHANGE_CLOCK:
	case AANDESLAG__EVENT__CHANGE_STEP:
		rc = steps_apply(room, ev, now);
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
	case AANDESLAG__EVENT__CHANGE_ROLE:
		rc = apply_role(room, ev->role);
		break;
	case AANDESLAG__EVENT__CHANGE_SETTING:
		rc = settings_apply(room, ev, now);
		break;
	case AANDESLAG__EVENT__CHANGE_QUESTION_ADDED:
	case AANDESLAG__EVENT__CHANGE_TABLE:
		rc = cards_apply(room, ev, now);
		break;
	case AANDESLAG__EVENT__CHANGE_VOTE:
	case AANDESLAG__EVENT__CHANGE_MARKED:
		rc = votes_apply(room, ev, now);
		break;
	case AANDESLAG__EVENT__CHANGE_ACTIVITY_ADDED:
	case AANDESLAG__EVENT__CHANGE_ACTIVITY_CHANGED:
	case AANDESLAG__EVENT__CHANGE_ACTIVITY_DELETED:
		rc = activities_apply(room, ev, now);
		break;
	case AANDESLAG__EVENT__CHANGE_ACTION_ADDED:
	case AANDESLAG__EVENT__CHANGE_ACTION_CHANGED:
	case AANDESLAG__EVENT__CHANGE_ACTION_DELETED:
		rc = actions_apply(room, ev, now);
		break;
	default:
		rc = -EPROTO;
		break;
	}
	if (rc == 0)
		room->seq = ev->seq;
	return rc;
}
