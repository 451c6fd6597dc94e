/* Room passwords as the server keeps them: a salted, memory-hard hash
 * (Argon2id through libsodium's crypto_pwhash_str()), never the password
 * itself. Pure functions, safe from any thread, for the server and its
 * unit test alike. */
#ifndef AANDESLAG_PWHASH_H
#define AANDESLAG_PWHASH_H

#include <stdbool.h>
#include <stddef.h>

#include "refusal.h"

/* Bytes of a stored hash, its NUL included (crypto_pwhash_STRBYTES). The
 * string names the algorithm, its limits and the salt, so a later
 * version may raise the limits and still check older hashes. */
#define PWHASH_SIZE 128
/* The longest password, in bytes. */
#define PWHASH_TEXT_MAX 128

/* Checks a password as typed (trimmed, one line, 1..PWHASH_TEXT_MAX
 * bytes) and copies its trimmed form into clean (PWHASH_TEXT_MAX + 1
 * bytes), the form that is hashed and compared. Returns 0, or -EINVAL
 * with why filled (empty_text, text_too_long, invalid_text). */
int pwhash_clean(const char *typed, char clean[PWHASH_TEXT_MAX + 1],
                 struct refusal *why);

/* Fills out with the salted hash of the clean password (len bytes), a
 * NUL-terminated string of the caller's. Returns 0, or -ENOMEM when the
 * hash's memory could not be had. */
int pwhash_make(const char *clean, size_t len, char out[PWHASH_SIZE]);

/* Returns whether the clean password (len bytes) is the one hash was
 * made from; the comparison takes the same time wherever they differ.
 * A hash that is not one of ours is never matched. */
bool pwhash_verify(const char hash[PWHASH_SIZE], const char *clean,
                   size_t len);

#endif
