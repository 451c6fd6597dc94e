/* Tests for cmd.c: clock, step and local commands; how lines are read. */
#include "cmd_fixture.h"

/* ------------------------------------------------ clock, steps, local */

static void
check_clock(const char *text, int action, unsigned minutes)
{
	struct parsed p;

	parse_remote(&p, text, OP(CLOCK));
	CHECK(p.cmd.command.clock == &p.cmd.clock);
	CHECK_INT(p.cmd.clock.action, ==, action);
	CHECK_UINT(p.cmd.clock.minutes, ==, minutes);
}

static void
test_clock(void)
{
	static const char *const lines[] = {
		"extend", "extend 0", "extend -1", "extend +1", "extend 5x",
		"extend x5", "extend 5 6", "extend 99999999999999999999",
		"shorten", "shorten 0", "shorten abc", "start now", "pause 5",
		"resume x",
	};
	struct parsed p;

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
	REFUSE_ALL(lines);
	parse_refused(&p, "extend 5 6");
	CHECK_CONTAINS(p.error, "extend");
}

static void
test_step(void)
{
	static const char *const lines[] = {
		"goto", "goto x", "goto 3x", "goto -1", "goto 3 4", "goto 0",
		"goto 6", "next 2", "prev please",
	};
	struct parsed p;

	parse_remote(&p, "next", OP(STEP));
	CHECK(p.cmd.command.step == &p.cmd.step);
	CHECK_INT(p.cmd.step.action, ==, AANDESLAG__STEP_ACTION__STEP_ACTION_NEXT);
	parse_remote(&p, "prev", OP(STEP));
	CHECK_INT(p.cmd.step.action, ==, AANDESLAG__STEP_ACTION__STEP_ACTION_PREV);
	parse_remote(&p, "goto 3", OP(STEP));
	CHECK_INT(p.cmd.step.action, ==, AANDESLAG__STEP_ACTION__STEP_ACTION_GOTO);
	CHECK_UINT(p.cmd.step.step, ==, 3);
	parse_remote(&p, "goto 5", OP(STEP));
	CHECK_UINT(p.cmd.step.step, ==, 5);
	REFUSE_ALL(lines);
}

static void
test_leave(void)
{
	struct parsed p;

	parse_remote(&p, "leave", OP(LEAVE));
	CHECK(p.cmd.command.leave == &p.cmd.leave);
	parse_refused(&p, "leave now");
}

static void
test_local(void)
{
	static const char *const lines[] = {
		"who me", "show all", "help note", "card 0", "card 6",
		"card x", "card 3 4", "model x", "catalogue all",
		"settings x", "uncovered x",
	};
	struct parsed p;

	parse_kind(&p, "who", CMD_WHO);
	parse_kind(&p, "show", CMD_SHOW);
	parse_kind(&p, "help", CMD_HELP);
	parse_kind(&p, "  who  \r\n", CMD_WHO);
	parse_kind(&p, "card", CMD_CARD);
	CHECK_UINT(p.cmd.card_step, ==, 0);
	parse_kind(&p, "card 3", CMD_CARD);
	CHECK_UINT(p.cmd.card_step, ==, 3);
	parse_kind(&p, "model", CMD_MODEL);
	parse_kind(&p, "catalogue", CMD_CATALOGUE);
	parse_kind(&p, "settings", CMD_SETTINGS);
	parse_kind(&p, "uncovered", CMD_UNCOVERED);
	REFUSE_ALL(lines);
}

/* export FORMAT FILE: the format as a word, the file the rest of the
 * line (spaces and all). */
static void
test_export(void)
{
	static const struct {
		const char *line;
		enum cmd_export format;
		const char *path;
	} ok[] = {
		{ "export csv acties.csv", CMD_EXPORT_CSV, "acties.csv" },
		{ "export ics agenda.ics", CMD_EXPORT_ICS, "agenda.ics" },
		{ "export md poster.md", CMD_EXPORT_MD, "poster.md" },
		{ "export json kamer.json", CMD_EXPORT_JSON, "kamer.json" },
		{ "export html poster.html", CMD_EXPORT_HTML, "poster.html" },
		{ "export HTML /tmp/mijn poster.html", CMD_EXPORT_HTML,
		  "/tmp/mijn poster.html" },
	};
	static const char *const lines[] = {
		"export", "export html", "export html   ", "export pdf x.pdf",
		"export htm x.htm",
	};
	struct parsed p;
	size_t i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		parse_kind(&p, ok[i].line, CMD_EXPORT);
		CHECK_INT(p.cmd.export_format, ==, ok[i].format);
		CHECK_STR(p.cmd.export_path, ok[i].path);
	}
	REFUSE_ALL(lines);
	parse_refused(&p, "export pdf x.pdf");
	CHECK_CONTAINS(p.error, "html");
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
	parse_refused(&p, "\"note x");
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
	memcpy(line, "set ", 4);
	parse_refused(&p, line);
	CHECK_UINT(strlen(p.error), <, CMD_ERROR_SIZE);
}

static void
test_spaces_and_crlf(void)
{
	struct parsed p;

	parse_remote(&p, "  note  x  \r\n", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.text, "x");
	parse_remote(&p, "\tnote --step 2\tEen idee \r\n", OP(ADD_NOTE));
	CHECK_UINT(p.cmd.add_note.step, ==, 2);
	CHECK_STR(p.cmd.add_note.text, "Een idee");
	parse_remote(&p, "goto 2\r\n", OP(STEP));
	CHECK_UINT(p.cmd.step.step, ==, 2);
	check_clock("extend 5\r\n", AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND,
	            5);
	parse_remote(&p, "leave\r\n", OP(LEAVE));
}

