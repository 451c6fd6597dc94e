/* Tests for the command parser (cmd.c, cmd_plan.c, scan.c): every command,
 * every refusal, names and ids resolved against a room with the real
 * content, edits merged with the mirror, and parsed commands that the
 * model accepts after a trip over the wire. */
#include "check.h"

#include "cmd.h"
#include "content.h"
#include "model.h"

#include <errno.h>

#define CODE "K7QM-2XPD"
#define TITLE "Internationalisering in de zorg"
#define T0 INT64_C(1000000)

#define OP(name) AANDESLAG__COMMAND__OP_##name
#define OWNER(name) AANDESLAG__OWNER_KIND__OWNER_##name
#define WHEN(name) AANDESLAG__WHEN_KIND__WHEN_##name
#define KEY(name) AANDESLAG__SETTING_KEY__SETTING_##name
#define STATUS(name) AANDESLAG__ACTION_STATUS__ACTION_##name

/* A parse of one line, with the line kept alive for the text fields. */
struct parsed {
	char line[2048];
	struct cmd cmd;
	char error[CMD_ERROR_SIZE];
	int rc;
};

/* A room with the real content: Anna (chair), Bram and Carla de Vries. */
struct fixture {
	struct content content;
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, bram, carla;
};

static const struct model_room *the_room;
static uint32_t the_self;

static void
parse(struct parsed *p, const char *text)
{
	CHECK_UINT(strlen(text), <, sizeof p->line);
	snprintf(p->line, sizeof p->line, "%s", text);
	memset(&p->cmd, 0x5a, sizeof p->cmd);
	memset(p->error, 'Z', sizeof p->error);
	p->rc = cmd_parse(p->line, the_room, the_self, &p->cmd, p->error);
	/* The error is always a string, and set exactly on failure. */
	CHECK(memchr(p->error, '\0', sizeof p->error) != NULL);
	CHECK_INT(p->rc == 0, ==, p->error[0] == '\0');
	if (p->rc != 0) {
		CHECK_INT(p->cmd.kind, ==, CMD_EMPTY);
		CHECK_INT(p->cmd.command.op_case, ==,
		          AANDESLAG__COMMAND__OP__NOT_SET);
	}
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
}

static void
refuse_all(const char *const *lines, size_t n)
{
	struct parsed p;
	size_t i;

	for (i = 0; i < n; i++)
		parse_refused(&p, lines[i]);
}

#define REFUSE_ALL(lines) refuse_all(lines, sizeof lines / sizeof lines[0])

static uint32_t
join(struct fixture *f, const char *name, int role)
{
	CHECK_INT(model_join(&f->room, name, role, T0, &f->ev, &f->why), ==, 0);
	return f->ev.participant.id;
}

/* Makes the room and parses against it as self. */
static void
setup(struct fixture *f, int self)
{
	char err[CONTENT_ERROR_SIZE];

	memset(f, 0, sizeof *f);
	if (content_load(&f->content, SOURCE_DIR "/data/content.yaml", err) != 0)
		CHECK_FAIL("content: %s", err);
	CHECK_INT(model_init(&f->room, &f->content, CODE, TITLE, 7, &f->why),
	          ==, 0);
	f->anna = join(f, "Anna", AANDESLAG__ROLE__ROLE_CHAIR);
	f->bram = join(f, "Bram", AANDESLAG__ROLE__ROLE_PARTICIPANT);
	f->carla = join(f, "Carla de Vries", AANDESLAG__ROLE__ROLE_PARTICIPANT);
	the_room = &f->room;
	the_self = self == 'a' ? f->anna : self == 'b' ? f->bram : 0;
}

static void
teardown(struct fixture *f)
{
	the_room = NULL;
	the_self = 0;
	model_free(&f->room);
	content_free(&f->content);
}

/* Parses line as actor and runs it in the room, as the server would after
 * the command travelled: packed and unpacked. */
static void
run(struct fixture *f, uint32_t actor, const char *line)
{
	Aandeslag__Command *cmd;
	struct parsed p;
	uint8_t buf[8192];
	size_t len;
	int rc;

	the_self = actor;
	parse(&p, line);
	if (p.rc != 0 || p.cmd.kind != CMD_REMOTE)
		CHECK_FAIL("\"%s\": %s", line, p.error);
	p.cmd.command.request_id = 1;
	len = aandeslag__command__get_packed_size(&p.cmd.command);
	CHECK_UINT(len, <=, sizeof buf);
	aandeslag__command__pack(&p.cmd.command, buf);
	cmd = aandeslag__command__unpack(NULL, len, buf);
	CHECK(cmd != NULL);
	rc = model_execute(&f->room, actor, cmd, T0, &f->ev, &f->why);
	if (rc != 0)
		CHECK_FAIL("\"%s\" refused by the model: %s %s", line,
		           refusal_name(f->why.code), f->why.params[0]);
	model_event_release(&f->ev);
	aandeslag__command__free_unpacked(cmd, NULL);
}

static const Aandeslag__Activity *
activity(const struct fixture *f, uint32_t id)
{
	const void *a = items_find(&f->room.activities, id);

	CHECK(a != NULL);
	return a;
}

static const Aandeslag__Action *
action(const struct fixture *f, uint32_t id)
{
	const void *a = items_find(&f->room.actions, id);

	CHECK(a != NULL);
	return a;
}

/* ------------------------------------------------------------- notes */

