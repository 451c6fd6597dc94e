/* Tests for model.c: adding notes, their refusals and their limit. */
#include "model_fixture.h"

/* ---------------------------------------------------------------- notes */

static void
test_note(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, bert, step;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	bert = join(&room, "Bert", ROLE_P, 0);

	/* Step 0: the team's current step. */
	CHECK_INT(add_note(&room, anna, 0, "  Samen leren  ", 5000, &ev, &why),
	          ==, 0);
	CHECK_UINT(ev.event.epoch, ==, EPOCH);
	CHECK_UINT(ev.event.seq, ==, 3);
	CHECK_UINT(ev.event.actor_id, ==, anna);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_NOTE_ADDED);
	CHECK(ev.event.note_added == &ev.note);
	CHECK_UINT(ev.note.id, ==, 1);
	CHECK_UINT(ev.note.step, ==, 1);
	CHECK_UINT(ev.note.author_id, ==, anna);
	CHECK_STR(ev.note.author_name, "Anna");
	CHECK_STR(ev.note.text, "Samen leren");
	CHECK_UINT(room.seq, ==, 3);
	CHECK_UINT(room.nnotes, ==, 1);
	CHECK_UINT(room.notes[0].id, ==, 1);
	CHECK_UINT(room.notes[0].step, ==, 1);
	CHECK_UINT(room.notes[0].author_id, ==, anna);
	CHECK_STR(room.notes[0].author_name, "Anna");
	CHECK_STR(room.notes[0].text, "Samen leren");

	/* A participant writes at explicit steps 1..5. */
	for (step = 1; step <= STEPS_COUNT; step++) {
		CHECK_INT(add_note(&room, bert, step, "Idee", 6000, &ev, &why),
		          ==, 0);
		CHECK_UINT(ev.event.seq, ==, 3 + step);
		CHECK_UINT(ev.event.actor_id, ==, bert);
		CHECK_UINT(ev.note.id, ==, 1 + step);
		CHECK_UINT(ev.note.step, ==, step);
		CHECK_UINT(ev.note.author_id, ==, bert);
		CHECK_STR(ev.note.author_name, "Bert");
		CHECK_UINT(room.notes[step].id, ==, 1 + step);
		CHECK_UINT(room.notes[step].step, ==, step);
		CHECK_STR(room.notes[step].author_name, "Bert");
		CHECK_STR(room.notes[step].text, "Idee");
	}
	CHECK_UINT(room.nnotes, ==, 6);

	/* Step 0 follows the team to another step. */
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 3, 7000, &ev, &why), ==, 0);
	CHECK_INT(add_note(&room, bert, 0, "Bij stap drie", 8000, &ev, &why),
	          ==, 0);
	CHECK_UINT(ev.note.id, ==, 7);
	CHECK_UINT(ev.note.step, ==, 3);
	CHECK_UINT(room.notes[6].step, ==, 3);
	CHECK_UINT(room.seq, ==, 10);

	/* An author's name is kept in the note when the author leaves. */
	CHECK_INT(model_leave(&room, bert, bert, 9000, &ev, &why), ==, 0);
	CHECK_STR(room.notes[6].author_name, "Bert");
	CHECK_UINT(room.notes[6].author_id, ==, bert);
	model_free(&room);
}

static void
test_note_refusals(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	static char buf[MODEL_NOTE_MAX + 8];
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);

	CHECK_REFUSED(add_note(&room, anna, 6, "Idee", 0, &ev, &why), why,
	              E(BAD_STEP), 1, "6", NULL);
	CHECK_REFUSED(add_note(&room, anna, 100, "Idee", 0, &ev, &why), why,
	              E(BAD_STEP), 1, "100", NULL);
	CHECK_REFUSED(add_note(&room, anna, 0, "   ", 0, &ev, &why), why,
	              E(EMPTY_TEXT), 0, NULL, NULL);
	CHECK_REFUSED(add_note(&room, anna, 0, "", 0, &ev, &why), why,
	              E(EMPTY_TEXT), 0, NULL, NULL);
	CHECK_REFUSED(add_note(&room, anna, 2, " \t\n ", 0, &ev, &why), why,
	              E(EMPTY_TEXT), 0, NULL, NULL);
	CHECK_UINT(MODEL_NOTE_MAX, ==, 1000);
	CHECK_REFUSED(add_note(&room, anna, 0, repeat(buf, 'x', 1001), 0, &ev,
	                       &why), why, E(TEXT_TOO_LONG), 1, "1000", NULL);
	CHECK_REFUSED(add_note(&room, anna, 0, "\x1b[31m", 0, &ev, &why), why,
	              E(INVALID_TEXT), 0, NULL, NULL);
	CHECK_REFUSED(add_note(&room, anna, 0, "\xc3\x28", 0, &ev, &why), why,
	              E(INVALID_TEXT), 0, NULL, NULL);
	CHECK_REFUSED(add_note(&room, anna, 0, "twee\nregels", 0, &ev, &why),
	              why, E(INVALID_TEXT), 0, NULL, NULL);
	CHECK_UINT(room.seq, ==, 1);
	CHECK_UINT(room.nnotes, ==, 0);

	/* Exactly 1000 bytes are accepted, also with spaces around them. */
	CHECK_INT(add_note(&room, anna, 0, repeat(buf, 'x', 1000), 0, &ev,
	                   &why), ==, 0);
	CHECK_UINT(ev.note.id, ==, 1);
	CHECK_UINT(strlen(ev.note.text), ==, 1000);
	CHECK_UINT(strlen(room.notes[0].text), ==, 1000);
	memcpy(buf, "  ", 2);
	repeat(buf + 2, 'y', 1000);
	strcat(buf, "  ");
	CHECK_INT(add_note(&room, anna, 0, buf, 0, &ev, &why), ==, 0);
	CHECK_UINT(ev.note.id, ==, 2);
	CHECK_UINT(strlen(room.notes[1].text), ==, 1000);
	CHECK(room.notes[1].text[0] == 'y');
	CHECK_UINT(room.seq, ==, 3);
	model_free(&room);
}

static void
test_note_limit(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, i;

	CHECK_UINT(MODEL_NOTES_MAX, ==, 500);
	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	for (i = 1; i <= MODEL_NOTES_MAX; i++) {
		CHECK_INT(add_note(&room, anna, i % STEPS_COUNT + 1, "Notitie",
		                   i, &ev, &why), ==, 0);
		CHECK_UINT(ev.note.id, ==, i);
		CHECK_UINT(ev.event.seq, ==, i + 1);
	}
	CHECK_UINT(room.nnotes, ==, 500);
	CHECK_REFUSED(add_note(&room, anna, 0, "Eentje te veel", 1000, &ev,
	                       &why), why, E(TOO_MANY_NOTES), 1, "500", NULL);
	CHECK_UINT(room.nnotes, ==, 500);
	CHECK_UINT(room.seq, ==, 501);
	CHECK_UINT(room.notes[499].id, ==, 500);
	/* The other commands still work. */
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 2000, &ev, &why), ==, 0);
	CHECK_UINT(room.seq, ==, 502);
	model_free(&room);
}

CHECK_MAIN(CHECK_TEST(test_note),
           CHECK_TEST(test_note_refusals),
           CHECK_TEST(test_note_limit))
