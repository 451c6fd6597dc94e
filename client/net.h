/* The client's connection to the server: resolving, the handshake,
 * joining or creating a room, sending commands with request ids, and the
 * room's mirror kept up to date from the events that arrive. Once joined,
 * a lost connection is made again by itself (with backoff and jitter),
 * coming back as the same participant with the resume token; commands
 * wait in an outbox until they are answered. Shared by the line mode and
 * the full-screen client. */
#ifndef AANDESLAG_NET_H
#define AANDESLAG_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <uv.h>

#include "aandeslag.pb-c.h"
#include "content.h"
#include "link.h"
#include "model.h"
#include "outbox.h"
#include "refusal.h"
#include "tokens.h"

struct net;

/* What the connection tells its user. Every callback is optional. */
struct net_handlers {
	/* Joined a room for the first time: the mirror (net->room) is
	 * loaded. (Coming back after a lost connection is link() with up.) */
	void (*joined)(struct net *net, void *arg);
	/* An event arrives; it has not been applied yet, so the mirror still
	 * shows the room as it was. */
	void (*event)(struct net *net, const Aandeslag__Event *ev, void *arg);
	/* The event has been applied: the mirror shows the room after it. */
	void (*applied)(struct net *net, const Aandeslag__Event *ev, void *arg);
	/* A command was accepted. Each command is answered once, also one
	 * that was sent again after a reconnect. */
	void (*ack)(struct net *net, uint64_t request_id, void *arg);
	/* A command (or the first join) was refused. */
	void (*refused)(struct net *net, uint64_t request_id,
	                const struct refusal *why, void *arg);
	/* The connection was lost after the room was joined and is being
	 * made again (up false: err and why say why, as for closed; attempt
	 * is the number of the attempt that comes next, 1 for the first,
	 * told again before each), or it is back (up true, err 0, why NULL:
	 * the room was joined again as the same participant, the mirror
	 * reloaded from a snapshot, and the commands not yet answered sent
	 * again). */
	void (*link)(struct net *net, bool up, int err,
	             const struct refusal *why, unsigned attempt, void *arg);
	/* The connection is gone for good, or could not be made: err is a
	 * negative libuv error, or 0 when the server closed it with a reason
	 * in why (why->code is ERROR_NONE when it just closed). After the
	 * room was joined, net_describe_end() says it in words. */
	void (*closed)(struct net *net, int err, const struct refusal *why,
	               void *arg);
	/* Workshops. The workshop's status arrived or changed (a
	 * facilitator or plenary projector: net->workshop). */
	void (*workshop)(struct net *net, void *arg);
	/* The rooms of a workshop to choose from (choose_room): answer with
	 * net_choose_room(). */
	void (*rooms)(struct net *net, const Aandeslag__RoomList *list,
	              void *arg);
	/* One room of a workshop export (net_send_workshop() with an
	 * export); its Ack follows the last. */
	void (*export_room)(struct net *net, uint64_t request_id,
	                    const Aandeslag__Snapshot *room, void *arg);
	/* The facilitator moved us to another room: the mirror is now that
	 * room's. */
	void (*moved)(struct net *net, void *arg);
};

struct net_options {
	const char *host;
	int port;
	const char *name;
	const char *new_room;   /* title: create a room; or */
	const char *room;       /* code: join this room */
	bool viewer;
	/* How long to keep trying to reconnect after the connection is
	 * lost, in ms; 0: never (the connection just ends). */
	int64_t reconnect_ms;
	/* Keep the resume token in a seat file (tokens.h), locked for the
	 * life of net, and resume with the one found there. */
	bool seat_file;
	/* The chair recovery code: the first join takes the room's first
	 * chair's seat with it (and the chair), instead of a kept token. */
	const char *chair_code;
	/* The room's password, for joining a room whose chair set one; NULL
	 * or "" for none. */
	const char *password;
	/* Create a workshop from this plan (instead of new_room/room); the
	 * facilitator code in chair_code joins an existing one as its
	 * facilitator. */
	const Aandeslag__CreateWorkshop *new_workshop;
	/* With a workshop's code: the room to join (name, number or code);
	 * NULL: where the facilitator put us, else the least-filled. */
	const char *workshop_room;
	/* With a code that may be a workshop's: ask for its rooms first and
	 * let the user choose (handlers->rooms). */
	bool choose_room;
	/* Speak plain frames instead of TLS (for a server with --tls off;
	 * the traffic can then be read on the network). */
	bool no_tls;
	/* The fingerprint the server must show, as the chair read it out
	 * (tls_fp_matches()); NULL: trust on first use (client/trust.h). */
	const char *fingerprint;
};

enum net_state {
	NET_CONNECTING,         /* the lookup and the connect */
	NET_HELLO,
	NET_JOINING,
	NET_JOINED,
	NET_WAITING,            /* lost; the next attempt waits for a timer */
	NET_CLOSED
};

