/* Tests for utf8.c: strict validation, single-line texts, length and trim. */
#include "check.h"

#include "utf8.h"

#include <errno.h>

/* A byte string with an explicit length, so that it may hold NUL. */
struct bytes {
	const char *s;
	size_t len;
};

#define BYTES(lit) { lit, sizeof lit - 1 }

static void
check_accepted(const struct bytes *b, size_t n, int line)
{
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		rc = line ? utf8_check_line(b[i].s, b[i].len) :
		            utf8_check(b[i].s, b[i].len);
		if (rc != 0)
			CHECK_FAIL("%s refused case %zu (%zu bytes): %d",
			           line ? "utf8_check_line" : "utf8_check", i,
			           b[i].len, rc);
	}
}

static void
check_refused(const struct bytes *b, size_t n, int line)
{
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		rc = line ? utf8_check_line(b[i].s, b[i].len) :
		            utf8_check(b[i].s, b[i].len);
		if (rc != -EILSEQ)
			CHECK_FAIL("%s gave %d for case %zu (%zu bytes), "
			           "want -EILSEQ",
			           line ? "utf8_check_line" : "utf8_check",
			           rc, i, b[i].len);
	}
}

#define NELEM(a) (sizeof a / sizeof a[0])

static const char dutch[] = "één café, ruïne, coördinatie";

static void
test_valid(void)
{
	static const struct bytes ok[] = {
		BYTES(""),
		BYTES("Hallo, wereld!"),
		BYTES(" !\"#$%&'()*+,-./0123456789:;<=>?@AZ[\\]^_`az{|}~"),
		BYTES("één café, ruïne, coördinatie"),
		BYTES("IJsselmeer, ĳs, Één"),
		BYTES("\xe2\x82\xac"),			/* € U+20AC */
		BYTES("prijs: 12,50 \xe2\x82\xac"),
		BYTES("\xf0\x9f\x98\x80"),		/* 😀 U+1F600 */
		BYTES("ok \xf0\x9f\x98\x80!"),
		BYTES("\xc2\xa0"),			/* U+00A0, after C1 */
		BYTES("\xdf\xbf"),			/* U+07FF */
		BYTES("\xe0\xa0\x80"),			/* U+0800 */
		BYTES("\xed\x9f\xbf"),			/* U+D7FF */
		BYTES("\xee\x80\x80"),			/* U+E000 */
		BYTES("\xef\xbf\xbd"),			/* U+FFFD */
		BYTES("\xef\xbf\xbf"),			/* U+FFFF */
		BYTES("\xf0\x90\x80\x80"),		/* U+10000 */
		BYTES("\xf4\x8f\xbf\xbf"),		/* U+10FFFF */
	};

	check_accepted(ok, NELEM(ok), 0);
	check_accepted(ok, NELEM(ok), 1);
	CHECK_INT(utf8_check(dutch, strlen(dutch)), ==, 0);
	CHECK_INT(utf8_check_line(dutch, strlen(dutch)), ==, 0);
}

static void
test_overlong(void)
{
	static const struct bytes bad[] = {
		BYTES("\xc0\xaf"),			/* '/' in two bytes */
		BYTES("\xc0\x80"),			/* NUL in two bytes */
		BYTES("\xc1\xbf"),
		BYTES("\xe0\x80\xaf"),			/* '/' in three */
		BYTES("\xe0\x9f\xbf"),			/* U+07FF */
		BYTES("\xf0\x80\x80\xaf"),		/* '/' in four */
		BYTES("\xf0\x8f\xbf\xbf"),		/* U+FFFF in four */
		BYTES("a\xc0\xafz"),
	};

	check_refused(bad, NELEM(bad), 0);
	check_refused(bad, NELEM(bad), 1);
}

static void
test_surrogates(void)
{
	static const struct bytes bad[] = {
		BYTES("\xed\xa0\x80"),			/* U+D800 */
		BYTES("\xed\xad\xbf"),			/* U+DB7F */
		BYTES("\xed\xb0\x80"),			/* U+DC00 */
		BYTES("\xed\xbf\xbf"),			/* U+DFFF */
		BYTES("\xed\xa0\xbd\xed\xb8\x80"),	/* CESU-8 😀 */
		BYTES("x\xed\xa0\x80y"),
	};

	check_refused(bad, NELEM(bad), 0);
	check_refused(bad, NELEM(bad), 1);
}

static void
test_above_max(void)
{
	static const struct bytes bad[] = {
		BYTES("\xf4\x90\x80\x80"),		/* U+110000 */
		BYTES("\xf4\xbf\xbf\xbf"),
		BYTES("\xf5\x80\x80\x80"),
		BYTES("\xf7\xbf\xbf\xbf"),
		BYTES("\xf8\x88\x80\x80\x80"),		/* 5-byte form */
		BYTES("\xfc\x84\x80\x80\x80\x80"),	/* 6-byte form */
	};

	check_refused(bad, NELEM(bad), 0);
	check_refused(bad, NELEM(bad), 1);
}

