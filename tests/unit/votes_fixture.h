/* Shared fixture for the tests of votes.c: a room with the small test
 * content, seated Chris (chair), Ann and Bob, a mirror that is fed every
 * event, and commands that vote and mark. */
#ifndef AANDESLAG_VOTES_FIXTURE_H
#define AANDESLAG_VOTES_FIXTURE_H

#include "check.h"
#include "fixture.h"
#include "pair_fixture.h"

#include "content.h"
#include "model.h"
#include "refusal.h"
#include "votes.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>


#define ROLE_P AANDESLAG__ROLE__ROLE_PARTICIPANT
#define ROLE_C AANDESLAG__ROLE__ROLE_CHAIR

static const char content_yaml[] = FIXTURE_SMALL_CONTENT;

static inline void
setup(void)
{
	pair_setup(content_yaml);
}

static inline int
vote(uint32_t actor, const char *id, bool remove)
{
	Aandeslag__Command cmd;
	Aandeslag__CastVote cv;

	aandeslag__command__init(&cmd);
	aandeslag__cast_vote__init(&cv);
	cv.competence_id = (char *)id;
	cv.remove = remove;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_VOTE;
	cmd.vote = &cv;
	return run(actor, &cmd);
}

static inline int
mark(uint32_t actor, const char *id, bool marked)
{
	Aandeslag__Command cmd;
	Aandeslag__MarkCompetence mc;

	aandeslag__command__init(&cmd);
	aandeslag__mark_competence__init(&mc);
	mc.competence_id = (char *)id;
	mc.marked = marked;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_MARK;
	cmd.mark = &mc;
	return run(actor, &cmd);
}

/* Returns the dots of participant pid on competence cid in r. */
static inline uint32_t
dots(const struct model_room *r, uint32_t pid, const char *cid)
{
	size_t i;

	for (i = 0; i < r->nvotes; i++)
		if (r->votes[i].participant_id == pid &&
		    strcmp(r->votes[i].competence_id, cid) == 0)
			return r->votes[i].dots;
	return 0;
}

/* Checks that the votes and marks of a and b are the same. */
static inline void
check_same(const struct model_room *a, const struct model_room *b)
{
	size_t i;

	CHECK_UINT(a->seq, ==, b->seq);
	CHECK_UINT(a->nvotes, ==, b->nvotes);
	for (i = 0; i < a->nvotes; i++) {
		CHECK_UINT(a->votes[i].participant_id, ==,
		           b->votes[i].participant_id);
		CHECK_STR(a->votes[i].competence_id, b->votes[i].competence_id);
		CHECK_UINT(a->votes[i].dots, ==, b->votes[i].dots);
	}
	CHECK_UINT(a->nmarked, ==, b->nmarked);
	for (i = 0; i < a->nmarked; i++)
		CHECK_STR(a->marked[i], b->marked[i]);
}

static inline int
apply_vote(uint32_t pid, const char *cid, int delta)
{
	Aandeslag__Event e;
	Aandeslag__VoteCast vc;

	next_event(&e);
	aandeslag__vote_cast__init(&vc);
	vc.participant_id = pid;
	vc.competence_id = (char *)cid;
	vc.delta = delta;
	e.change_case = AANDESLAG__EVENT__CHANGE_VOTE;
	e.vote = &vc;
	return model_apply(&mirror, &e, now);
}

static inline int
apply_mark(const char *cid, bool marked)
{
	Aandeslag__Event e;
	Aandeslag__MarkCompetence mc;

	next_event(&e);
	aandeslag__mark_competence__init(&mc);
	mc.competence_id = (char *)cid;
	mc.marked = marked;
	e.change_case = AANDESLAG__EVENT__CHANGE_MARKED;
	e.marked = &mc;
	return model_apply(&mirror, &e, now);
}

#endif
