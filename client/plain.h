/* The line mode: commands from stdin, one readable line per event on
 * stdout. For screen-reader users, scripts and tests. */
#ifndef AANDESLAG_PLAIN_H
#define AANDESLAG_PLAIN_H

#include "net.h"

/* Exit codes of the line mode (documented in the README). */
enum plain_exit {
	PLAIN_OK = 0,           /* every command was accepted */
	PLAIN_REFUSED = 1,      /* some command was refused or mistyped */
	PLAIN_NO_JOIN = 2,      /* could not connect or join */
	PLAIN_UNANSWERED = 3    /* unacknowledged at the timeout, or the
	                         * connection was lost */
};

/* Runs the line mode until stdin ends and every command is answered (at
 * most timeout_s seconds after the end of input). Returns a plain_exit. */
int plain_run(const struct net_options *opts, unsigned timeout_s);

#endif
