/* Tests for frame.c: length headers and splitting a byte stream into frames. */
#include "check.h"

#include "frame.h"

#include <errno.h>
#include <stdint.h>

#define SINK_MAX 64

/* Collects copies of the payloads frame_feed() hands out. When stop_at is
 * nonzero, the callback returns stop_rc for the stop_at-th payload. */
struct sink {
	uint8_t *payload[SINK_MAX];
	size_t len[SINK_MAX];
	size_t n;
	size_t stop_at;
	int stop_rc;
};

static int
collect(void *arg, const uint8_t *payload, size_t len)
{
	struct sink *s = arg;

	CHECK(payload != NULL);
	CHECK_UINT(len, >, 0);
	CHECK_UINT(s->n, <, SINK_MAX);
	s->payload[s->n] = malloc(len);
	CHECK(s->payload[s->n] != NULL);
	memcpy(s->payload[s->n], payload, len);
	s->len[s->n] = len;
	s->n++;
	if (s->stop_at != 0 && s->n == s->stop_at)
		return s->stop_rc;
	return 0;
}

static void
sink_clear(struct sink *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->payload[i]);
	memset(s, 0, sizeof *s);
}

/* A stream of frames of the given payload sizes; every payload byte
 * depends on both the frame and its position, so that a swapped, shifted
 * or truncated payload is noticed. */
struct stream {
	uint8_t *bytes;
	size_t len;
	size_t nframes;
	const size_t *sizes;
	size_t *start;		/* offset of each frame's header */
};

static uint8_t
payload_byte(size_t frame, size_t i)
{
	return (uint8_t)(frame * 37u + i * 11u + (i >> 8) + 1u);
}

static void
stream_build(struct stream *st, const size_t *sizes, size_t nframes)
{
	size_t i, j, off = 0, total = 0;

	for (i = 0; i < nframes; i++)
		total += FRAME_HEADER + sizes[i];
	st->bytes = malloc(total);
	st->start = malloc(nframes * sizeof *st->start);
	CHECK(st->bytes != NULL && st->start != NULL);
	for (i = 0; i < nframes; i++) {
		st->start[i] = off;
		frame_header(st->bytes + off, (uint32_t)sizes[i]);
		off += FRAME_HEADER;
		for (j = 0; j < sizes[i]; j++)
			st->bytes[off++] = payload_byte(i, j);
	}
	CHECK_UINT(off, ==, total);
	st->len = total;
	st->nframes = nframes;
	st->sizes = sizes;
}

static void
stream_free(struct stream *st)
{
	free(st->bytes);
	free(st->start);
}

/* Checks that the sink holds exactly the first n payloads of st. */
static void
check_payloads(const struct sink *s, const struct stream *st, size_t n)
{
	size_t i, j;

	CHECK_UINT(s->n, ==, n);
	for (i = 0; i < n; i++) {
		CHECK_UINT(s->len[i], ==, st->sizes[i]);
		for (j = 0; j < s->len[i]; j++)
			if (s->payload[i][j] != payload_byte(i, j))
				CHECK_FAIL("frame %zu byte %zu: %u, want %u",
				           i, j, s->payload[i][j],
				           payload_byte(i, j));
	}
}

/* Checks p after off bytes of st were fed: between frames it holds
 * nothing; within a frame it holds exactly the bytes of that frame so
 * far, in a buffer no larger than that frame. */
static void
check_partial(const struct frame_partial *p, const struct stream *st,
              size_t off)
{
	size_t i = 0, in, head, tail;

	while (i + 1 < st->nframes && st->start[i + 1] <= off)
		i++;
	in = off - st->start[i];
	if (off == st->len || in == 0) {
		CHECK(p->data == NULL);
		CHECK_UINT(p->len, ==, 0);
		CHECK_UINT(p->cap, ==, 0);
		return;
	}
	CHECK(in < FRAME_HEADER + st->sizes[i]);
	CHECK(p->data != NULL);
	CHECK_UINT(p->len, ==, in);
	CHECK_UINT(p->cap, >=, in);
	CHECK_UINT(p->cap, <=, FRAME_HEADER + st->sizes[i]);
	/* The header and the latest bytes: comparing all of a large frame
	 * after every small read would make the test slow. */
	head = in < 2 * FRAME_HEADER ? in : 2 * FRAME_HEADER;
	CHECK(memcmp(p->data, st->bytes + st->start[i], head) == 0);
	tail = in - head < 64 ? in - head : 64;
	CHECK(memcmp(p->data + in - tail, st->bytes + off - tail, tail) == 0);
}

