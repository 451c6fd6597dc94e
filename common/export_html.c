/* The poster as one HTML page to print on A4 or to mail: everything the
 * team put on the poster, laid out like the paper one (a header, the five
 * steps as blocks, the actions on a page of their own), with the CSS
 * inline and no scripts, so that the file shows the same on any computer
 * and offline. A workshop's page puts a cover before the posters of all
 * its rooms, each starting on a new sheet. It is meant for a school
 * printer: black on white, borders rather than colours, nothing whose
 * meaning depends on a background.
 *
 * Every text from the room and from the content goes through text(), so
 * that nothing the team typed can become markup. Names are left out where
 * the room is anonymous, as on the poster itself; the owners of actions
 * stay, as in the other exports, because an action needs someone to do
 * it. The room's code is left out on purpose: a printed poster hangs on a
 * wall, and the code would let anyone who reads it join the room. */
#include "export_html.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "poster.h"

/* A dot of a tally: U+25CF BLACK CIRCLE, text so that it prints black. */
#define HTML_DOT "\xe2\x97\x8f"
/* The most dots drawn; more are only counted. */
#define HTML_DOTS_MAX 20

/* The style sheet, one rule a line (ISO C promises string literals of
 * 4095 bytes only). Portrait A4, as a school printer gives by default.
 * The grid has three columns, step 4 spanning two for its table; any
 * further block (the team's findings, say) simply flows on in the grid.
 * A block longer than what is left of a page goes on on the next one,
 * its border closed and opened again (box-decoration-break), rather
 * than leaving half a page blank. Sizes are in pt and mm so that print
 * and screen agree; nothing is smaller than 9pt. */
static const char *const css[] = {
	"@page { size: A4; margin: 10mm; }",
	"* { box-sizing: border-box; }",
	"html { color: #000; background: #fff; font-size: 9.5pt; "
	"line-height: 1.2; font-family: \"DejaVu Sans\", \"Liberation Sans\", "
	"Arial, Helvetica, sans-serif; }",
	"body { margin: 0 auto; max-width: 190mm; }",
	"@media screen { body { padding: 8mm; } "
	".actions { margin-top: 10mm; } }",
	".top { border-bottom: 2pt solid #000; padding-bottom: 2mm; "
	"margin-bottom: 3mm; }",
	".method { margin: 0; font-size: 9pt; letter-spacing: 0.06em; "
	"text-transform: uppercase; }",
	"h1 { font-size: 17pt; margin: 0.5mm 0 1mm; }",
	".facts { display: flex; flex-wrap: wrap; gap: 1mm 7mm; margin: 0; }",
	".facts div { display: flex; gap: 1.5mm; }",
	".facts dt { font-weight: bold; }",
	".facts dt::after { content: \":\"; }",
	".facts dd { margin: 0; }",
	".poster { display: grid; grid-template-columns: repeat(3, 1fr); "
	"gap: 3mm; }",
	".block { border: 1.5pt solid #000; border-radius: 3mm; "
	"padding: 2mm 3mm 2.5mm; -webkit-box-decoration-break: clone; "
	"box-decoration-break: clone; }",
	".step-4 { grid-column: span 2; }",
	".block h2, .actions h2 { display: flex; align-items: center; "
	"gap: 2mm; font-size: 13pt; margin: 0 0 1mm; }",
	".nr { display: inline-flex; align-items: center; "
	"justify-content: center; flex: none; width: 7mm; height: 7mm; "
	"border: 1.5pt solid #000; border-radius: 50%; font-size: 12pt; }",
	".question { font-style: italic; font-size: 10pt; margin: 0 0 1.5mm; }",
	"h3 { font-size: 10pt; margin: 2mm 0 0.8mm; "
	"border-bottom: 0.75pt solid #000; }",
	"h4 { font-size: 10pt; margin: 1.5mm 0 0.5mm; }",
	"ul { margin: 0; padding-left: 4.5mm; }",
	"li { margin: 0 0 0.5mm; break-inside: avoid; "
	"page-break-inside: avoid; }",
	".who, .sub { font-size: 9pt; }",
	".empty { font-style: italic; margin: 0; }",
	".dots { white-space: nowrap; }",
	"table { width: 100%; border-collapse: collapse; }",
	"th, td { border: 0.75pt solid #000; padding: 1.2mm 1.5mm; "
	"vertical-align: top; text-align: left; }",
	".activities { table-layout: fixed; }",
	".activities thead th:first-child { width: 20mm; }",
	".actions { break-before: page; page-break-before: always; }",
	".actions table { font-size: 10pt; }",
	".actions thead { display: table-header-group; }",
	".actions th { border-bottom-width: 1.5pt; }",
	".actions th:nth-child(2) { width: 36%; }",
	".actions tr { break-inside: avoid; page-break-inside: avoid; }",
	".nobody { font-weight: bold; }",
};

