/* The SQLite plumbing under the durable store (internal to it, see
 * db.h): the schema, the prepared statements and the helpers that run
 * them, SQLite's failures as errno codes, and the checkpoints on libuv's
 * thread pool. */
#include "db.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* A commit that leaves more frames than this in the WAL asks for a passive
 * checkpoint; it is the figure of SQLite's own automatic checkpoints,
 * which are off so that no checkpoint ever runs on the loop. */
#define WAL_FRAMES_MAX 1000
/* The loop's connection never cuts the WAL file back itself: SQLite
 * would do it in the first commit after a checkpoint, and shrinking a
 * file of megabytes takes milliseconds that every waiting answer pays.
 * The truncating checkpoints on the thread pool (after an erasure, see
 * persist.h) empty it instead; between them it is reused from the start
 * and stays about WAL_FRAMES_MAX pages long. */
#define JOURNAL_SIZE_LIMIT "-1"
#define MODE_SIZE 16
/* SQLite's page cache for the loop's connection, in KiB (negative, as
 * the pragma takes it): the rooms being written, their snapshots and
 * the keys stay in memory under load instead of being read back from
 * the file for every command. It fills only as far as it is used. */
#define CACHE_SIZE "-16384"

/* The schema, one step per version: migrations[v - 1] turns a database of
 * version v - 1 into version v. A released step is never edited; a change
 * is a new step. */
static const char *const migrations[] = {
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER);"
	"CREATE TABLE rooms ("
	" code TEXT PRIMARY KEY,"
	" epoch INTEGER NOT NULL,"
	" created_ms INTEGER NOT NULL,"
	" used_ms INTEGER NOT NULL,"
	" snapshot BLOB NOT NULL,"
	" snapshot_seq INTEGER NOT NULL,"
	" snapshot_ms INTEGER NOT NULL);"
	"CREATE TABLE events ("
	" room TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,"
	" seq INTEGER NOT NULL,"
	" wall_ms INTEGER NOT NULL,"
	" participant_id INTEGER NOT NULL,"
	" request_id INTEGER NOT NULL,"
	" data BLOB NOT NULL,"
	" PRIMARY KEY (room, seq));"
	"CREATE TABLE requests ("
	" room TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,"
	" participant_id INTEGER NOT NULL,"
	" request_id INTEGER NOT NULL,"
	" seq INTEGER NOT NULL,"
	" PRIMARY KEY (room, participant_id, request_id));"
	"CREATE TABLE seats ("
	" room TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,"
	" participant_id INTEGER NOT NULL,"
	" token_hash BLOB NOT NULL,"
	" PRIMARY KEY (room, participant_id));",
	/* 2: the chair recovery code, as a hash, and whose seat it gives. */
	"ALTER TABLE rooms ADD COLUMN chair_code_hash BLOB;"
	"ALTER TABLE rooms ADD COLUMN chair_id INTEGER NOT NULL DEFAULT 0;",
	/* 3: workshops, several rooms under one code (a packed
	 * Aandeslag__StoredWorkshop each). */
	"CREATE TABLE workshops ("
	" code TEXT PRIMARY KEY,"
	" created_ms INTEGER NOT NULL,"
	" used_ms INTEGER NOT NULL,"
	" record BLOB NOT NULL);",
	/* 4: the hash of a room's password (crypto_pwhash_str()); NULL:
	 * none. */
	"ALTER TABLE rooms ADD COLUMN password_hash TEXT;",
	/* 5: events and requests kept in their primary key's b-tree alone
	 * (WITHOUT ROWID): a command then writes two pages, not four (each
	 * table and its key's index), and every page is a frame in the
	 * log. */
	"CREATE TABLE events5 ("
	" room TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,"
	" seq INTEGER NOT NULL,"
	" wall_ms INTEGER NOT NULL,"
	" participant_id INTEGER NOT NULL,"
	" request_id INTEGER NOT NULL,"
	" data BLOB NOT NULL,"
	" PRIMARY KEY (room, seq)) WITHOUT ROWID;"
	"INSERT INTO events5 SELECT room, seq, wall_ms, participant_id,"
	" request_id, data FROM events;"
	"DROP TABLE events;"
	"ALTER TABLE events5 RENAME TO events;"
	"CREATE TABLE requests5 ("
	" room TEXT NOT NULL REFERENCES rooms(code) ON DELETE CASCADE,"
	" participant_id INTEGER NOT NULL,"
	" request_id INTEGER NOT NULL,"
	" seq INTEGER NOT NULL,"
	" PRIMARY KEY (room, participant_id, request_id)) WITHOUT ROWID;"
	"INSERT INTO requests5 SELECT room, participant_id, request_id, seq"
	" FROM requests;"
	"DROP TABLE requests;"
	"ALTER TABLE requests5 RENAME TO requests;",
	/* 6: a command's remembered result is its event's row (participant
	 * and request id) for as long as the event is kept; the requests
	 * table holds only those whose events a snapshot replaced. A
	 * command then writes one page, not two. */
	"DELETE FROM requests WHERE (room, participant_id, request_id) IN"
	" (SELECT room, participant_id, request_id FROM events"
	" WHERE request_id != 0);",
};

