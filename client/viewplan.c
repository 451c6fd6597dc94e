/* Steps 4 and 5 of a step's page: the activities with the competences
 * they serve and the chosen competences none serves yet, the activity
 * map to choose from, the actions with who, what is needed, for which
 * study years and when, and the team's time plan (tijdsplan) by study
 * year and month, and what the room brings back to a workshop's report
 * back. An action nobody has taken on stands out: on paper it would be
 * the empty box everyone sees. The words are poster_plan.c's. */
#include "viewplan.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "poster.h"
#include "strbuf.h"

/* -------------------------------------------------------------- step 4 */

static const char *
place(int where)
{
	switch (where) {
	case AANDESLAG__PLACE__PLACE_ABROAD:
		return _("in het buitenland");
	case AANDESLAG__PLACE__PLACE_HOME:
		return _("in eigen land");
	default:
		return NULL;
	}
}

static void
uncovered(struct vt_flow *f, const struct viewpage *p)
{
	const struct model_room *room = p->room;
	const char **ids;
	size_t i, n;

	vt_flow_gap(f);
	if (room->nmarked == 0) {
		vt_flow_text(f, p->dim, _("Er zijn nog geen competenties gekozen (stap 3)."));
		vt_flow_end(f);
		return;
	}
	ids = malloc(room->nmarked * sizeof *ids);
	if (ids == NULL)
		return;
	n = model_uncovered(room, ids);
	if (n == 0)
		vt_flow_text(f, p->ok, _("Elke gekozen competentie heeft een activiteit."));
	else
		vt_flow_printf(f, p->warn, _("Gekozen competenties zonder activiteit (%zu):"),
		               n);
	vt_flow_end(f);
	for (i = 0; i < n; i++) {
		vt_flow_tab(f, 2);
		vt_flow_text(f, p->warn, "!");
		vt_flow_tab(f, 4);
		vt_flow_text(f, p->warn, poster_competence(room, ids[i]));
		vt_flow_text(f, p->dim, " ");
		vt_flow_text(f, p->dim, ids[i]);
		vt_flow_end(f);
	}
	free(ids);
}

void
viewplan_activities(struct vt_flow *f, const struct viewpage *p)
{
	const struct model_room *room = p->room;
	const Aandeslag__Activity *a;
	const char *where;
	uint32_t max = 0;
	size_t i, j;
	int width;

	for (i = 0; i < room->activities.n; i++)
		if (room->activities.v[i].id > max)
			max = room->activities.v[i].id;
	width = viewpage_id_width(max);
	vt_flow_printf(f, p->bold, _("Activiteiten (%zu)"), room->activities.n);
	vt_flow_end(f);
	for (i = 0; i < room->activities.n; i++) {
		a = (const Aandeslag__Activity *)room->activities.v[i].msg;
		viewpage_item(f, p, 'a', a->id, width);
		vt_flow_text(f, p->bold, poster_activity_name(room, a));
		vt_flow_text(f, p->dim, p->g->sep);
		vt_flow_text(f, a->done ? p->normal : p->ok,
		             a->done ? _("doen we al") : _("nieuw"));
		where = place(a->place);
		if (where != NULL) {
			vt_flow_text(f, p->dim, p->g->sep);
			vt_flow_text(f, p->normal, where);
		}
		vt_flow_end(f);
		vt_flow_tab(f, 2 + width + 2);
		vt_flow_text(f, p->dim, _("competenties:"));
		vt_flow_text(f, p->dim, " ");
		if (a->n_competence_ids == 0)
			vt_flow_text(f, p->dim, _("nog geen"));
		for (j = 0; j < a->n_competence_ids; j++) {
			if (j > 0)
				vt_flow_text(f, p->normal, ", ");
			vt_flow_text(f, p->normal,
			             poster_competence(room, a->competence_ids[j]));
		}
	}
	vt_flow_end(f);
	if (room->activities.n == 0) {
		vt_flow_tab(f, 2);
		vt_flow_text(f, p->dim, _("(nog geen activiteiten)"));
		vt_flow_end(f);
	}
	uncovered(f, p);
}

