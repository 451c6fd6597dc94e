/* Tests for activities.c: activities from the map or in the team's words,
 * their competences, and what deleting one does to actions. */
#include "check.h"
#include "fixture.h"

#include "activities.h"
#include "content.h"
#include "model.h"
#include "refusal.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#define CODE "K7QM-2XPD"
#define TITLE "Titel"
#define EPOCH UINT64_C(42)

#define ROLE_P AANDESLAG__ROLE__ROLE_PARTICIPANT
#define ROLE_C AANDESLAG__ROLE__ROLE_CHAIR

#define UNSET AANDESLAG__PLACE__PLACE_UNSET
#define ABROAD AANDESLAG__PLACE__PLACE_ABROAD
#define HOME AANDESLAG__PLACE__PLACE_HOME

/* A small content of our own, so that these tests do not depend on the
 * real data file: five competences in two categories, a third category
 * with more competences than one activity may link (made by
 * make_content()), and three activities. */
static const char content_head[] =
	"version: unit\n"
	"steps:\n"
	"  - {number: 1, name: {nl: Betekenis, en: Meaning},\n"
	"    question: {nl: Vraag, en: Question}, goal: {nl: Doel, en: Goal},\n"
	"    minutes: 20, questions: [{id: q1, nl: Vraag, en: Question}]}\n"
	"  - {number: 2, name: {nl: Relevantie, en: Relevance},\n"
	"    question: {nl: Vraag, en: Question}, goal: {nl: Doel, en: Goal},\n"
	"    minutes: 30, questions: [{id: q2, nl: Vraag, en: Question}]}\n"
	"  - {number: 3, name: {nl: Competenties, en: Competences},\n"
	"    question: {nl: Vraag, en: Question}, goal: {nl: Doel, en: Goal},\n"
	"    minutes: 30, questions: [{id: q3, nl: Vraag, en: Question}]}\n"
	"  - {number: 4, name: {nl: Activiteiten, en: Activities},\n"
	"    question: {nl: Vraag, en: Question}, goal: {nl: Doel, en: Goal},\n"
	"    minutes: 30, questions: [{id: q4, nl: Vraag, en: Question}]}\n"
	"  - {number: 5, name: {nl: Aan de slag, en: Getting started},\n"
	"    question: {nl: Vraag, en: Question}, goal: {nl: Doel, en: Goal},\n"
	"    minutes: 40, questions: [{id: q5, nl: Vraag, en: Question}]}\n"
	"categories:\n"
	"  - id: kennis\n"
	"    name: {nl: Kennis, en: Knowledge}\n"
	"    competences:\n"
	"      - {id: talen, name: {nl: Talen, en: Languages},\n"
	"         description: {nl: Beschrijving., en: Description.}}\n"
	"      - {id: cultuur, name: {nl: Cultuur, en: Culture},\n"
	"         description: {nl: Beschrijving., en: Description.}}\n"
	"      - {id: wereld, name: {nl: Wereld, en: World},\n"
	"         description: {nl: Beschrijving., en: Description.}}\n"
	"  - id: houding\n"
	"    name: {nl: Houding, en: Attitude}\n"
	"    competences:\n"
	"      - {id: open, name: {nl: Open, en: Open},\n"
	"         description: {nl: Beschrijving., en: Description.}}\n"
	"      - {id: flexibel, name: {nl: Flexibel, en: Flexible},\n"
	"         description: {nl: Beschrijving., en: Description.}}\n";

static const char content_tail[] =
	"activities:\n"
	"  - {id: stage, name: {nl: Stage, en: Internship}, place: abroad}\n"
	"  - {id: coil, name: {nl: COIL, en: COIL}, place: home}\n"
	"  - {id: gastles, name: {nl: Gastles, en: Guest talk}, place: home}\n";

/* ------------------------------------------------------------- fixture */

/* The competences of the third category: one more than an activity may
 * link. */
#define MANY (MODEL_LINKS_MAX + 1)

static char content_yaml[16384];
static struct content content;
static struct model_room room, mirror;
static struct model_event ev;
static struct refusal why;
static uint32_t chair, ann, bob;
static const int64_t now = 1000;

static void
make_content(void)
{
	size_t n;
	int i;

	n = (size_t)snprintf(content_yaml, sizeof content_yaml,
	        "%s  - id: veel\n"
	        "    name: {nl: Veel, en: Many}\n"
	        "    competences:\n", content_head);
	for (i = 1; i <= MANY && n < sizeof content_yaml; i++)
		n += (size_t)snprintf(content_yaml + n, sizeof content_yaml - n,
		        "      - id: v%02d\n"
		        "        name: {nl: V%02d, en: V%02d}\n"
		        "        description: {nl: Veel., en: Many.}\n",
		        i, i, i);
	if (n < sizeof content_yaml)
		n += (size_t)snprintf(content_yaml + n, sizeof content_yaml - n,
		                      "%s", content_tail);
	CHECK_UINT(n, <, sizeof content_yaml);
}

