/* The SSH account's gate: everyone who logs in as the account shares one
 * user on the server host, so what may run is decided here and nowhere
 * else. An interactive login gets the poster; "scp" may fetch one export
 * by its unguessable directory name; everything else (a shell command,
 * the sftp subsystem, an upload) is refused with a reason. */
#include "sshgate.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

#include "i18n.h"

/* A download directory's name: random letters and digits, about 103 bits;
 * nobody lists the directory, so knowing the name is the permission. */
#define DIR_CHARS 20
#define FILE_MAX 100

static bool
is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

/* Whether rel (n bytes) is "DIR/FILE" as sshgate_place() makes them. */
static bool
is_download(const char *rel, size_t n)
{
	const char *slash = memchr(rel, '/', n);
	size_t i, file;

	if (slash == NULL || slash - rel != DIR_CHARS)
		return false;
	for (i = 0; i < DIR_CHARS; i++)
		if (!((rel[i] >= 'a' && rel[i] <= 'z') ||
		      (rel[i] >= '0' && rel[i] <= '9')))
			return false;
	file = n - DIR_CHARS - 1;
	if (file == 0 || file > FILE_MAX || slash[1] == '.')
		return false;
	for (i = 0; i < file; i++)
		if (!is_name_char(slash[1 + i]))
			return false;
	return true;
}

enum sshgate_route
sshgate_route(const char *command, char *rel, size_t size)
{
	const char *p = command, *word;
	bool fetch = false;
	size_t n;

	if (p == NULL)
		return SSHGATE_SESSION;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0')
		return SSHGATE_SESSION;
	if (strncmp(p, "scp ", 4) != 0)
		return SSHGATE_REFUSE;
	p += 4;
	/* The legacy protocol's source side: "-f", with at most the flags
	 * a fetching scp adds; the path is the last word. */
	for (;;) {
		while (*p == ' ')
			p++;
		word = p;
		n = strcspn(p, " ");
		p += n;
		if (*p == '\0')
			break;
		if (n == 2 && memcmp(word, "-f", 2) == 0)
			fetch = true;
		else if (!((n == 2 && (memcmp(word, "-p", 2) == 0 ||
		                       memcmp(word, "-v", 2) == 0)) ||
		           (n == 2 && memcmp(word, "--", 2) == 0)))
			return SSHGATE_REFUSE;
	}
	/* A newer scp quotes the path for the remote shell. */
	if (n >= 2 && word[0] == '\'' && word[n - 1] == '\'') {
		word++;
		n -= 2;
	}
	if (!fetch || !is_download(word, n) || n >= size)
		return SSHGATE_REFUSE;
	memcpy(rel, word, n);
	rel[n] = '\0';
	return SSHGATE_DOWNLOAD;
}

/* Copies the last path component of wanted into out, cleaned. */
static int
clean_name(const char *wanted, char out[FILE_MAX + 1])
{
	const char *base = strrchr(wanted, '/');
	size_t i, n = 0;

	base = base != NULL ? base + 1 : wanted;
	for (i = 0; base[i] != '\0' && n < FILE_MAX; i++)
		out[n++] = is_name_char(base[i]) ? base[i] : '_';
	out[n] = '\0';
	if (n > 0 && out[0] == '.')
		out[0] = '_';
	/* Nothing but replaced characters is no name at all. */
	for (i = 0; i < n; i++)
		if (out[i] != '_')
			return 0;
	return -EINVAL;
}

int
sshgate_place(const char *downloads, const char *wanted, char *path,
              size_t path_size, char rel[SSHGATE_REL_SIZE])
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	unsigned char random[DIR_CHARS];
	char name[FILE_MAX + 1], dir[DIR_CHARS + 1];
	int n, i;

	if (clean_name(wanted, name) < 0)
		return -EINVAL;
	n = uv_random(NULL, NULL, random, sizeof random, 0, NULL);
	if (n < 0)
		return n;
	for (i = 0; i < DIR_CHARS; i++)
		dir[i] = alphabet[random[i] % (sizeof alphabet - 1)];
	dir[DIR_CHARS] = '\0';
	n = snprintf(rel, SSHGATE_REL_SIZE, "%s/%s", dir, name);
	if (n < 0 || n >= SSHGATE_REL_SIZE)
		return -ENAMETOOLONG;
	n = snprintf(path, path_size, "%s/%s", downloads, dir);
	if (n < 0 || (size_t)n >= path_size)
		return -ENAMETOOLONG;
	if (mkdir(path, 0700) != 0)
		return -errno;
	n = snprintf(path, path_size, "%s/%s", downloads, rel);
	if (n < 0 || (size_t)n >= path_size)
		return -ENAMETOOLONG;
	return 0;
}

