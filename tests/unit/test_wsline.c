/* Tests for wsline.c: the line mode's overview of a workshop and its
 * report back, line by line, exactly as wsline.h documents them. */
#include "ws_fixture.h"

#include <stdio.h>
#include <stdlib.h>

#include "wsline.h"

/* The output of one call, kept until the next. */
static char *text;
static size_t text_len;

static FILE *
open_text(void)
{
	FILE *out;

	free(text);
	text = NULL;
	out = open_memstream(&text, &text_len);
	CHECK(out != NULL);
	return out;
}

/* Frees the last output, at the end of a test. */
static void
forget(void)
{
	free(text);
	text = NULL;
}

static const char *
status(struct ws_fixture *f, int64_t age, bool with_content)
{
	FILE *out = open_text();

	wsline_status(out, &f->ws, age, with_content ? &f->content : NULL);
	CHECK_INT(fclose(out), ==, 0);
	return text;
}

static const char *
report(struct ws_fixture *f, int64_t age)
{
	FILE *out = open_text();

	wsline_report(out, &f->ws, age, &f->content);
	CHECK_INT(fclose(out), ==, 0);
	return text;
}

static void
test_status(void)
{
	struct ws_fixture f;

	ws_open(&f, true);
	CHECK_STR(status(&f, 0, true),
	          "workshop W4KP-7QRT Studiedag internationalisering 2027-03-15\n"
	          "groep 1 Zorg K7QM-2XPD 5/7 (4 verbonden) voorzitter Anna stap 3 Competenties 12:04 loopt bevindingen 2/3\n"
	          "groep 2 Techniek M3TR-9HJK 4/7 (4 verbonden) voorzitter Joost stap 2 Relevantie 15:30 pauze bevindingen 0/3\n"
	          "groep 3 Economie en Ondernemen P6VB-4WNC 6/7 (6 verbonden) voorzitter - stap 1 Betekenis 20:00 niet gestart bevindingen 0/3\n"
	          "groep 4 Sport en Bewegen Q2XD-8YLF 4/7 (3 verbonden) voorzitter Jan van Dijk stap 5 Aan de slag +1:05 overtijd bevindingen 3/3\n"
	          "deelnemers 1 Anna, Bram, Carla, Dewi, Eva\n"
	          "deelnemers 2 Joost, Karim, Lotte, Mehmet\n"
	          "deelnemers 3 Noor, Omar, Pim, Roos, Sanne, Tim\n"
	          "deelnemers 4 Jan van Dijk, Anna, Wout, Yara\n"
	          "bericht Om 12:00 lunch in de kantine. Daarna de terugkoppeling in de aula.\n"
	          "rooster 09:00 Welkom en uitleg\n"
	          "rooster 09:30 Werken in groepen\n"
	          "rooster 12:00 Lunch\n"
	          "rooster 13:30 Plenaire terugkoppeling (terugkoppeling)\n"
	          "rooster 15:00 Afsluiting\n"
	          "terugkoppeling nog niet begonnen\n");
	ws_close(&f);
	forget();
}

/* Running clocks tick down by the status's age; the others stand. */
static void
test_status_ticks(void)
{
	struct ws_fixture f;
	const char *s;

	ws_open(&f, true);
	s = status(&f, 64000, true);
	CHECK_CONTAINS(s, "stap 3 Competenties 11:00 loopt");
	CHECK_CONTAINS(s, "stap 2 Relevantie 15:30 pauze");
	CHECK_CONTAINS(s, "stap 1 Betekenis 20:00 niet gestart");
	CHECK_CONTAINS(s, "stap 5 Aan de slag +2:09 overtijd");
	/* Into overtime while nobody looked. */
	s = status(&f, 12 * WS_MINUTE + 5000, true);
	CHECK_CONTAINS(s, "stap 3 Competenties +0:01 overtijd");
	ws_close(&f);
	forget();
}

/* Without content, empty fields and a finished room. */
static void
test_status_sparse(void)
{
	struct ws_fixture f;
	const char *s;

	ws_open(&f, false);
	f.ws.date = (char *)"";
	f.ws.announcement = (char *)"";
	f.ws.n_schedule = 0;
	f.rooms[0].msg.finished = true;
	f.rooms[1].msg.clock = NULL;
	f.rooms[2].msg.n_participants = 0;
	f.rooms[3].clock.duration_ms = 0;       /* out of range */
	f.ws.code = (char *)"w4kp7qrt";
	s = status(&f, 0, false);
	CHECK_CONTAINS(s, "workshop W4KP-7QRT Studiedag internationalisering\n");
	/* The method's own step names without content. */
	CHECK_CONTAINS(s, "groep 1 Zorg K7QM-2XPD 5/7 (4 verbonden) voorzitter Anna stap 3 Competenties 12:04 afgerond bevindingen 2/3\n");
	CHECK_CONTAINS(s, "stap 2 Relevantie --:-- niet gestart");
	CHECK_CONTAINS(s, "stap 5 Aan de slag --:-- niet gestart");
	CHECK_CONTAINS(s, "deelnemers 3 -\n");
	CHECK_CONTAINS(s, "bericht -\n");
	CHECK_CONTAINS(s, "rooster -\n");
	ws_close(&f);
	forget();
}

