/* Room settings and finishing the session. The chair sets what the team
 * works on (programme, qualification file, levels, region), how long the
 * steps take, how voting goes, and whether the poster shows names. */
#include "settings.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "votes.h"

/* Normalises levels: each 1..4, ascending, once. Returns the count, or -1
 * for a level out of range. */
static int
levels_bits(const uint32_t *levels, size_t n, uint32_t *bits)
{
	size_t i;

	*bits = 0;
	if (n > 4)
		return -1;
	for (i = 0; i < n; i++) {
		if (levels[i] < 1 || levels[i] > 4)
			return -1;
		*bits |= 1u << levels[i];
	}
	return 0;
}

static size_t
bits_levels(uint32_t bits, uint32_t out[4])
{
	size_t n = 0;
	uint32_t level;

	for (level = 1; level <= 4; level++)
		if (bits & (1u << level))
			out[n++] = level;
	return n;
}

/* The clock of step after its planned time became minutes: what has run
 * stays run, so the remaining time moves by the difference. */
static struct clock
clock_with_minutes(const struct model_room *room, uint32_t step,
                   uint32_t minutes, int64_t now)
{
	struct clock c = clock_at(&room->clocks[step - 1], now);
	int64_t duration = (int64_t)minutes * CLOCK_MINUTE_MS;

	c.remaining_ms += duration - c.duration_ms;
	c.duration_ms = duration;
	return c;
}

static int
check_change(struct model_room *room, const Aandeslag__ChangeSetting *in,
             struct model_event *ev, int64_t now, struct refusal *why)
{
	Aandeslag__ChangeSetting *out = &ev->change;
	struct clock c;
	uint32_t bits;
	int r;

	switch (in->key) {
	case AANDESLAG__SETTING_KEY__SETTING_TITLE:
		if (model_clean_text(in->text, MODEL_TITLE_MAX, ev->text) !=
		    MODEL_TEXT_OK)
			return refusal_set_num(why,
			        AANDESLAG__ERROR_CODE__ERROR_BAD_TITLE, MODEL_TITLE_MAX);
		out->text = ev->text;
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_PROGRAMME:
	case AANDESLAG__SETTING_KEY__SETTING_QUALIFICATION:
	case AANDESLAG__SETTING_KEY__SETTING_REGION:
		/* Empty clears the setting. */
		r = model_clean_text(in->text, MODEL_SETTING_MAX, ev->text);
		if (r == MODEL_TEXT_EMPTY)
			ev->text[0] = '\0';
		else if (r != MODEL_TEXT_OK)
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_BAD_SETTING);
		out->text = ev->text;
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_LEVELS:
		if (levels_bits(in->numbers, in->n_numbers, &bits) < 0)
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_BAD_SETTING);
		out->n_numbers = bits_levels(bits, ev->numbers);
		out->numbers = ev->numbers;
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_STEP_MINUTES:
		if (in->step < 1 || in->step > STEPS_COUNT)
			return refusal_set_num(why,
			        AANDESLAG__ERROR_CODE__ERROR_BAD_STEP, (long)in->step);
		if (in->number < 1 || in->number > MODEL_STEP_MINUTES_MAX)
			return refusal_set_num2(why,
			        AANDESLAG__ERROR_CODE__ERROR_BAD_MINUTES, 1,
			        MODEL_STEP_MINUTES_MAX);
		out->step = in->step;
		out->number = in->number;
		c = clock_with_minutes(room, in->step, in->number, now);
		clock_to_wire(&c, in->step, now, &ev->clocks[0]);
		ev->setting.clock = &ev->clocks[0];
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_VOTE_BUDGET:
		if (in->number < 1 || in->number > MODEL_VOTE_BUDGET_MAX)
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_BAD_SETTING);
		out->number = in->number;
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_VOTES_HIDDEN:
		out->flag = in->flag;
		/* Revealing sends every dot along, so that all clients see
		 * what only the server knew. */
		if (!in->flag && room->settings.votes_hidden)
			return votes_fill_reveal(room, ev);
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_VOTE_STACKING:
	case AANDESLAG__SETTING_KEY__SETTING_ANONYMOUS:
	case AANDESLAG__SETTING_KEY__SETTING_TALK_ONLY:
	case AANDESLAG__SETTING_KEY__SETTING_LOCKED:
		out->flag = in->flag;
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_PASSWORD:
		/* The server takes the password out of the command and
		 * leaves the flag; a text that reached the model would end
		 * up in an event, so it is refused instead. */
		if (in->text != NULL && in->text[0] != '\0')
			return refusal_set(why,
			        AANDESLAG__ERROR_CODE__ERROR_BAD_SETTING);
		out->flag = in->flag;
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_FOLLOW_UP:
		if (in->text != NULL && in->text[0] != '\0' &&
		    dates_check_day(in->text) < 0)
			return refusal_set_str(why,
			        AANDESLAG__ERROR_CODE__ERROR_BAD_DATE, in->text);
		out->text = in->text ? in->text : (char *)"";
		return 0;
	default:
		return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_BAD_SETTING);
	}
}

static void
begin(struct model_room *room, const struct model_participant *actor,
      struct model_event *ev, int key)
{
	model_event_begin(room, ev, actor->id);
	aandeslag__setting_changed__init(&ev->setting);
	aandeslag__change_setting__init(&ev->change);
	ev->change.key = (Aandeslag__SettingKey)key;
	ev->setting.setting = &ev->change;
	ev->event.change_case = AANDESLAG__EVENT__CHANGE_SETTING;
	ev->event.setting = &ev->setting;
}