/* What a workshop's page adds: the cover with the day's schedule and
 * what each group brings back, and every room on a new page when printed
 * (on screen a rule between them). */
static const char *const css_workshop[] = {
	".cover h2 { font-size: 13pt; margin: 4mm 0 1.5mm; }",
	".schedule { width: auto; }",
	".schedule .report-back { font-weight: bold; }",
	".groups { display: grid; grid-template-columns: repeat(2, 1fr); "
	"gap: 3mm; }",
	".group { break-inside: avoid; page-break-inside: avoid; }",
	".group h3 { font-size: 11pt; margin: 0 0 1mm; }",
	".group a { color: inherit; text-decoration: none; }",
	".group ol { margin: 0; padding-left: 5mm; }",
	".room { break-before: page; page-break-before: always; }",
	"@media screen { .room { margin-top: 12mm; padding-top: 6mm; "
	"border-top: 2pt solid #000; } }",
};

/* Appends s with the five characters that mean something in HTML as
 * entities, so that it shows as typed in text and in quoted attributes
 * alike. The model keeps texts to one line of valid UTF-8, so nothing
 * else needs care. */
static void
text(const char *s, struct strbuf *out)
{
	const char *p, *run = s, *entity;

	if (s == NULL)
		return;
	for (p = s; *p != '\0'; p++) {
		switch (*p) {
		case '&': entity = "&amp;"; break;
		case '<': entity = "&lt;"; break;
		case '>': entity = "&gt;"; break;
		case '"': entity = "&quot;"; break;
		case '\'': entity = "&#39;"; break;
		default: continue;
		}
		strbuf_add(out, run, (size_t)(p - run));
		strbuf_puts(out, entity);
		run = p + 1;
	}
	strbuf_add(out, run, (size_t)(p - run));
}

/* Appends <tag class="cls">s</tag>, s escaped; cls may be NULL. */
static void
element(const char *tag, const char *cls, const char *s, struct strbuf *out)
{
	strbuf_printf(out, "<%s", tag);
	if (cls != NULL)
		strbuf_printf(out, " class=\"%s\"", cls);
	strbuf_puts(out, ">");
	text(s, out);
	strbuf_printf(out, "</%s>\n", tag);
}

/* Appends a paragraph saying a list is empty. */
static void
none(const char *what, struct strbuf *out)
{
	element("p", "empty", what, out);
}

/* Appends, escaped, what a poster renderer makes of an action. */
static void
rendered(void (*render)(const Aandeslag__Action *, struct strbuf *),
         const Aandeslag__Action *a, struct strbuf *out)
{
	poster_action_piece(render, a, text, out);
}

/* Appends the numbers 1..4 whose bit 1 << n is set: "3, 4". */
static void
numbers(uint32_t bits, struct strbuf *out)
{
	uint32_t n;
	bool first = true;

	for (n = 1; n <= 4; n++)
		if (bits & (1u << n)) {
			strbuf_printf(out, "%s%" PRIu32, first ? "" : ", ", n);
			first = false;
		}
}

static const char *
title_of(const struct model_room *room)
{
	return room->title != NULL && room->title[0] != '\0' ? room->title :
	       _("Werksessie");
}

/* Opens the page, titled title, with the style sheet; workshop adds the
 * rules of a workshop's cover and of its rooms. */
