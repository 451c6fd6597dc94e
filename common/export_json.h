/* The whole room as JSON, for archives and other programs. Pure. */
#ifndef AANDESLAG_EXPORT_JSON_H
#define AANDESLAG_EXPORT_JSON_H

#include "model.h"
#include "strbuf.h"

/* Appends to out one JSON object (RFC 8259, UTF-8) with everything on the
 * room's poster: code, title, settings, the current step and the five
 * clocks (remaining and planned minutes at now), participants (name and
 * role; none in anonymous mode), notes per step, card questions and the
 * one on the table, votes as tallies per competence (with who placed
 * them unless the votes are hidden or the room is anonymous), marked
 * competences, activities and actions with all their fields, the
 * findings for the report back, the facilitator's announcement and the
 * workshop the room is part of. Never a
 * token or a chair code: the room holds none. Allocation failure sets
 * out->failed. */
void export_json(const struct model_room *room, int64_t now,
                 struct strbuf *out);

#endif
