/* Durable rooms: one SQLite database (WAL) under the server's data
 * directory holding, per room, a snapshot and the events after it, the
 * seats' token hashes and the results of recent requests.
 *
 * The server keeps one transaction open per turn of its loop (group
 * commit): store_begin() opens it on the first write of a turn and
 * store_commit() ends it before anything the turn produced is sent. Each
 * command's writes sit in a savepoint of their own, so a write that fails
 * (a full disk) undoes only that command.
 *
 * Texts live only in event and snapshot blobs. The database runs with
 * secure_delete, so rows that are deleted are overwritten, and
 * store_put_room() replaces a room's history with one fresh snapshot: after
 * a note is deleted its text is gone from the file (and, after a
 * truncating store_checkpoint(), from the WAL).
 *
 * Checkpoints run on libuv's thread pool with a connection of their own,
 * never on the loop. Every function returns 0 or a negative errno-style
 * code: -ENOSPC for a full disk (SQLITE_FULL), -EIO for other database
 * errors, -ENOMEM, -ENOENT where a row is missing; the SQLite message of
 * the last failure is available from store_error(). */
#ifndef AANDESLAG_STORE_H
#define AANDESLAG_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <uv.h>

/* The database file in the data directory. */
#define STORE_FILE "aandeslag.db"
/* The schema version this build writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 6
/* Bytes of a token hash (BLAKE2b-256 via libsodium). */
#define STORE_HASH_SIZE 32

enum store_sync {
	STORE_SYNC_NORMAL,      /* survives a crash of the server process */
	STORE_SYNC_FULL         /* also survives power loss: fsync per commit */
};

struct store;

/* A room as stored: its last snapshot (a packed Aandeslag__Snapshot with
 * every vote visible) and its bookkeeping. Pointers are valid during the
 * callback only. */
struct store_room {
	const char *code;
	uint64_t epoch;
	int64_t created_ms;     /* wall-clock milliseconds since 1970 */
	int64_t used_ms;        /* the last write */
	const uint8_t *snapshot;
	size_t snapshot_len;
	uint64_t snapshot_seq;  /* the last event the snapshot includes */
	int64_t snapshot_ms;    /* when the snapshot was made (wall clock) */
	/* The chair recovery code's hash (STORE_HASH_SIZE bytes, NULL when
	 * the room has none) and the participant it gives the chair back. */
	const uint8_t *chair_code_hash;
	uint32_t chair_id;
	/* The hash of the room's password (a crypto_pwhash_str() string),
	 * or NULL when it has none. */
	const char *password_hash;
};

/* An event after a room's snapshot. */
struct store_event {
	uint64_t seq;
	int64_t wall_ms;        /* when it was accepted */
	uint32_t participant_id;        /* who caused it; 0 for the server */
	uint64_t request_id;    /* the command it answered; 0 for none */
	const uint8_t *data;    /* a packed Aandeslag__Event */
	size_t len;
	/* Also note wall_ms as the room's last use. The row holds the room's
	 * snapshot, which an update rewrites: the server does it at most
	 * once a minute per room (PERSIST_TOUCH_MS), enough for a retention
	 * counted in days. */
	bool touch;
};

struct store_seat {
	uint32_t participant_id;
	uint8_t token_hash[STORE_HASH_SIZE];
};

/* A remembered result of an accepted command. */
struct store_request {
	uint32_t participant_id;
	uint64_t request_id;
	uint64_t seq;
};

/* What store_load() reports, room by room: first the room, then its
 * events in sequence order, its seats, and its remembered requests
 * (oldest first). A callback that returns a negative value stops the load
 * with that value. */
struct store_loader {
	int (*room)(void *arg, const struct store_room *room);
	int (*event)(void *arg, const struct store_event *event);
	int (*seat)(void *arg, const struct store_seat *seat);
	int (*request)(void *arg, const struct store_request *request);
	/* Called after the last of a room's rows. */
	int (*room_done)(void *arg);
	void *arg;
};

/* Counters for logs and tests. */
struct store_stats {
	uint64_t commits;       /* transactions committed */
	uint64_t events;        /* events written */
	uint64_t failures;      /* writes or commits that failed */
	uint64_t checkpoints;   /* checkpoints finished */
};

/* Opens (creating it and the directory, mode 0700, when missing) the
 * database in dir with sync, migrating an older schema; loop is where
 * checkpoint work is queued and may be NULL for a store used without a
 * loop (the command-line tools). Refuses a database written by a newer
 * schema. On success *out is owned by the caller (store_close()).
 * Returns 0, -EIO / -ENOSPC / -EACCES with a message in err, -EPROTO for a
 * newer schema, or -ENOMEM. */
int store_open(struct store **out, const char *dir, enum store_sync sync,
               uv_loop_t *loop, char *err, size_t errsize);

/* Like store_open(), read-only and without creating anything: for
 * listing. Returns 0, -ENOENT when there is no database, or as above. */
int store_open_readonly(struct store **out, const char *dir, char *err,
                        size_t errsize);

/* Commits what is open, waits for a running checkpoint and closes. It
 * runs the loop while it waits: not to be called from a loop callback. */
void store_close(struct store *st);