/* Counts the frames of st that end within the first off bytes. */
static size_t
frames_before(const struct stream *st, size_t off)
{
	size_t i, n = 0;

	for (i = 0; i < st->nframes; i++)
		if (st->start[i] + FRAME_HEADER + st->sizes[i] <= off)
			n++;
	return n;
}

/* Sizes of the test stream: 1 byte and the largest a client may send are
 * among them, also next to each other. */
static const size_t mixed_sizes[] = {
	1, 5, 300, 1, FRAME_MAX_CLIENT, 2, 1, 4096, FRAME_MAX_CLIENT - 1, 3,
	FRAME_MAX_CLIENT, 1,
};
#define MIXED_FRAMES (sizeof mixed_sizes / sizeof mixed_sizes[0])

/* A small xorshift PRNG, so that the chunk sizes are the same everywhere. */
static uint32_t
xorshift32(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

static void
test_header_round_trip(void)
{
	static const uint32_t values[] = {
		0, 1, 0x01020304, 0xffffffff, 0x80000000, 0x000000ff,
		0x00ff00ff, FRAME_MAX_CLIENT, FRAME_MAX_SERVER,
	};
	uint8_t buf[16];
	size_t i, off, j;
	uint32_t v;

	for (i = 0; i < sizeof values / sizeof values[0]; i++) {
		v = values[i];
		/* Every alignment of the header within the buffer. */
		for (off = 0; off + FRAME_HEADER <= sizeof buf; off++) {
			memset(buf, 0xa5, sizeof buf);
			frame_header(buf + off, v);
			CHECK_UINT(buf[off], ==, v >> 24);
			CHECK_UINT(buf[off + 1], ==, (v >> 16) & 0xff);
			CHECK_UINT(buf[off + 2], ==, (v >> 8) & 0xff);
			CHECK_UINT(buf[off + 3], ==, v & 0xff);
			for (j = 0; j < sizeof buf; j++)
				if (j < off || j >= off + FRAME_HEADER)
					CHECK_UINT(buf[j], ==, 0xa5);
			CHECK_UINT(frame_length(buf + off), ==, v);
		}
	}
}

static void
test_header_bytes(void)
{
	static const uint8_t a[] = { 0x00, 0x00, 0x00, 0x00, 0x00 };
	static const uint8_t b[] = { 0xee, 0x00, 0x00, 0x00, 0x01 };
	static const uint8_t c[] = { 0xee, 0x01, 0x02, 0x03, 0x04 };
	static const uint8_t d[] = { 0xee, 0xff, 0xff, 0xff, 0xff };
	static const uint8_t e[] = { 0xee, 0x04, 0x03, 0x02, 0x01 };
	uint8_t out[FRAME_HEADER];

	CHECK_UINT(FRAME_HEADER, ==, 4);
	CHECK_UINT(frame_length(a), ==, 0);
	CHECK_UINT(frame_length(b + 1), ==, 1);
	CHECK_UINT(frame_length(c + 1), ==, 0x01020304);
	CHECK_UINT(frame_length(d + 1), ==, 0xffffffff);
	CHECK_UINT(frame_length(e + 1), ==, 0x04030201);
	frame_header(out, 0x01020304);
	CHECK(memcmp(out, c + 1, FRAME_HEADER) == 0);
	frame_header(out, 1);
	CHECK(memcmp(out, b + 1, FRAME_HEADER) == 0);
	frame_header(out, 0);
	CHECK(memcmp(out, a, FRAME_HEADER) == 0);
	frame_header(out, 0xffffffff);
	CHECK(memcmp(out, d + 1, FRAME_HEADER) == 0);
}

static void
test_stream_all_at_once(void)
{
	struct frame_partial p = { 0 };
	struct sink s = { 0 };
	struct stream st;

	stream_build(&st, mixed_sizes, MIXED_FRAMES);
	CHECK_INT(frame_feed(&p, st.bytes, st.len, FRAME_MAX_CLIENT, collect,
	                     &s), ==, 0);
	check_payloads(&s, &st, MIXED_FRAMES);
	/* Frames that lie within the data are never copied into p. */
	CHECK(p.data == NULL);
	CHECK_UINT(p.len, ==, 0);
	CHECK_UINT(p.cap, ==, 0);
	sink_clear(&s);
	stream_free(&st);
}

static void
test_stream_byte_by_byte(void)
{
	struct frame_partial p = { 0 };
	struct sink s = { 0 };
	struct stream st;
	size_t off;

	stream_build(&st, mixed_sizes, MIXED_FRAMES);
	for (off = 0; off < st.len; off++) {
		CHECK_INT(frame_feed(&p, st.bytes + off, 1, FRAME_MAX_CLIENT,
		                     collect, &s), ==, 0);
		CHECK_UINT(s.n, ==, frames_before(&st, off + 1));
		check_partial(&p, &st, off + 1);
	}
	check_payloads(&s, &st, MIXED_FRAMES);
	CHECK(p.data == NULL);
	sink_clear(&s);
	stream_free(&st);
}

static void
test_stream_random_chunks(void)
{
	struct frame_partial p = { 0 };
	struct sink s = { 0 };
	struct stream st;
	uint32_t seed = 0x2545f491, r;
	size_t off, n, limit;
	int iter;

	stream_build(&st, mixed_sizes, MIXED_FRAMES);
	for (iter = 0; iter < 300; iter++) {
		/* Vary the scale: tiny reads, reads about a header long,
		 * and reads that span several frames. */
		switch (iter % 3) {
		case 0:
			limit = 7;
			break;
		case 1:
			limit = 600;
			break;
		default:
			limit = 3 * FRAME_MAX_CLIENT;
			break;
		}
		for (off = 0; off < st.len; off += n) {
			r = xorshift32(&seed);
			n = 1 + r % limit;
			if (n > st.len - off)
				n = st.len - off;
			CHECK_INT(frame_feed(&p, st.bytes + off, n,
			                     FRAME_MAX_CLIENT, collect, &s),
			          ==, 0);
			CHECK_UINT(s.n, ==, frames_before(&st, off + n));
			check_partial(&p, &st, off + n);
		}
		check_payloads(&s, &st, MIXED_FRAMES);
		CHECK(p.data == NULL);
		sink_clear(&s);
	}
	stream_free(&st);
}

/* The largest snapshot the server sends passes; one byte more does not. */
static void
test_server_max(void)
{
	static const size_t sizes[] = { FRAME_MAX_SERVER, 1 };
	struct frame_partial p = { 0 };
	struct sink s = { 0 };
	struct stream st;
	uint8_t hdr[FRAME_HEADER];
	size_t off, n;

	stream_build(&st, sizes, 2);
	for (off = 0; off < st.len; off += n) {
		n = st.len - off < 65536 ? st.len - off : 65536;
		CHECK_INT(frame_feed(&p, st.bytes + off, n, FRAME_MAX_SERVER,
		                     collect, &s), ==, 0);
		check_partial(&p, &st, off + n);
	}
	check_payloads(&s, &st, 2);
	sink_clear(&s);
	stream_free(&st);

	frame_header(hdr, FRAME_MAX_SERVER + 1);
	CHECK_INT(frame_feed(&p, hdr, sizeof hdr, FRAME_MAX_SERVER, collect,
	                     &s), ==, -EMSGSIZE);
	CHECK_UINT(s.n, ==, 0);
	CHECK_UINT(p.cap, <=, FRAME_HEADER);
	frame_partial_reset(&p);
}

/* A length exactly at max is read; max + 1 is refused, whole and split. */
static void
test_length_at_max(void)
{
	static const size_t sizes[] = { 16 };
	struct frame_partial p = { 0 };
	struct sink s = { 0 };
	struct stream st;
	uint8_t hdr[FRAME_HEADER];
	size_t i;

	stream_build(&st, sizes, 1);
	CHECK_INT(frame_feed(&p, st.bytes, st.len, 16, collect, &s), ==, 0);
	check_payloads(&s, &st, 1);
	sink_clear(&s);
	for (i = 0; i < st.len; i++)
		CHECK_INT(frame_feed(&p, st.bytes + i, 1, 16, collect, &s),
		          ==, 0);
	check_payloads(&s, &st, 1);
	CHECK(p.data == NULL);
	sink_clear(&s);

	CHECK_INT(frame_feed(&p, st.bytes, st.len, 15, collect, &s), ==,
	          -EMSGSIZE);
	CHECK_UINT(s.n, ==, 0);
	CHECK(p.data == NULL);

	frame_header(hdr, 16);
	CHECK_INT(frame_feed(&p, hdr, 2, 15, collect, &s), ==, 0);
	CHECK_INT(frame_feed(&p, hdr + 2, 2, 15, collect, &s), ==, -EMSGSIZE);
	CHECK_UINT(s.n, ==, 0);
	CHECK_UINT(p.cap, <=, FRAME_HEADER);
	frame_partial_reset(&p);
	stream_free(&st);
}

static void
test_partial_reset(void)
{
	static const size_t sizes[] = { 10 };
	struct frame_partial p = { 0 };
	struct sink s = { 0 };
	struct stream st;

	stream_build(&st, sizes, 1);

	/* Reset with a partial payload held. */
	CHECK_INT(frame_feed(&p, st.bytes, 7, FRAME_MAX_CLIENT, collect, &s),
	          ==, 0);
	CHECK(p.data != NULL);
	CHECK_UINT(p.len, ==, 7);
	frame_partial_reset(&p);
	CHECK(p.data == NULL);
	CHECK_UINT(p.len, ==, 0);
	CHECK_UINT(p.cap, ==, 0);
	/* Twice is harmless. */
	frame_partial_reset(&p);
	CHECK(p.data == NULL);

	/* Reset with a partial header held. */
	CHECK_INT(frame_feed(&p, st.bytes, 3, FRAME_MAX_CLIENT, collect, &s),
	          ==, 0);
	CHECK(p.data != NULL);
	CHECK_UINT(p.len, ==, 3);
	frame_partial_reset(&p);
	CHECK(p.data == NULL);
	CHECK_UINT(p.len, ==, 0);
	CHECK_UINT(p.cap, ==, 0);

	/* After a reset the decoder starts at a fresh frame. */
	CHECK_INT(frame_feed(&p, st.bytes, st.len, FRAME_MAX_CLIENT, collect,
	                     &s), ==, 0);
	check_payloads(&s, &st, 1);
	CHECK(p.data == NULL);
	sink_clear(&s);
	stream_free(&st);
}

static void
test_empty_frame_whole(void)
{
	static const uint8_t empty[] = { 0, 0, 0, 0 };
	static const uint8_t after[] = {
		0, 0, 0, 2, 'h', 'i', 0, 0, 0, 0, 0, 0, 0, 1, 'x',
	};
	struct frame_partial p = { 0 };
	struct sink s = { 0 };

	CHECK_INT(frame_feed(&p, empty, sizeof empty, FRAME_MAX_CLIENT,
	                     collect, &s), ==, -EBADMSG);
	CHECK_UINT(s.n, ==, 0);
	CHECK(p.data == NULL);

	/* The frame before it is delivered, the one after it is not. */
	CHECK_INT(frame_feed(&p, after, sizeof after, FRAME_MAX_CLIENT,
	                     collect, &s), ==, -EBADMSG);
	CHECK_UINT(s.n, ==, 1);
	CHECK_UINT(s.len[0], ==, 2);
	CHECK(memcmp(s.payload[0], "hi", 2) == 0);
	frame_partial_reset(&p);
	sink_clear(&s);
}

static void
test_empty_frame_in_pieces(void)
{
	static const uint8_t empty[] = { 0, 0, 0, 0 };
	static const uint8_t after[] = { 0, 0, 0, 1, 'y', 0, 0, 0, 0 };
	struct frame_partial p = { 0 };
	struct sink s = { 0 };
	size_t i;

	/* One byte at a time. */
	for (i = 0; i < 3; i++)
		CHECK_INT(frame_feed(&p, empty + i, 1, FRAME_MAX_CLIENT,
		                     collect, &s), ==, 0);
	CHECK_UINT(p.len, ==, 3);
	CHECK_INT(frame_feed(&p, empty + 3, 1, FRAME_MAX_CLIENT, collect, &s),
	          ==, -EBADMSG);
	CHECK_UINT(s.n, ==, 0);
	frame_partial_reset(&p);

	/* Two and two. */
	CHECK_INT(frame_feed(&p, empty, 2, FRAME_MAX_CLIENT, collect, &s), ==,
	          0);
	CHECK_INT(frame_feed(&p, empty + 2, 2, FRAME_MAX_CLIENT, collect, &s),
	          ==, -EBADMSG);
	CHECK_UINT(s.n, ==, 0);
	frame_partial_reset(&p);

	/* Its header split across the read that ends a good frame. */
	CHECK_INT(frame_feed(&p, after, 7, FRAME_MAX_CLIENT, collect, &s), ==,
	          0);
	CHECK_UINT(s.n, ==, 1);
	CHECK_UINT(s.len[0], ==, 1);
	CHECK_UINT(s.payload[0][0], ==, 'y');
	CHECK_UINT(p.len, ==, 2);
	CHECK_INT(frame_feed(&p, after + 7, 2, FRAME_MAX_CLIENT, collect, &s),
	          ==, -EBADMSG);
	CHECK_UINT(s.n, ==, 1);
	frame_partial_reset(&p);
	sink_clear(&s);
}

/* 0xffffffff announced to a peer allowed 16 KiB: refused on the header,
 * with nothing allocated for the announced length. */
static void
test_oversize_whole(void)
{
	uint8_t buf[64];
	struct frame_partial p = { 0 };
	struct sink s = { 0 };

	memset(buf, 'A', sizeof buf);
	frame_header(buf, 0xffffffff);
	CHECK_INT(frame_feed(&p, buf, sizeof buf, FRAME_MAX_CLIENT, collect,
	                     &s), ==, -EMSGSIZE);
	CHECK_UINT(s.n, ==, 0);
	CHECK(p.data == NULL);
	CHECK_UINT(p.cap, ==, 0);
	/* The header alone, too. */
	CHECK_INT(frame_feed(&p, buf, FRAME_HEADER, FRAME_MAX_CLIENT, collect,
	                     &s), ==, -EMSGSIZE);
	CHECK_UINT(s.n, ==, 0);
	CHECK(p.data == NULL);
	CHECK_UINT(p.cap, ==, 0);
}

static void
test_oversize_byte_by_byte(void)
{
	uint8_t hdr[FRAME_HEADER];
	struct frame_partial p = { 0 };
	struct sink s = { 0 };
	size_t i;

	frame_header(hdr, 0xffffffff);
	for (i = 0; i < FRAME_HEADER - 1; i++) {
		CHECK_INT(frame_feed(&p, hdr + i, 1, FRAME_MAX_CLIENT, collect,
		                     &s), ==, 0);
		CHECK_UINT(p.len, ==, i + 1);
	}
	CHECK_INT(frame_feed(&p, hdr + i, 1, FRAME_MAX_CLIENT, collect, &s),
	          ==, -EMSGSIZE);
	CHECK_UINT(s.n, ==, 0);
	CHECK_UINT(p.cap, <=, FRAME_HEADER);
	frame_partial_reset(&p);
}

/* After good frames, the oversized one stops the stream. */
static void
test_oversize_after_frames(void)
{
	static const size_t sizes[] = { 3, 1 };
	struct frame_partial p = { 0 };
	struct sink s = { 0 };
	struct stream st;
	uint8_t *buf;

	stream_build(&st, sizes, 2);
	buf = malloc(st.len + FRAME_HEADER + 8);
	CHECK(buf != NULL);
	memcpy(buf, st.bytes, st.len);
	frame_header(buf + st.len, FRAME_MAX_CLIENT + 1);
	memset(buf + st.len + FRAME_HEADER, 'z', 8);
	CHECK_INT(frame_feed(&p, buf, st.len + FRAME_HEADER + 8,
	                     FRAME_MAX_CLIENT, collect, &s), ==, -EMSGSIZE);
	check_payloads(&s, &st, 2);
	CHECK(p.data == NULL);
	sink_clear(&s);

	/* The same, with the bad header arriving in two reads. */
	CHECK_INT(frame_feed(&p, buf, st.len + 2, FRAME_MAX_CLIENT, collect,
	                     &s), ==, 0);
	check_payloads(&s, &st, 2);
	CHECK_INT(frame_feed(&p, buf + st.len + 2, FRAME_HEADER - 2 + 8,
	                     FRAME_MAX_CLIENT, collect, &s), ==, -EMSGSIZE);
	CHECK_UINT(s.n, ==, 2);
	CHECK_UINT(p.cap, <=, FRAME_HEADER);
	frame_partial_reset(&p);
	sink_clear(&s);
	free(buf);
	stream_free(&st);
}

static void
test_truncated_header_only(void)
{
	static const size_t sizes[] = { 10 };
	struct frame_partial p = { 0 };
	struct sink s = { 0 };
	struct stream st;
	uint8_t none = 0;

	stream_build(&st, sizes, 1);
	CHECK_INT(frame_feed(&p, st.bytes, FRAME_HEADER, FRAME_MAX_CLIENT,
	                     collect, &s), ==, 0);
	CHECK_UINT(s.n, ==, 0);
	CHECK(p.data != NULL);
	CHECK_UINT(p.len, ==, FRAME_HEADER);
	CHECK(memcmp(p.data, st.bytes, FRAME_HEADER) == 0);
	/* An empty read changes nothing. */
	CHECK_INT(frame_feed(&p, &none, 0, FRAME_MAX_CLIENT, collect, &s), ==,
	          0);
	CHECK_UINT(p.len, ==, FRAME_HEADER);
	/* Half the payload. */
	CHECK_INT(frame_feed(&p, st.bytes + FRAME_HEADER, 5, FRAME_MAX_CLIENT,
	                     collect, &s), ==, 0);
	CHECK_UINT(s.n, ==, 0);
	CHECK_UINT(p.len, ==, FRAME_HEADER + 5);
	CHECK(memcmp(p.data, st.bytes, FRAME_HEADER + 5) == 0);
	/* The rest completes it. */
	CHECK_INT(frame_feed(&p, st.bytes + FRAME_HEADER + 5, 5,
	                     FRAME_MAX_CLIENT, collect, &s), ==, 0);
	check_payloads(&s, &st, 1);
	CHECK(p.data == NULL);
	CHECK_UINT(p.len, ==, 0);
	CHECK_UINT(p.cap, ==, 0);
	sink_clear(&s);
	stream_free(&st);
}

static void
test_truncated_half_payload(void)
{
	static const size_t sizes[] = { 6, 20, 2 };
	struct frame_partial p = { 0 };
	struct sink s = { 0 };
	struct stream st;
	size_t cut;

	stream_build(&st, sizes, 3);
	/* The first frame, and the second up to half its payload. */
	cut = st.start[1] + FRAME_HEADER + 10;
	CHECK_INT(frame_feed(&p, st.bytes, cut, FRAME_MAX_CLIENT, collect,
	                     &s), ==, 0);
	check_payloads(&s, &st, 1);
	check_partial(&p, &st, cut);
	CHECK_UINT(p.len, ==, FRAME_HEADER + 10);
	/* The rest of the second frame and all of the third. */
	CHECK_INT(frame_feed(&p, st.bytes + cut, st.len - cut,
	                     FRAME_MAX_CLIENT, collect, &s), ==, 0);
	check_payloads(&s, &st, 3);
	CHECK(p.data == NULL);
	sink_clear(&s);

	/* A header cut in the middle, after a whole frame. */
	cut = st.start[1] + 2;
	CHECK_INT(frame_feed(&p, st.bytes, cut, FRAME_MAX_CLIENT, collect,
	                     &s), ==, 0);
	check_payloads(&s, &st, 1);
	CHECK_UINT(p.len, ==, 2);
	CHECK(memcmp(p.data, st.bytes + st.start[1], 2) == 0);
	CHECK_INT(frame_feed(&p, st.bytes + cut, st.len - cut,
	                     FRAME_MAX_CLIENT, collect, &s), ==, 0);
	check_payloads(&s, &st, 3);
	CHECK(p.data == NULL);
	sink_clear(&s);
	stream_free(&st);
}

static void
test_callback_stops_whole(void)
{
	static const size_t sizes[] = { 4, 1, 9, 2 };
	struct frame_partial p = { 0 };
	struct sink s = { 0 };
	struct stream st;

	stream_build(&st, sizes, 4);
	s.stop_at = 2;
	s.stop_rc = 7;
	CHECK_INT(frame_feed(&p, st.bytes, st.len, FRAME_MAX_CLIENT, collect,
	                     &s), ==, 7);
	check_payloads(&s, &st, 2);
	CHECK(p.data == NULL);
	sink_clear(&s);

	/* A negative value is handed back as it is, too. */
	s.stop_at = 1;
	s.stop_rc = -42;
	CHECK_INT(frame_feed(&p, st.bytes, st.len, FRAME_MAX_CLIENT, collect,
	                     &s), ==, -42);
	check_payloads(&s, &st, 1);
	CHECK(p.data == NULL);
	sink_clear(&s);
	stream_free(&st);
}

/* The stopping frame completes a partial frame. */
static void
test_callback_stops_partial(void)
{
	static const size_t sizes[] = { 4, 1, 9, 2 };
	struct frame_partial p = { 0 };
	struct sink s = { 0 };
	struct stream st;
	size_t off, end;
	int rc;

	stream_build(&st, sizes, 4);
	s.stop_at = 3;
	s.stop_rc = 99;
	end = st.start[3];	/* where the third frame ends */
	for (off = 0; off < end - 1; off++)
		CHECK_INT(frame_feed(&p, st.bytes + off, 1, FRAME_MAX_CLIENT,
		                     collect, &s), ==, 0);
	check_payloads(&s, &st, 2);
	/* The last byte of the third frame arrives with all of the fourth. */
	rc = frame_feed(&p, st.bytes + off, st.len - off, FRAME_MAX_CLIENT,
	                collect, &s);
	CHECK_INT(rc, ==, 99);
	check_payloads(&s, &st, 3);
	CHECK(p.data == NULL);
	CHECK_UINT(p.len, ==, 0);
	sink_clear(&s);
	stream_free(&st);
}

/* A browser or a port scanner talking HTTP: "GET " as a length is about
 * 1.2 GB, far above either limit. */
static void
test_garbage(void)
{
	static const char get[] = "GET / HTTP/1.1\r\n\r\n";
	const uint8_t *g = (const uint8_t *)get;
	struct frame_partial p = { 0 };
	struct sink s = { 0 };
	size_t i;
	int rc = 0;

	CHECK_UINT(frame_length(g), ==, 0x47455420);
	CHECK_INT(frame_feed(&p, g, sizeof get - 1, FRAME_MAX_CLIENT, collect,
	                     &s), ==, -EMSGSIZE);
	CHECK_UINT(s.n, ==, 0);
	CHECK(p.data == NULL);
	CHECK_INT(frame_feed(&p, g, sizeof get - 1, FRAME_MAX_SERVER, collect,
	                     &s), ==, -EMSGSIZE);
	CHECK(p.data == NULL);

	for (i = 0; i < sizeof get - 1; i++) {
		rc = frame_feed(&p, g + i, 1, FRAME_MAX_CLIENT, collect, &s);
		if (rc != 0)
			break;
	}
	CHECK_INT(rc, ==, -EMSGSIZE);
	CHECK_UINT(i, ==, FRAME_HEADER - 1);
	CHECK_UINT(s.n, ==, 0);
	CHECK_UINT(p.cap, <=, FRAME_HEADER);
	frame_partial_reset(&p);
}

CHECK_MAIN(CHECK_TEST(test_header_round_trip),
           CHECK_TEST(test_header_bytes),
           CHECK_TEST(test_stream_all_at_once),
           CHECK_TEST(test_stream_byte_by_byte),
           CHECK_TEST(test_stream_random_chunks),
           CHECK_TEST(test_server_max),
           CHECK_TEST(test_length_at_max),
           CHECK_TEST(test_partial_reset),
           CHECK_TEST(test_empty_frame_whole),
           CHECK_TEST(test_empty_frame_in_pieces),
           CHECK_TEST(test_oversize_whole),
           CHECK_TEST(test_oversize_byte_by_byte),
           CHECK_TEST(test_oversize_after_frames),
           CHECK_TEST(test_truncated_header_only),
           CHECK_TEST(test_truncated_half_payload),
           CHECK_TEST(test_callback_stops_whole),
           CHECK_TEST(test_callback_stops_partial),
           CHECK_TEST(test_garbage))
