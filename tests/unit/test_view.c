/* Tests for the full-screen client's drawing (view.c, viewstep.c,
 * viewparts.c, viewtext.c, projector.c), headless like tig's: curses
 * draws into a terminal of its own (newterm on /dev/null) at 80x24 or
 * 160x50, and the screen is read back row by row. The room is a real one,
 * made with the model from commands in the line mode's language, and
 * handed to the view as the connection's mirror would be. */
#include "check.h"

#include <curses.h>
#include <errno.h>
#include <inttypes.h>
#include <locale.h>
#include <stdint.h>
#include <wchar.h>

#include "cmd.h"
#include "content.h"
#include "editline.h"
#include "model.h"
#include "net.h"
#include "poster.h"
#include "projector.h"
#include "strbuf.h"
#include "ui.h"
#include "view.h"
#include "viewtext.h"

#ifndef SOURCE_DIR
#define SOURCE_DIR "."
#endif

#define CODE "K7QM-2XPD"
#define TITLE "Teamsessie Zorg"
#define HOST "192.168.1.10"
#define PORT 7557
#define T0 INT64_C(5000000)
#define MINUTE INT64_C(60000)
/* Bytes of the whole screen read back. */
#define SCREEN_MAX 65536

/* A terminal, a room as the mirror holds it and the view's state. */
struct rig {
	SCREEN *screen;
	FILE *out, *in;
	struct content content;
	struct net *net;
	struct ui ui;
	uint32_t anna, bram, carla;
};

static char screen_buf[SCREEN_MAX];

static void
terminal(struct rig *r, int rows, int cols)
{
	r->out = fopen("/dev/null", "w");
	r->in = fopen("/dev/null", "r");
	CHECK(r->out != NULL && r->in != NULL);
	r->screen = newterm("xterm-256color", r->out, r->in);
	CHECK(r->screen != NULL);
	CHECK_INT(resizeterm(rows, cols), ==, OK);
	CHECK_INT(LINES, ==, rows);
	CHECK_INT(COLS, ==, cols);
}

static uint32_t
seat(struct rig *r, const char *name, int role)
{
	struct model_event ev;
	struct refusal why;

	memset(&ev, 0, sizeof ev);
	CHECK_INT(model_join(&r->net->room, name, role, T0, &ev, &why), ==, 0);
	model_event_release(&ev);
	return ev.participant.id;
}

/* Runs a line of the command language as actor at now. */
static void
run_at(struct rig *r, uint32_t actor, const char *text, int64_t now)
{
	char line[4096], error[CMD_ERROR_SIZE];
	struct model_event ev;
	struct refusal why;
	struct cmd cmd;

	memset(&ev, 0, sizeof ev);
	snprintf(line, sizeof line, "%s", text);
	if (cmd_parse(line, &r->net->room, actor, &cmd, error) != 0)
		CHECK_FAIL("%s: %s", text, error);
	CHECK_INT(cmd.kind, ==, CMD_REMOTE);
	if (model_execute(&r->net->room, actor, &cmd.command, now, &ev,
	                  &why) != 0)
		CHECK_FAIL("%s: refused (%s)", text, refusal_name(why.code));
	model_event_release(&ev);
}

static void
run(struct rig *r, uint32_t actor, const char *text)
{
	run_at(r, actor, text, T0);
}

/* A room with Anna (chair, the one at this terminal), Bram and Carla
 * (away), seen at step 1 on a terminal rows x cols. */
