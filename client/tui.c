/* The full-screen client's loop. One libuv loop drives everything: the
 * server connection, keys (stdin through uv_poll, drained with wget_wch),
 * signals (resize, suspend, quit) and a timer for the clock that runs only
 * while a clock runs. Keys change state and mark the screen dirty; the
 * screen is drawn once per loop turn, from a uv_prepare_t, when dirty. */
#include "tui.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "clientconf.h"
#include "cmd.h"
#include "i18n.h"
#include "net_describe.h"
#include "keys.h"
#include "poster.h"
#include "projector.h"
#include "strbuf.h"
#include "trust.h"
#include "tuiclock.h"
#include "ui.h"
#include "view.h"
#include "viewtext.h"

/* How long a clock warning stands out in the header. */


static struct tui *active;

static void connect_now(struct tui *t);

void
tui_dirty(struct tui *t)
{
	t->dirty = true;
}

void
tui_message(struct tui *t, enum ui_message_kind kind, const char *text)
{
	t->ui.message_kind = kind;
	snprintf(t->ui.message, sizeof t->ui.message, "%s", text);
	tui_dirty(t);
}

bool
tui_is_chair(const struct tui *t)
{
	const struct net *n = t->ui.net;

	return t->ui.joined && n->self_id != 0 &&
	       model_chair(&n->room) == n->self_id;
}

/* Gives the terminal back as it was; safe to call more than once, also
 * from atexit() after an error. */
static void
restore_terminal(void)
{
	if (active == NULL || !active->curses)
		return;
	active->curses = false;
	/* Bracketed paste off again, then curses' own reset. */
	fputs("\033[?2004l", active->term_out);
	fflush(active->term_out);
	endwin();
}

static void
on_closed_handle(uv_handle_t *h)
{
	(void)h;
}

void
tui_quit(struct tui *t, int code)
{
	size_t i;

	if (t->done)
		return;
	t->done = true;
	t->exit_code = code;
	for (i = 0; i < t->nnets; i++)
		net_close(t->nets[i]);
	discover_close(&t->disc);
	uv_poll_stop(&t->input);
	uv_close((uv_handle_t *)&t->input, on_closed_handle);
	uv_close((uv_handle_t *)&t->sigwinch, on_closed_handle);
	uv_close((uv_handle_t *)&t->sigtstp, on_closed_handle);
	uv_close((uv_handle_t *)&t->sigint, on_closed_handle);
	uv_close((uv_handle_t *)&t->sigterm, on_closed_handle);
	uv_close((uv_handle_t *)&t->sighup, on_closed_handle);
	uv_close((uv_handle_t *)&t->draw, on_closed_handle);
	uv_close((uv_handle_t *)&t->tick, on_closed_handle);
	uv_close((uv_handle_t *)&t->flash, on_closed_handle);
	restore_terminal();
}

/* ---------------------------------------------------------- connection */

static bool
is_loopback(const char *host)
{
	return strcmp(host, "localhost") == 0 || strncmp(host, "127.", 4) == 0 ||
	       strcmp(host, "::1") == 0;
}

/* Adds to the welcome what a colleague should know of the connection:
 * the fingerprint to compare on a first connection to this server (and
 * for the chair, to read aloud), or that nothing is encrypted. */
static void
tls_note(const struct net *net, char *text, size_t size)
{
	size_t len = strlen(text);

	if (net->tls_fingerprint[0] == '\0')
		snprintf(text + len, size - len, " %s",
		         _("Let op: de verbinding is niet versleuteld."));
	else if (net->tls_trust == TRUST_NEW)
		snprintf(text + len, size - len,
		         _(" Eerste verbinding met deze server: vergelijk de vingerafdruk %s met die op de beamer of bij de voorzitter."),
		         net->tls_fingerprint);
	else if (net->chair_code[0] != '\0')
		/* The chair of a new room reads it aloud for colleagues
		 * who see the server for the first time. */
		snprintf(text + len, size - len,
		         _(" Vingerafdruk van de server, voor wie hem voor het eerst ziet: %s."),
		         net->tls_fingerprint);
}

