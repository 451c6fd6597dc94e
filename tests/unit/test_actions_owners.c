/* Tests for actions.c: owners of actions, who may give them, claiming. */
#include "actions_fixture.h"

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

CHECK_MAIN(CHECK_TEST(test_add_owners_refused),
           CHECK_TEST(test_add_owners_not_chair),
           CHECK_TEST(test_edit_owners),
           CHECK_TEST(test_edit_departed_owner),
           CHECK_TEST(test_claim),
           CHECK_TEST(test_claim_full),
           CHECK_TEST(test_claim_departed_owner))
