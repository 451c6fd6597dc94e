/* Snapshots of a room: the model's state to the wire and back. Loading
 * replays the snapshot's items through the same checks the model applies
 * to events, so a snapshot cannot build a state that events could not. */
#include "snapshot.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"

/* Points an array of message pointers at a list's items. */
static int
list_ptrs(const struct items *items, ProtobufCMessage ***out, size_t *n)
{
	size_t i;

	*out = NULL;
	*n = items->n;
	if (items->n == 0)
		return 0;
	*out = calloc(items->n, sizeof **out);
	if (*out == NULL)
		return -ENOMEM;
	for (i = 0; i < items->n; i++)
		(*out)[i] = items->v[i].msg;
	return 0;
}

static void
build_settings(struct snapshot *s, const struct model_room *room)
{
	const struct model_settings *in = &room->settings;
	Aandeslag__Settings *out = &s->settings;
	uint32_t level;

	aandeslag__settings__init(out);
	out->programme = in->programme;
	out->qualification = in->qualification;
	out->region = in->region;
	for (level = 1; level <= 4; level++)
		if (in->levels & (1u << level))
			s->levels[out->n_levels++] = level;
	out->levels = s->levels;
	out->vote_budget = in->vote_budget;
	out->vote_stacking = in->vote_stacking;
	out->votes_hidden = in->votes_hidden;
	out->anonymous = in->anonymous;
	out->talk_only = in->talk_only;
	out->finished = in->finished;
	out->locked = in->locked;
	out->password_set = in->password_set;
	out->follow_up = (char *)in->follow_up;
	s->msg.settings = out;
}

/* Adds dots to the hidden total of participant id in the list. */
static void
add_hidden(Aandeslag__Vote *votes, size_t *n, uint32_t id, uint32_t dots)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (votes[i].participant_id == id &&
		    votes[i].competence_id[0] == '\0') {
			votes[i].dots += dots;
			return;
		}
	aandeslag__vote__init(&votes[*n]);
	votes[*n].participant_id = id;
	votes[*n].competence_id = (char *)"";
	votes[*n].dots = dots;
	(*n)++;
}

static int
build_votes(struct snapshot *s, const struct model_room *room,
            uint32_t for_id)
{
	bool hidden = room->settings.votes_hidden;
	size_t i, n = 0;

	if (room->nvotes == 0)
		return 0;
	s->votes = calloc(room->nvotes, sizeof *s->votes);
	s->vote_ptrs = calloc(room->nvotes, sizeof *s->vote_ptrs);
	if (s->votes == NULL || s->vote_ptrs == NULL)
		return -ENOMEM;
	for (i = 0; i < room->nvotes; i++) {
		const struct model_vote *v = &room->votes[i];

		if ((hidden && for_id != SNAPSHOT_ALL &&
		     v->participant_id != for_id) ||
		    v->competence_id[0] == '\0') {
			add_hidden(s->votes, &n, v->participant_id, v->dots);
			continue;
		}
		aandeslag__vote__init(&s->votes[n]);
		s->votes[n].participant_id = v->participant_id;
		s->votes[n].competence_id = (char *)v->competence_id;
		s->votes[n].dots = v->dots;
		n++;
	}
	for (i = 0; i < n; i++)
		s->vote_ptrs[i] = &s->votes[i];
	s->msg.n_votes = n;
	s->msg.votes = s->vote_ptrs;
	return 0;
}

static int
build_items(struct snapshot *s, const struct model_room *room)
{
	size_t i;

	if (room->nmarked > 0) {
		s->marked = calloc(room->nmarked, sizeof *s->marked);
		if (s->marked == NULL)
			return -ENOMEM;
		for (i = 0; i < room->nmarked; i++)
			s->marked[i] = (char *)room->marked[i];
	}
	s->msg.n_marked = room->nmarked;
	s->msg.marked = s->marked;
	if (list_ptrs(&room->questions, &s->questions, &s->msg.n_questions) < 0 ||
	    list_ptrs(&room->activities, &s->activities,
	              &s->msg.n_activities) < 0 ||
	    list_ptrs(&room->actions, &s->actions, &s->msg.n_actions) < 0 ||
	    list_ptrs(&room->findings, &s->findings, &s->msg.n_findings) < 0)
		return -ENOMEM;
	s->msg.questions = (Aandeslag__CardQuestion **)s->questions;
	s->msg.activities = (Aandeslag__Activity **)s->activities;
	s->msg.actions = (Aandeslag__Action **)s->actions;
	s->msg.findings = (Aandeslag__Finding **)s->findings;
	aandeslag__table_question__init(&s->table);
	s->table.step = room->table.step;
	s->table.content_id = (char *)room->table.content_id;
	s->table.own_id = room->table.own_id;
	s->msg.table = &s->table;
	return 0;
}

