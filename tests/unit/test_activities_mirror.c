/* Tests for activities.c: mirroring activities, and nonsense events. */
#include "activities_fixture.h"

/* The mirror hears that activity id was taken off the poster. */
#define apply_deleted(id) \
	pair_apply_deleted(AANDESLAG__EVENT__CHANGE_ACTIVITY_DELETED, (id))

static int
apply_activity(bool added, Aandeslag__Activity *a)
{
	Aandeslag__Event e;

	next_event(&e);
	if (added) {
		e.change_case = AANDESLAG__EVENT__CHANGE_ACTIVITY_ADDED;
		e.activity_added = a;
	} else {
		e.change_case = AANDESLAG__EVENT__CHANGE_ACTIVITY_CHANGED;
		e.activity_changed = a;
	}
	return model_apply(&mirror, &e, now);
}

/* ----------------------------------------------------------- mirroring */

static void
test_mirror(void)
{
	struct act_in in;
	uint32_t id;

	setup();
	act_init(&in, "stage", "", UNSET);
	act_link(&in, "talen");
	CHECK_INT(add_activity(ann, &in), ==, 0);
	id = add_simple(bob, "Project met Ghana", "wereld");
	add_action(ann, "Mailen", id);
	act_init(&in, NULL, "Project met Kenia", ABROAD);
	in.a.id = id;
	in.a.done = true;
	act_link(&in, "open");
	act_link(&in, "wereld");
	CHECK_INT(edit_activity(chair, &in), ==, 0);
	add_simple(chair, "Gastles", NULL);
	CHECK_INT(delete_activity(chair, 1), ==, 0);
	add_simple(ann, "Nog een", "flexibel");
	CHECK_INT(delete_activity(bob, id), ==, 0);
	check_same(&room, &mirror);
	CHECK_UINT(room.activities.n, ==, 2);
	CHECK_UINT(room.next_activity_id, ==, 5);
	teardown();
}

static void
test_apply_refuses_nonsense(void)
{
	Aandeslag__Activity a;
	Aandeslag__Event e;
	char *ids[MODEL_LINKS_MAX + 1];
	static char names[MANY][4];
	char long_text[MODEL_NOTE_MAX + 2];
	uint64_t seq;
	int i;

	setup();
	add_simple(ann, "Een", "talen");
	seq = mirror.seq;
	memset(long_text, 'c', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	for (i = 0; i < MANY; i++) {
		snprintf(names[i], sizeof names[i], "v%02d", i + 1);
		ids[i] = names[i];
	}

#define FRESH(id_)                                                          \
	do {                                                                \
		aandeslag__activity__init(&a);                              \
		a.id = (id_);                                               \
		a.text = (char *)"Twee";                                    \
		a.author_id = bob;                                          \
	} while (0)
	FRESH(0);
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(1);               /* taken */
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(2);
	a.catalogue_id = (char *)"nope";
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(2);
	a.catalogue_id = NULL;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(2);
	a.text = (char *)"";
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(2);
	a.text = NULL;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(2);
	a.text = (char *)"twee\nregels";
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(2);
	a.text = long_text;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(2);
	a.place = (Aandeslag__Place)3;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(2);
	ids[0] = (char *)"nope";
	a.competence_ids = ids;
	a.n_competence_ids = 1;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	ids[0] = (char *)"";
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	ids[0] = names[1];      /* v02 twice */
	a.n_competence_ids = 2;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	ids[0] = names[0];
	a.n_competence_ids = MODEL_LINKS_MAX + 1;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	a.n_competence_ids = 2;
	a.competence_ids = NULL;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(5);
	CHECK_INT(apply_activity(false, &a), ==, -EPROTO);
	FRESH(1);
	a.text = (char *)"";
	CHECK_INT(apply_activity(false, &a), ==, -EPROTO);
	CHECK_INT(apply_deleted(5), ==, -EPROTO);
	CHECK_INT(apply_deleted(0), ==, -EPROTO);
	/* Event cases without their message. */
	next_event(&e);
	e.change_case = AANDESLAG__EVENT__CHANGE_ACTIVITY_ADDED;
	CHECK_INT(model_apply(&mirror, &e, now), ==, -EPROTO);
	e.change_case = AANDESLAG__EVENT__CHANGE_ACTIVITY_CHANGED;
	CHECK_INT(model_apply(&mirror, &e, now), ==, -EPROTO);
	e.change_case = AANDESLAG__EVENT__CHANGE_ACTIVITY_DELETED;
	CHECK_INT(model_apply(&mirror, &e, now), ==, -EPROTO);
	CHECK_UINT(mirror.seq, ==, seq);
	check_same(&room, &mirror);

	/* What is well-formed is taken: sixteen links, an author who is not
	 * seated, an id after a gap. */
	FRESH(9);
	a.competence_ids = ids;
	a.n_competence_ids = MODEL_LINKS_MAX;
	a.author_id = 1234;
	CHECK_INT(apply_activity(true, &a), ==, 0);
	CHECK_UINT(mirror.next_activity_id, ==, 10);
	check_activity(stored(&mirror, 9), 9, "", "Twee", false, UNSET,
	               "v01,v02,v03,v04,v05,v06,v07,v08,v09,v10,v11,v12,v13,"
	               "v14,v15,v16", 1234);
	FRESH(9);
	a.catalogue_id = (char *)"gastles";
	a.text = (char *)"";
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);   /* id taken */
	CHECK_INT(apply_activity(false, &a), ==, 0);
	check_activity(stored(&mirror, 9), 9, "gastles", "", false, UNSET, "",
	               bob);
	CHECK_INT(apply_deleted(9), ==, 0);
	CHECK(stored(&mirror, 9) == NULL);
#undef FRESH
	teardown();
}

static void
test_apply_limit(void)
{
	Aandeslag__Activity a;
	uint32_t i;

	setup();
	aandeslag__activity__init(&a);
	a.text = (char *)"Vol";
	for (i = 1; i <= MODEL_ACTIVITIES_MAX; i++) {
		a.id = i;
		CHECK_INT(apply_activity(true, &a), ==, 0);
	}
	a.id = i;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	CHECK_UINT(mirror.activities.n, ==, MODEL_ACTIVITIES_MAX);
	teardown();
}

CHECK_MAIN(CHECK_TEST(test_mirror),
           CHECK_TEST(test_apply_refuses_nonsense),
           CHECK_TEST(test_apply_limit))
