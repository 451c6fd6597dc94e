/* The poster's plan: step 4's activities with the competences they serve
 * and the chosen competences no activity serves yet, the activity map,
 * and step 5's actions with who, what is needed, for which study years
 * and when, and the time plan (tijdsplan) that puts them in order. An
 * action nobody has taken on stands out: on paper it would be the empty
 * box everyone sees. */
#include "poster.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

static const char *const months[12] = {
	N_("januari"), N_("februari"), N_("maart"), N_("april"), N_("mei"),
	N_("juni"), N_("juli"), N_("augustus"), N_("september"),
	N_("oktober"), N_("november"), N_("december"),
};

/* Reads the n digits at s; -1 if they are not all digits. */
static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

void
poster_date(const char *value, struct strbuf *out)
{
	size_t len = strlen(value);
	int year, month, day;

	year = len >= 7 && value[4] == '-' ? digits(value, 4) : -1;
	month = year >= 0 ? digits(value + 5, 2) : -1;
	if (month < 1 || month > 12 || (len != 7 && len != 10)) {
		strbuf_puts(out, value);
		return;
	}
	if (len == 10) {
		day = value[7] == '-' ? digits(value + 8, 2) : -1;
		if (day < 1) {
			strbuf_puts(out, value);
			return;
		}
		strbuf_printf(out, "%d ", day);
	}
	strbuf_printf(out, "%s %d", _(months[month - 1]), year);
}

void
poster_when(const Aandeslag__When *when, struct strbuf *out)
{
	if (when == NULL || when->kind == AANDESLAG__WHEN_KIND__WHEN_NONE)
		return;
	if (when->kind == AANDESLAG__WHEN_KIND__WHEN_PERIOD)
		strbuf_puts(out, when->value);
	else
		poster_date(when->value, out);
}

const char *
poster_status(int status)
{
	switch (status) {
	case AANDESLAG__ACTION_STATUS__ACTION_BUSY:
		return _("bezig");
	case AANDESLAG__ACTION_STATUS__ACTION_DONE:
		return _("klaar");
	default:
		return _("open");
	}
}

static const char *
place(int p)
{
	switch (p) {
	case AANDESLAG__PLACE__PLACE_ABROAD:
		return _("in het buitenland");
	case AANDESLAG__PLACE__PLACE_HOME:
		return _("in eigen land");
	default:
		return NULL;
	}
}

const char *
poster_activity_name(const struct model_room *room,
                     const Aandeslag__Activity *a)
{
	const Aandeslag__ContentActivity *cat = NULL;

	if (a->text[0] != '\0')
		return a->text;
	if (room->content != NULL)
		cat = content_activity(room->content, a->catalogue_id);
	return cat ? content_text(cat->name) : a->catalogue_id;
}

void
poster_activity(const struct model_room *room, const Aandeslag__Activity *a,
                struct strbuf *out)
{
	const char *where = place(a->place);
	size_t i;

	strbuf_printf(out, "%s (%s", poster_activity_name(room, a),
	              a->done ? _("doen we al") : _("nieuw"));
	if (where != NULL)
		strbuf_printf(out, ", %s", where);
	if (a->text[0] != '\0' && a->catalogue_id[0] != '\0')
		strbuf_printf(out, _(", van de kaart: %s"), a->catalogue_id);
	strbuf_printf(out, "; %s ", _("competenties:"));
	if (a->n_competence_ids == 0)
		strbuf_puts(out, _("nog geen"));
	for (i = 0; i < a->n_competence_ids; i++)
		strbuf_printf(out, "%s%s", i ? ", " : "", a->competence_ids[i]);
	strbuf_puts(out, ")");
}

/* Appends the chosen competences without an activity, or says that every
 * one has one. */
