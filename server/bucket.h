/* A token bucket for the commands of one connection: rate tokens a
 * second, at most burst saved up. Pure: no I/O, the time is passed in
 * (milliseconds on any monotonic clock). */
#ifndef AANDESLAG_BUCKET_H
#define AANDESLAG_BUCKET_H

#include <stdbool.h>
#include <stdint.h>

struct bucket {
	uint32_t rate;                  /* tokens a second, at least 1 */
	uint32_t burst;                 /* at most this many saved up */
	/* Thousandths of a token: refilling adds rate of them a
	 * millisecond, so no fraction is lost whatever the rate. */
	uint64_t milli;
	int64_t at;                     /* when milli was last brought up */
};

/* Sets b up (owned by the caller; holds no other memory) full at now.
 * rate 0 is taken as 1, burst 0 as 1. */
void bucket_init(struct bucket *b, uint32_t rate, uint32_t burst,
                 int64_t now);

/* Takes a token at now. Returns true when there was one, false when the
 * bucket is empty (nothing changes then but the refill). */
bool bucket_take(struct bucket *b, int64_t now);

/* Returns the milliseconds from now until a token is there: 0 when one
 * is there now. */
int64_t bucket_wait(struct bucket *b, int64_t now);

#endif
