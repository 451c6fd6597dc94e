/* The whole room, or a whole workshop with all its rooms, as JSON, for
 * archives and other programs. Pure. */
#ifndef AANDESLAG_EXPORT_JSON_H
#define AANDESLAG_EXPORT_JSON_H

#include "aandeslag.pb-c.h"
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

/* Appends to out one JSON object of a workshop: "format"
 * "aandeslag-workshop", "version" 1, ws's code, title, date (null when
 * it has none), "schedule" as [{"time", "label", "report_back"}], the
 * announcement (null when none) and "rooms": for each of the n rooms, in
 * the order given, exactly the object export_json() writes for it at now
 * (without its final newline). The object ends with a newline. ws (not
 * NULL) gives only the workshop's own fields. Never a token: neither the
 * rooms nor the status hold one. Everything is only read; out stays the
 * caller's. Allocation failure sets out->failed. */
void export_json_workshop(const Aandeslag__WorkshopStatus *ws,
                          const struct model_room *const *rooms, size_t n,
                          int64_t now, struct strbuf *out);

#endif
