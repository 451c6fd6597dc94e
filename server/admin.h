/* The server's maintenance commands: list, delete, purge, backup and
 * export of the stored rooms, and the lock that tells them a server is
 * running. */
#ifndef AANDESLAG_ADMIN_H
#define AANDESLAG_ADMIN_H

#include <stdbool.h>

/* Returns whether arg names a maintenance command. */
bool admin_is_command(const char *arg);

/* Runs the maintenance command in argv[1] with its options; prints what
 * it did or why not. Returns the exit status: 0, 1 (failed) or 2 (bad
 * use). */
int admin_main(int argc, char **argv);

/* Takes the data directory's lock, held by a running server (it must
 * exist). Returns the descriptor that holds it (the caller closes it to
 * let go), -EBUSY when someone else holds it, or another negative errno. */
int admin_lock(const char *dir);

#endif
