/* Tests for poster.c, poster_plan.c and eventline.c: the whole poster of a
 * session that went through all five steps, the local views, anonymous
 * rooms and hidden votes, and a line for every kind of event. Also
 * clock_format(), which the poster's clocks use. */
#include "check.h"

#include "clock.h"
#include "content.h"
#include "eventline.h"
#include "model.h"
#include "poster.h"
#include "strbuf.h"

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>

#define CODE "K7QM-2XPD"
#define TITLE "Internationalisering in de opleiding"
#define T0 INT64_C(5000000)

#define OWNER(name) AANDESLAG__OWNER_KIND__OWNER_##name
#define WHEN(name) AANDESLAG__WHEN_KIND__WHEN_##name
#define KEY(name) AANDESLAG__SETTING_KEY__SETTING_##name
#define STATUS(name) AANDESLAG__ACTION_STATUS__ACTION_##name
#define CHANGES 20      /* the change cases of an Event, 16..35 */

/* A room as the server keeps it and Anna's mirror of it. Every event the
 * server makes reaches the mirror as the server would send it to Anna
 * (others' hidden dots without their competence), is rendered against
 * the mirror before the mirror applies it, as the line mode does, and is
 * kept in the log. */
struct fixture {
	struct content content;
	struct model_room room;
	struct model_room mirror;
	struct model_event ev;
	struct refusal why;
	struct strbuf line;     /* the line of the last event */
	struct strbuf log;      /* every line */
	unsigned seen[CHANGES];
	uint32_t anna, bram, carla;
};

/* Storage for a command made by hand. */
struct command {
	Aandeslag__Command cmd;
	Aandeslag__AddNote note;
	Aandeslag__EditNote edit_note;
	Aandeslag__DeleteNote delete_note;
	Aandeslag__ChangeSetting setting;
	uint32_t numbers[4];
	Aandeslag__AddQuestion question;
	Aandeslag__PutOnTable table;
	Aandeslag__CastVote vote;
	Aandeslag__MarkCompetence mark;
	Aandeslag__AddActivity add_activity;
	Aandeslag__EditActivity edit_activity;
	Aandeslag__DeleteActivity delete_activity;
	Aandeslag__Activity activity;
	char *links[4];
	Aandeslag__AddAction add_action;
	Aandeslag__EditAction edit_action;
	Aandeslag__DeleteAction delete_action;
	Aandeslag__Action action;
	Aandeslag__Owner owners[4];
	Aandeslag__Owner *owner_ptrs[4];
	Aandeslag__When when;
	Aandeslag__ClaimAction claim;
	Aandeslag__SetActionStatus status;
	Aandeslag__SetScribe scribe;
	Aandeslag__HandOverChair hand_over;
	Aandeslag__RemoveParticipant remove;
	Aandeslag__ClockControl clock;
	Aandeslag__StepControl step;
	Aandeslag__Finish finish;
};

static void
mirror_event(struct fixture *f, int64_t now)
{
	Aandeslag__Event copy = f->ev.event;
	Aandeslag__VoteCast redacted;

	if (copy.change_case == AANDESLAG__EVENT__CHANGE_VOTE &&
	    f->room.settings.votes_hidden &&
	    copy.vote->participant_id != f->anna) {
		redacted = *copy.vote;
		redacted.competence_id = (char *)"";
		copy.vote = &redacted;
	}
	strbuf_free(&f->line);
	eventline_render(&f->mirror, &copy, &f->line);
	CHECK(!f->line.failed);
	CHECK(strstr(strbuf_str(&f->line), "onbekende wijziging") == NULL);
	strbuf_puts(&f->log, strbuf_str(&f->line));
	CHECK_INT(copy.change_case, >=, 16);
	CHECK_INT(copy.change_case, <, 16 + CHANGES);
	f->seen[copy.change_case - 16]++;
	CHECK_INT(model_apply(&f->mirror, &copy, now), ==, 0);
	CHECK_UINT(f->mirror.seq, ==, f->room.seq);
	model_event_release(&f->ev);
}

static const char *
line(const struct fixture *f)
{
	return strbuf_str(&f->line);
}

static uint32_t
join(struct fixture *f, const char *name, int role)
{
	CHECK_INT(model_join(&f->room, name, role, T0, &f->ev, &f->why), ==, 0);
	mirror_event(f, T0);
	return f->ev.participant.id;
}

static void
begin(struct command *c)
{
	memset(c, 0, sizeof *c);
	aandeslag__command__init(&c->cmd);
}

static void
execute_at(struct fixture *f, uint32_t actor, struct command *c, int64_t now)
{
	if (model_execute(&f->room, actor, &c->cmd, now, &f->ev, &f->why) != 0)
		CHECK_FAIL("command refused: %s %s", refusal_name(f->why.code),
		           f->why.params[0]);
	mirror_event(f, now);
}

static void
execute(struct fixture *f, uint32_t actor, struct command *c)
{
	execute_at(f, actor, c, T0);
}

static void
note(struct fixture *f, uint32_t actor, uint32_t step, int author,
     uint32_t behalf_id, const char *behalf_name, const char *text)
{
	struct command c;

	begin(&c);
	aandeslag__add_note__init(&c.note);
	c.note.step = step;
	c.note.author = (Aandeslag__NoteAuthor)author;
	c.note.on_behalf_id = behalf_id;
	if (behalf_name != NULL)
		c.note.on_behalf_name = (char *)behalf_name;
	c.note.text = (char *)text;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
	c.cmd.add_note = &c.note;
	execute(f, actor, &c);
}

static void
own_note(struct fixture *f, uint32_t actor, uint32_t step, const char *text)
{
	note(f, actor, step, AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_SELF, 0, NULL,
	     text);
}

/* Changes a setting: text, number, flag and step as the key needs. */
static void
setting(struct fixture *f, int key, const char *text, uint32_t number,
        bool flag, uint32_t step)
{
	struct command c;

	begin(&c);
	aandeslag__change_setting__init(&c.setting);
	c.setting.key = (Aandeslag__SettingKey)key;
	if (text != NULL)
		c.setting.text = (char *)text;
	c.setting.number = number;
	c.setting.flag = flag;
	c.setting.step = step;
	if (key == KEY(LEVELS)) {
		c.numbers[0] = 3;
		c.numbers[1] = 4;
		c.setting.numbers = c.numbers;
		c.setting.n_numbers = number;
	}
	c.cmd.op_case = AANDESLAG__COMMAND__OP_SETTING;
	c.cmd.setting = &c.setting;
	execute(f, f->anna, &c);
}

static void
question(struct fixture *f, uint32_t actor, uint32_t step, const char *text)
{
	struct command c;

	begin(&c);
	aandeslag__add_question__init(&c.question);
	c.question.step = step;
	c.question.text = (char *)text;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_ADD_QUESTION;
	c.cmd.add_question = &c.question;
	execute(f, actor, &c);
}

static void
table(struct fixture *f, const char *content_id, uint32_t own_id)
{
	struct command c;

	begin(&c);
	aandeslag__put_on_table__init(&c.table);
	if (content_id != NULL)
		c.table.content_id = (char *)content_id;
	c.table.own_id = own_id;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_TABLE;
	c.cmd.table = &c.table;
	execute(f, f->anna, &c);
}

