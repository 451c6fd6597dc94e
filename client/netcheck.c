/* The steps of aandeslag --check on their own libuv loop (netcheck.h):
 * the same lookup, address choice and Hello as the real client, but each
 * step reported on its own, so the first one that fails is named. */
#include "netcheck.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#include "aandeslag.pb-c.h"
#include "config.h"
#include "frame.h"
#include "i18n.h"
#include "refusal.h"
#include "tls.h"
#include "tlswrite.h"
#include "wire.h"

/* Bytes of the list of addresses a name resolves to, as printed. */
#define NETCHECK_ADDRS_SIZE 512

struct netcheck {
	uv_loop_t loop;
	uv_getaddrinfo_t resolver;
	uv_connect_t connector;
	uv_tcp_t tcp;
	uv_timer_t timer;
	const char *host;
	int port;
	int64_t timeout_ms;
	enum netcheck_step step;
	bool resolving;         /* a lookup is in the thread pool */
	bool tcp_open;
	bool done;              /* the result is known; only closing is left */
	int result;
	struct wire_buf *hello; /* held until its write is done */
	/* As the real client: TLS unless told otherwise (a plain Closing
	 * instead of a handshake is read as such). */
	bool use_tls;
	struct tls *tls;
	bool heard;
	char tls_note[96];      /* "TLS1.3, vingerafdruk ...", or "" */
	char addr[INET6_ADDRSTRLEN];
	struct frame_partial partial;
	uint8_t readbuf[64 * 1024];
};

void
netcheck_explain(enum netcheck_step step, int err, const char *host,
                 int port, char *out, size_t size)
{
	switch (step) {
	case NETCHECK_RESOLVE:
		/* Without a reachable name server the lookup fails as
		 * "try again" rather than "no such name"; for the teacher
		 * both come down to the same question for IT. */
		snprintf(out, size, _("Deze laptop kent de naam \"%s\" niet. Controleer de spelling. Vraag IT naar de juiste naam of het IP-adres van de aandeslag-server (en of deze laptop op het schoolnetwerk zit)."),
		         host);
		return;
	case NETCHECK_CONNECT:
		if (err == UV_ECONNREFUSED) {
			snprintf(out, size, _("Er luistert niets op poort %d van %s. Draait de aandeslag-server, en is %d de goede poort? Vraag het IT."),
			         port, host, port);
		} else if (err == UV_ETIMEDOUT) {
			snprintf(out, size, _("Geen antwoord van %s op poort %d: iets houdt de verbinding tegen, bijvoorbeeld een firewall op de server, of een wifi-netwerk (vaak een gastnetwerk) dat laptops van elkaar afschermt. Vraag IT om TCP-poort %d naar de server open te zetten vanaf dit netwerk."),
			         host, port, port);
		} else if (err == UV_EHOSTUNREACH || err == UV_ENETUNREACH) {
			snprintf(out, size, _("De server %s is vanaf dit netwerk niet te bereiken. Zit deze laptop op hetzelfde netwerk als de server? Vraag IT om TCP-poort %d naar de server toe te laten vanaf dit netwerk."),
			         host, port);
		} else {
			snprintf(out, size, _("Verbinden met %s poort %d lukte niet (%s). Vraag IT om hulp en noem deze melding."),
			         host, port, uv_strerror(err));
		}
		return;
	case NETCHECK_HANDSHAKE:
		break;
	}
	(void)err;
	snprintf(out, size, _("Op %s poort %d draait iets, maar geen aandeslag-server: het antwoordde niet zoals een aandeslag-server. Vraag IT op welke poort de aandeslag-server luistert."),
	         host, port);
}

void
netcheck_version_advice(unsigned server_min, unsigned server_max, char *out,
                        size_t size)
{
	int n;

	n = snprintf(out, size, _("De versies passen niet: de server spreekt protocolversie %u tot %u, dit programma %u tot %u. "),
	             server_min, server_max, WIRE_VERSION_MIN,
	             WIRE_VERSION_MAX);
	if (n < 0 || (size_t)n >= size)
		return;
	if (server_max < WIRE_VERSION_MIN)
		snprintf(out + n, size - (size_t)n, "%s", _("De server is ouder: vraag IT de aandeslag-server bij te werken."));
	else
		snprintf(out + n, size - (size_t)n, "%s", _("Dit programma is ouder: vraag IT om aandeslag op deze laptop bij te werken."));
}

