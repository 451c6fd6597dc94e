/* Shared fixture for the tests of actions.c: a room with the small test
 * content, seated Chris (chair), Ann and Bob, a mirror that applies every
 * accepted event, and commands that add, edit, claim and check actions. */
#ifndef AANDESLAG_ACTIONS_FIXTURE_H
#define AANDESLAG_ACTIONS_FIXTURE_H

#include "check.h"
#include "fixture.h"
#include "pair_fixture.h"

#include "actions.h"
#include "content.h"
#include "model.h"
#include "refusal.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>


#define ROLE_P AANDESLAG__ROLE__ROLE_PARTICIPANT
#define ROLE_C AANDESLAG__ROLE__ROLE_CHAIR

#define PART AANDESLAG__OWNER_KIND__OWNER_PARTICIPANT
#define TEAM AANDESLAG__OWNER_KIND__OWNER_TEAM
#define NAMED AANDESLAG__OWNER_KIND__OWNER_NAMED

#define W_NONE AANDESLAG__WHEN_KIND__WHEN_NONE
#define W_DATE AANDESLAG__WHEN_KIND__WHEN_DATE
#define W_MONTH AANDESLAG__WHEN_KIND__WHEN_MONTH
#define W_PERIOD AANDESLAG__WHEN_KIND__WHEN_PERIOD

#define OPEN AANDESLAG__ACTION_STATUS__ACTION_OPEN
#define BUSY AANDESLAG__ACTION_STATUS__ACTION_BUSY
#define DONE AANDESLAG__ACTION_STATUS__ACTION_DONE

static const char content_yaml[] = FIXTURE_SMALL_CONTENT;

static inline void
leave(uint32_t id)
{
	CHECK_INT(model_leave(&room, id, id, now, &ev, &why), ==, 0);
	CHECK_INT(model_apply(&mirror, &ev.event, now), ==, 0);
}

static inline void
setup(void)
{
	pair_setup(content_yaml);
}

/* An action as a command gives it. */
struct act_in {
	Aandeslag__Action a;
	Aandeslag__Owner owners[MODEL_OWNERS_MAX + 2];
	Aandeslag__Owner *ptrs[MODEL_OWNERS_MAX + 2];
	Aandeslag__When when;
};

static inline void
in_init(struct act_in *in, const char *text)
{
	memset(in, 0, sizeof *in);
	aandeslag__action__init(&in->a);
	in->a.text = (char *)text;
	in->a.owners = in->ptrs;
}

static inline void
in_owner(struct act_in *in, int kind, uint32_t pid, const char *name)
{
	Aandeslag__Owner *o = &in->owners[in->a.n_owners];

	aandeslag__owner__init(o);
	o->kind = (Aandeslag__OwnerKind)kind;
	o->participant_id = pid;
	if (name != NULL)
		o->name = (char *)name;
	in->ptrs[in->a.n_owners++] = o;
}

static inline void
in_when(struct act_in *in, int kind, const char *value)
{
	aandeslag__when__init(&in->when);
	in->when.kind = (Aandeslag__WhenKind)kind;
	in->when.value = (char *)value;
	in->a.when = &in->when;
}

static inline int
add_action(uint32_t actor, struct act_in *in)
{
	Aandeslag__Command cmd;
	Aandeslag__AddAction add;

	aandeslag__command__init(&cmd);
	aandeslag__add_action__init(&add);
	add.action = &in->a;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_ACTION;
	cmd.add_action = &add;
	return run(actor, &cmd);
}

/* Adds a note on step by actor, with their name or (no_name) without
 * one; returns its id. */
static inline uint32_t
add_note_by(uint32_t actor, uint32_t step, const char *text, bool no_name)
{
	Aandeslag__Command cmd;
	Aandeslag__AddNote an;

	aandeslag__command__init(&cmd);
	aandeslag__add_note__init(&an);
	an.step = step;
	an.text = (char *)text;
	if (no_name)
		an.author = AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_NONE;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
	cmd.add_note = &an;
	CHECK_INT(run(actor, &cmd), ==, 0);
	return ev.note.id;
}

/* Places a dot of actor on competence id; returns what run() gives. */
static inline int
cast_dot(uint32_t actor, const char *id)
{
	Aandeslag__Command cmd;
	Aandeslag__CastVote cv;

	aandeslag__command__init(&cmd);
	aandeslag__cast_vote__init(&cv);
	cv.competence_id = (char *)id;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_VOTE;
	cmd.vote = &cv;
	return run(actor, &cmd);
}

/* The chair marks competence id as one the team chose. */
static inline void
mark_chosen(uint32_t actor, const char *id)
{
	Aandeslag__Command cmd;
	Aandeslag__MarkCompetence mc;

	aandeslag__command__init(&cmd);
	aandeslag__mark_competence__init(&mc);
	mc.competence_id = (char *)id;
	mc.marked = true;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_MARK;
	cmd.mark = &mc;
	CHECK_INT(run(actor, &cmd), ==, 0);
}

/* Adds an action with only a text and returns its id. */
static inline uint32_t
add_simple(uint32_t actor, const char *text)
{
	struct act_in in;

	in_init(&in, text);
	CHECK_INT(add_action(actor, &in), ==, 0);
	return ev.action.id;
}

