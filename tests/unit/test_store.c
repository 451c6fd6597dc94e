/* Tests for store.c: the schema, the round trip through the database,
 * savepoints and commits, compaction, deletion that leaves no text behind,
 * a full disk, backups and checkpoints on the thread pool. Each test works
 * in a fresh directory under /tmp and removes it. */

/* nftw() is X/Open, not C11; it must be asked for before any header. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include "check.h"

#include "store.h"
#include "store_fixture.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#define SECRET "GEHEIM-12345"

static void
test_open_creates(void)
{
	char err[256] = "", missing[DIR_SIZE], path[PATH_SIZE];
	struct store *st;
	struct stat sb;
	char *head;
	size_t len;

	tmp_begin();
	st = open_store(NULL);
	CHECK_INT(stat(dir, &sb), ==, 0);
	CHECK_INT(sb.st_mode & 0777, ==, 0700);
	snprintf(path, sizeof path, "%s/%s", dir, STORE_FILE);
	CHECK_STR(store_path(st), path);
	CHECK_STR(store_error(st), "");
	store_close(st);
	CHECK_INT(raw_int(dir, "PRAGMA user_version"), ==, STORE_SCHEMA_VERSION);
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM sqlite_master WHERE "
	                  "type = 'table'"), ==, 6);
	/* Bytes 18 and 19 of the header are 2 for a database in WAL mode. */
	head = tmpdir_slurp(path, &len);
	CHECK(head != NULL);
	CHECK_UINT(len, >=, 100);
	CHECK_INT(head[18], ==, 2);
	CHECK_INT(head[19], ==, 2);
	free(head);

	/* Opening again finds the schema in place. */
	st = open_store(NULL);
	store_close(st);

	snprintf(missing, sizeof missing, "%s/no/data", root);
	st = (struct store *)1;
	CHECK_INT(store_open(&st, missing, STORE_SYNC_FULL, NULL, err,
	                     sizeof err), ==, -ENOENT);
	CHECK(st == NULL);
	CHECK_CONTAINS(err, missing);
	CHECK_CONTAINS(err, strerror(ENOENT));
	tmp_end();
}

static void
test_refuses(void)
{
	char err[256] = "", path[PATH_SIZE];
	struct store *st;
	FILE *f;

	tmp_begin();
	CHECK_INT(store_open_readonly(&st, dir, err, sizeof err), ==, -ENOENT);
	CHECK(st == NULL);
	CHECK_CONTAINS(err, STORE_FILE);

	st = open_store(NULL);
	store_close(st);
	/* A newer build's database: neither side may touch it. */
	snprintf(path, sizeof path, "PRAGMA user_version = %d",
	         STORE_SCHEMA_VERSION + 1);
	raw_int(dir, path);
	CHECK_INT(store_open(&st, dir, STORE_SYNC_NORMAL, NULL, err,
	                     sizeof err), ==, -EPROTO);
	CHECK(st == NULL);
	CHECK_CONTAINS(err, "newer");
	CHECK_INT(store_open_readonly(&st, dir, err, sizeof err), ==, -EPROTO);
	CHECK_INT(raw_int(dir, "PRAGMA user_version"), ==,
	          STORE_SCHEMA_VERSION + 1);

	/* A file that is not a database at all. */
	snprintf(path, sizeof path, "%s/%s", dir, STORE_FILE);
	unlink(path);
	f = fopen(path, "w");
	CHECK(f != NULL);
	for (int i = 0; i < 100; i++)
		fputs("no database here, only text\n", f);
	fclose(f);
	CHECK_INT(store_open(&st, dir, STORE_SYNC_NORMAL, NULL, err,
	                     sizeof err), ==, -EIO);
	CHECK_CONTAINS(err, path);
	tmp_end();
}

static const char round_trip[] =
	"room AAAA epoch 1 created 50 used 1006 snap snapA seq 3 ms 500\n"
	"event 4 wall 1004 p 1 r 7 ev4\n"
	"event 5 wall 1005 p 0 r 0 ev5\n"
	"event 6 wall 1006 p 2 r 1 ev6\n"
	"seat 1 dddd\n"
	"seat 2 bbbb\n"
	"request 1 7 4\n"
	"request 2 1 6\n"
	"done\n"
	"room BBBB epoch 18446744073709551615 created 100 used 1001 "
	"snap snapB seq 0 ms 1000\n"
	"event 1 wall 1001 p 1 r 1 b1\n"
	"seat 1 cccc\n"
	"request 1 1 1\n"
	"done\n"
	"room CCCC epoch 0 created 1 used 1001 snap  seq 0 ms 10\n"
	"event 1 wall 1001 p 4294967295 r 18446744073709551615 \n"
	"request 4294967295 18446744073709551615 1\n"
	"done\n";