void
viewplan_catalogue(struct vt_flow *f, const struct viewpage *p)
{
	static const int places[] = { AANDESLAG__PLACE__PLACE_ABROAD,
	                              AANDESLAG__PLACE__PLACE_HOME };
	const struct model_room *room = p->room;
	const Aandeslag__Content *c = room->content ? room->content->msg : NULL;
	const Aandeslag__ContentActivity *cat;
	const Aandeslag__Activity *a;
	size_t i, j, k;

	if (c == NULL || c->n_activities == 0)
		return;
	vt_flow_gap(f);
	vt_flow_text(f, p->bold, _("Activiteitenkaart"));
	vt_flow_text(f, p->dim, " ");
	vt_flow_text(f, p->dim, _("(voorbeelden; neem er een over met a en --from ID)"));
	vt_flow_end(f);
	for (k = 0; k < 2; k++) {
		vt_flow_text(f, p->normal | A_UNDERLINE, k == 0 ?
		             _("In het buitenland") : _("In eigen land"));
		vt_flow_end(f);
		for (i = 0; i < c->n_activities; i++) {
			cat = c->activities[i];
			if ((int)cat->place != places[k])
				continue;
			vt_flow_tab(f, 2);
			vt_flow_text(f, p->normal, content_text(cat->name));
			vt_flow_text(f, p->dim, " ");
			vt_flow_text(f, p->dim, cat->id);
			for (j = 0; j < room->activities.n; j++) {
				a = (const Aandeslag__Activity *)
				    room->activities.v[j].msg;
				if (strcmp(a->catalogue_id, cat->id) == 0)
					vt_flow_printf(f, p->ok, _(" (op de poster: a%" PRIu32 ")"),
					               a->id);
			}
			vt_flow_end(f);
		}
	}
}

/* -------------------------------------------------------------- step 5 */

/* The owners of an action; nobody stands out. */
static void
owners(struct vt_flow *f, const struct viewpage *p, const Aandeslag__Action *a)
{
	const Aandeslag__Owner *o;
	size_t i;

	if (a->n_owners == 0) {
		vt_flow_text(f, p->warn, _("nog niemand!"));
		return;
	}
	for (i = 0; i < a->n_owners; i++) {
		o = a->owners[i];
		if (i > 0)
			vt_flow_text(f, p->normal, ", ");
		if (o == NULL)
			vt_flow_text(f, p->normal, "?");
		else if (o->kind == AANDESLAG__OWNER_KIND__OWNER_TEAM)
			vt_flow_text(f, p->normal, _("het team"));
		else if (o->kind == AANDESLAG__OWNER_KIND__OWNER_PARTICIPANT &&
		         o->participant_id == p->self && p->self != 0)
			vt_flow_printf(f, p->bold, _("%s (jij)"),
			               o->name[0] ? o->name : "?");
		else
			vt_flow_text(f, p->normal, o->name[0] ? o->name : "?");
	}
}

static attr_t
status_attr(const struct viewpage *p, int status)
{
	switch (status) {
	case AANDESLAG__ACTION_STATUS__ACTION_DONE:
		return p->ok;
	case AANDESLAG__ACTION_STATUS__ACTION_BUSY:
		return p->bold;
	default:
		return p->normal;
	}
}

/* Appends "· " and the text of a strbuf, when it holds any. */
static void
part(struct vt_flow *f, const struct viewpage *p, attr_t attr,
     struct strbuf *sb)
{
	if (sb->len > 0) {
		vt_flow_text(f, p->dim, p->g->sep);
		vt_flow_text(f, attr, strbuf_str(sb));
	}
	strbuf_free(sb);
}

