/* Tests for cmd.c: notes, cards, votes, settings and seats commands. */
#include "cmd_fixture.h"

/* ------------------------------------------------------------- notes */

static void
test_note(void)
{
	struct parsed p;

	parse_remote(&p, "note Hallo wereld", OP(ADD_NOTE));
	CHECK(p.cmd.command.add_note == &p.cmd.add_note);
	CHECK_STR(p.cmd.add_note.text, "Hallo wereld");
	CHECK_UINT(p.cmd.add_note.step, ==, 0);
	CHECK_INT(p.cmd.add_note.author, ==,
	          AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_SELF);
	CHECK(!p.cmd.mirrored);
	/* The text points into the line. */
	CHECK(p.cmd.add_note.text >= p.line &&
	      p.cmd.add_note.text < p.line + sizeof p.line);
	/* A '#' in a note is text, and so are quotes. */
	parse_remote(&p, "note # eerst dit", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.text, "# eerst dit");
	parse_remote(&p, "note \"Citaat\" zei hij", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.text, "\"Citaat\" zei hij");
	parse_remote(&p, "NOTE hoofdletters", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.text, "hoofdletters");
}

static void
test_note_keeps_inner_spaces(void)
{
	struct parsed p;

	parse_remote(&p, "note  Een   twee\tdrie", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.text, "Een   twee\tdrie");
	parse_remote(&p, "note --step 2   Een   twee ", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.text, "Een   twee");
}

static void
test_note_step(void)
{
	struct parsed p;
	char text[32];
	unsigned step;

	parse_remote(&p, "note --step 3 Een idee", OP(ADD_NOTE));
	CHECK_UINT(p.cmd.add_note.step, ==, 3);
	CHECK_STR(p.cmd.add_note.text, "Een idee");
	for (step = 1; step <= 5; step++) {
		snprintf(text, sizeof text, "note --step %u x", step);
		parse_remote(&p, text, OP(ADD_NOTE));
		CHECK_UINT(p.cmd.add_note.step, ==, step);
		CHECK_STR(p.cmd.add_note.text, "x");
	}
	/* "--" ends the options, so a text may start with "--". */
	parse_remote(&p, "note -- --stepping stone", OP(ADD_NOTE));
	CHECK_UINT(p.cmd.add_note.step, ==, 0);
	CHECK_STR(p.cmd.add_note.text, "--stepping stone");
	parse_remote(&p, "note --step 2 -- -- x", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.text, "-- x");
	/* A single dash is text. */
	parse_remote(&p, "note - een lijstje", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.text, "- een lijstje");
}

static void
test_note_refused(void)
{
	static const char *const lines[] = {
		"note --step 9 x", "note --step 0 x", "note --step 6 x",
		"note --step -1 x", "note --step 3x y", "note --step",
		"note --step 3", "note --step 3   ", "note", "note   ",
		"note\t", "note --", "note --stepping stone", "note --for",
		"note --for Bram", "note --anon", "note --for Bram --anon x",
		"note --anon --for Bram x", "note --for \"Jan x",
		"note --for \"Jan\"x y",
	};
	struct parsed p;

	REFUSE_ALL(lines);
	parse_refused(&p, "note --step x");
	CHECK_CONTAINS(p.error, "\"x\"");
	parse_refused(&p, "note --stepping stone");
	CHECK_CONTAINS(p.error, "--stepping");
	parse_refused(&p, "note --for \"Jan x");
	CHECK_CONTAINS(p.error, "\"");
}

static void
test_note_diacritics(void)
{
	/* "Één café, naïef coördineren: ça va, Ærø, €5" */
	static const char *const text =
		"\xc3\x89\xc3\xa9n caf\xc3\xa9, na\xc3\xaf" "ef co\xc3\xb6rdineren: "
		"\xc3\xa7" "a va, \xc3\x86r\xc3\xb8, \xe2\x82\xac" "5";
	struct parsed p;
	char line[256];

	snprintf(line, sizeof line, "note %s", text);
	parse_remote(&p, line, OP(ADD_NOTE));
	CHECK_UINT(strlen(p.cmd.add_note.text), ==, strlen(text));
	CHECK(memcmp(p.cmd.add_note.text, text, strlen(text) + 1) == 0);
}

