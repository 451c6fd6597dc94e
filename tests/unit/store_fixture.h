/* Shared fixture for the store's unit tests (test_store.c,
 * test_store_migrate.c): a fresh directory under /tmp for each test
 * (tmp_begin, tmp_end), the store opened in it, statements on a connection
 * of the test's own (raw_text, raw_int), files read back, rooms, events and
 * seats written, and a loader that logs what store_load() reports as lines
 * of text. Define _XOPEN_SOURCE 700 before any header, for nftw(). Inline,
 * so that a test uses what it needs without warnings for the rest; the
 * globals root and dir are each test executable's own. */
#ifndef AANDESLAG_STORE_FIXTURE_H
#define AANDESLAG_STORE_FIXTURE_H

#include "check.h"

#include "store.h"
#include "tmpdir_fixture.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <sys/stat.h>

#define LOG_SIZE 8192
#define ROOT_SIZE 32            /* "/tmp/aandeslag-store-XXXXXX" */
#define DIR_SIZE 64
#define PATH_SIZE 128

static char root[ROOT_SIZE];
static char dir[DIR_SIZE];

static inline void
tmp_remove(void)
{
	tmpdir_remove(root);
	root[0] = '\0';
}

/* Makes root, a fresh directory, and dir, where the store goes (not
 * created: store_open() must make it). A failed check exits, and the
 * directory goes then too. */
static inline void
tmp_begin(void)
{
	snprintf(root, sizeof root, "/tmp/aandeslag-store-XXXXXX");
	CHECK(mkdtemp(root) != NULL);
	snprintf(dir, sizeof dir, "%s/data", root);
	atexit(tmp_remove);
}

static inline void
tmp_end(void)
{
	char path[ROOT_SIZE];
	struct stat sb;

	memcpy(path, root, sizeof path);
	tmp_remove();
	CHECK(stat(path, &sb) < 0 && errno == ENOENT);
}

static inline struct store *
open_store(uv_loop_t *loop)
{
	struct store *st = NULL;
	char err[256] = "";
	int rc;

	rc = store_open(&st, dir, STORE_SYNC_NORMAL, loop, err, sizeof err);
	if (rc != 0)
		CHECK_FAIL("store_open: %d %s", rc, err);
	CHECK(st != NULL);
	return st;
}

/* Runs a statement of one value (or none) on a connection of the test's
 * own. */
static inline void
raw_text(const char *d, const char *sql, char *out, size_t size)
{
	char path[PATH_SIZE];
	sqlite3_stmt *s;
	sqlite3 *db;

	snprintf(path, sizeof path, "%s/%s", d, STORE_FILE);
	CHECK_INT(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
	          SQLITE_OK);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		CHECK_FAIL("%s: %s", sql, sqlite3_errmsg(db));
	CHECK(sqlite3_step(s) == SQLITE_ROW || sqlite3_column_count(s) == 0);
	snprintf(out, size, "%s", sqlite3_column_text(s, 0) != NULL ?
	         (const char *)sqlite3_column_text(s, 0) : "");
	sqlite3_finalize(s);
	CHECK_INT(sqlite3_close(db), ==, SQLITE_OK);
}

static inline long long
raw_int(const char *d, const char *sql)
{
	char buf[64];

	raw_text(d, sql, buf, sizeof buf);
	return atoll(buf);
}

static inline bool
file_contains(const char *path, const char *needle)
{
	size_t len, nlen = strlen(needle), i;
	char *buf = tmpdir_slurp(path, &len);
	bool found = false;

	for (i = 0; buf != NULL && !found && i + nlen <= len; i++)
		found = memcmp(buf + i, needle, nlen) == 0;
	free(buf);
	return found;
}

static inline void
put_room(struct store *st, const char *code, uint64_t epoch,
         int64_t created_ms, int64_t used_ms, const char *snapshot,
         uint64_t snapshot_seq, size_t keep)
{
	struct store_room room = {
		.code = code, .epoch = epoch, .created_ms = created_ms,
		.used_ms = used_ms, .snapshot = (const uint8_t *)snapshot,
		.snapshot_len = strlen(snapshot), .snapshot_seq = snapshot_seq,
		.snapshot_ms = used_ms * 10,
	};

	CHECK_INT(store_put_room(st, &room, keep), ==, 0);
}

static inline int
add_event(struct store *st, const char *code, uint64_t seq, uint32_t pid,
          uint64_t rid, const void *data, size_t len)
{
	struct store_event ev = {
		.seq = seq, .wall_ms = 1000 + (int64_t)seq,
		.participant_id = pid, .request_id = rid, .data = data,
		.len = len, .touch = true,
	};

	return store_add_event(st, code, &ev);
}

static inline void
add_text(struct store *st, const char *code, uint64_t seq, uint32_t pid,
         uint64_t rid, const char *text)
{
	CHECK_INT(add_event(st, code, seq, pid, rid, text, strlen(text)), ==,
	          0);
}

static inline void
put_seat(struct store *st, const char *code, uint32_t pid, uint8_t fill)
{
	struct store_seat seat = { .participant_id = pid };

	memset(seat.token_hash, fill, sizeof seat.token_hash);
	CHECK_INT(store_put_seat(st, code, &seat), ==, 0);
}

/* A loader that writes what it is told as lines of text. */
struct log {
	char text[LOG_SIZE];
	size_t len;
	int stop_rooms;         /* the room callback fails after this many */
	int rooms;
};

static inline void
log_add(struct log *log, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static inline void
log_add(struct log *log, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(log->text + log->len, sizeof log->text - log->len, fmt,
	              ap);
	va_end(ap);
	CHECK(n >= 0 && (size_t)n < sizeof log->text - log->len);
	log->len += (size_t)n;
}

static inline int
log_room(void *arg, const struct store_room *r)
{
	struct log *log = arg;

	if (log->stop_rooms != 0 && log->rooms == log->stop_rooms)
		return -42;
	log->rooms++;
	CHECK(r->snapshot != NULL);
	log_add(log, "room %s epoch %llu created %lld used %lld snap %.*s "
	        "seq %llu ms %lld\n", r->code, (unsigned long long)r->epoch,
	        (long long)r->created_ms, (long long)r->used_ms,
	        (int)r->snapshot_len, (const char *)r->snapshot,
	        (unsigned long long)r->snapshot_seq,
	        (long long)r->snapshot_ms);
	return 0;
}

static inline int
log_event(void *arg, const struct store_event *e)
{
	CHECK(e->data != NULL);
	log_add(arg, "event %llu wall %lld p %u r %llu %.*s\n",
	        (unsigned long long)e->seq, (long long)e->wall_ms,
	        e->participant_id, (unsigned long long)e->request_id,
	        (int)e->len, (const char *)e->data);
	return 0;
}

static inline int
log_seat(void *arg, const struct store_seat *s)
{
	log_add(arg, "seat %u %02x%02x\n", s->participant_id, s->token_hash[0],
	        s->token_hash[STORE_HASH_SIZE - 1]);
	return 0;
}

static inline int
log_request(void *arg, const struct store_request *r)
{
	log_add(arg, "request %u %llu %llu\n", r->participant_id,
	        (unsigned long long)r->request_id, (unsigned long long)r->seq);
	return 0;
}

static inline int
log_done(void *arg)
{
	log_add(arg, "done\n");
	return 0;
}

static inline void
load_log(struct store *st, struct log *log)
{
	struct store_loader ld = {
		log_room, log_event, log_seat, log_request, log_done, log,
	};

	memset(log, 0, sizeof *log);
	CHECK_INT(store_load(st, &ld), ==, 0);
}

#endif
