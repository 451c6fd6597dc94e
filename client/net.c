/* The client's connection. Everything the server sends is checked before
 * it is believed: frames against the maximum, envelopes by protobuf-c
 * under a byte budget, events and snapshots by the model's own rules. */
#include "net.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "i18n.h"
#include "snapshot.h"
#include "wire.h"

struct net_write {
	uv_write_t req;
	struct wire_buf *buf;
};

static void
on_tcp_closed(uv_handle_t *handle)
{
	(void)handle;
}

/* Ends the connection and tells the user once. */
static void
finish(struct net *net, int err, const struct refusal *why)
{
	struct refusal none;

	if (net->state == NET_CLOSED)
		return;
	net->state = NET_CLOSED;
	frame_partial_reset(&net->partial);
	if (!uv_is_closing((uv_handle_t *)&net->heartbeat))
		uv_close((uv_handle_t *)&net->heartbeat, on_tcp_closed);
	if (net->tcp_open && !uv_is_closing((uv_handle_t *)&net->tcp))
		uv_close((uv_handle_t *)&net->tcp, on_tcp_closed);
	if (why == NULL) {
		refusal_set(&none, AANDESLAG__ERROR_CODE__ERROR_NONE);
		why = &none;
	}
	if (net->handlers.closed != NULL)
		net->handlers.closed(net, err, why, net->arg);
}

static void
on_write(uv_write_t *req, int status)
{
	struct net_write *w = (struct net_write *)req;

	(void)status;
	wire_unref(w->buf);
	free(w);
}

static int
send_env(struct net *net, const Aandeslag__Envelope *env)
{
	struct net_write *w;
	uv_buf_t b;
	int rc;

	w = malloc(sizeof *w);
	if (w == NULL)
		return -ENOMEM;
	rc = wire_pack(env, FRAME_MAX_CLIENT, &w->buf);
	if (rc < 0) {
		free(w);
		return rc;
	}
	b = uv_buf_init((char *)w->buf->data, (unsigned)w->buf->len);
	rc = uv_write(&w->req, (uv_stream_t *)&net->tcp, &b, 1, on_write);
	if (rc < 0) {
		wire_unref(w->buf);
		free(w);
		return rc;
	}
	net->last_sent = net_now(net);
	return 0;
}

static void
send_hello(struct net *net)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Hello hello = AANDESLAG__HELLO__INIT;

	hello.min_version = WIRE_VERSION_MIN;
	hello.max_version = WIRE_VERSION_MAX;
	hello.software = (char *)"aandeslag " PACKAGE_VERSION;
	env.body_case = AANDESLAG__ENVELOPE__BODY_HELLO;
	env.hello = &hello;
	if (send_env(net, &env) < 0)
		finish(net, UV_EPIPE, NULL);
}

static void
on_heartbeat(uv_timer_t *timer)
{
	struct net *net = timer->data;
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Ping ping = AANDESLAG__PING__INIT;
	int64_t now = net_now(net);

	if (now - net->last_heard >= net->idle_timeout_ms) {
		/* Nothing, not even a Pong: the network is gone (no FIN came,
		 * as when a laptop leaves the Wi-Fi). */
		finish(net, UV_ETIMEDOUT, NULL);
		return;
	}
	if (now - net->last_sent < net->idle_timeout_ms / 3)
		return;
	ping.nonce = (uint64_t)now;
	env.body_case = AANDESLAG__ENVELOPE__BODY_PING;
	env.ping = &ping;
	if (send_env(net, &env) < 0)
		finish(net, UV_EPIPE, NULL);
}

/* Starts the heartbeat with the server's idle timeout from Welcome. */
static void
start_heartbeat(struct net *net, uint32_t idle_timeout_ms)
{
	uint64_t every;

	net->idle_timeout_ms = idle_timeout_ms;
	if (idle_timeout_ms == 0)
		return;
	every = idle_timeout_ms / 6;
	if (every < 50)
		every = 50;
	uv_timer_start(&net->heartbeat, on_heartbeat, every, every);
}

static void
send_join(struct net *net)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__CreateRoom create = AANDESLAG__CREATE_ROOM__INIT;
	Aandeslag__JoinRoom join = AANDESLAG__JOIN_ROOM__INIT;
	int rc;

	if (net->opts.new_room != NULL) {
		create.request_id = ++net->next_request_id;
		create.title = (char *)net->opts.new_room;
		create.name = (char *)net->opts.name;
		create.content_hash = net->content.hash;
		env.body_case = AANDESLAG__ENVELOPE__BODY_CREATE_ROOM;
		env.create_room = &create;
	} else {
		join.request_id = ++net->next_request_id;
		join.code = (char *)net->opts.room;
		join.name = (char *)(net->opts.name ? net->opts.name : "");
		join.viewer = net->opts.viewer;
		join.content_hash = net->content.hash;
		if (net->token_len > 0) {
			join.resume_token.data = net->token;
			join.resume_token.len = net->token_len;
		}
		env.body_case = AANDESLAG__ENVELOPE__BODY_JOIN_ROOM;
		env.join_room = &join;
	}
	net->state = NET_JOINING;
	rc = send_env(net, &env);
	if (rc < 0)
		finish(net, rc == -EMSGSIZE ? UV_E2BIG : UV_EPIPE, NULL);
}

