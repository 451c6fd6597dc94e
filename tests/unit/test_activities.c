/* Tests for activities.c: adding, editing and deleting activities. */
#include "activities_fixture.h"

/* ----------------------------------------------------------------- add */

static void
test_add_own_words(void)
{
	struct act_in in;

	setup();
	CHECK_UINT(room.next_activity_id, ==, 1);
	act_init(&in, NULL, "  Uitwisseling met Duitsland  ", ABROAD);
	act_link(&in, "talen");
	act_link(&in, "open");
	in.a.id = 77;           /* ignored */
	in.a.author_id = bob;   /* ignored */
	CHECK_INT(add_activity(ann, &in), ==, 0);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_ACTIVITY_ADDED);
	CHECK_UINT(ev.event.actor_id, ==, ann);
	CHECK_UINT(ev.event.seq, ==, room.seq);
	CHECK(ev.event.activity_added == &ev.activity);
	check_activity(&ev.activity, 1, "", "Uitwisseling met Duitsland",
	               false, ABROAD, "talen,open", ann);
	CHECK_UINT(room.activities.n, ==, 1);
	CHECK_UINT(room.next_activity_id, ==, 2);
	check_activity(stored(&room, 1), 1, "", "Uitwisseling met Duitsland",
	               false, ABROAD, "talen,open", ann);

	/* Already done, no place, no competences. */
	act_init(&in, NULL, "Gastdocent uit Spanje", UNSET);
	in.a.done = true;
	CHECK_INT(add_activity(bob, &in), ==, 0);
	check_activity(&ev.activity, 2, "", "Gastdocent uit Spanje", true,
	               UNSET, "", bob);
	CHECK_UINT(room.next_activity_id, ==, 3);
	check_same(&room, &mirror);
	teardown();
}

static void
test_add_from_catalogue(void)
{
	struct act_in in;

	setup();
	/* Without a text or place the catalogue's apply. */
	act_init(&in, "coil", "", UNSET);
	CHECK_INT(add_activity(ann, &in), ==, 0);
	check_activity(&ev.activity, 1, "coil", "", false, HOME, "", ann);
	check_activity(stored(&room, 1), 1, "coil", "", false, HOME, "", ann);

	/* A text of its own replaces the catalogue's name; a place given
	 * wins over the catalogue's. */
	act_init(&in, "stage", " Stage in Gent ", HOME);
	act_link(&in, "cultuur");
	in.a.done = true;
	CHECK_INT(add_activity(chair, &in), ==, 0);
	check_activity(&ev.activity, 2, "stage", "Stage in Gent", true, HOME,
	               "cultuur", chair);

	act_init(&in, "stage", NULL, UNSET);
	CHECK_INT(add_activity(bob, &in), ==, 0);
	check_activity(&ev.activity, 3, "stage", "", false, ABROAD, "", bob);

	/* The same catalogue entry may be on the poster twice. */
	act_init(&in, "coil", "   ", UNSET);
	CHECK_INT(add_activity(bob, &in), ==, 0);
	check_activity(&ev.activity, 4, "coil", "", false, HOME, "", bob);
	check_same(&room, &mirror);
	teardown();
}

static void
test_add_links(void)
{
	static char ids[MANY][4];
	struct act_in in;
	int i;

	setup();
	/* A competence named twice is linked once, in first-seen order. */
	act_init(&in, NULL, "Project", UNSET);
	act_link(&in, "open");
	act_link(&in, "talen");
	act_link(&in, "open");
	act_link(&in, "talen");
	act_link(&in, "wereld");
	CHECK_INT(add_activity(ann, &in), ==, 0);
	check_activity(&ev.activity, 1, "", "Project", false, UNSET,
	               "open,talen,wereld", ann);

	/* Sixteen different ones fit, with doubles among them. */
	for (i = 0; i < MANY; i++)
		snprintf(ids[i], sizeof ids[i], "v%02d", i + 1);
	act_init(&in, NULL, "Veel", UNSET);
	for (i = 0; i < MODEL_LINKS_MAX; i++) {
		act_link(&in, ids[i]);
		act_link(&in, ids[0]);
	}
	CHECK_INT(add_activity(ann, &in), ==, 0);
	CHECK_UINT(ev.activity.n_competence_ids, ==, MODEL_LINKS_MAX);
	CHECK_STR(ev.activity.competence_ids[0], "v01");
	CHECK_STR(ev.activity.competence_ids[MODEL_LINKS_MAX - 1], "v16");

	/* A seventeenth is too many. */
	act_link(&in, ids[MANY - 1]);
	CHECK_REFUSED(add_activity(ann, &in), why, E(TOO_MANY), 2,
	              "competences", "16");
	act_init(&in, NULL, "Project", UNSET);
	act_link(&in, "talen");
	act_link(&in, "nope");
	CHECK_REFUSED(add_activity(ann, &in), why, E(NO_SUCH_COMPETENCE), 1,
	              "nope", "");
	act_init(&in, NULL, "Project", UNSET);
	act_link(&in, "");
	CHECK_REFUSED(add_activity(ann, &in), why, E(NO_SUCH_COMPETENCE), 1,
	              "", "");
	act_init(&in, NULL, "Project", UNSET);
	act_link(&in, "kennis");
	CHECK_REFUSED(add_activity(ann, &in), why, E(NO_SUCH_COMPETENCE), 1,
	              "kennis", "");
	CHECK_UINT(room.activities.n, ==, 2);
	check_same(&room, &mirror);
	teardown();
}

