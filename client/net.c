/* The client's connection: the handshake, the join, commands and their
 * answers, and the room's mirror. Everything the server sends is checked
 * before it is believed: frames by link.c, events and snapshots by the
 * model's own rules.
 *
 * After the first Joined a lost connection is not the end: lose() drops
 * the link and waits (the retry timer) before the next attempt, which
 * looks the server up again, connects, says Hello and joins with the
 * room's code and the resume token; the same timer then bounds the
 * attempt. On the new Joined the mirror is replaced by the snapshot and
 * the outbox goes out again. While joined the only timer is the
 * heartbeat; while away only the retry timer. */
#include "net.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "i18n.h"
#include "items.h"
#include "netseat.h"
#include "relink.h"
#include "snapshot.h"
#include "trust.h"

static int attempt(struct net *net);
static void lose(struct net *net, int err, const struct refusal *why,
                 bool final);

static void
on_handle_closed(uv_handle_t *handle)
{
	(void)handle;
}

static void
close_seat(struct net *net, bool remove)
{
	if (remove)
		tokens_remove(&net->seat);
	else
		tokens_close(&net->seat);
}

/* Ends the connection for good and tells the user once. */
static void
finish(struct net *net, int err, const struct refusal *why)
{
	struct refusal none;

	if (net->state == NET_CLOSED)
		return;
	net->state = NET_CLOSED;
	link_close(&net->link);
	if (!uv_is_closing((uv_handle_t *)&net->retry))
		uv_close((uv_handle_t *)&net->retry, on_handle_closed);
	close_seat(net, false);
	if (why == NULL) {
		refusal_set(&none, AANDESLAG__ERROR_CODE__ERROR_NONE);
		why = &none;
	}
	if (net->handlers.closed != NULL)
		net->handlers.closed(net, err, why, net->arg);
}

static void
on_retry(uv_timer_t *timer)
{
	struct net *net = timer->data;
	int rc;

	if (net->state != NET_WAITING) {
		/* The attempt took too long. */
		lose(net, UV_ETIMEDOUT, NULL, false);
		return;
	}
	rc = attempt(net);
	if (rc < 0)
		lose(net, rc, NULL, false);
}

/* The dropped link let go of its socket: the wait can start. */
static void
on_link_idle(struct link *l, void *arg)
{
	struct net *net = arg;

	(void)l;
	if (net->state == NET_WAITING)
		uv_timer_start(&net->retry, on_retry, net->retry_ms, 0);
}

/* The connection, or an attempt at one, ended with err (a libuv error)
 * or why (the server's reason). Before the first join, after our Leave,
 * with reconnecting off, or when final, that is the end; otherwise the
 * next attempt is planned (or, at the deadline, given up) and the user
 * told. */
static void
lose(struct net *net, int err, const struct refusal *why, bool final)
{
	int64_t left;
	uint32_t random = 0;

	if (net->state == NET_CLOSED || net->state == NET_WAITING)
		return;
	if (final || !net->joined_once || net->left ||
	    net->opts.reconnect_ms <= 0) {
		finish(net, err, why);
		return;
	}
	if (net->attempt == 0)
		net->lost_at = net_now(net);
	net->attempt++;
	net->lost_err = err;
	if (why != NULL)
		net->lost_why = *why;
	else
		refusal_set(&net->lost_why, AANDESLAG__ERROR_CODE__ERROR_NONE);
	left = net->lost_at + net->opts.reconnect_ms - net_now(net);
	if (left <= 0) {
		net->gave_up = true;
		finish(net, net->lost_err, &net->lost_why);
		return;
	}
	net->state = NET_WAITING;
	uv_timer_stop(&net->retry);
	if (uv_random(NULL, NULL, &random, sizeof random, 0, NULL) < 0)
		random = (uint32_t)uv_hrtime();
	net->retry_ms = relink_delay_ms(net->attempt, random);
	if (net->retry_ms > left)
		net->retry_ms = (uint32_t)left;
	/* The next attempt uses the same socket handle: it waits until the
	 * old one is closed (on_link_idle). */
	if (link_drop(&net->link))
		uv_timer_start(&net->retry, on_retry, net->retry_ms, 0);
	if (net->handlers.link != NULL)
		net->handlers.link(net, false, err, &net->lost_why,
		                   net->attempt, net->arg);
}

