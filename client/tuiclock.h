/* The full-screen client's clock: warnings and the redraw timer. */
#ifndef AANDESLAG_TUICLOCK_H
#define AANDESLAG_TUICLOCK_H

#include "tui.h"

/* Gives the room's clock warning that is due (once per step: 5 minutes,
 * 1 minute, time up) on the message line, standing out for a while; only
 * the chair's terminal rings. Needs a joined room. */
void tuiclock_warn(struct tui *t);

/* Plans the next redraw for when a clock on the screen shows another
 * second, or stops the timer while none runs, so an idle client sleeps. */
void tuiclock_plan(struct tui *t);

#endif
