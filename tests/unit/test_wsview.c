/* Tests for wsview.c: the facilitator's screen drawn headless (as the
 * poster's tests do) at 80x24 and larger, from the study day of
 * ws_fixture.h: what must be there, nothing past the edge, clocks that
 * tick with the status's age, the help and the command line. */
#include "wsrig_fixture.h"

#include "wscmd.h"
#include "wsview.h"

/* Draws the screen and reads it back; WSDUMP=1 in the environment
 * prints it too, to look at a test's screens by eye. */
static const char *
wsdraw(struct wsrig *t, int64_t age)
{
	wsview_draw(stdscr, &t->ui, &t->f.ws, age, &t->f.content);
	check_widths();
	if (getenv("WSDUMP") != NULL)
		fprintf(stderr, "%s\n", screen_text());
	return screen_text();
}

static void
test_80x24(void)
{
	struct wsrig t;
	const char *s;

	wsrig_open(&t, 24, 80, "C.UTF-8", UI_POSTER);
	s = wsdraw(&t, 0);
	/* The header: title, date, the code to read aloud. */
	CHECK_CONTAINS(row(0), WS_TITLE);
	CHECK_CONTAINS(row(0), "15 maart 2027");
	CHECK_CONTAINS(row(0), "code " WS_CODE);
	CHECK_CONTAINS(row(0), "verbonden");
	CHECK_CONTAINS(row(1), "4 groepen");
	CHECK_CONTAINS(row(1), "19 deelnemers, 17 verbonden");
	CHECK_CONTAINS(row(1), "5 van 12 bevindingen");
	/* The table: heads, then a row per room, the step never cut. */
	CHECK_CONTAINS(row(2), "# Groep");
	CHECK_CONTAINS(row(2), "Code");
	CHECK_CONTAINS(row(2), "Zit");
	CHECK_CONTAINS(row(2), "Vz.");
	CHECK_CONTAINS(row(2), "Klok");
	CHECK_CONTAINS(row(2), "Staat");
	CHECK_CONTAINS(row(2), "Bev.");
	CHECK_INT(row_of("Zorg"), ==, 3);
	CHECK_CONTAINS(row(3), " 1 Zorg ");
	CHECK_CONTAINS(row(3), "K7QM-2XPD");
	CHECK_CONTAINS(row(3), "5/7 (4)");
	CHECK_CONTAINS(row(3), "Anna");
	CHECK_CONTAINS(row(3), "3 Competenties");
	CHECK_CONTAINS(row(3), "12:04 loopt");
	CHECK_CONTAINS(row(3), "2/3");
	CHECK_CONTAINS(row(4), " 2 Techniek ");
	CHECK_CONTAINS(row(4), "2 Relevantie");
	CHECK_CONTAINS(row(4), "15:30 pauze");
	CHECK_CONTAINS(row(5), " 3 Economie");
	CHECK_CONTAINS(row(5), "6/7 (6)");
	CHECK_CONTAINS(row(5), "(geen)");
	CHECK_CONTAINS(row(5), "20:00 niet gestart");
	CHECK_CONTAINS(row(5), "0/3");
	CHECK_CONTAINS(row(6), " 4 Sport en");
	CHECK_CONTAINS(row(6), "Jan van");
	CHECK_CONTAINS(row(6), "5 Aan de slag");
	CHECK_CONTAINS(row(6), "+1:05 overtijd");
	CHECK_CONTAINS(row(6), "3/3");
	/* The sections under it. */
	CHECK_CONTAINS(s, "Bericht aan de groepen: Om 12:00 lunch in de kantine.");
	CHECK_CONTAINS(s, "in de aula.");
	CHECK_CONTAINS(s, "Terugkoppeling: nog niet begonnen");
	CHECK_CONTAINS(s, "Rooster: 09:00 Welkom en uitleg");
	CHECK_CONTAINS(s, "13:30 Plenaire terugkoppeling (terugkoppeling)");
	CHECK_CONTAINS(s, "Bevindingen voor de terugkoppeling");
	CHECK_CONTAINS(s, "Sport en Bewegen  1. Sportverenigingen over de grens");
	/* The keys. */
	CHECK_CONTAINS(row(23), ": opdracht");
	CHECK_CONTAINS(row(23), "b bericht");
	CHECK_CONTAINS(row(23), "v verplaats");
	CHECK_CONTAINS(row(23), "t terugkoppeling");
	CHECK_CONTAINS(row(23), "? hulp");
	CHECK_CONTAINS(row(23), "q stoppen");
	CHECK(strstr(row(23), "volgende") == NULL);
	wsrig_close(&t);
}

