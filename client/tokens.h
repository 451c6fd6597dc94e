/* The seat file: a participant's resume token, kept per server, room and
 * name in $XDG_STATE_HOME/aandeslag/tokens/ (default
 * ~/.local/state/aandeslag/tokens/), so that a client that was closed, or
 * whose laptop restarted, comes back as the same participant. The client
 * holding a seat keeps its file open and locked (flock) for its life, so
 * that a second client for the same seat is refused instead of taking it
 * over. */
#ifndef AANDESLAG_TOKENS_H
#define AANDESLAG_TOKENS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes of a seat file's name: 16 hex digits, ".token" and the NUL. */
#define TOKENS_NAME_SIZE 23
/* The longest token kept (the server's are 16 bytes). */
#define TOKENS_TOKEN_MAX 32

/* An open, locked seat file; fd is -1 when none is open. */
struct tokens_seat {
	int fd;
	char path[1024];
	char key[1024];         /* whom it is for, percent-encoded, one line */
};

/* Empties s (no file open); call before anything else on s. */
void tokens_init(struct tokens_seat *s);

/* Writes the file name for the seat of name in room code on host:port
 * into out: a hash in hex, so that nothing the user typed ('/', "..",
 * spaces, any UTF-8) ends up in a path. Different seats get different
 * names (a 64-bit hash; the file also records whom it is for, and one
 * that is for someone else is not believed). */
void tokens_name(const char *host, int port, const char *code,
                 const char *name, char out[TOKENS_NAME_SIZE]);

/* Opens the seat file of (host, port, code, name) in dir, or in the XDG
 * state directory's tokens/ when dir is NULL (both created 0700 as
 * needed; the file 0600), and locks it. The code should be normalised
 * (code_normalise()). Returns 0, -EBUSY when another process holds the
 * seat, or another negative errno (s stays closed then). */
int tokens_open(struct tokens_seat *s, const char *dir, const char *host,
                int port, const char *code, const char *name);

/* Whether s has a file open. */
bool tokens_is_open(const struct tokens_seat *s);

/* Reads the token kept in the open file s into token (size bytes).
 * Returns its length, 0 when the file holds none (new, emptied, damaged
 * or for another seat), or a negative errno. */
int tokens_read(struct tokens_seat *s, uint8_t *token, size_t size);

/* Keeps token (len bytes, at most TOKENS_TOKEN_MAX) in the open file s,
 * replacing what was there. Returns 0 or a negative errno. */
int tokens_save(struct tokens_seat *s, const uint8_t *token, size_t len);

/* Empties the open file s: the token no longer holds (the seat is gone),
 * but the lock stays. Returns 0 or a negative errno. */
int tokens_forget(struct tokens_seat *s);

/* Deletes the seat file and closes it (the participant left or was
 * removed). Harmless when s is not open. */
void tokens_remove(struct tokens_seat *s);

/* Closes s, which releases the lock; the file stays for next time when
 * it holds a token, and is deleted when it holds none. Harmless when s is
 * not open. */
void tokens_close(struct tokens_seat *s);

#endif
