/* The clock of one step: pure arithmetic on durations. Times are local
 * monotonic milliseconds passed in by the caller; on the wire a clock is
 * only ever its remaining time, never a wall-clock time. */
#ifndef AANDESLAG_CLOCK_H
#define AANDESLAG_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "aandeslag.pb-c.h"

#define CLOCK_MINUTE_MS INT64_C(60000)
/* The longest a step may be planned, after extensions. */
#define CLOCK_DURATION_MAX (24 * 60 * CLOCK_MINUTE_MS)
/* Clock values further in overtime than this are refused from the wire. */
#define CLOCK_OVERTIME_MAX (7 * 24 * 60 * CLOCK_MINUTE_MS)
/* Bytes of a formatted clock, e.g. "+123:45" and a NUL, with room for any int64_t. */
#define CLOCK_TEXT_SIZE 32

struct clock {
	int state;              /* an Aandeslag__ClockState */
	int64_t remaining_ms;   /* time left at anchor_ms; negative: overtime */
	int64_t duration_ms;    /* the planned time, after extensions */
	int64_t anchor_ms;      /* when remaining_ms was true */
	bool interrupted;       /* paused because the server stopped */
};

/* Sets c to an idle clock with the full duration. */
void clock_init(struct clock *c, int64_t duration_ms);

/* Returns the time left at now (negative in overtime). */
int64_t clock_remaining(const struct clock *c, int64_t now);

/* Returns c as it is at now, re-anchored; the state is unchanged. */
struct clock clock_at(const struct clock *c, int64_t now);

/* Fills a wire clock for step from c as it is at now. */
void clock_to_wire(const struct clock *c, unsigned step, int64_t now,
                   Aandeslag__StepClock *out);

/* Sets c from a wire clock received at now. Returns 0, or -EPROTO when
 * the state or the times are out of range (c is then unchanged). */
int clock_from_wire(struct clock *c, const Aandeslag__StepClock *w,
                    int64_t now);

/* Formats a remaining time for people: "19:59" counts down in whole
 * seconds rounded up (so a fresh 20-minute clock shows 20:00 and 0:00
 * means time is up), and overtime counts up as "+1:05". */
void clock_format(int64_t remaining_ms, char out[CLOCK_TEXT_SIZE]);

#endif