static void
test_report_none(void)
{
	struct ws_fixture f;

	ws_open(&f, true);
	CHECK_STR(report(&f, 0), "terugkoppeling nog niet begonnen\n");
	f.ws.report = NULL;
	CHECK_STR(report(&f, 0), "terugkoppeling nog niet begonnen\n");
	ws_close(&f);
	forget();
}

static void
test_report_room(void)
{
	struct ws_fixture f;

	ws_open(&f, true);
	ws_report(&f, 1, 4 * WS_MINUTE);
	CHECK_STR(report(&f, 30000),
	          "terugkoppeling groep 1 van 4 Zorg 3:30 loopt\n"
	          "opleiding Verpleegkunde\n"
	          "bevinding 1: Studenten willen graag stage lopen in een ziekenhuis in Belgi\xc3\xab.\n"
	          "bevinding 2: Engels spreken aan het bed is voor veel studenten een drempel.\n"
	          "competentie: Open en nieuwsgierige houding\n"
	          "competentie: Durven spreken in een vreemde taal\n"
	          "actie: Contact leggen met een ziekenhuis in Gent (wie: Anna, Bram; wanneer: mei 2027; status: open)\n"
	          "actie: Gastles over de zorg in Duitsland (wie: het team; wanneer: periode 3; status: bezig)\n");
	/* A room with nothing yet says so. */
	ws_report(&f, 2, 5 * WS_MINUTE);
	f.report_clock.state = CLK(PAUSED);
	CHECK_STR(report(&f, 30000),
	          "terugkoppeling groep 2 van 4 Techniek 5:00 pauze\n"
	          "opleiding Mechatronica\n"
	          "bevindingen: geen\n"
	          "competenties: geen\n"
	          "acties: geen\n");
	ws_report(&f, 4, 5 * WS_MINUTE);
	CHECK_CONTAINS(report(&f, 0),
	               "actie: Lijst van clubs over de grens maken (wie: !! nog niemand; status: klaar)\n");
	CHECK_CONTAINS(report(&f, 0),
	               "actie: Uitwisseling met Aken voorbereiden (wie: Jan van Dijk; wanneer: 1 september 2027; status: open)\n");
	/* A turn of a room that is not there: only the phase. */
	ws_report(&f, 9, 5 * WS_MINUTE);
	CHECK_STR(report(&f, 0), "terugkoppeling groep 9 van 4 ? 5:00 loopt\n");
	ws_close(&f);
	forget();
}

static void
test_report_overview(void)
{
	struct ws_fixture f;
	const char *s;

	ws_open(&f, true);
	ws_report(&f, 0, 0);
	s = report(&f, 0);
	CHECK_STR(s,
	          "terugkoppeling overzicht van alle groepen\n"
	          "groep 1 Zorg\n"
	          "  bevinding 1: Studenten willen graag stage lopen in een ziekenhuis in Belgi\xc3\xab.\n"
	          "  bevinding 2: Engels spreken aan het bed is voor veel studenten een drempel.\n"
	          "  competentie: Open en nieuwsgierige houding\n"
	          "  competentie: Durven spreken in een vreemde taal\n"
	          "  acties: 2\n"
	          "groep 2 Techniek\n"
	          "  bevindingen: geen\n"
	          "  competenties: geen\n"
	          "  acties: 0\n"
	          "groep 3 Economie en Ondernemen\n"
	          "  bevindingen: geen\n"
	          "  competenties: geen\n"
	          "  acties: 0\n"
	          "groep 4 Sport en Bewegen\n"
	          "  bevinding 1: Sportverenigingen over de grens zoeken stagiairs.\n"
	          "  bevinding 2: We willen een uitwisseling met een school in Aken.\n"
	          "  bevinding 3: Collega's kennen de Erasmus+-subsidie nog te weinig.\n"
	          "  competentie: Samenwerken in een internationale of diverse groep\n"
	          "  acties: 3\n");
	/* Without content the competences go by their ids. */
	content_free(&f.content);
	CHECK_CONTAINS(report(&f, 0), "  competentie: open-houding\n");
	ws_close(&f);
	forget();
}

CHECK_MAIN(CHECK_TEST(test_status),
           CHECK_TEST(test_status_ticks),
           CHECK_TEST(test_status_sparse),
           CHECK_TEST(test_report_none),
           CHECK_TEST(test_report_room),
           CHECK_TEST(test_report_overview))
