/* The workshop part of the full-screen client (tuiws.h). It mirrors what
 * the line mode does in plainws.c, in the full screen's way: a status
 * that arrives only marks the screen for drawing (several a second on a
 * busy study day cost one draw each, and nothing is polled), commands
 * and their answers go to the message line, and the clocks tick through
 * tui.c's one timer. */
#include "tuiws.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "lang.h"
#include "items.h"
#include "keys.h"
#include "plenary.h"
#include "roompick.h"
#include "tui.h"
#include "viewparts.h"
#include "viewtext.h"
#include "wsparts.h"
#include "wsview.h"

/* Whether the current connection is a workshop's (a facilitator's or a
 * plenary projector's) and has joined it. */
static bool
in_workshop(const struct tui *t)
{
	return t->ui.joined && t->ui.net != NULL && t->ui.net->in_workshop;
}

/* Whether the help on the screen is the facilitator's: also before a
 * new workshop's facilitator has joined it. */
static bool
facilitator_help(const struct tui *t)
{
	return t->ui.screen == UI_HELP &&
	       (in_workshop(t) || t->opts.new_workshop != NULL);
}

static void
drop_rooms(struct ui *ui)
{
	items_free_msg(ui->rooms != NULL ? &ui->rooms->base : NULL);
	ui->rooms = NULL;
}

/* ------------------------------------------------------------ handlers */

void
tuiws_on_status(struct net *net, void *arg)
{
	(void)net;
	tui_dirty(arg);
}

void
tuiws_on_rooms(struct net *net, const Aandeslag__RoomList *list, void *arg)
{
	struct tui *t = arg;
	struct ui *ui = &t->ui;
	Aandeslag__RoomList *copy;
	bool same;

	copy = (Aandeslag__RoomList *)items_dup(&list->base);
	if (copy == NULL) {
		/* Without the list nobody can choose: let the server place
		 * us, as it would anyone without a preference. */
		net_choose_room(net, "");
		tui_message(t, UI_MSG_ERROR, strerror(ENOMEM));
		return;
	}
	/* A fresh list of the same study day (after a refused choice)
	 * keeps the cursor where it was. */
	same = ui->rooms != NULL && strcmp(ui->rooms->code, copy->code) == 0;
	drop_rooms(ui);
	ui->rooms = copy;
	if (!same || ui->room_choice > copy->n_rooms)
		ui->room_choice = copy->assigned <= copy->n_rooms ?
		                  copy->assigned : 0;
	ui->connecting = false;
	ui->screen = UI_ROOMS;
	tui_dirty(t);
}

void
tuiws_on_export_room(struct net *net, uint64_t request_id,
                     const Aandeslag__Snapshot *room, void *arg)
{
	struct tui *t = arg;

	if (wsexport_room(&t->ws.export, request_id, room, &net->content,
	                  net_now(net)) < 0) {
		tui_message(t, UI_MSG_ERROR,
		            _("Een groep van de export is onleesbaar."));
		wsexport_reset(&t->ws.export);
	}
}

void
tuiws_on_moved(struct net *net, void *arg)
{
	struct tui *t = arg;
	struct ui *ui = &t->ui;
	char text[UI_MESSAGE_SIZE];

	/* Another room, so another poster: from its team's step, and its
	 * clock warnings from the start. */
	ui->viewed_step = net->room.current_step;
	ui->follow_team = true;
	ui->scroll = 0;
	ui->warned = 0;
	ui->warned_step = net->room.current_step;
	snprintf(text, sizeof text,
	         _("De begeleider heeft je naar groep \"%s\" verplaatst."),
	         net->room.title);
	tui_message(t, UI_MSG_WARNING, text);
}

/* ------------------------------------------------------------- joining */

bool
tuiws_joined(struct tui *t, struct net *net)
{
	const char *title = net->workshop != NULL ? net->workshop->title : "";
	char text[UI_MESSAGE_SIZE], code[64], server[CLIENTCONF_HOST_SIZE + 16];

	drop_rooms(&t->ui);
	if (!net->in_workshop)
		return false;
	t->ui.screen = net->facilitator ? UI_WORKSHOP : UI_PLENARY;
	if (!net->facilitator) {
		/* The plenary has no message line to read it on. */
		tui_message(t, UI_MSG_NONE, "");
		return true;
	}
	wsparts_code(net->code, code, sizeof code);
	/* The facilitator's screen shows the code but not the server,
	 * which the colleagues need as well. */
	vp_address(&t->ui, server, sizeof server);
	if (net->facilitator_code[0] != '\0')
		/* Shown once: the server keeps only its hash. */
		snprintf(text, sizeof text,
		         _("De studiedag \"%s\" staat klaar; collega's doen mee met de code %s op server %s. Schrijf je begeleiderscode op: %s. Daarmee begeleid je verder, ook vanaf een andere laptop; hij wordt niet nog eens getoond."),
		         title, code, server, net->facilitator_code);
	else
		snprintf(text, sizeof text,
		         _("Je begeleidt \"%s\"; collega's doen mee met de code %s op server %s. Druk ? voor hulp."),
		         title, code, server);
	tui_message(t, UI_MSG_INFO, text);
	return true;
}

