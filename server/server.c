/* The server's loop: listening, signals, the version handshake and the
 * dispatch of messages by connection state. */
#include "server.h"

#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "admin.h"
#include "conn.h"
#include "join.h"
#include "joininfo.h"
#include "joinguard.h"
#include "frame.h"
#include "i18n.h"
#include "erase.h"
#include "persist.h"
#include "tlscert.h"
#include "wire.h"
#include "workshop.h"
#include "wsjoin.h"
#include "wsops.h"

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
	opts->data_dir = NULL;
	opts->ssh_account = NULL;
	/* A teacher's laptop is switched off with the power button when it
	 * hangs, and its battery runs out: only an fsync per commit keeps
	 * what was acknowledged then. Group commit makes that affordable at
	 * the pace people type. */
	opts->sync = STORE_SYNC_FULL;
	opts->max_db_bytes = 0;
	/* A school year and a bit: long enough for the follow-up meetings,
	 * not forever. */
	opts->retention_ms = (int64_t)400 * 24 * 3600 * 1000;
	opts->discovery = true;
	guard_options_default(&opts->guard);
	opts->max_conns_per_address = CONNLIMIT_DEFAULT_PER_ADDRESS;
	opts->max_conns = CONNLIMIT_DEFAULT_TOTAL;
	opts->command_rate = SERVER_DEFAULT_COMMAND_RATE;
	opts->command_burst = SERVER_DEFAULT_COMMAND_BURST;
	opts->max_client_frame = FRAME_MAX_CLIENT;
	/* Encrypted by default; plain still served to older clients and
	 * to tools, unless the school asks for --tls required. */
	opts->tls = SERVER_TLS_ON;
	opts->tls_cert = NULL;
	opts->tls_key = NULL;
	/* The model's ceilings: a school lowers them as it sees fit. */
	model_limits_default(&opts->limits);
}

int
server_default_data_dir(char *out, size_t size)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	int n;

	if (xdg != NULL && xdg[0] == '/')
		n = snprintf(out, size, "%s/aandeslag", xdg);
	else if (home != NULL && home[0] != '\0')
		n = snprintf(out, size, "%s/.local/share/aandeslag", home);
	else
		return -ENOENT;
	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

