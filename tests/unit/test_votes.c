/* Tests for votes.c: dots on competences, marking, and mirroring. */
#include "votes_fixture.h"

/* --------------------------------------------------------------- votes */

static void
test_vote_adds_dot(void)
{
	setup();
	CHECK_INT(vote(ann, "talen", false), ==, 0);
	CHECK_INT(ev.event.change_case, ==, AANDESLAG__EVENT__CHANGE_VOTE);
	CHECK_UINT(ev.event.epoch, ==, PAIR_EPOCH);
	CHECK_UINT(ev.event.seq, ==, room.seq);
	CHECK_UINT(ev.event.actor_id, ==, ann);
	CHECK(ev.event.vote == &ev.vote);
	CHECK_UINT(ev.vote.participant_id, ==, ann);
	CHECK_STR(ev.vote.competence_id, "talen");
	CHECK_INT(ev.vote.delta, ==, 1);
	CHECK_UINT(room.nvotes, ==, 1);
	CHECK_UINT(room.votes[0].participant_id, ==, ann);
	CHECK_STR(room.votes[0].competence_id, "talen");
	CHECK_UINT(room.votes[0].dots, ==, 1);
	CHECK_UINT(model_dots_used(&room, ann), ==, 1);
	CHECK_UINT(model_dots_used(&room, bob), ==, 0);
	CHECK_UINT(model_tally(&room, "talen"), ==, 1);

	CHECK_INT(vote(bob, "talen", false), ==, 0);
	CHECK_INT(vote(chair, "open", false), ==, 0);
	CHECK_UINT(room.nvotes, ==, 3);
	CHECK_UINT(model_tally(&room, "talen"), ==, 2);
	CHECK_UINT(model_tally(&room, "open"), ==, 1);
	CHECK_UINT(model_tally(&room, "cultuur"), ==, 0);
	check_same(&room, &mirror);
	teardown();
}

static void
test_vote_remove(void)
{
	setup();
	CHECK_INT(vote(ann, "talen", false), ==, 0);
	CHECK_INT(vote(bob, "open", false), ==, 0);
	CHECK_INT(vote(ann, "wereld", false), ==, 0);
	CHECK_INT(vote(ann, "talen", true), ==, 0);
	CHECK_INT(ev.event.change_case, ==, AANDESLAG__EVENT__CHANGE_VOTE);
	CHECK_UINT(ev.vote.participant_id, ==, ann);
	CHECK_STR(ev.vote.competence_id, "talen");
	CHECK_INT(ev.vote.delta, ==, -1);
	/* The entry is gone and the others keep their order. */
	CHECK_UINT(room.nvotes, ==, 2);
	CHECK_UINT(room.votes[0].participant_id, ==, bob);
	CHECK_STR(room.votes[0].competence_id, "open");
	CHECK_UINT(room.votes[1].participant_id, ==, ann);
	CHECK_STR(room.votes[1].competence_id, "wereld");
	CHECK_UINT(model_dots_used(&room, ann), ==, 1);
	check_same(&room, &mirror);

	CHECK_REFUSED(vote(ann, "talen", true), why, E(NO_DOT_THERE), 0, "",
	              "");
	CHECK_REFUSED(vote(chair, "open", true), why, E(NO_DOT_THERE), 0, "",
	              "");
	CHECK_UINT(room.nvotes, ==, 2);
	teardown();
}

