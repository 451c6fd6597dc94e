/* Tests for number.c: strict parsing of whole numbers typed by people. */
#include <errno.h>

#include "check.h"
#include "number.h"

static void
test_accepts(void)
{
	long long v = -1;

	CHECK_INT(number_parse("0", 0, 10, &v), ==, 0);
	CHECK_INT(v, ==, 0);
	CHECK_INT(number_parse("7557", 0, 65535, &v), ==, 0);
	CHECK_INT(v, ==, 7557);
	CHECK_INT(number_parse("-3", -5, 5, &v), ==, 0);
	CHECK_INT(v, ==, -3);
	CHECK_INT(number_parse("65535", 0, 65535, &v), ==, 0);
	CHECK_INT(v, ==, 65535);
}

static void
test_refuses(void)
{
	static const char *const bad[] = {
		"", " ", " 5", "+5", "-", "- 5", "5x", "x5", "5 ", "1.5", "0x10",
		"99999999999999999999", "-99999999999999999999",
	};
	long long v = 42;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		CHECK_INT(number_parse(bad[i], -1000, 1000, &v), ==, -EINVAL);
		CHECK_INT(v, ==, 42);
	}
	CHECK_INT(number_parse("65536", 0, 65535, &v), ==, -EINVAL);
	CHECK_INT(number_parse("-1", 0, 65535, &v), ==, -EINVAL);
	CHECK_INT(v, ==, 42);
}

/* Yes and no as config files and variables write them. */
static void
test_yes_no(void)
{
	static const char *const yes[] = { "yes", "YES", "ja", "On", "true",
	                                   "1" };
	static const char *const no[] = { "no", "Nee", "off", "FALSE", "0" };
	static const char *const neither[] = { "", "2", "jaa", "y", "n",
	                                       "yes ", " no" };
	size_t i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		CHECK_INT(number_yes_no(yes[i]), ==, 1);
	for (i = 0; i < sizeof no / sizeof no[0]; i++)
		CHECK_INT(number_yes_no(no[i]), ==, 0);
	for (i = 0; i < sizeof neither / sizeof neither[0]; i++)
		CHECK_INT(number_yes_no(neither[i]), ==, -1);
}

CHECK_MAIN(CHECK_TEST(test_accepts), CHECK_TEST(test_refuses),
           CHECK_TEST(test_yes_no))
