/* Shared rig for the tests of the full-screen client's drawing, headless
 * like tig's: curses draws into a terminal of its own (newterm on
 * /dev/null) at 80x24 or 160x50, and the screen is read back row by row.
 * The room is a real one, made with the model from commands in the line
 * mode's language, and handed to the view as the connection's mirror
 * would be. */
#ifndef AANDESLAG_VIEW_FIXTURE_H
#define AANDESLAG_VIEW_FIXTURE_H

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

static inline void
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

static inline uint32_t
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
static inline void
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

static inline void
run(struct rig *r, uint32_t actor, const char *text)
{
	run_at(r, actor, text, T0);
}

/* A room with Anna (chair, the one at this terminal), Bram and Carla
 * (away), seen at step 1 on a terminal rows x cols. */
static inline void
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

static inline void
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
static inline const char *
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
static inline const char *
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
static inline int
row_of(const char *needle)
{
	int y;

	for (y = 0; y < LINES; y++)
		if (strstr(row(y), needle) != NULL)
			return y;
	return -1;
}

/* Checks that no row is wider than the terminal, counting columns. */
static inline void
check_widths(void)
{
	int y;

	for (y = 0; y < LINES; y++)
		CHECK_INT(vt_width(row(y)), <=, COLS);
}

static inline void
draw(struct rig *r)
{
	view_draw(stdscr, &r->ui);
	check_widths();
}

/* Scrolls the page from the top until needle shows; returns the screen
 * then, or fails. */
static inline const char *
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

#endif