static void
test_note(void)
{
	struct parsed p;

	parse_remote(&p, "note Hallo wereld", OP(ADD_NOTE));
	CHECK(p.cmd.command.add_note == &p.cmd.add_note);
	CHECK_STR(p.cmd.add_note.text, "Hallo wereld");
	CHECK_UINT(p.cmd.add_note.step, ==, 0);
	CHECK_INT(p.cmd.add_note.author, ==,
	          AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_SELF);
	CHECK(!p.cmd.mirrored);
	/* The text points into the line. */
	CHECK(p.cmd.add_note.text >= p.line &&
	      p.cmd.add_note.text < p.line + sizeof p.line);
	/* A '#' in a note is text, and so are quotes. */
	parse_remote(&p, "note # eerst dit", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.text, "# eerst dit");
	parse_remote(&p, "note \"Citaat\" zei hij", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.text, "\"Citaat\" zei hij");
	parse_remote(&p, "NOTE hoofdletters", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.text, "hoofdletters");
}

static void
test_note_keeps_inner_spaces(void)
{
	struct parsed p;

	parse_remote(&p, "note  Een   twee\tdrie", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.text, "Een   twee\tdrie");
	parse_remote(&p, "note --step 2   Een   twee ", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.text, "Een   twee");
}

static void
test_note_step(void)
{
	struct parsed p;
	char text[32];
	unsigned step;

	parse_remote(&p, "note --step 3 Een idee", OP(ADD_NOTE));
	CHECK_UINT(p.cmd.add_note.step, ==, 3);
	CHECK_STR(p.cmd.add_note.text, "Een idee");
	for (step = 1; step <= 5; step++) {
		snprintf(text, sizeof text, "note --step %u x", step);
		parse_remote(&p, text, OP(ADD_NOTE));
		CHECK_UINT(p.cmd.add_note.step, ==, step);
		CHECK_STR(p.cmd.add_note.text, "x");
	}
	/* "--" ends the options, so a text may start with "--". */
	parse_remote(&p, "note -- --stepping stone", OP(ADD_NOTE));
	CHECK_UINT(p.cmd.add_note.step, ==, 0);
	CHECK_STR(p.cmd.add_note.text, "--stepping stone");
	parse_remote(&p, "note --step 2 -- -- x", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.text, "-- x");
	/* A single dash is text. */
	parse_remote(&p, "note - een lijstje", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.text, "- een lijstje");
}

static void
test_note_refused(void)
{
	static const char *const lines[] = {
		"note --step 9 x", "note --step 0 x", "note --step 6 x",
		"note --step -1 x", "note --step 3x y", "note --step",
		"note --step 3", "note --step 3   ", "note", "note   ",
		"note\t", "note --", "note --stepping stone", "note --for",
		"note --for Bram", "note --anon", "note --for Bram --anon x",
		"note --anon --for Bram x", "note --for \"Jan x",
		"note --for \"Jan\"x y",
	};
	struct parsed p;

	REFUSE_ALL(lines);
	parse_refused(&p, "note --step x");
	CHECK_CONTAINS(p.error, "\"x\"");
	parse_refused(&p, "note --stepping stone");
	CHECK_CONTAINS(p.error, "--stepping");
	parse_refused(&p, "note --for \"Jan x");
	CHECK_CONTAINS(p.error, "\"");
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
	parse_remote(&p, line, OP(ADD_NOTE));
	CHECK_UINT(strlen(p.cmd.add_note.text), ==, strlen(text));
	CHECK(memcmp(p.cmd.add_note.text, text, strlen(text) + 1) == 0);
}

static void
test_note_for(void)
{
	struct fixture f;
	struct parsed p;

	setup(&f, 'a');
	parse_remote(&p, "note --for bram Hij werkte in Gent", OP(ADD_NOTE));
	CHECK_INT(p.cmd.add_note.author, ==,
	          AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_ON_BEHALF);
	CHECK_UINT(p.cmd.add_note.on_behalf_id, ==, f.bram);
	CHECK_STR(p.cmd.add_note.text, "Hij werkte in Gent");
	CHECK(p.cmd.mirrored);
	parse_remote(&p, "note --for \"carla de vries\" --step 2 Zorg in Aken",
	             OP(ADD_NOTE));
	CHECK_UINT(p.cmd.add_note.on_behalf_id, ==, f.carla);
	CHECK_UINT(p.cmd.add_note.step, ==, 2);
	/* Someone who is not seated is named. */
	parse_remote(&p, "note --for \"Jan de Wit\" Geen laptop", OP(ADD_NOTE));
	CHECK_UINT(p.cmd.add_note.on_behalf_id, ==, 0);
	CHECK_STR(p.cmd.add_note.on_behalf_name, "Jan de Wit");
	CHECK_STR(p.cmd.add_note.text, "Geen laptop");
	parse_remote(&p, "note --anon Niet iedereen durft", OP(ADD_NOTE));
	CHECK_INT(p.cmd.add_note.author, ==,
	          AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_NONE);
	/* And the model takes them. */
	run(&f, f.anna, "note --for bram Hij werkte in Gent");
	CHECK_STR(f.room.notes[0].author_name, "Bram");
	run(&f, f.anna, "note --for \"Jan de Wit\" Geen laptop");
	CHECK_STR(f.room.notes[1].author_name, "Jan de Wit");
	run(&f, f.anna, "note --anon Niet iedereen durft");
	CHECK_STR(f.room.notes[2].author_name, "");
	teardown(&f);
	/* Without a room a name stays a name. */
	parse_remote(&p, "note --for Bram x", OP(ADD_NOTE));
	CHECK_STR(p.cmd.add_note.on_behalf_name, "Bram");
	CHECK(!p.cmd.mirrored);
}

