/* Shared fixture for the tests of poster.c, poster_plan.c and
 * eventline.c: a room with the real content and Anna's mirror of it, fed
 * every event as the line mode is; commands made by hand; and the whole
 * session of the method, through all five steps. */
#ifndef AANDESLAG_POSTER_FIXTURE_H
#define AANDESLAG_POSTER_FIXTURE_H

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
#define CHANGES 23      /* the change cases of an Event, 16..38 */

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
	Aandeslag__AddFinding add_finding;
	Aandeslag__DeleteFinding delete_finding;
};

static inline void
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

static inline const char *
line(const struct fixture *f)
{
	return strbuf_str(&f->line);
}

static inline uint32_t
join(struct fixture *f, const char *name, int role)
{
	CHECK_INT(model_join(&f->room, name, role, T0, &f->ev, &f->why), ==, 0);
	mirror_event(f, T0);
	return f->ev.participant.id;
}

static inline void
begin(struct command *c)
{
	memset(c, 0, sizeof *c);
	aandeslag__command__init(&c->cmd);
}

static inline void
execute_at(struct fixture *f, uint32_t actor, struct command *c, int64_t now)
{
	if (model_execute(&f->room, actor, &c->cmd, now, &f->ev, &f->why) != 0)
		CHECK_FAIL("command refused: %s %s", refusal_name(f->why.code),
		           f->why.params[0]);
	mirror_event(f, now);
}

static inline void
execute(struct fixture *f, uint32_t actor, struct command *c)
{
	execute_at(f, actor, c, T0);
}

static inline void
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

static inline void
own_note(struct fixture *f, uint32_t actor, uint32_t step, const char *text)
{
	note(f, actor, step, AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_SELF, 0, NULL,
	     text);
}

/* Changes a setting: text, number, flag and step as the key needs. */
static inline void
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

static inline void
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

static inline void
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

static inline void
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

static inline void
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
static inline void
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
static inline void
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

static inline void
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

static inline void
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

static inline void
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

static inline void
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

static inline void
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

static inline void
finish(struct fixture *f)
{
	struct command c;

	begin(&c);
	aandeslag__finish__init(&c.finish);
	c.cmd.op_case = AANDESLAG__COMMAND__OP_FINISH;
	c.cmd.finish = &c.finish;
	execute(f, f->anna, &c);
}

/* Makes a room with the given code and title, with Anna (chair), Bram
 * and Carla: one of several rooms of a workshop, say. */
static inline void
setup_room(struct fixture *f, const char *code, const char *title)
{
	char err[CONTENT_ERROR_SIZE];

	memset(f, 0, sizeof *f);
	if (content_load(&f->content, SOURCE_DIR "/data/content.yaml", err) != 0)
		CHECK_FAIL("content: %s", err);
	CHECK_INT(model_init(&f->room, &f->content, code, title, 3, &f->why),
	          ==, 0);
	CHECK_INT(model_init(&f->mirror, &f->content, code, title, 3, &f->why),
	          ==, 0);
	f->anna = join(f, "Anna", AANDESLAG__ROLE__ROLE_CHAIR);
	f->bram = join(f, "Bram", AANDESLAG__ROLE__ROLE_PARTICIPANT);
	f->carla = join(f, "Carla", AANDESLAG__ROLE__ROLE_PARTICIPANT);
}

/* Makes a room with Anna (chair), Bram and Carla. */
static inline void
setup(struct fixture *f)
{
	setup_room(f, CODE, TITLE);
}

static inline void
teardown(struct fixture *f)
{
	strbuf_free(&f->line);
	strbuf_free(&f->log);
	model_free(&f->room);
	model_free(&f->mirror);
	content_free(&f->content);
}
static const char *const links_1[] = { "open-houding", "vreemde-taal", NULL };

/* The whole session of the method: settings, notes (own, for someone,
 * without a name), an own question on the table, hidden votes, marks,
 * activities and actions, and finishing. hide stops it after the hidden
 * votes, before the reveal. */
static inline void
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

#endif