static void
on_link_lost(struct link *l, int err, void *arg)
{
	struct refusal why;

	if (err == UV_ECONNABORTED && link_tls_error(l)[0] != '\0') {
		refusal_set_str(&why, AANDESLAG__ERROR_CODE__ERROR_TLS_FAILED,
		                link_tls_error(l));
		lose(arg, 0, &why, false);
		return;
	}
	lose(arg, err, NULL, false);
}

/* Is this the server we mean? The chair's fingerprint when one was
 * given, else the one this computer remembers (client/trust.h). */
static int
on_link_verify(struct link *l, const uint8_t fp[TLS_FP_SIZE], void *arg)
{
	struct net *net = arg;
	struct refusal why;

	tls_fp_text(fp, net->tls_fingerprint);
	net->tls_trust = trust_decide(net->opts.host, net->opts.port,
	                              l->peer_loopback, net->opts.fingerprint,
	                              fp, &why);
	if (!trust_refused(net->tls_trust))
		return 0;
	lose(net, 0, &why, true);
	return 1;
}

static void
on_link_connected(struct link *l, void *arg)
{
	struct net *net = arg;
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Hello hello = AANDESLAG__HELLO__INIT;

	(void)l;
	net->state = NET_HELLO;
	hello.min_version = WIRE_VERSION_MIN;
	hello.max_version = WIRE_VERSION_MAX;
	hello.software = (char *)"aandeslag " PACKAGE_VERSION;
	env.body_case = AANDESLAG__ENVELOPE__BODY_HELLO;
	env.hello = &hello;
	if (link_send_env(&net->link, &env) < 0)
		lose(net, UV_EPIPE, NULL, false);
}

/* Joins: the first time as the options say (with a kept token when the
 * seat file has one), after a loss the room of before with the token. */
static void
send_join(struct net *net)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__CreateRoom create = AANDESLAG__CREATE_ROOM__INIT;
	Aandeslag__JoinRoom join = AANDESLAG__JOIN_ROOM__INIT;
	int rc;

	if (net->opts.new_workshop != NULL && !net->joined_once) {
		Aandeslag__CreateWorkshop plan = *net->opts.new_workshop;

		plan.request_id = ++net->next_request_id;
		plan.name = (char *)(net->opts.name ? net->opts.name : "");
		plan.content_hash = net->content.hash;
		env.body_case = AANDESLAG__ENVELOPE__BODY_CREATE_WORKSHOP;
		env.create_workshop = &plan;
		net->state = NET_JOINING;
		rc = link_send_env(&net->link, &env);
		if (rc < 0)
			lose(net, UV_EPIPE, NULL, false);
		return;
	}
	if (net->opts.new_room != NULL && !net->joined_once) {
		create.request_id = ++net->next_request_id;
		create.title = (char *)net->opts.new_room;
		create.name = (char *)net->opts.name;
		create.content_hash = net->content.hash;
		env.body_case = AANDESLAG__ENVELOPE__BODY_CREATE_ROOM;
		env.create_room = &create;
	} else {
		join.request_id = ++net->next_request_id;
		join.code = net->joined_once ? net->code :
		            (char *)net->opts.room;
		join.name = (char *)(net->opts.name ? net->opts.name : "");
		join.viewer = net->opts.viewer;
		join.content_hash = net->content.hash;
		if (!net->joined_once) {
			join.room = net->chosen ? net->chosen_room :
			            net->opts.workshop_room != NULL ?
			            (char *)net->opts.workshop_room : (char *)"";
			join.list_rooms = net->opts.choose_room && !net->listed &&
			                  net->token_len == 0 &&
			                  net->opts.chair_code == NULL &&
			                  !net->opts.viewer;
			net->listed |= join.list_rooms;
		}
		join.password = (char *)(net->opts.password ?
		                         net->opts.password : "");
		if (!net->joined_once && net->opts.chair_code != NULL)
			join.chair_code = (char *)net->opts.chair_code;
		else if (net->token_len > 0) {
			join.resume_token.data = net->token;
			join.resume_token.len = net->token_len;
		}
		env.body_case = AANDESLAG__ENVELOPE__BODY_JOIN_ROOM;
		env.join_room = &join;
	}
	net->state = NET_JOINING;
	rc = link_send_env(&net->link, &env);
	if (rc < 0)
		lose(net, rc == -EMSGSIZE ? UV_E2BIG : UV_EPIPE, NULL,
		     rc == -EMSGSIZE);
}

