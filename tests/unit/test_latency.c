/* Tests for bench/latency.c: the load generator's percentiles, nearest
 * rank over the samples, whatever order they came in. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "latency.h"

static void
test_empty(void)
{
	struct latency l = { 0 };

	CHECK_INT(latency_percentile(&l, 50), ==, 0);
	CHECK_INT(latency_percentile(&l, 100), ==, 0);
	latency_free(&l);
}

static void
test_nearest_rank(void)
{
	struct latency l = { 0 };
	uint64_t i;

	/* 1000 samples 1..1000 in a scrambled order (7 and 1000 coprime). */
	for (i = 0; i < 1000; i++)
		CHECK_INT(latency_add(&l, (i * 7) % 1000 + 1), ==, 0);
	CHECK_INT(latency_percentile(&l, 50), ==, 500);
	CHECK_INT(latency_percentile(&l, 99), ==, 990);
	CHECK_INT(latency_percentile(&l, 99.9), ==, 999);
	CHECK_INT(latency_percentile(&l, 100), ==, 1000);
	CHECK_INT(latency_percentile(&l, 0.01), ==, 1);
	/* A sample added after sorting is taken into account. */
	CHECK_INT(latency_add(&l, 5000), ==, 0);
	CHECK_INT(latency_percentile(&l, 100), ==, 5000);
	CHECK_INT(latency_percentile(&l, 50), ==, 501);
	latency_free(&l);
	CHECK_INT(l.n, ==, 0);
}

static void
test_few(void)
{
	struct latency l = { 0 };

	/* With 3 samples, p99 and p99.9 are the largest, p50 the middle. */
	CHECK_INT(latency_add(&l, 30), ==, 0);
	CHECK_INT(latency_add(&l, 10), ==, 0);
	CHECK_INT(latency_add(&l, 20), ==, 0);
	CHECK_INT(latency_percentile(&l, 50), ==, 20);
	CHECK_INT(latency_percentile(&l, 99), ==, 30);
	CHECK_INT(latency_percentile(&l, 99.9), ==, 30);
	CHECK_INT(latency_percentile(&l, 33), ==, 10);
	latency_free(&l);
}

CHECK_MAIN(CHECK_TEST(test_empty),
           CHECK_TEST(test_nearest_rank),
           CHECK_TEST(test_few))