static uint32_t
join(const char *name, int role)
{
	CHECK_INT(model_join(&room, name, role, now, &ev, &why), ==, 0);
	CHECK_INT(model_apply(&mirror, &ev.event, now), ==, 0);
	return ev.participant.id;
}

static void
setup(void)
{
	char err[CONTENT_ERROR_SIZE] = "";

	make_content();
	if (content_parse(&content, content_yaml, strlen(content_yaml),
	                  "unit.yaml", err) != 0)
		CHECK_FAIL("content: %s", err);
	CHECK_INT(model_init(&room, &content, CODE, TITLE, EPOCH, &why), ==, 0);
	CHECK_INT(model_init(&mirror, &content, CODE, TITLE, EPOCH, &why), ==,
	          0);
	chair = join("Chris", ROLE_C);
	ann = join("Ann", ROLE_P);
	bob = join("Bob", ROLE_P);
}

static void
teardown(void)
{
	model_event_release(&ev);
	model_free(&room);
	model_free(&mirror);
	content_free(&content);
}

/* Runs cmd for actor in the room; an accepted command's event is applied
 * to the mirror too, which must accept it. */
static int
run(uint32_t actor, const Aandeslag__Command *cmd)
{
	int rc = model_execute(&room, actor, cmd, now, &ev, &why);

	if (rc == 0)
		CHECK_INT(model_apply(&mirror, &ev.event, now), ==, 0);
	return rc;
}

/* An activity as a command gives it. */
struct act_in {
	Aandeslag__Activity a;
	char *links[2 * MANY];
};

static void
act_init(struct act_in *in, const char *catalogue, const char *text,
         int place)
{
	memset(in, 0, sizeof *in);
	aandeslag__activity__init(&in->a);
	if (catalogue != NULL)
		in->a.catalogue_id = (char *)catalogue;
	in->a.text = (char *)text;
	in->a.place = (Aandeslag__Place)place;
	in->a.competence_ids = in->links;
}

static void
act_link(struct act_in *in, const char *id)
{
	in->links[in->a.n_competence_ids++] = (char *)id;
}

static int
add_activity(uint32_t actor, struct act_in *in)
{
	Aandeslag__Command cmd;
	Aandeslag__AddActivity add;

	aandeslag__command__init(&cmd);
	aandeslag__add_activity__init(&add);
	add.activity = &in->a;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_ACTIVITY;
	cmd.add_activity = &add;
	return run(actor, &cmd);
}

/* Adds an activity in the team's words and returns its id. */
static uint32_t
add_simple(uint32_t actor, const char *text, const char *link)
{
	struct act_in in;

	act_init(&in, NULL, text, UNSET);
	if (link != NULL)
		act_link(&in, link);
	CHECK_INT(add_activity(actor, &in), ==, 0);
	return ev.activity.id;
}

static int
edit_activity(uint32_t actor, struct act_in *in)
{
	Aandeslag__Command cmd;
	Aandeslag__EditActivity edit;

	aandeslag__command__init(&cmd);
	aandeslag__edit_activity__init(&edit);
	edit.activity = &in->a;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_EDIT_ACTIVITY;
	cmd.edit_activity = &edit;
	return run(actor, &cmd);
}

static int
delete_activity(uint32_t actor, uint32_t id)
{
	Aandeslag__Command cmd;
	Aandeslag__DeleteActivity del;

	aandeslag__command__init(&cmd);
	aandeslag__delete_activity__init(&del);
	del.activity_id = id;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_DELETE_ACTIVITY;
	cmd.delete_activity = &del;
	return run(actor, &cmd);
}

/* Adds an action with only a text, linked to activity; returns its id. */
static uint32_t
add_action(uint32_t actor, const char *text, uint32_t activity)
{
	Aandeslag__Command cmd;
	Aandeslag__AddAction add;
	Aandeslag__Action a;

	aandeslag__command__init(&cmd);
	aandeslag__add_action__init(&add);
	aandeslag__action__init(&a);
	a.text = (char *)text;
	a.activity_id = activity;
	add.action = &a;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_ACTION;
	cmd.add_action = &add;
	CHECK_INT(run(actor, &cmd), ==, 0);
	return ev.action.id;
}