static void
on_joined(struct net *net, void *arg)
{
	struct tui *t = arg;
	char text[UI_MESSAGE_SIZE];

	t->ui.joined = true;
	t->ui.connected = true;
	t->ui.connecting = false;
	t->ui.net = net;
	t->ui.scroll = 0;
	/* A server found on the LAN is found again next time, also when it
	 * moved; only one that was given or typed is remembered. */
	if (t->found[0] == '\0')
		clientconf_remember(t->host, t->port);
	/* On the server's own computer we connected by loopback, which
	 * nobody else can use: read aloud the address the server gave. */
	if (net->server_address[0] != '\0' && is_loopback(t->host)) {
		int port = t->port;

		if (clientconf_split(net->server_address, t->shown_host,
		                     &port) == 0) {
			t->ui.host = t->shown_host;
			t->ui.port = port;
		}
	}
	(void)sshgate_join_line(net->ssh_account, net->server_address,
	                        t->host, t->ui.ssh_join, sizeof t->ui.ssh_join);
	t->ui.ssh_fingerprint = net->ssh_fingerprint;
	t->ui.tls_fingerprint = net->tls_fingerprint;
	if (tuiws_joined(t, net))
		return;
	t->ui.viewed_step = net->room.current_step;
	t->ui.follow_team = true;
	t->ui.screen = t->opts.viewer ? UI_PROJECTOR : UI_POSTER;
	if (net->chair_code[0] != '\0')
		snprintf(text, sizeof text,
		         _("Welkom bij \"%s\". De code om mee te doen is %s. Schrijf je voorzitterscode op: %s. Daarmee word je weer voorzitter vanaf een andere laptop; hij wordt niet nog eens getoond."),
		         net->room.title, net->room.code, net->chair_code);
	else
		snprintf(text, sizeof text,
		         _("Welkom bij \"%s\". De code om mee te doen is %s. Druk ? voor hulp."),
		         net->room.title, net->room.code);
	tls_note(net, text, sizeof text);
	tui_message(t, UI_MSG_INFO, text);
}

/* Writes into out who took the chair while we were away, or "". */
static void
chair_taken(const struct net *net, char *out, size_t size)
{
	const struct model_participant *p =
		model_participant(&net->room, net->chair_taken_by);

	out[0] = '\0';
	if (net->chair_taken_by != 0)
		snprintf(out, size, _("Terwijl je weg was, heeft %s het voorzitterschap overgenomen."),
		         p != NULL ? p->name : "?");
}

static void
on_applied(struct net *net, const Aandeslag__Event *ev, void *arg)
{
	struct tui *t = arg;
	char text[UI_MESSAGE_SIZE];

	/* A new message from the facilitator is also said in full on the
	 * message line: under the header a long one is cut. */
	if (ev->change_case == AANDESLAG__EVENT__CHANGE_ANNOUNCED &&
	    net->room.announcement[0] != '\0') {
		snprintf(text, sizeof text, _("Bericht van de begeleider: %s"),
		         net->room.announcement);
		tui_message(t, UI_MSG_WARNING, text);
	}
	if (t->ui.follow_team && t->ui.viewed_step != net->room.current_step) {
		t->ui.viewed_step = net->room.current_step;
		t->ui.scroll = 0;
	}
	tui_dirty(t);
}

static void
on_ack(struct net *net, uint64_t request_id, void *arg)
{
	struct tui *t = arg;

	if (net->in_workshop)
		tuiws_answer(t, net, request_id, NULL);
	if (t->leaving && net_pending(net) == 0)
		tui_quit(t, 0);
}

