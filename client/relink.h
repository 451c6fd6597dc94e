/* The reconnect policy: how long the client waits before each new attempt
 * after losing its connection, and which endings are final. Pure
 * functions; net.c does the waiting. */
#ifndef AANDESLAG_RELINK_H
#define AANDESLAG_RELINK_H

#include <stdbool.h>
#include <stdint.h>

/* The wait before the first attempt, and the most it grows to. */
#define RELINK_FIRST_MS 250u
#define RELINK_MAX_MS 10000u
/* An attempt that has not joined the room after this long is abandoned
 * (a connect to a vanished network can hang for minutes). */
#define RELINK_ATTEMPT_MS 10000u

/* Returns the wait before attempt number attempt (1, 2, ...): 0.25 s,
 * 0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s, each made 25 % shorter or longer
 * by random (any 32-bit value, spread evenly), so that seven laptops that
 * lost the Wi-Fi together do not all come back in the same millisecond. */
uint32_t relink_delay_ms(unsigned attempt, uint32_t random);

/* Whether a Closing with this ErrorCode ends the client for good: removed
 * by the chair, taken over by another connection with the same token, an
 * unspoken version, or the client's own protocol mistake (which trying
 * again would repeat). Shutdown, falling behind and the server's internal
 * trouble are worth another attempt. */
bool relink_closing_final(int code);

/* Whether the refusal of a resume ends the client for good: the seat or
 * the room is gone, or a projector's password no longer holds (trying it
 * again would only count as failed joins). Other refusals (the server is
 * busy) are tried again. */
bool relink_refusal_final(int code);

#endif
