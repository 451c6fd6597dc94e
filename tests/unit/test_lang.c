/* Tests for lang.c: the choice of language (option, then AANDESLAG_LANG,
 * then the locale, else Dutch), taking --lang out of argv, and switching
 * gettext and the content texts at run time, also from the C locale. The
 * English catalogue is the one in the build directory (AANDESLAG_LOCALEDIR,
 * set by meson). */
#include "check.h"

#include <errno.h>
#include <locale.h>

#include "content.h"
#include "lang.h"
#include "refusal.h"

#ifndef SOURCE_DIR
#define SOURCE_DIR "."
#endif

#define NO_SUCH_ROOM_NL "Er is geen werksessie met deze code."
#define NO_SUCH_ROOM_EN "There is no session with this code."

static void
test_parse(void)
{
	CHECK_STR(lang_parse("nl"), LANG_DUTCH);
	CHECK_STR(lang_parse("EN"), LANG_ENGLISH);
	CHECK(lang_parse("de") == NULL);
	CHECK(lang_parse("english") == NULL);
	CHECK(lang_parse("") == NULL);
	CHECK(lang_parse(NULL) == NULL);
}

static void
test_locale_names(void)
{
	CHECK_STR(lang_of_locale("nl_NL.UTF-8"), LANG_DUTCH);
	CHECK_STR(lang_of_locale("nl_BE@euro"), LANG_DUTCH);
	CHECK_STR(lang_of_locale("en"), LANG_ENGLISH);
	CHECK_STR(lang_of_locale("en_GB.utf8"), LANG_ENGLISH);
	CHECK(lang_of_locale("C.UTF-8") == NULL);
	CHECK(lang_of_locale("POSIX") == NULL);
	CHECK(lang_of_locale("nds_DE") == NULL);
	CHECK(lang_of_locale("de_DE.UTF-8") == NULL);
	CHECK(lang_of_locale("") == NULL);
}

static void
test_option_wins(void)
{
	struct lang_env e = { .aandeslag_lang = "nl", .language = "nl",
	                      .lc_all = "nl_NL.UTF-8", .lang = "nl_NL.UTF-8" };

	CHECK_STR(lang_choose("en", &e), LANG_ENGLISH);
	e = (struct lang_env){ .aandeslag_lang = "en", .lc_all = "en_GB" };
	CHECK_STR(lang_choose("nl", &e), LANG_DUTCH);
	/* A wrong option is the caller's error; the choice goes on. */
	CHECK_STR(lang_choose("fr", &e), LANG_ENGLISH);
}

static void
test_environment(void)
{
	struct lang_env e = { .aandeslag_lang = "en", .lc_all = "nl_NL.UTF-8" };

	CHECK_STR(lang_choose(NULL, &e), LANG_ENGLISH);
	/* An unknown AANDESLAG_LANG is passed over. */
	e.aandeslag_lang = "fr";
	CHECK_STR(lang_choose(NULL, &e), LANG_DUTCH);
}

static void
test_locale(void)
{
	struct lang_env e = { 0 };

	/* Nothing set: the C locale, so Dutch. */
	CHECK_STR(lang_choose(NULL, &e), LANG_DUTCH);
	e.lang = "en_US.UTF-8";
	CHECK_STR(lang_choose(NULL, &e), LANG_ENGLISH);
	/* LC_MESSAGES over LANG, LC_ALL over both. */
	e.lc_messages = "nl_NL.UTF-8";
	CHECK_STR(lang_choose(NULL, &e), LANG_DUTCH);
	e.lc_all = "en_GB.UTF-8";
	CHECK_STR(lang_choose(NULL, &e), LANG_ENGLISH);
	/* An empty variable counts as unset. */
	e.lc_all = "";
	CHECK_STR(lang_choose(NULL, &e), LANG_DUTCH);
	/* Neither Dutch nor English: Dutch. */
	e = (struct lang_env){ .lang = "de_DE.UTF-8" };
	CHECK_STR(lang_choose(NULL, &e), LANG_DUTCH);
	/* What the test harness sets. */
	e = (struct lang_env){ .lc_all = "C.UTF-8" };
	CHECK_STR(lang_choose(NULL, &e), LANG_DUTCH);
}

static void
test_language_list(void)
{
	struct lang_env e = { .language = "fr:en:nl", .lang = "fr_FR.UTF-8" };

	/* The first entry that is Dutch or English. */
	CHECK_STR(lang_choose(NULL, &e), LANG_ENGLISH);
	e.language = "nl_BE:en";
	CHECK_STR(lang_choose(NULL, &e), LANG_DUTCH);
	/* Neither in the list: the locale decides. */
	e = (struct lang_env){ .language = "fr:de", .lang = "en_IE.UTF-8" };
	CHECK_STR(lang_choose(NULL, &e), LANG_ENGLISH);
	/* C.UTF-8 is not C: gettext reads LANGUAGE there. */
	e = (struct lang_env){ .language = "en", .lc_all = "C.UTF-8" };
	CHECK_STR(lang_choose(NULL, &e), LANG_ENGLISH);
	/* In the C locale gettext ignores LANGUAGE, and so do we. */
	e = (struct lang_env){ .language = "en", .lc_all = "C" };
	CHECK_STR(lang_choose(NULL, &e), LANG_DUTCH);
	e = (struct lang_env){ .language = "en" };
	CHECK_STR(lang_choose(NULL, &e), LANG_DUTCH);
}

