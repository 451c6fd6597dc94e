/* Tests for the limits a server may lower for its rooms (struct
 * model_limits): commands are refused at the room's limit and the
 * refusal names it, while events are checked against the ceilings only,
 * so that a client's mirror takes whatever the server accepted; a room
 * keeps what it held before its limits were lowered. */
#include "findings_fixture.h"

#include "snapshot.h"

/* A room with these limits refuses the fourth note, the third question,
 * activity and action, a text of 21 bytes and a name of 11. */
static const struct model_limits lowered = {
	.name_max = 10, .text_max = 20, .notes_max = 3, .questions_max = 2,
	.activities_max = 2, .actions_max = 2,
};

/* The room and its mirror, with the room's limits lowered; the mirror
 * keeps the ceilings, as a client's does. */
static void
setup_lowered(void)
{
	setup();
	room.limits = lowered;
}

/* Adds a note of actor's own on step 1 (or, with for_name, on behalf
 * of that name); returns what run() gives. */
static int
try_note(uint32_t actor, const char *text, const char *for_name)
{
	Aandeslag__Command cmd;
	Aandeslag__AddNote an;

	aandeslag__command__init(&cmd);
	aandeslag__add_note__init(&an);
	an.step = 1;
	an.text = (char *)text;
	if (for_name != NULL) {
		an.author = AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_ON_BEHALF;
		an.on_behalf_name = (char *)for_name;
	}
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
	cmd.add_note = &an;
	return run(actor, &cmd);
}

static int
try_edit_note(uint32_t actor, uint32_t id, const char *text)
{
	Aandeslag__Command cmd;
	Aandeslag__EditNote en;

	aandeslag__command__init(&cmd);
	aandeslag__edit_note__init(&en);
	en.note_id = id;
	en.text = (char *)text;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_EDIT_NOTE;
	cmd.edit_note = &en;
	return run(actor, &cmd);
}

static int
try_question(uint32_t actor, const char *text)
{
	Aandeslag__Command cmd;
	Aandeslag__AddQuestion aq;

	aandeslag__command__init(&cmd);
	aandeslag__add_question__init(&aq);
	aq.step = 1;
	aq.text = (char *)text;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_QUESTION;
	cmd.add_question = &aq;
	return run(actor, &cmd);
}

static int
try_activity(uint32_t actor, const char *text)
{
	Aandeslag__Command cmd;
	Aandeslag__AddActivity add;
	Aandeslag__Activity a;

	aandeslag__command__init(&cmd);
	aandeslag__add_activity__init(&add);
	aandeslag__activity__init(&a);
	a.text = (char *)text;
	add.activity = &a;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_ACTIVITY;
	cmd.add_activity = &add;
	return run(actor, &cmd);
}

static int
try_action(uint32_t actor, const char *text)
{
	struct act_in in;

	in_init(&in, text);
	return add_action(actor, &in);
}

/* A text of n bytes: n copies of c. */
static const char *
bytes(char *buf, char c, size_t n)
{
	memset(buf, c, n);
	buf[n] = '\0';
	return buf;
}

/* ---------------------------------------------------------- the limits */

static void
test_defaults_and_check(void)
{
	struct model_limits l;

	setup();
	model_limits_default(&l);
	CHECK_UINT(l.name_max, ==, MODEL_NAME_MAX);
	CHECK_UINT(l.text_max, ==, MODEL_NOTE_MAX);
	CHECK_UINT(l.notes_max, ==, MODEL_NOTES_MAX);
	CHECK_UINT(l.questions_max, ==, MODEL_QUESTIONS_MAX);
	CHECK_UINT(l.activities_max, ==, MODEL_ACTIVITIES_MAX);
	CHECK_UINT(l.actions_max, ==, MODEL_ACTIONS_MAX);
	CHECK_INT(model_limits_check(&l), ==, 0);
	/* A new room, and a room loaded from a snapshot, start at the
	 * ceilings. */
	CHECK(memcmp(&room.limits, &l, sizeof l) == 0);
	CHECK(memcmp(&mirror.limits, &l, sizeof l) == 0);
	CHECK_INT(model_limits_check(&lowered), ==, 0);

	/* Each limit is 1..its ceiling. */
#define CHECK_RANGE(field, ceiling)                                         \
	do {                                                                \
		model_limits_default(&l);                                   \
		l.field = 0;                                                \
		CHECK_INT(model_limits_check(&l), ==, -ERANGE);             \
		l.field = (ceiling) + 1;                                    \
		CHECK_INT(model_limits_check(&l), ==, -ERANGE);             \
		l.field = 1;                                                \
		CHECK_INT(model_limits_check(&l), ==, 0);                   \
	} while (0)
	CHECK_RANGE(name_max, MODEL_NAME_MAX);
	CHECK_RANGE(text_max, MODEL_NOTE_MAX);
	CHECK_RANGE(notes_max, MODEL_NOTES_MAX);
	CHECK_RANGE(questions_max, MODEL_QUESTIONS_MAX);
	CHECK_RANGE(activities_max, MODEL_ACTIVITIES_MAX);
	CHECK_RANGE(actions_max, MODEL_ACTIONS_MAX);
#undef CHECK_RANGE
	teardown();
}