static const Aandeslag__Activity *
stored(const struct model_room *r, uint32_t id)
{
	return (const Aandeslag__Activity *)items_find(&r->activities, id);
}

static const Aandeslag__Action *
stored_action(const struct model_room *r, uint32_t id)
{
	return (const Aandeslag__Action *)items_find(&r->actions, id);
}

/* Returns the competences of a joined with commas. */
static const char *
links(const Aandeslag__Activity *a)
{
	static char buf[1024];
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < a->n_competence_ids && n < sizeof buf; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s",
		                      i ? "," : "", a->competence_ids[i]);
	return buf;
}

/* Checks every field of activity a. */
static void
check_activity(const Aandeslag__Activity *a, uint32_t id, const char *cat,
               const char *text, bool done, int place, const char *ids,
               uint32_t author)
{
	CHECK(a != NULL);
	CHECK_UINT(a->id, ==, id);
	CHECK_STR(a->catalogue_id, cat);
	CHECK_STR(a->text, text);
	CHECK_INT(a->done, ==, done);
	CHECK_INT(a->place, ==, place);
	CHECK_STR(links(a), ids);
	CHECK_UINT(a->author_id, ==, author);
}

/* Checks that the activities (and the actions' links) of a and b are the
 * same, field by field. */
static void
check_same(const struct model_room *a, const struct model_room *b)
{
	const Aandeslag__Activity *x, *y;
	const Aandeslag__Action *p, *q;
	size_t i;

	CHECK_UINT(a->seq, ==, b->seq);
	CHECK_UINT(a->next_activity_id, ==, b->next_activity_id);
	CHECK_UINT(a->activities.n, ==, b->activities.n);
	for (i = 0; i < a->activities.n; i++) {
		CHECK_UINT(a->activities.v[i].id, ==, b->activities.v[i].id);
		x = (const Aandeslag__Activity *)a->activities.v[i].msg;
		y = (const Aandeslag__Activity *)b->activities.v[i].msg;
		CHECK_UINT(x->id, ==, a->activities.v[i].id);
		check_activity(y, x->id, x->catalogue_id, x->text, x->done,
		               x->place, links(x), x->author_id);
	}
	CHECK_UINT(a->actions.n, ==, b->actions.n);
	for (i = 0; i < a->actions.n; i++) {
		p = (const Aandeslag__Action *)a->actions.v[i].msg;
		q = (const Aandeslag__Action *)b->actions.v[i].msg;
		CHECK_UINT(p->id, ==, q->id);
		CHECK_UINT(p->activity_id, ==, q->activity_id);
		CHECK_STR(p->text, q->text);
	}
}

/* An event for the mirror: the next one, caused by the server. */
static void
next_event(Aandeslag__Event *e)
{
	aandeslag__event__init(e);
	e->epoch = mirror.epoch;
	e->seq = mirror.seq + 1;
}

static int
apply_activity(bool added, Aandeslag__Activity *a)
{
	Aandeslag__Event e;

	next_event(&e);
	if (added) {
		e.change_case = AANDESLAG__EVENT__CHANGE_ACTIVITY_ADDED;
		e.activity_added = a;
	} else {
		e.change_case = AANDESLAG__EVENT__CHANGE_ACTIVITY_CHANGED;
		e.activity_changed = a;
	}
	return model_apply(&mirror, &e, now);
}

static int
apply_deleted(uint32_t id)
{
	Aandeslag__Event e;
	Aandeslag__ItemDeleted d;

	next_event(&e);
	aandeslag__item_deleted__init(&d);
	d.id = id;
	e.change_case = AANDESLAG__EVENT__CHANGE_ACTIVITY_DELETED;
	e.activity_deleted = &d;
	return model_apply(&mirror, &e, now);
}

/* ----------------------------------------------------------------- add */

static void
test_add_own_words(void)
{
	struct act_in in;

	setup();
	CHECK_UINT(room.next_activity_id, ==, 1);
	act_init(&in, NULL, "  Uitwisseling met Duitsland  ", ABROAD);
	act_link(&in, "talen");
	act_link(&in, "open");
	in.a.id = 77;           /* ignored */
	in.a.author_id = bob;   /* ignored */
	CHECK_INT(add_activity(ann, &in), ==, 0);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_ACTIVITY_ADDED);
	CHECK_UINT(ev.event.actor_id, ==, ann);
	CHECK_UINT(ev.event.seq, ==, room.seq);
	CHECK(ev.event.activity_added == &ev.activity);
	check_activity(&ev.activity, 1, "", "Uitwisseling met Duitsland",
	               false, ABROAD, "talen,open", ann);
	CHECK_UINT(room.activities.n, ==, 1);
	CHECK_UINT(room.next_activity_id, ==, 2);
	check_activity(stored(&room, 1), 1, "", "Uitwisseling met Duitsland",
	               false, ABROAD, "talen,open", ann);

	/* Already done, no place, no competences. */
	act_init(&in, NULL, "Gastdocent uit Spanje", UNSET);
	in.a.done = true;
	CHECK_INT(add_activity(bob, &in), ==, 0);
	check_activity(&ev.activity, 2, "", "Gastdocent uit Spanje", true,
	               UNSET, "", bob);
	CHECK_UINT(room.next_activity_id, ==, 3);
	check_same(&room, &mirror);
	teardown();
}