_Static_assert(sizeof migrations / sizeof migrations[0] ==
               STORE_SCHEMA_VERSION, "one migration per schema version");

#define ROOM_COLUMNS \
	"code, epoch, created_ms, used_ms, snapshot, snapshot_seq, snapshot_ms"
#define ROOM_LOAD_COLUMNS ROOM_COLUMNS ", chair_code_hash, chair_id, password_hash"

/* The savepoint "op" makes each store function all or nothing, also
 * outside the turn's transaction; "cmd" is the caller's, per command. */
static const char *const stmt_sql[DB_STMT_COUNT] = {
	[DB_BEGIN] = "BEGIN IMMEDIATE",
	[DB_BEGIN_READ] = "BEGIN",
	[DB_COMMIT] = "COMMIT",
	[DB_ROLLBACK] = "ROLLBACK",
	[DB_SAVEPOINT] = "SAVEPOINT cmd",
	[DB_RELEASE] = "RELEASE cmd",
	[DB_ROLLBACK_TO] = "ROLLBACK TO cmd",
	[DB_OP_SAVEPOINT] = "SAVEPOINT op",
	[DB_OP_RELEASE] = "RELEASE op",
	[DB_OP_ROLLBACK_TO] = "ROLLBACK TO op",
	[DB_PAGE_COUNT] = "PRAGMA page_count",
	[DB_PUT_ROOM] =
		"INSERT INTO rooms (" ROOM_COLUMNS ")"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
		" ON CONFLICT (code) DO UPDATE SET epoch = excluded.epoch,"
		" used_ms = excluded.used_ms, snapshot = excluded.snapshot,"
		" snapshot_seq = excluded.snapshot_seq,"
		" snapshot_ms = excluded.snapshot_ms",
	[DB_TRIM_EVENTS] = "DELETE FROM events WHERE room = ?1 AND seq <= ?2",
	/* A request goes when keep_requests newer ones of the same
	 * participant exist: numbered from the newest in one pass over the
	 * room's part of the primary key (counting the newer ones for every
	 * row, as before, took a second per thousand rooms under load). */
	[DB_TRIM_REQUESTS] =
		"DELETE FROM requests WHERE room = ?1 AND"
		" (participant_id, request_id) IN (SELECT participant_id,"
		" request_id FROM (SELECT participant_id, request_id,"
		" row_number() OVER (PARTITION BY participant_id ORDER BY"
		" request_id DESC) AS newest FROM requests WHERE room = ?1)"
		" WHERE newest > ?2)",
	[DB_ADD_EVENT] =
		"INSERT INTO events (room, seq, wall_ms, participant_id,"
		" request_id, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	/* What the events about to be replaced by a snapshot answered is
	 * kept for the seats that are still there. */
	[DB_KEEP_REQUESTS] =
		"INSERT OR REPLACE INTO requests (room, participant_id,"
		" request_id, seq) SELECT room, participant_id, request_id,"
		" seq FROM events WHERE room = ?1 AND seq <= ?2 AND"
		" request_id != 0 AND participant_id IN (SELECT"
		" participant_id FROM seats WHERE room = ?1)",
	[DB_TOUCH_ROOM] = "UPDATE rooms SET used_ms = ?2 WHERE code = ?1",
	[DB_PUT_SEAT] =
		"INSERT INTO seats (room, participant_id, token_hash)"
		" VALUES (?1, ?2, ?3) ON CONFLICT (room, participant_id)"
		" DO UPDATE SET token_hash = excluded.token_hash",
	[DB_DELETE_SEAT] =
		"DELETE FROM seats WHERE room = ?1 AND participant_id = ?2",
	[DB_DELETE_SEAT_REQUESTS] =
		"DELETE FROM requests WHERE room = ?1 AND participant_id = ?2",
	[DB_SET_EPOCH] = "UPDATE rooms SET epoch = ?2 WHERE code = ?1",
	[DB_DELETE_ROOM] = "DELETE FROM rooms WHERE code = ?1",
	[DB_PURGE] = "DELETE FROM rooms WHERE used_ms < ?1",
	[DB_SET_ALIVE] =
		"INSERT INTO meta (key, value) VALUES ('alive_ms', ?1)"
		" ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	[DB_GET_ALIVE] = "SELECT value FROM meta WHERE key = 'alive_ms'",
	[DB_LOAD_ROOMS] =
		"SELECT " ROOM_LOAD_COLUMNS " FROM rooms ORDER BY code",
	[DB_LOAD_ROOM] =
		"SELECT " ROOM_LOAD_COLUMNS " FROM rooms WHERE code = ?1",
	[DB_SET_CHAIR_CODE] =
		"UPDATE rooms SET chair_code_hash = ?2, chair_id = ?3"
		" WHERE code = ?1",
	[DB_SET_PASSWORD] =
		"UPDATE rooms SET password_hash = ?2 WHERE code = ?1",
	[DB_LOAD_EVENTS] =
		"SELECT seq, wall_ms, participant_id, request_id, data"
		" FROM events WHERE room = ?1 ORDER BY seq",
	[DB_LOAD_SEATS] =
		"SELECT participant_id, token_hash FROM seats WHERE room = ?1"
		" ORDER BY participant_id",
	[DB_PUT_WORKSHOP] =
		"INSERT INTO workshops (code, created_ms, used_ms, record)"
		" VALUES (?1, ?2, ?3, ?4) ON CONFLICT (code) DO UPDATE SET"
		" used_ms = excluded.used_ms, record = excluded.record",
	[DB_DELETE_WORKSHOP] = "DELETE FROM workshops WHERE code = ?1",
	[DB_LOAD_WORKSHOPS] =
		"SELECT code, created_ms, used_ms, record FROM workshops"
		" ORDER BY code",
	[DB_LOAD_REQUESTS] =
		"SELECT participant_id, request_id, seq FROM requests"
		" WHERE room = ?1 UNION SELECT participant_id, request_id,"
		" seq FROM events WHERE room = ?1 AND request_id != 0"
		" ORDER BY participant_id, request_id",
};

