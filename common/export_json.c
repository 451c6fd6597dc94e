/* The whole room as one JSON object (RFC 8259, UTF-8), for archives and
 * other programs. Keys are English and stable; texts are as on the poster
 * (in the current language where the poster translates them); states are
 * fixed English words. A key is never renamed within a version.
 *
 * {
 *   "format": "aandeslag-room", "version": 1,
 *   "code": "K7QM-2XPD", "title": "...",
 *   "settings": {"programme": "", "qualification": "", "region": "",
 *                "levels": [3, 4], "vote_budget": 3,
 *                "vote_stacking": false, "votes_hidden": false,
 *                "anonymous": false, "talk_only": false,
 *                "finished": false,
 *                "follow_up": "2027-03-15" | null},
 *   "current_step": 1,
 *   "steps": [{"step": 1, "name": "...",
 *              "clock": {"state": "idle" | "running" | "paused",
 *                        "remaining_ms": 1200000,   (negative: overtime)
 *                        "duration_ms": 1200000,
 *                        "interrupted": false}}, ... five],
 *   "participants": [{"id": 1, "name": "...",
 *                     "role": "chair" | "participant" | "scribe"
 *                             | "viewer" | "facilitator"}],
 *                   (empty in an anonymous room)
 *   "notes": [{"id": 1, "step": 1, "author": "..." | null, "text": "..."}],
 *            (author null in an anonymous room or for a note without name)
 *   "questions": [{"id": 1, "step": 2, "author": "..." | null,
 *                  "text": "..."}],         (the team's own card questions)
 *   "table": {"step": 2, "content_id": "q2"} | {"step": 2, "question_id": 1}
 *            | null,                        (the question on the table)
 *   "marked": ["talen", ...],               (competence ids, as marked)
 *   "votes": [{"competence": "talen", "dots": 3,
 *              "by": [{"name": "Ann", "dots": 2}, ...]}],
 *            (competences of the model with at least one dot, in the
 *             model's order; the whole key is left out while the votes
 *             are hidden, and "by" is left out in an anonymous room)
 *   "activities": [{"id": 1, "name": "...", "text": "...",
 *                   "catalogue_id": "stage" | "", "done": false,
 *                   "place": "abroad" | "home" | null,
 *                   "competences": ["talen", ...]}],
 *   "actions": [{"id": 1, "text": "...", "owners": ["Ann", "het team"],
 *                "needs": ["kennis", "tijd"], "needs_text": "...",
 *                "study_years": [1, 2],
 *                "when": {"kind": "date" | "month" | "period",
 *                         "value": "2027-03"} | null,
 *                "status": "open" | "busy" | "done",
 *                "activity_id": 1 | null}],
 *   "findings": [{"id": 1, "text": "...", "author": "..." | null}],
 *            (for the report back of a workshop, at most 3; author null
 *             in an anonymous room or once the author has left)
 *   "announcement": "..." | null,           (the facilitator's message)
 *   "workshop": {"code": "W3RK-5HQP", "title": "..."} | null
 *            (the workshop the room is part of)
 * }
 *
 * A workshop's export wraps the objects of its rooms:
 *
 * {
 *   "format": "aandeslag-workshop", "version": 1,
 *   "code": "W3RK-5HQP", "title": "...",
 *   "date": "2027-03-15" | null,
 *   "schedule": [{"time": "09:00", "label": "...",
 *                 "report_back": false}],
 *   "announcement": "..." | null,
 *   "rooms": [{"format": "aandeslag-room", ...}, ...]
 *            (each exactly the object of the room's own export)
 * }
 *
 * No token or chair code, and no facilitator's code: the rooms and the
 * workshop's status hold none. Pure: no I/O, no clock of its own; clocks
 * are taken at the now passed in. */
#include "export_json.h"

#include <inttypes.h>
#include <string.h>

#include "i18n.h"
#include "poster.h"

/* Appends s as a JSON string: '"' and '\\' escaped, control characters as
 * their short escape or \u00XX, every other byte (UTF-8) as it is. */
