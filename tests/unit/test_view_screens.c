/* Tests for the view: typing, messages, help, join, projector, sizes. */
#include "view_fixture.h"

static void
test_typing(void)
{
	struct rig r;
	int y, x;

	rig_open(&r, 24, 80, "C.UTF-8");
	r.ui.typing = true;
	editline_set(&r.ui.line, "note \xc3\xa9\xc3\xa9n");
	/* Where the cursor is left: before reading the screen back, which
	 * moves it. */
	view_draw(stdscr, &r.ui);
	getyx(stdscr, y, x);
	CHECK_INT(y, ==, 23);
	CHECK_INT(x, ==, 1 + 8);
	CHECK_STR(row(23), ":note \xc3\xa9\xc3\xa9n");
	/* A line longer than the row: the cursor stays visible. */
	editline_clear(&r.ui.line);
	for (x = 0; x < 100; x++)
		editline_insert(&r.ui.line, L'\x65e5');
	view_draw(stdscr, &r.ui);
	getyx(stdscr, y, x);
	CHECK_INT(y, ==, 23);
	CHECK_INT(x, <=, 79);
	CHECK_INT(x, >=, 70);
	rig_close(&r);
}

static void
test_messages(void)
{
	struct rig r;
	struct strbuf sb = { 0 };

	rig_open(&r, 24, 80, "C.UTF-8");
	r.ui.message_kind = UI_MSG_ERROR;
	snprintf(r.ui.message, sizeof r.ui.message, "%s",
	         "Alleen de voorzitter mag dat.");
	draw(&r);
	CHECK_CONTAINS(row(22), "Alleen de voorzitter mag dat.");
	CHECK_CONTAINS(row(22), "regel 1-18 van");
	/* A long message wins over where the page is. */
	snprintf(r.ui.message, sizeof r.ui.message, "%s",
	         "Welkom bij \"Teamsessie Zorg\". De code om mee te doen is K7QM-2XPD.");
	draw(&r);
	CHECK_CONTAINS(row(22), "K7QM-2XPD.");
	CHECK(strstr(row(22), "regel") == NULL);
	/* A message of several lines grows over the page. */
	poster_who(&r.net->room, r.anna, &sb);
	r.ui.message_kind = UI_MSG_INFO;
	snprintf(r.ui.message, sizeof r.ui.message, "Eerste regel\n%s",
	         strbuf_str(&sb));
	strbuf_free(&sb);
	draw(&r);
	CHECK_CONTAINS(row(22), "Aanwezig (3 van 7): Anna (voorzitter) (jij)");
	CHECK_STR(row(21), "Eerste regel");
	CHECK_CONTAINS(row(20), "\xe2\x94\x80\xe2\x94\x80");
	CHECK_CONTAINS(row(23), "? hulp");
	rig_close(&r);
}

static void
test_help(void)
{
	struct rig r;
	const char *s;

	rig_open(&r, 24, 80, "C.UTF-8");
	r.ui.screen = UI_HELP;
	draw(&r);
	s = screen_text();
	CHECK_CONTAINS(s, "Toetsen");
	CHECK_CONTAINS(s, "Esc of ? sluit");
	CHECK(r.ui.page_lines > 40);
	r.ui.scroll = 1000;
	draw(&r);
	s = screen_text();
	CHECK_CONTAINS(s, "finish");
	CHECK_CONTAINS(s, "Esc of ? sluit");
	rig_close(&r);
}

