/* The poster as text: its header, who is there, the five steps with their
 * question cards and notes, and the competence model of step 3; also the
 * local views of a card, the model and the settings. Steps 4 and 5 are
 * drawn by poster_plan.c. Names are left out where the room is anonymous,
 * since the team chose that so that everyone would speak freely. */
#include "poster.h"

#include <inttypes.h>
#include <string.h>

#include "i18n.h"

/* The most dots drawn as a tally; more are only counted. */
#define POSTER_DOTS_MAX 20
/* A dot of the tally: U+25CF BLACK CIRCLE. */
#define POSTER_DOT "\xe2\x97\x8f"

const char *
poster_role(int role)
{
	switch (role) {
	case AANDESLAG__ROLE__ROLE_CHAIR:
		return _("voorzitter");
	case AANDESLAG__ROLE__ROLE_VIEWER:
		return _("meekijker");
	case AANDESLAG__ROLE__ROLE_FACILITATOR:
		return _("begeleider");
	case AANDESLAG__ROLE__ROLE_SCRIBE:
		return _("notulist");
	default:
		return _("deelnemer");
	}
}

void
poster_clock_state(int state, int64_t remaining, struct strbuf *out)
{
	char t[CLOCK_TEXT_SIZE];

	clock_format(remaining, t);
	switch (state) {
	case AANDESLAG__CLOCK_STATE__CLOCK_RUNNING:
		if (remaining < 0)
			strbuf_printf(out, _("loopt, %s over tijd"), t);
		else
			strbuf_printf(out, _("loopt, %s over"), t);
		break;
	case AANDESLAG__CLOCK_STATE__CLOCK_PAUSED:
		if (remaining < 0)
			strbuf_printf(out, _("gepauzeerd, %s over tijd"), t);
		else
			strbuf_printf(out, _("gepauzeerd, %s over"), t);
		break;
	default:
		strbuf_printf(out, _("nog niet gestart, %s"), t);
		break;
	}
}

void
poster_clock(const struct clock *c, int64_t now, struct strbuf *out)
{
	poster_clock_state(c->state, clock_remaining(c, now), out);
	if (c->interrupted)
		strbuf_puts(out, _(" (de server viel weg; hervat de klok)"));
}

static const Aandeslag__ContentStep *
step_of(const struct model_room *room, unsigned n)
{
	if (room->content == NULL)
		return NULL;
	return content_step(room->content, n);
}

const char *
poster_step_name(const struct model_room *room, unsigned n)
{
	const Aandeslag__ContentStep *step = step_of(room, n);

	return step ? content_text(step->name) : "?";
}

const char *
poster_step_question(const struct model_room *room, unsigned n)
{
	const Aandeslag__ContentStep *step = step_of(room, n);

	return step ? content_text(step->question) : "?";
}

const char *
poster_name(const struct model_room *room, uint32_t id)
{
	const struct model_participant *p = model_participant(room, id);

	return p ? p->name : "?";
}

const char *
poster_competence(const struct model_room *room, const char *id)
{
	const Aandeslag__ContentCompetence *c = NULL;

	if (room->content != NULL)
		c = content_competence(room->content, id, NULL);
	return c ? content_text(c->name) : id;
}

void
poster_who(const struct model_room *room, uint32_t self_id,
           struct strbuf *out)
{
	size_t i;

	strbuf_printf(out, _("Aanwezig (%zu van %d):"), room->nparticipants,
	              MODEL_SEATS);
	for (i = 0; i < room->nparticipants; i++) {
		const struct model_participant *p = &room->participants[i];

		strbuf_printf(out, "%s %s", i ? "," : "", p->name);
		if (p->role == AANDESLAG__ROLE__ROLE_CHAIR ||
		    p->role == AANDESLAG__ROLE__ROLE_SCRIBE)
			strbuf_printf(out, " (%s)", poster_role(p->role));
		if (p->id == self_id)
			strbuf_printf(out, " (%s)", _("jij"));
		if (!p->connected)
			strbuf_printf(out, " (%s)", _("weg"));
	}
	strbuf_puts(out, "\n");
}