static void
test_round_trip(void)
{
	struct store_loader ld;
	struct store *st;
	struct log log;
	char err[256];

	tmp_begin();
	st = open_store(NULL);
	put_room(st, "BBBB", UINT64_MAX, 100, 100, "snapB", 0, 128);
	put_room(st, "AAAA", 1, 50, 50, "snapA", 3, 128);
	put_room(st, "CCCC", 0, 1, 1, "", 0, 128);
	add_text(st, "AAAA", 4, 1, 7, "ev4");
	add_text(st, "AAAA", 5, 0, 0, "ev5");
	add_text(st, "AAAA", 6, 2, 1, "ev6");
	add_text(st, "BBBB", 1, 1, 1, "b1");
	CHECK_INT(add_event(st, "CCCC", 1, UINT32_MAX, UINT64_MAX, NULL, 0),
	          ==, 0);
	put_seat(st, "AAAA", 2, 0xbb);
	put_seat(st, "AAAA", 1, 0xaa);
	put_seat(st, "BBBB", 1, 0xcc);
	put_seat(st, "AAAA", 1, 0xdd);
	/* No such room; a sequence number taken. */
	CHECK_INT(add_event(st, "ZZZZ", 1, 1, 0, "x", 1), ==, -ENOENT);
	CHECK_INT(add_event(st, "AAAA", 5, 1, 0, "x", 1), ==, -EEXIST);
	CHECK_CONTAINS(store_error(st), "constraint");
	store_close(st);

	st = open_store(NULL);
	load_log(st, &log);
	CHECK_STR(log.text, round_trip);
	/* One room alone: the part of the whole that is about it. */
	memset(&log, 0, sizeof log);
	ld = (struct store_loader){
		log_room, log_event, log_seat, log_request, log_done, &log,
	};
	CHECK_INT(store_load_room(st, "BBBB", &ld), ==, 0);
	CHECK(strstr(round_trip, log.text) != NULL);
	CHECK_CONTAINS(log.text, "room BBBB");
	CHECK(strstr(log.text, "room AAAA") == NULL);
	CHECK(strstr(log.text, "room CCCC") == NULL);
	CHECK_INT(store_load_room(st, "ZZZZ", &ld), ==, -ENOENT);
	store_close(st);

	/* The same read-only; writes are refused there. */
	CHECK_INT(store_open_readonly(&st, dir, err, sizeof err), ==, 0);
	load_log(st, &log);
	CHECK_STR(log.text, round_trip);
	CHECK_INT(add_event(st, "AAAA", 9, 1, 0, "x", 1), ==, -EACCES);
	/* A callback may be missing, and a negative one stops the load. */
	memset(&log, 0, sizeof log);
	log.stop_rooms = 1;
	ld = (struct store_loader){ .room = log_room, .arg = &log };
	CHECK_INT(store_load(st, &ld), ==, -42);
	CHECK_STR(log.text,
	          "room AAAA epoch 1 created 50 used 1006 snap snapA seq 3 ms 500\n");
	store_close(st);
	tmp_end();
}

