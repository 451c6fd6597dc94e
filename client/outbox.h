/* The commands sent and not yet answered, in the order they were sent,
 * each as its packed frame. When the connection is lost they wait here,
 * with the commands typed meanwhile, and go out again with their own
 * request ids on the new connection: the server answers a request id it
 * has seen before with its first result, so nothing is applied twice. */
#ifndef AANDESLAG_OUTBOX_H
#define AANDESLAG_OUTBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "frame.h"
#include "wire.h"

/* The most commands waiting at once (see frame.h): the server lets this
 * many through at once. */
#define OUTBOX_MAX FRAME_UNANSWERED_MAX

struct outbox_entry {
	uint64_t request_id;
	struct wire_buf *frame;         /* one reference, the outbox's */
	bool leave;                     /* a Leave command */
};

/* Entries [head, end) of v are waiting; zero-initialised it is empty. */
struct outbox {
	struct outbox_entry *v;
	size_t head, end, cap;
};

/* Adds a command at the end. On success the outbox takes over the
 * caller's reference to frame and returns 0; on -ENOBUFS (OUTBOX_MAX
 * commands wait already) or -ENOMEM the reference stays the caller's. */
int outbox_push(struct outbox *o, uint64_t request_id, struct wire_buf *frame,
                bool leave);

/* Takes the command of request_id out, dropping its frame, when it is
 * waiting: returns true and sets *leave (may be NULL) to whether it was a
 * Leave; returns false for an id that is not waiting (answered before). */
bool outbox_take(struct outbox *o, uint64_t request_id, bool *leave);

/* The number of waiting commands. */
size_t outbox_count(const struct outbox *o);

/* The i-th waiting command, oldest first (i < outbox_count()); valid
 * until the outbox changes. */
const struct outbox_entry *outbox_at(const struct outbox *o, size_t i);

/* Drops every waiting command and frees the outbox; it is empty again. */
void outbox_free(struct outbox *o);

#endif
