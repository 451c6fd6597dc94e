/* Length-prefixed framing of envelopes on a byte stream. */
#ifndef AANDESLAG_FRAME_H
#define AANDESLAG_FRAME_H

#include <stddef.h>
#include <stdint.h>

/* Bytes of the big-endian length that precedes every envelope. */
#define FRAME_HEADER 4u

/* The largest envelope a client may send: commands are a few short texts.
 * The server reads the announced length before allocating anything, so a
 * peer that announces more is cut off at once. */
#define FRAME_MAX_CLIENT (16u * 1024u)

/* The largest envelope the server sends: a snapshot of a full room. It is
 * derived from the room limits in model.h (see docs/protocol.md) and
 * checked against them in tests/unit/test_wire.c. */
#define FRAME_MAX_SERVER (2u * 1024u * 1024u)

/* The most commands a client keeps unanswered: its offline queue
 * (client/outbox.h), which goes out in one write when it comes back. The
 * server's command burst is at least this, so such a client is never
 * slowed or cut off for it. */
#define FRAME_UNANSWERED_MAX 100u

/* Bytes of a frame that arrived in pieces. A connection holds one only
 * while it has a partial frame; between frames data is NULL. */
struct frame_partial {
	uint8_t *data;
	size_t len;
	size_t cap;
};

/* Called for each whole payload. The payload is only valid during the
 * call. Return 0 to go on, anything else to stop feeding; that value is
 * then returned by frame_feed(). */
typedef int (*frame_cb)(void *arg, const uint8_t *payload, size_t len);

/* Writes the 4-byte big-endian header for a payload of len bytes. */
void frame_header(uint8_t out[FRAME_HEADER], uint32_t len);

/* Reads the header at buf without any alignment requirement. */
uint32_t frame_length(const uint8_t buf[FRAME_HEADER]);

/* Feeds len bytes of a stream into the decoder: whole frames are handed to
 * cb, straight from data when they lie within it, and what remains of an
 * incomplete frame is copied into p. Every announced length is checked
 * against max before anything is allocated for it.
 * Returns 0 when all bytes were consumed, cb's nonzero result when it
 * stopped, -EMSGSIZE for an announced length over max, -EBADMSG for an
 * empty frame, -ENOMEM when a partial frame cannot be kept. After an error
 * the stream cannot be resynchronised: close it. */
int frame_feed(struct frame_partial *p, const uint8_t *data, size_t len,
               uint32_t max, frame_cb cb, void *arg);

/* Frees what p holds and empties it. */
void frame_partial_reset(struct frame_partial *p);

#endif
