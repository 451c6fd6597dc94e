/* The command language: "note TEXT", "vote open-houding", "set levels
 * 2,3". Parsing only: the connection sends, the model decides. The parser
 * refuses what cannot be right whoever sends it (an unknown option, a
 * name nobody has, an id the content lacks, an item the poster lacks);
 * permissions, budgets and limits are left to the server, which knows.
 * The words are read by scan.c; steps 4 and 5 are parsed in cmd_plan.c. */
#include "cmd.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "dates.h"
#include "i18n.h"
#include "scan.h"

#define AUTHOR(name) AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_##name
#define KEY(name) AANDESLAG__SETTING_KEY__SETTING_##name
#define CLOCK(name) AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_##name
#define STEP(name) AANDESLAG__STEP_ACTION__STEP_ACTION_##name
#define OP(name) AANDESLAG__COMMAND__OP_##name

/* ------------------------------------------------------------- notes */

static int
parse_note(struct scan *s)
{
	Aandeslag__AddNote *n = &s->out->add_note;
	const struct model_participant *p;
	char *opt, *w;
	int rc;

	aandeslag__add_note__init(n);
	while ((rc = scan_option(s, &opt)) == 1) {
		if (scan_is(opt, "--step")) {
			if (scan_value(s, opt, &w) < 0 ||
			    scan_step(s, w, &n->step) < 0)
				return -EINVAL;
		} else if (scan_is(opt, "--for")) {
			if (scan_value(s, opt, &w) < 0)
				return -EINVAL;
			if (n->author == AUTHOR(NONE))
				return scan_fail(s, "%s", _("Kies --for of --anon, niet allebei."));
			n->author = AUTHOR(ON_BEHALF);
			/* A colleague who is seated is named by id, so that
			 * the note stays theirs; anyone else by name. */
			p = s->room ? scan_find_name(s->room, w) : NULL;
			s->out->mirrored = s->room != NULL;
			if (p != NULL)
				n->on_behalf_id = p->id;
			else
				n->on_behalf_name = w;
		} else if (scan_is(opt, "--anon")) {
			if (n->author == AUTHOR(ON_BEHALF))
				return scan_fail(s, "%s", _("Kies --for of --anon, niet allebei."));
			n->author = AUTHOR(NONE);
		} else {
			return scan_bad_option(s, opt);
		}
	}
	if (rc < 0)
		return rc;
	if (*s->p == '\0')
		return scan_fail(s, "%s", _("Schrijf de notitie achter note, bijvoorbeeld: note Ik heb een jaar in Gent gewerkt."));
	n->text = s->p;
	return SEND(s, ADD_NOTE, add_note, n);
}

static int
parse_note_edit(struct scan *s, bool delete)
{
	uint32_t id;

	if (scan_item_id(s, SCAN_NOTE, &id) < 0)
		return -EINVAL;
	/* Editing needs no merge, but a note the mirror lacks cannot be
	 * right; without a room the server judges. */
	s->out->mirrored = s->room != NULL;
	if (s->room != NULL && model_note(s->room, id) == NULL)
		return scan_fail(s, _("Er is geen notitie n%" PRIu32
		                      " op de poster."), id);
	if (delete) {
		aandeslag__delete_note__init(&s->out->delete_note);
		s->out->delete_note.note_id = id;
		if (scan_done(s) < 0)
			return -EINVAL;
		return SEND(s, DELETE_NOTE, delete_note, &s->out->delete_note);
	}
	aandeslag__edit_note__init(&s->out->edit_note);
	s->out->edit_note.note_id = id;
	if (*s->p == '\0')
		return scan_fail(s, "%s", _("Schrijf de nieuwe tekst achter het nummer, bijvoorbeeld: note-edit n3 Twee jaar in Gent."));
	s->out->edit_note.text = s->p;
	return SEND(s, EDIT_NOTE, edit_note, &s->out->edit_note);
}

/* ------------------------------------------------------------- cards */

