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

/* Bytes of a fingerprint as ssh-keygen -l prints it, "SHA256:" and 43
 * base64 characters. */
#define SSHACCT_FINGERPRINT_SIZE 64
/* The host key whose fingerprint ssh shows on first contact (OpenSSH
 * prefers Ed25519). */
#define SSHACCT_HOST_KEY "/etc/ssh/ssh_host_ed25519_key.pub"

/* Reads the public key file at path ("TYPE BASE64 [COMMENT]") and writes
 * its SHA-256 fingerprint as ssh-keygen -l shows it into out. Returns 0,
 * the negative errno of opening or reading it, or -EINVAL for a file that
 * holds no key. */
int sshacct_fingerprint(const char *path,
                        char out[SSHACCT_FINGERPRINT_SIZE]);

/* Whether name could be an account name: 1 to 32 of a-z, 0-9, '_', '-',
 * not starting with '-'. */
int sshacct_valid(const char *name);

#endif