static void
test_vote_unknown_competence(void)
{
	char longid[200];
	uint64_t seq;

	setup();
	seq = room.seq;
	CHECK_REFUSED(vote(ann, "nope", false), why, E(NO_SUCH_COMPETENCE),
	              1, "nope", "");
	CHECK_REFUSED(vote(ann, "", false), why, E(NO_SUCH_COMPETENCE), 1, "",
	              "");
	CHECK_REFUSED(vote(ann, NULL, false), why, E(NO_SUCH_COMPETENCE), 1,
	              "", "");
	CHECK_REFUSED(vote(ann, "nope", true), why, E(NO_SUCH_COMPETENCE), 1,
	              "nope", "");
	/* A category is not a competence. */
	CHECK_REFUSED(vote(ann, "kennis", false), why, E(NO_SUCH_COMPETENCE),
	              1, "kennis", "");
	/* A long id is named cut to fit. */
	memset(longid, 'x', sizeof longid - 1);
	longid[sizeof longid - 1] = '\0';
	CHECK_INT(vote(ann, longid, false), ==, -EINVAL);
	CHECK_INT(why.code, ==, E(NO_SUCH_COMPETENCE));
	CHECK_UINT(why.nparams, ==, 1);
	CHECK_UINT(strlen(why.params[0]), <, REFUSAL_PARAM_SIZE);
	CHECK(strncmp(why.params[0], "xxxxxxxx", 8) == 0);
	CHECK_UINT(room.seq, ==, seq);
	CHECK_UINT(room.nvotes, ==, 0);
	teardown();
}

static void
test_vote_budget(void)
{
	setup();
	CHECK_UINT(room.settings.vote_budget, ==, MODEL_VOTE_BUDGET);
	CHECK_INT(vote(ann, "talen", false), ==, 0);
	CHECK_INT(vote(ann, "cultuur", false), ==, 0);
	CHECK_INT(vote(ann, "wereld", false), ==, 0);
	CHECK_REFUSED(vote(ann, "open", false), why, E(NO_DOTS_LEFT), 1, "3",
	              "");
	/* Others have their own dots. */
	CHECK_INT(vote(bob, "open", false), ==, 0);
	/* Taking one back frees it for elsewhere. */
	CHECK_INT(vote(ann, "wereld", true), ==, 0);
	CHECK_INT(vote(ann, "open", false), ==, 0);
	CHECK_UINT(model_dots_used(&room, ann), ==, 3);

	/* A budget lowered below what someone used: no more dots, but the
	 * ones placed can still be taken back. */
	room.settings.vote_budget = 2;
	CHECK_REFUSED(vote(ann, "flexibel", false), why, E(NO_DOTS_LEFT), 1,
	              "2", "");
	CHECK_INT(vote(ann, "open", true), ==, 0);
	CHECK_REFUSED(vote(ann, "open", false), why, E(NO_DOTS_LEFT), 1, "2",
	              "");
	CHECK_INT(vote(bob, "talen", false), ==, 0);
	CHECK_REFUSED(vote(bob, "cultuur", false), why, E(NO_DOTS_LEFT), 1,
	              "2", "");
	check_same(&room, &mirror);
	teardown();
}

static void
test_vote_stacking(void)
{
	setup();
	CHECK(!room.settings.vote_stacking);
	CHECK_INT(vote(ann, "talen", false), ==, 0);
	CHECK_REFUSED(vote(ann, "talen", false), why, E(NO_STACKING), 0, "",
	              "");
	CHECK_UINT(dots(&room, ann, "talen"), ==, 1);

	room.settings.vote_stacking = true;
	mirror.settings.vote_stacking = true;
	CHECK_INT(vote(ann, "talen", false), ==, 0);
	CHECK_INT(vote(ann, "talen", false), ==, 0);
	CHECK_UINT(room.nvotes, ==, 1);
	CHECK_UINT(dots(&room, ann, "talen"), ==, 3);
	CHECK_UINT(model_tally(&room, "talen"), ==, 3);
	CHECK_REFUSED(vote(ann, "talen", false), why, E(NO_DOTS_LEFT), 1, "3",
	              "");
	/* Taking back one of a stack leaves the rest. */
	CHECK_INT(vote(ann, "talen", true), ==, 0);
	CHECK_UINT(room.nvotes, ==, 1);
	CHECK_UINT(dots(&room, ann, "talen"), ==, 2);
	check_same(&room, &mirror);

	/* Stacking turned off again keeps the stacks but adds no more. */
	room.settings.vote_stacking = false;
	CHECK_REFUSED(vote(ann, "talen", false), why, E(NO_STACKING), 0, "",
	              "");
	CHECK_INT(vote(ann, "open", false), ==, 0);
	check_same(&room, &mirror);
	teardown();
}

