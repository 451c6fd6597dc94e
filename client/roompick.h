/* The room picker of a workshop: before a colleague joins a study day,
 * the full screen lists its groups (number, name, programme, seats taken)
 * and the colleague chooses one, or leaves the choice to the
 * facilitator's assignment. It only draws; its keys are tuiws.c's. */
#ifndef AANDESLAG_ROOMPICK_H
#define AANDESLAG_ROOMPICK_H

#include <curses.h>

#include "ui.h"

/* Draws the picker of ui->rooms into w (covering the terminal) and
 * stages it with wnoutrefresh(); the caller calls doupdate().
 *
 * The list shows every group with its number, name, programme (while
 * the width allows), seats taken of seats and a note: "jouw groep" for
 * the one the facilitator assigned (ui->rooms->assigned), "vol" for a
 * full one; last comes the line for no preference, which says where
 * that leads. The line of ui->room_choice (0: no preference) is
 * highlighted and scrolled into view. Of ui it also reads colour,
 * connecting (a new list is on its way) and the message line. With
 * ui->rooms NULL it says that the list is awaited. Smaller than 40x10 it
 * asks for a bigger window. */
void roompick_draw(WINDOW *w, struct ui *ui);

#endif
