/* The command language of the line mode, also typed after ':' in the
 * full-screen client: one parser for both. README.md lists the syntax;
 * cmd_help() is the same list for the user. */
#ifndef AANDESLAG_CMD_H
#define AANDESLAG_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "aandeslag.pb-c.h"
#include "model.h"

enum cmd_kind {
	CMD_EMPTY,      /* a blank line or a comment */
	CMD_REMOTE,     /* a command for the server, in cmd->command */
	CMD_WHO,
	CMD_SHOW,
	CMD_HELP,
	CMD_CARD,       /* the question card of cmd->card_step */
	CMD_MODEL,      /* the competence model with dots and marks */
	CMD_CATALOGUE,  /* the activity map */
	CMD_SETTINGS,
	CMD_UNCOVERED,  /* chosen competences that no activity covers */
	CMD_EXPORT,     /* the actions to a file: cmd->export_* */
	CMD_LANG,       /* the client's language becomes cmd->lang */
};

/* What CMD_EXPORT writes. */
enum cmd_export { CMD_EXPORT_CSV, CMD_EXPORT_ICS, CMD_EXPORT_JSON,
                  CMD_EXPORT_MD, CMD_EXPORT_HTML };

/* A parsed line: the command and every part it points to live in here.
 * Text fields point into the parsed line (keep it alive) or into the room
 * and its content (send the command before the room changes). */
struct cmd {
	enum cmd_kind kind;
	uint32_t card_step;     /* CMD_CARD: 1..5, or 0 for the team's step */
	enum cmd_export export_format;  /* CMD_EXPORT */
	const char *export_path;        /* CMD_EXPORT: into the line */
	const char *lang;       /* CMD_LANG: LANG_DUTCH or LANG_ENGLISH */
	/* The command was built from the mirror (a name, an item to merge
	 * with): a client that pipelines commands should send it only once
	 * every earlier command is answered, so that the mirror is current. */
	bool mirrored;
	Aandeslag__Command command;
	Aandeslag__AddNote add_note;
	Aandeslag__EditNote edit_note;
	Aandeslag__DeleteNote delete_note;
	Aandeslag__ClockControl clock;
	Aandeslag__StepControl step;
	Aandeslag__Leave leave;
	Aandeslag__ChangeSetting setting;
	uint32_t numbers[4];
	Aandeslag__HandOverChair hand_over;
	Aandeslag__RemoveParticipant remove;
	Aandeslag__SetScribe scribe;
	Aandeslag__AddQuestion add_question;
	Aandeslag__PutOnTable table;
	Aandeslag__CastVote vote;
	Aandeslag__MarkCompetence mark;
	Aandeslag__AddActivity add_activity;
	Aandeslag__EditActivity edit_activity;
	Aandeslag__DeleteActivity delete_activity;
	Aandeslag__Activity activity;
	char *links[MODEL_LINKS_MAX];
	Aandeslag__AddAction add_action;
	Aandeslag__EditAction edit_action;
	Aandeslag__DeleteAction delete_action;
	Aandeslag__Action action;
	Aandeslag__Owner owners[MODEL_OWNERS_MAX];
	Aandeslag__Owner *owner_ptrs[MODEL_OWNERS_MAX];
	Aandeslag__When when;
	Aandeslag__ClaimAction claim;
	Aandeslag__SetActionStatus action_status;
	Aandeslag__Finish finish;
	Aandeslag__TakeChair take_chair;
	Aandeslag__Recognise recognise;
	Aandeslag__AddFinding add_finding;
	Aandeslag__DeleteFinding delete_finding;
};

/* Bytes of a parse error message. */
#define CMD_ERROR_SIZE 256

/* Parses one line (changed in place: words are cut out of it) typed by
 * participant self_id (0 for a viewer) in room, the client's mirror.
 * Names are resolved, ids of the content checked, and edits merged with
 * the mirror's item; with room NULL only the syntax is checked, and what
 * needs the room is refused. The command's request id is left 0 for the
 * connection to fill in. Returns 0, or -EINVAL with a sentence in the
 * current language in error. */
int cmd_parse(char *line, const struct model_room *room, uint32_t self_id,
              struct cmd *out, char error[CMD_ERROR_SIZE]);

/* Returns the help text: every command grouped by step, in the current
 * language, within 80 columns. Static. */
const char *cmd_help(void);

#endif
