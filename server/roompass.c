/* The room's password on the server. The chair's ChangeSetting with
 * SETTING_PASSWORD carries the password in its text; it goes no further
 * than this module: the model gets the command without it (and refuses a
 * text, should one reach it), the room and storage get a salted hash, and
 * the event, the snapshots, the log and the exports know only whether
 * there is one. */
#include "roompass.h"

#include <errno.h>
#include <string.h>

#include <sodium.h>

#include "conn.h"
#include "joinguard.h"
#include "persist.h"
#include "room.h"
#include "server.h"

int
roompass_prepare(const Aandeslag__Command *cmd, struct roompass_change *pw,
                 struct refusal *why)
{
	const Aandeslag__ChangeSetting *in = cmd->setting;

	memset(pw, 0, sizeof *pw);
	if (cmd->op_case != AANDESLAG__COMMAND__OP_SETTING || in == NULL ||
	    in->key != AANDESLAG__SETTING_KEY__SETTING_PASSWORD)
		return 0;
	pw->active = true;
	if (in->text != NULL && in->text[0] != '\0') {
		if (pwhash_clean(in->text, pw->clean, why) < 0)
			return -EINVAL;
		pw->len = strlen(pw->clean);
	}
	pw->setting = *in;
	pw->setting.text = (char *)"";
	pw->setting.flag = pw->len > 0;
	pw->command = *cmd;
	pw->command.setting = &pw->setting;
	return 0;
}

int
roompass_store(struct server *srv, struct room *room,
               struct roompass_change *pw)
{
	int rc;

	if (pw->len > 0) {
		rc = pwhash_make(pw->clean, pw->len, pw->hash);
		if (rc < 0)
			return rc;
	}
	return persist_password(srv, room, pw->len > 0 ? pw->hash : NULL);
}

void
roompass_commit(struct room *room, const struct roompass_change *pw)
{
	room->has_password = pw->len > 0;
	memcpy(room->password_hash, pw->hash, sizeof room->password_hash);
}

void
roompass_done(struct roompass_change *pw)
{
	sodium_memzero(pw->clean, sizeof pw->clean);
}

bool
roompass_admit(struct conn *c, struct room *room,
               const Aandeslag__JoinRoom *req)
{
	char clean[PWHASH_TEXT_MAX + 1];
	struct refusal why;
	bool ok;

	if (!room->has_password)
		return true;
	if (req->password == NULL || req->password[0] == '\0') {
		room_refuse(c, req->request_id,
		            AANDESLAG__ERROR_CODE__ERROR_PASSWORD_REQUIRED);
		return false;
	}
	ok = pwhash_clean(req->password, clean, &why) == 0 &&
	     pwhash_verify(room->password_hash, clean, strlen(clean));
	sodium_memzero(clean, sizeof clean);
	if (!ok)
		joinguard_refuse(c, req->request_id,
		                 AANDESLAG__ERROR_CODE__ERROR_BAD_PASSWORD);
	return ok;
}
