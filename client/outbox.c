/* The offline queue: an array used from the front. Answers come in the
 * order the commands were sent, so taking one is O(1) in the common
 * case; the space in front is reused when it is half the array. */
#include "outbox.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int
outbox_push(struct outbox *o, uint64_t request_id, struct wire_buf *frame,
            bool leave)
{
	struct outbox_entry *grown;
	size_t cap;

	if (o->end - o->head >= OUTBOX_MAX)
		return -ENOBUFS;
	if (o->head > 0 && o->head >= o->cap / 2) {
		memmove(o->v, o->v + o->head,
		        (o->end - o->head) * sizeof *o->v);
		o->end -= o->head;
		o->head = 0;
	}
	if (o->end == o->cap) {
		cap = o->cap ? o->cap * 2 : 16;
		grown = realloc(o->v, cap * sizeof *o->v);
		if (grown == NULL)
			return -ENOMEM;
		o->v = grown;
		o->cap = cap;
	}
	o->v[o->end].request_id = request_id;
	o->v[o->end].frame = frame;
	o->v[o->end].leave = leave;
	o->end++;
	return 0;
}

bool
outbox_take(struct outbox *o, uint64_t request_id, bool *leave)
{
	size_t i;

	for (i = o->head; i < o->end; i++)
		if (o->v[i].request_id == request_id)
			break;
	if (i == o->end)
		return false;
	if (leave != NULL)
		*leave = o->v[i].leave;
	wire_unref(o->v[i].frame);
	if (i == o->head) {
		o->head++;
	} else {
		memmove(o->v + i, o->v + i + 1,
		        (o->end - i - 1) * sizeof *o->v);
		o->end--;
	}
	if (o->head == o->end)
		o->head = o->end = 0;
	return true;
}

size_t
outbox_count(const struct outbox *o)
{
	return o->end - o->head;
}

const struct outbox_entry *
outbox_at(const struct outbox *o, size_t i)
{
	return &o->v[o->head + i];
}

void
outbox_free(struct outbox *o)
{
	size_t i;

	for (i = o->head; i < o->end; i++)
		wire_unref(o->v[i].frame);
	free(o->v);
	memset(o, 0, sizeof *o);
}
