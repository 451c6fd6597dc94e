/* Tests for guard.c, the limiter for failed joins, with the time passed
 * in: the burst, the refill and its growing wait, the /64 grouping, the
 * IPv4-mapped addresses, the bound on the table and the global budget. */
#include "check.h"
#include "guardkey_fixture.h"

#include "guard.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <sys/socket.h>

static struct guard g;

/* Burst 3, a first wait of 1 s (at most 8 s), no global budget. */
static void
setup(uint32_t global)
{
	struct guard_options o;

	guard_options_default(&o);
	o.burst = 3;
	o.wait_ms = 1000;
	o.wait_max_ms = 8000;
	o.global_per_minute = global;
	guard_init(&g, &o, 0);
}

static void
test_defaults(void)
{
	struct guard_options o;

	guard_options_default(&o);
	CHECK_UINT(o.burst, ==, 10);
	CHECK_INT(o.wait_ms, ==, 5000);
	CHECK_UINT(o.global_per_minute, ==, 100);
}

static void
test_burst(void)
{
	struct guard_key k = key4("127.0.0.2");
	uint64_t n = 0;

	setup(0);
	CHECK_INT(guard_check(&g, &k, 0), ==, 0);
	CHECK_INT(guard_failed(&g, &k, 10, &n), ==, 0);
	CHECK_UINT(n, ==, 1);
	CHECK_INT(guard_check(&g, &k, 20), ==, 0);
	CHECK_INT(guard_failed(&g, &k, 20, &n), ==, 0);
	/* The third takes the last: a wait of 1 s from then. */
	CHECK_INT(guard_failed(&g, &k, 30, &n), ==, 1000);
	CHECK_UINT(n, ==, 3);
	CHECK_INT(guard_check(&g, &k, 530), ==, 500);
	CHECK_UINT(g.refused, ==, 1);
	/* Someone else is not held up. */
	k = key4("127.0.0.3");
	CHECK_INT(guard_check(&g, &k, 530), ==, 0);
}

static void
test_refill_grows(void)
{
	struct guard_key k = key4("10.1.2.3");
	int i;

	setup(0);
	for (i = 0; i < 3; i++)
		guard_failed(&g, &k, 0, NULL);
	CHECK_INT(guard_check(&g, &k, 999), ==, 1);
	/* After the wait one attempt, then twice the wait, and so on. */
	CHECK_INT(guard_check(&g, &k, 1000), ==, 0);
	CHECK_INT(guard_failed(&g, &k, 1000, NULL), ==, 2000);
	CHECK_INT(guard_check(&g, &k, 2999), ==, 1);
	CHECK_INT(guard_failed(&g, &k, 3000, NULL), ==, 4000);
	CHECK_INT(guard_failed(&g, &k, 7000, NULL), ==, 8000);
	/* Capped at wait_max. */
	CHECK_INT(guard_failed(&g, &k, 15000, NULL), ==, 8000);
	/* Quiet long enough to have the whole burst again: forgiven, and the
	 * next time it runs dry the wait is the first one again. */
	CHECK_INT(guard_check(&g, &k, 23000 + 3 * 8000), ==, 0);
	for (i = 0; i < 2; i++)
		CHECK_INT(guard_failed(&g, &k, 50000, NULL), ==, 0);
	CHECK_INT(guard_failed(&g, &k, 50000, NULL), ==, 1000);
}

static void
test_partial_refill(void)
{
	struct guard_key k = key4("10.1.2.3");

	setup(0);
	/* One failure starts the refill clock; a second after, it is whole
	 * again, so three more fit before the wait. */
	guard_failed(&g, &k, 0, NULL);
	CHECK_INT(guard_failed(&g, &k, 1000, NULL), ==, 0);
	CHECK_INT(guard_failed(&g, &k, 1000, NULL), ==, 0);
	CHECK_INT(guard_failed(&g, &k, 1000, NULL), ==, 1000);
}

static void
test_ipv6_per_64(void)
{
	struct guard_key a = key6("2001:db8:1:2::1");
	struct guard_key b = key6("2001:db8:1:2:ffff:eeee:dddd:cccc");
	struct guard_key other = key6("2001:db8:1:3::1");
	char name[GUARD_NAME_SIZE];
	int i;

	setup(0);
	for (i = 0; i < 3; i++)
		guard_failed(&g, i % 2 ? &a : &b, 0, NULL);
	/* Both addresses of the /64 wait; the next /64 does not. */
	CHECK_INT(guard_check(&g, &a, 1), >, 0);
	CHECK_INT(guard_check(&g, &b, 1), >, 0);
	CHECK_INT(guard_check(&g, &other, 1), ==, 0);
	guard_key_name(&a, name, sizeof name);
	CHECK_STR(name, "2001:db8:1:2::/64");
}

static void
test_ipv4_mapped(void)
{
	struct guard_key plain = key4("192.0.2.7");
	struct guard_key mapped = key6("::ffff:192.0.2.7");
	struct guard_key v6 = key6("::1");
	char name[GUARD_NAME_SIZE];
	int i;

	CHECK_UINT(mapped.family, ==, 4);
	CHECK(memcmp(&plain, &mapped, sizeof plain) == 0);
	guard_key_name(&mapped, name, sizeof name);
	CHECK_STR(name, "192.0.2.7");
	CHECK_UINT(v6.family, ==, 6);
	setup(0);
	for (i = 0; i < 3; i++)
		guard_failed(&g, i % 2 ? &plain : &mapped, 0, NULL);
	CHECK_INT(guard_check(&g, &plain, 1), >, 0);
	CHECK_INT(guard_check(&g, &mapped, 1), >, 0);
}