int
snapshot_build(struct snapshot *s, const struct model_room *room,
               int64_t now, uint32_t for_id)
{
	Aandeslag__Snapshot *m = &s->msg;
	size_t i;

	memset(s, 0, sizeof *s);
	aandeslag__snapshot__init(m);
	m->epoch = room->epoch;
	m->seq = room->seq;
	m->code = (char *)room->code;
	m->title = room->title;
	m->content_hash = room->content ? (char *)room->content->hash :
	                  (char *)"";
	m->current_step = room->current_step;
	m->announcement = room->announcement;
	/* A room that stands alone sends no workshop at all, rather than
	 * one with empty fields. */
	if (room->workshop_code[0] != '\0') {
		aandeslag__workshop_ref__init(&s->workshop);
		s->workshop.code = room->workshop_code;
		s->workshop.title = room->workshop_title;
		m->workshop = &s->workshop;
	}
	for (i = 0; i < STEPS_COUNT; i++) {
		clock_to_wire(&room->clocks[i], (unsigned)i + 1, now,
		              &s->clocks[i]);
		s->clock_ptrs[i] = &s->clocks[i];
	}
	m->n_clocks = STEPS_COUNT;
	m->clocks = s->clock_ptrs;
	for (i = 0; i < room->nparticipants; i++) {
		const struct model_participant *p = &room->participants[i];

		aandeslag__participant__init(&s->participants[i]);
		s->participants[i].id = p->id;
		s->participants[i].name = p->name;
		s->participants[i].role = (Aandeslag__Role)p->role;
		s->participants[i].connected = p->connected;
		s->participant_ptrs[i] = &s->participants[i];
	}
	m->n_participants = room->nparticipants;
	m->participants = s->participant_ptrs;
	if (room->nnotes > 0) {
		s->notes = calloc(room->nnotes, sizeof *s->notes);
		s->note_ptrs = calloc(room->nnotes, sizeof *s->note_ptrs);
		if (s->notes == NULL || s->note_ptrs == NULL)
			goto nomem;
	}
	for (i = 0; i < room->nnotes; i++) {
		const struct model_note *n = &room->notes[i];

		aandeslag__note__init(&s->notes[i]);
		s->notes[i].id = n->id;
		s->notes[i].step = n->step;
		s->notes[i].author_id = n->author_id;
		s->notes[i].author_name = n->author_name;
		s->notes[i].text = n->text;
		s->notes[i].writer_id = n->writer_id;
		s->note_ptrs[i] = &s->notes[i];
	}
	m->n_notes = room->nnotes;
	m->notes = s->note_ptrs;
	build_settings(s, room);
	if (build_votes(s, room, for_id) < 0 || build_items(s, room) < 0)
		goto nomem;
	return 0;
nomem:
	snapshot_release(s);
	return -ENOMEM;
}

void
snapshot_release(struct snapshot *s)
{
	free(s->notes);
	free(s->note_ptrs);
	free(s->votes);
	free(s->vote_ptrs);
	free(s->marked);
	free(s->questions);
	free(s->activities);
	free(s->actions);
	free(s->findings);
	s->notes = NULL;
	s->note_ptrs = NULL;
	s->votes = NULL;
	s->vote_ptrs = NULL;
	s->marked = NULL;
	s->questions = NULL;
	s->activities = NULL;
	s->actions = NULL;
	s->findings = NULL;
}

/* Applies one of the snapshot's items as an event of the next sequence
 * number, so that the model's own checks judge it. */
static int
replay(struct model_room *room, Aandeslag__Event *ev, int64_t now)
{
	ev->epoch = room->epoch;
	ev->seq = room->seq + 1;
	return model_apply(room, ev, now);
}

static int
load_settings(struct model_room *room, const Aandeslag__Settings *in)
{
	struct model_settings *s = &room->settings;
	char *texts[3];
	size_t i;

	if (in == NULL)
		return 0;
	if (!model_valid_text(in->programme, MODEL_SETTING_MAX, true) ||
	    !model_valid_text(in->qualification, MODEL_SETTING_MAX, true) ||
	    !model_valid_text(in->region, MODEL_SETTING_MAX, true) ||
	    in->n_levels > 4 || in->vote_budget < 1 ||
	    in->vote_budget > MODEL_VOTE_BUDGET_MAX ||
	    in->follow_up == NULL ||
	    (in->follow_up[0] != '\0' && dates_check_day(in->follow_up) < 0))
		return -EPROTO;
	for (i = 0; i < in->n_levels; i++) {
		if (in->levels[i] < 1 || in->levels[i] > 4)
			return -EPROTO;
		s->levels |= 1u << in->levels[i];
	}
	texts[0] = strdup(in->programme);
	texts[1] = strdup(in->qualification);
	texts[2] = strdup(in->region);
	if (texts[0] == NULL || texts[1] == NULL || texts[2] == NULL) {
		for (i = 0; i < 3; i++)
			free(texts[i]);
		return -ENOMEM;
	}
	free(s->programme);
	free(s->qualification);
	free(s->region);
	s->programme = texts[0];
	s->qualification = texts[1];
	s->region = texts[2];
	s->vote_budget = in->vote_budget;
	s->vote_stacking = in->vote_stacking;
	s->votes_hidden = in->votes_hidden;
	s->anonymous = in->anonymous;
	s->talk_only = in->talk_only;
	s->finished = in->finished;
	s->locked = in->locked;
	s->password_set = in->password_set;
	strcpy(s->follow_up, in->follow_up);
	return 0;
}

