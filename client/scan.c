/* The words of a command line and what they name: the tokenizer, options,
 * numbers and the ids the poster prints, and looking names and ids up in
 * the client's mirror of the room. */
#include "scan.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "lang.h"
#include "number.h"

static const char item_letter[] = { 'n', 'e', 'a', 'p', 't' };

/* Fills the error; the formats are our own (translated) texts, checked by
 * the compiler, never anything the user typed. */
int
scan_fail(struct scan *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->error, CMD_ERROR_SIZE, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

bool
scan_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	       c == '\v';
}

char *
scan_skip_space(char *s)
{
	while (scan_is_space(*s))
		s++;
	return s;
}

bool
scan_start(struct scan *s, char *line)
{
	size_t n = strlen(line);

	while (n > 0 && scan_is_space(line[n - 1]))
		line[--n] = '\0';
	s->p = scan_skip_space(line);
	return *s->p != '\0' && *s->p != '#';
}

/* Cuts the next word out of the line: a run of characters up to a space,
 * or whatever stands between double quotes, which may be empty. Returns
 * 0, -ENOENT at the end of the line, or -EINVAL (an open quote). */
int
scan_word(struct scan *s, char **w)
{
	char *b = s->p, *e;

	if (*b == '\0')
		return -ENOENT;
	if (*b == '"') {
		e = strchr(b + 1, '"');
		if (e == NULL)
			return scan_fail(s, "%s", _("Er ontbreekt een aanhalingsteken (\") aan het eind."));
		if (e[1] != '\0' && !scan_is_space(e[1]))
			return scan_fail(s, "%s", _("Na een aanhalingsteken (\") hoort een spatie."));
		*e++ = '\0';
		*w = b + 1;
	} else {
		for (e = b; *e != '\0' && !scan_is_space(*e); e++)
			;
		if (*e != '\0')
			*e++ = '\0';
		*w = b;
	}
	s->p = scan_skip_space(e);
	return 0;
}

/* Like scan_word(), but the word must be there: else the error is msg. */
int
scan_need_word(struct scan *s, char **w, const char *msg)
{
	int rc = scan_word(s, w);

	if (rc == -ENOENT)
		return scan_fail(s, "%s", msg);
	return rc;
}

/* The value of option opt. */
int
scan_value(struct scan *s, const char *opt, char **w)
{
	int rc = scan_word(s, w);

	if (rc == -ENOENT)
		return scan_fail(s, _("Na %s hoort een waarde; typ help voor de lijst."),
				 opt);
	return rc;
}

/* Reads the next option: 1 with *opt set, or 0 when the options are over
 * (a lone "--" ends them and is dropped, so a text may begin with --). */
int
scan_option(struct scan *s, char **opt)
{
	if (s->p[0] != '-' || s->p[1] != '-')
		return 0;
	if (s->p[2] == '\0' || scan_is_space(s->p[2])) {
		s->p = scan_skip_space(s->p + 2);
		return 0;
	}
	return scan_word(s, opt) == 0 ? 1 : -EINVAL;
}

int
scan_bad_option(struct scan *s, const char *opt)
{
	return scan_fail(s, _("%s kent de optie %s niet; typ help voor de lijst. Begint je tekst met --, zet er dan -- en een spatie voor."),
			 s->name, opt);
}

/* The line must end here. */
int
scan_done(struct scan *s)
{
	if (*s->p != '\0')
		return scan_fail(s, _("Te veel woorden na %s."), s->name);
	return 0;
}

int
scan_lang(struct scan *s, const char **lang)
{
	char *w;

	if (scan_need_word(s, &w, _("Na lang hoort nl (Nederlands) of en (Engels).")) < 0)
		return -EINVAL;
	if ((*lang = lang_parse(w)) == NULL)
		return scan_fail(s, _("lang verwacht nl of en, niet \"%s\"."), w);
	return scan_done(s);
}

bool
scan_is(const char *w, const char *keyword)
{
	return strcasecmp(w, keyword) == 0;
}

/* Parses a whole number from min to max. */
int
scan_count(const char *w, long long min, long long max, uint32_t *out)
{
	long long v;

	if (number_parse(w, min, max, &v) < 0)
		return -EINVAL;
	*out = (uint32_t)v;
	return 0;
}

int
scan_step(struct scan *s, const char *w, uint32_t *out)
{
	if (scan_count(w, 1, STEPS_COUNT, out) < 0)
		return scan_fail(s, _("%s verwacht een stap van 1 tot en met 5, niet \"%s\"."),
				 s->name, w);
	return 0;
}

bool
scan_has_content(const struct model_room *room)
{
	return room != NULL && room->content != NULL &&
	       room->content->msg != NULL;
}

/* Whether the room is there to look things up in. */
int
scan_need_room(struct scan *s)
{
	if (s->room == NULL)
		return scan_fail(s, _("%s kan pas in een werksessie."), s->name);
	s->out->mirrored = true;
	return 0;
}

const struct model_participant *
scan_find_name(const struct model_room *room, const char *name)
{
	size_t i;

	for (i = 0; i < room->nparticipants; i++)
		if (strcasecmp(room->participants[i].name, name) == 0)
			return &room->participants[i];
	return NULL;
}

/* Finds the seated participant called name. */
int
scan_seated(struct scan *s, const char *name, uint32_t *id)
{
	const struct model_participant *p;

	if (scan_need_room(s) < 0)
		return -EINVAL;
	p = scan_find_name(s->room, name);
	if (p == NULL)
		return scan_fail(s, _("Niemand in deze werksessie heet \"%s\"; typ who voor de namen."),
				 name);
	*id = p->id;
	return 0;
}

