/* Tests for actions.c: actions with owners, needs, study years, when and
 * status; who may give them to whom. */
#include "check.h"
#include "fixture.h"

#include "actions.h"
#include "content.h"
#include "model.h"
#include "refusal.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#define CODE "K7QM-2XPD"
#define TITLE "Titel"
#define EPOCH UINT64_C(42)

#define ROLE_P AANDESLAG__ROLE__ROLE_PARTICIPANT
#define ROLE_C AANDESLAG__ROLE__ROLE_CHAIR

#define PART AANDESLAG__OWNER_KIND__OWNER_PARTICIPANT
#define TEAM AANDESLAG__OWNER_KIND__OWNER_TEAM
#define NAMED AANDESLAG__OWNER_KIND__OWNER_NAMED

#define W_NONE AANDESLAG__WHEN_KIND__WHEN_NONE
#define W_DATE AANDESLAG__WHEN_KIND__WHEN_DATE
#define W_MONTH AANDESLAG__WHEN_KIND__WHEN_MONTH
#define W_PERIOD AANDESLAG__WHEN_KIND__WHEN_PERIOD

#define OPEN AANDESLAG__ACTION_STATUS__ACTION_OPEN
#define BUSY AANDESLAG__ACTION_STATUS__ACTION_BUSY
#define DONE AANDESLAG__ACTION_STATUS__ACTION_DONE

static const char content_yaml[] = FIXTURE_SMALL_CONTENT;

/* ------------------------------------------------------------- fixture */

static struct content content;
static struct model_room room, mirror;
static struct model_event ev;
static struct refusal why;
static uint32_t chair, ann, bob;
static const int64_t now = 1000;

static uint32_t
join(const char *name, int role)
{
	CHECK_INT(model_join(&room, name, role, now, &ev, &why), ==, 0);
	CHECK_INT(model_apply(&mirror, &ev.event, now), ==, 0);
	return ev.participant.id;
}

static void
leave(uint32_t id)
{
	CHECK_INT(model_leave(&room, id, id, now, &ev, &why), ==, 0);
	CHECK_INT(model_apply(&mirror, &ev.event, now), ==, 0);
}

static void
setup(void)
{
	char err[CONTENT_ERROR_SIZE] = "";

	if (content_parse(&content, content_yaml, sizeof content_yaml - 1,
	                  "unit.yaml", err) != 0)
		CHECK_FAIL("content: %s", err);
	CHECK_INT(model_init(&room, &content, CODE, TITLE, EPOCH, &why), ==, 0);
	CHECK_INT(model_init(&mirror, &content, CODE, TITLE, EPOCH, &why), ==,
	          0);
	chair = join("Chris", ROLE_C);
	ann = join("Ann", ROLE_P);
	bob = join("Bob", ROLE_P);
}

static void
teardown(void)
{
	model_event_release(&ev);
	model_free(&room);
	model_free(&mirror);
	content_free(&content);
}

/* Runs cmd for actor in the room; an accepted command's event is applied
 * to the mirror too, which must accept it. */
static int
run(uint32_t actor, const Aandeslag__Command *cmd)
{
	int rc = model_execute(&room, actor, cmd, now, &ev, &why);

	if (rc == 0)
		CHECK_INT(model_apply(&mirror, &ev.event, now), ==, 0);
	return rc;
}

/* An action as a command gives it. */
struct act_in {
	Aandeslag__Action a;
	Aandeslag__Owner owners[MODEL_OWNERS_MAX + 2];
	Aandeslag__Owner *ptrs[MODEL_OWNERS_MAX + 2];
	Aandeslag__When when;
};

static void
in_init(struct act_in *in, const char *text)
{
	memset(in, 0, sizeof *in);
	aandeslag__action__init(&in->a);
	in->a.text = (char *)text;
	in->a.owners = in->ptrs;
}

static void
in_owner(struct act_in *in, int kind, uint32_t pid, const char *name)
{
	Aandeslag__Owner *o = &in->owners[in->a.n_owners];

	aandeslag__owner__init(o);
	o->kind = (Aandeslag__OwnerKind)kind;
	o->participant_id = pid;
	if (name != NULL)
		o->name = (char *)name;
	in->ptrs[in->a.n_owners++] = o;
}

static void
in_when(struct act_in *in, int kind, const char *value)
{
	aandeslag__when__init(&in->when);
	in->when.kind = (Aandeslag__WhenKind)kind;
	in->when.value = (char *)value;
	in->a.when = &in->when;
}

static int
add_action(uint32_t actor, struct act_in *in)
{
	Aandeslag__Command cmd;
	Aandeslag__AddAction add;

	aandeslag__command__init(&cmd);
	aandeslag__add_action__init(&add);
	add.action = &in->a;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_ACTION;
	cmd.add_action = &add;
	return run(actor, &cmd);
}

/* Adds an action with only a text and returns its id. */
static uint32_t
add_simple(uint32_t actor, const char *text)
{
	struct act_in in;

	in_init(&in, text);
	CHECK_INT(add_action(actor, &in), ==, 0);
	return ev.action.id;
}

static int
edit_action(uint32_t actor, struct act_in *in)
{
	Aandeslag__Command cmd;
	Aandeslag__EditAction edit;

	aandeslag__command__init(&cmd);
	aandeslag__edit_action__init(&edit);
	edit.action = &in->a;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_EDIT_ACTION;
	cmd.edit_action = &edit;
	return run(actor, &cmd);
}

static int
delete_action(uint32_t actor, uint32_t id)
{
	Aandeslag__Command cmd;
	Aandeslag__DeleteAction del;

	aandeslag__command__init(&cmd);
	aandeslag__delete_action__init(&del);
	del.action_id = id;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_DELETE_ACTION;
	cmd.delete_action = &del;
	return run(actor, &cmd);
}

static int
claim(uint32_t actor, uint32_t id, bool release)
{
	Aandeslag__Command cmd;
	Aandeslag__ClaimAction c;

	aandeslag__command__init(&cmd);
	aandeslag__claim_action__init(&c);
	c.action_id = id;
	c.release = release;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_CLAIM;
	cmd.claim = &c;
	return run(actor, &cmd);
}

static int
set_status(uint32_t actor, uint32_t id, int status)
{
	Aandeslag__Command cmd;
	Aandeslag__SetActionStatus s;

	aandeslag__command__init(&cmd);
	aandeslag__set_action_status__init(&s);
	s.action_id = id;
	s.status = (Aandeslag__ActionStatus)status;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_ACTION_STATUS;
	cmd.action_status = &s;
	return run(actor, &cmd);
}

