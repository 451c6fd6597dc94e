/* Drawing the full-screen client: the poster (header, overview of the five
 * steps, a step's page, message line, footer or command line), the help
 * overlay and the join form. Drawing only reads the state in struct ui
 * and the room's mirror; keys are handled elsewhere (tui.c). */
#ifndef AANDESLAG_VIEW_H
#define AANDESLAG_VIEW_H

#include <curses.h>

#include "ui.h"

/* Sets up the colour pairs of enum ui_pair when colour is true (call
 * after start_color()); without colour the drawing uses bold, reverse and
 * underline only. */
void view_colours(bool colour);

/* Draws the screen ui->screen asks for (UI_JOIN, UI_POSTER, UI_HELP;
 * UI_PROJECTOR is projector_draw()) into w, which covers the terminal.
 * Stages with wnoutrefresh(); the caller calls doupdate(). Records in
 * ui->page_lines how long the step page was, for scrolling. */
void view_draw(WINDOW *w, struct ui *ui);

/* Returns the step (1..5) whose box in the overview lies at row y,
 * column x of a screen cols wide, or 0: for mouse clicks. */
unsigned view_step_at(const struct ui *ui, int y, int x, int cols);

#endif
