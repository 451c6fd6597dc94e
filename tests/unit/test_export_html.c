/* Tests for export_html.c: the poster as one printable HTML page. */
#include "poster_fixture.h"

#include <stdlib.h>

#include "export_html.h"
#include "html_check.h"

#define DATE "2026-11-29"
#define HOSTILE "<script>alert(\"x\")</script> & 'y'"
#define HOSTILE_ESCAPED "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; " \
                        "&amp; &#39;y&#39;"

/* Renders the room of f into out and checks that it did not fail. */
static const char *
render(struct fixture *f, struct strbuf *out)
{
	strbuf_free(out);
	export_html(&f->room, DATE, out);
	CHECK(!out->failed);
	return strbuf_str(out);
}

/* Returns a copy of cell col (0: the first after the row's heading) of
 * the activity table's row headed label; the caller frees it. */
static char *
activity_cell(const char *html, const char *label, int col)
{
	char head[64];
	const char *p;

	snprintf(head, sizeof head, "<tr><th scope=\"row\">%s</th>", label);
	p = strstr(html, head);
	if (p == NULL)
		CHECK_FAIL("no row %s in:\n%s", label, html);
	for (; col >= 0; col--) {
		p = strstr(p + 1, "<td>");
		CHECK(p != NULL);
	}
	return between(p, "<td>", "</td>");
}

static void
test_page(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	const char *html;
	char *head, *e;
	unsigned step;

	setup(&f);
	session(&f, false);
	html = render(&f, &out);
	check_well_formed(html);
	CHECK(strncmp(html, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n"
	              "<meta charset=\"utf-8\">\n", 56) == 0);
	CHECK_CONTAINS(html, "<title>Internationalisering in de opleiding "
	               "\xe2\x80\x94 Aan de slag met internationalisering"
	               "</title>\n");
	CHECK(strcmp(html + out.len - 16, "</body>\n</html>\n") == 0);
	CHECK_UINT(count(html, "<html"), ==, 1);
	CHECK_UINT(count(html, "<style>"), ==, 1);
	/* Self-contained: no script, nothing fetched from elsewhere. */
	head = between(html, "<head>", "</head>");
	CHECK(strstr(html, "<script") == NULL);
	CHECK(strstr(html, "<link") == NULL);
	CHECK(strstr(html, "src=") == NULL);
	CHECK(strstr(head, "url(") == NULL);
	CHECK(strstr(head, "@import") == NULL);
	CHECK(strstr(html, "http") == NULL);
	/* Print CSS for A4, and no type smaller than 9pt. */
	CHECK_CONTAINS(head, "@page { size: A4");
	CHECK(strstr(head, "font-size: 8") == NULL);
	CHECK(strstr(head, "font-size: 7") == NULL);
	CHECK(strstr(head, "px") == NULL);
	free(head);

	/* The header. */
	CHECK_CONTAINS(html, "<h1>Internationalisering in de opleiding</h1>");
	CHECK_CONTAINS(html, "<div><dt>Opleiding</dt><dd>Verzorgende IG"
	               "</dd></div>\n");
	CHECK_CONTAINS(html, "<div><dt>Kwalificatiedossier</dt>"
	               "<dd>Verzorgende-IG (25491)</dd></div>\n");
	CHECK_CONTAINS(html, "<div><dt>Niveau</dt><dd>3, 4</dd></div>\n");
	CHECK_CONTAINS(html, "<div><dt>Regio</dt><dd>grensregio Limburg"
	               "</dd></div>\n");
	CHECK_CONTAINS(html, "<div><dt>Datum</dt><dd>29 november 2026"
	               "</dd></div>\n");
	CHECK_CONTAINS(html, "<div><dt>Vervolgoverleg</dt><dd>30 juni 2027"
	               "</dd></div>\n");
	CHECK_CONTAINS(html, "<div><dt>Deelnemers</dt><dd>Anna (voorzitter), "
	               "Bram (notulist), Carla</dd></div>\n");
	CHECK_CONTAINS(html, "De werksessie is afgerond.");
	/* The room's code is left off the printed poster. */
	CHECK(strstr(html, CODE) == NULL);

	/* The five steps, in order, each with its central question. */
	CHECK_UINT(count(html, "<section class=\"block step step-"), ==, 5);
	CHECK_CONTAINS(html, "<p class=\"question\">Wat betekent "
	               "internationalisering voor jou?</p>");
	for (step = 1; step <= STEPS_COUNT; step++) {
		char h[96];
		const char *at;

		snprintf(h, sizeof h, "<h2><span class=\"nr\">%u</span> ", step);
		at = strstr(html, h);
		CHECK(at != NULL);
		e = escaped(poster_step_name(&f.room, step));
		CHECK(strncmp(at + strlen(h), e, strlen(e)) == 0);
		free(e);
		e = escaped(poster_step_question(&f.room, step));
		CHECK(strlen(e) > 5);
		CHECK_CONTAINS(at, e);
		free(e);
		if (step > 1) {
			snprintf(h, sizeof h, "id=\"step-%u\"", step - 1);
			CHECK(strstr(html, h) < at);
		}
	}
	strbuf_free(&out);
	teardown(&f);
}

