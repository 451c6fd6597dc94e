/* Tests for cmd.c: parsing the line mode's commands, and the help text. */
#include "check.h"

#include "cmd.h"

#include <errno.h>

/* A parse of one line, with the line kept alive for the text fields. */
struct parsed {
	char line[2048];
	struct cmd cmd;
	char error[CMD_ERROR_SIZE];
	int rc;
};

static void
parse(struct parsed *p, const char *text)
{
	CHECK_UINT(strlen(text), <, sizeof p->line);
	snprintf(p->line, sizeof p->line, "%s", text);
	memset(&p->cmd, 0x5a, sizeof p->cmd);
	memset(p->error, 'Z', sizeof p->error);
	p->rc = cmd_parse(p->line, &p->cmd, p->error);
	/* The error is always a string. */
	CHECK(memchr(p->error, '\0', sizeof p->error) != NULL);
}

/* Parses text, which must be a remote command of op. */
static void
parse_remote(struct parsed *p, const char *text, int op)
{
	parse(p, text);
	if (p->rc != 0)
		CHECK_FAIL("\"%s\" gave %d: %s", text, p->rc, p->error);
	CHECK_INT(p->cmd.kind, ==, CMD_REMOTE);
	CHECK_INT(p->cmd.command.op_case, ==, op);
	CHECK_UINT(p->cmd.command.request_id, ==, 0);
	CHECK_STR(p->error, "");
}

/* Parses text, which must be refused with a sentence. */
static void
parse_refused(struct parsed *p, const char *text)
{
	parse(p, text);
	if (p->rc != -EINVAL)
		CHECK_FAIL("\"%s\" gave %d, want -EINVAL", text, p->rc);
	if (p->error[0] == '\0')
		CHECK_FAIL("\"%s\" was refused without a reason", text);
}

static void
parse_kind(struct parsed *p, const char *text, enum cmd_kind kind)
{
	parse(p, text);
	if (p->rc != 0)
		CHECK_FAIL("\"%s\" gave %d: %s", text, p->rc, p->error);
	CHECK_INT(p->cmd.kind, ==, kind);
	CHECK_INT(p->cmd.command.op_case, ==, AANDESLAG__COMMAND__OP__NOT_SET);
	CHECK_STR(p->error, "");
}

static void
test_note(void)
{
	struct parsed p;

	parse_remote(&p, "note Hallo wereld", AANDESLAG__COMMAND__OP_ADD_NOTE);
	CHECK(p.cmd.command.add_note == &p.cmd.add_note);
	CHECK_STR(p.cmd.add_note.text, "Hallo wereld");
	CHECK_UINT(p.cmd.add_note.step, ==, 0);
	/* The text points into the line. */
	CHECK(p.cmd.add_note.text >= p.line &&
	      p.cmd.add_note.text < p.line + sizeof p.line);
	/* A '#' in a note is text, not a comment. */
	parse_remote(&p, "note # eerst dit", AANDESLAG__COMMAND__OP_ADD_NOTE);
	CHECK_STR(p.cmd.add_note.text, "# eerst dit");
}

static void
test_note_keeps_inner_spaces(void)
{
	struct parsed p;

	parse_remote(&p, "note  Een   twee\tdrie", AANDESLAG__COMMAND__OP_ADD_NOTE);
	CHECK_STR(p.cmd.add_note.text, "Een   twee\tdrie");
}

static void
test_note_step(void)
{
	struct parsed p;
	char text[32];
	unsigned step;

	parse_remote(&p, "note --step 3 Een idee", AANDESLAG__COMMAND__OP_ADD_NOTE);
	CHECK_UINT(p.cmd.add_note.step, ==, 3);
	CHECK_STR(p.cmd.add_note.text, "Een idee");
	for (step = 1; step <= 5; step++) {
		snprintf(text, sizeof text, "note --step %u x", step);
		parse_remote(&p, text, AANDESLAG__COMMAND__OP_ADD_NOTE);
		CHECK_UINT(p.cmd.add_note.step, ==, step);
		CHECK_STR(p.cmd.add_note.text, "x");
	}
	/* "--stepping" is text, not the option. */
	parse_remote(&p, "note --stepping stone", AANDESLAG__COMMAND__OP_ADD_NOTE);
	CHECK_UINT(p.cmd.add_note.step, ==, 0);
	CHECK_STR(p.cmd.add_note.text, "--stepping stone");
}