static void
string(const char *s, struct strbuf *out)
{
	const char *p, *run;

	strbuf_puts(out, "\"");
	for (p = run = s; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;
		const char *esc = NULL;

		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\t': esc = "\\t"; break;
		case '\r': esc = "\\r"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		default:
			if (c >= 0x20)
				continue;
			break;
		}
		strbuf_add(out, run, (size_t)(p - run));
		if (esc != NULL)
			strbuf_puts(out, esc);
		else
			strbuf_printf(out, "\\u%04x", c);
		run = p + 1;
	}
	strbuf_add(out, run, (size_t)(p - run));
	strbuf_puts(out, "\"");
}

/* Appends a key with its colon, and the comma before it unless first. */
static void
key(const char *name, bool first, struct strbuf *out)
{
	if (!first)
		strbuf_puts(out, ",");
	string(name, out);
	strbuf_puts(out, ":");
}

/* Appends "name":"value". */
static void
key_str(const char *name, const char *value, bool first, struct strbuf *out)
{
	key(name, first, out);
	string(value, out);
}

/* Appends "name":"value", or "name":null for NULL or "". */
static void
key_str_or_null(const char *name, const char *value, bool first,
                struct strbuf *out)
{
	key(name, first, out);
	if (value == NULL || value[0] == '\0')
		strbuf_puts(out, "null");
	else
		string(value, out);
}

static void
key_uint(const char *name, uint32_t value, bool first, struct strbuf *out)
{
	key(name, first, out);
	strbuf_printf(out, "%" PRIu32, value);
}

static void
key_bool(const char *name, bool value, bool first, struct strbuf *out)
{
	key(name, first, out);
	strbuf_puts(out, value ? "true" : "false");
}

/* Appends the numbers 1..4 whose bit 1 << n is set, as an array. */
static void
bits_1_to_4(uint32_t bits, struct strbuf *out)
{
	uint32_t n;
	bool first = true;

	strbuf_puts(out, "[");
	for (n = 1; n <= 4; n++)
		if (bits & (1u << n)) {
			strbuf_printf(out, "%s%" PRIu32, first ? "" : ",", n);
			first = false;
		}
	strbuf_puts(out, "]");
}

static const char *
role_word(int role)
{
	switch (role) {
	case AANDESLAG__ROLE__ROLE_CHAIR:
		return "chair";
	case AANDESLAG__ROLE__ROLE_VIEWER:
		return "viewer";
	case AANDESLAG__ROLE__ROLE_FACILITATOR:
		return "facilitator";
	case AANDESLAG__ROLE__ROLE_SCRIBE:
		return "scribe";
	default:
		return "participant";
	}
}

static const char *
clock_word(int state)
{
	switch (state) {
	case AANDESLAG__CLOCK_STATE__CLOCK_RUNNING:
		return "running";
	case AANDESLAG__CLOCK_STATE__CLOCK_PAUSED:
		return "paused";
	default:
		return "idle";
	}
}

static const char *
status_word(int status)
{
	switch (status) {
	case AANDESLAG__ACTION_STATUS__ACTION_BUSY:
		return "busy";
	case AANDESLAG__ACTION_STATUS__ACTION_DONE:
		return "done";
	default:
		return "open";
	}
}

/* The kind of a When, or NULL for none. */
static const char *
when_word(int kind)
{
	switch (kind) {
	case AANDESLAG__WHEN_KIND__WHEN_DATE:
		return "date";
	case AANDESLAG__WHEN_KIND__WHEN_MONTH:
		return "month";
	case AANDESLAG__WHEN_KIND__WHEN_PERIOD:
		return "period";
	default:
		return NULL;
	}
}

static void
settings(const struct model_settings *s, struct strbuf *out)
{
	strbuf_puts(out, "{");
	key_str("programme", s->programme, true, out);
	key_str("qualification", s->qualification, false, out);
	key_str("region", s->region, false, out);
	key("levels", false, out);
	bits_1_to_4(s->levels, out);
	key_uint("vote_budget", s->vote_budget, false, out);
	key_bool("vote_stacking", s->vote_stacking, false, out);
	key_bool("votes_hidden", s->votes_hidden, false, out);
	key_bool("anonymous", s->anonymous, false, out);
	key_bool("talk_only", s->talk_only, false, out);
	key_bool("locked", s->locked, false, out);
	key_bool("password_set", s->password_set, false, out);
	key_bool("finished", s->finished, false, out);
	key_str_or_null("follow_up", s->follow_up, false, out);
	strbuf_puts(out, "}");
}