static inline int
edit_action(uint32_t actor, struct act_in *in)
{
	Aandeslag__Command cmd;
	Aandeslag__EditAction edit;

	aandeslag__command__init(&cmd);
	aandeslag__edit_action__init(&edit);
	edit.action = &in->a;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_EDIT_ACTION;
	cmd.edit_action = &edit;
	return run(actor, &cmd);
}

static inline int
delete_action(uint32_t actor, uint32_t id)
{
	Aandeslag__Command cmd;
	Aandeslag__DeleteAction del;

	aandeslag__command__init(&cmd);
	aandeslag__delete_action__init(&del);
	del.action_id = id;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_DELETE_ACTION;
	cmd.delete_action = &del;
	return run(actor, &cmd);
}

static inline int
claim(uint32_t actor, uint32_t id, bool release)
{
	Aandeslag__Command cmd;
	Aandeslag__ClaimAction c;

	aandeslag__command__init(&cmd);
	aandeslag__claim_action__init(&c);
	c.action_id = id;
	c.release = release;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_CLAIM;
	cmd.claim = &c;
	return run(actor, &cmd);
}

static inline int
set_status(uint32_t actor, uint32_t id, int status)
{
	Aandeslag__Command cmd;
	Aandeslag__SetActionStatus s;

	aandeslag__command__init(&cmd);
	aandeslag__set_action_status__init(&s);
	s.action_id = id;
	s.status = (Aandeslag__ActionStatus)status;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_ACTION_STATUS;
	cmd.action_status = &s;
	return run(actor, &cmd);
}

/* Adds an activity in the team's words and returns its id. */
static inline uint32_t
add_activity(uint32_t actor, const char *text)
{
	Aandeslag__Command cmd;
	Aandeslag__AddActivity add;
	Aandeslag__Activity a;

	aandeslag__command__init(&cmd);
	aandeslag__add_activity__init(&add);
	aandeslag__activity__init(&a);
	a.text = (char *)text;
	add.activity = &a;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_ACTIVITY;
	cmd.add_activity = &add;
	CHECK_INT(run(actor, &cmd), ==, 0);
	return ev.activity.id;
}

static inline const Aandeslag__Action *
stored(const struct model_room *r, uint32_t id)
{
	return (const Aandeslag__Action *)items_find(&r->actions, id);
}

/* Returns the owners of a as text, joined with commas: the kind (P, T or
 * N), the participant id, a colon and the name, e.g. "P2:Ann,T0:". */
static inline const char *
owners(const Aandeslag__Action *a)
{
	static char buf[1024];
	const Aandeslag__Owner *o;
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < a->n_owners && n < sizeof buf; i++) {
		o = a->owners[i];
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%c%u:%s",
		                      i ? "," : "",
		                      o->kind == PART ? 'P' :
		                      o->kind == TEAM ? 'T' : 'N',
		                      (unsigned)o->participant_id, o->name);
	}
	return buf;
}

/* Returns when a is planned as text: "", "D:2025-03-01", "M:2025-03" or
 * "P:periode 2" ("N:" for an explicit none). */
static inline const char *
when(const Aandeslag__Action *a)
{
	static char buf[128];
	static const char kinds[] = "NDMP";

	if (a->when == NULL)
		return "";
	CHECK_INT(a->when->kind, >=, 0);
	CHECK_INT(a->when->kind, <=, 3);
	snprintf(buf, sizeof buf, "%c:%s", kinds[a->when->kind],
	         a->when->value);
	return buf;
}

/* Checks every field of action a, but for its owners and when. */
static inline void
check_fields(const Aandeslag__Action *a, uint32_t id, const char *text,
             uint32_t activity, uint32_t needs, const char *needs_text,
             uint32_t years, int status, uint32_t author)
{
	CHECK(a != NULL);
	CHECK_UINT(a->id, ==, id);
	CHECK_STR(a->text, text);
	CHECK_UINT(a->activity_id, ==, activity);
	CHECK_UINT(a->needs, ==, needs);
	CHECK_STR(a->needs_text, needs_text);
	CHECK_UINT(a->study_years, ==, years);
	CHECK_INT(a->status, ==, status);
	CHECK_UINT(a->author_id, ==, author);
}

/* Checks that the actions of a and b are the same, field by field. */
static inline void
check_same(const struct model_room *a, const struct model_room *b)
{
	const Aandeslag__Action *x, *y;
	char xo[1024], xw[128];
	size_t i;

	CHECK_UINT(a->seq, ==, b->seq);
	CHECK_UINT(a->next_action_id, ==, b->next_action_id);
	CHECK_UINT(a->actions.n, ==, b->actions.n);
	for (i = 0; i < a->actions.n; i++) {
		CHECK_UINT(a->actions.v[i].id, ==, b->actions.v[i].id);
		x = (const Aandeslag__Action *)a->actions.v[i].msg;
		y = (const Aandeslag__Action *)b->actions.v[i].msg;
		CHECK_UINT(x->id, ==, a->actions.v[i].id);
		check_fields(y, x->id, x->text, x->activity_id, x->needs,
		             x->needs_text, x->study_years, x->status,
		             x->author_id);
		snprintf(xo, sizeof xo, "%s", owners(x));
		snprintf(xw, sizeof xw, "%s", when(x));
		CHECK_STR(owners(y), xo);
		CHECK_STR(when(y), xw);
	}
}

#endif
