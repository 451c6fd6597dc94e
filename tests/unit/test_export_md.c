/* Tests for export_md.c: the poster as Markdown. */
#include "findings_fixture.h"

#include "export_md.h"
#include "strbuf.h"

/* Counts the lines of md that start with prefix. */
static size_t
lines_starting(const char *md, const char *prefix)
{
	size_t n = 0, len = strlen(prefix);
	const char *p = md;

	while (*p != '\0') {
		if (strncmp(p, prefix, len) == 0)
			n++;
		p = strchr(p, '\n');
		if (p == NULL)
			break;
		p++;
	}
	return n;
}

/* Counts the unescaped '|' in the line of md that starts with prefix. */
static size_t
pipes(const char *md, const char *prefix)
{
	const char *p = strstr(md, prefix);
	size_t n = 0;

	CHECK(p != NULL);
	for (; *p != '\0' && *p != '\n'; p++) {
		if (*p == '\\' && p[1] != '\0')
			p++;
		else if (*p == '|')
			n++;
	}
	return n;
}

static void
test_headings(void)
{
	struct strbuf out = { 0 };
	const char *md;

	setup();
	room.settings.levels = (1u << 3) | (1u << 4);
	strcpy(room.settings.follow_up, "2027-03-15");
	export_md(&room, &out);
	CHECK(!out.failed);
	md = strbuf_str(&out);
	CHECK(strncmp(md, "# Titel\n\n", 9) == 0);
	CHECK_CONTAINS(md, "- Code: K7QM\\-2XPD\n");
	CHECK_CONTAINS(md, "- Niveau: 3, 4\n");
	CHECK_CONTAINS(md, "- Vervolgoverleg: 15 maart 2027\n");
	CHECK_CONTAINS(md, "\n## Deelnemers\n\n- Chris \\(voorzitter\\)\n"
	               "- Ann\n- Bob\n");
	CHECK_CONTAINS(md, "\n## Stap 1: Betekenis\n\n");
	CHECK_CONTAINS(md, "\n## Stap 3: Competenties\n\n");
	CHECK_CONTAINS(md, "\n## Stap 5: Aan de slag\n\n");
	CHECK_UINT(lines_starting(md, "## Stap "), ==, 5);
	CHECK_UINT(lines_starting(md, "# "), ==, 1);
	/* No table without actions, no report back without findings and
	 * no workshop for a room that stands alone. */
	CHECK(strstr(md, "| nr |") == NULL);
	CHECK(strstr(md, "Terugkoppeling") == NULL);
	CHECK(strstr(md, "Studiedag") == NULL);
	strbuf_free(&out);
	teardown();
}

static void
test_escaping(void)
{
	struct strbuf out = { 0 };
	const char *md;

	setup();
	add_note_by(ann, 1, "[klik](http://x) *vet* <b>|", false);
	add_note_by(chair, 2, "# kop & _meer_ `code` \\ 1. ! +", true);
	export_md(&room, &out);
	CHECK(!out.failed);
	md = strbuf_str(&out);
	CHECK_CONTAINS(md, "- \\[klik\\]\\(http://x\\) \\*vet\\* &lt;b\\>\\| "
	               "\xe2\x80\x94 Ann\n");
	/* A note without a name has no dash. */
	CHECK_CONTAINS(md, "- \\# kop &amp; \\_meer\\_ \\`code\\` \\\\ 1\\. "
	               "\\! \\+\n");
	CHECK(strstr(md, "<b>") == NULL);
	CHECK(strstr(md, "](") == NULL);
	strbuf_free(&out);
	teardown();
}

