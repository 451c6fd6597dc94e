/* Tests for model.c: the step clocks and moving between steps. */
#include "model_fixture.h"

/* ---------------------------------------------------------------- clock */

static void
test_clock_start_pause_resume(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);

	/* Idle: neither pause nor resume. */
	CHECK_REFUSED(clock_cmd(&room, anna, C_PAUSE, 0, 500, &ev, &why), why,
	              E(CLOCK_NOT_RUNNING), 0, NULL, NULL);
	CHECK_REFUSED(clock_cmd(&room, anna, C_RESUME, 0, 500, &ev, &why), why,
	              E(CLOCK_NOT_PAUSED), 0, NULL, NULL);
	CHECK_UINT(room.seq, ==, 1);

	CHECK_INT(clock_cmd(&room, anna, C_START, 7, 1000, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.epoch, ==, EPOCH);
	CHECK_UINT(ev.event.seq, ==, 2);
	CHECK_UINT(ev.event.actor_id, ==, anna);
	CHECK_INT(ev.event.change_case, ==, AANDESLAG__EVENT__CHANGE_CLOCK);
	CHECK(ev.event.clock == &ev.clock);
	CHECK_INT(ev.clock.action, ==, C_START);
	CHECK_UINT(ev.clock.minutes, ==, 0);
	CHECK_WIRE(ev.clock.clock, 1, RUNNING, 20 * MIN, 20 * MIN);
	CHECK_CLOCK(&room, 1, RUNNING, 20 * MIN, 20 * MIN, 1000);
	CHECK_CLOCK(&room, 1, RUNNING, 20 * MIN - 60000, 20 * MIN, 61000);
	CHECK_INT(clock_remaining(&room.clocks[0], 61000), ==, 1140000);
	CHECK_CLOCK(&room, 2, IDLE, 30 * MIN, 30 * MIN, 61000);

	CHECK_REFUSED(clock_cmd(&room, anna, C_START, 0, 61000, &ev, &why), why,
	              E(CLOCK_RUNNING), 0, NULL, NULL);
	CHECK_REFUSED(clock_cmd(&room, anna, C_RESUME, 0, 61000, &ev, &why),
	              why, E(CLOCK_NOT_PAUSED), 0, NULL, NULL);
	CHECK_UINT(room.seq, ==, 2);

	CHECK_INT(clock_cmd(&room, anna, C_PAUSE, 0, 61000, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.seq, ==, 3);
	CHECK_INT(ev.clock.action, ==, C_PAUSE);
	CHECK_UINT(ev.clock.minutes, ==, 0);
	CHECK_WIRE(ev.clock.clock, 1, PAUSED, 1140000, 20 * MIN);
	CHECK_CLOCK(&room, 1, PAUSED, 1140000, 20 * MIN, 61000);
	CHECK_CLOCK(&room, 1, PAUSED, 1140000, 20 * MIN, 500000);
	CHECK_REFUSED(clock_cmd(&room, anna, C_PAUSE, 0, 500000, &ev, &why),
	              why, E(CLOCK_NOT_RUNNING), 0, NULL, NULL);

	/* Resume runs on from the paused time. */
	CHECK_INT(clock_cmd(&room, anna, C_RESUME, 0, 500000, &ev, &why),
	          ==, 0);
	CHECK_UINT(ev.event.seq, ==, 4);
	CHECK_INT(ev.clock.action, ==, C_RESUME);
	CHECK_WIRE(ev.clock.clock, 1, RUNNING, 1140000, 20 * MIN);
	CHECK_CLOCK(&room, 1, RUNNING, 1130000, 20 * MIN, 510000);

	/* Start while paused also resumes, from the paused time. */
	CHECK_INT(clock_cmd(&room, anna, C_PAUSE, 0, 510000, &ev, &why), ==, 0);
	CHECK_CLOCK(&room, 1, PAUSED, 1130000, 20 * MIN, 900000);
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 900000, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.seq, ==, 6);
	CHECK_INT(ev.clock.action, ==, C_START);
	CHECK_WIRE(ev.clock.clock, 1, RUNNING, 1130000, 20 * MIN);
	CHECK_CLOCK(&room, 1, RUNNING, 1120000, 20 * MIN, 910000);
	CHECK_UINT(room.seq, ==, 6);
	model_free(&room);
}

