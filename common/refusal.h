/* Refusals: a stable code with parameters on the wire, and its rendering
 * as a sentence in the reader's language. */
#ifndef AANDESLAG_REFUSAL_H
#define AANDESLAG_REFUSAL_H

#include <stddef.h>

#include "aandeslag.pb-c.h"

#define REFUSAL_PARAMS 2
/* Room for the longest name (model.h checks) and its NUL. */
#define REFUSAL_PARAM_SIZE 80

/* Why something was refused: an Aandeslag__ErrorCode and up to two
 * parameters (numbers or names), as they travel in a Refusal message. */
struct refusal {
	int code;
	unsigned nparams;
	char params[REFUSAL_PARAMS][REFUSAL_PARAM_SIZE];
};

/* Sets r to code without parameters. Returns -EINVAL, so that a refusing
 * function can end with "return refusal_set(why, CODE);". */
int refusal_set(struct refusal *r, int code);

/* Sets r to code with one or two numeric parameters. Returns -EINVAL. */
int refusal_set_num(struct refusal *r, int code, long a);
int refusal_set_num2(struct refusal *r, int code, long a, long b);

/* Sets r to ERROR_TOO_MANY with what ("activities") and the maximum.
 * Returns -EINVAL. */
int refusal_set_too_many(struct refusal *r, const char *what, long max);

/* Sets r to code with one text parameter, cut to fit at a character
 * boundary. Returns -EINVAL. */
int refusal_set_str(struct refusal *r, int code, const char *a);

/* Sets r to code with the n text parameters of a refusal that came over
 * the wire (NULL counts as empty), each cut to fit, at most
 * REFUSAL_PARAMS of them. Returns -EINVAL. */
int refusal_set_params(struct refusal *r, int code, char *const *params,
                       size_t n);

/* Returns the stable short name of a code, e.g. "room_full": the same in
 * every language, printed after "error: " by the line mode. Unknown codes
 * give "unknown". The string is static. */
const char *refusal_name(int code);

/* Renders code with its parameters as a sentence in the current language
 * into out (always NUL-terminated, cut to size). Missing parameters render
 * as "?"; an unknown code gets a sentence that names its number. */
void refusal_text(int code, const char *const *params, size_t nparams,
                  char *out, size_t size);

/* refusal_text() for a struct refusal. */
void refusal_describe(const struct refusal *r, char *out, size_t size);

#endif
