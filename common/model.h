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
#include "content.h"
#include "items.h"
#include "refusal.h"

/* The method's five steps. */
#define STEPS_COUNT 5
/* The method's maximum group size: the eighth colleague is refused. */
#define MODEL_SEATS 7
/* Limits on texts, in bytes of UTF-8. Those of names and of the texts of
 * notes and the like, and the number of items per room below, are
 * ceilings: a server may lower them for its rooms (struct model_limits). */
#define MODEL_NAME_MAX 64
#define MODEL_TITLE_MAX 120
#define MODEL_SETTING_MAX 120   /* programme, qualification, region */
#define MODEL_NOTE_MAX 1000     /* also questions, activities, actions */
#define MODEL_NEEDS_MAX 200     /* the free text of an action's needs */
#define MODEL_PERIOD_MAX 60     /* "periode 2", "na de kerstvakantie" */
/* Items per room. With the text limits above they bound a snapshot; see
 * FRAME_MAX_SERVER in frame.h. */
#define MODEL_NOTES_MAX 500
#define MODEL_QUESTIONS_MAX 100
#define MODEL_ACTIVITIES_MAX 200
#define MODEL_ACTIONS_MAX 200
#define MODEL_LINKS_MAX 16      /* competences linked to one activity */
/* Findings a room brings back to the plenary report back of a workshop:
 * few, so that every room's turn stays short and to the point. */
#define MODEL_FINDINGS_MAX 3
#define MODEL_OWNERS_MAX 8      /* owners of one action */
/* The most a single extend or shorten may change a step's time. */
#define MODEL_MINUTES_MAX 120
/* A step's planned time as a setting, in minutes. */
#define MODEL_STEP_MINUTES_MAX 240
/* Dots per participant: the default and the most a chair may give. */
#define MODEL_VOTE_BUDGET 3
#define MODEL_VOTE_BUDGET_MAX 20
/* The needs of an action, as bits (the handbook's five). */
#define MODEL_NEED_FINANCES 1u
#define MODEL_NEED_KNOWLEDGE 2u
#define MODEL_NEED_TOOLS 4u
#define MODEL_NEED_PARTNERS 8u
#define MODEL_NEED_TIME 16u
#define MODEL_NEEDS_ALL 31u
/* Study years 1..4 as bits 1 << year. */
#define MODEL_YEARS_ALL 0x1eu
/* How long a chair whose laptop is not connected keeps the role to
 * themselves: 5 minutes, enough to restart a laptop or walk back to the
 * Wi-Fi. After that any participant or scribe may take the chair over
 * (TakeChair); the old chair sits on as a participant, and sees who has
 * the role when they come back. The time counts from the presence event
 * that said the chair was gone (or from loading a snapshot in which they
 * were). */
#define MODEL_CHAIR_AWAY_MS (5 * CLOCK_MINUTE_MS)

/* The limits a room holds its participants' commands to: the ceilings
 * above, or lower (the server's options, so that a school sizes them for
 * its own use). Only commands are checked against them. Events, which a
 * server already accepted, are checked against the ceilings: a client's
 * mirror, which knows only those, then always takes what a server with
 * lower limits accepted, and frame sizes follow from the ceilings alone.
 * A room whose limits are lowered keeps what it already holds; only what
 * is added or changed afterwards is checked. Each limit is 1..its
 * ceiling (model_limits_check()), never more: the buffers of struct
 * model_event are sized by the ceilings. */
struct model_limits {
	/* Bytes of a participant's name when they join, and of the name
	 * a note is written on behalf of (MODEL_NAME_MAX). */
	size_t name_max;
	/* Bytes of the text of a note, question, activity, action or
	 * finding (MODEL_NOTE_MAX). */
	size_t text_max;
	size_t notes_max;       /* notes per room (MODEL_NOTES_MAX) */
	size_t questions_max;   /* questions per room (MODEL_QUESTIONS_MAX) */
	size_t activities_max;  /* activities per room (MODEL_ACTIVITIES_MAX) */
	size_t actions_max;     /* actions per room (MODEL_ACTIONS_MAX) */
};

/* What a command does, for the permission table. Rules that depend on
 * more than the role (only the author may edit a note, a participant may
 * only claim for themselves) are checked where the command is run. */
