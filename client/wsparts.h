/* Pieces of a workshop's status that the facilitator's screen
 * (wsview.c), the plenary projector (plenary.c) and the line mode
 * (wsline.c) all show, so that the three say the same in the same words:
 * a room by its number, a room's clock as it is now, step and competence
 * names from the content, an action's who and when, and the state of the
 * report back in one phrase. Pure: no I/O, no curses. */
#ifndef AANDESLAG_WSPARTS_H
#define AANDESLAG_WSPARTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "clock.h"
#include "content.h"
#include "strbuf.h"

/* The most findings a room brings back to the report back. */
#define WSPARTS_FINDINGS_MAX 3
/* The most participants a room seats. */
#define WSPARTS_SEATS 7

/* A clock of the status as it is age_ms after the status was made. */
struct wsparts_time {
	bool valid;             /* there was a clock, and it made sense */
	int64_t remaining_ms;   /* negative in overtime */
	int64_t duration_ms;
	int state;              /* an Aandeslag__ClockState */
	bool over;              /* running (or stopped) past its time */
	char text[CLOCK_TEXT_SIZE];     /* "12:04", "+1:05"; "--:--" */
	const char *word;       /* loopt, pauze, niet gestart, overtijd,
	                         * afgerond; static, translated */
};

/* Returns room n (1..) of ws, owned by ws, or NULL when there is none
 * (also for ws NULL). */
const Aandeslag__RoomSummary *wsparts_room(
	const Aandeslag__WorkshopStatus *ws, uint32_t n);

/* Reads clock w (NULL: none) as it is age_ms after the status was made:
 * a running clock goes on counting down locally. finished (a room that
 * is done) makes the word "afgerond". Always fills out; out->valid is
 * false for a missing clock or one whose times are out of range, whose
 * text is then "--:--". */
void wsparts_time(const Aandeslag__StepClock *w, bool finished,
                  int64_t age_ms, struct wsparts_time *out);

/* Returns the name of step n (1..5) from content (NULL: the method's
 * own Dutch names), or "?" for another n. Owned by the content or
 * static. */
const char *wsparts_step_name(const struct content *content, uint32_t n);

/* Returns the name of competence id from content, or the id itself when
 * there is no content or the content lacks it. Owned by the content or
 * by the caller's id. */
const char *wsparts_competence(const struct content *content,
                               const char *id);

/* Writes a workshop or room code as it is read aloud, in two halves
 * ("K7QM-2XPD") however it came; a code that is not one stays as it
 * is (cut to fit). */
void wsparts_code(const char *code, char *out, size_t size);

/* Appends who, when and the status of action a: "wie: Anna, Bram;
 * wanneer: maart 2027; status: open" (no when: that part is left out;
 * nobody: "wie: !! nog niemand"). */
void wsparts_action_detail(const Aandeslag__Action *a, struct strbuf *out);

/* Appends the state of the report back in one phrase: "nog niet
 * begonnen", "groep 2 van 4 Techniek 3:12 loopt" (the turn's clock at
 * age_ms) or "overzicht van alle groepen". */
void wsparts_report(const Aandeslag__WorkshopStatus *ws, int64_t age_ms,
                    struct strbuf *out);

#endif
