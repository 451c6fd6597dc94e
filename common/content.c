/* The method's content: read from YAML with libyaml, checked line by line
 * for the person who edits the file, and kept as one unpacked protobuf-c
 * message with its packed form and hash. */
#include "content.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "content_check.h"

/* The real file is some 40 KiB; this only stops a wrong path from
 * reading a disk image into memory. */
#define FILE_MAX ((size_t)4 << 20)

/* The only global state: the language content_text() answers in. Chosen
 * at start-up and switched by the client's language key (lang.c), always
 * on the loop's thread, which is the only one that reads it. */
static bool english;

/* ------------------------------------------------- checking a message */

/* The rules of the YAML reader (content_check.c), for content a client
 * receives: the wire has no line numbers, so these only say no. */

static bool
text_ok(const char *s, size_t max)
{
	char why[CONTENT_CHECK_WHY_SIZE];

	return s != NULL && content_check_text(s, strlen(s), max, why) == NULL;
}

static bool
bilingual_ok(const Aandeslag__Text *t)
{
	return t != NULL && text_ok(t->nl, CONTENT_TEXT_MAX) &&
	       text_ok(t->en, CONTENT_TEXT_MAX);
}

/* Checks an id's form and adds it to ids[*n], for the uniqueness check;
 * the list limits, checked first, keep *n within CONTENT_CHECK_IDS_MAX. */
static bool
id_ok(const char *id, const char **ids, size_t *n)
{
	if (id == NULL || !content_check_id(id, strlen(id)) ||
	    *n >= CONTENT_CHECK_IDS_MAX)
		return false;
	ids[(*n)++] = id;
	return true;
}