static void
test_join(void)
{
	struct rig r;
	const char *s;
	int y, cy, cx;

	rig_open(&r, 24, 80, "C.UTF-8");
	r.ui.screen = UI_JOIN;
	r.ui.joined = false;
	r.ui.field = UI_FIELD_CODE;
	editline_set(&r.ui.join[UI_FIELD_SERVER], HOST);
	editline_set(&r.ui.join[UI_FIELD_CODE], "K7QM");
	view_draw(stdscr, &r.ui);
	getyx(stdscr, cy, cx);
	check_widths();
	s = screen_text();
	CHECK_CONTAINS(s, "Server");
	CHECK_CONTAINS(s, "Code");
	CHECK_CONTAINS(s, "Naam");
	CHECK_CONTAINS(s, HOST);
	CHECK_CONTAINS(s, "Vraag de code aan de voorzitter");
	/* The active field is marked, and the cursor is at the end of its
	 * text (the mark is one column of three bytes). */
	y = row_of("Code");
	CHECK_CONTAINS(row(y), "\xe2\x96\xb6");
	CHECK_INT(cy, ==, y);
	CHECK_INT(cx, ==, (int)(strstr(row(y), "K7QM") - row(y)) - 2 + 4);

	r.ui.connecting = true;
	r.ui.message_kind = UI_MSG_ERROR;
	snprintf(r.ui.message, sizeof r.ui.message, "%s",
	         "De server antwoordt niet.");
	draw(&r);
	s = screen_text();
	CHECK_CONTAINS(s, "verbinden\xe2\x80\xa6");
	CHECK_CONTAINS(row(22), "De server antwoordt niet.");
	/* A message longer than the row goes on above it. */
	snprintf(r.ui.message, sizeof r.ui.message, "%s",
	         "geen verbinding met 192.168.1.10 poort 7557: er luistert niets "
	         "op die poort. Draait de server, en is het de goede poort? Vraag "
	         "het adres aan de voorzitter.");
	draw(&r);
	CHECK_CONTAINS(row(21), "geen verbinding met 192.168.1.10 poort 7557");
	CHECK_CONTAINS(row(22), "voorzitter.");
	CHECK_CONTAINS(screen_text(), "Draait de server");
	rig_close(&r);
}

static void
test_not_joined(void)
{
	struct rig r;

	rig_open(&r, 24, 80, "C.UTF-8");
	r.ui.joined = false;
	r.ui.connecting = true;
	draw(&r);
	CHECK_CONTAINS(screen_text(), "verbinden");
	CHECK_CONTAINS(row(23), "? hulp");
	CHECK_UINT(view_step_at(&r.ui, 2, 3, 80), ==, 0);
	r.ui.screen = UI_PROJECTOR;
	draw(&r);
	CHECK_CONTAINS(screen_text(), "verbinden");
	rig_close(&r);
}

static void
test_step_at(void)
{
	struct rig r;

	rig_open(&r, 24, 80, "C.UTF-8");
	draw(&r);
	CHECK_UINT(view_step_at(&r.ui, 2, 0, 80), ==, 1);
	CHECK_UINT(view_step_at(&r.ui, 3, 15, 80), ==, 1);
	CHECK_UINT(view_step_at(&r.ui, 2, 16, 80), ==, 2);
	CHECK_UINT(view_step_at(&r.ui, 2, 40, 80), ==, 3);
	CHECK_UINT(view_step_at(&r.ui, 3, 79, 80), ==, 5);
	CHECK_UINT(view_step_at(&r.ui, 1, 40, 80), ==, 0);
	CHECK_UINT(view_step_at(&r.ui, 4, 40, 80), ==, 0);
	/* The boxes are where the names are drawn. */
	CHECK_INT((int)(strstr(row(2), "3 Competenties") - row(2)), >=, 32);
	CHECK_INT((int)(strstr(row(2), "3 Competenties") - row(2)), <, 48);
	rig_close(&r);
}

static void
test_projector(void)
{
	struct rig r;
	const char *s;

	rig_open(&r, 24, 80, "C.UTF-8");
	run(&r, r.anna, "table b3");
	r.ui.screen = UI_PROJECTOR;
	projector_draw(stdscr, &r.ui);
	check_widths();
	s = screen_text();
	CHECK_CONTAINS(s, "Stap 1 van 5: Betekenis");
	CHECK_CONTAINS(s, "\xe2\x96\x88\xe2\x96\x88");
	CHECK_CONTAINS(s, "nog niet gestart");
	CHECK_CONTAINS(s, "Wat betekent internationalisering voor jou?");
	CHECK_CONTAINS(s, "Op tafel: b3 Welke ontmoeting");
	CHECK_CONTAINS(row(22), CODE);
	CHECK_CONTAINS(row(22), HOST ":7557");
	CHECK_CONTAINS(row(23), "Anna*");
	rig_close(&r);

	/* Large: bigger digits. */
	rig_open(&r, 50, 160, "C.UTF-8");
	run(&r, r.anna, "start");
	r.ui.now = T0 + 21 * MINUTE;
	r.ui.screen = UI_PROJECTOR;
	view_draw(stdscr, &r.ui);
	check_widths();
	s = screen_text();
	CHECK_CONTAINS(s, "loopt");
	CHECK_CONTAINS(s, "+1:00 over tijd");
	CHECK_CONTAINS(s, "\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88\xe2\x96\x88");
	rig_close(&r);
}

