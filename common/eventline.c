/* One readable Dutch line per event: what the team sees happen, in the
 * words of the poster. The lines of notes, the clock, steps, joining,
 * leaving and presence are read by scripts and tests and do not change;
 * the others say who did what to which item, with the item's id as the
 * poster prints it. An event is rendered before it is applied, so the room
 * still holds what it changes: an action's old owners, a leaver's name. */
#include "eventline.h"

#include <inttypes.h>
#include <string.h>

#include "i18n.h"
#include "poster.h"

static void
note_line(const struct model_room *room, const Aandeslag__Note *n,
          struct strbuf *out)
{
	const char *author;

	/* The team chose to show no names: neither does the line. */
	if (room->settings.anonymous)
		author = _("(anoniem)");
	else
		author = n->author_name[0] ? n->author_name : _("(zonder naam)");
	strbuf_printf(out, _("notitie %" PRIu32 " bij stap %" PRIu32
	                     " van %s: %s"), n->id, n->step, author, n->text);
}

static void
clock_line(const Aandeslag__ClockChanged *c, struct strbuf *out)
{
	const Aandeslag__StepClock *k = c->clock;

	if (k == NULL) {
		strbuf_puts(out, _("klok gewijzigd"));
		return;
	}
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
	case AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_SERVER_STOPPED:
		strbuf_puts(out, _("gepauzeerd omdat de server wegviel"));
		break;
	default:
		strbuf_puts(out, _("gewijzigd"));
		break;
	}
	strbuf_puts(out, ": ");
	poster_clock_state(k->state, k->remaining_ms, out);
	strbuf_printf(out, _(" (gepland %" PRId64 " min)"),
	              k->duration_ms / CLOCK_MINUTE_MS);
}

static void
step_line(const struct model_room *room, const Aandeslag__StepChanged *s,
          struct strbuf *out)
{
	strbuf_printf(out, _("stap %" PRIu32 " %s: %s (klok "), s->step,
	              poster_step_name(room, s->step),
	              poster_step_question(room, s->step));
	if (s->clock != NULL)
		poster_clock_state(s->clock->state, s->clock->remaining_ms, out);
	else
		strbuf_puts(out, "?");
	strbuf_puts(out, ")");
}

static void
left_line(const struct model_room *room, const Aandeslag__Event *ev,
          struct strbuf *out)
{
	const Aandeslag__ParticipantLeft *l = ev->participant_left;

	if (l->removed)
		strbuf_printf(out, _("%s is door %s uit de werksessie gehaald"),
		              poster_name(room, l->participant_id),
		              poster_name(room, ev->actor_id));
	else if (l->moved_to != NULL && l->moved_to[0] != '\0')
		strbuf_printf(out, _("%s is door de begeleider verplaatst naar groep %s"),
		              poster_name(room, l->participant_id), l->moved_to);
	else
		strbuf_printf(out, _("%s heeft de werksessie verlaten"),
		              poster_name(room, l->participant_id));
}

/* A new chair says who has the role now: handed over by the chair (the
 * plain line), taken over from a chair who was away, or given back by
 * the server to the chair with the recovery code (actor 0). */
static void
role_line(const struct model_room *room, const Aandeslag__Event *ev,
          struct strbuf *out)
{
	const Aandeslag__RoleChanged *r = ev->role;
	const struct model_participant *p = model_participant(room,
	                                                      r->participant_id);
	const char *name = poster_name(room, r->participant_id);
	uint32_t chair = model_chair(room);

	if (r->role == AANDESLAG__ROLE__ROLE_PARTICIPANT && p != NULL &&
	    p->role == AANDESLAG__ROLE__ROLE_SCRIBE)
		strbuf_printf(out, _("%s is geen notulist meer"), name);
	else if (r->role == AANDESLAG__ROLE__ROLE_CHAIR &&
	         ev->actor_id == r->participant_id && chair != 0 &&
	         chair != r->participant_id)
		strbuf_printf(out, _("%s heeft het voorzitterschap overgenomen "
		                     "van %s"), name, poster_name(room, chair));
	else if (r->role == AANDESLAG__ROLE__ROLE_CHAIR && ev->actor_id == 0)
		strbuf_printf(out, _("%s is weer voorzitter, met de "
		                     "voorzitterscode"), name);
	else
		strbuf_printf(out, _("%s is nu %s"), name, poster_role(r->role));
}

