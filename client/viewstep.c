/* The page of one step, as the paper poster and the question card would
 * show it: the card (name, time, central question, goal, resources and
 * the helping questions, with the one on the table) and what the team
 * put there: notes, the competence model of step 3, and steps 4 and 5
 * (with a workshop's report back) from viewplan.c. The words are those of the line mode's
 * renderers (common/poster.c, poster_plan.c) so that both modes speak
 * alike; the layout is the terminal's own: ids in a column, text wrapped
 * under its item, what needs the team's attention standing out. On a
 * wide terminal the card and the content stand side by side, like the
 * columns of the poster. */
#include "viewstep.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "model.h"
#include "poster.h"
#include "viewplan.h"
#include "viewtext.h"

/* From this width the card and the content stand side by side. */
#define VIEWSTEP_WIDE 140
/* The most dots drawn in a tally; more are only counted. */
#define VIEWSTEP_DOTS_MAX 10

static const Aandeslag__ContentStep *
step_of(const struct viewpage *p)
{
	if (p->room->content == NULL)
		return NULL;
	return content_step(p->room->content, p->step);
}

int
viewpage_id_width(uint32_t max)
{
	char buf[16];

	return snprintf(buf, sizeof buf, "x%" PRIu32, max);
}

void
viewpage_item(struct vt_flow *f, const struct viewpage *p, char letter,
              uint32_t id, int width)
{
	vt_flow_end(f);
	vt_flow_tab(f, 2);
	vt_flow_printf(f, p->dim, "%c%" PRIu32, letter, id);
	vt_flow_tab(f, 2 + width + 2);
}

/* ------------------------------------------------------------ the card */

/* Whether the question on the table is this one. */
static bool
on_table(const struct model_room *room, unsigned step, const char *cid,
         uint32_t own_id)
{
	if (room->table.step == 0 || room->table.step != step)
		return false;
	if (cid != NULL)
		return strcmp(room->table.content_id, cid) == 0;
	return room->table.own_id == own_id;
}

/* The question on the table, when it belongs to this step. */
static void
table_line(struct vt_flow *f, const struct viewpage *p)
{
	const struct model_room *room = p->room;
	const Aandeslag__ContentQuestion *cq = NULL;
	const Aandeslag__CardQuestion *q;

	if (room->table.step != p->step)
		return;
	vt_flow_end(f);
	vt_flow_text(f, p->table, _("Op tafel:"));
	vt_flow_text(f, p->table, " ");
	if (room->table.content_id[0] != '\0') {
		if (room->content != NULL)
			cq = content_question(room->content,
			                      room->table.content_id, NULL);
		vt_flow_printf(f, p->table, "%s %s", room->table.content_id,
		               cq ? content_text(cq->text) : "?");
	} else {
		q = (const Aandeslag__CardQuestion *)items_find(
			&room->questions, room->table.own_id);
		vt_flow_printf(f, p->table, "e%" PRIu32 " %s",
		               room->table.own_id, q ? q->text : "?");
	}
	vt_flow_end(f);
}

static void
card_questions(struct vt_flow *f, const struct viewpage *p)
{
	const struct model_room *room = p->room;
	const Aandeslag__ContentStep *st = step_of(p);
	const Aandeslag__ContentQuestion *cq;
	const Aandeslag__CardQuestion *q;
	int width = 3;
	uint32_t max = 0;
	bool table;
	size_t i;

	for (i = 0; i < room->questions.n; i++)
		if (room->questions.v[i].id > max)
			max = room->questions.v[i].id;
	if (viewpage_id_width(max) > width)
		width = viewpage_id_width(max);
	for (i = 0; st != NULL && i < st->n_questions; i++) {
		cq = st->questions[i];
		table = on_table(room, p->step, cq->id, 0);
		vt_flow_end(f);
		if (table)
			vt_flow_text(f, p->table, p->g->arrow);
		vt_flow_tab(f, 2);
		vt_flow_text(f, table ? p->table : p->dim, cq->id);
		vt_flow_tab(f, 2 + width + 2);
		vt_flow_text(f, table ? p->table : p->normal,
		             content_text(cq->text));
	}
	for (i = 0; i < room->questions.n; i++) {
		q = (const Aandeslag__CardQuestion *)room->questions.v[i].msg;
		if (q->step != p->step)
			continue;
		table = on_table(room, p->step, NULL, q->id);
		vt_flow_end(f);
		if (table)
			vt_flow_text(f, p->table, p->g->arrow);
		vt_flow_tab(f, 2);
		vt_flow_printf(f, table ? p->table : p->dim, "e%" PRIu32, q->id);
		vt_flow_tab(f, 2 + width + 2);
		vt_flow_text(f, table ? p->table : p->normal, q->text);
		if (room->settings.anonymous || q->author_name[0] == '\0')
			vt_flow_printf(f, p->dim, " (%s)", _("eigen vraag"));
		else
			vt_flow_printf(f, p->dim, _(" (eigen vraag van %s)"),
			               q->author_name);
	}
	vt_flow_end(f);
}

