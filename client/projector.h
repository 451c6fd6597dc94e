/* The projector view: read-only and large, for the screen at the head of
 * the table. It follows the team's step and shows the clock, the step and
 * the question on the table so that they can be read across the room. */
#ifndef AANDESLAG_PROJECTOR_H
#define AANDESLAG_PROJECTOR_H

#include <curses.h>

#include "ui.h"

/* Rows of the big digits when a pixel is one row high. */
#define PROJECTOR_DIGIT_ROWS 5

/* Returns the width of s in pixels of the big digits (digits, ':' and
 * '+', a pixel between glyphs; other characters are left out). */
int projector_big_width(const char *s);

/* Draws s in big digits from row y, centred in the cols columns from
 * column 0, each pixel hx columns wide and vy rows high: the clock that
 * can be read across a room (the plenary's too). */
void projector_big(WINDOW *w, int y, int cols, attr_t attr, const char *s,
                   int hx, int vy);

/* Draws the projector view of ui's room into w (covering the terminal);
 * stages with wnoutrefresh(). */
void projector_draw(WINDOW *w, struct ui *ui);

#endif
