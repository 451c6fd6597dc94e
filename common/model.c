/* The session model's core: the room, the permission table, and the
 * dispatch of commands and events to the modules that know the seats and
 * the steps (seats.c, steps.c, settings.c, notes.c, cards.c, votes.c,
 * activities.c, actions.c) and the report back (findings.c). */
#include "model.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "activities.h"
#include "cards.h"
#include "findings.h"
#include "notes.h"
#include "seats.h"
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
 * others; the facilitator of a workshop runs the clock and the steps.
 * Participants and scribes may take over the chair (seats.c says when);
 * the chair, who has it, may not. */
static const bool permissions[ROLES][MODEL_OP_COUNT] = {
	[P] = {
		[MODEL_OP_ADD_NOTE] = true, [MODEL_OP_EDIT_NOTE] = true,
		[MODEL_OP_LEAVE] = true, [MODEL_OP_ADD_QUESTION] = true,
		[MODEL_OP_VOTE] = true, [MODEL_OP_ACTIVITY] = true,
		[MODEL_OP_ACTION] = true, [MODEL_OP_CLAIM] = true,
		[MODEL_OP_ACTION_STATUS] = true, [MODEL_OP_TAKE_CHAIR] = true,
		[MODEL_OP_FINDING] = true,
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
		[MODEL_OP_FINISH] = true, [MODEL_OP_RECOGNISE] = true,
		[MODEL_OP_FINDING] = true,
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
		[MODEL_OP_TAKE_CHAIR] = true, [MODEL_OP_FINDING] = true,
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
	case AANDESLAG__COMMAND__OP_TAKE_CHAIR:
		return MODEL_OP_TAKE_CHAIR;
	case AANDESLAG__COMMAND__OP_RECOGNISE:
		return MODEL_OP_RECOGNISE;
	case AANDESLAG__COMMAND__OP_ADD_FINDING:
	case AANDESLAG__COMMAND__OP_DELETE_FINDING:
		return MODEL_OP_FINDING;
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
	case AANDESLAG__COMMAND__OP_TAKE_CHAIR: sub = cmd->take_chair; break;
	case AANDESLAG__COMMAND__OP_RECOGNISE: sub = cmd->recognise; break;
	case AANDESLAG__COMMAND__OP_ADD_FINDING: sub = cmd->add_finding; break;
	case AANDESLAG__COMMAND__OP_DELETE_FINDING: sub = cmd->delete_finding; break;
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
	/* Every event the model makes can be released, whichever function
	 * made it: only a reveal of the votes allocates, after this. */
	ev->vote_list = NULL;
	ev->vote_ptrs = NULL;
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
	else if (event_case == AANDESLAG__EVENT__CHANGE_FINDING_DELETED)
		ev->event.finding_deleted = &ev->deleted;
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

void
model_limits_default(struct model_limits *l)
{
	l->name_max = MODEL_NAME_MAX;
	l->text_max = MODEL_NOTE_MAX;
	l->notes_max = MODEL_NOTES_MAX;
	l->questions_max = MODEL_QUESTIONS_MAX;
	l->activities_max = MODEL_ACTIVITIES_MAX;
	l->actions_max = MODEL_ACTIONS_MAX;
}

/* Whether a limit is one a room can be held to: at least one, so that
 * something can be written at all, and no more than its ceiling. */
static bool
limit_fits(size_t value, size_t ceiling)
{
	return value >= 1 && value <= ceiling;
}

int
model_limits_check(const struct model_limits *l)
{
	if (!limit_fits(l->name_max, MODEL_NAME_MAX) ||
	    !limit_fits(l->text_max, MODEL_NOTE_MAX) ||
	    !limit_fits(l->notes_max, MODEL_NOTES_MAX) ||
	    !limit_fits(l->questions_max, MODEL_QUESTIONS_MAX) ||
	    !limit_fits(l->activities_max, MODEL_ACTIVITIES_MAX) ||
	    !limit_fits(l->actions_max, MODEL_ACTIONS_MAX))
		return -ERANGE;
	return 0;
}

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
	room->announcement = strdup("");
	room->workshop_code = strdup("");
	room->workshop_title = strdup("");
	if (room->title == NULL || room->settings.programme == NULL ||
	    room->settings.qualification == NULL ||
	    room->settings.region == NULL || room->announcement == NULL ||
	    room->workshop_code == NULL || room->workshop_title == NULL) {
		model_free(room);
		return -ENOMEM;
	}
	model_limits_default(&room->limits);
	room->settings.vote_budget = MODEL_VOTE_BUDGET;
	snprintf(room->code, sizeof room->code, "%s", code);
	room->epoch = epoch;
	room->current_step = 1;
	room->next_participant_id = 1;
	room->next_note_id = 1;
	room->next_question_id = 1;
	room->next_activity_id = 1;
	room->next_action_id = 1;
	room->next_finding_id = 1;
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
	items_free(&room->findings);
	free(room->announcement);
	free(room->workshop_code);
	free(room->workshop_title);
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
	return seats_join(room, name, role, now, ev, why);
}

int
model_leave(struct model_room *room, uint32_t id, uint32_t actor,
            int64_t now, struct model_event *ev, struct refusal *why)
{
	return seats_leave(room, id, actor, now, ev, why);
}

int
model_presence(struct model_room *room, uint32_t id, bool connected,
               int64_t now, struct model_event *ev, struct refusal *why)
{
	return seats_presence(room, id, connected, now, ev, why);
}

int
model_give_chair(struct model_room *room, uint32_t id, int64_t now,
                 struct model_event *ev)
{
	return seats_give_chair(room, id, now, ev);
}

/* ----------------------------------------------------------- workshops */

int
model_announce(struct model_room *room, const char *text, int64_t now,
               struct model_event *ev, struct refusal *why)
{
	return findings_announce(room, text, now, ev, why);
}

int
model_set_workshop(struct model_room *room, const char *code,
                   const char *title)
{
	char formatted[CODE_SIZE] = "", clean[MODEL_TITLE_MAX + 1] = "";
	char *c, *t;
	int rc;

	if (code != NULL && code[0] != '\0') {
		if (code_normalise(code, formatted) < 0)
			return -EINVAL;
		rc = model_clean_text(title, MODEL_TITLE_MAX, clean);
		if (rc != MODEL_TEXT_OK && rc != MODEL_TEXT_EMPTY)
			return -EINVAL;
		if (rc == MODEL_TEXT_EMPTY)
			clean[0] = '\0';
	}
	c = strdup(formatted);
	t = strdup(clean);
	if (c == NULL || t == NULL) {
		free(c);
		free(t);
		return -ENOMEM;
	}
	free(room->workshop_code);
	free(room->workshop_title);
	room->workshop_code = c;
	room->workshop_title = t;
	return 0;
}

/* ------------------------------------------------------------ commands */

/* What a finished session still allows: the follow-up of its actions,
 * the seats, and the findings: a workshop's report back may come at a
 * later meeting than the session, and what a room brings back is often
 * only clear once it is done. */
static bool
allowed_when_finished(enum model_op op)
{
	return op == MODEL_OP_ACTION_STATUS || op == MODEL_OP_FOLLOW_UP ||
	       op == MODEL_OP_LEAVE || op == MODEL_OP_HAND_OVER ||
	       op == MODEL_OP_REMOVE || op == MODEL_OP_TAKE_CHAIR ||
	       op == MODEL_OP_RECOGNISE || op == MODEL_OP_FINDING;
}

/* Whether actor may do what cmd (complete) does in the room as it is:
 * the permission table, and what a finished session still allows.
 * Returns 0 or -EINVAL with why. */
static int
permitted(const struct model_room *room,
          const struct model_participant *who, const Aandeslag__Command *cmd,
          struct refusal *why)
{
	enum model_op op = model_command_op(cmd);

	if (who == NULL || !model_allowed(who->role, op))
		return refusal_set_str(why, AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED,
		                       "chair");
	if (room->settings.finished && !allowed_when_finished(op))
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_FINISHED);
	return 0;
}