static void
test_vote_not_seated(void)
{
	setup();
	/* The dispatcher refuses someone without a seat. */
	CHECK_INT(vote(99, "talen", false), ==, -EINVAL);
	CHECK_UINT(room.nvotes, ==, 0);
	teardown();
}

static void
test_votes_of_leaver_stay(void)
{
	setup();
	CHECK_INT(vote(bob, "talen", false), ==, 0);
	CHECK_INT(model_leave(&room, bob, bob, now, &ev, &why), ==, 0);
	CHECK_INT(model_apply(&mirror, &ev.event, now), ==, 0);
	CHECK_UINT(model_tally(&room, "talen"), ==, 1);
	check_same(&room, &mirror);
	/* The mirror refuses a dot from someone without a seat. */
	CHECK_INT(apply_vote(bob, "talen", 1), ==, -EPROTO);
	CHECK_INT(apply_vote(bob, "talen", -1), ==, -EPROTO);
	check_same(&room, &mirror);
	teardown();
}

/* ------------------------------------------------------------- marking */

static void
test_mark(void)
{
	setup();
	CHECK_INT(mark(chair, "open", true), ==, 0);
	CHECK_INT(ev.event.change_case, ==, AANDESLAG__EVENT__CHANGE_MARKED);
	CHECK_UINT(ev.event.actor_id, ==, chair);
	CHECK(ev.event.marked == &ev.mark);
	CHECK_STR(ev.mark.competence_id, "open");
	CHECK(ev.mark.marked);
	CHECK_UINT(room.nmarked, ==, 1);
	CHECK_STR(room.marked[0], "open");
	CHECK(model_marked(&room, "open"));
	CHECK(!model_marked(&room, "talen"));

	CHECK_INT(mark(chair, "talen", true), ==, 0);
	CHECK_INT(mark(chair, "wereld", true), ==, 0);
	CHECK_UINT(room.nmarked, ==, 3);
	CHECK_STR(room.marked[0], "open");
	CHECK_STR(room.marked[1], "talen");
	CHECK_STR(room.marked[2], "wereld");
	check_same(&room, &mirror);

	/* Unmarking keeps the order of the others. */
	CHECK_INT(mark(chair, "talen", false), ==, 0);
	CHECK_INT(ev.event.change_case, ==, AANDESLAG__EVENT__CHANGE_MARKED);
	CHECK_STR(ev.mark.competence_id, "talen");
	CHECK(!ev.mark.marked);
	CHECK_UINT(room.nmarked, ==, 2);
	CHECK_STR(room.marked[0], "open");
	CHECK_STR(room.marked[1], "wereld");
	CHECK(!model_marked(&room, "talen"));
	check_same(&room, &mirror);
	teardown();
}

static void
test_mark_noop(void)
{
	uint64_t seq;

	setup();
	CHECK_INT(mark(chair, "open", true), ==, 0);
	seq = room.seq;
	/* Marking twice, or unmarking what is not marked, still makes an
	 * event, and changes nothing. */
	CHECK_INT(mark(chair, "open", true), ==, 0);
	CHECK_UINT(room.seq, ==, seq + 1);
	CHECK_INT(ev.event.change_case, ==, AANDESLAG__EVENT__CHANGE_MARKED);
	CHECK_UINT(room.nmarked, ==, 1);
	CHECK_INT(mark(chair, "cultuur", false), ==, 0);
	CHECK_UINT(room.seq, ==, seq + 2);
	CHECK_UINT(room.nmarked, ==, 1);
	CHECK_STR(room.marked[0], "open");
	check_same(&room, &mirror);
	teardown();
}

