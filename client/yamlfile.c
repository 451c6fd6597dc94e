/* Reading a small hand-written YAML file with libyaml: the file read
 * whole, one document loaded, and the checks of keys, texts and numbers
 * that report the line of every mistake in the user's language. */
#include "yamlfile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"

/* ------------------------------------------------------------ the file */

/* Reports what libyaml could not read, with the line it stopped at. The
 * reason libyaml gives is English and technical; it follows the Dutch,
 * for whoever helps the writer. */
static int
yaml_error(const yaml_parser_t *y, const char *text, size_t len,
           const char *path, char err[YAMLFILE_ERROR_SIZE])
{
	size_t line = 1, i;

	if (y->error == YAML_MEMORY_ERROR)
		return -ENOMEM;
	if (y->error == YAML_READER_ERROR) {
		/* The reader gives a byte offset rather than a mark. */
		for (i = 0; i < y->problem_offset && i < len; i++)
			if (text[i] == '\n')
				line++;
		snprintf(err, YAMLFILE_ERROR_SIZE, _("%s:%zu: hier staat iets "
		         "dat geen gewone tekst is; bewaar het bestand als "
		         "UTF-8, zonder stuurtekens (%s)"), path, line,
		         y->problem ? y->problem : "?");
		return -EINVAL;
	}
	snprintf(err, YAMLFILE_ERROR_SIZE, _("%s:%zu: hier klopt de YAML "
	         "niet; let op het inspringen, de dubbele punten en de "
	         "aanhalingstekens (%s%s%s)"), path, y->problem_mark.line + 1,
	         y->problem ? y->problem : "?", y->context ? ", " : "",
	         y->context ? y->context : "");
	return -EINVAL;
}

/* Loads the one document of the text into doc, which may be deleted
 * afterwards whatever the result. */
static int
load(yaml_document_t *doc, const char *text, size_t len, const char *path,
     char err[YAMLFILE_ERROR_SIZE])
{
	yaml_parser_t y;
	yaml_document_t extra;
	int rc = 0;

	memset(doc, 0, sizeof *doc);
	if (!yaml_parser_initialize(&y))
		return -ENOMEM;
	yaml_parser_set_input_string(&y, (const unsigned char *)text, len);
	/* The file is UTF-8; no guessing UTF-16 from the first bytes. */
	yaml_parser_set_encoding(&y, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&y, doc)) {
		rc = yaml_error(&y, text, len, path, err);
	} else if (yaml_document_get_root_node(doc) == NULL) {
		snprintf(err, YAMLFILE_ERROR_SIZE, _("%s:1: het bestand is "
		         "leeg"), path);
		rc = -EINVAL;
	} else if (!yaml_parser_load(&y, &extra)) {
		rc = yaml_error(&y, text, len, path, err);
	} else {
		/* A second document after "---" would otherwise be lost
		 * without a word. */
		if (yaml_document_get_root_node(&extra) != NULL) {
			snprintf(err, YAMLFILE_ERROR_SIZE, _("%s:%zu: na "
			         "'---' begint hier een tweede document; er "
			         "hoort er één in het bestand"), path,
			         extra.start_mark.line + 1);
			rc = -EINVAL;
		}
		yaml_document_delete(&extra);
	}
	yaml_parser_delete(&y);
	return rc;
}

/* Reads the whole file into *text (malloc()ed). Returns 0; -EINVAL with
 * the reason in err; or -ENOMEM. */
static int
read_file(const char *path, char **text, size_t *len,
          char err[YAMLFILE_ERROR_SIZE])
{
	size_t cap = 16 * 1024, n = 0;
	char *buf = NULL, *bigger;
	FILE *f;
	int rc = 0;

	f = fopen(path, "rb");
	if (f == NULL) {
		snprintf(err, YAMLFILE_ERROR_SIZE, _("%s: het bestand kan niet "
		         "worden gelezen: %s"), path, strerror(errno));
		return -EINVAL;
	}
	for (;;) {
		bigger = realloc(buf, cap);
		if (bigger == NULL) {
			rc = -ENOMEM;
			break;
		}
		buf = bigger;
		n += fread(buf + n, 1, cap - n, f);
		if (ferror(f)) {
			snprintf(err, YAMLFILE_ERROR_SIZE, _("%s: het bestand "
			         "kan niet worden gelezen: %s"), path,
			         strerror(errno));
			rc = -EINVAL;
			break;
		}
		if (n > YAMLFILE_SIZE_MAX) {
			snprintf(err, YAMLFILE_ERROR_SIZE, _("%s: het bestand "
			         "is groter dan %zu MiB; is dit wel het goede "
			         "bestand?"), path, YAMLFILE_SIZE_MAX >> 20);
			rc = -EINVAL;
			break;
		}
		if (n < cap)
			break; /* the end of the file */
		/* One byte over the limit tells a full file from a cut one. */
		cap = cap * 2 > YAMLFILE_SIZE_MAX + 1 ? YAMLFILE_SIZE_MAX + 1
		                                      : cap * 2;
	}
	fclose(f);
	if (rc != 0) {
		free(buf);
		return rc;
	}
	*text = buf;
	*len = n;
	return 0;
}