int
model_check_recognise(const struct model_room *room, uint32_t actor,
                      const Aandeslag__Command *cmd, struct refusal *why)
{
	const struct model_participant *who = model_participant(room, actor);

	if (cmd->op_case != AANDESLAG__COMMAND__OP_RECOGNISE ||
	    !command_complete(cmd))
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND);
	if (permitted(room, who, cmd, why) < 0)
		return -EINVAL;
	return seats_recognise(room, who, cmd->recognise->participant_id, why);
}

int
model_execute(struct model_room *room, uint32_t actor,
              const Aandeslag__Command *cmd, int64_t now,
              struct model_event *ev, struct refusal *why)
{
	const struct model_participant *who = model_find(room, actor);

	ev->vote_list = NULL;
	ev->vote_ptrs = NULL;
	/* Recognising makes no event: see model_check_recognise(). */
	if (!command_complete(cmd) ||
	    cmd->op_case == AANDESLAG__COMMAND__OP_RECOGNISE)
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND);
	if (permitted(room, who, cmd, why) < 0)
		return -EINVAL;
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
	case AANDESLAG__COMMAND__OP_TAKE_CHAIR:
		return seats_execute(room, who, cmd, now, ev, why);
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
	case AANDESLAG__COMMAND__OP_ADD_FINDING:
	case AANDESLAG__COMMAND__OP_DELETE_FINDING:
		return findings_execute(room, who, cmd, now, ev, why);
	default:
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND);
	}
}

/* ------------------------------------------------------------ applying */

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
	case AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT:
	case AANDESLAG__EVENT__CHANGE_PRESENCE:
	case AANDESLAG__EVENT__CHANGE_ROLE:
		rc = seats_apply(room, ev, now);
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
	case AANDESLAG__EVENT__CHANGE_FINDING_ADDED:
	case AANDESLAG__EVENT__CHANGE_FINDING_DELETED:
	case AANDESLAG__EVENT__CHANGE_ANNOUNCED:
		rc = findings_apply(room, ev, now);
		break;
	default:
		rc = -EPROTO;
		break;
	}
	if (rc == 0)
		room->seq = ev->seq;
	return rc;
}