static void
test_clock_extend(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;
	int i;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);

	/* Idle. */
	CHECK_INT(clock_cmd(&room, anna, C_EXTEND, 5, 0, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.seq, ==, 2);
	CHECK_INT(ev.clock.action, ==, C_EXTEND);
	CHECK_UINT(ev.clock.minutes, ==, 5);
	CHECK_WIRE(ev.clock.clock, 1, IDLE, 25 * MIN, 25 * MIN);
	CHECK_CLOCK(&room, 1, IDLE, 25 * MIN, 25 * MIN, 0);

	/* Running: both the plan and what is left grow. */
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 1000, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(&room, anna, C_EXTEND, 5, 61000, &ev, &why), ==, 0);
	CHECK_WIRE(ev.clock.clock, 1, RUNNING, 29 * MIN, 30 * MIN);
	CHECK_CLOCK(&room, 1, RUNNING, 29 * MIN, 30 * MIN, 61000);
	CHECK_CLOCK(&room, 1, RUNNING, 28 * MIN, 30 * MIN, 121000);

	/* 1..120 minutes. */
	CHECK_UINT(MODEL_MINUTES_MAX, ==, 120);
	CHECK_REFUSED(clock_cmd(&room, anna, C_EXTEND, 0, 121000, &ev, &why),
	              why, E(BAD_MINUTES), 2, "1", "120");
	CHECK_REFUSED(clock_cmd(&room, anna, C_EXTEND, 121, 121000, &ev, &why),
	              why, E(BAD_MINUTES), 2, "1", "120");
	CHECK_UINT(room.seq, ==, 4);
	CHECK_CLOCK(&room, 1, RUNNING, 28 * MIN, 30 * MIN, 121000);

	/* Up to the longest step: 24 hours. */
	CHECK_INT(clock_cmd(&room, anna, C_PAUSE, 0, 121000, &ev, &why), ==, 0);
	for (i = 0; i < 11; i++)
		CHECK_INT(clock_cmd(&room, anna, C_EXTEND, 120, 200000, &ev,
		                    &why), ==, 0);
	CHECK_CLOCK(&room, 1, PAUSED, 1348 * MIN, 1350 * MIN, 200000);
	CHECK_REFUSED(clock_cmd(&room, anna, C_EXTEND, 91, 200000, &ev, &why),
	              why, E(BAD_MINUTES), 2, "1", "90");
	CHECK_INT(clock_cmd(&room, anna, C_EXTEND, 90, 200000, &ev, &why),
	          ==, 0);
	CHECK_CLOCK(&room, 1, PAUSED, 1438 * MIN, 1440 * MIN, 200000);
	CHECK_REFUSED(clock_cmd(&room, anna, C_EXTEND, 1, 200000, &ev, &why),
	              why, E(BAD_MINUTES), 2, "1", "0");
	/* Other steps' clocks are untouched. */
	CHECK_CLOCK(&room, 2, IDLE, 30 * MIN, 30 * MIN, 200000);
	model_free(&room);
}

