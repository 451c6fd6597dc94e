/* Tests for the store's migrations and its workshops (store.c,
 * wsstore.c): databases of schemas 1, 3 and 4 opened and brought to the
 * current one with their rows kept, and workshop records written, replaced,
 * loaded and deleted. Each test works in a fresh directory under /tmp and
 * removes it. */

/* nftw() is X/Open, not C11; it must be asked for before any header. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include "check.h"

#include "store.h"
#include "wsstore.h"
#include "store_fixture.h"

#include <errno.h>
#include <sqlite3.h>

static int
remember_chair(void *arg, const struct store_room *room)
{
	uint8_t *seen = arg;

	if (room->chair_code_hash == NULL)
		return 0;
	memcpy(seen, room->chair_code_hash, STORE_HASH_SIZE);
	seen[STORE_HASH_SIZE] = (uint8_t)room->chair_id;
	return 0;
}

/* The room the migration tests store with today's schema before they
 * take the file back to an older one. */
static struct store_room
old_room(void)
{
	static const uint8_t snap[] = { 1, 2, 3 };
	struct store_room room = {
		.code = "K7QM-2XPD", .epoch = 9, .created_ms = 1, .used_ms = 2,
		.snapshot = snap, .snapshot_len = sizeof snap,
		.snapshot_seq = 4, .snapshot_ms = 3,
	};

	return room;
}

/* Starts a test's directory with a store of today's schema that holds
 * room. */
static void
begin_with(const struct store_room *room)
{
	struct store *st;

	tmp_begin();
	st = open_store(NULL);
	CHECK_INT(store_put_room(st, room, 8), ==, 0);
	store_close(st);
}

/* A database of schema 1 (as the first release wrote it) is migrated:
 * its rooms stay, and they can carry a chair recovery code. */
static void
test_migrates_v1(void)
{
	struct store_room room = old_room();
	uint8_t hash[STORE_HASH_SIZE], seen[STORE_HASH_SIZE + 1] = { 0 };
	struct store_loader loader = { .room = remember_chair, .arg = seen };
	struct store *st;

	begin_with(&room);
	raw_int(dir, "ALTER TABLE rooms DROP COLUMN password_hash");
	raw_int(dir, "ALTER TABLE rooms DROP COLUMN chair_code_hash");
	raw_int(dir, "ALTER TABLE rooms DROP COLUMN chair_id");
	raw_int(dir, "DROP TABLE workshops");
	raw_int(dir, "PRAGMA user_version = 1");

	st = open_store(NULL);
	CHECK_INT(raw_int(dir, "PRAGMA user_version"), ==, STORE_SCHEMA_VERSION);
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM rooms WHERE chair_id = 0"),
	          ==, 1);
	store_hash("2345-6789", 9, hash);
	CHECK_INT(store_set_chair_code(st, "K7QM-2XPD", hash, 5), ==, 0);
	CHECK_INT(store_set_chair_code(st, "ZZZZ-ZZZZ", hash, 5), ==, -ENOENT);
	CHECK_INT(store_load(st, &loader), ==, 0);
	CHECK(memcmp(seen, hash, sizeof hash) == 0);
	CHECK_INT(seen[STORE_HASH_SIZE], ==, 5);
	store_close(st);
	tmp_end();
}

static int
remember_password(void *arg, const struct store_room *room)
{
	char *seen = arg;

	snprintf(seen, 64, "%s %s", room->code,
	         room->password_hash ? room->password_hash : "(none)");
	return 0;
}

/* A database of schema 3 (before room passwords) is migrated: its rooms
 * stay, without a password, and can be given one and lose it again. */