static void
test_note_edit(void)
{
	struct fixture f;
	struct parsed p;

	setup(&f, 'b');
	run(&f, f.bram, "note Eerste versie");
	parse_remote(&p, "note-edit n1 Tweede  versie", OP(EDIT_NOTE));
	CHECK(p.cmd.command.edit_note == &p.cmd.edit_note);
	CHECK_UINT(p.cmd.edit_note.note_id, ==, 1);
	CHECK_STR(p.cmd.edit_note.text, "Tweede  versie");
	CHECK(p.cmd.mirrored);
	parse_remote(&p, "note-edit 1 x", OP(EDIT_NOTE));
	parse_remote(&p, "note-edit N1 x", OP(EDIT_NOTE));
	parse_refused(&p, "note-edit n2 x");
	CHECK_CONTAINS(p.error, "n2");
	parse_remote(&p, "note-delete n1", OP(DELETE_NOTE));
	CHECK_UINT(p.cmd.delete_note.note_id, ==, 1);
	run(&f, f.bram, "note-edit n1 Tweede versie");
	CHECK_STR(f.room.notes[0].text, "Tweede versie");
	run(&f, f.bram, "note-delete 1");
	CHECK_UINT(f.room.nnotes, ==, 0);
	teardown(&f);
	/* Without a room the server judges the id. */
	parse_remote(&p, "note-edit n7 x", OP(EDIT_NOTE));
	CHECK_UINT(p.cmd.edit_note.note_id, ==, 7);
	parse_remote(&p, "note-delete 7", OP(DELETE_NOTE));
}

static void
test_note_edit_refused(void)
{
	static const char *const lines[] = {
		"note-edit", "note-edit n1", "note-edit x y", "note-edit n0 x",
		"note-edit a1 x", "note-edit -1 x", "note-delete",
		"note-delete n1 x", "note-delete nx", "note-delete 99999999999",
	};
	struct parsed p;

	REFUSE_ALL(lines);
	parse_refused(&p, "note-edit x y");
	CHECK_CONTAINS(p.error, "n3");
}

/* ------------------------------------------------------------- cards */

static void
test_question(void)
{
	static const char *const lines[] = {
		"question", "question --step 2", "question --step 9 x",
		"question --bogus x", "question --step",
	};
	struct parsed p;

	parse_remote(&p, "question Wie kent een bedrijf in Aken?",
	             OP(ADD_QUESTION));
	CHECK(p.cmd.command.add_question == &p.cmd.add_question);
	CHECK_UINT(p.cmd.add_question.step, ==, 0);
	CHECK_STR(p.cmd.add_question.text, "Wie kent een bedrijf in Aken?");
	parse_remote(&p, "question --step 2 Waarom?", OP(ADD_QUESTION));
	CHECK_UINT(p.cmd.add_question.step, ==, 2);
	REFUSE_ALL(lines);
}

static void
test_table(void)
{
	struct fixture f;
	struct parsed p;

	setup(&f, 'a');
	run(&f, f.bram, "question --step 2 Wie kent een bedrijf in Aken?");
	parse_remote(&p, "table b3", OP(TABLE));
	CHECK(p.cmd.command.table == &p.cmd.table);
	CHECK_STR(p.cmd.table.content_id, "b3");
	CHECK_UINT(p.cmd.table.own_id, ==, 0);
	parse_remote(&p, "table R2", OP(TABLE));
	CHECK_STR(p.cmd.table.content_id, "r2");
	parse_remote(&p, "table e1", OP(TABLE));
	CHECK_STR(p.cmd.table.content_id, "");
	CHECK_UINT(p.cmd.table.own_id, ==, 1);
	CHECK(p.cmd.mirrored);
	parse_remote(&p, "table off", OP(TABLE));
	CHECK_STR(p.cmd.table.content_id, "");
	CHECK_UINT(p.cmd.table.own_id, ==, 0);
	parse_refused(&p, "table e2");
	CHECK_CONTAINS(p.error, "e2");
	parse_refused(&p, "table zz9");
	CHECK_CONTAINS(p.error, "zz9");
	run(&f, f.anna, "table b3");
	CHECK_STR(f.room.table.content_id, "b3");
	run(&f, f.anna, "table e1");
	CHECK_UINT(f.room.table.own_id, ==, 1);
	CHECK_UINT(f.room.table.step, ==, 2);
	run(&f, f.anna, "table off");
	CHECK_UINT(f.room.table.step, ==, 0);
	teardown(&f);
	/* Without a room only the form is checked. */
	parse_remote(&p, "table zz9", OP(TABLE));
	CHECK_STR(p.cmd.table.content_id, "zz9");
	parse_remote(&p, "table e4", OP(TABLE));
	CHECK_UINT(p.cmd.table.own_id, ==, 4);
	parse_refused(&p, "table");
	parse_refused(&p, "table b3 b4");
}

/* ------------------------------------------------------------- votes */

static void
test_votes(void)
{
	static const char *const lines[] = {
		"vote", "vote open-houding extra", "unvote", "mark", "unmark",
		"vote nope", "mark nope", "votes", "votes maybe",
		"votes open now",
	};
	const Aandeslag__ContentCompetence *comp;
	struct fixture f;
	struct parsed p;

	setup(&f, 'a');
	comp = content_competence(&f.content, "open-houding", NULL);
	parse_remote(&p, "vote open-houding", OP(VOTE));
	CHECK(p.cmd.command.vote == &p.cmd.vote);
	/* The id sent is the content's own. */
	CHECK(p.cmd.vote.competence_id == comp->id);
	CHECK(!p.cmd.vote.remove);
	CHECK(!p.cmd.mirrored);
	parse_remote(&p, "vote Open-Houding", OP(VOTE));
	CHECK(p.cmd.vote.competence_id == comp->id);
	/* The start of one id is enough. */
	parse_remote(&p, "vote open", OP(VOTE));
	CHECK(p.cmd.vote.competence_id == comp->id);
	parse_refused(&p, "vote orientatie");
	CHECK_CONTAINS(p.error, "orientatie");
	parse_refused(&p, "vote nope");
	CHECK_CONTAINS(p.error, "model");
	parse_remote(&p, "unvote vreemde-taal", OP(VOTE));
	CHECK_STR(p.cmd.vote.competence_id, "vreemde-taal");
	CHECK(p.cmd.vote.remove);
	parse_remote(&p, "mark flexibiliteit", OP(MARK));
	CHECK(p.cmd.command.mark == &p.cmd.mark);
	CHECK_STR(p.cmd.mark.competence_id, "flexibiliteit");
	CHECK(p.cmd.mark.marked);
	parse_remote(&p, "unmark flexibiliteit", OP(MARK));
	CHECK(!p.cmd.mark.marked);
	parse_remote(&p, "votes hidden", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(VOTES_HIDDEN));
	CHECK(p.cmd.setting.flag);
	parse_remote(&p, "votes open", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(VOTES_HIDDEN));
	CHECK(!p.cmd.setting.flag);
	REFUSE_ALL(lines);
	run(&f, f.anna, "votes hidden");
	run(&f, f.anna, "vote open");
	run(&f, f.bram, "vote vreemde-taal");
	run(&f, f.bram, "unvote vreemde-taal");
	run(&f, f.anna, "mark open-houding");
	CHECK(model_marked(&f.room, "open-houding"));
	run(&f, f.anna, "votes open");
	CHECK_UINT(model_tally(&f.room, "open-houding"), ==, 1);
	teardown(&f);
	/* Without content an id is taken as typed. */
	parse_remote(&p, "vote whatever", OP(VOTE));
	CHECK_STR(p.cmd.vote.competence_id, "whatever");
}