/* Appends the levels 1..4 that are set in bits, "3, 4". */
static void
levels(uint32_t bits, struct strbuf *out)
{
	uint32_t level;
	bool first = true;

	for (level = 1; level <= 4; level++)
		if (bits & (1u << level)) {
			strbuf_printf(out, "%s%" PRIu32, first ? "" : ", ",
			              level);
			first = false;
		}
}

static void
header(const struct model_room *room, int64_t now, uint32_t self_id,
       struct strbuf *out)
{
	const struct model_settings *s = &room->settings;
	const struct clock *c = &room->clocks[room->current_step - 1];

	strbuf_printf(out, _("Werksessie: %s (code %s)\n"), room->title,
	              room->code);
	if (room->workshop_code[0] != '\0') {
		if (room->workshop_title[0] != '\0')
			strbuf_printf(out, _("Studiedag: %s (code %s)\n"),
			              room->workshop_title, room->workshop_code);
		else
			strbuf_printf(out, _("Studiedag met code %s\n"),
			              room->workshop_code);
	}
	if (room->announcement[0] != '\0')
		strbuf_printf(out, _("Bericht van de begeleider: %s\n"),
		              room->announcement);
	if (s->programme[0] != '\0')
		strbuf_printf(out, _("Opleiding: %s\n"), s->programme);
	if (s->qualification[0] != '\0')
		strbuf_printf(out, _("Kwalificatiedossier: %s\n"),
		              s->qualification);
	if (s->levels != 0) {
		strbuf_puts(out, _("Niveau: "));
		levels(s->levels, out);
		strbuf_puts(out, "\n");
	}
	if (s->region[0] != '\0')
		strbuf_printf(out, _("Regio: %s\n"), s->region);
	if (s->finished)
		strbuf_printf(out, "%s\n", _("De werksessie is afgerond."));
	if (s->follow_up[0] != '\0') {
		strbuf_puts(out, _("Vervolgoverleg: "));
		poster_date(s->follow_up, out);
		strbuf_puts(out, "\n");
	}
	strbuf_printf(out, _("Het team is bij stap %" PRIu32 " van %d, %s; klok "),
	              room->current_step, STEPS_COUNT,
	              poster_step_name(room, room->current_step));
	poster_clock(c, now, out);
	strbuf_printf(out, _(" (gepland %" PRId64 " min)\n"),
	              c->duration_ms / CLOCK_MINUTE_MS);
	poster_who(room, self_id, out);
}

/* Whether the question on the table is this one. */
static bool
on_table(const struct model_room *room, const char *content_id,
         uint32_t own_id)
{
	if (room->table.step == 0)
		return false;
	if (content_id != NULL)
		return strcmp(room->table.content_id, content_id) == 0;
	return room->table.own_id == own_id;
}

/* Appends the questions of step's card, the content's and the team's
 * own, marking the one on the table. */
static void
card_questions(const struct model_room *room, unsigned step, int indent,
               struct strbuf *out)
{
	const Aandeslag__ContentStep *st = step_of(room, step);
	const Aandeslag__CardQuestion *q;
	const Aandeslag__ContentQuestion *cq;
	bool table;
	size_t i;

	for (i = 0; st != NULL && i < st->n_questions; i++) {
		cq = st->questions[i];
		table = on_table(room, cq->id, 0);
		strbuf_printf(out, "%*s%s%s: %s", indent, "",
		              table ? "> " : "  ", cq->id,
		              content_text(cq->text));
		if (table)
			strbuf_printf(out, " (%s)", _("op tafel"));
		strbuf_puts(out, "\n");
	}
	for (i = 0; i < room->questions.n; i++) {
		q = (const Aandeslag__CardQuestion *)room->questions.v[i].msg;
		if (q->step != step)
			continue;
		table = on_table(room, NULL, q->id);
		strbuf_printf(out, "%*s%se%" PRIu32 ": %s", indent, "",
		              table ? "> " : "  ", q->id, q->text);
		if (room->settings.anonymous || q->author_name[0] == '\0')
			strbuf_printf(out, " (%s)", _("eigen vraag"));
		else
			strbuf_printf(out, _(" (eigen vraag van %s)"),
			              q->author_name);
		if (table)
			strbuf_printf(out, " (%s)", _("op tafel"));
		strbuf_puts(out, "\n");
	}
}