/* Adds an activity in the team's words and returns its id. */
static uint32_t
add_activity(uint32_t actor, const char *text)
{
	Aandeslag__Command cmd;
	Aandeslag__AddActivity add;
	Aandeslag__Activity a;

	aandeslag__command__init(&cmd);
	aandeslag__add_activity__init(&add);
	aandeslag__activity__init(&a);
	a.text = (char *)text;
	add.activity = &a;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_ACTIVITY;
	cmd.add_activity = &add;
	CHECK_INT(run(actor, &cmd), ==, 0);
	return ev.activity.id;
}

static const Aandeslag__Action *
stored(const struct model_room *r, uint32_t id)
{
	return (const Aandeslag__Action *)items_find(&r->actions, id);
}

/* Returns the owners of a as text, joined with commas: the kind (P, T or
 * N), the participant id, a colon and the name, e.g. "P2:Ann,T0:". */
static const char *
owners(const Aandeslag__Action *a)
{
	static char buf[1024];
	const Aandeslag__Owner *o;
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < a->n_owners && n < sizeof buf; i++) {
		o = a->owners[i];
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%c%u:%s",
		                      i ? "," : "",
		                      o->kind == PART ? 'P' :
		                      o->kind == TEAM ? 'T' : 'N',
		                      (unsigned)o->participant_id, o->name);
	}
	return buf;
}

/* Returns when a is planned as text: "", "D:2025-03-01", "M:2025-03" or
 * "P:periode 2" ("N:" for an explicit none). */
static const char *
when(const Aandeslag__Action *a)
{
	static char buf[128];
	static const char kinds[] = "NDMP";

	if (a->when == NULL)
		return "";
	CHECK_INT(a->when->kind, >=, 0);
	CHECK_INT(a->when->kind, <=, 3);
	snprintf(buf, sizeof buf, "%c:%s", kinds[a->when->kind],
	         a->when->value);
	return buf;
}

/* Checks every field of action a, but for its owners and when. */
static void
check_fields(const Aandeslag__Action *a, uint32_t id, const char *text,
             uint32_t activity, uint32_t needs, const char *needs_text,
             uint32_t years, int status, uint32_t author)
{
	CHECK(a != NULL);
	CHECK_UINT(a->id, ==, id);
	CHECK_STR(a->text, text);
	CHECK_UINT(a->activity_id, ==, activity);
	CHECK_UINT(a->needs, ==, needs);
	CHECK_STR(a->needs_text, needs_text);
	CHECK_UINT(a->study_years, ==, years);
	CHECK_INT(a->status, ==, status);
	CHECK_UINT(a->author_id, ==, author);
}

/* Checks that the actions of a and b are the same, field by field. */
static void
check_same(const struct model_room *a, const struct model_room *b)
{
	const Aandeslag__Action *x, *y;
	char xo[1024], xw[128];
	size_t i;

	CHECK_UINT(a->seq, ==, b->seq);
	CHECK_UINT(a->next_action_id, ==, b->next_action_id);
	CHECK_UINT(a->actions.n, ==, b->actions.n);
	for (i = 0; i < a->actions.n; i++) {
		CHECK_UINT(a->actions.v[i].id, ==, b->actions.v[i].id);
		x = (const Aandeslag__Action *)a->actions.v[i].msg;
		y = (const Aandeslag__Action *)b->actions.v[i].msg;
		CHECK_UINT(x->id, ==, a->actions.v[i].id);
		check_fields(y, x->id, x->text, x->activity_id, x->needs,
		             x->needs_text, x->study_years, x->status,
		             x->author_id);
		snprintf(xo, sizeof xo, "%s", owners(x));
		snprintf(xw, sizeof xw, "%s", when(x));
		CHECK_STR(owners(y), xo);
		CHECK_STR(when(y), xw);
	}
}

/* An event for the mirror: the next one, caused by the server. */
static void
next_event(Aandeslag__Event *e)
{
	aandeslag__event__init(e);
	e->epoch = mirror.epoch;
	e->seq = mirror.seq + 1;
}

static int
apply_action(bool added, Aandeslag__Action *a)
{
	Aandeslag__Event e;

	next_event(&e);
	if (added) {
		e.change_case = AANDESLAG__EVENT__CHANGE_ACTION_ADDED;
		e.action_added = a;
	} else {
		e.change_case = AANDESLAG__EVENT__CHANGE_ACTION_CHANGED;
		e.action_changed = a;
	}
	return model_apply(&mirror, &e, now);
}

static int
apply_deleted(uint32_t id)
{
	Aandeslag__Event e;
	Aandeslag__ItemDeleted d;

	next_event(&e);
	aandeslag__item_deleted__init(&d);
	d.id = id;
	e.change_case = AANDESLAG__EVENT__CHANGE_ACTION_DELETED;
	e.action_deleted = &d;
	return model_apply(&mirror, &e, now);
}

/* ----------------------------------------------------------------- add */

static void
test_add_minimal(void)
{
	struct act_in in;

	setup();
	CHECK_UINT(room.next_action_id, ==, 1);
	in_init(&in, "  Contact opnemen met Nuffic  ");
	in.a.id = 50;           /* ignored */
	in.a.author_id = bob;   /* ignored */
	CHECK_INT(add_action(ann, &in), ==, 0);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_ACTION_ADDED);
	CHECK_UINT(ev.event.actor_id, ==, ann);
	CHECK_UINT(ev.event.seq, ==, room.seq);
	CHECK(ev.event.action_added == &ev.action);
	check_fields(&ev.action, 1, "Contact opnemen met Nuffic", 0, 0, "", 0,
	             OPEN, ann);
	CHECK_UINT(ev.action.n_owners, ==, 0);
	CHECK(ev.action.when == NULL);
	CHECK_UINT(room.actions.n, ==, 1);
	CHECK_UINT(room.next_action_id, ==, 2);
	check_fields(stored(&room, 1), 1, "Contact opnemen met Nuffic", 0, 0,
	             "", 0, OPEN, ann);
	CHECK_STR(owners(stored(&room, 1)), "");
	CHECK_STR(when(stored(&room, 1)), "");
	check_same(&room, &mirror);
	teardown();
}

