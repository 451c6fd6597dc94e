/* The durable store: rooms, their events, seats and remembered requests in
 * one SQLite database in WAL mode, with the turn's transaction and a
 * savepoint per command (see store.h). The SQLite plumbing under it, and
 * the checkpoints on libuv's thread pool, are in db.c. */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>
#include <sqlite3.h>

#include "db.h"

/* SQLite's own cap (max_page_count) lies this far above the store's: see
 * store_limit_size(). More than one command ever writes (a snapshot is at
 * most a frame, 2 MiB). */
#define CAP_SLACK_BYTES (16u * 1024 * 1024)
/* The largest max_page_count SQLite accepts: no cap. */
#define PAGES_MAX 4294967294ULL

static void
store_free(struct store *st)
{
	db_close(st);
	free(st->path);
	free(st);
}

/* Allocates a store for dir and opens its database with flags. */
static int
store_new(struct store **out, const char *dir, int flags, char *err,
          size_t errsize)
{
	size_t len = strlen(dir) + sizeof "/" STORE_FILE;
	struct store *st;

	st = calloc(1, sizeof *st);
	if (st != NULL)
		st->path = malloc(len);
	if (st == NULL || st->path == NULL) {
		free(st);
		snprintf(err, errsize, "%s: %s", dir, strerror(ENOMEM));
		return -ENOMEM;
	}
	snprintf(st->path, len, "%s/%s", dir, STORE_FILE);
	*out = st;
	return db_open(st, flags);
}

/* Ends a store_open*(): on failure reports in err and frees the store. */
static int
open_done(struct store **out, struct store *st, int rc, char *err,
          size_t errsize)
{
	if (rc == 0)
		rc = db_prepare(st);
	if (rc == 0)
		return 0;
	snprintf(err, errsize, "%s: %s", st->path, st->error);
	store_free(st);
	*out = NULL;
	return rc;
}

int
store_open(struct store **out, const char *dir, enum store_sync sync,
           uv_loop_t *loop, char *err, size_t errsize)
{
	struct stat sb;
	int rc;

	*out = NULL;
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		rc = -errno;
	else
		rc = stat(dir, &sb) < 0 ? -errno :
		     !S_ISDIR(sb.st_mode) ? -ENOTDIR : 0;
	if (rc < 0) {
		snprintf(err, errsize, "%s: %s", dir, strerror(-rc));
		return rc;
	}
	rc = store_new(out, dir, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	               err, errsize);
	if (rc == -ENOMEM && *out == NULL)
		return rc;
	(*out)->loop = loop;
	if (rc == 0)
		rc = db_configure(*out, sync);
	if (rc == 0)
		rc = db_migrate(*out);
	return open_done(out, *out, rc, err, errsize);
}

int
store_open_readonly(struct store **out, const char *dir, char *err,
                    size_t errsize)
{
	char path[4096];
	struct stat sb;
	int rc;

	*out = NULL;
	/* SQLite would say only that it cannot open the file. */
	snprintf(path, sizeof path, "%s/%s", dir, STORE_FILE);
	if (stat(path, &sb) < 0) {
		rc = -errno;
		snprintf(err, errsize, "%s: %s", path, strerror(-rc));
		return rc;
	}
	rc = store_new(out, dir, SQLITE_OPEN_READONLY, err, errsize);
	if (rc == -ENOMEM && *out == NULL)
		return rc;
	(*out)->readonly = true;
	if (rc == 0)
		rc = db_check_schema(*out);
	return open_done(out, *out, rc, err, errsize);
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	db_checkpoint_stop(st);
	store_commit(st);
	store_free(st);
}

