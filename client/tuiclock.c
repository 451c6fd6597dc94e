/* The full-screen client's clock: the warnings at 5 minutes, 1 minute
 * and zero, and the timer that redraws when the clock shows another
 * second and sleeps while no clock runs. */
#include "tuiclock.h"

#include <curses.h>

#include "clock.h"
#include "i18n.h"
#include "tuiws.h"

/* How long a clock warning stands out. */
#define FLASH_MS 3000

/* Gives each clock warning once per step: 5 minutes, 1 minute, time up.
 * Everyone sees it; only the chair's terminal rings, so that the room
 * hears one bell rather than seven. */
static void
check_warnings(struct tui *t)
{
	const struct model_room *room = &t->ui.net->room;
	const struct clock *c = &room->clocks[room->current_step - 1];
	int64_t left = clock_remaining(c, t->ui.now);
	struct ui *ui = &t->ui;
	const char *text = NULL;
	unsigned bit = 0;

	if (ui->warned_step != room->current_step || left > 5 * 60000) {
		ui->warned_step = room->current_step;
		ui->warned = 0;
	}
	if (c->state != AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
		return;
	if (left <= 0 && !(ui->warned & 4)) {
		bit = 7;
		text = _("De tijd voor deze stap is om.");
	} else if (left <= 60000 && left > 0 && !(ui->warned & 2)) {
		bit = 3;
		text = _("Nog 1 minuut voor deze stap.");
	} else if (left <= 5 * 60000 && left > 60000 && !(ui->warned & 1)) {
		bit = 1;
		text = _("Nog 5 minuten voor deze stap.");
	}
	if (text == NULL)
		return;
	ui->warned |= bit;
	ui->flash = true;
	tui_message(t, UI_MSG_WARNING, text);
	if (tui_is_chair(t))
		beep();
}

static void
on_flash_end(uv_timer_t *timer)
{
	struct tui *t = timer->data;

	t->ui.flash = false;
	tui_dirty(t);
}

/* A clock shows another second. The connection's heartbeat checks in
 * this wakeup first, so that it needs none of its own while a clock runs,
 * and a Ping it sends is answered while the screen is drawn. */
static void
on_tick(uv_timer_t *timer)
{
	struct tui *t = timer->data;

	if (t->ui.net != NULL)
		net_tick(t->ui.net);
	tui_dirty(t);
}

void
tuiclock_plan(struct tui *t)
{
	const struct model_room *room;
	const struct clock *c;
	int64_t left, wait;

	if (!t->ui.joined) {
		uv_timer_stop(&t->tick);
		return;
	}
	if (t->ui.net->in_workshop) {
		wait = tuiws_tick(t);
		if (wait < 0)
			uv_timer_stop(&t->tick);
		else
			uv_timer_start(&t->tick, on_tick, (uint64_t)wait + 5,
			               0);
		return;
	}
	room = &t->ui.net->room;
	c = &room->clocks[room->current_step - 1];
	if (c->state != AANDESLAG__CLOCK_STATE__CLOCK_RUNNING) {
		uv_timer_stop(&t->tick);
		return;
	}
	left = clock_remaining(c, t->ui.now);
	wait = left > 0 ? (left - 1) % 1000 + 1 : 1000 - (-left) % 1000;
	uv_timer_start(&t->tick, on_tick, (uint64_t)wait + 5, 0);
}

void
tuiclock_warn(struct tui *t)
{
	bool flashing = t->ui.flash;

	check_warnings(t);
	if (t->ui.flash && !flashing)
		uv_timer_start(&t->flash, on_flash_end, FLASH_MS, 0);
}