static void
steps(const struct model_room *room, int64_t now, struct strbuf *out)
{
	const struct clock *c;
	unsigned step;

	strbuf_puts(out, "[");
	for (step = 1; step <= STEPS_COUNT; step++) {
		c = &room->clocks[step - 1];
		strbuf_puts(out, step > 1 ? ",{" : "{");
		key_uint("step", step, true, out);
		key_str("name", poster_step_name(room, step), false, out);
		key("clock", false, out);
		strbuf_puts(out, "{");
		key_str("state", clock_word(c->state), true, out);
		key("remaining_ms", false, out);
		strbuf_printf(out, "%" PRId64, clock_remaining(c, now));
		key("duration_ms", false, out);
		strbuf_printf(out, "%" PRId64, c->duration_ms);
		key_bool("interrupted", c->interrupted, false, out);
		strbuf_puts(out, "}}");
	}
	strbuf_puts(out, "]");
}

static void
participants(const struct model_room *room, struct strbuf *out)
{
	const struct model_participant *p;
	size_t i;

	strbuf_puts(out, "[");
	for (i = 0; !room->settings.anonymous && i < room->nparticipants; i++) {
		p = &room->participants[i];
		strbuf_puts(out, i > 0 ? ",{" : "{");
		key_uint("id", p->id, true, out);
		key_str("name", p->name, false, out);
		key_str("role", role_word(p->role), false, out);
		strbuf_puts(out, "}");
	}
	strbuf_puts(out, "]");
}

static void
notes(const struct model_room *room, struct strbuf *out)
{
	const struct model_note *n;
	size_t i;

	strbuf_puts(out, "[");
	for (i = 0; i < room->nnotes; i++) {
		n = &room->notes[i];
		strbuf_puts(out, i > 0 ? ",{" : "{");
		key_uint("id", n->id, true, out);
		key_uint("step", n->step, false, out);
		key_str_or_null("author", room->settings.anonymous ? NULL :
		                n->author_name, false, out);
		key_str("text", n->text, false, out);
		strbuf_puts(out, "}");
	}
	strbuf_puts(out, "]");
}

static void
questions(const struct model_room *room, struct strbuf *out)
{
	const Aandeslag__CardQuestion *q;
	size_t i;

	strbuf_puts(out, "[");
	for (i = 0; i < room->questions.n; i++) {
		q = (const Aandeslag__CardQuestion *)room->questions.v[i].msg;
		strbuf_puts(out, i > 0 ? ",{" : "{");
		key_uint("id", q->id, true, out);
		key_uint("step", q->step, false, out);
		key_str_or_null("author", room->settings.anonymous ? NULL :
		                q->author_name, false, out);
		key_str("text", q->text, false, out);
		strbuf_puts(out, "}");
	}
	strbuf_puts(out, "]");
}

static void
table(const struct model_table *t, struct strbuf *out)
{
	if (t->step == 0) {
		strbuf_puts(out, "null");
		return;
	}
	strbuf_puts(out, "{");
	key_uint("step", t->step, true, out);
	if (t->content_id[0] != '\0')
		key_str("content_id", t->content_id, false, out);
	else
		key_uint("question_id", t->own_id, false, out);
	strbuf_puts(out, "}");
}

static void
marked(const struct model_room *room, struct strbuf *out)
{
	size_t i;

	strbuf_puts(out, "[");
	for (i = 0; i < room->nmarked; i++) {
		if (i > 0)
			strbuf_puts(out, ",");
		string(room->marked[i], out);
	}
	strbuf_puts(out, "]");
}

/* Appends one competence's tally, with who placed the dots unless the
 * room is anonymous; nothing for a competence without dots. */
static void
tally(const struct model_room *room, const char *id, bool *first,
      struct strbuf *out)
{
	uint32_t dots = model_tally(room, id), mine;
	bool by_first = true;
	size_t i;

	if (dots == 0)
		return;
	strbuf_puts(out, *first ? "{" : ",{");
	*first = false;
	key_str("competence", id, true, out);
	key_uint("dots", dots, false, out);
	if (!room->settings.anonymous) {
		key("by", false, out);
		strbuf_puts(out, "[");
		for (i = 0; i < room->nparticipants; i++) {
			mine = model_dots_on(room, room->participants[i].id,
			                     id);
			if (mine == 0)
				continue;
			strbuf_puts(out, by_first ? "{" : ",{");
			by_first = false;
			key_str("name", room->participants[i].name, true, out);
			key_uint("dots", mine, false, out);
			strbuf_puts(out, "}");
		}
		strbuf_puts(out, "]");
	}
	strbuf_puts(out, "}");
}

