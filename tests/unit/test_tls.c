/* Tests for tls.c and the server's tlscert.c: a server and a client
 * session handshake through memory, carry data both ways (also a byte at
 * a time and more than one record), close, and refuse garbage and
 * tampered records; the fingerprint's forms are checked against bytes
 * worked out by hand; the certificate is made once in a fresh directory
 * and kept; and openssl, when there is one, agrees on the fingerprint.
 * Each test works in a fresh directory under /tmp and removes it. */

/* nftw() is X/Open, not C11; it must be asked for before any header. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include "check.h"

#include "code.h"
#include "tls.h"
#include "tlscert.h"
#include "tmpdir_fixture.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

#include <gnutls/gnutls.h>

#define ROOT_SIZE 32            /* "/tmp/aandeslag-tls-XXXXXX" */
#define PATH_SIZE 128
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

static char root[ROOT_SIZE];

static void
tmp_remove(void)
{
	tmpdir_remove(root);
	root[0] = '\0';
}

/* Makes this test's fresh directory, removed again when it exits. */
static const char *
tmp_begin(void)
{
	snprintf(root, sizeof root, "/tmp/aandeslag-tls-XXXXXX");
	CHECK(mkdtemp(root) != NULL);
	atexit(tmp_remove);
	/* The key's mode is checked, so the umask must not narrow it. */
	umask(022);
	return root;
}

static void
tmp_path(const char *name, char out[PATH_SIZE])
{
	CHECK_INT(tlscert_path(root, name, out, PATH_SIZE), ==, 0);
}

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

/* The 80 bits read aloud, worked out by hand: symbols 0 to 15 and 16 to
 * 31 of the alphabet, five bits each, packed into ten bytes. */
