/* Tests for view.c, viewstep.c and viewparts.c: the header and pages. */
#include "view_fixture.h"

/* --------------------------------------------------------------- tests */

static void
test_header(void)
{
	struct rig r;

	rig_open(&r, 24, 80, "C.UTF-8");
	draw(&r);
	CHECK_CONTAINS(row(0), TITLE);
	CHECK_CONTAINS(row(0), CODE);
	CHECK_CONTAINS(row(0), HOST ":7557");
	CHECK_CONTAINS(row(0), "verbonden");
	CHECK_CONTAINS(row(1), "Stap 1/5 Betekenis");
	CHECK_CONTAINS(row(1), "20:00");
	CHECK_CONTAINS(row(1), "nog niet gestart");
	CHECK_CONTAINS(row(1), "einde \xc2\xb1 ");
	/* Carla is away: in parentheses; Anna is the chair. */
	CHECK_CONTAINS(row(1), "Anna*");
	CHECK_CONTAINS(row(1), "(Carla)");
	/* The five steps, the viewed one in brackets. */
	CHECK_CONTAINS(row(2), "[1 Betekenis]");
	CHECK_CONTAINS(row(2), "2 Relevantie");
	CHECK_CONTAINS(row(2), "3 Competenties");
	CHECK_CONTAINS(row(2), "4 Activiteiten");
	CHECK_CONTAINS(row(2), "5 Aan de slag");
	CHECK_CONTAINS(row(3), "0 notities");
	CHECK_CONTAINS(row(23), "? hulp");
	CHECK_CONTAINS(row(23), "q stoppen");

	/* Lost connection; the room stays on screen. */
	r.ui.connected = false;
	r.ui.reconnecting = true;
	r.ui.attempt = 1;
	draw(&r);
	CHECK_CONTAINS(row(0), "opnieuw verbinden");
	CHECK_CONTAINS(row(0), CODE);
	r.ui.attempt = 3;
	draw(&r);
	CHECK_CONTAINS(row(0), "opnieuw verbinden\xe2\x80\xa6 (poging 3)");
	/* Given up: no promise of coming back. */
	r.ui.reconnecting = false;
	draw(&r);
	CHECK_CONTAINS(row(0), "verbinding verbroken");
	CHECK(strstr(row(0), "opnieuw") == NULL);
	rig_close(&r);
}

static void
test_clock(void)
{
	struct rig r;

	rig_open(&r, 24, 80, "C.UTF-8");
	run(&r, r.anna, "start");
	r.ui.now = T0 + 5 * MINUTE;
	draw(&r);
	CHECK_CONTAINS(row(1), "15:00");
	CHECK_CONTAINS(row(1), "loopt");
	/* A quarter of the step: the bar is partly full. */
	CHECK_CONTAINS(row(1), "[\xe2\x96\x88");
	CHECK_CONTAINS(row(1), "\xe2\x96\x91]");

	r.ui.now = T0 + 21 * MINUTE + 5000;
	draw(&r);
	CHECK_CONTAINS(row(1), "+1:05 over tijd");

	run_at(&r, r.anna, "pause", r.ui.now);
	r.ui.flash = true;
	draw(&r);
	CHECK_CONTAINS(row(1), "pauze");
	CHECK_CONTAINS(row(1), "+1:05");
	CHECK(strstr(row(1), "server") == NULL);

	/* Paused by a server that stopped: the header says so, until the
	 * chair resumes the clock. */
	run_at(&r, r.anna, "resume", r.ui.now);
	{
		struct model_event ev;

		CHECK_INT(model_interrupt(&r.net->room, r.ui.now, &ev), ==, 0);
	}
	draw(&r);
	CHECK_CONTAINS(row(1), "de server viel weg");
	run_at(&r, r.anna, "resume", r.ui.now);
	draw(&r);
	CHECK(strstr(row(1), "server") == NULL);
	CHECK_CONTAINS(row(1), "loopt");
	rig_close(&r);
}

