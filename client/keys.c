/* Keys and the command line of the full-screen client: what a key does
 * on the join form, on the poster, in help and while typing. Keys change
 * state and mark the screen dirty; they never draw. */
#include "keys.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "lang.h"
#include "poster.h"
#include "saveas.h"
#include "strbuf.h"
#include "tuiws.h"
#include "view.h"

/* ------------------------------------------------------------ commands */

static void
run_line(struct tui *t, char *line)
{
	struct ui *ui = &t->ui;
	struct net *net = ui->net;
	char error[CMD_ERROR_SIZE];
	struct refusal why;
	struct cmd cmd;
	int rc;

	if (cmd_parse(line, ui->joined ? &net->room : NULL,
	              ui->joined ? net->self_id : 0, &cmd, error) < 0) {
		tui_message(t, UI_MSG_ERROR, error);
		return;
	}
	switch (cmd.kind) {
	case CMD_EMPTY:
		return;
	case CMD_HELP:
		ui->screen = UI_HELP;
		ui->scroll = 0;
		break;
	case CMD_SHOW:
		ui->viewed_step = net->room.current_step;
		ui->follow_team = true;
		break;
	case CMD_CARD:
		ui->viewed_step = cmd.card_step ? cmd.card_step :
		                  net->room.current_step;
		ui->follow_team = ui->viewed_step == net->room.current_step;
		break;
	case CMD_MODEL:
		ui->viewed_step = 3;
		ui->follow_team = net->room.current_step == 3;
		break;
	case CMD_UNCOVERED:
	case CMD_CATALOGUE:
		ui->viewed_step = 4;
		ui->follow_team = net->room.current_step == 4;
		break;
	case CMD_WHO:
	case CMD_SETTINGS: {
		struct strbuf out = { 0 };

		if (cmd.kind == CMD_WHO)
			poster_who(&net->room, net->self_id, &out);
		else
			poster_settings(&net->room, &out);
		tui_message(t, UI_MSG_INFO, strbuf_str(&out));
		strbuf_free(&out);
		return;
	}
	case CMD_LANG:
		keys_language(t, cmd.lang);
		return;
	case CMD_EXPORT: {
		char msg[UI_MESSAGE_SIZE], place[4096];
		const char *path = keys_export_target(t, cmd.export_path,
		                                      place, sizeof place);

		if (path == NULL)
			return;
		rc = saveas_write(&net->room, cmd.export_format, path,
		                  net_now(net), msg, sizeof msg);
		if (rc == 0)
			keys_export_written(t, msg, sizeof msg);
		tui_message(t, rc < 0 ? UI_MSG_ERROR : UI_MSG_INFO, msg);
		return;
	}
	case CMD_REMOTE:
		rc = net_send(net, &cmd.command, NULL);
		if (rc == -EMSGSIZE) {
			refusal_set_num(&why, AANDESLAG__ERROR_CODE__ERROR_TEXT_TOO_LONG,
			                MODEL_NOTE_MAX);
			refusal_describe(&why, error, sizeof error);
			tui_message(t, UI_MSG_ERROR, error);
		} else if (rc == -ENOBUFS) {
			tui_message(t, UI_MSG_ERROR, _("Er wachten al te veel opdrachten op de server; probeer het zo opnieuw."));
		} else if (rc < 0) {
			tui_message(t, UI_MSG_ERROR, _("Er is geen verbinding met de server."));
		} else if (cmd.command.op_case == AANDESLAG__COMMAND__OP_LEAVE) {
			t->leaving = true;
		} else if (net_reconnecting(net)) {
			tui_message(t, UI_MSG_WARNING, _("Bewaard: gaat mee zodra de verbinding terug is."));
		} else {
			tui_message(t, UI_MSG_NONE, "");
		}
		return;
	default:
		return;
	}
	ui->scroll = 0;
	tui_dirty(t);
}

const char *
keys_export_target(struct tui *t, const char *wanted, char *path, size_t size)
{
	char msg[UI_MESSAGE_SIZE];
	int rc;

	if (t->opts.downloads == NULL)
		return wanted;
	rc = sshgate_export(t->opts.downloads, wanted, path, size, t->fetch);
	if (rc < 0) {
		snprintf(msg, sizeof msg, _("Kon de export niet klaarzetten: %s"),
		         strerror(-rc));
		tui_message(t, UI_MSG_ERROR, msg);
		return NULL;
	}
	return path;
}

void
keys_export_written(struct tui *t, char *msg, size_t size)
{
	if (t->opts.downloads != NULL)
		snprintf(msg, size, _("Klaar. Haal het op met, op je eigen laptop (Windows 10: zonder -O): %s"),
		         t->fetch);
}

void
keys_prompt(struct tui *t, const char *start)
{
	t->ui.typing = true;
	editline_set(&t->ui.line, start);
	tui_dirty(t);
}

/* The chair's space bar: start, pause or resume the step's clock. */
static void
toggle_clock(struct tui *t)
{
	const struct model_room *room = &t->ui.net->room;
	int state = room->clocks[room->current_step - 1].state;
	char line[16];

	snprintf(line, sizeof line, "%s",
	         state == AANDESLAG__CLOCK_STATE__CLOCK_RUNNING ? "pause" :
	         state == AANDESLAG__CLOCK_STATE__CLOCK_PAUSED ? "resume" :
	         "start");
	run_line(t, line);
}