/* Votes as they arrive: a participant's own with their competences, and
 * while votes are hidden everyone else's as a total without one. */
static int
load_votes(struct model_room *room, const Aandeslag__Snapshot *s)
{
	size_t i, k;

	if (s->n_votes == 0)
		return 0;
	room->votes = calloc(s->n_votes, sizeof *room->votes);
	if (room->votes == NULL)
		return -ENOMEM;
	room->votes_cap = s->n_votes;
	for (i = 0; i < s->n_votes; i++) {
		const Aandeslag__Vote *v = s->votes[i];

		if (v->participant_id == 0 || v->dots < 1 ||
		    v->dots > MODEL_VOTE_BUDGET_MAX || v->competence_id == NULL ||
		    (v->competence_id[0] != '\0' &&
		     content_competence(room->content, v->competence_id,
		                        NULL) == NULL))
			return -EPROTO;
		for (k = 0; k < i; k++)
			if (s->votes[k]->participant_id == v->participant_id &&
			    strcmp(s->votes[k]->competence_id,
			           v->competence_id) == 0)
				return -EPROTO;
		room->votes[i].participant_id = v->participant_id;
		strcpy(room->votes[i].competence_id, v->competence_id);
		room->votes[i].dots = v->dots;
		room->nvotes++;
	}
	return 0;
}

/* Replays the lists as the events that made them. Participants who are
 * not connected are away from now on (seats.c sets away_since). */
static int
load_items(struct model_room *room, const Aandeslag__Snapshot *s,
           int64_t now)
{
	Aandeslag__MarkCompetence mark;
	Aandeslag__Event ev;
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < s->n_participants; i++) {
		aandeslag__event__init(&ev);
		ev.change_case = AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED;
		ev.participant_joined = s->participants[i];
		rc = replay(room, &ev, now);
	}
	for (i = 0; rc == 0 && i < s->n_notes; i++) {
		aandeslag__event__init(&ev);
		ev.change_case = AANDESLAG__EVENT__CHANGE_NOTE_ADDED;
		ev.note_added = s->notes[i];
		rc = replay(room, &ev, now);
	}
	for (i = 0; rc == 0 && i < s->n_questions; i++) {
		aandeslag__event__init(&ev);
		ev.change_case = AANDESLAG__EVENT__CHANGE_QUESTION_ADDED;
		ev.question_added = s->questions[i];
		rc = replay(room, &ev, now);
	}
	if (rc == 0 && s->table != NULL) {
		aandeslag__event__init(&ev);
		ev.change_case = AANDESLAG__EVENT__CHANGE_TABLE;
		ev.table = s->table;
		rc = replay(room, &ev, now);
	}
	for (i = 0; rc == 0 && i < s->n_marked; i++) {
		aandeslag__mark_competence__init(&mark);
		mark.competence_id = s->marked[i];
		mark.marked = true;
		aandeslag__event__init(&ev);
		ev.change_case = AANDESLAG__EVENT__CHANGE_MARKED;
		ev.marked = &mark;
		rc = replay(room, &ev, now);
	}
	for (i = 0; rc == 0 && i < s->n_activities; i++) {
		aandeslag__event__init(&ev);
		ev.change_case = AANDESLAG__EVENT__CHANGE_ACTIVITY_ADDED;
		ev.activity_added = s->activities[i];
		rc = replay(room, &ev, now);
	}
	for (i = 0; rc == 0 && i < s->n_actions; i++) {
		aandeslag__event__init(&ev);
		ev.change_case = AANDESLAG__EVENT__CHANGE_ACTION_ADDED;
		ev.action_added = s->actions[i];
		rc = replay(room, &ev, now);
	}
	for (i = 0; rc == 0 && i < s->n_findings; i++) {
		aandeslag__event__init(&ev);
		ev.change_case = AANDESLAG__EVENT__CHANGE_FINDING_ADDED;
		ev.finding_added = s->findings[i];
		rc = replay(room, &ev, now);
	}
	return rc;
}

