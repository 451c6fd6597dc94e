/* Pieces of the room that the poster's header and the projector both
 * show: the state of the clock, how far the step is, the planned end of
 * the session, the server's address to read aloud, the question on the
 * table and who is present; the room's title with its workshop and the
 * facilitator's message; and the bottom rows that the poster and the
 * facilitator's screen share: the message line, the keys, the command
 * line. */
#ifndef AANDESLAG_VIEWPARTS_H
#define AANDESLAG_VIEWPARTS_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "ui.h"

/* Returns the joined room, or NULL while there is none. */
const struct model_room *vp_room(const struct ui *ui);

/* Returns a clock's state in words: loopt, pauze, nog niet gestart, or
 * that the server paused it when it stopped. */
const char *vp_clock_state(const struct clock *c);

/* Returns how much of the step's planned time has gone, in thousandths
 * (1000 in overtime). */
int vp_elapsed(const struct clock *c, int64_t now);

/* Writes the server's address as "host:port" ("[::1]:7557"), or "" when
 * there is no host. */
void vp_address(const struct ui *ui, char *out, size_t size);

/* Writes when the session will end at this pace, "HH:MM" in local time:
 * now plus what is left of the team's step and of the steps after it.
 * Returns false when it cannot say (finished, or no local time). */
bool vp_session_end(const struct model_room *room, int64_t now,
                    char out[16]);

/* Returns the text of the question on the table and sets *id to its id
 * (written into idbuf for an own question); NULL when the table is
 * empty. */
const char *vp_table(const struct model_room *room, char idbuf[16],
                     const char **id);

/* Puts who is present from y, x in at most cols columns: names with the
 * chair marked "*" and those who are away in parentheses and dim. With
 * draw false only measures. Returns the width, or -1 when the names do
 * not fit (nothing is drawn then). */
int vp_presence(WINDOW *w, const struct ui *ui, int y, int x, attr_t attr,
                int cols, bool draw);

/* Writes the state of a lost connection: "opnieuw verbinden… (poging
 * 3)" while it is being made again, else "verbinding verbroken". */
void vp_link_state(const struct ui *ui, char *out, size_t size);

/* Puts the room's title at y, x in at most cols columns in bold, and
 * after it the workshop the room is part of ("Groep zorg · Studiedag
 * mbo"), which gives way first. Returns the columns put. */
int vp_title(WINDOW *w, const struct model_room *room, int y, int x,
             attr_t attr, int cols);

/* Puts the facilitator's message, "Bericht van de begeleider: ...", from
 * row y over the whole width cols, wrapped in at most max_rows rows and
 * ending in an ellipsis when it is longer; with draw false only
 * measures. Returns the rows it takes: 0 without a message. */
int vp_announcement(WINDOW *w, const struct ui *ui,
                    const struct model_room *room, int y, int cols,
                    int max_rows, bool draw);

/* Writes "3 aanwezig" (those connected). */
void vp_present_count(const struct model_room *room, char *out, size_t size);

/* Draws ui's message at row y; a message longer than the row, or of
 * several lines, grows upwards over what is above, at most up to row
 * top, with a rule over it and an ellipsis where it is cut. scroll_note
 * (NULL: none), e.g. where a page is scrolled to, goes at the right end
 * of row y when the message leaves room for it. */
void vp_message(WINDOW *w, const struct ui *ui, int y, int top, int cols,
                const char *scroll_note);

/* A key and what it does, for the bottom row. */
struct vp_hint {
	const char *key;        /* NULL: left out */
	const char *word;
	int drop;       /* dropped first when the row is too narrow: high;
	                 * -1: never dropped */
};

/* Draws the hints h[0..n) at row y in cols columns, leaving out those
 * with the highest drop until the rest fit (it sets their key to NULL). */
void vp_hints(WINDOW *w, const struct ui *ui, int y, int cols,
              struct vp_hint *h, size_t n);

/* Draws the line being typed after ':' (ui->line) at row y, scrolled so
 * that the cursor shows; returns the cursor's column. */
int vp_command_line(WINDOW *w, const struct ui *ui, int y, int cols);

#endif