/* -------------------------------------------------------- activities */

static void
test_activity_add(void)
{
	static const char *const lines[] = {
		"activity", "activity foo", "activity add", "activity add --done",
		"activity add --from", "activity add --from nope",
		"activity add --for nope x", "activity add --for", "activity add --bogus x",
		"activity add --from stage --done", "activity add --for open-houding",
		"activity add --for open,vreemde,flex,zelf,reflect,grenzen,omgaan,"
		"intercultureel-c,internationaal,kennis,orientatie-s,orientatie-b,"
		"orientatie-a,open-houding,vreemde-taal,flexibiliteit,zelfvertrouwen x",
	};
	const Aandeslag__ContentActivity *cat;
	struct fixture f;
	struct parsed p;
	const Aandeslag__Activity *a;

	setup(&f, 'b');
	cat = content_activity(&f.content, "gastles");
	parse_remote(&p, "activity add --from gastles", OP(ADD_ACTIVITY));
	a = p.cmd.add_activity.activity;
	CHECK(p.cmd.command.add_activity == &p.cmd.add_activity);
	CHECK(a == &p.cmd.activity);
	CHECK(a->catalogue_id == cat->id);
	CHECK_STR(a->text, "");
	CHECK(!a->done);
	CHECK_INT(a->place, ==, AANDESLAG__PLACE__PLACE_UNSET);
	CHECK_UINT(a->n_competence_ids, ==, 0);
	parse_remote(&p, "activity add --from virtuele --done --abroad "
	             "--for \"open, vreemde-taal\" Online met Gent",
	             OP(ADD_ACTIVITY));
	CHECK_STR(a->catalogue_id, "virtuele-uitwisseling");
	CHECK(a->done);
	CHECK_INT(a->place, ==, AANDESLAG__PLACE__PLACE_ABROAD);
	CHECK_UINT(a->n_competence_ids, ==, 2);
	CHECK_STR(a->competence_ids[0], "open-houding");
	CHECK_STR(a->competence_ids[1], "vreemde-taal");
	CHECK_STR(a->text, "Online met Gent");
	parse_remote(&p, "activity add --home --for flexibiliteit,zelfvertrouwen "
	             "Eigen project", OP(ADD_ACTIVITY));
	CHECK_STR(a->catalogue_id, "");
	CHECK_INT(a->place, ==, AANDESLAG__PLACE__PLACE_HOME);
	CHECK_STR(a->text, "Eigen project");
	parse_refused(&p, "activity add --from nope");
	CHECK_CONTAINS(p.error, "catalogue");
	parse_refused(&p, "activity add --from stage");
	CHECK_CONTAINS(p.error, "stage");
	REFUSE_ALL(lines);
	run(&f, f.bram, "activity add --from gastles");
	run(&f, f.bram, "activity add --from virtuele --done --for open,vreemde-taal "
	    "Online met Gent");
	a = activity(&f, 2);
	CHECK_STR(a->catalogue_id, "virtuele-uitwisseling");
	CHECK_UINT(a->n_competence_ids, ==, 2);
	CHECK_INT(a->place, ==, AANDESLAG__PLACE__PLACE_HOME);
	teardown(&f);
}

