/* The facilitator's command language (see wscmd.h): parsing only, with
 * the words read by scan.c's tokenizer so that quoting and errors work as
 * in the room's own commands. Rooms and names are checked against the
 * last WorkshopStatus where it can say; the server decides the rest. */
#include "wscmd.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "code.h"
#include "i18n.h"
#include "model.h"
#include "scan.h"
#include "wsparts.h"

_Static_assert(WSCMD_ERROR_SIZE == CMD_ERROR_SIZE,
               "scan.c writes CMD_ERROR_SIZE bytes of error");

#define OP(name) AANDESLAG__WORKSHOP_COMMAND__OP_##name
#define REPORT(name) AANDESLAG__REPORT_ACTION__REPORT_ACTION_##name
/* The most words a move may have: names and rooms of a few words each. */
#define MOVE_WORDS_MAX 32

/* Sets the command's operation; evaluates to 0. */
#define WSSEND(out, op, member, msg)                                        \
	((out)->command.op_case = OP(op), (out)->command.member = (msg),    \
	 (out)->kind = WSCMD_REMOTE, 0)

/* --------------------------------------------------------------- rooms */

/* Whether the rooms give every seated person's name: only then can a
 * name nobody has be refused here (in anonymous mode they give none). */
static bool
names_known(const Aandeslag__WorkshopStatus *ws)
{
	size_t i;
	bool any = false;

	for (i = 0; i < ws->n_rooms; i++) {
		if (ws->rooms[i]->n_participants < ws->rooms[i]->seated)
			return false;
		any = any || ws->rooms[i]->n_participants > 0;
	}
	return any;
}

/* Whether room r seats someone called name (any case). */
static bool
seats_name(const Aandeslag__RoomSummary *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->n_participants; i++)
		if (strcasecmp(r->participants[i], name) == 0)
			return true;
	return false;
}

/* Writes "1 Zorg, 2 Techniek" for an error message. */
static void
room_list(const Aandeslag__WorkshopStatus *ws, char *out, size_t size)
{
	size_t i, len = 0;
	int n;

	out[0] = '\0';
	for (i = 0; i < ws->n_rooms && len < size; i++) {
		n = snprintf(out + len, size - len, "%s%zu %s", i ? ", " : "",
		             i + 1, ws->rooms[i]->name);
		if (n < 0)
			break;
		len += (size_t)n;
	}
}

/* Finds the room text names: its number, its code (typed any way), its
 * name in any case, or the start of exactly one name. Returns 0 with *n
 * set (1..), or -EINVAL; quiet false fills the error. */
static int
find_room(struct scan *s, const Aandeslag__WorkshopStatus *ws,
          const char *text, bool quiet, uint32_t *n)
{
	char typed[CODE_SIZE], code[CODE_SIZE], list[160];
	size_t i, len = strlen(text), prefixes = 0;
	uint32_t k;

	if (scan_count(text, 1, UINT32_MAX, &k) == 0) {
		if (k <= ws->n_rooms) {
			*n = k;
			return 0;
		}
		if (quiet)
			return -EINVAL;
		return scan_fail(s, _("Er is geen groep %" PRIu32 "; er zijn %zu groepen."),
		                 k, ws->n_rooms);
	}
	if (code_normalise(text, typed) == 0)
		for (i = 0; i < ws->n_rooms; i++)
			if (code_normalise(ws->rooms[i]->code, code) == 0 &&
			    strcmp(code, typed) == 0) {
				*n = (uint32_t)(i + 1);
				return 0;
			}
	for (i = 0; i < ws->n_rooms; i++)
		if (strcasecmp(ws->rooms[i]->name, text) == 0) {
			*n = (uint32_t)(i + 1);
			return 0;
		}
	/* Room names are often long ("Zorg en Welzijn"): the start of one
	 * is enough when no other room starts the same. */
	for (i = 0; i < ws->n_rooms; i++)
		if (len > 0 && strncasecmp(ws->rooms[i]->name, text, len) == 0) {
			prefixes++;
			*n = (uint32_t)(i + 1);
		}
	if (prefixes == 1)
		return 0;
	if (quiet)
		return -EINVAL;
	room_list(ws, list, sizeof list);
	if (prefixes > 1)
		return scan_fail(s, _("\"%s\" past bij meer dan een groep; typ meer van de naam, het nummer of de code (%s)."),
		                 text, list);
	return scan_fail(s, _("Er is geen groep \"%s\"; de groepen zijn: %s."),
	                 text, list);
}

