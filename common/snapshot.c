/* Snapshots of a room: the model's state to the wire and back. Loading
 * replays the snapshot's participants and notes through the same checks
 * the model applies to events, so a snapshot cannot build a state that
 * events could not. */
#include "snapshot.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>


int
snapshot_build(struct snapshot *s, const struct model_room *room,
               int64_t now)
{
	Aandeslag__Snapshot *m = &s->msg;
	size_t i;

	memset(s, 0, sizeof *s);
	aandeslag__snapshot__init(m);
	m->epoch = room->epoch;
	m->seq = room->seq;
	m->code = (char *)room->code;
	m->title = room->title;
	m->content_hash = (char *)"";
	m->current_step = room->current_step;
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
		if (s->notes == NULL || s->note_ptrs == NULL) {
			snapshot_release(s);
			return -ENOMEM;
		}
	}
	for (i = 0; i < room->nnotes; i++) {
		const struct model_note *n = &room->notes[i];

		aandeslag__note__init(&s->notes[i]);
		s->notes[i].id = n->id;
		s->notes[i].step = n->step;
		s->notes[i].author_id = n->author_id;
		s->notes[i].author_name = n->author_name;
		s->notes[i].text = n->text;
		s->note_ptrs[i] = &s->notes[i];
	}
	m->n_notes = room->nnotes;
	m->notes = s->note_ptrs;
	return 0;
}

void
snapshot_release(struct snapshot *s)
{
	free(s->notes);
	free(s->note_ptrs);
	s->notes = NULL;
	s->note_ptrs = NULL;
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
load(struct model_room *room, const Aandeslag__Snapshot *s, int64_t now)
{
	Aandeslag__Event ev;
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
	for (i = 0; i < s->n_participants; i++) {
		aandeslag__event__init(&ev);
		ev.change_case = AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED;
		ev.participant_joined = s->participants[i];
		rc = replay(room, &ev, now);
		if (rc < 0)
			return rc;
	}
	for (i = 0; i < s->n_notes; i++) {
		aandeslag__event__init(&ev);
		ev.change_case = AANDESLAG__EVENT__CHANGE_NOTE_ADDED;
		ev.note_added = s->notes[i];
		rc = replay(room, &ev, now);
		if (rc < 0)
			return rc;
	}
	room->seq = s->seq;
	return 0;
}

int
snapshot_load(struct model_room *room, const Aandeslag__Snapshot *s,
              int64_t now)
{
	struct refusal why;
	int rc;

	rc = model_init(room, "", s->title ? s->title : "", s->epoch, &why);
	if (rc == -EINVAL)
		return -EPROTO;
	if (rc < 0)
		return rc;
	/* The ids in a snapshot need only increase, as events' ids do. */
	room->next_participant_id = 1;
	room->next_note_id = 1;
	rc = load(room, s, now);
	if (rc < 0)
		model_free(room);
	return rc;
}