static void
test_activity_edit(void)
{
	struct fixture f;
	struct parsed p;
	const Aandeslag__Activity *a;

	setup(&f, 'b');
	run(&f, f.bram, "activity add --from virtuele --for open,vreemde-taal "
	    "Online met Gent");
	/* Only what is named changes: the command carries the rest. */
	parse_remote(&p, "activity edit a1 --done", OP(EDIT_ACTIVITY));
	CHECK(p.cmd.command.edit_activity == &p.cmd.edit_activity);
	a = p.cmd.edit_activity.activity;
	CHECK(p.cmd.mirrored);
	CHECK_UINT(a->id, ==, 1);
	CHECK(a->done);
	CHECK_STR(a->text, "Online met Gent");
	CHECK_STR(a->catalogue_id, "virtuele-uitwisseling");
	CHECK_INT(a->place, ==, AANDESLAG__PLACE__PLACE_HOME);
	CHECK_UINT(a->n_competence_ids, ==, 2);
	CHECK_STR(a->competence_ids[1], "vreemde-taal");
	run(&f, f.bram, "activity edit a1 --done");
	a = activity(&f, 1);
	CHECK(a->done);
	CHECK_STR(a->text, "Online met Gent");
	CHECK_UINT(a->n_competence_ids, ==, 2);
	run(&f, f.bram, "activity edit 1 --abroad Met Gent en Aken");
	a = activity(&f, 1);
	CHECK(a->done);
	CHECK_INT(a->place, ==, AANDESLAG__PLACE__PLACE_ABROAD);
	CHECK_STR(a->text, "Met Gent en Aken");
	run(&f, f.bram, "activity edit a1 --new --for flexibiliteit");
	a = activity(&f, 1);
	CHECK(!a->done);
	CHECK_UINT(a->n_competence_ids, ==, 1);
	CHECK_STR(a->competence_ids[0], "flexibiliteit");
	CHECK_STR(a->text, "Met Gent en Aken");
	run(&f, f.bram, "activity edit a1 --for none");
	CHECK_UINT(activity(&f, 1)->n_competence_ids, ==, 0);
	parse_refused(&p, "activity edit a2 --done");
	CHECK_CONTAINS(p.error, "a2");
	parse_refused(&p, "activity edit a1 --from gastles");
	parse_refused(&p, "activity edit --done");
	parse_refused(&p, "activity edit x");
	parse_remote(&p, "activity delete a1", OP(DELETE_ACTIVITY));
	CHECK(p.cmd.command.delete_activity == &p.cmd.delete_activity);
	CHECK_UINT(p.cmd.delete_activity.activity_id, ==, 1);
	parse_refused(&p, "activity delete");
	parse_refused(&p, "activity delete a1 nu");
	run(&f, f.bram, "activity delete 1");
	CHECK_UINT(f.room.activities.n, ==, 0);
	teardown(&f);
	/* A merge needs the mirror. */
	parse_refused(&p, "activity edit a1 --done");
	parse_remote(&p, "activity delete a3", OP(DELETE_ACTIVITY));
}

/* ----------------------------------------------------------- actions */

static void
test_action_add(void)
{
	struct fixture f;
	struct parsed p;
	const Aandeslag__Action *a;

	setup(&f, 'a');
	run(&f, f.anna, "activity add --from gastles");
	parse_remote(&p, "action add --activity a1 --owner me --owner bram "
	             "--owner \"de teamleider\" --team --needs financien,tijd "
	             "--needs-text \"budget voor licenties\" --years 1,2 "
	             "--when 2027-03 --status bezig Lesmateriaal zoeken",
	             OP(ADD_ACTION));
	CHECK(p.cmd.command.add_action == &p.cmd.add_action);
	a = p.cmd.add_action.action;
	CHECK(a == &p.cmd.action);
	CHECK_STR(a->text, "Lesmateriaal zoeken");
	CHECK_UINT(a->activity_id, ==, 1);
	CHECK_UINT(a->n_owners, ==, 4);
	CHECK_INT(a->owners[0]->kind, ==, OWNER(PARTICIPANT));
	CHECK_UINT(a->owners[0]->participant_id, ==, f.anna);
	CHECK_STR(a->owners[0]->name, "Anna");
	CHECK_INT(a->owners[1]->kind, ==, OWNER(PARTICIPANT));
	CHECK_UINT(a->owners[1]->participant_id, ==, f.bram);
	CHECK_INT(a->owners[2]->kind, ==, OWNER(NAMED));
	CHECK_STR(a->owners[2]->name, "de teamleider");
	CHECK_INT(a->owners[3]->kind, ==, OWNER(TEAM));
	CHECK_STR(a->owners[3]->name, "");
	CHECK_UINT(a->needs, ==, MODEL_NEED_FINANCES | MODEL_NEED_TIME);
	CHECK_STR(a->needs_text, "budget voor licenties");
	CHECK_UINT(a->study_years, ==, (1u << 1) | (1u << 2));
	CHECK(a->when == &p.cmd.when);
	CHECK_INT(a->when->kind, ==, WHEN(MONTH));
	CHECK_STR(a->when->value, "2027-03");
	CHECK_INT(a->status, ==, STATUS(BUSY));
	CHECK(p.cmd.mirrored);
	parse_remote(&p, "action add --when 2027-03-15 x", OP(ADD_ACTION));
	CHECK_INT(a->when->kind, ==, WHEN(DATE));
	CHECK_STR(a->when->value, "2027-03-15");
	parse_remote(&p, "action add --when \"periode 2\" --status done x",
	             OP(ADD_ACTION));
	CHECK_INT(a->when->kind, ==, WHEN(PERIOD));
	CHECK_STR(a->when->value, "periode 2");
	CHECK_INT(a->status, ==, STATUS(DONE));
	CHECK_UINT(a->n_owners, ==, 0);
	CHECK_UINT(a->activity_id, ==, 0);
	CHECK(a->when != NULL);
	parse_remote(&p, "action add --needs \"financi\xc3\xabn, kennis "
	             "hulpmiddelen,partners\" --years 4 --status klaar x",
	             OP(ADD_ACTION));
	CHECK_UINT(a->needs, ==, MODEL_NEEDS_ALL & ~MODEL_NEED_TIME);
	CHECK_UINT(a->study_years, ==, 1u << 4);
	parse_remote(&p, "action add --status open Plan", OP(ADD_ACTION));
	CHECK_INT(a->status, ==, STATUS(OPEN));
	CHECK(a->when == NULL);
	run(&f, f.anna, "action add --activity a1 --owner me --owner bram "
	    "--owner \"de teamleider\" --team --needs financien,tijd "
	    "--needs-text \"budget voor licenties\" --years 1,2 "
	    "--when 2027-03 --status bezig Lesmateriaal zoeken");
	a = action(&f, 1);
	CHECK_UINT(a->n_owners, ==, 4);
	CHECK_STR(a->owners[2]->name, "de teamleider");
	CHECK_STR(a->when->value, "2027-03");
	run(&f, f.bram, "action add --owner me --when \"periode 2\" Partnerschool zoeken");
	CHECK_UINT(action(&f, 2)->owners[0]->participant_id, ==, f.bram);
	teardown(&f);
}

