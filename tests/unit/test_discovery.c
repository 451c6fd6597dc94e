/* Tests for discovery's pure parts: the datagrams (common/discwire.c),
 * the reply bucket, broadcast addresses, the client's targets
 * (client/discover.c) and the server's answer (server/discovery.c),
 * without a socket: no packet leaves the process. */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>

#include "check.h"
#include "discover.h"
#include "discovery.h"
#include "discwire.h"

/* Whether the datagram's n bytes hold text anywhere. */
static bool
contains(const uint8_t *buf, size_t n, const char *text)
{
	size_t i, len = strlen(text);

	for (i = 0; i + len <= n; i++)
		if (memcmp(buf + i, text, len) == 0)
			return true;
	return false;
}

static void
test_query(void)
{
	struct discwire_query q = { .protocol_version = 1, .nonce = 42 }, got;
	uint8_t buf[DISCWIRE_DATAGRAM_MAX + 8];
	int n;

	strcpy(q.code, "K7QM-2XPD");
	n = discwire_query_build(&q, buf, sizeof buf);
	CHECK_INT(n, ==, DISCWIRE_QUERY_SIZE);
	CHECK_INT(discwire_query_parse(buf, (size_t)n, &got), ==, 0);
	/* Only the first half travels: the rest is not on the air. */
	CHECK_STR(got.code, "K7QM");
	CHECK(contains(buf, (size_t)n, "K7QM"));
	CHECK(!contains(buf, (size_t)n, "2XPD"));
	CHECK_UINT(got.nonce, ==, 42);
	CHECK_UINT(got.protocol_version, ==, 1);
	/* Cut short, the query is dropped: it would invite amplification. */
	CHECK_INT(discwire_query_parse(buf, DISCWIRE_QUERY_SIZE - 1, &got),
	          ==, -EINVAL);
	/* Longer (more padding) is fine up to the maximum. */
	memset(buf + n, 0, sizeof buf - (size_t)n);
	CHECK_INT(discwire_query_parse(buf, DISCWIRE_DATAGRAM_MAX, &got), ==, 0);
	CHECK_INT(discwire_query_parse(buf, DISCWIRE_DATAGRAM_MAX + 1, &got),
	          ==, -EINVAL);
	/* No code: any server. */
	q.code[0] = '\0';
	CHECK_INT(discwire_query_build(&q, buf, sizeof buf), ==,
	          DISCWIRE_QUERY_SIZE);
	CHECK_INT(discwire_query_parse(buf, DISCWIRE_QUERY_SIZE, &got), ==, 0);
	CHECK_STR(got.code, "");
	/* A code as typed, or its half, is fine; anything else is refused,
	 * as is a buffer too small. */
	strcpy(q.code, "k7qm2xpd");
	CHECK_INT(discwire_query_build(&q, buf, sizeof buf), ==,
	          DISCWIRE_QUERY_SIZE);
	CHECK_INT(discwire_query_parse(buf, DISCWIRE_QUERY_SIZE, &got), ==, 0);
	CHECK_STR(got.code, "K7QM");
	strcpy(q.code, "K7QM");
	CHECK_INT(discwire_query_build(&q, buf, sizeof buf), ==,
	          DISCWIRE_QUERY_SIZE);
	strcpy(q.code, "K7QM-2XP");
	CHECK_INT(discwire_query_build(&q, buf, sizeof buf), ==, -EINVAL);
	strcpy(q.code, "K7Q0");
	CHECK_INT(discwire_query_build(&q, buf, sizeof buf), ==, -EINVAL);
	q.code[0] = '\0';
	CHECK_INT(discwire_query_build(&q, buf, 100), ==, -EMSGSIZE);
}