/* Without a date the header has none; without settings, no empty
 * facts. */
static void
test_bare_header(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	const char *html;

	setup(&f);
	export_html(&f.room, NULL, &out);
	CHECK(!out.failed);
	html = strbuf_str(&out);
	check_well_formed(html);
	CHECK(strstr(html, "Datum") == NULL);
	CHECK(strstr(html, "Opleiding") == NULL);
	CHECK(strstr(html, "Niveau") == NULL);
	CHECK(strstr(html, "Vervolgoverleg") == NULL);
	CHECK(strstr(html, "afgerond") == NULL);
	CHECK_UINT(count(html, "(nog geen notities)"), ==, 5);
	CHECK_CONTAINS(html, "(nog geen competenties gekozen)");
	CHECK_CONTAINS(html, "(nog geen activiteiten)");
	/* The actions' page is there, empty, so the print has its shape. */
	CHECK_CONTAINS(html, "<section class=\"actions\" id=\"actions\">");
	CHECK_UINT(count(html, "(nog geen acties)"), ==, 2);
	CHECK(strstr(html, "<table") == NULL);
	strbuf_free(&out);
	teardown(&f);
}

static void
test_escaping(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	struct owner who = { 0, "<i>Joke</i>" };
	const char *html;

	setup(&f);
	setting(&f, KEY(TITLE), "Team <b>&\"'", 0, false, 0);
	setting(&f, KEY(PROGRAMME), "Zorg & Welzijn <3", 0, false, 0);
	own_note(&f, f.bram, 2, HOSTILE);
	activity(&f, 0, NULL, "Reis naar <Gent> & 'Brugge'", false,
	         AANDESLAG__PLACE__PLACE_ABROAD, NULL);
	action(&f, 0, HOSTILE, 1, &who, 1, MODEL_NEED_TIME, "\"veel\" <tijd>",
	       0, WHEN(PERIOD), "na <de> zomer", STATUS(OPEN));
	html = render(&f, &out);
	check_well_formed(html);
	CHECK(strstr(html, "<script") == NULL);
	CHECK(strstr(html, "alert(\"x\")") == NULL);
	CHECK(strstr(html, "'y'") == NULL);
	CHECK(strstr(html, "<b>") == NULL);
	CHECK(strstr(html, "<i>") == NULL);
	CHECK(strstr(html, "<Gent>") == NULL);
	CHECK(strstr(html, "<3") == NULL);
	/* The note, and the action in its table: both as typed. */
	CHECK_UINT(count(html, HOSTILE_ESCAPED), ==, 2);
	CHECK_CONTAINS(html, "<title>Team &lt;b&gt;&amp;&quot;&#39; \xe2\x80\x94");
	CHECK_CONTAINS(html, "<h1>Team &lt;b&gt;&amp;&quot;&#39;</h1>");
	CHECK_CONTAINS(html, "<dd>Zorg &amp; Welzijn &lt;3</dd>");
	CHECK_UINT(count(html, "Reis naar &lt;Gent&gt; &amp; &#39;Brugge&#39;"),
	           ==, 2);      /* step 4, and the action's activity */
	CHECK_CONTAINS(html, "<td>&lt;i&gt;Joke&lt;/i&gt;</td>");
	CHECK_CONTAINS(html, "<td>tijd; &quot;veel&quot; &lt;tijd&gt;</td>");
	CHECK_CONTAINS(html, "<td>na &lt;de&gt; zomer</td>");
	/* One action: the poster's pointer says so in the singular. */
	CHECK_CONTAINS(html, "<p>De actie staat op de volgende bladzijde.</p>");
	strbuf_free(&out);
	teardown(&f);
}