static void
test_note_for(void)
{
	struct fixture f;
	struct parsed p;

	setup(&f, 'a');
	parse_remote(&p, "note --for bram Hij werkte in Gent", OP(ADD_NOTE));
	CHECK_INT(p.cmd.add_note.author, ==,
	          AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_ON_BEHALF);
	CHECK_UINT(p.cmd.add_note.on_behalf_id, ==, f.bram);
	CHECK_STR(p.cmd.add_note.text, "Hij werkte in Gent");
	CHECK(p.cmd.mirrored);
	parse_remote(&p, "note --for \"carla de vries\" --step 2 Zorg in Aken",
	             OP(ADD_NOTE));
	CHECK_UINT(p.cmd.add_note.on_behalf_id, ==, f.carla);
	CHECK_UINT(p.cmd.add_note.step, ==, 2);
	/* Someone who is not seated is named. */
	parse_remote(&p, "note --for \"Jan de Wit\" Geen laptop", OP(ADD_NOTE));
	CHECK_UINT(p.cmd.add_note.on_behalf_id, ==, 0);
	CHECK_STR(p.cmd.add_note.on_behalf_name, "Jan de Wit");
	CHECK_STR(p.cmd.add_note.text, "Geen laptop");
	parse_remote(&p, "note --anon Niet iedereen durft", OP(ADD_NOTE));
	CHECK_INT(p.cmd.add_note.author, ==,
	          AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_NONE);
	/* And the model takes them. */
	run(&f, f.anna, "note --for bram Hij werkte in Gent");
	CHECK_STR(f.room.notes[0].author_name, "Bram");
	run(&f, f.anna, "note --for \"Jan de Wit\" Geen laptop");
	CHECK_STR(f.room.notes[1].author_name, "Jan de Wit");
	run(&f, f.anna, "note --anon Niet iedereen durft");
	CHECK_STR(f.room.notes[2].author_name, "");
	teardown(&f);
	/* Without a room a name stays a name. */
	parse_remote(&p, "note --for Bram x", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.on_behalf_name, "Bram");
	CHECK(!p.cmd.mirrored);
}

static void
test_note_edit(void)
{
	struct fixture f;
	struct parsed p;

	setup(&f, 'b');
	run(&f, f.bram, "note Eerste versie");
	parse_remote(&p, "note-edit n1 Tweede  versie", OP(EDIT_NOTE));
	CHECK(p.cmd.command.edit_note == &p.cmd.edit_note);
	CHECK_UINT(p.cmd.edit_note.note_id, ==, 1);
	CHECK_STR(p.cmd.edit_note.text, "Tweede  versie");
	CHECK(p.cmd.mirrored);
	parse_remote(&p, "note-edit 1 x", OP(EDIT_NOTE));
	parse_remote(&p, "note-edit N1 x", OP(EDIT_NOTE));
	parse_refused(&p, "note-edit n2 x");
	CHECK_CONTAINS(p.error, "n2");
	parse_remote(&p, "note-delete n1", OP(DELETE_NOTE));
	CHECK_UINT(p.cmd.delete_note.note_id, ==, 1);
	run(&f, f.bram, "note-edit n1 Tweede versie");
	CHECK_STR(f.room.notes[0].text, "Tweede versie");
	run(&f, f.bram, "note-delete 1");
	CHECK_UINT(f.room.nnotes, ==, 0);
	teardown(&f);
	/* Without a room the server judges the id. */
	parse_remote(&p, "note-edit n7 x", OP(EDIT_NOTE));
	CHECK_UINT(p.cmd.edit_note.note_id, ==, 7);
	parse_remote(&p, "note-delete 7", OP(DELETE_NOTE));
}

static void
test_note_edit_refused(void)
{
	static const char *const lines[] = {
		"note-edit", "note-edit n1", "note-edit x y", "note-edit n0 x",
		"note-edit a1 x", "note-edit -1 x", "note-delete",
		"note-delete n1 x", "note-delete nx", "note-delete 99999999999",
	};
	struct parsed p;

	REFUSE_ALL(lines);
	parse_refused(&p, "note-edit x y");
	CHECK_CONTAINS(p.error, "n3");
}

/* ------------------------------------------------------------- cards */

static void
test_question(void)
{
	static const char *const lines[] = {
		"question", "question --step 2", "question --step 9 x",
		"question --bogus x", "question --step",
	};
	struct parsed p;

	parse_remote(&p, "question Wie kent een bedrijf in Aken?",
	             OP(ADD_QUESTION));
	CHECK(p.cmd.command.add_question == &p.cmd.add_question);
	CHECK_UINT(p.cmd.add_question.step, ==, 0);
	CHECK_STR(p.cmd.add_question.text, "Wie kent een bedrijf in Aken?");
	parse_remote(&p, "question --step 2 Waarom?", OP(ADD_QUESTION));
	CHECK_UINT(p.cmd.add_question.step, ==, 2);
	REFUSE_ALL(lines);
}

