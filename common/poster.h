/* Text renderers of a room: the whole poster, the list of who is there,
 * and one readable line per event. Pure: they write into a strbuf. */
#ifndef AANDESLAG_POSTER_H
#define AANDESLAG_POSTER_H

#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "model.h"
#include "strbuf.h"

/* Appends the whole poster as text: title and code, the team's step and
 * clock at now, who is there, and every step with its notes. */
void poster_render(const struct model_room *room, int64_t now,
                   uint32_t self_id, struct strbuf *out);

/* Appends one line (with newline) saying who is in the room; self_id is
 * marked as "jij" (0: nobody). */
void poster_who(const struct model_room *room, uint32_t self_id,
                struct strbuf *out);

/* Appends one readable line (with newline) for ev, which must not have
 * been applied to room yet: names of people who leave are looked up in
 * the room as it was. */
void poster_event_line(const struct model_room *room,
                       const Aandeslag__Event *ev, struct strbuf *out);

/* Appends a clock's state at now, e.g. "loopt, 19:59 over". */
void poster_clock(const struct clock *c, int64_t now, struct strbuf *out);

/* Returns the role's name in the current language. */
const char *poster_role(int role);

#endif