static int
compare_ids(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool
step_ok(const Aandeslag__ContentStep *st, unsigned number, const char **ids,
        size_t *n)
{
	size_t i;

	if (st == NULL || st->number != number || !bilingual_ok(st->name) ||
	    !bilingual_ok(st->question) || !bilingual_ok(st->goal) ||
	    st->minutes < 1 || st->minutes > CONTENT_CHECK_MINUTES_MAX ||
	    st->n_questions < 1 || st->n_questions > CONTENT_QUESTIONS_MAX ||
	    st->n_resources > CONTENT_RESOURCES_MAX)
		return false;
	for (i = 0; i < st->n_questions; i++)
		if (st->questions[i] == NULL ||
		    !id_ok(st->questions[i]->id, ids, n) ||
		    !bilingual_ok(st->questions[i]->text))
			return false;
	for (i = 0; i < st->n_resources; i++)
		if (st->resources[i] == NULL ||
		    !bilingual_ok(st->resources[i]->title) ||
		    !text_ok(st->resources[i]->address, CONTENT_TEXT_MAX))
			return false;
	return true;
}

static bool
category_ok(const Aandeslag__ContentCategory *cat, const char **ids,
            size_t *n)
{
	const Aandeslag__ContentCompetence *co;
	size_t i;

	if (cat == NULL || !id_ok(cat->id, ids, n) ||
	    !bilingual_ok(cat->name) || cat->n_competences < 1 ||
	    cat->n_competences > CONTENT_COMPETENCES_MAX)
		return false;
	for (i = 0; i < cat->n_competences; i++) {
		co = cat->competences[i];
		if (co == NULL || !id_ok(co->id, ids, n) ||
		    !bilingual_ok(co->name) || !bilingual_ok(co->description))
			return false;
	}
	return true;
}

/* Returns 0 when m keeps every rule of a content file, else -EPROTO. */
static int
check_message(const Aandeslag__Content *m)
{
	const char *ids[CONTENT_CHECK_IDS_MAX];
	const Aandeslag__ContentActivity *a;
	size_t i, n = 0;

	if (m == NULL || !text_ok(m->version, CONTENT_CHECK_VERSION_MAX) ||
	    m->n_steps != CONTENT_CHECK_STEPS || m->n_categories < 1 ||
	    m->n_categories > CONTENT_CATEGORIES_MAX ||
	    m->n_activities < 1 || m->n_activities > CONTENT_ACTIVITIES_MAX)
		return -EPROTO;
	for (i = 0; i < m->n_steps; i++)
		if (!step_ok(m->steps[i], (unsigned)i + 1, ids, &n))
			return -EPROTO;
	for (i = 0; i < m->n_categories; i++)
		if (!category_ok(m->categories[i], ids, &n))
			return -EPROTO;
	for (i = 0; i < m->n_activities; i++) {
		a = m->activities[i];
		if (a == NULL || !id_ok(a->id, ids, &n) ||
		    !bilingual_ok(a->name) ||
		    (a->place != AANDESLAG__PLACE__PLACE_ABROAD &&
		     a->place != AANDESLAG__PLACE__PLACE_HOME))
			return -EPROTO;
	}
	/* Ids are unique across all kinds, as in the file. */
	qsort(ids, n, sizeof ids[0], compare_ids);
	for (i = 1; i < n; i++)
		if (strcmp(ids[i - 1], ids[i]) == 0)
			return -EPROTO;
	return 0;
}

/* ------------------------------------------------- keeping the content */

/* Makes c own a copy of m: packed, then unpacked by protobuf-c itself, so
 * that content_free() is one free_unpacked() whatever built m. */
static int
adopt(struct content *c, const Aandeslag__Content *m)
{
	uint64_t h = 0xcbf29ce484222325u; /* FNV-1a, 64 bits */
	size_t len, i;

	len = aandeslag__content__get_packed_size(m);
	c->packed = malloc(len ? len : 1);
	if (c->packed == NULL)
		return -ENOMEM;
	c->packed_len = aandeslag__content__pack(m, c->packed);
	c->msg = aandeslag__content__unpack(NULL, c->packed_len, c->packed);
	if (c->msg == NULL) {
		content_free(c);
		return -ENOMEM; /* our own packing cannot be malformed */
	}
	for (i = 0; i < c->packed_len; i++) {
		h ^= c->packed[i];
		h *= 0x100000001b3u;
	}
	snprintf(c->hash, sizeof c->hash, "%016" PRIx64, h);
	return 0;
}

void
content_free(struct content *c)
{
	if (c->msg != NULL)
		aandeslag__content__free_unpacked(c->msg, NULL);
	free(c->packed);
	memset(c, 0, sizeof *c);
}

int
content_from_wire(struct content *c, const Aandeslag__Content *msg)
{
	int rc;

	memset(c, 0, sizeof *c);
	if (msg == NULL)
		return -EPROTO;
	rc = adopt(c, msg);
	if (rc != 0)
		return rc;
	/* Checked after the copy, so a peer's oddities (NULL where
	 * protobuf-c would put "") are judged as they arrived in c. */
	rc = check_message(c->msg);
	if (rc != 0)
		content_free(c);
	return rc;
}

/* Reports what libyaml could not read, with the line it stopped at. */
static int
yaml_error(const yaml_parser_t *y, const char *text, size_t len,
           const char *file, char err[CONTENT_ERROR_SIZE])
{
	size_t line = 1, i;

	if (y->error == YAML_MEMORY_ERROR)
		return -ENOMEM;
	if (y->error == YAML_READER_ERROR) {
		/* The reader gives a byte offset rather than a mark. */
		for (i = 0; i < y->problem_offset && i < len; i++)
			if (text[i] == '\n')
				line++;
		snprintf(err, CONTENT_ERROR_SIZE, "%s:%zu: not valid UTF-8 "
		         "text: %s", file, line,
		         y->problem ? y->problem : "unreadable");
		return -EINVAL;
	}
	snprintf(err, CONTENT_ERROR_SIZE, "%s:%zu: YAML syntax error: %s%s%s%s",
	         file, y->problem_mark.line + 1,
	         y->problem ? y->problem : "unreadable",
	         y->context ? " (" : "", y->context ? y->context : "",
	         y->context ? ")" : "");
	return -EINVAL;
}

/* Loads the one document of the text into doc. On an error doc is left
 * empty (libyaml empties it), and may always be deleted. */
static int
load(yaml_document_t *doc, const char *text, size_t len, const char *file,
     char err[CONTENT_ERROR_SIZE])
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
		rc = yaml_error(&y, text, len, file, err);
	} else if (yaml_document_get_root_node(doc) == NULL) {
		snprintf(err, CONTENT_ERROR_SIZE, "%s:1: the file is empty",
		         file);
		rc = -EINVAL;
	} else if (!yaml_parser_load(&y, &extra)) {
		rc = yaml_error(&y, text, len, file, err);
	} else {
		/* A second document after "---" would otherwise be ignored. */
		if (yaml_document_get_root_node(&extra) != NULL) {
			snprintf(err, CONTENT_ERROR_SIZE, "%s:%zu: only one "
			         "YAML document may be in the file; a second "
			         "one starts here", file,
			         extra.start_mark.line + 1);
			rc = -EINVAL;
		}
		yaml_document_delete(&extra);
	}
	yaml_parser_delete(&y);
	return rc;
}

int
content_parse(struct content *c, const char *text, size_t len,
              const char *filename, char err[CONTENT_ERROR_SIZE])
{
	yaml_document_t doc;
	Aandeslag__Content *m;
	int rc;

	memset(c, 0, sizeof *c);
	err[0] = '\0';
	if (len > FILE_MAX) {
		snprintf(err, CONTENT_ERROR_SIZE, "%s:1: the file is larger "
		         "than %zu MiB", filename, FILE_MAX >> 20);
		return -EINVAL;
	}
	m = malloc(sizeof *m);
	if (m == NULL) {
		snprintf(err, CONTENT_ERROR_SIZE, "%s: out of memory",
		         filename);
		return -ENOMEM;
	}
	aandeslag__content__init(m);
	rc = load(&doc, text, len, filename, err);
	if (rc == 0)
		rc = content_check_document(&doc, filename, m, err);
	yaml_document_delete(&doc);
	if (rc == 0)
		rc = adopt(c, m);
	/* The reader and check_message() must agree, or the server
	 * would send content its own clients refuse. */
	if (rc == 0 && check_message(c->msg) != 0) {
		content_free(c);
		snprintf(err, CONTENT_ERROR_SIZE, "%s:1: the content breaks a "
		         "rule the reader did not catch (a bug)", filename);
		rc = -EINVAL;
	}
	if (rc == -ENOMEM)
		snprintf(err, CONTENT_ERROR_SIZE, "%s: out of memory",
		         filename);
	/* m was built by hand from malloc()ed parts only, which is what
	 * free_unpacked() with the default allocator expects. */
	aandeslag__content__free_unpacked(m, NULL);
	return rc;
}