static void
test_query_junk(void)
{
	struct discwire_query q = { .protocol_version = 1 }, got;
	uint8_t buf[DISCWIRE_QUERY_SIZE];
	size_t i;

	/* Zeros, a wrong magic, a length past the end, a broken message,
	 * protocol version 0: all dropped. */
	memset(buf, 0, sizeof buf);
	CHECK_INT(discwire_query_parse(buf, sizeof buf, &got), ==, -EINVAL);
	CHECK_INT(discwire_query_build(&q, buf, sizeof buf), ==,
	          DISCWIRE_QUERY_SIZE);
	buf[0] = 'X';
	CHECK_INT(discwire_query_parse(buf, sizeof buf, &got), ==, -EINVAL);
	CHECK_INT(discwire_query_build(&q, buf, sizeof buf), ==,
	          DISCWIRE_QUERY_SIZE);
	buf[DISCWIRE_MAGIC_SIZE] = 0xff;
	CHECK_INT(discwire_query_parse(buf, sizeof buf, &got), ==, -EINVAL);
	CHECK_INT(discwire_query_build(&q, buf, sizeof buf), ==,
	          DISCWIRE_QUERY_SIZE);
	buf[DISCWIRE_MAGIC_SIZE + 1] = 3;
	buf[DISCWIRE_HEADER_SIZE] = 0xff;
	buf[DISCWIRE_HEADER_SIZE + 1] = 0xff;
	buf[DISCWIRE_HEADER_SIZE + 2] = 0xff;
	CHECK_INT(discwire_query_parse(buf, sizeof buf, &got), ==, -EINVAL);
	q.protocol_version = 0;
	CHECK_INT(discwire_query_build(&q, buf, sizeof buf), ==,
	          DISCWIRE_QUERY_SIZE);
	CHECK_INT(discwire_query_parse(buf, sizeof buf, &got), ==, -EINVAL);
	/* Every prefix of a real query, and bytes of every value after the
	 * magic, never crash. */
	q.protocol_version = 1;
	for (i = 0; i < 256; i++) {
		CHECK_INT(discwire_query_build(&q, buf, sizeof buf), ==,
		          DISCWIRE_QUERY_SIZE);
		memset(buf + DISCWIRE_MAGIC_SIZE, (int)i,
		       sizeof buf - DISCWIRE_MAGIC_SIZE);
		(void)discwire_query_parse(buf, sizeof buf, &got);
	}
}

static void
test_reply(void)
{
	struct discwire_reply r = { .protocol_version = 1, .port = 7557,
	                            .holds_code = true, .nonce = 9 }, got;
	uint8_t buf[DISCWIRE_REPLY_MAX], query[DISCWIRE_QUERY_SIZE];
	struct discwire_query q = { .protocol_version = 1 };
	int n;

	memset(r.name, 'n', sizeof r.name - 1);
	r.name[sizeof r.name - 1] = '\0';
	memset(r.version, 'v', sizeof r.version - 1);
	r.version[sizeof r.version - 1] = '\0';
	n = discwire_reply_build(&r, buf, sizeof buf);
	/* The largest reply still fits in the smallest query. */
	CHECK_INT(n, >, 0);
	CHECK_INT(n, <=, DISCWIRE_REPLY_MAX);
	CHECK_INT(n, <=, DISCWIRE_QUERY_SIZE);
	CHECK_INT(discwire_reply_parse(buf, (size_t)n, &got), ==, 0);
	CHECK_INT(got.port, ==, 7557);
	CHECK(got.holds_code);
	CHECK_UINT(got.nonce, ==, 9);
	CHECK_STR(got.name, r.name);
	/* A reply is no query, and a query no reply. */
	CHECK_INT(discwire_query_parse(buf, (size_t)n, (struct discwire_query
	          []){ { 0 } }), ==, -EINVAL);
	CHECK_INT(discwire_query_build(&q, query, sizeof query), ==,
	          DISCWIRE_QUERY_SIZE);
	CHECK_INT(discwire_reply_parse(query, sizeof query, &got), ==, -EINVAL);
	/* Control bytes in a name from the network are made harmless. */
	strcpy(r.name, "evil\033[2Jname");
	n = discwire_reply_build(&r, buf, sizeof buf);
	CHECK_INT(discwire_reply_parse(buf, (size_t)n, &got), ==, 0);
	CHECK_STR(got.name, "evil?[2Jname");
	/* A port of 0 is no server. */
	r.port = 0;
	CHECK_INT(discwire_reply_build(&r, buf, sizeof buf), ==, -EINVAL);
	CHECK_INT(discwire_reply_parse(buf, 3, &got), ==, -EINVAL);
}

