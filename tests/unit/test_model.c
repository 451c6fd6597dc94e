/* Tests for model.c: new rooms, joining, permissions, leaving, presence. */
#include "model_fixture.h"

/* ---------------------------------------------------------------- init */

static void
test_init(void)
{
	struct model_room room;
	static const int64_t minutes[STEPS_COUNT] = { 20, 30, 30, 30, 40 };
	unsigned i;

	room_new(&room);
	CHECK_UINT(room.epoch, ==, EPOCH);
	CHECK_UINT(room.seq, ==, 0);
	CHECK_STR(room.code, CODE);
	CHECK_STR(room.title, TITLE);
	CHECK_UINT(room.current_step, ==, 1);
	CHECK_UINT(room.nparticipants, ==, 0);
	CHECK_UINT(room.nnotes, ==, 0);
	CHECK_UINT(model_chair(&room), ==, 0);
	CHECK(model_participant(&room, 1) == NULL);
	for (i = 0; i < STEPS_COUNT; i++) {
		CHECK_CLOCK(&room, i + 1, IDLE, minutes[i] * MIN,
		            minutes[i] * MIN, 0);
		/* An idle clock does not count down. */
		CHECK_INT(clock_remaining(&room.clocks[i], 3600000), ==,
		          minutes[i] * MIN);
	}
	CHECK_INT(room.clocks[0].duration_ms, ==, 1200000);
	CHECK_INT(room.clocks[4].duration_ms, ==, 2400000);
	model_free(&room);
	/* A freed room may be initialised again. */
	room_new(&room);
	model_free(&room);
}

static void
test_init_trims_title(void)
{
	struct model_room room;
	struct refusal why;
	char buf[MODEL_TITLE_MAX + 8];

	CHECK_INT(model_init(&room, CONTENT, CODE, "  \tTeamdag  ", EPOCH, &why), ==, 0);
	CHECK_STR(room.title, "Teamdag");
	model_free(&room);
	/* Exactly MODEL_TITLE_MAX bytes fit, also after trimming. */
	CHECK_UINT(MODEL_TITLE_MAX, ==, 120);
	memset(buf, ' ', 3);
	repeat(buf + 3, 't', MODEL_TITLE_MAX);
	strcat(buf, "  ");
	CHECK_INT(model_init(&room, CONTENT, CODE, buf, EPOCH, &why), ==, 0);
	CHECK_UINT(strlen(room.title), ==, MODEL_TITLE_MAX);
	model_free(&room);
	/* Multi-byte text is fine. */
	CHECK_INT(model_init(&room, CONTENT, CODE, "Café \xe2\x82\xac", EPOCH, &why),
	          ==, 0);
	CHECK_STR(room.title, "Café \xe2\x82\xac");
	model_free(&room);
}

static void
test_init_bad_title(void)
{
	static const char *const bad[] = {
		"",
		" ",
		"   \t  ",
		"Team\ndag",
		"Team\rdag",
		"Team\tdag",
		"Team\x1b[31mdag",
		"Team\x7f",
		"Team\xc2\x85",		/* C1 control NEL */
		"Team\xc3\x28",
		"\xff",
		"Team\xe2\x82",		/* truncated */
		"\xc0\xaf",		/* overlong */
	};
	struct model_room room;
	struct refusal why;
	char buf[MODEL_TITLE_MAX + 2];
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&why, 0, sizeof why);
		CHECK_REFUSED(model_init(&room, CONTENT, CODE, bad[i], EPOCH, &why), why,
		              E(BAD_TITLE), 1, "120", NULL);
		model_free(&room);
	}
	CHECK_REFUSED(model_init(&room, CONTENT, CODE, repeat(buf, 't',
	                         MODEL_TITLE_MAX + 1), EPOCH, &why), why,
	              E(BAD_TITLE), 1, "120", NULL);
	model_free(&room);
	CHECK_REFUSED(model_init(&room, CONTENT, CODE, NULL, EPOCH, &why), why,
	              E(BAD_TITLE), 1, "120", NULL);
	model_free(&room);
}

/* ---------------------------------------------------------------- join */