static void
test_savepoints(void)
{
	struct store_stats stats;
	struct store *st;
	struct log log;

	tmp_begin();
	st = open_store(NULL);
	put_room(st, "AAAA", 1, 1, 1, "s", 0, 8);
	CHECK(!store_in_transaction(st));
	CHECK_INT(store_savepoint(st), ==, 0);
	CHECK(store_in_transaction(st));
	add_text(st, "AAAA", 1, 1, 1, "one");
	CHECK_INT(store_release(st), ==, 0);
	CHECK_INT(store_savepoint(st), ==, 0);
	add_text(st, "AAAA", 2, 1, 2, "two");
	put_seat(st, "AAAA", 5, 0x55);
	CHECK_INT(store_rollback(st), ==, 0);
	CHECK(store_in_transaction(st));
	CHECK_INT(store_savepoint(st), ==, 0);
	add_text(st, "AAAA", 3, 1, 3, "three");
	CHECK_INT(store_release(st), ==, 0);
	CHECK_INT(store_commit(st), ==, 0);
	CHECK(!store_in_transaction(st));
	store_get_stats(st, &stats);
	CHECK_UINT(stats.commits, ==, 1);
	CHECK_UINT(stats.events, ==, 3);
	CHECK_UINT(stats.failures, ==, 0);

	/* What is open when the store closes is committed. */
	CHECK_INT(store_begin(st), ==, 0);
	add_text(st, "AAAA", 4, 1, 4, "four");
	store_close(st);

	st = open_store(NULL);
	load_log(st, &log);
	CHECK_STR(log.text,
	          "room AAAA epoch 1 created 1 used 1004 snap s seq 0 ms 10\n"
	          "event 1 wall 1001 p 1 r 1 one\n"
	          "event 3 wall 1003 p 1 r 3 three\n"
	          "event 4 wall 1004 p 1 r 4 four\n"
	          "request 1 1 1\n"
	          "request 1 3 3\n"
	          "request 1 4 4\n"
	          "done\n");
	store_close(st);
	tmp_end();
}

static void
test_commits_and_alive(void)
{
	struct store_stats stats;
	struct store *st;
	int64_t alive = -1;

	tmp_begin();
	st = open_store(NULL);
	CHECK_INT(store_commit(st), ==, 0);
	CHECK_INT(store_get_alive(st, &alive), ==, 0);
	CHECK_INT(alive, ==, 0);
	/* Without a transaction the write commits by itself. */
	CHECK_INT(store_set_alive(st, 12345), ==, 0);
	CHECK(!store_in_transaction(st));
	store_get_stats(st, &stats);
	CHECK_UINT(stats.commits, ==, 0);

	CHECK_INT(store_begin(st), ==, 0);
	CHECK_INT(store_begin(st), ==, 0);
	CHECK_INT(store_savepoint(st), ==, 0);
	CHECK_INT(store_set_alive(st, 99), ==, 0);
	CHECK_INT(store_get_alive(st, &alive), ==, 0);
	CHECK_INT(alive, ==, 99);
	CHECK_INT(store_rollback(st), ==, 0);
	CHECK_INT(store_get_alive(st, &alive), ==, 0);
	CHECK_INT(alive, ==, 12345);
	CHECK_INT(store_set_alive(st, 23456), ==, 0);
	CHECK_INT(store_commit(st), ==, 0);
	CHECK_INT(store_commit(st), ==, 0);
	store_get_stats(st, &stats);
	CHECK_UINT(stats.commits, ==, 1);
	CHECK_INT(store_begin(st), ==, 0);
	CHECK_INT(store_commit(st), ==, 0);
	store_get_stats(st, &stats);
	CHECK_UINT(stats.commits, ==, 2);
	store_close(st);

	st = open_store(NULL);
	CHECK_INT(store_get_alive(st, &alive), ==, 0);
	CHECK_INT(alive, ==, 23456);
	store_close(st);
	tmp_end();
}

/* The alive stamp of an idle server is written without a flush, also
 * under --sync full, and every other commit is flushed as before. */
static void
test_alive_lazily(void)
{
	struct store *st = NULL;
	char err[256] = "";
	int64_t alive = -1;

	tmp_begin();
	CHECK_INT(store_open(&st, dir, STORE_SYNC_FULL, NULL, err, sizeof err),
	          ==, 0);
	CHECK_INT(store_set_alive_lazily(st, 777), ==, 0);
	CHECK(!store_in_transaction(st));
	CHECK_INT(store_get_alive(st, &alive), ==, 0);
	CHECK_INT(alive, ==, 777);
	CHECK_INT(store_synchronous(st), ==, 2);        /* FULL again */
	/* Inside a transaction it would flush with the commit anyway. */
	CHECK_INT(store_begin(st), ==, 0);
	CHECK_INT(store_set_alive_lazily(st, 888), ==, -EBUSY);
	CHECK_INT(store_commit(st), ==, 0);
	store_close(st);
	st = open_store(NULL);                          /* NORMAL */
	CHECK_INT(store_get_alive(st, &alive), ==, 0);
	CHECK_INT(alive, ==, 777);
	CHECK_INT(store_set_alive_lazily(st, 999), ==, 0);
	CHECK_INT(store_synchronous(st), ==, 1);
	store_close(st);
	st = open_store(NULL);
	CHECK_INT(store_get_alive(st, &alive), ==, 0);
	CHECK_INT(alive, ==, 999);
	store_close(st);
	tmp_end();
}

