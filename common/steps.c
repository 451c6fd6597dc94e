/* The step clocks and the team's moves between steps: what the chair's
 * watch did on paper. A running clock moves along with the team. */
#include "steps.h"

#include <errno.h>

static int
execute_clock(struct model_room *room, uint32_t actor,
              const Aandeslag__ClockControl *cmd, int64_t now,
              struct model_event *ev, struct refusal *why)
{
	struct clock c = clock_at(&room->clocks[room->current_step - 1], now);
	int64_t minutes = cmd->minutes, most;

	/* Whatever the chair does next, the clock is theirs again. */
	c.interrupted = false;

	switch (cmd->action) {
	case AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_START:
		if (c.state == AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_CLOCK_RUNNING);
		c.state = AANDESLAG__CLOCK_STATE__CLOCK_RUNNING;
		minutes = 0;
		break;
	case AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_PAUSE:
		if (c.state != AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_CLOCK_NOT_RUNNING);
		c.state = AANDESLAG__CLOCK_STATE__CLOCK_PAUSED;
		minutes = 0;
		break;
	case AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_RESUME:
		if (c.state != AANDESLAG__CLOCK_STATE__CLOCK_PAUSED)
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_CLOCK_NOT_PAUSED);
		c.state = AANDESLAG__CLOCK_STATE__CLOCK_RUNNING;
		minutes = 0;
		break;
	case AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND:
		most = (CLOCK_DURATION_MAX - c.duration_ms) / CLOCK_MINUTE_MS;
		if (most > MODEL_MINUTES_MAX)
			most = MODEL_MINUTES_MAX;
		if (minutes < 1 || minutes > most)
			return refusal_set_num2(why,
			        AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES, 1, (long)most);
		c.duration_ms += minutes * CLOCK_MINUTE_MS;
		c.remaining_ms += minutes * CLOCK_MINUTE_MS;
		break;
	case AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_SHORTEN:
		/* A step keeps at least one planned minute. */
		most = c.duration_ms / CLOCK_MINUTE_MS - 1;
		if (most > MODEL_MINUTES_MAX)
			most = MODEL_MINUTES_MAX;
		if (minutes < 1 || minutes > most)
			return refusal_set_num2(why,
			        AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES, 1, (long)most);
		c.duration_ms -= minutes * CLOCK_MINUTE_MS;
		c.remaining_ms -= minutes * CLOCK_MINUTE_MS;
		break;
	default:
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND);
	}
	model_event_begin(room, ev, actor);
	aandeslag__clock_changed__init(&ev->clock);
	ev->clock.action = cmd->action;
	ev->clock.minutes = (uint32_t)minutes;
	clock_to_wire(&c, room->current_step, now, &ev->clocks[0]);
	ev->clock.clock = &ev->clocks[0];
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_CLOCK;
	ev->event.clock = &ev->clock;
	return model_apply(room, &ev->event, now);
}

static int
execute_move(struct model_room *room, uint32_t actor,
             const Aandeslag__StepControl *cmd, int64_t now,
             struct model_event *ev, struct refusal *why)
{
	uint32_t from = room->current_step, to;
	struct clock left, entered;

