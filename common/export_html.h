/* The poster as one printable, self-contained HTML page. Pure. */
#ifndef AANDESLAG_EXPORT_HTML_H
#define AANDESLAG_EXPORT_HTML_H

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

#endif
