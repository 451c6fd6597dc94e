/* Tests for export_csv.c: the actions as a table for Dutch Excel. */
#include "actions_fixture.h"

#include "export_csv.h"
#include "strbuf.h"

/* Returns row n (0: the header) of csv without its CRLF, in buf. */
static const char *
row(const char *csv, int n, char *buf, size_t size)
{
	const char *end;

	while (n-- > 0) {
		csv = strstr(csv, "\r\n");
		CHECK(csv != NULL);
		csv += 2;
	}
	end = strstr(csv, "\r\n");
	CHECK(end != NULL);
	CHECK((size_t)(end - csv) < size);
	memcpy(buf, csv, (size_t)(end - csv));
	buf[end - csv] = '\0';
	return buf;
}

static void
test_header_and_bom(void)
{
	struct strbuf out = { 0 };
	char line[512];

	setup();
	export_csv(&room, &out);
	CHECK(!out.failed);
	CHECK(memcmp(strbuf_str(&out), "\xef\xbb\xbf", 3) == 0);
	CHECK_STR(row(strbuf_str(&out) + 3, 0, line, sizeof line),
	          "\"nr\";\"actie\";\"wie\";\"nodig\";\"leerjaren\";"
	          "\"wanneer\";\"status\";\"activiteit\"");
	/* Nothing but the header without actions. */
	CHECK_UINT(out.len, ==, 3 + strlen(line) + 2);
	strbuf_free(&out);
	teardown();
}

static void
test_rows(void)
{
	struct strbuf out = { 0 };
	struct act_in in;
	char line[1024];
	uint32_t act;

	setup();
	act = add_activity(chair, "Gastles \"Europa\"");
	in_init(&in, "Stage in Gent; met één collega");
	in_owner(&in, PART, ann, NULL);
	in_owner(&in, NAMED, 0, "teamleider");
	in_when(&in, W_DATE, "2027-03-15");
	in.a.activity_id = act;
	in.a.study_years = 1u << 2;
	CHECK_INT(add_action(chair, &in), ==, 0);
	add_simple(bob, "Brochure maken");

	export_csv(&room, &out);
	CHECK(!out.failed);
	row(strbuf_str(&out) + 3, 1, line, sizeof line);
	/* The separator inside a text stays inside its quotes. */
	CHECK_CONTAINS(line, "\"p1\";\"Stage in Gent; met één collega\";\"");
	CHECK_CONTAINS(line, "Ann");
	CHECK_CONTAINS(line, "teamleider");
	CHECK_CONTAINS(line, "2027");
	CHECK_CONTAINS(line, "\"open\"");
	/* A quote in a text is doubled. */
	CHECK_CONTAINS(line, "\"Gastles \"\"Europa\"\"\"");
	row(strbuf_str(&out) + 3, 2, line, sizeof line);
	CHECK_CONTAINS(line, "\"p2\";\"Brochure maken\"");
	strbuf_free(&out);
	teardown();
}

static void
test_formula_injection(void)
{
	static const char *const evil[] = {
		"=HYPERLINK(\"http://x\")", "+31 6 1234", "-1+2", "@SUM(A1)",
	};
	struct strbuf out = { 0 };
	char line[512], expect[128];
	size_t i;

	setup();
	for (i = 0; i < sizeof evil / sizeof evil[0]; i++)
		add_simple(ann, evil[i]);
	export_csv(&room, &out);
	for (i = 0; i < sizeof evil / sizeof evil[0]; i++) {
		row(strbuf_str(&out) + 3, (int)i + 1, line, sizeof line);
		/* An apostrophe first: Excel shows text, runs nothing. */
		snprintf(expect, sizeof expect, "\"'%c", evil[i][0]);
		CHECK_CONTAINS(line, expect);
	}
	strbuf_free(&out);
	teardown();
}

CHECK_MAIN(CHECK_TEST(test_header_and_bom),
           CHECK_TEST(test_rows),
           CHECK_TEST(test_formula_injection))