static void
test_step_page(void)
{
	struct rig r;
	const char *s;

	rig_open(&r, 24, 80, "C.UTF-8");
	run(&r, r.bram, "note Wij gingen naar \xc3\xa9\xc3\xa9n caf\xc3\xa9 in Gent");
	run(&r, r.anna, "question Wat deed je in de zomer?");
	run(&r, r.anna, "table b3");
	draw(&r);
	s = screen_text();
	CHECK_CONTAINS(s, "Stap 1 Betekenis");
	CHECK_CONTAINS(s, "20 minuten");
	CHECK_CONTAINS(s, "Wat betekent internationalisering voor jou?");
	CHECK_CONTAINS(s, "Op tafel: b3 Welke ontmoeting");
	CHECK_CONTAINS(row(3), "1 notitie");
	CHECK(r.ui.page_lines > 24);
	/* The team's notes show without scrolling, with diacritics. */
	CHECK_CONTAINS(s, "Notities (1)");
	CHECK_CONTAINS(s, "n1");
	CHECK_CONTAINS(s, "Bram: Wij gingen naar \xc3\xa9\xc3\xa9n caf\xc3\xa9 in Gent");
	CHECK_CONTAINS(s, "regel 1-18 van 29");
	/* Further down: the card with the team's own question. */
	s = scroll_to(&r, "eigen vraag van Anna");
	CHECK_CONTAINS(s, "b1");
	CHECK_CONTAINS(s, "e1");
	CHECK_CONTAINS(s, "\xe2\x96\xb6 b3");
	r.ui.scroll = 1000;
	draw(&r);
	CHECK_CONTAINS(screen_text(), "Hulpbronnen:");
	CHECK_CONTAINS(row(22), "regel 12-29 van 29");
	r.ui.scroll = 0;

	/* An anonymous room hides the names. */
	run(&r, r.anna, "set anonymous on");
	draw(&r);
	s = screen_text();
	CHECK_CONTAINS(s, "Wij gingen naar");
	CHECK(strstr(s, "Bram: Wij") == NULL);

	/* Another step than the team's: the way back is on top. */
	r.ui.viewed_step = 2;
	r.ui.scroll = 0;
	draw(&r);
	CHECK_CONTAINS(row(2), "[2 Relevantie]");
	CHECK_CONTAINS(row(4), "Het team is bij stap 1 Betekenis");
	CHECK_CONTAINS(row(4), "druk t om erheen te gaan");
	CHECK_CONTAINS(row(5), "Stap 2 Relevantie");
	CHECK_CONTAINS(row(23), "t team");
	rig_close(&r);
}

static void
test_competences(void)
{
	struct rig r;
	const char *s;

	rig_open(&r, 24, 80, "C.UTF-8");
	run(&r, r.anna, "goto 3");
	run(&r, r.anna, "vote open-houding");
	run(&r, r.bram, "vote open-houding");
	run(&r, r.bram, "vote vreemde-taal");
	run(&r, r.anna, "mark open-houding");
	r.ui.viewed_step = 3;
	draw(&r);
	CHECK_CONTAINS(row(1), "Stap 3/5 Competenties");
	CHECK_CONTAINS(row(3), "3\xe2\x97\x8f 1 gekozen");
	CHECK_CONTAINS(row(23), "v stip");
	CHECK_CONTAINS(row(23), "m kiezen");
	CHECK_CONTAINS(row(23), "? hulp");
	s = scroll_to(&r, "Omgaan met verschillen");
	CHECK_CONTAINS(s, "Jouw stippen: 1 gezet, 2 over.");
	CHECK_CONTAINS(s, "open-houding                Open en nieuwsgierige houding  \xe2\x97\x8f\xe2\x97\x8f 2 \xe2\x9c\x93 gekozen");
	CHECK_CONTAINS(s, "vreemde-taal                Durven spreken in een vreemde taal  \xe2\x97\x8f 1");
	s = scroll_to(&r, "Reflecteren op de eigen ontwikkeling");
	CHECK_CONTAINS(s, "flexibiliteit               Flexibiliteit en aanpassingsvermogen\n");

	/* Hidden votes: only one's own dots. */
	run(&r, r.anna, "votes hidden");
	s = scroll_to(&r, "Gezet:");
	CHECK_CONTAINS(s, "Stemmen verborgen");
	CHECK_CONTAINS(s, "Gezet: Anna 1, Bram 2, Carla 0");
	s = scroll_to(&r, "Omgaan met verschillen");
	CHECK_CONTAINS(s, "Open en nieuwsgierige houding  \xe2\x97\x8f 1");
	CHECK_CONTAINS(s, "Durven spreken in een vreemde taal\n");
	rig_close(&r);
}

static void
test_activities(void)
{
	struct rig r;
	const char *s;

	rig_open(&r, 50, 160, "C.UTF-8");
	run(&r, r.anna, "mark open-houding");
	run(&r, r.anna, "mark vreemde-taal");
	run(&r, r.anna, "activity add --from stage-buitenland --done --abroad --for open-houding");
	run(&r, r.anna, "activity add --home Taalcaf\xc3\xa9 met de buurt");
	r.ui.viewed_step = 4;
	draw(&r);
	s = screen_text();
	CHECK_CONTAINS(row(3), "2 activiteiten");
	CHECK_CONTAINS(s, "a1");
	CHECK_CONTAINS(s, "Stage in het buitenland (bpv)");
	CHECK_CONTAINS(s, "doen we al");
	CHECK_CONTAINS(s, "in het buitenland");
	CHECK_CONTAINS(s, "Taalcaf\xc3\xa9 met de buurt");
	CHECK_CONTAINS(s, "nieuw");
	CHECK_CONTAINS(s, "in eigen land");
	CHECK_CONTAINS(s, "competenties: Open en nieuwsgierige houding");
	CHECK_CONTAINS(s, "Gekozen competenties zonder activiteit (1):");
	CHECK_CONTAINS(s, "Durven spreken in een vreemde taal");
	/* Wide: card and content side by side, with a rule under the
	 * steps. */
	CHECK(row_of("Activiteiten (2)") == row_of("Stap 4 Activiteiten"));
	CHECK_CONTAINS(row(4), "\xe2\x94\x80");
	CHECK_CONTAINS(row(23 + 26), "a activiteit");
	rig_close(&r);
}

