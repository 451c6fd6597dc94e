/* The language of both programs: choosing it from the option and the
 * environment (pure), and switching gettext and the content texts to it.
 *
 * Dutch needs no catalogue: the message ids are the Dutch texts. English
 * comes from the "en" catalogue, which gettext looks up through LANGUAGE
 * and the locale of LC_MESSAGES. glibc ignores LANGUAGE while that locale
 * is "C" or "POSIX", and a machine may have no English locale at all
 * (Debian's CI images have only C.UTF-8, built into glibc since 2.35).
 * So English sets LANGUAGE=en and, when LC_MESSAGES is C or POSIX, moves
 * LC_MESSAGES alone to C.UTF-8, which is not "C" to gettext and changes
 * nothing else; with libintl elsewhere (macOS) an English locale may be
 * what works, and musl reads the catalogue's name from LC_MESSAGES
 * itself, so a short list of candidates is tried and each one checked
 * with a probe: the catalogue's own name for its language. */
#include "lang.h"

#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "config.h"
#include "content.h"
#include "i18n.h"

/* A message id whose English translation differs from it: when gettext
 * returns it unchanged, the English catalogue is not in use. It is the
 * language's name in itself. */
#define PROBE N_("Nederlands")

/* The locale LC_MESSAGES had at start-up, to come back to. */
static char start_messages[64] = "C";
static const char *current = LANG_DUTCH;

void
lang_env_read(struct lang_env *e)
{
	e->aandeslag_lang = getenv("AANDESLAG_LANG");
	e->language = getenv("LANGUAGE");
	e->lc_all = getenv("LC_ALL");
	e->lc_messages = getenv("LC_MESSAGES");
	e->lang = getenv("LANG");
}

const char *
lang_parse(const char *name)
{
	if (name == NULL)
		return NULL;
	if (strcasecmp(name, "nl") == 0)
		return LANG_DUTCH;
	if (strcasecmp(name, "en") == 0)
		return LANG_ENGLISH;
	return NULL;
}

const char *
lang_of_locale(const char *locale)
{
	size_t n;

	if (locale == NULL)
		return NULL;
	/* The language is what comes before the territory, the codeset or
	 * the modifier: "nl" of "nl_BE.UTF-8@euro". */
	n = strcspn(locale, "_.@");
	if (n == 2 && strncasecmp(locale, "nl", 2) == 0)
		return LANG_DUTCH;
	if (n == 2 && strncasecmp(locale, "en", 2) == 0)
		return LANG_ENGLISH;
	return NULL;
}

static bool
set(const char *s)
{
	return s != NULL && s[0] != '\0';
}

/* The first Dutch or English entry of a LANGUAGE list, or NULL. */
static const char *
language_list(const char *list)
{
	char entry[64];
	const char *p = list, *found;
	size_t n;

	while (*p != '\0') {
		n = strcspn(p, ":");
		if (n < sizeof entry) {
			memcpy(entry, p, n);
			entry[n] = '\0';
			if ((found = lang_of_locale(entry)) != NULL)
				return found;
		}
		p += n;
		if (*p == ':')
			p++;
	}
	return NULL;
}

const char *
lang_choose(const char *option, const struct lang_env *e)
{
	const char *locale, *found;

	if ((found = lang_parse(option)) != NULL)
		return found;
	if ((found = lang_parse(e->aandeslag_lang)) != NULL)
		return found;
	/* The locale of messages as POSIX reads it: LC_ALL over LC_MESSAGES
	 * over LANG; nothing set is the C locale. */
	locale = set(e->lc_all) ? e->lc_all :
	         set(e->lc_messages) ? e->lc_messages :
	         set(e->lang) ? e->lang : "C";
	/* gettext reads LANGUAGE before the locale, but not in the C locale
	 * (whose output POSIX fixes). */
	if (set(e->language) && strcmp(locale, "C") != 0 &&
	    strcmp(locale, "POSIX") != 0 &&
	    (found = language_list(e->language)) != NULL)
		return found;
	if ((found = lang_of_locale(locale)) != NULL)
		return found;
	return LANG_DUTCH;
}