static void
head(const char *title, bool workshop, struct strbuf *out)
{
	size_t i;

	/* The language of the page is the language of its texts: Dutch
	 * unless a translation says otherwise. */
	strbuf_puts(out, "<!DOCTYPE html>\n<html lang=\"");
	text(_("nl"), out);
	strbuf_puts(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	            "<meta name=\"viewport\" "
	            "content=\"width=device-width, initial-scale=1\">\n"
	            "<title>");
	text(title, out);
	strbuf_puts(out, " \xe2\x80\x94 ");     /* an em dash */
	text(_("Aan de slag met internationalisering"), out);
	strbuf_puts(out, "</title>\n<style>\n");
	for (i = 0; i < sizeof css / sizeof css[0]; i++) {
		strbuf_puts(out, css[i]);
		strbuf_puts(out, "\n");
	}
	for (i = 0; workshop && i < sizeof css_workshop /
	     sizeof css_workshop[0]; i++) {
		strbuf_puts(out, css_workshop[i]);
		strbuf_puts(out, "\n");
	}
	strbuf_puts(out, "</style>\n</head>\n<body>\n");
}

/* Opens one fact of the header: <div><dt>label</dt><dd>. */
static void
fact_open(const char *label, struct strbuf *out)
{
	strbuf_puts(out, "<div><dt>");
	text(label, out);
	strbuf_puts(out, "</dt><dd>");
}

static void
fact_close(struct strbuf *out)
{
	strbuf_puts(out, "</dd></div>\n");
}

static void
fact(const char *label, const char *value, struct strbuf *out)
{
	fact_open(label, out);
	text(value, out);
	fact_close(out);
}

/* A date "2027-03-15" as the poster writes it, "15 maart 2027". */
static void
fact_date(const char *label, const char *value, struct strbuf *out)
{
	struct strbuf piece = { 0 };

	poster_date(value, &piece);
	if (piece.failed)
		out->failed = 1;
	fact(label, strbuf_str(&piece), out);
	strbuf_free(&piece);
}

static void
participants(const struct model_room *room, struct strbuf *out)
{
	const struct model_participant *p;
	size_t i;

	fact_open(_("Deelnemers"), out);
	if (room->settings.anonymous) {
		text(_("anoniem: de namen staan niet op deze poster"), out);
		fact_close(out);
		return;
	}
	for (i = 0; i < room->nparticipants; i++) {
		p = &room->participants[i];
		if (i > 0)
			strbuf_puts(out, ", ");
		text(p->name, out);
		if (p->role == AANDESLAG__ROLE__ROLE_CHAIR ||
		    p->role == AANDESLAG__ROLE__ROLE_SCRIBE) {
			strbuf_puts(out, " (");
			text(poster_role(p->role), out);
			strbuf_puts(out, ")");
		}
	}
	if (room->nparticipants == 0)
		text(_("(nog niemand)"), out);
	fact_close(out);
}

static void
header(const struct model_room *room, const char *date, struct strbuf *out)
{
	const struct model_settings *s = &room->settings;

	strbuf_puts(out, "<header class=\"top\">\n");
	element("p", "method", _("Aan de slag met internationalisering"), out);
	element("h1", NULL, title_of(room), out);
	strbuf_puts(out, "<dl class=\"facts\">\n");
	if (s->programme[0] != '\0')
		fact(_("Opleiding"), s->programme, out);
	if (s->qualification[0] != '\0')
		fact(_("Kwalificatiedossier"), s->qualification, out);
	if (s->levels != 0) {
		fact_open(_("Niveau"), out);
		numbers(s->levels, out);
		fact_close(out);
	}
	if (s->region[0] != '\0')
		fact(_("Regio"), s->region, out);
	if (date != NULL && date[0] != '\0')
		fact_date(_("Datum"), date, out);
	if (s->follow_up[0] != '\0')
		fact_date(_("Vervolgoverleg"), s->follow_up, out);
	participants(room, out);
	strbuf_puts(out, "</dl>\n");
	if (s->finished)
		element("p", "sub", _("De werksessie is afgerond."), out);
	strbuf_puts(out, "</header>\n");
}

