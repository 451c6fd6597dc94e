/* The load generator's transport for Redis pub/sub, the reference: one
 * channel per room; each member publishes on one connection and is
 * subscribed on another, so a message reaches every member of the room
 * (the sender too) and the sender gets PUBLISH's answer, as many
 * deliveries as our server makes for a command, with the same payload. */
#ifndef AANDESLAG_BENCH_LOADREDIS_H
#define AANDESLAG_BENCH_LOADREDIS_H

#include "bench.h"

extern const struct bench_ops loadredis_ops;

#endif