/* Choosing an id from a list by what was typed: the id itself in any
 * case, or the start of exactly one id, since the ids are long. */
struct pick {
	const char *typed;
	const char *exact, *prefix;
	size_t prefixes;
};

static void
pick(struct pick *p, const char *id)
{
	size_t n = strlen(p->typed);

	if (strcasecmp(p->typed, id) == 0) {
		p->exact = id;
	} else if (n > 0 && strncasecmp(p->typed, id, n) == 0) {
		p->prefix = id;
		p->prefixes++;
	}
}

static const char *
picked(const struct pick *p)
{
	if (p->exact != NULL)
		return p->exact;
	return p->prefixes == 1 ? p->prefix : NULL;
}

/* Resolves a competence id against the content; the id sent points into
 * the content. Without a room the id is taken as typed. */
int
scan_competence(struct scan *s, char *w, char **out)
{
	const Aandeslag__Content *c;
	struct pick p = { .typed = w };
	size_t i, j;

	if (!scan_has_content(s->room)) {
		*out = w;
		return 0;
	}
	c = s->room->content->msg;
	for (i = 0; i < c->n_categories; i++)
		for (j = 0; j < c->categories[i]->n_competences; j++)
			pick(&p, c->categories[i]->competences[j]->id);
	if (picked(&p) == NULL && p.prefixes > 1)
		return scan_fail(s, _("\"%s\" past bij meer dan een competentie; typ meer van het id (model toont ze)."),
				 w);
	if (picked(&p) == NULL)
		return scan_fail(s, _("Het competentiemodel kent \"%s\" niet; typ model voor de ids."),
				 w);
	*out = (char *)picked(&p);
	return 0;
}

int
scan_catalogue(struct scan *s, char *w, char **out)
{
	const Aandeslag__Content *c;
	struct pick p = { .typed = w };
	size_t i;

	if (!scan_has_content(s->room)) {
		*out = w;
		return 0;
	}
	c = s->room->content->msg;
	for (i = 0; i < c->n_activities; i++)
		pick(&p, c->activities[i]->id);
	if (picked(&p) == NULL && p.prefixes > 1)
		return scan_fail(s, _("\"%s\" past bij meer dan een activiteit van de kaart; typ meer van het id (catalogue toont ze)."),
				 w);
	if (picked(&p) == NULL)
		return scan_fail(s, _("De activiteitenkaart kent \"%s\" niet; typ catalogue voor de ids."),
				 w);
	*out = (char *)picked(&p);
	return 0;
}

/* Splits a list ("1,2", "kennis, tijd") in place at commas and spaces.
 * "none" is the empty list. Returns 0, or -E2BIG for more than max. */
int
scan_split(char *v, char **items, size_t max, size_t *n)
{
	char *p = v, *start;

	*n = 0;
	if (scan_is(v, "none") || scan_is(v, "geen"))
		return 0;
	while (*p != '\0') {
		while (*p == ',' || scan_is_space(*p))
			p++;
		if (*p == '\0')
			break;
		start = p;
		while (*p != '\0' && *p != ',' && !scan_is_space(*p))
			p++;
		if (*p != '\0')
			*p++ = '\0';
		if (*n == max)
			return -E2BIG;
		items[(*n)++] = start;
	}
	return 0;
}


/* Reads an item id from w, "a4" or "4". */
int
scan_item_id_of(struct scan *s, enum scan_item kind, const char *w, uint32_t *out)
{
	const char *digits = w;

	if (w[0] == item_letter[kind] || w[0] == item_letter[kind] - 'a' + 'A')
		digits++;
	if (scan_count(digits, 1, UINT32_MAX, out) == 0)
		return 0;
	switch (kind) {
	case SCAN_NOTE:
		return scan_fail(s, _("Een notitie heeft een nummer zoals n3, niet \"%s\"."), w);
	case SCAN_QUESTION:
		return scan_fail(s, _("Een eigen vraag heeft een nummer zoals e2, niet \"%s\"."), w);
	case SCAN_ACTIVITY:
		return scan_fail(s, _("Een activiteit heeft een nummer zoals a4, niet \"%s\"."), w);
	case SCAN_FINDING:
		return scan_fail(s, _("Een bevinding heeft een nummer zoals t2, niet \"%s\"."), w);
	default:
		return scan_fail(s, _("Een actie heeft een nummer zoals p2, niet \"%s\"."), w);
	}
}

int
scan_item_id(struct scan *s, enum scan_item kind, uint32_t *out)
{
	char *w;
	int rc = scan_word(s, &w);

	if (rc == -ENOENT)
		return scan_fail(s, _("Na %s hoort een nummer zoals de poster het toont, bijvoorbeeld n3, e2, a4 of p2."),
		                 s->name);
	if (rc < 0)
		return rc;
	return scan_item_id_of(s, kind, w, out);
}

/* Finds item id of kind in the mirror, for an edit or a link. */
const void *
scan_item(struct scan *s, enum scan_item kind, uint32_t id)
{
	const void *item;

	if (scan_need_room(s) < 0)
		return NULL;
	item = items_find(kind == SCAN_ACTIVITY ? &s->room->activities :
	                  &s->room->actions, id);
	if (item == NULL && kind == SCAN_ACTIVITY)
		scan_fail(s, _("Er is geen activiteit a%" PRIu32 " op de poster."), id);
	else if (item == NULL)
		scan_fail(s, _("Er is geen actie p%" PRIu32 " op de poster."), id);
	return item;
}