static void
test_note_refused(void)
{
	static const char *const lines[] = {
		"note --step 9 x",
		"note --step 0 x",
		"note --step 6 x",
		"note --step -1 x",
		"note --step x",
		"note --step 3x y",
		"note --step",
		"note --step 3",
		"note --step 3   ",
		"note",
		"note   ",
		"note\t",
	};
	struct parsed p;
	size_t i;

	for (i = 0; i < sizeof lines / sizeof lines[0]; i++)
		parse_refused(&p, lines[i]);
	parse_refused(&p, "note --step x");
	CHECK_CONTAINS(p.error, "\"x\"");
}

static void
test_note_diacritics(void)
{
	/* "Één café, naïef coördineren: ça va, Ærø, €5" */
	static const char *const text =
		"\xc3\x89\xc3\xa9n caf\xc3\xa9, na\xc3\xaf" "ef co\xc3\xb6rdineren: "
		"\xc3\xa7" "a va, \xc3\x86r\xc3\xb8, \xe2\x82\xac" "5";
	struct parsed p;
	char line[256];

	snprintf(line, sizeof line, "note %s", text);
	parse_remote(&p, line, AANDESLAG__COMMAND__OP_ADD_NOTE);
	CHECK_UINT(strlen(p.cmd.add_note.text), ==, strlen(text));
	CHECK(memcmp(p.cmd.add_note.text, text, strlen(text) + 1) == 0);
}

static void
check_clock(const char *text, int action, unsigned minutes)
{
	struct parsed p;

	parse_remote(&p, text, AANDESLAG__COMMAND__OP_CLOCK);
	CHECK(p.cmd.command.clock == &p.cmd.clock);
	CHECK_INT(p.cmd.clock.action, ==, action);
	CHECK_UINT(p.cmd.clock.minutes, ==, minutes);
}

static void
test_clock(void)
{
	check_clock("start", AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_START, 0);
	check_clock("pause", AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_PAUSE, 0);
	check_clock("resume", AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_RESUME, 0);
	check_clock("extend 5", AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND, 5);
	check_clock("extend 120", AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND,
	            120);
	check_clock("shorten 3", AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_SHORTEN,
	            3);
	check_clock("  extend   7  ",
	            AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND, 7);
}

static void
test_clock_refused(void)
{
	static const char *const lines[] = {
		"extend",
		"extend 0",
		"extend -1",
		"extend +1",
		"extend 5x",
		"extend x5",
		"extend 5 6",
		"extend 99999999999999999999",
		"shorten",
		"shorten 0",
		"shorten abc",
		"start now",
		"pause 5",
		"resume x",
	};
	struct parsed p;
	size_t i;

	for (i = 0; i < sizeof lines / sizeof lines[0]; i++)
		parse_refused(&p, lines[i]);
	parse_refused(&p, "extend 5 6");
	CHECK_CONTAINS(p.error, "extend");
}

static void
test_step(void)
{
	struct parsed p;

	parse_remote(&p, "next", AANDESLAG__COMMAND__OP_STEP);
	CHECK(p.cmd.command.step == &p.cmd.step);
	CHECK_INT(p.cmd.step.action, ==, AANDESLAG__STEP_ACTION__STEP_ACTION_NEXT);
	parse_remote(&p, "prev", AANDESLAG__COMMAND__OP_STEP);
	CHECK_INT(p.cmd.step.action, ==, AANDESLAG__STEP_ACTION__STEP_ACTION_PREV);
	parse_remote(&p, "goto 3", AANDESLAG__COMMAND__OP_STEP);
	CHECK_INT(p.cmd.step.action, ==, AANDESLAG__STEP_ACTION__STEP_ACTION_GOTO);
	CHECK_UINT(p.cmd.step.step, ==, 3);
	parse_remote(&p, "goto 5", AANDESLAG__COMMAND__OP_STEP);
	CHECK_UINT(p.cmd.step.step, ==, 5);
}

static void
test_step_refused(void)
{
	static const char *const lines[] = {
		"goto",
		"goto x",
		"goto 3x",
		"goto -1",
		"goto 3 4",
		"next 2",
		"prev please",
	};
	struct parsed p;
	size_t i;

	for (i = 0; i < sizeof lines / sizeof lines[0]; i++)
		parse_refused(&p, lines[i]);
}

static void
test_leave(void)
{
	struct parsed p;

	parse_remote(&p, "leave", AANDESLAG__COMMAND__OP_LEAVE);
	CHECK(p.cmd.command.leave == &p.cmd.leave);
	parse_refused(&p, "leave now");
}

static void
test_local(void)
{
	struct parsed p;

	parse_kind(&p, "who", CMD_WHO);
	parse_kind(&p, "show", CMD_SHOW);
	parse_kind(&p, "help", CMD_HELP);
	parse_kind(&p, "  who  \r\n", CMD_WHO);
	parse_refused(&p, "who me");
	parse_refused(&p, "show all");
	parse_refused(&p, "help note");
}

