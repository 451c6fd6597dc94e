/* The poster as Markdown (CommonMark, with a pipe table for the actions
 * as GitHub and Python-Markdown's tables extension read it), alone or as
 * one of the posters of a workshop. Every text from the team, and the
 * content's texts too, goes through text(), so that it shows as typed: no
 * links, emphasis, headings or HTML of its own, and no '|' that breaks
 * the table. The texts are single lines (the model sees to that), so
 * nothing can start a new block. Names are left out where the room is
 * anonymous, as on the poster itself. */
#include "export_md.h"

#include <inttypes.h>
#include <string.h>

#include "i18n.h"
#include "poster.h"

/* Appends s escaped. CommonMark allows a backslash before any ASCII
 * punctuation; these are the characters that mean something in it (or in
 * a table). '<' and '&' become entities instead: CommonMark reads both
 * forms, but Python-Markdown knows no "\<" or "\&" and would show the
 * backslash. */
static void
text(const char *s, struct strbuf *out)
{
	const char *p, *run = s;

	for (p = s; *p != '\0'; p++) {
		if (*p != '<' && *p != '&' &&
		    strchr("\\`*_{}[]()#+-.!|>", *p) == NULL)
			continue;
		strbuf_add(out, run, (size_t)(p - run));
		if (*p == '<')
			strbuf_puts(out, "&lt;");
		else if (*p == '&')
			strbuf_puts(out, "&amp;");
		else {
			strbuf_puts(out, "\\");
			strbuf_add(out, p, 1);
		}
		run = p + 1;
	}
	strbuf_add(out, run, (size_t)(p - run));
}

/* Appends, escaped, what a poster renderer makes of an action. */
static void
rendered(void (*render)(const Aandeslag__Action *, struct strbuf *),
         const Aandeslag__Action *a, struct strbuf *out)
{
	poster_action_piece(render, a, text, out);
}

static void
when(const Aandeslag__Action *a, struct strbuf *out)
{
	poster_when(a->when, out);
}

static void
needs(const Aandeslag__Action *a, struct strbuf *out)
{
	if (a->needs != 0 || (a->needs_text != NULL && a->needs_text[0] != '\0'))
		poster_needs(a, out);
}

/* Appends the ATX heading marker of level (1..6): that many '#' and a
 * space. A room's poster takes its levels from the level of its title
 * (top), so that a workshop can put it one level down. */
static void
hashes(unsigned level, struct strbuf *out)
{
	static const char marks[] = "######";

	strbuf_add(out, marks, level < sizeof marks - 1 ? level :
	           sizeof marks - 1);
	strbuf_puts(out, " ");
}

/* One item of the header list: "- label: value". */
static void
fact(const char *label, const char *value, struct strbuf *out)
{
	strbuf_puts(out, "- ");
	text(label, out);
	strbuf_puts(out, ": ");
	text(value, out);
	strbuf_puts(out, "\n");
}

static void
header(const struct model_room *room, unsigned top, struct strbuf *out)
{
	const struct model_settings *s = &room->settings;
	struct strbuf piece = { 0 };
	uint32_t level;

	hashes(top, out);
	text(room->title != NULL && room->title[0] != '\0' ? room->title :
	     _("Werksessie"), out);
	strbuf_puts(out, "\n\n");
	fact(_("Code"), room->code, out);
	/* Under a workshop's heading (top > 1) the workshop is named once,
	 * above all its rooms. */
	if (room->workshop_code[0] != '\0' && top == 1) {
		if (room->workshop_title[0] != '\0')
			strbuf_printf(&piece, _("%s (code %s)"),
			              room->workshop_title, room->workshop_code);
		else
			strbuf_printf(&piece, _("code %s"), room->workshop_code);
		fact(_("Studiedag"), strbuf_str(&piece), out);
		strbuf_free(&piece);
	}
	if (s->programme[0] != '\0')
		fact(_("Opleiding"), s->programme, out);
	if (s->qualification[0] != '\0')
		fact(_("Kwalificatiedossier"), s->qualification, out);
	if (s->levels != 0) {
		for (level = 1; level <= 4; level++)
			if (s->levels & (1u << level))
				strbuf_printf(&piece, "%s%" PRIu32,
				              piece.len ? ", " : "", level);
		fact(_("Niveau"), strbuf_str(&piece), out);
		strbuf_free(&piece);
	}
	if (s->region[0] != '\0')
		fact(_("Regio"), s->region, out);
	if (s->follow_up[0] != '\0') {
		poster_date(s->follow_up, &piece);
		fact(_("Vervolgoverleg"), strbuf_str(&piece), out);
		strbuf_free(&piece);
	}
	if (s->finished) {
		strbuf_puts(out, "- ");
		text(_("De werksessie is afgerond."), out);
		strbuf_puts(out, "\n");
	}
	if (piece.failed)
		out->failed = 1;
}

