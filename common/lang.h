/* The language of both programs: Dutch, the messages' own text, or
 * English from the gettext catalogue. Chosen at start-up from --lang,
 * AANDESLAG_LANG or the locale, and switched at any time by the client. */
#ifndef AANDESLAG_LANG_H
#define AANDESLAG_LANG_H

#include <stdbool.h>

#define LANG_DUTCH "nl"
#define LANG_ENGLISH "en"

/* The environment the choice reads: each a getenv() value, NULL when
 * unset. Not owned. */
struct lang_env {
	const char *aandeslag_lang;     /* AANDESLAG_LANG: nl or en */
	const char *language;           /* LANGUAGE: a list such as "en:nl" */
	const char *lc_all;
	const char *lc_messages;
	const char *lang;
};

/* Fills e from the process's environment. */
void lang_env_read(struct lang_env *e);

/* Returns LANG_DUTCH or LANG_ENGLISH for "nl" or "en" as typed after
 * --lang (in any case), or NULL for anything else. */
const char *lang_parse(const char *name);

/* Returns LANG_DUTCH or LANG_ENGLISH when the locale name (such as
 * "nl_BE.UTF-8" or "en") is Dutch or English, else NULL. */
const char *lang_of_locale(const char *locale);

/* Chooses the language: option (the value of --lang, or NULL) when it is
 * nl or en, else AANDESLAG_LANG when it is, else the locale's language
 * when that is Dutch or English (LANGUAGE's first Dutch or English entry,
 * read as gettext does, so not when the locale is C or POSIX; else
 * LC_ALL, LC_MESSAGES or LANG, the first one set), else Dutch. Returns
 * LANG_DUTCH or LANG_ENGLISH. */
const char *lang_choose(const char *option, const struct lang_env *e);

/* Takes every "--lang VALUE" and "--lang=VALUE" before a "--" out of argv
 * (its elements move up and *argc shrinks), so that the language is known
 * before any other option is read, and every subcommand accepts it. Sets
 * *value to the last value, or NULL when there is none. Returns 0, or
 * -EINVAL when the last --lang has no value. */
int lang_take_option(int *argc, char **argv, const char **value);

/* Binds the catalogues to their directory: AANDESLAG_LOCALEDIR when set,
 * else the installed one when it holds the English catalogue, else the
 * build directory's (the programs run from the build tree). Call once,
 * after setlocale(LC_ALL, ""). */
void lang_bind(void);

/* Makes lang (LANG_DUTCH or LANG_ENGLISH) the language of every _() text
 * and of content_text() from now on. English needs a locale other than C
 * for LC_MESSAGES; returns false when none could be set (the texts then
 * stay Dutch), else true. */
bool lang_apply(const char *lang);

/* Returns the language last applied: LANG_DUTCH or LANG_ENGLISH. */
const char *lang_current(void);

/* Returns the name of the language last applied, in that language
 * ("Nederlands", "English"). Static. */
const char *lang_name(void);

/* Returns the sentence, in the current language, that says English is
 * not available here (lang_apply() returned false). Static. */
const char *lang_unavailable(void);

/* Returns the name of the other language, in that language: what a key
 * that switches offers. Static. */
const char *lang_other_name(void);

#endif
