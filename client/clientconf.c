/* The client's defaults: which server to use. Config files are read with
 * inih; the server of last time is kept in the XDG state directory. */
#include "clientconf.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "i18n.h"
#include "number.h"

/* The system-wide config file that IT can set once. */
#define CLIENTCONF_SYSTEM_FILE "/etc/aandeslag/client.conf"

int
clientconf_split(const char *text, char host[CLIENTCONF_HOST_SIZE], int *port)
{
	const char *colon, *end;
	long long v;
	size_t n;

	while (*text == ' ')
		text++;
	if (text[0] == '[') {
		end = strchr(text, ']');
		if (end == NULL)
			return -EINVAL;
		n = (size_t)(end - text - 1);
		colon = end[1] == ':' ? end + 1 : NULL;
		if (end[1] != '\0' && colon == NULL)
			return -EINVAL;
		text++;
	} else {
		colon = strrchr(text, ':');
		/* More than one colon is an IPv6 address without a port. */
		if (colon != NULL && strchr(text, ':') != colon)
			colon = NULL;
		n = colon ? (size_t)(colon - text) : strlen(text);
	}
	while (n > 0 && text[n - 1] == ' ')
		n--;
	if (n == 0 || n >= CLIENTCONF_HOST_SIZE)
		return -EINVAL;
	if (colon != NULL) {
		if (number_parse(colon + 1, 1, 65535, &v) < 0)
			return -EINVAL;
		*port = (int)v;
	}
	memcpy(host, text, n);
	host[n] = '\0';
	return 0;
}

struct reading {
	char *host;
	int *port;
	int found;
	/* The yes/no keys (enum flag): -1 not said, else 0 or 1. */
	int flags[2];
	char why[128];
};

/* The yes/no keys, each with the variable that overrides it. */
enum flag { FLAG_DISCOVERY, FLAG_TLS };
static const struct {
	const char *key;
	const char *env;
} flag_names[] = {
	[FLAG_DISCOVERY] = { "discovery", "AANDESLAG_DISCOVERY" },
	[FLAG_TLS] = { "tls", "AANDESLAG_TLS" },
};

static int
on_entry(void *user, const char *section, const char *name,
         const char *value)
{
	struct reading *r = user;
	size_t i;

	if (section[0] != '\0' && strcmp(section, "client") != 0)
		return 1;
	for (i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++) {
		if (strcmp(name, flag_names[i].key) != 0)
			continue;
		r->flags[i] = number_yes_no(value);
		if (r->flags[i] >= 0)
			return 1;
		snprintf(r->why, sizeof r->why,
		         "'%s' must be yes or no, not '%s'", name, value);
		return 0;
	}
	if (strcmp(name, "server") != 0) {
		snprintf(r->why, sizeof r->why, "unknown key '%s'", name);
		return 0;
	}
	if (clientconf_split(value, r->host, r->port) < 0) {
		snprintf(r->why, sizeof r->why,
		         "'server' must be a host or host:port, not '%s'", value);
		return 0;
	}
	r->found = 1;
	return 1;
}

/* Reads path into r; returns as clientconf_read(). */
static int
read_file(const char *path, struct reading *r,
          char err[CLIENTCONF_ERROR_SIZE])
{
	FILE *f = fopen(path, "r");
	int line;

	if (f == NULL)
		return 0;
	line = ini_parse_file(f, on_entry, r);
	fclose(f);
	if (line != 0) {
		snprintf(err, CLIENTCONF_ERROR_SIZE, "%s:%d: %s", path, line,
		         r->why[0] ? r->why : "not a key = value line");
		return -EINVAL;
	}
	return r->found;
}

int
clientconf_read(const char *path, char host[CLIENTCONF_HOST_SIZE],
                int *port, char err[CLIENTCONF_ERROR_SIZE])
{
	struct reading r = { .host = host, .port = port, .flags = { -1, -1 } };

	return read_file(path, &r, err);
}