static void
test_clock_shorten(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);

	CHECK_REFUSED(clock_cmd(&room, anna, C_SHORTEN, 20, 0, &ev, &why), why,
	              E(BAD_MINUTES), 2, "1", "19");
	CHECK_REFUSED(clock_cmd(&room, anna, C_SHORTEN, 0, 0, &ev, &why), why,
	              E(BAD_MINUTES), 2, "1", "19");
	CHECK_UINT(room.seq, ==, 1);
	CHECK_INT(clock_cmd(&room, anna, C_SHORTEN, 19, 0, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.seq, ==, 2);
	CHECK_INT(ev.clock.action, ==, C_SHORTEN);
	CHECK_UINT(ev.clock.minutes, ==, 19);
	CHECK_WIRE(ev.clock.clock, 1, IDLE, MIN, MIN);
	CHECK_CLOCK(&room, 1, IDLE, 60000, 60000, 0);
	/* One planned minute is the least. */
	CHECK_REFUSED(clock_cmd(&room, anna, C_SHORTEN, 1, 0, &ev, &why), why,
	              E(BAD_MINUTES), 2, "1", "0");
	CHECK_UINT(room.seq, ==, 2);

	/* On step 5 (40 minutes), after time has run: into overtime. */
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 5, 0, &ev, &why), ==, 0);
	CHECK_REFUSED(clock_cmd(&room, anna, C_SHORTEN, 40, 0, &ev, &why), why,
	              E(BAD_MINUTES), 2, "1", "39");
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 0, &ev, &why), ==, 0);
	CHECK_CLOCK(&room, 5, RUNNING, 10 * MIN, 40 * MIN, 30 * MIN);
	CHECK_INT(clock_cmd(&room, anna, C_SHORTEN, 15, 30 * MIN, &ev, &why),
	          ==, 0);
	CHECK_WIRE(ev.clock.clock, 5, RUNNING, -5 * MIN, 25 * MIN);
	CHECK_CLOCK(&room, 5, RUNNING, -5 * MIN, 25 * MIN, 30 * MIN);
	CHECK_CLOCK(&room, 5, RUNNING, -6 * MIN, 25 * MIN, 31 * MIN);
	/* Extending brings it back. */
	CHECK_INT(clock_cmd(&room, anna, C_EXTEND, 10, 31 * MIN, &ev, &why),
	          ==, 0);
	CHECK_CLOCK(&room, 5, RUNNING, 4 * MIN, 35 * MIN, 31 * MIN);
	model_free(&room);
}

static void
test_clock_overtime(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 0, &ev, &why), ==, 0);
	CHECK_CLOCK(&room, 1, RUNNING, 0, 20 * MIN, 20 * MIN);
	CHECK_CLOCK(&room, 1, RUNNING, -1, 20 * MIN, 20 * MIN + 1);
	CHECK_CLOCK(&room, 1, RUNNING, -MIN, 20 * MIN, 21 * MIN);
	/* The clock keeps running in overtime until paused. */
	CHECK_INT(clock_cmd(&room, anna, C_PAUSE, 0, 21 * MIN, &ev, &why),
	          ==, 0);
	CHECK_WIRE(ev.clock.clock, 1, PAUSED, -MIN, 20 * MIN);
	CHECK_CLOCK(&room, 1, PAUSED, -MIN, 20 * MIN, 60 * MIN);
	CHECK_INT(clock_cmd(&room, anna, C_RESUME, 0, 60 * MIN, &ev, &why),
	          ==, 0);
	CHECK_CLOCK(&room, 1, RUNNING, -2 * MIN, 20 * MIN, 61 * MIN);
	/* A step moved to in overtime keeps its overtime. */
	CHECK_INT(step_cmd(&room, anna, S_NEXT, 0, 61 * MIN, &ev, &why), ==, 0);
	CHECK_CLOCK(&room, 1, PAUSED, -2 * MIN, 20 * MIN, 99 * MIN);
	CHECK_INT(step_cmd(&room, anna, S_PREV, 0, 62 * MIN, &ev, &why), ==, 0);
	CHECK_CLOCK(&room, 1, RUNNING, -3 * MIN, 20 * MIN, 63 * MIN);
	CHECK_CLOCK(&room, 2, PAUSED, 29 * MIN, 30 * MIN, 63 * MIN);
	model_free(&room);
}

/* A clock forgotten for more than a week can still be paused: its
 * overtime stops growing on the wire instead of becoming unacceptable. */
static void
test_clock_week_overtime(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;
	int64_t eight_days = 8 * 24 * 60 * MIN;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 0, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(&room, anna, C_PAUSE, 0, eight_days, &ev, &why),
	          ==, 0);
	CHECK_INT(ev.clock.clock->remaining_ms, ==, -CLOCK_OVERTIME_MAX);
	CHECK_INT(room.clocks[0].state, ==, AANDESLAG__CLOCK_STATE__CLOCK_PAUSED);
	CHECK_INT(step_cmd(&room, anna, S_NEXT, 0, eight_days, &ev, &why), ==, 0);
	model_free(&room);
}