static void
test_add_refused(void)
{
	char long_text[MODEL_NOTE_MAX + 2];
	Aandeslag__Command cmd;
	Aandeslag__AddActivity add;
	struct act_in in;
	uint64_t seq;

	setup();
	seq = room.seq;
	act_init(&in, "nope", "Iets", UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(NO_SUCH_ACTIVITY), 1,
	              "nope", "");
	/* A competence id is not a catalogue id. */
	act_init(&in, "talen", "Iets", UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(NO_SUCH_ACTIVITY), 1,
	              "talen", "");
	act_init(&in, NULL, "", UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(EMPTY_TEXT), 0, "", "");
	act_init(&in, NULL, NULL, UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(EMPTY_TEXT), 0, "", "");
	act_init(&in, "", " \t ", UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(EMPTY_TEXT), 0, "", "");
	memset(long_text, 'a', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	act_init(&in, NULL, long_text, UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(TEXT_TOO_LONG), 1, "1000",
	              "");
	act_init(&in, "coil", long_text, UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(TEXT_TOO_LONG), 1, "1000",
	              "");
	act_init(&in, NULL, "twee\nregels", UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(INVALID_TEXT), 0, "", "");
	act_init(&in, "coil", "bel\x07", UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(INVALID_TEXT), 0, "", "");
	act_init(&in, NULL, "\xff\xfe", UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(INVALID_TEXT), 0, "", "");
	act_init(&in, NULL, "Iets", 3);
	CHECK_REFUSED(add_activity(ann, &in), why, E(BAD_SETTING), 0, "", "");
	act_init(&in, "coil", "", -1);
	CHECK_REFUSED(add_activity(ann, &in), why, E(BAD_SETTING), 0, "", "");

	/* A command without its activity. */
	aandeslag__command__init(&cmd);
	aandeslag__add_activity__init(&add);
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_ACTIVITY;
	cmd.add_activity = &add;
	CHECK_REFUSED(run(ann, &cmd), why, E(UNKNOWN_COMMAND), 0, "", "");
	CHECK_UINT(room.seq, ==, seq);
	CHECK_UINT(room.activities.n, ==, 0);
	CHECK_UINT(room.next_activity_id, ==, 1);
	teardown();
}

static void
test_add_limit(void)
{
	struct act_in in;
	int i;

	setup();
	act_init(&in, "gastles", "", UNSET);
	for (i = 0; i < MODEL_ACTIVITIES_MAX; i++)
		CHECK_INT(add_activity(i % 2 ? ann : bob, &in), ==, 0);
	CHECK_UINT(room.activities.n, ==, MODEL_ACTIVITIES_MAX);
	CHECK_REFUSED(add_activity(ann, &in), why, E(TOO_MANY), 2,
	              "activities", "200");
	CHECK_REFUSED(add_activity(chair, &in), why, E(TOO_MANY), 2,
	              "activities", "200");
	/* Room again after one is deleted. */
	CHECK_INT(delete_activity(chair, 5), ==, 0);
	CHECK_INT(add_activity(ann, &in), ==, 0);
	CHECK_UINT(ev.activity.id, ==, MODEL_ACTIVITIES_MAX + 1);
	check_same(&room, &mirror);
	teardown();
}

/* ---------------------------------------------------------------- edit */

static void
test_edit(void)
{
	struct act_in in;
	uint32_t id;

	setup();
	id = add_simple(ann, "Uitwisseling", "talen");
	/* Anyone may edit; the catalogue and author are kept whatever the
	 * command says. */
	act_init(&in, "stage", " Uitwisseling met Polen ", HOME);
	in.a.id = id;
	in.a.author_id = bob;
	in.a.done = true;
	act_link(&in, "open");
	act_link(&in, "wereld");
	act_link(&in, "open");
	CHECK_INT(edit_activity(bob, &in), ==, 0);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_ACTIVITY_CHANGED);
	CHECK_UINT(ev.event.actor_id, ==, bob);
	CHECK(ev.event.activity_changed == &ev.activity);
	check_activity(&ev.activity, id, "", "Uitwisseling met Polen", true,
	               HOME, "open,wereld", ann);
	check_activity(stored(&room, id), id, "", "Uitwisseling met Polen",
	               true, HOME, "open,wereld", ann);
	CHECK_UINT(room.next_activity_id, ==, id + 1);
	check_same(&room, &mirror);

	/* A free activity needs its text. */
	act_init(&in, NULL, "", UNSET);
	in.a.id = id;
	CHECK_REFUSED(edit_activity(chair, &in), why, E(EMPTY_TEXT), 0, "",
	              "");
	teardown();
}

