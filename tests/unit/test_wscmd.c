/* Tests for wscmd.c: every command of the facilitator, its aliases, how
 * rooms and names are looked up in the status, and the refusals. */
#include "ws_fixture.h"

#include <errno.h>

#include "wscmd.h"

#define OP(name) AANDESLAG__WORKSHOP_COMMAND__OP_##name
#define REPORT(name) AANDESLAG__REPORT_ACTION__REPORT_ACTION_##name

/* A parse of one line, with the line kept alive for the text fields. */
struct parsed {
	char line[1024];
	struct wscmd cmd;
	char error[WSCMD_ERROR_SIZE];
	int rc;
};

static const Aandeslag__WorkshopStatus *the_ws;

static void
parse(struct parsed *p, const char *text)
{
	CHECK_UINT(strlen(text), <, sizeof p->line);
	snprintf(p->line, sizeof p->line, "%s", text);
	memset(&p->cmd, 0x5a, sizeof p->cmd);
	memset(p->error, 'Z', sizeof p->error);
	p->rc = wscmd_parse(p->line, the_ws, &p->cmd, p->error);
	/* The error is a string, set exactly on failure, and a failure
	 * leaves nothing to send. */
	CHECK(memchr(p->error, '\0', sizeof p->error) != NULL);
	CHECK_INT(p->rc == 0, ==, p->error[0] == '\0');
	if (p->rc != 0) {
		CHECK_INT(p->rc, ==, -EINVAL);
		CHECK_INT(p->cmd.kind, ==, WSCMD_EMPTY);
		CHECK_INT(p->cmd.command.op_case, ==,
		          AANDESLAG__WORKSHOP_COMMAND__OP__NOT_SET);
	} else {
		CHECK_UINT(p->cmd.command.request_id, ==, 0);
	}
}

static void
parse_ok(struct parsed *p, const char *text, enum wscmd_kind kind)
{
	parse(p, text);
	if (p->rc != 0)
		CHECK_FAIL("%s: %s", text, p->error);
	CHECK_INT(p->cmd.kind, ==, kind);
}

static void
parse_remote(struct parsed *p, const char *text, int op)
{
	uint8_t buf[2048];
	Aandeslag__WorkshopCommand *back;
	size_t n;

	parse_ok(p, text, WSCMD_REMOTE);
	CHECK_INT(p->cmd.command.op_case, ==, op);
	/* What is sent must pack and come back the same. */
	n = aandeslag__workshop_command__get_packed_size(&p->cmd.command);
	CHECK_UINT(n, <, sizeof buf);
	aandeslag__workshop_command__pack(&p->cmd.command, buf);
	back = aandeslag__workshop_command__unpack(NULL, n, buf);
	CHECK(back != NULL);
	CHECK_INT(back->op_case, ==, op);
	aandeslag__workshop_command__free_unpacked(back, NULL);
}

static void
parse_fails(const char *text, const char *needle)
{
	struct parsed p;

	parse(&p, text);
	if (p.rc == 0)
		CHECK_FAIL("%s: accepted", text);
	CHECK_CONTAINS(p.error, needle);
}

/* ------------------------------------------------------------------ */

static void
test_empty(void)
{
	struct parsed p;

	parse_ok(&p, "", WSCMD_EMPTY);
	parse_ok(&p, "   \t ", WSCMD_EMPTY);
	parse_ok(&p, "# een opmerking", WSCMD_EMPTY);
	CHECK_INT(p.cmd.command.op_case, ==, AANDESLAG__WORKSHOP_COMMAND__OP__NOT_SET);
}

static void
test_clocks(void)
{
	struct parsed p;

	parse_remote(&p, "klokken start", OP(START_CLOCKS));
	CHECK(p.cmd.command.start_clocks == &p.cmd.start_clocks);
	parse_remote(&p, "  KLOKKEN   starten  ", OP(START_CLOCKS));
	parse_remote(&p, "clocks start", OP(START_CLOCKS));
	parse_fails("klokken", "klokken start");
	parse_fails("klokken stop", "klokken kent alleen start");
	parse_fails("klokken start nu", "Te veel woorden na klokken");
}

