/* Length-prefixed framing: splits a byte stream into envelopes without
 * copying whole frames and without trusting an announced length. */
#include "frame.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void
frame_header(uint8_t out[FRAME_HEADER], uint32_t len)
{
	out[0] = (uint8_t)(len >> 24);
	out[1] = (uint8_t)(len >> 16);
	out[2] = (uint8_t)(len >> 8);
	out[3] = (uint8_t)len;
}

uint32_t
frame_length(const uint8_t buf[FRAME_HEADER])
{
	return (uint32_t)buf[0] << 24 | (uint32_t)buf[1] << 16 |
	       (uint32_t)buf[2] << 8 | (uint32_t)buf[3];
}

void
frame_partial_reset(struct frame_partial *p)
{
	free(p->data);
	p->data = NULL;
	p->len = 0;
	p->cap = 0;
}

static int
partial_reserve(struct frame_partial *p, size_t need)
{
	uint8_t *grown;

	if (need <= p->cap)
		return 0;
	grown = realloc(p->data, need);
	if (grown == NULL)
		return -ENOMEM;
	p->data = grown;
	p->cap = need;
	return 0;
}

/* Checks an announced length; 0 when it may be read. */
static int
check_length(uint32_t len, uint32_t max)
{
	if (len == 0)
		return -EBADMSG;
	/* The second bound keeps header plus payload within 32 bits, so no
	 * sum below can wrap, whatever max the caller passes. */
	if (len > max || len > UINT32_MAX - FRAME_HEADER)
		return -EMSGSIZE;
	return 0;
}

/* Adds bytes to a partial frame until it is whole or data runs out.
 * Returns the number of bytes taken, or a negative error. */
static long
partial_fill(struct frame_partial *p, const uint8_t *data, size_t len,
             uint32_t max)
{
	size_t taken = 0, want, n;
	int rc;

	if (p->len < FRAME_HEADER) {
		n = FRAME_HEADER - p->len;
		if (n > len)
			n = len;
		memcpy(p->data + p->len, data, n);
		p->len += n;
		taken = n;
		if (p->len < FRAME_HEADER)
			return (long)taken;
		rc = check_length(frame_length(p->data), max);
		if (rc < 0)
			return rc;
		rc = partial_reserve(p, FRAME_HEADER +
		                     (size_t)frame_length(p->data));
		if (rc < 0)
			return rc;
	}
	want = FRAME_HEADER + (size_t)frame_length(p->data) - p->len;
	n = len - taken;
	if (n > want)
		n = want;
	memcpy(p->data + p->len, data + taken, n);
	p->len += n;
	return (long)(taken + n);
}

int
frame_feed(struct frame_partial *p, const uint8_t *data, size_t len,
           uint32_t max, frame_cb cb, void *arg)
{
	size_t off = 0;
	long took;
	uint32_t flen;
	int rc;

	while (off < len) {
		if (p->len > 0) {
			took = partial_fill(p, data + off, len - off, max);
			if (took < 0)
				return (int)took;
			off += (size_t)took;
			if (p->len < FRAME_HEADER ||
			    p->len < FRAME_HEADER + (size_t)frame_length(p->data))
				continue;
			rc = cb(arg, p->data + FRAME_HEADER,
			        frame_length(p->data));
			/* The partial buffer is only kept between frames. */
			frame_partial_reset(p);
			if (rc != 0)
				return rc;
			continue;
		}
		if (len - off < FRAME_HEADER) {
			if (partial_reserve(p, FRAME_HEADER) < 0)
				return -ENOMEM;
			memcpy(p->data, data + off, len - off);
			p->len = len - off;
			return 0;
		}
		flen = frame_length(data + off);
		rc = check_length(flen, max);
		if (rc < 0)
			return rc;
		if (len - off - FRAME_HEADER < flen) {
			if (partial_reserve(p, FRAME_HEADER + (size_t)flen) < 0)
				return -ENOMEM;
			memcpy(p->data, data + off, len - off);
			p->len = len - off;
			return 0;
		}
		rc = cb(arg, data + off + FRAME_HEADER, flen);
		off += FRAME_HEADER + (size_t)flen;
		if (rc != 0)
			return rc;
	}
	return 0;
}