const char *
store_error(const struct store *st)
{
	return st->error;
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

int
store_begin(struct store *st)
{
	int rc;

	if (st->turn)
		return 0;
	rc = db_run(st, DB_BEGIN);
	st->turn = rc == 0;
	return rc;
}

bool
store_capped(const struct store *st)
{
	return st->cap_pages > 0;
}

bool
store_in_transaction(const struct store *st)
{
	return st->turn;
}

int
store_commit(struct store *st)
{
	int rc;

	if (!st->turn)
		return 0;
	st->turn = false;
	if (st->lost != 0) {
		/* The message is still the one of the failure. */
		rc = st->lost;
		st->lost = 0;
		st->stats.failures++;
		return rc;
	}
	rc = db_run(st, DB_COMMIT);
	if (rc < 0) {
		/* What the transaction held is lost either way. */
		if (!sqlite3_get_autocommit(st->db))
			db_run_quietly(st, DB_ROLLBACK);
		return rc;
	}
	st->stats.commits++;
	return 0;
}

int
store_savepoint(struct store *st)
{
	int rc = store_begin(st);

	if (rc == 0)
		rc = db_run(st, DB_SAVEPOINT);
	st->in_cmd = rc == 0;
	return rc;
}

int
store_release(struct store *st)
{
	st->in_cmd = false;
	return db_run(st, DB_RELEASE);
}

int
store_rollback(struct store *st)
{
	int rc;

	st->in_cmd = false;
	rc = db_run(st, DB_ROLLBACK_TO);
	return rc < 0 ? rc : db_run(st, DB_RELEASE);
}

int
store_put_room(struct store *st, const struct store_room *room,
               size_t keep_requests)
{
	int rc = db_op_begin(st);

	if (rc < 0)
		return rc;
	/* The deletions come first, so that the new snapshot can take the
	 * pages they free: compaction must work at the cap too. */
	db_bind_text(st, DB_KEEP_REQUESTS, 1, room->code);
	db_bind_u64(st, DB_KEEP_REQUESTS, 2, room->snapshot_seq);
	rc = db_run(st, DB_KEEP_REQUESTS);
	if (rc == 0) {
		db_bind_text(st, DB_TRIM_EVENTS, 1, room->code);
		db_bind_u64(st, DB_TRIM_EVENTS, 2, room->snapshot_seq);
		rc = db_run(st, DB_TRIM_EVENTS);
	}
	if (rc == 0 && keep_requests != STORE_KEEP_ALL) {
		db_bind_text(st, DB_TRIM_REQUESTS, 1, room->code);
		db_bind_int(st, DB_TRIM_REQUESTS, 2, keep_requests > INT64_MAX ?
		         INT64_MAX : (int64_t)keep_requests);
		rc = db_run(st, DB_TRIM_REQUESTS);
	}
	if (rc == 0) {
		db_bind_text(st, DB_PUT_ROOM, 1, room->code);
		db_bind_u64(st, DB_PUT_ROOM, 2, room->epoch);
		db_bind_int(st, DB_PUT_ROOM, 3, room->created_ms);
		db_bind_int(st, DB_PUT_ROOM, 4, room->used_ms);
		db_bind_blob(st, DB_PUT_ROOM, 5, room->snapshot,
		          room->snapshot_len);
		db_bind_u64(st, DB_PUT_ROOM, 6, room->snapshot_seq);
		db_bind_int(st, DB_PUT_ROOM, 7, room->snapshot_ms);
		rc = db_run(st, DB_PUT_ROOM);
	}
	return db_op_end(st, rc);
}

int
store_add_event(struct store *st, const char *code,
                const struct store_event *event)
{
	int rc = db_op_begin(st);

	if (rc < 0)
		return rc;
	db_bind_text(st, DB_ADD_EVENT, 1, code);
	db_bind_u64(st, DB_ADD_EVENT, 2, event->seq);
	db_bind_int(st, DB_ADD_EVENT, 3, event->wall_ms);
	db_bind_int(st, DB_ADD_EVENT, 4, event->participant_id);
	db_bind_u64(st, DB_ADD_EVENT, 5, event->request_id);
	db_bind_blob(st, DB_ADD_EVENT, 6, event->data, event->len);
	rc = db_run(st, DB_ADD_EVENT);
	if (rc == 0 && event->touch) {
		db_bind_text(st, DB_TOUCH_ROOM, 1, code);
		db_bind_int(st, DB_TOUCH_ROOM, 2, event->wall_ms);
		rc = db_run(st, DB_TOUCH_ROOM);
	}
	rc = db_op_end(st, rc);
	if (rc == 0)
		st->stats.events++;
	return rc;
}

int
store_put_seat(struct store *st, const char *code,
               const struct store_seat *seat)
{
	int rc = db_op_begin(st);

	if (rc < 0)
		return rc;
	db_bind_text(st, DB_PUT_SEAT, 1, code);
	db_bind_int(st, DB_PUT_SEAT, 2, seat->participant_id);
	db_bind_blob(st, DB_PUT_SEAT, 3, seat->token_hash, STORE_HASH_SIZE);
	return db_op_end(st, db_run(st, DB_PUT_SEAT));
}

int
store_delete_seat(struct store *st, const char *code,
                  uint32_t participant_id)
{
	int rc = db_op_begin(st);

	if (rc < 0)
		return rc;
	db_bind_text(st, DB_DELETE_SEAT, 1, code);
	db_bind_int(st, DB_DELETE_SEAT, 2, participant_id);
	rc = db_run(st, DB_DELETE_SEAT);
	if (rc == 0) {
		db_bind_text(st, DB_DELETE_SEAT_REQUESTS, 1, code);
		db_bind_int(st, DB_DELETE_SEAT_REQUESTS, 2, participant_id);
		rc = db_run(st, DB_DELETE_SEAT_REQUESTS);
	}
	return db_op_end(st, rc);
}

/* Runs statement id about room code, which must exist. */
static int
run_room(struct store *st, enum db_stmt id, const char *code)
{
	int rc;

	db_bind_text(st, id, 1, code);
	rc = db_run(st, id);
	if (rc == 0 && sqlite3_changes(st->db) == 0) {
		snprintf(st->error, sizeof st->error, "no room %s", code);
		return -ENOENT;
	}
	return rc;
}

/* These take no room to speak of (an epoch is a number, and deleting
 * frees pages), so they need neither the cap nor a savepoint of their
 * own: each is one statement. */
int
store_set_epoch(struct store *st, const char *code, uint64_t epoch)
{
	db_bind_u64(st, DB_SET_EPOCH, 2, epoch);
	return run_room(st, DB_SET_EPOCH, code);
}

int
store_set_chair_code(struct store *st, const char *code,
                     const uint8_t hash[STORE_HASH_SIZE], uint32_t chair_id)
{
	db_bind_blob(st, DB_SET_CHAIR_CODE, 2, hash, STORE_HASH_SIZE);
	db_bind_u64(st, DB_SET_CHAIR_CODE, 3, chair_id);
	return run_room(st, DB_SET_CHAIR_CODE, code);
}

int
store_set_password(struct store *st, const char *code, const char *hash)
{
	/* A NULL text binds as NULL: no password. */
	db_bind_text(st, DB_SET_PASSWORD, 2, hash);
	return run_room(st, DB_SET_PASSWORD, code);
}

int
store_delete_room(struct store *st, const char *code)
{
	return run_room(st, DB_DELETE_ROOM, code);
}

int
store_purge(struct store *st, int64_t before_ms, size_t *count)
{
	int rc;

	db_bind_int(st, DB_PURGE, 1, before_ms);
	rc = db_run(st, DB_PURGE);
	*count = rc == 0 ? (size_t)sqlite3_changes(st->db) : 0;
	return rc;
}

/* Reports one room's events, seats and requests. */
static int
load_rows(struct store *st, const struct store_loader *ld, const char *code)
{
	sqlite3_stmt *s;
	struct store_event ev;
	struct store_seat seat;
	struct store_request req;
	int rc;

	s = st->stmt[DB_LOAD_EVENTS];
	db_bind_text(st, DB_LOAD_EVENTS, 1, code);
	while ((rc = db_step(st, DB_LOAD_EVENTS)) == 1) {
		ev.seq = (uint64_t)sqlite3_column_int64(s, 0);
		ev.wall_ms = sqlite3_column_int64(s, 1);
		ev.participant_id = (uint32_t)sqlite3_column_int64(s, 2);
		ev.request_id = (uint64_t)sqlite3_column_int64(s, 3);
		ev.data = db_column_blob(st, DB_LOAD_EVENTS, 4, &ev.len);
		if (ld->event != NULL && (rc = ld->event(ld->arg, &ev)) < 0)
			break;
	}
	db_reset(st, DB_LOAD_EVENTS);

	s = st->stmt[DB_LOAD_SEATS];
	db_bind_text(st, DB_LOAD_SEATS, 1, code);
	while (rc >= 0 && (rc = db_step(st, DB_LOAD_SEATS)) == 1) {
		seat.participant_id = (uint32_t)sqlite3_column_int64(s, 0);
		if (sqlite3_column_bytes(s, 1) != STORE_HASH_SIZE) {
			snprintf(st->error, sizeof st->error,
			         "room %s: a token hash of the wrong size", code);
			rc = -EIO;
			break;
		}
		memcpy(seat.token_hash, sqlite3_column_blob(s, 1),
		       STORE_HASH_SIZE);
		if (ld->seat != NULL && (rc = ld->seat(ld->arg, &seat)) < 0)
			break;
	}
	db_reset(st, DB_LOAD_SEATS);

	s = st->stmt[DB_LOAD_REQUESTS];
	db_bind_text(st, DB_LOAD_REQUESTS, 1, code);
	while (rc >= 0 && (rc = db_step(st, DB_LOAD_REQUESTS)) == 1) {
		req.participant_id = (uint32_t)sqlite3_column_int64(s, 0);
		req.request_id = (uint64_t)sqlite3_column_int64(s, 1);
		req.seq = (uint64_t)sqlite3_column_int64(s, 2);
		if (ld->request != NULL &&
		    (rc = ld->request(ld->arg, &req)) < 0)
			break;
	}
	db_reset(st, DB_LOAD_REQUESTS);
	return rc < 0 ? rc : 0;
}

/* Reports the rooms of query id (DB_LOAD_ROOMS, or DB_LOAD_ROOM with code
 * bound) and counts them. */
static int
load_rooms(struct store *st, enum db_stmt id, const struct store_loader *ld,
           size_t *count)
{
	sqlite3_stmt *s = st->stmt[id];
	struct store_room room;
	bool own = sqlite3_get_autocommit(st->db);
	int rc = 0;

	/* One read transaction, so that the load sees one state even while
	 * another process writes. */
	if (own)
		rc = db_run(st, DB_BEGIN_READ);
	while (rc >= 0 && (rc = db_step(st, id)) == 1) {
		/* The code stays valid until the next step of the rooms. */
		room.code = (const char *)sqlite3_column_text(s, 0);
		room.epoch = (uint64_t)sqlite3_column_int64(s, 1);
		room.created_ms = sqlite3_column_int64(s, 2);
		room.used_ms = sqlite3_column_int64(s, 3);
		room.snapshot = db_column_blob(st, id, 4, &room.snapshot_len);
		room.snapshot_seq = (uint64_t)sqlite3_column_int64(s, 5);
		room.snapshot_ms = sqlite3_column_int64(s, 6);
		room.chair_code_hash = sqlite3_column_bytes(s, 7) ==
		                       STORE_HASH_SIZE ?
		                       sqlite3_column_blob(s, 7) : NULL;
		room.chair_id = (uint32_t)sqlite3_column_int64(s, 8);
		room.password_hash = (const char *)sqlite3_column_text(s, 9);
		if (room.code == NULL) {
			rc = db_set_error(st, SQLITE_NOMEM);
			break;
		}
		(*count)++;
		if (ld->room != NULL && (rc = ld->room(ld->arg, &room)) < 0)
			break;
		rc = load_rows(st, ld, room.code);
		if (rc == 0 && ld->room_done != NULL)
			rc = ld->room_done(ld->arg);
	}
	db_reset(st, id);
	if (own)
		db_run_quietly(st, DB_COMMIT);
	return rc < 0 ? rc : 0;
}

int
store_load(struct store *st, const struct store_loader *loader)
{
	size_t count = 0;

	return load_rooms(st, DB_LOAD_ROOMS, loader, &count);
}

int
store_load_room(struct store *st, const char *code,
                const struct store_loader *loader)
{
	size_t count = 0;
	int rc;

	db_bind_text(st, DB_LOAD_ROOM, 1, code);
	rc = load_rooms(st, DB_LOAD_ROOM, loader, &count);
	if (rc == 0 && count == 0) {
		snprintf(st->error, sizeof st->error, "no room %s", code);
		return -ENOENT;
	}
	return rc;
}

int
store_set_alive(struct store *st, int64_t now_ms)
{
	int rc = db_op_begin(st);

	if (rc < 0)
		return rc;
	db_bind_int(st, DB_SET_ALIVE, 1, now_ms);
	return db_op_end(st, db_run(st, DB_SET_ALIVE));
}

int
store_set_alive_lazily(struct store *st, int64_t now_ms)
{
	int rc;

	if (!sqlite3_get_autocommit(st->db))
		return -EBUSY;
	if (!st->sync_full)
		return store_set_alive(st, now_ms);
	/* In WAL mode NORMAL writes the log without flushing it; the
	 * checkpoints still flush what they copy. */
	rc = db_exec(st, "PRAGMA synchronous = NORMAL");
	if (rc == 0)
		rc = store_set_alive(st, now_ms);
	if (db_exec(st, "PRAGMA synchronous = FULL") < 0 && rc == 0)
		rc = -EIO;
	return rc;
}

int
store_synchronous(struct store *st)
{
	int64_t level;
	int rc = db_query_int(st, "PRAGMA synchronous", &level);

	return rc < 0 ? rc : (int)level;
}

int
store_get_alive(struct store *st, int64_t *now_ms)
{
	int rc = db_step(st, DB_GET_ALIVE);

	*now_ms = rc == 1 ? sqlite3_column_int64(st->stmt[DB_GET_ALIVE], 0) : 0;
	db_reset(st, DB_GET_ALIVE);
	return rc < 0 ? rc : 0;
}

void
store_checkpoint(struct store *st, bool truncate)
{
	db_checkpoint(st, truncate);
}

int
store_backup(struct store *st, const char *path)
{
	sqlite3 *src = NULL, *dst = NULL;
	sqlite3_backup *b;
	int fd, rc, step;

	/* O_EXCL makes "must not exist" hold against a race too; SQLite
	 * takes the empty file for a new database. */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		rc = errno;
		snprintf(st->error, sizeof st->error, "%s: %s", path,
		         strerror(rc));
		return rc == EEXIST ? -EEXIST : -EIO;
	}
	close(fd);
	/* A connection of its own reads the last commit, not what the
	 * turn's transaction holds so far. */
	rc = sqlite3_open_v2(st->path, &src, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(src, DB_BUSY_TIMEOUT_MS);
		b = sqlite3_backup_init(dst, "main", src, "main");
		if (b == NULL) {
			rc = sqlite3_errcode(dst);
		} else {
			/* finish() reports what went wrong, except for a
			 * busy or locked source, which only step() tells. */
			step = sqlite3_backup_step(b, -1);
			rc = sqlite3_backup_finish(b);
			if (rc == SQLITE_OK && step != SQLITE_DONE)
				rc = step;
		}
	}
	if (rc != SQLITE_OK) {
		snprintf(st->error, sizeof st->error, "%s: %s", path,
		         dst != NULL ? sqlite3_errmsg(dst) :
		         src != NULL ? sqlite3_errmsg(src) : sqlite3_errstr(rc));
		st->stats.failures++;
		rc = db_errno(NULL, rc);
	}
	sqlite3_close_v2(dst);
	sqlite3_close_v2(src);
	if (rc != 0)
		unlink(path);
	return rc;
}

