/* Tests for poster.c and clock_format(): the Dutch poster and event lines. */
#include "check.h"

#include "clock.h"
#include "model.h"
#include "poster.h"
#include "steps.h"
#include "strbuf.h"

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>

#define CODE "K7QM-2XPD"
#define TITLE "Internationalisering in de opleiding"
#define T0 INT64_C(5000000)

/* A room as the server keeps it and a client's mirror of it. Every event
 * the server makes is rendered against the mirror before the mirror
 * applies it, as the line mode does. */
struct fixture {
	struct model_room room;
	struct model_room mirror;
	struct model_event ev;
	struct refusal why;
	struct strbuf line;	/* the line of the last event */
	uint32_t anna, bram, carla;
};

/* Renders the event just made and applies it to the mirror. */
static void
mirror_event(struct fixture *f, int64_t now)
{
	strbuf_free(&f->line);
	poster_event_line(&f->mirror, &f->ev.event, &f->line);
	CHECK(!f->line.failed);
	CHECK_INT(model_apply(&f->mirror, &f->ev.event, now), ==, 0);
	CHECK_UINT(f->mirror.seq, ==, f->room.seq);
}

static uint32_t
join(struct fixture *f, const char *name, int role)
{
	CHECK_INT(model_join(&f->room, name, role, T0, &f->ev, &f->why), ==, 0);
	mirror_event(f, T0);
	return f->ev.participant.id;
}

static void
execute(struct fixture *f, uint32_t actor, const Aandeslag__Command *cmd,
        int64_t now)
{
	if (model_execute(&f->room, actor, cmd, now, &f->ev, &f->why) != 0)
		CHECK_FAIL("command refused: %s", refusal_name(f->why.code));
	mirror_event(f, now);
}

static void
add_note(struct fixture *f, uint32_t actor, uint32_t step, const char *text)
{
	Aandeslag__Command cmd = AANDESLAG__COMMAND__INIT;
	Aandeslag__AddNote add = AANDESLAG__ADD_NOTE__INIT;

	add.step = step;
	add.text = (char *)text;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
	cmd.add_note = &add;
	execute(f, actor, &cmd, T0);
}

static void
clock_cmd(struct fixture *f, int action, uint32_t minutes, int64_t now)
{
	Aandeslag__Command cmd = AANDESLAG__COMMAND__INIT;
	Aandeslag__ClockControl c = AANDESLAG__CLOCK_CONTROL__INIT;

	c.action = (Aandeslag__ClockAction)action;
	c.minutes = minutes;
	cmd.op_case = AANDESLAG__COMMAND__OP_CLOCK;
	cmd.clock = &c;
	execute(f, f->anna, &cmd, now);
}

static void
step_cmd(struct fixture *f, int action, uint32_t step, int64_t now)
{
	Aandeslag__Command cmd = AANDESLAG__COMMAND__INIT;
	Aandeslag__StepControl s = AANDESLAG__STEP_CONTROL__INIT;

	s.action = (Aandeslag__StepAction)action;
	s.step = step;
	cmd.op_case = AANDESLAG__COMMAND__OP_STEP;
	cmd.step = &s;
	execute(f, f->anna, &cmd, now);
}

static const char *
line(const struct fixture *f)
{
	return strbuf_str(&f->line);
}

/* Makes a room with Anna (chair), Bram and Carla. */
static void
setup(struct fixture *f)
{
	memset(f, 0, sizeof *f);
	CHECK_INT(model_init(&f->room, CODE, TITLE, 3, &f->why), ==, 0);
	CHECK_INT(model_init(&f->mirror, CODE, TITLE, 3, &f->why), ==, 0);
	f->anna = join(f, "Anna", AANDESLAG__ROLE__ROLE_CHAIR);
	f->bram = join(f, "Bram", AANDESLAG__ROLE__ROLE_PARTICIPANT);
	f->carla = join(f, "Carla", AANDESLAG__ROLE__ROLE_PARTICIPANT);
}

static void
teardown(struct fixture *f)
{
	strbuf_free(&f->line);
	model_free(&f->room);
	model_free(&f->mirror);
}

/* Copies the part of the poster for step: its heading line and the notes
 * under it, up to the blank line before the next step. */
