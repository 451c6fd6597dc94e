/* Room codes: random, easy to read aloud, typed with or without the dash. */
#ifndef AANDESLAG_CODE_H
#define AANDESLAG_CODE_H

#include <stddef.h>
#include <stdint.h>

/* Characters of a code; 8 of them from a 32-letter alphabet give 40 bits. */
#define CODE_CHARS 8
/* Bytes of a formatted code, "K7QM-2XPD", with its terminating NUL. */
#define CODE_SIZE (CODE_CHARS + 2)

/* The first half of a code, as discovery asks for it, and its bytes with
 * the NUL: "K7QM". */
#define CODE_HALF_CHARS 4
#define CODE_HALF_SIZE (CODE_HALF_CHARS + 1)

/* The alphabet: digits and capitals without 0, 1, I and O, which are read
 * and heard as each other. */
extern const char code_alphabet[33];

/* Makes a code from CODE_CHARS random bytes (the caller draws them; this
 * module does no I/O) and writes it, formatted, into out. */
void code_from_random(const uint8_t random[CODE_CHARS], char out[CODE_SIZE]);

/* Normalises what a user typed: case, spaces and dashes do not matter.
 * Writes the formatted code into out. Returns 0, or -EINVAL when in is not
 * a code (wrong length, or a character outside the alphabet). */
int code_normalise(const char *in, char out[CODE_SIZE]);

/* Writes the first half of a code into out, from a whole code or a half
 * as a user may type either. Returns 0 or -EINVAL when in is neither. */
int code_half(const char *in, char out[CODE_HALF_SIZE]);

#endif