static void
vote(struct fixture *f, uint32_t actor, const char *id, bool remove)
{
	struct command c;

	begin(&c);
	aandeslag__cast_vote__init(&c.vote);
	c.vote.competence_id = (char *)id;
	c.vote.remove = remove;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_VOTE;
	c.cmd.vote = &c.vote;
	execute(f, actor, &c);
}

static void
mark(struct fixture *f, const char *id, bool marked)
{
	struct command c;

	begin(&c);
	aandeslag__mark_competence__init(&c.mark);
	c.mark.competence_id = (char *)id;
	c.mark.marked = marked;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_MARK;
	c.cmd.mark = &c.mark;
	execute(f, f->anna, &c);
}

/* Adds (id 0) or replaces an activity; links is a NULL-terminated list. */
static void
activity(struct fixture *f, uint32_t id, const char *catalogue,
         const char *text, bool done, int place, const char *const *links)
{
	struct command c;
	size_t n = 0;

	begin(&c);
	aandeslag__activity__init(&c.activity);
	c.activity.id = id;
	if (catalogue != NULL)
		c.activity.catalogue_id = (char *)catalogue;
	if (text != NULL)
		c.activity.text = (char *)text;
	c.activity.done = done;
	c.activity.place = (Aandeslag__Place)place;
	while (links != NULL && links[n] != NULL) {
		c.links[n] = (char *)links[n];
		n++;
	}
	c.activity.competence_ids = c.links;
	c.activity.n_competence_ids = n;
	if (id == 0) {
		aandeslag__add_activity__init(&c.add_activity);
		c.add_activity.activity = &c.activity;
		c.cmd.op_case = AANDESLAG__COMMAND__OP_ADD_ACTIVITY;
		c.cmd.add_activity = &c.add_activity;
	} else {
		aandeslag__edit_activity__init(&c.edit_activity);
		c.edit_activity.activity = &c.activity;
		c.cmd.op_case = AANDESLAG__COMMAND__OP_EDIT_ACTIVITY;
		c.cmd.edit_activity = &c.edit_activity;
	}
	execute(f, f->anna, &c);
}

/* An owner: a participant id, or the team (0 and NULL), or a name. */
struct owner {
	uint32_t id;
	const char *name;
};

/* Adds (id 0) or replaces an action, as the chair. */
static void
action(struct fixture *f, uint32_t id, const char *text, uint32_t activity_id,
       const struct owner *owners, size_t nowners, uint32_t needs,
       const char *needs_text, uint32_t years, int when, const char *value,
       int status)
{
	struct command c;
	size_t i;

	begin(&c);
	aandeslag__action__init(&c.action);
	c.action.id = id;
	c.action.text = (char *)text;
	c.action.activity_id = activity_id;
	for (i = 0; i < nowners; i++) {
		aandeslag__owner__init(&c.owners[i]);
		c.owners[i].kind = owners[i].id ? OWNER(PARTICIPANT) :
		                   owners[i].name ? OWNER(NAMED) : OWNER(TEAM);
		c.owners[i].participant_id = owners[i].id;
		if (owners[i].name != NULL)
			c.owners[i].name = (char *)owners[i].name;
		c.owner_ptrs[i] = &c.owners[i];
	}
	c.action.owners = c.owner_ptrs;
	c.action.n_owners = nowners;
	c.action.needs = needs;
	if (needs_text != NULL)
		c.action.needs_text = (char *)needs_text;
	c.action.study_years = years;
	if (when != WHEN(NONE)) {
		aandeslag__when__init(&c.when);
		c.when.kind = (Aandeslag__WhenKind)when;
		c.when.value = (char *)value;
		c.action.when = &c.when;
	}
	c.action.status = (Aandeslag__ActionStatus)status;
	if (id == 0) {
		aandeslag__add_action__init(&c.add_action);
		c.add_action.action = &c.action;
		c.cmd.op_case = AANDESLAG__COMMAND__OP_ADD_ACTION;
		c.cmd.add_action = &c.add_action;
	} else {
		aandeslag__edit_action__init(&c.edit_action);
		c.edit_action.action = &c.action;
		c.cmd.op_case = AANDESLAG__COMMAND__OP_EDIT_ACTION;
		c.cmd.edit_action = &c.edit_action;
	}
	execute(f, f->anna, &c);
}

static void
claim(struct fixture *f, uint32_t actor, uint32_t id, bool release)
{
	struct command c;

	begin(&c);
	aandeslag__claim_action__init(&c.claim);
	c.claim.action_id = id;
	c.claim.release = release;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_CLAIM;
	c.cmd.claim = &c.claim;
	execute(f, actor, &c);
}

static void
status(struct fixture *f, uint32_t actor, uint32_t id, int st)
{
	struct command c;

	begin(&c);
	aandeslag__set_action_status__init(&c.status);
	c.status.action_id = id;
	c.status.status = (Aandeslag__ActionStatus)st;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_ACTION_STATUS;
	c.cmd.action_status = &c.status;
	execute(f, actor, &c);
}

static void
scribe(struct fixture *f, uint32_t id, bool on)
{
	struct command c;

	begin(&c);
	aandeslag__set_scribe__init(&c.scribe);
	c.scribe.participant_id = id;
	c.scribe.scribe = on;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_SCRIBE;
	c.cmd.scribe = &c.scribe;
	execute(f, f->anna, &c);
}

static void
clock_cmd(struct fixture *f, int act, uint32_t minutes, int64_t now)
{
	struct command c;

	begin(&c);
	aandeslag__clock_control__init(&c.clock);
	c.clock.action = (Aandeslag__ClockAction)act;
	c.clock.minutes = minutes;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_CLOCK;
	c.cmd.clock = &c.clock;
	execute_at(f, f->anna, &c, now);
}

static void
goto_step(struct fixture *f, int act, uint32_t step, int64_t now)
{
	struct command c;

	begin(&c);
	aandeslag__step_control__init(&c.step);
	c.step.action = (Aandeslag__StepAction)act;
	c.step.step = step;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_STEP;
	c.cmd.step = &c.step;
	execute_at(f, f->anna, &c, now);
}

static void
finish(struct fixture *f)
{
	struct command c;

	begin(&c);
	aandeslag__finish__init(&c.finish);
	c.cmd.op_case = AANDESLAG__COMMAND__OP_FINISH;
	c.cmd.finish = &c.finish;
	execute(f, f->anna, &c);
}

/* Makes a room with Anna (chair), Bram and Carla. */
static void
setup(struct fixture *f)
{
	char err[CONTENT_ERROR_SIZE];

	memset(f, 0, sizeof *f);
	if (content_load(&f->content, SOURCE_DIR "/data/content.yaml", err) != 0)
		CHECK_FAIL("content: %s", err);
	CHECK_INT(model_init(&f->room, &f->content, CODE, TITLE, 3, &f->why),
	          ==, 0);
	CHECK_INT(model_init(&f->mirror, &f->content, CODE, TITLE, 3, &f->why),
	          ==, 0);
	f->anna = join(f, "Anna", AANDESLAG__ROLE__ROLE_CHAIR);
	f->bram = join(f, "Bram", AANDESLAG__ROLE__ROLE_PARTICIPANT);
	f->carla = join(f, "Carla", AANDESLAG__ROLE__ROLE_PARTICIPANT);
}

