/* The five steps of the method: names, central questions and planned
 * minutes. The next stage moves these into the content file in data/. */
#ifndef AANDESLAG_STEPS_H
#define AANDESLAG_STEPS_H

#define STEPS_COUNT 5

/* Returns the step's name in the current language ("Betekenis"), or "?"
 * for a number outside 1..STEPS_COUNT. Static strings. */
const char *steps_name(unsigned step);

/* Returns the step's central question in the current language. */
const char *steps_question(unsigned step);

/* Returns the planned minutes of a step (20, 30, 30, 30, 40), 0 outside
 * 1..STEPS_COUNT. */
unsigned steps_minutes(unsigned step);

#endif
