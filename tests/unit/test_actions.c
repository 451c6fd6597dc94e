/* Tests for actions.c: adding, editing, deleting, status, mirroring. */
#include "actions_fixture.h"

/* The mirror hears that action id was taken off the poster. */
#define apply_deleted(id) \
	pair_apply_deleted(AANDESLAG__EVENT__CHANGE_ACTION_DELETED, (id))

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

CHECK_MAIN(CHECK_TEST(test_add_minimal),
           CHECK_TEST(test_add_full),
           CHECK_TEST(test_add_when),
           CHECK_TEST(test_add_refused),
           CHECK_TEST(test_add_limit),
           CHECK_TEST(test_edit),
           CHECK_TEST(test_edit_refused),
           CHECK_TEST(test_delete),
           CHECK_TEST(test_status),
           CHECK_TEST(test_mirror),
           CHECK_TEST(test_apply_refuses_nonsense),
           CHECK_TEST(test_apply_limit))