/* An event notes the room's last use only when asked (the server asks
 * at most once a minute, since the row also holds the snapshot). */
static void
test_touch(void)
{
	struct store_event ev = { .seq = 1, .wall_ms = 7000,
	                          .data = (const uint8_t *)"e", .len = 1 };
	struct store *st;

	tmp_begin();
	st = open_store(NULL);
	put_room(st, "AAAA", 1, 50, 50, "s0", 0, 128);
	CHECK_INT(store_add_event(st, "AAAA", &ev), ==, 0);
	store_close(st);
	CHECK_INT(raw_int(dir, "SELECT used_ms FROM rooms"), ==, 50);
	st = open_store(NULL);
	ev.seq = 2;
	ev.wall_ms = 8000;
	ev.touch = true;
	CHECK_INT(store_add_event(st, "AAAA", &ev), ==, 0);
	store_close(st);
	CHECK_INT(raw_int(dir, "SELECT used_ms FROM rooms"), ==, 8000);
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM events"), ==, 2);
	tmp_end();
}

static void
test_compaction(void)
{
	char text[256];
	struct store *st;
	struct log log;
	struct store_loader ld = {
		log_room, log_event, log_seat, log_request, log_done, &log,
	};
	uint64_t i;

	tmp_begin();
	st = open_store(NULL);
	put_room(st, "AAAA", 1, 50, 50, "s0", 0, 128);
	put_room(st, "BBBB", 1, 50, 50, "b0", 0, 128);
	put_seat(st, "AAAA", 1, 1);
	put_seat(st, "AAAA", 2, 2);
	/* Participant 3 has no stored seat (any more): nothing of it is
	 * kept when its events go. */
	add_text(st, "AAAA", 14, 3, 1, "w");
	for (i = 1; i <= 10; i++)
		add_text(st, "AAAA", i, 1, i, "x");
	for (i = 1; i <= 3; i++)
		add_text(st, "AAAA", 10 + i, 2, i, "y");
	for (i = 1; i <= 6; i++)
		add_text(st, "BBBB", i, 1, i, "z");
	/* A command's result is its event's row: no other row is written. */
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM requests"), ==, 0);
	put_room(st, "AAAA", 2, 999, 2000, "s6", 6, 4);
	store_close(st);

	raw_text(dir, "SELECT group_concat(seq) FROM (SELECT seq FROM events "
	         "WHERE room = 'AAAA' ORDER BY seq)", text, sizeof text);
	CHECK_STR(text, "7,8,9,10,11,12,13,14");
	/* The results of the events the snapshot replaced are kept, the
	 * last four per participant. */
	raw_text(dir, "SELECT group_concat(r) FROM (SELECT participant_id || "
	         "':' || request_id || '=' || seq AS r FROM requests WHERE "
	         "room = 'AAAA' ORDER BY participant_id, request_id)",
	         text, sizeof text);
	CHECK_STR(text, "1:3=3,1:4=4,1:5=5,1:6=6");
	/* A load reports those and the ones of the events after the
	 * snapshot, once each, in order. */
	st = open_store(NULL);
	memset(&log, 0, sizeof log);
	CHECK_INT(store_load_room(st, "AAAA", &ld), ==, 0);
	store_close(st);
	CHECK_CONTAINS(log.text, "seat 2 0202\nrequest 1 3 3\nrequest 1 4 4\n"
	               "request 1 5 5\nrequest 1 6 6\nrequest 1 7 7\n"
	               "request 1 8 8\nrequest 1 9 9\nrequest 1 10 10\n"
	               "request 2 1 11\nrequest 2 2 12\nrequest 2 3 13\n"
	               "request 3 1 14\ndone\n");
	st = open_store(NULL);
	put_room(st, "AAAA", 2, 999, 2000, "s14", 14, 4);
	store_close(st);
	raw_text(dir, "SELECT group_concat(r) FROM (SELECT participant_id || "
	         "':' || request_id || '=' || seq AS r FROM requests WHERE "
	         "room = 'AAAA' ORDER BY participant_id, request_id)",
	         text, sizeof text);
	CHECK_STR(text, "1:7=7,1:8=8,1:9=9,1:10=10,2:1=11,2:2=12,2:3=13");
	raw_text(dir, "SELECT created_ms || ' ' || used_ms || ' ' || epoch || "
	         "' ' || snapshot_seq || ' ' || snapshot_ms || ' ' || "
	         "CAST(snapshot AS TEXT) FROM rooms WHERE code = 'AAAA'", text,
	         sizeof text);
	CHECK_STR(text, "50 2000 2 14 20000 s14");
	/* The other room is untouched. */
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM events WHERE room = "
	                  "'BBBB'"), ==, 6);
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM requests WHERE room = "
	                  "'BBBB'"), ==, 0);

	st = open_store(NULL);
	put_room(st, "AAAA", 2, 999, 2001, "s14", 14, 0);
	store_close(st);
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM events WHERE room = "
	                  "'AAAA'"), ==, 0);
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM requests WHERE room = "
	                  "'AAAA'"), ==, 0);
	tmp_end();
}