static void
test_actions_table(void)
{
	struct strbuf out = { 0 };
	struct act_in in;
	const char *md;
	uint32_t act;

	setup();
	act = add_activity(chair, "Gastles Europa");
	in_init(&in, "Stage | in Gent");
	in_owner(&in, PART, ann, NULL);
	in_owner(&in, NAMED, 0, "teamleider");
	in_when(&in, W_DATE, "2027-03-15");
	in.a.activity_id = act;
	in.a.needs = MODEL_NEED_TIME;
	CHECK_INT(add_action(chair, &in), ==, 0);
	add_simple(bob, "Brochure maken");
	add_simple(bob, "Mail <sturen>");

	export_md(&room, &out);
	CHECK(!out.failed);
	md = strbuf_str(&out);
	CHECK_CONTAINS(md, "\n### Acties\n\n"
	               "| nr | actie | wie | nodig | wanneer | status |\n"
	               "| --- | --- | --- | --- | --- | --- |\n");
	/* Header, delimiter and one row per action, 7 pipes each. */
	CHECK_UINT(lines_starting(md, "|"), ==, 2 + 3);
	CHECK_UINT(pipes(md, "| nr |"), ==, 7);
	CHECK_UINT(pipes(md, "| p1 |"), ==, 7);
	CHECK_UINT(pipes(md, "| p2 |"), ==, 7);
	CHECK_UINT(pipes(md, "| p3 |"), ==, 7);
	CHECK_CONTAINS(md, "| p1 | Stage \\| in Gent | Ann, teamleider | "
	               "tijd | 15 maart 2027 | open |\n");
	CHECK_CONTAINS(md, "| p2 | Brochure maken | \\!\\! nog niemand |  |"
	               "  | open |\n");
	CHECK_CONTAINS(md, "| p3 | Mail &lt;sturen\\> |");
	/* Step 4's activities as a list. */
	CHECK_CONTAINS(md, "\n### Activiteiten\n\n- Gastles Europa \\(nieuw");
	strbuf_free(&out);
	teardown();
}

static void
test_competences(void)
{
	struct strbuf out = { 0 };

	setup();
	CHECK_INT(cast_dot(ann, "talen"), ==, 0);
	CHECK_INT(cast_dot(bob, "talen"), ==, 0);
	CHECK_INT(cast_dot(bob, "open"), ==, 0);
	mark_chosen(chair, "talen");
	mark_chosen(chair, "open");
	export_md(&room, &out);
	CHECK(!out.failed);
	CHECK_CONTAINS(strbuf_str(&out), "\n### Gekozen competenties\n\n"
	               "- Talen: 2 stippen\n- Open: 1 stip\n");
	strbuf_free(&out);

	/* While the votes are hidden, only the competences. */
	room.settings.votes_hidden = true;
	export_md(&room, &out);
	CHECK_CONTAINS(strbuf_str(&out), "\n### Gekozen competenties\n\n"
	               "- Talen\n- Open\n");
	CHECK(strstr(strbuf_str(&out), "stip") == NULL);
	strbuf_free(&out);
	teardown();
}

static void
test_anonymous(void)
{
	struct strbuf out = { 0 };
	const char *md;

	setup();
	add_note_by(ann, 1, "Een idee", false);
	add_note_by(bob, 2, "Nog een", false);
	room.settings.anonymous = true;
	export_md(&room, &out);
	CHECK(!out.failed);
	md = strbuf_str(&out);
	CHECK(strstr(md, "Deelnemers") == NULL);
	CHECK(strstr(md, "Ann") == NULL);
	CHECK(strstr(md, "Bob") == NULL);
	CHECK(strstr(md, "Chris") == NULL);
	CHECK(strstr(md, "\xe2\x80\x94") == NULL);
	CHECK_CONTAINS(md, "- Een idee\n");
	CHECK_CONTAINS(md, "- Nog een\n");
	strbuf_free(&out);
	teardown();
}

static void
test_report_back(void)
{
	struct strbuf out = { 0 };
	const char *md;

	setup();
	CHECK_INT(add_finding(ann, "Stage *werkt* [echt]", 0), ==, 0);
	CHECK_INT(add_finding(bob, "Weg ermee", 0), ==, 0);
	CHECK_INT(add_finding(bob, "Taal 1. ook", 0), ==, 0);
	CHECK_INT(delete_finding(bob, 2), ==, 0);
	CHECK_INT(model_set_workshop(&room, "W3RK-5HQP", "Dag_1"), ==, 0);
	export_md(&room, &out);
	CHECK(!out.failed);
	md = strbuf_str(&out);
	CHECK_CONTAINS(md, "- Studiedag: Dag\\_1 \\(code W3RK\\-5HQP\\)\n");
	/* The last section, after step 5: the findings in their order. */
	CHECK_CONTAINS(md, "\n## Terugkoppeling\n\n"
	               "1. Stage \\*werkt\\* \\[echt\\]\n"
	               "2. Taal 1\\. ook\n");
	CHECK(strstr(md, "## Terugkoppeling") > strstr(md, "## Stap 5"));
	CHECK(strstr(md, "Weg ermee") == NULL);
	strbuf_free(&out);
	teardown();
}

CHECK_MAIN(CHECK_TEST(test_headings),
           CHECK_TEST(test_escaping),
           CHECK_TEST(test_actions_table),
           CHECK_TEST(test_competences),
           CHECK_TEST(test_anonymous),
           CHECK_TEST(test_report_back))
