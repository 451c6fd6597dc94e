/* Tests for content.c and content_check.c: the real data file, the hash,
 * content from the wire, and every kind of fault a content file can have,
 * each reported with its exact line. */
#include <errno.h>
#include <stdbool.h>

#include "check.h"
#include "content.h"

#ifndef SOURCE_DIR
#define SOURCE_DIR "."
#endif

#define REAL_FILE SOURCE_DIR "/data/content.yaml"
#define FIXTURES SOURCE_DIR "/tests/data/content/"

static struct content
load_real(void)
{
	char err[CONTENT_ERROR_SIZE] = "";
	struct content c;
	int rc;

	rc = content_load(&c, REAL_FILE, err);
	if (rc != 0)
		CHECK_FAIL("%s: %d %s", REAL_FILE, rc, err);
	return c;
}

static bool
is_hash(const char *h)
{
	size_t i;

	for (i = 0; i < 16; i++)
		if (!((h[i] >= '0' && h[i] <= '9') ||
		      (h[i] >= 'a' && h[i] <= 'f')))
			return false;
	return h[16] == '\0';
}

/* Collects every id of the content into ids (room for max). */
static size_t
all_ids(const Aandeslag__Content *m, const char **ids, size_t max)
{
	size_t i, j, n = 0;

	for (i = 0; i < m->n_steps; i++)
		for (j = 0; j < m->steps[i]->n_questions && n < max; j++)
			ids[n++] = m->steps[i]->questions[j]->id;
	for (i = 0; i < m->n_categories; i++) {
		if (n < max)
			ids[n++] = m->categories[i]->id;
		for (j = 0; j < m->categories[i]->n_competences && n < max; j++)
			ids[n++] = m->categories[i]->competences[j]->id;
	}
	for (i = 0; i < m->n_activities && n < max; i++)
		ids[n++] = m->activities[i]->id;
	return n;
}

/* A small valid content in YAML, with knobs for the tests: the number of
 * questions of step 1 (at line 8, its goal at line 6) and the id of the
 * only activity. */
static size_t
build(char *buf, size_t size, unsigned questions, const char *goal,
      const char *activity_id)
{
	size_t n = 0;
	unsigned s, q;

#define PUT(...)                                                            \
	do {                                                                \
		n += (size_t)snprintf(buf + n, size - n, __VA_ARGS__);      \
		CHECK(n < size);                                            \
	} while (0)
	PUT("version: \"t\"\nsteps:\n");
	for (s = 1; s <= 5; s++) {
		PUT("  - number: %u\n", s);
		PUT("    name: {nl: Naam %u, en: Name %u}\n", s, s);
		PUT("    question: {nl: Vraag %u, en: Question %u}\n", s, s);
		PUT("    goal: {nl: \"%s\", en: Goal}\n",
		    s == 1 ? goal : "Doel");
		PUT("    minutes: 30\n    questions:\n");
		for (q = 1; q <= (s == 1 ? questions : 1); q++)
			PUT("      - {id: q%u-%u, nl: Vraag, en: Vraag}\n",
			    s, q);
	}
	PUT("categories:\n  - id: cat\n    name: {nl: C, en: C}\n");
	PUT("    competences:\n      - id: comp\n");
	PUT("        name: {nl: C, en: C}\n");
	PUT("        description: {nl: D, en: D}\n");
	PUT("activities:\n  - {id: %s, name: {nl: A, en: A}, place: home}\n",
	    activity_id);
#undef PUT
	return n;
}

/* The line of the first occurrence of needle in text. */
static unsigned
line_in(const char *text, const char *needle)
{
	const char *at = strstr(text, needle), *s;
	unsigned line = 1;

	CHECK(at != NULL);
	for (s = text; s < at; s++)
		if (*s == '\n')
			line++;
	return line;
}

/* Parses text as "test.yaml" and checks that it fails at line with a
 * reason that contains phrase. */
static void
check_refused(const char *text, size_t len, unsigned line, const char *phrase)
{
	char err[CONTENT_ERROR_SIZE], prefix[64];
	struct content c;

	CHECK_INT(content_parse(&c, text, len, "test.yaml", err), ==, -EINVAL);
	CHECK(c.msg == NULL && c.packed == NULL);
	snprintf(prefix, sizeof prefix, "test.yaml:%u: ", line);
	if (strncmp(err, prefix, strlen(prefix)) != 0)
		CHECK_FAIL("expected \"%s...\", got \"%s\"", prefix, err);
	CHECK_CONTAINS(err, phrase);
}

