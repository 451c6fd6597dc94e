/* The model's room settings and finishing the session (ChangeSetting,
 * Finish). */
#ifndef AANDESLAG_SETTINGS_H
#define AANDESLAG_SETTINGS_H

#include "model.h"

/* Runs a command of this module for actor (seated, and allowed by the
 * permission table) at now: checks it, fills ev with the event and
 * applies it. Returns 0, -EINVAL with why, or -ENOMEM (the room is then
 * unchanged). */
int settings_execute(struct model_room *room,
                     const struct model_participant *actor,
                     const Aandeslag__Command *cmd, int64_t now,
                     struct model_event *ev, struct refusal *why);

/* Whether room takes newcomers: not when the chair locked it or the
 * session is finished (its members still come back, by token, chair
 * code or the chair's recognising them). */
bool settings_takes_newcomers(const struct model_room *room);

/* Applies an event of this module. Returns 0, -EPROTO for an event that
 * does not fit the room (which is then unchanged), or -ENOMEM. */
int settings_apply(struct model_room *room, const Aandeslag__Event *ev,
                   int64_t now);

#endif
