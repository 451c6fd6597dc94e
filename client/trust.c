/* The client's store of server fingerprints (trust on first use): looking
 * a server up, appending one seen for the first time, and rewriting the
 * file through a temporary file when an entry is replaced or forgotten.
 * The whole file is read into memory, bounded in size, so a rewrite keeps
 * every line it does not mean to change. */
#include "trust.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomicfile.h"
#include "clientconf.h"
#include "strbuf.h"

/* The longest line read as an entry; longer ones are kept but ignored. */
#define TRUST_LINE_MAX 512
/* The largest file read; a larger one is neither believed nor changed. */
#define TRUST_FILE_MAX (1024 * 1024)
/* Bytes of a host name, with its NUL. */
#define TRUST_HOST_SIZE 256
/* Bytes of the store's path. */
#define TRUST_PATH_SIZE 4096

/* The first lines of a new file. */
#define TRUST_HEADER                                                         \
	"# Servers van aandeslag die deze computer kent (vingerafdruk van "  \
	"hun sleutel)\n"                                                     \
	"# Per regel: naam of adres, poort, SHA-256 van de publieke "        \
	"sleutel in hex\n"

/* One line of the store that could be read. */
struct trust_entry {
	char host[TRUST_HOST_SIZE];
	int port;
	uint8_t fp[TLS_FP_SIZE];
};

/* Copies host into out as it is compared and stored: without brackets
 * around it, ASCII letters in lower case. Returns 0, or -EINVAL for a
 * host that is empty, longer than 255 bytes, holds a space or a control
 * character, or starts with '#'. */
static int
trust_norm_host(const char *host, char out[TRUST_HOST_SIZE])
{
	size_t len, i;

	if (host == NULL)
		return -EINVAL;
	len = strlen(host);
	if (len >= 2 && host[0] == '[' && host[len - 1] == ']') {
		host++;
		len -= 2;
	}
	if (len == 0 || len >= TRUST_HOST_SIZE || host[0] == '#')
		return -EINVAL;
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)host[i];

		if (ch <= ' ' || ch == 0x7f)
			return -EINVAL;
		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch - 'A' + 'a');
		out[i] = (char)ch;
	}
	out[len] = '\0';
	return 0;
}

/* Reads a port of 1 to 65535 in decimal digits only. Returns it or -1. */
static int
trust_parse_port(const char *text)
{
	size_t i;
	int port = 0;

	for (i = 0; text[i] != '\0'; i++) {
		if (text[i] < '0' || text[i] > '9' || i == 5)
			return -1;
		port = port * 10 + (text[i] - '0');
	}
	return i > 0 && port >= 1 && port <= 65535 ? port : -1;
}

/* Reads one line (len bytes, without its newline) as "host port hex".
 * Returns whether it is an entry; comments, blank lines, lines that are
 * too long or hold a NUL, and anything else malformed are not. */