static void
test_real_file(void)
{
	static const unsigned minutes[] = { 20, 30, 30, 30, 40 };
	static const char *const questions[] = {
		"Wat betekent internationalisering voor jou?",
		"Waarom is internationalisering relevant voor onze studenten?",
		"Welke internationale competenties zijn relevant voor onze "
		"studenten?",
		"Welke internationaliseringsactiviteiten doen we al en/of "
		"kunnen we aanbieden?",
		"Wat gaan we nu doen? En wat is daarvoor nodig?",
	};
	static const char *const names[] = {
		"Betekenis", "Relevantie", "Competenties", "Activiteiten",
		"Aan de slag",
	};
	static const char *const categories[] = {
		"Interculturele competenties", "Internationale oriëntatie",
		"Persoonlijke ontwikkeling",
	};
	const Aandeslag__ContentCategory *cat = NULL;
	const Aandeslag__ContentCompetence *co;
	const char *ids[1000];
	struct content c = load_real();
	const Aandeslag__Content *m = c.msg;
	size_t i, j, n, abroad = 0, home = 0;

	CHECK_STR(m->version, "2026.1");
	CHECK_UINT(m->n_steps, ==, 5);
	for (i = 0; i < 5; i++) {
		CHECK_UINT(m->steps[i]->number, ==, i + 1);
		CHECK_STR(m->steps[i]->name->nl, names[i]);
		CHECK_STR(m->steps[i]->question->nl, questions[i]);
		CHECK(m->steps[i]->question->en[0] != '\0');
		CHECK_UINT(m->steps[i]->minutes, ==, minutes[i]);
		CHECK_UINT(m->steps[i]->n_questions, >=, 5);
		CHECK_UINT(m->steps[i]->n_questions, <=, 8);
		CHECK_UINT(m->steps[i]->n_resources, >=, 1);
	}
	CHECK_UINT(m->n_categories, ==, 3);
	for (i = 0; i < 3; i++) {
		CHECK_STR(m->categories[i]->name->nl, categories[i]);
		CHECK_UINT(m->categories[i]->n_competences, >=, 3);
	}
	CHECK_STR(m->categories[0]->name->en, "Intercultural competences");
	CHECK_STR(m->categories[1]->name->en, "International orientation");
	CHECK_STR(m->categories[2]->name->en, "Personal development");
	/* The competence the handbook names as its example. */
	co = content_competence(&c, "vreemde-taal", &cat);
	CHECK(co != NULL && cat != NULL);
	CHECK_STR(co->name->nl, "Durven spreken in een vreemde taal");
	CHECK_STR(cat->id, "intercultureel");

	CHECK_UINT(m->n_activities, >=, 25);
	for (i = 0; i < m->n_activities; i++) {
		if (m->activities[i]->place == AANDESLAG__PLACE__PLACE_ABROAD)
			abroad++;
		else if (m->activities[i]->place ==
		         AANDESLAG__PLACE__PLACE_HOME)
			home++;
		else
			CHECK_FAIL("%s has no place", m->activities[i]->id);
	}
	CHECK_UINT(abroad, >=, 5);
	CHECK_UINT(home, >=, 5);
	CHECK(content_activity(&c, "stage-buitenland") != NULL);
	CHECK(content_activity(&c, "virtuele-uitwisseling") != NULL);

	n = all_ids(m, ids, sizeof ids / sizeof ids[0]);
	CHECK_UINT(n, >, 60);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (strcmp(ids[i], ids[j]) == 0)
				CHECK_FAIL("id %s twice", ids[i]);
	CHECK(is_hash(c.hash));
	content_free(&c);
	CHECK(c.msg == NULL && c.packed == NULL && c.hash[0] == '\0');
	content_free(&c); /* twice is harmless */
}

static void
test_minimal_fixture(void)
{
	char err[CONTENT_ERROR_SIZE] = "";
	struct content c;

	CHECK_INT(content_load(&c, FIXTURES "minimal.yaml", err), ==, 0);
	CHECK_STR(err, "");
	CHECK_UINT(c.msg->n_steps, ==, 5);
	CHECK_UINT(c.msg->steps[0]->n_resources, ==, 1);
	CHECK_UINT(c.msg->steps[1]->n_resources, ==, 0);
	content_free(&c);
}

