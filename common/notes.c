/* Notes on the poster. Anyone writes their own; the chair or a scribe
 * writes for a colleague without a laptop, or without a name, so that
 * everyone's voice counts. The author, the one who wrote it down, and the
 * chair may change or remove a note. */
#include "notes.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static struct model_note *
find_note(struct model_room *room, uint32_t id)
{
	size_t i;

	for (i = 0; i < room->nnotes; i++)
		if (room->notes[i].id == id)
			return &room->notes[i];
	return NULL;
}

/* Fills ev->note from a stored note. */
static void
note_to_wire(const struct model_note *n, Aandeslag__Note *out)
{
	aandeslag__note__init(out);
	out->id = n->id;
	out->step = n->step;
	out->author_id = n->author_id;
	out->author_name = n->author_name;
	out->text = n->text;
	out->writer_id = n->writer_id;
}

/* Decides whose note it is: the writer's own, a colleague's (seated or
 * not), or nobody's. Fills ev->note's author fields. */
static int
author_of(struct model_room *room, const struct model_participant *actor,
          const Aandeslag__AddNote *cmd, struct model_event *ev,
          struct refusal *why)
{
	const struct model_participant *p;

	switch (cmd->author) {
	case AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_SELF:
		ev->note.author_id = actor->id;
		ev->note.author_name = actor->name;
		return 0;
	case AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_NONE:
		ev->note.author_id = 0;
		ev->note.author_name = (char *)"";
		return 0;
	case AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_ON_BEHALF:
		if (cmd->on_behalf_id != 0) {
			p = model_find(room, cmd->on_behalf_id);
			if (p == NULL)
				return refusal_set_num(why,
				        AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_PARTICIPANT,
				        (long)cmd->on_behalf_id);
			ev->note.author_id = p->id;
			ev->note.author_name = p->name;
			return 0;
		}
		if (model_clean_text(cmd->on_behalf_name, room->limits.name_max,
		                     ev->name) != MODEL_TEXT_OK)
			return refusal_set_num(why,
			        AANDESLAG__ERROR_CODE__ERROR_BAD_NAME,
			        (long)room->limits.name_max);
		ev->note.author_id = 0;
		ev->note.author_name = ev->name;
		return 0;
	default:
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND);
	}
}

static int
execute_add(struct model_room *room, const struct model_participant *actor,
            const Aandeslag__AddNote *cmd, int64_t now,
            struct model_event *ev, struct refusal *why)
{
	uint32_t step = cmd->step ? cmd->step : room->current_step;
	int rc;

	if (step > STEPS_COUNT)
		return refusal_set_num(why, AANDESLAG__ERROR_CODE__ERROR_BAD_STEP,
		                       (long)step);
	if (step == 1 && room->settings.talk_only)
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_TALK_ONLY);
	rc = model_text_refusal(model_clean_text(cmd->text,
	                                         room->limits.text_max, ev->text),
	                        room->limits.text_max, why);
	if (rc < 0)
		return rc;
	if (room->nnotes >= room->limits.notes_max)
		return refusal_set_num(why,
		        AANDESLAG__ERROR_CODE__ERROR_TOO_MANY_NOTES,
		        (long)room->limits.notes_max);
	aandeslag__note__init(&ev->note);
	rc = author_of(room, actor, cmd, ev, why);
	if (rc < 0)
		return rc;
	model_event_begin(room, ev, actor->id);
	ev->note.id = room->next_note_id;
	ev->note.step = step;
	ev->note.text = ev->text;
	ev->note.writer_id = actor->id;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_NOTE_ADDED;
	ev->event.note_added = &ev->note;
	return model_apply(room, &ev->event, now);
}

/* Finds the note a command is about, if actor may change it. */
static int
changeable(struct model_room *room, const struct model_participant *actor,
           uint32_t id, struct model_note **out, struct refusal *why)
{
	struct model_note *n = find_note(room, id);

	if (n == NULL)
		return refusal_set_num(why, AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_NOTE,
		                       (long)id);
	if (!model_may_change(actor, n->author_id, n->writer_id))
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_NOT_AUTHOR);
	*out = n;
	return 0;
}