static void
section(const char *poster, unsigned step, char *out, size_t size)
{
	char heading[128];
	const char *start, *end;
	size_t len;

	snprintf(heading, sizeof heading, "%u %s (", step, steps_name(step));
	start = strstr(poster, heading);
	if (start == NULL)
		CHECK_FAIL("no heading \"%s\" in:\n%s", heading, poster);
	/* Back to the start of the line, for the marker. */
	while (start > poster && start[-1] != '\n')
		start--;
	end = strstr(start, "\n\n");
	if (end == NULL)
		end = start + strlen(start);
	len = (size_t)(end - start);
	CHECK_UINT(len, <, size);
	memcpy(out, start, len);
	out[len] = '\0';
}

static void
test_render_header(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	const char *p;

	setup(&f);
	poster_render(&f.room, T0, f.anna, &out);
	CHECK(!out.failed);
	p = strbuf_str(&out);
	CHECK_CONTAINS(p, TITLE);
	CHECK_CONTAINS(p, CODE);
	CHECK_CONTAINS(p, "stap 1");
	CHECK_CONTAINS(p, "Het team is bij stap 1 van 5, Betekenis");
	CHECK_CONTAINS(p, "nog niet gestart, 20:00");
	CHECK_CONTAINS(p, "Anna (voorzitter) (jij)");
	CHECK_CONTAINS(p, "Bram");
	CHECK_CONTAINS(p, "Carla");
	strbuf_free(&out);
	teardown(&f);
}

static void
test_render_steps_and_questions(void)
{
	static const char *const names[] = { "Betekenis", "Relevantie",
	                                      "Competenties", "Activiteiten",
	                                      "Aan de slag" };
	static const char *const questions[] = {
		"Wat betekent internationalisering voor jou?",
		"Waarom is internationalisering relevant voor onze studenten?",
		"Welke internationale competenties zijn relevant voor onze studenten?",
		"Welke internationaliseringsactiviteiten doen we al en/of kunnen we aanbieden?",
		"Wat gaan we nu doen? En wat is daarvoor nodig?",
	};
	static const unsigned minutes[] = { 20, 30, 30, 30, 40 };
	struct fixture f;
	struct strbuf out = { 0 };
	char sect[4096], want[256];
	unsigned step;

	setup(&f);
	poster_render(&f.room, T0, 0, &out);
	for (step = 1; step <= STEPS_COUNT; step++) {
		CHECK_CONTAINS(strbuf_str(&out), names[step - 1]);
		CHECK_CONTAINS(strbuf_str(&out), questions[step - 1]);
		section(strbuf_str(&out), step, sect, sizeof sect);
		snprintf(want, sizeof want, "%u %s (%u min): %s", step,
		         names[step - 1], minutes[step - 1], questions[step - 1]);
		CHECK_CONTAINS(sect, want);
		/* No notes yet anywhere. */
		CHECK_CONTAINS(sect, "(nog niets)");
	}
	strbuf_free(&out);
	teardown(&f);
}

static void
test_render_notes_under_their_step(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	char sect[4096];

	setup(&f);
	add_note(&f, f.anna, 0, "Ik heb een jaar in Gent gewerkt.");
	add_note(&f, f.bram, 3, "Samenwerken over grenzen");
	add_note(&f, f.carla, 3, "Talen leren, ook caf\xc3\xa9-Frans");
	add_note(&f, f.carla, 5, "Een uitwisseling plannen");
	poster_render(&f.room, T0, f.bram, &out);

	section(strbuf_str(&out), 1, sect, sizeof sect);
	CHECK_CONTAINS(sect, "[1] Anna: Ik heb een jaar in Gent gewerkt.");
	CHECK(strstr(sect, "(nog niets)") == NULL);
	CHECK(strstr(sect, "Bram:") == NULL);

	section(strbuf_str(&out), 2, sect, sizeof sect);
	CHECK_CONTAINS(sect, "(nog niets)");
	CHECK(strstr(sect, "- [") == NULL);

	section(strbuf_str(&out), 3, sect, sizeof sect);
	CHECK_CONTAINS(sect, "[2] Bram: Samenwerken over grenzen");
	CHECK_CONTAINS(sect, "[3] Carla: Talen leren, ook caf\xc3\xa9-Frans");
	CHECK(strstr(sect, "(nog niets)") == NULL);
	/* In the order they were written. */
	CHECK(strstr(sect, "Bram:") < strstr(sect, "Carla:"));

	section(strbuf_str(&out), 4, sect, sizeof sect);
	CHECK_CONTAINS(sect, "(nog niets)");

	section(strbuf_str(&out), 5, sect, sizeof sect);
	CHECK_CONTAINS(sect, "[4] Carla: Een uitwisseling plannen");
	CHECK(strstr(sect, "Anna:") == NULL);
	strbuf_free(&out);
	teardown(&f);
}

