/* The model's findings (bevindingen) for the report back of a workshop,
 * and the facilitator's announcement to the room. */
#ifndef AANDESLAG_FINDINGS_H
#define AANDESLAG_FINDINGS_H

#include "model.h"

/* Runs AddFinding or DeleteFinding for actor (seated, and allowed by the
 * permission table) at now: checks it, fills ev with the event and
 * applies it. AddFinding takes the text of the note note_id when that is
 * set (the command's text is then not looked at), else its own text,
 * trimmed and checked like a note. Returns 0, -EINVAL with why
 * (no_such_note with the id, empty_text, text_too_long, invalid_text,
 * too_many with "findings" and MODEL_FINDINGS_MAX; no_such_finding with
 * the id, not_author), or -ENOMEM (the room is then unchanged). */
int findings_execute(struct model_room *room,
                     const struct model_participant *actor,
                     const Aandeslag__Command *cmd, int64_t now,
                     struct model_event *ev, struct refusal *why);

/* Makes and applies the Announce event of model_announce(). Returns 0,
 * -EINVAL with why, or -ENOMEM. */
int findings_announce(struct model_room *room, const char *text,
                      int64_t now, struct model_event *ev,
                      struct refusal *why);

/* Applies FindingAdded, FindingDeleted or Announced. Returns 0, -EPROTO
 * for an event that does not fit the room (which is then unchanged), or
 * -ENOMEM. */
int findings_apply(struct model_room *room, const Aandeslag__Event *ev,
                   int64_t now);

#endif
