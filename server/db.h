/* The SQLite plumbing under the durable store: the schema and its
 * migrations, the prepared statements, binding and running them with the
 * turn's bookkeeping, SQLite's failures as errno codes, and the WAL
 * checkpoints on libuv's thread pool.
 *
 * Internal to the store: only server/store.c and server/db.c include this
 * header; everyone else uses store.h. It defines struct store, which
 * store.h leaves opaque, so that both files work on the one object.
 * store.c allocates and frees it; db.c never does.
 *
 * Unless its comment says otherwise, a function returns 0 or a negative
 * errno-style code as store.h describes (-ENOSPC, -EIO, -ENOMEM, -EACCES,
 * -ENOENT, -EEXIST), and keeps the message of a failure in st->error. No
 * function takes over anything it is passed. */
#ifndef AANDESLAG_DB_H
#define AANDESLAG_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>
#include <uv.h>

#include "store.h"

/* How long one connection waits for a lock another one holds. */
#define DB_BUSY_TIMEOUT_MS 2000
/* Room for one message in struct store. */
#define DB_ERROR_SIZE 512

/* The prepared statements; db.c holds their SQL. Parameters are ?1, ?2, …
 * in the order given; queries list their columns. The savepoint "op" is
 * db_op_begin()'s, "cmd" is the caller's per command. */
enum db_stmt {
	DB_BEGIN, DB_BEGIN_READ, DB_COMMIT, DB_ROLLBACK,
	DB_SAVEPOINT, DB_RELEASE, DB_ROLLBACK_TO,
	DB_OP_SAVEPOINT, DB_OP_RELEASE, DB_OP_ROLLBACK_TO,
	DB_PAGE_COUNT,
	/* code, epoch, created_ms, used_ms, snapshot, snapshot_seq,
	 * snapshot_ms; keeps created_ms of a room that exists */
	DB_PUT_ROOM,
	DB_TRIM_EVENTS,         /* room, up to seq */
	DB_TRIM_REQUESTS,       /* room, how many to keep per participant */
	/* room, seq, wall_ms, participant_id, request_id, data */
	DB_ADD_EVENT,
	DB_KEEP_REQUESTS,       /* room, up to seq */
	DB_TOUCH_ROOM,          /* room, used_ms */
	DB_PUT_SEAT,            /* room, participant_id, token_hash */
	DB_DELETE_SEAT,         /* room, participant_id */
	DB_DELETE_SEAT_REQUESTS,        /* room, participant_id */
	DB_SET_EPOCH,           /* room, epoch */
	DB_SET_CHAIR_CODE,      /* room, chair_code_hash, chair_id */
	DB_SET_PASSWORD,        /* room, password_hash (text or NULL) */
	DB_DELETE_ROOM,         /* room */
	DB_PURGE,               /* used before ms */
	DB_SET_ALIVE,           /* ms */
	DB_GET_ALIVE,           /* → ms */
	/* → code, epoch, created_ms, used_ms, snapshot, snapshot_seq,
	 * snapshot_ms, chair_code_hash, chair_id, password_hash: every
	 * room by code, or
	 * the room given */
	DB_LOAD_ROOMS, DB_LOAD_ROOM,
	/* room → seq, wall_ms, participant_id, request_id, data */
	DB_LOAD_EVENTS,
	DB_LOAD_SEATS,          /* room → participant_id, token_hash */
	DB_LOAD_REQUESTS,       /* room → participant_id, request_id, seq */
	DB_PUT_WORKSHOP,        /* code, created_ms, used_ms, record */
	DB_DELETE_WORKSHOP,     /* code */
	DB_LOAD_WORKSHOPS,      /* → code, created_ms, used_ms, record */
	DB_STMT_COUNT
};

/* A store (store.h). store.c creates it zeroed with path set, and frees
 * it after db_close(). */
struct store {
	sqlite3 *db;
	char *path;
	bool readonly;
	sqlite3_stmt *stmt[DB_STMT_COUNT];
	/* The turn's transaction is open (for the caller: SQLite may have
	 * ended it after a failure, which lost then holds until the
	 * commit reports it). */
	bool turn;
	/* The caller's savepoint "cmd" is open (store_savepoint()): what
	 * fails within it is undone with all of it, so the store functions
	 * need no savepoint of their own there. */
	bool in_cmd;
	int lost;
	uint64_t cap_pages;     /* store_limit_size(); 0 for none */
	bool sync_full;         /* every commit is flushed (STORE_SYNC_FULL) */
	int wal_frames;         /* frames in the WAL after the last commit */
	int ckpt_frames;        /* frames it had when a checkpoint began */
	struct store_stats stats;
	char error[DB_ERROR_SIZE];

