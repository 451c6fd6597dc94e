/* Step 5 of the method: actions with owners, needs, when, and status. */
#include "actions.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "dates.h"

#define E(name) AANDESLAG__ERROR_CODE__ERROR_##name
#define OWNER_PARTICIPANT AANDESLAG__OWNER_KIND__OWNER_PARTICIPANT
#define OWNER_TEAM AANDESLAG__OWNER_KIND__OWNER_TEAM
#define OWNER_NAMED AANDESLAG__OWNER_KIND__OWNER_NAMED

_Static_assert(MODEL_PERIOD_MAX <= MODEL_NAME_MAX,
               "a period must fit in the event's name buffer");
_Static_assert(MODEL_NEEDS_MAX <= MODEL_NOTE_MAX,
               "the needs text must fit in the event's extra buffer");

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

static const char *
str(const char *s)
{
	return s ? s : "";
}

static Aandeslag__Action *
find_action(const struct model_room *room, uint32_t id)
{
	return (Aandeslag__Action *)items_find(&room->actions, id);
}

/* Finds the action a command names; refuses with no_such_action (the id
 * as parameter) when there is none. */
static const Aandeslag__Action *
named_action(const struct model_room *room, uint32_t id, struct refusal *why)
{
	const Aandeslag__Action *a = find_action(room, id);

	if (a == NULL)
		refusal_set_num(why, E(NO_SUCH_ACTION), (long)id);
	return a;
}

/* Sends the action in ev as changed, and applies it. */
static int
action_changed(struct model_room *room, struct model_event *ev, int64_t now)
{
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_ACTION_CHANGED;
	ev->event.action_changed = &ev->action;
	return model_apply(room, &ev->event, now);
}

static bool
valid_status(int status)
{
	return status == AANDESLAG__ACTION_STATUS__ACTION_OPEN ||
	       status == AANDESLAG__ACTION_STATUS__ACTION_BUSY ||
	       status == AANDESLAG__ACTION_STATUS__ACTION_DONE;
}

/* Returns whether two owners are the same one: the same participant,
 * both the team, or the same named person whatever the case. */
static bool
same_owner(const Aandeslag__Owner *a, const Aandeslag__Owner *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case OWNER_PARTICIPANT:
		return a->participant_id == b->participant_id;
	case OWNER_NAMED:
		return strcasecmp(str(a->name), str(b->name)) == 0;
	default:
		return true;
	}
}

/* Returns the index of participant pid among the owners of a, or -1. */
static long
owner_index(const Aandeslag__Action *a, uint32_t pid)
{
	size_t i;

	for (i = 0; i < a->n_owners; i++)
		if (a->owners[i]->kind == OWNER_PARTICIPANT &&
		    a->owners[i]->participant_id == pid)
			return (long)i;
	return -1;
}

/* Sets owner i of the event's action. */
static void
set_owner(struct model_event *ev, size_t i, Aandeslag__OwnerKind kind,
          uint32_t pid, char *name)
{
	aandeslag__owner__init(&ev->owners[i]);
	ev->owners[i].kind = kind;
	ev->owners[i].participant_id = pid;
	ev->owners[i].name = name;
	ev->owner_ptrs[i] = &ev->owners[i];
}

/* Points the event's action at its n owners. */
static void
set_owners(struct model_event *ev, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		ev->owner_ptrs[i] = &ev->owners[i];
	ev->action.n_owners = n;
	ev->action.owners = n ? ev->owner_ptrs : NULL;
}

/* Checks the owners of an action from a command and fills them into the
 * event. old is the action being edited, or NULL: its owners who have
 * left since keep their place and their name. */
static int
check_owners(struct model_room *room, const Aandeslag__Action *in,
             const Aandeslag__Action *old, struct model_event *ev,
             struct refusal *why)
{
	const struct model_participant *p;
	const Aandeslag__Owner *o;
	size_t i, j;
	long k;
	int rc;