static void
on_refused(struct net *net, uint64_t request_id, const struct refusal *why,
           void *arg)
{
	struct tui *t = arg;
	char text[UI_MESSAGE_SIZE];

	if (net->in_workshop && net->state == NET_JOINED) {
		tuiws_answer(t, net, request_id, why);
		return;
	}
	refusal_describe(why, text, sizeof text);
	tui_message(t, UI_MSG_ERROR, text);
	if (net->state != NET_JOINED) {
		net_close(net);
		t->ui.connecting = false;
		/* The room has a password: ask for it, and join again. */
		if (why->code == AANDESLAG__ERROR_CODE__ERROR_PASSWORD_REQUIRED ||
		    why->code == AANDESLAG__ERROR_CODE__ERROR_BAD_PASSWORD) {
			t->ui.ask_password = true;
			t->ui.field = UI_FIELD_PASSWORD;
			editline_clear(&t->ui.join[UI_FIELD_PASSWORD]);
		}
		/* A group of a study day that filled up: choose again from a
		 * fresh list, which takes a new connection. */
		if (tuiws_choose_again(t, why)) {
			connect_now(t);
			return;
		}
		/* The join itself: back to the form, to fix the code or name. */
		t->ui.screen = UI_JOIN;
	}
}

/* The connection was lost and is being made again (the room stays on the
 * screen, typing goes on and commands wait), or it is back. */
static void
on_link(struct net *net, bool up, int err, const struct refusal *why,
        unsigned attempt, void *arg)
{
	struct tui *t = arg;
	const struct vt_glyphs *g = vt_glyphs();
	char text[UI_MESSAGE_SIZE];

	(void)err;
	(void)why;
	t->ui.connected = up;
	t->ui.reconnecting = !up;
	t->ui.attempt = attempt;
	if (!up) {
		snprintf(text, sizeof text,
		         _("Verbinding weg%sopnieuw verbinden%s (poging %u). Je kunt gewoon doorgaan: opdrachten gaan mee zodra de verbinding terug is."),
		         g->dash, g->ellipsis, attempt);
		tui_message(t, UI_MSG_WARNING, text);
		return;
	}
	/* The mirror is new: follow the team to where it is now. */
	if (!net->in_workshop && t->ui.follow_team &&
	    t->ui.viewed_step != net->room.current_step) {
		t->ui.viewed_step = net->room.current_step;
		t->ui.scroll = 0;
	}
	chair_taken(net, text, sizeof text);
	if (text[0] != '\0') {
		tui_message(t, UI_MSG_WARNING, text);
		return;
	}
	tui_message(t, UI_MSG_INFO, _("Weer verbonden."));
}

static void
on_closed(struct net *net, int err, const struct refusal *why, void *arg)
{
	struct tui *t = arg;
	char text[UI_MESSAGE_SIZE];

	if (t->ui.joined)
		net_describe_end(net, err, why, text, sizeof text);
	else if (why->code != AANDESLAG__ERROR_CODE__ERROR_NONE)
		refusal_describe(why, text, sizeof text);
	else if (err != 0)
		net_describe_error(&net->opts, err, text, sizeof text);
	else
		snprintf(text, sizeof text, "%s",
		         _("De verbinding met de server is verbroken."));
	tui_message(t, UI_MSG_ERROR, text);
	t->ui.connecting = false;
	t->ui.connected = false;
	t->ui.reconnecting = false;
	if (!t->ui.joined)
		t->ui.screen = t->opts.viewer && t->opts.code ? UI_PROJECTOR :
		               UI_JOIN;
}

static const struct net_handlers handlers = {
	.joined = on_joined,
	.applied = on_applied,
	.ack = on_ack,
	.refused = on_refused,
	.link = on_link,
	.closed = on_closed,
	.workshop = tuiws_on_status,
	.rooms = tuiws_on_rooms,
	.export_room = tuiws_on_export_room,
	.moved = tuiws_on_moved,
};