static void
teardown(struct fixture *f)
{
	strbuf_free(&f->line);
	strbuf_free(&f->log);
	model_free(&f->room);
	model_free(&f->mirror);
	content_free(&f->content);
}

/* Renders the poster of Anna's mirror into out (freed first). */
static const char *
render(struct fixture *f, struct strbuf *out)
{
	strbuf_free(out);
	poster_render(&f->mirror, T0, f->anna, out);
	CHECK(!out->failed);
	return strbuf_str(out);
}

/* Copies the part of the poster for step: its heading line and what
 * follows, up to the blank line before the next step. */
static void
section(const struct fixture *f, const char *poster, unsigned step,
        char *out, size_t size)
{
	char heading[128];
	const char *start, *end;
	size_t len;

	snprintf(heading, sizeof heading, "%u %s (", step,
	         poster_step_name(&f->mirror, step));
	start = strstr(poster, heading);
	if (start == NULL)
		CHECK_FAIL("no heading \"%s\" in:\n%s", heading, poster);
	while (start > poster && start[-1] != '\n')
		start--;
	/* Up to and with the newline of the section's last line. */
	end = strstr(start, "\n\n");
	end = end ? end + 1 : start + strlen(start);
	len = (size_t)(end - start);
	CHECK_UINT(len, <, size);
	memcpy(out, start, len);
	out[len] = '\0';
}

/* Checks that a comes before b in s. */
static void
check_order(const char *s, const char *a, const char *b)
{
	const char *pa = strstr(s, a), *pb = strstr(s, b);

	if (pa == NULL || pb == NULL || pa > pb)
		CHECK_FAIL("\"%s\" should come before \"%s\" in:\n%s", a, b, s);
}

static const char *const links_1[] = { "open-houding", "vreemde-taal", NULL };

/* The whole session of the method: settings, notes (own, for someone,
 * without a name), an own question on the table, hidden votes, marks,
 * activities and actions, and finishing. hide stops it after the hidden
 * votes, before the reveal. */
static void
session(struct fixture *f, bool hide)
{
	static const struct owner owners_1[] = {
		{ 0, NULL }, { 0, "teamleider Joke" },
	};

	setting(f, KEY(PROGRAMME), "Verzorgende IG", 0, false, 0);
	setting(f, KEY(QUALIFICATION), "Verzorgende-IG (25491)", 0, false, 0);
	setting(f, KEY(LEVELS), NULL, 2, false, 0);
	setting(f, KEY(REGION), "grensregio Limburg", 0, false, 0);
	scribe(f, f->bram, true);
	clock_cmd(f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_START, 0, T0);
	own_note(f, f->anna, 0, "Ik heb een jaar in Gent gewerkt");
	note(f, f->bram, 0, AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_ON_BEHALF, 0,
	     "Dirk", "Mijn familie woont in Suriname");
	note(f, f->bram, 0, AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_ON_BEHALF,
	     f->carla, NULL, "Stage gelopen in Aken");
	note(f, f->anna, 0, AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_NONE, 0, NULL,
	     "Ik durf geen Engels te spreken");
	table(f, "b3", 0);
	question(f, f->carla, 2, "Welke zorginstellingen in Aken kennen we?");
	goto_step(f, AANDESLAG__STEP_ACTION__STEP_ACTION_NEXT, 0, T0);
	table(f, NULL, 1);
	own_note(f, f->carla, 0, "Veel clienten spreken Turks of Arabisch");
	goto_step(f, AANDESLAG__STEP_ACTION__STEP_ACTION_NEXT, 0, T0);
	setting(f, KEY(VOTES_HIDDEN), NULL, 0, true, 0);
	vote(f, f->anna, "open-houding", false);
	vote(f, f->anna, "vreemde-taal", false);
	vote(f, f->bram, "open-houding", false);
	vote(f, f->carla, "flexibiliteit", false);
	if (hide)
		return;
	setting(f, KEY(VOTES_HIDDEN), NULL, 0, false, 0);
	mark(f, "open-houding", true);
	mark(f, "vreemde-taal", true);
	mark(f, "flexibiliteit", true);
	goto_step(f, AANDESLAG__STEP_ACTION__STEP_ACTION_NEXT, 0, T0);
	activity(f, 0, "virtuele-uitwisseling", NULL, false,
	         AANDESLAG__PLACE__PLACE_UNSET, links_1);
	activity(f, 0, NULL, "Stage in Aken", true,
	         AANDESLAG__PLACE__PLACE_ABROAD, NULL);
	goto_step(f, AANDESLAG__STEP_ACTION__STEP_ACTION_NEXT, 0, T0);
	action(f, 0, "Lesmateriaal met Engelse bronnen zoeken", 1, NULL, 0,
	       MODEL_NEED_FINANCES | MODEL_NEED_TIME, "licenties",
	       (1u << 1) | (1u << 2), WHEN(MONTH), "2027-03", STATUS(BUSY));
	action(f, 0, "Partnerschool in Aken zoeken", 0, NULL, 0, 0, NULL, 0,
	       WHEN(PERIOD), "periode 2", STATUS(OPEN));
	action(f, 0, "Gastles plannen", 2, NULL, 0, MODEL_NEED_PARTNERS, NULL,
	       1u << 2, WHEN(DATE), "2027-04-15", STATUS(OPEN));
	action(f, 0, "Taalcafe opzetten", 0, NULL, 0, 0, NULL, 1u << 3,
	       WHEN(MONTH), "2027-02", STATUS(OPEN));
	/* Anna and the team, and the team leader who is not here. */
	claim(f, f->anna, 1, false);
	{
		struct owner o[3] = { { f->anna, NULL }, owners_1[0],
		                      owners_1[1] };

		action(f, 1, "Lesmateriaal met Engelse bronnen zoeken", 1, o,
		       3, MODEL_NEED_FINANCES | MODEL_NEED_TIME, "licenties",
		       (1u << 1) | (1u << 2), WHEN(MONTH), "2027-03",
		       STATUS(BUSY));
	}
	claim(f, f->bram, 3, false);
	status(f, f->bram, 3, STATUS(DONE));
	setting(f, KEY(FOLLOW_UP), "2027-06-30", 0, false, 0);
	finish(f);
}