/* Makes the mirror from Joined: into a new room first, so that a bad
 * snapshot leaves the old mirror as it was. Returns 0 or a libuv error. */
static int
load_room(struct net *net, const Aandeslag__Joined *j)
{
	struct content fresh = { 0 };
	struct model_room room;
	int rc;

	if (j->content != NULL) {
		rc = content_from_wire(&fresh, j->content);
		if (rc < 0)
			return rc == -ENOMEM ? UV_ENOMEM : UV_EPROTO;
	}
	rc = snapshot_load(&room, j->content ? &fresh : &net->content,
	                   j->snapshot, net_now(net));
	if (rc < 0) {
		content_free(&fresh);
		return rc == -ENOMEM ? UV_ENOMEM : UV_EPROTO;
	}
	if (net->have_room)
		model_free(&net->room);
	if (j->content != NULL) {
		content_free(&net->content);
		net->content = fresh;
		/* The content moved; the room refers to it where it is now. */
		room.content = &net->content;
	}
	net->room = room;
	net->have_room = true;
	return 0;
}

/* After a reconnect: every command not yet answered goes out again, in
 * order, with its own request id, in one write. */
static void
resend(struct net *net)
{
	size_t i, n = outbox_count(&net->outbox);
	struct wire_buf **bufs;

	if (n == 0)
		return;
	bufs = malloc(n * sizeof *bufs);
	if (bufs == NULL) {
		lose(net, UV_ENOMEM, NULL, false);
		return;
	}
	for (i = 0; i < n; i++)
		bufs[i] = outbox_at(&net->outbox, i)->frame;
	if (link_send(&net->link, bufs, n) < 0)
		lose(net, UV_EPIPE, NULL, false);
	free(bufs);
}

/* Joined (a room, or a workshop): the first time the user hears of it;
 * after a loss the commands not yet answered go out again. */
static void
joined_now(struct net *net, bool again)
{
	net->state = NET_JOINED;
	net->joined_once = true;
	net->attempt = 0;
	uv_timer_stop(&net->retry);
	netseat_keep(net);
	if (!again) {
		if (net->handlers.joined != NULL)
			net->handlers.joined(net, net->arg);
		return;
	}
	resend(net);
	if (net->state == NET_JOINED && net->handlers.link != NULL)
		net->handlers.link(net, true, 0, NULL, 0, net->arg);
}