static void
test_bucket(void)
{
	struct discwire_bucket b;
	int i, taken = 0;

	discwire_bucket_init(&b, 1000);
	/* A full burst, then nothing in the same millisecond. */
	for (i = 0; i < DISCWIRE_RATE; i++)
		CHECK(discwire_bucket_take(&b, 1000));
	CHECK(!discwire_bucket_take(&b, 1000));
	/* One token per 1000/RATE ms. */
	CHECK(!discwire_bucket_take(&b, 1000 + 1000 / DISCWIRE_RATE - 1));
	CHECK(discwire_bucket_take(&b, 1000 + 1000 / DISCWIRE_RATE));
	CHECK(!discwire_bucket_take(&b, 1000 + 1000 / DISCWIRE_RATE));
	/* A flood over ten seconds gets RATE per second, no more. */
	discwire_bucket_init(&b, 0);
	for (i = 0; i < 100000; i++)
		taken += discwire_bucket_take(&b, i / 10);
	CHECK_INT(taken, <=, DISCWIRE_RATE * 11);
	CHECK_INT(taken, >=, DISCWIRE_RATE * 10);
	/* A long sleep fills it, but no fuller than full; a clock that goes
	 * back adds nothing. */
	discwire_bucket_init(&b, 0);
	for (i = 0; i < DISCWIRE_RATE; i++)
		CHECK(discwire_bucket_take(&b, 0));
	CHECK(!discwire_bucket_take(&b, -5000));
	taken = 0;
	for (i = 0; i < 2 * DISCWIRE_RATE; i++)
		taken += discwire_bucket_take(&b, (int64_t)1 << 50);
	CHECK_INT(taken, ==, DISCWIRE_RATE);
}

static void
addr4(struct sockaddr_in *sin, const char *ip)
{
	CHECK_INT(uv_ip4_addr(ip, 0, sin), ==, 0);
}

static void
test_broadcast(void)
{
	struct sockaddr_in a, m, b;
	char name[32];

	addr4(&a, "192.168.1.20");
	addr4(&m, "255.255.255.0");
	CHECK_INT(discwire_broadcast(&a, &m, &b), ==, 0);
	uv_ip4_name(&b, name, sizeof name);
	CHECK_STR(name, "192.168.1.255");
	addr4(&a, "10.20.30.40");
	addr4(&m, "255.255.240.0");
	CHECK_INT(discwire_broadcast(&a, &m, &b), ==, 0);
	uv_ip4_name(&b, name, sizeof name);
	CHECK_STR(name, "10.20.31.255");
	addr4(&m, "255.255.255.254");
	CHECK_INT(discwire_broadcast(&a, &m, &b), ==, -EINVAL);
	addr4(&m, "255.255.255.255");
	CHECK_INT(discwire_broadcast(&a, &m, &b), ==, -EINVAL);
	addr4(&m, "0.0.0.0");
	CHECK_INT(discwire_broadcast(&a, &m, &b), ==, -EINVAL);
	a.sin_family = AF_INET6;
	addr4(&m, "255.255.255.0");
	CHECK_INT(discwire_broadcast(&a, &m, &b), ==, -EINVAL);
}

static void
test_targets(void)
{
	uv_interface_address_t ifs[4];
	struct sockaddr_in t[DISCOVER_TARGETS_MAX];
	char name[32];
	size_t n;

	memset(ifs, 0, sizeof ifs);
	/* Loopback (internal), two addresses in one /24, and IPv6. */
	ifs[0].is_internal = 1;
	addr4(&ifs[0].address.address4, "127.0.0.1");
	addr4(&ifs[0].netmask.netmask4, "255.0.0.0");
	addr4(&ifs[1].address.address4, "10.1.2.3");
	addr4(&ifs[1].netmask.netmask4, "255.255.255.0");
	addr4(&ifs[2].address.address4, "10.1.2.4");
	addr4(&ifs[2].netmask.netmask4, "255.255.255.0");
	ifs[3].address.address6.sin6_family = AF_INET6;
	n = discover_targets(ifs, 4, 7557, t);
	CHECK_INT(n, ==, 2);
	uv_ip4_name(&t[0], name, sizeof name);
	CHECK_STR(name, "127.0.0.1");
	uv_ip4_name(&t[1], name, sizeof name);
	CHECK_STR(name, "10.1.2.255");
	CHECK_INT(ntohs(t[0].sin_port), ==, 7557);
	CHECK_INT(ntohs(t[1].sin_port), ==, 7557);
}

/* Set: the address must wait (the join guard says so). */
static bool holds_withhold;
static const struct sockaddr *holds_from;

static int
holds(void *arg, const char *code, const struct sockaddr *from)
{
	holds_from = from;
	if (holds_withhold)
		return -EAGAIN;
	return strcmp(code, (const char *)arg) == 0;
}