static void
test_whole_session(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	const char *p;
	char sect[8192];

	setup(&f);
	session(&f, false);
	p = render(&f, &out);
	/* The header. */
	CHECK_CONTAINS(p, "Werksessie: " TITLE " (code " CODE ")\n");
	CHECK_CONTAINS(p, "Opleiding: Verzorgende IG\n");
	CHECK_CONTAINS(p, "Kwalificatiedossier: Verzorgende-IG (25491)\n");
	CHECK_CONTAINS(p, "Niveau: 3, 4\n");
	CHECK_CONTAINS(p, "Regio: grensregio Limburg\n");
	CHECK_CONTAINS(p, "De werksessie is afgerond.\n");
	CHECK_CONTAINS(p, "Vervolgoverleg: 30 juni 2027\n");
	CHECK_CONTAINS(p, "Het team is bij stap 5 van 5, Aan de slag; klok ");
	CHECK_CONTAINS(p, "Aanwezig (3 van 7): Anna (voorzitter) (jij), "
	               "Bram (notulist), Carla\n");
	/* Step 1: the card with the question that was on the table, the
	 * notes with their ids and authors. */
	section(&f, p, 1, sect, sizeof sect);
	CHECK_CONTAINS(sect, "  1 Betekenis (20 min): Wat betekent "
	               "internationalisering voor jou?\n");
	CHECK_CONTAINS(sect, "    Vragenkaart:\n");
	CHECK_CONTAINS(sect, "      b1: Welke ervaring heb je zelf");
	CHECK_CONTAINS(sect, "      b3: Welke ontmoeting");
	CHECK_CONTAINS(sect, "    - [n1] Anna: Ik heb een jaar in Gent gewerkt\n");
	CHECK_CONTAINS(sect, "    - [n2] Dirk: Mijn familie woont in Suriname\n");
	CHECK_CONTAINS(sect, "    - [n3] Carla: Stage gelopen in Aken\n");
	CHECK_CONTAINS(sect, "    - [n4] (zonder naam): Ik durf geen Engels te spreken\n");
	/* Step 2: the own question, on the table. */
	section(&f, p, 2, sect, sizeof sect);
	CHECK_CONTAINS(sect, "    > e1: Welke zorginstellingen in Aken kennen "
	               "we? (eigen vraag van Carla) (op tafel)\n");
	CHECK_CONTAINS(sect, "      r1: ");
	CHECK_CONTAINS(sect, "    - [n5] Carla: Veel clienten");
	/* Step 3: the model with dots and marks. */
	section(&f, p, 3, sect, sizeof sect);
	CHECK_CONTAINS(sect, "    Competentiemodel:\n");
	CHECK_CONTAINS(sect, "    3 stippen per persoon; een stip per competentie.\n");
	CHECK_CONTAINS(sect, "    Interculturele competenties\n");
	CHECK_CONTAINS(sect, "      open-houding: Open en nieuwsgierige houding: "
	               "2 stippen \xe2\x97\x8f\xe2\x97\x8f * gekozen\n");
	CHECK_CONTAINS(sect, "      vreemde-taal: Durven spreken in een vreemde "
	               "taal: 1 stip \xe2\x97\x8f * gekozen\n");
	CHECK_CONTAINS(sect, "      flexibiliteit: Flexibiliteit en "
	               "aanpassingsvermogen: 1 stip \xe2\x97\x8f * gekozen\n");
	CHECK_CONTAINS(sect, "      reflecteren: Reflecteren op de eigen "
	               "ontwikkeling: 0 stippen\n");
	CHECK_CONTAINS(sect, "    Jouw stippen: 2 gezet, 1 over.\n");
	CHECK(strstr(sect, "verborgen") == NULL);
	/* Step 4: activities and the chosen competence none serves. */
	section(&f, p, 4, sect, sizeof sect);
	CHECK_CONTAINS(sect, "    - [a1] Virtuele uitwisseling: online samenwerken "
	               "met een klas in het buitenland (nieuw, in eigen land; "
	               "competenties: open-houding, vreemde-taal)\n");
	CHECK_CONTAINS(sect, "    - [a2] Stage in Aken (doen we al, in het "
	               "buitenland; competenties: nog geen)\n");
	CHECK_CONTAINS(sect, "    Gekozen competenties zonder activiteit (1):\n"
	               "      flexibiliteit: Flexibiliteit en aanpassingsvermogen\n");
	/* Step 5: actions and the time plan. */
	section(&f, p, 5, sect, sizeof sect);
	CHECK_CONTAINS(sect, "    - [p1] Lesmateriaal met Engelse bronnen zoeken\n"
	               "        wie: Anna, het team, teamleider Joke\n"
	               "        nodig: financi\xc3\xabn, tijd; licenties\n"
	               "        leerjaar 1, 2; wanneer: maart 2027; status: bezig\n"
	               "        bij activiteit a1: Virtuele uitwisseling");
	CHECK_CONTAINS(sect, "    - [p2] Partnerschool in Aken zoeken\n"
	               "        wie: !! nog niemand\n"
	               "        wanneer: periode 2; status: open\n");
	CHECK_CONTAINS(sect, "    - [p3] Gastles plannen\n"
	               "        wie: Bram\n"
	               "        nodig: partners\n"
	               "        leerjaar 2; wanneer: 15 april 2027; status: klaar\n"
	               "        bij activiteit a2: Stage in Aken\n");
	CHECK_CONTAINS(sect, "    Tijdsplan:\n"
	               "      Leerjaar 1:\n"
	               "        maart 2027:\n"
	               "          [p1] Lesmateriaal met Engelse bronnen zoeken "
	               "(Anna, het team, teamleider Joke; bezig)\n"
	               "      Leerjaar 2:\n"
	               "        maart 2027:\n"
	               "          [p1] Lesmateriaal");
	CHECK_CONTAINS(sect, "        april 2027:\n"
	               "          [p3] 15 april 2027: Gastles plannen (Bram; klaar)\n"
	               "      Leerjaar 3:\n"
	               "        februari 2027:\n"
	               "          [p4] Taalcafe opzetten (!! nog niemand; open)\n");
	CHECK_CONTAINS(sect, "      Nog zonder datum of maand:\n"
	               "          [p2] Partnerschool in Aken zoeken (periode 2; "
	               "!! nog niemand; open)\n");
	check_order(p, "Leerjaar 1:", "Leerjaar 2:");
	/* Every line ends, and nothing is unknown. */
	CHECK(p[strlen(p) - 1] == '\n');
	strbuf_free(&out);
	teardown(&f);
}

static void
test_hidden_votes(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	char sect[8192];

	setup(&f);
	session(&f, true);
	section(&f, render(&f, &out), 3, sect, sizeof sect);
	CHECK_CONTAINS(sect, "stemmen verborgen tot de voorzitter ze laat zien.\n");
	CHECK_CONTAINS(sect, "    Gezet: Anna 2, Bram 1, Carla 1\n");
	/* Anna sees her own dots, and no tally of anyone's. */
	CHECK_CONTAINS(sect, "      open-houding: Open en nieuwsgierige houding: "
	               "stemmen verborgen, jij 1\n");
	CHECK_CONTAINS(sect, "      flexibiliteit: Flexibiliteit en "
	               "aanpassingsvermogen: stemmen verborgen\n");
	CHECK(strstr(sect, "\xe2\x97\x8f") == NULL);
	CHECK_CONTAINS(sect, "    Jouw stippen: 2 gezet, 1 over.\n");
	/* Others' dots went by without their competence. */
	CHECK_CONTAINS(strbuf_str(&f.log), "Bram zet een stip (verborgen)\n");
	CHECK_CONTAINS(strbuf_str(&f.log), "Anna zet een stip op vreemde-taal "
	               "(Durven spreken in een vreemde taal)\n");
	/* The reveal shows the tallies. */
	setting(&f, KEY(VOTES_HIDDEN), NULL, 0, false, 0);
	CHECK_CONTAINS(line(&f), "de stemmen zijn zichtbaar: open-houding 2, "
	               "vreemde-taal 1, flexibiliteit 1\n");
	section(&f, render(&f, &out), 3, sect, sizeof sect);
	CHECK_CONTAINS(sect, "open-houding: Open en nieuwsgierige houding: "
	               "2 stippen");
	CHECK(strstr(sect, "Gezet:") == NULL);
	strbuf_free(&out);
	teardown(&f);
}