static void
test_actions(void)
{
	struct rig r;
	const char *s;

	rig_open(&r, 24, 80, "C.UTF-8");
	run(&r, r.anna, "goto 5");
	run(&r, r.anna, "action add --owner Bram --team --needs financien,partners --years 2 --when 2027-03 Contact leggen met een partnerschool");
	run(&r, r.anna, "action add --when \"periode 2\" Gastles regelen");
	run(&r, r.anna, "action add --owner me --years 1 --when 2027-09-15 --status bezig Taalcaf\xc3\xa9 opzetten");
	r.ui.viewed_step = 5;
	draw(&r);
	CHECK_CONTAINS(row(3), "1 zonder wie!");
	CHECK_CONTAINS(row(23), "x actie");
	CHECK_CONTAINS(row(23), "c claimen");
	CHECK_CONTAINS(row(23), "? hulp");
	s = scroll_to(&r, "wie: nog niemand!");
	CHECK_CONTAINS(s, "p1");
	CHECK_CONTAINS(s, "Contact leggen met een partnerschool");
	CHECK_CONTAINS(s, "wie: Bram, het team");
	CHECK_CONTAINS(s, "financi\xc3\xabn, partners");
	CHECK_CONTAINS(s, "leerjaar 2");
	CHECK_CONTAINS(s, "maart 2027");
	CHECK_CONTAINS(s, "wie: nog niemand!");
	s = scroll_to(&r, "Anna (jij)");
	CHECK_CONTAINS(s, "Taalcaf\xc3\xa9 opzetten");
	s = scroll_to(&r, "periode 2: Gastles regelen (nog niemand!; open)");
	CHECK_CONTAINS(s, "Tijdsplan");
	CHECK_CONTAINS(s, "Leerjaar 1");
	CHECK_CONTAINS(s, "september 2027");
	CHECK_CONTAINS(s, "15 september 2027: Taalcaf\xc3\xa9 opzetten");
	CHECK_CONTAINS(s, "Leerjaar 2");
	CHECK_CONTAINS(s, "Nog zonder datum of maand");
	CHECK_CONTAINS(s, "periode 2: Gastles regelen (nog niemand!; open)");
	/* Scrolled past the end: the last screenful, not an empty page. */
	r.ui.scroll = 1000;
	draw(&r);
	CHECK(r.ui.page_lines > 20);
	CHECK_CONTAINS(screen_text(), "Hulpbronnen:");
	CHECK_CONTAINS(row(22), "regel");
	rig_close(&r);
}

static void
test_long_notes(void)
{
	struct rig r;
	char text[1200], line[1300];
	const char *s;
	int i, y;

	rig_open(&r, 24, 80, "C.UTF-8");
	/* 1000 bytes without a space: broken by columns. */
	memset(text, 'x', 997);
	memcpy(text + 997, "@@@", 4);
	snprintf(line, sizeof line, "note %s", text);
	run(&r, r.bram, line);
	/* Wide characters: two columns each, never split at the edge. */
	text[0] = '\0';
	for (i = 0; i < 110; i++)
		strcat(text, "\xe6\x97\xa5\xe6\x9c\xac ");
	snprintf(line, sizeof line, "note %s", text);
	run(&r, r.bram, line);
	for (i = 0; i < 60; i++) {
		snprintf(line, sizeof line, "note nummer %d", i);
		run(&r, r.anna, line);
	}
	for (r.ui.scroll = 0; r.ui.scroll < 200; r.ui.scroll += 7) {
		draw(&r);
		/* Nothing spills into the message line or the footer. */
		CHECK(strstr(row(22), "xxx") == NULL);
		CHECK_CONTAINS(row(23), "? hulp");
		CHECK_CONTAINS(row(2), "[1 Betekenis]");
	}
	CHECK(r.ui.page_lines > 80);
	r.ui.scroll = 0;
	for (r.ui.scroll = 0; r.ui.scroll < r.ui.page_lines; r.ui.scroll++) {
		draw(&r);
		if (row_of("@@@") >= 4)
			break;
	}
	y = row_of("@@@");
	CHECK_INT(y, >=, 4);
	s = scroll_to(&r, "nummer 59");
	CHECK_CONTAINS(s, "n62");
	r.ui.scroll = 100000;
	draw(&r);
	CHECK_CONTAINS(screen_text(), "Hulpbronnen:");
	rig_close(&r);
}

CHECK_MAIN(CHECK_TEST(test_header),
           CHECK_TEST(test_clock),
           CHECK_TEST(test_step_page),
           CHECK_TEST(test_competences),
           CHECK_TEST(test_activities),
           CHECK_TEST(test_actions),
           CHECK_TEST(test_long_notes))
