/* Snapshots: the whole state of a room as one message, made from the
 * model on the server and turned back into a model in the client. */
#ifndef AANDESLAG_SNAPSHOT_H
#define AANDESLAG_SNAPSHOT_H

#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "model.h"

/* A snapshot and the storage it points into. Text fields point into the
 * room, so it is valid until the room changes. */
struct snapshot {
	Aandeslag__Snapshot msg;
	Aandeslag__StepClock clocks[STEPS_COUNT];
	Aandeslag__StepClock *clock_ptrs[STEPS_COUNT];
	Aandeslag__Participant participants[MODEL_SEATS];
	Aandeslag__Participant *participant_ptrs[MODEL_SEATS];
	Aandeslag__Note *notes;         /* allocated */
	Aandeslag__Note **note_ptrs;    /* allocated */
};

/* Fills s from room as it is at now. Release with snapshot_release().
 * Returns 0 or -ENOMEM. */
int snapshot_build(struct snapshot *s, const struct model_room *room,
                   int64_t now);

/* Frees what snapshot_build() allocated. */
void snapshot_release(struct snapshot *s);

/* Makes room (uninitialised or freed) from a received snapshot at now,
 * checking everything in it as model_apply() checks events. On success
 * the room owns its memory (model_free()). Returns 0, -EPROTO for a
 * snapshot that breaks the model's rules, or -ENOMEM; on failure nothing
 * is left allocated. */
int snapshot_load(struct model_room *room, const Aandeslag__Snapshot *s,
                  int64_t now);

#endif