static void
test_clock_current_step(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 3, 0, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 1000, &ev, &why), ==, 0);
	CHECK_WIRE(ev.clock.clock, 3, RUNNING, 30 * MIN, 30 * MIN);
	CHECK_CLOCK(&room, 1, IDLE, 20 * MIN, 20 * MIN, 5000);
	CHECK_CLOCK(&room, 3, RUNNING, 30 * MIN - 4000, 30 * MIN, 5000);
	CHECK_INT(clock_cmd(&room, anna, C_EXTEND, 2, 5000, &ev, &why), ==, 0);
	CHECK_WIRE(ev.clock.clock, 3, RUNNING, 32 * MIN - 4000, 32 * MIN);
	CHECK_CLOCK(&room, 1, IDLE, 20 * MIN, 20 * MIN, 5000);
	CHECK_CLOCK(&room, 4, IDLE, 30 * MIN, 30 * MIN, 5000);
	model_free(&room);
}

/* ---------------------------------------------------------------- steps */

static void
test_steps_bounds(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, s;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	CHECK_REFUSED(step_cmd(&room, anna, S_PREV, 0, 0, &ev, &why), why,
	              E(NO_PREV_STEP), 0, NULL, NULL);
	for (s = 2; s <= STEPS_COUNT; s++) {
		CHECK_INT(step_cmd(&room, anna, S_NEXT, 0, 0, &ev, &why),
		          ==, 0);
		CHECK_UINT(ev.event.seq, ==, s);
		CHECK_UINT(ev.event.actor_id, ==, anna);
		CHECK_INT(ev.event.change_case, ==,
		          AANDESLAG__EVENT__CHANGE_STEP);
		CHECK(ev.event.step == &ev.step);
		CHECK_UINT(ev.step.step, ==, s);
		CHECK_UINT(ev.step.clock->step, ==, s);
		CHECK_UINT(ev.step.previous->step, ==, s - 1);
		CHECK_UINT(room.current_step, ==, s);
	}
	CHECK_REFUSED(step_cmd(&room, anna, S_NEXT, 0, 0, &ev, &why), why,
	              E(NO_NEXT_STEP), 0, NULL, NULL);
	CHECK_REFUSED(step_cmd(&room, anna, S_GOTO, 0, 0, &ev, &why), why,
	              E(BAD_STEP), 1, "0", NULL);
	CHECK_REFUSED(step_cmd(&room, anna, S_GOTO, 6, 0, &ev, &why), why,
	              E(BAD_STEP), 1, "6", NULL);
	CHECK_REFUSED(step_cmd(&room, anna, S_GOTO, 5, 0, &ev, &why), why,
	              E(SAME_STEP), 1, "5", NULL);
	CHECK_UINT(room.seq, ==, 5);
	CHECK_UINT(room.current_step, ==, 5);

	CHECK_INT(step_cmd(&room, anna, S_PREV, 0, 0, &ev, &why), ==, 0);
	CHECK_UINT(ev.step.step, ==, 4);
	CHECK_UINT(ev.step.previous->step, ==, 5);
	CHECK_UINT(room.current_step, ==, 4);
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 2, 0, &ev, &why), ==, 0);
	CHECK_UINT(ev.step.step, ==, 2);
	CHECK_UINT(ev.step.clock->step, ==, 2);
	CHECK_UINT(ev.step.previous->step, ==, 4);
	CHECK_UINT(room.current_step, ==, 2);
	CHECK_REFUSED(step_cmd(&room, anna, S_GOTO, 2, 0, &ev, &why), why,
	              E(SAME_STEP), 1, "2", NULL);
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 1, 0, &ev, &why), ==, 0);
	CHECK_REFUSED(step_cmd(&room, anna, S_PREV, 0, 0, &ev, &why), why,
	              E(NO_PREV_STEP), 0, NULL, NULL);
	CHECK_UINT(room.current_step, ==, 1);
	CHECK_UINT(room.seq, ==, 8);
	model_free(&room);
}

static void
test_steps_idle(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	CHECK_INT(step_cmd(&room, anna, S_NEXT, 0, 5000, &ev, &why), ==, 0);
	CHECK_WIRE(ev.step.clock, 2, IDLE, 30 * MIN, 30 * MIN);
	CHECK_WIRE(ev.step.previous, 1, IDLE, 20 * MIN, 20 * MIN);
	CHECK_CLOCK(&room, 1, IDLE, 20 * MIN, 20 * MIN, 99000);
	CHECK_CLOCK(&room, 2, IDLE, 30 * MIN, 30 * MIN, 99000);
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 5, 6000, &ev, &why), ==, 0);
	CHECK_WIRE(ev.step.clock, 5, IDLE, 40 * MIN, 40 * MIN);
	CHECK_WIRE(ev.step.previous, 2, IDLE, 30 * MIN, 30 * MIN);
	CHECK_CLOCK(&room, 5, IDLE, 40 * MIN, 40 * MIN, 99000);
	model_free(&room);
}

