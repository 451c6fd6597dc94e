/* The token bucket: whole tokens kept as thousandths, refilled lazily
 * when it is looked at, so an idle bucket needs no timer. */
#include "bucket.h"

void
bucket_init(struct bucket *b, uint32_t rate, uint32_t burst, int64_t now)
{
	b->rate = rate > 0 ? rate : 1;
	b->burst = burst > 0 ? burst : 1;
	b->milli = (uint64_t)b->burst * 1000;
	b->at = now;
}

static void
refill(struct bucket *b, int64_t now)
{
	uint64_t full = (uint64_t)b->burst * 1000;
	uint64_t add;

	/* A clock that goes back (it should not) only delays the refill. */
	if (now <= b->at)
		return;
	if (b->milli >= full) {
		b->at = now;
		return;
	}
	/* Past a full refill the product could only overflow: cap first. */
	if ((uint64_t)(now - b->at) >= full / b->rate + 1)
		add = full;
	else
		add = (uint64_t)(now - b->at) * b->rate;
	b->milli = b->milli + add >= full ? full : b->milli + add;
	b->at = now;
}

bool
bucket_take(struct bucket *b, int64_t now)
{
	refill(b, now);
	if (b->milli < 1000)
		return false;
	b->milli -= 1000;
	return true;
}

int64_t
bucket_wait(struct bucket *b, int64_t now)
{
	refill(b, now);
	if (b->milli >= 1000)
		return 0;
	return (int64_t)((1000 - b->milli + b->rate - 1) / b->rate);
}