/* The name a note is shown with. */
static const char *
note_author(const struct model_room *room, const struct model_note *n)
{
	if (room->settings.anonymous)
		return _("(anoniem)");
	return n->author_name[0] ? n->author_name : _("(zonder naam)");
}

static void
notes(const struct model_room *room, unsigned step, struct strbuf *out)
{
	size_t i, count = 0;

	strbuf_printf(out, "    %s\n", _("Notities:"));
	for (i = 0; i < room->nnotes; i++) {
		const struct model_note *n = &room->notes[i];

		if (n->step != step)
			continue;
		strbuf_printf(out, "    - [n%" PRIu32 "] %s: %s\n", n->id,
		              note_author(room, n), n->text);
		count++;
	}
	if (count == 0)
		strbuf_printf(out, "    %s\n", _("(nog geen notities)"));
}

static void
tally(uint32_t dots, struct strbuf *out)
{
	uint32_t i;

	if (dots == 1)
		strbuf_puts(out, _("1 stip"));
	else
		strbuf_printf(out, _("%" PRIu32 " stippen"), dots);
	if (dots > 0)
		strbuf_puts(out, " ");
	for (i = 0; i < dots && i < POSTER_DOTS_MAX; i++)
		strbuf_puts(out, POSTER_DOT);
}

/* How the vote goes: the budget, and while the votes are hidden, how many
 * dots each has placed (without names in an anonymous room). */
static void
vote_summary(const struct model_room *room, uint32_t self_id, int indent,
             struct strbuf *out)
{
	const struct model_settings *s = &room->settings;
	uint32_t used, total = 0;
	size_t i;

	strbuf_printf(out, _("%*s%" PRIu32 " stippen per persoon"), indent, "",
	              s->vote_budget);
	strbuf_printf(out, "; %s", s->vote_stacking ?
	              _("meer stippen op een competentie mag") :
	              _("een stip per competentie"));
	if (s->votes_hidden)
		strbuf_printf(out, "; %s", _("stemmen verborgen tot de voorzitter ze laat zien"));
	strbuf_puts(out, ".\n");
	if (s->votes_hidden) {
		strbuf_printf(out, "%*s%s", indent, "", _("Gezet:"));
		for (i = 0; i < room->nparticipants; i++) {
			used = model_dots_used(room, room->participants[i].id);
			total += used;
			if (!s->anonymous)
				strbuf_printf(out, "%s %s %" PRIu32,
				              i ? "," : "",
				              room->participants[i].name, used);
		}
		if (s->anonymous)
			strbuf_printf(out, _(" %" PRIu32 " stippen samen"), total);
		strbuf_puts(out, "\n");
	}
	if (model_participant(room, self_id) != NULL) {
		used = model_dots_used(room, self_id);
		strbuf_printf(out, _("%*sJouw stippen: %" PRIu32 " gezet, %" PRIu32
		                     " over.\n"), indent, "", used,
		              used < s->vote_budget ? s->vote_budget - used : 0);
	}
}

/* Appends the competence model by category: each competence's id, name,
 * dots and whether the team chose it; with describe also what it means. */