static void
test_anonymous(void)
{
	static const char *const names[] = { "Anna", "Bram", "Carla", "Dirk" };
	struct fixture f;
	struct strbuf out = { 0 };
	const char *html;
	char *poster;
	size_t i;

	setup(&f);
	own_note(&f, f.anna, 1, "Ik werkte in Gent");
	own_note(&f, f.bram, 1, "Mijn familie woont in Turkije");
	note(&f, f.anna, 2, AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_ON_BEHALF, 0,
	     "Dirk", "Stage in Aken");
	own_note(&f, f.carla, 3, "Taal is de sleutel");
	setting(&f, KEY(ANONYMOUS), NULL, 0, true, 0);
	html = render(&f, &out);
	check_well_formed(html);
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strstr(html, names[i]) != NULL)
			CHECK_FAIL("%s named in an anonymous room:\n%s",
			           names[i], html);
	CHECK(strstr(html, "class=\"who\"") == NULL);
	CHECK(strstr(html, "voorzitter") == NULL);
	CHECK_CONTAINS(html, "<div><dt>Deelnemers</dt><dd>anoniem: de namen "
	               "staan niet op deze poster</dd></div>");
	CHECK_CONTAINS(html, "<li>Ik werkte in Gent</li>");
	CHECK_CONTAINS(html, "<li>Mijn familie woont in Turkije</li>");
	CHECK_CONTAINS(html, "<li>Stage in Aken</li>");
	CHECK_CONTAINS(html, "<li>Taal is de sleutel</li>");

	/* Who does an action stays: an action needs someone. But only in
	 * the actions' table, never on the poster. */
	action(&f, 0, "Partnerschool zoeken", 0, NULL, 0, 0, NULL, 0,
	       WHEN(NONE), NULL, STATUS(OPEN));
	claim(&f, f.bram, 1, false);
	html = render(&f, &out);
	poster = between(html, "<body>", "<section class=\"actions\"");
	CHECK(strstr(poster, "Bram") == NULL);
	CHECK_CONTAINS(strstr(html, "<section class=\"actions\""),
	               "<td>Bram</td>");
	free(poster);

	/* Not anonymous: names with the notes. */
	setting(&f, KEY(ANONYMOUS), NULL, 0, false, 0);
	html = render(&f, &out);
	CHECK_CONTAINS(html, "<li>Ik werkte in Gent <span class=\"who\">"
	               "\xe2\x80\x94 Anna</span></li>");
	CHECK_CONTAINS(html, "<li>Stage in Aken <span class=\"who\">"
	               "\xe2\x80\x94 Dirk</span></li>");
	strbuf_free(&out);
	teardown(&f);
}