/* Outside a UTF-8 locale: plain symbols, '?' for other characters. */
static void
test_plain_locale(void)
{
	struct rig r;

	rig_open(&r, 24, 80, "C");
	run(&r, r.bram, "note \xc3\xa9\xc3\xa9n caf\xc3\xa9");
	r.ui.screen = UI_PROJECTOR;
	projector_draw(stdscr, &r.ui);
	CHECK_CONTAINS(screen_text(), "###");
	r.ui.screen = UI_POSTER;
	draw(&r);
	CHECK_CONTAINS(screen_text(), "??n caf?");
	rig_close(&r);
}

static void
test_colour(void)
{
	struct rig r;

	rig_open(&r, 24, 80, "C.UTF-8");
	CHECK_INT(start_color(), ==, OK);
	view_colours(true);
	r.ui.colour = true;
	r.ui.flash = true;
	draw(&r);
	CHECK_CONTAINS(row(1), "20:00");
	CHECK_INT((int)PAIR_NUMBER(mvinch(0, 0) & A_COLOR), ==, UI_PAIR_HEADER);
	CHECK_INT((int)PAIR_NUMBER(mvinch(2, 1) & A_COLOR), ==,
	          UI_PAIR_TEAM_STEP);
	rig_close(&r);
}

/* Announces text in the rig's room as the server would. */
static void
announce(struct rig *r, const char *text)
{
	struct model_event ev;
	struct refusal why;

	memset(&ev, 0, sizeof ev);
	CHECK_INT(model_announce(&r->net->room, text, T0, &ev, &why), ==, 0);
	model_event_release(&ev);
}

/* A room of a workshop: the workshop beside the title, the facilitator's
 * message under the header (the steps move down a row, also for the
 * mouse), and the findings on step 5's page with their ids. */
static void
test_report_back(void)
{
	char text[1100];
	struct rig r;
	const char *s;
	int y;

	rig_open(&r, 24, 80, "C.UTF-8");
	r.ui.viewed_step = 5;
	draw(&r);
	CHECK(strstr(screen_text(), "Terugkoppeling") == NULL);
	CHECK(strstr(screen_text(), "begeleider") == NULL);
	CHECK(strstr(row(23), "bevinding") == NULL);
	CHECK_CONTAINS(row(2), "1 Betekenis");

	CHECK_INT(model_set_workshop(&r.net->room, "W3RK-5HQP", "Zorgdag"), ==,
	          0);
	announce(&r, "Om 15:00 terug in de aula");
	run(&r, r.bram, "note --step 5 Een studiereis naar Gent");
	run(&r, r.bram, "bevinding n1");
	run(&r, r.anna, "bevinding Taal eerst, dan de stage");
	draw(&r);
	CHECK_CONTAINS(row(0), TITLE " \xc2\xb7 Zorgdag  code " CODE);
	CHECK_STR(row(2), " Bericht van de begeleider: Om 15:00 terug in de aula");
	CHECK_CONTAINS(row(3), "1 Betekenis");
	CHECK_UINT(view_step_at(&r.ui, 2, 0, 80), ==, 0);
	CHECK_UINT(view_step_at(&r.ui, 3, 0, 80), ==, 1);
	CHECK_UINT(view_step_at(&r.ui, 4, 79, 80), ==, 5);
	CHECK_CONTAINS(row(23), "b bevinding");
	s = scroll_to(&r, "Terugkoppeling");
	CHECK_CONTAINS(s, "Terugkoppeling (2 van 3 bevindingen voor de studiedag)");
	y = row_of("t1 ");
	CHECK_INT(y, >, 0);
	CHECK_CONTAINS(row(y), "  t1  Een studiereis naar Gent");
	CHECK_CONTAINS(row(y + 1), "  t2  Taal eerst, dan de stage");
	CHECK_CONTAINS(row(y + 2), "(druk b voor nog een bevinding)");

	/* The projector shows the message too, under the question. */
	r.ui.screen = UI_PROJECTOR;
	projector_draw(stdscr, &r.ui);
	check_widths();
	s = screen_text();
	CHECK_CONTAINS(s, "Bericht van de begeleider: Om 15:00 terug in de aula");
	CHECK_CONTAINS(row(22), CODE);
	r.ui.screen = UI_POSTER;

	/* A long message takes two rows here and ends visibly. */
	for (y = 0; y < 198; y++)
		memcpy(text + 5 * y, "lang ", 5);
	text[5 * y - 1] = '\0';
	announce(&r, text);
	r.ui.scroll = 0;
	draw(&r);
	CHECK_CONTAINS(row(2), "Bericht van de begeleider: lang lang");
	CHECK_CONTAINS(row(3), "\xe2\x80\xa6");
	CHECK_CONTAINS(row(4), "1 Betekenis");
	CHECK_UINT(view_step_at(&r.ui, 4, 0, 80), ==, 1);
	/* Cleared, the steps come back up. */
	announce(&r, "");
	draw(&r);
	CHECK_CONTAINS(row(2), "1 Betekenis");
	rig_close(&r);
}