/* The head of the page: the step and its time, the central question and
 * the question on the table. */
static void
intro(struct vt_flow *f, const struct viewpage *p)
{
	const struct model_room *room = p->room;

	vt_flow_printf(f, p->bold, _("Stap %u %s"), p->step,
	               poster_step_name(room, p->step));
	vt_flow_text(f, p->dim, p->g->sep);
	vt_flow_printf(f, p->dim, _("%" PRId64 " minuten"),
	               room->clocks[p->step - 1].duration_ms / CLOCK_MINUTE_MS);
	vt_flow_end(f);
	vt_flow_text(f, p->bold, poster_step_question(room, p->step));
	vt_flow_end(f);
	table_line(f, p);
}

/* What the paper card holds: the goal, the questions (with the team's
 * own) and the resources. */
static void
card(struct vt_flow *f, const struct viewpage *p)
{
	const Aandeslag__ContentStep *st = step_of(p);
	const Aandeslag__ContentResource *r;
	size_t i;

	vt_flow_gap(f);
	vt_flow_text(f, p->bold, _("Vragenkaart"));
	vt_flow_text(f, p->dim, " ");
	vt_flow_text(f, p->dim, _("(kies er een paar, in elke volgorde, of bedenk er zelf een)"));
	vt_flow_end(f);
	if (st != NULL && content_text(st->goal)[0] != '\0') {
		vt_flow_text(f, p->dim, _("Doel:"));
		vt_flow_text(f, p->normal, " ");
		vt_flow_text(f, p->normal, content_text(st->goal));
		vt_flow_end(f);
	}
	card_questions(f, p);
	if (st != NULL && st->n_resources > 0) {
		vt_flow_text(f, p->dim, _("Hulpbronnen:"));
		vt_flow_end(f);
		for (i = 0; i < st->n_resources; i++) {
			r = st->resources[i];
			vt_flow_text(f, p->normal, "- ");
			vt_flow_tab(f, 2);
			vt_flow_text(f, p->normal, content_text(r->title));
			if (r->address[0] != '\0') {
				vt_flow_text(f, p->dim, p->g->dash);
				vt_flow_text(f, p->dim, r->address);
			}
			vt_flow_end(f);
		}
	}
}

/* ----------------------------------------------------------- the notes */

static void
notes(struct vt_flow *f, const struct viewpage *p)
{
	const struct model_room *room = p->room;
	const struct model_note *n;
	size_t i, count = 0;
	uint32_t max = 0;
	int width;

	for (i = 0; i < room->nnotes; i++)
		if (room->notes[i].step == p->step) {
			count++;
			if (room->notes[i].id > max)
				max = room->notes[i].id;
		}
	vt_flow_gap(f);
	if (p->step == 1 && room->settings.talk_only) {
		vt_flow_text(f, p->dim, _("Bij deze stap praten we alleen; er komen geen notities."));
		vt_flow_end(f);
		if (count == 0)
			return;
	}
	vt_flow_printf(f, p->bold, _("Notities (%zu)"), count);
	vt_flow_end(f);
	width = viewpage_id_width(max);
	for (i = 0; i < room->nnotes; i++) {
		n = &room->notes[i];
		if (n->step != p->step)
			continue;
		viewpage_item(f, p, 'n', n->id, width);
		/* An anonymous room shows no names: the team chose that so
		 * that everyone would speak freely. */
		if (!room->settings.anonymous) {
			vt_flow_text(f, p->bold, n->author_name[0] ?
			             n->author_name : _("(zonder naam)"));
			vt_flow_text(f, p->bold, ": ");
		}
		vt_flow_text(f, p->normal, n->text);
	}
	vt_flow_end(f);
	if (count == 0) {
		vt_flow_tab(f, 2);
		vt_flow_text(f, p->dim, _("(nog geen notities)"));
		vt_flow_end(f);
	}
}

