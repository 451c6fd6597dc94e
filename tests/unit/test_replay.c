/* Tests for replay.c: a room written to a real store as the server writes
 * it (a snapshot, then events, some never stored) comes back the same
 * through replay_room(), on wall-clock time; a missing room, an
 * unreadable snapshot or event, an event that does not fit and a
 * snapshot made with other content are each told apart. Each test works
 * in a fresh directory under /tmp and removes it. */

/* nftw() is X/Open, not C11; it must be asked for before any header. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include "model_fixture.h"

#include "replay.h"
#include "store.h"
#include "tmpdir_fixture.h"

#include <sys/stat.h>

#define ROOT_SIZE 32            /* "/tmp/aandeslag-replay-XXXXXX" */
#define DIR_SIZE 64
/* Wall-clock milliseconds, as storage keeps them: some day in 2026. */
#define T INT64_C(1780000000000)

static char root[ROOT_SIZE];
static char dir[DIR_SIZE];

static void
tmp_remove(void)
{
	tmpdir_remove(root);
	root[0] = '\0';
}

/* Makes a fresh directory and opens a store in it. */
static struct store *
store_begin_test(void)
{
	struct store *st = NULL;
	char err[256] = "";

	snprintf(root, sizeof root, "/tmp/aandeslag-replay-XXXXXX");
	CHECK(mkdtemp(root) != NULL);
	atexit(tmp_remove);
	snprintf(dir, sizeof dir, "%s/data", root);
	if (store_open(&st, dir, STORE_SYNC_NORMAL, NULL, err, sizeof err) < 0)
		CHECK_FAIL("store_open: %s", err);
	return st;
}

/* Stores room's snapshot made at ms, as persist_room() does, with hash
 * as its content hash (NULL: the content's own). */
static void
put_snapshot(struct store *st, const struct model_room *room, int64_t ms,
             const char *hash)
{
	struct store_room row;
	struct snapshot snap;
	uint8_t *data;
	size_t len;

	CHECK_INT(snapshot_build(&snap, room, ms, SNAPSHOT_ALL), ==, 0);
	snap.msg.content_hash = (char *)(hash != NULL ? hash : CONTENT->hash);
	len = protobuf_c_message_get_packed_size(&snap.msg.base);
	data = malloc(len);
	CHECK(data != NULL);
	protobuf_c_message_pack(&snap.msg.base, data);
	snapshot_release(&snap);
	memset(&row, 0, sizeof row);
	row.code = room->code;
	row.epoch = room->epoch;
	row.created_ms = row.used_ms = row.snapshot_ms = ms;
	row.snapshot = data;
	row.snapshot_len = len;
	row.snapshot_seq = room->seq;
	CHECK_INT(store_put_room(st, &row, 8), ==, 0);
	free(data);
}

/* Stores raw bytes as event seq of room code, accepted at ms. */
static void
put_raw(struct store *st, const char *code, uint64_t seq, int64_t ms,
        const uint8_t *data, size_t len)
{
	struct store_event row;

	memset(&row, 0, sizeof row);
	row.seq = seq;
	row.wall_ms = ms;
	row.data = data;
	row.len = len;
	CHECK_INT(store_add_event(st, code, &row), ==, 0);
}

/* Stores an event the model made, as persist_event() does. */
static void
put_event(struct store *st, const char *code, const struct model_event *ev,
          int64_t ms)
{
	size_t len = protobuf_c_message_get_packed_size(&ev->event.base);
	uint8_t *data = malloc(len);

	CHECK(data != NULL);
	protobuf_c_message_pack(&ev->event.base, data);
	put_raw(st, code, ev->event.seq, ms, data, len);
	free(data);
}

/* A room with Anna (chair) and Bram, stored as a snapshot at T. */
static void
stored_room(struct store *st, struct model_room *room, uint32_t *anna,
            uint32_t *bram)
{
	room_new(room);
	*anna = join(room, "Anna", ROLE_C, T);
	*bram = join(room, "Bram", ROLE_P, T);
	put_snapshot(st, room, T, NULL);
}

static void
test_rebuilds_what_was_stored(void)
{
	struct store *st = store_begin_test();
	struct model_room server, back;
	struct model_event ev;
	struct refusal why;
	struct replay r;
	uint32_t anna, bram;

	stored_room(st, &server, &anna, &bram);
	CHECK_INT(add_note(&server, anna, 0, "Voor de snapshot niet", T + 1000,
	                   &ev, &why), ==, 0);
	put_event(st, CODE, &ev, T + 1000);
	CHECK_INT(clock_cmd(&server, anna, C_START, 0, T + 2000, &ev, &why),
	          ==, 0);
	put_event(st, CODE, &ev, T + 2000);
	/* A restart: a new epoch, and presence events that were never
	 * stored leave a gap in the numbers. */
	server.epoch = EPOCH + 1;
	CHECK_INT(model_presence(&server, bram, false, T + 2500, &ev, &why),
	          ==, 0);
	CHECK_INT(model_presence(&server, bram, true, T + 2600, &ev, &why),
	          ==, 0);
	CHECK_INT(add_note(&server, bram, 0, "Na de herstart", T + 3000, &ev,
	                   &why), ==, 0);
	put_event(st, CODE, &ev, T + 3000);

	CHECK_INT(replay_room(st, CONTENT, CODE, &back, &r), ==, 0);
	CHECK_SAME(&server, T + 9000, &back, T + 9000);
	CHECK_INT(back.epoch, ==, EPOCH + 1);
	CHECK_UINT(r.events, ==, 3);
	CHECK_INT(r.last_ms, ==, T + 3000);
	/* The server noted it was alive before or after the last event. */
	CHECK_INT(replay_last_known(&r, T + 2000), ==, T + 3000);
	CHECK_INT(replay_last_known(&r, T + 4000), ==, T + 4000);
	CHECK(!r.other_content);
	CHECK(r.why == NULL);
	/* The clock ran from T + 2000 on wall-clock time. */
	CHECK_CLOCK(&back, 1, RUNNING, 20 * CLOCK_MINUTE_MS - 7000,
	            20 * CLOCK_MINUTE_MS, T + 9000);
	model_free(&back);
	model_free(&server);
	store_close(st);
}