int
lang_take_option(int *argc, char **argv, const char **value)
{
	int i = 1, take;
	bool missing = false;

	*value = NULL;
	while (i < *argc && strcmp(argv[i], "--") != 0) {
		take = 0;
		if (strcmp(argv[i], "--lang") == 0) {
			take = i + 1 < *argc ? 2 : 1;
			missing = take == 1;
			*value = take == 2 ? argv[i + 1] : NULL;
		} else if (strncmp(argv[i], "--lang=", 7) == 0) {
			take = 1;
			missing = false;
			*value = argv[i] + 7;
		}
		if (take == 0) {
			i++;
			continue;
		}
		/* Move the rest up, with the NULL that ends argv. */
		memmove(&argv[i], &argv[i + take],
		        (size_t)(*argc - i - take + 1) * sizeof argv[0]);
		*argc -= take;
	}
	return missing ? -EINVAL : 0;
}

void
lang_bind(void)
{
	const char *dir = getenv("AANDESLAG_LOCALEDIR");
	const char *messages = setlocale(LC_MESSAGES, NULL);

	if (!set(dir))
		dir = access(LOCALEDIR "/en/LC_MESSAGES/" GETTEXT_PACKAGE ".mo",
		             R_OK) == 0 ? LOCALEDIR : BUILD_LOCALEDIR;
	bindtextdomain(GETTEXT_PACKAGE, dir);
	/* The Dutch message ids are UTF-8 whatever the locale; so is the
	 * English. */
	bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
	if (messages != NULL)
		snprintf(start_messages, sizeof start_messages, "%s", messages);
}

/* Sets LC_MESSAGES to locale and says whether gettext now answers in
 * English (want true) or Dutch (want false). */
static bool
try_messages(const char *locale, bool want)
{
	const char *probe;

	if (setlocale(LC_MESSAGES, locale) == NULL)
		return false;
	/* gettext keeps what it translated until a counter moves, which
	 * textdomain() and setlocale() both do; the default domain itself is
	 * of no use to us (every text names its domain). */
	textdomain(GETTEXT_PACKAGE);
	probe = dgettext(GETTEXT_PACKAGE, PROBE);
	return (strcmp(probe, PROBE) != 0) == want;
}

bool
lang_apply(const char *lang)
{
	static const char *const english[] = {
		"C.UTF-8", "C.utf8", "en_US.UTF-8", "en_GB.UTF-8", "en",
	};
	bool want = strcmp(lang, LANG_ENGLISH) == 0;
	bool ok;
	size_t i;

	/* After the first call this replaces the value of a variable that
	 * exists, so the environment's array is not moved under a thread
	 * that reads it. */
	setenv("LANGUAGE", want ? LANG_ENGLISH : LANG_DUTCH, 1);
	ok = try_messages(start_messages, want);
	if (want) {
		for (i = 0; !ok && i < sizeof english / sizeof english[0]; i++)
			ok = try_messages(english[i], want);
	} else if (!ok) {
		ok = try_messages("C", want);
	}
	if (!ok) {
		/* No English here: all of it stays Dutch. */
		setenv("LANGUAGE", LANG_DUTCH, 1);
		try_messages(start_messages, false);
	}
	current = want && ok ? LANG_ENGLISH : LANG_DUTCH;
	content_set_language(current);
	return ok;
}

const char *
lang_current(void)
{
	return current;
}

const char *
lang_name(void)
{
	return _(PROBE);
}

const char *
lang_unavailable(void)
{
	return _("Engels is hier niet beschikbaar: de vertaling ontbreekt (zie README, Languages).");
}

const char *
lang_other_name(void)
{
	/* Each in its own language, not translated: whoever cannot read
	 * the one still finds the other. */
	return strcmp(current, LANG_ENGLISH) == 0 ? "Nederlands" : "English";
}
