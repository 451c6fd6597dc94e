/* Tests for votes.c: hidden votes revealed, and replacing all votes. */
#include "votes_fixture.h"

/* ----------------------------------------------------- reveal, replace */

/* Casts a vote in the room, and gives the mirror the event as Ann's
 * client gets it while votes are hidden: others' dots without where. */
static void
vote_hidden(uint32_t actor, const char *id)
{
	Aandeslag__Command cmd;
	Aandeslag__CastVote cv;

	aandeslag__command__init(&cmd);
	aandeslag__cast_vote__init(&cv);
	cv.competence_id = (char *)id;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_VOTE;
	cmd.vote = &cv;
	CHECK_INT(model_execute(&room, actor, &cmd, now, &ev, &why), ==, 0);
	if (actor != ann)
		ev.vote.competence_id = (char *)"";
	CHECK_INT(model_apply(&mirror, &ev.event, now), ==, 0);
}

static void
test_reveal_round_trip(void)
{
	size_t i;

	setup();
	room.settings.vote_stacking = true;
	vote_hidden(ann, "talen");
	vote_hidden(bob, "open");
	vote_hidden(ann, "talen");
	vote_hidden(chair, "wereld");
	CHECK_UINT(mirror.nvotes, ==, 3);
	CHECK_UINT(dots(&mirror, bob, ""), ==, 1);
	CHECK_UINT(dots(&mirror, chair, ""), ==, 1);
	CHECK_UINT(model_tally(&mirror, "open"), ==, 0);

	CHECK_INT(votes_fill_reveal(&room, &ev), ==, 0);
	CHECK_UINT(ev.setting.n_votes, ==, 3);
	CHECK(ev.setting.votes == ev.vote_ptrs);
	for (i = 0; i < 3; i++) {
		CHECK(ev.setting.votes[i] == &ev.vote_list[i]);
		CHECK_UINT(ev.setting.votes[i]->participant_id, ==,
		           room.votes[i].participant_id);
		CHECK_STR(ev.setting.votes[i]->competence_id,
		          room.votes[i].competence_id);
		CHECK_UINT(ev.setting.votes[i]->dots, ==, room.votes[i].dots);
	}
	CHECK_UINT(ev.setting.votes[0]->participant_id, ==, ann);
	CHECK_STR(ev.setting.votes[0]->competence_id, "talen");
	CHECK_UINT(ev.setting.votes[0]->dots, ==, 2);

	CHECK_INT(votes_replace(&mirror, ev.setting.votes, ev.setting.n_votes),
	          ==, 0);
	check_same(&room, &mirror);
	CHECK_UINT(dots(&mirror, bob, ""), ==, 0);
	CHECK_UINT(model_tally(&mirror, "talen"), ==, 2);
	model_event_release(&ev);
	CHECK(ev.vote_list == NULL);
	CHECK(ev.vote_ptrs == NULL);
	/* Releasing twice is fine. */
	model_event_release(&ev);
	teardown();
}

static int
set_hidden(bool hidden)
{
	Aandeslag__Command cmd;
	Aandeslag__ChangeSetting cs;

	aandeslag__command__init(&cmd);
	aandeslag__change_setting__init(&cs);
	cs.key = AANDESLAG__SETTING_KEY__SETTING_VOTES_HIDDEN;
	cs.flag = hidden;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_SETTING;
	cmd.setting = &cs;
	return model_execute(&room, chair, &cmd, now, &ev, &why);
}

static void
test_reveal_by_setting(void)
{
	Aandeslag__Event *copy;
	uint8_t *buf;
	size_t len;

	setup();
	CHECK_INT(set_hidden(true), ==, 0);
	CHECK_INT(model_apply(&mirror, &ev.event, now), ==, 0);
	vote_hidden(ann, "talen");
	vote_hidden(bob, "open");
	vote_hidden(chair, "talen");
	CHECK_UINT(model_tally(&mirror, "talen"), ==, 1);

	/* The server reveals: the event carries every dot, and stays
	 * whole after the server applied it to its own room. */
	CHECK_INT(set_hidden(false), ==, 0);
	CHECK(!room.settings.votes_hidden);
	CHECK_UINT(ev.setting.n_votes, ==, 3);
	CHECK_STR(ev.setting.votes[0]->competence_id, "talen");
	CHECK_STR(ev.setting.votes[1]->competence_id, "open");
	CHECK_STR(ev.setting.votes[2]->competence_id, "talen");
	len = aandeslag__event__get_packed_size(&ev.event);
	buf = malloc(len);
	CHECK(buf != NULL);
	aandeslag__event__pack(&ev.event, buf);
	model_event_release(&ev);
	copy = aandeslag__event__unpack(NULL, len, buf);
	free(buf);
	CHECK(copy != NULL);
	/* The client's mirror learns where the hidden dots were. */
	CHECK_INT(model_apply(&mirror, copy, now), ==, 0);
	aandeslag__event__free_unpacked(copy, NULL);
	check_same(&room, &mirror);
	CHECK_UINT(model_tally(&mirror, "talen"), ==, 2);
	CHECK_UINT(dots(&mirror, bob, ""), ==, 0);
	teardown();
}

