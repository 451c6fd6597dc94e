/* Trust on first use for the server's TLS key: the client remembers the
 * fingerprint (common/tls.h) each server showed the first time, in
 * $XDG_STATE_HOME/aandeslag/known_servers (default
 * ~/.local/state/aandeslag/known_servers), and refuses a server whose key
 * has changed since, as ssh does with known_hosts. A fingerprint the user
 * was given (--fingerprint) decides before anything remembered.
 *
 * The file has one line per server, "host port sha256-hex" (the host in
 * lower case, an IPv6 address without brackets, the fingerprint as 64
 * lowercase hex digits), besides '#' comments and blank lines. Lines that
 * cannot be read are ignored on lookup and kept when the file is
 * rewritten. */
#ifndef AANDESLAG_TRUST_H
#define AANDESLAG_TRUST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "refusal.h"
#include "tls.h"

/* The store's name in the client's XDG state directory. */
#define TRUST_FILE "known_servers"

/* What trust_check() decided. */
enum trust_verdict {
	TRUST_LOCAL,    /* the server is on this computer (loopback): trusted, nothing stored */
	TRUST_PINNED,   /* matches the fingerprint the user gave (--fingerprint); remembered */
	TRUST_KNOWN,    /* the same as remembered from an earlier connection */
	TRUST_NEW,      /* first connection to host:port: remembered now */
	TRUST_CHANGED,  /* not the one remembered: the caller refuses; file unchanged */
	TRUST_MISMATCH  /* not the one the user gave: the caller refuses; file unchanged */
};

/* Decides whether to trust the server at host:port that showed fp in its
 * handshake.
 *
 * file is the store's path, or NULL for the default in the XDG state
 * directory (clientconf_state_file(TRUST_FILE), which creates the
 * directory). host is the name or address as the user typed it or as it
 * was found, compared without regard to ASCII case; brackets around an
 * IPv6 address are dropped. It must be 1 to 255 bytes without spaces or
 * control characters and must not start with '#'. port is 1 to 65535.
 * loopback says whether the connected peer's address is a loopback
 * address. pin is what the user typed with --fingerprint (the form read
 * aloud or the hex form, see tls_fp_matches()), or NULL or "" for none.
 * known, when not NULL, receives the remembered fingerprint for
 * TRUST_CHANGED and is left alone otherwise.
 *
 * The order: a pin, when given, decides: TRUST_PINNED when it names fp
 * (fp then replaces whatever was remembered for host:port; a file that
 * cannot be rewritten does not change the verdict), else TRUST_MISMATCH.
 * Without a pin a loopback peer is TRUST_LOCAL. Otherwise the store
 * decides: TRUST_KNOWN when host:port is remembered with fp,
 * TRUST_CHANGED when it is remembered with another fingerprint only, and
 * TRUST_NEW, appending fp, when it is not remembered. A store that cannot
 * be read (larger than 1 MiB, not a regular file, not readable) counts as
 * empty and is neither appended to nor rewritten; TRUST_NEW and
 * TRUST_PINNED are returned even when the file cannot be written. A new
 * file gets two comment lines at the top and mode 0600. TRUST_CHANGED and
 * TRUST_MISMATCH never change the file.
 *
 * Returns a verdict (>= 0), or -EINVAL for a pin that is neither form, a
 * bad host or port, or a NULL fp; the file is not touched then. Owns
 * nothing afterwards. */
int trust_check(const char *file, const char *host, int port, bool loopback,
                const char *pin, const uint8_t fp[TLS_FP_SIZE],
                uint8_t known[TLS_FP_SIZE]);

/* Removes what is remembered for host (compared as in trust_check()) on
 * port, or on every port when port is 0, from file (NULL: the default,
 * as in trust_check()). The file is rewritten through a temporary file
 * in the same directory (mode 0600) and a rename, keeping every other
 * line; it is not touched when nothing matches. *removed, when removed
 * is not NULL, receives how many lines went (0 on failure). Returns 0 (a
 * missing file is 0 with nothing removed), -EINVAL for a bad host or
 * port, -EFBIG for a file larger than 1 MiB, or another negative errno
 * when the file could not be read or rewritten (it is then unchanged).
 * Owns nothing afterwards. */
int trust_forget(const char *file, const char *host, int port,
                 size_t *removed);

/* Returns a stable English name of a verdict for the line mode ("new,
 * remembered", "known", ...); "unknown" for anything else. Static. */
const char *trust_verdict_name(int verdict);

/* Decides as trust_check() with the default store, and for a server to
 * refuse fills why: ERROR_TLS_FINGERPRINT_CHANGED with the remembered
 * and the seen fingerprint read aloud, or ERROR_TLS_FINGERPRINT_MISMATCH
 * with the one given and the one seen. Returns the verdict (a pin that
 * is no fingerprint counts as TRUST_MISMATCH). */
int trust_decide(const char *host, int port, bool loopback, const char *pin,
                 const uint8_t fp[TLS_FP_SIZE], struct refusal *why);

/* Returns whether the client must not go on with a server of verdict. */
bool trust_refused(int verdict);

#endif
