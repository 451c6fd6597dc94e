/* When a text taken off the poster leaves the files: the timer that
 * rewrites the rooms with an erasure due and clears the write-ahead log
 * at a quiet moment (see PERSIST_ERASE_DELAY_MS in persist.h). */
#ifndef AANDESLAG_ERASE_H
#define AANDESLAG_ERASE_H

struct server;

/* Initialises srv->erase_timer on srv->loop; closed with the server's
 * other handles. */
void erase_init(struct server *srv);

/* Arms the timer for the rooms with an erasure pending and the log
 * clearing after them, unless it runs already or the server stops. */
void erase_soon(struct server *srv);

/* Rewrites every room with an erasure pending now, in the current turn
 * (before a stop). A failure is logged; the texts then stay until the
 * next start rewrites the room. */
void erase_all(struct server *srv);

#endif
