/* Lists of owned protobuf messages. A copy is made by packing and
 * unpacking, so every message in a list is one protobuf-c allocation tree
 * that protobuf_c_message_free_unpacked() frees whole. */
#include "items.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

ProtobufCMessage *
items_dup(const ProtobufCMessage *msg)
{
	size_t len = protobuf_c_message_get_packed_size(msg);
	ProtobufCMessage *copy;
	uint8_t *buf;

	buf = malloc(len ? len : 1);
	if (buf == NULL)
		return NULL;
	protobuf_c_message_pack(msg, buf);
	copy = protobuf_c_message_unpack(msg->descriptor, NULL, len, buf);
	free(buf);
	return copy;
}

void
items_free_msg(ProtobufCMessage *msg)
{
	if (msg != NULL)
		protobuf_c_message_free_unpacked(msg, NULL);
}

static struct item *
find(const struct items *items, uint32_t id)
{
	size_t i;

	for (i = 0; i < items->n; i++)
		if (items->v[i].id == id)
			return &items->v[i];
	return NULL;
}

int
items_add(struct items *items, uint32_t id, const ProtobufCMessage *msg)
{
	ProtobufCMessage *copy;
	struct item *grown;
	size_t cap;

	if (items->n == items->cap) {
		cap = items->cap ? items->cap * 2 : 8;
		grown = realloc(items->v, cap * sizeof *grown);
		if (grown == NULL)
			return -ENOMEM;
		items->v = grown;
		items->cap = cap;
	}
	copy = items_dup(msg);
	if (copy == NULL)
		return -ENOMEM;
	items->v[items->n].id = id;
	items->v[items->n].msg = copy;
	items->n++;
	return 0;
}

ProtobufCMessage *
items_find(const struct items *items, uint32_t id)
{
	struct item *it = find(items, id);

	return it ? it->msg : NULL;
}

int
items_replace(struct items *items, uint32_t id, const ProtobufCMessage *msg)
{
	struct item *it = find(items, id);
	ProtobufCMessage *copy;

	if (it == NULL)
		return -ENOENT;
	copy = items_dup(msg);
	if (copy == NULL)
		return -ENOMEM;
	items_free_msg(it->msg);
	it->msg = copy;
	return 0;
}

int
items_remove(struct items *items, uint32_t id)
{
	struct item *it = find(items, id);
	size_t i;

	if (it == NULL)
		return -ENOENT;
	items_free_msg(it->msg);
	i = (size_t)(it - items->v);
	memmove(it, it + 1, (items->n - i - 1) * sizeof *it);
	items->n--;
	return 0;
}

void
items_free(struct items *items)
{
	size_t i;

	for (i = 0; i < items->n; i++)
		items_free_msg(items->v[i].msg);
	free(items->v);
	memset(items, 0, sizeof *items);
}