/* F5..FF never occur in UTF-8, whatever follows them. */
static void
test_bad_lead_bytes(void)
{
	char buf[5];
	unsigned c;

	for (c = 0xf5; c <= 0xff; c++) {
		buf[0] = (char)c;
		CHECK_INT(utf8_check(buf, 1), ==, -EILSEQ);
		buf[1] = (char)0x80;
		buf[2] = (char)0x80;
		buf[3] = (char)0x80;
		buf[4] = (char)0x80;
		CHECK_INT(utf8_check(buf, 4), ==, -EILSEQ);
		CHECK_INT(utf8_check(buf, 5), ==, -EILSEQ);
		CHECK_INT(utf8_check_line(buf, 4), ==, -EILSEQ);
	}
}

static void
test_lone_continuation(void)
{
	static const struct bytes bad[] = {
		BYTES("\x80"),
		BYTES("\xbf"),
		BYTES("a\x80"),
		BYTES("\x80z"),
		BYTES("caf\xc3\xa9\xa9"),		/* one too many */
		BYTES("\xe2\x82\xac\x82"),
	};
	char buf[1];
	unsigned c;

	check_refused(bad, NELEM(bad), 0);
	check_refused(bad, NELEM(bad), 1);
	for (c = 0x80; c <= 0xbf; c++) {
		buf[0] = (char)c;
		CHECK_INT(utf8_check(buf, 1), ==, -EILSEQ);
	}
}

static void
test_truncated(void)
{
	static const struct bytes bad[] = {
		BYTES("\xc3"),
		BYTES("caf\xc3"),
		BYTES("\xe2\x82"),
		BYTES("prijs \xe2"),
		BYTES("\xf0\x9f\x98"),
		BYTES("\xf0\x9f"),
		BYTES("\xf0"),
		/* A sequence cut short by the next character. */
		BYTES("\xc3" "a"),
		BYTES("\xe2\x82" "a"),
		BYTES("\xf0\x9f\x98" "a"),
		BYTES("\xc3\xc3\xa9"),
		BYTES("\xe2\xe2\x82\xac"),
		/* A lead byte where a continuation byte belongs. */
		BYTES("\xc3\xc3"),
		BYTES("\xc3\xf0"),
		BYTES("\xe2\x82\xe2"),
		BYTES("\xe2\xc2\xac"),
		BYTES("\xf0\x9f\x98\xf0"),
		BYTES("\xf0\xdf\x98\x80"),
	};

	check_refused(bad, NELEM(bad), 0);
	check_refused(bad, NELEM(bad), 1);
	/* The length given counts, not what lies beyond it. */
	CHECK_INT(utf8_check("\xe2\x82\xac", 2), ==, -EILSEQ);
	CHECK_INT(utf8_check("\xf0\x9f\x98\x80", 3), ==, -EILSEQ);
	CHECK_INT(utf8_check("caf\xc3\xa9", 4), ==, -EILSEQ);
	CHECK_INT(utf8_check("caf\xc3\xa9", 5), ==, 0);
}

static void
test_nul(void)
{
	static const struct bytes bad[] = {
		BYTES("\0"),
		BYTES("a\0b"),
		BYTES("abc\0"),
		BYTES("\0abc"),
		BYTES("caf\xc3\xa9\0"),
	};

	check_refused(bad, NELEM(bad), 0);
	check_refused(bad, NELEM(bad), 1);
}

/* Controls are well-formed UTF-8, so utf8_check() takes them, but a text
 * on the poster is a single line without them. */
static void
test_line_controls(void)
{
	static const struct bytes ctl[] = {
		BYTES("a\nb"),
		BYTES("a\tb"),
		BYTES("a\rb"),
		BYTES("\x1b[2J"),
		BYTES("a\x7f"),
		BYTES("a\xc2\x85" "b"),		/* U+0085, NEL */
		BYTES("\x01"),
		BYTES("\x1f"),
		BYTES("\n"),
		BYTES("\xc2\x80"),			/* U+0080 */
		BYTES("\xc2\x9b" "31m"),		/* U+009B, CSI */
		BYTES("\xc2\x9f"),			/* U+009F */
		BYTES("één\tcafé"),
	};
	char buf[1];
	unsigned c;

	check_accepted(ctl, NELEM(ctl), 0);
	check_refused(ctl, NELEM(ctl), 1);
	for (c = 1; c < 0x20; c++) {
		buf[0] = (char)c;
		CHECK_INT(utf8_check(buf, 1), ==, 0);
		CHECK_INT(utf8_check_line(buf, 1), ==, -EILSEQ);
	}
	/* The printable neighbours pass. */
	CHECK_INT(utf8_check_line(" ", 1), ==, 0);
	CHECK_INT(utf8_check_line("~", 1), ==, 0);
	CHECK_INT(utf8_check_line("\xc2\xa0", 2), ==, 0);
}

