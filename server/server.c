/* The server's loop: listening, signals, the version handshake and the
 * dispatch of messages by connection state. */
#include "server.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "conn.h"
#include "frame.h"
#include "i18n.h"
#include "wire.h"

/* The installed content file, or the source tree's when the server runs
 * from its build directory. */
static const char *
default_content(void)
{
	return access(CONTENT_FILE, R_OK) == 0 ? CONTENT_FILE :
	       SOURCE_CONTENT_FILE;
}

void
server_options_default(struct server_options *opts)
{
	opts->content_path = default_content();
	opts->listen = NULL;
	opts->port = SERVER_DEFAULT_PORT;
	opts->seat_grace_ms = 120 * 1000;
	/* Enough for a few full snapshots; a laptop that is this far behind
	 * has stopped reading. */
	opts->send_queue_max = 4 * FRAME_MAX_SERVER;
	opts->max_rooms = 1000;
	/* School Wi-Fi drops without a word; a laptop that is gone for this
	 * long is noticed, and its seat shows as away. */
	opts->idle_timeout_ms = 30 * 1000;
}

int64_t
server_now(const struct server *srv)
{
	return (int64_t)uv_now(srv->loop);
}

int
server_random(void *buf, size_t len)
{
	/* Without a callback uv_random() runs synchronously. */
	return uv_random(NULL, NULL, buf, len, 0, NULL);
}

void
server_log(const struct server *srv, const char *fmt, ...)
{
	char stamp[32];
	struct tm tm;
	time_t t = time(NULL);
	va_list ap;

	(void)srv;
	localtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
	fprintf(stderr, "%s ", stamp);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void
send_env(struct conn *c, const Aandeslag__Envelope *env, bool last)
{
	struct wire_buf *buf;

	if (wire_pack(env, FRAME_MAX_SERVER, &buf) < 0) {
		conn_close(c);
		return;
	}
	if (last)
		conn_finish(c, buf);
	else
		conn_send(c, buf);
	wire_unref(buf);
}

static void
handshake(struct conn *c, const Aandeslag__Hello *hello)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Welcome welcome = AANDESLAG__WELCOME__INIT;
	Aandeslag__VersionRefused refused = AANDESLAG__VERSION_REFUSED__INIT;
	uint32_t version = hello->max_version;
	char *address_ptrs[8];
	size_t i;

	if (version > WIRE_VERSION_MAX)
		version = WIRE_VERSION_MAX;
	if (hello->min_version > hello->max_version ||
	    version < hello->min_version || version < WIRE_VERSION_MIN) {
		server_log(c->server,
		           "connection %llu: speaks versions %u to %u; refused",
		           (unsigned long long)c->log_id, hello->min_version,
		           hello->max_version);
		refused.min_version = WIRE_VERSION_MIN;
		refused.max_version = WIRE_VERSION_MAX;
		refused.software = (char *)"aandeslag-server " PACKAGE_VERSION;
		env.body_case = AANDESLAG__ENVELOPE__BODY_VERSION_REFUSED;
		env.version_refused = &refused;
		send_env(c, &env, true);
		return;
	}
	welcome.version = version;
	welcome.software = (char *)"aandeslag-server " PACKAGE_VERSION;
	welcome.max_client_frame = FRAME_MAX_CLIENT;
	welcome.max_server_frame = FRAME_MAX_SERVER;
	welcome.idle_timeout_ms = (uint32_t)c->server->opts.idle_timeout_ms;
	welcome.n_addresses = c->server->naddresses;
	welcome.addresses = address_ptrs;
	for (i = 0; i < c->server->naddresses; i++)
		address_ptrs[i] = c->server->addresses[i];
	env.body_case = AANDESLAG__ENVELOPE__BODY_WELCOME;
	env.welcome = &welcome;
	c->state = CONN_LOBBY;
	send_env(c, &env, false);
}

static void
pong(struct conn *c, const Aandeslag__Ping *ping)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Pong p = AANDESLAG__PONG__INIT;

	p.nonce = ping->nonce;
	env.body_case = AANDESLAG__ENVELOPE__BODY_PONG;
	env.pong = &p;
	send_env(c, &env, false);
}