static void
test_actions_page(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	const char *html, *main_end, *page;
	char *table, row[64];
	size_t i;

	setup(&f);
	session(&f, false);
	html = render(&f, &out);
	check_well_formed(html);
	/* The page break, for new and old print engines alike. */
	CHECK_CONTAINS(html, ".actions { break-before: page; "
	               "page-break-before: always; }");
	main_end = strstr(html, "</main>");
	page = strstr(html, "<section class=\"actions\" id=\"actions\">");
	CHECK(main_end != NULL && page != NULL && main_end < page);
	/* The poster says where they went. */
	CHECK_CONTAINS(html, "De 4 acties staan op de volgende bladzijde.");

	table = between(page, "<table>", "</table>");
	CHECK_CONTAINS(table, "<thead><tr><th scope=\"col\">nr</th>"
	               "<th scope=\"col\">actie</th><th scope=\"col\">wie</th>"
	               "<th scope=\"col\">nodig</th>"
	               "<th scope=\"col\">leerjaren</th>"
	               "<th scope=\"col\">wanneer</th>"
	               "<th scope=\"col\">status</th></tr></thead>");
	CHECK_UINT(count(table, "<tr><td>p"), ==, f.room.actions.n);
	CHECK_UINT(f.room.actions.n, ==, 4);
	for (i = 0; i < f.room.actions.n; i++) {
		const Aandeslag__Action *a = (const Aandeslag__Action *)
		                             f.room.actions.v[i].msg;

		snprintf(row, sizeof row, "<tr><td>p%" PRIu32 "</td><td>", a->id);
		CHECK_CONTAINS(table, row);
		check_shows(strstr(table, row), a->text);
	}
	CHECK_CONTAINS(table, "<tr><td>p1</td><td>Lesmateriaal met Engelse "
	               "bronnen zoeken<br><span class=\"sub\">activiteit: "
	               "Virtuele uitwisseling: online samenwerken met een klas "
	               "in het buitenland</span></td><td>Anna, het team, "
	               "teamleider Joke</td><td>financi\xc3\xabn, tijd; "
	               "licenties</td><td>1, 2</td><td>maart 2027</td>"
	               "<td>bezig</td></tr>");
	CHECK_CONTAINS(table, "<tr><td>p2</td><td>Partnerschool in Aken "
	               "zoeken</td><td><strong class=\"nobody\">nog niemand"
	               "</strong></td><td></td><td></td><td>periode 2</td>"
	               "<td>open</td></tr>");
	CHECK_CONTAINS(table, "<tr><td>p3</td><td>Gastles plannen<br>"
	               "<span class=\"sub\">activiteit: Stage in Aken</span>"
	               "</td><td>Bram</td><td>partners</td><td>2</td>"
	               "<td>15 april 2027</td><td>klaar</td></tr>");
	free(table);
	/* None of the actions on the poster itself. */
	table = between(html, "<main", "</main>");
	CHECK(strstr(table, "Gastles plannen") == NULL);
	free(table);
	strbuf_free(&out);
	teardown(&f);
}

/* Every text the team put on the poster is on the page. */
static void
test_nothing_dropped(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	const Aandeslag__Activity *act;
	const Aandeslag__Action *a;
	const char *html;
	char *poster, *block, marker[32];
	size_t i;

	setup(&f);
	session(&f, false);
	html = render(&f, &out);
	poster = between(html, "<main", "</main>");
	CHECK_UINT(f.room.nnotes, >=, 5);
	for (i = 0; i < f.room.nnotes; i++) {
		/* Each note in its own step's block. */
		snprintf(marker, sizeof marker, "id=\"step-%" PRIu32 "\"",
		         f.room.notes[i].step);
		block = between(poster, marker, "</section>");
		check_shows(block, f.room.notes[i].text);
		free(block);
	}
	CHECK_UINT(f.room.activities.n, ==, 2);
	for (i = 0; i < f.room.activities.n; i++) {
		act = (const Aandeslag__Activity *)f.room.activities.v[i].msg;
		check_shows(strstr(poster, "id=\"step-4\""),
		            poster_activity_name(&f.room, act));
	}
	for (i = 0; i < f.room.actions.n; i++) {
		a = (const Aandeslag__Action *)f.room.actions.v[i].msg;
		check_shows(strstr(html, "<section class=\"actions\""), a->text);
	}
	free(poster);
	strbuf_free(&out);
	teardown(&f);
}