int
notes_execute(struct model_room *room, const struct model_participant *actor,
              const Aandeslag__Command *cmd, int64_t now,
              struct model_event *ev, struct refusal *why)
{
	struct model_note *n;
	int rc;

	switch (cmd->op_case) {
	case AANDESLAG__COMMAND__OP_ADD_NOTE:
		return execute_add(room, actor, cmd->add_note, now, ev, why);
	case AANDESLAG__COMMAND__OP_EDIT_NOTE:
		rc = changeable(room, actor, cmd->edit_note->note_id, &n, why);
		if (rc == 0)
			rc = model_text_refusal(model_clean_text(cmd->edit_note->text,
			        room->limits.text_max, ev->text),
			        room->limits.text_max, why);
		if (rc < 0)
			return rc;
		model_event_begin(room, ev, actor->id);
		note_to_wire(n, &ev->note);
		ev->note.text = ev->text;
		ev->event.change_case = AANDESLAG__EVENT__CHANGE_NOTE_EDITED;
		ev->event.note_edited = &ev->note;
		return model_apply(room, &ev->event, now);
	case AANDESLAG__COMMAND__OP_DELETE_NOTE:
		rc = changeable(room, actor, cmd->delete_note->note_id, &n, why);
		if (rc < 0)
			return rc;
		model_event_begin(room, ev, actor->id);
		aandeslag__note_deleted__init(&ev->note_deleted);
		ev->note_deleted.note_id = n->id;
		ev->event.change_case = AANDESLAG__EVENT__CHANGE_NOTE_DELETED;
		ev->event.note_deleted = &ev->note_deleted;
		return model_apply(room, &ev->event, now);
	default:
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND);
	}
}

static int
apply_added(struct model_room *room, const Aandeslag__Note *n)
{
	struct model_note *grown, *note;
	size_t cap;

	if (n == NULL || n->step < 1 || n->step > STEPS_COUNT ||
	    n->id < room->next_note_id || n->id == UINT32_MAX ||
	    room->nnotes >= MODEL_NOTES_MAX ||
	    !model_valid_text(n->text, MODEL_NOTE_MAX, false) ||
	    !model_valid_text(n->author_name, MODEL_NAME_MAX, true))
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
	note->writer_id = n->writer_id;
	room->nnotes++;
	room->next_note_id = n->id + 1;
	return 0;
}

static int
apply_edited(struct model_room *room, const Aandeslag__Note *n)
{
	struct model_note *note;
	char *text;

	if (n == NULL || (note = find_note(room, n->id)) == NULL ||
	    !model_valid_text(n->text, MODEL_NOTE_MAX, false))
		return -EPROTO;
	text = strdup(n->text);
	if (text == NULL)
		return -ENOMEM;
	/* Only the text changes; who wrote it and where stays. */
	free(note->text);
	note->text = text;
	return 0;
}

static int
apply_deleted(struct model_room *room, const Aandeslag__NoteDeleted *d)
{
	struct model_note *note;
	size_t i;

	if (d == NULL || (note = find_note(room, d->note_id)) == NULL)
		return -EPROTO;
	free(note->text);
	free(note->author_name);
	i = (size_t)(note - room->notes);
	memmove(note, note + 1, (room->nnotes - i - 1) * sizeof *note);
	room->nnotes--;
	return 0;
}

int
notes_apply(struct model_room *room, const Aandeslag__Event *ev, int64_t now)
{
	(void)now;
	switch (ev->change_case) {
	case AANDESLAG__EVENT__CHANGE_NOTE_ADDED:
		return apply_added(room, ev->note_added);
	case AANDESLAG__EVENT__CHANGE_NOTE_EDITED:
		return apply_edited(room, ev->note_edited);
	case AANDESLAG__EVENT__CHANGE_NOTE_DELETED:
		return apply_deleted(room, ev->note_deleted);
	default:
		return -EPROTO;
	}
}
