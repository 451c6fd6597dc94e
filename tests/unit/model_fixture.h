/* Shared helpers for the tests of model.c and snapshot.c: a room with
 * the real content, commands built for model_execute(), and checks of
 * clocks and of two rooms being the same. */
#ifndef AANDESLAG_MODEL_FIXTURE_H
#define AANDESLAG_MODEL_FIXTURE_H

#include "check.h"
#include "fixture.h"

#define CONTENT fixture_content()

#include "clock.h"
#include "model.h"
#include "refusal.h"
#include "snapshot.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#define CODE "K7QM-2XPD"
#define TITLE "Teamdag internationalisering"
#define EPOCH UINT64_C(42)
#define MIN CLOCK_MINUTE_MS

#define ROLE_P AANDESLAG__ROLE__ROLE_PARTICIPANT
#define ROLE_C AANDESLAG__ROLE__ROLE_CHAIR
#define ROLE_V AANDESLAG__ROLE__ROLE_VIEWER
#define ROLE_F AANDESLAG__ROLE__ROLE_FACILITATOR

#define IDLE AANDESLAG__CLOCK_STATE__CLOCK_IDLE
#define RUNNING AANDESLAG__CLOCK_STATE__CLOCK_RUNNING
#define PAUSED AANDESLAG__CLOCK_STATE__CLOCK_PAUSED

#define C_NONE AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_NONE
#define C_START AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_START
#define C_PAUSE AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_PAUSE
#define C_RESUME AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_RESUME
#define C_EXTEND AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND
#define C_SHORTEN AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_SHORTEN

#define S_NONE AANDESLAG__STEP_ACTION__STEP_ACTION_NONE
#define S_NEXT AANDESLAG__STEP_ACTION__STEP_ACTION_NEXT
#define S_PREV AANDESLAG__STEP_ACTION__STEP_ACTION_PREV
#define S_GOTO AANDESLAG__STEP_ACTION__STEP_ACTION_GOTO

/* Checks that two rooms hold the same state, room a read at now_a and
 * room b at now_b (their local clocks may differ). */
#define CHECK_SAME(a, now_a, b, now_b)                                      \
	do {                                                                \
		const char *same_diff_ = diff_rooms((a), (now_a), (b),      \
		                                    (now_b));               \
		if (same_diff_ != NULL)                                     \
			CHECK_FAIL("rooms differ: %s", same_diff_);         \
	} while (0)

/* ------------------------------------------------------------- helpers */

static char diff_buf[256];

static inline bool
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Returns NULL when the rooms are the same, else what differs. */
static inline const char *
diff_rooms(const struct model_room *a, int64_t now_a,
           const struct model_room *b, int64_t now_b)
{
	size_t i;

#define DIFF(...)                                                           \
	do {                                                                \
		snprintf(diff_buf, sizeof diff_buf, __VA_ARGS__);           \
		return diff_buf;                                            \
	} while (0)

	if (a->epoch != b->epoch)
		DIFF("epoch %llu vs %llu", (unsigned long long)a->epoch,
		     (unsigned long long)b->epoch);
	if (a->seq != b->seq)
		DIFF("seq %llu vs %llu", (unsigned long long)a->seq,
		     (unsigned long long)b->seq);
	if (strcmp(a->code, b->code) != 0)
		DIFF("code %s vs %s", a->code, b->code);
	if (!str_eq(a->title, b->title))
		DIFF("title");
	if (a->current_step != b->current_step)
		DIFF("current_step %u vs %u", (unsigned)a->current_step,
		     (unsigned)b->current_step);
	for (i = 0; i < STEPS_COUNT; i++) {
		const struct clock *ca = &a->clocks[i], *cb = &b->clocks[i];

		if (ca->state != cb->state)
			DIFF("clock %zu state %d vs %d", i + 1, ca->state,
			     cb->state);
		if (ca->duration_ms != cb->duration_ms)
			DIFF("clock %zu duration %lld vs %lld", i + 1,
			     (long long)ca->duration_ms,
			     (long long)cb->duration_ms);
		if (clock_remaining(ca, now_a) != clock_remaining(cb, now_b))
			DIFF("clock %zu remaining %lld vs %lld", i + 1,
			     (long long)clock_remaining(ca, now_a),
			     (long long)clock_remaining(cb, now_b));
	}
	if (a->nparticipants != b->nparticipants)
		DIFF("nparticipants %zu vs %zu", a->nparticipants,
		     b->nparticipants);
	for (i = 0; i < a->nparticipants; i++) {
		const struct model_participant *pa = &a->participants[i];
		const struct model_participant *pb = &b->participants[i];

		if (pa->id != pb->id || !str_eq(pa->name, pb->name) ||
		    pa->role != pb->role || pa->connected != pb->connected)
			DIFF("participant %zu: %u %s %d %d vs %u %s %d %d", i,
			     (unsigned)pa->id, pa->name, pa->role,
			     pa->connected, (unsigned)pb->id, pb->name,
			     pb->role, pb->connected);
	}
	if (a->nnotes != b->nnotes)
		DIFF("nnotes %zu vs %zu", a->nnotes, b->nnotes);
	for (i = 0; i < a->nnotes; i++) {
		const struct model_note *na = &a->notes[i], *nb = &b->notes[i];

		if (na->id != nb->id || na->step != nb->step ||
		    na->author_id != nb->author_id ||
		    !str_eq(na->author_name, nb->author_name) ||
		    !str_eq(na->text, nb->text))
			DIFF("note %zu: %u/%u/%u vs %u/%u/%u", i,
			     (unsigned)na->id, (unsigned)na->step,
			     (unsigned)na->author_id, (unsigned)nb->id,
			     (unsigned)nb->step, (unsigned)nb->author_id);
	}
	return NULL;
#undef DIFF
}

