/* The facilitator's texts in the line mode (formats in wsline.h): one
 * line per fact, each opened by a fixed word, so that the overview can be
 * read down a terminal and grepped by a script alike. */
#include "wsline.h"

#include <inttypes.h>
#include <string.h>

#include "i18n.h"
#include "strbuf.h"
#include "wsparts.h"

/* Returns s, or "-" for an empty or missing text, so that no field of a
 * line is ever blank. */
static const char *
or_dash(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : "-";
}

void
wsline_room(FILE *out, const Aandeslag__RoomSummary *r, uint32_t n,
            int64_t age_ms, const struct content *content)
{
	struct wsparts_time t;
	char code[64];

	wsparts_code(r->code, code, sizeof code);
	wsparts_time(r->clock, r->finished, age_ms, &t);
	fprintf(out, _("groep %" PRIu32 " %s %s %" PRIu32 "/%d (%" PRIu32
	               " verbonden) voorzitter %s stap %" PRIu32 " %s %s %s bevindingen %zu/%d\n"),
	        n, or_dash(r->name), or_dash(code), r->seated, WSPARTS_SEATS,
	        r->connected, or_dash(r->chair), r->current_step,
	        wsparts_step_name(content, r->current_step), t.text, t.word,
	        r->n_findings, WSPARTS_FINDINGS_MAX);
}

/* Who sits in room r, for the facilitator who moves people: the names
 * as the room gives them, "-" when it gives none (anonymous mode). */
static void
who_line(FILE *out, const Aandeslag__RoomSummary *r, size_t n)
{
	size_t i;

	fprintf(out, _("deelnemers %zu "), n);
	for (i = 0; i < r->n_participants; i++)
		fprintf(out, "%s%s", i ? ", " : "", r->participants[i]);
	fprintf(out, "%s\n", r->n_participants == 0 ? "-" : "");
}

static void
report_phase(FILE *out, const Aandeslag__WorkshopStatus *ws, int64_t age_ms)
{
	struct strbuf sb = { 0 };

	wsparts_report(ws, age_ms, &sb);
	fprintf(out, "%s %s\n", _("terugkoppeling"), strbuf_str(&sb));
	strbuf_free(&sb);
}

void
wsline_status(FILE *out, const Aandeslag__WorkshopStatus *ws,
              int64_t age_ms, const struct content *content)
{
	const Aandeslag__ScheduleItem *item;
	char code[64];
	size_t i;

	wsparts_code(ws->code, code, sizeof code);
	fprintf(out, "%s %s %s%s%s\n", _("workshop"), or_dash(code),
	        or_dash(ws->title), ws->date[0] != '\0' ? " " : "", ws->date);
	for (i = 0; i < ws->n_rooms; i++)
		wsline_room(out, ws->rooms[i], (uint32_t)(i + 1), age_ms, content);
	for (i = 0; i < ws->n_rooms; i++)
		who_line(out, ws->rooms[i], i + 1);
	fprintf(out, "%s %s\n", _("bericht"), or_dash(ws->announcement));
	for (i = 0; i < ws->n_schedule; i++) {
		item = ws->schedule[i];
		fprintf(out, "%s %s %s%s\n", _("rooster"), or_dash(item->time),
		        or_dash(item->label),
		        item->report_back ? _(" (terugkoppeling)") : "");
	}
	if (ws->n_schedule == 0)
		fprintf(out, "%s -\n", _("rooster"));
	report_phase(out, ws, age_ms);
}

/* The findings, chosen competences and actions of room r; indent is put
 * before each line. With actions false only their number is given. */
static void
room_results(FILE *out, const Aandeslag__RoomSummary *r,
             const struct content *content, const char *indent,
             bool actions)
{
	struct strbuf sb = { 0 };
	size_t i;

	for (i = 0; i < r->n_findings; i++)
		fprintf(out, _("%sbevinding %zu: %s\n"), indent, i + 1,
		        r->findings[i]->text);
	if (r->n_findings == 0)
		fprintf(out, _("%sbevindingen: geen\n"), indent);
	for (i = 0; i < r->n_marked; i++)
		fprintf(out, _("%scompetentie: %s\n"), indent,
		        wsparts_competence(content, r->marked[i]));
	if (r->n_marked == 0)
		fprintf(out, _("%scompetenties: geen\n"), indent);
	if (!actions) {
		fprintf(out, _("%sacties: %zu\n"), indent, r->n_actions);
		return;
	}
	for (i = 0; i < r->n_actions; i++) {
		wsparts_action_detail(r->actions[i], &sb);
		fprintf(out, _("%sactie: %s (%s)\n"), indent,
		        r->actions[i]->text, strbuf_str(&sb));
		strbuf_free(&sb);
	}
	if (r->n_actions == 0)
		fprintf(out, _("%sacties: geen\n"), indent);
}

void
wsline_report(FILE *out, const Aandeslag__WorkshopStatus *ws,
              int64_t age_ms, const struct content *content)
{
	const Aandeslag__ReportState *rs = ws->report;
	const Aandeslag__RoomSummary *r;
	size_t i;

	report_phase(out, ws, age_ms);
	if (rs == NULL)
		return;
	if (rs->phase == AANDESLAG__REPORT_PHASE__REPORT_ROOM) {
		r = wsparts_room(ws, rs->room);
		if (r == NULL)
			return;
		fprintf(out, "%s %s\n", _("opleiding"), or_dash(r->programme));
		room_results(out, r, content, "", true);
	} else if (rs->phase == AANDESLAG__REPORT_PHASE__REPORT_OVERVIEW) {
		for (i = 0; i < ws->n_rooms; i++) {
			r = ws->rooms[i];
			fprintf(out, _("groep %zu %s\n"), i + 1, or_dash(r->name));
			room_results(out, r, content, "  ", false);
		}
	}
}
