/* The model's step 4: activities from the map or in the team's words, with
 * their competences. */
#ifndef AANDESLAG_ACTIVITIES_H
#define AANDESLAG_ACTIVITIES_H

#include "model.h"

/* Runs a command of this module for actor (seated, and allowed by the
 * permission table) at now: checks it, fills ev with the event and
 * applies it. Returns 0, -EINVAL with why, or -ENOMEM (the room is then
 * unchanged). */
int activities_execute(struct model_room *room,
                       const struct model_participant *actor,
                       const Aandeslag__Command *cmd, int64_t now,
                       struct model_event *ev, struct refusal *why);

/* Applies an event of this module. Returns 0, -EPROTO for an event that
 * does not fit the room (which is then unchanged), or -ENOMEM. */
int activities_apply(struct model_room *room, const Aandeslag__Event *ev,
                     int64_t now);

#endif