/* Every screen at every step on terminals from tiny to huge: nothing
 * wider than the terminal, nothing that crashes, in a finished session
 * full of long texts. */
static void
test_sizes(void)
{
	static const int sizes[][2] = {
		{ 3, 10 }, { 9, 39 }, { 10, 40 }, { 12, 50 }, { 24, 80 },
		{ 25, 81 }, { 30, 100 }, { 50, 160 }, { 70, 250 },
	};
	static const enum ui_screen screens[] = {
		UI_JOIN, UI_POSTER, UI_HELP, UI_PROJECTOR
	};
	char text[1100], line[1200];
	struct rig r;
	size_t i, k;
	unsigned step;

	rig_open(&r, 24, 80, "C.UTF-8");
	memset(text, 'w', 990);
	text[990] = '\0';
	for (i = 0; i < 3; i++) {
		snprintf(line, sizeof line, "question %s", text);
		run(&r, r.bram, line);
		snprintf(line, sizeof line, "activity add --home %s", text);
		run(&r, r.anna, line);
		snprintf(line, sizeof line, "action add --when 2027-01 %s", text);
		run(&r, r.anna, line);
	}
	run(&r, r.anna, "table e2");
	CHECK_INT(model_set_workshop(&r.net->room, "W3RK-5HQP", text + 870), ==,
	          0);
	announce(&r, text);
	snprintf(line, sizeof line, "bevinding %s", text);
	run(&r, r.bram, line);
	run(&r, r.anna, "finish");
	r.ui.message_kind = UI_MSG_WARNING;
	snprintf(r.ui.message, sizeof r.ui.message, "%.200s\n%.200s\n%s",
	         text, text, "nog 1 minuut");
	r.ui.typing = true;
	editline_set(&r.ui.line, text);
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		CHECK_INT(resizeterm(sizes[i][0], sizes[i][1]), ==, OK);
		for (k = 0; k < sizeof screens / sizeof screens[0]; k++)
			for (step = 1; step <= STEPS_COUNT; step++) {
				r.ui.screen = screens[k];
				r.ui.viewed_step = step;
				r.ui.scroll = (int)(step * 7);
				r.ui.connected = step != 2;
				r.ui.flash = step == 3;
				draw(&r);
				CHECK_INT(r.ui.page_lines, >=, 0);
			}
	}
	rig_close(&r);
}

CHECK_MAIN(CHECK_TEST(test_typing),
           CHECK_TEST(test_messages),
           CHECK_TEST(test_help),
           CHECK_TEST(test_join),
           CHECK_TEST(test_not_joined),
           CHECK_TEST(test_step_at),
           CHECK_TEST(test_projector),
           CHECK_TEST(test_plain_locale),
           CHECK_TEST(test_colour),
           CHECK_TEST(test_report_back),
           CHECK_TEST(test_sizes))