static void
test_migrates_v3(void)
{
	struct store_room room = old_room();
	char seen[64] = "";
	struct store_loader loader = { .room = remember_password,
	                               .arg = seen };
	struct store *st;

	begin_with(&room);
	raw_int(dir, "ALTER TABLE rooms DROP COLUMN password_hash");
	raw_int(dir, "PRAGMA user_version = 3");
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM pragma_table_info('rooms')"
	                  " WHERE name = 'password_hash'"), ==, 0);

	st = open_store(NULL);
	CHECK_INT(raw_int(dir, "PRAGMA user_version"), ==, STORE_SCHEMA_VERSION);
	CHECK_INT(store_load(st, &loader), ==, 0);
	CHECK_STR(seen, "K7QM-2XPD (none)");
	CHECK_INT(store_set_password(st, "K7QM-2XPD", "$argon2id$x"), ==, 0);
	CHECK_INT(store_set_password(st, "ZZZZ-ZZZZ", "$argon2id$x"), ==,
	          -ENOENT);
	/* A new snapshot of the room keeps its password. */
	room.snapshot_seq = 5;
	CHECK_INT(store_put_room(st, &room, 8), ==, 0);
	store_close(st);
	st = open_store(NULL);
	CHECK_INT(store_load(st, &loader), ==, 0);
	CHECK_STR(seen, "K7QM-2XPD $argon2id$x");
	CHECK_INT(store_set_password(st, "K7QM-2XPD", NULL), ==, 0);
	CHECK_INT(store_load(st, &loader), ==, 0);
	CHECK_STR(seen, "K7QM-2XPD (none)");
	store_close(st);
	tmp_end();
}

/* Runs statements on a connection of the test's own. */
static void
raw_exec(const char *d, const char *sql)
{
	char path[PATH_SIZE], *err = NULL;
	sqlite3 *db;

	snprintf(path, sizeof path, "%s/%s", d, STORE_FILE);
	CHECK_INT(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL), ==,
	          SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		CHECK_FAIL("%s: %s", sql, err);
	CHECK_INT(sqlite3_close(db), ==, SQLITE_OK);
}

/* A database of schema 4 (events and requests with a rowid and an index
 * for the key) is migrated to tables of their key alone, rows kept. */
static void
test_migrates_v4(void)
{
	char text[256];
	struct store *st;
	struct log log;

	tmp_begin();
	st = open_store(NULL);
	put_room(st, "AAAA", 1, 50, 50, "s0", 0, 128);
	put_seat(st, "AAAA", 1, 1);
	put_seat(st, "AAAA", 2, 2);
	add_text(st, "AAAA", 1, 1, 1, "een");
	add_text(st, "AAAA", 2, 1, 2, "twee");
	add_text(st, "AAAA", 3, 2, 1, "drie");
	store_close(st);
	raw_exec(dir,
	         "CREATE TABLE e4 (room TEXT NOT NULL REFERENCES rooms(code)"
	         " ON DELETE CASCADE, seq INTEGER NOT NULL, wall_ms INTEGER"
	         " NOT NULL, participant_id INTEGER NOT NULL, request_id"
	         " INTEGER NOT NULL, data BLOB NOT NULL,"
	         " PRIMARY KEY (room, seq));"
	         "INSERT INTO e4 SELECT * FROM events; DROP TABLE events;"
	         "ALTER TABLE e4 RENAME TO events;"
	         "CREATE TABLE r4 (room TEXT NOT NULL REFERENCES rooms(code)"
	         " ON DELETE CASCADE, participant_id INTEGER NOT NULL,"
	         " request_id INTEGER NOT NULL, seq INTEGER NOT NULL,"
	         " PRIMARY KEY (room, participant_id, request_id));"
	         "INSERT INTO r4 SELECT * FROM requests; DROP TABLE requests;"
	         "ALTER TABLE r4 RENAME TO requests;"
	         "INSERT INTO requests VALUES ('AAAA', 1, 1, 1),"
	         " ('AAAA', 1, 2, 2), ('AAAA', 2, 1, 3);"
	         "PRAGMA user_version = 4;");
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM sqlite_schema WHERE sql"
	                  " LIKE '%WITHOUT ROWID%'"), ==, 0);

	st = open_store(NULL);
	store_close(st);
	CHECK_INT(raw_int(dir, "PRAGMA user_version"), ==, STORE_SCHEMA_VERSION);
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM sqlite_schema WHERE sql"
	                  " LIKE '%WITHOUT ROWID%' AND name IN ('events',"
	                  " 'requests')"), ==, 2);
	raw_text(dir, "SELECT group_concat(r) FROM (SELECT seq || ':' ||"
	         " CAST(data AS TEXT) AS r FROM events ORDER BY seq)", text,
	         sizeof text);
	CHECK_STR(text, "1:een,2:twee,3:drie");
	/* Schema 6: the requests rows that repeated an event's are gone;
	 * a load still reports each result, once. */
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM requests"), ==, 0);
	st = open_store(NULL);
	load_log(st, &log);
	store_close(st);
	CHECK_CONTAINS(log.text, "seat 2 0202\nrequest 1 1 1\nrequest 1 2 2\n"
	               "request 2 1 3\ndone\n");
	/* Trimming works on the new tables: one request kept per seat. */
	st = open_store(NULL);
	put_room(st, "AAAA", 1, 50, 60, "s3", 3, 1);
	store_close(st);
	raw_text(dir, "SELECT group_concat(r) FROM (SELECT participant_id ||"
	         " ':' || request_id AS r FROM requests ORDER BY"
	         " participant_id, request_id)", text, sizeof text);
	CHECK_STR(text, "1:2,2:1");
	CHECK_INT(raw_int(dir, "SELECT count(*) FROM events"), ==, 0);
	tmp_end();
}

