/* GnuTLS driven through memory: its pull function reads from the bytes
 * being fed, its push function collects what it writes, and the collected
 * bytes go to the owner in one piece before any plaintext is handed on
 * and at the end of every call, so their order on the wire is kept. */
#include "tls.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <gnutls/x509.h>

#include "code.h"

/* TLS 1.2 and 1.3 only; the rest of the choice is GnuTLS's (and the
 * system's policy). */
#define TLS_PRIORITY "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2"

struct tls_creds {
	gnutls_certificate_credentials_t cert;
};

struct tls {
	gnutls_session_t session;
	gnutls_certificate_credentials_t own_cert;      /* the client's */
	tls_write_fn write;
	void *arg;
	/* The bytes being fed, read by pull(). */
	const uint8_t *in;
	size_t in_len;
	/* What push() collected, not yet handed to write. */
	uint8_t *out;
	size_t out_len, out_cap;
	int out_error;
	bool has_priority;      /* holds a use of the shared priorities */
	bool ready;
	bool dead;
	int last_error;         /* a GnuTLS code, 0 for none */
	bool has_fp;
	uint8_t fp[TLS_FP_SIZE];
};

static ssize_t
pull(gnutls_transport_ptr_t ptr, void *buf, size_t size)
{
	struct tls *t = ptr;
	size_t n = size < t->in_len ? size : t->in_len;

	if (n == 0) {
		gnutls_transport_set_errno(t->session, EAGAIN);
		return -1;
	}
	memcpy(buf, t->in, n);
	t->in += n;
	t->in_len -= n;
	return (ssize_t)n;
}

/* GnuTLS asks whether data is waiting before some reads: only what is
 * being fed, never a wait. */
static int
pull_timeout(gnutls_transport_ptr_t ptr, unsigned int ms)
{
	struct tls *t = ptr;

	(void)ms;
	return t->in_len > 0 ? 1 : 0;
}

static ssize_t
push(gnutls_transport_ptr_t ptr, const void *data, size_t len)
{
	struct tls *t = ptr;
	uint8_t *grown;

	if (t->out_len + len > t->out_cap) {
		size_t cap = t->out_cap ? t->out_cap : 4096;

		while (cap < t->out_len + len)
			cap *= 2;
		grown = realloc(t->out, cap);
		if (grown == NULL) {
			gnutls_transport_set_errno(t->session, ENOMEM);
			return -1;
		}
		t->out = grown;
		t->out_cap = cap;
	}
	memcpy(t->out + t->out_len, data, len);
	t->out_len += len;
	return (ssize_t)len;
}

/* Hands what push() collected to the owner. The buffer goes with it, so
 * an idle session keeps none. */
static int
flush(struct tls *t)
{
	uint8_t *data = t->out;
	size_t len = t->out_len;
	int rc;

	if (len == 0)
		return 0;
	t->out = NULL;
	t->out_len = t->out_cap = 0;
	rc = t->write(t->arg, data, len);
	if (rc < 0 && t->out_error == 0)
		t->out_error = rc;
	return rc;
}

/* The parsed priorities, shared by every session: parsed for each one
 * (gnutls_priority_set_direct()) they cost a server some 25 KiB per
 * connection. Made with the first session, freed with the last; the
 * programs use TLS from one thread. */
static gnutls_priority_t priority;
static size_t priority_users;

static int
priority_take(void)
{
	if (priority_users == 0 &&
	    gnutls_priority_init2(&priority, TLS_PRIORITY, NULL, 0) < 0)
		return -ENOMEM;
	priority_users++;
	return 0;
}

static void
priority_drop(void)
{
	if (priority_users == 0 || --priority_users > 0)
		return;
	gnutls_priority_deinit(priority);
	priority = NULL;
}

static int
setup(struct tls *t, unsigned flags, tls_write_fn write, void *arg)
{
	t->write = write;
	t->arg = arg;
	if (gnutls_init(&t->session, flags | GNUTLS_NONBLOCK |
	                GNUTLS_NO_SIGNAL) < 0)
		return -ENOMEM;
	if (priority_take() < 0)
		return -ENOMEM;
	t->has_priority = true;
	if (gnutls_priority_set(t->session, priority) < 0)
		return -ENOMEM;
	gnutls_transport_set_ptr(t->session, t);
	gnutls_transport_set_pull_function(t->session, pull);
	gnutls_transport_set_pull_timeout_function(t->session, pull_timeout);
	gnutls_transport_set_push_function(t->session, push);
	/* The connection is ours to time out (the server's idle sweep,
	 * the client's heartbeat), not GnuTLS's. */
	gnutls_handshake_set_timeout(t->session, 0);
	return 0;
}