static void
test_add_from_catalogue(void)
{
	struct act_in in;

	setup();
	/* Without a text or place the catalogue's apply. */
	act_init(&in, "coil", "", UNSET);
	CHECK_INT(add_activity(ann, &in), ==, 0);
	check_activity(&ev.activity, 1, "coil", "", false, HOME, "", ann);
	check_activity(stored(&room, 1), 1, "coil", "", false, HOME, "", ann);

	/* A text of its own replaces the catalogue's name; a place given
	 * wins over the catalogue's. */
	act_init(&in, "stage", " Stage in Gent ", HOME);
	act_link(&in, "cultuur");
	in.a.done = true;
	CHECK_INT(add_activity(chair, &in), ==, 0);
	check_activity(&ev.activity, 2, "stage", "Stage in Gent", true, HOME,
	               "cultuur", chair);

	act_init(&in, "stage", NULL, UNSET);
	CHECK_INT(add_activity(bob, &in), ==, 0);
	check_activity(&ev.activity, 3, "stage", "", false, ABROAD, "", bob);

	/* The same catalogue entry may be on the poster twice. */
	act_init(&in, "coil", "   ", UNSET);
	CHECK_INT(add_activity(bob, &in), ==, 0);
	check_activity(&ev.activity, 4, "coil", "", false, HOME, "", bob);
	check_same(&room, &mirror);
	teardown();
}

static void
test_add_links(void)
{
	static char ids[MANY][4];
	struct act_in in;
	int i;

	setup();
	/* A competence named twice is linked once, in first-seen order. */
	act_init(&in, NULL, "Project", UNSET);
	act_link(&in, "open");
	act_link(&in, "talen");
	act_link(&in, "open");
	act_link(&in, "talen");
	act_link(&in, "wereld");
	CHECK_INT(add_activity(ann, &in), ==, 0);
	check_activity(&ev.activity, 1, "", "Project", false, UNSET,
	               "open,talen,wereld", ann);

	/* Sixteen different ones fit, with doubles among them. */
	for (i = 0; i < MANY; i++)
		snprintf(ids[i], sizeof ids[i], "v%02d", i + 1);
	act_init(&in, NULL, "Veel", UNSET);
	for (i = 0; i < MODEL_LINKS_MAX; i++) {
		act_link(&in, ids[i]);
		act_link(&in, ids[0]);
	}
	CHECK_INT(add_activity(ann, &in), ==, 0);
	CHECK_UINT(ev.activity.n_competence_ids, ==, MODEL_LINKS_MAX);
	CHECK_STR(ev.activity.competence_ids[0], "v01");
	CHECK_STR(ev.activity.competence_ids[MODEL_LINKS_MAX - 1], "v16");

	/* A seventeenth is too many. */
	act_link(&in, ids[MANY - 1]);
	CHECK_REFUSED(add_activity(ann, &in), why, E(TOO_MANY), 2,
	              "competences", "16");
	act_init(&in, NULL, "Project", UNSET);
	act_link(&in, "talen");
	act_link(&in, "nope");
	CHECK_REFUSED(add_activity(ann, &in), why, E(NO_SUCH_COMPETENCE), 1,
	              "nope", "");
	act_init(&in, NULL, "Project", UNSET);
	act_link(&in, "");
	CHECK_REFUSED(add_activity(ann, &in), why, E(NO_SUCH_COMPETENCE), 1,
	              "", "");
	act_init(&in, NULL, "Project", UNSET);
	act_link(&in, "kennis");
	CHECK_REFUSED(add_activity(ann, &in), why, E(NO_SUCH_COMPETENCE), 1,
	              "kennis", "");
	CHECK_UINT(room.activities.n, ==, 2);
	check_same(&room, &mirror);
	teardown();
}

