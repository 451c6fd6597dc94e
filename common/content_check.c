/* Reading a content file's YAML document into a Content message, with
 * the line of every fault for the person who edits the file: unknown
 * keys, missing keys, and every rule and limit of content.h. */
#include "content_check.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

#define STEPS CONTENT_CHECK_STEPS
#define MINUTES_MAX CONTENT_CHECK_MINUTES_MAX
#define VERSION_MAX CONTENT_CHECK_VERSION_MAX
#define IDS_MAX CONTENT_CHECK_IDS_MAX
#define WHY_SIZE CONTENT_CHECK_WHY_SIZE
/* The most keys a mapping of the schema has. */
#define KEYS_MAX 8

/* ------------------------------------------------------------ the rules */

const char *
content_check_text(const char *s, size_t len, size_t max, char why[WHY_SIZE])
{
	size_t start;

	/* Blank texts are refused too: they would show as an empty card. */
	if (utf8_trim(s, len, &start) == 0)
		snprintf(why, WHY_SIZE, "must not be empty");
	else if (len > max)
		snprintf(why, WHY_SIZE, "must be at most %zu bytes, not %zu",
		         max, len);
	else if (utf8_check_line(s, len) != 0)
		snprintf(why, WHY_SIZE, "must be valid UTF-8 on one line, "
		         "without control characters such as tabs");
	else
		return NULL;
	return why;
}