static void
test_mark_refused(void)
{
	uint64_t seq;

	setup();
	seq = room.seq;
	CHECK_REFUSED(mark(chair, "nope", true), why, E(NO_SUCH_COMPETENCE), 1,
	              "nope", "");
	CHECK_REFUSED(mark(chair, "", true), why, E(NO_SUCH_COMPETENCE), 1, "",
	              "");
	CHECK_REFUSED(mark(chair, "houding", false), why,
	              E(NO_SUCH_COMPETENCE), 1, "houding", "");
	/* Marking is the chair's, by the permission table. */
	CHECK_REFUSED(mark(ann, "open", true), why, E(NOT_ALLOWED), 1, "chair",
	              "");
	CHECK_UINT(room.seq, ==, seq);
	CHECK_UINT(room.nmarked, ==, 0);
	teardown();
}

static void
test_mark_all(void)
{
	static const char *const all[] = { "talen", "cultuur", "wereld",
	                                   "open", "flexibel" };
	size_t i;

	setup();
	for (i = 0; i < 5; i++)
		CHECK_INT(mark(chair, all[i], true), ==, 0);
	CHECK_UINT(room.nmarked, ==, 5);
	for (i = 0; i < 5; i++)
		CHECK_INT(mark(chair, all[i], true), ==, 0);
	CHECK_UINT(room.nmarked, ==, 5);
	check_same(&room, &mirror);
	for (i = 5; i-- > 0;)
		CHECK_INT(mark(chair, all[i], false), ==, 0);
	CHECK_UINT(room.nmarked, ==, 0);
	check_same(&room, &mirror);
	teardown();
}

/* ----------------------------------------------------------- mirroring */

static void
test_mirror(void)
{
	setup();
	room.settings.vote_stacking = true;
	room.settings.vote_budget = 5;
	CHECK_INT(vote(ann, "talen", false), ==, 0);
	CHECK_INT(vote(bob, "open", false), ==, 0);
	CHECK_INT(vote(ann, "talen", false), ==, 0);
	CHECK_INT(mark(chair, "talen", true), ==, 0);
	CHECK_INT(vote(chair, "flexibel", false), ==, 0);
	CHECK_INT(vote(bob, "open", true), ==, 0);
	CHECK_INT(vote(bob, "wereld", false), ==, 0);
	CHECK_INT(mark(chair, "wereld", true), ==, 0);
	CHECK_INT(mark(chair, "talen", false), ==, 0);
	CHECK_INT(vote(ann, "cultuur", false), ==, 0);
	CHECK_INT(vote(ann, "talen", true), ==, 0);
	check_same(&room, &mirror);
	CHECK_UINT(room.nvotes, ==, 4);
	CHECK_UINT(dots(&room, ann, "talen"), ==, 1);
	CHECK_UINT(dots(&room, ann, "cultuur"), ==, 1);
	CHECK_UINT(dots(&room, bob, "wereld"), ==, 1);
	CHECK_UINT(dots(&room, chair, "flexibel"), ==, 1);
	CHECK_UINT(room.nmarked, ==, 1);
	CHECK_STR(room.marked[0], "wereld");
	teardown();
}

static void
test_hidden_dots(void)
{
	setup();
	/* While votes are hidden a client learns only that Bob placed a
	 * dot, not where. */
	CHECK_INT(apply_vote(bob, "", 1), ==, 0);
	CHECK_INT(apply_vote(bob, "", 1), ==, 0);
	CHECK_INT(apply_vote(ann, "talen", 1), ==, 0);
	CHECK_UINT(mirror.nvotes, ==, 2);
	CHECK_UINT(dots(&mirror, bob, ""), ==, 2);
	CHECK_UINT(model_dots_used(&mirror, bob), ==, 2);
	CHECK_UINT(model_tally(&mirror, "talen"), ==, 1);
	CHECK_INT(apply_vote(bob, "", -1), ==, 0);
	CHECK_UINT(dots(&mirror, bob, ""), ==, 1);
	CHECK_INT(apply_vote(bob, "", -1), ==, 0);
	CHECK_UINT(mirror.nvotes, ==, 1);
	CHECK_INT(apply_vote(bob, "", -1), ==, -EPROTO);
	teardown();
}