/* An empty blob's address: SQLite binds a NULL one as SQL NULL, which the
 * NOT NULL columns refuse, and reads an empty one back as NULL. */
static const uint8_t empty[1];

static void checkpoint_start(struct store *st);

int
db_errno(sqlite3 *db, int rc)
{
	int ext = db != NULL ? sqlite3_extended_errcode(db) : rc;

	switch (rc & 0xff) {
	case SQLITE_FULL:
		return -ENOSPC;
	case SQLITE_NOMEM:
		return -ENOMEM;
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_READONLY:
	case SQLITE_AUTH:
		return -EACCES;
	case SQLITE_CONSTRAINT:
		/* An event or seat of a room that is not there. */
		if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
			return -ENOENT;
		return ext == SQLITE_CONSTRAINT_PRIMARYKEY ? -EEXIST : -EIO;
	default:
		return -EIO;
	}
}

int
db_set_error(struct store *st, int rc)
{
	snprintf(st->error, sizeof st->error, "%s", sqlite3_errmsg(st->db));
	return db_errno(st->db, rc);
}

/* Like db_set_error(), for a write. After some failures (an I/O error, a
 * full disk in the middle of a statement) SQLite rolls back the whole
 * transaction; the turn is then lost, and says so until its commit. */
static int
fail(struct store *st, int rc)
{
	rc = db_set_error(st, rc);
	st->stats.failures++;
	if (st->turn && sqlite3_get_autocommit(st->db) && st->lost == 0)
		st->lost = rc;
	return rc;
}