/* ---------------------------------------------------------------- keys */

void
keys_language(struct tui *t, const char *lang)
{
	char text[128];

	if (!lang_apply(lang)) {
		tui_message(t, UI_MSG_ERROR, lang_unavailable());
		return;
	}
	snprintf(text, sizeof text, _("Taal: %s"), lang_name());
	tui_message(t, UI_MSG_INFO, text);
}

/* Edits a line with a key; returns true when the key was for the line. */
static bool
edit_key(struct editline *e, int type, wint_t key)
{
	if (type == OK && key >= 0x20 && key != 0x7f)
		return editline_insert(e, (wchar_t)key), true;
	switch (key) {
	case KEY_LEFT: editline_left(e); return true;
	case KEY_RIGHT: editline_right(e); return true;
	case KEY_HOME: case 1: editline_home(e); return true;
	case KEY_END: case 5: editline_end(e); return true;
	case KEY_BACKSPACE: case 0x7f: case 8: editline_backspace(e); return true;
	case KEY_DC: case 4: editline_delete(e); return true;
	case 11: editline_kill_end(e); return true;
	case 21: editline_home(e); editline_kill_end(e); return true;
	case 23: editline_kill_word(e); return true;
	default: return false;
	}
}

bool
keys_is_enter(int type, wint_t key)
{
	return (type == OK && (key == '\r' || key == '\n')) ||
	       (type == KEY_CODE_YES && key == KEY_ENTER);
}

static void
key_typing(struct tui *t, int type, wint_t key)
{
	struct ui *ui = &t->ui;
	char line[EDITLINE_MAX + 1];

	if (keys_is_enter(type, key)) {
		ui->typing = false;
		memcpy(line, ui->line.text, ui->line.len + 1);
		editline_clear(&ui->line);
		/* The facilitator's screen speaks the workshop's commands,
		 * also while it waits for the workshop. */
		if (ui->screen == UI_WORKSHOP ||
		    (ui->joined && ui->net->in_workshop))
			tuiws_line(t, line);
		else
			run_line(t, line);
	} else if (type == OK && key == 27) {
		ui->typing = false;
		editline_clear(&ui->line);
	} else {
		edit_key(&ui->line, type, key);
	}
	tui_dirty(t);
}

static void
key_join(struct tui *t, int type, wint_t key)
{
	struct ui *ui = &t->ui;
	/* The password's field is there once the server asked for it. */
	unsigned n = ui->ask_password ? UI_FIELDS : UI_FIELD_PASSWORD;

	if (ui->connecting)
		return;
	if (keys_is_enter(type, key)) {
		if (ui->field + 1 < n) {
			ui->field++;
			if (ui->join[ui->field].len == 0) {
				tui_dirty(t);
				return;
			}
		}
		tui_submit_join(t);
	} else if ((type == OK && key == '\t') ||
	           (type == KEY_CODE_YES && key == KEY_DOWN)) {
		ui->field = (ui->field + 1) % n;
		/* Behind SSH the server is the account's: not to be changed. */
		if (ui->field == UI_FIELD_SERVER && t->opts.downloads != NULL)
			ui->field++;
	} else if ((type == KEY_CODE_YES && (key == KEY_BTAB || key == KEY_UP))) {
		ui->field = (ui->field + n - 1) % n;
		if (ui->field == UI_FIELD_SERVER && t->opts.downloads != NULL)
			ui->field = n - 1;
	} else if (type == OK && key == 27) {
		tui_quit(t, 0);
		return;
	} else {
		edit_key(&ui->join[ui->field], type, key);
	}
	tui_dirty(t);
}

static void
view_step(struct tui *t, unsigned step)
{
	struct ui *ui = &t->ui;

	if (step < 1 || step > STEPS_COUNT)
		return;
	ui->viewed_step = step;
	ui->follow_team = ui->joined && step == ui->net->room.current_step;
	ui->scroll = 0;
	tui_dirty(t);
}

void
keys_scroll(struct tui *t, int lines)
{
	struct ui *ui = &t->ui;
	/* The page shows about LINES - 6 rows: scrolling stops when its end
	 * is on the screen, so that going back up answers at once. */
	int most = ui->page_lines - (LINES - 6);

	ui->scroll += lines;
	if (ui->scroll > most)
		ui->scroll = most;
	if (ui->scroll < 0)
		ui->scroll = 0;
	tui_dirty(t);
}

static void
key_mouse(struct tui *t)
{
	MEVENT m;
	unsigned step;

	if (getmouse(&m) != OK)
		return;
	if (m.bstate & BUTTON4_PRESSED) {
		keys_scroll(t, -3);
		return;
	}
#ifdef BUTTON5_PRESSED
	if (m.bstate & BUTTON5_PRESSED) {
		keys_scroll(t, 3);
		return;
	}
#endif
	step = view_step_at(&t->ui, m.y, m.x, COLS);
	if (step != 0)
		view_step(t, step);
}

