/* A room at a glance, for the facilitator of a workshop and for the
 * plenary report back: who is there, where the room is in the method,
 * its clock, and what it brings back (findings, chosen competences,
 * actions). Pure: built from a room's model at a time passed in. */
#ifndef AANDESLAG_SUMMARY_H
#define AANDESLAG_SUMMARY_H

#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "model.h"

/* A summary and the storage its message points to. Strings and items
 * point into the room: valid until the room changes. */
struct summary {
	Aandeslag__RoomSummary msg;
	Aandeslag__StepClock clock;
	uint32_t levels[4];
	char *participants[MODEL_SEATS];
	char **marked;                  /* allocated */
	Aandeslag__Finding **findings;  /* allocated */
	Aandeslag__Action **actions;    /* allocated */
};

/* Fills s with room as it is at now; connected counts the participants
 * whose laptops are connected (the model's presence). Participants are
 * left out in anonymous mode. Release with summary_release(). Returns 0
 * or -ENOMEM (s is then released already). */
int summary_build(struct summary *s, const struct model_room *room,
                  int64_t now);

/* Frees what summary_build() allocated; safe twice. */
void summary_release(struct summary *s);

#endif