bool
tuiws_choose_again(struct tui *t, const struct refusal *why)
{
	const Aandeslag__RoomList *l = t->ui.rooms;
	char text[UI_MESSAGE_SIZE];

	if (t->ui.screen != UI_ROOMS || l == NULL)
		return false;
	switch (why->code) {
	case AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL:
		/* The general sentence speaks of a session and its chair;
		 * here it is a group of the day. */
		if (t->ui.room_choice >= 1 && t->ui.room_choice <= l->n_rooms)
			snprintf(text, sizeof text,
			         _("%s is net vol geraakt. Kies een andere groep, of geen voorkeur."),
			         l->rooms[t->ui.room_choice - 1]->name);
		else
			refusal_describe(why, text, sizeof text);
		break;
	case AANDESLAG__ERROR_CODE__ERROR_WORKSHOP_FULL:
	case AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_WORKSHOP_ROOM:
		refusal_describe(why, text, sizeof text);
		break;
	default:
		return false;
	}
	tui_message(t, UI_MSG_ERROR, text);
	return true;
}

/* ---------------------------------------------------------- answering */

/* Puts an accepted command of the facilitator in words; a report back
 * command needs none, its state is on the screen. */
static void
tell_accepted(struct tui *t)
{
	char text[UI_MESSAGE_SIZE];

	switch (t->ws.sent_op) {
	case AANDESLAG__WORKSHOP_COMMAND__OP_ANNOUNCE:
		tui_message(t, UI_MSG_INFO, t->ws.sent_empty ?
		            _("Het bericht is bij alle groepen weggehaald.") :
		            _("Het bericht staat nu bij alle groepen."));
		break;
	case AANDESLAG__WORKSHOP_COMMAND__OP_START_CLOCKS:
		tui_message(t, UI_MSG_INFO,
		            _("De klokken lopen, in elke groep die een voorzitter heeft."));
		break;
	case AANDESLAG__WORKSHOP_COMMAND__OP_MOVE:
		snprintf(text, sizeof text,
		         _("%s is verplaatst; de tabel laat de nieuwe groep zien."),
		         t->ws.sent_name);
		tui_message(t, UI_MSG_INFO, text);
		break;
	default:
		break;
	}
}

void
tuiws_answer(struct tui *t, struct net *net, uint64_t request_id,
             const struct refusal *why)
{
	char text[UI_MESSAGE_SIZE], msg[UI_MESSAGE_SIZE / 2];
	int rc;

	text[0] = '\0';
	if (why != NULL)
		refusal_describe(why, text, sizeof text);
	rc = wsexport_answer(&t->ws.export, request_id,
	                     why != NULL ? why->code : 0, net->workshop,
	                     net_now(net), msg, sizeof msg);
	if (rc > 0)
		keys_export_written(t, msg, sizeof msg);
	if (rc != 0) {
		if (text[0] != '\0')
			strncat(text, " ", sizeof text - strlen(text) - 1);
		strncat(text, msg, sizeof text - strlen(text) - 1);
		tui_message(t, rc < 0 ? UI_MSG_ERROR : UI_MSG_INFO, text);
		return;
	}
	if (why != NULL) {
		tui_message(t, UI_MSG_ERROR, text);
	} else if (request_id == t->ws.sent_id) {
		/* Only the last command is told: an earlier one's news is
		 * old by now. */
		tell_accepted(t);
	}
	if (request_id == t->ws.sent_id)
		t->ws.sent_id = 0;
}

/* ------------------------------------------------------------ commands */

