/* The SSH account on the server's host, if there is one: the account
 * aandeslag-ssh-setup made, so that colleagues with nothing installed
 * join with "ssh ACCOUNT@HOST". The server names it to its clients, and
 * the projector shows the line. */
#ifndef AANDESLAG_SSHACCT_H
#define AANDESLAG_SSHACCT_H

#include <stddef.h>

/* Bytes of an account name. */
#define SSHACCT_NAME_SIZE 33
/* The comment aandeslag-ssh-setup gives the account (keep the two the
 * same). */
#define SSHACCT_MARKER "aandeslag werksessie (SSH)"

/* Looks through the host's accounts for the one aandeslag-ssh-setup made
 * (its comment holds SSHACCT_MARKER) and copies its name into name.
 * Returns 0, or -ENOENT when there is none. */
int sshacct_find(char name[SSHACCT_NAME_SIZE]);

/* Whether name could be an account name: 1 to 32 of a-z, 0-9, '_', '-',
 * not starting with '-'. */
int sshacct_valid(const char *name);

#endif
