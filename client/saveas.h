/* Writing the poster out of the program on the user's own machine: the
 * actions as CSV for Excel or as iCalendar for the agenda, the poster as
 * Markdown or as a page to print, everything as JSON, from the client's
 * mirror of the room; and the same of every room of a workshop, for its
 * facilitator. */
#ifndef AANDESLAG_SAVEAS_H
#define AANDESLAG_SAVEAS_H

#include <stddef.h>
#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "cmd.h"
#include "model.h"
#include "wscmd.h"

/* Renders room (its actions, or for JSON, Markdown and HTML the whole
 * poster, clocks as they are at now, the HTML dated today) as format and
 * writes it to path (through a temporary file renamed into place, so a
 * half-written file never replaces a good one). Writes into msg, in the
 * user's language, what was written where or why not. Returns 0, -ENOMEM,
 * or the negative errno of the write. */
int saveas_write(const struct model_room *room, enum cmd_export format,
                 const char *path, int64_t now, char *msg, size_t size);

/* Renders the workshop ws with its n rooms (rebuilt by the caller from
 * the snapshots of a WorkshopExport, in the order to show them) as
 * format, with the *_workshop renderers of common/ (clocks as they are
 * at now, the calendar stamped with the wall clock, the HTML dated with
 * the study day, else today), and writes it to path the way
 * saveas_write() does. ws and the rooms are only read and stay the
 * caller's. Writes into msg, in the user's language, what was written
 * where (for CSV and iCalendar how many actions, for the others how many
 * groups) or why not. Returns 0, -ENOMEM, or the negative errno of the
 * write. */
int saveas_workshop(const Aandeslag__WorkshopStatus *ws,
                    const struct model_room *const *rooms, size_t n,
                    enum wscmd_export format, const char *path, int64_t now,
                    char *msg, size_t size);

#endif
