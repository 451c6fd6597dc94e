/* Coming into a room: creating it, joining it as a newcomer, a projector,
 * a returning participant (token), the chair with the chair recovery
 * code, or a colleague the chair recognised. */
#ifndef AANDESLAG_JOIN_H
#define AANDESLAG_JOIN_H

#include <stdbool.h>

#include "aandeslag.pb-c.h"

struct conn;
struct room;
struct room_seat;
struct server;

/* Creates a room for c, which becomes its chair, and answers with Joined
 * (carrying the chair recovery code, once) or a Refusal. */
void join_create(struct server *srv, struct conn *c,
                 const Aandeslag__CreateRoom *req);

/* Joins c to the room with the code in req (as a participant, a viewer,
 * a returning identity, or the chair with the recovery code) and answers
 * with Joined or a Refusal. */
void join_room(struct server *srv, struct conn *c,
               const Aandeslag__JoinRoom *req);

/* Seats the newcomer named in req in room (as its chair when it has
 * none); on success c is attached and has its Joined (with req's request
 * id, 0 for a move). Returns the seat, or NULL when refused (c was told
 * why). */
struct room_seat *join_newcomer(struct server *srv, struct conn *c,
                                struct room *room,
                                const Aandeslag__JoinRoom *req);

/* Lets the newcomer named in req into room if it takes newcomers (not
 * locked or finished: else room_locked) and they gave its password, if
 * it has one (else password_required or bad_password), and seats them
 * with join_newcomer(). c is told the answer either way. */
void join_admit(struct server *srv, struct conn *c, struct room *room,
                const Aandeslag__JoinRoom *req);

/* Seats c in the seat of room whose token req presents, as the same
 * participant, and answers with Joined. Returns false (nothing sent)
 * when no seat of room has that token. */
bool join_try_resume(struct conn *c, struct room *room,
                     const Aandeslag__JoinRoom *req);

#endif