static void
test_action_add_refused(void)
{
	static const char *const lines[] = {
		"action", "action foo", "action add", "action add --owner me",
		"action add --owner", "action add --activity", "action add --activity x y",
		"action add --activity a2 y", "action add --needs geld x",
		"action add --needs", "action add --years 5 x",
		"action add --years 0 x", "action add --years x x",
		"action add --when 2027-02-30 x", "action add --when 2027-13 x",
		"action add --when 1999-01 x", "action add --status later x",
		"action add --no-owner --owner me x", "action add --owner me --no-owner x",
		"action add --team --no-owner x", "action add --bogus x",
		"action add --owner a --owner b --owner c --owner d --owner e "
		"--owner f --owner g --owner h --owner i x",
	};
	struct fixture f;
	struct parsed p;

	setup(&f, 'a');
	REFUSE_ALL(lines);
	parse_refused(&p, "action add --activity a2 y");
	CHECK_CONTAINS(p.error, "a2");
	parse_refused(&p, "action add --needs geld x");
	CHECK_CONTAINS(p.error, "geld");
	parse_refused(&p, "action add --when 2027-02-30 x");
	CHECK_CONTAINS(p.error, "2027-02-30");
	teardown(&f);
	/* A viewer owns nothing. */
	parse_refused(&p, "action add --owner me x");
	/* Without a room, a name is someone not seated. */
	parse_remote(&p, "action add --owner Bram --activity a2 x", OP(ADD_ACTION));
	CHECK_INT(p.cmd.action.owners[0]->kind, ==, OWNER(NAMED));
	CHECK_UINT(p.cmd.action.activity_id, ==, 2);
}

static void
test_action_edit(void)
{
	struct fixture f;
	struct parsed p;
	const Aandeslag__Action *a;

	setup(&f, 'a');
	run(&f, f.anna, "activity add --from gastles");
	run(&f, f.anna, "action add --activity a1 --owner me --owner bram "
	    "--owner \"de teamleider\" --team --needs financien,tijd "
	    "--needs-text \"budget voor licenties\" --years 1,2 "
	    "--when 2027-03 --status bezig Lesmateriaal zoeken");
	parse_remote(&p, "action edit p1 --status klaar", OP(EDIT_ACTION));
	CHECK(p.cmd.command.edit_action == &p.cmd.edit_action);
	a = p.cmd.edit_action.action;
	CHECK(p.cmd.mirrored);
	CHECK_UINT(a->id, ==, 1);
	CHECK_INT(a->status, ==, STATUS(DONE));
	CHECK_STR(a->text, "Lesmateriaal zoeken");
	CHECK_UINT(a->n_owners, ==, 4);
	CHECK_STR(a->owners[2]->name, "de teamleider");
	CHECK_UINT(a->needs, ==, MODEL_NEED_FINANCES | MODEL_NEED_TIME);
	CHECK_STR(a->needs_text, "budget voor licenties");
	CHECK_UINT(a->study_years, ==, 6);
	CHECK_STR(a->when->value, "2027-03");
	CHECK_UINT(a->activity_id, ==, 1);
	run(&f, f.anna, "action edit p1 --status klaar");
	a = action(&f, 1);
	CHECK_INT(a->status, ==, STATUS(DONE));
	CHECK_UINT(a->n_owners, ==, 4);
	CHECK_STR(a->needs_text, "budget voor licenties");
	/* Owners named replace them all. */
	run(&f, f.anna, "action edit 1 --owner \"Carla de Vries\" --owner Joke");
	a = action(&f, 1);
	CHECK_UINT(a->n_owners, ==, 2);
	CHECK_UINT(a->owners[0]->participant_id, ==, f.carla);
	CHECK_STR(a->owners[1]->name, "Joke");
	CHECK_INT(a->status, ==, STATUS(DONE));
	run(&f, f.anna, "action edit p1 --no-owner --when none --activity none "
	    "--needs none --needs-text \"\" --years none Nieuwe tekst");
	a = action(&f, 1);
	CHECK_UINT(a->n_owners, ==, 0);
	CHECK(a->when == NULL || a->when->kind == WHEN(NONE));
	CHECK_UINT(a->activity_id, ==, 0);
	CHECK_UINT(a->needs, ==, 0);
	CHECK_STR(a->needs_text, "");
	CHECK_UINT(a->study_years, ==, 0);
	CHECK_STR(a->text, "Nieuwe tekst");
	run(&f, f.anna, "action edit p1 --team --when 2027-09-01");
	a = action(&f, 1);
	CHECK_INT(a->owners[0]->kind, ==, OWNER(TEAM));
	CHECK_INT(a->when->kind, ==, WHEN(DATE));
	CHECK_STR(a->text, "Nieuwe tekst");
	parse_refused(&p, "action edit p2 --team");
	CHECK_CONTAINS(p.error, "p2");
	parse_refused(&p, "action edit --team");
	parse_remote(&p, "action delete p1", OP(DELETE_ACTION));
	CHECK(p.cmd.command.delete_action == &p.cmd.delete_action);
	CHECK_UINT(p.cmd.delete_action.action_id, ==, 1);
	parse_refused(&p, "action delete");
	parse_refused(&p, "action delete p1 p2");
	run(&f, f.anna, "action delete 1");
	CHECK_UINT(f.room.actions.n, ==, 0);
	teardown(&f);
	parse_refused(&p, "action edit p1 --team");
}

