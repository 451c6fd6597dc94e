/* TLS on a byte stream that the caller moves: ciphertext goes in through
 * tls_feed(), plaintext comes out through a callback, and whatever must go
 * on the wire is handed to the owner's write function. GnuTLS does the
 * work; nothing here touches a socket, so the server and the client drive
 * it from their own libuv loops. The server proves itself with a
 * self-signed certificate; the client pins the SHA-256 of its public key
 * (trust on first use, see client/trust.h). */
#ifndef AANDESLAG_TLS_H
#define AANDESLAG_TLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes of a fingerprint: SHA-256 of the certificate's public key
 * (SubjectPublicKeyInfo, DER), so a renewed certificate with the same key
 * keeps it. */
#define TLS_FP_SIZE 32
/* The form read aloud: the first 80 bits in the room codes' alphabet,
 * "K7QM-2XPD-9ABC-DEFG", with its NUL. */
#define TLS_FP_TEXT_SIZE 20
/* The full form for files and logs: 64 lowercase hex digits and a NUL. */
#define TLS_FP_HEX_SIZE 65

struct tls;
struct tls_creds;

/* Takes ownership of data (malloc'd, len > 0): the owner writes it to the
 * peer and frees it. Returns 0, or a negative errno-style code (data is
 * freed either way) that makes the TLS call fail. */
typedef int (*tls_write_fn)(void *arg, uint8_t *data, size_t len);

/* Receives plaintext, valid during the call. Returns 0 to go on, anything
 * else to stop: tls_feed() then returns that value. */
typedef int (*tls_plain_fn)(void *arg, const uint8_t *data, size_t len);

/* Loads the server's certificate and key from PEM files and computes the
 * fingerprint into fp (may be NULL). *out is the caller's, freed with
 * tls_creds_free(). Returns 0, or -EINVAL with a reason in err. */
int tls_creds_load(struct tls_creds **out, const char *cert_file,
                   const char *key_file, uint8_t fp[TLS_FP_SIZE],
                   char *err, size_t err_size);

/* Frees creds; NULL is fine. No session may use them any more. */
void tls_creds_free(struct tls_creds *creds);

/* Makes a server session that writes through write(arg). creds must
 * outlive it. *out is the caller's, freed with tls_free(). Returns 0 or
 * -ENOMEM. */
int tls_server_new(struct tls **out, struct tls_creds *creds,
                   tls_write_fn write, void *arg);

/* Makes a client session and writes its first flight (the ClientHello).
 * The server's certificate is not checked against any authority: the
 * caller compares tls_peer_fingerprint() with what it trusts. Returns 0,
 * -ENOMEM, or the write function's error. */
int tls_client_new(struct tls **out, tls_write_fn write, void *arg);

/* Feeds len bytes read from the peer: the handshake goes on, and each
 * piece of plaintext is handed to plain(plain_arg). Everything is
 * consumed. Returns 0, plain's nonzero result when it stopped, -EPIPE
 * when the peer closed the session, or -EPROTO when the peer does not
 * speak TLS or the handshake failed (tls_strerror() tells why); after a
 * negative result the session is dead. */
int tls_feed(struct tls *t, const uint8_t *data, size_t len,
             tls_plain_fn plain, void *plain_arg);

/* Returns whether the handshake is complete: then tls_send() may be
 * used and the peer's fingerprint is known. */
bool tls_ready(const struct tls *t);

/* Encrypts len bytes and writes them. Returns 0, -ENOTCONN before the
 * handshake is complete, or -EPROTO/-ENOMEM/the write function's error. */
int tls_send(struct tls *t, const uint8_t *data, size_t len);

/* Writes the close_notify alert; the session sends nothing after it.
 * Returns 0 or a negative error (nothing more to do about it). */
int tls_bye(struct tls *t);

/* Copies the peer's fingerprint (client side, once ready). Returns 0 or
 * -ENOENT when there is none. */
int tls_peer_fingerprint(const struct tls *t, uint8_t fp[TLS_FP_SIZE]);

/* Returns a static description of the session's last error, in English
 * (GnuTLS's words), or "" when there was none. */
const char *tls_strerror(const struct tls *t);

/* Returns the negotiated protocol, e.g. "TLS1.3", or "" before the
 * handshake. The string is static. */
const char *tls_version(const struct tls *t);

/* Frees t; NULL is fine. Nothing is written. */
void tls_free(struct tls *t);

/* Writes the form read aloud of fp into out. */
void tls_fp_text(const uint8_t fp[TLS_FP_SIZE], char out[TLS_FP_TEXT_SIZE]);

/* Writes fp in hex into out. */
void tls_fp_hex(const uint8_t fp[TLS_FP_SIZE], char out[TLS_FP_HEX_SIZE]);

/* Reads the hex form. Returns 0 or -EINVAL. */
int tls_fp_parse_hex(const char *hex, uint8_t fp[TLS_FP_SIZE]);

/* Returns whether what a user typed (the form read aloud with or without
 * dashes and in any case, or the hex form) names fp: the first 80 bits
 * must match, or all 256 for the hex form. -EINVAL when typed is neither
 * form, else 1 for a match and 0 for none. */
int tls_fp_matches(const char *typed, const uint8_t fp[TLS_FP_SIZE]);

/* Computes the fingerprint of a DER-encoded X.509 certificate. Returns
 * 0 or -EINVAL. */
int tls_fp_of_cert(const uint8_t *der, size_t len, uint8_t fp[TLS_FP_SIZE]);

#endif
