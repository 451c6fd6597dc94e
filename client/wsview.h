/* The facilitator's full screen: every room of the workshop at a glance
 * (where each is, its clock, its chair, who is there, what it brings
 * back), the message to the rooms, the day's schedule and the report
 * back, with the message line and the command line at the bottom. It
 * only draws; keys and the network are tui.c's and net.c's. */
#ifndef AANDESLAG_WSVIEW_H
#define AANDESLAG_WSVIEW_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "content.h"
#include "ui.h"

/* Draws the facilitator's screen into w (covering the terminal) and
 * stages it with wnoutrefresh(); the caller calls doupdate().
 *
 * ws is the last WorkshopStatus (NULL: none yet, a waiting screen),
 * age_ms how long ago it arrived (running clocks tick down by that
 * much), content names steps and competences (NULL: the method's own
 * step names, competence ids). Of ui it reads: colour, connected,
 * reconnecting and attempt (the header's connection state), the message
 * (message_kind, message), typing and line (the command line after ':',
 * where the cursor is left), screen (UI_HELP draws the help, keys and
 * wscmd_help(), over it, from line scroll on) and sets page_lines to the
 * help's length. Fits 80x24; more columns add the programme and wider
 * names, more rows the schedule as a list and the rooms' findings.
 * Smaller than 40x10 it asks for a bigger window. */
void wsview_draw(WINDOW *w, struct ui *ui,
                 const Aandeslag__WorkshopStatus *ws, int64_t age_ms,
                 const struct content *content);

/* Returns the command line (static) that a key of the footer stands for,
 * or NULL for any other key: 'b' "bericht ", 'v' "verplaats ", 't'
 * "terugkoppeling " (*run false: open the command line with it, for the
 * rest to be typed), '>' "terugkoppeling volgende" and '<'
 * "terugkoppeling vorige" (*run true: parse with wscmd_parse() and send
 * at once). ':' (an empty command line), '?' (the help) and 'q' (leave)
 * the footer names too; they are the caller's as on the poster. In
 * English the lines use the English words: "announce ", "move ",
 * "report ", "report next", "report prev". */
const char *wsview_key_line(int key, bool *run);

/* Returns the help's first part: the keys of this screen, in the same
 * list form as wscmd_help(). Static. */
const char *wsview_help_keys(void);

#endif