static void
test_fp_text(void)
{
	static const uint8_t low[10] = {
		0x00, 0x44, 0x32, 0x14, 0xc7, 0x42, 0x54, 0xb6, 0x35, 0xcf
	};
	static const uint8_t high[10] = {
		0x84, 0x65, 0x3a, 0x56, 0xd7, 0xc6, 0x75, 0xbe, 0x77, 0xdf
	};
	uint8_t fp[TLS_FP_SIZE];
	char text[TLS_FP_TEXT_SIZE], want[TLS_FP_TEXT_SIZE];
	size_t i;

	/* The alphabet these expectations assume. */
	CHECK_STR(code_alphabet, "23456789ABCDEFGHJKLMNPQRSTUVWXYZ");
	memset(fp, 0, sizeof fp);
	tls_fp_text(fp, text);
	for (i = 0; i < 19; i++)
		want[i] = i % 5 == 4 ? '-' : code_alphabet[0];
	want[19] = '\0';
	CHECK_STR(text, want);
	CHECK_STR(text, "2222-2222-2222-2222");
	memset(fp, 0xff, sizeof fp);
	tls_fp_text(fp, text);
	CHECK_STR(text, "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
	memcpy(fp, low, sizeof low);
	tls_fp_text(fp, text);
	CHECK_STR(text, "2345-6789-ABCD-EFGH");
	CHECK_UINT(strlen(text), ==, TLS_FP_TEXT_SIZE - 1);
	memcpy(fp, high, sizeof high);
	tls_fp_text(fp, text);
	CHECK_STR(text, "JKLM-NPQR-STUV-WXYZ");
	/* Only the first 80 bits count: the eleventh byte does not, the
	 * last bit of the tenth does. */
	fp[10] ^= 0xff;
	tls_fp_text(fp, text);
	CHECK_STR(text, "JKLM-NPQR-STUV-WXYZ");
	fp[9] ^= 0x01;
	tls_fp_text(fp, text);
	CHECK_STR(text, "JKLM-NPQR-STUV-WXYY");
	/* And the first bit of the first byte. */
	memset(fp, 0, sizeof fp);
	fp[0] = 0x80;
	tls_fp_text(fp, text);
	CHECK_STR(text, "J222-2222-2222-2222");
}

static void
test_fp_hex(void)
{
	uint8_t fp[TLS_FP_SIZE], back[TLS_FP_SIZE];
	char hex[TLS_FP_HEX_SIZE], colons[3 * TLS_FP_SIZE], bad[80];
	size_t i;

	for (i = 0; i < TLS_FP_SIZE; i++)
		fp[i] = (uint8_t)(i * 8 + i);
	tls_fp_hex(fp, hex);
	CHECK_STR(hex, "0009121b242d363f48515a636c757e879099a2abb4bdc6cfd8e1"
	               "eaf3fc050e17");
	CHECK_UINT(strlen(hex), ==, TLS_FP_HEX_SIZE - 1);
	memset(back, 0, sizeof back);
	CHECK_INT(tls_fp_parse_hex(hex, back), ==, 0);
	CHECK(memcmp(fp, back, TLS_FP_SIZE) == 0);
	memset(fp, 0xff, sizeof fp);
	tls_fp_hex(fp, hex);
	CHECK_INT(tls_fp_parse_hex(hex, back), ==, 0);
	CHECK(memcmp(fp, back, TLS_FP_SIZE) == 0);

	/* As openssl prints it: uppercase, with colons. */
	for (i = 0; i < TLS_FP_SIZE; i++)
		fp[i] = (uint8_t)(255 - i * 7);
	for (i = 0; i < TLS_FP_SIZE; i++)
		snprintf(colons + 3 * i, sizeof colons - 3 * i, "%02X%s",
		         fp[i], i + 1 < TLS_FP_SIZE ? ":" : "");
	CHECK_UINT(strlen(colons), ==, 3 * TLS_FP_SIZE - 1);
	CHECK(strncmp(colons, "FF:F8:F1:", 9) == 0);
	memset(back, 0, sizeof back);
	CHECK_INT(tls_fp_parse_hex(colons, back), ==, 0);
	CHECK(memcmp(fp, back, TLS_FP_SIZE) == 0);

	/* Too short, too long, odd, not hex, a colon inside a byte. */
	tls_fp_hex(fp, hex);
	snprintf(bad, sizeof bad, "%.62s", hex);
	CHECK_INT(tls_fp_parse_hex(bad, back), ==, -EINVAL);
	snprintf(bad, sizeof bad, "%.63s", hex);
	CHECK_INT(tls_fp_parse_hex(bad, back), ==, -EINVAL);
	snprintf(bad, sizeof bad, "%s00", hex);
	CHECK_INT(tls_fp_parse_hex(bad, back), ==, -EINVAL);
	snprintf(bad, sizeof bad, "%s0", hex);
	CHECK_INT(tls_fp_parse_hex(bad, back), ==, -EINVAL);
	snprintf(bad, sizeof bad, "%s", hex);
	bad[17] = 'g';
	CHECK_INT(tls_fp_parse_hex(bad, back), ==, -EINVAL);
	bad[17] = ' ';
	CHECK_INT(tls_fp_parse_hex(bad, back), ==, -EINVAL);
	snprintf(bad, sizeof bad, "0:%s", hex + 1);
	CHECK_INT(tls_fp_parse_hex(bad, back), ==, -EINVAL);
	CHECK_INT(tls_fp_parse_hex("", back), ==, -EINVAL);
	CHECK_INT(tls_fp_parse_hex(":::", back), ==, -EINVAL);
}

static void
test_fp_matches(void)
{
	static const uint8_t high[10] = {
		0x84, 0x65, 0x3a, 0x56, 0xd7, 0xc6, 0x75, 0xbe, 0x77, 0xdf
	};
	uint8_t fp[TLS_FP_SIZE], other[TLS_FP_SIZE];
	char hex[TLS_FP_HEX_SIZE], upper[TLS_FP_HEX_SIZE];
	size_t i;

	memset(fp, 0x5a, sizeof fp);
	memcpy(fp, high, sizeof high);
	/* "JKLM-NPQR-STUV-WXYZ", typed in the ways people type it. */
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXYZ", fp), ==, 1);
	CHECK_INT(tls_fp_matches("JKLMNPQRSTUVWXYZ", fp), ==, 1);
	CHECK_INT(tls_fp_matches("jklm-npqr-stuv-wxyz", fp), ==, 1);
	CHECK_INT(tls_fp_matches("jklmnpqrSTUVwxyz", fp), ==, 1);
	CHECK_INT(tls_fp_matches("JKLM NPQR STUV WXYZ", fp), ==, 1);
	/* The hex form, in either case. */
	tls_fp_hex(fp, hex);
	CHECK_INT(tls_fp_matches(hex, fp), ==, 1);
	for (i = 0; hex[i] != '\0'; i++)
		upper[i] = (char)toupper((unsigned char)hex[i]);
	upper[i] = '\0';
	CHECK_INT(tls_fp_matches(upper, fp), ==, 1);

	/* Near misses: one symbol off; the hex form of a key that differs
	 * only after the 80 bits, which the text form does not see. */
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXYY", fp), ==, 0);
	CHECK_INT(tls_fp_matches("KKLM-NPQR-STUV-WXYZ", fp), ==, 0);
	memcpy(other, fp, sizeof other);
	other[TLS_FP_SIZE - 1] ^= 1;
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXYZ", other), ==, 1);
	CHECK_INT(tls_fp_matches(hex, other), ==, 0);

	/* Junk: neither form. */
	CHECK_INT(tls_fp_matches("", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("----", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("hallo", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXY", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXYZZ", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXY0", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXYO", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXYI", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("JKLM-NPQR-STUV-WXY1", fp), ==, -EINVAL);
	CHECK_INT(tls_fp_matches("JKLM_NPQR_STUV_WXYZ", fp), ==, -EINVAL);
	hex[63] = '\0';
	CHECK_INT(tls_fp_matches(hex, fp), ==, -EINVAL);
}

/* Reads a whole small file into out (NUL-terminated). Returns its
 * length. */
static size_t
read_file(const char *path, char *out, size_t size)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	CHECK(f != NULL);
	n = fread(out, 1, size - 1, f);
	CHECK(feof(f));
	fclose(f);
	out[n] = '\0';
	return n;
}

static void
write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	CHECK(f != NULL);
	fputs(text, f);
	CHECK_INT(fclose(f), ==, 0);
}

static void
test_ensure(void)
{
	char cert[PATH_SIZE], key[PATH_SIZE], tmp[PATH_SIZE];
	char key_text[4096], again[4096], err[256], lng[5000];
	struct tls_creds *creds = NULL;
	uint8_t fp1[TLS_FP_SIZE], fp2[TLS_FP_SIZE];
	struct stat st;
	bool generated = true;

	tmp_begin();
	tmp_path(TLSCERT_CERT_FILE, cert);
	tmp_path(TLSCERT_KEY_FILE, key);
	err[0] = '\0';
	CHECK_INT(tlscert_ensure(root, err, sizeof err), ==, 1);
	CHECK_INT(stat(key, &st), ==, 0);
	CHECK(S_ISREG(st.st_mode));
	CHECK_INT(st.st_mode & 07777, ==, 0600);
	CHECK_UINT(st.st_size, >, 0);
	CHECK_INT(stat(cert, &st), ==, 0);
	CHECK(S_ISREG(st.st_mode));
	CHECK_UINT(st.st_size, >, 0);
	read_file(cert, again, sizeof again);
	CHECK_CONTAINS(again, "-----BEGIN CERTIFICATE-----");
	read_file(key, key_text, sizeof key_text);
	CHECK_CONTAINS(key_text, "PRIVATE KEY-----");
	/* No temporary file is left. */
	tmp_path(TLSCERT_KEY_FILE ".tmp", tmp);
	CHECK_INT(access(tmp, F_OK), ==, -1);
	tmp_path(TLSCERT_CERT_FILE ".tmp", tmp);
	CHECK_INT(access(tmp, F_OK), ==, -1);

	/* The second time, the pair is left alone. */
	CHECK_INT(tlscert_ensure(root, err, sizeof err), ==, 0);
	read_file(key, again, sizeof again);
	CHECK_STR(again, key_text);
	if (tlscert_load(root, NULL, NULL, &creds, fp1, &generated, err,
	                 sizeof err) < 0)
		CHECK_FAIL("tlscert_load: %s", err);
	CHECK(!generated);
	tls_creds_free(creds);
	creds = NULL;
	if (tlscert_load(root, NULL, NULL, &creds, fp2, &generated, err,
	                 sizeof err) < 0)
		CHECK_FAIL("tlscert_load: %s", err);
	CHECK(!generated);
	CHECK(memcmp(fp1, fp2, TLS_FP_SIZE) == 0);
	tls_creds_free(creds);
	creds = NULL;

	/* Half an identity is never completed: the key stays as it was. */
	CHECK_INT(unlink(cert), ==, 0);
	err[0] = '\0';
	CHECK_INT(tlscert_ensure(root, err, sizeof err), ==, -EEXIST);
	CHECK(err[0] != '\0');
	CHECK_CONTAINS(err, TLSCERT_CERT_FILE);
	CHECK_INT(access(cert, F_OK), ==, -1);
	read_file(key, again, sizeof again);
	CHECK_STR(again, key_text);
	err[0] = '\0';
	CHECK_INT(tlscert_load(root, NULL, NULL, &creds, fp1, &generated, err,
	                       sizeof err), ==, -EEXIST);
	CHECK(creds == NULL);
	CHECK(err[0] != '\0');
	/* The same with only the certificate. */
	CHECK_INT(unlink(key), ==, 0);
	write_text(cert, "-----BEGIN CERTIFICATE-----\n");
	err[0] = '\0';
	CHECK_INT(tlscert_ensure(root, err, sizeof err), ==, -EEXIST);
	CHECK_CONTAINS(err, TLSCERT_KEY_FILE);
	CHECK_INT(access(key, F_OK), ==, -1);
	CHECK_INT(unlink(cert), ==, 0);

	/* With neither, a new pair: a new key. */
	CHECK_INT(tlscert_ensure(root, err, sizeof err), ==, 1);
	read_file(key, again, sizeof again);
	CHECK(strcmp(again, key_text) != 0);

	/* A directory that is not there, and a name too long for a path. */
	snprintf(tmp, sizeof tmp, "%s/nowhere", root);
	err[0] = '\0';
	CHECK_INT(tlscert_ensure(tmp, err, sizeof err), <, 0);
	CHECK(err[0] != '\0');
	memset(lng, 'a', sizeof lng - 1);
	lng[sizeof lng - 1] = '\0';
	err[0] = '\0';
	CHECK_INT(tlscert_ensure(lng, err, sizeof err), ==, -ENAMETOOLONG);
	CHECK(err[0] != '\0');
	CHECK_INT(tlscert_path("/a", "b", tmp, sizeof tmp), ==, 0);
	CHECK_STR(tmp, "/a/b");
	CHECK_INT(tlscert_path("/a", "b", tmp, 5), ==, 0);
	CHECK_INT(tlscert_path("/a", "b", tmp, 4), ==, -ENAMETOOLONG);
	tmp_remove();
}

/* The administrator's own files are used as given, and what is not a
 * usable pair is refused with a reason. */
static void
test_creds_load(void)
{
	char cert[PATH_SIZE], key[PATH_SIZE], other[PATH_SIZE];
	char other_cert[PATH_SIZE], junk[PATH_SIZE], missing[PATH_SIZE];
	char err[512];
	struct tls_creds *creds = NULL;
	uint8_t fp1[TLS_FP_SIZE], fp2[TLS_FP_SIZE];
	bool generated = true;

	tmp_begin();
	snprintf(other, sizeof other, "%s/other", root);
	CHECK_INT(mkdir(other, 0700), ==, 0);
	CHECK_INT(tlscert_ensure(other, err, sizeof err), ==, 1);
	CHECK_INT(tlscert_path(other, TLSCERT_CERT_FILE, cert, sizeof cert),
	          ==, 0);
	CHECK_INT(tlscert_path(other, TLSCERT_KEY_FILE, key, sizeof key),
	          ==, 0);
	/* Given files: nothing is made in the data directory. */
	if (tlscert_load(root, cert, key, &creds, fp1, &generated, err,
	                 sizeof err) < 0)
		CHECK_FAIL("tlscert_load: %s", err);
	CHECK(!generated);
	tmp_path(TLSCERT_KEY_FILE, junk);
	CHECK_INT(access(junk, F_OK), ==, -1);
	tls_creds_free(creds);
	creds = NULL;
	if (tls_creds_load(&creds, cert, key, fp2, err, sizeof err) < 0)
		CHECK_FAIL("tls_creds_load: %s", err);
	CHECK(memcmp(fp1, fp2, TLS_FP_SIZE) == 0);
	tls_creds_free(creds);
	/* Without a fingerprint wanted. */
	creds = NULL;
	CHECK_INT(tls_creds_load(&creds, cert, key, NULL, err, sizeof err),
	          ==, 0);
	CHECK(creds != NULL);
	tls_creds_free(creds);

	/* A missing file. */
	tmp_path("missing.pem", missing);
	/* A stale pointer, which a failed load must clear. */
	creds = (struct tls_creds *)&generated;
	err[0] = '\0';
	CHECK_INT(tls_creds_load(&creds, missing, key, fp1, err, sizeof err),
	          ==, -EINVAL);
	CHECK(creds == NULL);
	CHECK_CONTAINS(err, "missing.pem");
	err[0] = '\0';
	CHECK_INT(tls_creds_load(&creds, cert, missing, fp1, err, sizeof err),
	          ==, -EINVAL);
	CHECK(err[0] != '\0');
	/* Not PEM. */
	tmp_path("junk.pem", junk);
	write_text(junk, "dit is geen certificaat\n");
	err[0] = '\0';
	CHECK_INT(tls_creds_load(&creds, junk, key, fp1, err, sizeof err),
	          ==, -EINVAL);
	CHECK(creds == NULL);
	CHECK(err[0] != '\0');
	err[0] = '\0';
	CHECK_INT(tls_creds_load(&creds, cert, junk, fp1, err, sizeof err),
	          ==, -EINVAL);
	CHECK(err[0] != '\0');
	/* A certificate with another key than its own. */
	CHECK_INT(tlscert_ensure(root, err, sizeof err), ==, 1);
	tmp_path(TLSCERT_CERT_FILE, other_cert);
	err[0] = '\0';
	CHECK_INT(tls_creds_load(&creds, other_cert, key, fp1, err,
	                         sizeof err), ==, -EINVAL);
	CHECK(creds == NULL);
	CHECK(err[0] != '\0');
	tmp_remove();
}

/* tls_fp_of_cert() on the certificate's DER gives what tls_creds_load()
 * reported; what is not a certificate gives -EINVAL. */
static void
test_fp_of_cert(void)
{
	char cert[PATH_SIZE], key[PATH_SIZE], pem[4096], err[256];
	gnutls_datum_t in, der = { NULL, 0 };
	struct tls_creds *creds = NULL;
	uint8_t fp1[TLS_FP_SIZE], fp2[TLS_FP_SIZE];
	size_t len;

	tmp_begin();
	CHECK_INT(tlscert_ensure(root, err, sizeof err), ==, 1);
	tmp_path(TLSCERT_CERT_FILE, cert);
	tmp_path(TLSCERT_KEY_FILE, key);
	if (tls_creds_load(&creds, cert, key, fp1, err, sizeof err) < 0)
		CHECK_FAIL("tls_creds_load: %s", err);
	len = read_file(cert, pem, sizeof pem);
	in.data = (unsigned char *)pem;
	in.size = (unsigned)len;
	CHECK_INT(gnutls_pem_base64_decode2("CERTIFICATE", &in, &der), ==, 0);
	memset(fp2, 0, sizeof fp2);
	CHECK_INT(tls_fp_of_cert(der.data, der.size, fp2), ==, 0);
	CHECK(memcmp(fp1, fp2, TLS_FP_SIZE) == 0);
	/* Cut short, or not DER at all. */
	CHECK_INT(tls_fp_of_cert(der.data, der.size / 2, fp2), ==, -EINVAL);
	CHECK_INT(tls_fp_of_cert((const uint8_t *)pem, len, fp2), ==, -EINVAL);
	CHECK_INT(tls_fp_of_cert((const uint8_t *)"", 0, fp2), ==, -EINVAL);
	gnutls_free(der.data);
	tls_creds_free(creds);
	tmp_remove();
}

/* Whether name is an executable in a directory of $PATH. */
static bool
on_path(const char *name)
{
	const char *path = getenv("PATH"), *end;
	char file[1024];
	size_t n;

	while (path != NULL && *path != '\0') {
		end = strchr(path, ':');
		n = end != NULL ? (size_t)(end - path) : strlen(path);
		if (n > 0 && n < 900) {
			snprintf(file, sizeof file, "%.*s/%s", (int)n, path,
			         name);
			if (access(file, X_OK) == 0)
				return true;
		}
		path = end != NULL ? end + 1 : NULL;
	}
	return false;
}

/* openssl, which shares no code with GnuTLS, hashes the certificate's
 * public key to the same fingerprint. */
static void
test_openssl(void)
{
	char cert[PATH_SIZE], key[PATH_SIZE], cmd[512], line[256];
	char hex[TLS_FP_HEX_SIZE], err[256];
	struct tls_creds *creds = NULL;
	uint8_t fp[TLS_FP_SIZE];
	FILE *p;

	if (!on_path("openssl")) {
		printf("# openssl is not on the PATH: cross-check skipped\n");
		return;
	}
	tmp_begin();
	CHECK_INT(tlscert_ensure(root, err, sizeof err), ==, 1);
	tmp_path(TLSCERT_CERT_FILE, cert);
	tmp_path(TLSCERT_KEY_FILE, key);
	if (tls_creds_load(&creds, cert, key, fp, err, sizeof err) < 0)
		CHECK_FAIL("tls_creds_load: %s", err);
	tls_fp_hex(fp, hex);
	/* openssl's own digest, not sha256sum, which macOS lacks. */
	snprintf(cmd, sizeof cmd, "openssl x509 -in '%s' -pubkey -noout | "
	         "openssl pkey -pubin -outform DER | openssl dgst -sha256 -r",
	         cert);
	p = popen(cmd, "r");
	CHECK(p != NULL);
	line[0] = '\0';
	if (fgets(line, sizeof line, p) == NULL)
		line[0] = '\0';
	CHECK_INT(pclose(p), ==, 0);
	CHECK_UINT(strlen(line), >=, TLS_FP_HEX_SIZE - 1);
	line[TLS_FP_HEX_SIZE - 1] = '\0';
	CHECK_STR(line, hex);
	tls_creds_free(creds);
	tmp_remove();
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
           CHECK_TEST(test_tamper),
           CHECK_TEST(test_fp_text),
           CHECK_TEST(test_fp_hex),
           CHECK_TEST(test_fp_matches),
           CHECK_TEST(test_ensure),
           CHECK_TEST(test_creds_load),
           CHECK_TEST(test_fp_of_cert),
           CHECK_TEST(test_openssl))
