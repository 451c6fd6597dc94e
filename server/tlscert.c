/* The server's key and self-signed certificate, made once with GnuTLS and
 * kept in the data directory, so the fingerprint colleagues learned stays
 * the same across restarts. */
#include "tlscert.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <gnutls/x509.h>

#include "atomicfile.h"

/* Long enough that no school meets its end; a renewal keeps the key. */
#define VALID_YEARS 20

int
tlscert_path(const char *dir, const char *name, char *out, size_t size)
{
	int n = snprintf(out, size, "%s/%s", dir, name);

	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

/* Makes the key and certificate in PEM. Returns 0 or a GnuTLS error. */
static int
generate(gnutls_datum_t *key_pem, gnutls_datum_t *cert_pem)
{
	gnutls_x509_privkey_t key = NULL;
	gnutls_x509_crt_t crt = NULL;
	unsigned char serial[16];
	time_t now = time(NULL);
	int rc;

	rc = gnutls_x509_privkey_init(&key);
	if (rc == 0)
		rc = gnutls_x509_privkey_generate(key, GNUTLS_PK_ECDSA,
		        GNUTLS_CURVE_TO_BITS(GNUTLS_ECC_CURVE_SECP256R1), 0);
	if (rc == 0)
		rc = gnutls_x509_crt_init(&crt);
	if (rc == 0)
		rc = gnutls_rnd(GNUTLS_RND_NONCE, serial, sizeof serial);
	if (rc == 0) {
		/* A positive serial number, as RFC 5280 asks. */
		serial[0] &= 0x7f;
		serial[0] |= 0x01;
		rc = gnutls_x509_crt_set_serial(crt, serial, sizeof serial);
	}
	if (rc == 0)
		rc = gnutls_x509_crt_set_version(crt, 3);
	if (rc == 0)
		rc = gnutls_x509_crt_set_activation_time(crt, now - 24 * 3600);
	if (rc == 0)
		rc = gnutls_x509_crt_set_expiration_time(crt,
		        now + (time_t)VALID_YEARS * 365 * 24 * 3600);
	if (rc == 0)
		rc = gnutls_x509_crt_set_dn(crt, "CN=aandeslag-server", NULL);
	if (rc == 0)
		rc = gnutls_x509_crt_set_key(crt, key);
	if (rc == 0)
		rc = gnutls_x509_crt_set_basic_constraints(crt, 0, -1);
	if (rc == 0)
		rc = gnutls_x509_crt_set_key_usage(crt,
		        GNUTLS_KEY_DIGITAL_SIGNATURE);
	if (rc == 0)
		rc = gnutls_x509_crt_set_key_purpose_oid(crt,
		        GNUTLS_KP_TLS_WWW_SERVER, 0);
	if (rc == 0)
		rc = gnutls_x509_crt_sign2(crt, crt, key, GNUTLS_DIG_SHA256, 0);
	if (rc == 0)
		rc = gnutls_x509_privkey_export2(key, GNUTLS_X509_FMT_PEM,
		                                 key_pem);
	if (rc == 0)
		rc = gnutls_x509_crt_export2(crt, GNUTLS_X509_FMT_PEM, cert_pem);
	if (crt != NULL)
		gnutls_x509_crt_deinit(crt);
	if (key != NULL)
		gnutls_x509_privkey_deinit(key);
	return rc;
}

int
tlscert_ensure(const char *dir, char *err, size_t err_size)
{
	char cert[4096], key[4096];
	gnutls_datum_t key_pem = { NULL, 0 }, cert_pem = { NULL, 0 };
	bool have_cert, have_key;
	int rc;

	if (tlscert_path(dir, TLSCERT_CERT_FILE, cert, sizeof cert) < 0 ||
	    tlscert_path(dir, TLSCERT_KEY_FILE, key, sizeof key) < 0) {
		snprintf(err, err_size, "%s: %s", dir, strerror(ENAMETOOLONG));
		return -ENAMETOOLONG;
	}
	have_cert = access(cert, F_OK) == 0;
	have_key = access(key, F_OK) == 0;
	if (have_cert && have_key)
		return 0;
	if (have_cert || have_key) {
		/* Never replace half an identity: the other half may be
		 * what colleagues trust. */
		snprintf(err, err_size, "%s: %s", have_cert ? key : cert,
		         strerror(ENOENT));
		return -EEXIST;
	}
	rc = generate(&key_pem, &cert_pem);
	if (rc < 0) {
		snprintf(err, err_size, "%s", gnutls_strerror(rc));
		rc = -EIO;
	} else {
		/* The key first, and gone again when the certificate
		 * cannot be written: half an identity is never left. */
		rc = atomicfile_write(key, key_pem.data, key_pem.size, 0600);
		if (rc == 0) {
			/* Public, but in the data directory, where
			 * everything is the server's alone. */
			rc = atomicfile_write(cert, cert_pem.data,
			                      cert_pem.size, 0600);
			if (rc < 0)
				(void)unlink(key);
		}
		if (rc < 0)
			snprintf(err, err_size, "%s: %s", dir, strerror(-rc));
		else
			rc = 1;
	}
	if (key_pem.data != NULL) {
		gnutls_memset(key_pem.data, 0, key_pem.size);
		gnutls_free(key_pem.data);
	}
	gnutls_free(cert_pem.data);
	return rc;
}

int
tlscert_load(const char *dir, const char *cert_file, const char *key_file,
             struct tls_creds **creds, uint8_t fp[TLS_FP_SIZE],
             bool *generated, char *err, size_t err_size)
{
	char cert[4096], key[4096];
	int rc;

	*generated = false;
	if (cert_file == NULL || key_file == NULL) {
		rc = tlscert_ensure(dir, err, err_size);
		if (rc < 0)
			return rc;
		*generated = rc == 1;
		if (tlscert_path(dir, TLSCERT_CERT_FILE, cert, sizeof cert) < 0 ||
		    tlscert_path(dir, TLSCERT_KEY_FILE, key, sizeof key) < 0)
			return -ENAMETOOLONG;
		cert_file = cert;
		key_file = key;
	}
	return tls_creds_load(creds, cert_file, key_file, fp, err, err_size);
}