static void
on_closed(uv_handle_t *handle)
{
	struct netcheck *c = handle->data;

	if (handle == (uv_handle_t *)&c->tcp)
		c->tcp_open = false;
}

/* Ends the checks with result: the timer stops, the socket closes and a
 * running lookup is cancelled or, when it cannot be, left to end. The
 * loop then runs out by itself. */
static void
finish(struct netcheck *c, int result)
{
	if (c->done)
		return;
	c->done = true;
	c->result = result;
	fflush(stdout);
	uv_timer_stop(&c->timer);
	if (c->resolving)
		uv_cancel((uv_req_t *)&c->resolver);
	if (c->tcp_open && !uv_is_closing((uv_handle_t *)&c->tcp))
		uv_close((uv_handle_t *)&c->tcp, on_closed);
}

/* Ends the current step as failed with err and says why. */
static void
fail(struct netcheck *c, int err)
{
	char why[1024];

	if (c->done)
		return;
	printf("%s\n", _("MISLUKT"));
	netcheck_explain(c->step, err, c->host, c->port, why, sizeof why);
	printf("%s\n", why);
	finish(c, NETCHECK_PROBLEM);
}

static void
on_timeout(uv_timer_t *timer)
{
	fail(timer->data, UV_ETIMEDOUT);
}

/* Starts the next step: its line is printed now and finished when the
 * step ends, so a user who waits sees what for. */
static void
begin(struct netcheck *c, enum netcheck_step step, const char *label)
{
	c->step = step;
	printf("%s ", label);
	fflush(stdout);
	uv_timer_start(&c->timer, on_timeout, (uint64_t)c->timeout_ms, 0);
}

/* The answer to our Hello decides it: Welcome is all good, VersionRefused
 * a version mismatch, anything else not our server. */
static int
on_frame(void *arg, const uint8_t *payload, size_t len)
{
	struct netcheck *c = arg;
	Aandeslag__Envelope *env;
	struct wire_alloc alloc;
	char why[1024];

	wire_alloc_init(&alloc, len);
	env = wire_unpack(payload, len, &alloc);
	if (env == NULL) {
		fail(c, UV_EPROTO);
		return 1;
	}
	if (env->body_case == AANDESLAG__ENVELOPE__BODY_WELCOME) {
		printf(_("in orde (%s, protocolversie %u)\n"),
		       env->welcome->software[0] != '\0' ?
		       env->welcome->software : _("onbekende versie"),
		       env->welcome->version);
		if (c->tls_note[0] != '\0')
			printf(_("Versleuteld: %s\n"), c->tls_note);
		else
			printf("%s\n", _("Let op: de verbinding is niet versleuteld."));
		printf("%s\n", _("Alles in orde: deze laptop kan de aandeslag-server bereiken."));
		finish(c, NETCHECK_OK);
	} else if (env->body_case ==
	           AANDESLAG__ENVELOPE__BODY_VERSION_REFUSED) {
		printf(_("MISLUKT (%s)\n"),
		       env->version_refused->software[0] != '\0' ?
		       env->version_refused->software : _("onbekende versie"));
		netcheck_version_advice(env->version_refused->min_version,
		                        env->version_refused->max_version,
		                        why, sizeof why);
		printf("%s\n", why);
		finish(c, NETCHECK_PROBLEM);
	} else if (env->body_case == AANDESLAG__ENVELOPE__BODY_CLOSING) {
		/* Our server, refusing: it says why. */
		printf(_("MISLUKT (%s)\n"), refusal_name(env->closing->code));
		refusal_text(env->closing->code,
		             (const char *const *)env->closing->params,
		             env->closing->n_params, why, sizeof why);
		printf("%s\n", why);
		finish(c, NETCHECK_PROBLEM);
	} else {
		fail(c, UV_EPROTO);
	}
	wire_free(env, &alloc);
	return 1;
}

static void
on_alloc(uv_handle_t *handle, size_t suggested, uv_buf_t *buf)
{
	struct netcheck *c = handle->data;

	(void)suggested;
	*buf = uv_buf_init((char *)c->readbuf, (unsigned)sizeof c->readbuf);
}

static void send_hello(struct netcheck *c);