static void
test_snapshot_starts_at_ceilings(void)
{
	struct model_room loaded;
	struct model_limits l;
	struct snapshot snap;
	char buf[128];
	int i;

	/* A room that holds more than its lowered limits allow (it held it
	 * before they were lowered) travels in a snapshot, which is checked
	 * against the ceilings. */
	setup();
	for (i = 0; i < 4; i++)
		CHECK_INT(try_note(ann, bytes(buf, 'n', 100), NULL), ==, 0);
	room.limits = lowered;
	CHECK_INT(snapshot_build(&snap, &room, now, SNAPSHOT_ALL), ==, 0);
	CHECK_INT(snapshot_load(&loaded, &content, &snap.msg, now), ==, 0);
	snapshot_release(&snap);
	CHECK_UINT(loaded.nnotes, ==, 4);
	/* The limits are the server's, not the room's state: a snapshot
	 * does not carry them, and a loaded room starts at the ceilings. */
	model_limits_default(&l);
	CHECK(memcmp(&loaded.limits, &l, sizeof l) == 0);
	model_free(&loaded);
	teardown();
}

/* ------------------------------------------------------------- counts */

static void
test_notes_per_room(void)
{
	int i;

	setup_lowered();
	for (i = 0; i < 3; i++)
		CHECK_INT(try_note(ann, "Notitie", NULL), ==, 0);
	CHECK_REFUSED(try_note(ann, "Eentje te veel", NULL), why,
	              E(TOO_MANY_NOTES), 1, "3", NULL);
	CHECK_UINT(room.nnotes, ==, 3);
	CHECK_UINT(mirror.nnotes, ==, 3);
	teardown();
}

static void
test_questions_per_room(void)
{
	setup_lowered();
	CHECK_INT(try_question(ann, "Waarom?"), ==, 0);
	CHECK_INT(try_question(bob, "Voor wie?"), ==, 0);
	CHECK_REFUSED(try_question(ann, "En dan?"), why, E(TOO_MANY), 2,
	              "questions", "2");
	CHECK_UINT(room.questions.n, ==, 2);
	teardown();
}

static void
test_activities_per_room(void)
{
	setup_lowered();
	CHECK_INT(try_activity(ann, "Stage in Gent"), ==, 0);
	CHECK_INT(try_activity(bob, "Gastles"), ==, 0);
	CHECK_REFUSED(try_activity(ann, "Nog een"), why, E(TOO_MANY), 2,
	              "activities", "2");
	CHECK_UINT(room.activities.n, ==, 2);
	teardown();
}

static void
test_actions_per_room(void)
{
	uint32_t first;

	setup_lowered();
	first = add_simple(ann, "Mail sturen");
	CHECK_INT(try_action(bob, "Afspraak maken"), ==, 0);
	CHECK_REFUSED(try_action(ann, "Nog een"), why, E(TOO_MANY), 2,
	              "actions", "2");
	CHECK_UINT(room.actions.n, ==, 2);
	/* A removed action makes room again. */
	CHECK_INT(delete_action(ann, first), ==, 0);
	CHECK_INT(try_action(ann, "Nog een"), ==, 0);
	teardown();
}

/* -------------------------------------------------------- texts, names */

static void
test_text_length(void)
{
	char buf[64];
	uint32_t id;

	setup_lowered();
	/* The limit counts bytes of UTF-8, after trimming. */
	CHECK_INT(try_note(ann, bytes(buf, 'x', 20), NULL), ==, 0);
	id = ev.note.id;
	CHECK_REFUSED(try_note(ann, bytes(buf, 'x', 21), NULL), why,
	              E(TEXT_TOO_LONG), 1, "20", NULL);
	CHECK_INT(try_note(ann, "   twintig tekens, ja   ", NULL), ==, 0);
	CHECK_STR(room.notes[1].text, "twintig tekens, ja");
	/* Ten e-acutes are twenty bytes; eleven are too many. */
	CHECK_INT(try_note(bob, "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
	                        "\u00e9\u00e9\u00e9", NULL), ==, 0);
	CHECK_REFUSED(try_edit_note(ann, id, "\u00e9\u00e9\u00e9\u00e9\u00e9"
	                            "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"),
	              why, E(TEXT_TOO_LONG), 1, "20", NULL);
	CHECK_INT(try_edit_note(ann, id, "korter"), ==, 0);

	/* Every kind of text is held to the same limit. */
	bytes(buf, 'y', 21);
	CHECK_REFUSED(try_question(ann, buf), why, E(TEXT_TOO_LONG), 1, "20",
	              NULL);
	CHECK_REFUSED(try_activity(ann, buf), why, E(TEXT_TOO_LONG), 1, "20",
	              NULL);
	CHECK_REFUSED(try_action(ann, buf), why, E(TEXT_TOO_LONG), 1, "20",
	              NULL);
	CHECK_REFUSED(add_finding(ann, buf, 0), why, E(TEXT_TOO_LONG), 1, "20",
	              NULL);
	buf[20] = '\0';
	CHECK_INT(try_question(ann, buf), ==, 0);
	CHECK_INT(try_activity(ann, buf), ==, 0);
	CHECK_INT(try_action(ann, buf), ==, 0);
	CHECK_INT(add_finding(ann, buf, 0), ==, 0);
	teardown();
}