static void
on_joined(struct net *net, const Aandeslag__Joined *j)
{
	bool again = net->joined_once;
	bool was_chair = again && net->have_room &&
	                 model_chair(&net->room) == net->self_id;
	int rc;

	if (j->snapshot == NULL || j->resume_token.len > sizeof net->token ||
	    j->code == NULL || strlen(j->code) >= sizeof net->code ||
	    (j->content == NULL && net->content.msg == NULL)) {
		lose(net, UV_EPROTO, NULL, false);
		return;
	}
	rc = load_room(net, j);
	if (rc < 0) {
		lose(net, rc, NULL, false);
		return;
	}
	net->self_id = j->participant_id;
	snprintf(net->code, sizeof net->code, "%s", j->code);
	if (j->chair_code != NULL && j->chair_code[0] != '\0')
		snprintf(net->chair_code, sizeof net->chair_code, "%s",
		         j->chair_code);
	/* Someone took the chair over while we were away: say who. */
	net->chair_taken_by = was_chair &&
	                      model_chair(&net->room) != net->self_id ?
	                      model_chair(&net->room) : 0;
	/* A viewer gets no token at all. */
	if (j->resume_token.len > 0)
		memcpy(net->token, j->resume_token.data, j->resume_token.len);
	net->token_len = j->resume_token.len;
	/* Coming back as someone who sent commands before (maybe from a
	 * client that has since been closed): go on above them. */
	if (j->last_request_id > net->next_request_id)
		net->next_request_id = j->last_request_id;
	joined_now(net, again);
}

/* A room's Joined that answers no request: the facilitator moved us to
 * another room of the workshop. The mirror becomes the new room's. */
static void
on_moved(struct net *net, const Aandeslag__Joined *j)
{
	int rc;

	if (j->snapshot == NULL || j->resume_token.len > sizeof net->token ||
	    j->resume_token.len == 0 || j->code == NULL ||
	    strlen(j->code) >= sizeof net->code) {
		lose(net, UV_EPROTO, NULL, false);
		return;
	}
	rc = load_room(net, j);
	if (rc < 0) {
		lose(net, rc, NULL, false);
		return;
	}
	net->self_id = j->participant_id;
	snprintf(net->code, sizeof net->code, "%s", j->code);
	memcpy(net->token, j->resume_token.data, j->resume_token.len);
	net->token_len = j->resume_token.len;
	netseat_keep(net);
	if (net->handlers.moved != NULL)
		net->handlers.moved(net, net->arg);
}

/* Keeps a copy of a workshop's status (the envelope it came in is freed
 * after dispatch); tells the user when tell is set. */
static void
keep_status(struct net *net, const Aandeslag__WorkshopStatus *st, bool tell)
{
	ProtobufCMessage *copy = items_dup(&st->base);

	if (copy == NULL) {
		lose(net, UV_ENOMEM, NULL, false);
		return;
	}
	items_free_msg(net->workshop ? &net->workshop->base : NULL);
	net->workshop = (Aandeslag__WorkshopStatus *)copy;
	net->workshop_at = net_now(net);
	if (tell && net->handlers.workshop != NULL)
		net->handlers.workshop(net, net->arg);
}

/* Joined a workshop: as its facilitator (with a token), or as a plenary
 * projector. */
static void
on_workshop_joined(struct net *net, const Aandeslag__WorkshopJoined *j)
{
	struct content fresh = { 0 };
	bool again = net->joined_once;

	if (j->status == NULL || j->code == NULL ||
	    strlen(j->code) >= sizeof net->code ||
	    j->resume_token.len > sizeof net->token ||
	    (j->content == NULL && net->content.msg == NULL)) {
		lose(net, UV_EPROTO, NULL, false);
		return;
	}
	if (j->content != NULL) {
		if (content_from_wire(&fresh, j->content) < 0) {
			lose(net, UV_EPROTO, NULL, false);
			return;
		}
		content_free(&net->content);
		net->content = fresh;
	}
	net->in_workshop = true;
	net->facilitator = j->resume_token.len > 0;
	snprintf(net->code, sizeof net->code, "%s", j->code);
	if (j->facilitator_code != NULL && j->facilitator_code[0] != '\0')
		snprintf(net->facilitator_code, sizeof net->facilitator_code,
		         "%s", j->facilitator_code);
	if (j->resume_token.len > 0)
		memcpy(net->token, j->resume_token.data, j->resume_token.len);
	net->token_len = j->resume_token.len;
	if (j->last_request_id > net->next_request_id)
		net->next_request_id = j->last_request_id;
	keep_status(net, j->status, false);
	if (net->state == NET_CLOSED)
		return;
	joined_now(net, again);
}

