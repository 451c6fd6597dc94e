/* The line mode's texts for a facilitator: the workshop at a glance and
 * the report back, as plain lines that a person reads and a script or a
 * test can grep. Every line starts with a fixed word (in the current
 * language) that says what it is; values that may be empty show as "-".
 *
 * wsline_status() prints, in this order:
 *
 *   workshop CODE TITEL[ DATUM]
 *   groep N NAAM CODE Z/7 (V verbonden) voorzitter NAAM|- stap S STAPNAAM
 *       KLOK STAAT bevindingen B/3               (on one line)
 *       one per room, in the workshop's order; KLOK is "12:04", "+1:05"
 *       in overtime or "--:--" without a clock; STAAT is loopt, pauze,
 *       niet gestart, overtijd or afgerond. NAAM may hold spaces; the
 *       fixed words around it do not change.
 *   deelnemers N NAAM, NAAM, ...|-
 *       one per room, the names it gives ("-": none, anonymous mode)
 *   bericht TEKST|-
 *   rooster TIJD LABEL[ (terugkoppeling)]
 *       one per slot of the schedule, "rooster -" without one; the
 *       report-back slot is marked
 *   terugkoppeling FASE
 *       FASE: "nog niet begonnen", "groep 2 van 4 Techniek 3:12 loopt"
 *       or "overzicht van alle groepen"
 *
 * wsline_report() prints the report back:
 *
 *   terugkoppeling FASE                       (as above, always first)
 *   in REPORT_ROOM, the room whose turn it is:
 *   opleiding PROGRAMMA|-
 *   bevinding N: TEKST                        one per finding, or
 *   bevindingen: geen
 *   competentie: NAAM                         one per marked competence
 *   competenties: geen                        (by name from the content)
 *   actie: TEKST (wie: ...; wanneer: ...; status: ...)   one per action
 *   acties: geen
 *   in REPORT_OVERVIEW, for every room:
 *   groep N NAAM
 *     bevinding N: TEKST | bevindingen: geen  (two spaces before these)
 *     competentie: NAAM  | competenties: geen
 *     acties: N
 *   in REPORT_NONE nothing more. */
#ifndef AANDESLAG_WSLINE_H
#define AANDESLAG_WSLINE_H

#include <stdint.h>
#include <stdio.h>

#include "aandeslag.pb-c.h"
#include "content.h"

/* Prints the workshop at a glance to out: ws as it is age_ms after it
 * arrived (running clocks tick down by that much). content (NULL: none)
 * names the steps; without it the method's own names are used. Write
 * errors are left to the caller's ferror(out). */
void wsline_status(FILE *out, const Aandeslag__WorkshopStatus *ws,
                   int64_t age_ms, const struct content *content);

/* Prints the "groep N ..." line of room r, number n (1..), as
 * wsline_status() does: for the line mode, which repeats only the rooms
 * that changed. */
void wsline_room(FILE *out, const Aandeslag__RoomSummary *r, uint32_t n,
                 int64_t age_ms, const struct content *content);

/* Prints the current state of the report back to out: the room whose
 * turn it is with its findings, chosen competences (named from content,
 * else by id) and actions, or every room's in the overview. Write errors
 * are left to the caller's ferror(out). */
void wsline_report(FILE *out, const Aandeslag__WorkshopStatus *ws,
                   int64_t age_ms, const struct content *content);

#endif