static void
test_hash(void)
{
	static char a[8192], b[8192];
	char err[CONTENT_ERROR_SIZE];
	struct content c1, c2, c3;
	size_t la, lb;

	la = build(a, sizeof a, 1, "Doel abc", "act");
	lb = build(b, sizeof b, 1, "Doel abd", "act");
	CHECK_UINT(la, ==, lb);
	CHECK_INT(content_parse(&c1, a, la, "a.yaml", err), ==, 0);
	CHECK_INT(content_parse(&c2, a, la, "a.yaml", err), ==, 0);
	CHECK_INT(content_parse(&c3, b, lb, "b.yaml", err), ==, 0);
	CHECK(is_hash(c1.hash));
	CHECK_STR(c1.hash, c2.hash);
	CHECK_UINT(c1.packed_len, ==, c2.packed_len);
	CHECK(memcmp(c1.packed, c2.packed, c1.packed_len) == 0);
	CHECK(strcmp(c1.hash, c3.hash) != 0);
	content_free(&c1);
	content_free(&c2);
	content_free(&c3);
}

static void
test_from_wire(void)
{
	struct content c1 = load_real(), c2;

	CHECK_INT(content_from_wire(&c2, c1.msg), ==, 0);
	CHECK_STR(c2.hash, c1.hash);
	CHECK_UINT(c2.packed_len, ==, c1.packed_len);
	CHECK(memcmp(c2.packed, c1.packed, c1.packed_len) == 0);
	CHECK(c2.msg != c1.msg);
	CHECK_STR(content_step(&c2, 5)->name->nl, "Aan de slag");
	content_free(&c2);
	content_free(&c1);
}

/* Checks that content_from_wire() refuses m and leaves c empty. */
static void
check_wire_refused(const Aandeslag__Content *m)
{
	struct content c;

	CHECK_INT(content_from_wire(&c, m), ==, -EPROTO);
	CHECK(c.msg == NULL && c.packed == NULL);
}

static void
test_from_wire_refuses(void)
{
	struct content c = load_real();
	Aandeslag__Content *m;
	Aandeslag__ContentStep *st;
	char *saved, empty[] = "";
	uint32_t minutes;

	/* A private copy to break in place; each fault is undone after. */
	m = aandeslag__content__unpack(NULL, c.packed_len, c.packed);
	CHECK(m != NULL);
	content_free(&c);
	check_wire_refused(NULL);

	m->n_steps = 4;
	check_wire_refused(m);
	m->n_steps = 5;

	saved = m->activities[1]->id;
	m->activities[1]->id = m->activities[0]->id;
	check_wire_refused(m);
	/* Unique across kinds: an activity named like a question. */
	m->activities[1]->id = m->steps[2]->questions[0]->id;
	check_wire_refused(m);
	m->activities[1]->id = saved;

	st = m->steps[1];
	st->number = 3;
	check_wire_refused(m);
	st->number = 2;
	minutes = st->minutes;
	st->minutes = 241;
	check_wire_refused(m);
	st->minutes = minutes;

	saved = st->goal->en;
	st->goal->en = empty;
	check_wire_refused(m);
	st->goal->en = saved;

	saved = m->categories[0]->id;
	m->categories[0]->id = (char *)"Bad_Id";
	check_wire_refused(m);
	m->categories[0]->id = saved;

	m->activities[0]->place = AANDESLAG__PLACE__PLACE_UNSET;
	check_wire_refused(m);
	m->activities[0]->place = AANDESLAG__PLACE__PLACE_ABROAD;

	/* Undone right, the copy is accepted again. */
	CHECK_INT(content_from_wire(&c, m), ==, 0);
	content_free(&c);
	aandeslag__content__free_unpacked(m, NULL);
}

