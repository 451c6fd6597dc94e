/* The command language of the line mode, also typed after ':' in the
 * full-screen client: one parser for both. */
#ifndef AANDESLAG_CMD_H
#define AANDESLAG_CMD_H

#include <stddef.h>

#include "aandeslag.pb-c.h"

enum cmd_kind {
	CMD_EMPTY,      /* a blank line or a comment */
	CMD_REMOTE,     /* a command for the server, in cmd->command */
	CMD_WHO,
	CMD_SHOW,
	CMD_HELP,
};

/* A parsed line. The command and its parts live in here; text fields
 * point into the line that was parsed, so keep that line alive. */
struct cmd {
	enum cmd_kind kind;
	Aandeslag__Command command;
	Aandeslag__AddNote add_note;
	Aandeslag__ClockControl clock;
	Aandeslag__StepControl step;
	Aandeslag__Leave leave;
};

/* Bytes of a parse error message. */
#define CMD_ERROR_SIZE 256

/* Parses one line (changed in place: words are cut out of it). The
 * command's request id is left 0 for the connection to fill in. Returns
 * 0, or -EINVAL with a sentence in the current language in error. */
int cmd_parse(char *line, struct cmd *out, char error[CMD_ERROR_SIZE]);

/* Returns the help text: every command with what it does, in the current
 * language. Static. */
const char *cmd_help(void);

#endif