static void
test_add_full(void)
{
	struct act_in in;
	uint32_t act;
	char expect[128];

	setup();
	act = add_activity(ann, "Uitwisseling");
	in_init(&in, "Partnerschool zoeken");
	in.a.activity_id = act;
	/* A participant's name is the room's, whatever the command says;
	 * the team has no id or name; a named person's name is trimmed. */
	in_owner(&in, PART, ann, "Iemand anders");
	in_owner(&in, TEAM, 5, "het team");
	in_owner(&in, NAMED, 7, "  Teamleider  ");
	in.a.needs = MODEL_NEED_FINANCES | MODEL_NEED_TIME;
	in.a.needs_text = (char *)"  reisbudget  ";
	in.a.study_years = 1u << 2 | 1u << 3;
	in_when(&in, W_DATE, "2025-03-01");
	in.a.status = BUSY;
	CHECK_INT(add_action(chair, &in), ==, 0);
	check_fields(&ev.action, 1, "Partnerschool zoeken", act,
	             MODEL_NEED_FINANCES | MODEL_NEED_TIME, "reisbudget",
	             0xc, BUSY, chair);
	snprintf(expect, sizeof expect, "P%u:Ann,T0:,N0:Teamleider",
	         (unsigned)ann);
	CHECK_STR(owners(&ev.action), expect);
	CHECK_STR(when(&ev.action), "D:2025-03-01");
	CHECK(ev.action.owners[0]->name == room.participants[1].name);
	check_fields(stored(&room, 1), 1, "Partnerschool zoeken", act,
	             MODEL_NEED_FINANCES | MODEL_NEED_TIME, "reisbudget",
	             0xc, BUSY, chair);
	CHECK_STR(owners(stored(&room, 1)), expect);
	CHECK_STR(when(stored(&room, 1)), "D:2025-03-01");

	/* All needs, all years, done. */
	in_init(&in, "Alles");
	in.a.needs = MODEL_NEEDS_ALL;
	in.a.study_years = MODEL_YEARS_ALL;
	in.a.status = DONE;
	CHECK_INT(add_action(bob, &in), ==, 0);
	check_fields(&ev.action, 2, "Alles", 0, MODEL_NEEDS_ALL, "",
	             MODEL_YEARS_ALL, DONE, bob);
	check_same(&room, &mirror);
	teardown();
}

static void
test_add_when(void)
{
	char period[MODEL_PERIOD_MAX + 2];
	struct act_in in;

	setup();
	in_init(&in, "Een");
	in_when(&in, W_MONTH, "2025-03");
	CHECK_INT(add_action(ann, &in), ==, 0);
	CHECK_STR(when(&ev.action), "M:2025-03");
	in_when(&in, W_PERIOD, "  periode 2  ");
	CHECK_INT(add_action(ann, &in), ==, 0);
	CHECK_STR(when(&ev.action), "P:periode 2");
	CHECK_STR(when(stored(&room, 2)), "P:periode 2");
	/* None is no When at all, whatever value comes with it. */
	in_when(&in, W_NONE, "morgen");
	CHECK_INT(add_action(ann, &in), ==, 0);
	CHECK(ev.action.when == NULL);
	in_when(&in, W_DATE, "2024-02-29");
	CHECK_INT(add_action(ann, &in), ==, 0);
	CHECK_STR(when(&ev.action), "D:2024-02-29");
	memset(period, 'p', MODEL_PERIOD_MAX);
	period[MODEL_PERIOD_MAX] = '\0';
	in_when(&in, W_PERIOD, period);
	CHECK_INT(add_action(ann, &in), ==, 0);
	check_same(&room, &mirror);

	in_when(&in, W_DATE, "2025-02-29");
	CHECK_REFUSED(add_action(ann, &in), why, E(BAD_DATE), 1, "2025-02-29",
	              "");
	in_when(&in, W_DATE, "2025-3-1");
	CHECK_REFUSED(add_action(ann, &in), why, E(BAD_DATE), 1, "2025-3-1",
	              "");
	in_when(&in, W_DATE, " 2025-03-01");
	CHECK_REFUSED(add_action(ann, &in), why, E(BAD_DATE), 1, " 2025-03-01",
	              "");
	in_when(&in, W_DATE, NULL);
	CHECK_REFUSED(add_action(ann, &in), why, E(BAD_DATE), 1, "", "");
	in_when(&in, W_MONTH, "2025-13");
	CHECK_REFUSED(add_action(ann, &in), why, E(BAD_DATE), 1, "2025-13", "");
	in_when(&in, W_MONTH, "2025-03-01");
	CHECK_REFUSED(add_action(ann, &in), why, E(BAD_DATE), 1, "2025-03-01",
	              "");
	in_when(&in, W_PERIOD, "   ");
	CHECK_REFUSED(add_action(ann, &in), why, E(BAD_DATE), 1, "   ", "");
	in_when(&in, W_PERIOD, "twee\nregels");
	CHECK_REFUSED(add_action(ann, &in), why, E(BAD_DATE), 1,
	              "twee\nregels", "");
	period[MODEL_PERIOD_MAX] = 'p';
	period[MODEL_PERIOD_MAX + 1] = '\0';
	in_when(&in, W_PERIOD, period);
	CHECK_REFUSED(add_action(ann, &in), why, E(BAD_DATE), 1, period, "");
	in_when(&in, 4, "2025-03-01");
	CHECK_REFUSED(add_action(ann, &in), why, E(BAD_DATE), 1, "2025-03-01",
	              "");
	CHECK_UINT(room.actions.n, ==, 5);
	teardown();
}

