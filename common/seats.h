/* The model's seats: joining, leaving, presence and roles (hand over the
 * chair, name a scribe, remove someone, take over the chair of a chair
 * who is away), and the check of recognising a colleague. model.h has
 * the API (model_join(), model_leave(), model_presence(),
 * model_check_recognise()); this is the module behind it. */
#ifndef AANDESLAG_SEATS_H
#define AANDESLAG_SEATS_H

#include "model.h"

/* model_join(), model_leave() and model_presence(), as model.h states
 * them: the same arguments, results and failures. */
int seats_join(struct model_room *room, const char *name, int role,
               int64_t now, struct model_event *ev, struct refusal *why);
int seats_leave(struct model_room *room, uint32_t id, uint32_t actor,
                int64_t now, struct model_event *ev, struct refusal *why);
int seats_presence(struct model_room *room, uint32_t id, bool connected,
                   int64_t now, struct model_event *ev,
                   struct refusal *why);

/* model_give_chair(), as model.h states it. */
int seats_give_chair(struct model_room *room, uint32_t id, int64_t now,
                     struct model_event *ev);

/* Checks that the chair actor (seated, and allowed by the permission
 * table) may recognise participant id: seated, someone else, and not
 * connected. Changes nothing. Returns 0, or -EINVAL with why
 * (no_such_participant with the id, already_chair for oneself,
 * already_present for someone connected). */
int seats_recognise(const struct model_room *room,
                    const struct model_participant *actor, uint32_t id,
                    struct refusal *why);

/* Runs a command of this module (hand over, scribe, remove, take chair)
 * for actor (seated, and allowed by the permission table) at now: checks
 * it, fills ev with the event and applies it. Returns 0, -EINVAL with
 * why, or -ENOMEM (the room is then unchanged). */
int seats_execute(struct model_room *room,
                  const struct model_participant *actor,
                  const Aandeslag__Command *cmd, int64_t now,
                  struct model_event *ev, struct refusal *why);

/* Applies an event of this module (participant joined or left, presence,
 * role) at now, the time a participant who is not connected counts as
 * away from. Returns 0, -EPROTO for an event that does not fit the room
 * (which is then unchanged), or -ENOMEM. */
int seats_apply(struct model_room *room, const Aandeslag__Event *ev,
                int64_t now);

#endif
