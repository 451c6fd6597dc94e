/* The line mode of a workshop's facilitator (and of a plenary projector
 * without a screen): the codes to write down, the rooms at a glance, only
 * what changed after that, the facilitator's commands, and workshop
 * exports. Its lines are wsline.h's. */
#ifndef AANDESLAG_PLAINWS_H
#define AANDESLAG_PLAINWS_H

#include <stdbool.h>
#include <stdint.h>

#include "net.h"
#include "wsexport.h"

struct plainws {
	/* The status as last printed, to print only what changed. */
	Aandeslag__WorkshopStatus *last;
	struct wsexport export;
};

/* What plainws_line() did with a line. */
enum plainws_result {
	PLAINWS_DONE,           /* handled, sent, or refused (printed) */
	PLAINWS_REFUSED,        /* a usage error, printed */
	PLAINWS_WAIT,           /* a local command: wait for the answers */
	PLAINWS_QUIT            /* the facilitator leaves */
};

/* Prints the workshop's codes (the facilitator code once, as it came
 * from the server) and the rooms at a glance, after joining. */
void plainws_joined(struct plainws *w, struct net *net);

/* Prints what changed in the status that just arrived: the line of each
 * room whose head count, chair, step, clock state or findings changed,
 * the message, and the report back. */
void plainws_status(struct plainws *w, struct net *net);

/* Handles one line typed by the facilitator (changed in place). */
enum plainws_result plainws_line(struct plainws *w, struct net *net,
                                 char *line);

/* One room of a workshop export arrived. */
void plainws_export_room(struct plainws *w, struct net *net,
                         uint64_t request_id, const Aandeslag__Snapshot *room);

/* A command was answered (why_code 0: accepted): finishes an export
 * that waited for it, printing what was written. Returns -1 when that
 * export failed, else 0. */
int plainws_answer(struct plainws *w, struct net *net, uint64_t request_id,
                   int why_code);

/* Frees what w holds. */
void plainws_free(struct plainws *w);

#endif