/* The join was refused. A kept token that no longer holds is dropped and
 * the join tried again with the name; a resume after a loss that finds
 * the seat gone is the end; anything else in a first join is for the
 * user to act on. */
static void
join_refused(struct net *net, uint64_t request_id, const struct refusal *why)
{
	bool stale = why->code == AANDESLAG__ERROR_CODE__ERROR_BAD_TOKEN ||
	             why->code == AANDESLAG__ERROR_CODE__ERROR_NO_SUCH_ROOM;

	if (net->joined_once) {
		if (stale)
			close_seat(net, true);
		lose(net, 0, why, relink_refusal_final(why->code));
		return;
	}
	if (net->token_from_file && stale) {
		net->token_from_file = false;
		net->token_len = 0;
		tokens_forget(&net->seat);
		if (why->code == AANDESLAG__ERROR_CODE__ERROR_BAD_TOKEN) {
			send_join(net);
			return;
		}
	}
	if (net->handlers.refused != NULL)
		net->handlers.refused(net, request_id, why, net->arg);
}

static void
on_event(struct net *net, const Aandeslag__Event *ev)
{
	int rc;

	if (net->handlers.event != NULL)
		net->handlers.event(net, ev, net->arg);
	rc = model_apply(&net->room, ev, net_now(net));
	if (rc < 0) {
		lose(net, rc == -ENOMEM ? UV_ENOMEM : UV_EPROTO, NULL, false);
		return;
	}
	if (net->handlers.applied != NULL)
		net->handlers.applied(net, ev, net->arg);
}

/* An Ack or a Refusal of a command: it leaves the outbox. An answer to a
 * command no longer waiting (answered before) is not passed on. */
static void
answered(struct net *net, uint64_t request_id, const struct refusal *why)
{
	bool leave = false;

	if (!outbox_take(&net->outbox, request_id, &leave))
		return;
	if (leave && why == NULL) {
		/* The seat is free: nothing to come back to. */
		net->left = true;
		close_seat(net, true);
	}
	if (why == NULL && net->handlers.ack != NULL)
		net->handlers.ack(net, request_id, net->arg);
	else if (why != NULL && net->handlers.refused != NULL)
		net->handlers.refused(net, request_id, why, net->arg);
}

