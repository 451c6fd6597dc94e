/* Step 4 of the method: activities from the map or in the team's words. */
#include "activities.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define E(name) AANDESLAG__ERROR_CODE__ERROR_##name

/* Refuses with ERROR_TOO_MANY: what there would be too many of, and the
 * maximum. */
static int
too_many(struct refusal *why, const char *what, long max)
{
	refusal_set(why, E(TOO_MANY));
	snprintf(why->params[0], sizeof why->params[0], "%s", what);
	snprintf(why->params[1], sizeof why->params[1], "%ld", max);
	why->nparams = 2;
	return -EINVAL;
}

static const Aandeslag__ContentCompetence *
competence(const struct model_room *room, const char *id)
{
	if (room->content == NULL || room->content->msg == NULL ||
	    id == NULL || id[0] == '\0')
		return NULL;
	return content_competence(room->content, id, NULL);
}

static const Aandeslag__ContentActivity *
catalogue(const struct model_room *room, const char *id)
{
	if (room->content == NULL || room->content->msg == NULL ||
	    id == NULL || id[0] == '\0')
		return NULL;
	return content_activity(room->content, id);
}

static bool
valid_place(int place)
{
	return place == AANDESLAG__PLACE__PLACE_UNSET ||
	       place == AANDESLAG__PLACE__PLACE_ABROAD ||
	       place == AANDESLAG__PLACE__PLACE_HOME;
}

static Aandeslag__Activity *
find_activity(const struct model_room *room, uint32_t id)
{
	return (Aandeslag__Activity *)items_find(&room->activities, id);
}

/* Checks the text, place and competences of an activity from a command,
 * for an activity from the catalogue entry cat (or NULL), and fills them
 * into ev->activity, which must have been initialised. */
static int
check_fields(const struct model_room *room, const Aandeslag__Activity *in,
             const Aandeslag__ContentActivity *cat, struct model_event *ev,
             struct refusal *why)
{
	const Aandeslag__ContentCompetence *comp;
	size_t i, j, n = 0;
	int rc;

	/* With a catalogue entry the text is optional: it then replaces the
	 * catalogue's name on the poster. */
	rc = model_clean_text(in->text, room->limits.text_max, ev->text);
	if (rc == MODEL_TEXT_EMPTY && cat != NULL)
		ev->text[0] = '\0';
	else if (rc != MODEL_TEXT_OK)
		return model_text_refusal(rc, room->limits.text_max, why);
	if (!valid_place(in->place))
		return refusal_set(why, E(BAD_SETTING));
	ev->activity.place = in->place;
	if (in->place == AANDESLAG__PLACE__PLACE_UNSET && cat != NULL)
		ev->activity.place = cat->place;
	for (i = 0; i < in->n_competence_ids; i++) {
		const char *id = in->competence_ids[i];

		comp = competence(room, id);
		if (comp == NULL)
			return refusal_set_str(why, E(NO_SUCH_COMPETENCE),
			                       id ? id : "");
		/* A competence named twice is linked once: a double click
		 * is not worth a refusal. */
		for (j = 0; j < n; j++)
			if (strcmp(ev->link_ptrs[j], comp->id) == 0)
				break;
		if (j < n)
			continue;
		if (n == MODEL_LINKS_MAX)
			return too_many(why, "competences", MODEL_LINKS_MAX);
		ev->link_ptrs[n++] = comp->id;
	}
	ev->activity.text = ev->text;
	ev->activity.done = in->done;
	ev->activity.n_competence_ids = n;
	ev->activity.competence_ids = n ? ev->link_ptrs : NULL;
	return 0;
}

static int
execute_add(struct model_room *room, const struct model_participant *actor,
            const Aandeslag__AddActivity *cmd, int64_t now,
            struct model_event *ev, struct refusal *why)
{
	const Aandeslag__ContentActivity *cat = NULL;
	const Aandeslag__Activity *in;
	int rc;

	if (cmd == NULL || cmd->activity == NULL)
		return refusal_set(why, E(UNKNOWN_COMMAND));
	in = cmd->activity;
	if (room->activities.n >= room->limits.activities_max)
		return too_many(why, "activities",
		                (long)room->limits.activities_max);
	if (in->catalogue_id != NULL && in->catalogue_id[0] != '\0') {
		cat = catalogue(room, in->catalogue_id);
		if (cat == NULL)
			return refusal_set_str(why, E(NO_SUCH_ACTIVITY),
			                       in->catalogue_id);
	}
	model_event_begin(room, ev, actor->id);
	aandeslag__activity__init(&ev->activity);
	rc = check_fields(room, in, cat, ev, why);
	if (rc < 0)
		return rc;
	ev->activity.id = room->next_activity_id;
	if (cat != NULL)
		ev->activity.catalogue_id = cat->id;
	ev->activity.author_id = actor->id;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_ACTIVITY_ADDED;
	ev->event.activity_added = &ev->activity;
	return model_apply(room, &ev->event, now);
}

static int
execute_edit(struct model_room *room, const struct model_participant *actor,
             const Aandeslag__EditActivity *cmd, int64_t now,
             struct model_event *ev, struct refusal *why)
{
	const Aandeslag__ContentActivity *cat;
	const Aandeslag__Activity *in, *old;
	int rc;