static void
test_add_refused(void)
{
	char long_text[MODEL_NOTE_MAX + 2];
	Aandeslag__Command cmd;
	Aandeslag__AddActivity add;
	struct act_in in;
	uint64_t seq;

	setup();
	seq = room.seq;
	act_init(&in, "nope", "Iets", UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(NO_SUCH_ACTIVITY), 1,
	              "nope", "");
	/* A competence id is not a catalogue id. */
	act_init(&in, "talen", "Iets", UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(NO_SUCH_ACTIVITY), 1,
	              "talen", "");
	act_init(&in, NULL, "", UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(EMPTY_TEXT), 0, "", "");
	act_init(&in, NULL, NULL, UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(EMPTY_TEXT), 0, "", "");
	act_init(&in, "", " \t ", UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(EMPTY_TEXT), 0, "", "");
	memset(long_text, 'a', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	act_init(&in, NULL, long_text, UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(TEXT_TOO_LONG), 1, "1000",
	              "");
	act_init(&in, "coil", long_text, UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(TEXT_TOO_LONG), 1, "1000",
	              "");
	act_init(&in, NULL, "twee\nregels", UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(INVALID_TEXT), 0, "", "");
	act_init(&in, "coil", "bel\x07", UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(INVALID_TEXT), 0, "", "");
	act_init(&in, NULL, "\xff\xfe", UNSET);
	CHECK_REFUSED(add_activity(ann, &in), why, E(INVALID_TEXT), 0, "", "");
	act_init(&in, NULL, "Iets", 3);
	CHECK_REFUSED(add_activity(ann, &in), why, E(BAD_SETTING), 0, "", "");
	act_init(&in, "coil", "", -1);
	CHECK_REFUSED(add_activity(ann, &in), why, E(BAD_SETTING), 0, "", "");

	/* A command without its activity. */
	aandeslag__command__init(&cmd);
	aandeslag__add_activity__init(&add);
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_ACTIVITY;
	cmd.add_activity = &add;
	CHECK_REFUSED(run(ann, &cmd), why, E(UNKNOWN_COMMAND), 0, "", "");
	CHECK_UINT(room.seq, ==, seq);
	CHECK_UINT(room.activities.n, ==, 0);
	CHECK_UINT(room.next_activity_id, ==, 1);
	teardown();
}

static void
test_add_limit(void)
{
	struct act_in in;
	int i;

	setup();
	act_init(&in, "gastles", "", UNSET);
	for (i = 0; i < MODEL_ACTIVITIES_MAX; i++)
		CHECK_INT(add_activity(i % 2 ? ann : bob, &in), ==, 0);
	CHECK_UINT(room.activities.n, ==, MODEL_ACTIVITIES_MAX);
	CHECK_REFUSED(add_activity(ann, &in), why, E(TOO_MANY), 2,
	              "activities", "200");
	CHECK_REFUSED(add_activity(chair, &in), why, E(TOO_MANY), 2,
	              "activities", "200");
	/* Room again after one is deleted. */
	CHECK_INT(delete_activity(chair, 5), ==, 0);
	CHECK_INT(add_activity(ann, &in), ==, 0);
	CHECK_UINT(ev.activity.id, ==, MODEL_ACTIVITIES_MAX + 1);
	check_same(&room, &mirror);
	teardown();
}

/* ---------------------------------------------------------------- edit */

static void
test_edit(void)
{
	struct act_in in;
	uint32_t id;

	setup();
	id = add_simple(ann, "Uitwisseling", "talen");
	/* Anyone may edit; the catalogue and author are kept whatever the
	 * command says. */
	act_init(&in, "stage", " Uitwisseling met Polen ", HOME);
	in.a.id = id;
	in.a.author_id = bob;
	in.a.done = true;
	act_link(&in, "open");
	act_link(&in, "wereld");
	act_link(&in, "open");
	CHECK_INT(edit_activity(bob, &in), ==, 0);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_ACTIVITY_CHANGED);
	CHECK_UINT(ev.event.actor_id, ==, bob);
	CHECK(ev.event.activity_changed == &ev.activity);
	check_activity(&ev.activity, id, "", "Uitwisseling met Polen", true,
	               HOME, "open,wereld", ann);
	check_activity(stored(&room, id), id, "", "Uitwisseling met Polen",
	               true, HOME, "open,wereld", ann);
	CHECK_UINT(room.next_activity_id, ==, id + 1);
	check_same(&room, &mirror);

	/* A free activity needs its text. */
	act_init(&in, NULL, "", UNSET);
	in.a.id = id;
	CHECK_REFUSED(edit_activity(chair, &in), why, E(EMPTY_TEXT), 0, "",
	              "");
	teardown();
}