static void
test_anonymous(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	const char *p;
	char sect[8192];

	setup(&f);
	setting(&f, KEY(ANONYMOUS), NULL, 0, true, 0);
	CHECK_CONTAINS(line(&f), "zonder namen");
	session(&f, true);
	p = render(&f, &out);
	section(&f, p, 1, sect, sizeof sect);
	CHECK_CONTAINS(sect, "    - [n1] (anoniem): Ik heb een jaar in Gent gewerkt\n");
	CHECK_CONTAINS(sect, "    - [n4] (anoniem): Ik durf geen Engels");
	CHECK(strstr(sect, "Dirk") == NULL);
	CHECK(strstr(sect, "Anna:") == NULL);
	section(&f, p, 2, sect, sizeof sect);
	CHECK(strstr(sect, "Carla") == NULL);
	CHECK_CONTAINS(sect, "(eigen vraag)");
	section(&f, p, 3, sect, sizeof sect);
	CHECK_CONTAINS(sect, "    Gezet: 4 stippen samen\n");
	CHECK(strstr(sect, "Bram") == NULL);
	/* The lines name nobody either. */
	CHECK_CONTAINS(strbuf_str(&f.log), "] notitie 1 bij stap 1 van (anoniem): "
	               "Ik heb een jaar in Gent gewerkt\n");
	CHECK_CONTAINS(strbuf_str(&f.log), "] notitie 2 bij stap 1 van (anoniem): ");
	CHECK_CONTAINS(strbuf_str(&f.log), "] er is een stip gezet (verborgen)\n");
	CHECK_CONTAINS(strbuf_str(&f.log), "] een stip op open-houding");
	CHECK_CONTAINS(strbuf_str(&f.log), "] eigen vraag e1 bij stap 2: Welke");
	/* Who is there is no secret. */
	CHECK_CONTAINS(p, "Aanwezig (3 van 7): Anna (voorzitter) (jij)");
	strbuf_free(&out);
	teardown(&f);
}

