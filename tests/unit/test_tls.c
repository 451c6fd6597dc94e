/* Tests for tls.c through memory: a server and a client session
 * handshake (whole and a byte at a time), carry data both ways (also a
 * byte at a time and more than one record), close with close_notify, and
 * refuse garbage and tampered records. The server's identity comes from
 * tlscert.c; fingerprints and certificate files are test_tls_cert.c's.
 * Each test works in a fresh directory under /tmp and removes it. */

/* nftw() is X/Open, not C11; it must be asked for before any header. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include "check.h"

#include "tls.h"
#include "tlscert.h"
#include "tls_fixture.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#define BIG_SIZE (100 * 1024)   /* more than six records of 16 KiB */

/* What one side has written and the other has not been fed yet, or the
 * plaintext one side has received. */
struct buf {
	uint8_t *data;
	size_t len, cap;
	size_t calls;           /* how many pieces were appended */
	int fail;               /* write_to()'s result when nonzero */
};

/* A server and a client session with everything between them. */
struct rig {
	struct tls_creds *creds;
	uint8_t fp[TLS_FP_SIZE];
	struct tls *server, *client;
	struct buf to_server, to_client;        /* ciphertext */
	struct buf server_got, client_got;      /* plaintext */
};

static void
buf_append(struct buf *b, const uint8_t *data, size_t len)
{
	uint8_t *grown;

	if (b->len + len > b->cap) {
		b->cap = (b->len + len) * 2;
		grown = realloc(b->data, b->cap);
		CHECK(grown != NULL);
		b->data = grown;
	}
	memcpy(b->data + b->len, data, len);
	b->len += len;
	b->calls++;
}

static void
buf_clear(struct buf *b)
{
	free(b->data);
	memset(b, 0, sizeof *b);
}

/* A session's write function: appends to the buffer for the peer, or
 * fails as the buffer says. */
static int
write_to(void *arg, uint8_t *data, size_t len)
{
	struct buf *b = arg;

	CHECK_UINT(len, >, 0);
	if (b->fail != 0) {
		free(data);
		return b->fail;
	}
	buf_append(b, data, len);
	free(data);
	return 0;
}

/* A plain callback: appends to the buffer. */
static int
plain_to(void *arg, const uint8_t *data, size_t len)
{
	CHECK_UINT(len, >, 0);
	buf_append(arg, data, len);
	return 0;
}

/* A plain callback that stops after the first piece. */
static int
plain_stops(void *arg, const uint8_t *data, size_t len)
{
	buf_append(arg, data, len);
	return 7;
}

/* Feeds what is waiting in b to t, chunk bytes at a time (all at once
 * when chunk is 0), and empties b. Returns the first nonzero result, or
 * 0. */
static int
move(struct buf *b, struct tls *t, size_t chunk, struct buf *got)
{
	uint8_t *data = b->data;
	size_t len = b->len, off = 0, n;
	int rc = 0, fail = b->fail;

	memset(b, 0, sizeof *b);
	b->fail = fail;
	if (chunk == 0)
		chunk = len;
	while (rc == 0 && off < len) {
		n = len - off < chunk ? len - off : chunk;
		rc = tls_feed(t, data + off, n, plain_to, got);
		off += n;
	}
	free(data);
	return rc;
}