/* The note of someone who left keeps its author's name. */
static void
test_render_note_of_leaver(void)
{
	Aandeslag__Command cmd = AANDESLAG__COMMAND__INIT;
	Aandeslag__Leave leave = AANDESLAG__LEAVE__INIT;
	struct fixture f;
	struct strbuf out = { 0 };
	char sect[4096];

	setup(&f);
	add_note(&f, f.bram, 2, "Mobiliteit");
	cmd.op_case = AANDESLAG__COMMAND__OP_LEAVE;
	cmd.leave = &leave;
	execute(&f, f.bram, &cmd, T0);
	poster_render(&f.room, T0, 0, &out);
	section(strbuf_str(&out), 2, sect, sizeof sect);
	CHECK_CONTAINS(sect, "[1] Bram: Mobiliteit");
	CHECK_CONTAINS(strbuf_str(&out), "Aanwezig (2 van 7)");
	strbuf_free(&out);
	teardown(&f);
}

static void
test_render_current_step_marker(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	char sect[4096];
	unsigned step;

	setup(&f);
	poster_render(&f.room, T0, 0, &out);
	for (step = 1; step <= STEPS_COUNT; step++) {
		section(strbuf_str(&out), step, sect, sizeof sect);
		CHECK(strncmp(sect, step == 1 ? "> " : "  ", 2) == 0);
	}
	strbuf_free(&out);

	step_cmd(&f, AANDESLAG__STEP_ACTION__STEP_ACTION_GOTO, 4, T0);
	poster_render(&f.room, T0, 0, &out);
	CHECK_CONTAINS(strbuf_str(&out), "Het team is bij stap 4 van 5, Activiteiten");
	for (step = 1; step <= STEPS_COUNT; step++) {
		section(strbuf_str(&out), step, sect, sizeof sect);
		if (strncmp(sect, step == 4 ? "> " : "  ", 2) != 0)
			CHECK_FAIL("step %u marked wrongly:\n%s", step,
			           strbuf_str(&out));
	}
	CHECK_CONTAINS(strbuf_str(&out), "\n> 4 Activiteiten (30 min): ");
	strbuf_free(&out);
	teardown(&f);
}

static void
test_render_clock(void)
{
	struct fixture f;
	struct strbuf out = { 0 };

	setup(&f);
	clock_cmd(&f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_START, 0, T0);
	poster_render(&f.room, T0 + 1000, 0, &out);
	CHECK_CONTAINS(strbuf_str(&out), "loopt, 19:59 over");
	CHECK_CONTAINS(strbuf_str(&out), "(gepland 20 min)");
	strbuf_free(&out);
	poster_render(&f.room, T0 + 21 * 60000, 0, &out);
	CHECK_CONTAINS(strbuf_str(&out), "loopt, +1:00 over tijd");
	strbuf_free(&out);
	/* The mirror shows the same. */
	poster_render(&f.mirror, T0 + 1000, 0, &out);
	CHECK_CONTAINS(strbuf_str(&out), "loopt, 19:59 over");
	strbuf_free(&out);
	teardown(&f);
}

static void
test_render_no_author(void)
{
	Aandeslag__Event ev = AANDESLAG__EVENT__INIT;
	Aandeslag__Note note = AANDESLAG__NOTE__INIT;
	struct fixture f;
	struct strbuf out = { 0 };

	setup(&f);
	note.id = f.room.next_note_id;
	note.step = 1;
	note.author_name = (char *)"";
	note.text = (char *)"Anoniem idee";
	ev.epoch = f.room.epoch;
	ev.seq = f.room.seq + 1;
	ev.change_case = AANDESLAG__EVENT__CHANGE_NOTE_ADDED;
	ev.note_added = &note;
	poster_event_line(&f.room, &ev, &out);
	CHECK_CONTAINS(strbuf_str(&out), "(zonder naam): Anoniem idee");
	strbuf_free(&out);
	CHECK_INT(model_apply(&f.room, &ev, T0), ==, 0);
	poster_render(&f.room, T0, 0, &out);
	CHECK_CONTAINS(strbuf_str(&out), "[1] (zonder naam): Anoniem idee");
	strbuf_free(&out);
	teardown(&f);
}

