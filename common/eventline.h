/* One readable line per event, for the line mode and for logs: "[SEQ] "
 * and what changed, in the current language. Scripts read some of these
 * lines (notes, clock, steps, joining and leaving), so their wording is
 * kept stable. */
#ifndef AANDESLAG_EVENTLINE_H
#define AANDESLAG_EVENTLINE_H

#include "aandeslag.pb-c.h"
#include "model.h"
#include "strbuf.h"

/* Appends one line (with newline) for ev, which must not have been
 * applied to room yet: names of people who leave, and what an item was
 * before it changed, are looked up in the room as it was. Every kind of
 * event has a line; one this version does not know says so. */
void eventline_render(const struct model_room *room,
                      const Aandeslag__Event *ev, struct strbuf *out);

#endif