void
server_dispatch(struct conn *c, const Aandeslag__Envelope *env)
{
	int body = env->body_case;

	if (body == AANDESLAG__ENVELOPE__BODY__NOT_SET) {
		/* An empty envelope, or one whose only field is of a kind this
		 * version does not know. */
		conn_fail(c, AANDESLAG__ERROR_CODE__ERROR_UNKNOWN_MESSAGE, NULL, 0);
		return;
	}
	if (body == AANDESLAG__ENVELOPE__BODY_PING && c->state != CONN_HELLO) {
		pong(c, env->ping);
		return;
	}
	switch (c->state) {
	case CONN_HELLO:
		if (body == AANDESLAG__ENVELOPE__BODY_HELLO) {
			handshake(c, env->hello);
			return;
		}
		break;
	case CONN_LOBBY:
		if (body == AANDESLAG__ENVELOPE__BODY_CREATE_ROOM) {
			rooms_create(c->server, c, env->create_room);
			return;
		}
		if (body == AANDESLAG__ENVELOPE__BODY_JOIN_ROOM) {
			rooms_join(c->server, c, env->join_room);
			return;
		}
		break;
	case CONN_ROOM:
		if (body == AANDESLAG__ENVELOPE__BODY_COMMAND) {
			room_command(c, env->command);
			return;
		}
		break;
	default:
		return;
	}
	conn_fail(c, AANDESLAG__ERROR_CODE__ERROR_UNEXPECTED_MESSAGE, NULL, 0);
}

/* Closes the connections nothing was heard from for the idle timeout:
 * a half-open connection (a laptop that left the Wi-Fi) looks alive to
 * TCP for a long time. Clients ping well within the timeout. */
static void
on_sweep(uv_timer_t *timer)
{
	struct server *srv = timer->data;
	int64_t now = server_now(srv);
	struct conn *c;

	for (c = srv->conns; c != NULL; c = c->next) {
		if (c->state == CONN_CLOSED ||
		    now - c->last_heard < srv->opts.idle_timeout_ms)
			continue;
		server_log(srv, "connection %llu: silent for %lld ms; closing",
		           (unsigned long long)c->log_id,
		           (long long)(now - c->last_heard));
		conn_close(c);
	}
}

void
server_watch(struct server *srv)
{
	uint64_t every;

	if (srv->stopping || !srv->started)
		return;
	if (srv->nconns == 0) {
		uv_timer_stop(&srv->sweep_timer);
		return;
	}
	if (uv_is_active((uv_handle_t *)&srv->sweep_timer))
		return;
	/* Look a few times per timeout, so a silent connection goes within
	 * about a third of a timeout after it has run out. */
	every = (uint64_t)(srv->opts.idle_timeout_ms / 3);
	if (every < 100)
		every = 100;
	uv_timer_start(&srv->sweep_timer, on_sweep, every, every);
}

static void
on_connection(uv_stream_t *listener, int status)
{
	struct server *srv = listener->data;
	int rc;

	if (status < 0) {
		server_log(srv, "accept: %s", uv_strerror(status));
		return;
	}
	rc = conn_accept(srv, listener);
	if (rc < 0)
		server_log(srv, "accept: %s", uv_strerror(rc));
}

static void
on_signal(uv_signal_t *handle, int signum)
{
	struct server *srv = handle->data;

	server_log(srv, "signal %d: stopping", signum);
	server_stop(srv);
}

static int
bind_listener(struct server *srv, const struct server_options *opts)
{
	struct sockaddr_storage addr;
	int rc;

	if (opts->listen == NULL) {
		/* All interfaces: IPv6 with IPv4 mapped where the system has
		 * IPv6, otherwise IPv4 alone. */
		uv_ip6_addr("::", opts->port, (struct sockaddr_in6 *)&addr);
		rc = uv_tcp_bind(&srv->listener, (struct sockaddr *)&addr, 0);
		if (rc == 0)
			return 0;
		uv_ip4_addr("0.0.0.0", opts->port, (struct sockaddr_in *)&addr);
		return uv_tcp_bind(&srv->listener, (struct sockaddr *)&addr, 0);
	}
	if (uv_ip4_addr(opts->listen, opts->port,
	                (struct sockaddr_in *)&addr) == 0 ||
	    uv_ip6_addr(opts->listen, opts->port,
	                (struct sockaddr_in6 *)&addr) == 0)
		return uv_tcp_bind(&srv->listener, (struct sockaddr *)&addr, 0);
	return UV_EINVAL;
}

/* Prints the listening line (stable, for scripts) and, in the user's
 * language, how colleagues join: every non-loopback IPv4 address. */
