/* Rebuilding a room's model from storage: its last snapshot, then the
 * events after it, through the shared model (snapshot_load(),
 * model_apply()). The server's recovery and reread use the two steps
 * inside their own store_loader; the administrator's export rebuilds one
 * room with replay_room() without a running server. */
#ifndef AANDESLAG_REPLAY_H
#define AANDESLAG_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "store.h"

/* The state of one rebuild. Fill content before the first call; the rest
 * is the rebuild's. A room is rebuilt on wall-clock time: the snapshot at
 * the time it was made, each event at the time it was accepted. */
struct replay {
	const struct content *content;  /* not owned; outlives the room */
	int64_t last_ms;        /* wall-clock time of the last thing applied */
	size_t events;          /* events applied after the snapshot */
	/* Whether the snapshot was made with other content than this one
	 * (another content file): names may then differ from the poster. */
	bool other_content;
	/* Why the last step failed, a technical detail in English for the
	 * log; NULL after a step that succeeded. */
	const char *why;
};

/* Makes room (uninitialised) from a stored room's snapshot, with r's
 * content, which must outlive the room. Resets r's counters. On success
 * the room owns its memory (model_free()). Returns 0, -EPROTO when the
 * snapshot cannot be read or breaks the model's rules (r->why says
 * which), or -ENOMEM; on failure room holds nothing. */
int replay_snapshot(struct replay *r, struct model_room *room,
                    const struct store_room *row);

/* Applies a stored event to room, made by replay_snapshot(). Events that
 * were never stored (presence) left gaps in the numbering, and each
 * restart began a new epoch: both are taken from the event. Returns 0,
 * -EPROTO when the event cannot be read or does not fit the room (r->why
 * says which; the room is then valid but incomplete), or -ENOMEM. */
int replay_event(struct replay *r, struct model_room *room,
                 const struct store_event *row);

/* Returns the last moment the rebuilt room is known to have been as
 * stored: the later of the last thing applied and alive_ms, when the
 * server last noted that it was alive (store_get_alive()). For a server
 * that stopped, this is when its clocks stopped. */
int64_t replay_last_known(const struct replay *r, int64_t alive_ms);

/* Rebuilds room code (normalised, with its dash) from st into room
 * (uninitialised), with content, which must outlive the room: the room
 * as the last commit left it, on wall-clock time (clocks at r->last_ms
 * and after). Seats and remembered requests are not read. On success
 * the caller owns the room (model_free()) and r tells how it went.
 * Returns 0, -ENOENT when there is no such room, -EPROTO when it cannot
 * be rebuilt (r->why), -ENOMEM, or a store error (store_error()); on
 * failure room holds nothing. */
int replay_room(struct store *st, const struct content *content,
                const char *code, struct model_room *room, struct replay *r);

#endif