static void
action(struct vt_flow *f, const struct viewpage *p, const Aandeslag__Action *a,
       int width)
{
	const Aandeslag__Activity *act = NULL;
	struct strbuf sb = { 0 };

	viewpage_item(f, p, 'p', a->id, width);
	vt_flow_text(f, p->bold, a->text);
	vt_flow_end(f);
	vt_flow_tab(f, 2 + width + 2);
	vt_flow_text(f, p->dim, _("wie:"));
	vt_flow_text(f, p->dim, " ");
	owners(f, p, a);
	if (a->needs != 0 || a->needs_text[0] != '\0') {
		vt_flow_text(f, p->dim, p->g->sep);
		vt_flow_text(f, p->dim, _("nodig:"));
		vt_flow_text(f, p->dim, " ");
		poster_needs(a, &sb);
		vt_flow_text(f, p->normal, strbuf_str(&sb));
		strbuf_free(&sb);
	}
	poster_years(a->study_years, &sb);
	part(f, p, p->normal, &sb);
	poster_when(a->when, &sb);
	part(f, p, p->normal, &sb);
	vt_flow_text(f, p->dim, p->g->sep);
	vt_flow_text(f, status_attr(p, a->status), poster_status(a->status));
	if (a->activity_id != 0)
		act = (const Aandeslag__Activity *)items_find(
			&p->room->activities, a->activity_id);
	if (act != NULL) {
		vt_flow_end(f);
		vt_flow_tab(f, 2 + width + 2);
		vt_flow_printf(f, p->dim, _("bij activiteit a%" PRIu32 ": %s"),
		               act->id, poster_activity_name(p->room, act));
	}
	vt_flow_end(f);
}

/* One action in the plan: id, the day when it has one, text, who and
 * the status. */
static void
plan_entry(struct vt_flow *f, const struct viewpage *p,
           const Aandeslag__Action *a, int width)
{
	struct strbuf sb = { 0 };

	vt_flow_tab(f, 4);
	vt_flow_printf(f, p->dim, "p%" PRIu32, a->id);
	vt_flow_tab(f, 4 + width + 2);
	if (a->when != NULL && a->when->kind == AANDESLAG__WHEN_KIND__WHEN_DATE) {
		poster_date(a->when->value, &sb);
		vt_flow_printf(f, p->normal, "%s: ", strbuf_str(&sb));
		strbuf_free(&sb);
	} else if (a->when != NULL &&
	           a->when->kind == AANDESLAG__WHEN_KIND__WHEN_PERIOD) {
		vt_flow_printf(f, p->normal, "%s: ", a->when->value);
	}
	vt_flow_text(f, p->normal, a->text);
	vt_flow_text(f, p->dim, " (");
	owners(f, p, a);
	vt_flow_text(f, p->dim, "; ");
	vt_flow_text(f, status_attr(p, a->status), poster_status(a->status));
	vt_flow_text(f, p->dim, ")");
	vt_flow_end(f);
}

/* The dated actions of one study year (0: those without one), under a
 * heading per month. */
static void
plan_year(struct vt_flow *f, const struct viewpage *p,
          const Aandeslag__Action *const *v, size_t n, uint32_t year,
          int width)
{
	struct strbuf sb = { 0 };
	char month[8] = "";
	bool any = false;
	size_t i;

	for (i = 0; i < n; i++) {
		if (year == 0 ? v[i]->study_years != 0 :
		    !(v[i]->study_years & (1u << year)))
			continue;
		if (!any) {
			vt_flow_tab(f, 2);
			if (year == 0)
				vt_flow_text(f, p->bold, _("Zonder leerjaar"));
			else
				vt_flow_printf(f, p->bold, _("Leerjaar %" PRIu32),
				               year);
			vt_flow_end(f);
			any = true;
		}
		if (strncmp(month, v[i]->when->value, 7) != 0) {
			memcpy(month, v[i]->when->value, 7);
			month[7] = '\0';
			poster_date(month, &sb);
			vt_flow_tab(f, 3);
			vt_flow_text(f, p->normal | A_UNDERLINE, strbuf_str(&sb));
			vt_flow_end(f);
			strbuf_free(&sb);
		}
		plan_entry(f, p, v[i], width);
	}
}

/* The team's time plan: dated actions by study year and month, then the
 * others, so that none is forgotten. */