/* Every remote command without a room: request id 0, a command that
 * packs, and no reference to the room. */
static void
test_every_command_packs(void)
{
	static const char *const lines[] = {
		"note x", "note --anon x", "note --for \"Jan Jansen\" x",
		"note-edit n1 x", "note-delete n1", "question x", "table b1",
		"table e1", "table off", "vote a", "unvote a", "mark a",
		"unmark a", "votes hidden", "votes open",
		"activity add --from a --done --home --for a,b x",
		"activity delete a1",
		("action add --owner x --team --needs tijd "
		 "--needs-text y --years 1 --when 2027-01 --status bezig z"),
		"action delete p1", "claim p1", "release p1", "status p1 klaar",
		"set title x", "set programme", "set dossier x", "set levels 1,2",
		"set region x", "set minutes 1 5", "set budget 4",
		"set stacking on", "set anonymous off", "set talk-only on",
		"set follow-up 2030-01-31", "finish", "start", "pause",
		"resume", "extend 1", "shorten 1", "next", "prev", "goto 2",
		"leave", "overnemen", "take-chair", "bevinding x",
		"bevinding n1", "bevinding weg t1", "finding delete 1",
		"finding x",
	};
	Aandeslag__Command *back;
	uint8_t buf[4096];
	struct parsed p;
	size_t i, len;

	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		parse(&p, lines[i]);
		if (p.rc != 0)
			CHECK_FAIL("\"%s\": %s", lines[i], p.error);
		CHECK_INT(p.cmd.kind, ==, CMD_REMOTE);
		CHECK(!p.cmd.mirrored);
		CHECK_UINT(p.cmd.command.request_id, ==, 0);
		CHECK(p.cmd.command.base.descriptor ==
		      &aandeslag__command__descriptor);
		p.cmd.command.request_id = 9;
		len = aandeslag__command__get_packed_size(&p.cmd.command);
		CHECK_UINT(len, <=, sizeof buf);
		aandeslag__command__pack(&p.cmd.command, buf);
		back = aandeslag__command__unpack(NULL, len, buf);
		CHECK(back != NULL);
		CHECK_INT(back->op_case, ==, p.cmd.command.op_case);
		aandeslag__command__free_unpacked(back, NULL);
	}
}

/* Checks that word appears in help as a whole word. */
static void
check_help_word(const char *help, const char *word)
{
	size_t n = strlen(word);
	const char *at;

	for (at = strstr(help, word); at != NULL; at = strstr(at + 1, word)) {
		int before = at == help || !(at[-1] >= 'a' && at[-1] <= 'z') ||
		             at[-1] == '-';
		int after = !(at[n] >= 'a' && at[n] <= 'z') && at[n] != '-';

		if (before && after)
			return;
	}
	CHECK_FAIL("help lacks \"%s\":\n%s", word, help);
}

static void
test_help(void)
{
	static const char *const words[] = {
		"note", "--step", "--for", "--anon", "note-edit", "note-delete",
		"question", "table", "vote", "unvote", "mark", "unmark",
		"votes", "hidden", "open", "activity", "add", "edit", "delete",
		"--from", "--done", "--new", "--abroad", "--home", "action",
		"--activity", "--owner", "me", "--team", "--needs",
		"--needs-text", "--years", "--when", "--status", "--no-owner",
		"claim", "release", "status", "set", "title", "programme",
		"dossier", "levels", "region", "minutes", "budget", "stacking",
		"anonymous", "talk-only", "follow-up", "chair", "scribe",
		"remove", "finish", "start", "pause", "resume", "extend",
		"shorten", "next", "prev", "goto", "leave", "who", "show",
		"help", "card", "model", "catalogue", "settings", "uncovered",
		"Stap 3", "Stap 4", "Stap 5", "financien", "bezig", "klaar",
		"overnemen", "take-chair", "herken", "recognise",
		"bevinding", "Terugkoppeling", "finding delete", "export",
		"csv", "ics", "md", "json", "html",
	};
	const char *help = cmd_help(), *line, *end;
	size_t i;

	CHECK(help != NULL);
	CHECK(help == cmd_help());
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		check_help_word(help, words[i]);
	/* Every line fits in 80 columns (the help is ASCII: one byte, one
	 * column). */
	for (line = help; *line != '\0'; line = end + 1) {
		end = strchr(line, '\n');
		CHECK(end != NULL);
		if (end - line > 80)
			CHECK_FAIL("help line too long: %.*s", (int)(end - line),
			           line);
	}
	for (i = 0; help[i] != '\0'; i++)
		CHECK((unsigned char)help[i] < 0x80);
}

CHECK_MAIN(CHECK_TEST(test_clock),
           CHECK_TEST(test_step),
           CHECK_TEST(test_leave),
           CHECK_TEST(test_local),
           CHECK_TEST(test_export),
           CHECK_TEST(test_empty),
           CHECK_TEST(test_unknown),
           CHECK_TEST(test_unknown_long_word),
           CHECK_TEST(test_spaces_and_crlf),
           CHECK_TEST(test_every_command_packs),
           CHECK_TEST(test_help))
