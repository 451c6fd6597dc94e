/* The page of one step on the full-screen poster: its question card and
 * what the team put on the poster at that step (notes; the competence
 * model with dots and marks; activities; actions and the time plan). */
#ifndef AANDESLAG_VIEWSTEP_H
#define AANDESLAG_VIEWSTEP_H

#include <curses.h>

#include "ui.h"

/* Draws the page of ui->viewed_step of the joined room into the rows
 * [top, top + rows) of w, cols wide, from line *scroll on; a scroll past
 * the end is brought back to show the last screenful, and *scroll is set
 * to the first line shown. Returns how many lines the page has in all. */
int viewstep_draw(WINDOW *w, const struct ui *ui, int top, int rows,
                  int cols, int *scroll);

#endif
