/* Where the client finds its server without anyone typing an address:
 * the one used last time, AANDESLAG_SERVER, or a config file that IT
 * sets once (~/.config/aandeslag/client.conf, /etc/aandeslag/client.conf). */
#ifndef AANDESLAG_CLIENTCONF_H
#define AANDESLAG_CLIENTCONF_H

#include <stdbool.h>
#include <stddef.h>

/* Bytes of a host name or address. */
#define CLIENTCONF_HOST_SIZE 256
/* Bytes of an error message "file:line: reason". */
#define CLIENTCONF_ERROR_SIZE 512
/* Bytes of the description of where the default server came from. */
#define CLIENTCONF_ORIGIN_SIZE 1200

/* Splits "host", "host:port", "[v6]" or "[v6]:port" into host and port
 * (port stays as given when absent). Returns 0, or -EINVAL for an empty
 * host or a bad port. */
int clientconf_split(const char *text, char host[CLIENTCONF_HOST_SIZE],
                     int *port);

/* Finds the default server: the one remembered from last time, else
 * AANDESLAG_SERVER, else the user's config file, else the system's, else
 * "localhost"; the port stays as given unless one of those names it.
 * When origin is not NULL it receives, in the user's language, which of
 * those sources it was (with the file's path for a file), for --check.
 * Returns 0, or -EINVAL with "file:line: reason" in err for a config file
 * that cannot be used (host, port and origin are then still filled from
 * the next source). Owns nothing afterwards. */
int clientconf_server(char host[CLIENTCONF_HOST_SIZE], int *port,
                      char err[CLIENTCONF_ERROR_SIZE],
                      char origin[CLIENTCONF_ORIGIN_SIZE]);

/* As clientconf_server(), and sets *fallback (when not NULL) to whether
 * no source named a server, so that host is "localhost" only for lack of
 * anything better: the case in which the client looks for a server on
 * the LAN. */
int clientconf_find(char host[CLIENTCONF_HOST_SIZE], int *port,
                    char err[CLIENTCONF_ERROR_SIZE],
                    char origin[CLIENTCONF_ORIGIN_SIZE], bool *fallback);

/* Whether the client may look for a server on the LAN (a UDP broadcast):
 * AANDESLAG_DISCOVERY (0, no, nee, off, false turn it off; anything else
 * on) wins, else "discovery = yes|no" in the user's config file, else in
 * the system's, else yes. A broken file counts as not saying. */
bool clientconf_discovery(void);

/* Whether the client encrypts its connection (TLS): AANDESLAG_TLS, else
 * "tls = yes|no" in the user's config file, else in the system's, else
 * yes. Only a server started with --tls off needs no. */
bool clientconf_tls(void);

/* Reads one config file: the key "server" (host or host:port) in the
 * file or its [client] section ("discovery" is read, but only by
 * clientconf_discovery()). Returns 1 when it named a server, 0 when
 * the file is missing or names none, -EINVAL with "path:line: reason" in
 * err for a broken file. */
int clientconf_read(const char *path, char host[CLIENTCONF_HOST_SIZE],
                    int *port, char err[CLIENTCONF_ERROR_SIZE]);

/* Writes the path of name in the client's XDG state directory into out,
 * creating the directory as needed. Returns 0 or a negative errno. */
int clientconf_state_file(const char *name, char *out, size_t size);

/* Remembers host:port as the server of last time (in the XDG state
 * directory). Returns 0 or a negative errno; failing is harmless. */
int clientconf_remember(const char *host, int port);

#endif
