/* The help over the poster: the keys and the commands. */
#ifndef AANDESLAG_VIEWHELP_H
#define AANDESLAG_VIEWHELP_H

#include <curses.h>

#include "ui.h"

/* Draws the help as a box over what w shows, from line ui->scroll on (a
 * scroll past the end shows the last screenful); returns how many lines
 * the help has. */
int viewhelp_draw(WINDOW *w, const struct ui *ui);

#endif