/* Connects with what the options and the join form say. */
static void
connect_now(struct tui *t)
{
	struct net_options o = { 0 };
	struct net *net;
	char text[UI_MESSAGE_SIZE];
	int rc;

	if (t->nnets == TUI_NETS_MAX) {
		tui_message(t, UI_MSG_ERROR, _("Te veel pogingen; start het programma opnieuw."));
		return;
	}
	net = calloc(1, sizeof *net);
	if (net == NULL)
		return;
	t->nets[t->nnets++] = net;
	o.host = t->host;
	o.port = t->port;
	o.name = t->ui.join[UI_FIELD_NAME].text;
	o.viewer = t->opts.viewer;
	o.reconnect_ms = t->opts.reconnect_ms;
	/* Behind SSH everyone shares one account: no seat file to share. */
	o.seat_file = t->opts.downloads == NULL;
	o.chair_code = t->opts.chair_code;
	o.password = t->ui.ask_password ? t->ui.join[UI_FIELD_PASSWORD].text :
	             t->opts.password;
	o.no_tls = t->opts.no_tls;
	o.fingerprint = t->opts.fingerprint;
	if (t->opts.new_workshop != NULL) {
		o.new_workshop = t->opts.new_workshop;
	} else if (t->opts.new_room != NULL) {
		o.new_room = t->opts.new_room;
	} else {
		/* The code may be a study day's: its groups to choose from
		 * come first, unless the group was given. */
		o.room = t->ui.join[UI_FIELD_CODE].text;
		o.workshop_room = t->opts.workshop_room;
		o.choose_room = t->opts.workshop_room == NULL;
	}
	t->ui.net = net;
	t->ui.connecting = true;
	rc = net_start(net, &t->loop, &o, &handlers, t);
	if (rc < 0) {
		t->ui.connecting = false;
		net_describe_error(&o, rc, text, sizeof text);
		tui_message(t, UI_MSG_ERROR, text);
		/* This name is open elsewhere: another name, or stop. */
		if (rc == UV_EBUSY) {
			t->ui.screen = UI_JOIN;
			t->ui.field = UI_FIELD_NAME;
		}
	}
	tui_dirty(t);
}

/* Takes the join form's fields and connects, or says what is missing. */
void
tui_submit_join(struct tui *t)
{
	struct ui *ui = &t->ui;

	if (t->found[0] != '\0' &&
	    strcmp(ui->join[UI_FIELD_SERVER].text, t->found) != 0)
		t->found[0] = '\0';
	if (clientconf_split(ui->join[UI_FIELD_SERVER].text, t->host,
	                     &t->port) < 0) {
		ui->field = UI_FIELD_SERVER;
		tui_message(t, UI_MSG_ERROR, _("Vul de server in, bijvoorbeeld 192.168.1.20 of server.school.nl:7557."));
		return;
	}
	if (t->opts.new_room == NULL && t->opts.new_workshop == NULL &&
	    ui->join[UI_FIELD_CODE].len == 0) {
		ui->field = UI_FIELD_CODE;
		tui_message(t, UI_MSG_ERROR, _("Vul de code van de werksessie in; de voorzitter heeft hem."));
		return;
	}
	if (!t->opts.viewer && ui->join[UI_FIELD_NAME].len == 0) {
		ui->field = UI_FIELD_NAME;
		tui_message(t, UI_MSG_ERROR, _("Vul je naam in, zoals de anderen je kennen."));
		return;
	}
	if (ui->ask_password && ui->join[UI_FIELD_PASSWORD].len == 0) {
		ui->field = UI_FIELD_PASSWORD;
		tui_message(t, UI_MSG_ERROR, _("Vul het wachtwoord van de werksessie in; de voorzitter heeft het."));
		return;
	}
	tui_message(t, UI_MSG_NONE, "");
	connect_now(t);
}