/* Writes the path of a file in an XDG directory into out. */
static int
xdg_path(const char *variable, const char *fallback, const char *name,
         char *out, size_t size)
{
	const char *base = getenv(variable), *home = getenv("HOME");
	int n;

	if (base != NULL && base[0] == '/')
		n = snprintf(out, size, "%s/aandeslag/%s", base, name);
	else if (home != NULL)
		n = snprintf(out, size, "%s/%s/aandeslag/%s", home, fallback,
		             name);
	else
		return -ENOENT;
	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

int
clientconf_server(char host[CLIENTCONF_HOST_SIZE], int *port,
                  char err[CLIENTCONF_ERROR_SIZE],
                  char origin[CLIENTCONF_ORIGIN_SIZE])
{
	return clientconf_find(host, port, err, origin, NULL);
}

int
clientconf_find(char host[CLIENTCONF_HOST_SIZE], int *port,
                char err[CLIENTCONF_ERROR_SIZE],
                char origin[CLIENTCONF_ORIGIN_SIZE], bool *fallback)
{
	char path[1024], line[CLIENTCONF_HOST_SIZE + 16];
	char spare[CLIENTCONF_ORIGIN_SIZE];
	const char *env = getenv("AANDESLAG_SERVER");
	int rc = 0, r;
	FILE *f;

	err[0] = '\0';
	if (origin == NULL)
		origin = spare;
	if (fallback != NULL)
		*fallback = false;
	if (xdg_path("XDG_STATE_HOME", ".local/state", "server", path,
	             sizeof path) == 0 && (f = fopen(path, "r")) != NULL) {
		r = fgets(line, sizeof line, f) != NULL;
		fclose(f);
		line[strcspn(line, "\n")] = '\0';
		if (r && clientconf_split(line, host, port) == 0) {
			snprintf(origin, CLIENTCONF_ORIGIN_SIZE,
			         _("de server van vorige keer, onthouden in %s"),
			         path);
			return 0;
		}
	}
	if (env != NULL && clientconf_split(env, host, port) == 0) {
		snprintf(origin, CLIENTCONF_ORIGIN_SIZE,
		         _("uit de omgevingsvariabele %s"), "AANDESLAG_SERVER");
		return 0;
	}
	if (xdg_path("XDG_CONFIG_HOME", ".config", "client.conf", path,
	             sizeof path) == 0) {
		r = clientconf_read(path, host, port, err);
		if (r > 0) {
			snprintf(origin, CLIENTCONF_ORIGIN_SIZE, _("uit %s"), path);
			return 0;
		}
		if (r < 0)
			rc = r;
	}
	r = clientconf_read(CLIENTCONF_SYSTEM_FILE, host, port,
	                    rc < 0 ? (char [CLIENTCONF_ERROR_SIZE]){ 0 } : err);
	if (r > 0) {
		snprintf(origin, CLIENTCONF_ORIGIN_SIZE, _("uit %s"),
		         CLIENTCONF_SYSTEM_FILE);
		return rc;
	}
	if (r < 0 && rc == 0)
		rc = r;
	snprintf(host, CLIENTCONF_HOST_SIZE, "%s", "localhost");
	snprintf(origin, CLIENTCONF_ORIGIN_SIZE,
	         _("ingebouwde standaard %s: geen server van vorige keer, geen AANDESLAG_SERVER en geen client.conf"),
	         "localhost");
	if (fallback != NULL)
		*fallback = true;
	return rc;
}

/* Reads a yes/no key: its variable wins, then the user's config file,
 * then the system's, else dflt. A broken file counts as not saying. */
static bool
flag_value(enum flag which, bool dflt)
{
	const char *env = getenv(flag_names[which].env);
	char path[1024], host[CLIENTCONF_HOST_SIZE], err[CLIENTCONF_ERROR_SIZE];
	struct reading r = { .host = host, .flags = { -1, -1 } };
	int port = 0;

	r.port = &port;
	if (env != NULL && env[0] != '\0')
		return number_yes_no(env) != 0;
	if (xdg_path("XDG_CONFIG_HOME", ".config", "client.conf", path,
	             sizeof path) == 0 &&
	    read_file(path, &r, err) >= 0 && r.flags[which] >= 0)
		return r.flags[which] == 1;
	r.flags[which] = -1;
	r.why[0] = '\0';
	if (read_file("/etc/aandeslag/client.conf", &r, err) >= 0 &&
	    r.flags[which] >= 0)
		return r.flags[which] == 1;
	return dflt;
}

bool
clientconf_discovery(void)
{
	return flag_value(FLAG_DISCOVERY, true);
}

bool
clientconf_tls(void)
{
	return flag_value(FLAG_TLS, true);
}

int
clientconf_state_file(const char *name, char *out, size_t size)
{
	char *slash;
	int rc;

	rc = xdg_path("XDG_STATE_HOME", ".local/state", name, out, size);
	if (rc < 0)
		return rc;
	/* Make the directory and its parents, as far as they are missing. */
	for (slash = strchr(out + 1, '/'); slash != NULL;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(out, 0700);
		*slash = '/';
	}
	return 0;
}

int
clientconf_remember(const char *host, int port)
{
	char path[1024];
	FILE *f;

	if (clientconf_state_file("server", path, sizeof path) < 0)
		return -ENOENT;
	f = fopen(path, "w");
	if (f == NULL)
		return -errno;
	if (strchr(host, ':') != NULL)
		fprintf(f, "[%s]:%d\n", host, port);
	else
		fprintf(f, "%s:%d\n", host, port);
	return fclose(f) == 0 ? 0 : -EIO;
}