	if (in->n_owners > MODEL_OWNERS_MAX)
		return too_many(why, "owners", MODEL_OWNERS_MAX);
	for (i = 0; i < in->n_owners; i++) {
		o = in->owners[i];
		if (o == NULL)
			return refusal_set(why, E(BAD_OWNER));
		ev->owner_names[i][0] = '\0';
		switch (o->kind) {
		case OWNER_PARTICIPANT:
			/* The name is the room's: a client cannot rename a
			 * colleague through an action. */
			p = model_find(room, o->participant_id);
			if (p != NULL) {
				set_owner(ev, i, o->kind, p->id, p->name);
				break;
			}
			k = old && o->participant_id != 0 ?
			    owner_index(old, o->participant_id) : -1;
			if (k < 0)
				return refusal_set_num(why,
				        E(NO_SUCH_PARTICIPANT),
				        (long)o->participant_id);
			snprintf(ev->owner_names[i], sizeof ev->owner_names[i],
			         "%s", str(old->owners[k]->name));
			set_owner(ev, i, o->kind, o->participant_id,
			          ev->owner_names[i]);
			break;
		case OWNER_TEAM:
			set_owner(ev, i, o->kind, 0, ev->owner_names[i]);
			break;
		case OWNER_NAMED:
			/* The ceiling, not the room's limit: an edit sends
			 * every owner again, also one named before the
			 * server lowered its limits. */
			rc = model_clean_text(o->name, MODEL_NAME_MAX,
			                      ev->owner_names[i]);
			if (rc != MODEL_TEXT_OK)
				return refusal_set(why, E(BAD_OWNER));
			set_owner(ev, i, o->kind, 0, ev->owner_names[i]);
			break;
		default:
			return refusal_set(why, E(BAD_OWNER));
		}
		for (j = 0; j < i; j++)
			if (same_owner(&ev->owners[j], &ev->owners[i]))
				return refusal_set(why, E(BAD_OWNER));
	}
	set_owners(ev, in->n_owners);
	return 0;
}

/* Checks when an action is planned and fills it into the event; none is
 * sent as no When at all. */
static int
check_when(const Aandeslag__When *w, struct model_event *ev,
           struct refusal *why)
{
	const char *value;

	ev->action.when = NULL;
	if (w == NULL || w->kind == AANDESLAG__WHEN_KIND__WHEN_NONE)
		return 0;
	value = str(w->value);
	switch (w->kind) {
	case AANDESLAG__WHEN_KIND__WHEN_DATE:
		if (dates_check_day(value) < 0)
			return refusal_set_str(why, E(BAD_DATE), value);
		snprintf(ev->name, sizeof ev->name, "%s", value);
		break;
	case AANDESLAG__WHEN_KIND__WHEN_MONTH:
		if (dates_check_month(value) < 0)
			return refusal_set_str(why, E(BAD_DATE), value);
		snprintf(ev->name, sizeof ev->name, "%s", value);
		break;
	case AANDESLAG__WHEN_KIND__WHEN_PERIOD:
		if (model_clean_text(value, MODEL_PERIOD_MAX, ev->name) !=
		    MODEL_TEXT_OK)
			return refusal_set_str(why, E(BAD_DATE), value);
		break;
	default:
		return refusal_set_str(why, E(BAD_DATE), value);
	}
	aandeslag__when__init(&ev->when);
	ev->when.kind = w->kind;
	ev->when.value = ev->name;
	ev->action.when = &ev->when;
	return 0;
}

/* Checks the fields of an action from a command (all but its id and
 * author) and fills them into ev->action, which must have been
 * initialised. old is the action being edited, or NULL. */
static int
check_action(struct model_room *room, const Aandeslag__Action *in,
             const Aandeslag__Action *old, struct model_event *ev,
             struct refusal *why)
{
	int rc;

	rc = model_clean_text(in->text, room->limits.text_max, ev->text);
	if (rc != MODEL_TEXT_OK)
		return model_text_refusal(rc, room->limits.text_max, why);
	ev->action.text = ev->text;
	if (in->activity_id != 0 &&
	    items_find(&room->activities, in->activity_id) == NULL)
		return refusal_set_num(why, E(NO_SUCH_ACTIVITY),
		                       (long)in->activity_id);
	ev->action.activity_id = in->activity_id;
	rc = check_owners(room, in, old, ev, why);
	if (rc < 0)
		return rc;
	if (in->needs & ~MODEL_NEEDS_ALL)
		return refusal_set(why, E(BAD_SETTING));
	ev->action.needs = in->needs;
	rc = model_clean_text(in->needs_text, MODEL_NEEDS_MAX, ev->extra);
	if (rc == MODEL_TEXT_EMPTY)
		ev->extra[0] = '\0';
	else if (rc != MODEL_TEXT_OK)
		return model_text_refusal(rc, MODEL_NEEDS_MAX, why);
	ev->action.needs_text = ev->extra;
	if (in->study_years & ~MODEL_YEARS_ALL)
		return refusal_set(why, E(BAD_SETTING));
	ev->action.study_years = in->study_years;
	rc = check_when(in->when, ev, why);
	if (rc < 0)
		return rc;
	if (!valid_status(in->status))
		return refusal_set(why, E(BAD_SETTING));
	ev->action.status = in->status;
	return 0;
}

