/* Room passwords as salted Argon2id hashes (crypto_pwhash_str()).
 *
 * The limits are libsodium's interactive number of passes with 8 MiB of
 * memory instead of its interactive 64 MiB: the hash is made on the
 * server's loop (when the chair sets a password and for every newcomer
 * who gives one), where 64 MiB took about a tenth of a second, and many
 * seconds under valgrind, holding up every room meanwhile; 8 MiB takes a
 * few milliseconds and is still memory-hard against guessing from a
 * stolen database. Failed guesses over the network are slowed down by the
 * join guard besides. */
#include "pwhash.h"

#include <errno.h>
#include <string.h>

#include <sodium.h>

#include "model.h"

#define PWHASH_OPSLIMIT crypto_pwhash_OPSLIMIT_INTERACTIVE
#define PWHASH_MEMLIMIT (8u << 20)

_Static_assert(crypto_pwhash_STRBYTES == PWHASH_SIZE,
               "PWHASH_SIZE is libsodium's string size");

int
pwhash_clean(const char *typed, char clean[PWHASH_TEXT_MAX + 1],
             struct refusal *why)
{
	return model_text_refusal(model_clean_text(typed, PWHASH_TEXT_MAX,
	                                           clean),
	                          PWHASH_TEXT_MAX, why);
}

int
pwhash_make(const char *clean, size_t len, char out[PWHASH_SIZE])
{
	if (sodium_init() < 0)
		return -ENOMEM;
	if (crypto_pwhash_str(out, clean, len, PWHASH_OPSLIMIT,
	                      PWHASH_MEMLIMIT) != 0)
		return -ENOMEM;
	return 0;
}

bool
pwhash_verify(const char hash[PWHASH_SIZE], const char *clean, size_t len)
{
	if (sodium_init() < 0 || memchr(hash, '\0', PWHASH_SIZE) == NULL)
		return false;
	return crypto_pwhash_str_verify(hash, clean, len) == 0;
}