static void
copy_refusal(struct refusal *why, int code, char **params, size_t n)
{
	size_t i;

	refusal_set(why, code);
	for (i = 0; i < n && i < REFUSAL_PARAMS; i++)
		snprintf(why->params[i], sizeof why->params[i], "%s",
		         params[i] ? params[i] : "");
	why->nparams = (unsigned)(i);
}

static void
on_joined(struct net *net, const Aandeslag__Joined *j)
{
	int rc;

	if (j->snapshot == NULL || j->resume_token.len > sizeof net->token ||
	    (j->content == NULL && net->content.msg == NULL)) {
		finish(net, UV_EPROTO, NULL);
		return;
	}
	if (j->content != NULL) {
		content_free(&net->content);
		rc = content_from_wire(&net->content, j->content);
		if (rc < 0) {
			finish(net, rc == -ENOMEM ? UV_ENOMEM : UV_EPROTO, NULL);
			return;
		}
	}
	rc = snapshot_load(&net->room, &net->content, j->snapshot,
	                   net_now(net));
	if (rc < 0) {
		finish(net, rc == -ENOMEM ? UV_ENOMEM : UV_EPROTO, NULL);
		return;
	}
	net->have_room = true;
	net->self_id = j->participant_id;
	/* A viewer gets no token at all. */
	if (j->resume_token.len > 0)
		memcpy(net->token, j->resume_token.data, j->resume_token.len);
	net->token_len = j->resume_token.len;
	net->state = NET_JOINED;
	if (net->handlers.joined != NULL)
		net->handlers.joined(net, net->arg);
}

static void
on_event(struct net *net, const Aandeslag__Event *ev)
{
	int rc;

	if (net->handlers.event != NULL)
		net->handlers.event(net, ev, net->arg);
	rc = model_apply(&net->room, ev, net_now(net));
	if (rc < 0) {
		finish(net, rc == -ENOMEM ? UV_ENOMEM : UV_EPROTO, NULL);
		return;
	}
	if (net->handlers.applied != NULL)
		net->handlers.applied(net, ev, net->arg);
}

static void
dispatch(struct net *net, const Aandeslag__Envelope *env)
{
	struct refusal why;

	switch (env->body_case) {
	case AANDESLAG__ENVELOPE__BODY_WELCOME:
		if (net->state != NET_HELLO)
			return;
		if (env->welcome->n_addresses > 0)
			snprintf(net->server_address, sizeof net->server_address,
			         "%s", env->welcome->addresses[0]);
		start_heartbeat(net, env->welcome->idle_timeout_ms);
		send_join(net);
		return;
	case AANDESLAG__ENVELOPE__BODY_VERSION_REFUSED:
		refusal_set_num2(&why, AANDESLAG__ERROR_CODE__ERROR_VERSION,
		                 env->version_refused->min_version,
		                 env->version_refused->max_version);
		finish(net, 0, &why);
		return;
	case AANDESLAG__ENVELOPE__BODY_JOINED:
		if (net->state == NET_JOINING)
			on_joined(net, env->joined);
		return;
	case AANDESLAG__ENVELOPE__BODY_EVENT:
		if (net->state == NET_JOINED)
			on_event(net, env->event);
		return;
	case AANDESLAG__ENVELOPE__BODY_ACK:
		if (net->pending > 0)
			net->pending--;
		if (net->handlers.ack != NULL)
			net->handlers.ack(net, env->ack->request_id, net->arg);
		return;
	case AANDESLAG__ENVELOPE__BODY_REFUSAL:
		copy_refusal(&why, env->refusal->code, env->refusal->params,
		             env->refusal->n_params);
		if (net->state == NET_JOINED && net->pending > 0)
			net->pending--;
		if (net->handlers.refused != NULL)
			net->handlers.refused(net, env->refusal->request_id, &why,
			                      net->arg);
		return;
	case AANDESLAG__ENVELOPE__BODY_CLOSING:
		copy_refusal(&why, env->closing->code, env->closing->params,
		             env->closing->n_params);
		finish(net, 0, &why);
		return;
	default:
		/* Pongs and messages of later versions need nothing here. */
		return;
	}
}

static int
on_frame(void *arg, const uint8_t *payload, size_t len)
{
	struct net *net = arg;
	Aandeslag__Envelope *env;
	struct wire_alloc alloc;

	wire_alloc_init(&alloc, len);
	env = wire_unpack(payload, len, &alloc);
	if (env == NULL) {
		finish(net, UV_EPROTO, NULL);
		return 1;
	}
	dispatch(net, env);
	wire_free(env, &alloc);
	return net->state == NET_CLOSED;
}

static void
on_alloc(uv_handle_t *handle, size_t suggested, uv_buf_t *buf)
{
	struct net *net = handle->data;

	(void)suggested;
	*buf = uv_buf_init((char *)net->readbuf, (unsigned)sizeof net->readbuf);
}