static bool
trust_parse_line(const char *line, size_t len, struct trust_entry *e)
{
	char buf[TRUST_LINE_MAX + 1], *field[3], *p;
	size_t n = 0;

	if (len > TRUST_LINE_MAX || memchr(line, '\0', len) != NULL)
		return false;
	memcpy(buf, line, len);
	buf[len] = '\0';
	for (p = buf;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		if (*p == '\0')
			break;
		if (n == 3)
			return false;
		field[n++] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\r')
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
	if (n != 3 || field[0][0] == '#')
		return false;
	if (trust_norm_host(field[0], e->host) != 0)
		return false;
	e->port = trust_parse_port(field[1]);
	if (e->port < 0)
		return false;
	/* Exactly 64 hex digits: tls_fp_parse_hex() would also take the
	 * form with colons. */
	if (strlen(field[2]) != 2 * TLS_FP_SIZE)
		return false;
	return tls_fp_parse_hex(field[2], e->fp) == 0;
}

/* Steps through data's lines: sets *line and *len (without the newline)
 * to the line at *pos and moves *pos past it. Returns false at the end. */
static bool
trust_next_line(const char *data, size_t size, size_t *pos, const char **line,
                size_t *len)
{
	const char *nl;

	if (*pos >= size)
		return false;
	*line = data + *pos;
	nl = memchr(*line, '\n', size - *pos);
	*len = nl != NULL ? (size_t)(nl - *line) : size - *pos;
	*pos += *len + 1;
	return true;
}

/* Puts the store's path into out: file, or the default when it is NULL.
 * Returns 0 or a negative errno. */
static int
trust_path(const char *file, char out[TRUST_PATH_SIZE])
{
	if (file == NULL)
		return clientconf_state_file(TRUST_FILE, out, TRUST_PATH_SIZE);
	if (strlen(file) >= TRUST_PATH_SIZE)
		return -ENAMETOOLONG;
	strcpy(out, file);
	return 0;
}

/* Reads the whole file at path into *data (malloc'd, NUL-terminated, the
 * caller's to free) and its length into *size. Returns 0, -ENOENT when
 * the file is missing, -EFBIG when it is larger than TRUST_FILE_MAX,
 * -EINVAL when it is not a regular file, or another negative errno; *data
 * is NULL after a failure. */
static int
trust_load(const char *path, char **data, size_t *size)
{
	struct stat st;
	size_t cap, len = 0;
	ssize_t n;
	char *buf, *grown;
	int fd, rc = 0;

	*data = NULL;
	*size = 0;
	/* O_NONBLOCK so that a FIFO put there does not hang the client. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) != 0) {
		rc = -errno;
		close(fd);
		return rc;
	}
	if (!S_ISREG(st.st_mode) || st.st_size < 0) {
		close(fd);
		return -EINVAL;
	}
	if (st.st_size > TRUST_FILE_MAX) {
		close(fd);
		return -EFBIG;
	}
	/* Room for one byte more than fstat() said, so that the end of
	 * the file is seen without growing the buffer. */
	cap = (size_t)st.st_size + 2;
	buf = malloc(cap);
	if (buf == NULL) {
		close(fd);
		return -ENOMEM;
	}
	for (;;) {
		/* The file may have grown since fstat(). */
		if (len + 1 == cap) {
			if (cap > TRUST_FILE_MAX) {
				rc = -EFBIG;
				break;
			}
			cap = cap * 2 > TRUST_FILE_MAX + 1 ?
			    TRUST_FILE_MAX + 2 : cap * 2;
			grown = realloc(buf, cap);
			if (grown == NULL) {
				rc = -ENOMEM;
				break;
			}
			buf = grown;
		}
		n = read(fd, buf + len, cap - 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = -errno;
			break;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	if (rc == 0 && len > TRUST_FILE_MAX)
		rc = -EFBIG;
	if (rc < 0) {
		free(buf);
		return rc;
	}
	buf[len] = '\0';
	*data = buf;
	*size = len;
	return 0;
}

/* Writes all len bytes of data to fd. Returns 0 or a negative errno. */
/* Appends the entry for host:port with fp to sb. */
static void
trust_add_entry(struct strbuf *sb, const char *host, int port,
                const uint8_t fp[TLS_FP_SIZE])
{
	char hex[TLS_FP_HEX_SIZE];

	tls_fp_hex(fp, hex);
	strbuf_printf(sb, "%s %d %s\n", host, port, hex);
}

/* Rewrites the store at path, whose content is data (size bytes; NULL
 * when missing), without the entries for host (normalised) on port (0:
 * every port), and with the entry for host:port with fp added at the end
 * when fp is not NULL. Nothing is written when nothing would change.
 * Sets *removed to how many entries went. Returns 0 or a negative errno. */
static int
trust_rewrite(const char *path, const char *data, size_t size,
              const char *host, int port, const uint8_t *fp, size_t *removed)
{
	struct strbuf sb = { 0 };
	struct trust_entry e;
	const char *line;
	size_t pos = 0, len, n = 0;
	int rc;

	*removed = 0;
	if (size == 0)
		strbuf_puts(&sb, TRUST_HEADER);
	while (data != NULL && trust_next_line(data, size, &pos, &line, &len)) {
		if (trust_parse_line(line, len, &e) &&
		    strcmp(e.host, host) == 0 && (port == 0 || e.port == port)) {
			n++;
			continue;
		}
		strbuf_add(&sb, line, len);
		strbuf_add(&sb, "\n", 1);
	}
	if (fp != NULL)
		trust_add_entry(&sb, host, port, fp);
	else if (n == 0) {
		strbuf_free(&sb);
		return 0;
	}
	if (sb.failed)
		rc = -ENOMEM;
	else
		rc = atomicfile_write(path, strbuf_str(&sb), sb.len, 0600);
	strbuf_free(&sb);
	if (rc == 0)
		*removed = n;
	return rc;
}

/* Appends the entry for host:port with fp to the store at path, which
 * held data (size bytes, NULL when missing) when it was read: with the
 * header first when the file is empty, and a newline first when its last
 * line lacks one. Returns 0 or a negative errno. */
static int
trust_append(const char *path, const char *data, size_t size,
             const char *host, int port, const uint8_t fp[TLS_FP_SIZE])
{
	struct strbuf sb = { 0 };
	struct stat st;
	int fd, rc;

	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC,
	    0600);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -EINVAL;
	}
	if (st.st_size == 0)
		strbuf_puts(&sb, TRUST_HEADER);
	else if (data != NULL && size > 0 && data[size - 1] != '\n')
		strbuf_add(&sb, "\n", 1);
	trust_add_entry(&sb, host, port, fp);
	/* One write, so that two clients appending at once do not mix their
	 * lines. */
	rc = sb.failed ? -ENOMEM :
	     atomicfile_write_all(fd, strbuf_str(&sb), sb.len);
	if (close(fd) != 0 && rc == 0)
		rc = -errno;
	strbuf_free(&sb);
	return rc;
}

/* Looks host:port up in data (size bytes; NULL for none): *count gets
 * how many entries it has, *same whether one of them is fp, and other
 * the first fingerprint that is not fp (when there is one). */
static void
trust_find(const char *data, size_t size, const char *host, int port,
           const uint8_t fp[TLS_FP_SIZE], size_t *count, bool *same,
           uint8_t other[TLS_FP_SIZE])
{
	struct trust_entry e;
	const char *line;
	size_t pos = 0, len;
	bool have_other = false;

	*count = 0;
	*same = false;
	while (data != NULL && trust_next_line(data, size, &pos, &line, &len)) {
		if (!trust_parse_line(line, len, &e) ||
		    strcmp(e.host, host) != 0 || e.port != port)
			continue;
		(*count)++;
		if (memcmp(e.fp, fp, TLS_FP_SIZE) == 0)
			*same = true;
		else if (!have_other) {
			memcpy(other, e.fp, TLS_FP_SIZE);
			have_other = true;
		}
	}
}

int
trust_check(const char *file, const char *host, int port, bool loopback,
            const char *pin, const uint8_t fp[TLS_FP_SIZE],
            uint8_t known[TLS_FP_SIZE])
{
	char name[TRUST_HOST_SIZE], path[TRUST_PATH_SIZE];
	uint8_t other[TLS_FP_SIZE];
	char *data = NULL;
	size_t size = 0, count, removed;
	bool same;
	int rc, verdict;

	if (fp == NULL || trust_norm_host(host, name) != 0 || port < 1 ||
	    port > 65535)
		return -EINVAL;
	if (pin != NULL && pin[0] != '\0') {
		rc = tls_fp_matches(pin, fp);
		if (rc < 0)
			return -EINVAL;
		if (rc == 0)
			return TRUST_MISMATCH;
		/* Remember it, unless that is what the file already says;
		 * a file that cannot be read is not rewritten, as that
		 * would lose what it holds. */
		if (trust_path(file, path) != 0)
			return TRUST_PINNED;
		rc = trust_load(path, &data, &size);
		if (rc == 0 || rc == -ENOENT) {
			trust_find(data, size, name, port, fp, &count, &same,
			    other);
			if (count != 1 || !same)
				trust_rewrite(path, data, size, name, port, fp,
				    &removed);
		}
		free(data);
		return TRUST_PINNED;
	}
	if (loopback)
		return TRUST_LOCAL;
	if (trust_path(file, path) != 0)
		return TRUST_NEW;
	rc = trust_load(path, &data, &size);
	if (rc < 0 && rc != -ENOENT)
		return TRUST_NEW;
	trust_find(data, size, name, port, fp, &count, &same, other);
	if (same)
		verdict = TRUST_KNOWN;
	else if (count > 0) {
		if (known != NULL)
			memcpy(known, other, TLS_FP_SIZE);
		verdict = TRUST_CHANGED;
	} else {
		trust_append(path, data, size, name, port, fp);
		verdict = TRUST_NEW;
	}
	free(data);
	return verdict;
}

int
trust_forget(const char *file, const char *host, int port, size_t *removed)
{
	char name[TRUST_HOST_SIZE], path[TRUST_PATH_SIZE];
	char *data;
	size_t size, n = 0;
	int rc;

	if (removed != NULL)
		*removed = 0;
	if (trust_norm_host(host, name) != 0 || port < 0 || port > 65535)
		return -EINVAL;
	rc = trust_path(file, path);
	if (rc < 0)
		return rc;
	rc = trust_load(path, &data, &size);
	if (rc == -ENOENT)
		return 0;
	if (rc < 0)
		return rc;
	rc = trust_rewrite(path, data, size, name, port, NULL, &n);
	free(data);
	if (rc == 0 && removed != NULL)
		*removed = n;
	return rc;
}

const char *
trust_verdict_name(int verdict)
{
	switch (verdict) {
	case TRUST_LOCAL:
		return "this computer";
	case TRUST_PINNED:
		return "as given";
	case TRUST_KNOWN:
		return "known";
	case TRUST_NEW:
		return "new, remembered";
	case TRUST_CHANGED:
		return "changed";
	case TRUST_MISMATCH:
		return "not as given";
	default:
		return "unknown";
	}
}

int
trust_decide(const char *host, int port, bool loopback, const char *pin,
             const uint8_t fp[TLS_FP_SIZE], struct refusal *why)
{
	uint8_t known[TLS_FP_SIZE];
	char shown[2][TLS_FP_TEXT_SIZE];
	char *params[] = { shown[0], shown[1] };
	int verdict;

	verdict = trust_check(NULL, host, port, loopback, pin, fp, known);
	if (verdict >= 0 && !trust_refused(verdict))
		return verdict;
	if (verdict == TRUST_CHANGED)
		tls_fp_text(known, shown[0]);
	else
		snprintf(shown[0], sizeof shown[0], "%.19s",
		         pin != NULL ? pin : "?");
	tls_fp_text(fp, shown[1]);
	refusal_set_params(why, verdict == TRUST_CHANGED ?
	        AANDESLAG__ERROR_CODE__ERROR_TLS_FINGERPRINT_CHANGED :
	        AANDESLAG__ERROR_CODE__ERROR_TLS_FINGERPRINT_MISMATCH,
	        params, 2);
	return verdict < 0 ? TRUST_MISMATCH : verdict;
}

bool
trust_refused(int verdict)
{
	return verdict < 0 || verdict == TRUST_CHANGED ||
	       verdict == TRUST_MISMATCH;
}
