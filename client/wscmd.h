/* The facilitator's command language, for the line mode and for ':' in
 * the full screen alike: "bericht Om 12:30 lunch", "verplaats Anna naar
 * Zorg", "terugkoppeling volgende". A line becomes a WorkshopCommand for
 * the server, or something the client does itself (show the rooms, the
 * help, an export, leave). wscmd_help() lists the syntax for the user.
 *
 * The words are Dutch; each has a short English alias, as the room's own
 * command language has (overnemen/take-chair): klokken/clocks,
 * bericht/announce, verplaats/move (van/from, naar/to),
 * terugkoppeling/report (volgende/next, vorige/prev, overzicht/overview,
 * stop/end, pauze/pause, verder/resume), toon/groepen/show/rooms,
 * help/hulp/?, stop/quit. */
#ifndef AANDESLAG_WSCMD_H
#define AANDESLAG_WSCMD_H

#include <stddef.h>

#include "aandeslag.pb-c.h"

enum wscmd_kind {
	WSCMD_EMPTY,    /* a blank line or a comment (#) */
	WSCMD_REMOTE,   /* a command for the server, in cmd->command */
	WSCMD_EXPORT,   /* send cmd->command (op export) and write the
	                 * WorkshopExport it brings as export_format to
	                 * export_path */
	WSCMD_SHOW,     /* print the rooms at a glance (wsline_status) */
	WSCMD_HELP,     /* show wscmd_help() */
	WSCMD_QUIT,     /* leave the workshop's screen */
	WSCMD_LANG      /* the client's language becomes cmd->lang */
};

/* What WSCMD_EXPORT writes. */
enum wscmd_export { WSCMD_EXPORT_CSV, WSCMD_EXPORT_ICS, WSCMD_EXPORT_MD,
                    WSCMD_EXPORT_JSON, WSCMD_EXPORT_HTML };

/* Bytes of a parse error message. */
#define WSCMD_ERROR_SIZE 256
/* Bytes of a name or a room as the move command keeps them. */
#define WSCMD_TEXT_SIZE 256

/* A parsed line: the command and every part it points to live in here,
 * or in the parsed line (keep it alive until the command is sent). */
struct wscmd {
	enum wscmd_kind kind;
	enum wscmd_export export_format;        /* WSCMD_EXPORT */
	const char *export_path;                /* WSCMD_EXPORT: into the line */
	const char *lang;       /* WSCMD_LANG: LANG_DUTCH or LANG_ENGLISH */
	Aandeslag__WorkshopCommand command;     /* request_id left 0 */
	Aandeslag__StartClocks start_clocks;
	Aandeslag__Announce announce;
	Aandeslag__MoveParticipant move;
	Aandeslag__ReportControl report;
	Aandeslag__ExportWorkshop export_all;
	/* The move's words, joined with single spaces, or the room's code
	 * when the status said which room was meant. */
	char name[WSCMD_TEXT_SIZE];
	char from_room[WSCMD_TEXT_SIZE];
	char to_room[WSCMD_TEXT_SIZE];
};

/* Parses one line (changed in place: words are cut out of it) typed by
 * the facilitator. ws (NULL: not known yet) is the last WorkshopStatus:
 * with it, rooms are looked up by number, code, name or the start of a
 * name and sent by their code, a room nobody has is refused, and a name
 * is checked against the rooms' participants where they give names;
 * without it the words go as typed and the server judges. Returns 0 with
 * out filled, or -EINVAL with a Dutch (current language) sentence in
 * error and out->kind WSCMD_EMPTY. */
int wscmd_parse(char *line, const Aandeslag__WorkshopStatus *ws,
                struct wscmd *out, char error[WSCMD_ERROR_SIZE]);

/* Returns the help text: every command of the facilitator, in the
 * current language, within 80 columns. Static. */
const char *wscmd_help(void);

#endif
