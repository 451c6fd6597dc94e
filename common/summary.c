/* A room at a glance (summary.h). Everything points into the room, so
 * that a status of all rooms of a workshop costs a few pointers per item
 * and no copies. */
#include "summary.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void
summary_release(struct summary *s)
{
	free(s->marked);
	free(s->findings);
	free(s->actions);
	s->marked = NULL;
	s->findings = NULL;
	s->actions = NULL;
}

/* Allocates an array of n pointers (at least one, so that an empty list
 * is not mistaken for a failure). */
static void *
ptrs(size_t n)
{
	return calloc(n ? n : 1, sizeof(void *));
}

int
summary_build(struct summary *s, const struct model_room *room, int64_t now)
{
	const struct model_settings *set = &room->settings;
	uint32_t chair = model_chair(room);
	size_t i;

	memset(s, 0, sizeof *s);
	aandeslag__room_summary__init(&s->msg);
	s->msg.code = (char *)room->code;
	s->msg.name = room->title;
	s->msg.programme = set->programme;
	s->msg.qualification = set->qualification;
	for (i = 1; i <= 4; i++)
		if (set->levels & (1u << i))
			s->levels[s->msg.n_levels++] = (uint32_t)i;
	s->msg.levels = s->levels;
	s->msg.seated = (uint32_t)room->nparticipants;
	s->msg.chair = (char *)"";
	for (i = 0; i < room->nparticipants; i++) {
		const struct model_participant *p = &room->participants[i];

		if (p->connected)
			s->msg.connected++;
		if (p->id == chair)
			s->msg.chair = p->name;
		if (!set->anonymous)
			s->participants[s->msg.n_participants++] = p->name;
	}
	s->msg.participants = s->participants;
	s->msg.current_step = room->current_step;
	clock_to_wire(&room->clocks[room->current_step - 1],
	              room->current_step, now, &s->clock);
	s->msg.clock = &s->clock;
	s->msg.finished = set->finished;

	s->marked = ptrs(room->nmarked);
	s->findings = ptrs(room->findings.n);
	s->actions = ptrs(room->actions.n);
	if (s->marked == NULL || s->findings == NULL || s->actions == NULL) {
		summary_release(s);
		return -ENOMEM;
	}
	for (i = 0; i < room->nmarked; i++)
		s->marked[i] = (char *)room->marked[i];
	s->msg.n_marked = room->nmarked;
	s->msg.marked = s->marked;
	for (i = 0; i < room->findings.n; i++)
		s->findings[i] = (Aandeslag__Finding *)room->findings.v[i].msg;
	s->msg.n_findings = room->findings.n;
	s->msg.findings = s->findings;
	for (i = 0; i < room->actions.n; i++)
		s->actions[i] = (Aandeslag__Action *)room->actions.v[i].msg;
	s->msg.n_actions = room->actions.n;
	s->msg.actions = s->actions;
	return 0;
}