static void
uncovered(const struct model_room *room, int indent, struct strbuf *out)
{
	const char **ids;
	size_t i, n;

	if (room->nmarked == 0) {
		strbuf_printf(out, "%*s%s\n", indent, "",
		              _("Er zijn nog geen competenties gekozen (stap 3)."));
		return;
	}
	ids = malloc(room->nmarked * sizeof *ids);
	if (ids == NULL) {
		out->failed = 1;
		return;
	}
	n = model_uncovered(room, ids);
	if (n == 0)
		strbuf_printf(out, "%*s%s\n", indent, "",
		              _("Elke gekozen competentie heeft een activiteit."));
	else
		strbuf_printf(out, _("%*sGekozen competenties zonder activiteit (%zu):\n"),
		              indent, "", n);
	for (i = 0; i < n; i++)
		strbuf_printf(out, "%*s  %s: %s\n", indent, "", ids[i],
		              poster_competence(room, ids[i]));
	free(ids);
}

void
poster_plan_activities(const struct model_room *room, int indent,
                       struct strbuf *out)
{
	const Aandeslag__Activity *a;
	size_t i;

	strbuf_printf(out, "%*s%s\n", indent, "", _("Activiteiten:"));
	for (i = 0; i < room->activities.n; i++) {
		a = (const Aandeslag__Activity *)room->activities.v[i].msg;
		strbuf_printf(out, "%*s- [a%" PRIu32 "] ", indent, "", a->id);
		poster_activity(room, a, out);
		strbuf_puts(out, "\n");
	}
	if (room->activities.n == 0)
		strbuf_printf(out, "%*s%s\n", indent, "",
		              _("(nog geen activiteiten)"));
	uncovered(room, indent, out);
}

void
poster_uncovered(const struct model_room *room, struct strbuf *out)
{
	uncovered(room, 0, out);
}

void
poster_catalogue(const struct model_room *room, struct strbuf *out)
{
	static const int places[] = { AANDESLAG__PLACE__PLACE_ABROAD,
	                              AANDESLAG__PLACE__PLACE_HOME };
	const Aandeslag__Content *c = room->content ? room->content->msg : NULL;
	const Aandeslag__ContentActivity *cat;
	const Aandeslag__Activity *a;
	size_t i, j, k;

	strbuf_printf(out, "%s\n", _("Activiteitenkaart (stap 4): voorbeelden, in het buitenland en in eigen land (internationalisation at home)."));
	for (k = 0; k < 2; k++) {
		strbuf_printf(out, "%s:\n", k == 0 ? _("In het buitenland") :
		              _("In eigen land"));
		for (i = 0; c != NULL && i < c->n_activities; i++) {
			cat = c->activities[i];
			if ((int)cat->place != places[k])
				continue;
			strbuf_printf(out, "  %s: %s", cat->id,
			              content_text(cat->name));
			/* Which activities on the poster came from here. */
			for (j = 0; j < room->activities.n; j++) {
				a = (const Aandeslag__Activity *)
				    room->activities.v[j].msg;
				if (strcmp(a->catalogue_id, cat->id) == 0)
					strbuf_printf(out, _(" (op de poster: a%" PRIu32 ")"),
					              a->id);
			}
			strbuf_puts(out, "\n");
		}
	}
}

/* ---------------------------------------------------------- step 5 */

void
poster_action_piece(void (*render)(const Aandeslag__Action *, struct strbuf *),
                    const Aandeslag__Action *a,
                    void (*put)(const char *, struct strbuf *),
                    struct strbuf *out)
{
	struct strbuf piece = { 0 };

	render(a, &piece);
	if (piece.failed)
		out->failed = 1;
	put(strbuf_str(&piece), out);
	strbuf_free(&piece);
}

void
poster_owners(const Aandeslag__Action *a, struct strbuf *out)
{
	const Aandeslag__Owner *o;
	size_t i;

	if (a->n_owners == 0) {
		strbuf_printf(out, "!! %s", _("nog niemand"));
		return;
	}
	for (i = 0; i < a->n_owners; i++) {
		o = a->owners[i];
		if (i > 0)
			strbuf_puts(out, ", ");
		if (o == NULL)
			strbuf_puts(out, "?");
		else if (o->kind == AANDESLAG__OWNER_KIND__OWNER_TEAM)
			strbuf_puts(out, _("het team"));
		else
			strbuf_puts(out, o->name[0] ? o->name : "?");
	}
}