static void
test_delete(void)
{
	char text[256];
	struct store *st;
	size_t count = 99;

	tmp_begin();
	st = open_store(NULL);
	put_room(st, "AAAA", 1, 1, 100, "a", 0, 8);
	put_room(st, "BBBB", 1, 1, 200, "b", 0, 8);
	put_room(st, "CCCC", 1, 1, 300, "c", 0, 8);
	put_seat(st, "AAAA", 1, 1);
	put_seat(st, "CCCC", 1, 1);
	put_seat(st, "CCCC", 2, 2);
	/* Written with a wall clock of 1001 and 1002: after the others. */
	add_text(st, "CCCC", 1, 1, 1, "c1");
	add_text(st, "CCCC", 2, 2, 1, "c2");
	add_text(st, "AAAA", 1, 1, 1, "a1");
	put_room(st, "AAAA", 1, 1, 100, "a", 0, 8);
	/* CCCC's results move from its events to the requests table. */
	put_room(st, "CCCC", 1, 1, 1002, "c", 2, 8);
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM requests"), ==, 2);

	CHECK_INT(store_set_epoch(st, "CCCC", UINT64_MAX - 1), ==, 0);
	CHECK_INT(store_set_epoch(st, "ZZZZ", 1), ==, -ENOENT);
	CHECK_INT(store_delete_seat(st, "CCCC", 1), ==, 0);
	CHECK_INT(store_purge(st, 250, &count), ==, 0);
	CHECK_UINT(count, ==, 2);
	CHECK_INT(store_delete_room(st, "AAAA"), ==, -ENOENT);
	CHECK_CONTAINS(store_error(st), "AAAA");
	store_close(st);

	raw_text(dir, "SELECT group_concat(code) FROM rooms", text,
	         sizeof text);
	CHECK_STR(text, "CCCC");
	raw_text(dir, "SELECT group_concat(participant_id) FROM seats", text,
	         sizeof text);
	CHECK_STR(text, "2");
	raw_text(dir, "SELECT group_concat(participant_id) FROM requests",
	         text, sizeof text);
	CHECK_STR(text, "2");
	/* AAAA's event went with it; CCCC's were compacted. */
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM events"), ==, 0);
	raw_text(dir, "SELECT epoch FROM rooms", text, sizeof text);
	CHECK_STR(text, "-2");

	st = open_store(NULL);
	CHECK_INT(store_delete_room(st, "CCCC"), ==, 0);
	CHECK_INT(store_purge(st, INT64_MAX, &count), ==, 0);
	CHECK_UINT(count, ==, 0);
	store_close(st);
	CHECK_INT(raw_int(dir, "SELECT (SELECT count(*) FROM rooms) + "
	                  "(SELECT count(*) FROM events) + (SELECT count(*) "
	                  "FROM seats) + (SELECT count(*) FROM requests)"), ==,
	          0);
	tmp_end();
}

/* A note's text must leave the files once the room is compacted without
 * it: from the database by secure_delete, from the WAL by truncation. */