static void
test_who(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	const char *w;

	setup(&f);
	poster_who(&f.room, f.bram, &out);
	w = strbuf_str(&out);
	CHECK_CONTAINS(w, "Aanwezig (3 van 7):");
	CHECK_CONTAINS(w, "Anna (voorzitter)");
	CHECK_CONTAINS(w, "Bram (jij)");
	CHECK_CONTAINS(w, "Carla");
	CHECK(strstr(w, "(weg)") == NULL);
	CHECK(strstr(w, "Carla (") == NULL);
	/* One line, names in the order they joined. */
	CHECK_UINT(strlen(w), >, 0);
	CHECK(w[strlen(w) - 1] == '\n');
	CHECK(strchr(w, '\n') == w + strlen(w) - 1);
	CHECK(strstr(w, "Anna") < strstr(w, "Bram"));
	CHECK(strstr(w, "Bram") < strstr(w, "Carla"));
	strbuf_free(&out);

	CHECK_INT(model_presence(&f.room, f.carla, false, T0, &f.ev, &f.why),
	          ==, 0);
	mirror_event(&f, T0);
	poster_who(&f.room, f.anna, &out);
	w = strbuf_str(&out);
	CHECK_CONTAINS(w, "Anna (voorzitter) (jij)");
	CHECK_CONTAINS(w, "Carla (weg)");
	CHECK(strstr(w, "Bram (") == NULL);
	strbuf_free(&out);

	/* Nobody is "jij" for self 0. */
	poster_who(&f.room, 0, &out);
	CHECK(strstr(strbuf_str(&out), "(jij)") == NULL);
	strbuf_free(&out);
	teardown(&f);
}

static void
test_event_note(void)
{
	struct fixture f;
	char seq[32];

	setup(&f);
	add_note(&f, f.bram, 0, "Een idee van Bram");
	snprintf(seq, sizeof seq, "[%" PRIu64 "] ", f.ev.event.seq);
	CHECK(strncmp(line(&f), seq, strlen(seq)) == 0);
	CHECK_CONTAINS(line(&f), "notitie");
	CHECK_CONTAINS(line(&f), "bij stap 1");
	CHECK_CONTAINS(line(&f), "Een idee van Bram");
	CHECK_CONTAINS(line(&f), "Bram");
	CHECK_STR(line(&f), "[4] notitie 1 bij stap 1 van Bram: Een idee van Bram\n");
	add_note(&f, f.carla, 4, "Nog een");
	CHECK_STR(line(&f), "[5] notitie 2 bij stap 4 van Carla: Nog een\n");
	teardown(&f);
}

static void
test_event_clock(void)
{
	struct fixture f;

	setup(&f);
	clock_cmd(&f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_START, 0, T0);
	CHECK_CONTAINS(line(&f), "[4] ");
	CHECK_CONTAINS(line(&f), "gestart");
	CHECK_CONTAINS(line(&f), "20:00");
	CHECK_CONTAINS(line(&f), "klok stap 1");

	clock_cmd(&f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_PAUSE, 0, T0 + 60000);
	CHECK_CONTAINS(line(&f), "gepauzeerd");
	CHECK_CONTAINS(line(&f), "19:00");

	clock_cmd(&f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_RESUME, 0, T0 + 90000);
	CHECK_CONTAINS(line(&f), "hervat");
	CHECK_CONTAINS(line(&f), "19:00");

	clock_cmd(&f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND, 5, T0 + 90000);
	CHECK_CONTAINS(line(&f), "verlengd met 5 min");
	CHECK_CONTAINS(line(&f), "24:00");
	CHECK_CONTAINS(line(&f), "(gepland 25 min)");

	clock_cmd(&f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_SHORTEN, 3, T0 + 90000);
	CHECK_CONTAINS(line(&f), "ingekort met 3 min");
	CHECK_CONTAINS(line(&f), "21:00");
	CHECK_CONTAINS(line(&f), "(gepland 22 min)");
	CHECK(line(&f)[strlen(line(&f)) - 1] == '\n');
	teardown(&f);
}