bool
content_check_id(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || len > CONTENT_ID_MAX)
		return false;
	for (i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

/* ------------------------------------------------------ the YAML reader */

/* What the reader carries: the document, where errors go, where in the
 * file it is ("step 2, question 3"), and the ids seen so far with their
 * lines, so a duplicate can name its twin. */
struct seen {
	const char *id; /* in the document */
	size_t line;
};

struct parse {
	yaml_document_t *doc;
	const char *file;
	char *err;
	char ctx[128];
	struct seen ids[IDS_MAX];
	size_t n_ids;
};

/* A key of a mapping in the schema. */
struct key {
	const char *name;
	bool optional;
};

/* A mapping's keys and values in the order of its key table; NULL for an
 * optional key that is not given. */
struct pairs {
	yaml_node_t *key[KEYS_MAX];
	yaml_node_t *value[KEYS_MAX];
};

static const struct key top_keys[] = {
	{ "version", false }, { "steps", false }, { "categories", false },
	{ "activities", false }, { NULL, false },
};
static const struct key step_keys[] = {
	{ "number", false }, { "name", false }, { "question", false },
	{ "goal", false }, { "minutes", false }, { "questions", false },
	{ "resources", true }, { NULL, false },
};
enum { S_NUMBER, S_NAME, S_QUESTION, S_GOAL, S_MINUTES, S_QUESTIONS,
       S_RESOURCES };
static const struct key text_keys[] = {
	{ "nl", false }, { "en", false }, { NULL, false },
};
static const struct key question_keys[] = {
	{ "id", false }, { "nl", false }, { "en", false }, { NULL, false },
};
static const struct key resource_keys[] = {
	{ "title", false }, { "address", false }, { NULL, false },
};
static const struct key category_keys[] = {
	{ "id", false }, { "name", false }, { "competences", false },
	{ NULL, false },
};
static const struct key competence_keys[] = {
	{ "id", false }, { "name", false }, { "description", false },
	{ NULL, false },
};
static const struct key activity_keys[] = {
	{ "id", false }, { "name", false }, { "place", false },
	{ NULL, false },
};

static size_t
line_of(const yaml_node_t *n)
{
	return n->start_mark.line + 1; /* libyaml counts from 0 */
}

static int fail(struct parse *p, const yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Writes "file:line: where: reason" and returns -EINVAL. */
static int
fail(struct parse *p, const yaml_node_t *n, const char *fmt, ...)
{
	va_list ap;
	int len;

	len = snprintf(p->err, CONTENT_ERROR_SIZE, "%s:%zu: %s%s", p->file,
	               line_of(n), p->ctx, p->ctx[0] ? ": " : "");
	if (len >= 0 && len < CONTENT_ERROR_SIZE) {
		va_start(ap, fmt);
		vsnprintf(p->err + len, CONTENT_ERROR_SIZE - (size_t)len, fmt,
		          ap);
		va_end(ap);
	}
	return -EINVAL;
}

static int
no_memory(struct parse *p)
{
	snprintf(p->err, CONTENT_ERROR_SIZE, "%s: out of memory", p->file);
	return -ENOMEM;
}

/* Appends to the place in the file; returns what ctx_pop() needs. */
static size_t ctx_push(struct parse *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static size_t
ctx_push(struct parse *p, const char *fmt, ...)
{
	size_t mark = strlen(p->ctx);
	va_list ap;

	if (mark > 0)
		snprintf(p->ctx + mark, sizeof p->ctx - mark, ", ");
	va_start(ap, fmt);
	vsnprintf(p->ctx + strlen(p->ctx), sizeof p->ctx - strlen(p->ctx),
	          fmt, ap);
	va_end(ap);
	return mark;
}

static void
ctx_pop(struct parse *p, size_t mark)
{
	p->ctx[mark] = '\0';
}

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

/* Shows a node in a message: a scalar quoted and cut to a safe length
 * (it may hold anything, and the message goes to a terminal), or what
 * kind of node it is. */
static const char *
shown(const yaml_node_t *n, char buf[64])
{
	const unsigned char *s;
	size_t len, i, o = 0;
	bool clean;

	if (n->type == YAML_SEQUENCE_NODE)
		return "a list";
	if (n->type == YAML_MAPPING_NODE)
		return "a mapping";
	s = n->data.scalar.value;
	len = n->data.scalar.length;
	if (len == 0)
		return "nothing";
	clean = utf8_check_line((const char *)s, len) == 0;
	buf[o++] = '\'';
	for (i = 0; i < len; i++) {
		/* Cut at the start of a character, or anywhere in a mess. */
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

/* Collects a mapping's pairs by the key table: every key must be known
 * (a typo is an error, not silently ignored), given once, and every key
 * that is not optional must be there. */
static int
get_pairs(struct parse *p, yaml_node_t *map, const char *what,
          const struct key *keys, struct pairs *out)
{
	yaml_node_pair_t *pair;
	yaml_node_t *k;
	char buf[64], known[128] = "";
	size_t i;

	if (map->type != YAML_MAPPING_NODE)
		return fail(p, map, "%s must be a mapping of keys and values, "
		            "not %s", what, shown(map, buf));
	memset(out, 0, sizeof *out);
	for (pair = map->data.mapping.pairs.start;
	     pair < map->data.mapping.pairs.top; pair++) {
		k = yaml_document_get_node(p->doc, pair->key);
		for (i = 0; keys[i].name != NULL; i++)
			if (scalar_is(k, keys[i].name))
				break;
		if (keys[i].name == NULL) {
			for (i = 0; keys[i].name != NULL; i++)
				snprintf(known + strlen(known),
				         sizeof known - strlen(known), "%s%s",
				         i ? ", " : "", keys[i].name);
			return fail(p, k, "unknown key %s (known here: %s)",
			            shown(k, buf), known);
		}
		if (out->key[i] != NULL)
			return fail(p, k, "'%s' is given twice (also on line "
			            "%zu)", keys[i].name, line_of(out->key[i]));
		out->key[i] = k;
		out->value[i] = yaml_document_get_node(p->doc, pair->value);
	}
	for (i = 0; keys[i].name != NULL; i++)
		if (out->key[i] == NULL && !keys[i].optional)
			return fail(p, map, "'%s' is missing", keys[i].name);
	return 0;
}

/* Copies a scalar that passes content_check_text() into *out. */
static int
get_text(struct parse *p, const yaml_node_t *key, const yaml_node_t *value,
         size_t max, char **out)
{
	char why[WHY_SIZE], buf[64];
	size_t len;

	if (value->type != YAML_SCALAR_NODE)
		return fail(p, key, "'%s' must be a text, not %s",
		            value_of(key), shown(value, buf));
	len = value->data.scalar.length;
	/* By length, not strlen(): "\0" in a quoted string is a NUL byte,
	 * which utf8_check_line() refuses. */
	if (content_check_text(value_of(value), len, max, why) != NULL)
		return fail(p, key, "'%s' %s", value_of(key), why);
	*out = malloc(len + 1);
	if (*out == NULL)
		return no_memory(p);
	memcpy(*out, value->data.scalar.value, len + 1);
	return 0;
}

/* Reads nl and en from pairs (at i_nl and i_nl + 1) into a new Text. */
static int
get_languages(struct parse *p, const struct pairs *pr, size_t i_nl,
              Aandeslag__Text **out)
{
	Aandeslag__Text *t;
	int rc;

	t = malloc(sizeof *t);
	if (t == NULL)
		return no_memory(p);
	aandeslag__text__init(t);
	*out = t; /* owned by the parent from here on */
	rc = get_text(p, pr->key[i_nl], pr->value[i_nl], CONTENT_TEXT_MAX,
	              &t->nl);
	if (rc == 0)
		rc = get_text(p, pr->key[i_nl + 1], pr->value[i_nl + 1],
		              CONTENT_TEXT_MAX, &t->en);
	return rc;
}

/* A {nl: ..., en: ...} value. */
static int
get_bilingual(struct parse *p, const yaml_node_t *key, yaml_node_t *value,
              Aandeslag__Text **out)
{
	struct pairs pr;
	size_t mark;
	int rc;

	mark = ctx_push(p, "%s", value_of(key));
	rc = get_pairs(p, value, "a text in two languages ({nl: ..., en: ...})",
	               text_keys, &pr);
	if (rc == 0)
		rc = get_languages(p, &pr, 0, out);
	ctx_pop(p, mark);
	return rc;
}

/* Checks an id's form and that no other id in the file has it. */
static int
get_id(struct parse *p, const yaml_node_t *key, const yaml_node_t *value,
       char **out)
{
	char buf[64];
	size_t i, len;

	if (value->type != YAML_SCALAR_NODE ||
	    !content_check_id(value_of(value), value->data.scalar.length))
		return fail(p, key, "the id must be 1 to %d characters from "
		            "a-z, 0-9 and '-', not %s", CONTENT_ID_MAX,
		            shown(value, buf));
	for (i = 0; i < p->n_ids; i++)
		if (strcmp(p->ids[i].id, value_of(value)) == 0)
			return fail(p, key, "id '%s' is already used on line "
			            "%zu; every id in the file must differ",
			            value_of(value), p->ids[i].line);
	/* The list limits are checked before their items, so this holds. */
	if (p->n_ids < IDS_MAX) {
		p->ids[p->n_ids].id = value_of(value);
		p->ids[p->n_ids++].line = line_of(key);
	}
	len = value->data.scalar.length;
	*out = malloc(len + 1);
	if (*out == NULL)
		return no_memory(p);
	memcpy(*out, value_of(value), len + 1);
	return 0;
}

/* Reads a plain decimal whole number: no quotes, sign, leading zeros or
 * YAML's octal and hex forms. Returns it, or -1. */
static long
get_number(const yaml_node_t *n)
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

/* A hint for a number in quotes, which YAML reads as a text. */
static const char *
quoted(const yaml_node_t *n)
{
	return n->type == YAML_SCALAR_NODE &&
	               n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE
	       ? " (numbers are written without quotes)" : "";
}

/* Checks that value is a list of min..max items; "key:" with nothing
 * after it counts as an empty list. */
static int
get_list(struct parse *p, const yaml_node_t *key, const yaml_node_t *value,
         size_t min, size_t max, size_t *n)
{
	char buf[64];

	if (value->type == YAML_SCALAR_NODE && value->data.scalar.length == 0 &&
	    value->data.scalar.style == YAML_PLAIN_SCALAR_STYLE) {
		*n = 0;
	} else if (value->type != YAML_SEQUENCE_NODE) {
		return fail(p, key, "'%s' must be a list, not %s",
		            value_of(key), shown(value, buf));
	} else {
		*n = (size_t)(value->data.sequence.items.top -
		              value->data.sequence.items.start);
	}
	if (min == max && *n != min)
		return fail(p, key, "'%s' must hold exactly %zu items, not %zu",
		            value_of(key), min, *n);
	if (*n < min || *n > max)
		return fail(p, key, "'%s' must hold %zu to %zu items, not %zu",
		            value_of(key), min, max, *n);
	return 0;
}

/* Reads each item of a list that get_list() accepted with get(), with
 * the place in the file set to "what 1", "what 2", ... Each get()
 * allocates its item and hangs it into parent before anything can fail,
 * so that freeing the message frees everything. */
typedef int get_item_fn(struct parse *p, yaml_node_t *node, void *parent,
                        size_t i);

static int
get_items(struct parse *p, const yaml_node_t *list, size_t n,
          const char *what, void *parent, get_item_fn *get)
{
	size_t i, mark;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		mark = ctx_push(p, "%s %zu", what, i + 1);
		rc = get(p, yaml_document_get_node(p->doc,
		                 list->data.sequence.items.start[i]),
		         parent, i);
		ctx_pop(p, mark);
	}
	return rc;
}

static int
get_question(struct parse *p, yaml_node_t *node, void *parent, size_t i)
{
	Aandeslag__ContentStep *st = parent;
	Aandeslag__ContentQuestion *q;
	struct pairs pr;
	int rc;

	(void)i;
	q = malloc(sizeof *q);
	if (q == NULL)
		return no_memory(p);
	aandeslag__content_question__init(q);
	st->questions[st->n_questions++] = q;
	rc = get_pairs(p, node, "a question", question_keys, &pr);
	if (rc == 0)
		rc = get_id(p, pr.key[0], pr.value[0], &q->id);
	if (rc == 0)
		rc = get_languages(p, &pr, 1, &q->text);
	return rc;
}

static int
get_resource(struct parse *p, yaml_node_t *node, void *parent, size_t i)
{
	Aandeslag__ContentStep *st = parent;
	Aandeslag__ContentResource *r;
	struct pairs pr;
	int rc;

	(void)i;
	r = malloc(sizeof *r);
	if (r == NULL)
		return no_memory(p);
	aandeslag__content_resource__init(r);
	st->resources[st->n_resources++] = r;
	rc = get_pairs(p, node, "a resource", resource_keys, &pr);
	if (rc == 0)
		rc = get_bilingual(p, pr.key[0], pr.value[0], &r->title);
	if (rc == 0)
		rc = get_text(p, pr.key[1], pr.value[1], CONTENT_TEXT_MAX,
		              &r->address);
	return rc;
}

static int
get_step(struct parse *p, yaml_node_t *node, void *parent, size_t i)
{
	Aandeslag__Content *m = parent;
	Aandeslag__ContentStep *st;
	struct pairs pr;
	char buf[64];
	size_t n;
	long v;
	int rc;

	st = malloc(sizeof *st);
	if (st == NULL)
		return no_memory(p);
	aandeslag__content_step__init(st);
	m->steps[m->n_steps++] = st;
	rc = get_pairs(p, node, "a step", step_keys, &pr);
	if (rc != 0)
		return rc;
	v = get_number(pr.value[S_NUMBER]);
	if (v < 0)
		return fail(p, pr.key[S_NUMBER], "'number' must be a whole "
		            "number, not %s%s", shown(pr.value[S_NUMBER], buf),
		            quoted(pr.value[S_NUMBER]));
	if (v != (long)i + 1)
		return fail(p, pr.key[S_NUMBER], "'number' is %s here; the "
		            "steps must be numbered 1 to %d in order",
		            shown(pr.value[S_NUMBER], buf), STEPS);
	st->number = (uint32_t)v;
	rc = get_bilingual(p, pr.key[S_NAME], pr.value[S_NAME], &st->name);
	if (rc == 0)
		rc = get_bilingual(p, pr.key[S_QUESTION], pr.value[S_QUESTION],
		                   &st->question);
	if (rc == 0)
		rc = get_bilingual(p, pr.key[S_GOAL], pr.value[S_GOAL],
		                   &st->goal);
	if (rc != 0)
		return rc;
	v = get_number(pr.value[S_MINUTES]);
	if (v < 1 || v > MINUTES_MAX)
		return fail(p, pr.key[S_MINUTES], "'minutes' must be a whole "
		            "number from 1 to %d, not %s%s", MINUTES_MAX,
		            shown(pr.value[S_MINUTES], buf),
		            quoted(pr.value[S_MINUTES]));
	st->minutes = (uint32_t)v;

	rc = get_list(p, pr.key[S_QUESTIONS], pr.value[S_QUESTIONS], 1,
	              CONTENT_QUESTIONS_MAX, &n);
	if (rc != 0)
		return rc;
	st->questions = calloc(n, sizeof *st->questions);
	if (st->questions == NULL)
		return no_memory(p);
	rc = get_items(p, pr.value[S_QUESTIONS], n, "question", st,
	               get_question);
	if (rc != 0 || pr.key[S_RESOURCES] == NULL)
		return rc;
	rc = get_list(p, pr.key[S_RESOURCES], pr.value[S_RESOURCES], 0,
	              CONTENT_RESOURCES_MAX, &n);
	if (rc != 0 || n == 0)
		return rc;
	st->resources = calloc(n, sizeof *st->resources);
	if (st->resources == NULL)
		return no_memory(p);
	return get_items(p, pr.value[S_RESOURCES], n, "resource", st,
	                 get_resource);
}

static int
get_competence(struct parse *p, yaml_node_t *node, void *parent, size_t i)
{
	Aandeslag__ContentCategory *cat = parent;
	Aandeslag__ContentCompetence *co;
	struct pairs pr;
	int rc;

	(void)i;
	co = malloc(sizeof *co);
	if (co == NULL)
		return no_memory(p);
	aandeslag__content_competence__init(co);
	cat->competences[cat->n_competences++] = co;
	rc = get_pairs(p, node, "a competence", competence_keys, &pr);
	if (rc == 0)
		rc = get_id(p, pr.key[0], pr.value[0], &co->id);
	if (rc == 0)
		rc = get_bilingual(p, pr.key[1], pr.value[1], &co->name);
	if (rc == 0)
		rc = get_bilingual(p, pr.key[2], pr.value[2], &co->description);
	return rc;
}

static int
get_category(struct parse *p, yaml_node_t *node, void *parent, size_t i)
{
	Aandeslag__Content *m = parent;
	Aandeslag__ContentCategory *cat;
	struct pairs pr;
	size_t n;
	int rc;

	(void)i;
	cat = malloc(sizeof *cat);
	if (cat == NULL)
		return no_memory(p);
	aandeslag__content_category__init(cat);
	m->categories[m->n_categories++] = cat;
	rc = get_pairs(p, node, "a category", category_keys, &pr);
	if (rc == 0)
		rc = get_id(p, pr.key[0], pr.value[0], &cat->id);
	if (rc == 0)
		rc = get_bilingual(p, pr.key[1], pr.value[1], &cat->name);
	if (rc == 0)
		rc = get_list(p, pr.key[2], pr.value[2], 1,
		              CONTENT_COMPETENCES_MAX, &n);
	if (rc != 0)
		return rc;
	cat->competences = calloc(n, sizeof *cat->competences);
	if (cat->competences == NULL)
		return no_memory(p);
	return get_items(p, pr.value[2], n, "competence", cat,
	                 get_competence);
}

static int
get_activity(struct parse *p, yaml_node_t *node, void *parent, size_t i)
{
	Aandeslag__Content *m = parent;
	Aandeslag__ContentActivity *a;
	struct pairs pr;
	char buf[64];
	int rc;

	(void)i;
	a = malloc(sizeof *a);
	if (a == NULL)
		return no_memory(p);
	aandeslag__content_activity__init(a);
	m->activities[m->n_activities++] = a;
	rc = get_pairs(p, node, "an activity", activity_keys, &pr);
	if (rc == 0)
		rc = get_id(p, pr.key[0], pr.value[0], &a->id);
	if (rc == 0)
		rc = get_bilingual(p, pr.key[1], pr.value[1], &a->name);
	if (rc != 0)
		return rc;
	if (scalar_is(pr.value[2], "abroad"))
		a->place = AANDESLAG__PLACE__PLACE_ABROAD;
	else if (scalar_is(pr.value[2], "home"))
		a->place = AANDESLAG__PLACE__PLACE_HOME;
	else
		return fail(p, pr.key[2], "'place' must be 'abroad' or 'home', "
		            "not %s", shown(pr.value[2], buf));
	return 0;
}

/* Reads the top-level mapping into m. Every allocation is hung into m at
 * once, so one free_unpacked() of m cleans up after any error. */
static int
get_content(struct parse *p, yaml_node_t *root, Aandeslag__Content *m)
{
	struct pairs pr;
	size_t n;
	int rc;

	rc = get_pairs(p, root, "the file", top_keys, &pr);
	if (rc == 0)
		rc = get_text(p, pr.key[0], pr.value[0], VERSION_MAX,
		              &m->version);
	if (rc == 0)
		rc = get_list(p, pr.key[1], pr.value[1], STEPS, STEPS, &n);
	if (rc != 0)
		return rc;
	m->steps = calloc(n, sizeof *m->steps);
	if (m->steps == NULL)
		return no_memory(p);
	rc = get_items(p, pr.value[1], n, "step", m, get_step);
	if (rc == 0)
		rc = get_list(p, pr.key[2], pr.value[2], 1,
		              CONTENT_CATEGORIES_MAX, &n);
	if (rc != 0)
		return rc;
	m->categories = calloc(n, sizeof *m->categories);
	if (m->categories == NULL)
		return no_memory(p);
	rc = get_items(p, pr.value[2], n, "category", m, get_category);
	if (rc == 0)
		rc = get_list(p, pr.key[3], pr.value[3], 1,
		              CONTENT_ACTIVITIES_MAX, &n);
	if (rc != 0)
		return rc;
	m->activities = calloc(n, sizeof *m->activities);
	if (m->activities == NULL)
		return no_memory(p);
	return get_items(p, pr.value[3], n, "activity", m, get_activity);
}

int
content_check_document(yaml_document_t *doc, const char *filename,
                       Aandeslag__Content *m, char err[CONTENT_ERROR_SIZE])
{
	struct parse *p;
	yaml_node_t *root;
	int rc;

	/* On the heap: the id table is some 10 KiB. */
	p = calloc(1, sizeof *p);
	if (p == NULL) {
		snprintf(err, CONTENT_ERROR_SIZE, "%s: out of memory",
		         filename);
		return -ENOMEM;
	}
	p->doc = doc;
	p->file = filename;
	p->err = err;
	root = yaml_document_get_root_node(doc);
	rc = root != NULL ? get_content(p, root, m) : -EINVAL;
	free(p);
	return rc;
}