static void
print_join_line(struct server *srv)
{
	struct sockaddr_storage addr;
	uv_interface_address_t *ifs;
	int len = sizeof addr, n, i, port = 0, shown = 0;
	char name[64] = "?";

	if (uv_tcp_getsockname(&srv->listener, (struct sockaddr *)&addr,
	                       &len) == 0) {
		if (addr.ss_family == AF_INET6) {
			uv_ip6_name((struct sockaddr_in6 *)&addr, name, sizeof name);
			port = ntohs(((struct sockaddr_in6 *)&addr)->sin6_port);
		} else {
			uv_ip4_name((struct sockaddr_in *)&addr, name, sizeof name);
			port = ntohs(((struct sockaddr_in *)&addr)->sin_port);
		}
	}
	printf("aandeslag-server: listening on %s port %d\n", name, port);
	if (uv_interface_addresses(&ifs, &n) == 0) {
		for (i = 0; i < n; i++) {
			char ip[64];

			if (ifs[i].is_internal ||
			    ifs[i].address.address4.sin_family != AF_INET)
				continue;
			uv_ip4_name(&ifs[i].address.address4, ip, sizeof ip);
			if (srv->opts.listen != NULL &&
			    strcmp(srv->opts.listen, ip) != 0 &&
			    strcmp(srv->opts.listen, "0.0.0.0") != 0 &&
			    strcmp(srv->opts.listen, "::") != 0)
				continue;
			printf(_("Collega's doen mee met: aandeslag --host %s --port %d CODE\n"),
			       ip, port);
			shown++;
			if (srv->naddresses < 8)
				snprintf(srv->addresses[srv->naddresses++],
				         sizeof srv->addresses[0], "%s:%d", ip, port);
		}
		uv_free_interface_addresses(ifs, n);
	}
	if (shown == 0)
		printf(_("Collega's op deze computer doen mee met: aandeslag --host %s --port %d CODE\n"),
		       srv->opts.listen ? srv->opts.listen : "127.0.0.1", port);
	printf(_("De code van een werksessie staat bij de voorzitter, die hem maakt met --new-room.\n"));
	fflush(stdout);
}

int
server_start(struct server *srv, uv_loop_t *loop,
             const struct server_options *opts)
{
	int rc;

	char err[CONTENT_ERROR_SIZE];

	memset(srv, 0, sizeof *srv);
	srv->loop = loop;
	srv->opts = *opts;
	rc = content_load(&srv->content, opts->content_path, err);
	if (rc < 0) {
		fprintf(stderr, "aandeslag-server: %s\n", err);
		return rc;
	}
	/* A peer that vanishes must not kill the server while we write. */
	signal(SIGPIPE, SIG_IGN);
	uv_tcp_init(loop, &srv->listener);
	srv->listener.data = srv;
	rc = bind_listener(srv, opts);
	if (rc == 0)
		rc = uv_listen((uv_stream_t *)&srv->listener, 511, on_connection);
	if (rc < 0) {
		fprintf(stderr, _("aandeslag-server: kan niet luisteren op %s poort %d: %s\n"),
		        opts->listen ? opts->listen : "*", opts->port,
		        uv_strerror(rc));
		uv_close((uv_handle_t *)&srv->listener, NULL);
		return rc;
	}
	uv_signal_init(loop, &srv->sigint);
	uv_signal_init(loop, &srv->sigterm);
	srv->sigint.data = srv;
	srv->sigterm.data = srv;
	uv_signal_start(&srv->sigint, on_signal, SIGINT);
	uv_signal_start(&srv->sigterm, on_signal, SIGTERM);
	uv_timer_init(loop, &srv->stop_timer);
	srv->stop_timer.data = srv;
	uv_timer_init(loop, &srv->sweep_timer);
	srv->sweep_timer.data = srv;
	srv->started = true;
	print_join_line(srv);
	return 0;
}

/* Connections that have not taken their last frame in time are closed
 * anyway: a client that stopped reading must not keep the server up. */
static void
on_stop_timeout(uv_timer_t *timer)
{
	struct server *srv = timer->data;
	struct conn *c;

	for (c = srv->conns; c != NULL; c = c->next)
		conn_close(c);
	uv_close((uv_handle_t *)&srv->stop_timer, NULL);
}

void
server_stop(struct server *srv)
{
	struct conn *c, *next;

	if (srv->stopping || !srv->started)
		return;
	srv->stopping = true;
	uv_close((uv_handle_t *)&srv->listener, NULL);
	uv_close((uv_handle_t *)&srv->sigint, NULL);
	uv_close((uv_handle_t *)&srv->sigterm, NULL);
	uv_close((uv_handle_t *)&srv->sweep_timer, NULL);
	for (c = srv->conns; c != NULL; c = next) {
		next = c->next;
		conn_fail(c, AANDESLAG__ERROR_CODE__ERROR_SERVER_SHUTDOWN, NULL, 0);
	}
	if (srv->conns == NULL) {
		uv_close((uv_handle_t *)&srv->stop_timer, NULL);
		return;
	}
	uv_timer_start(&srv->stop_timer, on_stop_timeout, 2000, 0);
	/* The timer alone must not keep the loop up once all have closed. */
	uv_unref((uv_handle_t *)&srv->stop_timer);
}

void
server_free(struct server *srv)
{
	if (srv->stopping && !uv_is_closing((uv_handle_t *)&srv->stop_timer))
		uv_close((uv_handle_t *)&srv->stop_timer, NULL);
	rooms_free(&srv->rooms);
	content_free(&srv->content);
}
