/* Shared fixture for the tests of activities.c: a room with a small
 * content of its own, seated Chris (chair), Ann and Bob, a mirror that
 * applies every accepted event, and commands for activities. */
#ifndef AANDESLAG_ACTIVITIES_FIXTURE_H
#define AANDESLAG_ACTIVITIES_FIXTURE_H

#include "check.h"
#include "fixture.h"
#include "pair_fixture.h"

#include "activities.h"
#include "content.h"
#include "model.h"
#include "refusal.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>


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

static inline void
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

static inline void
setup(void)
{
	make_content();
	pair_setup(content_yaml);
}

/* An activity as a command gives it. */
struct act_in {
	Aandeslag__Activity a;
	char *links[2 * MANY];
};

static inline void
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

static inline void
act_link(struct act_in *in, const char *id)
{
	in->links[in->a.n_competence_ids++] = (char *)id;
}

static inline int
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
static inline uint32_t
add_simple(uint32_t actor, const char *text, const char *link)
{
	struct act_in in;

	act_init(&in, NULL, text, UNSET);
	if (link != NULL)
		act_link(&in, link);
	CHECK_INT(add_activity(actor, &in), ==, 0);
	return ev.activity.id;
}

static inline int
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

static inline int
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
static inline uint32_t
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

static inline const Aandeslag__Activity *
stored(const struct model_room *r, uint32_t id)
{
	return (const Aandeslag__Activity *)items_find(&r->activities, id);
}

static inline const Aandeslag__Action *
stored_action(const struct model_room *r, uint32_t id)
{
	return (const Aandeslag__Action *)items_find(&r->actions, id);
}

/* Returns the competences of a joined with commas. */
static inline const char *
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
static inline void
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
static inline void
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

#endif