static void
test_edit_catalogue(void)
{
	struct act_in in;

	setup();
	act_init(&in, "coil", "Met Finland", ABROAD);
	CHECK_INT(add_activity(bob, &in), ==, 0);
	/* Back to the catalogue's name and place; the catalogue id cannot
	 * be taken away or changed. */
	act_init(&in, "", "", UNSET);
	in.a.id = 1;
	act_link(&in, "flexibel");
	CHECK_INT(edit_activity(ann, &in), ==, 0);
	check_activity(&ev.activity, 1, "coil", "", false, HOME, "flexibel",
	               bob);
	act_init(&in, "gastles", "Iets anders", UNSET);
	in.a.id = 1;
	CHECK_INT(edit_activity(ann, &in), ==, 0);
	check_activity(&ev.activity, 1, "coil", "Iets anders", false, HOME,
	               "", bob);
	check_same(&room, &mirror);
	teardown();
}

static void
test_edit_refused(void)
{
	char long_text[MODEL_NOTE_MAX + 2];
	struct act_in in;
	uint64_t seq;
	int i;

	setup();
	add_simple(ann, "Uitwisseling", "talen");
	seq = room.seq;
	act_init(&in, NULL, "Iets", UNSET);
	in.a.id = 7;
	CHECK_REFUSED(edit_activity(ann, &in), why, E(NO_SUCH_ACTIVITY), 1, "7",
	              "");
	in.a.id = 0;
	CHECK_REFUSED(edit_activity(ann, &in), why, E(NO_SUCH_ACTIVITY), 1, "0",
	              "");
	memset(long_text, 'b', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	act_init(&in, NULL, long_text, UNSET);
	in.a.id = 1;
	CHECK_REFUSED(edit_activity(ann, &in), why, E(TEXT_TOO_LONG), 1, "1000",
	              "");
	act_init(&in, NULL, "a\tb", UNSET);
	in.a.id = 1;
	CHECK_REFUSED(edit_activity(ann, &in), why, E(INVALID_TEXT), 0, "", "");
	act_init(&in, NULL, "Iets", 9);
	in.a.id = 1;
	CHECK_REFUSED(edit_activity(ann, &in), why, E(BAD_SETTING), 0, "", "");
	act_init(&in, NULL, "Iets", UNSET);
	in.a.id = 1;
	act_link(&in, "onbekend");
	CHECK_REFUSED(edit_activity(ann, &in), why, E(NO_SUCH_COMPETENCE), 1,
	              "onbekend", "");
	act_init(&in, NULL, "Iets", UNSET);
	in.a.id = 1;
	for (i = 0; i < MANY; i++) {
		static char ids[MANY][4];

		snprintf(ids[i], sizeof ids[i], "v%02d", i + 1);
		act_link(&in, ids[i]);
	}
	CHECK_REFUSED(edit_activity(ann, &in), why, E(TOO_MANY), 2,
	              "competences", "16");
	CHECK_UINT(room.seq, ==, seq);
	check_activity(stored(&room, 1), 1, "", "Uitwisseling", false, UNSET,
	               "talen", ann);
	teardown();
}

/* -------------------------------------------------------------- delete */

static void
test_delete(void)
{
	uint32_t a1, a2, a3;

	setup();
	a1 = add_simple(ann, "Een", NULL);
	a2 = add_simple(ann, "Twee", NULL);
	a3 = add_simple(bob, "Drie", NULL);
	/* Only the author, or the chair. */
	CHECK_REFUSED(delete_activity(bob, a1), why, E(NOT_AUTHOR), 0, "", "");
	CHECK_INT(delete_activity(ann, a1), ==, 0);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_ACTIVITY_DELETED);
	CHECK_UINT(ev.event.actor_id, ==, ann);
	CHECK(ev.event.activity_deleted == &ev.deleted);
	CHECK_UINT(ev.deleted.id, ==, a1);
	CHECK(stored(&room, a1) == NULL);
	CHECK_INT(delete_activity(chair, a3), ==, 0);
	CHECK_UINT(ev.deleted.id, ==, a3);
	CHECK_UINT(room.activities.n, ==, 1);
	CHECK(stored(&room, a2) != NULL);
	CHECK_REFUSED(delete_activity(ann, a1), why, E(NO_SUCH_ACTIVITY), 1,
	              "1", "");
	CHECK_REFUSED(delete_activity(chair, 99), why, E(NO_SUCH_ACTIVITY), 1,
	              "99", "");
	/* Ids are never reused. */
	CHECK_UINT(add_simple(bob, "Vier", NULL), ==, 4);
	check_same(&room, &mirror);
	teardown();
}