static void
test_join(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	const struct model_participant *p;

	room_new(&room);
	CHECK_INT(model_join(&room, "  Anna  ", ROLE_C, 1000, &ev, &why),
	          ==, 0);
	CHECK_UINT(ev.event.epoch, ==, EPOCH);
	CHECK_UINT(ev.event.seq, ==, 1);
	CHECK_UINT(ev.event.actor_id, ==, 1);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED);
	CHECK(ev.event.participant_joined == &ev.participant);
	CHECK_UINT(ev.participant.id, ==, 1);
	CHECK_STR(ev.participant.name, "Anna");
	CHECK_INT(ev.participant.role, ==, ROLE_C);
	CHECK(ev.participant.connected);
	CHECK_UINT(room.seq, ==, 1);
	CHECK_UINT(room.nparticipants, ==, 1);
	CHECK_UINT(model_chair(&room), ==, 1);
	p = model_participant(&room, 1);
	CHECK(p != NULL);
	CHECK_STR(p->name, "Anna");
	CHECK_INT(p->role, ==, ROLE_C);
	CHECK(p->connected);

	/* A second chair request becomes a participant. */
	CHECK_INT(model_join(&room, "Bert", ROLE_C, 2000, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.seq, ==, 2);
	CHECK_UINT(ev.event.actor_id, ==, 2);
	CHECK_UINT(ev.participant.id, ==, 2);
	CHECK_INT(ev.participant.role, ==, ROLE_P);
	CHECK_INT(model_participant(&room, 2)->role, ==, ROLE_P);
	CHECK_UINT(model_chair(&room), ==, 1);

	CHECK_INT(model_join(&room, "Carla", ROLE_P, 3000, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.seq, ==, 3);
	CHECK_UINT(ev.participant.id, ==, 3);
	CHECK_INT(ev.participant.role, ==, ROLE_P);
	CHECK_UINT(room.seq, ==, 3);
	CHECK_UINT(room.nparticipants, ==, 3);
	CHECK_UINT(room.participants[0].id, ==, 1);
	CHECK_UINT(room.participants[1].id, ==, 2);
	CHECK_UINT(room.participants[2].id, ==, 3);
	CHECK_STR(room.participants[2].name, "Carla");
	CHECK(model_participant(&room, 4) == NULL);
	CHECK(model_participant(&room, 0) == NULL);
	model_free(&room);
}

static void
test_join_bad_name(void)
{
	static const char *const bad[] = {
		"",
		" ",
		"  \t ",
		"An\tna",
		"An\nna",
		"Anna\x01",
		"\x1b[31mAnna",
		"Anna\x7f",
		"Anna\xc2\x9b",		/* C1 CSI */
		"Anna\xc3\x28",
		"Anna\xff",
		"\xed\xa0\x80",		/* surrogate */
	};
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	char buf[MODEL_NAME_MAX * 2 + 2];
	size_t i;

	room_new(&room);
	CHECK_UINT(MODEL_NAME_MAX, ==, 64);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK_REFUSED(model_join(&room, bad[i], ROLE_C, 0, &ev, &why),
		              why, E(BAD_NAME), 1, "64", NULL);
	CHECK_REFUSED(model_join(&room, repeat(buf, 'n', 65), ROLE_C, 0, &ev,
	                         &why), why, E(BAD_NAME), 1, "64", NULL);
	CHECK_REFUSED(model_join(&room, NULL, ROLE_C, 0, &ev, &why), why,
	              E(BAD_NAME), 1, "64", NULL);
	/* 33 × "é" is 33 characters but 66 bytes: too long. */
	buf[0] = '\0';
	for (i = 0; i < 33; i++)
		strcat(buf, "\xc3\xa9");
	CHECK_REFUSED(model_join(&room, buf, ROLE_C, 0, &ev, &why), why,
	              E(BAD_NAME), 1, "64", NULL);
	/* Nothing happened. */
	CHECK_UINT(room.seq, ==, 0);
	CHECK_UINT(room.nparticipants, ==, 0);

	/* 64 bytes fit: 32 × "é", and 64 ASCII letters with spaces around. */
	buf[0] = '\0';
	for (i = 0; i < 32; i++)
		strcat(buf, "\xc3\xa9");
	CHECK_UINT(join(&room, buf, ROLE_C, 0), ==, 1);
	memcpy(buf, "  ", 2);
	repeat(buf + 2, 'n', 64);
	strcat(buf, "   ");
	CHECK_INT(model_join(&room, buf, ROLE_P, 0, &ev, &why), ==, 0);
	CHECK_UINT(ev.participant.id, ==, 2);
	CHECK_UINT(strlen(model_participant(&room, 2)->name), ==, 64);
	CHECK_UINT(room.seq, ==, 2);
	model_free(&room);
}

static void
test_join_name_taken(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;

	room_new(&room);
	CHECK_UINT(join(&room, "Anna", ROLE_C, 0), ==, 1);
	CHECK_REFUSED(model_join(&room, "Anna", ROLE_P, 0, &ev, &why), why,
	              E(NAME_TAKEN), 1, "Anna", NULL);
	CHECK_REFUSED(model_join(&room, "anna", ROLE_P, 0, &ev, &why), why,
	              E(NAME_TAKEN), 1, "anna", NULL);
	CHECK_REFUSED(model_join(&room, "  ANNA ", ROLE_P, 0, &ev, &why), why,
	              E(NAME_TAKEN), 1, "ANNA", NULL);
	CHECK_UINT(room.seq, ==, 1);
	CHECK_UINT(room.nparticipants, ==, 1);
	/* A refusal uses no id: the next one is 2. */
	CHECK_UINT(join(&room, "Annabel", ROLE_P, 0), ==, 2);
	CHECK_UINT(room.seq, ==, 2);
	model_free(&room);
}

static void
test_join_room_full(void)
{
	static const char *const names[] = {
		"Anna", "Bert", "Carla", "Dirk", "Eva", "Frank", "Greet",
	};
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t i;

	CHECK_UINT(MODEL_SEATS, ==, 7);
	room_new(&room);
	for (i = 0; i < MODEL_SEATS; i++) {
		CHECK_UINT(join(&room, names[i], i == 0 ? ROLE_C : ROLE_P,
		                i * 1000), ==, i + 1);
		CHECK_UINT(room.seq, ==, i + 1);
		CHECK_UINT(room.nparticipants, ==, i + 1);
	}
	CHECK_REFUSED(model_join(&room, "Hans", ROLE_P, 9000, &ev, &why), why,
	              E(ROOM_FULL), 1, "7", NULL);
	CHECK_REFUSED(model_join(&room, "Ilse", ROLE_C, 9000, &ev, &why), why,
	              E(ROOM_FULL), 1, "7", NULL);
	CHECK_UINT(room.seq, ==, 7);
	CHECK_UINT(room.nparticipants, ==, 7);
	CHECK(model_participant(&room, 8) == NULL);
	/* A seat freed is a seat to take; ids are not reused. */
	CHECK_INT(model_leave(&room, 4, 4, 10000, &ev, &why), ==, 0);
	CHECK_UINT(join(&room, "Hans", ROLE_P, 11000), ==, 8);
	CHECK_UINT(room.nparticipants, ==, 7);
	CHECK_UINT(room.seq, ==, 9);
	model_free(&room);
}

/* ---------------------------------------------------------- permissions */

/* The permission table, cell by cell, written out again here from the
 * method's rules rather than copied from model.c. */
static void
test_allowed_table(void)
{
	enum { N = MODEL_OP_COUNT };
	static const enum model_op participant[] = {
		MODEL_OP_ADD_NOTE, MODEL_OP_EDIT_NOTE, MODEL_OP_LEAVE,
		MODEL_OP_ADD_QUESTION, MODEL_OP_VOTE, MODEL_OP_ACTIVITY,
		MODEL_OP_ACTION, MODEL_OP_CLAIM, MODEL_OP_ACTION_STATUS,
		MODEL_OP_TAKE_CHAIR, MODEL_OP_FINDING,
	};
	static const enum model_op scribe[] = {
		MODEL_OP_ADD_NOTE, MODEL_OP_NOTE_FOR, MODEL_OP_EDIT_NOTE,
		MODEL_OP_LEAVE, MODEL_OP_ADD_QUESTION, MODEL_OP_VOTE,
		MODEL_OP_ACTIVITY, MODEL_OP_ACTION, MODEL_OP_CLAIM,
		MODEL_OP_ACTION_STATUS, MODEL_OP_TAKE_CHAIR, MODEL_OP_FINDING,
	};
	static const enum model_op facilitator[] = {
		MODEL_OP_CLOCK, MODEL_OP_STEP, MODEL_OP_LEAVE,
		MODEL_OP_FOLLOW_UP,
	};
	bool may[5][N] = { { false } };
	size_t i;
	int role, op;

	CHECK_INT(N, ==, 24);
	for (i = 0; i < sizeof participant / sizeof participant[0]; i++)
		may[ROLE_P][participant[i]] = true;
	for (i = 0; i < sizeof scribe / sizeof scribe[0]; i++)
		may[AANDESLAG__ROLE__ROLE_SCRIBE][scribe[i]] = true;
	for (i = 0; i < sizeof facilitator / sizeof facilitator[0]; i++)
		may[ROLE_F][facilitator[i]] = true;
	/* The chair may do everything but take the chair they have; only
	 * the chair recognises a colleague; a viewer may do nothing. */
	for (op = 0; op < N; op++)
		may[ROLE_C][op] = op != MODEL_OP_TAKE_CHAIR;
	for (role = 0; role < 5; role++)
		for (op = 0; op < N; op++)
			if (model_allowed(role, (enum model_op)op) !=
			    may[role][op])
				CHECK_FAIL("model_allowed(role %d, op %d) is %d",
				           role, op, !may[role][op]);
	/* Outside the table nothing is allowed. */
	for (op = 0; op < N; op++) {
		CHECK(!model_allowed(-1, (enum model_op)op));
		CHECK(!model_allowed(5, (enum model_op)op));
		CHECK(!model_allowed(1000, (enum model_op)op));
	}
	CHECK(!model_allowed(ROLE_C, MODEL_OP_COUNT));
}

static void
test_command_op(void)
{
	Aandeslag__Command cmd;
	Aandeslag__AddNote an;
	Aandeslag__ClockControl cc;
	Aandeslag__StepControl sc;
	Aandeslag__Leave lv;
	Aandeslag__TakeChair tc;
	Aandeslag__Recognise rc;

	aandeslag__command__init(&cmd);
	aandeslag__take_chair__init(&tc);
	aandeslag__recognise__init(&rc);
	aandeslag__add_note__init(&an);
	aandeslag__clock_control__init(&cc);
	aandeslag__step_control__init(&sc);
	aandeslag__leave__init(&lv);
	CHECK_INT(model_command_op(&cmd), ==, MODEL_OP_COUNT);
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
	cmd.add_note = &an;
	CHECK_INT(model_command_op(&cmd), ==, MODEL_OP_ADD_NOTE);
	cmd.op_case = AANDESLAG__COMMAND__OP_CLOCK;
	cmd.clock = &cc;
	CHECK_INT(model_command_op(&cmd), ==, MODEL_OP_CLOCK);
	cmd.op_case = AANDESLAG__COMMAND__OP_STEP;
	cmd.step = &sc;
	CHECK_INT(model_command_op(&cmd), ==, MODEL_OP_STEP);
	cmd.op_case = AANDESLAG__COMMAND__OP_LEAVE;
	cmd.leave = &lv;
	CHECK_INT(model_command_op(&cmd), ==, MODEL_OP_LEAVE);
	cmd.op_case = AANDESLAG__COMMAND__OP_TAKE_CHAIR;
	cmd.take_chair = &tc;
	CHECK_INT(model_command_op(&cmd), ==, MODEL_OP_TAKE_CHAIR);
	cmd.op_case = AANDESLAG__COMMAND__OP_RECOGNISE;
	cmd.recognise = &rc;
	CHECK_INT(model_command_op(&cmd), ==, MODEL_OP_RECOGNISE);
}

static void
test_participant_not_allowed(void)
{
	static const int clock_actions[] = {
		C_START, C_PAUSE, C_RESUME, C_EXTEND, C_SHORTEN,
	};
	static const int step_actions[] = { S_NEXT, S_PREV, S_GOTO };
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, bert;
	size_t i;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	bert = join(&room, "Bert", ROLE_P, 0);
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 2, 0, &ev, &why), ==, 0);
	CHECK_UINT(room.seq, ==, 3);

	/* Every clock action, in a state in which the chair may do it. */
	for (i = 0; i < sizeof clock_actions / sizeof clock_actions[0]; i++)
		CHECK_REFUSED(clock_cmd(&room, bert, clock_actions[i], 5, 1000,
		                        &ev, &why), why, E(NOT_ALLOWED), 1,
		              "chair", NULL);
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 1000, &ev, &why), ==, 0);
	for (i = 0; i < sizeof clock_actions / sizeof clock_actions[0]; i++)
		CHECK_REFUSED(clock_cmd(&room, bert, clock_actions[i], 5, 2000,
		                        &ev, &why), why, E(NOT_ALLOWED), 1,
		              "chair", NULL);
	CHECK_INT(clock_cmd(&room, anna, C_PAUSE, 0, 2000, &ev, &why), ==, 0);
	for (i = 0; i < sizeof clock_actions / sizeof clock_actions[0]; i++)
		CHECK_REFUSED(clock_cmd(&room, bert, clock_actions[i], 5, 3000,
		                        &ev, &why), why, E(NOT_ALLOWED), 1,
		              "chair", NULL);
	/* Every step action, at step 2 where each could be done. */
	for (i = 0; i < sizeof step_actions / sizeof step_actions[0]; i++)
		CHECK_REFUSED(step_cmd(&room, bert, step_actions[i], 4, 3000,
		                       &ev, &why), why, E(NOT_ALLOWED), 1,
		              "chair", NULL);
	CHECK_UINT(room.seq, ==, 5);
	CHECK_UINT(room.current_step, ==, 2);
	CHECK_CLOCK(&room, 2, PAUSED, 30 * MIN - 1000, 30 * MIN, 9999);

	/* A participant may write notes and leave. */
	CHECK_INT(add_note(&room, bert, 0, "Mag ik", 4000, &ev, &why), ==, 0);
	CHECK_UINT(ev.note.author_id, ==, bert);
	CHECK_UINT(room.seq, ==, 6);
	CHECK_INT(leave_cmd(&room, bert, 5000, &ev, &why), ==, 0);
	CHECK_UINT(room.seq, ==, 7);
	CHECK_UINT(room.nparticipants, ==, 1);
	/* Who left may do nothing more. */
	CHECK_REFUSED(add_note(&room, bert, 0, "Nog iets", 6000, &ev, &why),
	              why, E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_REFUSED(leave_cmd(&room, bert, 6000, &ev, &why), why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_UINT(room.seq, ==, 7);
	model_free(&room);
}

static void
test_chair_allowed_all(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	CHECK_INT(add_note(&room, anna, 0, "Notitie", 0, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 0, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(&room, anna, C_PAUSE, 0, 0, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(&room, anna, C_RESUME, 0, 0, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(&room, anna, C_EXTEND, 1, 0, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(&room, anna, C_SHORTEN, 1, 0, &ev, &why), ==, 0);
	CHECK_INT(step_cmd(&room, anna, S_NEXT, 0, 0, &ev, &why), ==, 0);
	CHECK_INT(step_cmd(&room, anna, S_PREV, 0, 0, &ev, &why), ==, 0);
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 5, 0, &ev, &why), ==, 0);
	CHECK_INT(leave_cmd(&room, anna, 0, &ev, &why), ==, 0);
	CHECK_UINT(room.seq, ==, 11);
	CHECK_UINT(room.nparticipants, ==, 0);
	CHECK_UINT(model_chair(&room), ==, 0);
	model_free(&room);
}

static void
test_unknown_command_and_actor(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	Aandeslag__Command cmd;
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	aandeslag__command__init(&cmd);
	cmd.request_id = 7;
	CHECK_REFUSED(model_execute(&room, anna, &cmd, 0, &ev, &why), why,
	              E(UNKNOWN_COMMAND), 0, NULL, NULL);
	CHECK_REFUSED(model_execute(&room, 99, &cmd, 0, &ev, &why), why,
	              E(UNKNOWN_COMMAND), 0, NULL, NULL);
	/* Actions NONE are not commands either. */
	CHECK_REFUSED(clock_cmd(&room, anna, C_NONE, 0, 0, &ev, &why), why,
	              E(UNKNOWN_COMMAND), 0, NULL, NULL);
	CHECK_REFUSED(step_cmd(&room, anna, S_NONE, 0, 0, &ev, &why), why,
	              E(UNKNOWN_COMMAND), 0, NULL, NULL);
	/* An actor without a seat may do nothing. */
	CHECK_REFUSED(add_note(&room, 99, 0, "Wie?", 0, &ev, &why), why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_REFUSED(add_note(&room, 0, 0, "Wie?", 0, &ev, &why), why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_REFUSED(clock_cmd(&room, 2, C_START, 0, 0, &ev, &why), why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_REFUSED(step_cmd(&room, 2, S_NEXT, 0, 0, &ev, &why), why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_REFUSED(leave_cmd(&room, 99, 0, &ev, &why), why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_UINT(room.seq, ==, 1);
	CHECK_UINT(room.nnotes, ==, 0);
	CHECK_INT(room.clocks[0].state, ==, IDLE);
	CHECK_UINT(room.current_step, ==, 1);
	model_free(&room);
}

/* Only participants and the chair take seats. */
static void
test_join_other_roles(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;

	room_new(&room);
	CHECK_INT(model_join(&room, "Vera", AANDESLAG__ROLE__ROLE_VIEWER, 0,
	                     &ev, &why), ==, -EINVAL);
	CHECK_INT(why.code, ==, AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED);
	CHECK_INT(model_join(&room, "Fleur", AANDESLAG__ROLE__ROLE_FACILITATOR,
	                     0, &ev, &why), ==, -EINVAL);
	CHECK_UINT(room.nparticipants, ==, 0);
	CHECK_UINT(room.seq, ==, 0);
	model_free(&room);
}

/* -------------------------------------------------------- leave, presence */

static void
test_leave(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, bert, carla;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	bert = join(&room, "Bert", ROLE_P, 0);
	carla = join(&room, "Carla", ROLE_P, 0);
	CHECK_INT(leave_cmd(&room, bert, 1000, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.epoch, ==, EPOCH);
	CHECK_UINT(ev.event.seq, ==, 4);
	CHECK_UINT(ev.event.actor_id, ==, bert);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT);
	CHECK(ev.event.participant_left == &ev.left);
	CHECK_UINT(ev.left.participant_id, ==, bert);
	CHECK_UINT(room.nparticipants, ==, 2);
	CHECK(model_participant(&room, bert) == NULL);
	CHECK_UINT(room.participants[0].id, ==, anna);
	CHECK_UINT(room.participants[1].id, ==, carla);
	CHECK_UINT(model_chair(&room), ==, anna);

	/* The same name may join again, with a new id. */
	CHECK_INT(model_join(&room, "bert", ROLE_P, 2000, &ev, &why), ==, 0);
	CHECK_UINT(ev.participant.id, ==, 4);
	CHECK_UINT(room.nparticipants, ==, 3);
	CHECK_STR(model_participant(&room, 4)->name, "bert");

	/* The server frees a seat (actor 0). */
	CHECK_INT(model_leave(&room, 4, 0, 3000, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.actor_id, ==, 0);
	CHECK_UINT(ev.left.participant_id, ==, 4);
	CHECK_UINT(room.nparticipants, ==, 2);
	CHECK_UINT(room.seq, ==, 6);
	CHECK_REFUSED(model_leave(&room, 4, 0, 3000, &ev, &why), why,
	              E(NO_SUCH_PARTICIPANT), 1, "4", NULL);
	CHECK_REFUSED(model_leave(&room, 99, 0, 3000, &ev, &why), why,
	              E(NO_SUCH_PARTICIPANT), 1, "99", NULL);
	CHECK_UINT(room.seq, ==, 6);
	model_free(&room);
}

static void
test_leave_chair_passes(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, bert, carla, dirk;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	bert = join(&room, "Bert", ROLE_P, 0);
	carla = join(&room, "Carla", ROLE_P, 0);
	CHECK_INT(leave_cmd(&room, bert, 0, &ev, &why), ==, 0);
	dirk = join(&room, "Dirk", ROLE_P, 0);
	CHECK_UINT(dirk, ==, 4);
	/* Anna leaves: Carla has been seated longest. */
	CHECK_INT(leave_cmd(&room, anna, 0, &ev, &why), ==, 0);
	CHECK_UINT(room.nparticipants, ==, 2);
	CHECK_UINT(model_chair(&room), ==, carla);
	CHECK_INT(model_participant(&room, carla)->role, ==, ROLE_C);
	CHECK_INT(model_participant(&room, dirk)->role, ==, ROLE_P);
	/* Carla may now do what a chair does; Anna no longer can. */
	CHECK_INT(clock_cmd(&room, carla, C_START, 0, 0, &ev, &why), ==, 0);
	CHECK_REFUSED(clock_cmd(&room, dirk, C_PAUSE, 0, 0, &ev, &why), why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_REFUSED(clock_cmd(&room, anna, C_PAUSE, 0, 0, &ev, &why), why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	/* A participant leaving does not move the chair. */
	CHECK_INT(model_leave(&room, dirk, 0, 0, &ev, &why), ==, 0);
	CHECK_UINT(model_chair(&room), ==, carla);
	/* The last one leaves: nobody is chair; a newcomer may be. */
	CHECK_INT(model_leave(&room, carla, 0, 0, &ev, &why), ==, 0);
	CHECK_UINT(room.nparticipants, ==, 0);
	CHECK_UINT(model_chair(&room), ==, 0);
	CHECK_UINT(join(&room, "Eva", ROLE_C, 0), ==, 5);
	CHECK_UINT(model_chair(&room), ==, 5);
	CHECK_UINT(room.seq, ==, 10);
	model_free(&room);
}

static void
test_presence(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, bert;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	bert = join(&room, "Bert", ROLE_P, 0);
	CHECK_REFUSED(model_presence(&room, bert, true, 0, &ev, &why), why,
	              E(NOT_ALLOWED), 0, NULL, NULL);
	CHECK_INT(model_presence(&room, bert, false, 0, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.epoch, ==, EPOCH);
	CHECK_UINT(ev.event.seq, ==, 3);
	CHECK_UINT(ev.event.actor_id, ==, bert);
	CHECK_INT(ev.event.change_case, ==, AANDESLAG__EVENT__CHANGE_PRESENCE);
	CHECK(ev.event.presence == &ev.presence);
	CHECK_UINT(ev.presence.participant_id, ==, bert);
	CHECK(!ev.presence.connected);
	CHECK(!model_participant(&room, bert)->connected);
	CHECK(model_participant(&room, anna)->connected);
	CHECK_REFUSED(model_presence(&room, bert, false, 0, &ev, &why), why,
	              E(NOT_ALLOWED), 0, NULL, NULL);
	CHECK_INT(model_presence(&room, bert, true, 0, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.seq, ==, 4);
	CHECK(ev.presence.connected);
	CHECK(model_participant(&room, bert)->connected);
	CHECK_REFUSED(model_presence(&room, 99, false, 0, &ev, &why), why,
	              E(NO_SUCH_PARTICIPANT), 1, "99", NULL);
	CHECK_UINT(room.seq, ==, 4);
	/* A chair that is away is still the chair. */
	CHECK_INT(model_presence(&room, anna, false, 0, &ev, &why), ==, 0);
	CHECK_UINT(model_chair(&room), ==, anna);
	CHECK_UINT(room.seq, ==, 5);
	model_free(&room);
}

CHECK_MAIN(CHECK_TEST(test_init),
           CHECK_TEST(test_init_trims_title),
           CHECK_TEST(test_init_bad_title),
           CHECK_TEST(test_join),
           CHECK_TEST(test_join_bad_name),
           CHECK_TEST(test_join_name_taken),
           CHECK_TEST(test_join_room_full),
           CHECK_TEST(test_allowed_table),
           CHECK_TEST(test_command_op),
           CHECK_TEST(test_participant_not_allowed),
           CHECK_TEST(test_chair_allowed_all),
           CHECK_TEST(test_unknown_command_and_actor),
           CHECK_TEST(test_join_other_roles),
           CHECK_TEST(test_leave),
           CHECK_TEST(test_leave_chair_passes),
           CHECK_TEST(test_presence))