static void
dispatch(struct net *net, const Aandeslag__Envelope *env)
{
	struct refusal why;

	switch (env->body_case) {
	case AANDESLAG__ENVELOPE__BODY_WELCOME:
		if (net->state != NET_HELLO)
			return;
		snprintf(net->ssh_account, sizeof net->ssh_account, "%s",
		         env->welcome->ssh_account);
		snprintf(net->ssh_fingerprint, sizeof net->ssh_fingerprint,
		         "%s", env->welcome->ssh_fingerprint);
		if (env->welcome->n_addresses > 0)
			snprintf(net->server_address, sizeof net->server_address,
			         "%s", env->welcome->addresses[0]);
		/* A server may take less than our maximum (--max-frame). */
		net->max_frame = env->welcome->max_client_frame > 0 &&
		                 env->welcome->max_client_frame < FRAME_MAX_CLIENT ?
		                 env->welcome->max_client_frame : FRAME_MAX_CLIENT;
		link_heartbeat(&net->link, env->welcome->idle_timeout_ms);
		send_join(net);
		return;
	case AANDESLAG__ENVELOPE__BODY_VERSION_REFUSED:
		refusal_set_num2(&why, AANDESLAG__ERROR_CODE__ERROR_VERSION,
		                 env->version_refused->min_version,
		                 env->version_refused->max_version);
		lose(net, 0, &why, true);
		return;
	case AANDESLAG__ENVELOPE__BODY_JOINED:
		if (net->state == NET_JOINING)
			on_joined(net, env->joined);
		else if (net->state == NET_JOINED && !net->in_workshop &&
		         env->joined->request_id == 0)
			on_moved(net, env->joined);
		return;
	case AANDESLAG__ENVELOPE__BODY_WORKSHOP_JOINED:
		if (net->state == NET_JOINING)
			on_workshop_joined(net, env->workshop_joined);
		return;
	case AANDESLAG__ENVELOPE__BODY_WORKSHOP_STATUS:
		if (net->state == NET_JOINED && net->in_workshop)
			keep_status(net, env->workshop_status, true);
		return;
	case AANDESLAG__ENVELOPE__BODY_ROOM_LIST:
		if (net->state != NET_JOINING)
			return;
		if (env->room_list->n_rooms == 0 || net->handlers.rooms == NULL) {
			/* A plain room's code: nothing to choose. */
			send_join(net);
			return;
		}
		net->handlers.rooms(net, env->room_list, net->arg);
		return;
	case AANDESLAG__ENVELOPE__BODY_WORKSHOP_EXPORT:
		if (net->state == NET_JOINED && net->in_workshop &&
		    net->handlers.export_room != NULL)
			for (size_t i = 0; i < env->workshop_export->n_rooms; i++)
				net->handlers.export_room(net,
				        env->workshop_export->request_id,
				        env->workshop_export->rooms[i], net->arg);
		return;
	case AANDESLAG__ENVELOPE__BODY_EVENT:
		if (net->state == NET_JOINED)
			on_event(net, env->event);
		return;
	case AANDESLAG__ENVELOPE__BODY_ACK:
		if (net->state == NET_JOINED)
			answered(net, env->ack->request_id, NULL);
		return;
	case AANDESLAG__ENVELOPE__BODY_REFUSAL:
		refusal_set_params(&why, env->refusal->code, env->refusal->params,
		             env->refusal->n_params);
		if (net->state == NET_JOINING)
			join_refused(net, env->refusal->request_id, &why);
		else if (net->state == NET_JOINED)
			answered(net, env->refusal->request_id, &why);
		return;
	case AANDESLAG__ENVELOPE__BODY_CLOSING:
		refusal_set_params(&why, env->closing->code, env->closing->params,
		             env->closing->n_params);
		if (why.code == AANDESLAG__ERROR_CODE__ERROR_REMOVED)
			close_seat(net, true);
		lose(net, 0, &why, relink_closing_final(why.code));
		return;
	default:
		/* Pongs and messages of later versions need nothing here. */
		return;
	}
}

static void
on_link_frame(struct link *l, const Aandeslag__Envelope *env, void *arg)
{
	(void)l;
	dispatch(arg, env);
}

/* Starts an attempt: look the server up again (its address may have
 * changed with the network), connect, Hello, join. A reconnect attempt
 * gets until the retry timer fires, and no longer than the deadline
 * allows (but a second at least). Returns 0 or a libuv error. */
static int
attempt(struct net *net)
{
	int64_t left;
	int rc;

	rc = link_open(&net->link, net->opts.host, net->opts.port);
	if (rc < 0)
		return rc;
	net->state = NET_CONNECTING;
	if (!net->joined_once)
		return 0;
	left = net->lost_at + net->opts.reconnect_ms - net_now(net);
	if (left > RELINK_ATTEMPT_MS)
		left = RELINK_ATTEMPT_MS;
	if (left < 1000)
		left = 1000;
	uv_timer_start(&net->retry, on_retry, (uint64_t)left, 0);
	return 0;
}

