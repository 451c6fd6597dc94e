/* The seats of the room: who sits in it, with what role, and whether
 * their laptop is connected. The chair hands the role over, names a
 * scribe or frees a seat; a chair who leaves passes the role on. A chair
 * who is away keeps the role for MODEL_CHAIR_AWAY_MS, after which any
 * participant may take it over, so that a team is never stuck without
 * one; the old chair sits on as a participant. */
#include "seats.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define P AANDESLAG__ROLE__ROLE_PARTICIPANT
#define C AANDESLAG__ROLE__ROLE_CHAIR
#define S AANDESLAG__ROLE__ROLE_SCRIBE

/* ---------------------------------------------------------- the events */

int
seats_join(struct model_room *room, const char *name, int role,
           int64_t now, struct model_event *ev, struct refusal *why)
{
	size_t i;

	if (model_clean_text(name, room->limits.name_max, ev->name) !=
	    MODEL_TEXT_OK)
		return refusal_set_num(why, AANDESLAG__ERROR_CODE__ERROR_BAD_NAME,
		                       (long)room->limits.name_max);
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
seats_leave(struct model_room *room, uint32_t id, uint32_t actor,
            int64_t now, struct model_event *ev, struct refusal *why)
{
	if (model_find(room, id) == NULL)
		return refusal_set_num(why,
		        AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_PARTICIPANT, (long)id);
	return leave_event(room, id, actor, false, now, ev);
}

int
seats_presence(struct model_room *room, uint32_t id, bool connected,
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

/* ------------------------------------------------------------ commands */

/* Takes the chair for actor: when nobody has it, or its holder has been
 * away long enough. Otherwise says in whole minutes, rounded up, how
 * long to wait; while the chair is connected that is the full time. */
static int
take_chair(struct model_room *room, const struct model_participant *actor,
           int64_t now, struct model_event *ev, struct refusal *why)
{
	const struct model_participant *chair;
	int64_t away = 0;

	chair = model_find(room, model_chair(room));
	if (chair != NULL && !chair->connected && now > chair->away_since)
		away = now - chair->away_since;
	if (chair != NULL && away < MODEL_CHAIR_AWAY_MS)
		return refusal_set_num(why,
		        AANDESLAG__ERROR_CODE__ERROR_CHAIR_PRESENT,
		        (long)((MODEL_CHAIR_AWAY_MS - away + CLOCK_MINUTE_MS - 1) /
		               CLOCK_MINUTE_MS));
	return role_event(room, actor->id, actor->id, C, now, ev);
}

int
seats_execute(struct model_room *room, const struct model_participant *actor,
              const Aandeslag__Command *cmd, int64_t now,
              struct model_event *ev, struct refusal *why)
{
	const struct model_participant *target;
	uint32_t id;

	switch (cmd->op_case) {
	case AANDESLAG__COMMAND__OP_TAKE_CHAIR:
		return take_chair(room, actor, now, ev, why);
	case AANDESLAG__COMMAND__OP_HAND_OVER:
		id = cmd->hand_over->participant_id;
		break;
	case AANDESLAG__COMMAND__OP_SCRIBE:
		id = cmd->scribe->participant_id;
		break;
	case AANDESLAG__COMMAND__OP_REMOVE:
		id = cmd->remove->participant_id;
		break;
	default:
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND);
	}
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

int
seats_give_chair(struct model_room *room, uint32_t id, int64_t now,
                 struct model_event *ev)
{
	const struct model_participant *p = model_find(room, id);

	if (p == NULL)
		return -ENOENT;
	if (p->role == C)
		return -EALREADY;
	return role_event(room, 0, id, C, now, ev);
}

int
seats_recognise(const struct model_room *room,
                const struct model_participant *actor, uint32_t id,
                struct refusal *why)
{
	const struct model_participant *target = model_participant(room, id);

	if (target == NULL)
		return refusal_set_num(why,
		        AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_PARTICIPANT, (long)id);
	if (target->id == actor->id)
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_ALREADY_CHAIR);
	if (target->connected)
		return refusal_set(why,
		        AANDESLAG__ERROR_CODE__ERROR_ALREADY_PRESENT);
	return 0;
}

/* ------------------------------------------------------------ applying */

static int
apply_joined(struct model_room *room, const Aandeslag__Participant *p,
             int64_t now)
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
	/* Someone who arrives away (in a snapshot) is away from now on. */
	seat->away_since = p->connected ? 0 : now;
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
apply_presence(struct model_room *room, const Aandeslag__PresenceChanged *c,
               int64_t now)
{
	struct model_participant *p;

	if (c == NULL || (p = model_find(room, c->participant_id)) == NULL)
		return -EPROTO;
	/* Away counts from when the connection went, not from a repeat. */
	if (c->connected)
		p->away_since = 0;
	else if (p->connected)
		p->away_since = now;
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
seats_apply(struct model_room *room, const Aandeslag__Event *ev, int64_t now)
{
	switch (ev->change_case) {
	case AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED:
		return apply_joined(room, ev->participant_joined, now);
	case AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT:
		return apply_left(room, ev->participant_left);
	case AANDESLAG__EVENT__CHANGE_PRESENCE:
		return apply_presence(room, ev->presence, now);
	case AANDESLAG__EVENT__CHANGE_ROLE:
		return apply_role(room, ev->role);
	default:
		return -EPROTO;
	}
}
