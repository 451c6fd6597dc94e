/* The actions of a room as a CSV file that opens as a table in Dutch
 * Excel: a UTF-8 byte order mark, ';' between fields, CRLF line ends, and
 * every field that Excel would take for a formula made harmless. Pure. */
#ifndef AANDESLAG_EXPORT_CSV_H
#define AANDESLAG_EXPORT_CSV_H

#include "model.h"
#include "strbuf.h"

/* Appends to out the actions of room, one row each after a header row
 * (nr, actie, wie, nodig, leerjaren, wanneer, status, activiteit), every
 * field quoted, quotes doubled. A field starting with =, +, -, @, a tab
 * or a carriage return gets a leading apostrophe, so that a note such as
 * "=HYPERLINK(...)" stays text. Allocation failure sets out->failed. */
void export_csv(const struct model_room *room, struct strbuf *out);

#endif
