/* The actions of a room, or of every room of a workshop, as a CSV file
 * that opens as a table in Dutch Excel: a UTF-8 byte order mark, ';'
 * between fields, CRLF line ends, and every field that Excel would take
 * for a formula made harmless. Pure. */
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

/* Appends to out one table of the actions of the n rooms of a workshop,
 * in the order given: the byte order mark, a header row with a first
 * column "groep" before the columns of export_csv(), and each action as
 * a row that starts with its room's title (the group's name), quoted and
 * guarded like every other field. n == 0 gives the header row only. The
 * rooms are only read; out stays the caller's, to free with
 * strbuf_free(). Allocation failure sets out->failed. */
void export_csv_workshop(const struct model_room *const *rooms, size_t n,
                         struct strbuf *out);

#endif
