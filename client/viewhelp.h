/* The help over the poster: the keys and the commands; and the same box
 * for other help texts (the facilitator's). */
#ifndef AANDESLAG_VIEWHELP_H
#define AANDESLAG_VIEWHELP_H

#include <curses.h>
#include <stddef.h>

#include "ui.h"

/* Draws the help as a box over what w shows, from line ui->scroll on (a
 * scroll past the end shows the last screenful); returns how many lines
 * the help has. */
int viewhelp_draw(WINDOW *w, const struct ui *ui);

/* Draws the texts parts[0..nparts) the same way, one after the other,
 * in a box titled title; returns how many lines they have. Lines of a
 * text are laid out as a list: flush left is a heading, indented lines
 * go on under where their description starts (after two spaces). */
int viewhelp_box(WINDOW *w, const struct ui *ui, const char *title,
                 const char *const *parts, size_t nparts);

#endif