/* Binding with SQLITE_STATIC copies nothing: the values only have to last
 * until the statement runs. A bind can fail only for a value beyond
 * SQLite's limits; the column is then NULL and the run fails on the NOT
 * NULL constraint, so nothing goes unnoticed. */
void
db_bind_text(struct store *st, enum db_stmt id, int i, const char *text)
{
	sqlite3_bind_text(st->stmt[id], i, text, -1, SQLITE_STATIC);
}

void
db_bind_int(struct store *st, enum db_stmt id, int i, int64_t value)
{
	sqlite3_bind_int64(st->stmt[id], i, value);
}

/* A uint64_t goes in SQLite's int64 as its bits: values past INT64_MAX
 * come back unchanged, they are merely negative in the database. */
void
db_bind_u64(struct store *st, enum db_stmt id, int i, uint64_t value)
{
	sqlite3_bind_int64(st->stmt[id], i, (int64_t)value);
}

void
db_bind_blob(struct store *st, enum db_stmt id, int i, const void *data,
             size_t len)
{
	sqlite3_bind_blob64(st->stmt[id], i, len > 0 ? data : empty, len,
	                    SQLITE_STATIC);
}

void
db_reset(struct store *st, enum db_stmt id)
{
	sqlite3_reset(st->stmt[id]);
	sqlite3_clear_bindings(st->stmt[id]);
}

int
db_run(struct store *st, enum db_stmt id)
{
	int rc;

	if (st->lost != 0 && id != DB_BEGIN_READ) {
		db_reset(st, id);
		return st->lost;
	}
	rc = sqlite3_step(st->stmt[id]);
	rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : fail(st, rc);
	db_reset(st, id);
	if (rc == 0 && sqlite3_get_autocommit(st->db)) {
		if (st->wal_frames > st->ckpt_frames + WAL_FRAMES_MAX)
			st->wanted = true;
		checkpoint_start(st);
	}
	return rc;
}

void
db_run_quietly(struct store *st, enum db_stmt id)
{
	sqlite3_step(st->stmt[id]);
	db_reset(st, id);
}

int
db_step(struct store *st, enum db_stmt id)
{
	int rc = sqlite3_step(st->stmt[id]);

	if (rc == SQLITE_ROW)
		return 1;
	return rc == SQLITE_DONE ? 0 : db_set_error(st, rc);
}

const void *
db_column_blob(struct store *st, enum db_stmt id, int col, size_t *len)
{
	/* The pointer first, then its size, as SQLite advises. */
	const void *data = sqlite3_column_blob(st->stmt[id], col);

	*len = (size_t)sqlite3_column_bytes(st->stmt[id], col);
	return data != NULL ? data : empty;
}

int
db_op_begin(struct store *st)
{
	/* Inside "cmd" a savepoint of its own would be two statements more
	 * for every command, for nothing. */
	if (st->in_cmd)
		return 0;
	return db_run(st, DB_OP_SAVEPOINT);
}

/* The store's own cap: a write that took the database past it is undone
 * by db_op_end() like one that found the disk full. */
static int
over_cap(struct store *st)
{
	int64_t pages;
	int rc;

	if (st->cap_pages == 0)
		return 0;
	rc = db_step(st, DB_PAGE_COUNT);
	pages = rc == 1 ? sqlite3_column_int64(st->stmt[DB_PAGE_COUNT], 0) : 0;
	db_reset(st, DB_PAGE_COUNT);
	if (rc < 0 || (uint64_t)pages <= st->cap_pages)
		return rc < 0 ? rc : 0;
	snprintf(st->error, sizeof st->error, "database or disk is full "
	         "(the store is capped at %llu pages)",
	         (unsigned long long)st->cap_pages);
	st->stats.failures++;
	return -ENOSPC;
}

int
db_op_end(struct store *st, int rc)
{
	if (rc == 0)
		rc = over_cap(st);
	if (st->in_cmd)
		return rc;
	if (rc == 0)
		rc = db_run(st, DB_OP_RELEASE);
	if (rc < 0 && !sqlite3_get_autocommit(st->db)) {
		db_run_quietly(st, DB_OP_ROLLBACK_TO);
		db_run_quietly(st, DB_OP_RELEASE);
	}
	return rc;
}

