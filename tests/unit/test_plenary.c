/* Tests for plenary.c: the hall's projector in each phase of the report
 * back, drawn headless at 80x24 and larger from the study day of
 * ws_fixture.h: what must be read from the back of the hall, nothing
 * past the edge, a clock that ticks with the status's age. */
#include "wsrig_fixture.h"

#include "plenary.h"

/* The big digits' full block, three in a row. */
#define BLOCKS "\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88"

/* Draws and reads back; WSDUMP=1 in the environment prints the screen
 * too, to look at it by eye. */
static const char *
pdraw(struct wsrig *t, int64_t age)
{
	plenary_draw(stdscr, &t->ui, &t->f.ws, age, &t->f.content);
	check_widths();
	if (getenv("WSDUMP") != NULL)
		fprintf(stderr, "%s\n", screen_text());
	return screen_text();
}

static void
test_waiting(void)
{
	struct wsrig t;
	const char *s;

	wsrig_open(&t, 24, 80, "C.UTF-8", UI_PROJECTOR);
	s = pdraw(&t, 0);
	CHECK_CONTAINS(s, "S T U D I E D A G   I N T E R N A T I O N A L I S E R I N G");
	CHECK_CONTAINS(s, "15 maart 2027");
	CHECK_CONTAINS(s, "terugkoppeling om 13:30");
	/* Every room: name, chair, step and clock. */
	CHECK_CONTAINS(row(row_of("Zorg")), "voorzitter Anna");
	CHECK_CONTAINS(row(row_of("Zorg")), "stap 3 Competenties");
	CHECK_CONTAINS(row(row_of("Zorg")), "12:04");
	CHECK_CONTAINS(row(row_of("Techniek")), "stap 2 Relevantie");
	CHECK_CONTAINS(row(row_of("Economie en Ondernemen")), "voorzitter -");
	CHECK_CONTAINS(row(row_of("Sport en Bewegen")), "voorzitter Jan van Dijk");
	CHECK_CONTAINS(row(row_of("Sport en Bewegen")), "+1:05");
	/* The facilitator's message and the code to join with. */
	CHECK_CONTAINS(s, "Om 12:00 lunch in de kantine. Daarna de terugkoppeling in de aula.");
	CHECK_CONTAINS(row(22), "Doe mee met code " WS_CODE);
	/* Clocks tick. */
	pdraw(&t, 64000);
	CHECK_CONTAINS(row(row_of("Zorg")), "11:00");
	CHECK_CONTAINS(row(row_of("Techniek")), "15:30");
	/* A finished room says so instead of a clock. */
	t.f.rooms[3].msg.finished = true;
	pdraw(&t, 0);
	CHECK_CONTAINS(row(row_of("Sport en Bewegen")), "afgerond");
	wsrig_close(&t);
}

static void
test_turn(void)
{
	struct wsrig t;
	const char *s;

	wsrig_open(&t, 24, 80, "C.UTF-8", UI_PROJECTOR);
	ws_report(&t.f, 1, 4 * WS_MINUTE);
	s = pdraw(&t, 30000);
	CHECK_CONTAINS(row(0), "Terugkoppeling \xc2\xb7 groep 1 van 4");
	CHECK_CONTAINS(row(1), "Z O R G");
	CHECK_CONTAINS(row(2), "Verpleegkunde");
	/* The findings numbered, the competences by name, the actions
	 * with who and when. */
	CHECK_CONTAINS(s, "Bevindingen");
	CHECK_CONTAINS(s, "1   Studenten willen graag stage lopen in een ziekenhuis in Belgi\xc3\xab.");
	CHECK_CONTAINS(s, "2   Engels spreken aan het bed is voor veel studenten een drempel.");
	CHECK_CONTAINS(s, "Gekozen competenties");
	CHECK_CONTAINS(s, "\xe2\x9c\x93 Open en nieuwsgierige houding");
	CHECK_CONTAINS(s, "\xe2\x9c\x93 Durven spreken in een vreemde taal");
	CHECK_CONTAINS(s, "Acties");
	CHECK_CONTAINS(s, "Contact leggen met een ziekenhuis in Gent");
	CHECK_CONTAINS(s, "wie: Anna, Bram; wanneer: mei 2027; status: open");
	CHECK_CONTAINS(s, "wie: het team; wanneer: periode 3; status: bezig");
	CHECK_CONTAINS(row(23), WS_TITLE " \xc2\xb7 code " WS_CODE);
	/* The turn's clock: in big digits when the texts leave room, else
	 * in the top line. */
	CHECK(strstr(s, BLOCKS) != NULL || strstr(row(0), "3:30 loopt") != NULL);
	wsrig_close(&t);
}

