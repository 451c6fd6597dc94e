/* The server's TLS identity: a key and a self-signed certificate made on
 * the first start in the data directory (or the administrator's own
 * files), loaded once, and the fingerprint the chair reads aloud. */
#ifndef AANDESLAG_TLSCERT_H
#define AANDESLAG_TLSCERT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tls.h"

/* File names inside the data directory. */
#define TLSCERT_CERT_FILE "tls-cert.pem"
#define TLSCERT_KEY_FILE "tls-key.pem"

/* Makes sure dir holds TLSCERT_KEY_FILE (mode 0600) and TLSCERT_CERT_FILE:
 * when neither exists, generates an ECDSA P-256 key and a certificate for
 * it valid for twenty years; when both exist, leaves them alone. Writes
 * through a temporary file and rename, so a crash leaves no half file.
 * Returns 0 (1 when it generated them), -EEXIST when only one of the two
 * exists, or a negative errno-style code; err says why. */
int tlscert_ensure(const char *dir, char *err, size_t err_size);

/* Loads the server's identity: the administrator's cert_file and
 * key_file when both are given, else the pair in dir (made by
 * tlscert_ensure() when missing; *generated tells). *creds is the
 * caller's (tls_creds_free()); fp gets the fingerprint. Returns 0 or a
 * negative errno-style code with the reason in err. */
int tlscert_load(const char *dir, const char *cert_file, const char *key_file,
                 struct tls_creds **creds, uint8_t fp[TLS_FP_SIZE],
                 bool *generated, char *err, size_t err_size);

/* Writes dir/name into out. Returns 0 or -ENAMETOOLONG. */
int tlscert_path(const char *dir, const char *name, char *out,
                 size_t size);

#endif
