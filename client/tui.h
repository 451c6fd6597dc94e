/* The full-screen client: the poster on the terminal, driven by one libuv
 * loop (the server connection, keys, signals and the clock). */
#ifndef AANDESLAG_TUI_H
#define AANDESLAG_TUI_H

#include <stdbool.h>
#include <stdint.h>

#include "net.h"

struct tui_options {
	const char *host;       /* NULL: ask, with the remembered default */
	int port;
	const char *code;       /* NULL: ask (unless new_room) */
	const char *name;       /* NULL: ask (unless viewer) */
	const char *new_room;   /* a title: create a room as its chair */
	bool viewer;            /* the projector view */
	int64_t reconnect_ms;   /* see net_options */
	const char *chair_code; /* see net_options */
	const char *password;   /* see net_options; else the form asks */
	/* A plan: create a workshop as its facilitator (see net_options). */
	const Aandeslag__CreateWorkshop *new_workshop;
	const char *workshop_room;      /* see net_options */
	/* Behind the SSH account (sshgate.h): the server is fixed, no seat
	 * file (the account is everyone's), no suspending to a shell that
	 * is not there, and exports go to this downloads directory with a
	 * command to fetch them; NULL otherwise. */
	const char *downloads;
	/* No server configured: look on the LAN first (see discover.h). */
	bool discover;
	bool no_tls;                    /* see net_options */
	const char *fingerprint;        /* see net_options */
};

#include <curses.h>
#include <uv.h>

#include "clientconf.h"
#include "sshgate.h"
#include "discover.h"
#include "tuiws.h"
#include "ui.h"

/* Connections kept until the loop ends (a refused join closes one). */
#define TUI_NETS_MAX 16

/* The client's whole state; keys.c works on it too. */
struct tui {
	uv_loop_t loop;
	struct tui_options opts;
	struct ui ui;
	SCREEN *screen;
	FILE *term_out;
	bool curses;
	/* Each join attempt gets a connection of its own: a closing one stays
	 * in the loop until it has closed. The last is the current one. */
	struct net *nets[TUI_NETS_MAX];
	size_t nnets;
	uv_poll_t input;
	uv_signal_t sigwinch, sigtstp, sigint, sigterm, sighup;
	uv_prepare_t draw;
	uv_timer_t tick;
	uv_timer_t flash;
	bool dirty;
	bool pasting;
	bool leaving;
	bool done;
	int exit_code;
	char host[CLIENTCONF_HOST_SIZE];
	char shown_host[CLIENTCONF_HOST_SIZE];  /* the address to read aloud */
	int port;
	struct tuiws ws;        /* the workshop part's own state */
	char fetch[SSHGATE_FETCH_SIZE]; /* the last SSH export's scp line */
	/* Looking for the server on the LAN; found is the server field's
	 * text it filled in, so that joining that server is not remembered
	 * as "last time" (a moved server must be found again). */
	struct discover disc;
	bool searching;
	char found[CLIENTCONF_HOST_SIZE + 16];
};

/* Runs the full-screen client until the user quits. Needs a terminal on
 * stdin and stdout; says what to do instead (--plain) when there is none
 * or when the terminal type is unknown. Returns an exit code: 0, or 2
 * when it could not start. */
int tui_run(const struct tui_options *opts);

/* For keys.c: mark the screen for drawing in this loop turn; put text on
 * the message line; whether the user is the chair; end the client with an
 * exit code; connect with what the join form says. */
void tui_dirty(struct tui *t);
void tui_message(struct tui *t, enum ui_message_kind kind, const char *text);
bool tui_is_chair(const struct tui *t);
void tui_quit(struct tui *t, int code);
void tui_submit_join(struct tui *t);

#endif