/* A text setting that may be cleared. */
static void
text_setting(const char *name, const char *text, struct strbuf *out)
{
	if (text[0] == '\0')
		strbuf_printf(out, _("%s gewist"), name);
	else
		strbuf_printf(out, "%s: %s", name, text);
}

/* The tallies of revealed votes, in the order of the model. */
static void
revealed(const struct model_room *room, const Aandeslag__SettingChanged *sc,
         struct strbuf *out)
{
	const Aandeslag__Content *c = room->content ? room->content->msg : NULL;
	const char *id;
	uint32_t dots;
	size_t i, j, k, shown = 0;

	for (i = 0; c != NULL && i < c->n_categories; i++)
		for (j = 0; j < c->categories[i]->n_competences; j++) {
			id = c->categories[i]->competences[j]->id;
			dots = 0;
			for (k = 0; k < sc->n_votes; k++)
				if (sc->votes[k] != NULL &&
				    strcmp(sc->votes[k]->competence_id, id) == 0)
					dots += sc->votes[k]->dots;
			if (dots > 0)
				strbuf_printf(out, "%s %s %" PRIu32,
				              shown++ ? "," : ":", id, dots);
		}
	if (shown == 0)
		strbuf_printf(out, " (%s)", _("nog geen stippen"));
}

static void
setting_line(const struct model_room *room,
             const Aandeslag__SettingChanged *sc, struct strbuf *out)
{
	const Aandeslag__ChangeSetting *ch = sc->setting;
	size_t i;

	if (ch == NULL) {
		strbuf_puts(out, _("instelling gewijzigd"));
		return;
	}
	switch (ch->key) {
	case AANDESLAG__SETTING_KEY__SETTING_TITLE:
		strbuf_printf(out, _("titel: %s"), ch->text);
		break;
	case AANDESLAG__SETTING_KEY__SETTING_PROGRAMME:
		text_setting(_("opleiding"), ch->text, out);
		break;
	case AANDESLAG__SETTING_KEY__SETTING_QUALIFICATION:
		text_setting(_("kwalificatiedossier"), ch->text, out);
		break;
	case AANDESLAG__SETTING_KEY__SETTING_REGION:
		text_setting(_("regio"), ch->text, out);
		break;
	case AANDESLAG__SETTING_KEY__SETTING_LEVELS:
		if (ch->n_numbers == 0)
			strbuf_printf(out, _("%s gewist"), _("niveau"));
		else
			strbuf_puts(out, _("niveau:"));
		for (i = 0; i < ch->n_numbers; i++)
			strbuf_printf(out, "%s %" PRIu32, i ? "," : "",
			              ch->numbers[i]);
		break;
	case AANDESLAG__SETTING_KEY__SETTING_STEP_MINUTES:
		strbuf_printf(out, _("stap %" PRIu32 " duurt nu %" PRIu32 " min"),
		              ch->step, ch->number);
		if (sc->clock != NULL) {
			strbuf_puts(out, _(" (klok "));
			poster_clock_state(sc->clock->state,
			                   sc->clock->remaining_ms, out);
			strbuf_puts(out, ")");
		}
		break;
	case AANDESLAG__SETTING_KEY__SETTING_VOTE_BUDGET:
		strbuf_printf(out, _("ieder heeft nu %" PRIu32 " stippen"),
		              ch->number);
		break;
	case AANDESLAG__SETTING_KEY__SETTING_VOTE_STACKING:
		strbuf_puts(out, ch->flag ?
		            _("meer stippen op een competentie mag nu") :
		            _("nu een stip per competentie"));
		break;
	case AANDESLAG__SETTING_KEY__SETTING_VOTES_HIDDEN:
		if (ch->flag) {
			strbuf_puts(out, _("de stemmen zijn verborgen tot de voorzitter ze laat zien"));
		} else {
			strbuf_puts(out, _("de stemmen zijn zichtbaar"));
			if (room->settings.votes_hidden)
				revealed(room, sc, out);
		}
		break;
	case AANDESLAG__SETTING_KEY__SETTING_ANONYMOUS:
		strbuf_puts(out, ch->flag ?
		            _("notities en stemmen staan nu zonder namen op de poster") :
		            _("notities en stemmen staan weer met namen op de poster"));
		break;
	case AANDESLAG__SETTING_KEY__SETTING_TALK_ONLY:
		strbuf_puts(out, ch->flag ?
		            _("bij stap 1 praten we alleen, zonder notities") :
		            _("bij stap 1 kunnen weer notities"));
		break;
	case AANDESLAG__SETTING_KEY__SETTING_LOCKED:
		strbuf_puts(out, ch->flag ?
		            _("de werksessie is op slot: niemand nieuw kan erbij") :
		            _("de werksessie is weer open voor nieuwe deelnemers"));
		break;
	case AANDESLAG__SETTING_KEY__SETTING_PASSWORD:
		strbuf_puts(out, ch->flag ?
		            _("de werksessie heeft nu een wachtwoord") :
		            _("de werksessie heeft geen wachtwoord meer"));
		break;
	case AANDESLAG__SETTING_KEY__SETTING_FOLLOW_UP:
		if (ch->text[0] == '\0') {
			strbuf_printf(out, _("%s gewist"), _("vervolgoverleg"));
		} else {
			strbuf_puts(out, _("vervolgoverleg: "));
			poster_date(ch->text, out);
		}
		break;
	case AANDESLAG__SETTING_KEY__SETTING_FINISHED:
		strbuf_puts(out, _("de werksessie is afgerond"));
		break;
	default:
		strbuf_puts(out, _("instelling gewijzigd"));
		break;
	}
}