int
db_query_int(struct store *st, const char *sql, int64_t *value)
{
	sqlite3_stmt *s;
	int rc;

	*value = 0;
	rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK)
		return db_set_error(st, rc);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*value = sqlite3_column_int64(s, 0);
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_set_error(st, rc);
	sqlite3_finalize(s);
	return rc;
}

int
db_exec(struct store *st, const char *sql)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : db_set_error(st, rc);
}

/* The loop's connection waits for the checkpoint's locks in steps of
 * BUSY_STEP_US, up to DB_BUSY_TIMEOUT_MS in all: SQLite's own busy
 * timeout sleeps a millisecond at first and up to a hundred later, far
 * longer than the checkpoint usually holds a lock, and every command's
 * answer waits for it. */
#define BUSY_STEP_US 50

static int
busy_wait(void *arg, int tries)
{
	struct timespec step = { 0, BUSY_STEP_US * 1000 };

	(void)arg;
	if ((int64_t)tries * BUSY_STEP_US >= (int64_t)DB_BUSY_TIMEOUT_MS * 1000)
		return 0;
	nanosleep(&step, NULL);
	return 1;
}

int
db_open(struct store *st, int flags)
{
	/* Each connection is used by one thread at a time (the loop's, or
	 * the checkpoint's on the pool), so SQLite's own locking of every
	 * call is not needed. */
	int rc = sqlite3_open_v2(st->path, &st->db, flags | SQLITE_OPEN_NOMUTEX,
	                         NULL);

	if (rc != SQLITE_OK)
		return db_set_error(st, rc);
	sqlite3_busy_handler(st->db, busy_wait, NULL);
	return 0;
}

static int
wal_hook(void *arg, sqlite3 *db, const char *name, int frames)
{
	struct store *st = arg;

	(void)db;
	(void)name;
	/* The log starts over after a checkpoint that copied all of it;
	 * counting starts over with it. */
	if (frames < st->wal_frames)
		st->ckpt_frames = 0;
	st->wal_frames = frames;
	return SQLITE_OK;
}

/* Keeps the first column of a row that sqlite3_exec() reports. */
static int
exec_text(void *arg, int ncols, char **values, char **names)
{
	(void)names;
	if (ncols > 0 && values[0] != NULL)
		snprintf(arg, MODE_SIZE, "%s", values[0]);
	return 0;
}

int
db_configure(struct store *st, enum store_sync sync)
{
	char mode[MODE_SIZE] = "";
	int rc;

	rc = sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", exec_text, mode,
	                  NULL);
	if (rc != SQLITE_OK)
		return db_set_error(st, rc);
	if (strcmp(mode, "wal") != 0) {
		/* A file system without shared memory, for one. */
		snprintf(st->error, sizeof st->error,
		         "cannot use WAL mode (journal mode is %s)", mode);
		return -EIO;
	}
	st->sync_full = sync == STORE_SYNC_FULL;
	/* On macOS an fsync() only hands the data to the drive, whose cache
	 * a power cut loses; fullfsync makes SQLite use F_FULLFSYNC there
	 * (elsewhere the pragma changes nothing). */
	rc = db_exec(st, sync == STORE_SYNC_FULL ?
	             "PRAGMA synchronous = FULL; PRAGMA fullfsync = ON" :
	             "PRAGMA synchronous = NORMAL");
	if (rc == 0)
		rc = db_exec(st, "PRAGMA cache_size = " CACHE_SIZE ";"
		             "PRAGMA secure_delete = ON;"
		             "PRAGMA foreign_keys = ON;"
		             "PRAGMA wal_autocheckpoint = 0;"
		             "PRAGMA journal_size_limit = " JOURNAL_SIZE_LIMIT);
	/* Checkpoints are ours, so the hook only has to learn the WAL's
	 * size; it comes after wal_autocheckpoint, which replaces hooks. */
	if (rc == 0)
		sqlite3_wal_hook(st->db, wal_hook, st);
	return rc;
}