static void
test_language(void)
{
	struct content c = load_real();
	const Aandeslag__ContentStep *st = content_step(&c, 1);
	Aandeslag__Text t = AANDESLAG__TEXT__INIT;

	CHECK_STR(content_text(st->name), "Betekenis");
	content_set_language("en");
	CHECK_STR(content_text(st->name), "Meaning");
	CHECK_STR(content_text(st->question),
	          "What does internationalisation mean to you?");
	/* English falls back to Dutch where it is missing. */
	t.nl = (char *)"Alleen Nederlands";
	CHECK_STR(content_text(&t), "Alleen Nederlands");
	CHECK_STR(content_text(NULL), "");
	content_set_language("de");
	CHECK_STR(content_text(st->name), "Betekenis");
	content_set_language("en");
	content_set_language(NULL);
	CHECK_STR(content_text(st->name), "Betekenis");
	content_set_language("nl");
	CHECK_STR(content_text(st->name), "Betekenis");
	content_free(&c);
}

static void
test_lookups(void)
{
	struct content c = load_real(), none;
	const Aandeslag__ContentCategory *cat = NULL;
	const Aandeslag__ContentQuestion *q;
	const Aandeslag__ContentActivity *a;
	unsigned step = 0;

	CHECK(content_step(&c, 0) == NULL);
	CHECK(content_step(&c, 6) == NULL);
	CHECK_UINT(content_step(&c, 3)->number, ==, 3);
	CHECK_STR(content_step(&c, 3)->name->nl, "Competenties");

	CHECK(content_competence(&c, "open-houding", &cat) != NULL);
	CHECK_STR(cat->id, "intercultureel");
	CHECK(content_competence(&c, "reflecteren", NULL) != NULL);
	cat = NULL;
	CHECK(content_competence(&c, "bestaat-niet", &cat) == NULL);
	CHECK(cat == NULL);
	/* A category's id is not a competence's. */
	CHECK(content_competence(&c, "intercultureel", NULL) == NULL);
	CHECK(content_competence(&c, NULL, NULL) == NULL);

	a = content_activity(&c, "stage-buitenland");
	CHECK(a != NULL);
	CHECK_INT(a->place, ==, AANDESLAG__PLACE__PLACE_ABROAD);
	a = content_activity(&c, "virtuele-uitwisseling");
	CHECK(a != NULL);
	CHECK_INT(a->place, ==, AANDESLAG__PLACE__PLACE_HOME);
	CHECK(content_activity(&c, "b1") == NULL);

	q = content_question(&c, "r3", &step);
	CHECK(q != NULL);
	CHECK_UINT(step, ==, 2);
	CHECK(content_question(&c, "s1", NULL) != NULL);
	step = 9;
	CHECK(content_question(&c, "zz", &step) == NULL);
	CHECK_UINT(step, ==, 9);
	CHECK(content_question(&c, "vreemde-taal", NULL) == NULL);
	content_free(&c);

	/* An empty content finds nothing and does not crash. */
	memset(&none, 0, sizeof none);
	CHECK(content_step(&none, 1) == NULL);
	CHECK(content_competence(&none, "open-houding", NULL) == NULL);
	CHECK(content_activity(&none, "stage-buitenland") == NULL);
	CHECK(content_question(&none, "b1", NULL) == NULL);
}