static void
question_line(const struct model_room *room, const Aandeslag__CardQuestion *q,
              struct strbuf *out)
{
	if (room->settings.anonymous || q->author_name[0] == '\0')
		strbuf_printf(out, _("eigen vraag e%" PRIu32 " bij stap %" PRIu32
		                     ": %s"), q->id, q->step, q->text);
	else
		strbuf_printf(out, _("eigen vraag e%" PRIu32 " bij stap %" PRIu32
		                     " van %s: %s"), q->id, q->step,
		              q->author_name, q->text);
}

static void
table_line(const struct model_room *room, const Aandeslag__TableQuestion *t,
           struct strbuf *out)
{
	const Aandeslag__ContentQuestion *cq = NULL;
	const Aandeslag__CardQuestion *q;

	if (t->content_id[0] == '\0' && t->own_id == 0) {
		strbuf_puts(out, _("er ligt geen vraag meer op tafel"));
		return;
	}
	strbuf_printf(out, _("op tafel (stap %" PRIu32 "): "), t->step);
	if (t->content_id[0] != '\0') {
		if (room->content != NULL)
			cq = content_question(room->content, t->content_id, NULL);
		strbuf_printf(out, "%s %s", t->content_id,
		              cq ? content_text(cq->text) : "");
		return;
	}
	q = (const Aandeslag__CardQuestion *)items_find(&room->questions,
	                                                t->own_id);
	strbuf_printf(out, "e%" PRIu32 " %s", t->own_id, q ? q->text : "");
}

static void
vote_line(const struct model_room *room, const Aandeslag__VoteCast *v,
          struct strbuf *out)
{
	const char *who = poster_name(room, v->participant_id);
	const char *id = v->competence_id;
	bool add = v->delta > 0, anon = room->settings.anonymous;
	uint32_t now;

	if (id[0] == '\0') {
		/* Someone else's dot while the votes are hidden. */
		if (anon)
			strbuf_puts(out, add ? _("er is een stip gezet (verborgen)") :
			            _("er is een stip teruggenomen (verborgen)"));
		else
			strbuf_printf(out, add ? _("%s zet een stip (verborgen)") :
			              _("%s neemt een stip terug (verborgen)"), who);
		return;
	}
	if (anon)
		strbuf_printf(out, add ? _("een stip op %s (%s)") :
		              _("een stip minder op %s (%s)"), id,
		              poster_competence(room, id));
	else
		strbuf_printf(out, add ? _("%s zet een stip op %s (%s)") :
		              _("%s neemt een stip terug van %s (%s)"), who, id,
		              poster_competence(room, id));
	if (!room->settings.votes_hidden) {
		now = model_tally(room, id);
		now = add ? now + 1 : now > 0 ? now - 1 : 0;
		strbuf_printf(out, _("; nu %" PRIu32), now);
	}
}