static void
test_table(void)
{
	struct fixture f;
	struct parsed p;

	setup(&f, 'a');
	run(&f, f.bram, "question --step 2 Wie kent een bedrijf in Aken?");
	parse_remote(&p, "table b3", OP(TABLE));
	CHECK(p.cmd.command.table == &p.cmd.table);
	CHECK_STR(p.cmd.table.content_id, "b3");
	CHECK_UINT(p.cmd.table.own_id, ==, 0);
	parse_remote(&p, "table R2", OP(TABLE));
	CHECK_STR(p.cmd.table.content_id, "r2");
	parse_remote(&p, "table e1", OP(TABLE));
	CHECK_STR(p.cmd.table.content_id, "");
	CHECK_UINT(p.cmd.table.own_id, ==, 1);
	CHECK(p.cmd.mirrored);
	parse_remote(&p, "table off", OP(TABLE));
	CHECK_STR(p.cmd.table.content_id, "");
	CHECK_UINT(p.cmd.table.own_id, ==, 0);
	parse_refused(&p, "table e2");
	CHECK_CONTAINS(p.error, "e2");
	parse_refused(&p, "table zz9");
	CHECK_CONTAINS(p.error, "zz9");
	run(&f, f.anna, "table b3");
	CHECK_STR(f.room.table.content_id, "b3");
	run(&f, f.anna, "table e1");
	CHECK_UINT(f.room.table.own_id, ==, 1);
	CHECK_UINT(f.room.table.step, ==, 2);
	run(&f, f.anna, "table off");
	CHECK_UINT(f.room.table.step, ==, 0);
	teardown(&f);
	/* Without a room only the form is checked. */
	parse_remote(&p, "table zz9", OP(TABLE));
	CHECK_STR(p.cmd.table.content_id, "zz9");
	parse_remote(&p, "table e4", OP(TABLE));
	CHECK_UINT(p.cmd.table.own_id, ==, 4);
	parse_refused(&p, "table");
	parse_refused(&p, "table b3 b4");
}

/* ------------------------------------------------------------- votes */

static void
test_votes(void)
{
	static const char *const lines[] = {
		"vote", "vote open-houding extra", "unvote", "mark", "unmark",
		"vote nope", "mark nope", "votes", "votes maybe",
		"votes open now",
	};
	const Aandeslag__ContentCompetence *comp;
	struct fixture f;
	struct parsed p;

	setup(&f, 'a');
	comp = content_competence(&f.content, "open-houding", NULL);
	parse_remote(&p, "vote open-houding", OP(VOTE));
	CHECK(p.cmd.command.vote == &p.cmd.vote);
	/* The id sent is the content's own. */
	CHECK(p.cmd.vote.competence_id == comp->id);
	CHECK(!p.cmd.vote.remove);
	CHECK(!p.cmd.mirrored);
	parse_remote(&p, "vote Open-Houding", OP(VOTE));
	CHECK(p.cmd.vote.competence_id == comp->id);
	/* The start of one id is enough. */
	parse_remote(&p, "vote open", OP(VOTE));
	CHECK(p.cmd.vote.competence_id == comp->id);
	parse_refused(&p, "vote orientatie");
	CHECK_CONTAINS(p.error, "orientatie");
	parse_refused(&p, "vote nope");
	CHECK_CONTAINS(p.error, "model");
	parse_remote(&p, "unvote vreemde-taal", OP(VOTE));
	CHECK_STR(p.cmd.vote.competence_id, "vreemde-taal");
	CHECK(p.cmd.vote.remove);
	parse_remote(&p, "mark flexibiliteit", OP(MARK));
	CHECK(p.cmd.command.mark == &p.cmd.mark);
	CHECK_STR(p.cmd.mark.competence_id, "flexibiliteit");
	CHECK(p.cmd.mark.marked);
	parse_remote(&p, "unmark flexibiliteit", OP(MARK));
	CHECK(!p.cmd.mark.marked);
	parse_remote(&p, "votes hidden", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(VOTES_HIDDEN));
	CHECK(p.cmd.setting.flag);
	parse_remote(&p, "votes open", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(VOTES_HIDDEN));
	CHECK(!p.cmd.setting.flag);
	REFUSE_ALL(lines);
	run(&f, f.anna, "votes hidden");
	run(&f, f.anna, "vote open");
	run(&f, f.bram, "vote vreemde-taal");
	run(&f, f.bram, "unvote vreemde-taal");
	run(&f, f.anna, "mark open-houding");
	CHECK(model_marked(&f.room, "open-houding"));
	run(&f, f.anna, "votes open");
	CHECK_UINT(model_tally(&f.room, "open-houding"), ==, 1);
	teardown(&f);
	/* Without content an id is taken as typed. */
	parse_remote(&p, "vote whatever", OP(VOTE));
	CHECK_STR(p.cmd.vote.competence_id, "whatever");
}

