/* The words of a command line and what they name: the tokenizer, options,
 * numbers and ids, and looking names and ids up in the room. Internal to
 * the command parser (cmd.c and cmd_plan.c). */
#ifndef AANDESLAG_SCAN_H
#define AANDESLAG_SCAN_H

#include <stdbool.h>
#include <stdint.h>

#include "cmd.h"

/* The state of one parse: what is left of the line and where it goes. */
struct scan {
	char *p;                /* the rest of the line, from its next word */
	const char *name;       /* the command, for messages */
	const struct model_room *room;
	uint32_t self_id;
	struct cmd *out;
	char *error;            /* CMD_ERROR_SIZE bytes */
};

/* Kinds of items on the poster; their ids carry a letter: n3, e2, a4, p2,
 * and t1 for a finding (terugkoppeling). */
enum scan_item { SCAN_NOTE, SCAN_QUESTION, SCAN_ACTIVITY, SCAN_ACTION,
                 SCAN_FINDING };

/* Sets the command's operation and sub-message; evaluates to 0. */
#define SEND(s, op, member, msg)                                            \
	((s)->out->command.op_case = AANDESLAG__COMMAND__OP_##op,           \
	 (s)->out->command.member = (msg), (s)->out->kind = CMD_REMOTE, 0)

/* Fills the error with a sentence; returns -EINVAL. */
int scan_fail(struct scan *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

bool scan_is_space(char c);
char *scan_skip_space(char *s);

/* Starts s on line (changed in place: trailing spaces are cut). Returns
 * false for a blank line or a comment (#), which has no command. */
bool scan_start(struct scan *s, char *line);

/* Whether w is keyword, in any case. */
bool scan_is(const char *w, const char *keyword);

/* Cuts the next word out of the line: a run of characters up to a space,
 * or whatever stands between double quotes. Returns 0, -ENOENT at the end
 * of the line, or -EINVAL (an open quote; the error is filled). */
int scan_word(struct scan *s, char **w);

/* Like scan_word(), but the word must be there, else the error is msg. */
int scan_need_word(struct scan *s, char **w, const char *msg);

/* Reads the value of option opt; it must be there. */
int scan_value(struct scan *s, const char *opt, char **w);

/* Reads the next option: 1 with *opt set, 0 when the options are over (a
 * lone "--" ends them and is dropped), or -EINVAL. */
int scan_option(struct scan *s, char **opt);

/* Refuses an option the command does not know. */
int scan_bad_option(struct scan *s, const char *opt);

/* Refuses anything left on the line. */
int scan_done(struct scan *s);

/* Reads the rest of "lang nl|en" (the client's language, a local
 * command of both command languages): sets *lang to LANG_DUTCH or
 * LANG_ENGLISH. */
int scan_lang(struct scan *s, const char **lang);

/* Parses all of w as a whole number from min to max (no message). */
int scan_count(const char *w, long long min, long long max, uint32_t *out);

/* Parses w as a step 1..5. */
int scan_step(struct scan *s, const char *w, uint32_t *out);

/* Reads the id of an item as the poster prints it ("a4"), or its number
 * alone ("4"): from the line, or from w. */
int scan_item_id(struct scan *s, enum scan_item kind, uint32_t *out);
int scan_item_id_of(struct scan *s, enum scan_item kind, const char *w,
                    uint32_t *out);

/* Refuses when there is no room to look in; otherwise marks the command
 * as built from the mirror. */
int scan_need_room(struct scan *s);

/* Whether the room has its content. */
bool scan_has_content(const struct model_room *room);

/* Returns the seated participant called name (any case), or NULL. */
const struct model_participant *scan_find_name(const struct model_room *room,
                                               const char *name);

/* Finds the seated participant called name; refuses when nobody is. */
int scan_seated(struct scan *s, const char *name, uint32_t *id);

/* Returns the mirror's activity (SCAN_ACTIVITY) or action (SCAN_ACTION)
 * with id, or NULL with the error filled. */
const void *scan_item(struct scan *s, enum scan_item kind, uint32_t id);

/* Resolves a competence or activity-map id, typed whole or as the start
 * of exactly one id, to the content's own id. Without content the id is
 * taken as typed. */
int scan_competence(struct scan *s, char *w, char **out);
int scan_catalogue(struct scan *s, char *w, char **out);

/* Splits a list ("1,2", "kennis, tijd") in place at commas and spaces;
 * "none" is the empty list. Returns 0, or -E2BIG for more than max. */
int scan_split(char *v, char **items, size_t max, size_t *n);

/* The parsers of steps 4 and 5, in cmd_plan.c: activity ..., action ...,
 * claim, release and status (op CLAIM or ACTION_STATUS), and the
 * findings for a workshop's report back: bevinding TEXT, bevinding nN,
 * bevinding weg N. */
int cmd_plan_activity(struct scan *s);
int cmd_plan_action(struct scan *s);
int cmd_plan_action_item(struct scan *s, int op);
int cmd_plan_finding(struct scan *s);

#endif