static void
test_claim_status(void)
{
	static const char *const lines[] = {
		"claim", "claim x", "claim p1 nu", "release", "status",
		"status p1", "status p1 later", "status x open",
		"status p1 open nu",
	};
	struct fixture f;
	struct parsed p;

	setup(&f, 'b');
	run(&f, f.bram, "action add Partnerschool zoeken");
	parse_remote(&p, "claim p1", OP(CLAIM));
	CHECK(p.cmd.command.claim == &p.cmd.claim);
	CHECK_UINT(p.cmd.claim.action_id, ==, 1);
	CHECK(!p.cmd.claim.release);
	parse_remote(&p, "release 1", OP(CLAIM));
	CHECK(p.cmd.claim.release);
	parse_remote(&p, "status p1 bezig", OP(ACTION_STATUS));
	CHECK(p.cmd.command.action_status == &p.cmd.action_status);
	CHECK_UINT(p.cmd.action_status.action_id, ==, 1);
	CHECK_INT(p.cmd.action_status.status, ==, STATUS(BUSY));
	parse_remote(&p, "status 1 busy", OP(ACTION_STATUS));
	CHECK_INT(p.cmd.action_status.status, ==, STATUS(BUSY));
	parse_remote(&p, "status 1 done", OP(ACTION_STATUS));
	CHECK_INT(p.cmd.action_status.status, ==, STATUS(DONE));
	parse_remote(&p, "status P1 Open", OP(ACTION_STATUS));
	CHECK_INT(p.cmd.action_status.status, ==, STATUS(OPEN));
	REFUSE_ALL(lines);
	run(&f, f.bram, "claim p1");
	CHECK_UINT(action(&f, 1)->n_owners, ==, 1);
	run(&f, f.bram, "status p1 klaar");
	CHECK_INT(action(&f, 1)->status, ==, STATUS(DONE));
	run(&f, f.bram, "release p1");
	CHECK_UINT(action(&f, 1)->n_owners, ==, 0);
	teardown(&f);
}

/* ---------------------------------------------------------- settings */

static void
check_setting(const char *line, int key)
{
	struct parsed p;

	parse_remote(&p, line, OP(SETTING));
	CHECK(p.cmd.command.setting == &p.cmd.setting);
	CHECK_INT(p.cmd.setting.key, ==, key);
}

static void
test_set(void)
{
	static const char *const lines[] = {
		"set", "set nothing x", "set title", "set levels",
		"set levels 5", "set levels 0", "set levels 1,2,3,4,1",
		"set levels x", "set minutes", "set minutes 2",
		"set minutes 6 40", "set minutes 2 x", "set minutes 2 0",
		"set minutes 2 40 50", "set budget", "set budget x",
		"set budget 0", "set budget 3 4", "set stacking",
		"set stacking maybe", "set anonymous", "set talk-only yes",
		"set stacking on off", "set follow-up", "set follow-up 2027-02-30",
		"set follow-up morgen", "set follow-up 2027-03-15 x",
	};
	struct parsed p;

	check_setting("set title Nieuwe  titel", KEY(TITLE));
	parse_remote(&p, "set title Nieuwe  titel", OP(SETTING));
	CHECK_STR(p.cmd.setting.text, "Nieuwe  titel");
	parse_remote(&p, "set programme Verzorgende IG", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(PROGRAMME));
	CHECK_STR(p.cmd.setting.text, "Verzorgende IG");
	parse_remote(&p, "set programme", OP(SETTING));
	CHECK_STR(p.cmd.setting.text, "");
	parse_remote(&p, "set dossier Verzorgende-IG (25491)", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(QUALIFICATION));
	CHECK_STR(p.cmd.setting.text, "Verzorgende-IG (25491)");
	parse_remote(&p, "set region   ", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(REGION));
	CHECK_STR(p.cmd.setting.text, "");
	parse_remote(&p, "set region grensregio Limburg", OP(SETTING));
	CHECK_STR(p.cmd.setting.text, "grensregio Limburg");
	parse_remote(&p, "set levels 2,3,4", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(LEVELS));
	CHECK_UINT(p.cmd.setting.n_numbers, ==, 3);
	CHECK_UINT(p.cmd.setting.numbers[0], ==, 2);
	CHECK_UINT(p.cmd.setting.numbers[2], ==, 4);
	parse_remote(&p, "set levels 3, 4", OP(SETTING));
	CHECK_UINT(p.cmd.setting.n_numbers, ==, 2);
	parse_remote(&p, "set levels none", OP(SETTING));
	CHECK_UINT(p.cmd.setting.n_numbers, ==, 0);
	parse_remote(&p, "set minutes 2 40", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(STEP_MINUTES));
	CHECK_UINT(p.cmd.setting.step, ==, 2);
	CHECK_UINT(p.cmd.setting.number, ==, 40);
	parse_remote(&p, "set budget 5", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(VOTE_BUDGET));
	CHECK_UINT(p.cmd.setting.number, ==, 5);
	parse_remote(&p, "set stacking on", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(VOTE_STACKING));
	CHECK(p.cmd.setting.flag);
	parse_remote(&p, "set stacking uit", OP(SETTING));
	CHECK(!p.cmd.setting.flag);
	parse_remote(&p, "set anonymous aan", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(ANONYMOUS));
	CHECK(p.cmd.setting.flag);
	parse_remote(&p, "set talk-only off", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(TALK_ONLY));
	CHECK(!p.cmd.setting.flag);
	parse_remote(&p, "set follow-up 2027-03-15", OP(SETTING));
	CHECK_INT(p.cmd.setting.key, ==, KEY(FOLLOW_UP));
	CHECK_STR(p.cmd.setting.text, "2027-03-15");
	parse_remote(&p, "set follow-up none", OP(SETTING));
	CHECK_STR(p.cmd.setting.text, "");
	REFUSE_ALL(lines);
	parse_refused(&p, "set nothing x");
	CHECK_CONTAINS(p.error, "nothing");
}