enum model_op {
	MODEL_OP_ADD_NOTE,      /* a note of one's own */
	MODEL_OP_NOTE_FOR,      /* a note on behalf of someone, or unnamed */
	MODEL_OP_EDIT_NOTE,     /* edit or delete (the author, or the chair) */
	MODEL_OP_CLOCK,
	MODEL_OP_STEP,
	MODEL_OP_LEAVE,
	MODEL_OP_SETTINGS,
	MODEL_OP_FOLLOW_UP,     /* the follow-up date, also when finished */
	MODEL_OP_HAND_OVER,
	MODEL_OP_REMOVE,
	MODEL_OP_SCRIBE,
	MODEL_OP_ADD_QUESTION,
	MODEL_OP_TABLE,
	MODEL_OP_VOTE,
	MODEL_OP_MARK,
	MODEL_OP_ACTIVITY,      /* add, edit, delete (delete: author, chair) */
	MODEL_OP_ACTION,        /* add, edit, delete (delete: author, chair) */
	MODEL_OP_CLAIM,         /* take an action on, or give it back */
	MODEL_OP_ASSIGN,        /* set an action's owners to others */
	MODEL_OP_ACTION_STATUS, /* also when finished */
	MODEL_OP_FINISH,
	MODEL_OP_TAKE_CHAIR,    /* from a chair away MODEL_CHAIR_AWAY_MS */
	MODEL_OP_RECOGNISE,     /* vouch for a colleague on a new laptop */
	MODEL_OP_FINDING,       /* add a finding; delete (author, chair) */
	MODEL_OP_COUNT
};

struct model_participant {
	uint32_t id;
	char *name;
	int role;               /* an Aandeslag__Role */
	bool connected;
	int64_t away_since;     /* when the connection went; 0 while connected */
};

struct model_note {
	uint32_t id;
	uint32_t step;
	uint32_t author_id;     /* 0: someone not seated, or no name */
	char *author_name;      /* "" for a note without a name */
	char *text;
	uint32_t writer_id;     /* who wrote it down */
};

struct model_settings {
	char *programme;        /* never NULL; "" when not set */
	char *qualification;
	char *region;
	uint32_t levels;        /* niveau 1..4 as bits 1 << level */
	uint32_t vote_budget;
	bool vote_stacking;
	bool votes_hidden;
	bool anonymous;
	bool talk_only;
	bool finished;
	bool locked;            /* op slot: nobody new joins */
	/* Newcomers need a password: the server alone knows it (a salted
	 * hash); the model, and so every client, has only this flag. */
	bool password_set;
	char follow_up[11];     /* YYYY-MM-DD or "" */
};

/* Dots of one participant on one competence. A client that may not see a
 * participant's votes yet keeps their dots under the empty competence. */
struct model_vote {
	uint32_t participant_id;
	char competence_id[CONTENT_ID_MAX + 1];
	uint32_t dots;
};

/* The question on the table. */
struct model_table {
	uint32_t step;          /* 0: the table is empty */
	char content_id[CONTENT_ID_MAX + 1];
	uint32_t own_id;
};

struct model_room {
	const struct content *content;  /* not owned; outlives the room */
	/* What commands are held to: the ceilings unless the server set
	 * lower ones. Not part of the state: no event or snapshot carries
	 * them. */
	struct model_limits limits;
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
	struct model_settings settings;
	struct items questions;         /* Aandeslag__CardQuestion */
	struct model_table table;
	struct model_vote *votes;
	size_t nvotes;
	size_t votes_cap;
	char (*marked)[CONTENT_ID_MAX + 1];   /* competences the team chose */
	size_t nmarked;
	struct items activities;        /* Aandeslag__Activity */
	struct items actions;           /* Aandeslag__Action */
	struct items findings;          /* Aandeslag__Finding */
	/* The facilitator's last message to every room of the workshop;
	 * never NULL, "" when there is none. */
	char *announcement;
	/* The workshop the room is part of (the code formatted like a room
	 * code); never NULL, both "" when the room stands alone. */
	char *workshop_code;
	char *workshop_title;
	uint32_t next_participant_id;
	uint32_t next_note_id;
	uint32_t next_question_id;
	uint32_t next_activity_id;
	uint32_t next_action_id;
	uint32_t next_finding_id;
};

/* Storage for one event made by the model: the Event message and every
 * sub-message it points to. Text fields point into the room, into the
 * command, or into text, so an event is valid until the room changes. */
