/* The facilitator's actions on a workshop: every room's clock at once, a
 * message to every room, moving a colleague to another room, the report
 * back, and the export of every room. */
#ifndef AANDESLAG_WSOPS_H
#define AANDESLAG_WSOPS_H

#include "aandeslag.pb-c.h"

struct conn;

/* Runs a WorkshopCommand of c (a facilitator, else refused) and answers
 * with an Ack or a Refusal; an export is answered with one WorkshopExport
 * per room before its Ack. */
void wsops_command(struct conn *c, const Aandeslag__WorkshopCommand *cmd);

#endif
