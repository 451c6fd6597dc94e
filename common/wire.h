/* Envelopes on the wire: packing into reference-counted frames, and
 * unpacking through an allocator with a byte budget. */
#ifndef AANDESLAG_WIRE_H
#define AANDESLAG_WIRE_H

#include <protobuf-c/protobuf-c.h>
#include <stddef.h>
#include <stdint.h>

#include "aandeslag.pb-c.h"

/* The protocol versions this build speaks. */
#define WIRE_VERSION_MIN 1u
#define WIRE_VERSION_MAX 1u

/* One packed frame, header included, shared by every connection it is
 * written to: a broadcast is encoded once. */
struct wire_buf {
	unsigned refs;
	size_t len;
	uint8_t data[];
};

/* Packs env as one frame (length header and payload) into a new buffer
 * with one reference. Returns 0, -EMSGSIZE when the payload would exceed
 * max, or -ENOMEM. */
int wire_pack(const Aandeslag__Envelope *env, uint32_t max,
              struct wire_buf **out);

/* Takes another reference; returns buf. */
struct wire_buf *wire_ref(struct wire_buf *buf);

/* Drops a reference; frees the buffer with the last one. NULL is fine. */
void wire_unref(struct wire_buf *buf);

/* An allocator for protobuf-c that refuses to hand out more than budget
 * bytes in all, so a hostile frame cannot make us allocate much more than
 * its own size. */
struct wire_alloc {
	ProtobufCAllocator base;
	size_t used;
	size_t budget;
};

/* Prepares a for unpacking one frame of frame_len bytes. */
void wire_alloc_init(struct wire_alloc *a, size_t frame_len);

/* Unpacks an envelope. Returns the message, owned by the caller and freed
 * with wire_free(), or NULL when the bytes are not a valid envelope or the
 * budget was exceeded. */
Aandeslag__Envelope *wire_unpack(const uint8_t *data, size_t len,
                                 struct wire_alloc *a);

/* Frees an envelope from wire_unpack(). NULL is fine. */
void wire_free(Aandeslag__Envelope *env, struct wire_alloc *a);

/* Builds the envelopes the server sends most, all with one reference.
 * Returns 0, -EMSGSIZE or -ENOMEM, as wire_pack(). */
int wire_pack_refusal(uint64_t request_id, int code,
                      const char *const *params, size_t nparams,
                      struct wire_buf **out);
int wire_pack_closing(int code, const char *const *params, size_t nparams,
                      struct wire_buf **out);
int wire_pack_ack(uint64_t request_id, uint64_t epoch, uint64_t seq,
                  struct wire_buf **out);
int wire_pack_event(const Aandeslag__Event *ev, struct wire_buf **out);

#endif
