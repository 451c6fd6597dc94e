/* Tests for code.c: room codes from random bytes and from what users type. */
#include "check.h"

#include "code.h"

#include <errno.h>
#include <stdint.h>

static const char *const refused[] = {
	"",
	" ",
	"-",
	"    -    ",
	"K7QM",
	"K7QM-2XP",		/* 7 */
	"k7qm2xp",
	"K7QM-2XPDA",		/* 9 */
	"K7QM-2XPD2",
	"K7QM-2XPD-K7QM-2XPD",
	"K7QM-2XP0",
	"K7QM-2XP1",
	"K7QM-2XPI",
	"K7QM-2XPO",
	"k7qm-2xpi",
	"k7qm-2xpo",
	"0000-0000",
	"IIII-OOOO",
	"K7QM_2XPD",
	"K7QM.2XPD",
	"K7QM/2XPD",
	"K7QM,2XPD",
	"K7QM:2XPD",
	"K7QM+2XPD",
	"K7QM!2XP",
	"K7QM-2XP!",
	"K7QM-2XP\xc3\x89",	/* É */
	"K7QM-2XPD\xc2\xa0",
	"K7QM-2XPD\n",
};

/* xorshift32, so that the "random" bytes are the same on every run. */
static uint32_t
xorshift32(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

static void
from_bytes(uint8_t b0, uint8_t b1, uint8_t b2, uint8_t b3, uint8_t b4,
           uint8_t b5, uint8_t b6, uint8_t b7, char out[CODE_SIZE])
{
	const uint8_t r[CODE_CHARS] = { b0, b1, b2, b3, b4, b5, b6, b7 };

	memset(out, '#', CODE_SIZE);
	code_from_random(r, out);
}

static void
test_alphabet(void)
{
	size_t i, j;
	char c;

	CHECK_UINT(CODE_CHARS, ==, 8);
	CHECK_UINT(CODE_SIZE, ==, 10);
	CHECK_UINT(strlen(code_alphabet), ==, 32);
	CHECK_UINT(code_alphabet[32], ==, '\0');
	CHECK_STR(code_alphabet, "23456789ABCDEFGHJKLMNPQRSTUVWXYZ");
	for (i = 0; i < 32; i++) {
		c = code_alphabet[i];
		CHECK((c >= '2' && c <= '9') || (c >= 'A' && c <= 'Z'));
		CHECK(c != '0' && c != '1' && c != 'I' && c != 'O');
		for (j = i + 1; j < 32; j++)
			CHECK(code_alphabet[j] != c);
	}
	/* 32 distinct characters of these 32 are all of them. */
	for (c = '2'; c <= '9'; c++)
		CHECK(strchr(code_alphabet, c) != NULL);
	for (c = 'A'; c <= 'Z'; c++)
		if (c != 'I' && c != 'O')
			CHECK(strchr(code_alphabet, c) != NULL);
}

static void
test_from_random_known(void)
{
	char out[CODE_SIZE];

	from_bytes(0, 0, 0, 0, 0, 0, 0, 0, out);
	CHECK_STR(out, "2222-2222");
	from_bytes(0, 1, 2, 3, 4, 5, 6, 7, out);
	CHECK_STR(out, "2345-6789");
	from_bytes(8, 9, 10, 11, 12, 13, 14, 15, out);
	CHECK_STR(out, "ABCD-EFGH");
	from_bytes(16, 17, 18, 19, 20, 21, 22, 23, out);
	CHECK_STR(out, "JKLM-NPQR");
	from_bytes(24, 25, 26, 27, 28, 29, 30, 31, out);
	CHECK_STR(out, "STUV-WXYZ");
	from_bytes(31, 31, 31, 31, 31, 31, 31, 31, out);
	CHECK_STR(out, "ZZZZ-ZZZZ");
}

/* Values of 32 and more use their low five bits. */
static void
test_from_random_wraps(void)
{
	char out[CODE_SIZE];
	unsigned v;
	uint8_t r[CODE_CHARS];

	from_bytes(32, 32, 32, 32, 32, 32, 32, 32, out);
	CHECK_STR(out, "2222-2222");
	from_bytes(255, 255, 255, 255, 255, 255, 255, 255, out);
	CHECK_STR(out, "ZZZZ-ZZZZ");
	from_bytes(32, 255, 40, 63, 64, 100, 128, 200, out);
	CHECK_STR(out, "2ZAZ-262A");
	for (v = 0; v < 256; v++) {
		memset(r, (int)v, sizeof r);
		code_from_random(r, out);
		CHECK_UINT(out[0], ==, code_alphabet[v % 32]);
		CHECK_UINT(out[8], ==, code_alphabet[v % 32]);
	}
}

static void
test_from_random_format(void)
{
	uint32_t seed = 0x9e3779b9;
	uint8_t r[CODE_CHARS];
	char out[CODE_SIZE];
	size_t i, k;
	int iter;

	for (iter = 0; iter < 2000; iter++) {
		for (i = 0; i < CODE_CHARS; i++)
			r[i] = (uint8_t)(xorshift32(&seed) >> 24);
		memset(out, '#', sizeof out);
		code_from_random(r, out);
		CHECK_UINT(strlen(out), ==, 9);
		CHECK_UINT(out[4], ==, '-');
		for (i = 0, k = 0; i < 9; i++) {
			if (i == 4)
				continue;
			CHECK(strchr(code_alphabet, out[i]) != NULL);
			CHECK_UINT(out[i], ==, code_alphabet[r[k] & 31]);
			k++;
		}
	}
}

static void
test_normalise_accepts(void)
{
	static const char *const typed[] = {
		"K7QM-2XPD",
		"k7qm2xpd",
		"K7QM2XPD",
		" k7qm - 2xpd ",
		"k7Qm-2xPd",
		"K7QM--2XPD",
		"-K7QM-2XPD-",
		"K 7 Q M 2 X P D",
		"k-7-q-m-2-x-p-d",
		"         K7QM2XPD",
	};
	char out[CODE_SIZE];
	size_t i;

	for (i = 0; i < sizeof typed / sizeof typed[0]; i++) {
		memset(out, '#', sizeof out);
		if (code_normalise(typed[i], out) != 0)
			CHECK_FAIL("refused \"%s\"", typed[i]);
		CHECK_STR(out, "K7QM-2XPD");
	}
}

static void
test_normalise_refuses(void)
{
	char out[CODE_SIZE];
	size_t i;
	int rc;

	for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		rc = code_normalise(refused[i], out);
		if (rc != -EINVAL)
			CHECK_FAIL("\"%s\" gave %d, want -EINVAL", refused[i],
			           rc);
	}
}