static void
notes(const struct model_room *room, unsigned step, struct strbuf *out)
{
	const struct model_note *n;
	size_t i, count = 0;

	element("h3", NULL, _("Notities"), out);
	for (i = 0; i < room->nnotes; i++) {
		n = &room->notes[i];
		if (n->step != step)
			continue;
		strbuf_puts(out, count == 0 ? "<ul class=\"notes\">\n<li>" :
		            "<li>");
		text(n->text, out);
		if (!room->settings.anonymous && n->author_name != NULL &&
		    n->author_name[0] != '\0') {
			strbuf_puts(out, " <span class=\"who\">\xe2\x80\x94 ");
			text(n->author_name, out);
			strbuf_puts(out, "</span>");
		}
		strbuf_puts(out, "</li>\n");
		count++;
	}
	if (count > 0)
		strbuf_puts(out, "</ul>\n");
	else
		none(_("(nog geen notities)"), out);
}

/* Appends a competence the team chose, with its dots unless hidden. */
static void
chosen_one(const struct model_room *room, const char *id, struct strbuf *out)
{
	uint32_t dots, i;

	strbuf_puts(out, "<li>");
	text(poster_competence(room, id), out);
	if (!room->settings.votes_hidden) {
		dots = model_tally(room, id);
		strbuf_puts(out, " <span class=\"dots\">");
		for (i = 0; i < dots && i < HTML_DOTS_MAX; i++)
			strbuf_puts(out, HTML_DOT);
		if (dots > 0)
			strbuf_puts(out, " ");
		if (dots == 1)
			text(_("1 stip"), out);
		else
			strbuf_printf(out, _("%" PRIu32 " stippen"), dots);
		strbuf_puts(out, "</span>");
	}
	strbuf_puts(out, "</li>\n");
}

/* Step 3: the marked competences under the categories of the model, in
 * the model's order. A marked id the content does not know (a room made
 * with another content file) is listed at the end rather than lost. */
static void
chosen(const struct model_room *room, struct strbuf *out)
{
	const Aandeslag__Content *c = room->content ? room->content->msg : NULL;
	const Aandeslag__ContentCategory *cat;
	size_t i, j, listed = 0, unknown = 0;

	element("h3", NULL, _("Gekozen competenties"), out);
	if (room->settings.votes_hidden && room->nmarked > 0)
		element("p", "sub", _("De stemmen zijn nog verborgen."), out);
	for (i = 0; c != NULL && i < c->n_categories; i++) {
		size_t in_cat = 0;

		cat = c->categories[i];
		for (j = 0; j < cat->n_competences; j++) {
			if (!model_marked(room, cat->competences[j]->id))
				continue;
			if (in_cat++ == 0) {
				element("h4", NULL, content_text(cat->name),
				        out);
				strbuf_puts(out, "<ul class=\"chosen\">\n");
			}
			chosen_one(room, cat->competences[j]->id, out);
		}
		if (in_cat > 0)
			strbuf_puts(out, "</ul>\n");
		listed += in_cat;
	}
	for (i = 0; i < room->nmarked; i++) {
		if (c != NULL && content_competence(room->content,
		                                    room->marked[i], NULL))
			continue;
		if (unknown++ == 0) {
			element("h4", NULL, _("Overig"), out);
			strbuf_puts(out, "<ul class=\"chosen\">\n");
		}
		chosen_one(room, room->marked[i], out);
	}
	if (unknown > 0)
		strbuf_puts(out, "</ul>\n");
	if (listed + unknown == 0)
		none(_("(nog geen competenties gekozen)"), out);
}

/* Appends the activities that are done (or new) at place as a list. */
static void
activity_cell(const struct model_room *room, bool done, int place,
              struct strbuf *out)
{
	const Aandeslag__Activity *a;
	size_t i, j, count = 0;

	strbuf_puts(out, "<td>");
	for (i = 0; i < room->activities.n; i++) {
		a = (const Aandeslag__Activity *)room->activities.v[i].msg;
		if (a->done != done || (int)a->place != place)
			continue;
		strbuf_puts(out, count++ == 0 ? "<ul>\n<li>" : "<li>");
		text(poster_activity_name(room, a), out);
		if (a->n_competence_ids > 0) {
			strbuf_puts(out, " <span class=\"sub\">(");
			for (j = 0; j < a->n_competence_ids; j++) {
				if (j > 0)
					strbuf_puts(out, ", ");
				text(poster_competence(room,
				                       a->competence_ids[j]),
				     out);
			}
			strbuf_puts(out, ")</span>");
		}
		strbuf_puts(out, "</li>\n");
	}
	strbuf_puts(out, count > 0 ? "</ul></td>\n" : "</td>\n");
}