static void
test_secure_delete(void)
{
	char db[PATH_SIZE], wal[PATH_SIZE + 8];
	struct store_stats stats;
	struct store *st;
	char big[20000];
	struct stat sb;

	tmp_begin();
	snprintf(db, sizeof db, "%s/%s", dir, STORE_FILE);
	snprintf(wal, sizeof wal, "%s-wal", db);
	/* Large enough for overflow pages, with the text at both ends. */
	memset(big, 'q', sizeof big);
	memcpy(big, SECRET, strlen(SECRET));
	memcpy(big + sizeof big - strlen(SECRET), SECRET, strlen(SECRET));

	st = open_store(NULL);
	put_room(st, "AAAA", 1, 1, 1, "snapshot GEHEIM-SNAP", 0, 8);
	CHECK_INT(store_begin(st), ==, 0);
	add_text(st, "AAAA", 1, 1, 1, "note " SECRET " in the middle");
	CHECK_INT(add_event(st, "AAAA", 2, 1, 2, big, sizeof big), ==, 0);
	add_text(st, "AAAA", 3, 1, 3, "nothing to hide");
	CHECK_INT(store_commit(st), ==, 0);
	/* Copied into the database proper, so that the deletion has to
	 * overwrite it there. */
	store_checkpoint(st, false);
	CHECK(file_contains(db, SECRET));
	CHECK(file_contains(db, "GEHEIM-SNAP"));

	CHECK_INT(store_begin(st), ==, 0);
	put_room(st, "AAAA", 1, 1, 2, "snapshot clean", 2, 8);
	CHECK_INT(store_commit(st), ==, 0);
	store_checkpoint(st, true);
	store_get_stats(st, &stats);
	CHECK_UINT(stats.checkpoints, ==, 2);
	CHECK_INT(stat(wal, &sb), ==, 0);
	CHECK_INT(sb.st_size, ==, 0);
	CHECK(!file_contains(db, "GEHEIM"));
	store_close(st);
	CHECK(!file_contains(db, "GEHEIM"));
	CHECK(!file_contains(wal, "GEHEIM"));
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM events"), ==, 1);
	tmp_end();
}

/* The same the way the server does it: the truncating checkpoint is
 * asked in the middle of the turn that compacts, and runs on the thread
 * pool. */
static void
test_secure_delete_loop(void)
{
	char db[PATH_SIZE], wal[PATH_SIZE + 8];
	struct store_stats stats;
	struct store *st;
	uv_loop_t loop;

	tmp_begin();
	snprintf(db, sizeof db, "%s/%s", dir, STORE_FILE);
	snprintf(wal, sizeof wal, "%s-wal", db);
	CHECK_INT(uv_loop_init(&loop), ==, 0);
	st = open_store(&loop);
	CHECK_INT(store_savepoint(st), ==, 0);
	put_room(st, "AAAA", 1, 1, 1, "snapshot", 0, 8);
	add_text(st, "AAAA", 1, 1, 1, "note " SECRET);
	add_text(st, "AAAA", 2, 1, 2, "kept");
	CHECK_INT(store_release(st), ==, 0);
	CHECK_INT(store_commit(st), ==, 0);
	store_checkpoint(st, false);
	CHECK_INT(uv_run(&loop, UV_RUN_DEFAULT), ==, 0);
	CHECK(file_contains(db, SECRET));

	CHECK_INT(store_savepoint(st), ==, 0);
	put_room(st, "AAAA", 1, 1, 2, "snapshot kept", 2, 8);
	store_checkpoint(st, true);
	CHECK_INT(store_release(st), ==, 0);
	CHECK_INT(store_commit(st), ==, 0);
	CHECK_INT(uv_run(&loop, UV_RUN_DEFAULT), ==, 0);
	store_get_stats(st, &stats);
	CHECK_UINT(stats.checkpoints, ==, 2);
	CHECK(!file_contains(db, SECRET));
	CHECK(!file_contains(wal, SECRET));
	CHECK(file_contains(db, "snapshot kept"));
	store_close(st);
	CHECK_INT(uv_loop_close(&loop), ==, 0);
	CHECK(!file_contains(db, SECRET));
	tmp_end();
}

