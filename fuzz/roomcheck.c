/* The invariants of a room that fuzz-model checks after every step: what
 * must hold of any room the model keeps, whatever it was asked to do. */
#include "roomcheck.h"

#include <stdbool.h>
#include <string.h>

#include "target.h"

#define ROLE_PARTICIPANT AANDESLAG__ROLE__ROLE_PARTICIPANT
#define ROLE_CHAIR AANDESLAG__ROLE__ROLE_CHAIR
#define ROLE_SCRIBE AANDESLAG__ROLE__ROLE_SCRIBE

/* Ids of the list's items are unique, set and below next; at most max. */
static void
unique_items(const struct items *items, uint32_t next, size_t max)
{
	size_t i, j;

	TARGET_ASSERT(items->n <= max);
	for (i = 0; i < items->n; i++) {
		TARGET_ASSERT(items->v[i].id != 0 && items->v[i].id < next);
		for (j = 0; j < i; j++)
			TARGET_ASSERT(items->v[i].id != items->v[j].id);
	}
}

void
roomcheck_room(const struct model_room *r)
{
	size_t i, j, chairs = 0;

	TARGET_ASSERT(r->nparticipants <= MODEL_SEATS);
	TARGET_ASSERT(r->current_step >= 1 && r->current_step <= STEPS_COUNT);
	TARGET_ASSERT(model_valid_text(r->title, MODEL_TITLE_MAX, false));
	TARGET_ASSERT(model_valid_text(r->settings.programme,
	                               MODEL_SETTING_MAX, true));
	TARGET_ASSERT(model_valid_text(r->settings.qualification,
	                               MODEL_SETTING_MAX, true));
	TARGET_ASSERT(model_valid_text(r->settings.region,
	                               MODEL_SETTING_MAX, true));
	TARGET_ASSERT(model_valid_text(r->announcement, MODEL_NOTE_MAX, true));
	TARGET_ASSERT(r->settings.vote_budget >= 1 &&
	              r->settings.vote_budget <= MODEL_VOTE_BUDGET_MAX);
	for (i = 0; i < r->nparticipants; i++) {
		const struct model_participant *p = &r->participants[i];

		TARGET_ASSERT(p->id != 0 && p->id < r->next_participant_id);
		TARGET_ASSERT(model_valid_text(p->name, MODEL_NAME_MAX, false));
		TARGET_ASSERT(p->role == ROLE_PARTICIPANT ||
		              p->role == ROLE_CHAIR || p->role == ROLE_SCRIBE);
		if (p->role == ROLE_CHAIR)
			chairs++;
		for (j = 0; j < i; j++) {
			TARGET_ASSERT(p->id != r->participants[j].id);
			TARGET_ASSERT(strcmp(p->name,
			                     r->participants[j].name) != 0);
		}
		TARGET_ASSERT(model_dots_used(r, p->id) <=
		              MODEL_VOTE_BUDGET_MAX);
	}
	TARGET_ASSERT(chairs <= 1);
	TARGET_ASSERT(r->nnotes <= MODEL_NOTES_MAX);
	for (i = 0; i < r->nnotes; i++) {
		const struct model_note *n = &r->notes[i];

		TARGET_ASSERT(n->id != 0 && n->id < r->next_note_id);
		TARGET_ASSERT(n->step >= 1 && n->step <= STEPS_COUNT);
		TARGET_ASSERT(model_valid_text(n->text, MODEL_NOTE_MAX, false));
		TARGET_ASSERT(model_valid_text(n->author_name, MODEL_NAME_MAX,
		                               true));
		for (j = 0; j < i; j++)
			TARGET_ASSERT(n->id != r->notes[j].id);
	}
	for (i = 0; i < r->nvotes; i++) {
		/* Dots stay when their voter leaves: the team's tally
		 * does not change behind its back. */
		TARGET_ASSERT(r->votes[i].dots > 0);
		TARGET_ASSERT(r->votes[i].participant_id != 0 &&
		              r->votes[i].participant_id <
		              r->next_participant_id);
	}
	unique_items(&r->questions, r->next_question_id,
	             MODEL_QUESTIONS_MAX);
	unique_items(&r->activities, r->next_activity_id,
	             MODEL_ACTIVITIES_MAX);
	unique_items(&r->actions, r->next_action_id,
	             MODEL_ACTIONS_MAX);
	unique_items(&r->findings, r->next_finding_id,
	             MODEL_FINDINGS_MAX);
}