static void
test_add_refused(void)
{
	char long_text[MODEL_NOTE_MAX + 2];
	Aandeslag__Command cmd;
	Aandeslag__AddAction add;
	struct act_in in;
	uint64_t seq;

	setup();
	seq = room.seq;
	in_init(&in, "");
	CHECK_REFUSED(add_action(ann, &in), why, E(EMPTY_TEXT), 0, "", "");
	in_init(&in, NULL);
	CHECK_REFUSED(add_action(ann, &in), why, E(EMPTY_TEXT), 0, "", "");
	memset(long_text, 'a', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	in_init(&in, long_text);
	CHECK_REFUSED(add_action(ann, &in), why, E(TEXT_TOO_LONG), 1, "1000",
	              "");
	in_init(&in, "a\x1b[2J");
	CHECK_REFUSED(add_action(ann, &in), why, E(INVALID_TEXT), 0, "", "");
	in_init(&in, "Iets");
	in.a.activity_id = 9;
	CHECK_REFUSED(add_action(ann, &in), why, E(NO_SUCH_ACTIVITY), 1, "9",
	              "");
	in_init(&in, "Iets");
	in.a.needs = MODEL_NEEDS_ALL + 1;
	CHECK_REFUSED(add_action(ann, &in), why, E(BAD_SETTING), 0, "", "");
	CHECK_UINT(room.seq, ==, seq);
	/* The needs text: at most MODEL_NEEDS_MAX bytes. */
	in_init(&in, "Iets");
	in.a.needs_text = long_text + MODEL_NOTE_MAX - MODEL_NEEDS_MAX;
	CHECK_REFUSED(add_action(ann, &in), why, E(TEXT_TOO_LONG), 1, "200",
	              "");
	in.a.needs_text = long_text + MODEL_NOTE_MAX - MODEL_NEEDS_MAX + 1;
	CHECK_INT(add_action(ann, &in), ==, 0);
	CHECK_UINT(strlen(ev.action.needs_text), ==, MODEL_NEEDS_MAX);
	seq = room.seq;
	in_init(&in, "Iets");
	in.a.needs_text = (char *)"geld\r\ntijd";
	CHECK_REFUSED(add_action(ann, &in), why, E(INVALID_TEXT), 0, "", "");
	in_init(&in, "Iets");
	in.a.study_years = 1;   /* year 0 */
	CHECK_REFUSED(add_action(ann, &in), why, E(BAD_SETTING), 0, "", "");
	in.a.study_years = 1u << 5;
	CHECK_REFUSED(add_action(ann, &in), why, E(BAD_SETTING), 0, "", "");
	in_init(&in, "Iets");
	in.a.status = (Aandeslag__ActionStatus)3;
	CHECK_REFUSED(add_action(ann, &in), why, E(BAD_SETTING), 0, "", "");

	aandeslag__command__init(&cmd);
	aandeslag__add_action__init(&add);
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_ACTION;
	cmd.add_action = &add;
	CHECK_REFUSED(run(ann, &cmd), why, E(UNKNOWN_COMMAND), 0, "", "");
	CHECK_UINT(room.seq, ==, seq);
	CHECK_UINT(room.actions.n, ==, 1);
	teardown();
}

static void
test_add_owners_refused(void)
{
	static const char *const names[] = { "A", "B", "C", "D", "E", "F",
	                                     "G", "H", "I" };
	char long_name[MODEL_NAME_MAX + 2];
	struct act_in in;
	uint32_t i;

	setup();
	in_init(&in, "Iets");
	for (i = 0; i <= MODEL_OWNERS_MAX; i++)
		in_owner(&in, NAMED, 0, names[i]);
	CHECK_REFUSED(add_action(chair, &in), why, E(TOO_MANY), 2, "owners",
	              "8");
	in.a.n_owners = MODEL_OWNERS_MAX;
	CHECK_INT(add_action(chair, &in), ==, 0);
	CHECK_UINT(ev.action.n_owners, ==, MODEL_OWNERS_MAX);

	in_init(&in, "Iets");
	in_owner(&in, PART, 99, "Nobody");
	CHECK_REFUSED(add_action(chair, &in), why, E(NO_SUCH_PARTICIPANT), 1,
	              "99", "");
	in_init(&in, "Iets");
	in_owner(&in, PART, 0, "Ann");
	CHECK_REFUSED(add_action(chair, &in), why, E(NO_SUCH_PARTICIPANT), 1,
	              "0", "");
	in_init(&in, "Iets");
	in_owner(&in, NAMED, 0, "   ");
	CHECK_REFUSED(add_action(chair, &in), why, E(BAD_OWNER), 0, "", "");
	in_init(&in, "Iets");
	in_owner(&in, NAMED, 0, NULL);
	CHECK_REFUSED(add_action(chair, &in), why, E(BAD_OWNER), 0, "", "");
	memset(long_name, 'n', sizeof long_name - 1);
	long_name[sizeof long_name - 1] = '\0';
	in_init(&in, "Iets");
	in_owner(&in, NAMED, 0, long_name);
	CHECK_REFUSED(add_action(chair, &in), why, E(BAD_OWNER), 0, "", "");
	long_name[MODEL_NAME_MAX] = '\0';
	in_init(&in, "Iets");
	in_owner(&in, NAMED, 0, long_name);
	CHECK_INT(add_action(chair, &in), ==, 0);
	in_init(&in, "Iets");
	in_owner(&in, NAMED, 0, "tab\there");
	CHECK_REFUSED(add_action(chair, &in), why, E(BAD_OWNER), 0, "", "");
	in_init(&in, "Iets");
	in_owner(&in, 3, 0, "Wie");
	CHECK_REFUSED(add_action(chair, &in), why, E(BAD_OWNER), 0, "", "");
	/* The same owner twice. */
	in_init(&in, "Iets");
	in_owner(&in, PART, ann, NULL);
	in_owner(&in, TEAM, 0, NULL);
	in_owner(&in, PART, ann, NULL);
	CHECK_REFUSED(add_action(chair, &in), why, E(BAD_OWNER), 0, "", "");
	in_init(&in, "Iets");
	in_owner(&in, TEAM, 0, NULL);
	in_owner(&in, TEAM, 0, NULL);
	CHECK_REFUSED(add_action(chair, &in), why, E(BAD_OWNER), 0, "", "");
	in_init(&in, "Iets");
	in_owner(&in, NAMED, 0, "Teamleider");
	in_owner(&in, NAMED, 0, " TEAMLEIDER ");
	CHECK_REFUSED(add_action(chair, &in), why, E(BAD_OWNER), 0, "", "");
	/* A named person who shares a participant's name is someone else. */
	in_init(&in, "Iets");
	in_owner(&in, PART, ann, NULL);
	in_owner(&in, NAMED, 0, "Ann");
	CHECK_INT(add_action(chair, &in), ==, 0);
	CHECK_UINT(room.actions.n, ==, 3);
	check_same(&room, &mirror);
	teardown();
}

static void
test_add_owners_not_chair(void)
{
	struct act_in in;
	char expect[64];

	setup();
	/* Anyone may take on what they add ... */
	in_init(&in, "Zelf");
	in_owner(&in, PART, ann, NULL);
	CHECK_INT(add_action(ann, &in), ==, 0);
	snprintf(expect, sizeof expect, "P%u:Ann", (unsigned)ann);
	CHECK_STR(owners(&ev.action), expect);
	/* ... but giving it to others is the chair's. */
	in_init(&in, "Ander");
	in_owner(&in, PART, bob, NULL);
	CHECK_REFUSED(add_action(ann, &in), why, E(NOT_ALLOWED), 1, "chair",
	              "");
	in_init(&in, "Team");
	in_owner(&in, TEAM, 0, NULL);
	CHECK_REFUSED(add_action(ann, &in), why, E(NOT_ALLOWED), 1, "chair",
	              "");
	in_init(&in, "Teamleider");
	in_owner(&in, NAMED, 0, "Teamleider");
	CHECK_REFUSED(add_action(bob, &in), why, E(NOT_ALLOWED), 1, "chair",
	              "");
	in_init(&in, "Samen");
	in_owner(&in, PART, ann, NULL);
	in_owner(&in, PART, bob, NULL);
	CHECK_REFUSED(add_action(ann, &in), why, E(NOT_ALLOWED), 1, "chair",
	              "");
	CHECK_UINT(room.actions.n, ==, 1);
	/* The chair may. */
	CHECK_INT(add_action(chair, &in), ==, 0);
	snprintf(expect, sizeof expect, "P%u:Ann,P%u:Bob", (unsigned)ann,
	         (unsigned)bob);
	CHECK_STR(owners(&ev.action), expect);
	check_same(&room, &mirror);
	teardown();
}

static void
test_add_limit(void)
{
	struct act_in in;
	int i;

	setup();
	for (i = 0; i < MODEL_ACTIONS_MAX; i++)
		add_simple(i % 2 ? ann : chair, "Nog een");
	CHECK_UINT(room.actions.n, ==, MODEL_ACTIONS_MAX);
	in_init(&in, "Te veel");
	CHECK_REFUSED(add_action(ann, &in), why, E(TOO_MANY), 2, "actions",
	              "200");
	CHECK_INT(delete_action(chair, 200), ==, 0);
	CHECK_UINT(add_simple(bob, "Weer ruimte"), ==, MODEL_ACTIONS_MAX + 1);
	check_same(&room, &mirror);
	teardown();
}

/* ---------------------------------------------------------------- edit */

static void
test_edit(void)
{
	struct act_in in;
	uint32_t act, id;
	char expect[64];

	setup();
	act = add_activity(bob, "Project");
	in_init(&in, "Eerste opzet");
	in_owner(&in, PART, ann, NULL);
	CHECK_INT(add_action(ann, &in), ==, 0);
	id = ev.action.id;
	/* Someone else edits; owners as they are; author stays. */
	in_init(&in, " Tweede opzet ");
	in.a.id = id;
	in.a.author_id = bob;
	in.a.activity_id = act;
	in_owner(&in, PART, ann, "wordt genegeerd");
	in.a.needs = MODEL_NEED_PARTNERS;
	in.a.needs_text = (char *)"een school in Spanje";
	in.a.study_years = 1u << 1;
	in_when(&in, W_PERIOD, "periode 3");
	in.a.status = BUSY;
	CHECK_INT(edit_action(bob, &in), ==, 0);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_ACTION_CHANGED);
	CHECK_UINT(ev.event.actor_id, ==, bob);
	CHECK(ev.event.action_changed == &ev.action);
	check_fields(&ev.action, id, "Tweede opzet", act, MODEL_NEED_PARTNERS,
	             "een school in Spanje", 2, BUSY, ann);
	snprintf(expect, sizeof expect, "P%u:Ann", (unsigned)ann);
	CHECK_STR(owners(&ev.action), expect);
	CHECK_STR(when(&ev.action), "P:periode 3");
	check_fields(stored(&room, id), id, "Tweede opzet", act,
	             MODEL_NEED_PARTNERS, "een school in Spanje", 2, BUSY,
	             ann);
	CHECK_UINT(room.next_action_id, ==, id + 1);
	check_same(&room, &mirror);

	/* Fields can be cleared again. */
	in_init(&in, "Derde");
	in.a.id = id;
	in_owner(&in, PART, ann, NULL);
	CHECK_INT(edit_action(chair, &in), ==, 0);
	check_fields(stored(&room, id), id, "Derde", 0, 0, "", 0, OPEN, ann);
	CHECK_STR(when(stored(&room, id)), "");
	check_same(&room, &mirror);
	teardown();
}