static void
votes(const struct model_room *room, struct strbuf *out)
{
	const Aandeslag__Content *c = room->content ? room->content->msg : NULL;
	const Aandeslag__ContentCategory *cat;
	bool first = true;
	size_t i, j;

	strbuf_puts(out, "[");
	for (i = 0; c != NULL && i < c->n_categories; i++) {
		cat = c->categories[i];
		for (j = 0; j < cat->n_competences; j++)
			tally(room, cat->competences[j]->id, &first, out);
	}
	strbuf_puts(out, "]");
}

static const char *
place_word(int place)
{
	switch (place) {
	case AANDESLAG__PLACE__PLACE_ABROAD:
		return "abroad";
	case AANDESLAG__PLACE__PLACE_HOME:
		return "home";
	default:
		return NULL;
	}
}

static void
activities(const struct model_room *room, struct strbuf *out)
{
	const Aandeslag__Activity *a;
	size_t i, j;

	strbuf_puts(out, "[");
	for (i = 0; i < room->activities.n; i++) {
		a = (const Aandeslag__Activity *)room->activities.v[i].msg;
		strbuf_puts(out, i > 0 ? ",{" : "{");
		key_uint("id", a->id, true, out);
		key_str("name", poster_activity_name(room, a), false, out);
		key_str("text", a->text, false, out);
		key_str("catalogue_id", a->catalogue_id, false, out);
		key_bool("done", a->done, false, out);
		key_str_or_null("place", place_word(a->place), false, out);
		key("competences", false, out);
		strbuf_puts(out, "[");
		for (j = 0; j < a->n_competence_ids; j++) {
			if (j > 0)
				strbuf_puts(out, ",");
			string(a->competence_ids[j], out);
		}
		strbuf_puts(out, "]}");
	}
	strbuf_puts(out, "]");
}

/* Appends the owners of an action as the poster names them. */
static void
owners(const Aandeslag__Action *a, struct strbuf *out)
{
	const Aandeslag__Owner *o;
	size_t i;

	strbuf_puts(out, "[");
	for (i = 0; i < a->n_owners; i++) {
		o = a->owners[i];
		if (i > 0)
			strbuf_puts(out, ",");
		if (o == NULL)
			string("?", out);
		else if (o->kind == AANDESLAG__OWNER_KIND__OWNER_TEAM)
			string(_("het team"), out);
		else
			string(o->name[0] ? o->name : "?", out);
	}
	strbuf_puts(out, "]");
}

/* Appends the needs of an action as the poster's words. */
static void
needs(uint32_t bits, struct strbuf *out)
{
	static const char *const words[] = { N_("financi\xc3\xabn"),
	                                     N_("kennis"), N_("hulpmiddelen"),
	                                     N_("partners"), N_("tijd") };
	bool first = true;
	size_t i;

	strbuf_puts(out, "[");
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (bits & (1u << i)) {
			if (!first)
				strbuf_puts(out, ",");
			string(_(words[i]), out);
			first = false;
		}
	strbuf_puts(out, "]");
}

static void
actions(const struct model_room *room, struct strbuf *out)
{
	const Aandeslag__Action *a;
	const char *kind;
	size_t i;

	strbuf_puts(out, "[");
	for (i = 0; i < room->actions.n; i++) {
		a = (const Aandeslag__Action *)room->actions.v[i].msg;
		strbuf_puts(out, i > 0 ? ",{" : "{");
		key_uint("id", a->id, true, out);
		key_str("text", a->text, false, out);
		key("owners", false, out);
		owners(a, out);
		key("needs", false, out);
		needs(a->needs, out);
		key_str("needs_text", a->needs_text, false, out);
		key("study_years", false, out);
		bits_1_to_4(a->study_years, out);
		key("when", false, out);
		kind = a->when != NULL ? when_word(a->when->kind) : NULL;
		if (kind == NULL) {
			strbuf_puts(out, "null");
		} else {
			strbuf_puts(out, "{");
			key_str("kind", kind, true, out);
			key_str("value", a->when->value, false, out);
			strbuf_puts(out, "}");
		}
		key_str("status", status_word(a->status), false, out);
		key("activity_id", false, out);
		if (a->activity_id == 0)
			strbuf_puts(out, "null");
		else
			strbuf_printf(out, "%" PRIu32, a->activity_id);
		strbuf_puts(out, "}");
	}
	strbuf_puts(out, "]");
}

