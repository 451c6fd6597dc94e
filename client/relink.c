/* The reconnect policy. */
#include "relink.h"

#include "aandeslag.pb-c.h"

uint32_t
relink_delay_ms(unsigned attempt, uint32_t random)
{
	uint64_t base = RELINK_FIRST_MS;
	unsigned i;

	for (i = 1; i < attempt && base < RELINK_MAX_MS; i++)
		base *= 2;
	if (base > RELINK_MAX_MS)
		base = RELINK_MAX_MS;
	/* base * (0.75 + 0.5 * random / 2^32) = base * (3 * 2^32 +
	 * 2 * random) / 2^34, in 64 bits (base < 2^14). */
	return (uint32_t)(base * ((3ull << 32) + 2ull * random) >> 34);
}

bool
relink_closing_final(int code)
{
	switch (code) {
	case AANDESLAG__ERROR_CODE__ERROR_NONE:
	case AANDESLAG__ERROR_CODE__ERROR_SERVER_SHUTDOWN:
	case AANDESLAG__ERROR_CODE__ERROR_TOO_SLOW:
	case AANDESLAG__ERROR_CODE__ERROR_INTERNAL:
	case AANDESLAG__ERROR_CODE__ERROR_STORAGE:
	/* Full for now; and a client of ours comes back well within the
	 * command burst with its outbox (frame.h). */
	case AANDESLAG__ERROR_CODE__ERROR_TOO_MANY_CONNECTIONS:
	case AANDESLAG__ERROR_CODE__ERROR_TOO_MANY_COMMANDS:
		return false;
	default:
		return true;
	}
}

bool
relink_refusal_final(int code)
{
	return code == AANDESLAG__ERROR_CODE__ERROR_BAD_TOKEN ||
	       code == AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_ROOM ||
	       code == AANDESLAG__ERROR_CODE__ERROR_PASSWORD_REQUIRED ||
	       code == AANDESLAG__ERROR_CODE__ERROR_BAD_PASSWORD;
}