/* Returns whether actor may set an action's owners to anyone: the chair,
 * and whoever else the permission table lets assign. */
static bool
may_assign(const struct model_participant *actor)
{
	return actor->role == AANDESLAG__ROLE__ROLE_CHAIR ||
	       model_allowed(actor->role, MODEL_OP_ASSIGN);
}

/* Returns whether the owners of a and b are the same, in the same order. */
static bool
same_owners(const Aandeslag__Action *a, const Aandeslag__Action *b)
{
	size_t i;

	if (a->n_owners != b->n_owners)
		return false;
	for (i = 0; i < a->n_owners; i++) {
		const Aandeslag__Owner *x = a->owners[i], *y = b->owners[i];

		if (x->kind != y->kind ||
		    x->participant_id != y->participant_id)
			return false;
		if (x->kind == OWNER_NAMED &&
		    strcmp(str(x->name), str(y->name)) != 0)
			return false;
	}
	return true;
}

/* Fills ev->action with a copy of the stored action old. Every string is
 * copied into the event's buffers, because applying the event frees old;
 * a seated owner's name points at the room's participant. */
static void
copy_action(struct model_room *room, const Aandeslag__Action *old,
            struct model_event *ev)
{
	const struct model_participant *p;
	const Aandeslag__Owner *o;
	size_t i, n;

	aandeslag__action__init(&ev->action);
	ev->action.id = old->id;
	snprintf(ev->text, sizeof ev->text, "%s", str(old->text));
	ev->action.text = ev->text;
	ev->action.activity_id = old->activity_id;
	ev->action.needs = old->needs;
	snprintf(ev->extra, sizeof ev->extra, "%s", str(old->needs_text));
	ev->action.needs_text = ev->extra;
	ev->action.study_years = old->study_years;
	ev->action.status = old->status;
	ev->action.author_id = old->author_id;
	ev->action.when = NULL;
	if (old->when != NULL &&
	    old->when->kind != AANDESLAG__WHEN_KIND__WHEN_NONE) {
		aandeslag__when__init(&ev->when);
		ev->when.kind = old->when->kind;
		snprintf(ev->name, sizeof ev->name, "%s",
		         str(old->when->value));
		ev->when.value = ev->name;
		ev->action.when = &ev->when;
	}
	/* Stored actions were checked when applied, so they have no more
	 * owners than the event can hold. */
	n = old->n_owners < MODEL_OWNERS_MAX ? old->n_owners : MODEL_OWNERS_MAX;
	for (i = 0; i < n; i++) {
		o = old->owners[i];
		p = o->kind == OWNER_PARTICIPANT ?
		    model_find(room, o->participant_id) : NULL;
		if (p != NULL) {
			set_owner(ev, i, o->kind, o->participant_id, p->name);
			continue;
		}
		snprintf(ev->owner_names[i], sizeof ev->owner_names[i], "%s",
		         str(o->name));
		set_owner(ev, i, o->kind, o->participant_id,
		          ev->owner_names[i]);
	}
	set_owners(ev, n);
}

static int
execute_add(struct model_room *room, const struct model_participant *actor,
            const Aandeslag__AddAction *cmd, int64_t now,
            struct model_event *ev, struct refusal *why)
{
	const Aandeslag__Action *a;
	int rc;

	if (cmd == NULL || cmd->action == NULL)
		return refusal_set(why, E(UNKNOWN_COMMAND));
	if (room->actions.n >= room->limits.actions_max)
		return too_many(why, "actions", (long)room->limits.actions_max);
	model_event_begin(room, ev, actor->id);
	aandeslag__action__init(&ev->action);
	rc = check_action(room, cmd->action, NULL, ev, why);
	if (rc < 0)
		return rc;
	/* Anyone may take on what they add; giving it to others is the
	 * chair's. */
	a = &ev->action;
	if (!may_assign(actor) && a->n_owners != 0 &&
	    !(a->n_owners == 1 && a->owners[0]->kind == OWNER_PARTICIPANT &&
	      a->owners[0]->participant_id == actor->id))
		return refusal_set_str(why, E(NOT_ALLOWED), "chair");
	ev->action.id = room->next_action_id;
	ev->action.author_id = actor->id;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_ACTION_ADDED;
	ev->event.action_added = &ev->action;
	return model_apply(room, &ev->event, now);
}

