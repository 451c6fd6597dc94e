/* Commands of findings.c for the tests built on actions_fixture.h (a room
 * with Chris, the chair, Ann and Bob, and a mirror fed every event): add
 * and delete a finding, announce, and compare what two rooms hold for
 * the report back. */
#ifndef AANDESLAG_FINDINGS_FIXTURE_H
#define AANDESLAG_FINDINGS_FIXTURE_H

#include "actions_fixture.h"

/* Adds a finding for actor: text, or the text of note note_id (not 0).
 * Returns what run() gives. */
static inline int
add_finding(uint32_t actor, const char *text, uint32_t note_id)
{
	Aandeslag__Command cmd;
	Aandeslag__AddFinding add;

	aandeslag__command__init(&cmd);
	aandeslag__add_finding__init(&add);
	if (text != NULL)
		add.text = (char *)text;
	add.note_id = note_id;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_FINDING;
	cmd.add_finding = &add;
	return run(actor, &cmd);
}

static inline int
delete_finding(uint32_t actor, uint32_t id)
{
	Aandeslag__Command cmd;
	Aandeslag__DeleteFinding del;

	aandeslag__command__init(&cmd);
	aandeslag__delete_finding__init(&del);
	del.finding_id = id;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_DELETE_FINDING;
	cmd.delete_finding = &del;
	return run(actor, &cmd);
}

/* Announces text in the room, as the server does, and applies the event
 * to the mirror too, which must accept it. Returns what model_announce()
 * gives. */
static inline int
announce(const char *text)
{
	int rc = model_announce(&room, text, now, &ev, &why);

	if (rc == 0)
		CHECK_INT(model_apply(&mirror, &ev.event, now), ==, 0);
	return rc;
}

/* Returns the i-th finding of r. */
static inline const Aandeslag__Finding *
finding_at(const struct model_room *r, size_t i)
{
	CHECK_UINT(i, <, r->findings.n);
	return (const Aandeslag__Finding *)r->findings.v[i].msg;
}

/* Checks that a and b hold the same findings, announcement and workshop. */
static inline void
check_same_report(const struct model_room *a, const struct model_room *b)
{
	const Aandeslag__Finding *x, *y;
	size_t i;

	CHECK_UINT(a->findings.n, ==, b->findings.n);
	for (i = 0; i < a->findings.n; i++) {
		x = finding_at(a, i);
		y = finding_at(b, i);
		CHECK_UINT(a->findings.v[i].id, ==, x->id);
		CHECK_UINT(b->findings.v[i].id, ==, y->id);
		CHECK_UINT(x->id, ==, y->id);
		CHECK_STR(x->text, y->text);
		CHECK_UINT(x->author_id, ==, y->author_id);
	}
	CHECK_STR(a->announcement, b->announcement);
	CHECK_STR(a->workshop_code, b->workshop_code);
	CHECK_STR(a->workshop_title, b->workshop_title);
}

#endif
