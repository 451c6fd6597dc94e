/* Seat files. One file per seat, named by a hash of whom it is for, holding
 * two lines: the token in hex, and the seat it belongs to (host, port,
 * code and name, percent-encoded) so that a file is never believed for
 * another seat. The lock is flock() on the open file: the kernel drops it
 * when the process ends, however it ends. */
#include "tokens.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clientconf.h"

/* How often a lock is tried again when the file was deleted between
 * opening and locking it (its holder just left the room). */
#define TOKENS_OPEN_TRIES 5

void
tokens_init(struct tokens_seat *s)
{
	s->fd = -1;
	s->path[0] = '\0';
	s->key[0] = '\0';
}

static uint64_t
fnv1a(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	return h;
}

void
tokens_name(const char *host, int port, const char *code, const char *name,
            char out[TOKENS_NAME_SIZE])
{
	uint64_t h = 0xcbf29ce484222325ull;
	char number[16];

	snprintf(number, sizeof number, "%d", port);
	/* Each part with its NUL, so that ("ab", "c") and ("a", "bc")
	 * differ. */
	h = fnv1a(h, host, strlen(host) + 1);
	h = fnv1a(h, number, strlen(number) + 1);
	h = fnv1a(h, code, strlen(code) + 1);
	h = fnv1a(h, name, strlen(name) + 1);
	snprintf(out, TOKENS_NAME_SIZE, "%016llx.token", (unsigned long long)h);
}

/* Appends text to out (size bytes, NUL-terminated), percent-encoding
 * every byte but letters, digits and "-._:", so that the key is one line
 * of plain ASCII. Stops quietly when out is full. */
static void
encode(char *out, size_t size, const char *text)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(out);
	const unsigned char *p;

	for (p = (const unsigned char *)text; *p != '\0'; p++) {
		bool plain = (*p >= 'a' && *p <= 'z') ||
		             (*p >= 'A' && *p <= 'Z') ||
		             (*p >= '0' && *p <= '9') ||
		             strchr("-._:", *p) != NULL;

		if (n + (plain ? 1 : 3) >= size)
			break;
		if (plain) {
			out[n++] = (char)*p;
		} else {
			out[n++] = '%';
			out[n++] = hex[*p >> 4];
			out[n++] = hex[*p & 15];
		}
	}
	out[n] = '\0';
}

/* The seat's one-line description: host, port, code and name, each
 * percent-encoded, separated by spaces. */
static void
make_key(struct tokens_seat *s, const char *host, int port,
         const char *code, const char *name)
{
	char number[16];
	size_t n;

	snprintf(number, sizeof number, "%d", port);
	s->key[0] = '\0';
	encode(s->key, sizeof s->key, host);
	n = strlen(s->key);
	snprintf(s->key + n, sizeof s->key - n, " %s ", number);
	encode(s->key, sizeof s->key, code);
	n = strlen(s->key);
	snprintf(s->key + n, sizeof s->key - n, " ");
	encode(s->key, sizeof s->key, name);
}

/* Writes the file's path into s->path, creating its directory. */
static int
make_path(struct tokens_seat *s, const char *dir, const char *file)
{
	char rel[64];
	int n;

	if (dir == NULL) {
		snprintf(rel, sizeof rel, "tokens/%s", file);
		return clientconf_state_file(rel, s->path, sizeof s->path);
	}
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		return -errno;
	n = snprintf(s->path, sizeof s->path, "%s/%s", dir, file);
	return n < 0 || (size_t)n >= sizeof s->path ? -ENAMETOOLONG : 0;
}

/* Whether fd is still the file at path: not deleted, or deleted and made
 * anew, by its last holder between our open() and our flock(). */
static bool
still_there(int fd, const char *path)
{
	struct stat a, b;

	return fstat(fd, &a) == 0 && stat(path, &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int
tokens_open(struct tokens_seat *s, const char *dir, const char *host,
            int port, const char *code, const char *name)
{
	char file[TOKENS_NAME_SIZE];
	int fd, rc, tries;

	tokens_init(s);
	tokens_name(host, port, code, name, file);
	rc = make_path(s, dir, file);
	if (rc < 0)
		return rc;
	make_key(s, host, port, code, name);
	for (tries = 0; tries < TOKENS_OPEN_TRIES; tries++) {
		fd = open(s->path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
		          0600);
		if (fd < 0)
			return -errno;
		if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
			rc = errno == EWOULDBLOCK ? -EBUSY : -errno;
			close(fd);
			return rc;
		}
		if (still_there(fd, s->path)) {
			s->fd = fd;
			return 0;
		}
		close(fd);
	}
	return -EAGAIN;
}

bool
tokens_is_open(const struct tokens_seat *s)
{
	return s->fd >= 0;
}

static int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
tokens_read(struct tokens_seat *s, uint8_t *token, size_t size)
{
	char text[2 * TOKENS_TOKEN_MAX + sizeof s->key + 4];
	char *nl, *key;
	ssize_t n;
	size_t len, i;
	int hi, lo;

	if (s->fd < 0)
		return -EBADF;
	n = pread(s->fd, text, sizeof text - 1, 0);
	if (n < 0)
		return -errno;
	text[n] = '\0';
	nl = strchr(text, '\n');
	if (nl == NULL)
		return 0;
	*nl = '\0';
	key = nl + 1;
	key[strcspn(key, "\n")] = '\0';
	len = strlen(text);
	if (len == 0 || len % 2 != 0 || len / 2 > size ||
	    len / 2 > TOKENS_TOKEN_MAX || strcmp(key, s->key) != 0)
		return 0;
	for (i = 0; i < len / 2; i++) {
		hi = hex_digit(text[2 * i]);
		lo = hex_digit(text[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return 0;
		token[i] = (uint8_t)(hi << 4 | lo);
	}
	return (int)(len / 2);
}

int
tokens_save(struct tokens_seat *s, const uint8_t *token, size_t len)
{
	char text[2 * TOKENS_TOKEN_MAX + sizeof s->key + 4];
	size_t i, n = 0;

	if (s->fd < 0)
		return -EBADF;
	if (len == 0 || len > TOKENS_TOKEN_MAX)
		return -EINVAL;
	for (i = 0; i < len; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "%02x",
		                      token[i]);
	n += (size_t)snprintf(text + n, sizeof text - n, "\n%s\n", s->key);
	if (ftruncate(s->fd, 0) < 0)
		return -errno;
	errno = 0;
	if (pwrite(s->fd, text, n, 0) != (ssize_t)n)
		return errno ? -errno : -EIO;
	return 0;
}

int
tokens_forget(struct tokens_seat *s)
{
	if (s->fd < 0)
		return -EBADF;
	return ftruncate(s->fd, 0) < 0 ? -errno : 0;
}

void
tokens_remove(struct tokens_seat *s)
{
	if (s->fd < 0)
		return;
	/* Still locked while it goes, so no one takes the old file. */
	unlink(s->path);
	close(s->fd);
	s->fd = -1;
}

void
tokens_close(struct tokens_seat *s)
{
	struct stat st;

	if (s->fd < 0)
		return;
	/* A file that never got a token (the join was refused) is not left
	 * behind. */
	if (fstat(s->fd, &st) == 0 && st.st_size == 0)
		unlink(s->path);
	close(s->fd);
	s->fd = -1;
}
