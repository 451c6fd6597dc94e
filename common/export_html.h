/* The poster, or every poster of a workshop, as one printable,
 * self-contained HTML page. Pure. */
#ifndef AANDESLAG_EXPORT_HTML_H
#define AANDESLAG_EXPORT_HTML_H

#include "aandeslag.pb-c.h"
#include "model.h"
#include "strbuf.h"

/* Appends to out one HTML5 page (UTF-8, inline CSS, no scripts and no
 * external resources) laid out like the paper poster: a header with the
 * room's title, programme, qualification file, levels, region, date,
 * follow-up date and participants (none named in an anonymous room, which
 * the page says); the five steps as blocks in a grid, each with its
 * number, name, central question and the team's notes, step 3 with the
 * marked competences by category (with their dots while the votes are
 * visible), step 4 with the activities by "doen we al"/"nieuw" and
 * abroad/at home; then, on a page of its own when printed, the actions
 * as a table (nr, actie, wie, nodig, leerjaren, wanneer, status). Print
 * CSS sizes it for A4. date is the day the page is made, "YYYY-MM-DD"
 * (passed in, so that this stays pure); NULL or "" leaves it out. Every
 * text from the room or the content is escaped (& < > " '). The room is
 * only read; out stays the caller's, to free with strbuf_free().
 * Allocation failure sets out->failed (what was appended stays valid). */
void export_html(const struct model_room *room, const char *date,
                 struct strbuf *out);

/* Appends to out one HTML5 page of a workshop, self-contained as
 * export_html()'s: first a cover with ws's title, its date, the number of
 * groups, the schedule ("Rooster", the report back marked) when there is
 * one, and an overview with each group's name (the room's title, linked
 * to its poster) and its findings; then, for each of the n rooms in the
 * order given, its poster and its page of actions as export_html() lays
 * them out, each room starting on a new printed page. Ids are made
 * unique per room (the room's own prefix "g1-", "g2-", ...); the page
 * has one <main>, holding the cover and the rooms. Every poster is dated
 * ws's date when it has one, else date ("YYYY-MM-DD", the day the page
 * is made; NULL or "" leaves it out). The workshop's code is left out,
 * as a room's is. Every text is escaped. ws (not NULL) gives only the
 * workshop's own fields. n == 0 gives the cover with an overview saying
 * there are no groups. Everything is only read; out stays the caller's.
 * Allocation failure sets out->failed. */
void export_html_workshop(const Aandeslag__WorkshopStatus *ws,
                          const struct model_room *const *rooms, size_t n,
                          const char *date, struct strbuf *out);

#endif