static void
test_edit_owners(void)
{
	struct act_in in;
	uint32_t id;
	char expect[64];

	setup();
	in_init(&in, "Samen");
	in_owner(&in, PART, ann, NULL);
	in_owner(&in, NAMED, 0, "Teamleider");
	in_owner(&in, TEAM, 0, NULL);
	CHECK_INT(add_action(chair, &in), ==, 0);
	id = ev.action.id;

	/* Not the chair: the owners exactly as they are. */
	in_init(&in, "Samen, anders");
	in.a.id = id;
	in_owner(&in, PART, ann, NULL);
	in_owner(&in, NAMED, 0, "Teamleider");
	in_owner(&in, TEAM, 0, NULL);
	CHECK_INT(edit_action(bob, &in), ==, 0);
	in.a.n_owners = 2;
	CHECK_REFUSED(edit_action(bob, &in), why, E(NOT_ALLOWED), 1, "chair",
	              "");
	in_owner(&in, PART, bob, NULL);
	CHECK_REFUSED(edit_action(bob, &in), why, E(NOT_ALLOWED), 1, "chair",
	              "");
	in_init(&in, "Samen, anders");
	in.a.id = id;
	in_owner(&in, NAMED, 0, "Teamleider");
	in_owner(&in, PART, ann, NULL);
	in_owner(&in, TEAM, 0, NULL);
	CHECK_REFUSED(edit_action(ann, &in), why, E(NOT_ALLOWED), 1, "chair",
	              "");
	in_init(&in, "Samen, anders");
	in.a.id = id;
	in_owner(&in, PART, ann, NULL);
	in_owner(&in, NAMED, 0, "teamleider");
	in_owner(&in, TEAM, 0, NULL);
	CHECK_REFUSED(edit_action(ann, &in), why, E(NOT_ALLOWED), 1, "chair",
	              "");
	in_init(&in, "Samen, anders");
	in.a.id = id;
	CHECK_REFUSED(edit_action(ann, &in), why, E(NOT_ALLOWED), 1, "chair",
	              "");

	/* The chair may change them. */
	in_init(&in, "Samen, anders");
	in.a.id = id;
	in_owner(&in, PART, bob, NULL);
	in_owner(&in, NAMED, 0, " Directeur ");
	CHECK_INT(edit_action(chair, &in), ==, 0);
	snprintf(expect, sizeof expect, "P%u:Bob,N0:Directeur", (unsigned)bob);
	CHECK_STR(owners(&ev.action), expect);
	CHECK_STR(owners(stored(&room, id)), expect);
	check_same(&room, &mirror);
	teardown();
}

static void
test_edit_departed_owner(void)
{
	struct act_in in;
	uint32_t id, dave;
	char expect[64];

	setup();
	dave = join("Dave", ROLE_P);
	in_init(&in, "Van Dave");
	in_owner(&in, PART, dave, NULL);
	CHECK_INT(add_action(dave, &in), ==, 0);
	id = ev.action.id;
	leave(dave);
	/* Dave has left but still owns it, and others can still edit. */
	in_init(&in, "Van Dave, bijgewerkt");
	in.a.id = id;
	in_owner(&in, PART, dave, NULL);
	CHECK_INT(edit_action(ann, &in), ==, 0);
	snprintf(expect, sizeof expect, "P%u:Dave", (unsigned)dave);
	CHECK_STR(owners(&ev.action), expect);
	CHECK_STR(owners(stored(&room, id)), expect);
	check_fields(stored(&room, id), id, "Van Dave, bijgewerkt", 0, 0, "",
	             0, OPEN, dave);
	/* Someone who left cannot be made an owner anew. */
	in_init(&in, "Iets");
	in_owner(&in, PART, dave, NULL);
	CHECK_REFUSED(add_action(chair, &in), why, E(NO_SUCH_PARTICIPANT), 1,
	              "4", "");
	/* The chair may take Dave off; Dave cannot be put back. */
	in_init(&in, "Van Dave");
	in.a.id = id;
	in_owner(&in, TEAM, 0, NULL);
	CHECK_INT(edit_action(chair, &in), ==, 0);
	CHECK_STR(owners(stored(&room, id)), "T0:");
	in_owner(&in, PART, dave, NULL);
	CHECK_REFUSED(edit_action(chair, &in), why, E(NO_SUCH_PARTICIPANT), 1,
	              "4", "");
	/* Dave's action may be deleted by the chair only. */
	CHECK_REFUSED(delete_action(ann, id), why, E(NOT_AUTHOR), 0, "", "");
	CHECK_INT(delete_action(chair, id), ==, 0);
	check_same(&room, &mirror);
	teardown();
}

