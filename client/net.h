/* The client's connection to the server: resolving, the handshake,
 * joining or creating a room, sending commands with request ids, and the
 * room's mirror kept up to date from the events that arrive. Shared by
 * the line mode and the full-screen client. */
#ifndef AANDESLAG_NET_H
#define AANDESLAG_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <uv.h>

#include "aandeslag.pb-c.h"
#include "content.h"
#include "frame.h"
#include "model.h"
#include "refusal.h"

struct net;

/* What the connection tells its user. Every callback is optional. */
struct net_handlers {
	/* Joined a room: the mirror (net->room) is loaded. */
	void (*joined)(struct net *net, void *arg);
	/* An event arrives; it has not been applied yet, so the mirror still
	 * shows the room as it was. */
	void (*event)(struct net *net, const Aandeslag__Event *ev, void *arg);
	/* The event has been applied: the mirror shows the room after it. */
	void (*applied)(struct net *net, const Aandeslag__Event *ev, void *arg);
	/* A command was accepted. */
	void (*ack)(struct net *net, uint64_t request_id, void *arg);
	/* A command (or the join) was refused. */
	void (*refused)(struct net *net, uint64_t request_id,
	                const struct refusal *why, void *arg);
	/* The connection is gone, or could not be made: err is a negative
	 * libuv error, or 0 when the server closed it with a reason in why
	 * (why->code is ERROR_NONE when it just closed). */
	void (*closed)(struct net *net, int err, const struct refusal *why,
	               void *arg);
};

struct net_options {
	const char *host;
	int port;
	const char *name;
	const char *new_room;   /* title: create a room; or */
	const char *room;       /* code: join this room */
	bool viewer;
};

enum net_state {
	NET_RESOLVING,
	NET_CONNECTING,
	NET_HELLO,
	NET_JOINING,
	NET_JOINED,
	NET_CLOSED
};

struct net {
	uv_loop_t *loop;
	struct net_options opts;
	struct net_handlers handlers;
	void *arg;
	enum net_state state;
	uv_getaddrinfo_t resolver;
	uv_connect_t connector;
	uv_tcp_t tcp;
	bool tcp_open;
	/* Heartbeat: a Ping when we have been quiet, and the server taken
	 * for gone when it has been silent for its idle timeout. */
	uv_timer_t heartbeat;
	int64_t idle_timeout_ms;        /* from Welcome; 0: no heartbeat */
	int64_t last_heard;
	int64_t last_sent;
	struct frame_partial partial;
	uint8_t readbuf[64 * 1024];
	/* Where colleagues can join, as the server said ("ip:port"), or "". */
	char server_address[64];
	uint64_t next_request_id;
	size_t pending;                 /* commands not yet answered */
	/* The method's content as the server sent it; the mirror uses it. */
	struct content content;
	/* The mirror of the room, valid in NET_JOINED. */
	struct model_room room;
	bool have_room;
	uint32_t self_id;
	uint8_t token[32];
	size_t token_len;
};

/* Starts connecting with opts (strings must outlive net) on loop. The
 * handlers are called from the loop. Returns 0 or a negative libuv error;
 * failures after that arrive through handlers->closed. */
int net_start(struct net *net, uv_loop_t *loop,
              const struct net_options *opts,
              const struct net_handlers *handlers, void *arg);

/* Sends a command, filling in its request id (also stored in
 * *request_id when that is not NULL). Returns 0, -ENOTCONN before the
 * room is joined, or another negative error. */
int net_send(struct net *net, Aandeslag__Command *cmd, uint64_t *request_id);

/* Returns the time in milliseconds of the clock the mirror uses: a
 * monotonic clock that also counts the time the computer slept where the
 * system has one (Linux), else the loop's. */
int64_t net_now(const struct net *net);

/* Closes the connection; handlers are not called any more. The mirror
 * stays readable until net_free(). */
void net_close(struct net *net);

/* Writes into out, in the user's language, why a connection to o's
 * server failed with the libuv error err, and what to check. */
void net_describe_error(const struct net_options *o, int err, char *out,
                        size_t size);

/* Frees the mirror; call after the loop has run the close callbacks. */
void net_free(struct net *net);

#endif