/* ---------------------------------------------------------------- move */

static bool
is_to(const char *w)
{
	return scan_is(w, "naar") || scan_is(w, "to");
}

static bool
is_from(const char *w)
{
	return scan_is(w, "van") || scan_is(w, "from");
}

/* Joins n words with single spaces into out. Returns 0, or -E2BIG when
 * they do not fit (no error is filled: a reading may be tried and left). */
static int
join_quiet(char *const *w, size_t n, char out[WSCMD_TEXT_SIZE])
{
	size_t i, len = 0, k;

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		k = strlen(w[i]);
		if (len + (i > 0) + k >= WSCMD_TEXT_SIZE)
			return -E2BIG;
		if (i > 0)
			out[len++] = ' ';
		memcpy(out + len, w[i], k + 1);
		len += k;
	}
	return 0;
}

/* The same, refusing a text that is too long. */
static int
join(struct scan *s, char *const *w, size_t n, char out[WSCMD_TEXT_SIZE])
{
	if (join_quiet(w, n, out) < 0)
		return scan_fail(s, "%s", _("Die naam of groep is te lang."));
	return 0;
}

/* Which "van" splits the name from the room it is in: with the names of
 * the rooms known, the first reading in which that person sits there
 * ("Jan van Dijk" is a name, not Jan from room Dijk), else the last
 * "van" that names a room; without names the last "van". Returns its
 * index, or t for none; *where gets the room the person was found in
 * (0: not found or not looked up). */
static size_t
choose_split(const Aandeslag__WorkshopStatus *ws, char **w, size_t t,
             uint32_t *where)
{
	char name[WSCMD_TEXT_SIZE], from[WSCMD_TEXT_SIZE];
	size_t v, i, fallback = t;
	uint32_t k;

	*where = 0;
	if (ws == NULL || !names_known(ws)) {
		for (v = t - 1; v >= 1; v--)
			if (is_from(w[v]) && v + 1 < t)
				return v;
		return t;
	}
	if (join_quiet(w, t, name) == 0)
		for (i = 0; i < ws->n_rooms; i++)
			if (seats_name(ws->rooms[i], name)) {
				*where = (uint32_t)(i + 1);
				return t;
			}
	for (v = t - 1; v >= 1; v--) {
		if (!is_from(w[v]) || v + 1 >= t ||
		    join_quiet(w, v, name) < 0 ||
		    join_quiet(w + v + 1, t - v - 1, from) < 0)
			continue;
		if (find_room(NULL, ws, from, true, &k) < 0) {
			/* Someone of that name, from a room that is not
			 * there: the room is what is wrong. */
			for (i = 0; i < ws->n_rooms && fallback == t; i++)
				if (seats_name(ws->rooms[i], name))
					fallback = v;
			continue;
		}
		if (seats_name(ws->rooms[k - 1], name)) {
			*where = k;
			return v;
		}
		if (fallback == t)
			fallback = v;
	}
	/* Nobody fits: a reading with a room says best what is wrong
	 * ("nobody called Anna in room 1"). */
	return fallback;
}

