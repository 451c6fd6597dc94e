/* A headless terminal with a study day's status and the screen's state,
 * without a room of its own: the rig the facilitator's screen and the
 * plenary projector are drawn on in their tests. */
#ifndef AANDESLAG_WSRIG_FIXTURE_H
#define AANDESLAG_WSRIG_FIXTURE_H

#include "view_fixture.h"
#include "ws_fixture.h"

struct wsrig {
	struct rig r;           /* only its terminal */
	struct ws_fixture f;
	struct ui ui;
};

/* Opens a rows x cols terminal in locale showing screen. */
static inline void
wsrig_open(struct wsrig *t, int rows, int cols, const char *locale,
           enum ui_screen screen)
{
	memset(t, 0, sizeof *t);
	CHECK(setlocale(LC_ALL, locale) != NULL);
	terminal(&t->r, rows, cols);
	ws_open(&t->f, true);
	t->ui.screen = screen;
	t->ui.connected = true;
	t->ui.joined = true;
	editline_clear(&t->ui.line);
}

static inline void
wsrig_close(struct wsrig *t)
{
	endwin();
	delscreen(t->r.screen);
	fclose(t->r.out);
	fclose(t->r.in);
	ws_close(&t->f);
}

#endif
