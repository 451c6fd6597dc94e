/* The client behind the SSH account: what a colleague with nothing
 * installed gets from "ssh werksessie@HOST". sshd runs "aandeslag --ssh"
 * as the account's forced command; this module decides what such a
 * connection may do (the poster, or fetching an export with scp, nothing
 * else) and where its exports go so that the user can fetch them. */
#ifndef AANDESLAG_SSHGATE_H
#define AANDESLAG_SSHGATE_H

#include <stddef.h>
#include <time.h>

/* Bytes of a download's place relative to the downloads directory,
 * "DIR/FILE", and of the command that fetches it. */
#define SSHGATE_REL_SIZE 160
#define SSHGATE_FETCH_SIZE 512
/* Exports stay fetchable this long; older ones are swept away. */
#define SSHGATE_KEEP_SECONDS (24 * 3600)

enum sshgate_route {
	SSHGATE_SESSION,        /* an interactive login: the poster */
	SSHGATE_DOWNLOAD,       /* scp fetching one export */
	SSHGATE_REFUSE          /* anything else: a shell command, sftp */
};

/* Decides what to run for the command the user asked for
 * (SSH_ORIGINAL_COMMAND; NULL or blank for an interactive login). A
 * download is the legacy scp protocol's "scp -f [-p] [--] DIR/FILE", with
 * DIR and FILE as sshgate_place() makes them; its "DIR/FILE" is copied
 * into rel (size bytes). Never fails: what it does not know is refused. */
enum sshgate_route sshgate_route(const char *command, char *rel, size_t size);

/* Picks the place for an export the user asked to save as wanted: a new
 * directory with a random name under downloads (mode 0700), and in it
 * wanted's last path component with anything but letters, digits, '.',
 * '-' and '_' replaced (a leading dot too). Writes the full path into
 * path and "DIR/FILE" into rel. Returns 0, -EINVAL for a name with
 * nothing usable, -ENAMETOOLONG, or the negative errno of mkdir. */
int sshgate_place(const char *downloads, const char *wanted, char *path,
                  size_t path_size, char rel[SSHGATE_REL_SIZE]);

/* Writes into out the command that fetches rel to the user's own laptop:
 * "scp -O [-P PORT] USER@ADDRESS:REL ." with the address and port the
 * user's ssh connected to, taken from ssh_connection (SSH_CONNECTION:
 * "client-ip client-port server-ip server-port"). Returns 0, or -EINVAL
 * when ssh_connection is missing or malformed. */
int sshgate_fetch_command(const char *ssh_connection, const char *user,
                          const char *rel, char out[SSHGATE_FETCH_SIZE]);

/* Both of the above for an export in an SSH session: places wanted under
 * downloads and writes the command that fetches it, for the account this
 * runs as, into fetch. Returns 0 or the failure of either. */
int sshgate_export(const char *downloads, const char *wanted, char *path,
                   size_t path_size, char fetch[SSHGATE_FETCH_SIZE]);

/* Writes into out the line colleagues without a program join with,
 * "ssh ACCOUNT@HOST": account as the server named it (Welcome), HOST the
 * server's first LAN address ("host:port", from the same Welcome) or,
 * without one, the host this client connected to. Returns 0, or -ENOENT
 * (out empty) when the server named no account. */
int sshgate_join_line(const char *account, const char *server_address,
                      const char *host, char *out, size_t size);

/* Removes the download directories under downloads that were made more
 * than max_age seconds before now, with their files. Best effort: what
 * cannot be removed stays. */
void sshgate_sweep(const char *downloads, time_t now, time_t max_age);

/* Fills downloads (size bytes) with the account's downloads directory,
 * $HOME/downloads. Returns 0, or -ENOENT without a home. */
int sshgate_downloads(char *downloads, size_t size);

/* For "aandeslag --ssh": runs a download (execs scp in the downloads
 * directory; returns only when that fails) or says why a request is
 * refused. Returns -1 when the caller should go on with the session, else
 * the exit code to end with. */
int sshgate_serve(void);

#endif