static int
execute_edit(struct model_room *room, const struct model_participant *actor,
             const Aandeslag__EditAction *cmd, int64_t now,
             struct model_event *ev, struct refusal *why)
{
	const Aandeslag__Action *old;
	int rc;

	if (cmd == NULL || cmd->action == NULL)
		return refusal_set(why, E(UNKNOWN_COMMAND));
	old = named_action(room, cmd->action->id, why);
	if (old == NULL)
		return -EINVAL;
	model_event_begin(room, ev, actor->id);
	aandeslag__action__init(&ev->action);
	rc = check_action(room, cmd->action, old, ev, why);
	if (rc < 0)
		return rc;
	/* Others may edit the rest, but owners change only by claiming. */
	if (!may_assign(actor) && !same_owners(&ev->action, old))
		return refusal_set_str(why, E(NOT_ALLOWED), "chair");
	ev->action.id = old->id;
	ev->action.author_id = old->author_id;
	return action_changed(room, ev, now);
}

static int
execute_delete(struct model_room *room, const struct model_participant *actor,
               const Aandeslag__DeleteAction *cmd, int64_t now,
               struct model_event *ev, struct refusal *why)
{
	const Aandeslag__Action *old;

	if (cmd == NULL)
		return refusal_set(why, E(UNKNOWN_COMMAND));
	old = named_action(room, cmd->action_id, why);
	if (old == NULL)
		return -EINVAL;
	return model_delete_item(room, actor, old->id, old->author_id,
	                         AANDESLAG__EVENT__CHANGE_ACTION_DELETED, now,
	                         ev, why);
}

static int
execute_claim(struct model_room *room, const struct model_participant *actor,
              const Aandeslag__ClaimAction *cmd, int64_t now,
              struct model_event *ev, struct refusal *why)
{
	const Aandeslag__Action *old;
	size_t n;
	long k;

	if (cmd == NULL)
		return refusal_set(why, E(UNKNOWN_COMMAND));
	old = named_action(room, cmd->action_id, why);
	if (old == NULL)
		return -EINVAL;
	model_event_begin(room, ev, actor->id);
	copy_action(room, old, ev);
	n = ev->action.n_owners;
	k = owner_index(&ev->action, actor->id);
	if (!cmd->release) {
		if (k >= 0)
			return refusal_set(why, E(ALREADY_OWNER));
		if (n >= MODEL_OWNERS_MAX)
			return too_many(why, "owners", MODEL_OWNERS_MAX);
		set_owner(ev, n, OWNER_PARTICIPANT, actor->id, actor->name);
		n++;
	} else {
		if (k < 0)
			return refusal_set(why, E(NOT_OWNER));
		/* The names stay in their buffers; only the owners move. */
		memmove(&ev->owners[k], &ev->owners[k + 1],
		        (n - (size_t)k - 1) * sizeof ev->owners[0]);
		n--;
	}
	set_owners(ev, n);
	return action_changed(room, ev, now);
}

static int
execute_status(struct model_room *room, const struct model_participant *actor,
               const Aandeslag__SetActionStatus *cmd, int64_t now,
               struct model_event *ev, struct refusal *why)
{
	const Aandeslag__Action *old;

	if (cmd == NULL)
		return refusal_set(why, E(UNKNOWN_COMMAND));
	old = named_action(room, cmd->action_id, why);
	if (old == NULL)
		return -EINVAL;
	if (!valid_status(cmd->status))
		return refusal_set(why, E(BAD_SETTING));
	model_event_begin(room, ev, actor->id);
	copy_action(room, old, ev);
	ev->action.status = cmd->status;
	return action_changed(room, ev, now);
}

int
actions_execute(struct model_room *room, const struct model_participant *actor,
                const Aandeslag__Command *cmd, int64_t now,
                struct model_event *ev, struct refusal *why)
{
	switch (cmd->op_case) {
	case AANDESLAG__COMMAND__OP_ADD_ACTION:
		return execute_add(room, actor, cmd->add_action, now, ev, why);
	case AANDESLAG__COMMAND__OP_EDIT_ACTION:
		return execute_edit(room, actor, cmd->edit_action, now, ev,
		                    why);
	case AANDESLAG__COMMAND__OP_DELETE_ACTION:
		return execute_delete(room, actor, cmd->delete_action, now, ev,
		                      why);
	case AANDESLAG__COMMAND__OP_CLAIM:
		return execute_claim(room, actor, cmd->claim, now, ev, why);
	case AANDESLAG__COMMAND__OP_ACTION_STATUS:
		return execute_status(room, actor, cmd->action_status, now, ev,
		                      why);
	default:
		return refusal_set(why, E(UNKNOWN_COMMAND));
	}
}