static void
test_answer(void)
{
	struct discovery d;
	struct discwire_query q = { .protocol_version = 1, .nonce = 5 };
	struct discwire_reply r;
	uint8_t query[DISCWIRE_QUERY_SIZE], out[DISCWIRE_REPLY_MAX];
	int n, i, answered = 0;

	memset(&d, 0, sizeof d);
	d.tcp_port = 7600;
	d.holds = holds;
	d.arg = (void *)"K7QM";
	strcpy(d.name, "schoolserver");
	discwire_bucket_init(&d.bucket, 0);
	strcpy(q.code, "K7QM-2XPD");
	CHECK_INT(discwire_query_build(&q, query, sizeof query), ==,
	          DISCWIRE_QUERY_SIZE);
	n = discovery_answer(&d, query, sizeof query, NULL, 0, out, sizeof out);
	CHECK_INT(n, >, 0);
	CHECK_INT(n, <=, (int)sizeof query);
	CHECK_INT(discwire_reply_parse(out, (size_t)n, &r), ==, 0);
	CHECK(r.holds_code);
	CHECK_INT(r.port, ==, 7600);
	CHECK_UINT(r.nonce, ==, 5);
	CHECK_STR(r.name, "schoolserver");
	strcpy(q.code, "AAAA-BBBB");
	CHECK_INT(discwire_query_build(&q, query, sizeof query), ==,
	          DISCWIRE_QUERY_SIZE);
	n = discovery_answer(&d, query, sizeof query, NULL, 0, out, sizeof out);
	CHECK_INT(discwire_reply_parse(out, (size_t)n, &r), ==, 0);
	CHECK(!r.holds_code);
	/* Junk and short queries get nothing. */
	CHECK_INT(discovery_answer(&d, query, 100, NULL, 0, out, sizeof out), ==, 0);
	memset(query, 'A', sizeof query);
	CHECK_INT(discovery_answer(&d, query, sizeof query, NULL, 0, out, sizeof out),
	          ==, 0);
	/* A flood within one second gets at most the bucket's worth. */
	CHECK_INT(discwire_query_build(&q, query, sizeof query), ==,
	          DISCWIRE_QUERY_SIZE);
	for (i = 0; i < 1000; i++)
		answered += discovery_answer(&d, query, sizeof query, NULL,
		                             500, out, sizeof out) > 0;
	CHECK_INT(answered, <=, DISCWIRE_RATE);
	CHECK_UINT(d.dropped, >=, 1000 - DISCWIRE_RATE);
}

/* A query with a code from an address the join guard holds back gets
 * no answer at all; one without a code does not ask the guard. */
static void
test_answer_withheld(void)
{
	struct discovery d;
	struct discwire_query q = { .protocol_version = 1, .nonce = 5 };
	struct discwire_reply r;
	struct sockaddr_in from;
	uint8_t query[DISCWIRE_QUERY_SIZE], out[DISCWIRE_REPLY_MAX];
	int n;

	memset(&d, 0, sizeof d);
	d.tcp_port = 7600;
	d.holds = holds;
	d.arg = (void *)"K7QM";
	discwire_bucket_init(&d.bucket, 0);
	CHECK_INT(uv_ip4_addr("127.0.0.2", 40000, &from), ==, 0);
	strcpy(q.code, "K7QM-2XPD");
	CHECK_INT(discwire_query_build(&q, query, sizeof query), ==,
	          DISCWIRE_QUERY_SIZE);
	holds_withhold = true;
	CHECK_INT(discovery_answer(&d, query, sizeof query,
	                           (struct sockaddr *)&from, 0, out, sizeof out),
	          ==, 0);
	CHECK(holds_from == (struct sockaddr *)&from);
	CHECK_UINT(d.withheld, ==, 1);
	q.code[0] = '\0';
	CHECK_INT(discwire_query_build(&q, query, sizeof query), ==,
	          DISCWIRE_QUERY_SIZE);
	holds_from = NULL;
	n = discovery_answer(&d, query, sizeof query, (struct sockaddr *)&from,
	                     0, out, sizeof out);
	CHECK_INT(n, >, 0);
	CHECK_INT(discwire_reply_parse(out, (size_t)n, &r), ==, 0);
	CHECK(!r.holds_code);
	CHECK(holds_from == NULL);
	holds_withhold = false;
}

CHECK_MAIN(CHECK_TEST(test_query), CHECK_TEST(test_query_junk),
           CHECK_TEST(test_reply), CHECK_TEST(test_bucket),
           CHECK_TEST(test_broadcast), CHECK_TEST(test_targets),
           CHECK_TEST(test_answer), CHECK_TEST(test_answer_withheld))