static void
test_snapshot_alone(void)
{
	struct store *st = store_begin_test();
	struct model_room server, back;
	struct replay r;
	uint32_t anna, bram;

	stored_room(st, &server, &anna, &bram);
	CHECK_INT(replay_room(st, CONTENT, CODE, &back, &r), ==, 0);
	CHECK_SAME(&server, T, &back, T);
	CHECK_UINT(r.events, ==, 0);
	CHECK_INT(r.last_ms, ==, T);
	model_free(&back);
	model_free(&server);
	store_close(st);
}

static void
test_no_such_room(void)
{
	struct store *st = store_begin_test();
	struct model_room server, back;
	struct replay r;
	uint32_t anna, bram;

	stored_room(st, &server, &anna, &bram);
	CHECK_INT(replay_room(st, CONTENT, "ZZZZ-ZZZZ", &back, &r), ==,
	          -ENOENT);
	model_free(&server);
	store_close(st);
}

static void
test_unreadable_snapshot(void)
{
	struct store *st = store_begin_test();
	static const uint8_t junk[] = { 0xff, 0xff, 0xff, 0xff, 0x0f };
	struct store_room row;
	struct model_room back;
	struct replay r;

	memset(&row, 0, sizeof row);
	row.code = CODE;
	row.epoch = EPOCH;
	row.created_ms = row.used_ms = row.snapshot_ms = T;
	row.snapshot = junk;
	row.snapshot_len = sizeof junk;
	CHECK_INT(store_put_room(st, &row, 8), ==, 0);
	CHECK_INT(replay_room(st, CONTENT, CODE, &back, &r), ==, -EPROTO);
	CHECK_STR(r.why, "unreadable snapshot");
	store_close(st);
}

static void
test_unreadable_event(void)
{
	struct store *st = store_begin_test();
	static const uint8_t junk[] = { 0xff, 0xff, 0xff, 0xff, 0x0f };
	struct model_room server, back;
	struct model_event ev;
	struct refusal why;
	struct replay r;
	uint32_t anna, bram;

	stored_room(st, &server, &anna, &bram);
	CHECK_INT(add_note(&server, anna, 0, "Goed", T + 1000, &ev, &why), ==,
	          0);
	put_event(st, CODE, &ev, T + 1000);
	put_raw(st, CODE, server.seq + 1, T + 2000, junk, sizeof junk);
	/* The room rebuilt so far is freed: the sanitizers and valgrind
	 * see no leak. */
	CHECK_INT(replay_room(st, CONTENT, CODE, &back, &r), ==, -EPROTO);
	CHECK_STR(r.why, "unreadable event");
	model_free(&server);
	store_close(st);
}

static void
test_event_that_does_not_fit(void)
{
	struct store *st = store_begin_test();
	struct model_room server, back;
	struct model_event ev;
	struct refusal why;
	struct replay r;
	uint32_t anna, bram;
	uint8_t *data;
	size_t len;

	stored_room(st, &server, &anna, &bram);
	CHECK_INT(add_note(&server, anna, 0, "Eens", T + 1000, &ev, &why), ==,
	          0);
	put_event(st, CODE, &ev, T + 1000);
	/* The same event again under the next row: a number the room has
	 * already seen. */
	len = protobuf_c_message_get_packed_size(&ev.event.base);
	data = malloc(len);
	CHECK(data != NULL);
	protobuf_c_message_pack(&ev.event.base, data);
	put_raw(st, CODE, ev.event.seq + 1, T + 2000, data, len);
	free(data);
	CHECK_INT(replay_room(st, CONTENT, CODE, &back, &r), ==, -EPROTO);
	CHECK_STR(r.why, "an event does not fit");
	model_free(&server);
	store_close(st);
}

static void
test_other_content(void)
{
	struct store *st = store_begin_test();
	struct model_room server, back;
	struct replay r;
	uint32_t anna, bram;

	stored_room(st, &server, &anna, &bram);
	put_snapshot(st, &server, T + 5000, "een-andere-inhoud");
	CHECK_INT(replay_room(st, CONTENT, CODE, &back, &r), ==, 0);
	CHECK(r.other_content);
	CHECK_INT(r.last_ms, ==, T + 5000);
	model_free(&back);
	/* A snapshot without a hash proves nothing. */
	put_snapshot(st, &server, T + 6000, "");
	CHECK_INT(replay_room(st, CONTENT, CODE, &back, &r), ==, 0);
	CHECK(!r.other_content);
	model_free(&back);
	model_free(&server);
	store_close(st);
}

CHECK_MAIN(CHECK_TEST(test_rebuilds_what_was_stored),
           CHECK_TEST(test_snapshot_alone),
           CHECK_TEST(test_no_such_room),
           CHECK_TEST(test_unreadable_snapshot),
           CHECK_TEST(test_unreadable_event),
           CHECK_TEST(test_event_that_does_not_fit),
           CHECK_TEST(test_other_content))