static void
test_event_step(void)
{
	struct fixture f;

	setup(&f);
	step_cmd(&f, AANDESLAG__STEP_ACTION__STEP_ACTION_NEXT, 0, T0);
	CHECK_CONTAINS(line(&f), "[4] ");
	CHECK_CONTAINS(line(&f), "stap 2");
	CHECK_CONTAINS(line(&f), "Relevantie");
	CHECK_CONTAINS(line(&f), "Waarom is internationalisering relevant");
	step_cmd(&f, AANDESLAG__STEP_ACTION__STEP_ACTION_GOTO, 5, T0);
	CHECK_CONTAINS(line(&f), "stap 5");
	CHECK_CONTAINS(line(&f), "Aan de slag");
	step_cmd(&f, AANDESLAG__STEP_ACTION__STEP_ACTION_PREV, 0, T0);
	CHECK_CONTAINS(line(&f), "stap 4");
	CHECK_CONTAINS(line(&f), "Activiteiten");
	teardown(&f);
}

static void
test_event_join(void)
{
	struct fixture f;

	setup(&f);
	join(&f, "Dirk", AANDESLAG__ROLE__ROLE_PARTICIPANT);
	CHECK_CONTAINS(line(&f), "[4] ");
	CHECK_CONTAINS(line(&f), "Dirk");
	CHECK_CONTAINS(line(&f), "doet mee");
	CHECK_STR(line(&f), "[4] Dirk doet mee (deelnemer)\n");
	teardown(&f);
}

static void
test_event_leave(void)
{
	Aandeslag__Command cmd = AANDESLAG__COMMAND__INIT;
	Aandeslag__Leave leave = AANDESLAG__LEAVE__INIT;
	struct fixture f;

	setup(&f);
	cmd.op_case = AANDESLAG__COMMAND__OP_LEAVE;
	cmd.leave = &leave;
	execute(&f, f.bram, &cmd, T0);
	CHECK_STR(line(&f), "[4] Bram heeft de werksessie verlaten\n");
	/* The chair leaving passes the role on; the line names the chair. */
	execute(&f, f.anna, &cmd, T0);
	CHECK_STR(line(&f), "[5] Anna heeft de werksessie verlaten\n");
	CHECK_INT(model_chair(&f.mirror), ==, f.carla);
	teardown(&f);
}

/* The same, with the event made by hand and rendered before it is
 * applied to the only room there is. */
static void
test_event_leave_by_hand(void)
{
	Aandeslag__Event ev = AANDESLAG__EVENT__INIT;
	Aandeslag__ParticipantLeft left = AANDESLAG__PARTICIPANT_LEFT__INIT;
	struct fixture f;
	struct strbuf out = { 0 };

	setup(&f);
	left.participant_id = f.carla;
	ev.epoch = f.room.epoch;
	ev.seq = f.room.seq + 1;
	ev.actor_id = f.carla;
	ev.change_case = AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT;
	ev.participant_left = &left;
	poster_event_line(&f.room, &ev, &out);
	CHECK_STR(strbuf_str(&out), "[4] Carla heeft de werksessie verlaten\n");
	strbuf_free(&out);
	CHECK_INT(model_apply(&f.room, &ev, T0), ==, 0);
	CHECK(model_participant(&f.room, f.carla) == NULL);
	teardown(&f);
}

static void
test_event_presence(void)
{
	struct fixture f;

	setup(&f);
	CHECK_INT(model_presence(&f.room, f.bram, false, T0, &f.ev, &f.why), ==,
	          0);
	mirror_event(&f, T0);
	CHECK_STR(line(&f), "[4] Bram is niet meer verbonden\n");
	CHECK_INT(model_presence(&f.room, f.bram, true, T0, &f.ev, &f.why), ==,
	          0);
	mirror_event(&f, T0);
	CHECK_STR(line(&f), "[5] Bram is weer verbonden\n");
	teardown(&f);
}

static void
test_event_unknown(void)
{
	Aandeslag__Event ev = AANDESLAG__EVENT__INIT;
	struct fixture f;
	struct strbuf out = { 0 };

	setup(&f);
	ev.seq = 9;
	poster_event_line(&f.room, &ev, &out);
	CHECK_STR(strbuf_str(&out), "[9] onbekende wijziging\n");
	strbuf_free(&out);
	teardown(&f);
}