/* -------------------------------------------------------------- step 3 */

/* The dots shown for a competence: the tally, or while the votes are
 * hidden only one's own. */
static uint32_t
shown_dots(const struct viewpage *p, const char *cid)
{
	if (p->room->settings.votes_hidden)
		return model_dots_on(p->room, p->self, cid);
	return model_tally(p->room, cid);
}

/* How the vote goes: the budget, hidden votes, one's own dots. */
static void
vote_summary(struct vt_flow *f, const struct viewpage *p)
{
	const struct model_room *room = p->room;
	const struct model_settings *s = &room->settings;
	uint32_t used, total = 0;
	size_t i;

	vt_flow_printf(f, p->dim, _("%" PRIu32 " stippen per persoon"),
	               s->vote_budget);
	vt_flow_text(f, p->dim, "; ");
	vt_flow_text(f, p->dim, s->vote_stacking ?
	             _("meer stippen op een competentie mag") :
	             _("een stip per competentie"));
	vt_flow_end(f);
	if (s->votes_hidden) {
		vt_flow_text(f, p->warn, _("Stemmen verborgen tot de voorzitter ze laat zien; je ziet alleen je eigen stippen."));
		vt_flow_end(f);
		vt_flow_text(f, p->dim, _("Gezet:"));
		for (i = 0; i < room->nparticipants; i++) {
			used = model_dots_used(room, room->participants[i].id);
			total += used;
			if (!s->anonymous)
				vt_flow_printf(f, p->dim, "%s %s %" PRIu32,
				               i ? "," : "",
				               room->participants[i].name, used);
		}
		if (s->anonymous)
			vt_flow_printf(f, p->dim, _(" %" PRIu32 " stippen samen"),
			               total);
		vt_flow_end(f);
	}
	if (model_participant(room, p->self) != NULL) {
		used = model_dots_used(room, p->self);
		vt_flow_printf(f, p->bold, _("Jouw stippen: %" PRIu32 " gezet, %"
		                             PRIu32 " over."), used,
		               used < s->vote_budget ? s->vote_budget - used : 0);
		vt_flow_end(f);
	}
}

static void
competence_model(struct vt_flow *f, const struct viewpage *p)
{
	const Aandeslag__Content *c = p->room->content ?
	                              p->room->content->msg : NULL;
	const Aandeslag__ContentCategory *cat;
	const Aandeslag__ContentCompetence *comp;
	char tally[VIEWSTEP_DOTS_MAX * 4 + 1];
	uint32_t dots, k;
	int id_cols = 0, width;
	bool marked;
	size_t i, j, n;

	vt_flow_text(f, p->bold, _("Competentiemodel"));
	vt_flow_end(f);
	vote_summary(f, p);
	/* The ids (what vote and mark take) in a column as wide as the
	 * longest, within a third of the page, so that the names line up;
	 * the dots follow the name, as they stick beside it on the poster. */
	for (i = 0; c != NULL && i < c->n_categories; i++)
		for (j = 0; j < c->categories[i]->n_competences; j++) {
			width = vt_width(c->categories[i]->competences[j]->id);
			if (width > id_cols)
				id_cols = width;
		}
	if (id_cols > f->cols / 3)
		id_cols = f->cols / 3;
	for (i = 0; c != NULL && i < c->n_categories; i++) {
		cat = c->categories[i];
		vt_flow_gap(f);
		vt_flow_text(f, p->bold | A_UNDERLINE, content_text(cat->name));
		vt_flow_end(f);
		for (j = 0; j < cat->n_competences; j++) {
			comp = cat->competences[j];
			dots = shown_dots(p, comp->id);
			marked = model_marked(p->room, comp->id);
			vt_flow_tab(f, 2);
			vt_flow_text(f, p->dim, comp->id);
			vt_flow_tab(f, 2 + id_cols + 2);
			vt_flow_text(f, marked ? p->ok | A_BOLD : p->normal,
			             content_text(comp->name));
			if (dots > 0) {
				/* The dots as one word, so that they wrap
				 * together. */
				for (k = 0, n = 0; k < dots && k < VIEWSTEP_DOTS_MAX;
				     k++) {
					memcpy(tally + n, p->g->dot,
					       strlen(p->g->dot));
					n += strlen(p->g->dot);
				}
				tally[n] = '\0';
				vt_flow_text(f, p->normal, "  ");
				vt_flow_text(f, p->ok, tally);
				vt_flow_printf(f, p->bold, " %" PRIu32, dots);
			}
			if (marked)
				vt_flow_printf(f, p->ok | A_BOLD, " %s %s",
				               p->g->check, _("gekozen"));
			vt_flow_end(f);
		}
	}
}

