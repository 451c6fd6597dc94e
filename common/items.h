/* Lists of owned protobuf messages by id: the room's card questions,
 * activities and actions are kept in the very form they travel in. */
#ifndef AANDESLAG_ITEMS_H
#define AANDESLAG_ITEMS_H

#include <protobuf-c/protobuf-c.h>
#include <stddef.h>
#include <stdint.h>

struct item {
	uint32_t id;
	ProtobufCMessage *msg;  /* owned */
};

struct items {
	struct item *v;         /* in the order they were added */
	size_t n;
	size_t cap;
};

/* Returns a deep copy of msg that the caller owns (free it with
 * items_free_msg()), or NULL when memory ran out. */
ProtobufCMessage *items_dup(const ProtobufCMessage *msg);

/* Frees a message from items_dup(). NULL is fine. */
void items_free_msg(ProtobufCMessage *msg);

/* Adds a deep copy of msg under id at the end. Returns 0 or -ENOMEM. */
int items_add(struct items *items, uint32_t id, const ProtobufCMessage *msg);

/* Returns the message with id, or NULL. */
ProtobufCMessage *items_find(const struct items *items, uint32_t id);

/* Replaces the message with id by a deep copy of msg, in place. Returns
 * 0, -ENOENT or -ENOMEM (the old one is then kept). */
int items_replace(struct items *items, uint32_t id,
                  const ProtobufCMessage *msg);

/* Removes and frees the message with id. Returns 0 or -ENOENT. */
int items_remove(struct items *items, uint32_t id);

/* Frees every message and the list. */
void items_free(struct items *items);

#endif