/* The announcement as the server's event that made it, and the workshop
 * the room belongs to as the server set it. */
static int
load_workshop(struct model_room *room, const Aandeslag__Snapshot *s,
              int64_t now)
{
	Aandeslag__Announce announce;
	Aandeslag__Event ev;
	int rc;

	if (s->announcement != NULL && s->announcement[0] != '\0') {
		aandeslag__announce__init(&announce);
		announce.text = s->announcement;
		aandeslag__event__init(&ev);
		ev.change_case = AANDESLAG__EVENT__CHANGE_ANNOUNCED;
		ev.announced = &announce;
		rc = replay(room, &ev, now);
		if (rc < 0)
			return rc;
	}
	if (s->workshop == NULL || s->workshop->code == NULL ||
	    s->workshop->code[0] == '\0')
		return 0;
	rc = model_set_workshop(room, s->workshop->code, s->workshop->title);
	return rc == -EINVAL ? -EPROTO : rc;
}

/* Raises *max to id. */
static void
raise_to(uint32_t *max, uint32_t id)
{
	if (id > *max)
		*max = id;
}

/* A snapshot names only the seated, but what someone who left put on the
 * poster keeps their id: notes, questions, dots, activities, actions and
 * their owners, findings. The next id comes after all of these, so that
 * a room rebuilt from a snapshot never seats a newcomer under the id of
 * someone who left (who would then own their notes and spend their
 * dots). Returns 0, or -EPROTO when an id leaves no next one. */
static int
next_participant(struct model_room *room)
{
	uint32_t max = room->next_participant_id - 1;
	size_t i, k;

	for (i = 0; i < room->nnotes; i++) {
		raise_to(&max, room->notes[i].author_id);
		raise_to(&max, room->notes[i].writer_id);
	}
	for (i = 0; i < room->nvotes; i++)
		raise_to(&max, room->votes[i].participant_id);
	for (i = 0; i < room->questions.n; i++)
		raise_to(&max, ((const Aandeslag__CardQuestion *)
		                room->questions.v[i].msg)->author_id);
	for (i = 0; i < room->activities.n; i++)
		raise_to(&max, ((const Aandeslag__Activity *)
		                room->activities.v[i].msg)->author_id);
	for (i = 0; i < room->actions.n; i++) {
		const Aandeslag__Action *a = (const Aandeslag__Action *)
		                             room->actions.v[i].msg;

		raise_to(&max, a->author_id);
		for (k = 0; k < a->n_owners; k++)
			raise_to(&max, a->owners[k]->participant_id);
	}
	for (i = 0; i < room->findings.n; i++)
		raise_to(&max, ((const Aandeslag__Finding *)
		                room->findings.v[i].msg)->author_id);
	if (max == UINT32_MAX)
		return -EPROTO;
	room->next_participant_id = max + 1;
	return 0;
}

static int
load(struct model_room *room, const Aandeslag__Snapshot *s, int64_t now)
{
	size_t i;
	int rc;

	if (s->code == NULL || code_normalise(s->code, room->code) < 0)
		return -EPROTO;
	if (s->current_step < 1 || s->current_step > STEPS_COUNT ||
	    s->n_clocks != STEPS_COUNT ||
	    s->n_participants > MODEL_SEATS || s->n_notes > MODEL_NOTES_MAX)
		return -EPROTO;
	room->current_step = s->current_step;
	for (i = 0; i < STEPS_COUNT; i++) {
		if (s->clocks[i]->step != i + 1 ||
		    clock_from_wire(&room->clocks[i], s->clocks[i], now) < 0)
			return -EPROTO;
		if (i + 1 != s->current_step && room->clocks[i].state ==
		    AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
			return -EPROTO;
	}
	rc = load_settings(room, s->settings);
	if (rc == 0)
		rc = load_items(room, s, now);
	if (rc == 0)
		rc = load_votes(room, s);
	if (rc == 0)
		rc = load_workshop(room, s, now);
	if (rc == 0)
		rc = next_participant(room);
	if (rc < 0)
		return rc;
	room->seq = s->seq;
	return 0;
}

int
snapshot_load(struct model_room *room, const struct content *content,
              const Aandeslag__Snapshot *s, int64_t now)
{
	struct refusal why;
	int rc;

	rc = model_init(room, content, "", s->title ? s->title : "", s->epoch,
	                &why);
	if (rc == -EINVAL)
		return -EPROTO;
	if (rc < 0)
		return rc;
	rc = load(room, s, now);
	if (rc < 0)
		model_free(room);
	return rc;
}