/* A room of a workshop gets a block of what it brings back to the
 * plenary, with its findings in their order and escaped; a room on its
 * own without findings gets none. */
static void
test_findings(void)
{
	static const char *const texts[] = { "Stage <in> Gent", "Taal & cultuur" };
	struct fixture f;
	struct strbuf out = { 0 };
	struct command c;
	Aandeslag__AddFinding add;
	const char *html;
	char *block;
	size_t i;

	setup(&f);
	html = render(&f, &out);
	CHECK(strstr(html, "id=\"findings\"") == NULL);
	strbuf_free(&out);
	CHECK_INT(model_set_workshop(&f.room, "K7QM-2XPD", "Studiedag"), ==, 0);
	html = render(&f, &out);
	block = between(html, "id=\"findings\"", "</section>");
	CHECK_CONTAINS(block, "Terugkoppeling");
	CHECK_CONTAINS(block, "Nog geen bevindingen.");
	free(block);
	strbuf_free(&out);
	for (i = 0; i < 2; i++) {
		begin(&c);
		aandeslag__add_finding__init(&add);
		add.text = (char *)texts[i];
		c.cmd.op_case = AANDESLAG__COMMAND__OP_ADD_FINDING;
		c.cmd.add_finding = &add;
		execute(&f, f.bram, &c);
	}
	html = render(&f, &out);
	check_well_formed(html);
	block = between(html, "id=\"findings\"", "</section>");
	CHECK_CONTAINS(block, "<ol>\n<li>Stage &lt;in&gt; Gent</li>\n"
	               "<li>Taal &amp; cultuur</li>\n</ol>");
	free(block);
	/* On the poster, not on the actions' page. */
	block = between(html, "<main", "</main>");
	CHECK_CONTAINS(block, "id=\"findings\"");
	free(block);
	strbuf_free(&out);
	teardown(&f);
}

/* Step 3: the chosen competences under their categories, in the model's
 * order, with their dots only while the votes are open. */
static void
test_competences(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	const char *html;
	char *block;
	const char *a, *b, *c;

	setup(&f);
	session(&f, false);
	html = render(&f, &out);
	block = between(html, "id=\"step-3\"", "</section>");
	a = strstr(block, "<h4>Interculturele competenties</h4>\n"
	           "<ul class=\"chosen\">\n"
	           "<li>Open en nieuwsgierige houding <span class=\"dots\">"
	           "\xe2\x97\x8f\xe2\x97\x8f 2 stippen</span></li>\n"
	           "<li>Durven spreken in een vreemde taal "
	           "<span class=\"dots\">\xe2\x97\x8f 1 stip</span></li>\n"
	           "</ul>\n");
	b = strstr(block, "<h4>Persoonlijke ontwikkeling</h4>\n"
	           "<ul class=\"chosen\">\n"
	           "<li>Flexibiliteit en aanpassingsvermogen "
	           "<span class=\"dots\">\xe2\x97\x8f 1 stip</span></li>\n"
	           "</ul>\n");
	if (a == NULL || b == NULL || a > b)
		CHECK_FAIL("categories not as expected:\n%s", block);
	/* A category with nothing chosen has no heading. */
	CHECK(strstr(block, "Internationale ori") == NULL);
	CHECK(strstr(block, "verborgen") == NULL);
	free(block);

	/* A competence the content does not know is kept, under "Overig". */
	strcpy(f.room.marked[1], "uit-een-oud-model");
	html = render(&f, &out);
	block = between(html, "id=\"step-3\"", "</section>");
	CHECK_CONTAINS(block, "<h4>Overig</h4>\n<ul class=\"chosen\">\n"
	               "<li>uit-een-oud-model <span class=\"dots\">0 stippen"
	               "</span></li>\n</ul>\n");
	CHECK(strstr(block, "Durven spreken") == NULL);
	free(block);
	strbuf_free(&out);
	teardown(&f);

	/* Hidden votes: the competences without dots, and a word why. */
	setup(&f);
	session(&f, true);
	mark(&f, "vreemde-taal", true);
	html = render(&f, &out);
	block = between(html, "id=\"step-3\"", "</section>");
	CHECK_CONTAINS(block, "<p class=\"sub\">De stemmen zijn nog "
	               "verborgen.</p>");
	CHECK_CONTAINS(block, "<li>Durven spreken in een vreemde taal</li>");
	CHECK(strstr(block, "stip") == NULL);
	CHECK(strstr(block, "\xe2\x97\x8f") == NULL);
	c = strstr(block, "Open en nieuwsgierige");
	CHECK(c == NULL);       /* voted on, but not chosen */
	free(block);
	strbuf_free(&out);
	teardown(&f);
}