int
net_start(struct net *net, uv_loop_t *loop, const struct net_options *opts,
          const struct net_handlers *handlers, void *arg)
{
	static const struct link_handlers link_handlers = {
		.connected = on_link_connected,
		.frame = on_link_frame,
		.lost = on_link_lost,
		.idle = on_link_idle,
		.verify = on_link_verify,
	};
	int rc;

	memset(net, 0, sizeof *net);
	net->loop = loop;
	net->opts = *opts;
	net->handlers = *handlers;
	net->arg = arg;
	net->state = NET_CONNECTING;
	tokens_init(&net->seat);
	link_init(&net->link, loop, &link_handlers, net);
	link_use_tls(&net->link, !opts->no_tls);
	uv_timer_init(loop, &net->retry);
	net->retry.data = net;
	rc = netseat_open(net);
	if (rc < 0)
		return rc;
	return attempt(net);
}

/* Sends env, a command whose request id is id, through the outbox. */
static int
send_command(struct net *net, const Aandeslag__Envelope *env, uint64_t id,
             bool leave, uint64_t *request_id)
{
	struct wire_buf *buf;
	int rc;

	rc = wire_pack(env, net->max_frame ? net->max_frame : FRAME_MAX_CLIENT,
	               &buf);
	if (rc < 0)
		return rc;
	rc = outbox_push(&net->outbox, id, buf, leave);
	if (rc < 0) {
		wire_unref(buf);
		return rc;
	}
	net->next_request_id = id;
	if (request_id != NULL)
		*request_id = id;
	/* While reconnecting it waits in the outbox. */
	if (net->state == NET_JOINED && link_send(&net->link, &buf, 1) < 0)
		lose(net, UV_EPIPE, NULL, false);
	return net->state == NET_CLOSED ? -ENOTCONN : 0;
}

int
net_send(struct net *net, Aandeslag__Command *cmd, uint64_t *request_id)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;

	if (!net->joined_once || net->state == NET_CLOSED || net->in_workshop)
		return -ENOTCONN;
	cmd->request_id = net->next_request_id + 1;
	env.body_case = AANDESLAG__ENVELOPE__BODY_COMMAND;
	env.command = cmd;
	return send_command(net, &env, cmd->request_id,
	                    cmd->op_case == AANDESLAG__COMMAND__OP_LEAVE,
	                    request_id);
}

int
net_send_workshop(struct net *net, Aandeslag__WorkshopCommand *cmd,
                  uint64_t *request_id)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;

	if (!net->joined_once || net->state == NET_CLOSED || !net->facilitator)
		return -ENOTCONN;
	cmd->request_id = net->next_request_id + 1;
	env.body_case = AANDESLAG__ENVELOPE__BODY_WORKSHOP_COMMAND;
	env.workshop_command = cmd;
	return send_command(net, &env, cmd->request_id, false, request_id);
}

int
net_choose_room(struct net *net, const char *room)
{
	if (net->state != NET_JOINING || !net->listed || net->chosen)
		return -EALREADY;
	snprintf(net->chosen_room, sizeof net->chosen_room, "%s",
	         room != NULL ? room : "");
	net->chosen = true;
	send_join(net);
	return 0;
}

size_t
net_pending(const struct net *net)
{
	return outbox_count(&net->outbox);
}

bool
net_reconnecting(const struct net *net)
{
	return net->joined_once && net->state != NET_JOINED &&
	       net->state != NET_CLOSED;
}

int64_t
net_now(const struct net *net)
{
	return link_now(&net->link);
}

void
net_tick(struct net *net)
{
	/* A closed connection's link has no heartbeat: it does nothing.
	 * Until joined the Joined is awaited; then any command in the
	 * outbox awaits its Ack or Refusal. */
	link_tick(&net->link, net->state != NET_JOINED ||
	          outbox_count(&net->outbox) > 0);
}

void
net_close(struct net *net)
{
	net->handlers.closed = NULL;
	net->handlers.link = NULL;
	finish(net, 0, NULL);
}

void
net_free(struct net *net)
{
	if (net->have_room)
		model_free(&net->room);
	net->have_room = false;
	items_free_msg(net->workshop ? &net->workshop->base : NULL);
	net->workshop = NULL;
	content_free(&net->content);
	link_free(&net->link);
	outbox_free(&net->outbox);
	tokens_close(&net->seat);
}
