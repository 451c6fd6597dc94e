/* One client connection on the server: reading frames, a bounded queue of
 * frames to write, and an orderly close. */
#ifndef AANDESLAG_CONN_H
#define AANDESLAG_CONN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <uv.h>

#include "bucket.h"
#include "frame.h"
#include "guard.h"
#include "tls.h"
#include "wire.h"

struct server;
struct room;
struct workshop;

enum conn_state {
	CONN_HELLO,     /* waiting for Hello */
	CONN_LOBBY,     /* may create or join a room */
	CONN_ROOM,      /* seated in a room, or watching it */
	CONN_WORKSHOP,  /* a workshop's facilitator or plenary projector */
	CONN_CLOSING,   /* a last frame is being written; reads are ignored */
	CONN_CLOSED     /* uv_close() was called; freed in its callback */
};

struct conn {
	uv_tcp_t tcp;
	struct server *server;
	struct conn *prev, *next;       /* in server->conns */
	enum conn_state state;
	uint64_t log_id;
	/* The peer's address as the limiter for failed joins counts it. */
	struct guard_key peer;
	bool has_peer;
	bool counted;                   /* in server->connlimit */
	/* Commands per second: every frame takes a token. Without one the
	 * frame and the rest of what was read wait in backlog (whole
	 * frames, each with its header; read from backlog_off), reading
	 * stops, and the timer resumes once a token is back. */
	struct bucket bucket;
	uv_timer_t resume;
	bool paused;
	bool was_paused;                /* logged once per connection */
	uint8_t *backlog;
	size_t backlog_len, backlog_off, backlog_cap;
	size_t backlog_frames;
	int64_t last_heard;             /* loop time of the last bytes read */
	/* The first byte tells TLS from plain frames (sniffed); tls is
	 * the session of an encrypted connection, NULL for a plain one. */
	bool sniffed;
	struct tls *tls;
	bool tls_logged;
	/* Bytes of a frame that arrived in pieces; empty between frames, so
	 * an idle connection holds no read buffer of its own. */
	struct frame_partial partial;
	struct room *room;              /* in CONN_ROOM */
	uint32_t participant_id;        /* 0 for a viewer */
	struct workshop *workshop;      /* in CONN_WORKSHOP */
	bool facilitator;               /* not a plenary projector */
	uv_shutdown_t shutdown;
	/* Frames held back until the turn's commit (server_holding()), in
	 * order; and whether the connection ends after them. */
	struct wire_buf **held;
	size_t nheld, held_cap;
	bool finish_held;
	bool held_listed;               /* in server->held */
	/* Holds more than events: written only once the commit succeeded. */
	bool held_late;
	struct conn *held_next;
};

/* The listener's connection callback: accepts a pending connection into
 * a new conn that the server owns. One past --max-conns-per-address or
 * --max-conns gets a Closing with ERROR_TOO_MANY_CONNECTIONS and is
 * closed; a failure is logged. */
void conn_on_connection(uv_stream_t *listener, int status);

/* Queues buf (taking a reference of its own) for writing; while the
 * turn holds a transaction, only once it has committed. A connection
 * whose queue would pass the server's limit is closed at once, so a client
 * that stops reading never holds up the others. Returns 0, -EPIPE when the
 * connection is closing, or -ENOBUFS when it was just closed for that. */
int conn_send(struct conn *c, struct wire_buf *buf);

/* Like conn_send(), for a room's event, which does not wait for the
 * disk: written at once when no transaction is open, and otherwise,
 * when the connection holds nothing but events, before the turn's
 * commit (commit_turn() in server.c). Should the commit fail, the room's
 * connections are let go (rooms_reread()). */
int conn_send_event(struct conn *c, struct wire_buf *buf);

/* Writes the frames held back for the turn, and ends the connection
 * after them when it was finishing. */
void conn_flush(struct conn *c);

/* Drops the frames held back (the commit failed: nothing of the turn may
 * be sent) and closes the connection, whose client will come back and
 * catch up. */
void conn_drop_held(struct conn *c);

/* Sends a Closing message with code and params, then closes the
 * connection once it is written. Used for protocol errors and shutdown. */
void conn_fail(struct conn *c, int code, const char *const *params,
               size_t nparams);

/* Like conn_fail(), with an already packed last frame. Takes a reference
 * of its own on buf. */
void conn_finish(struct conn *c, struct wire_buf *buf);

/* Closes the connection now, dropping what is queued. Safe to call more
 * than once, also during a broadcast: the room is told in the close
 * callback, on a later turn of the loop. */
void conn_close(struct conn *c);

#endif
