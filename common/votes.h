/* The model's step 3: dots on competences, hidden until revealed, and the
 * competences the chair marks. */
#ifndef AANDESLAG_VOTES_H
#define AANDESLAG_VOTES_H

#include "model.h"

/* Runs a command of this module for actor (seated, and allowed by the
 * permission table) at now: checks it, fills ev with the event and
 * applies it. Returns 0, -EINVAL with why, or -ENOMEM (the room is then
 * unchanged). */
int votes_execute(struct model_room *room,
                  const struct model_participant *actor,
                  const Aandeslag__Command *cmd, int64_t now,
                  struct model_event *ev, struct refusal *why);

/* Applies an event of this module. Returns 0, -EPROTO for an event that
 * does not fit the room (which is then unchanged), or -ENOMEM. */
int votes_apply(struct model_room *room, const Aandeslag__Event *ev,
                int64_t now);

/* Fills ev->vote_list and ev->vote_ptrs (allocated; released by
 * model_event_release()) with every vote in the room, for the event that
 * reveals them, and points ev->setting at them. Returns 0 or -ENOMEM. */
int votes_fill_reveal(const struct model_room *room, struct model_event *ev);

/* Replaces every vote in the room by the n votes of a reveal. Returns 0,
 * -EPROTO (unknown competence, a participant over the budget, ...) or
 * -ENOMEM; the room is unchanged on failure. */
int votes_replace(struct model_room *room, Aandeslag__Vote *const *votes,
                  size_t n);

#endif
