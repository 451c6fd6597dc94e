/* The workshop part of the full-screen client: the room picker before a
 * colleague joins a study day, the facilitator's screen with its keys
 * and command line, the plenary projector, a workshop export, and being
 * moved to another group. tui.c calls in here from its loop and its
 * connection handlers; the drawing itself is roompick.c's, wsview.c's
 * and plenary.c's. */
#ifndef AANDESLAG_TUIWS_H
#define AANDESLAG_TUIWS_H

#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>

#include "net.h"
#include "refusal.h"
#include "wscmd.h"
#include "wsexport.h"

struct tui;

/* What the workshop part keeps between calls; a member of struct tui,
 * zeroed with it. */
struct tuiws {
	struct wsexport export;         /* a workshop export under way */
	/* The facilitator's last command for the server, so that its
	 * answer can be put in words: its request id (0: none waiting),
	 * its op (an Aandeslag__WorkshopCommand__OpCase), and for a message
	 * whether it was empty, for a move the name moved. */
	uint64_t sent_id;
	int sent_op;
	bool sent_empty;
	char sent_name[WSCMD_TEXT_SIZE];
};

/* Connection handlers (see struct net_handlers; arg is the struct tui):
 * a workshop's status changed, its rooms to choose from arrived, one
 * room of an export arrived, the facilitator moved us to another room. */
void tuiws_on_status(struct net *net, void *arg);
void tuiws_on_rooms(struct net *net, const Aandeslag__RoomList *list,
                    void *arg);
void tuiws_on_export_room(struct net *net, uint64_t request_id,
                          const Aandeslag__Snapshot *room, void *arg);
void tuiws_on_moved(struct net *net, void *arg);

/* net joined, for the first time. Drops the room picker's list. When net
 * is a workshop's (its facilitator or plenary projector) it shows that
 * screen and, for a new workshop, the facilitator code once on the
 * message line, and returns true; for a room it returns false and the
 * caller shows the poster. */
bool tuiws_joined(struct tui *t, struct net *net);

/* The join of net was refused with why while the room picker was on the
 * screen. Returns true when another choice may help (the group or every
 * group is full, the group is gone): the picker stays, the message line
 * says why, and the caller is to connect again for a fresh list (net
 * itself takes no second choice). Returns false otherwise: the caller
 * goes back to the join form as for any refused join. */
bool tuiws_choose_again(struct tui *t, const struct refusal *why);

/* A facilitator's command was answered: accepted (why NULL) or refused.
 * Says so on the message line, and finishes an export that waited for
 * this answer (writing its file, or saying why not). */
void tuiws_answer(struct tui *t, struct net *net, uint64_t request_id,
                  const struct refusal *why);

/* Handles a key (as wget_wch() gave it) on the room picker, the
 * facilitator's screen and its help, and the plenary projector. Returns
 * false when none of those is on the screen: the key is the poster's. */
bool tuiws_key(struct tui *t, int type, wint_t key);

/* Runs a line the facilitator typed after ':' (changed in place): sends
 * it, starts an export, shows the help, or quits; a mistake in it goes
 * to the message line. */
void tuiws_line(struct tui *t, char *line);

/* Draws the screen when it is one of the workshop's (the room picker,
 * the facilitator's screen or its help, the plenary projector) and
 * returns true; returns false, drawing nothing, for any other. */
bool tuiws_draw(struct tui *t);

/* Returns in how many milliseconds a clock on the workshop's screen
 * shows another second (the report back's turn first, else the first
 * room's clock that runs), or -1 when no clock on it runs. Reads the
 * time the screen was last drawn for (t->ui.now). */
int64_t tuiws_tick(const struct tui *t);

/* Frees the room picker's list and an export under way. */
void tuiws_free(struct tui *t);

#endif