/* The handshake is done: the Hello follows inside it. */
static void
secured(struct netcheck *c)
{
	uint8_t fp[TLS_FP_SIZE];
	char text[TLS_FP_TEXT_SIZE];

	if (tls_peer_fingerprint(c->tls, fp) < 0) {
		fail(c, UV_EPROTO);
		return;
	}
	tls_fp_text(fp, text);
	snprintf(c->tls_note, sizeof c->tls_note, _("%s, vingerafdruk %s"),
	         tls_version(c->tls), text);
	send_hello(c);
}

static int
on_plain(void *arg, const uint8_t *data, size_t len)
{
	struct netcheck *c = arg;

	if (frame_feed(&c->partial, data, len, FRAME_MAX_SERVER, on_frame,
	               c) < 0)
		fail(c, UV_EPROTO);
	return c->done;
}

static void
on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf)
{
	struct netcheck *c = stream->data;
	const uint8_t *data = (const uint8_t *)buf->base;
	bool was_ready;

	if (nread == 0 || c->done)
		return;
	if (nread < 0) {
		/* Closed, or reset, before it answered: not our server. */
		fail(c, (int)nread);
		return;
	}
	if (c->tls != NULL && !c->heard && data[0] == 0x00) {
		/* Frames instead of a handshake: a refusal in the clear. */
		tls_free(c->tls);
		c->tls = NULL;
	}
	c->heard = true;
	if (c->tls == NULL) {
		on_plain(c, data, (size_t)nread);
		return;
	}
	was_ready = tls_ready(c->tls);
	if (tls_feed(c->tls, data, (size_t)nread, on_plain, c) < 0) {
		fail(c, UV_EPROTO);
		return;
	}
	if (!was_ready && tls_ready(c->tls) && !c->done)
		secured(c);
}

static void
on_written(void *arg, int status)
{
	if (status < 0 && status != UV_ECANCELED)
		fail(arg, status);
}

/* Writes data (malloc'd, taken over); the TLS session's write function
 * too. Returns 0 or a negative error. */
static int
write_owned(void *arg, uint8_t *data, size_t len)
{
	struct netcheck *c = arg;

	return tlswrite_start((uv_stream_t *)&c->tcp, data, len, on_written,
	                      c);
}

/* Sends the same Hello as the real client. */
static void
send_hello(struct netcheck *c)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Hello hello = AANDESLAG__HELLO__INIT;
	uint8_t *copy;
	int rc;

	hello.min_version = WIRE_VERSION_MIN;
	hello.max_version = WIRE_VERSION_MAX;
	hello.software = (char *)"aandeslag " PACKAGE_VERSION;
	env.body_case = AANDESLAG__ENVELOPE__BODY_HELLO;
	env.hello = &hello;
	rc = wire_pack(&env, FRAME_MAX_CLIENT, &c->hello);
	if (rc < 0) {
		fail(c, UV_ENOMEM);
		return;
	}
	if (c->tls != NULL) {
		rc = tls_send(c->tls, c->hello->data, c->hello->len);
	} else {
		copy = malloc(c->hello->len);
		if (copy == NULL) {
			fail(c, UV_ENOMEM);
			return;
		}
		memcpy(copy, c->hello->data, c->hello->len);
		rc = write_owned(c, copy, c->hello->len);
	}
	if (rc < 0)
		fail(c, UV_EPIPE);
}

static void
on_connect(uv_connect_t *req, int status)
{
	struct netcheck *c = req->data;

	if (c->done)
		return;
	if (status < 0) {
		fail(c, status);
		return;
	}
	printf("%s\n", _("in orde"));
	begin(c, NETCHECK_HANDSHAKE, _("3. Kennismaken met de aandeslag-server:"));
	if (uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read) < 0) {
		fail(c, UV_EPIPE);
		return;
	}
	if (!c->use_tls)
		send_hello(c);
	else if (tls_client_new(&c->tls, write_owned, c) < 0)
		fail(c, UV_EPROTO);
}

/* Writes the addresses of list into out as "a, b, c" and returns the one
 * the real client would connect to: IPv4 first, as link.c does. */