static void
test_limit_size(void)
{
	struct store_stats stats;
	static char blob[2000];
	struct store *st;
	uint64_t i;
	int rc = 0;

	tmp_begin();
	memset(blob, 'x', sizeof blob);
	st = open_store(NULL);
	put_room(st, "AAAA", 1, 1, 1, "s", 0, 8);
	CHECK_INT(store_limit_size(st, 64 * 1024), ==, 0);
	CHECK_INT(store_begin(st), ==, 0);
	for (i = 1; i < 1000; i++) {
		CHECK_INT(store_savepoint(st), ==, 0);
		rc = add_event(st, "AAAA", i, 1, i, blob, sizeof blob);
		if (rc < 0)
			break;
		CHECK_INT(store_release(st), ==, 0);
	}
	CHECK_INT(rc, ==, -ENOSPC);
	CHECK_UINT(i, >, 2);
	CHECK_CONTAINS(store_error(st), "full");
	store_get_stats(st, &stats);
	CHECK_UINT(stats.failures, >=, 1);
	/* Only the failed command is undone; the turn goes on. */
	CHECK_INT(store_rollback(st), ==, 0);
	CHECK(store_in_transaction(st));
	CHECK_INT(store_commit(st), ==, 0);
	CHECK_INT(add_event(st, "AAAA", i, 1, i, blob, sizeof blob), ==,
	          -ENOSPC);
	CHECK(!store_in_transaction(st));
	CHECK_INT(store_limit_size(st, 0), ==, 0);
	CHECK_INT(add_event(st, "AAAA", i, 1, i, blob, sizeof blob), ==, 0);
	store_close(st);
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM events"), ==, (long long)i);
	CHECK_INT(raw_int(dir, "SELECT max(seq) FROM events"), ==, (long long)i);
	tmp_end();
}

/* A write larger than SQLite's own cap fails in the middle of a statement,
 * and SQLite then rolls back the whole turn: the turn must say so, up to
 * its commit, rather than go on as if only the command were lost. */
static void
test_limit_turn_lost(void)
{
	size_t big = 20u * 1024 * 1024;
	struct store_stats stats;
	struct store *st;
	char *blob;

	tmp_begin();
	blob = calloc(1, big);
	CHECK(blob != NULL);
	st = open_store(NULL);
	put_room(st, "AAAA", 1, 1, 1, "s", 0, 8);
	CHECK_INT(store_limit_size(st, 64 * 1024), ==, 0);
	CHECK_INT(store_savepoint(st), ==, 0);
	add_text(st, "AAAA", 1, 1, 1, "small");
	CHECK_INT(store_release(st), ==, 0);
	CHECK_INT(store_savepoint(st), ==, 0);
	CHECK_INT(add_event(st, "AAAA", 2, 1, 2, blob, big), ==, -ENOSPC);
	CHECK(store_in_transaction(st));
	CHECK_INT(store_rollback(st), ==, -ENOSPC);
	CHECK_INT(store_savepoint(st), ==, -ENOSPC);
	add_event(st, "AAAA", 3, 1, 3, "x", 1);
	CHECK(store_in_transaction(st));
	CHECK_INT(store_commit(st), ==, -ENOSPC);
	CHECK(!store_in_transaction(st));
	store_get_stats(st, &stats);
	CHECK_UINT(stats.commits, ==, 0);
	/* The next turn works. */
	CHECK_INT(store_savepoint(st), ==, 0);
	add_text(st, "AAAA", 4, 1, 4, "after");
	CHECK_INT(store_release(st), ==, 0);
	CHECK_INT(store_commit(st), ==, 0);
	store_close(st);
	free(blob);
	CHECK_INT(raw_int(dir, "SELECT group_concat(seq) FROM events"), ==, 4);
	tmp_end();
}

static void
test_backup(void)
{
	char bdir[DIR_SIZE], bpath[PATH_SIZE], err[256];
	struct store *st, *b;
	struct log log;
	struct stat sb;

	tmp_begin();
	st = open_store(NULL);
	put_room(st, "AAAA", 1, 1, 1, "a", 0, 8);
	add_text(st, "AAAA", 1, 1, 1, "a1");
	put_room(st, "BBBB", 1, 1, 1, "b", 0, 8);
	/* Not committed, so not in the backup. */
	CHECK_INT(store_begin(st), ==, 0);
	put_room(st, "CCCC", 1, 1, 1, "c", 0, 8);
	snprintf(bdir, sizeof bdir, "%s/backup", root);
	snprintf(bpath, sizeof bpath, "%s/%s", bdir, STORE_FILE);
	CHECK_INT(store_backup(st, bpath), ==, -EIO);
	CHECK_CONTAINS(store_error(st), bpath);
	CHECK_INT(mkdir(bdir, 0700), ==, 0);
	CHECK_INT(store_backup(st, bpath), ==, 0);
	CHECK_INT(store_backup(st, bpath), ==, -EEXIST);
	CHECK_INT(stat(bpath, &sb), ==, 0);
	CHECK_INT(store_commit(st), ==, 0);
	store_close(st);

	CHECK_INT(store_open_readonly(&b, bdir, err, sizeof err), ==, 0);
	load_log(b, &log);
	CHECK_STR(log.text,
	          "room AAAA epoch 1 created 1 used 1001 snap a seq 0 ms 10\n"
	          "event 1 wall 1001 p 1 r 1 a1\n"
	          "request 1 1 1\n"
	          "done\n"
	          "room BBBB epoch 1 created 1 used 1 snap b seq 0 ms 10\n"
	          "done\n");
	store_close(b);
	tmp_end();
}

