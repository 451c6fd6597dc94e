/* The projector view: read-only and large, for the screen at the head of
 * the table. It follows the team's step and shows the clock, the step and
 * the question on the table so that they can be read across the room. */
#ifndef AANDESLAG_PROJECTOR_H
#define AANDESLAG_PROJECTOR_H

#include <curses.h>

#include "ui.h"

/* Draws the projector view of ui's room into w (covering the terminal);
 * stages with wnoutrefresh(). */
void projector_draw(WINDOW *w, struct ui *ui);

#endif