/* Reads the whole file into *text (malloc()ed); 0, -EINVAL with the
 * reason in err, or -ENOMEM. */
static int
read_file(const char *path, char **text, size_t *len,
          char err[CONTENT_ERROR_SIZE])
{
	size_t cap = 64 * 1024, n = 0, got;
	char *buf = NULL, *bigger;
	FILE *f;
	int rc = 0;

	f = fopen(path, "rb");
	if (f == NULL) {
		snprintf(err, CONTENT_ERROR_SIZE, "%s: cannot be read: %s",
		         path, strerror(errno));
		return -EINVAL;
	}
	for (;;) {
		bigger = realloc(buf, cap);
		if (bigger == NULL) {
			rc = -ENOMEM;
			break;
		}
		buf = bigger;
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (ferror(f)) {
			snprintf(err, CONTENT_ERROR_SIZE, "%s: cannot be read: "
			         "%s", path, strerror(errno));
			rc = -EINVAL;
			break;
		}
		if (n > FILE_MAX) {
			snprintf(err, CONTENT_ERROR_SIZE, "%s: is larger than "
			         "%zu MiB", path, FILE_MAX >> 20);
			rc = -EINVAL;
			break;
		}
		if (n < cap)
			break; /* end of file */
		/* One byte over the limit tells a full file from a cut one. */
		cap = cap * 2 > FILE_MAX + 1 ? FILE_MAX + 1 : cap * 2;
	}
	fclose(f);
	if (rc != 0) {
		free(buf);
		if (rc == -ENOMEM)
			snprintf(err, CONTENT_ERROR_SIZE, "%s: out of memory",
			         path);
		return rc;
	}
	*text = buf;
	*len = n;
	return 0;
}

int
content_load(struct content *c, const char *path,
             char err[CONTENT_ERROR_SIZE])
{
	char *text;
	size_t len;
	int rc;

	memset(c, 0, sizeof *c);
	rc = read_file(path, &text, &len, err);
	if (rc != 0)
		return rc;
	rc = content_parse(c, text, len, path, err);
	free(text);
	return rc;
}

/* ------------------------------------------------------------- reading */

void
content_set_language(const char *lang)
{
	english = lang != NULL && strcmp(lang, "en") == 0;
}

const char *
content_text(const Aandeslag__Text *t)
{
	if (t == NULL)
		return "";
	if (english && t->en != NULL && t->en[0] != '\0')
		return t->en;
	return t->nl != NULL ? t->nl : "";
}

const Aandeslag__ContentStep *
content_step(const struct content *c, unsigned n)
{
	if (c->msg == NULL || n < 1 || n > c->msg->n_steps)
		return NULL;
	return c->msg->steps[n - 1];
}

const Aandeslag__ContentCompetence *
content_competence(const struct content *c, const char *id,
                   const Aandeslag__ContentCategory **category)
{
	const Aandeslag__ContentCategory *cat;
	size_t i, j;

	if (c->msg == NULL || id == NULL)
		return NULL;
	for (i = 0; i < c->msg->n_categories; i++) {
		cat = c->msg->categories[i];
		for (j = 0; j < cat->n_competences; j++)
			if (strcmp(cat->competences[j]->id, id) == 0) {
				if (category != NULL)
					*category = cat;
				return cat->competences[j];
			}
	}
	return NULL;
}

const Aandeslag__ContentActivity *
content_activity(const struct content *c, const char *id)
{
	size_t i;

	if (c->msg == NULL || id == NULL)
		return NULL;
	for (i = 0; i < c->msg->n_activities; i++)
		if (strcmp(c->msg->activities[i]->id, id) == 0)
			return c->msg->activities[i];
	return NULL;
}

const Aandeslag__ContentQuestion *
content_question(const struct content *c, const char *id, unsigned *step)
{
	const Aandeslag__ContentStep *st;
	size_t i, j;

	if (c->msg == NULL || id == NULL)
		return NULL;
	for (i = 0; i < c->msg->n_steps; i++) {
		st = c->msg->steps[i];
		for (j = 0; j < st->n_questions; j++)
			if (strcmp(st->questions[j]->id, id) == 0) {
				if (step != NULL)
					*step = st->number;
				return st->questions[j];
			}
	}
	return NULL;
}
