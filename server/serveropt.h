/* The server's options by name: one table that both the command line
 * (--name VALUE) and the config file (name = value) go through, so that a
 * value is checked the same way wherever it was written. */
#ifndef AANDESLAG_SERVEROPT_H
#define AANDESLAG_SERVEROPT_H

#include <stddef.h>

#include "server.h"

/* Bytes of the description of what an option accepts. */
#define SERVEROPT_EXPECT_SIZE 160

/* Returns how many options the table has. */
size_t serveropt_count(void);

/* Returns the name of option i (below serveropt_count()): the long option
 * without its "--", and the key in the config file. */
const char *serveropt_name(size_t i);

/* Checks value for the option called name and stores it in opts.
 * Numbers, choices and sizes are converted; a path, an address or an
 * account name is kept as the pointer value itself, so value must live
 * as long as opts is used. Returns 0, -ENOENT for a name that is no
 * option, or -EINVAL for a value the option does not accept (opts is
 * then unchanged). */
int serveropt_set(struct server_options *opts, const char *name,
                  const char *value);

/* Writes what the option called name accepts, in the user's language
 * ("een getal van 1 tot en met 500"), into out. Writes an empty string
 * for a name that is no option. */
void serveropt_expect(const char *name, char out[SERVEROPT_EXPECT_SIZE]);

#endif