int
yamlfile_load(struct yamlfile *yf, const char *path,
              char err[YAMLFILE_ERROR_SIZE])
{
	char *text = NULL;
	size_t len = 0;
	int rc;

	memset(yf, 0, sizeof *yf);
	err[0] = '\0';
	rc = read_file(path, &text, &len, err);
	if (rc == 0)
		rc = load(&yf->doc, text, len, path, err);
	free(text);
	if (rc != 0) {
		/* libyaml leaves a failed document empty, but not zeroed. */
		yaml_document_delete(&yf->doc);
		memset(yf, 0, sizeof *yf);
		if (rc == -ENOMEM)
			snprintf(err, YAMLFILE_ERROR_SIZE, _("%s: te weinig "
			         "geheugen"), path);
		return rc;
	}
	yf->path = path;
	yf->err = err;
	yf->loaded = true;
	return 0;
}

void
yamlfile_close(struct yamlfile *yf)
{
	if (yf->loaded)
		yaml_document_delete(&yf->doc);
	memset(yf, 0, sizeof *yf);
}

yaml_node_t *
yamlfile_root(struct yamlfile *yf)
{
	return yaml_document_get_root_node(&yf->doc);
}

yaml_node_t *
yamlfile_node(struct yamlfile *yf, int index)
{
	return yaml_document_get_node(&yf->doc, index);
}

/* ------------------------------------------------------------ messages */

size_t
yamlfile_line(const yaml_node_t *n)
{
	return n->start_mark.line + 1; /* libyaml counts from 0 */
}