	/* Checkpoints (db.c). wanted: one was asked and has not started
	 * yet. While work_busy is set, ckpt_db, work_truncate, work_rc and
	 * work_error belong to the worker thread. */
	uv_loop_t *loop;
	uv_work_t work;
	bool wanted;
	bool wanted_truncate;
	bool work_busy;
	bool closing;
	bool work_truncate;
	int work_rc;
	sqlite3 *ckpt_db;
	char work_error[DB_ERROR_SIZE];
};

/* Returns the errno code of SQLite result rc; db, when not NULL, is the
 * connection it came from and tells constraint failures apart. Keeps no
 * message. */
int db_errno(sqlite3 *db, int rc);

/* Keeps the message of st->db's last failure in st->error and returns
 * the errno code of rc. */
int db_set_error(struct store *st, int rc);

/* Opens st->path with SQLite's open flags as st->db, with the busy
 * timeout. On failure st->db may hold a handle all the same, which
 * db_close() closes. */
int db_open(struct store *st, int flags);

/* Sets up a read-write connection: WAL mode, sync, secure_delete,
 * foreign keys, and checkpoints left to db.c. Returns -EIO when the file
 * system cannot have WAL mode. */
int db_configure(struct store *st, enum store_sync sync);

/* Brings the schema up to date in one transaction. Returns -EPROTO,
 * changing nothing, for a schema that is newer or not ours. */
int db_migrate(struct store *st);

/* For a read-only connection: returns 0 when the schema is the current
 * one, -EPROTO (an older one too, which only db_migrate() may change),
 * or a failure to read it. */
int db_check_schema(struct store *st);

/* Prepares every statement of enum db_stmt. */
int db_prepare(struct store *st);

/* Finalizes the statements and closes the checkpoint connection, then
 * st->db (whose close checkpoints and removes the WAL file). Frees
 * nothing else: st and st->path stay store.c's. No checkpoint may be
 * running (db_checkpoint_stop()). */
void db_close(struct store *st);

/* Bind value as parameter i of statement id. Nothing is copied: the
 * value must stay valid until the statement has run (db_run(),
 * db_run_quietly()) or been reset (db_reset()). A value beyond SQLite's
 * limits binds as NULL, which the NOT NULL columns then refuse when the
 * statement runs. A uint64_t is stored as the int64_t of its bits; a
 * blob may be empty (data NULL, len 0). */
void db_bind_text(struct store *st, enum db_stmt id, int i,
                  const char *text);
void db_bind_int(struct store *st, enum db_stmt id, int i, int64_t value);
void db_bind_u64(struct store *st, enum db_stmt id, int i, uint64_t value);
void db_bind_blob(struct store *st, enum db_stmt id, int i,
                  const void *data, size_t len);

/* Resets statement id and clears its bindings, ending a query. */
void db_reset(struct store *st, enum db_stmt id);

/* Runs statement id, which returns no rows, and resets it. A failure
 * counts in the stats; one that made SQLite roll back the turn's
 * transaction makes the turn lost, and while it is lost every statement
 * (but DB_BEGIN_READ) fails with that code without running. A statement
 * that ended a transaction may start a checkpoint. */
int db_run(struct store *st, enum db_stmt id);

/* Runs statement id that cleans up after a failure, and resets it; its
 * own failure would only hide the first one's message, so it is
 * ignored. */
void db_run_quietly(struct store *st, enum db_stmt id);

/* Steps query id: returns 1 for a row, 0 at the end, or a failure. The
 * caller resets it (db_reset()) when done. */
int db_step(struct store *st, enum db_stmt id);

/* Returns column col of query id's current row as a blob and its length
 * in *len; never NULL, also for an empty blob. It points into SQLite's
 * row: valid until the next step or reset of id. */
const void *db_column_blob(struct store *st, enum db_stmt id, int col,
                           size_t *len);

/* Runs a query of one integer given as SQL (0 in *value when it has no
 * row), such as a pragma. */
int db_query_int(struct store *st, const char *sql, int64_t *value);

/* Runs SQL without results, such as a pragma that sets something. */
int db_exec(struct store *st, const char *sql);

/* Open and end a savepoint around one store function's writes, making it
 * all or nothing also outside the turn's transaction: db_op_end() keeps
 * the writes when rc is 0 and the database stays under the store's cap
 * (st->cap_pages), and undoes them otherwise. Inside the caller's
 * savepoint (in_cmd) only the cap is checked: the caller undoes a failure
 * with all of its command. db_op_end() returns rc, or -ENOSPC past the
 * cap, or the failure to keep them. */
int db_op_begin(struct store *st);
int db_op_end(struct store *st, int rc);

/* Asks for a checkpoint, as store_checkpoint() describes. Without a loop
 * (st->loop NULL) it runs at once, unless a transaction is open; its
 * failure then shows only in st->error. */
void db_checkpoint(struct store *st, bool truncate);

/* Keeps any further checkpoint from starting and waits, running
 * st->loop, until the one running (if any) has finished. Not to be
 * called from a callback of the loop. */
void db_checkpoint_stop(struct store *st);

#endif