/* Every kind of event gets its own line. */
static void
test_event_lines(void)
{
	static const char *const links_2[] = { "flexibiliteit", NULL };
	unsigned seen[CHANGES];
	struct fixture f;
	struct command c;
	const char *log;
	size_t i;

	setup(&f);
	session(&f, false);
	log = strbuf_str(&f.log);
	CHECK_CONTAINS(log, "[1] Anna doet mee (voorzitter)\n");
	CHECK_CONTAINS(log, "[2] Bram doet mee (deelnemer)\n");
	CHECK_CONTAINS(log, "] opleiding: Verzorgende IG\n");
	CHECK_CONTAINS(log, "] kwalificatiedossier: Verzorgende-IG (25491)\n");
	CHECK_CONTAINS(log, "] niveau: 3, 4\n");
	CHECK_CONTAINS(log, "] regio: grensregio Limburg\n");
	CHECK_CONTAINS(log, "] Bram is nu notulist\n");
	CHECK_CONTAINS(log, "] klok stap 1 gestart: loopt, 20:00 over (gepland 20 min)\n");
	CHECK_CONTAINS(log, "] notitie 1 bij stap 1 van Anna: Ik heb een jaar in Gent gewerkt\n");
	CHECK_CONTAINS(log, "] notitie 2 bij stap 1 van Dirk: Mijn familie");
	CHECK_CONTAINS(log, "] notitie 3 bij stap 1 van Carla: Stage gelopen in Aken\n");
	CHECK_CONTAINS(log, "] notitie 4 bij stap 1 van (zonder naam): Ik durf");
	CHECK_CONTAINS(log, "] op tafel (stap 1): b3 Welke ontmoeting");
	CHECK_CONTAINS(log, "] eigen vraag e1 bij stap 2 van Carla: Welke zorginstellingen");
	CHECK_CONTAINS(log, "] stap 2 Relevantie: Waarom is internationalisering");
	CHECK_CONTAINS(log, "] op tafel (stap 2): e1 Welke zorginstellingen");
	CHECK_CONTAINS(log, "] de stemmen zijn verborgen tot de voorzitter ze laat zien\n");
	CHECK_CONTAINS(log, "] Anna zet een stip op open-houding (Open en "
	               "nieuwsgierige houding)\n");
	CHECK_CONTAINS(log, "] Carla zet een stip (verborgen)\n");
	CHECK_CONTAINS(log, "] competentie flexibiliteit (Flexibiliteit en "
	               "aanpassingsvermogen) gekozen\n");
	CHECK_CONTAINS(log, "] activiteit a1 van Anna: Virtuele uitwisseling: "
	               "online samenwerken met een klas in het buitenland "
	               "(nieuw, in eigen land; competenties: open-houding, "
	               "vreemde-taal)\n");
	CHECK_CONTAINS(log, "] actie p1 van Anna: Lesmateriaal met Engelse "
	               "bronnen zoeken (wie: !! nog niemand; nodig: financi\xc3\xabn, "
	               "tijd; licenties; leerjaar 1, 2; wanneer: maart 2027; "
	               "status: bezig; bij activiteit a1)\n");
	CHECK_CONTAINS(log, "] Anna neemt actie p1 op zich: Lesmateriaal");
	CHECK_CONTAINS(log, "] actie p1 gewijzigd: Lesmateriaal met Engelse "
	               "bronnen zoeken (wie: Anna, het team, teamleider Joke;");
	CHECK_CONTAINS(log, "] Bram neemt actie p3 op zich: Gastles plannen\n");
	CHECK_CONTAINS(log, "] actie p3 is nu klaar: Gastles plannen\n");
	CHECK_CONTAINS(log, "] vervolgoverleg: 30 juni 2027\n");
	CHECK_CONTAINS(log, "] de werksessie is afgerond\n");

	/* The rest, in an unfinished room. */
	memcpy(seen, f.seen, sizeof seen);
	teardown(&f);
	setup(&f);
	own_note(&f, f.bram, 0, "Eerst zo");
	begin(&c);
	aandeslag__edit_note__init(&c.edit_note);
	c.edit_note.note_id = 1;
	c.edit_note.text = (char *)"Toch anders";
	c.cmd.op_case = AANDESLAG__COMMAND__OP_EDIT_NOTE;
	c.cmd.edit_note = &c.edit_note;
	execute(&f, f.bram, &c);
	CHECK_STR(line(&f), "[5] notitie 1 bij stap 1 gewijzigd: Toch anders\n");
	begin(&c);
	aandeslag__delete_note__init(&c.delete_note);
	c.delete_note.note_id = 1;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_DELETE_NOTE;
	c.cmd.delete_note = &c.delete_note;
	execute(&f, f.bram, &c);
	CHECK_STR(line(&f), "[6] notitie 1 verwijderd\n");
	table(&f, "b2", 0);
	table(&f, NULL, 0);
	CHECK_STR(line(&f), "[8] er ligt geen vraag meer op tafel\n");
	vote(&f, f.bram, "zelfvertrouwen", false);
	CHECK_STR(line(&f), "[9] Bram zet een stip op zelfvertrouwen "
	          "(Zelfvertrouwen en zelfstandigheid); nu 1\n");
	vote(&f, f.bram, "zelfvertrouwen", true);
	CHECK_STR(line(&f), "[10] Bram neemt een stip terug van zelfvertrouwen "
	          "(Zelfvertrouwen en zelfstandigheid); nu 0\n");
	mark(&f, "reflecteren", true);
	mark(&f, "reflecteren", false);
	CHECK_STR(line(&f), "[12] competentie reflecteren (Reflecteren op de "
	          "eigen ontwikkeling) niet meer gekozen\n");
	activity(&f, 0, "gastles", NULL, false, AANDESLAG__PLACE__PLACE_UNSET,
	         NULL);
	activity(&f, 1, NULL, "Gastles door een Duitse zorgmanager", true,
	         AANDESLAG__PLACE__PLACE_HOME, links_2);
	CHECK_STR(line(&f), "[14] activiteit a1 gewijzigd: Gastles door een "
	          "Duitse zorgmanager (doen we al, in eigen land, van de kaart: "
	          "gastles; competenties: flexibiliteit)\n");
	begin(&c);
	aandeslag__delete_activity__init(&c.delete_activity);
	c.delete_activity.activity_id = 1;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_DELETE_ACTIVITY;
	c.cmd.delete_activity = &c.delete_activity;
	execute(&f, f.anna, &c);
	CHECK_STR(line(&f), "[15] activiteit a1 verwijderd: Gastles door een "
	          "Duitse zorgmanager\n");
	action(&f, 0, "Iets doen", 0, NULL, 0, 0, NULL, 0, WHEN(NONE), NULL,
	       STATUS(OPEN));
	CHECK_STR(line(&f), "[16] actie p1 van Anna: Iets doen (wie: !! nog "
	          "niemand; status: open)\n");
	claim(&f, f.carla, 1, false);
	claim(&f, f.carla, 1, true);
	CHECK_STR(line(&f), "[18] Carla geeft actie p1 terug: Iets doen\n");
	begin(&c);
	aandeslag__delete_action__init(&c.delete_action);
	c.delete_action.action_id = 1;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_DELETE_ACTION;
	c.cmd.delete_action = &c.delete_action;
	execute(&f, f.anna, &c);
	CHECK_STR(line(&f), "[19] actie p1 verwijderd: Iets doen\n");
	setting(&f, KEY(TITLE), "Nieuwe titel", 0, false, 0);
	CHECK_STR(line(&f), "[20] titel: Nieuwe titel\n");
	setting(&f, KEY(PROGRAMME), "", 0, false, 0);
	CHECK_STR(line(&f), "[21] opleiding gewist\n");
	setting(&f, KEY(STEP_MINUTES), NULL, 45, false, 2);
	CHECK_STR(line(&f), "[22] stap 2 duurt nu 45 min (klok nog niet "
	          "gestart, 45:00)\n");
	setting(&f, KEY(VOTE_BUDGET), NULL, 5, false, 0);
	CHECK_STR(line(&f), "[23] ieder heeft nu 5 stippen\n");
	setting(&f, KEY(VOTE_STACKING), NULL, 0, true, 0);
	CHECK_STR(line(&f), "[24] meer stippen op een competentie mag nu\n");
	setting(&f, KEY(TALK_ONLY), NULL, 0, true, 0);
	CHECK_STR(line(&f), "[25] bij stap 1 praten we alleen, zonder notities\n");
	setting(&f, KEY(ANONYMOUS), NULL, 0, false, 0);
	CHECK_STR(line(&f), "[26] notities en stemmen staan weer met namen op "
	          "de poster\n");
	setting(&f, KEY(FOLLOW_UP), "", 0, false, 0);
	CHECK_STR(line(&f), "[27] vervolgoverleg gewist\n");
	setting(&f, KEY(LEVELS), NULL, 0, false, 0);
	CHECK_STR(line(&f), "[28] niveau gewist\n");
	scribe(&f, f.bram, true);
	scribe(&f, f.bram, false);
	CHECK_STR(line(&f), "[30] Bram is geen notulist meer\n");
	begin(&c);
	aandeslag__hand_over_chair__init(&c.hand_over);
	c.hand_over.participant_id = f.carla;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_HAND_OVER;
	c.cmd.hand_over = &c.hand_over;
	execute(&f, f.anna, &c);
	CHECK_STR(line(&f), "[31] Carla is nu voorzitter\n");
	begin(&c);
	aandeslag__remove_participant__init(&c.remove);
	c.remove.participant_id = f.bram;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_REMOVE;
	c.cmd.remove = &c.remove;
	execute(&f, f.carla, &c);
	CHECK_STR(line(&f), "[32] Bram is door Carla uit de werksessie gehaald\n");
	CHECK_INT(model_presence(&f.room, f.anna, false, T0, &f.ev, &f.why), ==,
	          0);
	mirror_event(&f, T0);
	CHECK_STR(line(&f), "[33] Anna is niet meer verbonden\n");
	/* Both rooms together saw every kind of event. */
	for (i = 0; i < CHANGES; i++)
		if (f.seen[i] + seen[i] == 0)
			CHECK_FAIL("no event of change case %zu", i + 16);
	teardown(&f);
}

static void
test_event_clock(void)
{
	struct fixture f;

	setup(&f);
	clock_cmd(&f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_START, 0, T0);
	CHECK_STR(line(&f), "[4] klok stap 1 gestart: loopt, 20:00 over "
	          "(gepland 20 min)\n");
	clock_cmd(&f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_PAUSE, 0, T0 + 60000);
	CHECK_STR(line(&f), "[5] klok stap 1 gepauzeerd: gepauzeerd, 19:00 over "
	          "(gepland 20 min)\n");
	clock_cmd(&f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_RESUME, 0, T0 + 90000);
	CHECK_CONTAINS(line(&f), "hervat");
	clock_cmd(&f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND, 5, T0 + 90000);
	CHECK_CONTAINS(line(&f), "verlengd met 5 min");
	CHECK_CONTAINS(line(&f), "24:00");
	CHECK_CONTAINS(line(&f), "(gepland 25 min)");
	clock_cmd(&f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_SHORTEN, 3, T0 + 90000);
	CHECK_CONTAINS(line(&f), "ingekort met 3 min");
	CHECK_CONTAINS(line(&f), "(gepland 22 min)");
	goto_step(&f, AANDESLAG__STEP_ACTION__STEP_ACTION_GOTO, 5, T0);
	/* The team moves on with the clock running. */
	CHECK_STR(line(&f), "[9] stap 5 Aan de slag: Wat gaan we nu doen? En "
	          "wat is daarvoor nodig? (klok loopt, 40:00 over)\n");
	teardown(&f);
}