static void
findings(const struct model_room *room, struct strbuf *out)
{
	const struct model_participant *p;
	const Aandeslag__Finding *f;
	size_t i;

	strbuf_puts(out, "[");
	for (i = 0; i < room->findings.n; i++) {
		f = (const Aandeslag__Finding *)room->findings.v[i].msg;
		p = model_participant(room, f->author_id);
		strbuf_puts(out, i > 0 ? ",{" : "{");
		key_uint("id", f->id, true, out);
		key_str("text", f->text, false, out);
		key_str_or_null("author", room->settings.anonymous || p == NULL ?
		                NULL : p->name, false, out);
		strbuf_puts(out, "}");
	}
	strbuf_puts(out, "]");
}

static void
workshop(const struct model_room *room, struct strbuf *out)
{
	if (room->workshop_code[0] == '\0') {
		strbuf_puts(out, "null");
		return;
	}
	strbuf_puts(out, "{");
	key_str("code", room->workshop_code, true, out);
	key_str("title", room->workshop_title, false, out);
	strbuf_puts(out, "}");
}

/* Appends the room's object, without the newline that ends a file. */
static void
room_object(const struct model_room *room, int64_t now, struct strbuf *out)
{
	strbuf_puts(out, "{");
	key_str("format", "aandeslag-room", true, out);
	key_uint("version", 1, false, out);
	key_str("code", room->code, false, out);
	key_str("title", room->title, false, out);
	key("settings", false, out);
	settings(&room->settings, out);
	key_uint("current_step", room->current_step, false, out);
	key("steps", false, out);
	steps(room, now, out);
	key("participants", false, out);
	participants(room, out);
	key("notes", false, out);
	notes(room, out);
	key("questions", false, out);
	questions(room, out);
	key("table", false, out);
	table(&room->table, out);
	key("marked", false, out);
	marked(room, out);
	if (!room->settings.votes_hidden) {
		key("votes", false, out);
		votes(room, out);
	}
	key("activities", false, out);
	activities(room, out);
	key("actions", false, out);
	actions(room, out);
	key("findings", false, out);
	findings(room, out);
	key_str_or_null("announcement", room->announcement, false, out);
	key("workshop", false, out);
	workshop(room, out);
	strbuf_puts(out, "}");
}

void
export_json(const struct model_room *room, int64_t now, struct strbuf *out)
{
	room_object(room, now, out);
	strbuf_puts(out, "\n");
}

/* Returns s, or "" for NULL: protobuf-c gives "" for a string that was
 * not set, but a status made by hand may hold NULL. */
static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

static void
schedule(const Aandeslag__WorkshopStatus *ws, struct strbuf *out)
{
	const Aandeslag__ScheduleItem *item;
	size_t i;

	strbuf_puts(out, "[");
	for (i = 0; i < ws->n_schedule; i++) {
		item = ws->schedule[i];
		strbuf_puts(out, i > 0 ? ",{" : "{");
		key_str("time", or_empty(item->time), true, out);
		key_str("label", or_empty(item->label), false, out);
		key_bool("report_back", item->report_back, false, out);
		strbuf_puts(out, "}");
	}
	strbuf_puts(out, "]");
}

void
export_json_workshop(const Aandeslag__WorkshopStatus *ws,
                     const struct model_room *const *rooms, size_t n,
                     int64_t now, struct strbuf *out)
{
	size_t i;

	strbuf_puts(out, "{");
	key_str("format", "aandeslag-workshop", true, out);
	key_uint("version", 1, false, out);
	key_str("code", or_empty(ws->code), false, out);
	key_str("title", or_empty(ws->title), false, out);
	key_str_or_null("date", ws->date, false, out);
	key("schedule", false, out);
	schedule(ws, out);
	key_str_or_null("announcement", ws->announcement, false, out);
	key("rooms", false, out);
	strbuf_puts(out, "[");
	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_puts(out, ",");
		room_object(rooms[i], now, out);
	}
	strbuf_puts(out, "]}\n");
}