/* A larger terminal: the programme, whole names, the schedule as a
 * list and the findings whole. */
static void
test_large(void)
{
	struct wsrig t;
	const char *s;
	int y;

	wsrig_open(&t, 50, 160, "C.UTF-8", UI_POSTER);
	s = wsdraw(&t, 0);
	CHECK_CONTAINS(row(2), "Opleiding");
	CHECK_CONTAINS(row(2), "Voorzitter");
	CHECK_CONTAINS(row(3), "Verpleegkunde");
	CHECK_CONTAINS(row(5), "Economie en Ondernemen");
	CHECK_CONTAINS(row(5), "Commercieel medewerker");
	CHECK_CONTAINS(row(6), "Sport en Bewegen");
	CHECK_CONTAINS(row(6), "Jan van Dijk");
	y = row_of("Rooster:");
	CHECK_INT(y, >, 6);
	CHECK_STR(row(y + 1), "   09:00  Welkom en uitleg");
	CHECK_CONTAINS(row(y + 4), "13:30  Plenaire terugkoppeling (terugkoppeling)");
	CHECK_CONTAINS(s, "1. Studenten willen graag stage lopen in een ziekenhuis in Belgi\xc3\xab.");
	CHECK_CONTAINS(s, "3. Collega's kennen de Erasmus+-subsidie nog te weinig.");
	/* Who sits where, for moving people. */
	CHECK_CONTAINS(s, "Wie zit waar");
	CHECK_CONTAINS(row(row_of("Wie zit waar") + 4),
	               "Sport en Bewegen        Jan van Dijk, Anna, Wout, Yara");
	wsrig_close(&t);
}

/* Running clocks tick on with the status's age; the others stand. */
static void
test_ticks(void)
{
	struct wsrig t;

	wsrig_open(&t, 24, 80, "C.UTF-8", UI_POSTER);
	wsdraw(&t, 64000);
	CHECK_CONTAINS(row(3), "11:00 loopt");
	CHECK_CONTAINS(row(4), "15:30 pauze");
	CHECK_CONTAINS(row(5), "20:00 niet gestart");
	CHECK_CONTAINS(row(6), "+2:09 overtijd");
	wsdraw(&t, 12 * WS_MINUTE + 5000);
	CHECK_CONTAINS(row(3), "+0:01 overtijd");
	/* A finished room says so, whatever its clock. */
	t.f.rooms[3].msg.finished = true;
	wsdraw(&t, 0);
	CHECK_CONTAINS(row(6), "afgerond");
	wsrig_close(&t);
}

/* During the report back: whose turn it is, highlighted, and the keys to
 * move on. */
static void
test_report(void)
{
	struct wsrig t;
	const char *s;

	wsrig_open(&t, 24, 80, "C.UTF-8", UI_POSTER);
	CHECK_INT(start_color(), ==, OK);
	view_colours(true);
	t.ui.colour = true;
	ws_report(&t.f, 2, 4 * WS_MINUTE);
	s = wsdraw(&t, 30000);
	CHECK_CONTAINS(s, "Terugkoppeling: groep 2 van 4 Techniek 3:30 loopt");
	CHECK_INT((int)PAIR_NUMBER(mvinch(4, 3) & A_COLOR), ==,
	          UI_PAIR_TEAM_STEP);
	CHECK_INT((int)PAIR_NUMBER(mvinch(3, 3) & A_COLOR), !=,
	          UI_PAIR_TEAM_STEP);
	CHECK_INT((int)PAIR_NUMBER(mvinch(0, 0) & A_COLOR), ==,
	          UI_PAIR_HEADER);
	CHECK_CONTAINS(row(23), "> volgende groep");
	ws_report(&t.f, 0, 0);
	s = wsdraw(&t, 0);
	CHECK_CONTAINS(s, "Terugkoppeling: overzicht van alle groepen");
	CHECK_CONTAINS(row(23), "> volgende groep");
	wsrig_close(&t);
}

