/* Tests for votes.c: dots on competences, marking, and revealing votes. */
#include "check.h"
#include "fixture.h"

#include "content.h"
#include "model.h"
#include "refusal.h"
#include "votes.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#define CODE "K7QM-2XPD"
#define TITLE "Titel"
#define EPOCH UINT64_C(42)

#define ROLE_P AANDESLAG__ROLE__ROLE_PARTICIPANT
#define ROLE_C AANDESLAG__ROLE__ROLE_CHAIR

static const char content_yaml[] = FIXTURE_SMALL_CONTENT;

/* ------------------------------------------------------------- fixture */

/* A server's room and a client's mirror of it, fed every event. */
static struct content content;
static struct model_room room, mirror;
static struct model_event ev;
static struct refusal why;
static uint32_t chair, ann, bob;
static const int64_t now = 1000;

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

	if (content_parse(&content, content_yaml, sizeof content_yaml - 1,
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

static int
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

static int
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
static uint32_t
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
static void
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

/* An event for the mirror: the next one, caused by the server. */
static void
next_event(Aandeslag__Event *e)
{
	aandeslag__event__init(e);
	e->epoch = mirror.epoch;
	e->seq = mirror.seq + 1;
}

static int
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

static int
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

/* --------------------------------------------------------------- votes */

static void
test_vote_adds_dot(void)
{
	setup();
	CHECK_INT(vote(ann, "talen", false), ==, 0);
	CHECK_INT(ev.event.change_case, ==, AANDESLAG__EVENT__CHANGE_VOTE);
	CHECK_UINT(ev.event.epoch, ==, EPOCH);
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

CHECK_MAIN(
	CHECK_TEST(test_vote_adds_dot),
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
	CHECK_TEST(test_apply_refuses_nonsense),
	CHECK_TEST(test_reveal_round_trip),
	CHECK_TEST(test_reveal_by_setting),
	CHECK_TEST(test_reveal_empty),
	CHECK_TEST(test_replace_refuses),
)