static void
test_checkpoint_loop(void)
{
	char wal[PATH_SIZE + 8];
	struct store_stats stats;
	struct store *st;
	uv_loop_t loop;
	struct stat sb;
	uint64_t i;

	tmp_begin();
	CHECK_INT(uv_loop_init(&loop), ==, 0);
	st = open_store(&loop);
	put_room(st, "AAAA", 1, 1, 1, "a", 0, 8);
	store_checkpoint(st, false);
	store_checkpoint(st, true);
	store_get_stats(st, &stats);
	CHECK_UINT(stats.checkpoints, ==, 0);
	CHECK_INT(uv_run(&loop, UV_RUN_DEFAULT), ==, 0);
	store_get_stats(st, &stats);
	CHECK_UINT(stats.checkpoints, ==, 2);
	/* The truncating one emptied the WAL. */
	snprintf(wal, sizeof wal, "%s-wal", store_path(st));
	CHECK_INT(stat(wal, &sb), ==, 0);
	CHECK_INT(sb.st_size, ==, 0);

	/* Each commit adds a few frames; past 1000 a checkpoint starts by
	 * itself. */
	for (i = 1; i <= 600; i++) {
		CHECK_INT(store_begin(st), ==, 0);
		add_text(st, "AAAA", i, 1, i, "e");
		CHECK_INT(store_commit(st), ==, 0);
	}
	CHECK_INT(uv_run(&loop, UV_RUN_DEFAULT), ==, 0);
	store_get_stats(st, &stats);
	CHECK_UINT(stats.checkpoints, >=, 3);
	CHECK_UINT(stats.commits, ==, 600);

	/* Closing waits for a checkpoint that is running. */
	store_checkpoint(st, true);
	store_close(st);
	CHECK_INT(uv_loop_close(&loop), ==, 0);
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM events"), ==, 600);
	tmp_end();
}

static void
test_hash(void)
{
	static const uint8_t abc[STORE_HASH_SIZE] = {
		0xbd, 0xdd, 0x81, 0x3c, 0x63, 0x42, 0x39, 0x72,
		0x31, 0x71, 0xef, 0x3f, 0xee, 0x98, 0x57, 0x9b,
		0x94, 0x96, 0x4e, 0x3b, 0xb1, 0xcb, 0x3e, 0x42,
		0x72, 0x62, 0xc8, 0xc0, 0x68, 0xd5, 0x23, 0x19,
	};
	uint8_t a[STORE_HASH_SIZE], b[STORE_HASH_SIZE];

	/* BLAKE2b-256 of "abc", as Python's hashlib gives it. */
	store_hash("abc", 3, a);
	CHECK(memcmp(a, abc, sizeof a) == 0);
	store_hash("abc", 3, b);
	CHECK(memcmp(a, b, sizeof a) == 0);
	store_hash("abd", 3, b);
	CHECK(memcmp(a, b, sizeof a) != 0);
	store_hash("abc", 2, b);
	CHECK(memcmp(a, b, sizeof a) != 0);
	store_hash(NULL, 0, b);
	CHECK(memcmp(a, b, sizeof a) != 0);
}

CHECK_MAIN(CHECK_TEST(test_open_creates),
           CHECK_TEST(test_refuses),
           CHECK_TEST(test_round_trip),
           CHECK_TEST(test_savepoints),
           CHECK_TEST(test_commits_and_alive),
           CHECK_TEST(test_alive_lazily),
           CHECK_TEST(test_touch),
           CHECK_TEST(test_compaction),
           CHECK_TEST(test_delete),
           CHECK_TEST(test_secure_delete),
           CHECK_TEST(test_secure_delete_loop),
           CHECK_TEST(test_limit_size),
           CHECK_TEST(test_limit_turn_lost),
           CHECK_TEST(test_backup),
           CHECK_TEST(test_checkpoint_loop),
           CHECK_TEST(test_hash))