/* ---------------------------------------------------------- settings */

static void
check_setting(const char *line, int key)
{
	struct parsed p;

	parse_remote(&p, line, OP(SETTING));
	CHECK(p.cmd.command.setting == &p.cmd.setting);
	CHECK_INT(p.cmd.setting.key, ==, key);
}

static void
test_set(void)
{
	static const char *const lines[] = {
		"set", "set nothing x", "set title", "set levels",
		"set levels 5", "set levels 0", "set levels 1,2,3,4,1",
		"set levels x", "set minutes", "set minutes 2",
		"set minutes 6 40", "set minutes 2 x", "set minutes 2 0",
		"set minutes 2 40 50", "set budget", "set budget x",
		"set budget 0", "set budget 3 4", "set stacking",
		"set stacking maybe", "set anonymous", "set talk-only yes",
		"set stacking on off", "set follow-up", "set follow-up 2027-02-30",
		"set follow-up morgen", "set follow-up 2027-03-15 x",
	};
	struct parsed p;

	check_setting("set title Nieuwe  titel", KEY(TITLE));
	parse_remote(&p, "set title Nieuwe  titel", OP(SETTING));
	CHECK_STR(p.cmd.setting.text, "Nieuwe  titel");
	parse_remote(&p, "set programme Verzorgende IG", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(PROGRAMME));
	CHECK_STR(p.cmd.setting.text, "Verzorgende IG");
	parse_remote(&p, "set programme", OP(SETTING));
	CHECK_STR(p.cmd.setting.text, "");
	parse_remote(&p, "set dossier Verzorgende-IG (25491)", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(QUALIFICATION));
	CHECK_STR(p.cmd.setting.text, "Verzorgende-IG (25491)");
	parse_remote(&p, "set region   ", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(REGION));
	CHECK_STR(p.cmd.setting.text, "");
	parse_remote(&p, "set region grensregio Limburg", OP(SETTING));
	CHECK_STR(p.cmd.setting.text, "grensregio Limburg");
	parse_remote(&p, "set levels 2,3,4", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(LEVELS));
	CHECK_UINT(p.cmd.setting.n_numbers, ==, 3);
	CHECK_UINT(p.cmd.setting.numbers[0], ==, 2);
	CHECK_UINT(p.cmd.setting.numbers[2], ==, 4);
	parse_remote(&p, "set levels 3, 4", OP(SETTING));
	CHECK_UINT(p.cmd.setting.n_numbers, ==, 2);
	parse_remote(&p, "set levels none", OP(SETTING));
	CHECK_UINT(p.cmd.setting.n_numbers, ==, 0);
	parse_remote(&p, "set minutes 2 40", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(STEP_MINUTES));
	CHECK_UINT(p.cmd.setting.step, ==, 2);
	CHECK_UINT(p.cmd.setting.number, ==, 40);
	parse_remote(&p, "set budget 5", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(VOTE_BUDGET));
	CHECK_UINT(p.cmd.setting.number, ==, 5);
	parse_remote(&p, "set stacking on", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(VOTE_STACKING));
	CHECK(p.cmd.setting.flag);
	parse_remote(&p, "set stacking uit", OP(SETTING));
	CHECK(!p.cmd.setting.flag);
	parse_remote(&p, "set anonymous aan", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(ANONYMOUS));
	CHECK(p.cmd.setting.flag);
	parse_remote(&p, "set talk-only off", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(TALK_ONLY));
	CHECK(!p.cmd.setting.flag);
	parse_remote(&p, "set follow-up 2027-03-15", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(FOLLOW_UP));
	CHECK_STR(p.cmd.setting.text, "2027-03-15");
	parse_remote(&p, "set follow-up none", OP(SETTING));
	CHECK_STR(p.cmd.setting.text, "");
	REFUSE_ALL(lines);
	parse_refused(&p, "set nothing x");
	CHECK_CONTAINS(p.error, "nothing");
}