int64_t
server_wall_ms(void)
{
	uv_timeval64_t tv;

	if (uv_gettimeofday(&tv) < 0)
		return 0;
	return tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

bool
server_holding(const struct server *srv)
{
	return srv->store != NULL && store_in_transaction(srv->store);
}

void
server_hold(struct server *srv, struct conn *c)
{
	if (c->held_listed)
		return;
	c->held_listed = true;
	c->held_next = srv->held;
	srv->held = c;
}

/* Finds out whether the disk takes writes again after a failed commit;
 * until then every change is refused. */
static void
on_probe(uv_timer_t *timer)
{
	struct server *srv = timer->data;
	int rc;

	rc = store_begin(srv->store);
	if (rc == 0)
		rc = store_set_alive(srv->store, server_wall_ms());
	if (rc == 0)
		rc = store_commit(srv->store);
	if (rc < 0)
		return;
	srv->storage_trouble = false;
	uv_timer_stop(timer);
	server_log(srv, "storage: writing works again");
}

/* Commits the turn's changes and lets out what they held back. Room
 * events do not wait for the disk (see room_command()): connections that
 * hold nothing but events are written before the commit. Everything else
 * (acknowledgements, refusals, snapshots, and so every frame of a
 * command's sender) waits for the commit, so that what is acknowledged
 * is stored. When the commit fails the rooms are read back as they were
 * and every connection that heard of or waited for the turn is closed:
 * its client comes back, takes the room as stored, and sends again what
 * was not acknowledged. A server that dies during the commit does the
 * same by its restart (a new epoch: every client takes a fresh
 * snapshot). */
static void
commit_turn(struct server *srv)
{
	struct conn *c, *next, *late = NULL;
	int rc;

	if (!server_holding(srv))
		return;
	for (c = srv->held, srv->held = NULL; c != NULL; c = next) {
		next = c->held_next;
		if (c->held_late) {
			c->held_next = late;
			late = c;
			continue;
		}
		conn_flush(c);
	}
	/* A commit also tells when the server was last alive, at most once
	 * a second (as the alive timer does): a row less to write for most
	 * commits under load. */
	if (srv->alive_noted == 0 ||
	    server_now(srv) - srv->alive_noted >= 1000) {
		store_set_alive(srv->store, server_wall_ms());
		srv->alive_noted = server_now(srv);
	}
	srv->commit_last = server_now(srv);
	rc = store_commit(srv->store);
	if (rc == 0) {
		for (c = late; c != NULL; c = next) {
			next = c->held_next;
			conn_flush(c);
		}
		return;
	}
	server_log(srv, "storage: commit failed (%s): %s; changes are refused "
	           "until writing works again", strerror(-rc),
	           store_error(srv->store));
	for (c = late; c != NULL; c = next) {
		next = c->held_next;
		conn_drop_held(c);
	}
	rooms_reread(srv);
	server_storage_failed(srv);
}

void
server_storage_failed(struct server *srv)
{
	srv->storage_trouble = true;
	if (!srv->stopping)
		uv_timer_start(&srv->probe_timer, on_probe, 2000, 2000);
}

static void
on_prepare(uv_prepare_t *handle)
{
	workshops_flush(handle->data);
	commit_turn(handle->data);
}

static void
on_check(uv_check_t *handle)
{
	workshops_flush(handle->data);
	commit_turn(handle->data);
}

static void
on_alive(uv_timer_t *timer)
{
	struct server *srv = timer->data;

	/* Once a second while a clock runs: without a flush each time, so
	 * that a server with nothing else to do sleeps between the stamps
	 * instead of waiting for the disk. */
	if (!server_holding(srv))
		store_set_alive_lazily(srv->store, server_wall_ms());
	if (!rooms_clock_runs(&srv->rooms))
		uv_timer_stop(timer);
}

void
server_clock_runs(struct server *srv)
{
	if (srv->store == NULL || srv->stopping ||
	    uv_is_active((uv_handle_t *)&srv->alive_timer))
		return;
	uv_timer_start(&srv->alive_timer, on_alive, 1000, 1000);
}

/* Deletes the rooms nobody used for the retention time. */
static void
on_retention(uv_timer_t *timer)
{
	struct server *srv = timer->data;

	rooms_expire(srv, server_wall_ms() - srv->opts.retention_ms);
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
	welcome.max_client_frame = c->server->opts.max_client_frame;
	welcome.max_server_frame = FRAME_MAX_SERVER;
	welcome.idle_timeout_ms = (uint32_t)c->server->opts.idle_timeout_ms;
	welcome.ssh_account = c->server->ssh_account;
	welcome.ssh_fingerprint = c->server->ssh_fingerprint;
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
		/* A quiet Ping only keeps the connection heard (the reading
		 * did that); its sender sleeps until its next redraw. */
		if (!env->ping->quiet)
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
			join_create(c->server, c, env->create_room);
			return;
		}
		if (body == AANDESLAG__ENVELOPE__BODY_JOIN_ROOM) {
			join_room(c->server, c, env->join_room);
			return;
		}
		if (body == AANDESLAG__ENVELOPE__BODY_CREATE_WORKSHOP) {
			wsjoin_create(c->server, c, env->create_workshop);
			return;
		}
		break;
	case CONN_WORKSHOP:
		if (body == AANDESLAG__ENVELOPE__BODY_WORKSHOP_COMMAND) {
			wsops_command(c, env->workshop_command);
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

/* Answers discovery queries on the UDP port with the TCP port's number.
 * Without it colleagues type the address, so a failure is only said. */
static void
start_discovery(struct server *srv)
{
	struct sockaddr_storage addr;
	int len = sizeof addr, port, rc;

	if (!srv->opts.discovery ||
	    uv_tcp_getsockname(&srv->listener, (struct sockaddr *)&addr,
	                       &len) != 0)
		return;
	port = ntohs(addr.ss_family == AF_INET6 ?
	             ((struct sockaddr_in6 *)&addr)->sin6_port :
	             ((struct sockaddr_in *)&addr)->sin_port);
	rc = discovery_start(&srv->discovery, srv->loop, srv->opts.listen,
	                     port, joinguard_discovery, srv);
	if (rc < 0)
		fprintf(stderr, _("aandeslag-server: kan zoekvragen op UDP-poort %d niet beantwoorden (%s); collega's geven dan het adres op.\n"),
		        port, uv_strerror(rc));
	else
		server_log(srv, "discovery: answering on UDP port %d", port);
}

/* Creates the directories above dir that are missing (0700, as the XDG
 * base directory spec asks): a new user's ~/.local/share may not exist
 * yet. */
static void
make_parents(const char *dir)
{
	char path[4096];
	size_t i;

	snprintf(path, sizeof path, "%s", dir);
	for (i = 1; path[i] != '\0'; i++) {
		if (path[i] != '/')
			continue;
		path[i] = '\0';
		(void)mkdir(path, 0700);
		path[i] = '/';
	}
}

/* Loads (on the first start: makes) the TLS identity kept in dir. */
static int
start_tls(struct server *srv, const char *dir)
{
	char err[512], text[TLS_FP_TEXT_SIZE];
	bool made;
	int rc;

	if (srv->opts.tls == SERVER_TLS_OFF)
		return 0;
	rc = tlscert_load(dir, srv->opts.tls_cert, srv->opts.tls_key,
	                  &srv->tls_creds, srv->tls_fp, &made, err, sizeof err);
	if (rc < 0) {
		fprintf(stderr, _("aandeslag-server: geen TLS-certificaat: %s\n"),
		        err);
		return rc;
	}
	tls_fp_text(srv->tls_fp, text);
	server_log(srv, "tls: %s certificate, fingerprint %s",
	           made ? "new" : "stored", text);
	return 0;
}

/* Opens the database, deletes what is past its retention time, and
 * rebuilds the rooms that are left. */
static int
open_storage(struct server *srv)
{
	char dir[4096], err[512];
	size_t purged = 0;
	int rc;

	if (srv->opts.data_dir != NULL)
		snprintf(dir, sizeof dir, "%s", srv->opts.data_dir);
	else if (server_default_data_dir(dir, sizeof dir) == 0)
		make_parents(dir);
	else {
		fprintf(stderr, _("aandeslag-server: geen map voor de gegevens; "
		                  "geef er een met --data MAP\n"));
		return -ENOENT;
	}
	rc = store_open(&srv->store, dir, (enum store_sync)srv->opts.sync,
	                srv->loop, err, sizeof err);
	if (rc < 0) {
		fprintf(stderr, _("aandeslag-server: kan de gegevens niet openen: %s\n"),
		        err);
		return rc;
	}
	/* One server per data directory; the maintenance commands that
	 * delete also look at this lock. */
	srv->lock_fd = admin_lock(dir);
	if (srv->lock_fd < 0) {
		fprintf(stderr, srv->lock_fd == -EBUSY ?
		        _("aandeslag-server: er draait al een server op %s\n") :
		        "aandeslag-server: %s: lock\n", dir);
		store_close(srv->store);
		srv->store = NULL;
		return srv->lock_fd;
	}
	rc = start_tls(srv, dir);
	if (rc < 0) {
		store_close(srv->store);
		srv->store = NULL;
		return rc;
	}
	if (srv->opts.max_db_bytes > 0)
		store_limit_size(srv->store, srv->opts.max_db_bytes);
	if (srv->opts.retention_ms > 0 &&
	    store_purge(srv->store, server_wall_ms() - srv->opts.retention_ms,
	                &purged) == 0 && purged > 0) {
		server_log(srv, "storage: %zu rooms past the retention time "
		           "deleted", purged);
		store_checkpoint(srv->store, true);
	}
	rc = persist_recover(srv);
	if (rc == 0)
		rc = workshops_recover(srv);
	if (rc < 0) {
		fprintf(stderr, _("aandeslag-server: de opgeslagen werksessies zijn niet te lezen: %s\n"),
		        store_error(srv->store));
		store_close(srv->store);
		srv->store = NULL;
		workshops_free(srv);
		rooms_free(&srv->rooms);
		return rc;
	}
	server_log(srv, "storage: %s, %zu rooms", store_path(srv->store),
	           srv->rooms.count);
	return 0;
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
	guard_init(&srv->guard, &opts->guard, (int64_t)uv_now(loop));
	if (model_limits_check(&opts->limits) < 0) {
		fprintf(stderr, _("aandeslag-server: een grens voor teksten, "
		                  "namen of aantallen valt buiten 1 tot het "
		                  "maximum\n"));
		return -EINVAL;
	}
	rc = content_load(&srv->content, opts->content_path, err);
	if (rc < 0) {
		fprintf(stderr, "aandeslag-server: %s\n", err);
		return rc;
	}
	rc = open_storage(srv);
	if (rc < 0) {
		content_free(&srv->content);
		return rc;
	}
	/* A peer that vanishes must not kill the server while we write, nor
	 * must a file size limit: a write past it fails like a full disk. */
	signal(SIGPIPE, SIG_IGN);
	signal(SIGXFSZ, SIG_IGN);
	uv_tcp_init(loop, &srv->listener);
	srv->listener.data = srv;
	rc = bind_listener(srv, opts);
	if (rc == 0)
		rc = uv_listen((uv_stream_t *)&srv->listener, 511,
		               conn_on_connection);
	if (rc < 0) {
		fprintf(stderr, _("aandeslag-server: kan niet luisteren op %s poort %d: %s\n"),
		        opts->listen ? opts->listen : "*", opts->port,
		        uv_strerror(rc));
		uv_close((uv_handle_t *)&srv->listener, NULL);
		store_close(srv->store);
		srv->store = NULL;
		workshops_free(srv);
		rooms_free(&srv->rooms);
		content_free(&srv->content);
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
	uv_prepare_init(loop, &srv->commit_prepare);
	uv_check_init(loop, &srv->commit_check);
	srv->commit_prepare.data = srv;
	srv->commit_check.data = srv;
	uv_prepare_start(&srv->commit_prepare, on_prepare);
	uv_check_start(&srv->commit_check, on_check);
	/* They run around each poll but keep nothing alive. */
	uv_unref((uv_handle_t *)&srv->commit_prepare);
	uv_unref((uv_handle_t *)&srv->commit_check);
	uv_timer_init(loop, &srv->probe_timer);
	srv->probe_timer.data = srv;
	uv_timer_init(loop, &srv->alive_timer);
	srv->alive_timer.data = srv;
	erase_init(srv);
	uv_timer_init(loop, &srv->retention_timer);
	srv->retention_timer.data = srv;
	if (opts->retention_ms > 0)
		uv_timer_start(&srv->retention_timer, on_retention,
		               24 * 3600 * 1000, 24 * 3600 * 1000);
	srv->started = true;
	if (opts->ssh_account == NULL)
		(void)sshacct_find(srv->ssh_account);
	else
		snprintf(srv->ssh_account, sizeof srv->ssh_account, "%s",
		         opts->ssh_account);
	if (srv->ssh_account[0] != '\0')
		(void)sshacct_fingerprint(SSHACCT_HOST_KEY,
		                          srv->ssh_fingerprint);
	start_discovery(srv);
	joininfo_print(srv);
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
	erase_all(srv);
	commit_turn(srv);
	srv->stopping = true;
	uv_close((uv_handle_t *)&srv->listener, NULL);
	if (srv->discovery.replies + srv->discovery.dropped > 0)
		server_log(srv, "discovery: %llu replies, %llu dropped by the "
		           "rate limit",
		           (unsigned long long)srv->discovery.replies,
		           (unsigned long long)srv->discovery.dropped);
	if (srv->discovery.withheld > 0)
		server_log(srv, "discovery: %llu queries for a code left "
		           "unanswered by the join guard",
		           (unsigned long long)srv->discovery.withheld);
	joinguard_log_totals(srv);
	discovery_stop(&srv->discovery);
	uv_close((uv_handle_t *)&srv->probe_timer, NULL);
	uv_close((uv_handle_t *)&srv->alive_timer, NULL);
	uv_close((uv_handle_t *)&srv->erase_timer, NULL);
	uv_close((uv_handle_t *)&srv->retention_timer, NULL);
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
	struct store_stats stats;

	if (srv->started) {
		if (!uv_is_closing((uv_handle_t *)&srv->commit_prepare))
			uv_close((uv_handle_t *)&srv->commit_prepare, NULL);
		if (!uv_is_closing((uv_handle_t *)&srv->commit_check))
			uv_close((uv_handle_t *)&srv->commit_check, NULL);
	}
	if (srv->store != NULL) {
		commit_turn(srv);
		store_get_stats(srv->store, &stats);
		/* Tests read this line to see group commit at work. */
		server_log(srv, "storage: %llu commits for %llu events, %llu "
		           "failed", (unsigned long long)stats.commits,
		           (unsigned long long)stats.events,
		           (unsigned long long)stats.failures);
		store_close(srv->store);
		srv->store = NULL;
	}
	if (srv->lock_fd > 0)
		close(srv->lock_fd);
	srv->lock_fd = -1;
	workshops_free(srv);
	rooms_free(&srv->rooms);
	content_free(&srv->content);
	tls_creds_free(srv->tls_creds);
	srv->tls_creds = NULL;
}