/* Step 4: "doen we al" and "nieuw" by abroad and at home. */
static void
test_activities(void)
{
	static const char *const links[] = { "flexibiliteit", NULL };
	struct fixture f;
	struct strbuf out = { 0 };
	const char *html;
	char *cell;

	setup(&f);
	session(&f, false);
	html = render(&f, &out);
	CHECK_CONTAINS(html, "<table class=\"activities\">\n<thead><tr><th>"
	               "</th><th>In het buitenland</th>\n<th>In eigen land</th>"
	               "\n</tr></thead>");
	CHECK(strstr(html, "Plaats nog open") == NULL);
	cell = activity_cell(html, "Doen we al", 0);
	CHECK_CONTAINS(cell, "<li>Stage in Aken</li>");
	free(cell);
	cell = activity_cell(html, "Doen we al", 1);
	CHECK_STR(cell, "<td>");
	free(cell);
	cell = activity_cell(html, "Nieuw", 0);
	CHECK_STR(cell, "<td>");
	free(cell);
	cell = activity_cell(html, "Nieuw", 1);
	CHECK_CONTAINS(cell, "<li>Virtuele uitwisseling: online samenwerken "
	               "met een klas in het buitenland <span class=\"sub\">"
	               "(Open en nieuwsgierige houding, Durven spreken in een "
	               "vreemde taal)</span></li>");
	free(cell);

	strbuf_free(&out);
	teardown(&f);

	/* In the team's own words without a place: a third column. */
	setup(&f);
	activity(&f, 0, NULL, "Stage in Gent", false,
	         AANDESLAG__PLACE__PLACE_ABROAD, NULL);
	activity(&f, 0, NULL, "Koken met recepten van thuis", true,
	         AANDESLAG__PLACE__PLACE_UNSET, links);
	html = render(&f, &out);
	check_well_formed(html);
	CHECK_CONTAINS(html, "<th>In eigen land</th>\n<th>Plaats nog open</th>");
	cell = activity_cell(html, "Doen we al", 2);
	CHECK_CONTAINS(cell, "<li>Koken met recepten van thuis "
	               "<span class=\"sub\">(Flexibiliteit en "
	               "aanpassingsvermogen)</span></li>");
	free(cell);
	cell = activity_cell(html, "Nieuw", 2);
	CHECK_STR(cell, "<td>");
	free(cell);
	cell = activity_cell(html, "Nieuw", 0);
	CHECK_STR(cell, "<td><ul>\n<li>Stage in Gent</li>\n</ul>");
	free(cell);
	strbuf_free(&out);
	teardown(&f);
}

CHECK_MAIN(CHECK_TEST(test_page),
           CHECK_TEST(test_findings),
           CHECK_TEST(test_bare_header),
           CHECK_TEST(test_escaping),
           CHECK_TEST(test_anonymous),
           CHECK_TEST(test_actions_page),
           CHECK_TEST(test_nothing_dropped),
           CHECK_TEST(test_competences),
           CHECK_TEST(test_activities))