static void
time_plan(struct vt_flow *f, const struct viewpage *p, int width)
{
	const struct model_room *room = p->room;
	const Aandeslag__Action *v[MODEL_ACTIONS_MAX], *a;
	size_t i, n = 0, rest = 0;
	uint32_t year;

	for (i = 0; i < room->actions.n && n < MODEL_ACTIONS_MAX; i++) {
		a = (const Aandeslag__Action *)room->actions.v[i].msg;
		if (poster_dated(a))
			v[n++] = a;
	}
	vt_flow_gap(f);
	vt_flow_text(f, p->bold, _("Tijdsplan"));
	vt_flow_text(f, p->dim, " ");
	vt_flow_text(f, p->dim, _("(per leerjaar en maand)"));
	vt_flow_end(f);
	if (n == 0) {
		vt_flow_tab(f, 2);
		vt_flow_text(f, p->dim, _("(nog geen acties met een datum of maand)"));
		vt_flow_end(f);
	}
	qsort(v, n, sizeof v[0], poster_by_when);
	for (year = 1; year <= 4; year++)
		plan_year(f, p, v, n, year, width);
	plan_year(f, p, v, n, 0, width);
	for (i = 0; i < room->actions.n; i++) {
		a = (const Aandeslag__Action *)room->actions.v[i].msg;
		if (poster_dated(a))
			continue;
		if (rest++ == 0) {
			vt_flow_tab(f, 2);
			vt_flow_text(f, p->bold, _("Nog zonder datum of maand"));
			vt_flow_end(f);
		}
		plan_entry(f, p, a, width);
	}
}

void
viewplan_actions(struct vt_flow *f, const struct viewpage *p)
{
	const struct model_room *room = p->room;
	size_t i, unowned = 0;
	uint32_t max = 0;
	int width;

	for (i = 0; i < room->actions.n; i++) {
		if (room->actions.v[i].id > max)
			max = room->actions.v[i].id;
		if (((const Aandeslag__Action *)room->actions.v[i].msg)
		    ->n_owners == 0)
			unowned++;
	}
	width = viewpage_id_width(max);
	vt_flow_printf(f, p->bold, _("Acties (%zu)"), room->actions.n);
	if (unowned > 0) {
		vt_flow_text(f, p->dim, p->g->sep);
		vt_flow_printf(f, p->warn, _("%zu zonder iemand die hem oppakt"),
		               unowned);
	}
	vt_flow_end(f);
	for (i = 0; i < room->actions.n; i++)
		action(f, p, (const Aandeslag__Action *)room->actions.v[i].msg,
		       width);
	if (room->actions.n == 0) {
		vt_flow_tab(f, 2);
		vt_flow_text(f, p->dim, _("(nog geen acties)"));
		vt_flow_end(f);
	}
	time_plan(f, p, width);
}


void
viewplan_findings(struct vt_flow *f, const struct viewpage *p)
{
	const struct model_room *room = p->room;
	const Aandeslag__Finding *fd;
	uint32_t max = 0;
	size_t i;
	int width;

	for (i = 0; i < room->findings.n; i++)
		if (room->findings.v[i].id > max)
			max = room->findings.v[i].id;
	width = viewpage_id_width(max);
	vt_flow_gap(f);
	vt_flow_text(f, p->bold, _("Terugkoppeling"));
	vt_flow_text(f, p->dim, " ");
	vt_flow_printf(f, p->dim, _("(%zu van %d bevindingen voor de studiedag)"),
	               room->findings.n, MODEL_FINDINGS_MAX);
	vt_flow_end(f);
	for (i = 0; i < room->findings.n; i++) {
		fd = (const Aandeslag__Finding *)room->findings.v[i].msg;
		viewpage_item(f, p, 't', fd->id, width);
		vt_flow_text(f, p->normal, fd->text);
	}
	vt_flow_end(f);
	/* A viewer cannot add one; the others are shown how. */
	if (room->findings.n < MODEL_FINDINGS_MAX && p->self != 0) {
		vt_flow_tab(f, 2);
		vt_flow_text(f, p->dim, room->findings.n == 0 ?
		             _("(nog geen bevindingen; druk b of typ :bevinding TEKST, of :bevinding n3 voor notitie 3)") :
		             _("(druk b voor nog een bevinding)"));
		vt_flow_end(f);
	}
}