int
settings_execute(struct model_room *room,
                 const struct model_participant *actor,
                 const Aandeslag__Command *cmd, int64_t now,
                 struct model_event *ev, struct refusal *why)
{
	struct clock c;
	int rc;

	if (cmd->op_case == AANDESLAG__COMMAND__OP_FINISH) {
		if (room->settings.finished)
			return refusal_set(why, AANDESLAG__ERROR_CODE__ERROR_FINISHED);
		begin(room, actor, ev, AANDESLAG__SETTING_KEY__SETTING_FINISHED);
		ev->change.flag = true;
		/* The clock stops with the session. */
		c = clock_at(&room->clocks[room->current_step - 1], now);
		if (c.state == AANDESLAG__CLOCK_STATE__CLOCK_RUNNING) {
			c.state = AANDESLAG__CLOCK_STATE__CLOCK_PAUSED;
			clock_to_wire(&c, room->current_step, now, &ev->clocks[0]);
			ev->setting.clock = &ev->clocks[0];
		}
		return model_apply(room, &ev->event, now);
	}
	begin(room, actor, ev, cmd->setting->key);
	rc = check_change(room, cmd->setting, ev, now, why);
	if (rc == 0)
		rc = model_apply(room, &ev->event, now);
	return rc;
}

/* Replaces *field by a copy of text. */
static int
set_text(char **field, const char *text)
{
	char *copy = strdup(text);

	if (copy == NULL)
		return -ENOMEM;
	free(*field);
	*field = copy;
	return 0;
}

static int
apply_clock(struct model_room *room, const Aandeslag__StepClock *w,
            uint32_t step, int64_t now)
{
	struct clock c;

	if (w == NULL || w->step != step || clock_from_wire(&c, w, now) < 0)
		return -EPROTO;
	if (step != room->current_step &&
	    c.state == AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
		return -EPROTO;
	room->clocks[step - 1] = c;
	return 0;
}

int
settings_apply(struct model_room *room, const Aandeslag__Event *ev,
               int64_t now)
{
	const Aandeslag__SettingChanged *sc = ev->setting;
	const Aandeslag__ChangeSetting *ch;
	struct model_settings *s = &room->settings;
	uint32_t bits;

	if (sc == NULL || (ch = sc->setting) == NULL)
		return -EPROTO;
	switch (ch->key) {
	case AANDESLAG__SETTING_KEY__SETTING_TITLE:
		if (!model_valid_text(ch->text, MODEL_TITLE_MAX, false))
			return -EPROTO;
		return set_text(&room->title, ch->text);
	case AANDESLAG__SETTING_KEY__SETTING_PROGRAMME:
	case AANDESLAG__SETTING_KEY__SETTING_QUALIFICATION:
	case AANDESLAG__SETTING_KEY__SETTING_REGION:
		if (!model_valid_text(ch->text, MODEL_SETTING_MAX, true))
			return -EPROTO;
		return set_text(ch->key == AANDESLAG__SETTING_KEY__SETTING_PROGRAMME ?
		                &s->programme :
		                ch->key == AANDESLAG__SETTING_KEY__SETTING_REGION ?
		                &s->region : &s->qualification, ch->text);
	case AANDESLAG__SETTING_KEY__SETTING_LEVELS:
		if (levels_bits(ch->numbers, ch->n_numbers, &bits) < 0)
			return -EPROTO;
		s->levels = bits;
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_STEP_MINUTES:
		if (ch->step < 1 || ch->step > STEPS_COUNT || sc->clock == NULL ||
		    ch->number < 1 || ch->number > MODEL_STEP_MINUTES_MAX ||
		    sc->clock->duration_ms !=
		    (int64_t)ch->number * CLOCK_MINUTE_MS)
			return -EPROTO;
		return apply_clock(room, sc->clock, ch->step, now);
	case AANDESLAG__SETTING_KEY__SETTING_VOTE_BUDGET:
		if (ch->number < 1 || ch->number > MODEL_VOTE_BUDGET_MAX)
			return -EPROTO;
		s->vote_budget = ch->number;
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_VOTES_HIDDEN:
		if (!ch->flag && s->votes_hidden) {
			int rc = votes_replace(room, sc->votes, sc->n_votes);

			if (rc < 0)
				return rc;
		}
		s->votes_hidden = ch->flag;
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_VOTE_STACKING:
		s->vote_stacking = ch->flag;
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_ANONYMOUS:
		s->anonymous = ch->flag;
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_TALK_ONLY:
		s->talk_only = ch->flag;
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_LOCKED:
		s->locked = ch->flag;
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_PASSWORD:
		s->password_set = ch->flag;
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_FOLLOW_UP:
		if (ch->text == NULL ||
		    (ch->text[0] != '\0' && dates_check_day(ch->text) < 0))
			return -EPROTO;
		strcpy(s->follow_up, ch->text);
		return 0;
	case AANDESLAG__SETTING_KEY__SETTING_FINISHED:
		if (!ch->flag || s->finished)
			return -EPROTO;
		if (sc->clock != NULL &&
		    apply_clock(room, sc->clock, room->current_step, now) < 0)
			return -EPROTO;
		s->finished = true;
		return 0;
	default:
		return -EPROTO;
	}
}

bool
settings_takes_newcomers(const struct model_room *room)
{
	return !room->settings.finished && !room->settings.locked;
}