static void
test_delete_unlinks_actions(void)
{
	uint32_t a1, a2, x1, x2, x3;

	setup();
	a1 = add_simple(ann, "Een", "talen");
	a2 = add_simple(ann, "Twee", NULL);
	x1 = add_action(ann, "Eerste", a1);
	x2 = add_action(bob, "Tweede", a2);
	x3 = add_action(chair, "Derde", a1);
	CHECK_UINT(stored_action(&room, x1)->activity_id, ==, a1);
	CHECK_INT(delete_activity(chair, a1), ==, 0);
	CHECK_UINT(stored_action(&room, x1)->activity_id, ==, 0);
	CHECK_UINT(stored_action(&room, x2)->activity_id, ==, a2);
	CHECK_UINT(stored_action(&room, x3)->activity_id, ==, 0);
	CHECK_STR(stored_action(&room, x3)->text, "Derde");
	CHECK_UINT(stored_action(&mirror, x1)->activity_id, ==, 0);
	CHECK_UINT(stored_action(&mirror, x3)->activity_id, ==, 0);
	CHECK_UINT(room.actions.n, ==, 3);
	check_same(&room, &mirror);
	teardown();
}

/* ----------------------------------------------------- marked, covered */

static void
test_uncovered(void)
{
	Aandeslag__Command cmd;
	Aandeslag__MarkCompetence mc;
	static const char *const marks[] = { "wereld", "talen", "open" };
	const char *out[8];
	struct act_in in;
	uint32_t id;
	size_t i;

	setup();
	for (i = 0; i < 3; i++) {
		aandeslag__command__init(&cmd);
		aandeslag__mark_competence__init(&mc);
		mc.competence_id = (char *)marks[i];
		mc.marked = true;
		cmd.op_case = AANDESLAG__COMMAND__OP_MARK;
		cmd.mark = &mc;
		CHECK_INT(run(chair, &cmd), ==, 0);
	}
	CHECK_UINT(model_uncovered(&room, out), ==, 3);
	CHECK_STR(out[0], "wereld");
	CHECK_STR(out[1], "talen");
	CHECK_STR(out[2], "open");

	/* An activity on a competence nobody marked covers nothing. */
	add_simple(ann, "Iets", "cultuur");
	CHECK_UINT(model_uncovered(&room, out), ==, 3);
	id = add_simple(bob, "Taalcursus", "talen");
	CHECK_UINT(model_uncovered(&room, out), ==, 2);
	CHECK_STR(out[0], "wereld");
	CHECK_STR(out[1], "open");
	act_init(&in, NULL, "Taalcursus", UNSET);
	in.a.id = id;
	act_link(&in, "talen");
	act_link(&in, "wereld");
	CHECK_INT(edit_activity(bob, &in), ==, 0);
	CHECK_UINT(model_uncovered(&room, out), ==, 1);
	CHECK_STR(out[0], "open");
	CHECK_UINT(model_uncovered(&mirror, out), ==, 1);
	CHECK_STR(out[0], "open");
	CHECK_INT(delete_activity(bob, id), ==, 0);
	CHECK_UINT(model_uncovered(&room, out), ==, 3);
	CHECK_STR(out[0], "wereld");
	teardown();
}

CHECK_MAIN(CHECK_TEST(test_add_own_words),
           CHECK_TEST(test_add_from_catalogue),
           CHECK_TEST(test_add_links),
           CHECK_TEST(test_add_refused),
           CHECK_TEST(test_add_limit),
           CHECK_TEST(test_edit),
           CHECK_TEST(test_edit_catalogue),
           CHECK_TEST(test_edit_refused),
           CHECK_TEST(test_delete),
           CHECK_TEST(test_delete_unlinks_actions),
           CHECK_TEST(test_uncovered))