/* verplaats NAAM [van GROEP] naar GROEP */
static int
parse_move(struct scan *s, const Aandeslag__WorkshopStatus *ws,
           struct wscmd *out)
{
	Aandeslag__MoveParticipant *m = &out->move;
	char *w[MOVE_WORDS_MAX];
	size_t n = 0, t = 0, v, i, found = 0;
	uint32_t to = 0, from = 0, where, first = 0, second = 0;
	int rc;

	while ((rc = scan_word(s, &w[n])) == 0)
		if (++n == MOVE_WORDS_MAX)
			return scan_fail(s, _("Te veel woorden na %s."),
			                 s->name);
	if (rc == -EINVAL)
		return rc;
	for (i = n; i-- > 1;)
		if (is_to(w[i])) {
			t = i;
			break;
		}
	if (t == 0 || t + 1 == n)
		return scan_fail(s, "%s", _("Zeg wie naar welke groep gaat: verplaats NAAM naar GROEP (of verplaats NAAM van GROEP naar GROEP)."));
	if (join(s, w + t + 1, n - t - 1, out->to_room) < 0)
		return -EINVAL;
	v = choose_split(ws, w, t, &where);
	if (join(s, w, v, out->name) < 0 ||
	    (v < t && join(s, w + v + 1, t - v - 1, out->from_room) < 0))
		return -EINVAL;
	if (ws != NULL) {
		if (find_room(s, ws, out->to_room, false, &to) < 0 ||
		    (v < t && find_room(s, ws, out->from_room, false, &from) < 0))
			return -EINVAL;
		if (names_known(ws)) {
			for (i = 0; i < ws->n_rooms; i++)
				if ((from == 0 || from == i + 1) &&
				    seats_name(ws->rooms[i], out->name)) {
					if (found++ == 0)
						first = (uint32_t)(i + 1);
					else if (found == 2)
						second = (uint32_t)(i + 1);
				}
			if (found == 0 && from != 0)
				return scan_fail(s, _("In groep %" PRIu32 " (%s) zit niemand die \"%s\" heet."),
				                 from, ws->rooms[from - 1]->name,
				                 out->name);
			if (found == 0)
				return scan_fail(s, _("Niemand in de groepen heet \"%s\"; typ toon voor wie waar zit."),
				                 out->name);
			if (found > 1)
				return scan_fail(s, _("Er zijn meer mensen die \"%s\" heten (groep %" PRIu32 " en %" PRIu32 "); zeg uit welke groep: verplaats %s van GROEP naar GROEP."),
				                 out->name, first, second,
				                 out->name);
			where = first;
		}
		if (where == 0)
			where = from;
		if (where == to)
			return scan_fail(s, _("\"%s\" zit al in groep %" PRIu32 " (%s)."),
			                 out->name, to, ws->rooms[to - 1]->name);
		/* The room as the status named it: the code says which one
		 * even when what was typed was only the start of a name. */
		wsparts_code(ws->rooms[to - 1]->code, out->to_room,
		             sizeof out->to_room);
		if (from != 0)
			wsparts_code(ws->rooms[from - 1]->code, out->from_room,
			             sizeof out->from_room);
	}
	aandeslag__move_participant__init(m);
	m->name = out->name;
	m->from_room = out->from_room;
	m->to_room = out->to_room;
	return WSSEND(out, MOVE, move, m);
}

/* ----------------------------------------------------- the other ones */

static int
parse_clocks(struct scan *s, struct wscmd *out)
{
	char *w;

	if (scan_need_word(s, &w, _("Bedoel je: klokken start (de klok van elke groep starten)?")) < 0 ||
	    scan_done(s) < 0)
		return -EINVAL;
	if (!scan_is(w, "start") && !scan_is(w, "starten"))
		return scan_fail(s, _("klokken kent alleen start, niet \"%s\"."), w);
	aandeslag__start_clocks__init(&out->start_clocks);
	return WSSEND(out, START_CLOCKS, start_clocks, &out->start_clocks);
}