static void
test_name_length(void)
{
	setup_lowered();
	CHECK_REFUSED(model_join(&room, "Annemarie1X", ROLE_P, now, &ev, &why),
	              why, E(BAD_NAME), 1, "10", NULL);
	CHECK_UINT(room.nparticipants, ==, 3);
	CHECK_INT(model_join(&room, "Annemarie1", ROLE_P, now, &ev, &why), ==,
	          0);
	CHECK_INT(model_apply(&mirror, &ev.event, now), ==, 0);
	CHECK_STR(mirror.participants[3].name, "Annemarie1");
	/* A note on behalf of a colleague names them within the limit. */
	CHECK_REFUSED(try_note(chair, "Van Joost", "Joost-Jan de V"), why,
	              E(BAD_NAME), 1, "10", NULL);
	CHECK_INT(try_note(chair, "Van Joost", "Joost"), ==, 0);
	teardown();
}

/* -------------------------------------------------- events and history */

static void
test_mirror_takes_more(void)
{
	char buf[MODEL_NOTE_MAX + 1];
	int i;

	/* The other way round: a mirror whose limits were lowered still
	 * applies what a server with the ceilings accepted. Limits only
	 * ever hold commands; a mirror with the ceilings therefore takes
	 * anything a server with lower ones accepted. */
	setup();
	mirror.limits = lowered;
	CHECK_INT(model_join(&room, "Maximiliaan van Oranje", ROLE_P, now, &ev,
	                     &why), ==, 0);
	CHECK_INT(model_apply(&mirror, &ev.event, now), ==, 0);
	for (i = 0; i < 5; i++)
		CHECK_INT(try_note(ann, bytes(buf, 'z', 500), NULL), ==, 0);
	CHECK_INT(try_question(ann, buf), ==, 0);
	for (i = 0; i < 3; i++) {
		CHECK_INT(try_activity(ann, buf), ==, 0);
		CHECK_INT(try_action(ann, buf), ==, 0);
	}
	CHECK_INT(add_finding(ann, bytes(buf, 'z', MODEL_NOTE_MAX), 0), ==, 0);
	CHECK_UINT(mirror.nnotes, ==, 5);
	CHECK_UINT(strlen(mirror.notes[4].text), ==, 500);
	CHECK_UINT(mirror.activities.n, ==, 3);
	CHECK_UINT(mirror.actions.n, ==, 3);
	CHECK_UINT(mirror.findings.n, ==, 1);
	CHECK_STR(mirror.participants[3].name, "Maximiliaan van Oranje");
	teardown();
}

static void
test_lowered_later(void)
{
	char buf[128];
	uint32_t long_note;
	int i;

	/* A server restarted with lower limits: what the room holds stays,
	 * what is added is checked. */
	setup();
	for (i = 0; i < 4; i++)
		CHECK_INT(try_note(ann, bytes(buf, 'n', 100), NULL), ==, 0);
	long_note = ev.note.id;
	room.limits = lowered;
	CHECK_UINT(room.nnotes, ==, 4);
	CHECK_UINT(strlen(room.notes[3].text), ==, 100);
	CHECK_REFUSED(try_note(ann, "Nog een", NULL), why, E(TOO_MANY_NOTES),
	              1, "3", NULL);
	/* A note written before may become a finding as it is... */
	CHECK_INT(add_finding(ann, NULL, long_note), ==, 0);
	CHECK_UINT(strlen(finding_at(&mirror, 0)->text), ==, 100);
	/* ...and its author may shorten it, not lengthen another. */
	CHECK_INT(try_edit_note(ann, long_note, "Kort"), ==, 0);
	CHECK_REFUSED(try_edit_note(ann, 1, bytes(buf, 'n', 101)), why,
	              E(TEXT_TOO_LONG), 1, "20", NULL);
	/* Everyone seated keeps their seat and name. */
	CHECK_UINT(room.nparticipants, ==, 3);
	teardown();
}

CHECK_MAIN(CHECK_TEST(test_defaults_and_check),
           CHECK_TEST(test_snapshot_starts_at_ceilings),
           CHECK_TEST(test_notes_per_room),
           CHECK_TEST(test_questions_per_room),
           CHECK_TEST(test_activities_per_room),
           CHECK_TEST(test_actions_per_room),
           CHECK_TEST(test_text_length),
           CHECK_TEST(test_name_length),
           CHECK_TEST(test_mirror_takes_more),
           CHECK_TEST(test_lowered_later))