/* A fixed sequence of bytes that look random, from a seed. */
static uint32_t
next_random(uint32_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

static void
fill_pattern(uint8_t *p, size_t len, uint32_t seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = (uint8_t)(next_random(&seed) >> 11);
}

/* Whether needle occurs in haystack. */
static bool
contains(const uint8_t *hay, size_t hay_len, const void *needle, size_t len)
{
	size_t i;

	for (i = 0; i + len <= hay_len; i++)
		if (memcmp(hay + i, needle, len) == 0)
			return true;
	return false;
}

/* Makes the identity in a fresh directory and both sessions; the
 * ClientHello waits in to_server. */
static void
rig_open(struct rig *r)
{
	char err[256] = "";
	bool generated = false;

	memset(r, 0, sizeof *r);
	if (tlscert_load(tmp_begin(), NULL, NULL, &r->creds, r->fp,
	                 &generated, err, sizeof err) < 0)
		CHECK_FAIL("tlscert_load: %s", err);
	CHECK(generated);
	CHECK_INT(tls_server_new(&r->server, r->creds, write_to,
	                         &r->to_client), ==, 0);
	CHECK_INT(tls_client_new(&r->client, write_to, &r->to_server), ==, 0);
	/* The ClientHello left at once. */
	CHECK_UINT(r->to_server.len, >, 0);
	CHECK(!tls_ready(r->client));
}

/* rig_open(), and the handshake run to its end, chunk bytes at a
 * time. */
static void
rig_begin(struct rig *r, size_t chunk)
{
	int round;

	rig_open(r);
	for (round = 0; round < 10; round++) {
		if (tls_ready(r->server) && tls_ready(r->client))
			break;
		CHECK_INT(move(&r->to_server, r->server, chunk,
		               &r->server_got), ==, 0);
		CHECK_INT(move(&r->to_client, r->client, chunk,
		               &r->client_got), ==, 0);
	}
	CHECK(tls_ready(r->server));
	CHECK(tls_ready(r->client));
	/* Nothing is left in flight, and no plaintext came out of it. */
	CHECK_UINT(r->to_server.len, ==, 0);
	CHECK_UINT(r->to_client.len, ==, 0);
	CHECK_UINT(r->server_got.len, ==, 0);
	CHECK_UINT(r->client_got.len, ==, 0);
}

static void
rig_end(struct rig *r)
{
	tls_free(r->server);
	tls_free(r->client);
	tls_creds_free(r->creds);
	buf_clear(&r->to_server);
	buf_clear(&r->to_client);
	buf_clear(&r->server_got);
	buf_clear(&r->client_got);
	tmp_remove();
}

/* Sends len bytes from one side and checks that the other receives them
 * whole and in order, fed chunk bytes at a time. */
static void
carry(struct rig *r, bool to_server, const uint8_t *data, size_t len,
      size_t chunk)
{
	struct tls *from = to_server ? r->client : r->server;
	struct tls *to = to_server ? r->server : r->client;
	struct buf *wire = to_server ? &r->to_server : &r->to_client;
	struct buf *got = to_server ? &r->server_got : &r->client_got;

	buf_clear(got);
	CHECK_INT(tls_send(from, data, len), ==, 0);
	/* Encrypted: longer by the records' overhead, and the text is not
	 * on the wire (checked from 8 bytes on: a byte or two turn up in
	 * random ciphertext by chance). */
	CHECK_UINT(wire->len, >, len);
	if (len >= 8)
		CHECK(!contains(wire->data, wire->len, data,
		                len < 16 ? len : 16));
	CHECK_INT(move(wire, to, chunk, got), ==, 0);
	CHECK_UINT(got->len, ==, len);
	CHECK(memcmp(got->data, data, len) == 0);
}

static void
test_handshake(void)
{
	struct rig r;
	uint8_t fp[TLS_FP_SIZE];
	const char *version;

	rig_begin(&r, 0);
	/* The client saw the certificate tlscert_load() made. */
	CHECK_INT(tls_peer_fingerprint(r.client, fp), ==, 0);
	CHECK(memcmp(fp, r.fp, TLS_FP_SIZE) == 0);
	/* The server asks for no client certificate, so it knows none. */
	CHECK_INT(tls_peer_fingerprint(r.server, fp), ==, -ENOENT);
	version = tls_version(r.client);
	CHECK(strncmp(version, "TLS1.", 5) == 0);
	CHECK(strcmp(version, "TLS1.2") == 0 || strcmp(version, "TLS1.3") == 0);
	CHECK_STR(tls_version(r.server), version);
	if (strcmp(version, "TLS1.3") != 0)
		printf("# negotiated %s, not TLS1.3 (system policy?)\n",
		       version);
	CHECK_STR(tls_strerror(r.client), "");
	CHECK_STR(tls_strerror(r.server), "");
	rig_end(&r);
}

/* The same handshake with every byte fed on its own. */
static void
test_handshake_bytewise(void)
{
	struct rig r;
	uint8_t fp[TLS_FP_SIZE];

	rig_begin(&r, 1);
	CHECK_INT(tls_peer_fingerprint(r.client, fp), ==, 0);
	CHECK(memcmp(fp, r.fp, TLS_FP_SIZE) == 0);
	rig_end(&r);
}

/* The client speaks as soon as it is ready, as the real one sends its
 * Hello: the server gets its Finished and the first record in one read,
 * whole or a byte at a time, and must not lose the record. */
static void
test_send_at_once(void)
{
	struct rig r;
	size_t chunk;
	int round;

	for (chunk = 0; chunk < 2; chunk++) {
		rig_open(&r);
		for (round = 0; round < 10 && !tls_ready(r.client); round++) {
			CHECK_INT(move(&r.to_server, r.server, chunk,
			               &r.server_got), ==, 0);
			CHECK_INT(move(&r.to_client, r.client, chunk,
			               &r.client_got), ==, 0);
		}
		CHECK(tls_ready(r.client));
		CHECK(!tls_ready(r.server));
		CHECK_INT(tls_send(r.client, (const uint8_t *)"hallo", 5),
		          ==, 0);
		CHECK_INT(move(&r.to_server, r.server, chunk, &r.server_got),
		          ==, 0);
		CHECK(tls_ready(r.server));
		CHECK_UINT(r.server_got.len, ==, 5);
		CHECK(memcmp(r.server_got.data, "hallo", 5) == 0);
		/* And the server answers. */
		CHECK_INT(tls_send(r.server, (const uint8_t *)"welkom", 6),
		          ==, 0);
		CHECK_INT(move(&r.to_client, r.client, chunk, &r.client_got),
		          ==, 0);
		CHECK_UINT(r.client_got.len, ==, 6);
		CHECK(memcmp(r.client_got.data, "welkom", 6) == 0);
		rig_end(&r);
	}
}

/* Before the handshake is done there is nothing to send with and nothing
 * known of the peer. */
static void
test_before_handshake(void)
{
	struct rig r;
	struct buf wire = { NULL, 0, 0, 0, 0 };
	struct tls *t = NULL;
	uint8_t fp[TLS_FP_SIZE];

	rig_begin(&r, 0);
	CHECK_INT(tls_client_new(&t, write_to, &wire), ==, 0);
	CHECK(!tls_ready(t));
	CHECK_STR(tls_version(t), "");
	CHECK_INT(tls_peer_fingerprint(t, fp), ==, -ENOENT);
	CHECK_INT(tls_send(t, (const uint8_t *)"x", 1), ==, -ENOTCONN);
	CHECK_INT(tls_bye(t), ==, -ENOTCONN);
	tls_free(t);
	buf_clear(&wire);

	CHECK_INT(tls_server_new(&t, r.creds, write_to, &wire), ==, 0);
	CHECK(!tls_ready(t));
	CHECK_INT(tls_send(t, (const uint8_t *)"x", 1), ==, -ENOTCONN);
	/* Nothing fed is nothing to do. */
	CHECK_INT(tls_feed(t, (const uint8_t *)"", 0, plain_to, &r.server_got),
	          ==, 0);
	CHECK(!tls_ready(t));
	CHECK_UINT(wire.len, ==, 0);
	tls_free(t);
	buf_clear(&wire);
	tls_free(NULL);
	tls_creds_free(NULL);
	rig_end(&r);
}

/* A connection that is gone fails the call that writes with the write
 * function's error: the client's start, and a send. */
static void
test_write_fails(void)
{
	struct buf gone = { NULL, 0, 0, 0, -ECONNRESET };
	struct rig r;
	struct tls *t = (struct tls *)&r;

	/* t starts out stale: a failed start must clear it. */
	CHECK_INT(tls_client_new(&t, write_to, &gone), ==, -ECONNRESET);
	CHECK(t == NULL);
	rig_begin(&r, 0);
	r.to_server.fail = -ECONNRESET;
	CHECK_INT(tls_send(r.client, (const uint8_t *)"x", 1), ==, -ECONNRESET);
	rig_end(&r);
}

static void
test_data(void)
{
	static const char hello[] = "geheim: het wachtwoord is appeltaart";
	struct rig r;
	uint8_t *big;

	rig_begin(&r, 0);
	carry(&r, true, (const uint8_t *)hello, strlen(hello), 0);
	carry(&r, false, (const uint8_t *)hello, strlen(hello), 0);
	/* One byte of ciphertext at a time: nothing comes out before the
	 * record is whole, then all of it. */
	carry(&r, true, (const uint8_t *)hello, strlen(hello), 1);
	CHECK_UINT(r.server_got.calls, ==, 1);
	carry(&r, false, (const uint8_t *)hello, strlen(hello), 1);
	CHECK_UINT(r.client_got.calls, ==, 1);
	/* A single byte. */
	carry(&r, true, (const uint8_t *)"!", 1, 0);

	/* More than one record, both ways, in one piece and in odd
	 * chunks. */
	big = malloc(BIG_SIZE);
	CHECK(big != NULL);
	fill_pattern(big, BIG_SIZE, 12345);
	carry(&r, true, big, BIG_SIZE, 0);
	CHECK_UINT(r.server_got.calls, >=, BIG_SIZE / 16384);
	carry(&r, false, big, BIG_SIZE, 0);
	CHECK_UINT(r.client_got.calls, >=, BIG_SIZE / 16384);
	fill_pattern(big, BIG_SIZE, 777);
	carry(&r, true, big, BIG_SIZE, 1000);
	carry(&r, false, big, BIG_SIZE, 4099);
	free(big);

	/* Several sends, then one feed: all of it, in order. */
	buf_clear(&r.server_got);
	CHECK_INT(tls_send(r.client, (const uint8_t *)"een ", 4), ==, 0);
	CHECK_INT(tls_send(r.client, (const uint8_t *)"twee ", 5), ==, 0);
	CHECK_INT(tls_send(r.client, (const uint8_t *)"drie", 4), ==, 0);
	CHECK_INT(move(&r.to_server, r.server, 0, &r.server_got), ==, 0);
	CHECK_UINT(r.server_got.len, ==, 13);
	CHECK(memcmp(r.server_got.data, "een twee drie", 13) == 0);
	rig_end(&r);
}

/* A plain callback that stops makes tls_feed() return its value. */
static void
test_plain_stops(void)
{
	struct rig r;
	uint8_t *wire;
	size_t len;

	rig_begin(&r, 0);
	CHECK_INT(tls_send(r.client, (const uint8_t *)"stop", 4), ==, 0);
	wire = r.to_server.data;
	len = r.to_server.len;
	CHECK_INT(tls_feed(r.server, wire, len, plain_stops, &r.server_got),
	          ==, 7);
	CHECK_UINT(r.server_got.len, ==, 4);
	CHECK(tls_ready(r.server));
	rig_end(&r);
}

/* close_notify ends the session on the other side: -EPIPE. */
static void
test_bye(void)
{
	struct rig r;

	rig_begin(&r, 0);
	CHECK_INT(tls_bye(r.client), ==, 0);
	CHECK_UINT(r.to_server.len, >, 0);
	CHECK(!tls_ready(r.client));
	CHECK_INT(tls_send(r.client, (const uint8_t *)"x", 1), <, 0);
	CHECK_INT(tls_bye(r.client), <, 0);
	CHECK_INT(move(&r.to_server, r.server, 0, &r.server_got), ==, -EPIPE);
	CHECK_UINT(r.server_got.len, ==, 0);
	CHECK(!tls_ready(r.server));
	rig_end(&r);

	/* The other way round, and data sent before the alert still
	 * arrives first, even a byte at a time. */
	rig_begin(&r, 0);
	CHECK_INT(tls_send(r.server, (const uint8_t *)"tot ziens", 9), ==, 0);
	CHECK_INT(tls_bye(r.server), ==, 0);
	CHECK_INT(move(&r.to_client, r.client, 1, &r.client_got), ==, -EPIPE);
	CHECK_UINT(r.client_got.len, ==, 9);
	CHECK(memcmp(r.client_got.data, "tot ziens", 9) == 0);
	CHECK(!tls_ready(r.client));
	/* A dead session stays dead. */
	CHECK_INT(tls_feed(r.client, (const uint8_t *)"x", 1, plain_to,
	                   &r.client_got), <, 0);
	rig_end(&r);
}

/* Feeds garbage to a fresh server session in one piece: it must fail
 * with -EPROTO, say why, hand nothing on and stay dead. */
static void
refuse(struct tls_creds *creds, const uint8_t *data, size_t len)
{
	struct buf wire = { NULL, 0, 0, 0, 0 }, got = { NULL, 0, 0, 0, 0 };
	struct tls *t;
	int rc;

	CHECK_INT(tls_server_new(&t, creds, write_to, &wire), ==, 0);
	rc = tls_feed(t, data, len, plain_to, &got);
	CHECK_INT(rc, ==, -EPROTO);
	CHECK(tls_strerror(t)[0] != '\0');
	CHECK(!tls_ready(t));
	CHECK_UINT(got.len, ==, 0);
	/* Dead: more input changes nothing. */
	CHECK_INT(tls_feed(t, data, len, plain_to, &got), ==, -EPROTO);
	tls_free(t);
	buf_clear(&wire);
	buf_clear(&got);
}

static void
test_garbage(void)
{
	static const char http[] = "GET / HTTP/1.0\r\n\r\n";
	struct rig r;
	uint8_t junk[4096];
	struct buf wire = { NULL, 0, 0, 0, 0 }, got = { NULL, 0, 0, 0, 0 };
	struct tls *t;
	uint32_t seed;
	int rc;

	rig_begin(&r, 0);
	refuse(r.creds, (const uint8_t *)http, strlen(http));
	/* A handshake record with nonsense in it, for several seeds. */
	for (seed = 1; seed <= 20; seed++) {
		fill_pattern(junk, sizeof junk, seed);
		junk[0] = 0x16;
		refuse(r.creds, junk, sizeof junk);
	}
	/* A record header that claims more than a record may hold. */
	refuse(r.creds, (const uint8_t *)"\x16\x03\x01\xff\xff", 5);

	/* A client answered with nonsense. */
	CHECK_INT(tls_client_new(&t, write_to, &wire), ==, 0);
	rc = tls_feed(t, (const uint8_t *)http, strlen(http), plain_to, &got);
	CHECK_INT(rc, ==, -EPROTO);
	CHECK(tls_strerror(t)[0] != '\0');
	CHECK(!tls_ready(t));
	tls_free(t);
	buf_clear(&wire);
	buf_clear(&got);
	rig_end(&r);
}

/* A record changed on the way is refused and never handed on. */
static void
test_tamper(void)
{
	static const char msg[] = "de stemming is gesloten";
	struct rig r;
	size_t i;

	for (i = 0; i < 2; i++) {
		bool to_server = i == 0;
		struct buf *wire = to_server ? &r.to_server : &r.to_client;
		struct buf *got;
		struct tls *from, *to;

		rig_begin(&r, 0);
		from = to_server ? r.client : r.server;
		to = to_server ? r.server : r.client;
		got = to_server ? &r.server_got : &r.client_got;
		CHECK_INT(tls_send(from, (const uint8_t *)msg, strlen(msg)),
		          ==, 0);
		/* A bit in the ciphertext, past the 5-byte header. */
		CHECK_UINT(wire->len, >, 10);
		wire->data[wire->len / 2] ^= 0x20;
		CHECK_INT(move(wire, to, 0, got), ==, -EPROTO);
		CHECK(tls_strerror(to)[0] != '\0');
		CHECK_UINT(got->len, ==, 0);
		CHECK(!tls_ready(to));
		rig_end(&r);
	}
}

CHECK_MAIN(CHECK_TEST(test_handshake),
           CHECK_TEST(test_handshake_bytewise),
           CHECK_TEST(test_send_at_once),
           CHECK_TEST(test_before_handshake),
           CHECK_TEST(test_write_fails),
           CHECK_TEST(test_data),
           CHECK_TEST(test_plain_stops),
           CHECK_TEST(test_bye),
           CHECK_TEST(test_garbage),
           CHECK_TEST(test_tamper))