/* Large: two columns, big digits that tick with age. */
static void
test_turn_large(void)
{
	char before[SCREEN_MAX];
	struct wsrig t;
	const char *s;
	int y;

	wsrig_open(&t, 50, 160, "C.UTF-8", UI_PROJECTOR);
	ws_report(&t.f, 4, 4 * WS_MINUTE);
	s = pdraw(&t, 0);
	CHECK_CONTAINS(s, BLOCKS BLOCKS);
	CHECK_CONTAINS(row(1), "S P O R T   E N   B E W E G E N");
	CHECK_CONTAINS(s, "Sport- en bewegingsco\xc3\xb6rdinator");
	CHECK_CONTAINS(s, "loopt");
	/* Findings on the left, competences and actions on the right. */
	y = row_of("Bevindingen");
	CHECK_INT(y, >, 8);
	CHECK_CONTAINS(row(y), "Gekozen competenties");
	CHECK_CONTAINS(s, "3   Collega's kennen de Erasmus+-subsidie nog te weinig.");
	CHECK_CONTAINS(s, "Samenwerken in een internationale of diverse groep");
	CHECK_CONTAINS(s, "wie: Jan van Dijk; wanneer: 1 september 2027; status: open");
	CHECK_CONTAINS(s, "wie: !! nog niemand; status: klaar");
	CHECK_INT(strstr(row(y + 2), "1   Sportverenigingen") - row(y + 2), <,
	          strstr(row(y), "Gekozen") - row(y));
	/* The digits change as the clock runs; paused they stand. */
	snprintf(before, sizeof before, "%s", s);
	s = pdraw(&t, 61000);
	CHECK(strcmp(before, s) != 0);
	t.f.report_clock.state = CLK(PAUSED);
	s = pdraw(&t, 0);
	snprintf(before, sizeof before, "%s", s);
	CHECK_CONTAINS(s, "pauze");
	CHECK_STR(pdraw(&t, 61000), before);
	wsrig_close(&t);
}

/* A room with nothing yet, and a turn of a room that is not there. */
static void
test_turn_empty(void)
{
	struct wsrig t;
	const char *s;

	wsrig_open(&t, 24, 80, "C.UTF-8", UI_PROJECTOR);
	ws_report(&t.f, 2, 5 * WS_MINUTE);
	s = pdraw(&t, 0);
	CHECK_CONTAINS(row(1), "T E C H N I E K");
	CHECK_CONTAINS(s, "Deze groep brengt nog geen bevindingen mee.");
	/* With the texts this short, the big digits fit. */
	CHECK_CONTAINS(s, BLOCKS);
	ws_report(&t.f, 7, 5 * WS_MINUTE);
	s = pdraw(&t, 0);
	CHECK_CONTAINS(s, "Terugkoppeling");
	wsrig_close(&t);
}

