/* aandeslag --check: walks the way from this laptop to the server step by
 * step (the name, the TCP port, the handshake) and says in plain Dutch
 * which step fails and what to ask IT, so a teacher need not guess. */
#ifndef AANDESLAG_NETCHECK_H
#define AANDESLAG_NETCHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The exit codes of aandeslag --check. */
#define NETCHECK_OK 0
#define NETCHECK_PROBLEM 1

/* The wait per step when the user gives none, in milliseconds. */
#define NETCHECK_DEFAULT_TIMEOUT_MS 5000

/* Which step an explanation is for. */
enum netcheck_step {
	NETCHECK_RESOLVE,
	NETCHECK_CONNECT,
	NETCHECK_HANDSHAKE
};

/* Writes into out, in the user's language, what the libuv error err in
 * step means for host and port and what to ask IT (UV_ETIMEDOUT also
 * stands for our own timeout; for NETCHECK_HANDSHAKE every err means that
 * the other side is not an aandeslag server). Pure: no I/O. */
void netcheck_explain(enum netcheck_step step, int err, const char *host,
                      int port, char *out, size_t size);

/* Writes into out, in the user's language, what a VersionRefused with the
 * server's range server_min..server_max means next to this client's
 * range, and which side needs an update. Pure: no I/O. */
void netcheck_version_advice(unsigned server_min, unsigned server_max,
                             char *out, size_t size);

/* Runs the checks against host and port, waiting at most timeout_ms for
 * each step, and prints one line per step on stdout; origin (may be NULL)
 * says where the server's name came from. With tls the handshake is made
 * inside TLS, as the client makes it, and its version and the server's
 * fingerprint are printed (nothing is remembered). Stops at the first failure with
 * its explanation. Returns NETCHECK_OK when every step passed,
 * NETCHECK_PROBLEM otherwise (also when the checks could not start, say
 * for lack of memory: that is said on stderr). Owns nothing afterwards. */
int netcheck_run(const char *host, int port, const char *origin,
                 int64_t timeout_ms, bool tls);

#endif