/* Checks an owner that arrived in an event. A participant owner need not
 * be seated: someone who took an action on and then left still owns it. */
static bool
valid_owner(const Aandeslag__Owner *o)
{
	if (o == NULL)
		return false;
	switch (o->kind) {
	case OWNER_PARTICIPANT:
	case OWNER_NAMED:
		if ((o->kind == OWNER_PARTICIPANT) != (o->participant_id != 0))
			return false;
		return model_valid_text(o->name, MODEL_NAME_MAX, false);
	case OWNER_TEAM:
		return o->participant_id == 0 && o->name != NULL &&
		       o->name[0] == '\0';
	default:
		return false;
	}
}

static bool
valid_when(const Aandeslag__When *w)
{
	if (w == NULL)
		return true;
	switch (w->kind) {
	case AANDESLAG__WHEN_KIND__WHEN_NONE:
		return w->value == NULL || w->value[0] == '\0';
	case AANDESLAG__WHEN_KIND__WHEN_DATE:
		return w->value != NULL && dates_check_day(w->value) == 0;
	case AANDESLAG__WHEN_KIND__WHEN_MONTH:
		return w->value != NULL && dates_check_month(w->value) == 0;
	case AANDESLAG__WHEN_KIND__WHEN_PERIOD:
		return model_valid_text(w->value, MODEL_PERIOD_MAX, false);
	default:
		return false;
	}
}

/* Checks an action that arrived in an event, but for its id. */
static bool
valid_action(const struct model_room *room, const Aandeslag__Action *a)
{
	size_t i, j;

	if (!model_valid_text(a->text, MODEL_NOTE_MAX, false))
		return false;
	if (a->activity_id != 0 &&
	    items_find(&room->activities, a->activity_id) == NULL)
		return false;
	if (a->n_owners > MODEL_OWNERS_MAX ||
	    (a->n_owners > 0 && a->owners == NULL))
		return false;
	for (i = 0; i < a->n_owners; i++) {
		if (!valid_owner(a->owners[i]))
			return false;
		for (j = 0; j < i; j++)
			if (same_owner(a->owners[i], a->owners[j]))
				return false;
	}
	return (a->needs & ~MODEL_NEEDS_ALL) == 0 &&
	       model_valid_text(a->needs_text, MODEL_NEEDS_MAX, true) &&
	       (a->study_years & ~MODEL_YEARS_ALL) == 0 &&
	       valid_when(a->when) && valid_status(a->status);
}

static int
apply_added(struct model_room *room, const Aandeslag__Action *a)
{
	if (a == NULL || a->id == 0 || a->id < room->next_action_id ||
	    room->actions.n >= MODEL_ACTIONS_MAX || !valid_action(room, a))
		return -EPROTO;
	if (items_add(&room->actions, a->id, &a->base) < 0)
		return -ENOMEM;
	room->next_action_id = a->id + 1;
	return 0;
}

static int
apply_changed(struct model_room *room, const Aandeslag__Action *a)
{
	if (a == NULL || find_action(room, a->id) == NULL ||
	    !valid_action(room, a))
		return -EPROTO;
	if (items_replace(&room->actions, a->id, &a->base) < 0)
		return -ENOMEM;
	return 0;
}

static int
apply_deleted(struct model_room *room, const Aandeslag__ItemDeleted *d)
{
	if (d == NULL || find_action(room, d->id) == NULL)
		return -EPROTO;
	items_remove(&room->actions, d->id);
	return 0;
}

int
actions_apply(struct model_room *room, const Aandeslag__Event *ev,
              int64_t now)
{
	(void)now;
	switch (ev->change_case) {
	case AANDESLAG__EVENT__CHANGE_ACTION_ADDED:
		return apply_added(room, ev->action_added);
	case AANDESLAG__EVENT__CHANGE_ACTION_CHANGED:
		return apply_changed(room, ev->action_changed);
	case AANDESLAG__EVENT__CHANGE_ACTION_DELETED:
		return apply_deleted(room, ev->action_deleted);
	default:
		return -EPROTO;
	}
}
