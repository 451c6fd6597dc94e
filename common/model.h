/* The session model: the state of one room and the rules that change it.
 *
 * Pure: no I/O, no clock and no randomness of its own; the caller passes
 * in the time (local monotonic milliseconds) and fresh ids come from the
 * state. The server runs it authoritatively: model_execute() checks a
 * command and, when it is accepted, turns it into one event and applies
 * it. Clients run the same model as a mirror: model_apply() applies the
 * events the server sends. Because both sides apply the very same events
 * with the very same code, the mirror cannot drift from the original.
 *
 * Functions that check something return 0, or -EINVAL with the reason in
 * a struct refusal, or -ENOMEM. Events that do not fit the state give
 * -EPROTO (nonsense) or -ESTALE (a gap in the sequence). */
#ifndef AANDESLAG_MODEL_H
#define AANDESLAG_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "clock.h"
#include "code.h"
#include "refusal.h"
#include "steps.h"

/* The method's maximum group size: the eighth colleague is refused. */
#define MODEL_SEATS 7
/* Limits on texts, in bytes of UTF-8. */
#define MODEL_NAME_MAX 64
#define MODEL_TITLE_MAX 120
#define MODEL_NOTE_MAX 1000
/* Notes per room. With the text limit above this bounds a snapshot; see
 * FRAME_MAX_SERVER in frame.h. */
#define MODEL_NOTES_MAX 500
/* The most a single extend or shorten may change a step's time. */
#define MODEL_MINUTES_MAX 120

/* What a command does, for the permission table. */
enum model_op {
	MODEL_OP_ADD_NOTE,
	MODEL_OP_CLOCK,
	MODEL_OP_STEP,
	MODEL_OP_LEAVE,
	MODEL_OP_COUNT
};

struct model_participant {
	uint32_t id;
	char *name;
	int role;               /* an Aandeslag__Role */
	bool connected;
};

struct model_note {
	uint32_t id;
	uint32_t step;
	uint32_t author_id;     /* 0: written without a name */
	char *author_name;
	char *text;
};

struct model_room {
	uint64_t epoch;
	uint64_t seq;           /* the last event applied */
	char code[CODE_SIZE];
	char *title;
	uint32_t current_step;  /* 1..STEPS_COUNT */
	struct clock clocks[STEPS_COUNT];
	/* Seated participants in the order they joined. */
	struct model_participant participants[MODEL_SEATS];
	size_t nparticipants;
	struct model_note *notes;
	size_t nnotes;
	size_t notes_cap;
	uint32_t next_participant_id;
	uint32_t next_note_id;
};

/* Storage for one event made by the model: the Event message and every
 * sub-message it points to. Text fields point into the room or into text,
 * so an event is valid until the room changes again. */
struct model_event {
	Aandeslag__Event event;
	Aandeslag__Note note;
	Aandeslag__ClockChanged clock;
	Aandeslag__StepChanged step;
	Aandeslag__StepClock clocks[2];
	Aandeslag__Participant participant;
	Aandeslag__ParticipantLeft left;
	Aandeslag__PresenceChanged presence;
	char text[MODEL_NOTE_MAX + 1];
};

/* Makes an empty room at step 1 with every clock idle at its planned
 * time. The title is checked like any text. The room owns its memory;
 * release it with model_free(). Returns 0, -EINVAL (why: bad_title) or
 * -ENOMEM. */
int model_init(struct model_room *room, const char *code, const char *title,
               uint64_t epoch, struct refusal *why);

/* Frees everything the room holds; the room may be initialised again. */
void model_free(struct model_room *room);

/* Returns whether role may do op: the one permission table, used by the
 * server to enforce and by clients to show what is possible. */
bool model_allowed(int role, enum model_op op);

/* Returns the operation of a command, or MODEL_OP_COUNT when it has none. */
enum model_op model_command_op(const Aandeslag__Command *cmd);

/* Returns the seated participant with id, or NULL. */
const struct model_participant *model_participant(
	const struct model_room *room, uint32_t id);

/* Returns the id of the chair, 0 when nobody is chair. */
uint32_t model_chair(const struct model_room *room);

/* Seats a new participant named name (trimmed and checked) with role,
 * ROLE_PARTICIPANT or ROLE_CHAIR (a second chair becomes a participant).
 * The first participant of a room should be the chair. Fills ev with the
 * ParticipantJoined event, already applied. Returns 0, -EINVAL (why:
 * bad_name, name_taken, room_full, not_allowed for another role) or
 * -ENOMEM. */
int model_join(struct model_room *room, const char *name, int role,
               int64_t now, struct model_event *ev, struct refusal *why);

/* Frees the seat of participant id (who left, or who was away too long).
 * A chair who leaves passes the role to the longest-seated participant.
 * Fills ev; returns 0, or -EINVAL when id has no seat. */
int model_leave(struct model_room *room, uint32_t id, uint32_t actor,
                int64_t now, struct model_event *ev, struct refusal *why);

/* Records that participant id's connection came or went. Fills ev;
 * returns 0, or -EINVAL when id has no seat or nothing changes. */
int model_presence(struct model_room *room, uint32_t id, bool connected,
                   int64_t now, struct model_event *ev, struct refusal *why);

/* Checks cmd from the seated participant actor at now and, when it is
 * allowed and valid, fills ev with the resulting event and applies it.
 * Strings in ev may point into cmd. Returns 0, -EINVAL with why, or
 * -ENOMEM (the room is unchanged). */
int model_execute(struct model_room *room, uint32_t actor,
                  const Aandeslag__Command *cmd, int64_t now,
                  struct model_event *ev, struct refusal *why);

/* Applies an event to a room (a client's mirror, or recovery). The event
 * must be the next one: same epoch, seq one higher. Returns 0, -ESTALE
 * for another epoch or a gap, -EPROTO for an event that does not fit the
 * state (the room is then unchanged), or -ENOMEM. */
int model_apply(struct model_room *room, const Aandeslag__Event *ev,
                int64_t now);

#endif