static void
test_typing(void)
{
	struct wsrig t;
	int y, x;

	wsrig_open(&t, 24, 80, "C.UTF-8", UI_POSTER);
	t.ui.typing = true;
	editline_set(&t.ui.line, "verplaats Anna van Zorg naar 2");
	/* Where the cursor is left: before reading the screen back. */
	wsview_draw(stdscr, &t.ui, &t.f.ws, 0, &t.f.content);
	getyx(stdscr, y, x);
	CHECK_INT(y, ==, 23);
	CHECK_INT(x, ==, 1 + 30);
	CHECK_STR(row(23), ":verplaats Anna van Zorg naar 2");
	check_widths();
	/* A message, as after a refusal. */
	t.ui.typing = false;
	t.ui.message_kind = UI_MSG_ERROR;
	snprintf(t.ui.message, sizeof t.ui.message, "%s",
	         "Er zijn meer mensen die \"Anna\" heten (groep 1 en 4).");
	wsdraw(&t, 0);
	CHECK_CONTAINS(row(22), "Er zijn meer mensen die \"Anna\" heten");
	CHECK_CONTAINS(row(23), "? hulp");
	wsrig_close(&t);
}

static void
test_help(void)
{
	struct wsrig t;
	const char *s;

	wsrig_open(&t, 24, 80, "C.UTF-8", UI_POSTER);
	t.ui.screen = UI_HELP;
	s = wsdraw(&t, 0);
	CHECK_CONTAINS(s, "Hulp: de workshop begeleiden");
	CHECK_CONTAINS(s, "Toetsen");
	CHECK_CONTAINS(s, "een bericht aan alle groepen typen");
	CHECK_CONTAINS(s, "Esc of ? sluit");
	CHECK_INT(t.ui.page_lines, >, 40);
	t.ui.scroll = 1000;
	s = wsdraw(&t, 0);
	CHECK_CONTAINS(s, "report start|next|prev|overview|end|pause|resume|+N");
	wsrig_close(&t);
}

static void
test_waiting_and_link(void)
{
	struct wsrig t;

	wsrig_open(&t, 24, 80, "C.UTF-8", UI_POSTER);
	wsview_draw(stdscr, &t.ui, NULL, 0, NULL);
	check_widths();
	CHECK_CONTAINS(screen_text(), "wachten op de workshop");
	CHECK_CONTAINS(row(23), "? hulp");
	CHECK(strstr(row(23), "bericht") == NULL);
	/* A lost connection shows in the header; without content the
	 * method's own step names. */
	t.ui.connected = false;
	t.ui.reconnecting = true;
	t.ui.attempt = 3;
	wsview_draw(stdscr, &t.ui, &t.f.ws, 0, NULL);
	check_widths();
	CHECK_CONTAINS(row(0), "opnieuw verbinden");
	CHECK_CONTAINS(row(0), "code " WS_CODE);
	CHECK_CONTAINS(row(3), "3 Competenties");
	wsrig_close(&t);
}

