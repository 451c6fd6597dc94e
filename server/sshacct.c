/* Finding the SSH account that aandeslag-ssh-setup made, by the comment
 * it gives the account: the server needs no setting for it, and an
 * account of somebody else's is never taken for it. */
#include "sshacct.h"

#include <errno.h>
#include <pwd.h>
#include <string.h>

int
sshacct_valid(const char *name)
{
	size_t n = strlen(name);

	return n > 0 && n < SSHACCT_NAME_SIZE && name[0] != '-' &&
	       strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_-") == n;
}

int
sshacct_find(char name[SSHACCT_NAME_SIZE])
{
	const struct passwd *pw;
	int rc = -ENOENT;

	setpwent();
	while ((pw = getpwent()) != NULL) {
		if (pw->pw_gecos != NULL &&
		    strstr(pw->pw_gecos, SSHACCT_MARKER) != NULL &&
		    sshacct_valid(pw->pw_name)) {
			strcpy(name, pw->pw_name);
			rc = 0;
			break;
		}
	}
	endpwent();
	return rc;
}