int
yamlfile_fail(struct yamlfile *yf, const yaml_node_t *at, const char *fmt,
              ...)
{
	va_list ap;
	int len;

	len = snprintf(yf->err, YAMLFILE_ERROR_SIZE, "%s:%zu: %s%s", yf->path,
	               yamlfile_line(at), yf->place,
	               yf->place[0] ? ": " : "");
	if (len >= 0 && len < YAMLFILE_ERROR_SIZE) {
		va_start(ap, fmt);
		vsnprintf(yf->err + len, YAMLFILE_ERROR_SIZE - (size_t)len,
		          fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}

size_t
yamlfile_place(struct yamlfile *yf, const char *fmt, ...)
{
	size_t mark = strlen(yf->place), at = mark;
	va_list ap;

	if (mark > 0)
		at += (size_t)snprintf(yf->place + mark,
		                       sizeof yf->place - mark, ", ");
	if (at < sizeof yf->place) {
		va_start(ap, fmt);
		vsnprintf(yf->place + at, sizeof yf->place - at, fmt, ap);
		va_end(ap);
	}
	return mark;
}

void
yamlfile_unplace(struct yamlfile *yf, size_t mark)
{
	if (mark < sizeof yf->place)
		yf->place[mark] = '\0';
}

const char *
yamlfile_shown(const yaml_node_t *n, char buf[YAMLFILE_SHOWN_SIZE])
{
	const unsigned char *s;
	size_t len, i, o = 0;
	bool clean;

	if (n->type == YAML_SEQUENCE_NODE)
		return _("een lijst");
	if (n->type == YAML_MAPPING_NODE)
		return _("regels 'sleutel: waarde'");
	s = n->data.scalar.value;
	len = n->data.scalar.length;
	if (len == 0)
		return _("niets");
	clean = utf8_check_line((const char *)s, len) == 0;
	buf[o++] = '\'';
	for (i = 0; i < len; i++) {
		/* Cut at the start of a character, or anywhere in a mess;
		 * 40 bytes and a character of 4 leave room for the end. */
		if (o >= 40 && (!clean || (s[i] & 0xc0) != 0x80))
			break;
		buf[o++] = (char)(!clean && (s[i] < 0x20 || s[i] >= 0x7f)
		                          ? '?' : s[i]);
	}
	if (i < len) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o++] = '\'';
	buf[o] = '\0';
	return buf;
}

/* -------------------------------------------------------------- values */

static const char *
value_of(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

static bool
scalar_is(const yaml_node_t *n, const char *s)
{
	return n->type == YAML_SCALAR_NODE &&
	       n->data.scalar.length == strlen(s) &&
	       memcmp(n->data.scalar.value, s, n->data.scalar.length) == 0;
}

bool
yamlfile_is_nothing(const yaml_node_t *n)
{
	return n->type == YAML_SCALAR_NODE &&
	       n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	       n->data.scalar.length == 0;
}

int
yamlfile_pairs(struct yamlfile *yf, yaml_node_t *map, const char *what,
               const struct yamlfile_key *keys,
               yaml_node_t *key[YAMLFILE_KEYS_MAX],
               yaml_node_t *value[YAMLFILE_KEYS_MAX])
{
	yaml_node_pair_t *pair;
	yaml_node_t *k, *v;
	char buf[YAMLFILE_SHOWN_SIZE], known[200] = "";
	size_t i;

	if (map->type != YAML_MAPPING_NODE)
		return yamlfile_fail(yf, map,
		        _("%s bestaat uit regels 'sleutel: waarde', "
		          "niet uit %s"), what, yamlfile_shown(map, buf));
	for (i = 0; i < YAMLFILE_KEYS_MAX; i++)
		key[i] = value[i] = NULL;
	for (pair = map->data.mapping.pairs.start;
	     pair < map->data.mapping.pairs.top; pair++) {
		k = yamlfile_node(yf, pair->key);
		v = yamlfile_node(yf, pair->value);
		for (i = 0; keys[i].name != NULL; i++)
			if (scalar_is(k, keys[i].name))
				break;
		if (keys[i].name == NULL) {
			for (i = 0; keys[i].name != NULL; i++)
				snprintf(known + strlen(known),
				         sizeof known - strlen(known), "%s%s",
				         i ? ", " : "", keys[i].name);
			return yamlfile_fail(yf, k,
			        _("onbekende sleutel %s (hier kan: %s)"),
			        yamlfile_shown(k, buf), known);
		}
		if (key[i] != NULL)
			return yamlfile_fail(yf, k,
			        _("'%s' staat er twee keer (ook op regel %zu)"),
			        keys[i].name, yamlfile_line(key[i]));
		key[i] = k;
		value[i] = keys[i].optional && yamlfile_is_nothing(v) ? NULL
		                                                       : v;
	}
	for (i = 0; keys[i].name != NULL; i++)
		if (key[i] == NULL && !keys[i].optional)
			return yamlfile_fail(yf, map,
			        _("'%s' ontbreekt"), keys[i].name);
	return 0;
}

long
yamlfile_number(const yaml_node_t *n)
{
	const char *s;
	size_t len, i;
	long v = 0;

	if (n->type != YAML_SCALAR_NODE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return -1;
	s = value_of(n);
	len = n->data.scalar.length;
	if (len == 0 || (s[0] == '0' && len > 1))
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (v < 100000000) /* larger is out of every range anyway */
			v = v * 10 + (s[i] - '0');
	}
	return v;
}

const char *
yamlfile_number_hint(const yaml_node_t *n)
{
	/* YAML reads "5" as a text, which is easy to miss in the file. */
	return n->type == YAML_SCALAR_NODE &&
	               n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE
	       ? _(" (een getal staat zonder aanhalingstekens)") : "";
}

const char *
yamlfile_copy_text(const char *s, size_t len, size_t max, char *out,
                   char why[YAMLFILE_WHY_SIZE])
{
	size_t start;

	len = utf8_trim(s, len, &start);
	if (len == 0)
		snprintf(why, YAMLFILE_WHY_SIZE, "%s", _("mag niet leeg zijn"));
	else if (utf8_check_line(s + start, len) != 0)
		snprintf(why, YAMLFILE_WHY_SIZE, "%s", _("moet één regel tekst "
		         "zijn, zonder tabs of andere stuurtekens"));
	else if (len > max)
		snprintf(why, YAMLFILE_WHY_SIZE, _("is te lang: %zu bytes, "
		         "hoogstens %zu (een letter met een accent telt voor "
		         "twee)"), len, max);
	else {
		memcpy(out, s + start, len);
		out[len] = '\0';
		return NULL;
	}
	return why;
}

int
yamlfile_text(struct yamlfile *yf, const yaml_node_t *key,
              const yaml_node_t *value, size_t max, char *out)
{
	char why[YAMLFILE_WHY_SIZE], buf[YAMLFILE_SHOWN_SIZE];

	if (value == NULL)
		return 0;
	if (value->type != YAML_SCALAR_NODE)
		return yamlfile_fail(yf, key,
		        _("'%s' moet een tekst zijn, niet %s"),
		        value_of(key), yamlfile_shown(value, buf));
	/* By length, not strlen(): "\0" in a quoted text is a NUL byte,
	 * which yamlfile_copy_text() refuses. */
	if (yamlfile_copy_text(value_of(value), value->data.scalar.length, max,
	                       out, why) != NULL)
		return yamlfile_fail(yf, key, "'%s' %s", value_of(key), why);
	return 0;
}