static void
test_event_leave(void)
{
	Aandeslag__Event ev = AANDESLAG__EVENT__INIT;
	Aandeslag__ParticipantLeft left = AANDESLAG__PARTICIPANT_LEFT__INIT;
	struct fixture f;
	struct strbuf out = { 0 };

	setup(&f);
	CHECK_INT(model_leave(&f.room, f.bram, f.bram, T0, &f.ev, &f.why), ==, 0);
	mirror_event(&f, T0);
	CHECK_STR(line(&f), "[4] Bram heeft de werksessie verlaten\n");
	/* A chair who leaves: the same line. */
	CHECK_INT(model_leave(&f.room, f.anna, f.anna, T0, &f.ev, &f.why), ==, 0);
	mirror_event(&f, T0);
	CHECK_STR(line(&f), "[5] Anna heeft de werksessie verlaten\n");
	CHECK_INT(model_chair(&f.mirror), ==, f.carla);
	/* An event made by hand, rendered before it is applied. */
	left.participant_id = f.carla;
	ev.epoch = f.room.epoch;
	ev.seq = f.room.seq + 1;
	ev.actor_id = f.carla;
	ev.change_case = AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT;
	ev.participant_left = &left;
	eventline_render(&f.room, &ev, &out);
	CHECK_STR(strbuf_str(&out), "[6] Carla heeft de werksessie verlaten\n");
	strbuf_free(&out);
	teardown(&f);
}

/* An event without its sub-message, or of a kind this version lacks, is
 * said to be unknown rather than crash the client. */
static void
test_event_unknown(void)
{
	Aandeslag__Event ev = AANDESLAG__EVENT__INIT;
	struct fixture f;
	struct strbuf out = { 0 };
	int kind;

	setup(&f);
	ev.seq = 9;
	eventline_render(&f.room, &ev, &out);
	CHECK_STR(strbuf_str(&out), "[9] onbekende wijziging\n");
	for (kind = 16; kind < 16 + CHANGES; kind++) {
		strbuf_free(&out);
		ev.change_case = (Aandeslag__Event__ChangeCase)kind;
		eventline_render(&f.room, &ev, &out);
		CHECK_STR(strbuf_str(&out), "[9] onbekende wijziging\n");
	}
	strbuf_free(&out);
	teardown(&f);
}

static void
test_views(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	const char *s;

	setup(&f);
	session(&f, false);
	poster_card(&f.mirror, 2, &out);
	s = strbuf_str(&out);
	CHECK_CONTAINS(s, "Vragenkaart bij stap 2 Relevantie (30 min)\n");
	CHECK_CONTAINS(s, "Centrale vraag: Waarom is internationalisering "
	               "relevant voor onze studenten?\n");
	CHECK_CONTAINS(s, "Doel: Het team brengt in kaart");
	CHECK_CONTAINS(s, "  r1: Waar gaan onze studenten");
	CHECK_CONTAINS(s, "> e1: Welke zorginstellingen in Aken kennen we? "
	               "(eigen vraag van Carla) (op tafel)\n");
	CHECK_CONTAINS(s, "Hulpbronnen:\n");
	strbuf_free(&out);
	poster_card(&f.mirror, 1, &out);
	CHECK_CONTAINS(strbuf_str(&out), "  - Animatiefilm");
	CHECK_CONTAINS(strbuf_str(&out), ": https://www.nuffic.nl/");
	strbuf_free(&out);
	poster_card(&f.mirror, 9, &out);
	CHECK_STR(strbuf_str(&out), "Er is geen stap 9.\n");
	strbuf_free(&out);

	poster_model(&f.mirror, f.bram, &out);
	s = strbuf_str(&out);
	CHECK_CONTAINS(s, "Competentiemodel (stap 3): Welke internationale "
	               "competenties");
	CHECK_CONTAINS(s, "Internationale ori\xc3\xabntatie\n");
	CHECK_CONTAINS(s, "  open-houding: Open en nieuwsgierige houding: "
	               "2 stippen");
	CHECK_CONTAINS(s, "      Staat open voor andere gewoonten");
	CHECK_CONTAINS(s, "Jouw stippen: 1 gezet, 2 over.\n");
	strbuf_free(&out);
	/* A viewer has no dots of their own. */
	poster_model(&f.mirror, 0, &out);
	CHECK(strstr(strbuf_str(&out), "Jouw stippen") == NULL);
	strbuf_free(&out);

	poster_catalogue(&f.mirror, &out);
	s = strbuf_str(&out);
	CHECK_CONTAINS(s, "In het buitenland:\n  stage-buitenland: Stage in het "
	               "buitenland (bpv)\n");
	CHECK_CONTAINS(s, "In eigen land:\n");
	CHECK_CONTAINS(s, "  virtuele-uitwisseling: Virtuele uitwisseling: online "
	               "samenwerken met een klas in het buitenland (op de "
	               "poster: a1)\n");
	check_order(s, "In het buitenland:", "  gastles:");
	check_order(s, "In eigen land:", "  gastles:");
	strbuf_free(&out);

	poster_settings(&f.mirror, &out);
	s = strbuf_str(&out);
	CHECK_CONTAINS(s, "  Titel: " TITLE "\n");
	CHECK_CONTAINS(s, "  Opleiding: Verzorgende IG\n");
	CHECK_CONTAINS(s, "  Kwalificatiedossier: Verzorgende-IG (25491)\n");
	CHECK_CONTAINS(s, "  Niveau: 3, 4\n");
	CHECK_CONTAINS(s, "  Regio: grensregio Limburg\n");
	CHECK_CONTAINS(s, "  Tijd per stap: 1 Betekenis 20 min, 2 Relevantie "
	               "30 min, 3 Competenties 30 min, 4 Activiteiten 30 min, "
	               "5 Aan de slag 40 min; samen 150 min\n");
	CHECK_CONTAINS(s, "  Stippen per persoon: 3\n");
	CHECK_CONTAINS(s, "  Meer stippen op een competentie: nee\n");
	CHECK_CONTAINS(s, "  Stemmen verborgen: nee\n");
	CHECK_CONTAINS(s, "  Zonder namen (anoniem): nee\n");
	CHECK_CONTAINS(s, "  Bij stap 1 alleen praten: nee\n");
	CHECK_CONTAINS(s, "  Vervolgoverleg: 30 juni 2027\n");
	CHECK_CONTAINS(s, "  Afgerond: ja\n");
	strbuf_free(&out);

	poster_uncovered(&f.mirror, &out);
	CHECK_STR(strbuf_str(&out), "Gekozen competenties zonder activiteit (1):\n"
	          "  flexibiliteit: Flexibiliteit en aanpassingsvermogen\n");
	strbuf_free(&out);
	teardown(&f);

	/* An empty room says so. */
	setup(&f);
	poster_uncovered(&f.mirror, &out);
	CHECK_STR(strbuf_str(&out), "Er zijn nog geen competenties gekozen "
	          "(stap 3).\n");
	strbuf_free(&out);
	poster_settings(&f.mirror, &out);
	CHECK_CONTAINS(strbuf_str(&out), "  Opleiding: (niet ingevuld)\n");
	CHECK_CONTAINS(strbuf_str(&out), "  Niveau: (niet ingevuld)\n");
	strbuf_free(&out);
	mark(&f, "reflecteren", true);
	activity(&f, 0, NULL, "Reflectieverslag", false,
	         AANDESLAG__PLACE__PLACE_HOME, (const char *const[]){
	                 "reflecteren", NULL });
	poster_uncovered(&f.mirror, &out);
	CHECK_STR(strbuf_str(&out), "Elke gekozen competentie heeft een "
	          "activiteit.\n");
	strbuf_free(&out);
	teardown(&f);
}