static bool
same_str(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static bool
same_when(const Aandeslag__When *a, const Aandeslag__When *b)
{
	int ka = a ? a->kind : AANDESLAG__WHEN_KIND__WHEN_NONE;
	int kb = b ? b->kind : AANDESLAG__WHEN_KIND__WHEN_NONE;

	if (ka != kb)
		return false;
	return ka == AANDESLAG__WHEN_KIND__WHEN_NONE ||
	       same_str(a->value, b->value);
}

/* Whether two actions agree on everything but their owners and status. */
static bool
same_plan(const Aandeslag__Action *a, const Aandeslag__Action *b)
{
	return same_str(a->text, b->text) && a->activity_id == b->activity_id &&
	       a->needs == b->needs && same_str(a->needs_text, b->needs_text) &&
	       a->study_years == b->study_years && same_when(a->when, b->when);
}

static bool
owns(const Aandeslag__Action *a, uint32_t pid)
{
	size_t i;

	for (i = 0; i < a->n_owners; i++)
		if (a->owners[i] != NULL && a->owners[i]->participant_id == pid &&
		    a->owners[i]->kind == AANDESLAG__OWNER_KIND__OWNER_PARTICIPANT)
			return true;
	return false;
}

/* A changed action: says what happened when it is one thing (someone
 * took it on or gave it back, its status moved), else shows it whole. */
static void
action_changed(const struct model_room *room, const Aandeslag__Event *ev,
               struct strbuf *out)
{
	const Aandeslag__Action *a = ev->action_changed, *old;
	uint32_t actor = ev->actor_id;

	old = (const Aandeslag__Action *)items_find(&room->actions, a->id);
	if (old != NULL && same_plan(old, a) && old->status == a->status &&
	    actor != 0 && owns(a, actor) != owns(old, actor) &&
	    (owns(a, actor) ? a->n_owners == old->n_owners + 1 :
	     a->n_owners + 1 == old->n_owners)) {
		strbuf_printf(out, owns(a, actor) ?
		              _("%s neemt actie p%" PRIu32 " op zich: %s") :
		              _("%s geeft actie p%" PRIu32 " terug: %s"),
		              poster_name(room, actor), a->id, a->text);
		return;
	}
	if (old != NULL && same_plan(old, a) && old->status != a->status &&
	    old->n_owners == a->n_owners) {
		strbuf_printf(out, _("actie p%" PRIu32 " is nu %s: %s"), a->id,
		              poster_status(a->status), a->text);
		return;
	}
	strbuf_printf(out, _("actie p%" PRIu32 " gewijzigd: "), a->id);
	poster_action(room, a, out);
}

/* The name of an item about to be deleted, for the line. */
static const char *
deleted_name(const struct model_room *room, const struct items *items,
             uint32_t id, bool activity)
{
	const ProtobufCMessage *m = items_find(items, id);

	if (m == NULL)
		return "?";
	if (activity)
		return poster_activity_name(room, (const Aandeslag__Activity *)m);
	return ((const Aandeslag__Action *)m)->text;
}

/* A finding for the report back, with who marked it unless the room is
 * anonymous or they are no longer seated. */
static void
finding_line(const struct model_room *room, const Aandeslag__Finding *f,
             struct strbuf *out)
{
	const struct model_participant *p =
		model_participant(room, f->author_id);

	if (room->settings.anonymous || p == NULL)
		strbuf_printf(out, _("bevinding t%" PRIu32 " voor de "
		                     "terugkoppeling: %s"), f->id, f->text);
	else
		strbuf_printf(out, _("bevinding t%" PRIu32 " van %s voor de "
		                     "terugkoppeling: %s"), f->id, p->name,
		              f->text);
}

static void
finding_deleted_line(const struct model_room *room, uint32_t id,
                     struct strbuf *out)
{
	const Aandeslag__Finding *f = (const Aandeslag__Finding *)
		items_find(&room->findings, id);

	strbuf_printf(out, _("bevinding t%" PRIu32 " verwijderd: %s"), id,
	              f ? f->text : "?");
}

static void
announced_line(const Aandeslag__Announce *a, struct strbuf *out)
{
	if (a->text[0] == '\0')
		strbuf_puts(out, _("het bericht van de begeleider is weggehaald"));
	else
		strbuf_printf(out, _("bericht van de begeleider: %s"), a->text);
}

/* Whether the sub-message of the event's change is there: a line must
 * not crash on an event that model_apply() will refuse afterwards. */
static bool
complete(const Aandeslag__Event *ev)
{
	const void *sub;

	switch (ev->change_case) {
	case AANDESLAG__EVENT__CHANGE_NOTE_ADDED: sub = ev->note_added; break;
	case AANDESLAG__EVENT__CHANGE_CLOCK: sub = ev->clock; break;
	case AANDESLAG__EVENT__CHANGE_STEP: sub = ev->step; break;
	case AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED: sub = ev->participant_joined; break;
	case AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT: sub = ev->participant_left; break;
	case AANDESLAG__EVENT__CHANGE_PRESENCE: sub = ev->presence; break;
	case AANDESLAG__EVENT__CHANGE_NOTE_EDITED: sub = ev->note_edited; break;
	case AANDESLAG__EVENT__CHANGE_NOTE_DELETED: sub = ev->note_deleted; break;
	case AANDESLAG__EVENT__CHANGE_SETTING: sub = ev->setting; break;
	case AANDESLAG__EVENT__CHANGE_ROLE: sub = ev->role; break;
	case AANDESLAG__EVENT__CHANGE_QUESTION_ADDED: sub = ev->question_added; break;
	case AANDESLAG__EVENT__CHANGE_TABLE: sub = ev->table; break;
	case AANDESLAG__EVENT__CHANGE_VOTE: sub = ev->vote; break;
	case AANDESLAG__EVENT__CHANGE_MARKED: sub = ev->marked; break;
	case AANDESLAG__EVENT__CHANGE_ACTIVITY_ADDED: sub = ev->activity_added; break;
	case AANDESLAG__EVENT__CHANGE_ACTIVITY_CHANGED: sub = ev->activity_changed; break;
	case AANDESLAG__EVENT__CHANGE_ACTIVITY_DELETED: sub = ev->activity_deleted; break;
	case AANDESLAG__EVENT__CHANGE_ACTION_ADDED: sub = ev->action_added; break;
	case AANDESLAG__EVENT__CHANGE_ACTION_CHANGED: sub = ev->action_changed; break;
	case AANDESLAG__EVENT__CHANGE_ACTION_DELETED: sub = ev->action_deleted; break;
	case AANDESLAG__EVENT__CHANGE_FINDING_ADDED: sub = ev->finding_added; break;
	case AANDESLAG__EVENT__CHANGE_FINDING_DELETED: sub = ev->finding_deleted; break;
	case AANDESLAG__EVENT__CHANGE_ANNOUNCED: sub = ev->announced; break;
	default: sub = NULL; break;
	}
	return sub != NULL;
}

void
eventline_render(const struct model_room *room, const Aandeslag__Event *ev,
                 struct strbuf *out)
{
	const Aandeslag__Note *n;
	uint32_t id;

	strbuf_printf(out, "[%" PRIu64 "] ", ev->seq);
	if (!complete(ev)) {
		strbuf_puts(out, _("onbekende wijziging"));
		strbuf_puts(out, "\n");
		return;
	}
	switch (ev->change_case) {
	case AANDESLAG__EVENT__CHANGE_NOTE_ADDED:
		note_line(room, ev->note_added, out);
		break;
	case AANDESLAG__EVENT__CHANGE_NOTE_EDITED:
		n = ev->note_edited;
		strbuf_printf(out, _("notitie %" PRIu32 " bij stap %" PRIu32
		                     " gewijzigd: %s"), n->id, n->step, n->text);
		break;
	case AANDESLAG__EVENT__CHANGE_NOTE_DELETED:
		strbuf_printf(out, _("notitie %" PRIu32 " verwijderd"),
		              ev->note_deleted->note_id);
		break;
	case AANDESLAG__EVENT__CHANGE_CLOCK:
		clock_line(ev->clock, out);
		break;
	case AANDESLAG__EVENT__CHANGE_STEP:
		step_line(room, ev->step, out);
		break;
	case AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED:
		strbuf_printf(out, _("%s doet mee (%s)"),
		              ev->participant_joined->name,
		              poster_role(ev->participant_joined->role));
		break;
	case AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT:
		left_line(room, ev, out);
		break;
	case AANDESLAG__EVENT__CHANGE_PRESENCE:
		strbuf_printf(out, ev->presence->connected ?
		              _("%s is weer verbonden") :
		              _("%s is niet meer verbonden"),
		              poster_name(room, ev->presence->participant_id));
		break;
	case AANDESLAG__EVENT__CHANGE_SETTING:
		setting_line(room, ev->setting, out);
		break;
	case AANDESLAG__EVENT__CHANGE_ROLE:
		role_line(room, ev, out);
		break;
	case AANDESLAG__EVENT__CHANGE_QUESTION_ADDED:
		question_line(room, ev->question_added, out);
		break;
	case AANDESLAG__EVENT__CHANGE_TABLE:
		table_line(room, ev->table, out);
		break;
	case AANDESLAG__EVENT__CHANGE_VOTE:
		vote_line(room, ev->vote, out);
		break;
	case AANDESLAG__EVENT__CHANGE_MARKED:
		strbuf_printf(out, ev->marked->marked ?
		              _("competentie %s (%s) gekozen") :
		              _("competentie %s (%s) niet meer gekozen"),
		              ev->marked->competence_id,
		              poster_competence(room, ev->marked->competence_id));
		break;
	case AANDESLAG__EVENT__CHANGE_ACTIVITY_ADDED:
		strbuf_printf(out, _("activiteit a%" PRIu32 " van %s: "),
		              ev->activity_added->id,
		              poster_name(room, ev->actor_id));
		poster_activity(room, ev->activity_added, out);
		break;
	case AANDESLAG__EVENT__CHANGE_ACTIVITY_CHANGED:
		strbuf_printf(out, _("activiteit a%" PRIu32 " gewijzigd: "),
		              ev->activity_changed->id);
		poster_activity(room, ev->activity_changed, out);
		break;
	case AANDESLAG__EVENT__CHANGE_ACTIVITY_DELETED:
		id = ev->activity_deleted->id;
		strbuf_printf(out, _("activiteit a%" PRIu32 " verwijderd: %s"), id,
		              deleted_name(room, &room->activities, id, true));
		break;
	case AANDESLAG__EVENT__CHANGE_ACTION_ADDED:
		strbuf_printf(out, _("actie p%" PRIu32 " van %s: "),
		              ev->action_added->id,
		              poster_name(room, ev->actor_id));
		poster_action(room, ev->action_added, out);
		break;
	case AANDESLAG__EVENT__CHANGE_ACTION_CHANGED:
		action_changed(room, ev, out);
		break;
	case AANDESLAG__EVENT__CHANGE_ACTION_DELETED:
		id = ev->action_deleted->id;
		strbuf_printf(out, _("actie p%" PRIu32 " verwijderd: %s"), id,
		              deleted_name(room, &room->actions, id, false));
		break;
	case AANDESLAG__EVENT__CHANGE_FINDING_ADDED:
		finding_line(room, ev->finding_added, out);
		break;
	case AANDESLAG__EVENT__CHANGE_FINDING_DELETED:
		finding_deleted_line(room, ev->finding_deleted->id, out);
		break;
	case AANDESLAG__EVENT__CHANGE_ANNOUNCED:
		announced_line(ev->announced, out);
		break;
	default:
		strbuf_puts(out, _("onbekende wijziging"));
		break;
	}
	strbuf_puts(out, "\n");
}
