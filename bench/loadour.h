/* The load generator's transport for an aandeslag server: each member
 * joins its room over a plain connection, makes one note, and sends its
 * commands as edits of that note; every member receives the edit as an
 * event, the sender its Ack after it. */
#ifndef AANDESLAG_BENCH_LOADOUR_H
#define AANDESLAG_BENCH_LOADOUR_H

#include "bench.h"

extern const struct bench_ops loadour_ops;

#endif