static int
parse_question(struct scan *s)
{
	Aandeslag__AddQuestion *q = &s->out->add_question;
	char *opt, *w;
	int rc;

	aandeslag__add_question__init(q);
	while ((rc = scan_option(s, &opt)) == 1) {
		if (!scan_is(opt, "--step"))
			return scan_bad_option(s, opt);
		if (scan_value(s, opt, &w) < 0 || scan_step(s, w, &q->step) < 0)
			return -EINVAL;
	}
	if (rc < 0)
		return rc;
	if (*s->p == '\0')
		return scan_fail(s, "%s", _("Schrijf je vraag achter question, bijvoorbeeld: question Wie kent een bedrijf in Duitsland?"));
	q->text = s->p;
	return SEND(s, ADD_QUESTION, add_question, q);
}

static int
parse_table(struct scan *s)
{
	Aandeslag__PutOnTable *t = &s->out->table;
	const Aandeslag__ContentQuestion *q;
	uint32_t own;
	char *w, *c;

	aandeslag__put_on_table__init(t);
	if (scan_need_word(s, &w, _("Na table hoort het id van een vraag (zoals b3 of e2), of off.")) < 0 ||
	    scan_done(s) < 0)
		return -EINVAL;
	if (scan_is(w, "off") || scan_is(w, "none"))
		return SEND(s, TABLE, table, t);
	/* Content ids are lower case; "B3" means b3. */
	for (c = w; *c != '\0'; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	q = scan_has_content(s->room) ?
	    content_question(s->room->content, w, NULL) : NULL;
	if (q != NULL) {
		t->content_id = q->id;
		return SEND(s, TABLE, table, t);
	}
	if (w[0] == 'e' && scan_count(w + 1, 1, UINT32_MAX, &own) == 0) {
		s->out->mirrored = s->room != NULL;
		if (s->room != NULL &&
		    items_find(&s->room->questions, own) == NULL)
			return scan_fail(s, _("Er is geen eigen vraag e%" PRIu32
			                      "."), own);
		t->own_id = own;
		return SEND(s, TABLE, table, t);
	}
	if (scan_has_content(s->room))
		return scan_fail(s, _("Geen vragenkaart heeft een vraag \"%s\"; typ card voor de ids."),
				 w);
	t->content_id = w;
	return SEND(s, TABLE, table, t);
}

/* ------------------------------------------------------------- votes */

static int
parse_vote(struct scan *s, bool mark, bool on)
{
	char *w, *id;

	if (scan_need_word(s, &w, _("Hierna hoort het id van een competentie; typ model voor de ids.")) < 0 ||
	    scan_done(s) < 0 || scan_competence(s, w, &id) < 0)
		return -EINVAL;
	if (mark) {
		aandeslag__mark_competence__init(&s->out->mark);
		s->out->mark.competence_id = id;
		s->out->mark.marked = on;
		return SEND(s, MARK, mark, &s->out->mark);
	}
	aandeslag__cast_vote__init(&s->out->vote);
	s->out->vote.competence_id = id;
	s->out->vote.remove = !on;
	return SEND(s, VOTE, vote, &s->out->vote);
}

/* ---------------------------------------------------------- settings */

enum value { V_TEXT, V_CLEARABLE, V_LEVELS, V_MINUTES, V_NUMBER, V_FLAG,
             V_DATE };

static const struct {
	const char *word;
	int key;
	enum value value;
} setting_words[] = {
	{ "title", KEY(TITLE), V_TEXT },
	{ "programme", KEY(PROGRAMME), V_CLEARABLE },
	{ "dossier", KEY(QUALIFICATION), V_CLEARABLE },
	{ "levels", KEY(LEVELS), V_LEVELS },
	{ "region", KEY(REGION), V_CLEARABLE },
	{ "minutes", KEY(STEP_MINUTES), V_MINUTES },
	{ "budget", KEY(VOTE_BUDGET), V_NUMBER },
	{ "stacking", KEY(VOTE_STACKING), V_FLAG },
	{ "anonymous", KEY(ANONYMOUS), V_FLAG },
	{ "talk-only", KEY(TALK_ONLY), V_FLAG },
	{ "locked", KEY(LOCKED), V_FLAG },
	{ "slot", KEY(LOCKED), V_FLAG },
	{ "follow-up", KEY(FOLLOW_UP), V_DATE },
};

static int
flag(struct scan *s, const char *w, protobuf_c_boolean *out)
{
	if (scan_is(w, "on") || scan_is(w, "aan"))
		*out = 1;
	else if (scan_is(w, "off") || scan_is(w, "uit"))
		*out = 0;
	else
		return scan_fail(s, _("%s verwacht on of off, niet \"%s\"."), s->name, w);
	return 0;
}

static int
parse_levels(struct scan *s, Aandeslag__ChangeSetting *c)
{
	char *items[4];
	size_t i, n;

	if (*s->p == '\0')
		return scan_fail(s, "%s", _("Na set levels horen niveaus, bijvoorbeeld: set levels 2,3,4 (of none)."));
	if (scan_split(s->p, items, 4, &n) < 0)
		return scan_fail(s, "%s", _("Er zijn maar vier niveaus: 1, 2, 3 en 4."));
	for (i = 0; i < n; i++)
		if (scan_count(items[i], 1, 4, &s->out->numbers[i]) < 0)
			return scan_fail(s, _("Een niveau is 1, 2, 3 of 4, niet \"%s\"."),
					 items[i]);
	c->numbers = s->out->numbers;
	c->n_numbers = n;
	return 0;
}

static int
parse_set(struct scan *s)
{
	Aandeslag__ChangeSetting *c = &s->out->setting;
	char *w, *v;
	size_t i;

	aandeslag__change_setting__init(c);
	if (scan_need_word(s, &w, _("Na set hoort wat je wilt instellen; typ help voor de lijst.")) < 0)
		return -EINVAL;
	for (i = 0; i < sizeof setting_words / sizeof setting_words[0]; i++)
		if (scan_is(w, setting_words[i].word))
			break;
	if (i == sizeof setting_words / sizeof setting_words[0])
		return scan_fail(s, _("Er is geen instelling \"%s\"; typ help voor de lijst."),
				 w);
	c->key = (Aandeslag__SettingKey)setting_words[i].key;
	s->name = setting_words[i].word;
	switch (setting_words[i].value) {
	case V_TEXT:
		if (*s->p == '\0')
			return scan_fail(s, "%s", _("Na set title hoort de nieuwe titel."));
		/* fall through */
	case V_CLEARABLE:
		c->text = s->p;
		break;
	case V_LEVELS:
		if (parse_levels(s, c) < 0)
			return -EINVAL;
		break;
	case V_MINUTES:
		if (scan_need_word(s, &v, _("Gebruik: set minutes STAP MINUTEN, bijvoorbeeld: set minutes 2 40")) < 0 ||
		    scan_step(s, v, &c->step) < 0 ||
		    scan_need_word(s, &v, _("Gebruik: set minutes STAP MINUTEN, bijvoorbeeld: set minutes 2 40")) < 0 ||
		    scan_done(s) < 0)
			return -EINVAL;
		if (scan_count(v, 1, 100000, &c->number) < 0)
			return scan_fail(s, _("\"%s\" is geen aantal minuten."), v);
		break;
	case V_NUMBER:
		if (scan_need_word(s, &v, _("Na set budget hoort het aantal stippen per persoon.")) < 0 ||
		    scan_done(s) < 0)
			return -EINVAL;
		if (scan_count(v, 1, 100000, &c->number) < 0)
			return scan_fail(s, _("\"%s\" is geen aantal stippen."), v);
		break;
	case V_FLAG:
		if (*s->p == '\0')
			return scan_fail(s, _("Na set %s hoort on of off."),
					 s->name);
		if (scan_word(s, &v) < 0 || scan_done(s) < 0 ||
		    flag(s, v, &c->flag) < 0)
			return -EINVAL;
		break;
	case V_DATE:
		if (scan_need_word(s, &v, _("Na set follow-up hoort een datum JJJJ-MM-DD, of none.")) < 0 ||
		    scan_done(s) < 0)
			return -EINVAL;
		if (scan_is(v, "none") || scan_is(v, "geen"))
			v = (char *)"";
		else if (dates_check_day(v) < 0)
			return scan_fail(s, _("\"%s\" is geen datum als 2027-03-15."), v);
		c->text = v;
		break;
	}
	return SEND(s, SETTING, setting, c);
}

/* password TEXT sets the room's password, password off clears it: the
 * text travels to the server alone, which keeps only a hash of it. */
static int
parse_password(struct scan *s)
{
	Aandeslag__ChangeSetting *c = &s->out->setting;

	aandeslag__change_setting__init(c);
	c->key = KEY(PASSWORD);
	if (*s->p == '\0')
		return scan_fail(s, "%s", _("Na wachtwoord hoort het wachtwoord, of uit om het weg te halen."));
	if (scan_is(s->p, "off") || scan_is(s->p, "uit"))
		c->text = (char *)"";
	else
		c->text = s->p;
	return SEND(s, SETTING, setting, c);
}

static int
parse_votes(struct scan *s)
{
	Aandeslag__ChangeSetting *c = &s->out->setting;
	char *w;

	aandeslag__change_setting__init(c);
	c->key = KEY(VOTES_HIDDEN);
	if (scan_need_word(s, &w, _("Gebruik: votes hidden (stemmen verbergen) of votes open (laten zien).")) < 0 ||
	    scan_done(s) < 0)
		return -EINVAL;
	if (scan_is(w, "hidden"))
		c->flag = 1;
	else if (!scan_is(w, "open"))
		return scan_fail(s, _("votes verwacht hidden of open, niet \"%s\"."), w);
	return SEND(s, SETTING, setting, c);
}

/* ------------------------------------------------------------- seats */

/* Reads the name of a seated participant: the rest of the line, in
 * quotes or not, since names may hold spaces. For hand over, scribe,
 * remove and recognise. */
static int
parse_seat(struct scan *s, int op)
{
	size_t n = strlen(s->p);
	char *name = s->p;
	protobuf_c_boolean on = 1;
	uint32_t id;
	char *last;

	if (op == OP(SCRIBE)) {
		for (last = name + n; last > name &&
		     !scan_is_space(last[-1]); last--)
			;
		if (scan_is(last, "off") || scan_is(last, "on")) {
			on = scan_is(last, "on");
			*last = '\0';
			n = strlen(name);
			while (n > 0 && scan_is_space(name[n - 1]))
				name[--n] = '\0';
		}
	}
	if (n >= 2 && name[0] == '"' && name[n - 1] == '"') {
		name[n - 1] = '\0';
		name++;
	}
	if (*name == '\0')
		return scan_fail(s, _("Na %s hoort de naam van iemand in de werksessie."),
				 s->name);
	if (scan_seated(s, name, &id) < 0)
		return -EINVAL;
	switch (op) {
	case OP(HAND_OVER):
		aandeslag__hand_over_chair__init(&s->out->hand_over);
		s->out->hand_over.participant_id = id;
		return SEND(s, HAND_OVER, hand_over, &s->out->hand_over);
	case OP(SCRIBE):
		aandeslag__set_scribe__init(&s->out->scribe);
		s->out->scribe.participant_id = id;
		s->out->scribe.scribe = on;
		return SEND(s, SCRIBE, scribe, &s->out->scribe);
	case OP(RECOGNISE):
		aandeslag__recognise__init(&s->out->recognise);
		s->out->recognise.participant_id = id;
		return SEND(s, RECOGNISE, recognise, &s->out->recognise);
	default:
		aandeslag__remove_participant__init(&s->out->remove);
		s->out->remove.participant_id = id;
		return SEND(s, REMOVE, remove, &s->out->remove);
	}
}

/* ------------------------------------------------------- clock, steps */

static int
parse_clock(struct scan *s, int action)
{
	char *w;
	int rc;

	aandeslag__clock_control__init(&s->out->clock);
	s->out->clock.action = (Aandeslag__ClockAction)action;
	if (action == CLOCK(EXTEND) ||
	    action == CLOCK(SHORTEN)) {
		rc = scan_word(s, &w);
		if (rc == -EINVAL)
			return rc;
		if (rc == -ENOENT ||
		    scan_count(w, 1, 100000, &s->out->clock.minutes) < 0)
			return scan_fail(s, _("%s verwacht een aantal minuten, bijvoorbeeld: extend 5"),
					 s->name);
	}
	if (scan_done(s) < 0)
		return -EINVAL;
	return SEND(s, CLOCK, clock, &s->out->clock);
}

static int
parse_step(struct scan *s, int action)
{
	char *w;

	aandeslag__step_control__init(&s->out->step);
	s->out->step.action = (Aandeslag__StepAction)action;
	if (action == STEP(GOTO) &&
	    (scan_need_word(s, &w, _("goto verwacht een stap van 1 tot en met 5.")) < 0 ||
	     scan_step(s, w, &s->out->step.step) < 0))
		return -EINVAL;
	if (scan_done(s) < 0)
		return -EINVAL;
	return SEND(s, STEP, step, &s->out->step);
}

/* ------------------------------------------------------- local views */

static int
parse_local(struct scan *s, enum cmd_kind kind)
{
	char *w;

	if (kind == CMD_CARD && *s->p != '\0' &&
	    (scan_word(s, &w) < 0 || scan_step(s, w, &s->out->card_step) < 0))
		return -EINVAL;
	if (scan_done(s) < 0)
		return -EINVAL;
	s->out->kind = kind;
	return 0;
}

/* export csv|ics|md|json|html FILE: the rest of the line is the file
 * name, so that it may hold spaces. */
static int
parse_export(struct scan *s)
{
	char *w;

	if (scan_need_word(s, &w, _("Welk soort bestand: export csv|ics|md|json|html BESTAND.")) < 0)
		return -EINVAL;
	if (scan_is(w, "csv"))
		s->out->export_format = CMD_EXPORT_CSV;
	else if (scan_is(w, "ics"))
		s->out->export_format = CMD_EXPORT_ICS;
	else if (scan_is(w, "json"))
		s->out->export_format = CMD_EXPORT_JSON;
	else if (scan_is(w, "md"))
		s->out->export_format = CMD_EXPORT_MD;
	else if (scan_is(w, "html"))
		s->out->export_format = CMD_EXPORT_HTML;
	else
		return scan_fail(s, _("Onbekend soort bestand: %s (csv, ics, md, json of html)."), w);
	if (*s->p == '\0')
		return scan_fail(s, "%s", _("Geef de naam van het bestand."));
	s->out->export_path = s->p;
	s->out->kind = CMD_EXPORT;
	return 0;
}

static int
parse_simple(struct scan *s, int op)
{
	if (scan_done(s) < 0)
		return -EINVAL;
	if (op == OP(LEAVE)) {
		aandeslag__leave__init(&s->out->leave);
		return SEND(s, LEAVE, leave, &s->out->leave);
	}
	if (op == OP(TAKE_CHAIR)) {
		aandeslag__take_chair__init(&s->out->take_chair);
		return SEND(s, TAKE_CHAIR, take_chair, &s->out->take_chair);
	}
	aandeslag__finish__init(&s->out->finish);
	return SEND(s, FINISH, finish, &s->out->finish);
}

int
cmd_parse(char *line, const struct model_room *room, uint32_t self_id,
          struct cmd *out, char error[CMD_ERROR_SIZE])
{
	struct scan s = { .room = room, .self_id = self_id, .out = out,
	                  .error = error };
	char *w;
	int rc;

	memset(out, 0, sizeof *out);
	aandeslag__command__init(&out->command);
	out->kind = CMD_EMPTY;
	error[0] = '\0';
	if (!scan_start(&s, line))
		return 0;
	if (scan_word(&s, &w) < 0)
		return -EINVAL;
	s.name = w;
#define IS(k) scan_is(w, k)
	if (IS("note"))
		rc = parse_note(&s);
	else if (IS("note-edit") || IS("note-delete"))
		rc = parse_note_edit(&s, IS("note-delete"));
	else if (IS("question"))
		rc = parse_question(&s);
	else if (IS("table"))
		rc = parse_table(&s);
	else if (IS("vote") || IS("unvote"))
		rc = parse_vote(&s, false, IS("vote"));
	else if (IS("mark") || IS("unmark"))
		rc = parse_vote(&s, true, IS("mark"));
	else if (IS("votes"))
		rc = parse_votes(&s);
	else if (IS("activity"))
		rc = cmd_plan_activity(&s);
	else if (IS("action"))
		rc = cmd_plan_action(&s);
	else if (IS("claim") || IS("release"))
		rc = cmd_plan_action_item(&s, OP(CLAIM));
	else if (IS("status"))
		rc = cmd_plan_action_item(&s, OP(ACTION_STATUS));
	else if (IS("bevinding") || IS("finding"))
		rc = cmd_plan_finding(&s);
	else if (IS("set"))
		rc = parse_set(&s);
	else if (IS("password") || IS("wachtwoord"))
		rc = parse_password(&s);
	else if (IS("chair"))
		rc = parse_seat(&s, OP(HAND_OVER));
	else if (IS("scribe"))
		rc = parse_seat(&s, OP(SCRIBE));
	else if (IS("remove"))
		rc = parse_seat(&s, OP(REMOVE));
	else if (IS("overnemen") || IS("take-chair"))
		rc = parse_simple(&s, OP(TAKE_CHAIR));
	else if (IS("herken") || IS("recognise"))
		rc = parse_seat(&s, OP(RECOGNISE));
	else if (IS("finish"))
		rc = parse_simple(&s, OP(FINISH));
	else if (IS("leave"))
		rc = parse_simple(&s, OP(LEAVE));
	else if (IS("start"))
		rc = parse_clock(&s, CLOCK(START));
	else if (IS("pause"))
		rc = parse_clock(&s, CLOCK(PAUSE));
	else if (IS("resume"))
		rc = parse_clock(&s, CLOCK(RESUME));
	else if (IS("extend"))
		rc = parse_clock(&s, CLOCK(EXTEND));
	else if (IS("shorten"))
		rc = parse_clock(&s, CLOCK(SHORTEN));
	else if (IS("next"))
		rc = parse_step(&s, STEP(NEXT));
	else if (IS("prev"))
		rc = parse_step(&s, STEP(PREV));
	else if (IS("goto"))
		rc = parse_step(&s, STEP(GOTO));
	else if (IS("who"))
		rc = parse_local(&s, CMD_WHO);
	else if (IS("export"))
		rc = parse_export(&s);
	else if (IS("show"))
		rc = parse_local(&s, CMD_SHOW);
	else if (IS("help"))
		rc = parse_local(&s, CMD_HELP);
	else if (IS("card"))
		rc = parse_local(&s, CMD_CARD);
	else if (IS("model"))
		rc = parse_local(&s, CMD_MODEL);
	else if (IS("catalogue"))
		rc = parse_local(&s, CMD_CATALOGUE);
	else if (IS("settings"))
		rc = parse_local(&s, CMD_SETTINGS);
	else if (IS("uncovered"))
		rc = parse_local(&s, CMD_UNCOVERED);
	else if (IS("lang") || IS("taal")) {
		rc = scan_lang(&s, &out->lang);
		if (rc == 0)
			out->kind = CMD_LANG;
	}
	else
		rc = scan_fail(&s, _("Onbekende opdracht \"%s\"; typ help voor de lijst."),
			       w);
#undef IS
	if (rc < 0) {
		/* What was filled in stays out of reach of a careless
		 * caller: only the error counts. */
		out->kind = CMD_EMPTY;
		aandeslag__command__init(&out->command);
		return -EINVAL;
	}
	return 0;
}

const char *
cmd_help(void)
{
	return _(
"Opdrachten, een per regel. Nummers zoals show ze toont: n3 (notitie),\n"
"e2 (eigen vraag), a4 (activiteit), p2 (actie), t1 (bevinding); het getal\n"
"alleen mag ook.\n"
"Zet woorden met spaties tussen aanhalingstekens: --when \"periode 2\".\n"
"\n"
"Altijd\n"
"  show                    de hele poster\n"
"  who                     wie er meedoen\n"
"  export csv BESTAND      de acties als tabel voor Excel\n"
"  export ics BESTAND      de acties met een datum of maand voor de agenda\n"
"  export md BESTAND       de poster als Markdown (wiki, mail, document)\n"
"  export json BESTAND     alles, voor een archief of een ander programma\n"
"  export html BESTAND     de poster als webpagina, om op A4 te printen\n"
"  card [N]                de vragenkaart van deze stap (of van stap N)\n"
"  settings                de instellingen van de werksessie\n"
"  help                    deze lijst\n"
"  lang en, lang nl        de taal: Engels of Nederlands (ook: taal)\n"
"  leave                   de werksessie verlaten (je plek komt vrij)\n"
"  overnemen               voorzitter worden als de voorzitter 5 min weg is\n"
"                          (ook: take-chair)\n"
"\n"
"Notities en vragen, bij elke stap\n"
"  note [--step N] TEKST   notitie bij de stap van het team (of bij stap N)\n"
"  note --for NAAM TEKST   notitie voor een collega (voorzitter, notulist)\n"
"  note --anon TEKST       notitie zonder naam (voorzitter, notulist)\n"
"  note-edit N TEKST       notitie N aanpassen\n"
"  note-delete N           notitie N weghalen\n"
"  question [--step N] TEKST  een eigen vraag op de vragenkaart\n"
"  table ID, table off     een vraag op tafel leggen of weghalen (voorzitter)\n"
"\n"
"Stap 3 Competenties\n"
"  model                   het competentiemodel met stippen en ids\n"
"  vote ID, unvote ID      een stip zetten of terugnemen\n"
"  mark ID, unmark ID      een competentie kiezen of niet meer (voorzitter)\n"
"  votes hidden, votes open  stemmen verbergen of laten zien (voorzitter)\n"
"\n"
"Stap 4 Activiteiten\n"
"  catalogue               de activiteitenkaart met ids\n"
"  activity add [--from ID] [--done] [--abroad|--home] [--for C1,C2] [TEKST]\n"
"  activity edit N [--done|--new] [--abroad|--home] [--for C1,C2|none] [TEKST]\n"
"  activity delete N\n"
"  uncovered               gekozen competenties zonder activiteit\n"
"\n"
"Stap 5 Aan de slag\n"
"  action add [--activity N] [--owner NAAM|me]... [--team] [--needs LIJST]\n"
"      [--needs-text \"...\"] [--years 1,2] [--when WANNEER]\n"
"      [--status open|bezig|klaar] TEKST\n"
"      LIJST: financien, kennis, hulpmiddelen, partners, tijd\n"
"      WANNEER: 2027-03-15, 2027-03 of \"periode 2\"\n"
"  action edit N [dezelfde opties] [--no-owner] [TEKST]   de rest blijft\n"
"  action delete N\n"
"  claim N, release N      een actie op je nemen of teruggeven\n"
"  status N open|bezig|klaar\n"
"\n"
"Terugkoppeling op een studiedag (ook na het afronden)\n"
"  bevinding TEKST         iets om terug te koppelen (hoogstens 3 per groep)\n"
"  bevinding nN            de tekst van notitie N als bevinding (met de n)\n"
"  bevinding weg N         bevinding N weghalen (ook: finding delete N)\n"
"\n"
"Voorzitter\n"
"  start, pause, resume    de klok van de stap\n"
"  extend MIN, shorten MIN de stap verlengen of inkorten\n"
"  next, prev, goto N      naar een andere stap\n"
"  set title TEKST         ook set programme, set dossier, set region\n"
"                          (zonder tekst: wissen)\n"
"  set levels 2,3,4        de niveaus; set minutes STAP MIN; set budget N\n"
"  set stacking|anonymous|talk-only on|off\n"
"  set follow-up JJJJ-MM-DD|none   de datum van het vervolgoverleg\n"
"  set slot aan|uit        niemand nieuw meer toelaten, of weer wel\n"
"  wachtwoord TEKST        nieuwkomers en de beamer hebben dit wachtwoord\n"
"                          nodig (wachtwoord uit: weghalen; ook: password)\n"
"  chair NAAM              de voorzitter overdragen\n"
"  scribe NAAM [off]       iemand notulist maken (of niet meer)\n"
"  remove NAAM             iemand uit de werksessie halen\n"
"  herken NAAM             een collega die weg is, laten terugkomen op een\n"
"                          andere laptop (ook: recognise NAAM)\n"
"  finish                  de werksessie afronden\n");
}