static inline void
room_new(struct model_room *room)
{
	struct refusal why;

	CHECK_INT(model_init(room, CONTENT, CODE, TITLE, EPOCH, &why), ==, 0);
}

/* Seats name and returns the new id. */
static inline uint32_t
join(struct model_room *room, const char *name, int role, int64_t now)
{
	struct model_event ev;
	struct refusal why;

	CHECK_INT(model_join(room, name, role, now, &ev, &why), ==, 0);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED);
	return ev.participant.id;
}

static inline int
add_note(struct model_room *room, uint32_t actor, uint32_t step,
         const char *text, int64_t now, struct model_event *ev,
         struct refusal *why)
{
	Aandeslag__Command cmd;
	Aandeslag__AddNote an;

	aandeslag__command__init(&cmd);
	aandeslag__add_note__init(&an);
	an.step = step;
	an.text = (char *)text;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
	cmd.add_note = &an;
	return model_execute(room, actor, &cmd, now, ev, why);
}

static inline int
clock_cmd(struct model_room *room, uint32_t actor, int action,
          uint32_t minutes, int64_t now, struct model_event *ev,
          struct refusal *why)
{
	Aandeslag__Command cmd;
	Aandeslag__ClockControl cc;

	aandeslag__command__init(&cmd);
	aandeslag__clock_control__init(&cc);
	cc.action = (Aandeslag__ClockAction)action;
	cc.minutes = minutes;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_CLOCK;
	cmd.clock = &cc;
	return model_execute(room, actor, &cmd, now, ev, why);
}

static inline int
step_cmd(struct model_room *room, uint32_t actor, int action, uint32_t step,
         int64_t now, struct model_event *ev, struct refusal *why)
{
	Aandeslag__Command cmd;
	Aandeslag__StepControl sc;

	aandeslag__command__init(&cmd);
	aandeslag__step_control__init(&sc);
	sc.action = (Aandeslag__StepAction)action;
	sc.step = step;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_STEP;
	cmd.step = &sc;
	return model_execute(room, actor, &cmd, now, ev, why);
}

static inline int
leave_cmd(struct model_room *room, uint32_t actor, int64_t now,
          struct model_event *ev, struct refusal *why)
{
	Aandeslag__Command cmd;
	Aandeslag__Leave lv;

	aandeslag__command__init(&cmd);
	aandeslag__leave__init(&lv);
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_LEAVE;
	cmd.leave = &lv;
	return model_execute(room, actor, &cmd, now, ev, why);
}

/* A string of n copies of c, in buf (which holds n + 1 bytes). */
static inline const char *
repeat(char *buf, char c, size_t n)
{
	memset(buf, c, n);
	buf[n] = '\0';
	return buf;
}

/* Checks one clock of a room at now. */
#define CHECK_CLOCK(room, step, state_, remaining_, duration_, now)         \
	do {                                                                \
		const struct clock *cc_ = &(room)->clocks[(step) - 1];      \
		CHECK_INT(cc_->state, ==, (state_));                        \
		CHECK_INT(clock_remaining(cc_, (now)), ==, (remaining_));   \
		CHECK_INT(cc_->duration_ms, ==, (duration_));               \
	} while (0)

/* Checks a wire clock. */
#define CHECK_WIRE(w, step_, state_, remaining_, duration_)                 \
	do {                                                                \
		const Aandeslag__StepClock *wc_ = (w);                      \
		CHECK(wc_ != NULL);                                         \
		CHECK_UINT(wc_->step, ==, (step_));                         \
		CHECK_INT(wc_->state, ==, (state_));                        \
		CHECK_INT(wc_->remaining_ms, ==, (remaining_));             \
		CHECK_INT(wc_->duration_ms, ==, (duration_));               \
	} while (0)

#endif
