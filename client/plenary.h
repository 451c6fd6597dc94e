/* The plenary projector of a workshop: the screen in the hall for the
 * report back (terugkoppeling), read-only and large. Before the report
 * back a waiting screen with the rooms and the facilitator's message;
 * during a room's turn that room's findings, chosen competences and
 * actions with the turn's clock in big digits; at the end every room
 * side by side. */
#ifndef AANDESLAG_PLENARY_H
#define AANDESLAG_PLENARY_H

#include <curses.h>
#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "content.h"
#include "ui.h"

/* Draws the plenary screen of ws into w (covering the terminal) and
 * stages it with wnoutrefresh(); the caller calls doupdate().
 *
 * The phase of ws->report decides what is shown: REPORT_NONE the
 * waiting screen (title, every room's name, chair, step and clock, the
 * message to the rooms, the workshop's code to join with), REPORT_ROOM
 * the room whose turn it is (its name large, its programme, the turn's
 * clock, its findings numbered, its chosen competences by name and its
 * actions with who and when), REPORT_OVERVIEW every room in columns, as
 * many side by side as fit and in bands below when there are more. ws
 * NULL shows that it is connecting. age_ms is how long ago ws arrived
 * (running clocks tick down by that much); content names competences and
 * steps (NULL: by id, the method's own step names). Of ui it reads
 * colour and the connection (connected, reconnecting, attempt: a lost
 * one is said at the bottom). Fits 80x24; a larger terminal gets bigger
 * digits and, from 120 columns, the room's turn in two columns. */
void plenary_draw(WINDOW *w, struct ui *ui,
                  const Aandeslag__WorkshopStatus *ws, int64_t age_ms,
                  const struct content *content);

#endif