static void
on_input(uv_poll_t *handle, int status, int events)
{
	struct tui *t = handle->data;
	wint_t key;
	int type;

	(void)events;
	if (status < 0) {
		tui_quit(t, 0);
		return;
	}
	/* ncurses buffers keys: take every one that is there. */
	while (!t->done && (type = wget_wch(stdscr, &key)) != ERR)
		keys_handle(t, type, key);
}

/* -------------------------------------------------------------- screen */

static void
on_draw(uv_prepare_t *handle)
{
	struct tui *t = handle->data;
	bool cursor;

	if (!t->dirty || t->done)
		return;
	t->dirty = false;
	t->ui.now = t->ui.net ? net_now(t->ui.net) : 0;
	if (t->ui.joined && !t->ui.net->in_workshop)
		tuiclock_warn(t);
	/* A workshop's screens are tuiws.c's; the rest are a room's. */
	if (!tuiws_draw(t)) {
		if (t->ui.screen == UI_PROJECTOR && t->ui.joined)
			projector_draw(stdscr, &t->ui);
		else
			view_draw(stdscr, &t->ui);
	}
	cursor = t->ui.screen == UI_JOIN ||
	         (t->ui.typing && t->ui.screen != UI_PROJECTOR);
	curs_set(cursor ? 1 : 0);
	doupdate();
	tuiclock_plan(t);
}

/* Takes the terminal's size as it is now. uv_signal took SIGWINCH from
 * ncurses, so a resize is followed by hand. */
static void
follow_size(struct tui *t)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0 && (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE);
	tui_dirty(t);
}

static void
on_resize(uv_signal_t *handle, int signum)
{
	(void)signum;
	follow_size(handle->data);
}

static void
on_suspend(uv_signal_t *handle, int signum)
{
	struct tui *t = handle->data;

	(void)signum;
	/* Behind SSH there is no shell to come back from. */
	if (t->opts.downloads != NULL)
		return;
	fputs("\033[?2004l", t->term_out);
	fflush(t->term_out);
	endwin();
	/* Stop for real; we go on here when the shell continues us. */
	kill(getpid(), SIGSTOP);
	fputs("\033[?2004h", t->term_out);
	fflush(t->term_out);
	reset_prog_mode();
	/* endwin() turned the keypad off and ncurses turns it on again only
	 * in the next wget_wch(): too late for the first key, an arrow
	 * that would arrive as ESC [ B. */
	keypad(stdscr, TRUE);
	clearok(curscr, TRUE);
	tui_dirty(t);
}

static void
on_quit_signal(uv_signal_t *handle, int signum)
{
	(void)signum;
	tui_quit(handle->data, 0);
}

/* ---------------------------------------------------------------- setup */

/* Sends what goes to stderr into a log file while curses owns the
 * screen, so that no message lands in the middle of the poster. */
static void
log_to_file(void)
{
	char path[1024];
	int fd = -1;

	if (clientconf_state_file("client.log", path, sizeof path) == 0)
		fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0)
		fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (fd >= 0) {
		dup2(fd, STDERR_FILENO);
		close(fd);
	}
}

static int
start_curses(struct tui *t)
{
	const char *term = getenv("TERM");

	t->term_out = stdout;
	t->screen = newterm(NULL, stdout, stdin);
	if (t->screen == NULL) {
		fprintf(stderr, _("aandeslag: dit type terminal (TERM=%s) is onbekend. Gebruik aandeslag --plain, of zet TERM op bijvoorbeeld xterm-256color.\n"),
		        term ? term : "");
		return -EINVAL;
	}
	t->curses = true;
	active = t;
	atexit(restore_terminal);
	/* Until the first endwin(), ncurses (6.x) writes out what it has at
	 * every cursor move of doupdate(), for programs that use its
	 * cursor movement without curses: a redraw of the big clock took
	 * some twenty write()s, each waking the terminal, once a second.
	 * Leaving and entering curses mode once, before anything is drawn
	 * and before the modes below are set (endwin() turns the keypad
	 * off), makes every redraw a single write(). */
	endwin();
	doupdate();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	meta(stdscr, TRUE);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	          | BUTTON5_PRESSED
#endif
	          , NULL);
	define_key("\033[200~", KEYS_PASTE_START);
	define_key("\033[201~", KEYS_PASTE_END);
	t->ui.colour = has_colors() && getenv("NO_COLOR") == NULL;
	if (t->ui.colour) {
		start_color();
		use_default_colors();
	}
	view_colours(t->ui.colour);
	/* Ask the terminal to mark pasted text. */
	fputs("\033[?2004h", t->term_out);
	fflush(t->term_out);
	return 0;
}