/* ---------------------------------------------------------------- page */

/* What the team put on the poster at this step. */
static void
content(struct vt_flow *f, const struct viewpage *p)
{
	switch (p->step) {
	case 3:
		competence_model(f, p);
		notes(f, p);
		break;
	case 4:
		viewplan_activities(f, p);
		notes(f, p);
		viewplan_catalogue(f, p);
		break;
	case 5:
		viewplan_actions(f, p);
		if (poster_reports_back(p->room))
			viewplan_findings(f, p);
		notes(f, p);
		break;
	default:
		notes(f, p);
		break;
	}
	if (p->room->settings.finished) {
		vt_flow_gap(f);
		vt_flow_text(f, p->ok, _("De werksessie is afgerond."));
		vt_flow_end(f);
	}
}

/* Lays the page out and returns its lines. In one column the team's
 * work comes right after the head, where it shows without scrolling, and
 * the card follows as the reference it is on the table; from left_cols
 * on, the head and the card stand left of the work. */
static int
layout(WINDOW *w, const struct viewpage *p, int top, int rows, int cols,
       int left_cols, int scroll, bool draw)
{
	struct vt_flow f, g;
	int lines;

	if (left_cols == 0) {
		vt_flow_init(&f, w, top, rows, 0, cols, scroll, draw);
		intro(&f, p);
		vt_flow_gap(&f);
		content(&f, p);
		card(&f, p);
		return vt_flow_lines(&f);
	}
	vt_flow_init(&f, w, top, rows, 0, left_cols, scroll, draw);
	intro(&f, p);
	card(&f, p);
	vt_flow_init(&g, w, top, rows, left_cols + 3, cols - left_cols - 3,
	             scroll, draw);
	content(&g, p);
	lines = vt_flow_lines(&f);
	if (vt_flow_lines(&g) > lines)
		lines = vt_flow_lines(&g);
	return lines;
}

int
viewstep_draw(WINDOW *w, const struct ui *ui, int top, int rows, int cols,
              int *scroll)
{
	struct viewpage p;
	int lines, left_cols = 0, y;

	if (rows <= 0 || cols <= 0 || ui->net == NULL) {
		*scroll = 0;
		return 0;
	}
	memset(&p, 0, sizeof p);
	p.ui = ui;
	p.room = &ui->net->room;
	p.g = vt_glyphs();
	p.self = ui->net->self_id;
	p.step = ui->viewed_step >= 1 && ui->viewed_step <= STEPS_COUNT ?
	         ui->viewed_step : p.room->current_step;
	p.normal = vt_attr(ui, UI_PAIR_NORMAL);
	p.bold = p.normal | A_BOLD;
	p.dim = vt_attr(ui, UI_PAIR_DIM);
	p.ok = vt_attr(ui, UI_PAIR_OK);
	p.warn = vt_attr(ui, UI_PAIR_WARNING);
	p.table = vt_attr(ui, UI_PAIR_TEAM_STEP);
	if (cols >= VIEWSTEP_WIDE)
		left_cols = cols * 2 / 5;
	/* Measure first, so that a scroll past the end shows the last
	 * screenful rather than an empty page. */
	lines = layout(w, &p, top, rows, cols, left_cols, 0, false);
	if (*scroll > lines - rows)
		*scroll = lines - rows;
	if (*scroll < 0)
		*scroll = 0;
	layout(w, &p, top, rows, cols, left_cols, *scroll, true);
	if (left_cols > 0)
		for (y = top; y < top + rows; y++)
			vt_put(w, y, left_cols + 1, p.dim, p.g->vline, 1);
	return lines;
}