static void
test_fixtures(void)
{
	static const struct {
		const char *file;
		unsigned line;
		const char *phrase;
	} cases[] = {
		{ "bad-yaml.yaml", 9, "YAML syntax error: " },
		{ "missing-step.yaml", 4,
		  "'steps' must hold exactly 5 items, not 4" },
		{ "steps-out-of-order.yaml", 15,
		  "step 2: 'number' is '3' here; the steps must be numbered "
		  "1 to 5 in order" },
		{ "duplicate-id.yaml", 28,
		  "step 3, question 1: id 'q1' is already used on line 11" },
		{ "bad-id.yaml", 47,
		  "category 1, competence 1: the id must be 1 to 32 "
		  "characters from a-z, 0-9 and '-', not 'Comp_1'" },
		{ "missing-english.yaml", 6, "step 1, name: 'en' is missing" },
		{ "missing-key.yaml", 22, "step 3: 'goal' is missing" },
		{ "unknown-key.yaml", 9, "step 1: unknown key 'minuten'" },
		{ "duplicate-key.yaml", 34,
		  "step 4: 'minutes' is given twice (also on line 33)" },
		{ "minutes-not-number.yaml", 19,
		  "step 2: 'minutes' must be a whole number from 1 to 240, "
		  "not 'dertig'" },
		{ "minutes-out-of-range.yaml", 26,
		  "step 3: 'minutes' must be a whole number from 1 to 240, "
		  "not '300'" },
		{ "quoted-number.yaml", 40, "(numbers are written without "
		  "quotes)" },
		{ "empty-category.yaml", 46,
		  "category 1: 'competences' must hold 1 to 30 items, not 0" },
		{ "bad-place.yaml", 53,
		  "activity 1: 'place' must be 'abroad' or 'home', not "
		  "'online'" },
		{ "bad-utf8.yaml", 16, "not valid UTF-8" },
		{ "control-char.yaml", 17,
		  "step 2, question: 'nl' must be valid UTF-8 on one line, "
		  "without control characters" },
		{ "second-document.yaml", 54, "only one YAML document" },
	};
	char err[CONTENT_ERROR_SIZE], path[512], prefix[600];
	struct content c;
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(path, sizeof path, FIXTURES "%s", cases[i].file);
		snprintf(prefix, sizeof prefix, "%s:%u: ", path, cases[i].line);
		err[0] = '\0';
		CHECK_INT(content_load(&c, path, err), ==, -EINVAL);
		CHECK(c.msg == NULL && c.packed == NULL);
		if (strncmp(err, prefix, strlen(prefix)) != 0)
			CHECK_FAIL("%s: expected \"%s...\", got \"%s\"",
			           cases[i].file, prefix, err);
		CHECK_CONTAINS(err, cases[i].phrase);
	}
}

static void
test_too_many_questions(void)
{
	static char text[16384];
	char err[CONTENT_ERROR_SIZE];
	struct content c;
	size_t len;

	len = build(text, sizeof text, CONTENT_QUESTIONS_MAX, "Doel", "act");
	CHECK_INT(content_parse(&c, text, len, "test.yaml", err), ==, 0);
	CHECK_UINT(content_step(&c, 1)->n_questions, ==, CONTENT_QUESTIONS_MAX);
	content_free(&c);
	len = build(text, sizeof text, CONTENT_QUESTIONS_MAX + 1, "Doel",
	            "act");
	check_refused(text, len, 8,
	              "step 1: 'questions' must hold 1 to 20 items, not 21");
	len = build(text, sizeof text, 0, "Doel", "act");
	CHECK_INT(line_in(text, "    questions:"), ==, 8);
	check_refused(text, len, 8, "'questions' must hold 1 to 20 items, "
	              "not 0");
}

static void
test_text_limits(void)
{
	static char goal[CONTENT_TEXT_MAX + 2], text[16384];
	char err[CONTENT_ERROR_SIZE];
	struct content c;
	size_t len, i;

	/* 1000 bytes of "é" (two bytes each) is the most a text may hold. */
	for (i = 0; i < CONTENT_TEXT_MAX; i += 2)
		memcpy(goal + i, "é", 2);
	goal[CONTENT_TEXT_MAX] = '\0';
	len = build(text, sizeof text, 1, goal, "act");
	CHECK_INT(content_parse(&c, text, len, "test.yaml", err), ==, 0);
	CHECK_UINT(strlen(content_step(&c, 1)->goal->nl), ==, CONTENT_TEXT_MAX);
	content_free(&c);
	memcpy(goal + CONTENT_TEXT_MAX, "x", 2);
	len = build(text, sizeof text, 1, goal, "act");
	check_refused(text, len, 6, "step 1, goal: 'nl' must be at most 1000 "
	              "bytes, not 1001");

	len = build(text, sizeof text, 1, "   ", "act");
	check_refused(text, len, 6, "'nl' must not be empty");
	len = build(text, sizeof text, 1, "", "act");
	check_refused(text, len, 6, "'nl' must not be empty");
	/* A NUL escape would cut the text short in C: refused, not cut. */
	len = build(text, sizeof text, 1, "voor\\0na", "act");
	check_refused(text, len, 6, "must be valid UTF-8 on one line");
	len = build(text, sizeof text, 1, "twee\\nregels", "act");
	check_refused(text, len, 6, "must be valid UTF-8 on one line");
	/* C1 control characters too (a terminal may act on them). */
	len = build(text, sizeof text, 1, "x\\x9by", "act");
	check_refused(text, len, 6, "must be valid UTF-8 on one line");
}