struct net {
	uv_loop_t *loop;
	struct net_options opts;
	struct net_handlers handlers;
	void *arg;
	enum net_state state;
	struct link link;       /* the socket of the current attempt */
	/* Where colleagues can join, as the server said ("ip:port"), or "". */
	char server_address[64];
	char ssh_account[33];   /* the server's SSH account, "" none */
	char ssh_fingerprint[64];       /* its host key's, "" unknown */
	/* The server's TLS fingerprint as read aloud ("" for a plain
	 * connection) and how it was trusted (an enum trust_verdict). */
	char tls_fingerprint[TLS_FP_TEXT_SIZE];
	int tls_trust;
	/* The largest command the server takes (Welcome), 0 before it. */
	uint32_t max_frame;
	/* The last request id used: commands count up from here. */
	uint64_t next_request_id;
	struct outbox outbox;           /* commands not yet answered */
	/* Reconnecting: the wait before an attempt, then its deadline. */
	uv_timer_t retry;
	bool joined_once;       /* a lost connection is now made again */
	bool left;              /* our Leave was accepted: nothing to resume */
	unsigned attempt;       /* attempts since the loss; 0 while joined */
	bool gave_up;           /* closed: reconnecting took too long */
	int64_t lost_at;        /* when the connection was lost (net_now) */
	uint32_t retry_ms;      /* the wait planned before this attempt */
	int lost_err;           /* why the last attempt ended */
	struct refusal lost_why;
	char code[CODE_SIZE];   /* the room to come back to */
	/* The chair recovery code the server gave when we made the room
	 * ("" otherwise): shown once, kept nowhere. */
	char chair_code[CODE_SIZE];
	/* Set when we came back and someone else had become chair while we
	 * were away: their participant id (0: nothing to tell). */
	uint32_t chair_taken_by;
	struct tokens_seat seat;
	bool token_from_file;   /* the first join presents a kept token */
	/* The method's content as the server sent it; the mirror uses it. */
	struct content content;
	/* The mirror of the room, valid once joined (have_room): also while
	 * reconnecting, and after the end until net_free(). */
	struct model_room room;
	bool have_room;
	uint32_t self_id;
	uint8_t token[32];
	size_t token_len;
	/* A workshop's facilitator or plenary projector (no room mirror):
	 * its last status, a copy owned here, and when it arrived. */
	bool in_workshop;
	bool facilitator;
	Aandeslag__WorkshopStatus *workshop;
	int64_t workshop_at;
	/* The facilitator code the server gave when we made the workshop. */
	char facilitator_code[CODE_SIZE];
	/* choose_room: the room chosen ("": no preference). */
	char chosen_room[MODEL_TITLE_MAX + 1];
	bool chosen;
	bool listed;            /* the room list was asked for */
};

/* Starts connecting with opts (strings must outlive net) on loop. The
 * handlers are called from the loop. Returns 0 or a negative libuv error
 * (UV_EBUSY: the seat file is locked by another client); failures after
 * that arrive through handlers->closed. Call net_close() either way. */
int net_start(struct net *net, uv_loop_t *loop,
              const struct net_options *opts,
              const struct net_handlers *handlers, void *arg);

/* Sends a command, filling in its request id (also stored in
 * *request_id when that is not NULL). While reconnecting the command
 * waits and is sent when the room is joined again. It stays in the
 * outbox until answered. Returns 0, -ENOTCONN before the room is joined
 * or after the connection ended for good, -EMSGSIZE when it is too big
 * for a frame, or -ENOMEM. */
int net_send(struct net *net, Aandeslag__Command *cmd, uint64_t *request_id);

/* Sends a facilitator's command like net_send(); a workshop export's
 * rooms arrive through handlers->export_room before its Ack. Returns as
 * net_send(), and -ENOTCONN when not a workshop's facilitator. */
int net_send_workshop(struct net *net, Aandeslag__WorkshopCommand *cmd,
                      uint64_t *request_id);

/* Joins the room chosen from the list handlers->rooms was given (its
 * name, number or code). Returns 0, or -EALREADY when no list is
 * waiting for an answer. */
int net_choose_room(struct net *net, const char *room);

/* Returns the number of commands sent and not yet answered. */
size_t net_pending(const struct net *net);

/* Whether the connection is being made again after a loss. */
bool net_reconnecting(const struct net *net);

/* Returns the time in milliseconds of the clock the mirror uses: a
 * monotonic clock that also counts the time the computer slept where the
 * system has one (Linux), else the loop's. */
int64_t net_now(const struct net *net);

/* For a user that wakes regularly anyway (the full-screen client while a
 * clock runs, once a second): call at the start of each wakeup, before
 * drawing, and the heartbeat does its check (and sends a Ping when one is
 * due) in that wakeup instead of in one of its own; a Pong then mostly
 * arrives while the screen is drawn. See link_tick(). */
void net_tick(struct net *net);

/* Closes the connection, and the seat file (kept for next time); handlers
 * are not called any more. The mirror stays readable until net_free(). */
void net_close(struct net *net);

/* Frees the mirror and the outbox; call after the loop has run the close
 * callbacks. */
void net_free(struct net *net);

#endif
