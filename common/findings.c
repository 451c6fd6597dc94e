/* What a room brings back to the plenary report back of a workshop: at
 * most MODEL_FINDINGS_MAX findings (bevindingen), each a text of its own
 * or the text of a note the team wants to bring back. Anyone at the
 * table adds one; the one who did and the chair take it off again. Also
 * the facilitator's announcement, which the server puts in every room of
 * the workshop as an event of its own (actor 0). */
#include "findings.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define E(name) AANDESLAG__ERROR_CODE__ERROR_##name

static const Aandeslag__Finding *
find_finding(const struct model_room *room, uint32_t id)
{
	return (const Aandeslag__Finding *)items_find(&room->findings, id);
}

static int
execute_add(struct model_room *room, const struct model_participant *actor,
            const Aandeslag__AddFinding *cmd, int64_t now,
            struct model_event *ev, struct refusal *why)
{
	const struct model_note *note = NULL;
	size_t max;
	int rc;

	if (cmd->note_id != 0) {
		note = model_note(room, cmd->note_id);
		if (note == NULL)
			return refusal_set_num(why, E(NO_SUCH_NOTE),
			                       (long)cmd->note_id);
	}
	if (room->findings.n >= MODEL_FINDINGS_MAX)
		return refusal_set_too_many(why, "findings", MODEL_FINDINGS_MAX);
	/* A note's text was checked when it was written, but it goes
	 * through the same cleaning, so that a finding is a finding however
	 * it came about. A typed text is held to the room's limit; a note's
	 * only to the ceiling, as it may have been written before the
	 * server lowered the limit, and what a room holds stays usable. */
	max = note != NULL ? MODEL_NOTE_MAX : room->limits.text_max;
	rc = model_text_refusal(model_clean_text(note ? note->text : cmd->text,
	                                         max, ev->text), max, why);
	if (rc < 0)
		return rc;
	model_event_begin(room, ev, actor->id);
	aandeslag__finding__init(&ev->finding);
	ev->finding.id = room->next_finding_id;
	ev->finding.text = ev->text;
	ev->finding.author_id = actor->id;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_FINDING_ADDED;
	ev->event.finding_added = &ev->finding;
	return model_apply(room, &ev->event, now);
}

static int
execute_delete(struct model_room *room, const struct model_participant *actor,
               const Aandeslag__DeleteFinding *cmd, int64_t now,
               struct model_event *ev, struct refusal *why)
{
	const Aandeslag__Finding *f = find_finding(room, cmd->finding_id);

	if (f == NULL)
		return refusal_set_num(why, E(NO_SUCH_FINDING),
		                       (long)cmd->finding_id);
	return model_delete_item(room, actor, f->id, f->author_id,
	                         AANDESLAG__EVENT__CHANGE_FINDING_DELETED, now,
	                         ev, why);
}

int
findings_execute(struct model_room *room,
                 const struct model_participant *actor,
                 const Aandeslag__Command *cmd, int64_t now,
                 struct model_event *ev, struct refusal *why)
{
	switch (cmd->op_case) {
	case AANDESLAG__COMMAND__OP_ADD_FINDING:
		return execute_add(room, actor, cmd->add_finding, now, ev, why);
	case AANDESLAG__COMMAND__OP_DELETE_FINDING:
		return execute_delete(room, actor, cmd->delete_finding, now, ev,
		                      why);
	default:
		return refusal_set(why, E(UNKNOWN_COMMAND));
	}
}

int
findings_announce(struct model_room *room, const char *text, int64_t now,
                  struct model_event *ev, struct refusal *why)
{
	int rc = model_clean_text(text, MODEL_NOTE_MAX, ev->text);

	ev->vote_list = NULL;
	ev->vote_ptrs = NULL;
	/* Nothing to say takes the last message away. */
	if (rc == MODEL_TEXT_EMPTY)
		ev->text[0] = '\0';
	else if (rc != MODEL_TEXT_OK)
		return model_text_refusal(rc, MODEL_NOTE_MAX, why);
	model_event_begin(room, ev, 0);
	aandeslag__announce__init(&ev->announce);
	ev->announce.text = ev->text;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_ANNOUNCED;
	ev->event.announced = &ev->announce;
	return model_apply(room, &ev->event, now);
}

static int
apply_added(struct model_room *room, const Aandeslag__Finding *f)
{
	if (f == NULL || f->id == 0 || f->id < room->next_finding_id ||
	    f->id == UINT32_MAX || room->findings.n >= MODEL_FINDINGS_MAX ||
	    !model_valid_text(f->text, MODEL_NOTE_MAX, false))
		return -EPROTO;
	if (items_add(&room->findings, f->id, &f->base) < 0)
		return -ENOMEM;
	room->next_finding_id = f->id + 1;
	return 0;
}

static int
apply_deleted(struct model_room *room, const Aandeslag__ItemDeleted *d)
{
	if (d == NULL || find_finding(room, d->id) == NULL)
		return -EPROTO;
	items_remove(&room->findings, d->id);
	return 0;
}

/* Only the server announces: an announcement said to come from someone
 * at the table is nonsense. */
static int
apply_announced(struct model_room *room, uint32_t actor,
                const Aandeslag__Announce *a)
{
	char *copy;

	if (a == NULL || actor != 0 ||
	    !model_valid_text(a->text, MODEL_NOTE_MAX, true))
		return -EPROTO;
	copy = strdup(a->text);
	if (copy == NULL)
		return -ENOMEM;
	free(room->announcement);
	room->announcement = copy;
	return 0;
}

int
findings_apply(struct model_room *room, const Aandeslag__Event *ev,
               int64_t now)
{
	(void)now;
	switch (ev->change_case) {
	case AANDESLAG__EVENT__CHANGE_FINDING_ADDED:
		return apply_added(room, ev->finding_added);
	case AANDESLAG__EVENT__CHANGE_FINDING_DELETED:
		return apply_deleted(room, ev->finding_deleted);
	case AANDESLAG__EVENT__CHANGE_ANNOUNCED:
		return apply_announced(room, ev->actor_id, ev->announced);
	default:
		return -EPROTO;
	}
}