static void
test_other_family(void)
{
	struct sockaddr sa;
	struct guard_key k;

	memset(&sa, 0, sizeof sa);
	sa.sa_family = AF_UNIX;
	CHECK_INT(guard_key_from_addr(&sa, &k), ==, -EAFNOSUPPORT);
	CHECK_INT(guard_key_from_addr(NULL, &k), ==, -EAFNOSUPPORT);
}

static struct guard_key
numbered(uint32_t n)
{
	struct guard_key k;

	memset(&k, 0, sizeof k);
	k.family = 4;
	k.addr[0] = 10;
	k.addr[1] = (uint8_t)(n >> 16);
	k.addr[2] = (uint8_t)(n >> 8);
	k.addr[3] = (uint8_t)n;
	return k;
}

static void
test_eviction_bound(void)
{
	struct guard_key guesser = key4("127.0.0.2"), k;
	uint32_t i;
	int j;

	setup(0);
	for (j = 0; j < 3; j++)
		guard_failed(&g, &guesser, 0, NULL);
	/* A flood of distinct addresses, each failing once: the table stays
	 * at its size, and the oldest entries go first. */
	for (i = 0; i < 10 * GUARD_ENTRIES; i++) {
		k = numbered(i);
		guard_failed(&g, &k, 1 + i / 64, NULL);
		CHECK_UINT(g.used, <=, GUARD_ENTRIES);
	}
	CHECK_UINT(g.used, ==, GUARD_ENTRIES);
	CHECK_UINT(g.evicted, >=, 9 * GUARD_ENTRIES - 1);
	/* The most recent are still known. */
	for (i = 10 * GUARD_ENTRIES - 8; i < 10 * GUARD_ENTRIES; i++) {
		k = numbered(i);
		guard_failed(&g, &k, 1 + (10 * GUARD_ENTRIES) / 64, NULL);
		guard_failed(&g, &k, 1 + (10 * GUARD_ENTRIES) / 64, NULL);
		CHECK_INT(guard_check(&g, &k, 1 + (10 * GUARD_ENTRIES) / 64),
		          >, 0);
	}
}

static void
test_eviction_prefers_forgiven(void)
{
	struct guard_key guesser = key4("127.0.0.2"), k;
	uint32_t i;
	int j;

	setup(0);
	/* Old entries that have their whole burst again are reused before
	 * an address that is still waiting. */
	for (i = 0; i < GUARD_ENTRIES - 1; i++) {
		k = numbered(i);
		guard_failed(&g, &k, 0, NULL);
	}
	for (j = 0; j < 3; j++)
		guard_failed(&g, &guesser, 5000, NULL);
	for (i = GUARD_ENTRIES; i < 2 * GUARD_ENTRIES - 1; i++) {
		k = numbered(i);
		guard_failed(&g, &k, 5001, NULL);
	}
	CHECK_INT(guard_check(&g, &guesser, 5002), >, 0);
}

static void
test_global_budget(void)
{
	struct guard_key k;
	uint32_t i;

	/* 6 a minute: one token every 10 s. */
	setup(6);
	for (i = 0; i < 6; i++) {
		k = numbered(i);
		CHECK_INT(guard_check(&g, &k, 0), ==, 0);
		guard_failed(&g, &k, 0, NULL);
	}
	/* Everyone waits now, also an address that never failed. */
	k = numbered(100);
	CHECK_INT(guard_check(&g, &k, 0), ==, 10000);
	CHECK_INT(guard_check(&g, &k, 9999), ==, 1);
	CHECK_INT(guard_check(&g, &k, 10000), ==, 0);
	guard_failed(&g, &k, 10000, NULL);
	CHECK_INT(guard_check(&g, &k, 10001), ==, 9999);
	/* After a minute the whole budget is back. */
	for (i = 200; i < 206; i++) {
		k = numbered(i);
		CHECK_INT(guard_check(&g, &k, 80000), ==, 0);
		guard_failed(&g, &k, 80000, NULL);
	}
	CHECK_INT(guard_check(&g, &k, 80000), >, 0);
}

static void
test_no_global_budget(void)
{
	struct guard_key k;
	uint32_t i;

	setup(0);
	for (i = 0; i < 1000; i++) {
		k = numbered(i);
		guard_failed(&g, &k, 0, NULL);
	}
	k = numbered(5000);
	CHECK_INT(guard_check(&g, &k, 0), ==, 0);
}

CHECK_MAIN(CHECK_TEST(test_defaults), CHECK_TEST(test_burst),
           CHECK_TEST(test_refill_grows), CHECK_TEST(test_partial_refill),
           CHECK_TEST(test_ipv6_per_64), CHECK_TEST(test_ipv4_mapped),
           CHECK_TEST(test_other_family), CHECK_TEST(test_eviction_bound),
           CHECK_TEST(test_eviction_prefers_forgiven),
           CHECK_TEST(test_global_budget), CHECK_TEST(test_no_global_budget))