static void
test_announce(void)
{
	struct parsed p;

	parse_remote(&p, "bericht Om 12:00 lunch in de kantine.", OP(ANNOUNCE));
	CHECK(p.cmd.command.announce == &p.cmd.announce);
	CHECK_STR(p.cmd.announce.text, "Om 12:00 lunch in de kantine.");
	/* The text as typed, inner spaces and quotes kept. */
	parse_remote(&p, "announce  Nog  \"10\" minuten ", OP(ANNOUNCE));
	CHECK_STR(p.cmd.announce.text, "Nog  \"10\" minuten");
	/* Alone, it clears. */
	parse_remote(&p, "bericht", OP(ANNOUNCE));
	CHECK_STR(p.cmd.announce.text, "");
	parse_remote(&p, "bericht    ", OP(ANNOUNCE));
	CHECK_STR(p.cmd.announce.text, "");
}

static void
test_report(void)
{
	static const struct {
		const char *line;
		int action;
	} cases[] = {
		{ "terugkoppeling start", REPORT(START) },
		{ "terugkoppeling volgende", REPORT(NEXT) },
		{ "terugkoppeling vorige", REPORT(PREV) },
		{ "terugkoppeling overzicht", REPORT(OVERVIEW) },
		{ "terugkoppeling stop", REPORT(END) },
		{ "terugkoppeling pauze", REPORT(PAUSE) },
		{ "terugkoppeling verder", REPORT(RESUME) },
		{ "report start", REPORT(START) },
		{ "report next", REPORT(NEXT) },
		{ "report prev", REPORT(PREV) },
		{ "report overview", REPORT(OVERVIEW) },
		{ "report end", REPORT(END) },
		{ "report pause", REPORT(PAUSE) },
		{ "report resume", REPORT(RESUME) },
		{ "Terugkoppeling VOLGENDE", REPORT(NEXT) },
	};
	struct parsed p;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		parse_remote(&p, cases[i].line, OP(REPORT));
		CHECK(p.cmd.command.report == &p.cmd.report);
		CHECK_INT(p.cmd.report.action, ==, cases[i].action);
		CHECK_UINT(p.cmd.report.minutes, ==, 0);
	}
	parse_remote(&p, "terugkoppeling +2", OP(REPORT));
	CHECK_INT(p.cmd.report.action, ==, REPORT(EXTEND));
	CHECK_UINT(p.cmd.report.minutes, ==, 2);
	parse_remote(&p, "report +120", OP(REPORT));
	CHECK_UINT(p.cmd.report.minutes, ==, 120);
	parse_fails("terugkoppeling", "Na terugkoppeling hoort start");
	parse_fails("terugkoppeling +", "Na + hoort een aantal minuten");
	parse_fails("terugkoppeling +0", "Na + hoort een aantal minuten");
	parse_fails("terugkoppeling +121", "van 1 tot en met 120");
	parse_fails("terugkoppeling +2x", "Na + hoort een aantal minuten");
	parse_fails("terugkoppeling -2", "terugkoppeling kent \"-2\" niet");
	parse_fails("terugkoppeling verder nu", "Te veel woorden");
	parse_fails("terugkoppeling morgen", "kies start, volgende");
}

static void
test_export(void)
{
	static const struct {
		const char *word;
		enum wscmd_export format;
	} cases[] = {
		{ "csv", WSCMD_EXPORT_CSV }, { "ics", WSCMD_EXPORT_ICS },
		{ "md", WSCMD_EXPORT_MD }, { "json", WSCMD_EXPORT_JSON },
		{ "HTML", WSCMD_EXPORT_HTML },
	};
	char line[128];
	struct parsed p;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(line, sizeof line, "export %s studiedag.%s",
		         cases[i].word, cases[i].word);
		parse_ok(&p, line, WSCMD_EXPORT);
		CHECK_INT(p.cmd.export_format, ==, cases[i].format);
		CHECK(strncmp(p.cmd.export_path, "studiedag.", 10) == 0);
		/* The request to send for it. */
		CHECK_INT(p.cmd.command.op_case, ==, OP(EXPORT));
		CHECK(p.cmd.command.export == &p.cmd.export_all);
	}
	/* The rest of the line is the file, spaces and all. */
	parse_ok(&p, "export md /tmp/Mijn studiedag.md", WSCMD_EXPORT);
	CHECK_STR(p.cmd.export_path, "/tmp/Mijn studiedag.md");
	CHECK(p.cmd.export_path >= p.line &&
	      p.cmd.export_path < p.line + sizeof p.line);
	parse_fails("export", "Welk soort bestand");
	parse_fails("export pdf x.pdf", "Onbekend soort bestand: pdf");
	parse_fails("export csv", "Geef de naam van het bestand");
}