static void
participants(const struct model_room *room, unsigned top, struct strbuf *out)
{
	const struct model_participant *p;
	size_t i;

	if (room->settings.anonymous)
		return;
	strbuf_puts(out, "\n");
	hashes(top + 1, out);
	text(_("Deelnemers"), out);
	strbuf_puts(out, "\n\n");
	for (i = 0; i < room->nparticipants; i++) {
		p = &room->participants[i];
		strbuf_puts(out, "- ");
		text(p->name, out);
		if (p->role == AANDESLAG__ROLE__ROLE_CHAIR ||
		    p->role == AANDESLAG__ROLE__ROLE_SCRIBE) {
			strbuf_puts(out, " ");
			text("(", out);
			text(poster_role(p->role), out);
			text(")", out);
		}
		strbuf_puts(out, "\n");
	}
	if (room->nparticipants == 0) {
		text(_("(nog niemand)"), out);
		strbuf_puts(out, "\n");
	}
}

/* A paragraph saying a list is empty. */
static void
none(const char *what, struct strbuf *out)
{
	text(what, out);
	strbuf_puts(out, "\n");
}

/* A subheading within a step; top as for hashes(). */
static void
subheading(const char *what, unsigned top, struct strbuf *out)
{
	strbuf_puts(out, "\n");
	hashes(top + 2, out);
	text(what, out);
	strbuf_puts(out, "\n\n");
}

static void
notes(const struct model_room *room, unsigned step, struct strbuf *out)
{
	const struct model_note *n;
	size_t i, count = 0;

	for (i = 0; i < room->nnotes; i++) {
		n = &room->notes[i];
		if (n->step != step)
			continue;
		strbuf_puts(out, "- ");
		text(n->text, out);
		if (!room->settings.anonymous && n->author_name != NULL &&
		    n->author_name[0] != '\0') {
			strbuf_puts(out, " \xe2\x80\x94 ");   /* an em dash */
			text(n->author_name, out);
		}
		strbuf_puts(out, "\n");
		count++;
	}
	if (count == 0)
		none(_("(nog geen notities)"), out);
}

static void
chosen(const struct model_room *room, unsigned top, struct strbuf *out)
{
	const char *id;
	uint32_t dots;
	size_t i;

	subheading(_("Gekozen competenties"), top, out);
	for (i = 0; i < room->nmarked; i++) {
		id = room->marked[i];
		strbuf_puts(out, "- ");
		text(poster_competence(room, id), out);
		if (!room->settings.votes_hidden) {
			dots = model_tally(room, id);
			strbuf_puts(out, ": ");
			if (dots == 1)
				text(_("1 stip"), out);
			else
				strbuf_printf(out, _("%" PRIu32 " stippen"),
				              dots);
		}
		strbuf_puts(out, "\n");
	}
	if (room->nmarked == 0)
		none(_("(nog geen competenties gekozen)"), out);
}

static void
activities(const struct model_room *room, unsigned top, struct strbuf *out)
{
	struct strbuf line = { 0 };
	size_t i;

	subheading(_("Activiteiten"), top, out);
	for (i = 0; i < room->activities.n; i++) {
		poster_activity(room, (const Aandeslag__Activity *)
		                room->activities.v[i].msg, &line);
		strbuf_puts(out, "- ");
		text(strbuf_str(&line), out);
		strbuf_puts(out, "\n");
		if (line.failed)
			out->failed = 1;
		strbuf_free(&line);
	}
	if (room->activities.n == 0)
		none(_("(nog geen activiteiten)"), out);
}

static void
actions(const struct model_room *room, unsigned top, struct strbuf *out)
{
	static const char *const head[] = {
		N_("nr"), N_("actie"), N_("wie"), N_("nodig"), N_("wanneer"),
		N_("status"),
	};
	const Aandeslag__Action *a;
	size_t i;

	subheading(_("Acties"), top, out);
	if (room->actions.n == 0) {
		none(_("(nog geen acties)"), out);
		return;
	}
	strbuf_puts(out, "|");
	for (i = 0; i < sizeof head / sizeof head[0]; i++) {
		strbuf_puts(out, " ");
		text(_(head[i]), out);
		strbuf_puts(out, " |");
	}
	strbuf_puts(out, "\n|");
	for (i = 0; i < sizeof head / sizeof head[0]; i++)
		strbuf_puts(out, " --- |");
	strbuf_puts(out, "\n");
	for (i = 0; i < room->actions.n; i++) {
		a = (const Aandeslag__Action *)room->actions.v[i].msg;
		strbuf_printf(out, "| p%" PRIu32 " | ", a->id);
		text(a->text, out);
		strbuf_puts(out, " | ");
		rendered(poster_owners, a, out);
		strbuf_puts(out, " | ");
		rendered(needs, a, out);
		strbuf_puts(out, " | ");
		rendered(when, a, out);
		strbuf_puts(out, " | ");
		text(poster_status(a->status), out);
		strbuf_puts(out, " |\n");
	}
}