static void
init_loop(struct tui *t)
{
	uv_loop_init(&t->loop);
	uv_poll_init(&t->loop, &t->input, STDIN_FILENO);
	t->input.data = t;
	uv_poll_start(&t->input, UV_READABLE, on_input);
	uv_signal_init(&t->loop, &t->sigwinch);
	uv_signal_init(&t->loop, &t->sigtstp);
	uv_signal_init(&t->loop, &t->sigint);
	uv_signal_init(&t->loop, &t->sigterm);
	uv_signal_init(&t->loop, &t->sighup);
	t->sigwinch.data = t->sigtstp.data = t->sigint.data = t;
	t->sigterm.data = t->sighup.data = t;
	uv_signal_start(&t->sigwinch, on_resize, SIGWINCH);
	uv_signal_start(&t->sigtstp, on_suspend, SIGTSTP);
	uv_signal_start(&t->sigint, on_quit_signal, SIGINT);
	uv_signal_start(&t->sigterm, on_quit_signal, SIGTERM);
	uv_signal_start(&t->sighup, on_quit_signal, SIGHUP);
	/* A resize between the start of curses and the watcher above went
	 * to nobody: look once. */
	if (t->curses)
		follow_size(t);
	uv_prepare_init(&t->loop, &t->draw);
	t->draw.data = t;
	uv_prepare_start(&t->draw, on_draw);
	uv_timer_init(&t->loop, &t->tick);
	uv_timer_init(&t->loop, &t->flash);
	t->tick.data = t->flash.data = t;
}

/* Writes host and port as the server field shows them. */
static void
server_text(const char *host, int port, char *out, size_t size)
{
	if (port == 7557)
		snprintf(out, size, "%s", host);
	else if (strchr(host, ':') != NULL)
		snprintf(out, size, "[%s]:%d", host, port);
	else
		snprintf(out, size, "%s:%d", host, port);
}

/* The search on the LAN is over: fills the server field (unless the user
 * typed one meanwhile) and, when all else was given and the server has
 * the code, joins at once. */
static void
on_discovered(void *arg, const struct discover_result *r)
{
	struct tui *t = arg;
	struct ui *ui = &t->ui;
	char text[UI_MESSAGE_SIZE];
	bool fits;

	t->searching = false;
	if (t->done || ui->connecting || ui->joined ||
	    ui->join[UI_FIELD_SERVER].len != 0) {
		tui_dirty(t);
		return;
	}
	if (!r->found) {
		/* Marked as found too: joining this fallback is not
		 * remembered, or the next start would not look again. */
		snprintf(t->found, sizeof t->found, "%s", "localhost");
		editline_set(&ui->join[UI_FIELD_SERVER], t->found);
		ui->field = UI_FIELD_SERVER;
		tui_message(t, UI_MSG_ERROR, _("Geen server gevonden op het netwerk. Vul de server in (IT kan hem in /etc/aandeslag/client.conf zetten), of probeer localhost."));
		return;
	}
	server_text(r->host, r->port, t->found, sizeof t->found);
	editline_set(&ui->join[UI_FIELD_SERVER], t->found);
	snprintf(text, sizeof text, _("Server gevonden op het netwerk: %s"),
	         t->found);
	tui_message(t, UI_MSG_INFO, text);
	fits = r->holds_code || t->opts.new_room != NULL ||
	       t->opts.new_workshop != NULL;
	ui->field = ui->join[UI_FIELD_CODE].len == 0 &&
	            t->opts.new_room == NULL && t->opts.new_workshop == NULL ?
	            UI_FIELD_CODE : UI_FIELD_NAME;
	if (fits && ui->field == UI_FIELD_NAME &&
	    (ui->join[UI_FIELD_NAME].len != 0 || t->opts.viewer))
		tui_submit_join(t);
	tui_dirty(t);
}