static void
test_overview(void)
{
	struct wsrig t;
	const char *s;
	int y;

	wsrig_open(&t, 24, 80, "C.UTF-8", UI_PROJECTOR);
	ws_report(&t.f, 0, 0);
	s = pdraw(&t, 0);
	CHECK_CONTAINS(row(0), "Terugkoppeling: alle groepen");
	/* Four rooms where three would fit: two by two. */
	y = row_of("1 Zorg");
	CHECK_INT(y, >=, 2);
	CHECK_CONTAINS(row(y), "2 Techniek");
	CHECK(strstr(row(y), "3 Economie") == NULL);
	CHECK_INT(row_of("3 Economie en Ondernemen"), >, y + 4);
	CHECK_CONTAINS(row(row_of("3 Economie en Ondernemen")),
	               "4 Sport en Bewegen");
	CHECK_CONTAINS(row(y + 1), "Verpleegkunde");
	CHECK_CONTAINS(row(y + 1), "Mechatronica");
	CHECK_CONTAINS(row(y + 2), "2 competenties \xc2\xb7 2 acties");
	CHECK_CONTAINS(row(y + 2), "0 competenties \xc2\xb7 0 acties");
	CHECK_CONTAINS(s, "1 Studenten willen graag stage lopen");
	CHECK_CONTAINS(s, "geen bevindingen");
	CHECK_CONTAINS(s, "\xe2\x9c\x93 Open en nieuwsgierige houding");
	CHECK_CONTAINS(s, "1 competentie \xc2\xb7 3 acties");
	wsrig_close(&t);

	/* Large: all four side by side. */
	wsrig_open(&t, 50, 160, "C.UTF-8", UI_PROJECTOR);
	ws_report(&t.f, 0, 0);
	s = pdraw(&t, 0);
	y = row_of("1 Zorg");
	CHECK_CONTAINS(row(y), "4 Sport en Bewegen");
	CHECK_CONTAINS(row(y + 2), "3 acties");
	CHECK_CONTAINS(s, "\xe2\x9c\x93 Durven spreken in een");
	CHECK_CONTAINS(s, "Samenwerken in een internationale");
	CHECK_CONTAINS(s, "3 Collega's kennen de");
	wsrig_close(&t);
}

/* No status yet, and a lost connection. */
static void
test_connection(void)
{
	struct wsrig t;

	wsrig_open(&t, 24, 80, "C.UTF-8", UI_PROJECTOR);
	plenary_draw(stdscr, &t.ui, NULL, 0, NULL);
	check_widths();
	CHECK_CONTAINS(screen_text(), "verbinden");
	t.ui.connected = false;
	t.ui.reconnecting = true;
	pdraw(&t, 0);
	CHECK_CONTAINS(row(23), "opnieuw verbinden");
	ws_report(&t.f, 1, WS_MINUTE);
	pdraw(&t, 0);
	CHECK_CONTAINS(row(23), "opnieuw verbinden");
	wsrig_close(&t);
}

/* Every size, phase and locale, long texts everywhere: nothing past the
 * edge, nothing that crashes. */
static void
test_sizes(void)
{
	static const int sizes[][2] = {
		{ 3, 10 }, { 9, 39 }, { 10, 40 }, { 12, 50 }, { 16, 60 },
		{ 24, 80 }, { 25, 81 }, { 30, 100 }, { 40, 120 }, { 50, 160 },
		{ 70, 250 },
	};
	static const char *const locales[] = { "C.UTF-8", "C" };
	Aandeslag__RoomSummary *many[9];
	char text[1100];
	struct wsrig t;
	size_t i, l;
	int phase;

	memset(text, 'w', 990);
	for (i = 0; i < 990; i += 9)
		text[i] = ' ';
	text[990] = '\0';
	for (l = 0; l < 2; l++) {
		wsrig_open(&t, 24, 80, locales[l], UI_PROJECTOR);
		t.f.ws.announcement = text;
		t.f.ws.title = text;
		t.f.rooms[0].msg.name = (char *)"Zorg \xc3\xa9\xc3\xa9n caf\xc3\xa9 \xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5";
		t.f.rooms[1].msg.chair = text;
		t.f.rooms[1].msg.programme = text;
		t.f.rooms[3].findings[0].text = text;
		t.f.rooms[3].actions[0].text = text;
		for (i = 0; i < 9; i++)
			many[i] = &t.f.rooms[i % WS_ROOMS].msg;
		for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			CHECK_INT(resizeterm(sizes[i][0], sizes[i][1]), ==, OK);
			for (phase = -1; phase <= 4; phase++) {
				ws_report(&t.f, phase, WS_MINUTE);
				t.ui.connected = phase != 3;
				t.f.ws.rooms = phase == 2 ? many : t.f.room_ptrs;
				t.f.ws.n_rooms = phase == 2 ? 9 : WS_ROOMS;
				pdraw(&t, phase * 20 * WS_MINUTE);
			}
		}
		wsrig_close(&t);
	}
}

CHECK_MAIN(CHECK_TEST(test_waiting),
           CHECK_TEST(test_turn),
           CHECK_TEST(test_turn_large),
           CHECK_TEST(test_turn_empty),
           CHECK_TEST(test_overview),
           CHECK_TEST(test_connection),
           CHECK_TEST(test_sizes))