/* Returns the message of the last failure ("" when none). */
const char *store_error(const struct store *st);

/* Returns whether the store has a size cap (store_limit_size()). */
bool store_capped(const struct store *st);

/* Returns the path of the database file. */
const char *store_path(const struct store *st);

/* Opens the turn's transaction unless one is open. */
int store_begin(struct store *st);

/* Returns whether a transaction is open. */
bool store_in_transaction(const struct store *st);

/* Commits the turn's transaction (nothing when none is open). On failure
 * the transaction is rolled back and everything since store_begin() is
 * lost. After a commit a checkpoint is queued when the WAL has grown. */
int store_commit(struct store *st);

/* Opens a savepoint for one command inside the turn's transaction
 * (opening that first). A store function that fails within it leaves
 * undoing its writes to store_rollback(), which the caller must then
 * call. */
int store_savepoint(struct store *st);

/* Keeps the savepoint's writes (they commit with the turn). */
int store_release(struct store *st);

/* Undoes the savepoint's writes; the turn's transaction stays open. */
int store_rollback(struct store *st);

/* Stores a new room or replaces a room's snapshot, then deletes the
 * room's events up to snapshot_seq, keeping the results they remember
 * for the seats still stored, and keeps only the last keep_requests of
 * such kept results per participant (all of them: STORE_KEEP_ALL); the
 * results of the events after snapshot_seq stay with them. created_ms
 * is kept from the first time. */
#define STORE_KEEP_ALL SIZE_MAX
int store_put_room(struct store *st, const struct store_room *room,
                   size_t keep_requests);

/* Appends an event of room code; for a command (request_id != 0) the row
 * is also its remembered result. Updates the room's used_ms when
 * event->touch says so. */
int store_add_event(struct store *st, const char *code,
                    const struct store_event *event);

/* Gives room code a new epoch. Returns -ENOENT when there is no such
 * room. */
int store_set_epoch(struct store *st, const char *code, uint64_t epoch);

/* Stores or replaces a seat's token hash. */
int store_put_seat(struct store *st, const char *code,
                   const struct store_seat *seat);

/* Forgets a seat (its requests too). */
int store_delete_seat(struct store *st, const char *code,
                      uint32_t participant_id);

/* Stores the hash of a room's chair recovery code and whose seat it
 * gives back. Returns 0, -ENOENT when there is no such room, or an error. */
int store_set_chair_code(struct store *st, const char *code,
                         const uint8_t hash[STORE_HASH_SIZE],
                         uint32_t chair_id);

/* Stores the hash of a room's password (a NUL-terminated string), or
 * NULL for none. Returns 0, -ENOENT when there is no such room, or an
 * error. */
int store_set_password(struct store *st, const char *code,
                       const char *hash);

/* Deletes a room and everything of it. Returns -ENOENT when there is no
 * such room. */
int store_delete_room(struct store *st, const char *code);

/* Deletes every room not written since before_ms; *count tells how many.
 * Call store_checkpoint(st, true) after deleting, so the texts leave the
 * WAL too. */
int store_purge(struct store *st, int64_t before_ms, size_t *count);

/* Reports every room with loader, ordered by code. */
int store_load(struct store *st, const struct store_loader *loader);

/* Reports one room (code) like store_load(). Returns 0, -ENOENT when
 * there is no such room, or an error. */
int store_load_room(struct store *st, const char *code,
                    const struct store_loader *loader);

/* Records that the server was alive at now_ms (wall clock), so that
 * recovery knows when a clock stopped; and reads it back (0 when never
 * recorded). */
int store_set_alive(struct store *st, int64_t now_ms);
int store_get_alive(struct store *st, int64_t *now_ms);

/* Records it like store_set_alive(), outside a transaction, without
 * waiting for the disk even under STORE_SYNC_FULL: the stamp only makes
 * a recovered clock a second more exact, and is flushed with the next
 * commit that waits (a crash of the program alone keeps it either way).
 * Returns 0 or an error; -EBUSY inside a transaction. */
int store_set_alive_lazily(struct store *st, int64_t now_ms);

/* Returns how the connection flushes commits now, SQLite's "PRAGMA
 * synchronous" (1 NORMAL, 2 FULL), or a negative error. */
int store_synchronous(struct store *st);

/* Asks for a checkpoint on the thread pool (or, without a loop, runs it
 * now): truncate copies the whole WAL into the database and empties the
 * WAL file, which is how deleted texts leave it. Does nothing when one is
 * already running except to remember that truncate was asked. */
void store_checkpoint(struct store *st, bool truncate);

/* Copies the database, consistently and while it is in use, to path
 * (which must not exist). Returns 0, -EEXIST, or -EIO. */
int store_backup(struct store *st, const char *path);

/* Caps the database at bytes (rounded down to whole pages; 0: no cap),
 * for a server that must not fill the disk. Writes past it fail with
 * -ENOSPC like a full disk. */
int store_limit_size(struct store *st, uint64_t bytes);

/* Fills stats. */
void store_get_stats(const struct store *st, struct store_stats *stats);

/* Fills hash with the BLAKE2b-256 hash of a token or code of len bytes. */
void store_hash(const void *secret, size_t len,
                uint8_t hash[STORE_HASH_SIZE]);

#endif