int
sshgate_fetch_command(const char *ssh_connection, const char *user,
                      const char *rel, char out[SSHGATE_FETCH_SIZE])
{
	char address[64], port[8], port_option[16];
	bool v6;
	int n;

	if (ssh_connection == NULL ||
	    sscanf(ssh_connection, "%*s %*s %63s %7s", address, port) != 2 ||
	    strspn(address, "0123456789abcdefABCDEF.:%") != strlen(address) ||
	    strspn(port, "0123456789") != strlen(port))
		return -EINVAL;
	if (strcmp(port, "22") == 0)
		port_option[0] = '\0';
	else
		snprintf(port_option, sizeof port_option, "-P %s ", port);
	/* An IPv6 address needs brackets before scp's ":". */
	v6 = strchr(address, ':') != NULL;
	n = snprintf(out, SSHGATE_FETCH_SIZE, "scp -O %s%s@%s%s%s:%s .",
	             port_option, user, v6 ? "[" : "", address, v6 ? "]" : "",
	             rel);
	if (n < 0 || n >= SSHGATE_FETCH_SIZE)
		return -EINVAL;
	return 0;
}

int
sshgate_export(const char *downloads, const char *wanted, char *path,
               size_t path_size, char fetch[SSHGATE_FETCH_SIZE])
{
	const struct passwd *pw = getpwuid(getuid());
	char rel[SSHGATE_REL_SIZE];
	int rc;

	if (pw == NULL)
		return -ENOENT;
	rc = sshgate_fetch_command(getenv("SSH_CONNECTION"), pw->pw_name, "",
	                           fetch);
	if (rc == 0)
		rc = sshgate_place(downloads, wanted, path, path_size, rel);
	if (rc == 0)
		rc = sshgate_fetch_command(getenv("SSH_CONNECTION"),
		                           pw->pw_name, rel, fetch);
	return rc;
}

int
sshgate_join_line(const char *account, const char *server_address,
                  const char *host, char *out, size_t size)
{
	const char *colon;
	int n = 0;

	out[0] = '\0';
	if (account == NULL || account[0] == '\0')
		return -ENOENT;
	if (server_address != NULL && server_address[0] != '\0') {
		/* "[v6]:port" or "v4:port": the host without the port. */
		colon = strrchr(server_address, ':');
		n = colon != NULL ? (int)(colon - server_address) :
		    (int)strlen(server_address);
		if (server_address[0] == '[' && n >= 2)
			snprintf(out, size, "ssh %s@%.*s", account, n - 2,
			         server_address + 1);
		else
			snprintf(out, size, "ssh %s@%.*s", account, n,
			         server_address);
	} else {
		snprintf(out, size, "ssh %s@%s", account, host);
	}
	return 0;
}

static int
remove_entry(const char *path, const struct stat *st, int flag,
             struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

void
sshgate_sweep(const char *downloads, time_t now, time_t max_age)
{
	char path[4096];
	struct dirent *e;
	struct stat st;
	DIR *d = opendir(downloads);

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strlen(e->d_name) != DIR_CHARS)
			continue;
		snprintf(path, sizeof path, "%s/%s", downloads, e->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
		    st.st_mtime + max_age < now)
			nftw(path, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
	}
	closedir(d);
}

int
sshgate_downloads(char *downloads, size_t size)
{
	const char *home = getenv("HOME");
	int n;

	if (home == NULL || home[0] != '/')
		return -ENOENT;
	n = snprintf(downloads, size, "%s/downloads", home);
	return n < 0 || (size_t)n >= size ? -ENOENT : 0;
}

int
sshgate_serve(void)
{
	char rel[SSHGATE_REL_SIZE], downloads[4096];
	const char *command = getenv("SSH_ORIGINAL_COMMAND");

	switch (sshgate_route(command, rel, sizeof rel)) {
	case SSHGATE_SESSION:
		return -1;
	case SSHGATE_DOWNLOAD:
		if (sshgate_downloads(downloads, sizeof downloads) < 0 ||
		    chdir(downloads) != 0) {
			fprintf(stderr, "%s\n", _("aandeslag: de map met downloads ontbreekt op de server."));
			return 1;
		}
		execl("/usr/bin/scp", "scp", "-f", "--", rel, (char *)NULL);
		execlp("scp", "scp", "-f", "--", rel, (char *)NULL);
		fprintf(stderr, "%s\n", _("aandeslag: scp ontbreekt op de server."));
		return 1;
	case SSHGATE_REFUSE:
	default:
		/* sshd drops a subsystem's stderr, so sftp (and a scp
		 * without -O) only hears the connection close; the export's
		 * message says to use scp -O. */
		fprintf(stderr, "%s\n", _("aandeslag: dit account opent alleen de werksessie: ssh zonder opdracht erachter."));
		return 1;
	}
}