/* Step 4: the activities in a table, "doen we al" and "nieuw" by abroad
 * and at home, as the activity map divides them. A column for those
 * without a place appears only when there are such. */
static void
activities(const struct model_room *room, struct strbuf *out)
{
	static const int places[] = { AANDESLAG__PLACE__PLACE_ABROAD,
	                              AANDESLAG__PLACE__PLACE_HOME,
	                              AANDESLAG__PLACE__PLACE_UNSET };
	const Aandeslag__Activity *a;
	size_t i, nplaces = 2, row;

	element("h3", NULL, _("Activiteiten"), out);
	if (room->activities.n == 0) {
		none(_("(nog geen activiteiten)"), out);
		return;
	}
	for (i = 0; i < room->activities.n; i++) {
		a = (const Aandeslag__Activity *)room->activities.v[i].msg;
		if (a->place != AANDESLAG__PLACE__PLACE_ABROAD &&
		    a->place != AANDESLAG__PLACE__PLACE_HOME)
			nplaces = 3;
	}
	strbuf_puts(out, "<table class=\"activities\">\n<thead><tr><th></th>");
	element("th", NULL, _("In het buitenland"), out);
	element("th", NULL, _("In eigen land"), out);
	if (nplaces == 3)
		element("th", NULL, _("Plaats nog open"), out);
	strbuf_puts(out, "</tr></thead>\n<tbody>\n");
	for (row = 0; row < 2; row++) {
		strbuf_puts(out, "<tr><th scope=\"row\">");
		text(row == 0 ? _("Doen we al") : _("Nieuw"), out);
		strbuf_puts(out, "</th>\n");
		for (i = 0; i < nplaces; i++)
			activity_cell(room, row == 0, places[i], out);
		strbuf_puts(out, "</tr>\n");
	}
	strbuf_puts(out, "</tbody>\n</table>\n");
}

/* Step 5 on the poster: where the actions are. */
static void
actions_pointer(const struct model_room *room, struct strbuf *out)
{
	element("h3", NULL, _("Acties"), out);
	if (room->actions.n == 0)
		none(_("(nog geen acties)"), out);
	else if (room->actions.n == 1)
		element("p", NULL, _("De actie staat op de volgende bladzijde."),
		        out);
	else {
		strbuf_puts(out, "<p>");
		strbuf_printf(out, _("De %zu acties staan op de volgende bladzijde."),
		              room->actions.n);
		strbuf_puts(out, "</p>\n");
	}
}

/* Appends the findings of room as an ordered list, or a paragraph that
 * there are none yet. */
static void
finding_list(const struct model_room *room, struct strbuf *out)
{
	size_t i;

	if (room->findings.n == 0) {
		element("p", "empty", _("Nog geen bevindingen."), out);
		return;
	}
	strbuf_puts(out, "<ol>\n");
	for (i = 0; i < room->findings.n; i++) {
		const Aandeslag__Finding *f =
			(const Aandeslag__Finding *)room->findings.v[i].msg;

		strbuf_puts(out, "<li>");
		text(f->text, out);
		strbuf_puts(out, "</li>\n");
	}
	strbuf_puts(out, "</ol>\n");
}

/* What the room brings back to the plenary of a workshop, when it is
 * part of one or has marked anything. id goes before the element's id
 * (see poster()). */
static void
findings(const struct model_room *room, const char *id, struct strbuf *out)
{
	if (!poster_reports_back(room))
		return;
	strbuf_printf(out, "<section class=\"block findings\" "
	              "id=\"%sfindings\">\n<h2>", id);
	text(_("Terugkoppeling"), out);
	strbuf_puts(out, "</h2>\n");
	finding_list(room, out);
	strbuf_puts(out, "</section>\n");
}