static void
test_poster_clock(void)
{
	struct clock c;
	struct strbuf out = { 0 };

	clock_init(&c, 20 * CLOCK_MINUTE_MS);
	poster_clock(&c, T0, &out);
	CHECK_STR(strbuf_str(&out), "nog niet gestart, 20:00");
	strbuf_free(&out);

	c.state = AANDESLAG__CLOCK_STATE__CLOCK_RUNNING;
	c.anchor_ms = T0;
	poster_clock(&c, T0 + 1, &out);
	CHECK_STR(strbuf_str(&out), "loopt, 20:00 over");
	strbuf_free(&out);
	poster_clock(&c, T0 + 20 * CLOCK_MINUTE_MS + 65000, &out);
	CHECK_STR(strbuf_str(&out), "loopt, +1:05 over tijd");
	strbuf_free(&out);

	c.state = AANDESLAG__CLOCK_STATE__CLOCK_PAUSED;
	c.remaining_ms = 61000;
	poster_clock(&c, T0 + 999999, &out);
	CHECK_STR(strbuf_str(&out), "gepauzeerd, 1:01 over");
	strbuf_free(&out);
	c.remaining_ms = -61000;
	poster_clock(&c, T0, &out);
	CHECK_STR(strbuf_str(&out), "gepauzeerd, +1:01 over tijd");
	strbuf_free(&out);
}

static void
test_roles(void)
{
	CHECK_STR(poster_role(AANDESLAG__ROLE__ROLE_CHAIR), "voorzitter");
	CHECK_STR(poster_role(AANDESLAG__ROLE__ROLE_PARTICIPANT), "deelnemer");
	CHECK_STR(poster_role(AANDESLAG__ROLE__ROLE_VIEWER), "meekijker");
	CHECK_STR(poster_role(AANDESLAG__ROLE__ROLE_FACILITATOR), "begeleider");
}

static void
check_format(int64_t ms, const char *want)
{
	char out[CLOCK_TEXT_SIZE];

	memset(out, 'Z', sizeof out);
	clock_format(ms, out);
	if (strcmp(out, want) != 0)
		CHECK_FAIL("clock_format(%" PRId64 ") gave \"%s\", want \"%s\"",
		           ms, out, want);
}

static void
test_clock_format(void)
{
	check_format(1200000, "20:00");
	check_format(1199001, "20:00");
	check_format(1199000, "19:59");
	check_format(1, "0:01");
	check_format(0, "0:00");
	check_format(999, "0:01");
	check_format(1000, "0:01");
	check_format(1001, "0:02");
	check_format(59001, "1:00");
	check_format(60000, "1:00");
	check_format(60001, "1:01");
	check_format(-1000, "+0:01");
	check_format(-1999, "+0:01");
	check_format(-65000, "+1:05");
	check_format(36000000, "600:00");
	check_format(CLOCK_DURATION_MAX, "1440:00");
	check_format(-CLOCK_OVERTIME_MAX, "+10080:00");
}

/* CLOCK_TEXT_SIZE has room for any int64_t; the extremes must format as
 * numbers too, without signed overflow. */
static void
test_clock_format_extremes(void)
{
	char out[CLOCK_TEXT_SIZE];

	clock_format(INT64_MAX, out);
	if (out[0] < '0' || out[0] > '9' || strchr(out, '-') != NULL)
		CHECK_FAIL("clock_format(INT64_MAX) gave \"%s\"", out);
	clock_format(INT64_MIN, out);
	if (out[0] != '+' || strchr(out, '-') != NULL)
		CHECK_FAIL("clock_format(INT64_MIN) gave \"%s\"", out);
}

CHECK_MAIN(CHECK_TEST(test_render_header),
           CHECK_TEST(test_render_steps_and_questions),
           CHECK_TEST(test_render_notes_under_their_step),
           CHECK_TEST(test_render_note_of_leaver),
           CHECK_TEST(test_render_current_step_marker),
           CHECK_TEST(test_render_clock),
           CHECK_TEST(test_render_no_author),
           CHECK_TEST(test_who),
           CHECK_TEST(test_event_note),
           CHECK_TEST(test_event_clock),
           CHECK_TEST(test_event_step),
           CHECK_TEST(test_event_join),
           CHECK_TEST(test_event_leave),
           CHECK_TEST(test_event_leave_by_hand),
           CHECK_TEST(test_event_presence),
           CHECK_TEST(test_event_unknown),
           CHECK_TEST(test_poster_clock),
           CHECK_TEST(test_roles),
           CHECK_TEST(test_clock_format),
           CHECK_TEST(test_clock_format_extremes))