static void
test_take_option(void)
{
	char a0[] = "aandeslag", a1[] = "--lang", a2[] = "en", a3[] = "--plain",
	     a4[] = "--lang=nl", a5[] = "--", a6[] = "--lang", a7[] = "x";
	char *argv[] = { a0, a1, a2, a3, a4, a5, a6, a7, NULL };
	int argc = 8;
	const char *value;

	CHECK_INT(lang_take_option(&argc, argv, &value), ==, 0);
	/* The last one counts; after "--" nothing is an option. */
	CHECK_STR(value, "nl");
	CHECK_INT(argc, ==, 5);
	CHECK_STR(argv[0], "aandeslag");
	CHECK_STR(argv[1], "--plain");
	CHECK_STR(argv[2], "--");
	CHECK_STR(argv[3], "--lang");
	CHECK_STR(argv[4], "x");
	CHECK(argv[5] == NULL);
}

static void
test_take_option_missing(void)
{
	char a0[] = "aandeslag-server", a1[] = "list", a2[] = "--lang";
	char *argv[] = { a0, a1, a2, NULL };
	int argc = 3;
	const char *value = "x";

	CHECK_INT(lang_take_option(&argc, argv, &value), ==, -EINVAL);
	CHECK(value == NULL);
	CHECK_INT(argc, ==, 2);
	CHECK(argv[2] == NULL);

	argc = 2;
	CHECK_INT(lang_take_option(&argc, argv, &value), ==, 0);
	CHECK(value == NULL);
	CHECK_INT(argc, ==, 2);
}

/* A refusal rendered from its code, in the language applied. */
static void
no_such_room(char *text, size_t size)
{
	refusal_text(AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_ROOM, NULL, 0, text,
	             size);
}

/* English from the C locale: the one a machine without any other has
 * (and the one a program gets without setlocale's ""). */
static void
test_switch_from_c_locale(void)
{
	char text[512];

	CHECK(setlocale(LC_ALL, "C") != NULL);
	lang_bind();
	CHECK(lang_apply(LANG_DUTCH));
	CHECK_STR(lang_current(), LANG_DUTCH);
	no_such_room(text, sizeof text);
	CHECK_CONTAINS(text, NO_SUCH_ROOM_NL);

	CHECK(lang_apply(LANG_ENGLISH));
	CHECK_STR(lang_current(), LANG_ENGLISH);
	CHECK_STR(lang_name(), "English");
	CHECK_STR(lang_other_name(), "Nederlands");
	no_such_room(text, sizeof text);
	CHECK_CONTAINS(text, NO_SUCH_ROOM_EN);

	/* And back, as the client's key does. */
	CHECK(lang_apply(LANG_DUTCH));
	no_such_room(text, sizeof text);
	CHECK_CONTAINS(text, NO_SUCH_ROOM_NL);
	CHECK_STR(lang_name(), "Nederlands");
	CHECK_STR(lang_other_name(), "English");
}

/* With the user's locale (here C.UTF-8, as the harness sets it), and a
 * refusal with a parameter. */
static void
test_switch_with_parameters(void)
{
	const char *params[] = { "12" };
	char text[512];

	CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
	lang_bind();
	CHECK(lang_apply(LANG_ENGLISH));
	refusal_text(AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL, params, 1, text,
	             sizeof text);
	CHECK_CONTAINS(text, "This session is full (at most 12 participants).");
	CHECK(lang_apply(LANG_DUTCH));
	refusal_text(AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL, params, 1, text,
	             sizeof text);
	CHECK_CONTAINS(text, "Deze werksessie is vol (hoogstens 12 deelnemers).");
}

/* The content file's texts follow the language applied. */
static void
test_content_follows(void)
{
	char err[CONTENT_ERROR_SIZE] = "";
	struct content c;

	if (content_load(&c, SOURCE_DIR "/data/content.yaml", err) != 0)
		CHECK_FAIL("content: %s", err);
	setlocale(LC_ALL, "C");
	lang_bind();
	lang_apply(LANG_ENGLISH);
	CHECK_STR(content_text(content_step(&c, 1)->name), "Meaning");
	lang_apply(LANG_DUTCH);
	CHECK_STR(content_text(content_step(&c, 1)->name), "Betekenis");
	content_free(&c);
}

/* Without the catalogue English is refused, and everything stays Dutch. */
static void
test_no_catalogue(void)
{
	char text[512];

	setenv("AANDESLAG_LOCALEDIR", "/nonexistent", 1);
	setlocale(LC_ALL, "C");
	lang_bind();
	CHECK(!lang_apply(LANG_ENGLISH));
	CHECK_STR(lang_current(), LANG_DUTCH);
	no_such_room(text, sizeof text);
	CHECK_CONTAINS(text, NO_SUCH_ROOM_NL);
	CHECK_CONTAINS(lang_unavailable(), "Engels is hier niet beschikbaar");
}

CHECK_MAIN(
	CHECK_TEST(test_parse),
	CHECK_TEST(test_locale_names),
	CHECK_TEST(test_option_wins),
	CHECK_TEST(test_environment),
	CHECK_TEST(test_locale),
	CHECK_TEST(test_language_list),
	CHECK_TEST(test_take_option),
	CHECK_TEST(test_take_option_missing),
	CHECK_TEST(test_switch_from_c_locale),
	CHECK_TEST(test_switch_with_parameters),
	CHECK_TEST(test_content_follows),
	CHECK_TEST(test_no_catalogue),
)
