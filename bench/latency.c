/* Latency samples of one benchmark run and their percentiles. */
#include "latency.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>

int
latency_add(struct latency *l, uint64_t ns)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4096;
		uint64_t *ns_new = realloc(l->ns, cap * sizeof *ns_new);

		if (ns_new == NULL)
			return -ENOMEM;
		l->ns = ns_new;
		l->cap = cap;
	}
	l->ns[l->n++] = ns;
	l->sorted = false;
	return 0;
}

static int
compare_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

uint64_t
latency_percentile(struct latency *l, double p)
{
	size_t rank;

	if (l->n == 0 || !(p > 0.0))
		return 0;
	if (!l->sorted) {
		qsort(l->ns, l->n, sizeof *l->ns, compare_u64);
		l->sorted = true;
	}
	if (p >= 100.0)
		return l->ns[l->n - 1];
	/* Nearest rank: ceil(p/100 * n), counted from 1. The small epsilon
	 * keeps 99% of 1000 at rank 990 despite binary fractions. */
	rank = (size_t)ceil(p / 100.0 * (double)l->n - 1e-9);
	if (rank == 0)
		rank = 1;
	return l->ns[rank - 1];
}

void
latency_free(struct latency *l)
{
	free(l->ns);
	l->ns = NULL;
	l->n = l->cap = 0;
	l->sorted = false;
}