struct model_event {
	Aandeslag__Event event;
	Aandeslag__Note note;
	Aandeslag__NoteDeleted note_deleted;
	Aandeslag__ClockChanged clock;
	Aandeslag__StepChanged step;
	Aandeslag__StepClock clocks[2];
	Aandeslag__Participant participant;
	Aandeslag__ParticipantLeft left;
	Aandeslag__PresenceChanged presence;
	Aandeslag__SettingChanged setting;
	Aandeslag__ChangeSetting change;
	uint32_t numbers[4];
	Aandeslag__Vote **vote_ptrs;    /* allocated for a reveal */
	Aandeslag__Vote *vote_list;     /* allocated for a reveal */
	Aandeslag__RoleChanged role;
	Aandeslag__CardQuestion question;
	Aandeslag__TableQuestion table;
	Aandeslag__VoteCast vote;
	Aandeslag__MarkCompetence mark;
	Aandeslag__Activity activity;
	Aandeslag__ItemDeleted deleted;
	Aandeslag__Action action;
	Aandeslag__Owner owners[MODEL_OWNERS_MAX];
	Aandeslag__Owner *owner_ptrs[MODEL_OWNERS_MAX];
	Aandeslag__When when;
	Aandeslag__Finding finding;
	Aandeslag__Announce announce;
	char *link_ptrs[MODEL_LINKS_MAX];
	char owner_names[MODEL_OWNERS_MAX][MODEL_NAME_MAX + 1];
	char text[MODEL_NOTE_MAX + 1];
	char name[MODEL_NAME_MAX + 1];
	char extra[MODEL_NOTE_MAX + 1];
};

/* Frees what an event made by the model allocated (only a reveal of the
 * votes allocates). Safe on any event the model filled, and twice. */
void model_event_release(struct model_event *ev);

/* Fills l with the ceilings: the limits of a room unless the server
 * lowers them. */
void model_limits_default(struct model_limits *l);

/* Checks limits a server means to set: each must be 1..its ceiling.
 * Returns 0, or -ERANGE for the first that is not. */
int model_limits_check(const struct model_limits *l);

/* Makes an empty room at step 1 with every clock idle at its planned
 * time (from content), default settings and limits (the ceilings), no
 * items, no announcement and outside any workshop. The title is
 * checked like any text. The room owns its memory but not the content,
 * which must outlive it; release it with model_free(). Returns 0, -EINVAL
 * (why: bad_title) or -ENOMEM. */
int model_init(struct model_room *room, const struct content *content,
               const char *code, const char *title, uint64_t epoch,
               struct refusal *why);

/* Frees everything the room holds; the room may be initialised again. */
void model_free(struct model_room *room);

/* Pauses the running clock of the team's step as it was at now, marked
 * as paused by the server: recovery after the server stopped while it
 * ran. Fills ev (actor 0); returns 0, -ENOENT when no clock runs, or
 * -ENOMEM. */
int model_interrupt(struct model_room *room, int64_t now,
                    struct model_event *ev);

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

/* Records that participant id's connection came or went: away_since
 * becomes now when it went, 0 when it came back. Fills ev; returns 0, or
 * -EINVAL when id has no seat or nothing changes. */
int model_presence(struct model_room *room, uint32_t id, bool connected,
                   int64_t now, struct model_event *ev, struct refusal *why);

/* Makes participant id the chair, as an event of the server's (actor 0):
 * the room's first chair came back with the chair recovery code. The
 * chair of the moment sits on as a participant. Fills ev; returns 0,
 * -ENOENT when id has no seat, or -EALREADY when id is the chair. */
int model_give_chair(struct model_room *room, uint32_t id, int64_t now,
                     struct model_event *ev);

/* Sets the facilitator's message to the room (text, trimmed and checked
 * like a note; empty or NULL clears it), as an event of the server's
 * (actor 0): the server makes one in every room of a workshop. Allowed
 * whatever the room's state, also when it is finished. Fills ev with the
 * Announce event, already applied; strings in ev point into ev. Returns
 * 0, -EINVAL (why: text_too_long, invalid_text) or -ENOMEM. */
int model_announce(struct model_room *room, const char *text, int64_t now,
                   struct model_event *ev, struct refusal *why);

/* Records that the room is part of the workshop with code (any case,
 * with or without the dash; stored formatted) and title (trimmed, at
 * most MODEL_TITLE_MAX, may be empty); code "" or NULL: the room stands
 * alone (the title is then ignored). Not an event: the server sets it
 * when it makes a workshop's room, and it travels in the snapshot.
 * Returns 0, -EINVAL for a code or title that cannot be (the room is
 * then unchanged) or -ENOMEM. */
int model_set_workshop(struct model_room *room, const char *code,
                       const char *title);

/* Checks cmd from the seated participant actor at now and, when it is
 * allowed and valid, fills ev with the resulting event and applies it.
 * Strings in ev may point into cmd. Returns 0, -EINVAL with why, or
 * -ENOMEM (the room is unchanged). A Recognise command makes no event
 * and is refused here (unknown_command): the server checks it with
 * model_check_recognise() and answers it itself. */