static void
test_edit_refused(void)
{
	struct act_in in;
	uint32_t id;
	uint64_t seq;

	setup();
	id = add_simple(ann, "Iets");
	seq = room.seq;
	in_init(&in, "Anders");
	in.a.id = 5;
	CHECK_REFUSED(edit_action(ann, &in), why, E(NO_SUCH_ACTION), 1, "5",
	              "");
	in.a.id = 0;
	CHECK_REFUSED(edit_action(ann, &in), why, E(NO_SUCH_ACTION), 1, "0",
	              "");
	in_init(&in, " ");
	in.a.id = id;
	CHECK_REFUSED(edit_action(ann, &in), why, E(EMPTY_TEXT), 0, "", "");
	in_init(&in, "Anders");
	in.a.id = id;
	in.a.activity_id = 3;
	CHECK_REFUSED(edit_action(ann, &in), why, E(NO_SUCH_ACTIVITY), 1, "3",
	              "");
	in_init(&in, "Anders");
	in.a.id = id;
	in_when(&in, W_MONTH, "maart");
	CHECK_REFUSED(edit_action(ann, &in), why, E(BAD_DATE), 1, "maart", "");
	in_init(&in, "Anders");
	in.a.id = id;
	in.a.status = (Aandeslag__ActionStatus)-1;
	CHECK_REFUSED(edit_action(ann, &in), why, E(BAD_SETTING), 0, "", "");
	in_init(&in, "Anders");
	in.a.id = id;
	in_owner(&in, PART, 42, NULL);
	CHECK_REFUSED(edit_action(chair, &in), why, E(NO_SUCH_PARTICIPANT), 1,
	              "42", "");
	CHECK_UINT(room.seq, ==, seq);
	check_fields(stored(&room, id), id, "Iets", 0, 0, "", 0, OPEN, ann);
	teardown();
}

/* -------------------------------------------------------------- delete */

static void
test_delete(void)
{
	uint32_t x1, x2, x3;

	setup();
	x1 = add_simple(ann, "Een");
	x2 = add_simple(bob, "Twee");
	x3 = add_simple(ann, "Drie");
	CHECK_REFUSED(delete_action(bob, x1), why, E(NOT_AUTHOR), 0, "", "");
	CHECK_INT(delete_action(ann, x1), ==, 0);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_ACTION_DELETED);
	CHECK_UINT(ev.event.actor_id, ==, ann);
	CHECK(ev.event.action_deleted == &ev.deleted);
	CHECK_UINT(ev.deleted.id, ==, x1);
	CHECK(stored(&room, x1) == NULL);
	CHECK_INT(delete_action(chair, x2), ==, 0);
	CHECK_UINT(room.actions.n, ==, 1);
	CHECK(stored(&room, x3) != NULL);
	CHECK_REFUSED(delete_action(ann, x1), why, E(NO_SUCH_ACTION), 1, "1",
	              "");
	CHECK_REFUSED(delete_action(chair, 77), why, E(NO_SUCH_ACTION), 1,
	              "77", "");
	CHECK_UINT(add_simple(bob, "Vier"), ==, 4);
	check_same(&room, &mirror);
	teardown();
}

/* --------------------------------------------------------------- claim */

static void
test_claim(void)
{
	struct act_in in;
	uint32_t id;
	char expect[128];

	setup();
	in_init(&in, "Samen doen");
	in_owner(&in, NAMED, 0, "Teamleider");
	in_owner(&in, PART, chair, NULL);
	in.a.needs = MODEL_NEED_KNOWLEDGE;
	in.a.needs_text = (char *)"cursus";
	in.a.study_years = 1u << 4;
	in_when(&in, W_MONTH, "2026-01");
	in.a.status = BUSY;
	CHECK_INT(add_action(chair, &in), ==, 0);
	id = ev.action.id;

	CHECK_INT(claim(bob, id, false), ==, 0);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_ACTION_CHANGED);
	CHECK_UINT(ev.event.actor_id, ==, bob);
	CHECK(ev.event.action_changed == &ev.action);
	/* The whole action, with Bob added at the end. */
	check_fields(&ev.action, id, "Samen doen", 0, MODEL_NEED_KNOWLEDGE,
	             "cursus", 0x10, BUSY, chair);
	CHECK_STR(when(&ev.action), "M:2026-01");
	snprintf(expect, sizeof expect, "N0:Teamleider,P%u:Chris,P%u:Bob",
	         (unsigned)chair, (unsigned)bob);
	CHECK_STR(owners(&ev.action), expect);
	CHECK_STR(owners(stored(&room, id)), expect);
	check_fields(stored(&room, id), id, "Samen doen", 0,
	             MODEL_NEED_KNOWLEDGE, "cursus", 0x10, BUSY, chair);
	CHECK_REFUSED(claim(bob, id, false), why, E(ALREADY_OWNER), 0, "", "");
	CHECK_INT(claim(ann, id, false), ==, 0);
	check_same(&room, &mirror);

	/* Giving it back keeps the order of the others. */
	CHECK_INT(claim(chair, id, true), ==, 0);
	snprintf(expect, sizeof expect, "N0:Teamleider,P%u:Bob,P%u:Ann",
	         (unsigned)bob, (unsigned)ann);
	CHECK_STR(owners(&ev.action), expect);
	CHECK_STR(owners(stored(&room, id)), expect);
	CHECK_STR(when(stored(&room, id)), "M:2026-01");
	CHECK_REFUSED(claim(chair, id, true), why, E(NOT_OWNER), 0, "", "");
	CHECK_INT(claim(bob, id, true), ==, 0);
	CHECK_INT(claim(ann, id, true), ==, 0);
	CHECK_STR(owners(stored(&room, id)), "N0:Teamleider");
	check_fields(stored(&room, id), id, "Samen doen", 0,
	             MODEL_NEED_KNOWLEDGE, "cursus", 0x10, BUSY, chair);

	CHECK_REFUSED(claim(ann, 9, false), why, E(NO_SUCH_ACTION), 1, "9", "");
	CHECK_REFUSED(claim(ann, 9, true), why, E(NO_SUCH_ACTION), 1, "9", "");
	check_same(&room, &mirror);
	teardown();
}