int
tls_server_new(struct tls **out, struct tls_creds *creds,
               tls_write_fn write, void *arg)
{
	struct tls *t = calloc(1, sizeof *t);

	*out = NULL;
	if (t == NULL)
		return -ENOMEM;
	/* Session tickets would only save a handshake on reconnect, at the
	 * price of a key to rotate: left out. */
	if (setup(t, GNUTLS_SERVER | GNUTLS_NO_TICKETS, write, arg) < 0 ||
	    gnutls_credentials_set(t->session, GNUTLS_CRD_CERTIFICATE,
	                           creds->cert) < 0) {
		tls_free(t);
		return -ENOMEM;
	}
	gnutls_certificate_server_set_request(t->session, GNUTLS_CERT_IGNORE);
	*out = t;
	return 0;
}

/* Reads the server's fingerprint from its certificate, once. */
static int
note_peer(struct tls *t)
{
	const gnutls_datum_t *certs;
	unsigned n = 0;

	certs = gnutls_certificate_get_peers(t->session, &n);
	if (certs == NULL || n == 0)
		return -ENOENT;
	if (tls_fp_of_cert(certs[0].data, certs[0].size, t->fp) < 0)
		return -EINVAL;
	t->has_fp = true;
	return 0;
}

/* Goes on with the handshake. Returns 0 when it needs more from the
 * peer or is done, or -EPROTO. */
static int
handshake(struct tls *t)
{
	int rc = gnutls_handshake(t->session);

	if (rc == GNUTLS_E_SUCCESS) {
		t->ready = true;
		return 0;
	}
	if (rc == GNUTLS_E_AGAIN || rc == GNUTLS_E_INTERRUPTED)
		return 0;
	t->last_error = rc;
	return -EPROTO;
}

int
tls_client_new(struct tls **out, tls_write_fn write, void *arg)
{
	struct tls *t = calloc(1, sizeof *t);
	int rc;

	*out = NULL;
	if (t == NULL)
		return -ENOMEM;
	if (gnutls_certificate_allocate_credentials(&t->own_cert) < 0 ||
	    setup(t, GNUTLS_CLIENT, write, arg) < 0 ||
	    gnutls_credentials_set(t->session, GNUTLS_CRD_CERTIFICATE,
	                           t->own_cert) < 0) {
		tls_free(t);
		return -ENOMEM;
	}
	rc = handshake(t);
	if (rc == 0)
		rc = flush(t);
	if (rc < 0) {
		tls_free(t);
		return rc;
	}
	*out = t;
	return 0;
}

int
tls_feed(struct tls *t, const uint8_t *data, size_t len,
         tls_plain_fn plain, void *plain_arg)
{
	uint8_t buf[16384];
	ssize_t n;
	int rc = 0;

	if (t->dead)
		return -EPROTO;
	t->in = data;
	t->in_len = len;
	if (!t->ready) {
		rc = handshake(t);
		/* A client reads who answered; a server has nothing to
		 * read (no client certificates). */
		if (rc == 0 && t->ready && t->own_cert != NULL &&
		    note_peer(t) < 0) {
			t->last_error = GNUTLS_E_NO_CERTIFICATE_FOUND;
			rc = -EPROTO;
		}
	}
	while (rc == 0 && t->ready) {
		size_t before = t->in_len;

		n = gnutls_record_recv(t->session, buf, sizeof buf);
		if (n > 0) {
			/* What the handshake or a key update wrote goes
			 * first. */
			if (flush(t) < 0) {
				rc = t->out_error;
				break;
			}
			rc = plain(plain_arg, buf, (size_t)n);
			continue;
		}
		/* GnuTLS also says "again" after a message of its own
		 * (a session ticket, a key update) with more records still
		 * to read: only an empty input ends the loop. */
		if (n == GNUTLS_E_AGAIN || n == GNUTLS_E_INTERRUPTED) {
			if ((t->in_len > 0 && t->in_len < before) ||
			    gnutls_record_check_pending(t->session) > 0)
				continue;
			break;
		}
		if (n == 0) {
			rc = -EPIPE;
			break;
		}
		if (!gnutls_error_is_fatal((int)n))
			continue;
		t->last_error = (int)n;
		rc = -EPROTO;
	}
	t->in = NULL;
	t->in_len = 0;
	if (flush(t) < 0 && rc == 0)
		rc = t->out_error;
	if (rc < 0)
		t->dead = true;
	return rc;
}