static void
test_empty_poster(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	const char *p;

	setup(&f);
	p = render(&f, &out);
	CHECK_CONTAINS(p, "Het team is bij stap 1 van 5, Betekenis; klok nog "
	               "niet gestart, 20:00 (gepland 20 min)\n");
	CHECK_CONTAINS(p, "> 1 Betekenis (20 min)");
	CHECK_CONTAINS(p, "  5 Aan de slag (40 min)");
	CHECK_CONTAINS(p, "    (nog geen notities)\n");
	CHECK_CONTAINS(p, "    (nog geen activiteiten)\n");
	CHECK_CONTAINS(p, "    (nog geen acties)\n");
	CHECK_CONTAINS(p, "    Tijdsplan:\n      (nog geen acties met een datum "
	               "of maand)\n");
	CHECK(strstr(p, "Opleiding:") == NULL);
	CHECK(strstr(p, "afgerond") == NULL);
	/* Talk only: step 1 says so. */
	setting(&f, KEY(TALK_ONLY), NULL, 0, true, 0);
	p = render(&f, &out);
	CHECK_CONTAINS(p, "Bij deze stap praten we alleen");
	strbuf_free(&out);
	teardown(&f);
}

static void
test_who(void)
{
	struct fixture f;
	struct strbuf out = { 0 };

	setup(&f);
	poster_who(&f.mirror, f.bram, &out);
	CHECK_STR(strbuf_str(&out), "Aanwezig (3 van 7): Anna (voorzitter), "
	          "Bram (jij), Carla\n");
	strbuf_free(&out);
	CHECK_INT(model_presence(&f.room, f.carla, false, T0, &f.ev, &f.why), ==,
	          0);
	mirror_event(&f, T0);
	scribe(&f, f.bram, true);
	poster_who(&f.mirror, 0, &out);
	CHECK_STR(strbuf_str(&out), "Aanwezig (3 van 7): Anna (voorzitter), "
	          "Bram (notulist), Carla (weg)\n");
	strbuf_free(&out);
	teardown(&f);
}

static void
test_dates(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "2027-03-15", "15 maart 2027" }, { "2027-01", "januari 2027" },
		{ "2026-12-01", "1 december 2026" }, { "periode 2", "periode 2" },
		{ "2027-13", "2027-13" }, { "", "" }, { "2027-3", "2027-3" },
		{ "2027-03-xx", "2027-03-xx" },
	};
	struct strbuf out = { 0 };
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		poster_date(cases[i].in, &out);
		CHECK_STR(strbuf_str(&out), cases[i].out);
		strbuf_free(&out);
	}
	CHECK_STR(poster_status(STATUS(OPEN)), "open");
	CHECK_STR(poster_status(STATUS(BUSY)), "bezig");
	CHECK_STR(poster_status(STATUS(DONE)), "klaar");
}

static void
test_poster_clock(void)
{
	struct clock c;
	struct strbuf out = { 0 };

	clock_init(&c, 20 * CLOCK_MINUTE_MS);
	poster_clock(&c, T0, &out);
	CHECK_STR(strbuf_str(&out), "nog niet gestart, 20:00");
	strbuf_free(&out);
	c.state = AANDESLAG__CLOCK_STATE__CLOCK_RUNNING;
	c.anchor_ms = T0;
	poster_clock(&c, T0 + 1, &out);
	CHECK_STR(strbuf_str(&out), "loopt, 20:00 over");
	strbuf_free(&out);
	poster_clock(&c, T0 + 20 * CLOCK_MINUTE_MS + 65000, &out);
	CHECK_STR(strbuf_str(&out), "loopt, +1:05 over tijd");
	strbuf_free(&out);
	c.state = AANDESLAG__CLOCK_STATE__CLOCK_PAUSED;
	c.remaining_ms = 61000;
	poster_clock(&c, T0 + 999999, &out);
	CHECK_STR(strbuf_str(&out), "gepauzeerd, 1:01 over");
	strbuf_free(&out);
	c.remaining_ms = -61000;
	poster_clock(&c, T0, &out);
	CHECK_STR(strbuf_str(&out), "gepauzeerd, +1:01 over tijd");
	strbuf_free(&out);
}

static void
test_roles(void)
{
	CHECK_STR(poster_role(AANDESLAG__ROLE__ROLE_CHAIR), "voorzitter");
	CHECK_STR(poster_role(AANDESLAG__ROLE__ROLE_PARTICIPANT), "deelnemer");
	CHECK_STR(poster_role(AANDESLAG__ROLE__ROLE_VIEWER), "meekijker");
	CHECK_STR(poster_role(AANDESLAG__ROLE__ROLE_FACILITATOR), "begeleider");
	CHECK_STR(poster_role(AANDESLAG__ROLE__ROLE_SCRIBE), "notulist");
}

static void
check_format(int64_t ms, const char *want)
{
	char out[CLOCK_TEXT_SIZE];

	memset(out, 'Z', sizeof out);
	clock_format(ms, out);
	if (strcmp(out, want) != 0)
		CHECK_FAIL("clock_format(%" PRId64 ") gave \"%s\", want \"%s\"",
		           ms, out, want);
}

static void
test_clock_format(void)
{
	char out[CLOCK_TEXT_SIZE];

	check_format(1200000, "20:00");
	check_format(1199001, "20:00");
	check_format(1199000, "19:59");
	check_format(1, "0:01");
	check_format(0, "0:00");
	check_format(999, "0:01");
	check_format(1000, "0:01");
	check_format(1001, "0:02");
	check_format(59001, "1:00");
	check_format(60000, "1:00");
	check_format(60001, "1:01");
	check_format(-1000, "+0:01");
	check_format(-1999, "+0:01");
	check_format(-65000, "+1:05");
	check_format(36000000, "600:00");
	check_format(CLOCK_DURATION_MAX, "1440:00");
	check_format(-CLOCK_OVERTIME_MAX, "+10080:00");
	/* The extremes format as numbers too, without signed overflow. */
	clock_format(INT64_MAX, out);
	if (out[0] < '0' || out[0] > '9' || strchr(out, '-') != NULL)
		CHECK_FAIL("clock_format(INT64_MAX) gave \"%s\"", out);
	clock_format(INT64_MIN, out);
	if (out[0] != '+' || strchr(out, '-') != NULL)
		CHECK_FAIL("clock_format(INT64_MIN) gave \"%s\"", out);
}

CHECK_MAIN(CHECK_TEST(test_whole_session),
           CHECK_TEST(test_hidden_votes),
           CHECK_TEST(test_anonymous),
           CHECK_TEST(test_event_lines),
           CHECK_TEST(test_event_clock),
           CHECK_TEST(test_event_leave),
           CHECK_TEST(test_event_unknown),
           CHECK_TEST(test_views),
           CHECK_TEST(test_empty_poster),
           CHECK_TEST(test_who),
           CHECK_TEST(test_dates),
           CHECK_TEST(test_poster_clock),
           CHECK_TEST(test_roles),
           CHECK_TEST(test_clock_format))