void
tuiws_line(struct tui *t, char *line)
{
	struct ui *ui = &t->ui;
	struct net *net = ui->net;
	char error[WSCMD_ERROR_SIZE];
	struct wscmd cmd;
	uint64_t id = 0;
	int rc;

	if (wscmd_parse(line, net->workshop, &cmd, error) < 0) {
		tui_message(t, UI_MSG_ERROR, error);
		return;
	}
	switch (cmd.kind) {
	case WSCMD_EMPTY:
		return;
	case WSCMD_SHOW:
		/* The screen shows the rooms already: back to it. */
		ui->screen = UI_WORKSHOP;
		tui_dirty(t);
		return;
	case WSCMD_HELP:
		ui->screen = UI_HELP;
		ui->scroll = 0;
		tui_dirty(t);
		return;
	case WSCMD_QUIT:
		tui_quit(t, 0);
		return;
	case WSCMD_LANG:
		keys_language(t, cmd.lang);
		return;
	case WSCMD_EXPORT:
		/* One export at a time: the rooms of the next would mix with
		 * those of the one on its way. */
		if (t->ws.export.request_id != 0) {
			tui_message(t, UI_MSG_ERROR,
			            _("Er loopt al een export; probeer het zo opnieuw."));
			return;
		}
		break;
	case WSCMD_REMOTE:
		break;
	}
	rc = net_send_workshop(net, &cmd.command, &id);
	if (rc == -EMSGSIZE) {
		tui_message(t, UI_MSG_ERROR,
		            _("Dat is te lang om te versturen."));
		return;
	}
	if (rc < 0) {
		/* Only the facilitator's screen has a command line, so it is
		 * the connection that is missing. */
		tui_message(t, UI_MSG_ERROR,
		            _("Er is geen verbinding met de server."));
		return;
	}
	if (cmd.kind == WSCMD_EXPORT) {
		char place[4096];
		const char *path = keys_export_target(t, cmd.export_path,
		                                      place, sizeof place);

		if (path == NULL)
			return;
		if (wsexport_begin(&t->ws.export, id, cmd.export_format,
		                   path) < 0)
			tui_message(t, UI_MSG_ERROR, strerror(ENAMETOOLONG));
		else
			tui_message(t, UI_MSG_INFO,
			            _("De groepen worden opgehaald voor de export."));
		return;
	}
	t->ws.sent_id = id;
	t->ws.sent_op = (int)cmd.command.op_case;
	t->ws.sent_empty = cmd.command.op_case ==
	                   AANDESLAG__WORKSHOP_COMMAND__OP_ANNOUNCE &&
	                   (cmd.announce.text == NULL ||
	                    cmd.announce.text[0] == '\0');
	snprintf(t->ws.sent_name, sizeof t->ws.sent_name, "%s", cmd.name);
	if (net_reconnecting(net))
		tui_message(t, UI_MSG_WARNING, _("Bewaard: gaat mee zodra de verbinding terug is."));
	else
		tui_message(t, UI_MSG_NONE, "");
}

/* ---------------------------------------------------------------- keys */

/* Joins the group choice (0: no preference) of the picker's list. */
static void
choose(struct tui *t, unsigned choice)
{
	const Aandeslag__RoomList *l = t->ui.rooms;
	struct net *net = t->ui.net;
	char text[UI_MESSAGE_SIZE];

	/* A choice on its way is answered first. */
	if (net->chosen && net->state == NET_JOINING)
		return;
	t->ui.room_choice = choice;
	tui_dirty(t);
	/* By code: a group's name could be another's number. */
	if (net_choose_room(net, choice > 0 ? l->rooms[choice - 1]->code :
	                    "") < 0) {
		tui_message(t, UI_MSG_WARNING,
		            _("Een ogenblik: de lijst met groepen wordt bijgewerkt."));
		return;
	}
	if (choice > 0)
		snprintf(text, sizeof text, _("Meedoen met %s%s"),
		         l->rooms[choice - 1]->name, vt_glyphs()->ellipsis);
	else
		snprintf(text, sizeof text, "%s%s", _("Meedoen"),
		         vt_glyphs()->ellipsis);
	tui_message(t, UI_MSG_INFO, text);
}

static void
key_rooms(struct tui *t, int type, wint_t key)
{
	struct ui *ui = &t->ui;
	/* The rows are the choices: 0 no preference, then the groups. */
	unsigned n = ui->rooms != NULL ? (unsigned)ui->rooms->n_rooms : 0;
	unsigned row = ui->room_choice <= n ? ui->room_choice : 0;
	bool up = (type == KEY_CODE_YES && key == KEY_UP) ||
	          (type == OK && key == 'k');
	bool down = (type == KEY_CODE_YES && key == KEY_DOWN) ||
	            (type == OK && key == 'j');

	if (type == OK && (key == 27 || key == 'q')) {
		tui_quit(t, 0);
		return;
	}
	if (n == 0)
		return;
	if (keys_is_enter(type, key)) {
		choose(t, row);
		return;
	}
	/* A digit chooses at once; groups past 9 are chosen with Enter. */
	if (type == OK && key >= '0' && key <= '9') {
		if ((unsigned)(key - '0') <= n)
			choose(t, (unsigned)(key - '0'));
		return;
	}
	if (up && row > 0)
		row--;
	else if (down && row < n)
		row++;
	else if (type == KEY_CODE_YES && key == KEY_HOME)
		row = 0;
	else if (type == KEY_CODE_YES && key == KEY_END)
		row = n;
	else
		return;
	ui->room_choice = row;
	tui_dirty(t);
}