static void
test_length(void)
{
	CHECK_UINT(utf8_length("", 0), ==, 0);
	CHECK_UINT(utf8_length("abc", 3), ==, 3);
	CHECK_UINT(strlen(dutch), ==, 33);
	CHECK_UINT(utf8_length(dutch, strlen(dutch)), ==, 28);
	CHECK_UINT(utf8_length("\xc3\xa9", 2), ==, 1);
	CHECK_UINT(utf8_length("\xe2\x82\xac", 3), ==, 1);
	CHECK_UINT(utf8_length("\xf0\x9f\x98\x80", 4), ==, 1);
	CHECK_UINT(utf8_length("a\xe2\x82\xac\xf0\x9f\x98\x80\xc3\xa9z", 11),
	           ==, 5);
	CHECK_UINT(utf8_length("\xf4\x8f\xbf\xbf\xf0\x9f\x98\x80", 8), ==, 2);
	/* Only the given bytes count. */
	CHECK_UINT(utf8_length("abcdef", 4), ==, 4);
	CHECK_UINT(utf8_length("\xc3\xa9\xc3\xa9\xc3\xa9", 4), ==, 2);
}

static void
test_trim(void)
{
	size_t start, n;

	start = 99;
	n = utf8_trim("  a b \t", 7, &start);
	CHECK_UINT(start, ==, 2);
	CHECK_UINT(n, ==, 3);

	start = 99;
	n = utf8_trim("", 0, &start);
	CHECK_UINT(n, ==, 0);
	CHECK_UINT(start, ==, 0);

	start = 99;
	n = utf8_trim("   ", 3, &start);
	CHECK_UINT(n, ==, 0);
	CHECK_UINT(start, <=, 3);

	start = 99;
	n = utf8_trim("abc", 3, &start);
	CHECK_UINT(start, ==, 0);
	CHECK_UINT(n, ==, 3);

	/* Every ASCII white space character. */
	start = 99;
	n = utf8_trim("\t\n\v\f\r x \r\f\v\n\t", 13, &start);
	CHECK_UINT(start, ==, 6);
	CHECK_UINT(n, ==, 1);

	/* Only the given bytes count. */
	start = 99;
	n = utf8_trim(" ab  cd", 5, &start);
	CHECK_UINT(start, ==, 1);
	CHECK_UINT(n, ==, 2);
}

/* Bytes of multibyte characters are not white space, even though they
 * are negative as char. */
static void
test_trim_multibyte(void)
{
	static const char a[] = "  \xc3\xa9\xc3\xa9n ";	/* "  één " */
	static const char b[] = "\t\xf0\x9f\x98\x80 x \xe2\x82\xac\n";
	static const char c[] = "\xe2\x82\xac" "ab" "\xc3\xa9";
	static const char d[] = "\xc2\xa0x\xc2\xa0";	/* NBSP is kept */
	static const char e[] = " \xc2\x85 ";	/* so is NEL */
	size_t start, n;

	n = utf8_trim(a, sizeof a - 1, &start);
	CHECK_UINT(start, ==, 2);
	CHECK_UINT(n, ==, 5);
	CHECK(memcmp(a + start, "\xc3\xa9\xc3\xa9n", n) == 0);

	n = utf8_trim(b, sizeof b - 1, &start);
	CHECK_UINT(start, ==, 1);
	CHECK_UINT(n, ==, 10);
	CHECK(memcmp(b + start, "\xf0\x9f\x98\x80 x \xe2\x82\xac", n) == 0);

	n = utf8_trim(c, sizeof c - 1, &start);
	CHECK_UINT(start, ==, 0);
	CHECK_UINT(n, ==, 7);

	n = utf8_trim(d, sizeof d - 1, &start);
	CHECK_UINT(start, ==, 0);
	CHECK_UINT(n, ==, 5);

	n = utf8_trim(e, sizeof e - 1, &start);
	CHECK_UINT(start, ==, 1);
	CHECK_UINT(n, ==, 2);
}

CHECK_MAIN(CHECK_TEST(test_valid),
           CHECK_TEST(test_overlong),
           CHECK_TEST(test_surrogates),
           CHECK_TEST(test_above_max),
           CHECK_TEST(test_bad_lead_bytes),
           CHECK_TEST(test_lone_continuation),
           CHECK_TEST(test_truncated),
           CHECK_TEST(test_nul),
           CHECK_TEST(test_line_controls),
           CHECK_TEST(test_length),
           CHECK_TEST(test_trim),
           CHECK_TEST(test_trim_multibyte))
