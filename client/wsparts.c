/* The shared pieces of a workshop's status (see wsparts.h): written once
 * so that the facilitator's screen, the plenary and the line mode name a
 * clock, a step or an action in the very same words. */
#include "wsparts.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "code.h"
#include "i18n.h"
#include "poster.h"

const Aandeslag__RoomSummary *
wsparts_room(const Aandeslag__WorkshopStatus *ws, uint32_t n)
{
	if (ws == NULL || n == 0 || n > ws->n_rooms)
		return NULL;
	return ws->rooms[n - 1];
}

void
wsparts_time(const Aandeslag__StepClock *w, bool finished, int64_t age_ms,
             struct wsparts_time *out)
{
	struct clock c;

	memset(out, 0, sizeof *out);
	snprintf(out->text, sizeof out->text, "%s", "--:--");
	out->word = finished ? _("afgerond") : _("niet gestart");
	/* The clock is anchored at the moment the status was made, so that
	 * its age is all it takes to tick it on; clock_from_wire() also
	 * refuses times that cannot be. */
	if (w == NULL || clock_from_wire(&c, w, 0) != 0)
		return;
	out->valid = true;
	out->state = c.state;
	out->duration_ms = c.duration_ms;
	out->remaining_ms = clock_remaining(&c, age_ms < 0 ? 0 : age_ms);
	out->over = out->remaining_ms < 0;
	clock_format(out->remaining_ms, out->text);
	if (finished)
		return;
	switch (c.state) {
	case AANDESLAG__CLOCK_STATE__CLOCK_RUNNING:
		/* Overtime is said in words as well as by the "+", for a
		 * facilitator who scans the column of states. */
		out->word = out->over ? _("overtijd") : _("loopt");
		break;
	case AANDESLAG__CLOCK_STATE__CLOCK_PAUSED:
		out->word = _("pauze");
		break;
	default:
		out->word = _("niet gestart");
		break;
	}
}

const char *
wsparts_step_name(const struct content *content, uint32_t n)
{
	/* The method's own names, for a screen drawn before the content
	 * has come in. */
	static const char *const names[] = {
		N_("Betekenis"), N_("Relevantie"), N_("Competenties"),
		N_("Activiteiten"), N_("Aan de slag"),
	};
	const Aandeslag__ContentStep *step = NULL;

	if (n < 1 || n > sizeof names / sizeof names[0])
		return "?";
	if (content != NULL && content->msg != NULL)
		step = content_step(content, n);
	if (step != NULL && content_text(step->name)[0] != '\0')
		return content_text(step->name);
	return _(names[n - 1]);
}

const char *
wsparts_competence(const struct content *content, const char *id)
{
	const Aandeslag__ContentCompetence *c = NULL;

	if (content != NULL && content->msg != NULL)
		c = content_competence(content, id, NULL);
	return c != NULL ? content_text(c->name) : id;
}

void
wsparts_code(const char *code, char *out, size_t size)
{
	char formatted[CODE_SIZE];

	if (code != NULL && code_normalise(code, formatted) == 0)
		snprintf(out, size, "%s", formatted);
	else
		snprintf(out, size, "%s", code != NULL ? code : "");
}

void
wsparts_action_detail(const Aandeslag__Action *a, struct strbuf *out)
{
	strbuf_printf(out, "%s ", _("wie:"));
	poster_owners(a, out);
	if (a->when != NULL &&
	    a->when->kind != AANDESLAG__WHEN_KIND__WHEN_NONE) {
		strbuf_printf(out, "; %s ", _("wanneer:"));
		poster_when(a->when, out);
	}
	strbuf_printf(out, "; %s %s", _("status:"), poster_status(a->status));
}

void
wsparts_report(const Aandeslag__WorkshopStatus *ws, int64_t age_ms,
               struct strbuf *out)
{
	const Aandeslag__ReportState *r = ws != NULL ? ws->report : NULL;
	const Aandeslag__RoomSummary *room;
	struct wsparts_time t;

	if (r == NULL || r->phase == AANDESLAG__REPORT_PHASE__REPORT_NONE) {
		strbuf_puts(out, _("nog niet begonnen"));
		return;
	}
	if (r->phase == AANDESLAG__REPORT_PHASE__REPORT_OVERVIEW) {
		strbuf_puts(out, _("overzicht van alle groepen"));
		return;
	}
	room = wsparts_room(ws, r->room);
	wsparts_time(r->clock, false, age_ms, &t);
	strbuf_printf(out, _("groep %" PRIu32 " van %zu %s %s %s"), r->room,
	              ws->n_rooms, room != NULL ? room->name : "?", t.text,
	              t.word);
}
