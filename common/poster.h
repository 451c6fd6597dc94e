/* Text renderers of a room: the whole poster the team would have made on
 * paper, who is there, and the local views of the line mode (a question
 * card, the competence model, the activity map, the settings, the chosen
 * competences without an activity). Pure: they append to a strbuf, in the
 * current language, with content texts through content_text(). The same
 * words reach a script, a screen reader and the full-screen client.
 *
 * Ids carry a letter, the same the parser accepts: notes n3, own card
 * questions e2, activities a4, actions p2, findings t1 (terugkoppeling);
 * content ids as they are. */
#ifndef AANDESLAG_POSTER_H
#define AANDESLAG_POSTER_H

#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "model.h"
#include "strbuf.h"

/* Appends the whole poster: title, code, the workshop and the
 * facilitator's message, settings, the team's step and clock at now, who
 * is there, and every step with its card, notes and, for steps 3 to 5,
 * the competence model, activities, actions and the time plan, and the
 * findings for the report back (see poster_reports_back()). self_id (0:
 * nobody) sees their own hidden dots. */
void poster_render(const struct model_room *room, int64_t now,
                   uint32_t self_id, struct strbuf *out);

/* Appends one line (with newline) saying who is in the room; self_id is
 * marked as "jij" (0: nobody). */
void poster_who(const struct model_room *room, uint32_t self_id,
                struct strbuf *out);

/* Appends the question card of step (1..5): name, time, central question,
 * goal, the card's questions with the own ones and the one on the table,
 * and the resources. */
void poster_card(const struct model_room *room, uint32_t step,
                 struct strbuf *out);

/* Appends the competence model with descriptions, dots and marks. */
void poster_model(const struct model_room *room, uint32_t self_id,
                  struct strbuf *out);

/* Appends the activity map, abroad and at home, with the activities of
 * the poster that came from it. */
void poster_catalogue(const struct model_room *room, struct strbuf *out);

/* Appends every setting of the room. */
void poster_settings(const struct model_room *room, struct strbuf *out);

/* Appends the chosen competences that no activity is linked to yet. */
void poster_uncovered(const struct model_room *room, struct strbuf *out);

/* ------------------------------------------------------------------
 * Pieces, shared with the event lines (eventline.c), the poster's plan
 * (poster_plan.c) and the full-screen client. */

/* Appends a clock's state at now, e.g. "loopt, 19:59 over". */
void poster_clock(const struct clock *c, int64_t now, struct strbuf *out);

/* Appends a clock state with its remaining time. */
void poster_clock_state(int state, int64_t remaining_ms, struct strbuf *out);

/* Returns the role's name in the current language. */
const char *poster_role(int role);

/* Returns the name of step n and its central question ("?" without). */
const char *poster_step_name(const struct model_room *room, unsigned n);
const char *poster_step_question(const struct model_room *room, unsigned n);

/* Returns the name of the seated participant id, or "?". */
const char *poster_name(const struct model_room *room, uint32_t id);

/* Returns the name of competence id, or the id itself if unknown. */
const char *poster_competence(const struct model_room *room, const char *id);

/* Appends a date "2027-03-15" as "15 maart 2027", a month "2027-03" as
 * "maart 2027", anything else as it is. */
void poster_date(const char *value, struct strbuf *out);

/* Appends when an action is planned; nothing for none. */
void poster_when(const Aandeslag__When *when, struct strbuf *out);

/* Returns an action status's word: open, bezig, klaar. */
const char *poster_status(int status);

/* Returns the name of an activity: its own text, or the name of its entry
 * on the activity map. */
const char *poster_activity_name(const struct model_room *room,
                                 const Aandeslag__Activity *a);

/* Appends an activity on one line: name, done or new, place and the
 * competences it is linked to. */
void poster_activity(const struct model_room *room,
                     const Aandeslag__Activity *a, struct strbuf *out);

/* Appends what render makes of action a through put, which escapes it
 * for an export's format (Markdown, HTML, a CSV field). Allocation
 * failure sets out->failed. */
void poster_action_piece(void (*render)(const Aandeslag__Action *,
                                        struct strbuf *),
                         const Aandeslag__Action *a,
                         void (*put)(const char *, struct strbuf *),
                         struct strbuf *out);

/* Appends the owners of an action, "!! nog niemand" for none. */
void poster_owners(const Aandeslag__Action *a, struct strbuf *out);

/* Appends the needs of an action (words and text); nothing for none. */
void poster_needs(const Aandeslag__Action *a, struct strbuf *out);

/* Appends study years as "leerjaar 1, 2"; nothing for none. */
void poster_years(uint32_t years, struct strbuf *out);

/* Appends an action on one line: text, then owners, needs, years, when,
 * status and activity between brackets. */
void poster_action(const struct model_room *room, const Aandeslag__Action *a,
                   struct strbuf *out);

/* The poster's plan, in poster_plan.c: step 4 (activities and the chosen
 * competences without one) and step 5 (actions and the time plan), each
 * line indented by indent spaces. */
void poster_plan_activities(const struct model_room *room, int indent,
                            struct strbuf *out);
void poster_plan_actions(const struct model_room *room, int indent,
                         struct strbuf *out);

/* Whether the room has a report back to show: it is part of a workshop,
 * or it marked findings all the same. */
bool poster_reports_back(const struct model_room *room);

/* Appends the findings for the report back, "Terugkoppeling (1 van 3
 * bevindingen):" and each as "- [t1] text", each line indented by indent
 * spaces; without findings, how to add one. */
void poster_findings(const struct model_room *room, int indent,
                     struct strbuf *out);

/* Whether an action has a place in the time plan: a date or a month. */
bool poster_dated(const Aandeslag__Action *a);

/* qsort() order of dated actions (pointers to them): by when ("2027-03"
 * before "2027-03-15"), then by id. */
int poster_by_when(const void *x, const void *y);

#endif