static void
test_set_runs(void)
{
	struct fixture f;

	setup(&f, 'a');
	run(&f, f.anna, "set programme Verzorgende IG");
	CHECK_STR(f.room.settings.programme, "Verzorgende IG");
	run(&f, f.anna, "set programme");
	CHECK_STR(f.room.settings.programme, "");
	run(&f, f.anna, "set levels 3,4");
	CHECK_UINT(f.room.settings.levels, ==, (1u << 3) | (1u << 4));
	run(&f, f.anna, "set minutes 2 45");
	CHECK_INT(f.room.clocks[1].duration_ms, ==, 45 * CLOCK_MINUTE_MS);
	run(&f, f.anna, "set follow-up 2027-03-15");
	CHECK_STR(f.room.settings.follow_up, "2027-03-15");
	run(&f, f.anna, "set anonymous on");
	CHECK(f.room.settings.anonymous);
	run(&f, f.anna, "set title Een andere titel");
	CHECK_STR(f.room.title, "Een andere titel");
	teardown(&f);
}

/* ------------------------------------------------------------- seats */

static void
test_seats(void)
{
	struct fixture f;
	struct parsed p;

	setup(&f, 'a');
	parse_remote(&p, "chair Bram", OP(HAND_OVER));
	CHECK(p.cmd.command.hand_over == &p.cmd.hand_over);
	CHECK_UINT(p.cmd.hand_over.participant_id, ==, f.bram);
	CHECK(p.cmd.mirrored);
	parse_remote(&p, "chair bram", OP(HAND_OVER));
	CHECK_UINT(p.cmd.hand_over.participant_id, ==, f.bram);
	/* A name is the rest of the line, in quotes or not. */
	parse_remote(&p, "chair Carla de Vries", OP(HAND_OVER));
	CHECK_UINT(p.cmd.hand_over.participant_id, ==, f.carla);
	parse_remote(&p, "chair \"Carla de Vries\"", OP(HAND_OVER));
	CHECK_UINT(p.cmd.hand_over.participant_id, ==, f.carla);
	parse_remote(&p, "scribe Bram", OP(SCRIBE));
	CHECK(p.cmd.command.scribe == &p.cmd.scribe);
	CHECK_UINT(p.cmd.scribe.participant_id, ==, f.bram);
	CHECK(p.cmd.scribe.scribe);
	parse_remote(&p, "scribe Carla de Vries off", OP(SCRIBE));
	CHECK_UINT(p.cmd.scribe.participant_id, ==, f.carla);
	CHECK(!p.cmd.scribe.scribe);
	parse_remote(&p, "scribe Bram\toff", OP(SCRIBE));
	CHECK_UINT(p.cmd.scribe.participant_id, ==, f.bram);
	CHECK(!p.cmd.scribe.scribe);
	parse_remote(&p, "scribe \"Carla de Vries\" on", OP(SCRIBE));
	CHECK(p.cmd.scribe.scribe);
	parse_remote(&p, "remove Bram", OP(REMOVE));
	CHECK(p.cmd.command.remove == &p.cmd.remove);
	CHECK_UINT(p.cmd.remove.participant_id, ==, f.bram);
	parse_refused(&p, "chair Dirk");
	CHECK_CONTAINS(p.error, "Dirk");
	parse_refused(&p, "chair");
	parse_refused(&p, "scribe off");
	parse_refused(&p, "remove");
	parse_refused(&p, "remove Carla");
	run(&f, f.anna, "scribe Bram");
	CHECK_INT(model_participant(&f.room, f.bram)->role, ==,
	          AANDESLAG__ROLE__ROLE_SCRIBE);
	run(&f, f.anna, "scribe bram off");
	run(&f, f.anna, "remove Carla de Vries");
	CHECK_UINT(f.room.nparticipants, ==, 2);
	run(&f, f.anna, "chair Bram");
	CHECK_UINT(model_chair(&f.room), ==, f.bram);
	run(&f, f.bram, "finish");
	CHECK(f.room.settings.finished);
	run(&f, f.anna, "leave");
	CHECK_UINT(f.room.nparticipants, ==, 1);
	teardown(&f);
	/* Seats need the room. */
	parse_refused(&p, "chair Bram");
	parse_remote(&p, "finish", OP(FINISH));
	CHECK(p.cmd.command.finish == &p.cmd.finish);
	parse_refused(&p, "finish now");
}