static void
test_reveal_empty(void)
{
	setup();
	CHECK_INT(votes_fill_reveal(&room, &ev), ==, 0);
	CHECK_UINT(ev.setting.n_votes, ==, 0);
	CHECK(ev.vote_list == NULL);
	CHECK(ev.vote_ptrs == NULL);
	/* A mirror holds hidden dots only: nothing to reveal. */
	CHECK_INT(apply_vote(bob, "", 1), ==, 0);
	CHECK_INT(votes_fill_reveal(&mirror, &ev), ==, 0);
	CHECK_UINT(ev.setting.n_votes, ==, 0);
	CHECK_INT(votes_replace(&mirror, NULL, 0), ==, 0);
	CHECK_UINT(mirror.nvotes, ==, 0);
	teardown();
}

static void
test_replace_refuses(void)
{
	Aandeslag__Vote v[4], *p[4];
	size_t i;

	setup();
	CHECK_INT(apply_vote(ann, "talen", 1), ==, 0);
	for (i = 0; i < 4; i++) {
		aandeslag__vote__init(&v[i]);
		p[i] = &v[i];
	}
#define SET(i, pid, cid, d)                                                 \
	do {                                                                \
		v[i].participant_id = (pid);                                \
		v[i].competence_id = (char *)(cid);                         \
		v[i].dots = (d);                                            \
	} while (0)
#define REFUSED(n)                                                          \
	do {                                                                \
		CHECK_INT(votes_replace(&mirror, p, (n)), ==, -EPROTO);     \
		CHECK_UINT(mirror.nvotes, ==, 1);                           \
		CHECK_UINT(dots(&mirror, ann, "talen"), ==, 1);             \
	} while (0)

	SET(0, 0, "talen", 1);
	REFUSED(1);
	SET(0, bob, "nope", 1);
	REFUSED(1);
	SET(0, bob, "", 1);
	REFUSED(1);
	SET(0, bob, NULL, 1);
	REFUSED(1);
	SET(0, bob, "talen", 0);
	REFUSED(1);
	SET(0, bob, "talen", MODEL_VOTE_BUDGET_MAX + 1);
	REFUSED(1);
	SET(0, bob, "talen", 1);
	SET(1, ann, "open", 1);
	SET(2, bob, "talen", 2);
	REFUSED(3);
	SET(2, bob, "open", MODEL_VOTE_BUDGET_MAX - 1);
	SET(3, ann, "wereld", 1);
	p[3] = NULL;
	REFUSED(4);
	p[3] = &v[3];
	SET(3, bob, "wereld", 1);
	REFUSED(4);

	/* Within the budget it is taken, in the order given; someone who
	 * left (99) keeps their dots. */
	SET(3, 99, "wereld", MODEL_VOTE_BUDGET_MAX);
	CHECK_INT(votes_replace(&mirror, p, 4), ==, 0);
	CHECK_UINT(mirror.nvotes, ==, 4);
	CHECK_UINT(mirror.votes[0].participant_id, ==, bob);
	CHECK_STR(mirror.votes[0].competence_id, "talen");
	CHECK_UINT(mirror.votes[1].participant_id, ==, ann);
	CHECK_STR(mirror.votes[1].competence_id, "open");
	CHECK_UINT(mirror.votes[2].participant_id, ==, bob);
	CHECK_STR(mirror.votes[2].competence_id, "open");
	CHECK_UINT(mirror.votes[2].dots, ==, MODEL_VOTE_BUDGET_MAX - 1);
	CHECK_UINT(mirror.votes[3].participant_id, ==, 99);
	CHECK_UINT(model_dots_used(&mirror, bob), ==, MODEL_VOTE_BUDGET_MAX);
	CHECK_UINT(model_tally(&mirror, "open"), ==, MODEL_VOTE_BUDGET_MAX);
	CHECK_UINT(dots(&mirror, ann, "talen"), ==, 0);
	/* After a replace the votes grow as before. */
	CHECK_INT(apply_vote(ann, "open", 1), ==, 0);
	CHECK_UINT(dots(&mirror, ann, "open"), ==, 2);
	CHECK_INT(apply_vote(ann, "flexibel", 1), ==, 0);
	CHECK_UINT(mirror.nvotes, ==, 5);
#undef SET
#undef REFUSED
	teardown();
}

CHECK_MAIN(CHECK_TEST(test_reveal_round_trip),
           CHECK_TEST(test_reveal_by_setting),
           CHECK_TEST(test_reveal_empty),
           CHECK_TEST(test_replace_refuses))
