/* Coming into a workshop: the facilitator making one, colleagues joining
 * with its code (choosing a room, or being placed), the facilitator
 * coming back, and the plenary projector. */
#ifndef AANDESLAG_WSJOIN_H
#define AANDESLAG_WSJOIN_H

#include "aandeslag.pb-c.h"

struct conn;
struct server;
struct workshop;

/* Makes a workshop from the facilitator's plan: its rooms (empty, each
 * to get its own chair: the first to join), stored at once; c becomes
 * its facilitator and is answered with WorkshopJoined (carrying the
 * facilitator code, once) or a Refusal. */
void wsjoin_create(struct server *srv, struct conn *c,
                   const Aandeslag__CreateWorkshop *req);

/* Answers a JoinRoom with ws's code: the list of rooms (list_rooms), the
 * plenary projector (viewer), the facilitator (facilitator code in
 * chair_code, or a facilitator's token), or a colleague, seated in the
 * room asked for, the one the facilitator put them in, or else the
 * least-filled one; answered like joining a room. */
void wsjoin_join(struct server *srv, struct conn *c, struct workshop *ws,
                 const Aandeslag__JoinRoom *req);

/* Answers list_rooms for a plain room's code: a RoomList without rooms,
 * telling the client that there is nothing to choose. */
void wsjoin_list_plain(struct conn *c, const Aandeslag__JoinRoom *req);

#endif