static void
test_edit_catalogue(void)
{
	struct act_in in;

	setup();
	act_init(&in, "coil", "Met Finland", ABROAD);
	CHECK_INT(add_activity(bob, &in), ==, 0);
	/* Back to the catalogue's name and place; the catalogue id cannot
	 * be taken away or changed. */
	act_init(&in, "", "", UNSET);
	in.a.id = 1;
	act_link(&in, "flexibel");
	CHECK_INT(edit_activity(ann, &in), ==, 0);
	check_activity(&ev.activity, 1, "coil", "", false, HOME, "flexibel",
	               bob);
	act_init(&in, "gastles", "Iets anders", UNSET);
	in.a.id = 1;
	CHECK_INT(edit_activity(ann, &in), ==, 0);
	check_activity(&ev.activity, 1, "coil", "Iets anders", false, HOME,
	               "", bob);
	check_same(&room, &mirror);
	teardown();
}

static void
test_edit_refused(void)
{
	char long_text[MODEL_NOTE_MAX + 2];
	struct act_in in;
	uint64_t seq;
	int i;

	setup();
	add_simple(ann, "Uitwisseling", "talen");
	seq = room.seq;
	act_init(&in, NULL, "Iets", UNSET);
	in.a.id = 7;
	CHECK_REFUSED(edit_activity(ann, &in), why, E(NO_SUCH_ACTIVITY), 1, "7",
	              "");
	in.a.id = 0;
	CHECK_REFUSED(edit_activity(ann, &in), why, E(NO_SUCH_ACTIVITY), 1, "0",
	              "");
	memset(long_text, 'b', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	act_init(&in, NULL, long_text, UNSET);
	in.a.id = 1;
	CHECK_REFUSED(edit_activity(ann, &in), why, E(TEXT_TOO_LONG), 1, "1000",
	              "");
	act_init(&in, NULL, "a\tb", UNSET);
	in.a.id = 1;
	CHECK_REFUSED(edit_activity(ann, &in), why, E(INVALID_TEXT), 0, "", "");
	act_init(&in, NULL, "Iets", 9);
	in.a.id = 1;
	CHECK_REFUSED(edit_activity(ann, &in), why, E(BAD_SETTING), 0, "", "");
	act_init(&in, NULL, "Iets", UNSET);
	in.a.id = 1;
	act_link(&in, "onbekend");
	CHECK_REFUSED(edit_activity(ann, &in), why, E(NO_SUCH_COMPETENCE), 1,
	              "onbekend", "");
	act_init(&in, NULL, "Iets", UNSET);
	in.a.id = 1;
	for (i = 0; i < MANY; i++) {
		static char ids[MANY][4];

		snprintf(ids[i], sizeof ids[i], "v%02d", i + 1);
		act_link(&in, ids[i]);
	}
	CHECK_REFUSED(edit_activity(ann, &in), why, E(TOO_MANY), 2,
	              "competences", "16");
	CHECK_UINT(room.seq, ==, seq);
	check_activity(stored(&room, 1), 1, "", "Uitwisseling", false, UNSET,
	               "talen", ann);
	teardown();
}

/* -------------------------------------------------------------- delete */

static void
test_delete(void)
{
	uint32_t a1, a2, a3;

	setup();
	a1 = add_simple(ann, "Een", NULL);
	a2 = add_simple(ann, "Twee", NULL);
	a3 = add_simple(bob, "Drie", NULL);
	/* Only the author, or the chair. */
	CHECK_REFUSED(delete_activity(bob, a1), why, E(NOT_AUTHOR), 0, "", "");
	CHECK_INT(delete_activity(ann, a1), ==, 0);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_ACTIVITY_DELETED);
	CHECK_UINT(ev.event.actor_id, ==, ann);
	CHECK(ev.event.activity_deleted == &ev.deleted);
	CHECK_UINT(ev.deleted.id, ==, a1);
	CHECK(stored(&room, a1) == NULL);
	CHECK_INT(delete_activity(chair, a3), ==, 0);
	CHECK_UINT(ev.deleted.id, ==, a3);
	CHECK_UINT(room.activities.n, ==, 1);
	CHECK(stored(&room, a2) != NULL);
	CHECK_REFUSED(delete_activity(ann, a1), why, E(NO_SUCH_ACTIVITY), 1,
	              "1", "");
	CHECK_REFUSED(delete_activity(chair, 99), why, E(NO_SUCH_ACTIVITY), 1,
	              "99", "");
	/* Ids are never reused. */
	CHECK_UINT(add_simple(bob, "Vier", NULL), ==, 4);
	check_same(&room, &mirror);
	teardown();
}

