/* Tests for bucket.c (the commands per second of a connection) and
 * connlimit.c (connections per address and in all), with the time passed
 * in: the burst, the refill at odd rates, the wait; the per-address
 * count with IPv4, IPv4-mapped and IPv6 /64 keys, the total, and that a
 * refused connection counts nowhere. */
#include "check.h"
#include "guardkey_fixture.h"

#include "bucket.h"
#include "connlimit.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <sys/socket.h>

static struct connlimit table;

static void
test_bucket_burst_then_rate(void)
{
	struct bucket b;
	int i;

	bucket_init(&b, 20, 5, 1000);
	for (i = 0; i < 5; i++)
		CHECK(bucket_take(&b, 1000));
	CHECK(!bucket_take(&b, 1000));
	/* 20 a second: one every 50 ms. */
	CHECK_INT(bucket_wait(&b, 1000), ==, 50);
	CHECK_INT(bucket_wait(&b, 1030), ==, 20);
	CHECK(!bucket_take(&b, 1049));
	CHECK(bucket_take(&b, 1050));
	CHECK(!bucket_take(&b, 1050));
	/* A long pause fills it to the burst, not beyond. */
	CHECK_INT(bucket_wait(&b, 1000000), ==, 0);
	for (i = 0; i < 5; i++)
		CHECK(bucket_take(&b, 1000000));
	CHECK(!bucket_take(&b, 1000000));
}

static void
test_bucket_odd_rate(void)
{
	struct bucket b;
	int taken = 0, i;
	int64_t t;

	/* 3 a second: 333.3 ms each; over 10 s exactly 30, no fraction lost
	 * or gained by looking every millisecond (the bucket never full,
	 * where what overflows is lost). */
	bucket_init(&b, 3, 100, 0);
	for (i = 0; i < 100; i++)
		CHECK(bucket_take(&b, 0));
	for (t = 1; t <= 10000; t++)
		if (bucket_take(&b, t))
			taken++;
	CHECK_INT(taken, ==, 30);
	CHECK_INT(bucket_wait(&b, 10000), ==, 334);
}

static void
test_bucket_edges(void)
{
	struct bucket b;

	/* Zero is taken as one; a clock that goes back takes nothing. */
	bucket_init(&b, 0, 0, 500);
	CHECK(bucket_take(&b, 500));
	CHECK(!bucket_take(&b, 400));
	CHECK_INT(bucket_wait(&b, 400), ==, 1000);
	CHECK(bucket_take(&b, 1500));
	/* Years later the refill does not overflow. */
	bucket_init(&b, 4000000000u, 4000000000u, 0);
	CHECK(bucket_take(&b, 0));
	CHECK(bucket_take(&b, INT64_MAX / 2));
}

static void
test_per_address(void)
{
	struct guard_key a = key4("127.0.0.2"), b = key4("127.0.0.3");
	int i;

	connlimit_init(&table);
	for (i = 0; i < 3; i++)
		CHECK_INT(connlimit_add(&table, &a, 3, 100), ==, 0);
	CHECK_INT(connlimit_add(&table, &a, 3, 100), ==, -EMFILE);
	CHECK_UINT(connlimit_count(&table, &a), ==, 3);
	/* Another address is not touched by it. */
	CHECK_INT(connlimit_add(&table, &b, 3, 100), ==, 0);
	CHECK_UINT(connlimit_count(&table, &b), ==, 1);
	CHECK_UINT(table.total, ==, 4);
	/* One goes: room for one more. */
	connlimit_remove(&table, &a);
	CHECK_INT(connlimit_add(&table, &a, 3, 100), ==, 0);
	CHECK_INT(connlimit_add(&table, &a, 3, 100), ==, -EMFILE);
	for (i = 0; i < 3; i++)
		connlimit_remove(&table, &a);
	CHECK_UINT(connlimit_count(&table, &a), ==, 0);
	CHECK_UINT(table.used, ==, 1);
	connlimit_remove(&table, &b);
	CHECK_UINT(table.used, ==, 0);
	CHECK_UINT(table.total, ==, 0);
}

static void
test_keys(void)
{
	struct guard_key mapped = key6("::ffff:192.0.2.7");
	struct guard_key plain = key4("192.0.2.7");
	struct guard_key n1 = key6("2001:db8:1:2::1");
	struct guard_key n2 = key6("2001:db8:1:2:ffff::9");
	struct guard_key other = key6("2001:db8:1:3::1");

	connlimit_init(&table);
	/* An IPv4-mapped address is its IPv4 address. */
	CHECK_INT(connlimit_add(&table, &plain, 1, 100), ==, 0);
	CHECK_INT(connlimit_add(&table, &mapped, 1, 100), ==, -EMFILE);
	/* One /64 is one address. */
	CHECK_INT(connlimit_add(&table, &n1, 2, 100), ==, 0);
	CHECK_INT(connlimit_add(&table, &n2, 2, 100), ==, 0);
	CHECK_INT(connlimit_add(&table, &n1, 2, 100), ==, -EMFILE);
	CHECK_INT(connlimit_add(&table, &other, 2, 100), ==, 0);
	CHECK_UINT(connlimit_count(&table, &n2), ==, 2);
	CHECK_UINT(table.total, ==, 4);
}

static void
test_total(void)
{
	struct guard_key k;
	char name[32];
	int i;

	connlimit_init(&table);
	for (i = 0; i < 10; i++) {
		snprintf(name, sizeof name, "10.0.0.%d", i + 1);
		k = key4(name);
		CHECK_INT(connlimit_add(&table, &k, 5, 10), ==, 0);
	}
	/* Full in all: a new address is refused too, and so is one
	 * without a key; neither is counted. */
	k = key4("10.0.1.1");
	CHECK_INT(connlimit_add(&table, &k, 5, 10), ==, -ENFILE);
	CHECK_INT(connlimit_add(&table, NULL, 5, 10), ==, -ENFILE);
	CHECK_UINT(connlimit_count(&table, &k), ==, 0);
	CHECK_UINT(table.total, ==, 10);
	connlimit_remove(&table, NULL);
	CHECK_INT(connlimit_add(&table, NULL, 5, 10), ==, 0);
	/* The table's own bound holds whatever total is asked. */
	connlimit_init(&table);
	for (i = 0; i < CONNLIMIT_MAX; i++)
		CHECK_INT(connlimit_add(&table, NULL, 1, (size_t)-1), ==, 0);
	CHECK_INT(connlimit_add(&table, NULL, 1, (size_t)-1), ==, -ENFILE);
	CHECK_UINT(table.used, ==, 0);
}

CHECK_MAIN(CHECK_TEST(test_bucket_burst_then_rate),
           CHECK_TEST(test_bucket_odd_rate), CHECK_TEST(test_bucket_edges),
           CHECK_TEST(test_per_address), CHECK_TEST(test_keys),
           CHECK_TEST(test_total))