/* One block of the poster; id as for findings(). */
static void
step_block(const struct model_room *room, unsigned step, const char *id,
           struct strbuf *out)
{
	strbuf_printf(out, "<section class=\"block step step-%u\" "
	              "id=\"%sstep-%u\">\n<h2><span class=\"nr\">%u</span> ",
	              step, id, step, step);
	text(poster_step_name(room, step), out);
	strbuf_puts(out, "</h2>\n");
	element("p", "question", poster_step_question(room, step), out);
	notes(room, step, out);
	if (step == 3)
		chosen(room, out);
	else if (step == 4)
		activities(room, out);
	else if (step == 5)
		actions_pointer(room, out);
	strbuf_puts(out, "</section>\n");
}

static void
needs(const Aandeslag__Action *a, struct strbuf *out)
{
	if (a->needs != 0 || (a->needs_text != NULL && a->needs_text[0] != '\0'))
		poster_needs(a, out);
}

static void
when(const Aandeslag__Action *a, struct strbuf *out)
{
	poster_when(a->when, out);
}

/* One row of the actions table. */
static void
action_row(const struct model_room *room, const Aandeslag__Action *a,
           struct strbuf *out)
{
	const Aandeslag__Activity *act = NULL;

	if (a->activity_id != 0)
		act = (const Aandeslag__Activity *)
		      items_find(&room->activities, a->activity_id);
	strbuf_printf(out, "<tr><td>p%" PRIu32 "</td><td>", a->id);
	text(a->text, out);
	if (act != NULL) {
		strbuf_puts(out, "<br><span class=\"sub\">");
		text(_("activiteit"), out);
		strbuf_puts(out, ": ");
		text(poster_activity_name(room, act), out);
		strbuf_puts(out, "</span>");
	}
	strbuf_puts(out, "</td><td>");
	/* Nobody yet stands out, as the empty box would on paper. */
	if (a->n_owners == 0) {
		strbuf_puts(out, "<strong class=\"nobody\">");
		text(_("nog niemand"), out);
		strbuf_puts(out, "</strong>");
	} else {
		rendered(poster_owners, a, out);
	}
	strbuf_puts(out, "</td><td>");
	rendered(needs, a, out);
	strbuf_puts(out, "</td><td>");
	numbers(a->study_years, out);
	strbuf_puts(out, "</td><td>");
	rendered(when, a, out);
	strbuf_puts(out, "</td><td>");
	text(poster_status(a->status), out);
	strbuf_puts(out, "</td></tr>\n");
}

/* The actions on a page of their own: the table grows with the team's
 * plans and would not fit in a block of the poster. id as for
 * findings(). */
static void
actions(const struct model_room *room, const char *id, struct strbuf *out)
{
	static const char *const columns[] = {
		N_("nr"), N_("actie"), N_("wie"), N_("nodig"), N_("leerjaren"),
		N_("wanneer"), N_("status"),
	};
	size_t i;

	strbuf_printf(out, "<section class=\"actions\" id=\"%sactions\">\n"
	              "<h2><span class=\"nr\">5</span> ", id);
	text(_("Acties"), out);
	strbuf_puts(out, "</h2>\n");
	element("p", "sub", title_of(room), out);
	if (room->actions.n == 0) {
		none(_("(nog geen acties)"), out);
		strbuf_puts(out, "</section>\n");
		return;
	}
	strbuf_puts(out, "<table>\n<thead><tr>");
	for (i = 0; i < sizeof columns / sizeof columns[0]; i++) {
		strbuf_puts(out, "<th scope=\"col\">");
		text(_(columns[i]), out);
		strbuf_puts(out, "</th>");
	}
	strbuf_puts(out, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < room->actions.n; i++)
		action_row(room, (const Aandeslag__Action *)
		           room->actions.v[i].msg, out);
	strbuf_puts(out, "</tbody>\n</table>\n</section>\n");
}

/* Appends the poster of room and its page of actions. id is NULL on a
 * page of one room, whose poster is the page's <main>; on a workshop's
 * page it is the room's own prefix for the ids of its parts, which must
 * stay unique, and the poster a <div>, as a page has one <main> only. */
static void
poster(const struct model_room *room, const char *date, const char *id,
       struct strbuf *out)
{
	const char *box = id == NULL ? "main" : "div";
	unsigned step;