/* Collects the workshops wsstore_load() reports. */
static int
log_workshop(void *arg, const struct wsstore_row *row)
{
	struct log *log = arg;

	log_add(log, "%s %lld %lld %.*s\n", row->code,
	        (long long)row->created_ms, (long long)row->used_ms,
	        (int)row->len, (const char *)row->record);
	return ++log->rooms == log->stop_rooms ? -ECANCELED : 0;
}

static void
test_workshops(void)
{
	struct wsstore_row a = { .code = "AAAA-BBBB", .created_ms = 1,
	                         .used_ms = 2, .record = (const uint8_t *)"one",
	                         .len = 3 };
	struct wsstore_row b = { .code = "CCCC-DDDD", .created_ms = 5,
	                         .used_ms = 6, .record = (const uint8_t *)"two",
	                         .len = 3 };
	struct log log = { 0 };
	struct store *st;

	tmp_begin();
	st = open_store(NULL);
	CHECK_INT(wsstore_put(st, &b), ==, 0);
	CHECK_INT(wsstore_put(st, &a), ==, 0);
	/* A second write replaces the record and the use, not the birth. */
	a.created_ms = 99;
	a.used_ms = 7;
	a.record = (const uint8_t *)"ONE!";
	a.len = 4;
	CHECK_INT(wsstore_put(st, &a), ==, 0);
	CHECK_INT(wsstore_load(st, log_workshop, &log), ==, 0);
	CHECK_STR(log.text, "AAAA-BBBB 1 7 ONE!\nCCCC-DDDD 5 6 two\n");
	/* A callback that fails stops the load with its value. */
	memset(&log, 0, sizeof log);
	log.stop_rooms = 1;
	CHECK_INT(wsstore_load(st, log_workshop, &log), ==, -ECANCELED);
	CHECK_STR(log.text, "AAAA-BBBB 1 7 ONE!\n");
	CHECK_INT(wsstore_delete(st, "AAAA-BBBB"), ==, 0);
	CHECK_INT(wsstore_delete(st, "AAAA-BBBB"), ==, 0);
	store_close(st);
	/* What is left is on disk. */
	st = open_store(NULL);
	memset(&log, 0, sizeof log);
	CHECK_INT(wsstore_load(st, log_workshop, &log), ==, 0);
	CHECK_STR(log.text, "CCCC-DDDD 5 6 two\n");
	store_close(st);
	tmp_end();
}

CHECK_MAIN(CHECK_TEST(test_workshops),
           CHECK_TEST(test_migrates_v1),
           CHECK_TEST(test_migrates_v3),
           CHECK_TEST(test_migrates_v4))