static void
key_workshop(struct tui *t, int type, wint_t key)
{
	struct ui *ui = &t->ui;
	const char *line;
	char run_line[64];
	bool run;

	if (type != OK)
		return;
	line = wsview_key_line((int)key, &run);
	if (line != NULL && run) {
		snprintf(run_line, sizeof run_line, "%s", line);
		tuiws_line(t, run_line);
	} else if (line != NULL) {
		keys_prompt(t, line);
	} else if (key == ':') {
		keys_prompt(t, "");
	} else if (key == '?') {
		ui->screen = UI_HELP;
		ui->scroll = 0;
		tui_dirty(t);
	} else if (key == 'q') {
		tui_quit(t, 0);
	}
}

static void
key_help(struct tui *t, int type, wint_t key)
{
	if (type == KEY_CODE_YES) {
		switch (key) {
		case KEY_UP: keys_scroll(t, -1); return;
		case KEY_DOWN: keys_scroll(t, 1); return;
		case KEY_PPAGE: keys_scroll(t, -(LINES - 6)); return;
		case KEY_NPAGE: keys_scroll(t, LINES - 6); return;
		default: return;
		}
	}
	if (key == 27 || key == '?' || key == 'q') {
		t->ui.screen = UI_WORKSHOP;
		t->ui.scroll = 0;
		tui_dirty(t);
	}
}

bool
tuiws_key(struct tui *t, int type, wint_t key)
{
	switch (t->ui.screen) {
	case UI_ROOMS:
		key_rooms(t, type, key);
		return true;
	case UI_WORKSHOP:
		key_workshop(t, type, key);
		return true;
	case UI_PLENARY:
		/* Read-only: a key pressed by accident changes nothing. */
		if (type == OK && key == 'q')
			tui_quit(t, 0);
		return true;
	case UI_HELP:
		if (!facilitator_help(t))
			return false;
		key_help(t, type, key);
		return true;
	default:
		return false;
	}
}

/* ------------------------------------------------------------- drawing */

bool
tuiws_draw(struct tui *t)
{
	struct ui *ui = &t->ui;
	struct net *net = ui->net;
	bool ws_net = in_workshop(t);
	const Aandeslag__WorkshopStatus *ws = ws_net ? net->workshop : NULL;
	const struct content *content = ws_net ? &net->content : NULL;
	int64_t age = ws != NULL ? ui->now - net->workshop_at : 0;

	switch (ui->screen) {
	case UI_ROOMS:
		roompick_draw(stdscr, ui);
		return true;
	case UI_PLENARY:
		plenary_draw(stdscr, ui, ws, age, content);
		return true;
	case UI_HELP:
		if (!facilitator_help(t))
			return false;
		wsview_draw(stdscr, ui, ws, age, content);
		return true;
	case UI_WORKSHOP:
		wsview_draw(stdscr, ui, ws, age, content);
		return true;
	default:
		return false;
	}
}

/* Returns in how many ms clock c (of a status age ms old) shows another
 * second, or -1 when it does not run. */
static int64_t
next_second(const Aandeslag__StepClock *c, int64_t age)
{
	struct wsparts_time tm;
	int64_t left;

	wsparts_time(c, false, age, &tm);
	if (!tm.valid || tm.state != AANDESLAG__CLOCK_STATE__CLOCK_RUNNING)
		return -1;
	left = tm.remaining_ms;
	/* The clock shows whole seconds rounded up, and counts up in
	 * overtime: wake when that number changes. */
	return left > 0 ? (left - 1) % 1000 + 1 : 1000 - (-left) % 1000;
}

int64_t
tuiws_tick(const struct tui *t)
{
	const struct net *net = t->ui.net;
	const Aandeslag__WorkshopStatus *ws;
	int phase;
	int64_t age, wait;
	size_t i;

	if (!in_workshop(t) || net->workshop == NULL)
		return -1;
	ws = net->workshop;
	age = t->ui.now - net->workshop_at;
	phase = ws->report != NULL ? (int)ws->report->phase :
	        AANDESLAG__REPORT_PHASE__REPORT_NONE;
	/* One clock sets the pace, so that the screen wakes once a second
	 * however many clocks run: the report back's turn first, which the
	 * hall watches. */
	if (phase != AANDESLAG__REPORT_PHASE__REPORT_NONE &&
	    ws->report->clock != NULL) {
		wait = next_second(ws->report->clock, age);
		if (wait >= 0)
			return wait;
	}
	/* The plenary shows the rooms' clocks only while it waits. */
	if (!net->facilitator && phase != AANDESLAG__REPORT_PHASE__REPORT_NONE)
		return -1;
	for (i = 0; i < ws->n_rooms; i++) {
		if (ws->rooms[i]->finished)
			continue;
		wait = next_second(ws->rooms[i]->clock, age);
		if (wait >= 0)
			return wait;
	}
	return -1;
}

void
tuiws_free(struct tui *t)
{
	drop_rooms(&t->ui);
	wsexport_reset(&t->ws.export);
}
