/* Reads the server's config file with inih: every key goes through
 * serveropt_set(), as the command line's options do, and the first
 * problem is told as "path:line: reason". */
#include "serverconf.h"

#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "serveropt.h"

struct reading {
	struct serverconf *conf;
	struct server_options *opts;
	FILE *f;
	int line;               /* the line inih is at */
	int bad_line;           /* the line why is about; 0: none yet */
	int rc;                 /* -EINVAL or -ENOMEM */
	char why[SERVERCONF_ERROR_SIZE - 256];
};

/* Reads one line for inih and counts it, so that the handler knows which
 * line it is called for. */
static char *
read_line(char *str, int num, void *stream)
{
	struct reading *r = stream;

	r->line++;
	return fgets(str, num, r->f);
}

/* Keeps a copy of value for the options to point to. */
static char *
keep(struct serverconf *conf, const char *value)
{
	char **grown, *copy;
	size_t size;

	if (conf->n == conf->size) {
		size = conf->size ? 2 * conf->size : 16;
		grown = realloc(conf->values, size * sizeof *grown);
		if (grown == NULL)
			return NULL;
		conf->values = grown;
		conf->size = size;
	}
	copy = strdup(value);
	if (copy != NULL)
		conf->values[conf->n++] = copy;
	return copy;
}

/* Says why the current line is refused, unless an earlier one was. */
static int
refuse(struct reading *r, int rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
refuse(struct reading *r, int rc, const char *fmt, ...)
{
	va_list ap;

	if (r->bad_line != 0)
		return 0;
	r->bad_line = r->line;
	r->rc = rc;
	va_start(ap, fmt);
	vsnprintf(r->why, sizeof r->why, fmt, ap);
	va_end(ap);
	return 0;
}

static int
on_entry(void *user, const char *section, const char *name,
         const char *value)
{
	struct reading *r = user;
	char expect[SERVEROPT_EXPECT_SIZE];
	const char *copy;
	int rc;

	if (section[0] != '\0' && strcmp(section, "server") != 0)
		return refuse(r, -EINVAL,
		              _("onbekende sectie [%s] (alleen [server] hoort hier)"),
		              section);
	copy = keep(r->conf, value);
	if (copy == NULL)
		return refuse(r, -ENOMEM, "%s", strerror(ENOMEM));
	rc = serveropt_set(r->opts, name, copy);
	if (rc == -ENOENT)
		return refuse(r, -EINVAL, _("onbekende sleutel '%s'"), name);
	if (rc < 0) {
		serveropt_expect(name, expect);
		return refuse(r, -EINVAL,
		              _("ongeldige waarde voor %s: '%s' (verwacht: %s)"),
		              name, value, expect);
	}
	return 1;
}

int
serverconf_read(struct serverconf *conf, const char *path,
                struct server_options *opts,
                char err[SERVERCONF_ERROR_SIZE])
{
	struct reading r = { .conf = conf, .opts = opts };
	int line, rc;

	err[0] = '\0';
	r.f = fopen(path, "r");
	if (r.f == NULL) {
		rc = -errno;
		snprintf(err, SERVERCONF_ERROR_SIZE, "%s: %s", path,
		         strerror(-rc));
		return rc;
	}
	line = ini_parse_stream(read_line, &r, on_entry, &r);
	if (line == 0 && ferror(r.f)) {
		snprintf(err, SERVERCONF_ERROR_SIZE, "%s: %s", path,
		         strerror(EIO));
		fclose(r.f);
		return -EIO;
	}
	fclose(r.f);
	if (line == 0)
		return 0;
	if (line < 0) {
		snprintf(err, SERVERCONF_ERROR_SIZE, "%s: %s", path,
		         strerror(ENOMEM));
		return -ENOMEM;
	}
	/* inih gives the first line with an error: ours, or one it could
	 * not read as a key = value line itself. */
	if (line != r.bad_line) {
		snprintf(err, SERVERCONF_ERROR_SIZE, "%s:%d: %s", path, line,
		         _("geen regel sleutel = waarde"));
		return -EINVAL;
	}
	snprintf(err, SERVERCONF_ERROR_SIZE, "%s:%d: %s", path, line, r.why);
	return r.rc;
}

void
serverconf_free(struct serverconf *conf)
{
	size_t i;

	for (i = 0; i < conf->n; i++)
		free(conf->values[i]);
	free(conf->values);
	memset(conf, 0, sizeof *conf);
}
