/* The room's password on the server: the chair's command that sets or
 * clears it (the password becomes a salted hash in the room and in
 * storage, and the event says only whether there is one), and the check
 * of a JoinRoom against it. */
#ifndef AANDESLAG_ROOMPASS_H
#define AANDESLAG_ROOMPASS_H

#include <stdbool.h>
#include <stddef.h>

#include "aandeslag.pb-c.h"
#include "pwhash.h"
#include "refusal.h"

struct conn;
struct room;
struct server;

/* A password command on its way through room_command(): the command the
 * model sees (the same, but for the text: none, and the flag set when
 * there is a password), and what the room keeps once it is stored. */
struct roompass_change {
	bool active;            /* the command sets or clears the password */
	Aandeslag__Command command;
	Aandeslag__ChangeSetting setting;
	char clean[PWHASH_TEXT_MAX + 1];
	size_t len;             /* 0: the password is cleared */
	char hash[PWHASH_SIZE];
};

/* Looks at cmd: a password command fills pw (pw->active) with the command
 * to give the model instead, one without the password; any other leaves
 * pw inactive. Returns 0, or -EINVAL with why filled for a password that
 * cannot be (too long, control characters). pw holds the password until
 * roompass_done(). */
int roompass_prepare(const Aandeslag__Command *cmd,
                     struct roompass_change *pw, struct refusal *why);

/* After the model accepted pw's command, in the change's savepoint:
 * hashes the password and stores the hash (or that there is none) for
 * room. Returns 0, -ENOMEM, or a negative store error. */
int roompass_store(struct server *srv, struct room *room,
                   struct roompass_change *pw);

/* Once the change is stored: the room checks joins against the new hash
 * (or none). */
void roompass_commit(struct room *room, const struct roompass_change *pw);

/* Wipes the password out of pw; call on every path once pw was prepared. */
void roompass_done(struct roompass_change *pw);

/* Whether req may come into room as a newcomer or a projector: true when
 * the room has no password or req gives the right one. Otherwise refuses
 * the join on c (password_required when req gives none; bad_password,
 * counted by the join guard, when it is wrong) and returns false. */
bool roompass_admit(struct conn *c, struct room *room,
                    const Aandeslag__JoinRoom *req);

#endif
