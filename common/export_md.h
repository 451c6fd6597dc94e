/* The poster as Markdown, for a wiki, an e-mail or a document. Pure. */
#ifndef AANDESLAG_EXPORT_MD_H
#define AANDESLAG_EXPORT_MD_H

#include "model.h"
#include "strbuf.h"

/* Appends to out the room as Markdown (CommonMark): a title, the
 * workshop, programme, qualification file, levels and follow-up date,
 * the participants (left out in anonymous mode), then one section per
 * step with its notes, the marked competences with their tallies, the
 * activities, and the actions as a table (nr, actie, wie, nodig,
 * wanneer, status), and a section "Terugkoppeling" with the findings
 * for the report back when there are any. Every text from the team is escaped so that it shows
 * as typed (no links, emphasis or HTML of its own, and a '|' cannot break
 * the table). Allocation failure sets out->failed. */
void export_md(const struct model_room *room, struct strbuf *out);

#endif
