/* The command language: "note TEXT", "goto 3", "extend 5", ... Parsing
 * only: the connection sends, the model decides. */
#include "cmd.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "number.h"
#include "steps.h"

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	       c == '\v';
}

static char *
skip_space(char *s)
{
	while (is_space(*s))
		s++;
	return s;
}

/* Cuts the next word out of *s: returns it NUL-terminated and moves *s
 * past it and the space after it. */
static char *
next_word(char **s)
{
	char *w = skip_space(*s), *e = w;

	while (*e != '\0' && !is_space(*e))
		e++;
	if (*e != '\0')
		*e++ = '\0';
	*s = skip_space(e);
	return w;
}

/* Removes trailing white space in place. */
static void
rtrim(char *s)
{
	size_t n = strlen(s);

	while (n > 0 && is_space(s[n - 1]))
		s[--n] = '\0';
}

/* Parses a whole number from 0 to max; returns 0 or -EINVAL. */
static int
parse_count(const char *s, unsigned long max, uint32_t *out)
{
	long long v;

	if (number_parse(s, 0, (long long)max, &v) < 0)
		return -EINVAL;
	*out = (uint32_t)v;
	return 0;
}

static int fail(char error[CMD_ERROR_SIZE], const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Fills error; the formats are our own (translated) texts, checked by the
 * compiler, never anything the user typed. */
static int
fail(char error[CMD_ERROR_SIZE], const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(error, CMD_ERROR_SIZE, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static void
remote(struct cmd *out)
{
	out->kind = CMD_REMOTE;
}

static int
parse_note(char *rest, struct cmd *out, char error[CMD_ERROR_SIZE])
{
	char *word;

	aandeslag__add_note__init(&out->add_note);
	if (strncmp(rest, "--step", 6) == 0 && (rest[6] == '\0' ||
	                                        is_space(rest[6]))) {
		rest += 6;
		word = next_word(&rest);
		if (parse_count(word, STEPS_COUNT, &out->add_note.step) < 0 ||
		    out->add_note.step < 1)
			return fail(error, _("note --step verwacht een stap van 1 tot en met 5, niet \"%s\"."),
			            word);
	}
	if (*rest == '\0')
		return fail(error, "%s", _("Schrijf de notitie achter note, bijvoorbeeld: note Ik heb een jaar in Gent gewerkt."));
	out->add_note.text = rest;
	out->command.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
	out->command.add_note = &out->add_note;
	remote(out);
	return 0;
}

static int
parse_clock(int action, char *rest, struct cmd *out,
            char error[CMD_ERROR_SIZE], const char *name)
{
	char *word;

	aandeslag__clock_control__init(&out->clock);
	out->clock.action = (Aandeslag__ClockAction)action;
	if (action == AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND ||
	    action == AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_SHORTEN) {
		word = next_word(&rest);
		if (parse_count(word, 100000, &out->clock.minutes) < 0 ||
		    out->clock.minutes == 0)
			return fail(error, _("%s verwacht een aantal minuten, bijvoorbeeld: extend 5"),
			            name);
	}
	if (*rest != '\0')
		return fail(error, _("Te veel woorden na %s."), name);
	out->command.op_case = AANDESLAG__COMMAND__OP_CLOCK;
	out->command.clock = &out->clock;
	remote(out);
	return 0;
}

static int
parse_step(int action, char *rest, struct cmd *out,
           char error[CMD_ERROR_SIZE], const char *name)
{
	char *word;

	aandeslag__step_control__init(&out->step);
	out->step.action = (Aandeslag__StepAction)action;
	if (action == AANDESLAG__STEP_ACTION__STEP_ACTION_GOTO) {
		word = next_word(&rest);
		if (parse_count(word, 1000, &out->step.step) < 0)
			return fail(error, _("goto verwacht een stap van 1 tot en met 5, niet \"%s\"."),
			            word);
	}
	if (*rest != '\0')
		return fail(error, _("Te veel woorden na %s."), name);
	out->command.op_case = AANDESLAG__COMMAND__OP_STEP;
	out->command.step = &out->step;
	remote(out);
	return 0;
}

static int
local(enum cmd_kind kind, const char *rest, struct cmd *out,
      char error[CMD_ERROR_SIZE], const char *name)
{
	if (*rest != '\0')
		return fail(error, _("Te veel woorden na %s."), name);
	out->kind = kind;
	return 0;
}

int
cmd_parse(char *line, struct cmd *out, char error[CMD_ERROR_SIZE])
{
	char *rest, *word;

	memset(out, 0, sizeof *out);
	aandeslag__command__init(&out->command);
	out->kind = CMD_EMPTY;
	error[0] = '\0';
	rtrim(line);
	rest = skip_space(line);
	if (*rest == '\0' || *rest == '#')
		return 0;
	word = next_word(&rest);
	if (strcmp(word, "note") == 0)
		return parse_note(rest, out, error);
	if (strcmp(word, "start") == 0)
		return parse_clock(AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_START,
		                   rest, out, error, word);
	if (strcmp(word, "pause") == 0)
		return parse_clock(AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_PAUSE,
		                   rest, out, error, word);
	if (strcmp(word, "resume") == 0)
		return parse_clock(AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_RESUME,
		                   rest, out, error, word);
	if (strcmp(word, "extend") == 0)
		return parse_clock(AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND,
		                   rest, out, error, word);
	if (strcmp(word, "shorten") == 0)
		return parse_clock(AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_SHORTEN,
		                   rest, out, error, word);
	if (strcmp(word, "next") == 0)
		return parse_step(AANDESLAG__STEP_ACTION__STEP_ACTION_NEXT,
		                  rest, out, error, word);
	if (strcmp(word, "prev") == 0)
		return parse_step(AANDESLAG__STEP_ACTION__STEP_ACTION_PREV,
		                  rest, out, error, word);
	if (strcmp(word, "goto") == 0)
		return parse_step(AANDESLAG__STEP_ACTION__STEP_ACTION_GOTO,
		                  rest, out, error, word);
	if (strcmp(word, "leave") == 0) {
		if (*rest != '\0')
			return fail(error, _("Te veel woorden na %s."), word);
		aandeslag__leave__init(&out->leave);
		out->command.op_case = AANDESLAG__COMMAND__OP_LEAVE;
		out->command.leave = &out->leave;
		remote(out);
		return 0;
	}
	if (strcmp(word, "who") == 0)
		return local(CMD_WHO, rest, out, error, word);
	if (strcmp(word, "show") == 0)
		return local(CMD_SHOW, rest, out, error, word);
	if (strcmp(word, "help") == 0)
		return local(CMD_HELP, rest, out, error, word);
	return fail(error, _("Onbekende opdracht \"%s\"; typ help voor de lijst."),
	            word);
}

const char *
cmd_help(void)
{
	return _(
"Opdrachten (een per regel):\n"
"  note TEKST           notitie bij de stap van het team\n"
"  note --step N TEKST  notitie bij stap N (1-5)\n"
"  who                  wie er meedoen\n"
"  show                 de hele poster\n"
"  leave                de werksessie verlaten (je plek komt vrij)\n"
"  help                 deze lijst\n"
"Alleen de voorzitter:\n"
"  start, pause, resume de klok van de stap starten, pauzeren, hervatten\n"
"  extend MIN           de stap MIN minuten verlengen\n"
"  shorten MIN          de stap MIN minuten inkorten\n"
"  next, prev           naar de volgende of vorige stap\n"
"  goto N               naar stap N\n");
}
