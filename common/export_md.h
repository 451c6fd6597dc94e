/* The poster as Markdown, for a wiki, an e-mail or a document; alone or
 * every poster of a workshop in one document. Pure. */
#ifndef AANDESLAG_EXPORT_MD_H
#define AANDESLAG_EXPORT_MD_H

#include "aandeslag.pb-c.h"
#include "model.h"
#include "strbuf.h"

/* Appends to out the room as Markdown (CommonMark): a title, the
 * workshop, programme, qualification file, levels and follow-up date,
 * the participants (left out in anonymous mode), then one section per
 * step with its notes, the marked competences with their tallies, the
 * activities, and the actions as a table (nr, actie, wie, nodig,
 * wanneer, status), and a section "Terugkoppeling" with the findings
 * for the report back when there are any. Every text from the team is
 * escaped so that it shows as typed (no links, emphasis or HTML of its
 * own, and a '|' cannot break the table). Allocation failure sets
 * out->failed. */
void export_md(const struct model_room *room, struct strbuf *out);

/* Appends to out one Markdown document of a workshop: a top heading with
 * ws's title, its code, date ("15 maart 2027"; left out when ws has
 * none) and the number of groups; the "Rooster" (schedule) when there is
 * one, the report back marked; an "Overzicht" with, per group (the n
 * rooms in the order given, by their titles), its findings or a line
 * that there are none yet; then each room's poster as export_md() writes
 * it, but with every heading one level down (the room's title a "##"
 * section) and without the line naming the workshop, which the top of
 * the document names already. ws (not NULL) gives only the workshop's own
 * fields; everything about a room comes from rooms. n == 0 gives the
 * header and an overview saying there are no groups. Everything is only
 * read; out stays the caller's. Allocation failure sets out->failed. */
void export_md_workshop(const Aandeslag__WorkshopStatus *ws,
                        const struct model_room *const *rooms, size_t n,
                        struct strbuf *out);

#endif