void
poster_needs(const Aandeslag__Action *a, struct strbuf *out)
{
	static const char *const words[] = { N_("financi\xc3\xabn"),
	                                     N_("kennis"), N_("hulpmiddelen"),
	                                     N_("partners"), N_("tijd") };
	bool first = true;
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (a->needs & (1u << i)) {
			strbuf_printf(out, "%s%s", first ? "" : ", ",
			              _(words[i]));
			first = false;
		}
	if (a->needs_text[0] != '\0')
		strbuf_printf(out, "%s%s", first ? "" : "; ", a->needs_text);
}

void
poster_years(uint32_t years, struct strbuf *out)
{
	uint32_t year;
	bool first = true;

	for (year = 1; year <= 4; year++)
		if (years & (1u << year)) {
			strbuf_printf(out, "%s%" PRIu32,
			              first ? _("leerjaar ") : ", ", year);
			first = false;
		}
}

/* The activity an action belongs to, or NULL. */
static const Aandeslag__Activity *
activity_of(const struct model_room *room, const Aandeslag__Action *a)
{
	if (a->activity_id == 0)
		return NULL;
	return (const Aandeslag__Activity *)items_find(&room->activities,
	                                               a->activity_id);
}

void
poster_action(const struct model_room *room, const Aandeslag__Action *a,
              struct strbuf *out)
{
	const Aandeslag__Activity *act = activity_of(room, a);

	strbuf_printf(out, "%s (%s ", a->text, _("wie:"));
	poster_owners(a, out);
	if (a->needs != 0 || a->needs_text[0] != '\0') {
		strbuf_printf(out, "; %s ", _("nodig:"));
		poster_needs(a, out);
	}
	if (a->study_years != 0) {
		strbuf_puts(out, "; ");
		poster_years(a->study_years, out);
	}
	if (a->when != NULL &&
	    a->when->kind != AANDESLAG__WHEN_KIND__WHEN_NONE) {
		strbuf_printf(out, "; %s ", _("wanneer:"));
		poster_when(a->when, out);
	}
	strbuf_printf(out, "; %s %s", _("status:"), poster_status(a->status));
	if (act != NULL)
		strbuf_printf(out, _("; bij activiteit a%" PRIu32), act->id);
	strbuf_puts(out, ")");
}

/* Appends an action as a block of lines, for the poster. */
static void
action_block(const struct model_room *room, const Aandeslag__Action *a,
             int indent, struct strbuf *out)
{
	const Aandeslag__Activity *act = activity_of(room, a);

	strbuf_printf(out, "%*s- [p%" PRIu32 "] %s\n", indent, "", a->id,
	              a->text);
	strbuf_printf(out, "%*s    %s ", indent, "", _("wie:"));
	poster_owners(a, out);
	strbuf_puts(out, "\n");
	if (a->needs != 0 || a->needs_text[0] != '\0') {
		strbuf_printf(out, "%*s    %s ", indent, "", _("nodig:"));
		poster_needs(a, out);
		strbuf_puts(out, "\n");
	}
	strbuf_printf(out, "%*s    ", indent, "");
	if (a->study_years != 0) {
		poster_years(a->study_years, out);
		strbuf_puts(out, "; ");
	}
	if (a->when != NULL &&
	    a->when->kind != AANDESLAG__WHEN_KIND__WHEN_NONE) {
		strbuf_printf(out, "%s ", _("wanneer:"));
		poster_when(a->when, out);
		strbuf_puts(out, "; ");
	}
	strbuf_printf(out, "%s %s\n", _("status:"), poster_status(a->status));
	if (act != NULL)
		strbuf_printf(out, _("%*s    bij activiteit a%" PRIu32 ": %s\n"),
		              indent, "", act->id,
		              poster_activity_name(room, act));
}

/* Whether an action has a place in the time plan: a date or a month. */
bool
poster_dated(const Aandeslag__Action *a)
{
	return a->when != NULL &&
	       (a->when->kind == AANDESLAG__WHEN_KIND__WHEN_DATE ||
	        a->when->kind == AANDESLAG__WHEN_KIND__WHEN_MONTH) &&
	       strlen(a->when->value) >= 7;
}

