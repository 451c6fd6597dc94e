/* Writing the poster out of the program on the user's own machine: the
 * actions as CSV for Excel or as iCalendar for the agenda, the poster as
 * Markdown or as a page to print, everything as JSON, from the client's
 * mirror of the room. */
#ifndef AANDESLAG_SAVEAS_H
#define AANDESLAG_SAVEAS_H

#include <stddef.h>
#include <stdint.h>

#include "cmd.h"
#include "model.h"

/* Renders room (its actions, or for JSON, Markdown and HTML the whole
 * poster, clocks as they are at now, the HTML dated today) as format and
 * writes it to path (through a temporary file renamed into place, so a
 * half-written file never replaces a good one). Writes into msg, in the user's language, what was
 * written where or why not. Returns 0, -ENOMEM, or the negative errno of
 * the write. */
int saveas_write(const struct model_room *room, enum cmd_export format,
                 const char *path, int64_t now, char *msg, size_t size);

#endif