/* Every letter survives a trip through a code, in either case. */
static void
test_round_trip(void)
{
	uint8_t r[CODE_CHARS];
	char out[CODE_SIZE], back[CODE_SIZE], lower[CODE_SIZE];
	char typed[CODE_CHARS + 1];
	size_t i, k;

	for (i = 0; i < 32; i++) {
		for (k = 0; k < CODE_CHARS; k++)
			r[k] = (uint8_t)(i + k * 5);
		code_from_random(r, out);
		for (k = 0; k < CODE_CHARS; k++)
			CHECK_UINT(out[k < 4 ? k : k + 1], ==,
			           code_alphabet[(i + k * 5) % 32]);
		memset(back, '#', sizeof back);
		CHECK_INT(code_normalise(out, back), ==, 0);
		CHECK_STR(back, out);
		for (k = 0; k < CODE_SIZE; k++)
			lower[k] = (out[k] >= 'A' && out[k] <= 'Z') ?
			           (char)(out[k] - 'A' + 'a') : out[k];
		memset(back, '#', sizeof back);
		CHECK_INT(code_normalise(lower, back), ==, 0);
		CHECK_STR(back, out);
	}
	/* Each letter in every position. */
	for (i = 0; i < 32; i++) {
		memset(typed, code_alphabet[i], CODE_CHARS);
		typed[CODE_CHARS] = '\0';
		memset(back, '#', sizeof back);
		CHECK_INT(code_normalise(typed, back), ==, 0);
		for (k = 0; k < 9; k++)
			CHECK_UINT(back[k], ==, k == 4 ? '-' :
			           code_alphabet[i]);
		CHECK_UINT(back[9], ==, '\0');
	}
}

/* Nothing outside the alphabet is taken, whatever its case. */
static void
test_normalise_every_byte(void)
{
	char typed[CODE_CHARS + 1], out[CODE_SIZE];
	unsigned c;
	char up;
	int rc, want;

	for (c = 1; c < 256; c++) {
		memcpy(typed, "K7QM2XP", 7);
		typed[7] = (char)c;
		typed[8] = '\0';
		up = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : (char)c;
		want = strchr(code_alphabet, up) != NULL ? 0 : -EINVAL;
		if (c == ' ' || c == '-')
			want = -EINVAL;	/* seven characters left */
		rc = code_normalise(typed, out);
		if (rc != want)
			CHECK_FAIL("byte 0x%02x gave %d, want %d", c, rc, want);
	}
}

/* Discovery sends the first half of a code: from a whole code or a half,
 * as typed; nothing else. */
static void
test_half(void)
{
	char out[CODE_HALF_SIZE];

	CHECK_INT(code_half("K7QM-2XPD", out), ==, 0);
	CHECK_STR(out, "K7QM");
	CHECK_INT(code_half("k7qm2xpd", out), ==, 0);
	CHECK_STR(out, "K7QM");
	CHECK_INT(code_half("k7 qm", out), ==, 0);
	CHECK_STR(out, "K7QM");
	CHECK_INT(code_half("K7QM-2XP", out), ==, -EINVAL);
	CHECK_INT(code_half("K7Q", out), ==, -EINVAL);
	CHECK_INT(code_half("K7QM-2XPD-A", out), ==, -EINVAL);
	CHECK_INT(code_half("K7QO", out), ==, -EINVAL);
	CHECK_INT(code_half("", out), ==, -EINVAL);
}

CHECK_MAIN(CHECK_TEST(test_alphabet),
           CHECK_TEST(test_half),
           CHECK_TEST(test_from_random_known),
           CHECK_TEST(test_from_random_wraps),
           CHECK_TEST(test_from_random_format),
           CHECK_TEST(test_normalise_accepts),
           CHECK_TEST(test_normalise_refuses),
           CHECK_TEST(test_round_trip),
           CHECK_TEST(test_normalise_every_byte))