static void
test_apply_refuses_nonsense(void)
{
	Aandeslag__Event e;
	uint64_t seq;
	int i;

	setup();
	CHECK_INT(apply_vote(ann, "talen", 1), ==, 0);
	CHECK_INT(apply_mark("open", true), ==, 0);
	seq = mirror.seq;
	CHECK_INT(apply_vote(0, "talen", 1), ==, -EPROTO);
	CHECK_INT(apply_vote(99, "talen", 1), ==, -EPROTO);
	CHECK_INT(apply_vote(ann, "talen", 0), ==, -EPROTO);
	CHECK_INT(apply_vote(ann, "talen", 2), ==, -EPROTO);
	CHECK_INT(apply_vote(ann, "cultuur", -2), ==, -EPROTO);
	CHECK_INT(apply_vote(ann, "nope", 1), ==, -EPROTO);
	CHECK_INT(apply_vote(ann, "kennis", 1), ==, -EPROTO);
	CHECK_INT(apply_vote(ann, NULL, 1), ==, -EPROTO);
	CHECK_INT(apply_vote(ann, "cultuur", -1), ==, -EPROTO);
	CHECK_INT(apply_vote(bob, "talen", -1), ==, -EPROTO);
	CHECK_INT(apply_mark("nope", true), ==, -EPROTO);
	CHECK_INT(apply_mark("", false), ==, -EPROTO);
	CHECK_INT(apply_mark(NULL, true), ==, -EPROTO);
	/* An event case without its message. */
	next_event(&e);
	e.change_case = AANDESLAG__EVENT__CHANGE_VOTE;
	CHECK_INT(model_apply(&mirror, &e, now), ==, -EPROTO);
	e.change_case = AANDESLAG__EVENT__CHANGE_MARKED;
	CHECK_INT(model_apply(&mirror, &e, now), ==, -EPROTO);
	CHECK_UINT(mirror.seq, ==, seq);
	CHECK_UINT(mirror.nvotes, ==, 1);
	CHECK_UINT(dots(&mirror, ann, "talen"), ==, 1);
	CHECK_UINT(mirror.nmarked, ==, 1);
	CHECK_STR(mirror.marked[0], "open");

	/* No one holds more than the largest budget, hidden or not. */
	for (i = 1; i < MODEL_VOTE_BUDGET_MAX; i++)
		CHECK_INT(apply_vote(ann, i % 2 ? "" : "talen", 1), ==, 0);
	CHECK_UINT(model_dots_used(&mirror, ann), ==, MODEL_VOTE_BUDGET_MAX);
	seq = mirror.seq;
	CHECK_INT(apply_vote(ann, "talen", 1), ==, -EPROTO);
	CHECK_INT(apply_vote(ann, "", 1), ==, -EPROTO);
	CHECK_INT(apply_vote(ann, "open", 1), ==, -EPROTO);
	CHECK_UINT(mirror.seq, ==, seq);
	CHECK_UINT(model_dots_used(&mirror, ann), ==, MODEL_VOTE_BUDGET_MAX);
	CHECK_INT(apply_vote(bob, "open", 1), ==, 0);
	teardown();
}

CHECK_MAIN(CHECK_TEST(test_vote_adds_dot),
           CHECK_TEST(test_vote_remove),
           CHECK_TEST(test_vote_unknown_competence),
           CHECK_TEST(test_vote_budget),
           CHECK_TEST(test_vote_stacking),
           CHECK_TEST(test_vote_not_seated),
           CHECK_TEST(test_votes_of_leaver_stay),
           CHECK_TEST(test_mark),
           CHECK_TEST(test_mark_noop),
           CHECK_TEST(test_mark_refused),
           CHECK_TEST(test_mark_all),
           CHECK_TEST(test_mirror),
           CHECK_TEST(test_hidden_dots),
           CHECK_TEST(test_apply_refuses_nonsense))
