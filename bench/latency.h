/* Latency samples of one benchmark run and their percentiles. */
#ifndef AANDESLAG_BENCH_LATENCY_H
#define AANDESLAG_BENCH_LATENCY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A growing array of samples in nanoseconds. Zero-initialised is empty. */
struct latency {
	uint64_t *ns;
	size_t n, cap;
	bool sorted;
};

/* Adds one sample. Returns 0 or -ENOMEM (the sample is then lost and the
 * caller counts it as such). */
int latency_add(struct latency *l, uint64_t ns);

/* The nearest-rank percentile p (0 < p <= 100) in nanoseconds: the
 * smallest sample that at least p percent of the samples do not exceed.
 * Sorts the samples in place on first use after an add. Returns 0 when
 * there are no samples. */
uint64_t latency_percentile(struct latency *l, double p);

/* Frees the samples and empties l. */
void latency_free(struct latency *l);

#endif