/* Checks the schema version; migrating says whether an older one may be
 * brought up to date. */
static int
schema_check(struct store *st, int64_t version, bool migrating)
{
	if (version > STORE_SCHEMA_VERSION)
		snprintf(st->error, sizeof st->error, "written by a newer "
		         "version (schema %lld; this one knows %d)",
		         (long long)version, STORE_SCHEMA_VERSION);
	else if (version < 0)
		snprintf(st->error, sizeof st->error, "not an aandeslag "
		         "database (schema %lld)", (long long)version);
	else if (version < STORE_SCHEMA_VERSION && !migrating)
		snprintf(st->error, sizeof st->error, "an older schema (%lld);"
		         " the server updates it when it opens it",
		         (long long)version);
	else
		return 0;
	return -EPROTO;
}

/* The version is read again inside the transaction, in case another
 * process migrated meanwhile. */
int
db_migrate(struct store *st)
{
	char sql[64];
	int64_t version;
	int rc;

	rc = db_query_int(st, "PRAGMA user_version", &version);
	if (rc == 0)
		rc = schema_check(st, version, true);
	if (rc < 0 || version == STORE_SCHEMA_VERSION)
		return rc;
	rc = db_exec(st, "BEGIN IMMEDIATE");
	if (rc == 0)
		rc = db_query_int(st, "PRAGMA user_version", &version);
	if (rc == 0)
		rc = schema_check(st, version, true);
	for (; rc == 0 && version < STORE_SCHEMA_VERSION; version++)
		rc = db_exec(st, migrations[version]);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	         STORE_SCHEMA_VERSION);
	if (rc == 0)
		rc = db_exec(st, sql);
	if (rc == 0)
		rc = db_exec(st, "COMMIT");
	if (rc < 0 && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int
db_check_schema(struct store *st)
{
	int64_t version;
	int rc = db_query_int(st, "PRAGMA user_version", &version);

	return rc < 0 ? rc : schema_check(st, version, false);
}

int
db_prepare(struct store *st)
{
	int i, rc;

	for (i = 0; i < DB_STMT_COUNT; i++) {
		rc = sqlite3_prepare_v3(st->db, stmt_sql[i], -1,
		                        SQLITE_PREPARE_PERSISTENT,
		                        &st->stmt[i], NULL);
		if (rc != SQLITE_OK)
			return db_set_error(st, rc);
	}
	return 0;
}

void
db_close(struct store *st)
{
	int i;

	for (i = 0; i < DB_STMT_COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	/* The checkpoint connection goes first, so that the main one is the
	 * last: its close checkpoints and removes the WAL file. */
	sqlite3_close_v2(st->ckpt_db);
	sqlite3_close_v2(st->db);
	st->ckpt_db = NULL;
	st->db = NULL;
}

static int
checkpoint_mode(bool truncate)
{
	return truncate ? SQLITE_CHECKPOINT_TRUNCATE : SQLITE_CHECKPOINT_PASSIVE;
}

/* Runs on the thread pool, with a connection of its own (opened once and
 * kept), as one connection must not be used by two threads at once. */
static void
checkpoint_work(uv_work_t *req)
{
	struct store *st = req->data;
	int rc = SQLITE_OK;

	if (st->ckpt_db == NULL) {
		rc = sqlite3_open_v2(st->path, &st->ckpt_db,
		                     SQLITE_OPEN_READWRITE |
		                     SQLITE_OPEN_NOMUTEX, NULL);
		if (rc == SQLITE_OK)
			sqlite3_busy_timeout(st->ckpt_db, DB_BUSY_TIMEOUT_MS);
		/* A connection learns that the database is in WAL mode only
		 * when it first reads it; until then a checkpoint does
		 * nothing, and says it went well. A checkpoint is synced
		 * with F_FULLFSYNC on macOS (see db_configure()). */
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(st->ckpt_db,
			                  "PRAGMA checkpoint_fullfsync = ON;"
			                  "PRAGMA schema_version",
			                  NULL, NULL, NULL);
	}
	/* A passive checkpoint copies the log into the file without holding
	 * anyone up, but under a steady load it never catches up, and the
	 * log only starts over once one has. So a restarting (or truncating)
	 * one follows: it keeps the loop's commits waiting, but only while
	 * it copies the little the passive one left. A restart that finds
	 * the loop busy for too long is tried with the next checkpoint. */
	if (rc == SQLITE_OK)
		rc = sqlite3_wal_checkpoint_v2(st->ckpt_db, NULL,
		                               SQLITE_CHECKPOINT_PASSIVE,
		                               NULL, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_wal_checkpoint_v2(st->ckpt_db, NULL,
		                               st->work_truncate ?
		                               SQLITE_CHECKPOINT_TRUNCATE :
		                               SQLITE_CHECKPOINT_RESTART,
		                               NULL, NULL);
		if (!st->work_truncate && (rc & 0xff) == SQLITE_BUSY)
			rc = SQLITE_OK;
	}
	st->work_rc = rc;
	if (rc == SQLITE_OK)
		return;
	snprintf(st->work_error, sizeof st->work_error, "checkpoint: %s",
	         st->ckpt_db != NULL ? sqlite3_errmsg(st->ckpt_db) :
	         sqlite3_errstr(rc));
	/* Opened afresh next time, which a failure is rare enough for. */
	sqlite3_close_v2(st->ckpt_db);
	st->ckpt_db = NULL;
}

/* Counts a checkpoint. One that truncates and found the database busy is
 * asked again, to start with the next commit: at once it could spin. */
static void
checkpoint_result(struct store *st, bool truncate, int rc)
{
	if (rc == SQLITE_OK) {
		st->stats.checkpoints++;
	} else if (truncate && (rc & 0xff) == SQLITE_BUSY) {
		st->wanted = true;
		st->wanted_truncate = true;
	}
}

static void
checkpoint_done(uv_work_t *req, int status)
{
	struct store *st = req->data;
	bool asked = st->wanted;

	st->work_busy = false;
	if (status < 0)
		return;
	if (st->work_rc != SQLITE_OK)
		memcpy(st->error, st->work_error, sizeof st->error);
	checkpoint_result(st, st->work_truncate, st->work_rc);
	/* What was asked meanwhile starts now; a retry alone waits. */
	if (asked)
		checkpoint_start(st);
}

/* Starts the wanted checkpoint unless one runs, on the thread pool, or
 * without a loop here and now; never inside a transaction, where it
 * starts after the commit. */
static void
checkpoint_start(struct store *st)
{
	bool truncate = st->wanted_truncate;
	int rc;

	if (!st->wanted || st->work_busy || st->closing || st->readonly)
		return;
	/* Begun inside a transaction, a checkpoint on the pool would only
	 * contend with the commit for the log's locks and miss what the
	 * transaction writes; db_run() starts it after the commit. */
	if (!sqlite3_get_autocommit(st->db))
		return;
	st->wanted = st->wanted_truncate = false;
	/* Frames written after this point wait for the next checkpoint, and
	 * only so many more ask for it: under a steady load the log is not
	 * copied out completely (it grows meanwhile), and a checkpoint after
	 * every commit would run the disk's flushes back to back. */
	st->ckpt_frames = st->wal_frames;
	if (st->loop == NULL) {
		rc = sqlite3_wal_checkpoint_v2(st->db, NULL,
		                               checkpoint_mode(truncate),
		                               NULL, NULL);
		if (rc != SQLITE_OK)
			db_set_error(st, rc);
		checkpoint_result(st, truncate, rc);
		return;
	}
	st->work_truncate = truncate;
	st->work.data = st;
	rc = uv_queue_work(st->loop, &st->work, checkpoint_work,
	                   checkpoint_done);
	if (rc < 0)
		snprintf(st->error, sizeof st->error, "checkpoint: %s",
		         uv_strerror(rc));
	st->work_busy = rc == 0;
}

void
db_checkpoint(struct store *st, bool truncate)
{
	st->wanted = true;
	st->wanted_truncate |= truncate;
	checkpoint_start(st);
}

void
db_checkpoint_stop(struct store *st)
{
	/* The after-work callback still refers to st, so the loop runs
	 * until it has; closing keeps it from starting another. Hence this
	 * must not be called from a callback of the loop. */
	st->closing = true;
	while (st->work_busy)
		uv_run(st->loop, UV_RUN_ONCE);
}