	switch (cmd->action) {
	case AANDESLAG__STEP_ACTION__STEP_ACTION_NEXT:
		if (from == STEPS_COUNT)
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_NO_NEXT_STEP);
		to = from + 1;
		break;
	case AANDESLAG__STEP_ACTION__STEP_ACTION_PREV:
		if (from == 1)
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_NO_PREV_STEP);
		to = from - 1;
		break;
	case AANDESLAG__STEP_ACTION__STEP_ACTION_GOTO:
		to = cmd->step;
		if (to < 1 || to > STEPS_COUNT)
			return refusal_set_num(why,
			        AANDESLAG__ERROR_CODE__ERROR_BAD_STEP, (long)to);
		if (to == from)
			return refusal_set_num(why,
			        AANDESLAG__ERROR_CODE__ERROR_SAME_STEP, (long)to);
		break;
	default:
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_COMMAND);
	}
	/* A running clock moves along with the team: the step that is left
	 * keeps its time on pause, the step entered runs on from its own. */
	left = clock_at(&room->clocks[from - 1], now);
	entered = clock_at(&room->clocks[to - 1], now);
	left.interrupted = false;
	entered.interrupted = false;
	if (left.state == AANDESLAG__CLOCK_STATE__CLOCK_RUNNING) {
		left.state = AANDESLAG__CLOCK_STATE__CLOCK_PAUSED;
		entered.state = AANDESLAG__CLOCK_STATE__CLOCK_RUNNING;
	}
	model_event_begin(room, ev, actor);
	aandeslag__step_changed__init(&ev->step);
	ev->step.step = to;
	clock_to_wire(&entered, to, now, &ev->clocks[0]);
	clock_to_wire(&left, from, now, &ev->clocks[1]);
	ev->step.clock = &ev->clocks[0];
	ev->step.previous = &ev->clocks[1];
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_STEP;
	ev->event.step = &ev->step;
	return model_apply(room, &ev->event, now);
}

int
steps_execute(struct model_room *room, const struct model_participant *actor,
              const Aandeslag__Command *cmd, int64_t now,
              struct model_event *ev, struct refusal *why)
{
	if (cmd->op_case == AANDESLAG__COMMAND__OP_CLOCK)
		return execute_clock(room, actor->id, cmd->clock, now, ev, why);
	return execute_move(room, actor->id, cmd->step, now, ev, why);
}

static int
apply_clock(struct model_room *room, const Aandeslag__ClockChanged *c,
            int64_t now)
{
	if (c == NULL || c->clock == NULL || c->clock->step < 1 ||
	    c->clock->step > STEPS_COUNT)
		return -EPROTO;
	/* Only the team's current step can have a running clock. */
	if (c->clock->step != room->current_step &&
	    c->clock->state == AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
		return -EPROTO;
	return clock_from_wire(&room->clocks[c->clock->step - 1], c->clock, now);
}

static int
apply_move(struct model_room *room, const Aandeslag__StepChanged *s,
           int64_t now)
{
	struct clock entered, left;

	if (s == NULL || s->clock == NULL || s->previous == NULL ||
	    s->step < 1 || s->step > STEPS_COUNT ||
	    s->step == room->current_step || s->clock->step != s->step ||
	    s->previous->step != room->current_step ||
	    s->previous->state == AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
		return -EPROTO;
	if (clock_from_wire(&entered, s->clock, now) < 0 ||
	    clock_from_wire(&left, s->previous, now) < 0)
		return -EPROTO;
	room->clocks[s->step - 1] = entered;
	room->clocks[room->current_step - 1] = left;
	room->current_step = s->step;
	return 0;
}

int
model_interrupt(struct model_room *room, int64_t now, struct model_event *ev)
{
	struct clock c = clock_at(&room->clocks[room->current_step - 1], now);

	if (c.state != AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
		return -ENOENT;
	c.state = AANDESLAG__CLOCK_STATE__CLOCK_PAUSED;
	c.interrupted = true;
	model_event_begin(room, ev, 0);
	aandeslag__clock_changed__init(&ev->clock);
	ev->clock.action = AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_SERVER_STOPPED;
	clock_to_wire(&c, room->current_step, now, &ev->clocks[0]);
	ev->clock.clock = &ev->clocks[0];
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_CLOCK;
	ev->event.clock = &ev->clock;
	return model_apply(room, &ev->event, now);
}

int
steps_apply(struct model_room *room, const Aandeslag__Event *ev, int64_t now)
{
	if (ev->change_case == AANDESLAG__EVENT__CHANGE_CLOCK)
		return apply_clock(room, ev->clock, now);
	return apply_move(room, ev->step, now);
}