static void
test_claim_full(void)
{
	static const char *const names[] = { "A", "B", "C", "D", "E", "F",
	                                     "G" };
	struct act_in in;
	uint32_t id;
	size_t i;

	setup();
	in_init(&in, "Vol");
	for (i = 0; i < MODEL_OWNERS_MAX - 1; i++)
		in_owner(&in, NAMED, 0, names[i]);
	CHECK_INT(add_action(chair, &in), ==, 0);
	id = ev.action.id;
	CHECK_INT(claim(ann, id, false), ==, 0);
	CHECK_UINT(ev.action.n_owners, ==, MODEL_OWNERS_MAX);
	CHECK_REFUSED(claim(bob, id, false), why, E(TOO_MANY), 2, "owners",
	              "8");
	CHECK_INT(claim(ann, id, true), ==, 0);
	CHECK_INT(claim(bob, id, false), ==, 0);
	check_same(&room, &mirror);
	teardown();
}

static void
test_claim_departed_owner(void)
{
	struct act_in in;
	uint32_t id, dave;
	char expect[64];

	setup();
	dave = join("Dave", ROLE_P);
	in_init(&in, "Van Dave");
	in_owner(&in, PART, dave, NULL);
	CHECK_INT(add_action(dave, &in), ==, 0);
	id = ev.action.id;
	leave(dave);
	/* Dave keeps his place and name when someone else joins in. */
	CHECK_INT(claim(ann, id, false), ==, 0);
	snprintf(expect, sizeof expect, "P%u:Dave,P%u:Ann", (unsigned)dave,
	         (unsigned)ann);
	CHECK_STR(owners(&ev.action), expect);
	CHECK_STR(owners(stored(&room, id)), expect);
	CHECK_INT(set_status(bob, id, DONE), ==, 0);
	CHECK_STR(owners(stored(&room, id)), expect);
	check_same(&room, &mirror);
	teardown();
}

/* -------------------------------------------------------------- status */

static void
test_status(void)
{
	struct act_in in;
	uint32_t id;
	char expect[64];

	setup();
	in_init(&in, "Doen");
	in_owner(&in, PART, ann, NULL);
	in_when(&in, W_DATE, "2025-06-30");
	in.a.needs_text = (char *)"tijd";
	CHECK_INT(add_action(ann, &in), ==, 0);
	id = ev.action.id;
	CHECK_INT(set_status(bob, id, BUSY), ==, 0);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_ACTION_CHANGED);
	CHECK_UINT(ev.event.actor_id, ==, bob);
	check_fields(&ev.action, id, "Doen", 0, 0, "tijd", 0, BUSY, ann);
	snprintf(expect, sizeof expect, "P%u:Ann", (unsigned)ann);
	CHECK_STR(owners(&ev.action), expect);
	CHECK_STR(when(&ev.action), "D:2025-06-30");
	check_fields(stored(&room, id), id, "Doen", 0, 0, "tijd", 0, BUSY,
	             ann);
	/* Setting the same status again is harmless. */
	CHECK_INT(set_status(ann, id, BUSY), ==, 0);
	CHECK_REFUSED(set_status(ann, id, 3), why, E(BAD_SETTING), 0, "", "");
	CHECK_REFUSED(set_status(ann, id, -1), why, E(BAD_SETTING), 0, "", "");
	CHECK_REFUSED(set_status(ann, 8, DONE), why, E(NO_SUCH_ACTION), 1, "8",
	              "");

	/* A finished session still follows its actions up. */
	room.settings.finished = true;
	mirror.settings.finished = true;
	CHECK_INT(set_status(ann, id, DONE), ==, 0);
	check_fields(stored(&room, id), id, "Doen", 0, 0, "tijd", 0, DONE,
	             ann);
	CHECK_REFUSED(claim(bob, id, false), why, E(FINISHED), 0, "", "");
	in_init(&in, "Later");
	CHECK_REFUSED(add_action(chair, &in), why, E(FINISHED), 0, "", "");
	check_same(&room, &mirror);
	teardown();
}

/* ----------------------------------------------------------- mirroring */

static void
test_mirror(void)
{
	struct act_in in;
	uint32_t act, x1, x2;

	setup();
	act = add_activity(ann, "Project");
	in_init(&in, "Een");
	in.a.activity_id = act;
	in_owner(&in, PART, ann, NULL);
	in_when(&in, W_PERIOD, "na de kerstvakantie");
	CHECK_INT(add_action(ann, &in), ==, 0);
	x1 = ev.action.id;
	in_init(&in, "Twee");
	in_owner(&in, TEAM, 0, NULL);
	in_owner(&in, NAMED, 0, "Stagebureau");
	in.a.needs = MODEL_NEED_TOOLS;
	CHECK_INT(add_action(chair, &in), ==, 0);
	x2 = ev.action.id;
	CHECK_INT(claim(bob, x1, false), ==, 0);
	CHECK_INT(set_status(ann, x2, BUSY), ==, 0);
	add_simple(bob, "Drie");
	CHECK_INT(delete_action(chair, x1), ==, 0);
	in_init(&in, "Twee, beter");
	in.a.id = x2;
	in_owner(&in, TEAM, 0, NULL);
	in_owner(&in, NAMED, 0, "Stagebureau");
	in.a.study_years = 1u << 1 | 1u << 2;
	CHECK_INT(edit_action(bob, &in), ==, 0);
	CHECK_INT(claim(ann, x2, false), ==, 0);
	check_same(&room, &mirror);
	CHECK_UINT(room.actions.n, ==, 2);
	CHECK_UINT(room.next_action_id, ==, 4);
	teardown();
}

/* Builds a well-formed action for the apply tests, owned by Ann. */
static void
good_action(struct act_in *in, uint32_t id)
{
	in_init(in, "Goed");
	in->a.id = id;
	in->a.author_id = ann;
	in_owner(in, PART, ann, "Ann");
}

