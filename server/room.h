/* Rooms on the server: the registry by code, the seats with their secret
 * tokens and connections, remembered requests, and the broadcast of every
 * event to the room's members. */
#ifndef AANDESLAG_ROOM_H
#define AANDESLAG_ROOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "model.h"
#include "pwhash.h"
#include "store.h"
#include "wire.h"

struct conn;
struct server;
struct workshop;

/* How many recent results each seat remembers for repeated requests; at
 * least as many as a client may queue while it is offline. */
#define ROOM_REMEMBERED 128
/* Bytes of a resume token: 128 random bits. */
#define ROOM_TOKEN_SIZE 16
/* How long the chair's word that a colleague is coming back holds. */
#define ROOM_RECOGNISE_MS (10 * 60 * 1000)
/* Read-only viewers (projectors) a room admits besides its seats. */
#define ROOM_VIEWERS_MAX 16

struct room_result {
	uint64_t request_id;
	uint64_t seq;           /* 0 when refused */
	int code;               /* the refusal code, when refused */
};

struct room_seat {
	uint32_t participant_id;
	/* Only the hash of the token is kept, here and on disk: whoever
	 * reads the database cannot take over a seat. */
	uint8_t token_hash[STORE_HASH_SIZE];
	struct conn *conn;              /* NULL while away */
	int64_t away_since;
	uint64_t last_request_id;
	size_t nresults;                /* results recorded in all */
	struct room_result results[ROOM_REMEMBERED];
};

struct room {
	struct model_room model;
	struct room_seat seats[MODEL_SEATS];
	size_t nseats;
	struct conn *viewers[ROOM_VIEWERS_MAX];
	size_t nviewers;
	uint64_t history;               /* events stored since the snapshot */
	uint64_t untrimmed;             /* requests stored since their trim */
	/* A text was taken off the poster: the room is rewritten as a
	 * snapshot at erase_due (loop time; see PERSIST_ERASE_DELAY_MS),
	 * and waits in the rooms' erase queue until then. */
	bool erase_pending;
	int64_t erase_due;
	struct room *erase_prev, *erase_next;
	int64_t created_ms;
	int64_t used_ms;                /* the last change, wall clock */
	int64_t touched_ms;             /* the last use stored (persist.c) */
	/* The chair recovery code, as a hash, and whose seat it gives back
	 * (the room's first chair). */
	uint8_t chair_code_hash[STORE_HASH_SIZE];
	bool has_chair_code;
	uint32_t chair_code_id;
	/* The password newcomers and projectors need, as a salted hash
	 * (pwhash.h); model.settings.password_set says the same to all. */
	char password_hash[PWHASH_SIZE];
	bool has_password;
	/* A colleague the chair recognised: their name takes their seat
	 * until recognised_until (loop time). */
	uint32_t recognised_id;
	int64_t recognised_until;
	struct workshop *workshop;      /* the workshop it is part of, or NULL */
	struct room *hash_next;
};

#define ROOMS_BUCKETS 1024

struct rooms {
	struct room *buckets[ROOMS_BUCKETS];
	size_t count;
	/* The rooms with an erasure pending, the one due first first: every
	 * room is queued with the same delay on the loop's clock, so that
	 * the end of the queue is always the latest. */
	struct room *erase_first, *erase_last;
};

/* Queues room's erasure (again) for loop time due, which must be no
 * earlier than that of any room queued already. */
void rooms_erase_queue(struct rooms *rooms, struct room *room, int64_t due);

/* Takes room out of the erase queue, if it is in it. */
void rooms_erase_done(struct rooms *rooms, struct room *room);

/* Returns the room with code (normalised), or NULL. */
struct room *room_find(struct rooms *rooms, const char *code);

/* Returns whether a room's code starts with half (CODE_HALF_CHARS
 * characters, as discovery asks). */
bool rooms_have_half(const struct rooms *rooms, const char *half);

/* Returns the seat of participant_id, or NULL. */
struct room_seat *room_seat(struct room *room, uint32_t participant_id);

/* Sends a Refusal for request_id: with why, or with just code. */
void room_send_refusal(struct conn *c, uint64_t request_id,
                       const struct refusal *why);
void room_refuse(struct conn *c, uint64_t request_id, int code);

/* Opens the savepoint of one change, once the model accepted it; and
 * keeps it (rc 0) or undoes it (rc < 0, logged). room_change_begin()
 * returns 0, -ENOSPC while storage is in trouble, or a store error;
 * room_change_end() returns rc, or the error of keeping the change. */
int room_change_begin(struct server *srv);
int room_change_end(struct server *srv, int rc);

/* Undoes a change in room whose storing failed: the room is read back as
 * the last commit left it, going on from seq (what its members saw). */
void room_undo(struct server *srv, struct room *room, uint64_t seq);

/* Closes the connections of the room's members and viewers, who heard
 * of changes that were not stored: their clients come back to the room
 * as it is stored. */
void room_let_go(struct room *room);

/* Writes one event to every member of the room, encoded once (a hidden
 * vote: the voter alone sees where the dot went). */
void room_broadcast(struct room *room, const Aandeslag__Event *ev);

/* Takes a seat away from its connection once the model freed it;
 * removed: the chair removed them, and they are told so. */
void room_seat_freed(struct room *room, uint32_t participant_id,
                     bool removed);

/* Adds a room that was rebuilt from storage; the registry owns it. */
void rooms_add(struct rooms *rooms, struct room *room);

/* Records the result of a request of seat's participant: the event seq
 * it became, or 0 with the refusal code. */
void room_remember(struct room_seat *seat, uint64_t request_id,
                   uint64_t seq, int code);

/* Reads every room back from storage after a commit failed; a room the
 * storage does not have (created in the failed turn) is closed, and the
 * members of a room whose events went out before the commit are let go
 * (room_let_go()). */
void rooms_reread(struct server *srv);

/* Deletes the rooms not used since before_ms (wall clock) that nobody is
 * connected to, from memory and from storage. */
void rooms_expire(struct server *srv, int64_t before_ms);

/* Returns whether the clock of any room runs. */
bool rooms_clock_runs(const struct rooms *rooms);

/* Frees every room. Connections must be gone. */
void rooms_free(struct rooms *rooms);

/* Runs a command of c's participant: answers a repeated request id with
 * its first result, otherwise executes it, broadcasts the event and acks,
 * or refuses. */
void room_command(struct conn *c, const Aandeslag__Command *cmd);

/* Detaches a closing connection from its room: a viewer is forgotten, a
 * participant's seat is kept for a while and the room hears they are
 * away. */
void room_detach(struct conn *c);

#endif