static void
competences(const struct model_room *room, uint32_t self_id, int indent,
            bool describe, struct strbuf *out)
{
	const Aandeslag__Content *c = room->content ? room->content->msg : NULL;
	const Aandeslag__ContentCompetence *comp;
	bool hidden = room->settings.votes_hidden;
	uint32_t mine;
	size_t i, j;

	vote_summary(room, self_id, indent, out);
	for (i = 0; c != NULL && i < c->n_categories; i++) {
		strbuf_printf(out, "%*s%s\n", indent, "",
		              content_text(c->categories[i]->name));
		for (j = 0; j < c->categories[i]->n_competences; j++) {
			comp = c->categories[i]->competences[j];
			strbuf_printf(out, "%*s  %s: %s: ", indent, "", comp->id,
			              content_text(comp->name));
			mine = model_dots_on(room, self_id, comp->id);
			if (!hidden) {
				tally(model_tally(room, comp->id), out);
			} else {
				strbuf_puts(out, _("stemmen verborgen"));
				if (mine > 0)
					strbuf_printf(out, _(", jij %" PRIu32), mine);
			}
			if (model_marked(room, comp->id))
				strbuf_printf(out, " * %s", _("gekozen"));
			strbuf_puts(out, "\n");
			if (describe)
				strbuf_printf(out, "%*s      %s\n", indent, "",
				              content_text(comp->description));
		}
	}
}

void
poster_render(const struct model_room *room, int64_t now, uint32_t self_id,
              struct strbuf *out)
{
	const struct clock *c;
	unsigned step;

	header(room, now, self_id, out);
	for (step = 1; step <= STEPS_COUNT; step++) {
		c = &room->clocks[step - 1];
		strbuf_printf(out, "\n%s%u %s (%" PRId64 " min): %s\n",
		              step == room->current_step ? "> " : "  ", step,
		              poster_step_name(room, step),
		              c->duration_ms / CLOCK_MINUTE_MS,
		              poster_step_question(room, step));
		strbuf_printf(out, "    %s\n", _("Vragenkaart:"));
		card_questions(room, step, 4, out);
		if (step == 1 && room->settings.talk_only)
			strbuf_printf(out, "    %s\n", _("Bij deze stap praten we alleen; er komen geen notities."));
		notes(room, step, out);
		switch (step) {
		case 3:
			strbuf_printf(out, "    %s\n", _("Competentiemodel:"));
			competences(room, self_id, 4, false, out);
			break;
		case 4:
			poster_plan_activities(room, 4, out);
			break;
		case 5:
			poster_plan_actions(room, 4, out);
			if (poster_reports_back(room))
				poster_findings(room, 4, out);
			break;
		default:
			break;
		}
	}
}

bool
poster_reports_back(const struct model_room *room)
{
	return room->workshop_code[0] != '\0' || room->findings.n > 0;
}

void
poster_findings(const struct model_room *room, int indent,
                struct strbuf *out)
{
	const Aandeslag__Finding *f;
	size_t i;

	strbuf_printf(out, _("%*sTerugkoppeling (%zu van %d bevindingen):\n"),
	              indent, "", room->findings.n, MODEL_FINDINGS_MAX);
	for (i = 0; i < room->findings.n; i++) {
		f = (const Aandeslag__Finding *)room->findings.v[i].msg;
		strbuf_printf(out, "%*s- [t%" PRIu32 "] %s\n", indent, "",
		              f->id, f->text);
	}
	if (room->findings.n == 0)
		strbuf_printf(out, "%*s%s\n", indent, "",
		              _("(nog geen bevindingen; typ bevinding TEKST, of bevinding n3 voor notitie 3)"));
}