int model_execute(struct model_room *room, uint32_t actor,
                  const Aandeslag__Command *cmd, int64_t now,
                  struct model_event *ev, struct refusal *why);

/* Checks a Recognise command from actor without changing anything: the
 * actor may recognise (the permission table, refused as model_execute()
 * refuses: not_allowed), and the participant named is seated, someone
 * else and not connected. What recognising does (letting a colleague on
 * a new laptop take their seat by name) is up to the server. Returns 0,
 * or -EINVAL with why (unknown_command for another command, not_allowed,
 * no_such_participant with the id, already_chair for the chair
 * themselves, already_present for someone connected). */
int model_check_recognise(const struct model_room *room, uint32_t actor,
                          const Aandeslag__Command *cmd,
                          struct refusal *why);

/* Fills out with the ids of the competences the team marked that no
 * activity is linked to yet, in the order they were marked; returns how
 * many. out must hold room->nmarked entries. */
size_t model_uncovered(const struct model_room *room, const char **out);

/* Returns the dots participant id has placed in all. */
uint32_t model_dots_used(const struct model_room *room, uint32_t id);

/* Returns the dots participant id has on competence cid. */
uint32_t model_dots_on(const struct model_room *room, uint32_t id,
                       const char *cid);

/* Returns the dots on competence id: the tally everyone sees once the
 * votes are revealed (hidden dots of others are not counted). */
uint32_t model_tally(const struct model_room *room, const char *id);

/* Returns whether competence id is marked. */
bool model_marked(const struct model_room *room, const char *id);

/* Returns the note with id, or NULL. */
const struct model_note *model_note(const struct model_room *room,
                                    uint32_t id);

/* Applies an event to a room (a client's mirror, or recovery). The event
 * must be the next one: same epoch, seq one higher. Returns 0, -ESTALE
 * for another epoch or a gap, -EPROTO for an event that does not fit the
 * state (the room is then unchanged), or -ENOMEM. */
int model_apply(struct model_room *room, const Aandeslag__Event *ev,
                int64_t now);

/* ------------------------------------------------------------------
 * For the model's own modules (seats.c, steps.c, settings.c, notes.c,
 * cards.c, votes.c, activities.c, actions.c, findings.c), which each run
 * their commands with X_execute(room, actor, cmd, now, ev, why) (0,
 * -EINVAL with why, or -ENOMEM; on success ev is filled and applied) and
 * apply their events with X_apply(room, ev, now) (0, -EPROTO or -ENOMEM;
 * the room unchanged on failure). model.c dispatches to them. Commands
 * are held to room->limits, events to the ceilings (MODEL_*_MAX). */

/* Starts ev as the next event of the room, caused by actor. */
void model_event_begin(const struct model_room *room, struct model_event *ev,
                       uint32_t actor);

/* Results of model_clean_text(). */
enum { MODEL_TEXT_OK, MODEL_TEXT_EMPTY, MODEL_TEXT_TOO_LONG,
       MODEL_TEXT_INVALID };

/* Trims in and checks it as one line of at most max bytes; on success
 * copies it, NUL-terminated, into out (which holds max + 1 bytes).
 * Returns one of MODEL_TEXT_*. NULL counts as empty. */
int model_clean_text(const char *in, size_t max, char *out);

/* Refuses a text for a command: fills why (empty_text, text_too_long with
 * max, invalid_text) from a model_clean_text() result and returns
 * -EINVAL; returns 0 for MODEL_TEXT_OK. */
int model_text_refusal(int result, size_t max, struct refusal *why);

/* Checks a text that arrived in an event: well-formed, one line, within
 * max, and not empty unless may_be_empty. */
bool model_valid_text(const char *s, size_t max, bool may_be_empty);

/* Returns the seated participant with id, or NULL. */
struct model_participant *model_find(struct model_room *room, uint32_t id);

/* Returns whether actor may change or remove what author put on the
 * poster (or writer wrote down for them; 0 when nobody did): the one who
 * did, or the chair. */
bool model_may_change(const struct model_participant *actor,
                      uint32_t author, uint32_t writer);

/* Takes an activity, action or finding (event_case ACTIVITY_DELETED,
 * ACTION_DELETED or FINDING_DELETED) with id off the poster, if actor may
 * change what author put there: fills ev and applies it. Returns 0,
 * -EINVAL (why: not_author) or -ENOMEM. */
int model_delete_item(struct model_room *room,
                      const struct model_participant *actor, uint32_t id,
                      uint32_t author, int event_case, int64_t now,
                      struct model_event *ev, struct refusal *why);

#endif
