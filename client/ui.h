/* The full-screen client's state, shared by the loop (tui.c) and the
 * drawing code (view.c, projector.c): what is shown, what is being typed,
 * what the user was last told. Drawing only reads it. */
#ifndef AANDESLAG_UI_H
#define AANDESLAG_UI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "editline.h"
#include "net.h"

/* Bytes of the message line. */
#define UI_MESSAGE_SIZE 4096

enum ui_screen {
	UI_JOIN,        /* the join form */
	UI_POSTER,      /* the poster: header, overview, a step's page */
	UI_PROJECTOR,   /* read-only, large, follows the team */
	UI_HELP,        /* the help overlay over the poster (or over the
	                 * facilitator's screen) */
	UI_ROOMS,       /* choosing a group of a workshop before joining */
	UI_WORKSHOP,    /* the facilitator's screen of a workshop */
	UI_PLENARY      /* a workshop's plenary projector, read-only */
};

enum ui_join_field {
	UI_FIELD_SERVER,
	UI_FIELD_CODE,
	UI_FIELD_NAME,
	UI_FIELD_PASSWORD,      /* only once the server asked for one */
	UI_FIELDS
};

enum ui_message_kind {
	UI_MSG_NONE,
	UI_MSG_INFO,
	UI_MSG_WARNING,         /* the clock: 5 minutes, 1 minute, time up */
	UI_MSG_ERROR            /* a refusal, a lost connection */
};

/* Colour pairs; without colour the drawing code uses attributes only. */
enum ui_pair {
	UI_PAIR_NORMAL = 1,
	UI_PAIR_HEADER,         /* the header band */
	UI_PAIR_TEAM_STEP,      /* the step the team is at */
	UI_PAIR_WARNING,
	UI_PAIR_ERROR,
	UI_PAIR_OK,             /* connected, chosen competence */
	UI_PAIR_DIM             /* hints, the footer */
};

struct ui {
	enum ui_screen screen;
	bool colour;            /* colours allowed (terminal and NO_COLOR) */
	/* The connection and the room's mirror (valid when joined). */
	struct net *net;
	bool joined;
	bool connected;
	/* The connection was lost and is being made again: attempt is the
	 * number of the attempt that comes next. */
	bool reconnecting;
	unsigned attempt;
	const char *host;       /* for the header: host:port to read aloud */
	char ssh_join[128];     /* "ssh ACCOUNT@HOST", or "" */
	const char *ssh_fingerprint;    /* the server's, "SHA256:..." or "" */
	/* The server's TLS fingerprint as read aloud, "" or NULL when the
	 * connection is not encrypted. */
	const char *tls_fingerprint;
	int port;
	int64_t now;            /* the time the screen is drawn for (ms) */
	/* The poster. */
	unsigned viewed_step;   /* the step on screen, 1..5 */
	bool follow_team;       /* move along when the team moves */
	int scroll;             /* first line of the step page shown */
	int page_lines;         /* lines the last drawn page had in all */
	/* The command line after ':' (or a key that opens it prefilled). */
	bool typing;
	struct editline line;
	/* The join form. */
	enum ui_join_field field;
	struct editline join[UI_FIELDS];
	/* The server wants the room's password: the form shows its field
	 * (masked) and the next join gives it. */
	bool ask_password;
	bool connecting;
	/* The room picker (UI_ROOMS): the workshop's groups as the server
	 * listed them (owned by tuiws.c; NULL: no list), and the line under
	 * the cursor: 0 for no preference, 1.. a group. */
	Aandeslag__RoomList *rooms;
	unsigned room_choice;
	/* The message line. */
	enum ui_message_kind message_kind;
	char message[UI_MESSAGE_SIZE];
	/* The clock warnings: which ones the current step has had, so that
	 * each is given once (bits: 1 five minutes, 2 one minute, 4 zero). */
	unsigned warned;
	unsigned warned_step;
	bool flash;             /* a warning is being shown in the header */
};

#endif