void
poster_card(const struct model_room *room, uint32_t step, struct strbuf *out)
{
	const Aandeslag__ContentStep *st = step_of(room, step);
	const Aandeslag__ContentResource *r;
	size_t i;

	if (step < 1 || step > STEPS_COUNT) {
		strbuf_printf(out, _("Er is geen stap %" PRIu32 ".\n"), step);
		return;
	}
	strbuf_printf(out, _("Vragenkaart bij stap %" PRIu32 " %s (%" PRId64
	                     " min)\n"), step, poster_step_name(room, step),
	              room->clocks[step - 1].duration_ms / CLOCK_MINUTE_MS);
	strbuf_printf(out, _("Centrale vraag: %s\n"),
	              poster_step_question(room, step));
	if (st != NULL && content_text(st->goal)[0] != '\0')
		strbuf_printf(out, _("Doel: %s\n"), content_text(st->goal));
	strbuf_printf(out, "%s\n", _("Vragen (kies er een paar, in elke volgorde, of bedenk er zelf een):"));
	card_questions(room, step, 0, out);
	if (st == NULL || st->n_resources == 0)
		return;
	strbuf_printf(out, "%s\n", _("Hulpbronnen:"));
	for (i = 0; i < st->n_resources; i++) {
		r = st->resources[i];
		strbuf_printf(out, "  - %s", content_text(r->title));
		if (r->address[0] != '\0')
			strbuf_printf(out, ": %s", r->address);
		strbuf_puts(out, "\n");
	}
}

void
poster_model(const struct model_room *room, uint32_t self_id,
             struct strbuf *out)
{
	strbuf_printf(out, _("Competentiemodel (stap 3): %s\n"),
	              poster_step_question(room, 3));
	competences(room, self_id, 0, true, out);
}

/* Appends one setting: its name, then value or, when empty, "(niet
 * ingevuld)". */
static void
setting(const char *name, const char *value, struct strbuf *out)
{
	strbuf_printf(out, "  %s: %s\n", name,
	              value[0] != '\0' ? value : _("(niet ingevuld)"));
}

static const char *
yes_no(bool b)
{
	return b ? _("ja") : _("nee");
}

void
poster_settings(const struct model_room *room, struct strbuf *out)
{
	const struct model_settings *s = &room->settings;
	int64_t minutes, total = 0;
	unsigned step;

	strbuf_printf(out, "%s\n", _("Instellingen van de werksessie:"));
	setting(_("Titel"), room->title, out);
	setting(_("Opleiding"), s->programme, out);
	setting(_("Kwalificatiedossier"), s->qualification, out);
	strbuf_printf(out, "  %s: ", _("Niveau"));
	if (s->levels == 0)
		strbuf_puts(out, _("(niet ingevuld)"));
	levels(s->levels, out);
	strbuf_puts(out, "\n");
	setting(_("Regio"), s->region, out);
	strbuf_printf(out, "  %s:", _("Tijd per stap"));
	for (step = 1; step <= STEPS_COUNT; step++) {
		minutes = room->clocks[step - 1].duration_ms / CLOCK_MINUTE_MS;
		total += minutes;
		strbuf_printf(out, "%s %u %s %" PRId64 " min",
		              step > 1 ? "," : "", step,
		              poster_step_name(room, step), minutes);
	}
	strbuf_printf(out, _("; samen %" PRId64 " min\n"), total);
	strbuf_printf(out, "  %s: %" PRIu32 "\n", _("Stippen per persoon"),
	              s->vote_budget);
	strbuf_printf(out, "  %s: %s\n", _("Meer stippen op een competentie"),
	              yes_no(s->vote_stacking));
	strbuf_printf(out, "  %s: %s\n", _("Stemmen verborgen"),
	              yes_no(s->votes_hidden));
	strbuf_printf(out, "  %s: %s\n", _("Zonder namen (anoniem)"),
	              yes_no(s->anonymous));
	strbuf_printf(out, "  %s: %s\n", _("Bij stap 1 alleen praten"),
	              yes_no(s->talk_only));
	strbuf_printf(out, "  %s: ", _("Vervolgoverleg"));
	if (s->follow_up[0] != '\0')
		poster_date(s->follow_up, out);
	else
		strbuf_puts(out, _("(niet ingevuld)"));
	strbuf_puts(out, "\n");
	strbuf_printf(out, "  %s: %s\n", _("Op slot (niemand nieuw)"),
	              yes_no(s->locked));
	strbuf_printf(out, "  %s: %s\n", _("Met wachtwoord"),
	              yes_no(s->password_set));
	strbuf_printf(out, "  %s: %s\n", _("Afgerond"), yes_no(s->finished));
}