static void
test_local(void)
{
	static const struct {
		const char *line;
		enum wscmd_kind kind;
	} cases[] = {
		{ "toon", WSCMD_SHOW }, { "groepen", WSCMD_SHOW },
		{ "show", WSCMD_SHOW }, { "rooms", WSCMD_SHOW },
		{ "help", WSCMD_HELP }, { "?", WSCMD_HELP },
		{ "hulp", WSCMD_HELP }, { "stop", WSCMD_QUIT },
		{ "quit", WSCMD_QUIT }, { "  TOON  ", WSCMD_SHOW },
	};
	struct parsed p;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		parse_ok(&p, cases[i].line, cases[i].kind);
		CHECK_INT(p.cmd.command.op_case, ==,
		          AANDESLAG__WORKSHOP_COMMAND__OP__NOT_SET);
	}
	parse_fails("toon alles", "Te veel woorden na toon");
	parse_fails("stop nu", "Te veel woorden na stop");
}

static void
test_unknown(void)
{
	parse_fails("note hallo", "Onbekende opdracht \"note\"; typ help voor de lijst.");
	parse_fails("verplaatsen Anna naar 2", "typ help");
	parse_fails("\"bericht", "aanhalingsteken");
}

/* ------------------------------------------------------------- moves */

static void
check_move(const char *line, const char *name, const char *from,
           const char *to)
{
	struct parsed p;

	parse_remote(&p, line, OP(MOVE));
	CHECK(p.cmd.command.move == &p.cmd.move);
	CHECK_STR(p.cmd.move.name, name);
	CHECK_STR(p.cmd.move.from_room, from);
	CHECK_STR(p.cmd.move.to_room, to);
	CHECK_UINT(p.cmd.move.participant_id, ==, 0);
}

/* Without a status the words go as typed. */
static void
test_move_blind(void)
{
	the_ws = NULL;
	check_move("verplaats Bram naar Techniek", "Bram", "", "Techniek");
	check_move("verplaats Bram naar 2", "Bram", "", "2");
	check_move("move Bram to zorg en welzijn", "Bram", "", "zorg en welzijn");
	check_move("verplaats Anna van Zorg naar Sport", "Anna", "Zorg", "Sport");
	check_move("move Anna from 1 to 2", "Anna", "1", "2");
	/* A name with "van" in it: quoted, or the last "van" splits. */
	check_move("verplaats \"Jan van Dijk\" naar 1", "Jan van Dijk", "", "1");
	check_move("verplaats Jan van Dijk van 4 naar 1", "Jan van Dijk", "4", "1");
	check_move("verplaats  Anna   de  Vries  naar  Zorg", "Anna de Vries", "",
	           "Zorg");
	parse_fails("verplaats", "verplaats NAAM naar GROEP");
	parse_fails("verplaats Anna", "verplaats NAAM naar GROEP");
	parse_fails("verplaats Anna naar", "verplaats NAAM naar GROEP");
	parse_fails("verplaats naar 2", "verplaats NAAM naar GROEP");
	parse_fails("verplaats \"Anna naar 2", "aanhalingsteken");
}

/* With the status: rooms by number, code, name or its start, sent by
 * their code; names checked where the rooms give them. */