static void
test_set_runs(void)
{
	struct fixture f;

	setup(&f, 'a');
	run(&f, f.anna, "set programme Verzorgende IG");
	CHECK_STR(f.room.settings.programme, "Verzorgende IG");
	run(&f, f.anna, "set programme");
	CHECK_STR(f.room.settings.programme, "");
	run(&f, f.anna, "set levels 3,4");
	CHECK_UINT(f.room.settings.levels, ==, (1u << 3) | (1u << 4));
	run(&f, f.anna, "set minutes 2 45");
	CHECK_INT(f.room.clocks[1].duration_ms, ==, 45 * CLOCK_MINUTE_MS);
	run(&f, f.anna, "set follow-up 2027-03-15");
	CHECK_STR(f.room.settings.follow_up, "2027-03-15");
	run(&f, f.anna, "set anonymous on");
	CHECK(f.room.settings.anonymous);
	run(&f, f.anna, "set title Een andere titel");
	CHECK_STR(f.room.title, "Een andere titel");
	teardown(&f);
}

/* ------------------------------------------------------------- seats */

static void
test_seats(void)
{
	struct fixture f;
	struct parsed p;

	setup(&f, 'a');
	parse_remote(&p, "chair Bram", OP(HAND_OVER));
	CHECK(p.cmd.command.hand_over == &p.cmd.hand_over);
	CHECK_UINT(p.cmd.hand_over.participant_id, ==, f.bram);
	CHECK(p.cmd.mirrored);
	parse_remote(&p, "chair bram", OP(HAND_OVER));
	CHECK_UINT(p.cmd.hand_over.participant_id, ==, f.bram);
	/* A name is the rest of the line, in quotes or not. */
	parse_remote(&p, "chair Carla de Vries", OP(HAND_OVER));
	CHECK_UINT(p.cmd.hand_over.participant_id, ==, f.carla);
	parse_remote(&p, "chair \"Carla de Vries\"", OP(HAND_OVER));
	CHECK_UINT(p.cmd.hand_over.participant_id, ==, f.carla);
	parse_remote(&p, "scribe Bram", OP(SCRIBE));
	CHECK(p.cmd.command.scribe == &p.cmd.scribe);
	CHECK_UINT(p.cmd.scribe.participant_id, ==, f.bram);
	CHECK(p.cmd.scribe.scribe);
	parse_remote(&p, "scribe Carla de Vries off", OP(SCRIBE));
	CHECK_UINT(p.cmd.scribe.participant_id, ==, f.carla);
	CHECK(!p.cmd.scribe.scribe);
	parse_remote(&p, "scribe Bram\toff", OP(SCRIBE));
	CHECK_UINT(p.cmd.scribe.participant_id, ==, f.bram);
	CHECK(!p.cmd.scribe.scribe);
	parse_remote(&p, "scribe \"Carla de Vries\" on", OP(SCRIBE));
	CHECK(p.cmd.scribe.scribe);
	parse_remote(&p, "remove Bram", OP(REMOVE));
	CHECK(p.cmd.command.remove == &p.cmd.remove);
	CHECK_UINT(p.cmd.remove.participant_id, ==, f.bram);
	parse_refused(&p, "chair Dirk");
	CHECK_CONTAINS(p.error, "Dirk");
	parse_refused(&p, "chair");
	parse_refused(&p, "scribe off");
	parse_refused(&p, "remove");
	parse_refused(&p, "remove Carla");
	run(&f, f.anna, "scribe Bram");
	CHECK_INT(model_participant(&f.room, f.bram)->role, ==,
	          AANDESLAG__ROLE__ROLE_SCRIBE);
	run(&f, f.anna, "scribe bram off");
	run(&f, f.anna, "remove Carla de Vries");
	CHECK_UINT(f.room.nparticipants, ==, 2);
	run(&f, f.anna, "chair Bram");
	CHECK_UINT(model_chair(&f.room), ==, f.bram);
	run(&f, f.bram, "finish");
	CHECK(f.room.settings.finished);
	run(&f, f.anna, "leave");
	CHECK_UINT(f.room.nparticipants, ==, 1);
	teardown(&f);
	/* Seats need the room. */
	parse_refused(&p, "chair Bram");
	parse_remote(&p, "finish", OP(FINISH));
	CHECK(p.cmd.command.finish == &p.cmd.finish);
	parse_refused(&p, "finish now");
}

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
		"activity delete a1", "action add --owner x --team --needs tijd "
		"--needs-text y --years 1 --when 2027-01 --status bezig z",
		"action delete p1", "claim p1", "release p1", "status p1 klaar",
		"set title x", "set programme", "set dossier x", "set levels 1,2",
		"set region x", "set minutes 1 5", "set budget 4",
		"set stacking on", "set anonymous off", "set talk-only on",
		"set follow-up 2030-01-31", "finish", "start", "pause",
		"resume", "extend 1", "shorten 1", "next", "prev", "goto 2",
		"leave",
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

CHECK_MAIN(CHECK_TEST(test_note),
           CHECK_TEST(test_note_keeps_inner_spaces),
           CHECK_TEST(test_note_step),
           CHECK_TEST(test_note_refused),
           CHECK_TEST(test_note_diacritics),
           CHECK_TEST(test_note_for),
           CHECK_TEST(test_note_edit),
           CHECK_TEST(test_note_edit_refused),
           CHECK_TEST(test_question),
           CHECK_TEST(test_table),
           CHECK_TEST(test_votes),
           CHECK_TEST(test_activity_add),
           CHECK_TEST(test_activity_edit),
           CHECK_TEST(test_action_add),
           CHECK_TEST(test_action_add_refused),
           CHECK_TEST(test_action_edit),
           CHECK_TEST(test_claim_status),
           CHECK_TEST(test_set),
           CHECK_TEST(test_set_runs),
           CHECK_TEST(test_seats),
           CHECK_TEST(test_clock),
           CHECK_TEST(test_step),
           CHECK_TEST(test_leave),
           CHECK_TEST(test_local),
           CHECK_TEST(test_empty),
           CHECK_TEST(test_unknown),
           CHECK_TEST(test_unknown_long_word),
           CHECK_TEST(test_spaces_and_crlf),
           CHECK_TEST(test_every_command_packs),
           CHECK_TEST(test_help))