/* Appends the findings of room as a numbered list. */
static void
finding_list(const struct model_room *room, struct strbuf *out)
{
	const Aandeslag__Finding *f;
	size_t i;

	for (i = 0; i < room->findings.n; i++) {
		f = (const Aandeslag__Finding *)room->findings.v[i].msg;
		strbuf_printf(out, "%zu. ", i + 1);
		text(f->text, out);
		strbuf_puts(out, "\n");
	}
}

/* What the room brings back to the workshop's plenary, when it marked
 * anything. */
static void
findings(const struct model_room *room, unsigned top, struct strbuf *out)
{
	if (room->findings.n == 0)
		return;
	strbuf_puts(out, "\n");
	hashes(top + 1, out);
	text(_("Terugkoppeling"), out);
	strbuf_puts(out, "\n\n");
	finding_list(room, out);
}

/* Appends the whole poster of room, its title a heading of level top and
 * everything in it below that. */
static void
poster(const struct model_room *room, unsigned top, struct strbuf *out)
{
	unsigned step;

	header(room, top, out);
	participants(room, top, out);
	for (step = 1; step <= STEPS_COUNT; step++) {
		strbuf_puts(out, "\n");
		hashes(top + 1, out);
		strbuf_printf(out, _("Stap %u: "), step);
		text(poster_step_name(room, step), out);
		strbuf_puts(out, "\n\n");
		notes(room, step, out);
		if (step == 3)
			chosen(room, top, out);
		else if (step == 4)
			activities(room, top, out);
		else if (step == 5)
			actions(room, top, out);
	}
	findings(room, top, out);
}

void
export_md(const struct model_room *room, struct strbuf *out)
{
	poster(room, 1, out);
}

/* The workshop's own part: its title, code, date and how many groups. */
static void
workshop_header(const Aandeslag__WorkshopStatus *ws, size_t n,
                struct strbuf *out)
{
	struct strbuf piece = { 0 };

	hashes(1, out);
	text(ws->title != NULL && ws->title[0] != '\0' ? ws->title :
	     _("Studiedag"), out);
	strbuf_puts(out, "\n\n");
	if (ws->code != NULL && ws->code[0] != '\0')
		fact(_("Code"), ws->code, out);
	if (ws->date != NULL && ws->date[0] != '\0') {
		poster_date(ws->date, &piece);
		fact(_("Datum"), strbuf_str(&piece), out);
		strbuf_free(&piece);
	}
	strbuf_printf(&piece, "%zu", n);
	fact(_("Groepen"), strbuf_str(&piece), out);
	if (piece.failed)
		out->failed = 1;
	strbuf_free(&piece);
}

/* The day's programme, the report back marked as on the facilitator's
 * screen. */
static void
schedule(const Aandeslag__WorkshopStatus *ws, struct strbuf *out)
{
	const Aandeslag__ScheduleItem *item;
	size_t i;

	if (ws->n_schedule == 0)
		return;
	strbuf_puts(out, "\n");
	hashes(2, out);
	text(_("Rooster"), out);
	strbuf_puts(out, "\n\n");
	for (i = 0; i < ws->n_schedule; i++) {
		item = ws->schedule[i];
		strbuf_puts(out, "- ");
		text(item->time != NULL ? item->time : "", out);
		strbuf_puts(out, " ");
		text(item->label != NULL ? item->label : "", out);
		if (item->report_back)
			text(_(" (terugkoppeling)"), out);
		strbuf_puts(out, "\n");
	}
}

/* What every group brings back, side by side before the posters, as the
 * plenary's overview shows it. */
static void
overview(const struct model_room *const *rooms, size_t n, struct strbuf *out)
{
	size_t i;

	strbuf_puts(out, "\n");
	hashes(2, out);
	text(_("Overzicht"), out);
	strbuf_puts(out, "\n");
	if (n == 0) {
		strbuf_puts(out, "\n");
		none(_("(nog geen groepen)"), out);
		return;
	}
	for (i = 0; i < n; i++) {
		strbuf_puts(out, "\n");
		hashes(3, out);
		text(rooms[i]->title, out);
		strbuf_puts(out, "\n\n");
		if (rooms[i]->findings.n == 0)
			none(_("(nog geen bevindingen)"), out);
		else
			finding_list(rooms[i], out);
	}
}

void
export_md_workshop(const Aandeslag__WorkshopStatus *ws,
                   const struct model_room *const *rooms, size_t n,
                   struct strbuf *out)
{
	size_t i;

	workshop_header(ws, n, out);
	schedule(ws, out);
	overview(rooms, n, out);
	/* Each poster one level down, so that the workshop's title is the
	 * only top heading and each group a section of the document. */
	for (i = 0; i < n; i++) {
		strbuf_puts(out, "\n");
		poster(rooms[i], 2, out);
	}
}
