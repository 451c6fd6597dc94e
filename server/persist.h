/* Rooms to and from storage: the events and snapshots the rooms write,
 * and the rooms rebuilt from what was stored, through the shared model,
 * after a restart or a failed write. */
#ifndef AANDESLAG_PERSIST_H
#define AANDESLAG_PERSIST_H

#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "room.h"

struct server;

/* Writes ev of room, caused by participant_id's command request_id (0
 * for none), in the current command's savepoint. Presence events are not
 * written: who is connected is not kept over a restart. Returns 0 or a
 * negative store error. */
int persist_event(struct server *srv, struct room *room,
                  const Aandeslag__Event *ev, uint32_t participant_id,
                  uint64_t request_id);

/* A text taken off the poster (deleted, changed, a name that left)
 * leaves the database file and its write-ahead log soon, and always by a
 * clean stop: a room that erased something is rewritten as a snapshot
 * this long after the first such event (however many follow meanwhile),
 * and the log is then cleared by a truncating checkpoint at the next
 * quiet moment (see server.c), within PERSIST_ERASE_WAIT_MAX_MS however
 * busy the server is. Doing both for every edit would write the whole
 * room each time and hold up every answer behind the checkpoint, which
 * keeps commits waiting while it cuts the log file back. */
#define PERSIST_ERASE_DELAY_MS 1000
/* A rewrite for an erasure trims the room's remembered requests only
 * once this many were stored since the last trim. */
#define PERSIST_TRIM_REQUESTS 1000
/* A room's last use is stored at most this often (store_event.touch). */
#define PERSIST_TOUCH_MS 60000
#define PERSIST_ERASE_WAIT_MAX_MS 10000

/* Replaces the room's stored history with a snapshot of it as it is now:
 * for a new room, for a room that erased a text (persist_erase()), and
 * when the history has grown long. A pending erasure is then done, and
 * the write-ahead log is cleared soon (erase_soon()). Returns 0 or a
 * negative store or snapshot error. */
int persist_room(struct server *srv, struct room *room);

/* Rewrites, in the current turn, every room whose erasure is due at
 * loop time now (every pending one when now is INT64_MAX); a room that
 * fails is tried again PERSIST_ERASE_DELAY_MS later. *next_due is the
 * earliest time still pending, INT64_MAX for none. Returns 0, or the
 * first negative error. */
int persist_erase(struct server *srv, int64_t now, int64_t *next_due);

/* Stores the token hash of a seat, or forgets the seat. */
int persist_seat(struct server *srv, struct room *room,
                 const struct room_seat *seat);
int persist_forget_seat(struct server *srv, struct room *room,
                        uint32_t participant_id);

/* Stores the room's chair recovery code hash and whose it is. */
int persist_chair_code(struct server *srv, struct room *room);

/* Stores the hash of the room's password (pwhash.h), or NULL for none,
 * in the current change's savepoint. Returns 0 or a negative store
 * error. */
int persist_password(struct server *srv, struct room *room,
                     const char *hash);

/* Rebuilds every stored room into srv->rooms, as it was when the server
 * stopped: nobody connected, a running clock paused with its time left,
 * and a new epoch so that no sequence number means two things. The rooms
 * are written back as fresh snapshots. Returns 0 or a negative error
 * (logged). */
int persist_recover(struct server *srv);

/* Rebuilds room from storage after a write failed, keeping its seats and
 * connections: the room is then as the last commit left it, plus who is
 * connected, going on from sequence number seq (what its members saw
 * last). Seats the storage does not know are dropped. *behind (may be
 * NULL) tells whether the stored room ends before seq: its members may
 * have heard of changes that are not stored (or of who came and went,
 * which is never stored). Returns 0, or a negative error when the room
 * could not be read (it is then left as it was). */
int persist_reload(struct server *srv, struct room *room, uint64_t seq,
                   bool *behind);

#endif