/* Fills the join form from the options and the remembered server. */
static void
init_form(struct tui *t)
{
	struct ui *ui = &t->ui;
	char server[CLIENTCONF_HOST_SIZE + 16], err[CLIENTCONF_ERROR_SIZE];

	t->port = t->opts.port;
	if (t->opts.host != NULL) {
		snprintf(t->host, sizeof t->host, "%s", t->opts.host);
	} else if (clientconf_server(t->host, &t->port, err, NULL) < 0) {
		tui_message(t, UI_MSG_ERROR, err);
	}
	server_text(t->host, t->port, server, sizeof server);
	/* Nothing configured: an empty field while the LAN is searched. */
	if (t->opts.host == NULL && t->opts.discover &&
	    discover_start(&t->disc, &t->loop, t->opts.code, t->port,
	                   DISCOVER_TIMEOUT_MS, on_discovered, t) == 0) {
		t->searching = true;
		server[0] = '\0';
		tui_message(t, UI_MSG_INFO, _("Server zoeken op het netwerk\xe2\x80\xa6"));
	}
	editline_set(&ui->join[UI_FIELD_SERVER], server);
	editline_set(&ui->join[UI_FIELD_CODE], t->opts.code ? t->opts.code : "");
	editline_set(&ui->join[UI_FIELD_NAME], t->opts.name ? t->opts.name : "");
	ui->host = t->host;
	ui->port = t->port;
	ui->viewed_step = 1;
	/* Start at the first field that still needs an answer. */
	ui->field = t->opts.host == NULL ? UI_FIELD_SERVER :
	            ui->join[UI_FIELD_CODE].len == 0 && t->opts.new_room == NULL &&
	            t->opts.new_workshop == NULL ?
	            UI_FIELD_CODE : UI_FIELD_NAME;
}

int
tui_run(const struct tui_options *opts)
{
	struct tui *t;
	bool ready;
	size_t i;
	int code;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s\n", _("aandeslag: het volledige scherm heeft een terminal nodig; gebruik aandeslag --plain om opdrachten als tekst te geven."));
		return 2;
	}
	t = calloc(1, sizeof *t);
	if (t == NULL)
		return 2;
	t->opts = *opts;
	if (start_curses(t) < 0) {
		free(t);
		return 2;
	}
	log_to_file();
	init_loop(t);
	init_form(t);
	ready = opts->host != NULL &&
	        (opts->new_room != NULL || opts->new_workshop != NULL ||
	         opts->code != NULL) &&
	        (opts->name != NULL || opts->viewer);
	t->ui.screen = ready && opts->viewer ? UI_PROJECTOR :
	               ready && opts->new_workshop != NULL ? UI_WORKSHOP :
	               ready ? UI_POSTER : UI_JOIN;
	if (ready)
		connect_now(t);
	tui_dirty(t);
	uv_run(&t->loop, UV_RUN_DEFAULT);
	restore_terminal();
	uv_run(&t->loop, UV_RUN_DEFAULT);
	for (i = 0; i < t->nnets; i++) {
		net_free(t->nets[i]);
		free(t->nets[i]);
	}
	tuiws_free(t);
	uv_loop_close(&t->loop);
	if (t->screen != NULL)
		delscreen(t->screen);
	active = NULL;
	code = t->exit_code;
	free(t);
	return code;
}