static void
test_empty(void)
{
	struct parsed p;

	parse_kind(&p, "", CMD_EMPTY);
	parse_kind(&p, "   ", CMD_EMPTY);
	parse_kind(&p, "\t\r\n", CMD_EMPTY);
	parse_kind(&p, "# comment", CMD_EMPTY);
	parse_kind(&p, "   # note not this", CMD_EMPTY);
	parse_kind(&p, "#", CMD_EMPTY);
}

static void
test_unknown(void)
{
	struct parsed p;

	parse_refused(&p, "bogus");
	CHECK_CONTAINS(p.error, "bogus");
	parse_refused(&p, "  bogus with words");
	CHECK_CONTAINS(p.error, "\"bogus\"");
	/* Commands are whole words. */
	parse_refused(&p, "notes x");
	parse_refused(&p, "nextx");
}

/* A very long unknown word is cut to fit the error, not overflowed. */
static void
test_unknown_long_word(void)
{
	struct parsed p;
	char line[1500];

	memset(line, 'q', sizeof line - 1);
	line[sizeof line - 1] = '\0';
	parse_refused(&p, line);
	CHECK_UINT(strlen(p.error), <, CMD_ERROR_SIZE);
	CHECK_CONTAINS(p.error, "qqqq");
}

static void
test_spaces_and_crlf(void)
{
	struct parsed p;

	parse_remote(&p, "  note  x  \r\n", AANDESLAG__COMMAND__OP_ADD_NOTE);
	CHECK_STR(p.cmd.add_note.text, "x");
	parse_remote(&p, "\tnote --step 2\tEen idee \r\n",
	             AANDESLAG__COMMAND__OP_ADD_NOTE);
	CHECK_UINT(p.cmd.add_note.step, ==, 2);
	CHECK_STR(p.cmd.add_note.text, "Een idee");
	parse_remote(&p, "goto 2\r\n", AANDESLAG__COMMAND__OP_STEP);
	CHECK_UINT(p.cmd.step.step, ==, 2);
	check_clock("extend 5\r\n", AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND,
	            5);
	parse_remote(&p, "leave\r\n", AANDESLAG__COMMAND__OP_LEAVE);
}

static void
test_request_id_zero(void)
{
	static const char *const lines[] = {
		"note x", "start", "pause", "resume", "extend 1", "shorten 1",
		"next", "prev", "goto 2", "leave",
	};
	struct parsed p;
	size_t i;

	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		parse(&p, lines[i]);
		CHECK_INT(p.rc, ==, 0);
		CHECK_INT(p.cmd.kind, ==, CMD_REMOTE);
		CHECK_UINT(p.cmd.command.request_id, ==, 0);
		CHECK(p.cmd.command.base.descriptor ==
		      &aandeslag__command__descriptor);
	}
}

/* Checks that word appears in help as a whole word. */
static void
check_help_word(const char *help, const char *word)
{
	size_t n = strlen(word);
	const char *at;

	for (at = strstr(help, word); at != NULL; at = strstr(at + 1, word)) {
		int before = at == help || !(at[-1] >= 'a' && at[-1] <= 'z');
		int after = !(at[n] >= 'a' && at[n] <= 'z');

		if (before && after)
			return;
	}
	CHECK_FAIL("help lacks the command \"%s\":\n%s", word, help);
}

static void
test_help(void)
{
	static const char *const words[] = {
		"note", "--step", "start", "pause", "resume", "extend",
		"shorten", "next", "prev", "goto", "leave", "who", "show",
		"help",
	};
	const char *help = cmd_help();
	size_t i;

	CHECK(help != NULL);
	CHECK(help == cmd_help());
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		check_help_word(help, words[i]);
}

CHECK_MAIN(CHECK_TEST(test_note),
           CHECK_TEST(test_note_keeps_inner_spaces),
           CHECK_TEST(test_note_step),
           CHECK_TEST(test_note_refused),
           CHECK_TEST(test_note_diacritics),
           CHECK_TEST(test_clock),
           CHECK_TEST(test_clock_refused),
           CHECK_TEST(test_step),
           CHECK_TEST(test_step_refused),
           CHECK_TEST(test_leave),
           CHECK_TEST(test_local),
           CHECK_TEST(test_empty),
           CHECK_TEST(test_unknown),
           CHECK_TEST(test_unknown_long_word),
           CHECK_TEST(test_spaces_and_crlf),
           CHECK_TEST(test_request_id_zero),
           CHECK_TEST(test_help))