/* More rooms than rows: the last row says how many more. */
static void
test_many_rooms(void)
{
	Aandeslag__RoomSummary *many[20];
	struct wsrig t;
	size_t i;

	wsrig_open(&t, 24, 80, "C.UTF-8", UI_POSTER);
	for (i = 0; i < 20; i++)
		many[i] = &t.f.rooms[i % WS_ROOMS].msg;
	t.f.ws.rooms = many;
	t.f.ws.n_rooms = 20;
	wsdraw(&t, 0);
	CHECK_INT(row_of("en nog"), >, 3);
	CHECK_CONTAINS(row(row_of("en nog")), "groepen; typ :toon voor allemaal");
	CHECK_CONTAINS(screen_text(), "Terugkoppeling:");
	CHECK_CONTAINS(row(1), "20 groepen");
	wsrig_close(&t);
}

/* Every size from tiny to huge, every phase, long texts everywhere:
 * nothing past the edge, nothing that crashes. */
static void
test_sizes(void)
{
	static const int sizes[][2] = {
		{ 3, 10 }, { 9, 39 }, { 10, 40 }, { 12, 50 }, { 16, 60 },
		{ 24, 80 }, { 25, 81 }, { 30, 100 }, { 50, 160 }, { 70, 250 },
	};
	static const char *const locales[] = { "C.UTF-8", "C" };
	char text[1100];
	struct wsrig t;
	size_t i, l;
	int phase;

	memset(text, 'w', 990);
	for (i = 0; i < 990; i += 7)
		text[i] = ' ';
	text[990] = '\0';
	for (l = 0; l < 2; l++) {
		wsrig_open(&t, 24, 80, locales[l], UI_POSTER);
		t.f.ws.announcement = text;
		t.f.ws.title = text;
		t.f.rooms[0].msg.name = (char *)"Zorg \xc3\xa9\xc3\xa9n caf\xc3\xa9 \xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5";
		t.f.rooms[1].msg.chair = text;
		t.f.rooms[2].msg.programme = text;
		t.f.rooms[3].findings[0].text = text;
		t.f.slots[1].label = text;
		t.ui.message_kind = UI_MSG_WARNING;
		snprintf(t.ui.message, sizeof t.ui.message, "%.200s\n%.200s",
		         text, text);
		editline_set(&t.ui.line, text);
		for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			CHECK_INT(resizeterm(sizes[i][0], sizes[i][1]), ==, OK);
			for (phase = -1; phase <= 4; phase++) {
				ws_report(&t.f, phase, WS_MINUTE);
				t.ui.typing = phase == 1;
				t.ui.screen = phase == 2 ? UI_HELP : UI_POSTER;
				t.ui.connected = phase != 3;
				wsdraw(&t, phase * WS_MINUTE);
			}
		}
		wsrig_close(&t);
	}
}

static void
test_key_line(void)
{
	struct key_case {
		int key;
		const char *line;
		bool run;
	} cases[] = {
		{ 'b', "bericht ", false }, { 'v', "verplaats ", false },
		{ 't', "terugkoppeling ", false },
		{ '>', "terugkoppeling volgende", true },
		{ '<', "terugkoppeling vorige", true },
	};
	char line[64], error[WSCMD_ERROR_SIZE];
	struct wscmd cmd;
	size_t i;
	bool run = true;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		CHECK_STR(wsview_key_line(cases[i].key, &run), cases[i].line);
		CHECK_INT(run, ==, cases[i].run);
		/* What runs at once is a command the parser takes. */
		if (run) {
			snprintf(line, sizeof line, "%s", cases[i].line);
			CHECK_INT(wscmd_parse(line, NULL, &cmd, error), ==, 0);
			CHECK_INT(cmd.kind, ==, WSCMD_REMOTE);
		}
	}
	CHECK(wsview_key_line('x', &run) == NULL);
	CHECK(!run);
	CHECK(wsview_key_line(':', &run) == NULL);
}

CHECK_MAIN(CHECK_TEST(test_80x24),
           CHECK_TEST(test_large),
           CHECK_TEST(test_ticks),
           CHECK_TEST(test_report),
           CHECK_TEST(test_typing),
           CHECK_TEST(test_help),
           CHECK_TEST(test_waiting_and_link),
           CHECK_TEST(test_many_rooms),
           CHECK_TEST(test_sizes),
           CHECK_TEST(test_key_line))
