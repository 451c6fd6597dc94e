/* The poster as text, for the line mode's show and who, and event lines:
 * the same words a screen reader user and a script both read. */
#include "poster.h"

#include <inttypes.h>

#include "i18n.h"

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
	default:
		return _("deelnemer");
	}
}

static void
clock_state(int state, int64_t remaining, struct strbuf *out)
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
	clock_state(c->state, clock_remaining(c, now), out);
}

static const char *
name_of(const struct model_room *room, uint32_t id)
{
	const struct model_participant *p = model_participant(room, id);

	return p ? p->name : "?";
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
		if (p->role == AANDESLAG__ROLE__ROLE_CHAIR)
			strbuf_printf(out, " (%s)", poster_role(p->role));
		if (p->id == self_id)
			strbuf_printf(out, " (%s)", _("jij"));
		if (!p->connected)
			strbuf_printf(out, " (%s)", _("weg"));
	}
	strbuf_puts(out, "\n");
}

static void
clock_line(const Aandeslag__ClockChanged *c, struct strbuf *out)
{
	const Aandeslag__StepClock *k = c->clock;

	strbuf_printf(out, _("klok stap %" PRIu32 " "), k->step);
	switch (c->action) {
	case AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_START:
		strbuf_puts(out, _("gestart"));
		break;
	case AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_PAUSE:
		strbuf_puts(out, _("gepauzeerd"));
		break;
	case AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_RESUME:
		strbuf_puts(out, _("hervat"));
		break;
	case AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND:
		strbuf_printf(out, _("verlengd met %" PRIu32 " min"), c->minutes);
		break;
	case AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_SHORTEN:
		strbuf_printf(out, _("ingekort met %" PRIu32 " min"), c->minutes);
		break;
	default:
		strbuf_puts(out, _("gewijzigd"));
		break;
	}
	strbuf_puts(out, ": ");
	clock_state(k->state, k->remaining_ms, out);
	strbuf_printf(out, _(" (gepland %" PRId64 " min)"),
	              k->duration_ms / CLOCK_MINUTE_MS);
}

void
poster_event_line(const struct model_room *room, const Aandeslag__Event *ev,
                  struct strbuf *out)
{
	const Aandeslag__Note *n;
	const Aandeslag__StepChanged *s;

	strbuf_printf(out, "[%" PRIu64 "] ", ev->seq);
	switch (ev->change_case) {
	case AANDESLAG__EVENT__CHANGE_NOTE_ADDED:
		n = ev->note_added;
		strbuf_printf(out, _("notitie %" PRIu32 " bij stap %" PRIu32
		                     " van %s: %s"), n->id, n->step,
		              n->author_name[0] ? n->author_name : _("(zonder naam)"),
		              n->text);
		break;
	case AANDESLAG__EVENT__CHANGE_CLOCK:
		clock_line(ev->clock, out);
		break;
	case AANDESLAG__EVENT__CHANGE_STEP:
		s = ev->step;
		strbuf_printf(out, _("stap %" PRIu32 " %s: %s (klok "), s->step,
		              steps_name(s->step), steps_question(s->step));
		clock_state(s->clock->state, s->clock->remaining_ms, out);
		strbuf_puts(out, ")");
		break;
	case AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED:
		strbuf_printf(out, _("%s doet mee (%s)"),
		              ev->participant_joined->name,
		              poster_role(ev->participant_joined->role));
		break;
	case AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT:
		strbuf_printf(out, _("%s heeft de werksessie verlaten"),
		              name_of(room, ev->participant_left->participant_id));
		break;
	case AANDESLAG__EVENT__CHANGE_PRESENCE:
		strbuf_printf(out, ev->presence->connected ?
		              _("%s is weer verbonden") :
		              _("%s is niet meer verbonden"),
		              name_of(room, ev->presence->participant_id));
		break;
	default:
		strbuf_puts(out, _("onbekende wijziging"));
		break;
	}
	strbuf_puts(out, "\n");
}

void
poster_render(const struct model_room *room, int64_t now, uint32_t self_id,
              struct strbuf *out)
{
	const struct clock *c;
	unsigned step;
	size_t i, count;

	strbuf_printf(out, _("Werksessie: %s (code %s)\n"), room->title,
	              room->code);
	c = &room->clocks[room->current_step - 1];
	strbuf_printf(out, _("Het team is bij stap %" PRIu32 " van %d, %s; klok "),
	              room->current_step, STEPS_COUNT,
	              steps_name(room->current_step));
	poster_clock(c, now, out);
	strbuf_printf(out, _(" (gepland %" PRId64 " min)\n"),
	              c->duration_ms / CLOCK_MINUTE_MS);
	poster_who(room, self_id, out);
	for (step = 1; step <= STEPS_COUNT; step++) {
		c = &room->clocks[step - 1];
		strbuf_printf(out, "\n%s%u %s (%" PRId64 " min): %s\n",
		              step == room->current_step ? "> " : "  ", step,
		              steps_name(step), c->duration_ms / CLOCK_MINUTE_MS,
		              steps_question(step));
		count = 0;
		for (i = 0; i < room->nnotes; i++) {
			const struct model_note *n = &room->notes[i];

			if (n->step != step)
				continue;
			strbuf_printf(out, "    - [%" PRIu32 "] %s: %s\n", n->id,
			              n->author_name[0] ? n->author_name :
			              _("(zonder naam)"), n->text);
			count++;
		}
		if (count == 0)
			strbuf_printf(out, "    %s\n", _("(nog niets)"));
	}
}