static void
test_delete_unlinks_actions(void)
{
	uint32_t a1, a2, x1, x2, x3;

	setup();
	a1 = add_simple(ann, "Een", "talen");
	a2 = add_simple(ann, "Twee", NULL);
	x1 = add_action(ann, "Eerste", a1);
	x2 = add_action(bob, "Tweede", a2);
	x3 = add_action(chair, "Derde", a1);
	CHECK_UINT(stored_action(&room, x1)->activity_id, ==, a1);
	CHECK_INT(delete_activity(chair, a1), ==, 0);
	CHECK_UINT(stored_action(&room, x1)->activity_id, ==, 0);
	CHECK_UINT(stored_action(&room, x2)->activity_id, ==, a2);
	CHECK_UINT(stored_action(&room, x3)->activity_id, ==, 0);
	CHECK_STR(stored_action(&room, x3)->text, "Derde");
	CHECK_UINT(stored_action(&mirror, x1)->activity_id, ==, 0);
	CHECK_UINT(stored_action(&mirror, x3)->activity_id, ==, 0);
	CHECK_UINT(room.actions.n, ==, 3);
	check_same(&room, &mirror);
	teardown();
}

/* ----------------------------------------------------- marked, covered */

static void
test_uncovered(void)
{
	Aandeslag__Command cmd;
	Aandeslag__MarkCompetence mc;
	static const char *const marks[] = { "wereld", "talen", "open" };
	const char *out[8];
	struct act_in in;
	uint32_t id;
	size_t i;

	setup();
	for (i = 0; i < 3; i++) {
		aandeslag__command__init(&cmd);
		aandeslag__mark_competence__init(&mc);
		mc.competence_id = (char *)marks[i];
		mc.marked = true;
		cmd.op_case = AANDESLAG__COMMAND__OP_MARK;
		cmd.mark = &mc;
		CHECK_INT(run(chair, &cmd), ==, 0);
	}
	CHECK_UINT(model_uncovered(&room, out), ==, 3);
	CHECK_STR(out[0], "wereld");
	CHECK_STR(out[1], "talen");
	CHECK_STR(out[2], "open");

	/* An activity on a competence nobody marked covers nothing. */
	add_simple(ann, "Iets", "cultuur");
	CHECK_UINT(model_uncovered(&room, out), ==, 3);
	id = add_simple(bob, "Taalcursus", "talen");
	CHECK_UINT(model_uncovered(&room, out), ==, 2);
	CHECK_STR(out[0], "wereld");
	CHECK_STR(out[1], "open");
	act_init(&in, NULL, "Taalcursus", UNSET);
	in.a.id = id;
	act_link(&in, "talen");
	act_link(&in, "wereld");
	CHECK_INT(edit_activity(bob, &in), ==, 0);
	CHECK_UINT(model_uncovered(&room, out), ==, 1);
	CHECK_STR(out[0], "open");
	CHECK_UINT(model_uncovered(&mirror, out), ==, 1);
	CHECK_STR(out[0], "open");
	CHECK_INT(delete_activity(bob, id), ==, 0);
	CHECK_UINT(model_uncovered(&room, out), ==, 3);
	CHECK_STR(out[0], "wereld");
	teardown();
}

/* ----------------------------------------------------------- mirroring */

static void
test_mirror(void)
{
	struct act_in in;
	uint32_t id;

	setup();
	act_init(&in, "stage", "", UNSET);
	act_link(&in, "talen");
	CHECK_INT(add_activity(ann, &in), ==, 0);
	id = add_simple(bob, "Project met Ghana", "wereld");
	add_action(ann, "Mailen", id);
	act_init(&in, NULL, "Project met Kenia", ABROAD);
	in.a.id = id;
	in.a.done = true;
	act_link(&in, "open");
	act_link(&in, "wereld");
	CHECK_INT(edit_activity(chair, &in), ==, 0);
	add_simple(chair, "Gastles", NULL);
	CHECK_INT(delete_activity(chair, 1), ==, 0);
	add_simple(ann, "Nog een", "flexibel");
	CHECK_INT(delete_activity(bob, id), ==, 0);
	check_same(&room, &mirror);
	CHECK_UINT(room.activities.n, ==, 2);
	CHECK_UINT(room.next_activity_id, ==, 5);
	teardown();
}