/* Orders dated actions by when ("2027-03" before "2027-03-15"), then id. */
int
poster_by_when(const void *x, const void *y)
{
	const Aandeslag__Action *a = *(const Aandeslag__Action *const *)x;
	const Aandeslag__Action *b = *(const Aandeslag__Action *const *)y;
	int c = strcmp(a->when->value, b->when->value);

	if (c != 0)
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Appends the dated actions of one study year (0: those without one),
 * sorted, under a heading per month. */
static void
plan_year(const Aandeslag__Action *const *v, size_t n, uint32_t year,
          int indent, struct strbuf *out)
{
	const Aandeslag__Action *a;
	char month[8] = "";
	bool any = false;
	size_t i;

	for (i = 0; i < n; i++) {
		a = v[i];
		if (year == 0 ? a->study_years != 0 :
		    !(a->study_years & (1u << year)))
			continue;
		if (!any) {
			if (year == 0)
				strbuf_printf(out, "%*s  %s\n", indent, "",
				              _("Zonder leerjaar:"));
			else
				strbuf_printf(out, _("%*s  Leerjaar %" PRIu32 ":\n"),
				              indent, "", year);
			any = true;
		}
		if (strncmp(month, a->when->value, 7) != 0) {
			memcpy(month, a->when->value, 7);
			month[7] = '\0';
			strbuf_printf(out, "%*s    ", indent, "");
			poster_date(month, out);
			strbuf_puts(out, ":\n");
		}
		strbuf_printf(out, "%*s      [p%" PRIu32 "] ", indent, "",
		              a->id);
		if (a->when->kind == AANDESLAG__WHEN_KIND__WHEN_DATE) {
			poster_date(a->when->value, out);
			strbuf_puts(out, ": ");
		}
		strbuf_printf(out, "%s (", a->text);
		poster_owners(a, out);
		strbuf_printf(out, "; %s)\n", poster_status(a->status));
	}
}

/* The time plan: dated actions by study year and month; the others are
 * named after it, so that none is forgotten. */
static void
time_plan(const struct model_room *room, int indent, struct strbuf *out)
{
	const Aandeslag__Action *v[MODEL_ACTIONS_MAX], *a;
	size_t i, n = 0, rest = 0;
	uint32_t year;

	for (i = 0; i < room->actions.n && n < MODEL_ACTIONS_MAX; i++) {
		a = (const Aandeslag__Action *)room->actions.v[i].msg;
		if (poster_dated(a))
			v[n++] = a;
	}
	strbuf_printf(out, "%*s%s\n", indent, "", _("Tijdsplan:"));
	if (n == 0)
		strbuf_printf(out, "%*s  %s\n", indent, "",
		              _("(nog geen acties met een datum of maand)"));
	qsort(v, n, sizeof v[0], poster_by_when);
	for (year = 1; year <= 4; year++)
		plan_year(v, n, year, indent, out);
	plan_year(v, n, 0, indent, out);
	for (i = 0; i < room->actions.n; i++) {
		a = (const Aandeslag__Action *)room->actions.v[i].msg;
		if (poster_dated(a))
			continue;
		if (rest++ == 0)
			strbuf_printf(out, "%*s  %s\n", indent, "",
			              _("Nog zonder datum of maand:"));
		strbuf_printf(out, "%*s      [p%" PRIu32 "] %s (", indent, "",
		              a->id, a->text);
		if (a->when != NULL &&
		    a->when->kind == AANDESLAG__WHEN_KIND__WHEN_PERIOD)
			strbuf_printf(out, "%s; ", a->when->value);
		poster_owners(a, out);
		strbuf_printf(out, "; %s)\n", poster_status(a->status));
	}
}

void
poster_plan_actions(const struct model_room *room, int indent,
                    struct strbuf *out)
{
	size_t i;

	strbuf_printf(out, "%*s%s\n", indent, "", _("Acties:"));
	for (i = 0; i < room->actions.n; i++)
		action_block(room, (const Aandeslag__Action *)
		             room->actions.v[i].msg, indent, out);
	if (room->actions.n == 0)
		strbuf_printf(out, "%*s%s\n", indent, "", _("(nog geen acties)"));
	time_plan(room, indent, out);
}