static void
on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf)
{
	struct net *net = stream->data;
	int rc;

	if (nread == 0)
		return;
	if (nread < 0) {
		finish(net, (int)nread, NULL);
		return;
	}
	net->last_heard = net_now(net);
	rc = frame_feed(&net->partial, (const uint8_t *)buf->base,
	                (size_t)nread, FRAME_MAX_SERVER, on_frame, net);
	if (rc < 0)
		finish(net, UV_EPROTO, NULL);
}

static void
on_connect(uv_connect_t *req, int status)
{
	struct net *net = req->data;

	if (net->state == NET_CLOSED)
		return;
	if (status < 0) {
		finish(net, status, NULL);
		return;
	}
	uv_tcp_nodelay(&net->tcp, 1);
	net->state = NET_HELLO;
	if (uv_read_start((uv_stream_t *)&net->tcp, on_alloc, on_read) < 0) {
		finish(net, UV_EPIPE, NULL);
		return;
	}
	send_hello(net);
}

/* Picks the address to try: with several (say ::1 and 127.0.0.1 for
 * localhost), IPv4 first, as a school server listening on IPv4 only is
 * the common case and a refused attempt would cost a round of errors. */
static const struct addrinfo *
pick_address(const struct addrinfo *list)
{
	const struct addrinfo *ai;

	for (ai = list; ai != NULL; ai = ai->ai_next)
		if (ai->ai_family == AF_INET)
			return ai;
	return list;
}

static void
on_resolved(uv_getaddrinfo_t *req, int status, struct addrinfo *res)
{
	struct net *net = req->data;
	const struct addrinfo *ai;
	int rc;

	if (status < 0) {
		finish(net, status, NULL);
		return;
	}
	ai = pick_address(res);
	rc = uv_tcp_init(net->loop, &net->tcp);
	if (rc == 0) {
		net->tcp_open = true;
		net->tcp.data = net;
		net->connector.data = net;
		net->state = NET_CONNECTING;
		rc = uv_tcp_connect(&net->connector, &net->tcp, ai->ai_addr,
		                    on_connect);
	}
	uv_freeaddrinfo(res);
	if (rc < 0)
		finish(net, rc, NULL);
}

int
net_start(struct net *net, uv_loop_t *loop, const struct net_options *opts,
          const struct net_handlers *handlers, void *arg)
{
	struct addrinfo hints;
	char port[16];

	memset(net, 0, sizeof *net);
	net->loop = loop;
	net->opts = *opts;
	net->handlers = *handlers;
	net->arg = arg;
	net->state = NET_RESOLVING;
	net->resolver.data = net;
	uv_timer_init(loop, &net->heartbeat);
	net->heartbeat.data = net;
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	snprintf(port, sizeof port, "%d", opts->port);
	return uv_getaddrinfo(loop, &net->resolver, on_resolved, opts->host,
	                      port, &hints);
}

int
net_send(struct net *net, Aandeslag__Command *cmd, uint64_t *request_id)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	int rc;

	if (net->state != NET_JOINED)
		return -ENOTCONN;
	cmd->request_id = ++net->next_request_id;
	env.body_case = AANDESLAG__ENVELOPE__BODY_COMMAND;
	env.command = cmd;
	rc = send_env(net, &env);
	if (rc < 0)
		return rc;
	net->pending++;
	if (request_id != NULL)
		*request_id = cmd->request_id;
	return 0;
}

int64_t
net_now(const struct net *net)
{
#ifdef CLOCK_BOOTTIME
	struct timespec ts;

	/* The boot-time clock goes on while the laptop sleeps, so a step's
	 * countdown is right again the moment the lid opens. */
	if (clock_gettime(CLOCK_BOOTTIME, &ts) == 0)
		return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
#endif
	return (int64_t)uv_now(net->loop);
}

void
net_close(struct net *net)
{
	net->handlers.closed = NULL;
	if (net->state == NET_RESOLVING)
		uv_cancel((uv_req_t *)&net->resolver);
	finish(net, 0, NULL);
}

void
net_describe_error(const struct net_options *o, int err, char *out,
                   size_t size)
{
	const char *why;

	switch (err) {
	case UV_ECONNREFUSED:
		why = _("er luistert niets op die poort. Draait de server, en klopt de poort?");
		break;
	case UV_EAI_NONAME:
	case UV_EAI_AGAIN:
	case UV_EAI_FAIL:
		why = _("die naam is onbekend. Klopt de naam of het adres van de server?");
		break;
	case UV_ETIMEDOUT:
	case UV_EHOSTUNREACH:
	case UV_ENETUNREACH:
		why = _("de server is niet bereikbaar. Zit je op hetzelfde netwerk? Houdt een firewall de poort tegen?");
		break;
	default:
		why = uv_strerror(err);
		break;
	}
	snprintf(out, size, _("geen verbinding met %s poort %d: %s"), o->host,
	         o->port, why);
}

void
net_free(struct net *net)
{
	if (net->have_room)
		model_free(&net->room);
	net->have_room = false;
	content_free(&net->content);
	frame_partial_reset(&net->partial);
}