static void
test_move_checked(void)
{
	struct ws_fixture f;

	ws_open(&f, false);
	the_ws = &f.ws;
	check_move("verplaats Bram naar Techniek", "Bram", "", "M3TR-9HJK");
	check_move("verplaats bram naar 2", "bram", "", "M3TR-9HJK");
	check_move("verplaats Bram naar m3tr9hjk", "Bram", "", "M3TR-9HJK");
	check_move("verplaats Bram naar tech", "Bram", "", "M3TR-9HJK");
	check_move("verplaats Bram naar economie en ondernemen", "Bram", "",
	           "P6VB-4WNC");
	check_move("move Noor to Sport", "Noor", "", "Q2XD-8YLF");
	/* "Jan van Dijk" is a name, since someone has it. */
	check_move("verplaats Jan van Dijk naar 1", "Jan van Dijk", "",
	           "K7QM-2XPD");
	/* Anna sits in two rooms: say which. */
	parse_fails("verplaats Anna naar 2",
	            "Er zijn meer mensen die \"Anna\" heten (groep 1 en 4)");
	check_move("verplaats Anna van Sport naar 2", "Anna", "Q2XD-8YLF",
	           "M3TR-9HJK");
	check_move("verplaats Anna van 1 naar 2", "Anna", "K7QM-2XPD",
	           "M3TR-9HJK");
	parse_fails("verplaats Anna van 2 naar 3",
	            "In groep 2 (Techniek) zit niemand die \"Anna\" heet.");
	parse_fails("verplaats Piet naar 2",
	            "Niemand in de groepen heet \"Piet\"");
	parse_fails("verplaats Bram naar Kunst",
	            "Er is geen groep \"Kunst\"; de groepen zijn: 1 Zorg, 2 Techniek, 3 Economie en Ondernemen, 4 Sport en Bewegen.");
	parse_fails("verplaats Bram naar 5",
	            "Er is geen groep 5; er zijn 4 groepen.");
	parse_fails("verplaats Bram naar 0", "Er is geen groep \"0\"");
	parse_fails("verplaats Bram van Kunst naar 2", "Er is geen groep \"Kunst\"");
	/* Nobody is called Jan: "van Dam" is not taken for a room. */
	parse_fails("verplaats Jan van Dam naar 1",
	            "Niemand in de groepen heet \"Jan van Dam\"");
	parse_fails("verplaats Bram naar zorg", "\"Bram\" zit al in groep 1 (Zorg).");
	/* Two rooms start alike: refused as not clear. */
	f.rooms[3].msg.name = (char *)"Zorg en Welzijn";
	parse_fails("verplaats Bram naar zo",
	            "\"zo\" past bij meer dan een groep");
	/* The exact name wins over a longer one that starts the same. */
	check_move("verplaats Noor naar zorg", "Noor", "", "K7QM-2XPD");

	/* In anonymous mode the rooms give no names: the server judges. */
	f.rooms[0].msg.n_participants = 0;
	f.rooms[3].msg.n_participants = 0;
	f.rooms[1].msg.n_participants = 0;
	f.rooms[2].msg.n_participants = 0;
	check_move("verplaats Piet naar 2", "Piet", "", "M3TR-9HJK");
	check_move("verplaats Piet van 1 naar 2", "Piet", "K7QM-2XPD",
	           "M3TR-9HJK");
	parse_fails("verplaats Piet van 2 naar Techniek", "zit al in groep 2");
	ws_close(&f);
	the_ws = NULL;
}

static void
test_long_words(void)
{
	char line[900];
	size_t n;

	the_ws = NULL;
	n = (size_t)snprintf(line, sizeof line, "verplaats ");
	memset(line + n, 'a', 300);
	snprintf(line + n + 300, sizeof line - n - 300, " naar 2");
	parse_fails(line, "te lang");
	/* Too many words. */
	snprintf(line, sizeof line, "verplaats %s naar 2",
	         "a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a");
	parse_fails(line, "Te veel woorden na verplaats");
}

static void
test_help(void)
{
	const char *h = wscmd_help(), *line, *nl;

	CHECK_CONTAINS(h, "klokken start");
	CHECK_CONTAINS(h, "bericht TEKST");
	CHECK_CONTAINS(h, "verplaats NAAM naar GROEP");
	CHECK_CONTAINS(h, "terugkoppeling volgende");
	CHECK_CONTAINS(h, "terugkoppeling +N");
	CHECK_CONTAINS(h, "export html BESTAND");
	CHECK_CONTAINS(h, "toon, groepen");
	/* Within 80 columns. */
	for (line = h; *line != '\0'; line = nl + 1) {
		nl = strchr(line, '\n');
		CHECK(nl != NULL);
		CHECK_INT(nl - line, <=, 80);
	}
}

CHECK_MAIN(CHECK_TEST(test_empty),
           CHECK_TEST(test_clocks),
           CHECK_TEST(test_announce),
           CHECK_TEST(test_report),
           CHECK_TEST(test_export),
           CHECK_TEST(test_local),
           CHECK_TEST(test_unknown),
           CHECK_TEST(test_move_blind),
           CHECK_TEST(test_move_checked),
           CHECK_TEST(test_long_words),
           CHECK_TEST(test_help))