static void
test_apply_refuses_nonsense(void)
{
	Aandeslag__Activity a;
	Aandeslag__Event e;
	char *ids[MODEL_LINKS_MAX + 1];
	static char names[MANY][4];
	char long_text[MODEL_NOTE_MAX + 2];
	uint64_t seq;
	int i;

	setup();
	add_simple(ann, "Een", "talen");
	seq = mirror.seq;
	memset(long_text, 'c', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	for (i = 0; i < MANY; i++) {
		snprintf(names[i], sizeof names[i], "v%02d", i + 1);
		ids[i] = names[i];
	}

#define FRESH(id_)                                                          \
	do {                                                                \
		aandeslag__activity__init(&a);                              \
		a.id = (id_);                                               \
		a.text = (char *)"Twee";                                    \
		a.author_id = bob;                                          \
	} while (0)
	FRESH(0);
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(1);               /* taken */
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(2);
	a.catalogue_id = (char *)"nope";
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(2);
	a.catalogue_id = NULL;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(2);
	a.text = (char *)"";
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(2);
	a.text = NULL;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(2);
	a.text = (char *)"twee\nregels";
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(2);
	a.text = long_text;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(2);
	a.place = (Aandeslag__Place)3;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(2);
	ids[0] = (char *)"nope";
	a.competence_ids = ids;
	a.n_competence_ids = 1;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	ids[0] = (char *)"";
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	ids[0] = names[1];      /* v02 twice */
	a.n_competence_ids = 2;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	ids[0] = names[0];
	a.n_competence_ids = MODEL_LINKS_MAX + 1;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	a.n_competence_ids = 2;
	a.competence_ids = NULL;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	FRESH(5);
	CHECK_INT(apply_activity(false, &a), ==, -EPROTO);
	FRESH(1);
	a.text = (char *)"";
	CHECK_INT(apply_activity(false, &a), ==, -EPROTO);
	CHECK_INT(apply_deleted(5), ==, -EPROTO);
	CHECK_INT(apply_deleted(0), ==, -EPROTO);
	/* Event cases without their message. */
	next_event(&e);
	e.change_case = AANDESLAG__EVENT__CHANGE_ACTIVITY_ADDED;
	CHECK_INT(model_apply(&mirror, &e, now), ==, -EPROTO);
	e.change_case = AANDESLAG__EVENT__CHANGE_ACTIVITY_CHANGED;
	CHECK_INT(model_apply(&mirror, &e, now), ==, -EPROTO);
	e.change_case = AANDESLAG__EVENT__CHANGE_ACTIVITY_DELETED;
	CHECK_INT(model_apply(&mirror, &e, now), ==, -EPROTO);
	CHECK_UINT(mirror.seq, ==, seq);
	check_same(&room, &mirror);

	/* What is well-formed is taken: sixteen links, an author who is not
	 * seated, an id after a gap. */
	FRESH(9);
	a.competence_ids = ids;
	a.n_competence_ids = MODEL_LINKS_MAX;
	a.author_id = 1234;
	CHECK_INT(apply_activity(true, &a), ==, 0);
	CHECK_UINT(mirror.next_activity_id, ==, 10);
	check_activity(stored(&mirror, 9), 9, "", "Twee", false, UNSET,
	               "v01,v02,v03,v04,v05,v06,v07,v08,v09,v10,v11,v12,v13,"
	               "v14,v15,v16", 1234);
	FRESH(9);
	a.catalogue_id = (char *)"gastles";
	a.text = (char *)"";
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);   /* id taken */
	CHECK_INT(apply_activity(false, &a), ==, 0);
	check_activity(stored(&mirror, 9), 9, "gastles", "", false, UNSET, "",
	               bob);
	CHECK_INT(apply_deleted(9), ==, 0);
	CHECK(stored(&mirror, 9) == NULL);
#undef FRESH
	teardown();
}

static void
test_apply_limit(void)
{
	Aandeslag__Activity a;
	uint32_t i;

	setup();
	aandeslag__activity__init(&a);
	a.text = (char *)"Vol";
	for (i = 1; i <= MODEL_ACTIVITIES_MAX; i++) {
		a.id = i;
		CHECK_INT(apply_activity(true, &a), ==, 0);
	}
	a.id = i;
	CHECK_INT(apply_activity(true, &a), ==, -EPROTO);
	CHECK_UINT(mirror.activities.n, ==, MODEL_ACTIVITIES_MAX);
	teardown();
}

CHECK_MAIN(
	CHECK_TEST(test_add_own_words),
	CHECK_TEST(test_add_from_catalogue),
	CHECK_TEST(test_add_links),
	CHECK_TEST(test_add_refused),
	CHECK_TEST(test_add_limit),
	CHECK_TEST(test_edit),
	CHECK_TEST(test_edit_catalogue),
	CHECK_TEST(test_edit_refused),
	CHECK_TEST(test_delete),
	CHECK_TEST(test_delete_unlinks_actions),
	CHECK_TEST(test_uncovered),
	CHECK_TEST(test_mirror),
	CHECK_TEST(test_apply_refuses_nonsense),
	CHECK_TEST(test_apply_limit),
)