	if (cmd == NULL || cmd->activity == NULL)
		return refusal_set(why, E(UNKNOWN_COMMAND));
	in = cmd->activity;
	old = find_activity(room, in->id);
	if (old == NULL)
		return refusal_set_num(why, E(NO_SUCH_ACTIVITY), (long)in->id);
	/* The catalogue entry is looked up again rather than pointed at in
	 * the old activity, which applying the event frees. */
	cat = catalogue(room, old->catalogue_id);
	model_event_begin(room, ev, actor->id);
	aandeslag__activity__init(&ev->activity);
	rc = check_fields(room, in, cat, ev, why);
	if (rc < 0)
		return rc;
	ev->activity.id = old->id;
	if (cat != NULL)
		ev->activity.catalogue_id = cat->id;
	ev->activity.author_id = old->author_id;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_ACTIVITY_CHANGED;
	ev->event.activity_changed = &ev->activity;
	return model_apply(room, &ev->event, now);
}

static int
execute_delete(struct model_room *room, const struct model_participant *actor,
               const Aandeslag__DeleteActivity *cmd, int64_t now,
               struct model_event *ev, struct refusal *why)
{
	const Aandeslag__Activity *old;

	if (cmd == NULL)
		return refusal_set(why, E(UNKNOWN_COMMAND));
	old = find_activity(room, cmd->activity_id);
	if (old == NULL)
		return refusal_set_num(why, E(NO_SUCH_ACTIVITY),
		                       (long)cmd->activity_id);
	return model_delete_item(room, actor, old->id, old->author_id,
	                         AANDESLAG__EVENT__CHANGE_ACTIVITY_DELETED, now,
	                         ev, why);
}

int
activities_execute(struct model_room *room,
                   const struct model_participant *actor,
                   const Aandeslag__Command *cmd, int64_t now,
                   struct model_event *ev, struct refusal *why)
{
	switch (cmd->op_case) {
	case AANDESLAG__COMMAND__OP_ADD_ACTIVITY:
		return execute_add(room, actor, cmd->add_activity, now, ev,
		                   why);
	case AANDESLAG__COMMAND__OP_EDIT_ACTIVITY:
		return execute_edit(room, actor, cmd->edit_activity, now, ev,
		                    why);
	case AANDESLAG__COMMAND__OP_DELETE_ACTIVITY:
		return execute_delete(room, actor, cmd->delete_activity, now,
		                      ev, why);
	default:
		return refusal_set(why, E(UNKNOWN_COMMAND));
	}
}

/* Checks an activity that arrived in an event, but for its id. */
static bool
valid_activity(const struct model_room *room, const Aandeslag__Activity *a)
{
	bool from_catalogue;
	size_t i, j;

	if (a->catalogue_id == NULL)
		return false;
	from_catalogue = a->catalogue_id[0] != '\0';
	if (from_catalogue && catalogue(room, a->catalogue_id) == NULL)
		return false;
	if (!model_valid_text(a->text, MODEL_NOTE_MAX, from_catalogue))
		return false;
	if (!valid_place(a->place))
		return false;
	if (a->n_competence_ids > MODEL_LINKS_MAX ||
	    (a->n_competence_ids > 0 && a->competence_ids == NULL))
		return false;
	for (i = 0; i < a->n_competence_ids; i++) {
		if (competence(room, a->competence_ids[i]) == NULL)
			return false;
		for (j = 0; j < i; j++)
			if (strcmp(a->competence_ids[i],
			           a->competence_ids[j]) == 0)
				return false;
	}
	return true;
}

static int
apply_added(struct model_room *room, const Aandeslag__Activity *a)
{
	if (a == NULL || a->id == 0 || a->id < room->next_activity_id ||
	    room->activities.n >= MODEL_ACTIVITIES_MAX ||
	    !valid_activity(room, a))
		return -EPROTO;
	if (items_add(&room->activities, a->id, &a->base) < 0)
		return -ENOMEM;
	room->next_activity_id = a->id + 1;
	return 0;
}

static int
apply_changed(struct model_room *room, const Aandeslag__Activity *a)
{
	if (a == NULL || find_activity(room, a->id) == NULL ||
	    !valid_activity(room, a))
		return -EPROTO;
	if (items_replace(&room->activities, a->id, &a->base) < 0)
		return -ENOMEM;
	return 0;
}

static int
apply_deleted(struct model_room *room, const Aandeslag__ItemDeleted *d)
{
	size_t i;

	if (d == NULL || find_activity(room, d->id) == NULL)
		return -EPROTO;
	items_remove(&room->activities, d->id);
	/* An action outlives the activity it came from; it is only no
	 * longer linked to it. */
	for (i = 0; i < room->actions.n; i++) {
		Aandeslag__Action *action =
			(Aandeslag__Action *)room->actions.v[i].msg;

		if (action->activity_id == d->id)
			action->activity_id = 0;
	}
	return 0;
}

int
activities_apply(struct model_room *room, const Aandeslag__Event *ev,
                 int64_t now)
{
	(void)now;
	switch (ev->change_case) {
	case AANDESLAG__EVENT__CHANGE_ACTIVITY_ADDED:
		return apply_added(room, ev->activity_added);
	case AANDESLAG__EVENT__CHANGE_ACTIVITY_CHANGED:
		return apply_changed(room, ev->activity_changed);
	case AANDESLAG__EVENT__CHANGE_ACTIVITY_DELETED:
		return apply_deleted(room, ev->activity_deleted);
	default:
		return -EPROTO;
	}
}
