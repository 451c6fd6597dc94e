/* Snapshots: the whole state of a room as one message, made from the
 * model on the server and turned back into a model in the client. */
#ifndef AANDESLAG_SNAPSHOT_H
#define AANDESLAG_SNAPSHOT_H

#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "model.h"

/* for_id of a snapshot with every vote visible: the server's own copy
 * for storage, never sent to a client. */
#define SNAPSHOT_ALL UINT32_MAX

/* A snapshot and the storage it points into. Text fields and items point
 * into the room, so it is valid until the room changes. */
struct snapshot {
	Aandeslag__Snapshot msg;
	Aandeslag__StepClock clocks[STEPS_COUNT];
	Aandeslag__StepClock *clock_ptrs[STEPS_COUNT];
	Aandeslag__Participant participants[MODEL_SEATS];
	Aandeslag__Participant *participant_ptrs[MODEL_SEATS];
	Aandeslag__Settings settings;
	uint32_t levels[4];
	Aandeslag__TableQuestion table;
	Aandeslag__WorkshopRef workshop;
	/* Allocated: */
	Aandeslag__Note *notes;
	Aandeslag__Note **note_ptrs;
	Aandeslag__Vote *votes;
	Aandeslag__Vote **vote_ptrs;
	char **marked;
	ProtobufCMessage **questions;
	ProtobufCMessage **activities;
	ProtobufCMessage **actions;
	ProtobufCMessage **findings;
};

/* Fills s from room as it is at now, as participant for_id may see it:
 * while votes are hidden, the dots of everyone else come as totals
 * without their competences (0: a viewer, who sees no one's;
 * SNAPSHOT_ALL: everything, for storage). Release
 * with snapshot_release(). Returns 0 or -ENOMEM. */
int snapshot_build(struct snapshot *s, const struct model_room *room,
                   int64_t now, uint32_t for_id);

/* Frees what snapshot_build() allocated. */
void snapshot_release(struct snapshot *s);

/* Makes room (uninitialised or freed) from a received snapshot at now,
 * with content (which must outlive the room), checking everything in it
 * as model_apply() checks events; a participant who is not connected
 * counts as away since now (away_since). On success the room owns its
 * memory (model_free()). Returns 0, -EPROTO for a snapshot that breaks the
 * model's rules, or -ENOMEM; on failure nothing is left allocated. */
int snapshot_load(struct model_room *room, const struct content *content,
                  const Aandeslag__Snapshot *s, int64_t now);

#endif