static const struct addrinfo *
list_addresses(const struct addrinfo *list, char *out, size_t size)
{
	const struct addrinfo *ai, *pick = NULL;
	char name[INET6_ADDRSTRLEN];
	size_t used = 0;
	int n;

	out[0] = '\0';
	for (ai = list; ai != NULL; ai = ai->ai_next) {
		if (ai->ai_family == AF_INET)
			uv_ip4_name((const struct sockaddr_in *)ai->ai_addr,
			            name, sizeof name);
		else if (ai->ai_family == AF_INET6)
			uv_ip6_name((const struct sockaddr_in6 *)ai->ai_addr,
			            name, sizeof name);
		else
			continue;
		if (pick == NULL || (ai->ai_family == AF_INET &&
		                     pick->ai_family != AF_INET))
			pick = ai;
		n = snprintf(out + used, size - used, "%s%s",
		             used > 0 ? ", " : "", name);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
	return pick;
}

static void
on_resolved(uv_getaddrinfo_t *req, int status, struct addrinfo *res)
{
	struct netcheck *c = req->data;
	const struct addrinfo *ai = NULL;
	char addrs[NETCHECK_ADDRS_SIZE];
	char label[NETCHECK_ADDRS_SIZE];
	int rc;

	c->resolving = false;
	if (c->done) {
		uv_freeaddrinfo(res);
		return;
	}
	if (status == 0)
		ai = list_addresses(res, addrs, sizeof addrs);
	if (ai == NULL) {
		uv_freeaddrinfo(res);
		fail(c, status < 0 ? status : UV_EAI_NONAME);
		return;
	}
	printf(_("in orde (%s)\n"), addrs);
	if (ai->ai_family == AF_INET)
		uv_ip4_name((const struct sockaddr_in *)ai->ai_addr, c->addr,
		            sizeof c->addr);
	else
		uv_ip6_name((const struct sockaddr_in6 *)ai->ai_addr, c->addr,
		            sizeof c->addr);
	snprintf(label, sizeof label, _("2. Verbinden met %s poort %d:"),
	         c->addr, c->port);
	begin(c, NETCHECK_CONNECT, label);
	rc = uv_tcp_init(&c->loop, &c->tcp);
	if (rc == 0) {
		c->tcp_open = true;
		c->tcp.data = c;
		rc = uv_tcp_connect(&c->connector, &c->tcp, ai->ai_addr,
		                    on_connect);
	}
	uv_freeaddrinfo(res);
	if (rc < 0)
		fail(c, rc);
}

/* Starts the lookup, the first step. Returns 0 or a libuv error. */
static int
start(struct netcheck *c)
{
	struct addrinfo hints;
	char service[16];
	char label[NETCHECK_ADDRS_SIZE];
	int rc;

	snprintf(label, sizeof label, _("1. De naam %s opzoeken:"), c->host);
	begin(c, NETCHECK_RESOLVE, label);
	memset(&hints, 0, sizeof hints);
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	snprintf(service, sizeof service, "%d", c->port);
	rc = uv_getaddrinfo(&c->loop, &c->resolver, on_resolved, c->host,
	                    service, &hints);
	if (rc < 0)
		fail(c, rc);
	else
		c->resolving = true;
	return rc;
}

int
netcheck_run(const char *host, int port, const char *origin,
             int64_t timeout_ms, bool tls)
{
	/* Static for its 64 KiB read buffer; --check runs once. */
	static struct netcheck c;
	int rc;

	memset(&c, 0, sizeof c);
	c.host = host;
	c.port = port;
	c.timeout_ms = timeout_ms > 0 ? timeout_ms : 1;
	c.result = NETCHECK_PROBLEM;
	c.use_tls = tls;
	c.resolver.data = c.connector.data = &c;
	rc = uv_loop_init(&c.loop);
	if (rc < 0) {
		fprintf(stderr, "aandeslag: %s\n", uv_strerror(rc));
		return NETCHECK_PROBLEM;
	}
	uv_timer_init(&c.loop, &c.timer);
	c.timer.data = &c;
	if (origin != NULL)
		printf(_("Server: %s poort %d (%s)\n"), host, port, origin);
	else
		printf(_("Server: %s poort %d\n"), host, port);
	start(&c);
	uv_run(&c.loop, UV_RUN_DEFAULT);
	/* The timer is the one handle left open by finish(); with it closed
	 * the loop can end. */
	uv_close((uv_handle_t *)&c.timer, on_closed);
	uv_run(&c.loop, UV_RUN_DEFAULT);
	frame_partial_reset(&c.partial);
	wire_unref(c.hello);
	tls_free(c.tls);
	if (uv_loop_close(&c.loop) < 0)
		fprintf(stderr, "aandeslag: %s\n",
		        _("interne fout: de controle liet iets open staan."));
	fflush(stdout);
	return c.result;
}