bool
tls_ready(const struct tls *t)
{
	return t->ready && !t->dead;
}

int
tls_send(struct tls *t, const uint8_t *data, size_t len)
{
	ssize_t n;

	if (t->dead)
		return -EPROTO;
	if (!t->ready)
		return -ENOTCONN;
	/* The records of one frame leave in one write all the same: push()
	 * collects them until flush(). Corking would add nothing but a
	 * buffer as large as the largest frame, which GnuTLS keeps for the
	 * session's life (some 20 KiB a connection, for the content sent
	 * with a join). */
	while (len > 0) {
		n = gnutls_record_send(t->session, data, len);
		if (n < 0) {
			if (!gnutls_error_is_fatal((int)n))
				continue;
			t->last_error = (int)n;
			t->dead = true;
			return -EPROTO;
		}
		data += n;
		len -= (size_t)n;
	}
	return flush(t);
}

int
tls_bye(struct tls *t)
{
	int rc;

	if (t->dead || !t->ready)
		return -ENOTCONN;
	rc = gnutls_bye(t->session, GNUTLS_SHUT_WR);
	t->dead = true;
	if (flush(t) < 0)
		return t->out_error;
	return rc < 0 && rc != GNUTLS_E_AGAIN ? -EPROTO : 0;
}

int
tls_peer_fingerprint(const struct tls *t, uint8_t fp[TLS_FP_SIZE])
{
	if (!t->has_fp)
		return -ENOENT;
	memcpy(fp, t->fp, TLS_FP_SIZE);
	return 0;
}

const char *
tls_strerror(const struct tls *t)
{
	return t->last_error == 0 ? "" : gnutls_strerror(t->last_error);
}

const char *
tls_version(const struct tls *t)
{
	const char *name;

	if (!t->ready)
		return "";
	name = gnutls_protocol_get_name(gnutls_protocol_get_version(t->session));
	return name != NULL ? name : "";
}

void
tls_free(struct tls *t)
{
	if (t == NULL)
		return;
	if (t->session != NULL)
		gnutls_deinit(t->session);
	/* After the session, which may still refer to the priorities. */
	if (t->has_priority)
		priority_drop();
	if (t->own_cert != NULL)
		gnutls_certificate_free_credentials(t->own_cert);
	free(t->out);
	free(t);
}

int
tls_fp_of_cert(const uint8_t *der, size_t len, uint8_t fp[TLS_FP_SIZE])
{
	gnutls_datum_t in = { (unsigned char *)der, (unsigned)len };
	gnutls_datum_t spki = { NULL, 0 };
	gnutls_pubkey_t key;
	int rc = -EINVAL;

	if (gnutls_pubkey_init(&key) < 0)
		return -ENOMEM;
	if (gnutls_pubkey_import_x509_raw(key, &in, GNUTLS_X509_FMT_DER, 0)
	    == 0 &&
	    gnutls_pubkey_export2(key, GNUTLS_X509_FMT_DER, &spki) == 0 &&
	    gnutls_hash_fast(GNUTLS_DIG_SHA256, spki.data, spki.size, fp) == 0)
		rc = 0;
	gnutls_free(spki.data);
	gnutls_pubkey_deinit(key);
	return rc;
}