static void
test_ids(void)
{
	static char text[16384];
	char err[CONTENT_ERROR_SIZE];
	struct content c;
	size_t len;
	unsigned line;

	len = build(text, sizeof text, 1, "Doel",
	            "abcdefghijklmnopqrstuvwxyz-01234"); /* 32 */
	CHECK_INT(content_parse(&c, text, len, "test.yaml", err), ==, 0);
	content_free(&c);
	len = build(text, sizeof text, 1, "Doel",
	            "abcdefghijklmnopqrstuvwxyz-012345");
	line = line_in(text, "  - {id: abc");
	check_refused(text, len, line, "activity 1: the id must be 1 to 32 "
	              "characters from a-z, 0-9 and '-', not "
	              "'abcdefghijklmnopqrstuvwxyz-012345'");
	/* Ids are unique across kinds: an activity named as a competence. */
	len = build(text, sizeof text, 1, "Doel", "comp");
	check_refused(text, len, line, "id 'comp' is already used on line " );
	len = build(text, sizeof text, 1, "Doel", "q1-1");
	check_refused(text, len, line, "id 'q1-1' is already used on line 9");
	len = build(text, sizeof text, 1, "Doel", "\"\"");
	check_refused(text, len, line, "the id must be 1 to 32 characters "
	              "from a-z, 0-9 and '-', not nothing");
	len = build(text, sizeof text, 1, "Doel", "[a]");
	check_refused(text, len, line, "not a list");
}

static void
test_odd_files(void)
{
	static const char *const texts[][3] = {
		/* text, line, phrase */
		{ "", "1", "the file is empty" },
		{ "# only a comment\n", "1", "the file is empty" },
		{ "[]", "1", "the file must be a mapping of keys and values, "
		  "not a list" },
		{ "just words", "1", "the file must be a mapping" },
		{ "{}", "1", "'version' is missing" },
		{ "\n\nversion: [1\n", "4", "YAML syntax error" },
		{ "version: \"t\"\nsteps: 5\ncategories:\nactivities:\n", "2",
		  "'steps' must be a list, not '5'" },
		{ "version: \"t\"\nsteps:\ncategories:\nactivities:\n", "2",
		  "'steps' must hold exactly 5 items, not 0" },
		{ "version: \"t\"\nsteps: []\n", "1",
		  "'categories' is missing" },
		{ "version: *nothing\n", "1", "YAML syntax error" },
		{ "version: \"t\"\nversion: \"u\"\n", "2",
		  "'version' is given twice (also on line 1)" },
		{ "\n? [a]\n: b\n", "2", "unknown key a list" },
	};
	size_t i;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
		check_refused(texts[i][0], strlen(texts[i][0]),
		              (unsigned)atoi(texts[i][1]), texts[i][2]);
}

static void
test_missing_file(void)
{
	char err[CONTENT_ERROR_SIZE], expected[CONTENT_ERROR_SIZE];
	struct content c;

	CHECK_INT(content_load(&c, FIXTURES "no-such-file.yaml", err), ==,
	          -EINVAL);
	CHECK(c.msg == NULL);
	snprintf(expected, sizeof expected, "%s: cannot be read: %s",
	         FIXTURES "no-such-file.yaml", strerror(ENOENT));
	CHECK_STR(err, expected);
	/* A directory opens but does not read. */
	CHECK_INT(content_load(&c, FIXTURES, err), ==, -EINVAL);
	CHECK_CONTAINS(err, ": cannot be read: ");
	/* Endless input stops at the limit. */
	CHECK_INT(content_load(&c, "/dev/zero", err), ==, -EINVAL);
	CHECK_STR(err, "/dev/zero: is larger than 4 MiB");
	CHECK(c.msg == NULL);
}

CHECK_MAIN(CHECK_TEST(test_real_file), CHECK_TEST(test_minimal_fixture),
           CHECK_TEST(test_hash), CHECK_TEST(test_from_wire),
           CHECK_TEST(test_from_wire_refuses), CHECK_TEST(test_language),
           CHECK_TEST(test_lookups), CHECK_TEST(test_fixtures),
           CHECK_TEST(test_too_many_questions),
           CHECK_TEST(test_text_limits), CHECK_TEST(test_ids),
           CHECK_TEST(test_odd_files), CHECK_TEST(test_missing_file))