static void
key_poster(struct tui *t, int type, wint_t key)
{
	struct ui *ui = &t->ui;
	unsigned team = ui->joined ? ui->net->room.current_step : 1;
	bool chair = tui_is_chair(t);

	if (type == KEY_CODE_YES) {
		switch (key) {
		case KEY_LEFT: view_step(t, ui->viewed_step - 1); return;
		case KEY_RIGHT: view_step(t, ui->viewed_step + 1); return;
		case KEY_UP: keys_scroll(t, -1); return;
		case KEY_DOWN: keys_scroll(t, 1); return;
		case KEY_PPAGE: keys_scroll(t, -(LINES - 6)); return;
		case KEY_NPAGE: keys_scroll(t, LINES - 6); return;
		case KEY_HOME: ui->scroll = 0; tui_dirty(t); return;
		case KEY_END: keys_scroll(t, ui->page_lines); return;
		case KEY_MOUSE: key_mouse(t); return;
		default: return;
		}
	}
	if (ui->screen == UI_HELP) {
		if (key == 27 || key == '?' || key == 'q')
			ui->screen = t->opts.viewer ? UI_PROJECTOR : UI_POSTER;
		ui->scroll = 0;
		tui_dirty(t);
		return;
	}
	if (ui->screen == UI_PROJECTOR) {
		if (key == 'q')
			tui_quit(t, 0);
		return;
	}
	switch (key) {
	case '1': case '2': case '3': case '4': case '5':
		view_step(t, (unsigned)(key - '0'));
		break;
	case 't':
		view_step(t, team);
		break;
	case '?':
		ui->screen = UI_HELP;
		ui->scroll = 0;
		break;
	case ':': keys_prompt(t, ""); break;
	case 'n':
		/* A note goes to the step on screen, which need not be the
		 * team's. */
		if (ui->viewed_step != team) {
			char start[32];

			snprintf(start, sizeof start, "note --step %u ",
			         ui->viewed_step);
			keys_prompt(t, start);
		} else {
			keys_prompt(t, "note ");
		}
		break;
	case 'v': keys_prompt(t, "vote "); break;
	case 'a': keys_prompt(t, "activity add "); break;
	case 'x': keys_prompt(t, "action add "); break;
	case 'c': keys_prompt(t, "claim "); break;
	case 'b':
		/* The command word in the reader's language (both work). */
		keys_prompt(t, strcmp(lang_current(), LANG_ENGLISH) == 0 ?
		            "finding " : "bevinding ");
		break;
	case 'm': if (chair) keys_prompt(t, "mark "); break;
	case ' ': if (chair) toggle_clock(t); break;
	case '>': if (chair) run_line(t, (char[]){ "next" }); break;
	case '<': if (chair) run_line(t, (char[]){ "prev" }); break;
	case '+': if (chair) run_line(t, (char[]){ "extend 1" }); break;
	case '-': if (chair) run_line(t, (char[]){ "shorten 1" }); break;
	case 'q': tui_quit(t, 0); return;
	default: break;
	}
	tui_dirty(t);
}

/* Text between the paste markers goes into the line as text: a pasted
 * line break must not send a half-typed command. */
static void
paste_char(struct tui *t, wint_t key)
{
	struct editline *e = t->ui.screen == UI_JOIN ?
	                     &t->ui.join[t->ui.field] : &t->ui.line;
	char bytes[MB_LEN_MAX];
	mbstate_t state;
	size_t n;

	if (t->ui.screen != UI_JOIN && !t->ui.typing) {
		t->ui.typing = true;
		editline_clear(&t->ui.line);
	}
	memset(&state, 0, sizeof state);
	n = wcrtomb(bytes, (wchar_t)key, &state);
	if (n != (size_t)-1)
		editline_paste(e, bytes, n);
	tui_dirty(t);
}

void
keys_handle(struct tui *t, int type, wint_t key)
{
	if (type == KEY_CODE_YES && key == KEYS_PASTE_START) {
		t->pasting = true;
		return;
	}
	if (type == KEY_CODE_YES && key == KEYS_PASTE_END) {
		t->pasting = false;
		return;
	}
	if (t->pasting && type == OK) {
		/* The picker and the plenary have no line to paste into. */
		if (t->ui.screen != UI_ROOMS && t->ui.screen != UI_PLENARY)
			paste_char(t, key);
		return;
	}
	if (type == KEY_CODE_YES && key == KEY_RESIZE) {
		tui_dirty(t);
		return;
	}
	if ((type == KEY_CODE_YES && key == KEY_F(2)) ||
	    (type == OK && key == 'L' && t->ui.screen != UI_JOIN &&
	     !t->ui.typing)) {
		keys_language(t, strcmp(lang_current(), LANG_ENGLISH) == 0 ?
		              LANG_DUTCH : LANG_ENGLISH);
		return;
	}
	if (t->ui.screen == UI_JOIN)
		key_join(t, type, key);
	else if (t->ui.typing)
		key_typing(t, type, key);
	else if (!tuiws_key(t, type, key))
		key_poster(t, type, key);
}