/* bericht TEKST: the rest of the line as it is; nothing clears it. */
static int
parse_announce(struct scan *s, struct wscmd *out)
{
	aandeslag__announce__init(&out->announce);
	out->announce.text = s->p;
	return WSSEND(out, ANNOUNCE, announce, &out->announce);
}

static int
parse_report(struct scan *s, struct wscmd *out)
{
	static const struct {
		const char *nl, *en;
		Aandeslag__ReportAction action;
	} words[] = {
		{ "start", "begin", REPORT(START) },
		{ "volgende", "next", REPORT(NEXT) },
		{ "vorige", "prev", REPORT(PREV) },
		{ "overzicht", "overview", REPORT(OVERVIEW) },
		{ "stop", "end", REPORT(END) },
		{ "pauze", "pause", REPORT(PAUSE) },
		{ "verder", "resume", REPORT(RESUME) },
	};
	Aandeslag__ReportControl *r = &out->report;
	size_t i;
	char *w;

	aandeslag__report_control__init(r);
	if (scan_need_word(s, &w, _("Na terugkoppeling hoort start, volgende, vorige, overzicht, stop, pauze, verder of +MINUTEN.")) < 0 ||
	    scan_done(s) < 0)
		return -EINVAL;
	if (w[0] == '+') {
		if (scan_count(w + 1, 1, MODEL_MINUTES_MAX, &r->minutes) < 0)
			return scan_fail(s, _("Na + hoort een aantal minuten van 1 tot en met %d, bijvoorbeeld: terugkoppeling +2"),
			                 MODEL_MINUTES_MAX);
		r->action = REPORT(EXTEND);
		return WSSEND(out, REPORT, report, r);
	}
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (scan_is(w, words[i].nl) || scan_is(w, words[i].en)) {
			r->action = words[i].action;
			return WSSEND(out, REPORT, report, r);
		}
	return scan_fail(s, _("terugkoppeling kent \"%s\" niet: kies start, volgende, vorige, overzicht, stop, pauze, verder of +MINUTEN."),
	                 w);
}

/* export FMT BESTAND: the rest of the line is the file name, so that it
 * may hold spaces. */
static int
parse_export(struct scan *s, struct wscmd *out)
{
	static const struct {
		const char *word;
		enum wscmd_export format;
	} formats[] = {
		{ "csv", WSCMD_EXPORT_CSV }, { "ics", WSCMD_EXPORT_ICS },
		{ "md", WSCMD_EXPORT_MD }, { "json", WSCMD_EXPORT_JSON },
		{ "html", WSCMD_EXPORT_HTML },
	};
	size_t i;
	char *w;

	if (scan_need_word(s, &w, _("Welk soort bestand: export csv|ics|md|json|html BESTAND.")) < 0)
		return -EINVAL;
	for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (scan_is(w, formats[i].word))
			break;
	if (i == sizeof formats / sizeof formats[0])
		return scan_fail(s, _("Onbekend soort bestand: %s (csv, ics, md, json of html)."),
		                 w);
	if (*s->p == '\0')
		return scan_fail(s, "%s", _("Geef de naam van het bestand."));
	out->export_format = formats[i].format;
	out->export_path = s->p;
	aandeslag__export_workshop__init(&out->export_all);
	out->command.op_case = OP(EXPORT);
	out->command.export = &out->export_all;
	out->kind = WSCMD_EXPORT;
	return 0;
}

static int
parse_local(struct scan *s, struct wscmd *out, enum wscmd_kind kind)
{
	if (scan_done(s) < 0)
		return -EINVAL;
	out->kind = kind;
	return 0;
}

int
wscmd_parse(char *line, const Aandeslag__WorkshopStatus *ws,
            struct wscmd *out, char error[WSCMD_ERROR_SIZE])
{
	struct scan s = { .error = error };
	char *w;
	int rc;

