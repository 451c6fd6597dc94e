/* Tests for outbox.c: commands wait in order, leave when answered (in
 * order or not), an answer to nothing is ignored, and every frame is
 * released. */
#include <errno.h>

#include "check.h"
#include "outbox.h"

/* A frame whose first byte tells which command it is. */
static struct wire_buf *
frame_of(uint8_t tag)
{
	struct wire_buf *b = malloc(sizeof *b + 1);

	CHECK(b != NULL);
	b->refs = 1;
	b->len = 1;
	b->data[0] = tag;
	return b;
}

static void
test_in_order(void)
{
	struct outbox o = { 0 };
	bool leave = true;
	uint64_t id;

	CHECK_UINT(outbox_count(&o), ==, 0);
	for (id = 1; id <= 100; id++)
		CHECK_INT(outbox_push(&o, id, frame_of((uint8_t)id), id == 50),
		          ==, 0);
	CHECK_UINT(outbox_count(&o), ==, 100);
	CHECK_UINT(outbox_at(&o, 0)->request_id, ==, 1);
	CHECK_UINT(outbox_at(&o, 99)->frame->data[0], ==, 100);
	for (id = 1; id <= 60; id++) {
		CHECK(outbox_take(&o, id, &leave));
		CHECK(leave == (id == 50));
	}
	CHECK_UINT(outbox_count(&o), ==, 40);
	CHECK_UINT(outbox_at(&o, 0)->request_id, ==, 61);
	/* Answered before (or never sent): nothing happens. */
	CHECK(!outbox_take(&o, 1, NULL));
	CHECK(!outbox_take(&o, 1000, NULL));
	CHECK_UINT(outbox_count(&o), ==, 40);
	/* Pushing again reuses the space in front; order is kept. */
	for (id = 101; id <= 150; id++)
		CHECK_INT(outbox_push(&o, id, frame_of((uint8_t)id), false),
		          ==, 0);
	CHECK_UINT(outbox_count(&o), ==, 90);
	for (id = 0; id < 90; id++)
		CHECK_UINT(outbox_at(&o, id)->request_id, ==, 61 + id);
	outbox_free(&o);
	CHECK_UINT(outbox_count(&o), ==, 0);
}

static void
test_out_of_order(void)
{
	struct outbox o = { 0 };

	CHECK_INT(outbox_push(&o, 7, frame_of(7), false), ==, 0);
	CHECK_INT(outbox_push(&o, 8, frame_of(8), false), ==, 0);
	CHECK_INT(outbox_push(&o, 9, frame_of(9), true), ==, 0);
	CHECK(outbox_take(&o, 8, NULL));
	CHECK_UINT(outbox_count(&o), ==, 2);
	CHECK_UINT(outbox_at(&o, 0)->request_id, ==, 7);
	CHECK_UINT(outbox_at(&o, 1)->request_id, ==, 9);
	CHECK(outbox_at(&o, 1)->leave);
	CHECK(outbox_take(&o, 7, NULL));
	CHECK(outbox_take(&o, 9, NULL));
	CHECK_UINT(outbox_count(&o), ==, 0);
	/* Empty again: starts over at the front. */
	CHECK_INT(outbox_push(&o, 10, frame_of(10), false), ==, 0);
	CHECK_UINT(outbox_at(&o, 0)->request_id, ==, 10);
	outbox_free(&o);
}

static void
test_shared_frames(void)
{
	struct outbox o = { 0 };
	struct wire_buf *b = frame_of(1);

	/* A writer still holds a reference: the outbox drops only its own. */
	CHECK_INT(outbox_push(&o, 1, wire_ref(b), false), ==, 0);
	CHECK_UINT(b->refs, ==, 2);
	CHECK(outbox_take(&o, 1, NULL));
	CHECK_UINT(b->refs, ==, 1);
	wire_unref(b);
	outbox_free(&o);
}

/* At most OUTBOX_MAX wait; the one past it stays the caller's. */
static void
test_full(void)
{
	struct outbox o = { 0 };
	struct wire_buf *b;
	uint64_t id;

	CHECK_UINT(OUTBOX_MAX, >=, 16);
	for (id = 1; id <= OUTBOX_MAX; id++)
		CHECK_INT(outbox_push(&o, id, frame_of((uint8_t)id), false),
		          ==, 0);
	b = frame_of(0);
	CHECK_INT(outbox_push(&o, id, b, false), ==, -ENOBUFS);
	CHECK_UINT(b->refs, ==, 1);
	CHECK_UINT(outbox_count(&o), ==, OUTBOX_MAX);
	/* One answered: room for one more. */
	CHECK(outbox_take(&o, 1, NULL));
	CHECK_INT(outbox_push(&o, id, b, false), ==, 0);
	CHECK_UINT(outbox_at(&o, OUTBOX_MAX - 1)->request_id, ==, id);
	outbox_free(&o);
}

CHECK_MAIN(CHECK_TEST(test_in_order), CHECK_TEST(test_out_of_order),
           CHECK_TEST(test_shared_frames), CHECK_TEST(test_full))
