/* Rooms on the server: the registry by code, the seats with their secret
 * tokens and connections, remembered requests, and the broadcast of every
 * event to the room's members. */
#ifndef AANDESLAG_ROOM_H
#define AANDESLAG_ROOM_H

#include <stddef.h>
#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "model.h"
#include "wire.h"

struct conn;
struct server;

/* How many recent results each seat remembers for repeated requests; at
 * least as many as a client may queue while it is offline. */
#define ROOM_REMEMBERED 128
/* Bytes of a resume token: 128 random bits. */
#define ROOM_TOKEN_SIZE 16
/* Read-only viewers (projectors) a room admits besides its seats. */
#define ROOM_VIEWERS_MAX 16

struct room_result {
	uint64_t request_id;
	uint64_t seq;           /* 0 when refused */
	int code;               /* the refusal code, when refused */
};

struct room_seat {
	uint32_t participant_id;
	uint8_t token[ROOM_TOKEN_SIZE];
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
	struct room *hash_next;
};

#define ROOMS_BUCKETS 1024

struct rooms {
	struct room *buckets[ROOMS_BUCKETS];
	size_t count;
};

/* Creates a room for c, which becomes its chair, and answers with Joined
 * or a Refusal. */
void rooms_create(struct server *srv, struct conn *c,
                  const Aandeslag__CreateRoom *req);

/* Joins c to the room with the code in req (as a participant, a viewer,
 * or a returning identity) and answers with Joined or a Refusal. */
void rooms_join(struct server *srv, struct conn *c,
                const Aandeslag__JoinRoom *req);

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