int
tls_creds_load(struct tls_creds **out, const char *cert_file,
               const char *key_file, uint8_t fp[TLS_FP_SIZE],
               char *err, size_t err_size)
{
	struct tls_creds *c = calloc(1, sizeof *c);
	gnutls_datum_t der = { NULL, 0 };
	gnutls_x509_crt_t *list = NULL;
	unsigned n = 0, i;
	int rc;

	*out = NULL;
	if (c == NULL || gnutls_certificate_allocate_credentials(&c->cert) < 0) {
		snprintf(err, err_size, "%s", strerror(ENOMEM));
		free(c);
		return -ENOMEM;
	}
	rc = gnutls_certificate_set_x509_key_file(c->cert, cert_file, key_file,
	                                          GNUTLS_X509_FMT_PEM);
	if (rc < 0) {
		snprintf(err, err_size, "%s, %s: %s", cert_file, key_file,
		         gnutls_strerror(rc));
		tls_creds_free(c);
		return -EINVAL;
	}
	if (fp != NULL) {
		/* The first certificate in the file is the server's own. */
		rc = gnutls_certificate_get_x509_crt(c->cert, 0, &list, &n);
		if (rc == 0 && n > 0)
			rc = gnutls_x509_crt_export2(list[0], GNUTLS_X509_FMT_DER,
			                             &der);
		if (rc == 0 && n > 0)
			rc = tls_fp_of_cert(der.data, der.size, fp);
		else if (rc == 0)
			rc = -EINVAL;
		gnutls_free(der.data);
		for (i = 0; i < n; i++)
			gnutls_x509_crt_deinit(list[i]);
		gnutls_free(list);
		if (rc < 0) {
			snprintf(err, err_size, "%s: %s", cert_file,
			         "no usable certificate");
			tls_creds_free(c);
			return -EINVAL;
		}
	}
	*out = c;
	return 0;
}

void
tls_creds_free(struct tls_creds *creds)
{
	if (creds == NULL)
		return;
	if (creds->cert != NULL)
		gnutls_certificate_free_credentials(creds->cert);
	free(creds);
}

void
tls_fp_text(const uint8_t fp[TLS_FP_SIZE], char out[TLS_FP_TEXT_SIZE])
{
	unsigned i, bit, v, j;
	size_t o = 0;

	/* 16 symbols of 5 bits each, from the first 10 bytes. */
	for (i = 0; i < 16; i++) {
		if (i > 0 && i % 4 == 0)
			out[o++] = '-';
		v = 0;
		for (j = 0; j < 5; j++) {
			bit = i * 5 + j;
			v = v << 1 | ((fp[bit / 8] >> (7 - bit % 8)) & 1u);
		}
		out[o++] = code_alphabet[v];
	}
	out[o] = '\0';
}

void
tls_fp_hex(const uint8_t fp[TLS_FP_SIZE], char out[TLS_FP_HEX_SIZE])
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < TLS_FP_SIZE; i++) {
		out[2 * i] = digits[fp[i] >> 4];
		out[2 * i + 1] = digits[fp[i] & 15];
	}
	out[2 * TLS_FP_SIZE] = '\0';
}

static int
hex_value(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch = tolower(ch);
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

int
tls_fp_parse_hex(const char *hex, uint8_t fp[TLS_FP_SIZE])
{
	size_t i, o = 0;
	int hi, lo;

	/* Colons as openssl prints them are allowed. */
	for (i = 0; hex[i] != '\0';) {
		if (hex[i] == ':') {
			i++;
			continue;
		}
		if (o == TLS_FP_SIZE)
			return -EINVAL;
		hi = hex_value((unsigned char)hex[i]);
		lo = hi < 0 ? -1 : hex_value((unsigned char)hex[i + 1]);
		if (lo < 0)
			return -EINVAL;
		fp[o++] = (uint8_t)(hi << 4 | lo);
		i += 2;
	}
	return o == TLS_FP_SIZE ? 0 : -EINVAL;
}

int
tls_fp_matches(const char *typed, const uint8_t fp[TLS_FP_SIZE])
{
	char want[TLS_FP_TEXT_SIZE], got[TLS_FP_TEXT_SIZE];
	uint8_t full[TLS_FP_SIZE];
	size_t i, n = 0;

	if (tls_fp_parse_hex(typed, full) == 0)
		return memcmp(full, fp, TLS_FP_SIZE) == 0;
	for (i = 0; typed[i] != '\0'; i++) {
		int ch = toupper((unsigned char)typed[i]);

		if (ch == '-' || ch == ' ')
			continue;
		if (strchr(code_alphabet, ch) == NULL || ch == '\0' || n == 16)
			return -EINVAL;
		want[n++] = (char)ch;
	}
	if (n != 16)
		return -EINVAL;
	tls_fp_text(fp, got);
	/* got has dashes after every four symbols. */
	for (i = 0; i < 16; i++)
		if (want[i] != got[i + i / 4])
			return 0;
	return 1;
}
