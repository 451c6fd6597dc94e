/* Step clock arithmetic, the same in the server and in every client. */
#include "clock.h"

#include <errno.h>
#include <stdio.h>

void
clock_init(struct clock *c, int64_t duration_ms)
{
	c->state = AANDESLAG__CLOCK_STATE__CLOCK_IDLE;
	c->remaining_ms = duration_ms;
	c->duration_ms = duration_ms;
	c->anchor_ms = 0;
	c->interrupted = false;
}

int64_t
clock_remaining(const struct clock *c, int64_t now)
{
	if (c->state != AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
		return c->remaining_ms;
	/* A clock read before its anchor (the caller's clock stepped back)
	 * shows the anchored time rather than gaining time. */
	if (now < c->anchor_ms)
		return c->remaining_ms;
	return c->remaining_ms - (now - c->anchor_ms);
}

struct clock
clock_at(const struct clock *c, int64_t now)
{
	struct clock at = *c;

	at.remaining_ms = clock_remaining(c, now);
	at.anchor_ms = now;
	return at;
}

void
clock_to_wire(const struct clock *c, unsigned step, int64_t now,
              Aandeslag__StepClock *out)
{
	aandeslag__step_clock__init(out);
	out->step = step;
	out->state = (Aandeslag__ClockState)c->state;
	out->remaining_ms = clock_remaining(c, now);
	/* A clock forgotten for a week stops counting: the value stays one
	 * that clock_from_wire() accepts. */
	if (out->remaining_ms < -CLOCK_OVERTIME_MAX)
		out->remaining_ms = -CLOCK_OVERTIME_MAX;
	out->duration_ms = c->duration_ms;
	out->interrupted = c->interrupted;
}

int
clock_from_wire(struct clock *c, const Aandeslag__StepClock *w, int64_t now)
{
	switch (w->state) {
	case AANDESLAG__CLOCK_STATE__CLOCK_IDLE:
	case AANDESLAG__CLOCK_STATE__CLOCK_RUNNING:
	case AANDESLAG__CLOCK_STATE__CLOCK_PAUSED:
		break;
	default:
		return -EPROTO;
	}
	if (w->duration_ms < CLOCK_MINUTE_MS ||
	    w->duration_ms > CLOCK_DURATION_MAX ||
	    w->remaining_ms > w->duration_ms ||
	    w->remaining_ms < -CLOCK_OVERTIME_MAX)
		return -EPROTO;
	c->state = w->state;
	c->remaining_ms = w->remaining_ms;
	c->duration_ms = w->duration_ms;
	c->anchor_ms = now;
	/* Only a paused clock can have been paused by the server. */
	c->interrupted = w->interrupted &&
	                 w->state == AANDESLAG__CLOCK_STATE__CLOCK_PAUSED;
	return 0;
}

void
clock_format(int64_t remaining_ms, char out[CLOCK_TEXT_SIZE])
{
	int64_t s;

	/* Divide before adjusting, so that no value of remaining_ms can
	 * overflow. */
	if (remaining_ms >= 0) {
		s = remaining_ms / 1000 + (remaining_ms % 1000 != 0);
		snprintf(out, CLOCK_TEXT_SIZE, "%lld:%02lld",
		         (long long)(s / 60), (long long)(s % 60));
	} else {
		s = -(remaining_ms / 1000);
		snprintf(out, CLOCK_TEXT_SIZE, "+%lld:%02lld",
		         (long long)(s / 60), (long long)(s % 60));
	}
}
