/* Coming into a room: creating it, joining it as a newcomer, a projector,
 * a returning participant (token), the chair with the chair recovery
 * code, or a colleague the chair recognised. */
#ifndef AANDESLAG_JOIN_H
#define AANDESLAG_JOIN_H

#include "aandeslag.pb-c.h"

struct conn;
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

#endif
