/* The connection's seat file (tokens.h): taken when a join starts, the
 * token written once the server gave one, so that the same participant
 * comes back after a restart of the client. */
#ifndef AANDESLAG_NETSEAT_H
#define AANDESLAG_NETSEAT_H

struct net;

/* Takes the seat file of a join with a code and a name (when the options
 * ask for one): its token, if any, goes into net to be presented, unless
 * the chair recovery code decides the seat. Returns 0 (also when there is
 * no state directory: then just no resuming) or UV_EBUSY when another
 * client holds the seat. */
int netseat_open(struct net *net);

/* Keeps net's token for next time (not for viewers, who have none); a
 * new room's seat file is made now that the room has a code. Failing is
 * harmless: only resuming after a restart is lost. */
void netseat_keep(struct net *net);

#endif