	if (id == NULL)
		id = "";
	header(room, date, out);
	/* The blocks of the poster. A block of its own (the team's findings,
	 * say) is one more <section class="block"> after the steps: the
	 * grid places it. */
	strbuf_printf(out, "<%s class=\"poster\">\n", box);
	for (step = 1; step <= STEPS_COUNT; step++)
		step_block(room, step, id, out);
	findings(room, id, out);
	strbuf_printf(out, "</%s>\n", box);
	actions(room, id, out);
}

void
export_html(const struct model_room *room, const char *date,
            struct strbuf *out)
{
	head(title_of(room), false, out);
	poster(room, date, NULL, out);
	strbuf_puts(out, "</body>\n</html>\n");
}

/* The day's schedule on the cover, the report back in bold and said in
 * words too, for a printer without bold. */
static void
schedule(const Aandeslag__WorkshopStatus *ws, struct strbuf *out)
{
	const Aandeslag__ScheduleItem *item;
	size_t i;

	if (ws->n_schedule == 0)
		return;
	element("h2", NULL, _("Rooster"), out);
	strbuf_puts(out, "<table class=\"schedule\">\n<tbody>\n");
	for (i = 0; i < ws->n_schedule; i++) {
		item = ws->schedule[i];
		strbuf_puts(out, item->report_back ?
		            "<tr class=\"report-back\"><td>" : "<tr><td>");
		text(item->time, out);
		strbuf_puts(out, "</td><td>");
		text(item->label, out);
		if (item->report_back)
			text(_(" (terugkoppeling)"), out);
		strbuf_puts(out, "</td></tr>\n");
	}
	strbuf_puts(out, "</tbody>\n</table>\n");
}

/* What every group brings back, side by side on the cover, each linked
 * to its poster. */
static void
overview(const struct model_room *const *rooms, size_t n, struct strbuf *out)
{
	size_t i;

	element("h2", NULL, _("Overzicht"), out);
	if (n == 0) {
		none(_("(nog geen groepen)"), out);
		return;
	}
	strbuf_puts(out, "<div class=\"groups\">\n");
	for (i = 0; i < n; i++) {
		strbuf_printf(out, "<section class=\"block group\">\n"
		              "<h3><a href=\"#g%zu\">", i + 1);
		text(title_of(rooms[i]), out);
		strbuf_puts(out, "</a></h3>\n");
		finding_list(rooms[i], out);
		strbuf_puts(out, "</section>\n");
	}
	strbuf_puts(out, "</div>\n");
}

void
export_html_workshop(const Aandeslag__WorkshopStatus *ws,
                     const struct model_room *const *rooms, size_t n,
                     const char *date, struct strbuf *out)
{
	const char *title = ws->title != NULL && ws->title[0] != '\0' ?
	                    ws->title : _("Studiedag");
	char id[32];
	size_t i;

	/* The study day's own date where it has one: every poster of it is
	 * dated that day, whenever the page is made. */
	if (ws->date != NULL && ws->date[0] != '\0')
		date = ws->date;
	head(title, true, out);
	/* The workshop's code is left out, as a room's is: a printed page
	 * can be read by anyone, and the code would let them in. */
	strbuf_puts(out, "<header class=\"top\">\n");
	element("p", "method", _("Aan de slag met internationalisering"), out);
	element("h1", NULL, title, out);
	strbuf_puts(out, "<dl class=\"facts\">\n");
	if (date != NULL && date[0] != '\0')
		fact_date(_("Datum"), date, out);
	fact_open(_("Groepen"), out);
	strbuf_printf(out, "%zu", n);
	fact_close(out);
	strbuf_puts(out, "</dl>\n</header>\n<main>\n"
	            "<section class=\"cover\">\n");
	schedule(ws, out);
	overview(rooms, n, out);
	strbuf_puts(out, "</section>\n");
	for (i = 0; i < n; i++) {
		snprintf(id, sizeof id, "g%zu-", i + 1);
		strbuf_printf(out, "<article class=\"room\" id=\"g%zu\">\n",
		              i + 1);
		poster(rooms[i], date, id, out);
		strbuf_puts(out, "</article>\n");
	}
	strbuf_puts(out, "</main>\n</body>\n</html>\n");
}