/* Taking over the chair of a chair who is away, and recognising a
 * colleague on a new laptop (which the server checks, without an event). */
static void
test_chair_away(void)
{
	struct fixture f;
	struct parsed p;

	setup(&f, 'b');
	parse_remote(&p, "overnemen", OP(TAKE_CHAIR));
	CHECK(p.cmd.command.take_chair == &p.cmd.take_chair);
	CHECK(!p.cmd.mirrored);
	parse_remote(&p, "  Overnemen  ", OP(TAKE_CHAIR));
	parse_remote(&p, "take-chair", OP(TAKE_CHAIR));
	parse_refused(&p, "overnemen Anna");
	parse_refused(&p, "take-chair now");
	the_self = f.anna;
	parse_remote(&p, "herken Bram", OP(RECOGNISE));
	CHECK(p.cmd.command.recognise == &p.cmd.recognise);
	CHECK_UINT(p.cmd.recognise.participant_id, ==, f.bram);
	CHECK(p.cmd.mirrored);
	parse_remote(&p, "recognise carla de vries", OP(RECOGNISE));
	CHECK_UINT(p.cmd.recognise.participant_id, ==, f.carla);
	parse_remote(&p, "HERKEN \"Carla de Vries\"", OP(RECOGNISE));
	CHECK_UINT(p.cmd.recognise.participant_id, ==, f.carla);
	parse_refused(&p, "herken");
	parse_refused(&p, "herken Dirk");
	CHECK_CONTAINS(p.error, "Dirk");
	parse_refused(&p, "recognise Carla");

	/* What the model makes of them. */
	CHECK_INT(model_presence(&f.room, f.anna, false,
	                         T0 - MODEL_CHAIR_AWAY_MS, &f.ev, &f.why), ==, 0);
	run(&f, f.bram, "overnemen");
	CHECK_UINT(model_chair(&f.room), ==, f.bram);
	CHECK_INT(model_participant(&f.room, f.anna)->role, ==,
	          AANDESLAG__ROLE__ROLE_PARTICIPANT);
	the_self = f.bram;
	parse_remote(&p, "herken Anna", OP(RECOGNISE));
	CHECK_INT(model_check_recognise(&f.room, f.bram, &p.cmd.command, &f.why),
	          ==, 0);
	parse_remote(&p, "herken Carla de Vries", OP(RECOGNISE));
	CHECK_INT(model_check_recognise(&f.room, f.bram, &p.cmd.command, &f.why),
	          ==, -EINVAL);
	CHECK_INT(f.why.code, ==, AANDESLAG__ERROR_CODE__ERROR_ALREADY_PRESENT);
	teardown(&f);
	/* Recognising names someone, so it needs the room; taking over
	 * does not. */
	parse_refused(&p, "herken Bram");
	parse_remote(&p, "overnemen", OP(TAKE_CHAIR));
}

/* password TEXT and password off (wachtwoord ... uit): the text goes to
 * the server as typed, off clears it. */
static void
test_password(void)
{
	static const char *const lines[] = { "password", "wachtwoord   " };
	struct parsed p;

	REFUSE_ALL(lines);
	check_setting("password appel taart", KEY(PASSWORD));
	parse_remote(&p, "password appel  taart", OP(SETTING));
	CHECK_STR(p.cmd.setting.text, "appel  taart");
	parse_remote(&p, "wachtwoord Geheim!", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(PASSWORD));
	CHECK_STR(p.cmd.setting.text, "Geheim!");
	parse_remote(&p, "password off", OP(SETTING));
	CHECK_STR(p.cmd.setting.text, "");
	parse_remote(&p, "WACHTWOORD Uit", OP(SETTING));
	CHECK_STR(p.cmd.setting.text, "");
	CHECK_CONTAINS(cmd_help(), "wachtwoord TEKST");
}

CHECK_MAIN(CHECK_TEST(test_note),
           CHECK_TEST(test_password),
           CHECK_TEST(test_note_keeps_inner_spaces),
           CHECK_TEST(test_note_step),
           CHECK_TEST(test_note_refused),
           CHECK_TEST(test_note_diacritics),
           CHECK_TEST(test_note_for),
           CHECK_TEST(test_note_edit),
           CHECK_TEST(test_note_edit_refused),
           CHECK_TEST(test_question),
           CHECK_TEST(test_table),
           CHECK_TEST(test_votes),
           CHECK_TEST(test_set),
           CHECK_TEST(test_set_runs),
           CHECK_TEST(test_seats),
           CHECK_TEST(test_chair_away))
