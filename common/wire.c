/* Packing and unpacking envelopes. Every frame is one allocation with its
 * header in front, so a broadcast is encoded once and written to every
 * member from the same bytes. */
#include "wire.h"

#include <errno.h>
#include <stdalign.h>
#include <stdlib.h>

#include "frame.h"

int
wire_pack(const Aandeslag__Envelope *env, uint32_t max, struct wire_buf **out)
{
	size_t len = aandeslag__envelope__get_packed_size(env);
	struct wire_buf *buf;

	if (len > max)
		return -EMSGSIZE;
	buf = malloc(sizeof *buf + FRAME_HEADER + len);
	if (buf == NULL)
		return -ENOMEM;
	buf->refs = 1;
	buf->len = FRAME_HEADER + len;
	frame_header(buf->data, (uint32_t)len);
	aandeslag__envelope__pack(env, buf->data + FRAME_HEADER);
	*out = buf;
	return 0;
}

struct wire_buf *
wire_ref(struct wire_buf *buf)
{
	buf->refs++;
	return buf;
}

void
wire_unref(struct wire_buf *buf)
{
	if (buf != NULL && --buf->refs == 0)
		free(buf);
}

/* Each block carries its size in front, so that frees can be counted
 * against the budget. */
#define BLOCK_HEADER alignof(max_align_t)

static void *
budget_alloc(void *data, size_t size)
{
	struct wire_alloc *a = data;
	unsigned char *block;

	if (size > a->budget - a->used ||
	    BLOCK_HEADER + size > a->budget - a->used)
		return NULL;
	block = malloc(BLOCK_HEADER + size);
	if (block == NULL)
		return NULL;
	*(size_t *)(void *)block = size;
	a->used += BLOCK_HEADER + size;
	return block + BLOCK_HEADER;
}

static void
budget_free(void *data, void *ptr)
{
	struct wire_alloc *a = data;
	unsigned char *block;

	if (ptr == NULL)
		return;
	block = (unsigned char *)ptr - BLOCK_HEADER;
	a->used -= BLOCK_HEADER + *(size_t *)(void *)block;
	free(block);
}

void
wire_alloc_init(struct wire_alloc *a, size_t frame_len)
{
	a->base.alloc = budget_alloc;
	a->base.free = budget_free;
	a->base.allocator_data = a;
	a->used = 0;
	/* Unpacked messages take far more room than their encoding: an
	 * empty sub-message is two bytes on the wire but a whole structure,
	 * a pointer and protobuf-c's scanning records while unpacking. The
	 * worst case is about 60 times the frame; the budget allows that and
	 * no more, so a 16 KiB client frame can never cost more than about
	 * a mebibyte, and only while it is handled. */
	a->budget = 64 * frame_len + 65536;
}

Aandeslag__Envelope *
wire_unpack(const uint8_t *data, size_t len, struct wire_alloc *a)
{
	return aandeslag__envelope__unpack(&a->base, len, data);
}

void
wire_free(Aandeslag__Envelope *env, struct wire_alloc *a)
{
	if (env != NULL)
		aandeslag__envelope__free_unpacked(env, &a->base);
}

int
wire_pack_refusal(uint64_t request_id, int code, const char *const *params,
                  size_t nparams, struct wire_buf **out)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Refusal r = AANDESLAG__REFUSAL__INIT;

	r.request_id = request_id;
	r.code = (Aandeslag__ErrorCode)code;
	r.n_params = nparams;
	r.params = (char **)params;
	env.body_case = AANDESLAG__ENVELOPE__BODY_REFUSAL;
	env.refusal = &r;
	return wire_pack(&env, FRAME_MAX_SERVER, out);
}

int
wire_pack_closing(int code, const char *const *params, size_t nparams,
                  struct wire_buf **out)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Closing c = AANDESLAG__CLOSING__INIT;

	c.code = (Aandeslag__ErrorCode)code;
	c.n_params = nparams;
	c.params = (char **)params;
	env.body_case = AANDESLAG__ENVELOPE__BODY_CLOSING;
	env.closing = &c;
	return wire_pack(&env, FRAME_MAX_SERVER, out);
}

int
wire_pack_ack(uint64_t request_id, uint64_t epoch, uint64_t seq,
              struct wire_buf **out)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Ack ack = AANDESLAG__ACK__INIT;

	ack.request_id = request_id;
	ack.epoch = epoch;
	ack.seq = seq;
	env.body_case = AANDESLAG__ENVELOPE__BODY_ACK;
	env.ack = &ack;
	return wire_pack(&env, FRAME_MAX_SERVER, out);
}

int
wire_pack_event(const Aandeslag__Event *ev, struct wire_buf **out)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;

	env.body_case = AANDESLAG__ENVELOPE__BODY_EVENT;
	env.event = (Aandeslag__Event *)ev;
	return wire_pack(&env, FRAME_MAX_SERVER, out);
}