static void
test_steps_running(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 0, &ev, &why), ==, 0);

	/* Left: paused with its time; entered: runs from its own. */
	CHECK_INT(step_cmd(&room, anna, S_NEXT, 0, 5 * MIN, &ev, &why), ==, 0);
	CHECK_WIRE(ev.step.clock, 2, RUNNING, 30 * MIN, 30 * MIN);
	CHECK_WIRE(ev.step.previous, 1, PAUSED, 15 * MIN, 20 * MIN);
	CHECK_CLOCK(&room, 1, PAUSED, 15 * MIN, 20 * MIN, 8 * MIN);
	CHECK_CLOCK(&room, 2, RUNNING, 27 * MIN, 30 * MIN, 8 * MIN);

	/* Back: step 1 runs on from its own 15 minutes. */
	CHECK_INT(step_cmd(&room, anna, S_PREV, 0, 8 * MIN, &ev, &why), ==, 0);
	CHECK_WIRE(ev.step.clock, 1, RUNNING, 15 * MIN, 20 * MIN);
	CHECK_WIRE(ev.step.previous, 2, PAUSED, 27 * MIN, 30 * MIN);
	CHECK_CLOCK(&room, 1, RUNNING, 13 * MIN, 20 * MIN, 10 * MIN);
	CHECK_CLOCK(&room, 2, PAUSED, 27 * MIN, 30 * MIN, 10 * MIN);

	/* Goto: step 2 again from 27 minutes. */
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 2, 10 * MIN, &ev, &why), ==, 0);
	CHECK_WIRE(ev.step.clock, 2, RUNNING, 27 * MIN, 30 * MIN);
	CHECK_WIRE(ev.step.previous, 1, PAUSED, 13 * MIN, 20 * MIN);
	CHECK_CLOCK(&room, 2, RUNNING, 26 * MIN, 30 * MIN, 11 * MIN);
	CHECK_CLOCK(&room, 1, PAUSED, 13 * MIN, 20 * MIN, 11 * MIN);

	/* Paused: moving leaves both clocks as they are. */
	CHECK_INT(clock_cmd(&room, anna, C_PAUSE, 0, 11 * MIN, &ev, &why),
	          ==, 0);
	CHECK_INT(step_cmd(&room, anna, S_NEXT, 0, 12 * MIN, &ev, &why), ==, 0);
	CHECK_WIRE(ev.step.clock, 3, IDLE, 30 * MIN, 30 * MIN);
	CHECK_WIRE(ev.step.previous, 2, PAUSED, 26 * MIN, 30 * MIN);
	CHECK_CLOCK(&room, 3, IDLE, 30 * MIN, 30 * MIN, 20 * MIN);
	CHECK_CLOCK(&room, 2, PAUSED, 26 * MIN, 30 * MIN, 20 * MIN);
	CHECK_INT(step_cmd(&room, anna, S_PREV, 0, 20 * MIN, &ev, &why), ==, 0);
	CHECK_WIRE(ev.step.clock, 2, PAUSED, 26 * MIN, 30 * MIN);
	CHECK_WIRE(ev.step.previous, 3, IDLE, 30 * MIN, 30 * MIN);
	CHECK_CLOCK(&room, 2, PAUSED, 26 * MIN, 30 * MIN, 30 * MIN);
	CHECK_CLOCK(&room, 3, IDLE, 30 * MIN, 30 * MIN, 30 * MIN);
	CHECK_UINT(room.seq, ==, 8);
	model_free(&room);
}

CHECK_MAIN(CHECK_TEST(test_clock_start_pause_resume),
           CHECK_TEST(test_clock_extend),
           CHECK_TEST(test_clock_shorten),
           CHECK_TEST(test_clock_overtime),
           CHECK_TEST(test_clock_week_overtime),
           CHECK_TEST(test_clock_current_step),
           CHECK_TEST(test_steps_bounds),
           CHECK_TEST(test_steps_idle),
           CHECK_TEST(test_steps_running))