static void
rig_open(struct rig *r, int rows, int cols, const char *locale)
{
	char err[CONTENT_ERROR_SIZE];
	struct refusal why;
	size_t k;

	memset(r, 0, sizeof *r);
	CHECK(setlocale(LC_ALL, locale) != NULL);
	terminal(r, rows, cols);
	CHECK_INT(content_load(&r->content, SOURCE_DIR "/data/content.yaml",
	                       err), ==, 0);
	r->net = calloc(1, sizeof *r->net);
	CHECK(r->net != NULL);
	CHECK_INT(model_init(&r->net->room, &r->content, CODE, TITLE, 1, &why),
	          ==, 0);
	r->net->have_room = true;
	r->anna = seat(r, "Anna", AANDESLAG__ROLE__ROLE_CHAIR);
	r->bram = seat(r, "Bram", AANDESLAG__ROLE__ROLE_PARTICIPANT);
	r->carla = seat(r, "Carla", AANDESLAG__ROLE__ROLE_PARTICIPANT);
	r->net->room.participants[2].connected = false;
	r->net->self_id = r->anna;
	r->ui.screen = UI_POSTER;
	r->ui.net = r->net;
	r->ui.joined = true;
	r->ui.connected = true;
	r->ui.host = HOST;
	r->ui.port = PORT;
	r->ui.now = T0;
	r->ui.viewed_step = 1;
	r->ui.follow_team = true;
	editline_clear(&r->ui.line);
	for (k = 0; k < UI_FIELDS; k++)
		editline_clear(&r->ui.join[k]);
}

static void
rig_close(struct rig *r)
{
	endwin();
	delscreen(r->screen);
	fclose(r->out);
	fclose(r->in);
	model_free(&r->net->room);
	free(r->net);
	content_free(&r->content);
}

/* Returns row y of the screen as UTF-8, trailing spaces left off. */
static const char *
row(int y)
{
	static char out[4096];
	wchar_t wide[1024];
	size_t n;
	int got;

	got = mvinnwstr(y, 0, wide, COLS < 1023 ? COLS : 1023);
	CHECK_INT(got, !=, ERR);
	wide[got] = L'\0';
	n = wcstombs(out, wide, sizeof out - 1);
	CHECK(n != (size_t)-1);
	out[n] = '\0';
	while (n > 0 && out[n - 1] == ' ')
		out[--n] = '\0';
	return out;
}

/* Returns the whole screen, rows separated by newlines. */
static const char *
screen_text(void)
{
	size_t len = 0, n;
	int y;

	screen_buf[0] = '\0';
	for (y = 0; y < LINES; y++) {
		n = strlen(row(y));
		CHECK(len + n + 2 < sizeof screen_buf);
		memcpy(screen_buf + len, row(y), n);
		len += n;
		screen_buf[len++] = '\n';
		screen_buf[len] = '\0';
	}
	return screen_buf;
}

/* Returns the first row holding needle, or -1. */
static int
row_of(const char *needle)
{
	int y;

	for (y = 0; y < LINES; y++)
		if (strstr(row(y), needle) != NULL)
			return y;
	return -1;
}

/* Checks that no row is wider than the terminal, counting columns. */
static void
check_widths(void)
{
	int y;

	for (y = 0; y < LINES; y++)
		CHECK_INT(vt_width(row(y)), <=, COLS);
}

static void
draw(struct rig *r)
{
	view_draw(stdscr, &r->ui);
	check_widths();
}

/* Scrolls the page from the top until needle shows; returns the screen
 * then, or fails. */
static const char *
scroll_to(struct rig *r, const char *needle)
{
	for (r->ui.scroll = 0; r->ui.scroll < 400; r->ui.scroll++) {
		draw(r);
		if (strstr(screen_text(), needle) != NULL)
			return screen_text();
		if (r->ui.scroll > r->ui.page_lines)
			break;
	}
	CHECK_FAIL("\"%s\" is not on the page", needle);
}

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
	draw(&r);
	CHECK_CONTAINS(row(0), "opnieuw verbinden");
	CHECK_CONTAINS(row(0), CODE);
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

CHECK_MAIN(
	CHECK_TEST(test_header),
	CHECK_TEST(test_clock),
	CHECK_TEST(test_step_page),
	CHECK_TEST(test_competences),
	CHECK_TEST(test_activities),
	CHECK_TEST(test_actions),
	CHECK_TEST(test_long_notes),
	CHECK_TEST(test_typing),
	CHECK_TEST(test_messages),
	CHECK_TEST(test_help),
	CHECK_TEST(test_join),
	CHECK_TEST(test_not_joined),
	CHECK_TEST(test_step_at),
	CHECK_TEST(test_projector),
	CHECK_TEST(test_plain_locale),
	CHECK_TEST(test_colour),
	CHECK_TEST(test_sizes),
)
