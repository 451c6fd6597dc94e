/* Tests for pwhash.c, room passwords as salted hashes: the password as
 * typed is trimmed and checked, every hash has its own salt and never
 * holds the password, and only the right password matches. */
#include "check.h"

#include "pwhash.h"

#include <errno.h>

static void
test_clean(void)
{
	char clean[PWHASH_TEXT_MAX + 1], lng[PWHASH_TEXT_MAX + 2];
	struct refusal why;

	CHECK_INT(pwhash_clean("  geheim 12 ", clean, &why), ==, 0);
	CHECK_STR(clean, "geheim 12");
	CHECK_INT(pwhash_clean("   ", clean, &why), ==, -EINVAL);
	CHECK_INT(why.code, ==, AANDESLAG__ERROR_CODE__ERROR_EMPTY_TEXT);
	CHECK_INT(pwhash_clean(NULL, clean, &why), ==, -EINVAL);
	CHECK_INT(pwhash_clean("twee\nregels", clean, &why), ==, -EINVAL);
	CHECK_INT(why.code, ==, AANDESLAG__ERROR_CODE__ERROR_INVALID_TEXT);
	memset(lng, 'a', sizeof lng - 1);
	lng[sizeof lng - 1] = '\0';
	CHECK_INT(pwhash_clean(lng, clean, &why), ==, -EINVAL);
	CHECK_INT(why.code, ==, AANDESLAG__ERROR_CODE__ERROR_TEXT_TOO_LONG);
	lng[PWHASH_TEXT_MAX] = '\0';
	CHECK_INT(pwhash_clean(lng, clean, &why), ==, 0);
	CHECK_UINT(strlen(clean), ==, PWHASH_TEXT_MAX);
}

static void
test_make_and_verify(void)
{
	char a[PWHASH_SIZE], b[PWHASH_SIZE];

	CHECK_INT(pwhash_make("appel-taart", 11, a), ==, 0);
	CHECK_INT(pwhash_make("appel-taart", 11, b), ==, 0);
	/* Argon2id, salted: the same password hashes differently. */
	CHECK(strncmp(a, "$argon2id$", 10) == 0);
	CHECK(strcmp(a, b) != 0);
	CHECK(strstr(a, "appel") == NULL);
	CHECK(pwhash_verify(a, "appel-taart", 11));
	CHECK(pwhash_verify(b, "appel-taart", 11));
	CHECK(!pwhash_verify(a, "appel-taarT", 11));
	CHECK(!pwhash_verify(a, "appel-taart", 10));
	CHECK(!pwhash_verify(a, "appel-taart!", 12));
	CHECK(!pwhash_verify(a, "", 0));
}

/* A hash that is not one of ours matches nothing, not even an empty
 * password, and one without its end is not read past. */
static void
test_foreign_hash(void)
{
	char h[PWHASH_SIZE];

	memset(h, 0, sizeof h);
	CHECK(!pwhash_verify(h, "", 0));
	CHECK(!pwhash_verify(h, "x", 1));
	snprintf(h, sizeof h, "appel-taart");
	CHECK(!pwhash_verify(h, "appel-taart", 11));
	memset(h, '$', sizeof h);
	CHECK(!pwhash_verify(h, "appel-taart", 11));
}

CHECK_MAIN(CHECK_TEST(test_clean),
           CHECK_TEST(test_make_and_verify),
           CHECK_TEST(test_foreign_hash))