	memset(out, 0, sizeof *out);
	aandeslag__workshop_command__init(&out->command);
	out->kind = WSCMD_EMPTY;
	error[0] = '\0';
	if (!scan_start(&s, line))
		return 0;
	if (scan_word(&s, &w) < 0)
		goto failed;
	s.name = w;
#define IS(k) scan_is(w, k)
	if (IS("klokken") || IS("clocks"))
		rc = parse_clocks(&s, out);
	else if (IS("bericht") || IS("announce"))
		rc = parse_announce(&s, out);
	else if (IS("verplaats") || IS("move"))
		rc = parse_move(&s, ws, out);
	else if (IS("terugkoppeling") || IS("report"))
		rc = parse_report(&s, out);
	else if (IS("export"))
		rc = parse_export(&s, out);
	else if (IS("toon") || IS("groepen") || IS("show") || IS("rooms"))
		rc = parse_local(&s, out, WSCMD_SHOW);
	else if (IS("help") || IS("hulp") || IS("?"))
		rc = parse_local(&s, out, WSCMD_HELP);
	else if (IS("stop") || IS("quit"))
		rc = parse_local(&s, out, WSCMD_QUIT);
	else if (IS("lang") || IS("taal")) {
		rc = scan_lang(&s, &out->lang);
		if (rc == 0)
			out->kind = WSCMD_LANG;
	}
	else
		rc = scan_fail(&s, _("Onbekende opdracht \"%s\"; typ help voor de lijst."),
		               w);
#undef IS
	if (rc == 0)
		return 0;
failed:
	/* Only the error counts: nothing half filled in is left to send. */
	memset(out, 0, sizeof *out);
	aandeslag__workshop_command__init(&out->command);
	out->kind = WSCMD_EMPTY;
	return -EINVAL;
}

const char *
wscmd_help(void)
{
	return _(
"Opdrachten van de begeleider, een per regel. Een GROEP is het nummer,\n"
"de naam (het begin is genoeg) of de code van een groep. Zet een naam\n"
"met \"van\" erin tussen aanhalingstekens: verplaats \"Jan van Dijk\" naar 2.\n"
"\n"
"De groepen\n"
"  toon, groepen           alle groepen in een oogopslag\n"
"  klokken start           de klok van elke groep tegelijk starten\n"
"  bericht TEKST           een bericht op het scherm van elke groep\n"
"  bericht                 het bericht weghalen\n"
"  verplaats NAAM naar GROEP\n"
"                          iemand naar een andere groep sturen\n"
"  verplaats NAAM van GROEP naar GROEP\n"
"                          als twee groepen iemand met die naam hebben\n"
"\n"
"De terugkoppeling (op de beamer)\n"
"  terugkoppeling start    de eerste groep is aan de beurt\n"
"  terugkoppeling volgende, terugkoppeling vorige\n"
"                          de volgende of de vorige groep\n"
"  terugkoppeling overzicht  alle groepen naast elkaar\n"
"  terugkoppeling pauze, terugkoppeling verder\n"
"                          de klok van de beurt stilzetten of verder laten lopen\n"
"  terugkoppeling +N       deze beurt N minuten langer\n"
"  terugkoppeling stop     de terugkoppeling afsluiten\n"
"\n"
"Bewaren en stoppen\n"
"  export csv BESTAND      de acties van alle groepen als tabel voor Excel\n"
"  export ics BESTAND      de acties met een datum voor de agenda\n"
"  export md BESTAND       alle posters als Markdown\n"
"  export json BESTAND     alles, voor een archief of een ander programma\n"
"  export html BESTAND     alle posters als webpagina\n"
"  help, ?                 deze lijst\n"
"  taal en, taal nl        de taal: Engels of Nederlands (ook: lang)\n"
"  stop                    de begeleiding verlaten (de groepen gaan door)\n"
"\n"
"In het Engels kan ook: clocks start, announce, move ... from ... to,\n"
"report start|next|prev|overview|end|pause|resume|+N, show, quit.\n");
}
