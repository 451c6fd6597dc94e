/* The server's config file (/etc/aandeslag/server.conf): an INI file whose
 * keys are the server's long options without "--", read with inih and
 * checked through the same table as the command line (serveropt.h). */
#ifndef AANDESLAG_SERVERCONF_H
#define AANDESLAG_SERVERCONF_H

#include <stddef.h>

#include "server.h"

/* Bytes of an error message "path:line: reason". */
#define SERVERCONF_ERROR_SIZE 4608

/* The copies of the file's values that the options point to (paths,
 * addresses, account names). Zeroed before the first read; owned by the
 * caller, who frees it with serverconf_free() once the options are no
 * longer used. */
struct serverconf {
	char **values;
	size_t n;
	size_t size;
};

/* Reads the config file at path into opts: the keys outside any section
 * or in [server]. Keys later in the file win over earlier ones. Returns
 * 0; -ENOENT for a file that does not exist, or another negative errno
 * for one that cannot be read, with "path: reason" in err; -EINVAL for an
 * unknown key or section, a value the option does not accept or a line
 * that is no key = value, with "path:line: reason" in err (opts may then
 * hold some of the file's values); -ENOMEM. */
int serverconf_read(struct serverconf *conf, const char *path,
                    struct server_options *opts,
                    char err[SERVERCONF_ERROR_SIZE]);

/* Frees the copies conf holds; the options that point to them must no
 * longer be used. conf is zeroed again. */
void serverconf_free(struct serverconf *conf);

#endif