static void
test_apply_refuses_nonsense(void)
{
	static char names[MODEL_OWNERS_MAX][8];
	char long_text[MODEL_NOTE_MAX + 2];
	Aandeslag__Event e;
	struct act_in in;
	uint64_t seq;
	uint32_t i;

	setup();
	add_simple(ann, "Een");
	seq = mirror.seq;
	memset(long_text, 'x', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';

#define BAD(added)                                                          \
	CHECK_INT(apply_action((added), &in.a), ==, -EPROTO)
	good_action(&in, 0);
	BAD(true);
	good_action(&in, 1);    /* taken */
	BAD(true);
	good_action(&in, 2);
	in.a.text = (char *)"";
	BAD(true);
	in.a.text = NULL;
	BAD(true);
	in.a.text = (char *)"een\ntwee";
	BAD(true);
	in.a.text = long_text;
	BAD(true);
	good_action(&in, 2);
	in.a.activity_id = 3;
	BAD(true);
	good_action(&in, 2);
	for (i = 0; i < MODEL_OWNERS_MAX; i++)
		in_owner(&in, PART, 100 + i, "X");
	BAD(true);
	good_action(&in, 2);
	in.owners[0].participant_id = 0;
	BAD(true);
	good_action(&in, 2);
	in.owners[0].name = (char *)"";
	BAD(true);
	in.owners[0].name = NULL;
	BAD(true);
	good_action(&in, 2);
	in_owner(&in, TEAM, 3, NULL);
	BAD(true);
	good_action(&in, 2);
	in_owner(&in, TEAM, 0, "Team");
	BAD(true);
	good_action(&in, 2);
	in_owner(&in, NAMED, 0, "");
	BAD(true);
	good_action(&in, 2);
	in_owner(&in, NAMED, 2, "Teamleider");
	BAD(true);
	good_action(&in, 2);
	in_owner(&in, NAMED, 0, "een\ttab");
	BAD(true);
	good_action(&in, 2);
	in_owner(&in, 3, 0, "Wie");
	BAD(true);
	good_action(&in, 2);
	in_owner(&in, PART, ann, "Ann");
	BAD(true);
	good_action(&in, 2);
	in_owner(&in, TEAM, 0, NULL);
	in_owner(&in, TEAM, 0, NULL);
	BAD(true);
	good_action(&in, 2);
	in_owner(&in, NAMED, 0, "Teamleider");
	in_owner(&in, NAMED, 0, "teamleider");
	BAD(true);
	good_action(&in, 2);
	in.ptrs[0] = NULL;
	BAD(true);
	good_action(&in, 2);
	in.a.owners = NULL;
	BAD(true);
	good_action(&in, 2);
	in.a.needs = 32;
	BAD(true);
	good_action(&in, 2);
	in.a.needs_text = long_text + MODEL_NOTE_MAX - MODEL_NEEDS_MAX;
	BAD(true);
	in.a.needs_text = (char *)"a\nb";
	BAD(true);
	in.a.needs_text = NULL;
	BAD(true);
	good_action(&in, 2);
	in.a.study_years = 1;
	BAD(true);
	good_action(&in, 2);
	in_when(&in, W_NONE, "morgen");
	BAD(true);
	in_when(&in, W_DATE, "2025-04-31");
	BAD(true);
	in_when(&in, W_DATE, NULL);
	BAD(true);
	in_when(&in, W_MONTH, "2025-00");
	BAD(true);
	in_when(&in, W_PERIOD, "");
	BAD(true);
	in_when(&in, W_PERIOD, NULL);
	BAD(true);
	in_when(&in, W_PERIOD, long_text + MODEL_NOTE_MAX - MODEL_PERIOD_MAX);
	BAD(true);
	in_when(&in, 7, "2025-03");
	BAD(true);
	good_action(&in, 2);
	in.a.status = (Aandeslag__ActionStatus)3;
	BAD(true);
	good_action(&in, 2);    /* no such action to change */
	BAD(false);
	good_action(&in, 1);
	in.a.text = (char *)"";
	BAD(false);
	CHECK_INT(apply_deleted(2), ==, -EPROTO);
	CHECK_INT(apply_deleted(0), ==, -EPROTO);
	next_event(&e);
	e.change_case = AANDESLAG__EVENT__CHANGE_ACTION_ADDED;
	CHECK_INT(model_apply(&mirror, &e, now), ==, -EPROTO);
	e.change_case = AANDESLAG__EVENT__CHANGE_ACTION_CHANGED;
	CHECK_INT(model_apply(&mirror, &e, now), ==, -EPROTO);
	e.change_case = AANDESLAG__EVENT__CHANGE_ACTION_DELETED;
	CHECK_INT(model_apply(&mirror, &e, now), ==, -EPROTO);
#undef BAD
	CHECK_UINT(mirror.seq, ==, seq);
	check_same(&room, &mirror);

	/* What is well-formed is taken: owners who are not seated, every
	 * kind of when, an id after a gap, an author who left. */
	good_action(&in, 7);
	in.a.author_id = 300;
	in_owner(&in, PART, 300, "Oud-collega");
	in_owner(&in, TEAM, 0, "");
	in_owner(&in, NAMED, 0, "Teamleider");
	in_when(&in, W_NONE, "");
	CHECK_INT(apply_action(true, &in.a), ==, 0);
	CHECK_UINT(mirror.next_action_id, ==, 8);
	CHECK_STR(when(stored(&mirror, 7)), "N:");
	in_when(&in, W_MONTH, "2199-12");
	CHECK_INT(apply_action(false, &in.a), ==, 0);
	CHECK_STR(when(stored(&mirror, 7)), "M:2199-12");
	in.a.when = NULL;
	in.a.status = DONE;
	for (i = 4; i < MODEL_OWNERS_MAX; i++) {
		snprintf(names[i], sizeof names[i], "N%u", (unsigned)i);
		in_owner(&in, NAMED, 0, names[i]);
	}
	CHECK_INT(apply_action(false, &in.a), ==, 0);
	CHECK_UINT(stored(&mirror, 7)->n_owners, ==, MODEL_OWNERS_MAX);
	CHECK_INT(apply_deleted(7), ==, 0);
	CHECK(stored(&mirror, 7) == NULL);
	teardown();
}

static void
test_apply_limit(void)
{
	struct act_in in;
	uint32_t i;

	setup();
	for (i = 1; i <= MODEL_ACTIONS_MAX; i++) {
		good_action(&in, i);
		CHECK_INT(apply_action(true, &in.a), ==, 0);
	}
	good_action(&in, i);
	CHECK_INT(apply_action(true, &in.a), ==, -EPROTO);
	CHECK_UINT(mirror.actions.n, ==, MODEL_ACTIONS_MAX);
	teardown();
}

CHECK_MAIN(
	CHECK_TEST(test_add_minimal),
	CHECK_TEST(test_add_full),
	CHECK_TEST(test_add_when),
	CHECK_TEST(test_add_refused),
	CHECK_TEST(test_add_owners_refused),
	CHECK_TEST(test_add_owners_not_chair),
	CHECK_TEST(test_add_limit),
	CHECK_TEST(test_edit),
	CHECK_TEST(test_edit_owners),
	CHECK_TEST(test_edit_departed_owner),
	CHECK_TEST(test_edit_refused),
	CHECK_TEST(test_delete),
	CHECK_TEST(test_claim),
	CHECK_TEST(test_claim_full),
	CHECK_TEST(test_claim_departed_owner),
	CHECK_TEST(test_status),
	CHECK_TEST(test_mirror),
	CHECK_TEST(test_apply_refuses_nonsense),
	CHECK_TEST(test_apply_limit),
)