/* SQLite's own cap (max_page_count) fails a write in the middle of a
 * statement, and for a statement without a statement journal (most of
 * ours) it then rolls back the whole transaction, not just the command.
 * So the store checks its cap itself after each write, where undoing
 * only that write is possible, and SQLite's cap lies higher, for a
 * command that is larger than anything we write. */
int
store_limit_size(struct store *st, uint64_t bytes)
{
	char sql[64];
	int64_t page_size;
	uint64_t pages;
	int rc;

	rc = db_query_int(st, "PRAGMA page_size", &page_size);
	if (rc < 0)
		return rc;
	if (page_size <= 0)
		page_size = 4096;
	st->cap_pages = bytes / (uint64_t)page_size;
	/* SQLite ignores 0; a cap under a page still allows one. */
	if (bytes > 0 && st->cap_pages == 0)
		st->cap_pages = 1;
	pages = bytes == 0 ? PAGES_MAX :
	        st->cap_pages + CAP_SLACK_BYTES / (uint64_t)page_size;
	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %llu",
	         (unsigned long long)(pages < PAGES_MAX ? pages : PAGES_MAX));
	return db_exec(st, sql);
}

void
store_get_stats(const struct store *st, struct store_stats *stats)
{
	*stats = st->stats;
}

void
store_hash(const void *secret, size_t len, uint8_t hash[STORE_HASH_SIZE])
{
	/* Safe from any thread and any number of times; it fails only
	 * without a random source, which hashing does not need. */
	int rc = sodium_init();

	(void)rc;
	crypto_generichash(hash, STORE_HASH_SIZE, secret, len, NULL, 0);
}
