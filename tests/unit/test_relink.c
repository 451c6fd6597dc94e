/* Tests for relink.c: the waits between attempts grow and are capped,
 * the jitter stays within a quarter either way, and which endings are
 * final. */
#include "check.h"
#include "relink.h"

#include "aandeslag.pb-c.h"

/* The error codes, shorter. */
#define E_NONE AANDESLAG__ERROR_CODE__ERROR_NONE
#define E_SERVER_SHUTDOWN AANDESLAG__ERROR_CODE__ERROR_SERVER_SHUTDOWN
#define E_TOO_SLOW AANDESLAG__ERROR_CODE__ERROR_TOO_SLOW
#define E_INTERNAL AANDESLAG__ERROR_CODE__ERROR_INTERNAL
#define E_STORAGE AANDESLAG__ERROR_CODE__ERROR_STORAGE
#define E_REMOVED AANDESLAG__ERROR_CODE__ERROR_REMOVED
#define E_ALREADY_PRESENT AANDESLAG__ERROR_CODE__ERROR_ALREADY_PRESENT
#define E_VERSION AANDESLAG__ERROR_CODE__ERROR_VERSION
#define E_MALFORMED_FRAME AANDESLAG__ERROR_CODE__ERROR_MALFORMED_FRAME
#define E_BAD_TOKEN AANDESLAG__ERROR_CODE__ERROR_BAD_TOKEN
#define E_NO_SUCH_ROOM AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_ROOM

static void
test_backoff(void)
{
	static const uint32_t base[] = { 250, 500, 1000, 2000, 4000, 8000,
	                                 10000, 10000 };
	unsigned i;

	for (i = 0; i < sizeof base / sizeof base[0]; i++) {
		uint32_t low = relink_delay_ms(i + 1, 0);
		uint32_t mid = relink_delay_ms(i + 1, 0x80000000u);
		uint32_t high = relink_delay_ms(i + 1, 0xffffffffu);

		CHECK_UINT(low, ==, base[i] * 3 / 4);
		CHECK_UINT(mid, ==, base[i]);
		CHECK_UINT(high, <=, base[i] * 5 / 4);
		CHECK_UINT(high, >=, base[i] * 5 / 4 - 1);
	}
	/* Capped however long it takes. */
	CHECK_UINT(relink_delay_ms(1000, 0xffffffffu), <=,
	           RELINK_MAX_MS * 5 / 4);
	CHECK_UINT(relink_delay_ms(~0u, 0), ==, RELINK_MAX_MS * 3 / 4);
}

static void
test_jitter_spreads(void)
{
	uint32_t seen_low = 0, seen_high = 0, r = 12345;
	unsigned i;

	/* Seven laptops with different randoms wait different times. */
	for (i = 0; i < 1000; i++) {
		uint32_t d;

		r = r * 1103515245u + 12345u;
		d = relink_delay_ms(3, r);
		CHECK_UINT(d, >=, 750);
		CHECK_UINT(d, <, 1250);
		if (d < 900)
			seen_low++;
		if (d > 1100)
			seen_high++;
	}
	CHECK_UINT(seen_low, >, 100);
	CHECK_UINT(seen_high, >, 100);
}

static void
test_final(void)
{
	CHECK(!relink_closing_final(E_NONE));
	CHECK(!relink_closing_final(E_SERVER_SHUTDOWN));
	CHECK(!relink_closing_final(E_TOO_SLOW));
	CHECK(!relink_closing_final(
		AANDESLAG__ERROR_CODE__ERROR_TOO_MANY_CONNECTIONS));
	CHECK(!relink_closing_final(
		AANDESLAG__ERROR_CODE__ERROR_TOO_MANY_COMMANDS));
	CHECK(!relink_closing_final(E_INTERNAL));
	CHECK(!relink_closing_final(E_STORAGE));
	CHECK(relink_closing_final(E_REMOVED));
	CHECK(relink_closing_final(E_ALREADY_PRESENT));
	CHECK(relink_closing_final(E_VERSION));
	CHECK(relink_closing_final(E_MALFORMED_FRAME));
	CHECK(relink_refusal_final(E_BAD_TOKEN));
	CHECK(relink_refusal_final(E_NO_SUCH_ROOM));
	CHECK(relink_refusal_final(AANDESLAG__ERROR_CODE__ERROR_PASSWORD_REQUIRED));
	CHECK(relink_refusal_final(AANDESLAG__ERROR_CODE__ERROR_BAD_PASSWORD));
	CHECK(!relink_refusal_final(E_INTERNAL));
	CHECK(!relink_refusal_final(E_STORAGE));
}

CHECK_MAIN(CHECK_TEST(test_backoff), CHECK_TEST(test_jitter_spreads),
           CHECK_TEST(test_final))
