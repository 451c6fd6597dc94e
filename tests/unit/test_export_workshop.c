/* Tests for the exports of a whole workshop (export_csv_workshop(),
 * export_ics_workshop(), export_md_workshop(), export_json_workshop(),
 * export_html_workshop()) and for saveas_workshop(), which writes them.
 * A study day of three groups: one that went through the whole method,
 * one with a name and an action that need escaping, and one that has
 * done nothing yet. Where a workshop's export holds a room as the room's
 * own export has it, the tests compare the two, so that the shared code
 * cannot drift apart; and an empty workshop must render validly too. */
#include "poster_fixture.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export_csv.h"
#include "export_html.h"
#include "export_ics.h"
#include "export_json.h"
#include "export_md.h"
#include "html_check.h"
#include "json_check.h"
#include "saveas.h"

#define WS_CODE "W3RK-5HQP"
#define WS_TITLE "Studiedag <mbo> & \"zo\""
#define WS_DATE "2027-03-15"
#define GROUP_2 "Techniek & <ICT>"
#define GROUP_2_HTML "Techniek &amp; &lt;ICT&gt;"
#define STAMP "20270110T083000Z"
#define DATE "2026-11-29"
#define NOW (T0 + 60000)
#define NROOMS 3

/* The room codes; the first is the fixture's own. */
static const char *const codes[NROOMS] = { CODE, "H4TR-9WMB", "P3LX-7KQZ" };
static const char *const groups[NROOMS] = { "Zorg", GROUP_2, "Economie" };

/* The study day: three rooms and the workshop's status as the server
 * sends it, with a schedule whose report back needs escaping too. */
struct day {
	struct fixture f[NROOMS];
	const struct model_room *rooms[NROOMS];
	Aandeslag__WorkshopStatus ws;
	Aandeslag__ScheduleItem items[2];
	Aandeslag__ScheduleItem *item_ptrs[2];
};

/* Adds a finding with text in the room of f, as actor. */
static void
finding(struct fixture *f, uint32_t actor, const char *text)
{
	struct command c;

	begin(&c);
	aandeslag__add_finding__init(&c.add_finding);
	c.add_finding.text = (char *)text;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_ADD_FINDING;
	c.cmd.add_finding = &c.add_finding;
	execute(f, actor, &c);
}

static void
day_setup(struct day *d)
{
	struct fixture *f;
	size_t i;

	memset(d, 0, sizeof *d);
	for (i = 0; i < NROOMS; i++) {
		f = &d->f[i];
		setup_room(f, codes[i], groups[i]);
		CHECK_INT(model_set_workshop(&f->room, WS_CODE, WS_TITLE), ==, 0);
		d->rooms[i] = &f->room;
	}
	/* Zorg: the whole method, with two findings. */
	session(&d->f[0], false);
	finding(&d->f[0], d->f[0].bram, "Stage <in> Gent");
	finding(&d->f[0], d->f[0].carla, "Taal & cultuur");
	/* Techniek: an action Excel would run as a formula, one in a month
	 * and one without a date; the ids are the same as Zorg's. */
	f = &d->f[1];
	action(f, 0, "=HYPERLINK(\"http://x\")", 0, NULL, 0, 0, NULL, 0,
	       WHEN(DATE), "2027-05-01", STATUS(OPEN));
	action(f, 0, "Excursie naar Gent", 0, NULL, 0, 0, NULL, 0,
	       WHEN(MONTH), "2027-06", STATUS(OPEN));
	action(f, 0, "Nog eens praten", 0, NULL, 0, 0, NULL, 0,
	       WHEN(NONE), NULL, STATUS(OPEN));
	finding(f, f->anna, "Samen met het bedrijfsleven");

	aandeslag__workshop_status__init(&d->ws);
	d->ws.code = (char *)WS_CODE;
	d->ws.title = (char *)WS_TITLE;
	d->ws.date = (char *)WS_DATE;
	d->ws.announcement = (char *)"Om 12:30 lunch";
	for (i = 0; i < 2; i++) {
		aandeslag__schedule_item__init(&d->items[i]);
		d->item_ptrs[i] = &d->items[i];
	}
	d->items[0].time = (char *)"09:00";
	d->items[0].label = (char *)"Welkom";
	d->items[1].time = (char *)"15:00";
	d->items[1].label = (char *)"Terugkoppeling <plenair>";
	d->items[1].report_back = true;
	d->ws.schedule = d->item_ptrs;
	d->ws.n_schedule = 2;
}

static void
day_teardown(struct day *d)
{
	size_t i;

	for (i = 0; i < NROOMS; i++)
		teardown(&d->f[i]);
}

/* A workshop without rooms, date, schedule or announcement. */
static void
empty_status(Aandeslag__WorkshopStatus *ws)
{
	aandeslag__workshop_status__init(ws);
	ws->code = (char *)WS_CODE;
	ws->title = (char *)WS_TITLE;
}

/* Returns the number of lines of text that start with prefix. */
static size_t
lines_starting(const char *text, const char *prefix)
{
	size_t n = 0, len = strlen(prefix);
	const char *p = text;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, prefix, len) == 0)
			n++;
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return n;
}

/* ------------------------------------------------------------------ CSV */

#define CSV_HEADER "\"groep\";\"nr\";\"actie\";\"wie\";\"nodig\";" \
	"\"leerjaren\";\"wanneer\";\"status\";\"activiteit\"\r\n"

static void
test_csv(void)
{
	struct day d;
	struct strbuf out = { 0 }, one = { 0 }, row = { 0 };
	const char *csv, *p, *end, *zorg, *techniek;
	size_t i, rows = 0;

	day_setup(&d);
	export_csv_workshop(d.rooms, NROOMS, &out);
	CHECK(!out.failed);
	csv = strbuf_str(&out);
	CHECK(strncmp(csv, "\xef\xbb\xbf" CSV_HEADER,
	              3 + strlen(CSV_HEADER)) == 0);
	/* Every row of each room's own table, with its group before it. */
	for (i = 0; i < NROOMS; i++) {
		strbuf_free(&one);
		export_csv(d.rooms[i], &one);
		p = strstr(strbuf_str(&one), "\r\n") + 2;
		for (; (end = strstr(p, "\r\n")) != NULL; p = end + 2) {
			strbuf_free(&row);
			strbuf_printf(&row, "\r\n\"%s\";%.*s\r\n", groups[i],
			              (int)(end - p), p);
			CHECK_CONTAINS(csv, strbuf_str(&row));
			rows++;
		}
	}
	CHECK_UINT(rows, ==, 4 + 3);
	CHECK_UINT(lines_starting(csv, "\""), ==, rows);
	/* The guard against formulas, and the groups in their order. */
	CHECK_CONTAINS(csv, "\r\n\"" GROUP_2 "\";\"p1\";"
	               "\"'=HYPERLINK(\"\"http://x\"\")\";");
	zorg = strstr(csv, "\r\n\"Zorg\";\"p1\"");
	techniek = strstr(csv, "\r\n\"" GROUP_2 "\";\"p1\"");
	CHECK(zorg != NULL && techniek != NULL && zorg < techniek);
	CHECK(strstr(csv, "\"Economie\"") == NULL);
	/* CRLF only. */
	for (p = csv; (p = strchr(p, '\n')) != NULL; p++)
		CHECK(p[-1] == '\r');
	strbuf_free(&out);

	/* A group whose name looks like a formula is guarded too. */
	free(d.f[1].room.title);
	d.f[1].room.title = strdup("=Techniek");
	CHECK(d.f[1].room.title != NULL);
	export_csv_workshop(d.rooms, NROOMS, &out);
	CHECK_CONTAINS(strbuf_str(&out), "\r\n\"'=Techniek\";\"p1\";");
	strbuf_free(&out);

	/* No rooms: the header alone. */
	export_csv_workshop(NULL, 0, &out);
	CHECK(!out.failed);
	CHECK_STR(strbuf_str(&out), "\xef\xbb\xbf" CSV_HEADER);
	strbuf_free(&out);
	strbuf_free(&one);
	strbuf_free(&row);
	day_teardown(&d);
}

/* ------------------------------------------------------------ iCalendar */

/* Copies the value of the n-th line starting with "UID:" into buf. */
static const char *
uid(const char *ics, size_t n, char *buf, size_t size)
{
	const char *p = ics, *end;

	for (;;) {
		p = strstr(p, "\r\nUID:");
		CHECK(p != NULL);
		p += 6;
		if (n-- == 0)
			break;
	}
	end = strstr(p, "\r\n");
	CHECK(end != NULL && (size_t)(end - p) < size);
	memcpy(buf, p, (size_t)(end - p));
	buf[end - p] = '\0';
	return buf;
}

/* Returns ics with its folded lines joined again (RFC 5545 3.1), to
 * free. */
static char *
unfold(const char *ics)
{
	struct strbuf b = { 0 };
	const char *p, *fold;

	for (p = ics; (fold = strstr(p, "\r\n ")) != NULL; p = fold + 3)
		strbuf_add(&b, p, (size_t)(fold - p));
	strbuf_puts(&b, p);
	CHECK(!b.failed);
	return b.data;
}

static void
test_ics(void)
{
	struct day d;
	struct strbuf out = { 0 }, one = { 0 };
	char *whole;
	char a[128], b[128], line[160];
	const char *ics, *p;
	size_t count, each = 0, i, j;

	day_setup(&d);
	count = export_ics_workshop(WS_TITLE, d.rooms, NROOMS, STAMP, &out);
	CHECK(!out.failed);
	ics = strbuf_str(&out);
	/* Zorg has two months and a date, Techniek a date and a month. */
	CHECK_UINT(count, ==, 5);
	CHECK_UINT(lines_starting(ics, "BEGIN:VEVENT\r"), ==, count);
	CHECK_UINT(lines_starting(ics, "END:VEVENT\r"), ==, count);
	CHECK_UINT(lines_starting(ics, "BEGIN:VCALENDAR\r"), ==, 1);
	CHECK(strncmp(ics, "BEGIN:VCALENDAR\r\n", 17) == 0);
	CHECK(strcmp(ics + out.len - 15, "END:VCALENDAR\r\n") == 0);
	/* The workshop names the calendar, as RFC 5545 escapes it. */
	CHECK_CONTAINS(ics, "\r\nX-WR-CALNAME:Studiedag <mbo> & \"zo\"\r\n");
	/* Each event says its group first; the description names the room. */
	CHECK_CONTAINS(ics, "\r\nSUMMARY:Zorg: Gastles plannen\r\n");
	CHECK_CONTAINS(ics, "\r\nSUMMARY:" GROUP_2 ": Excursie naar Gent\r\n");
	whole = unfold(ics);
	CHECK_CONTAINS(whole, "\\nWerksessie: " GROUP_2 " (H4TR-9WMB)\\n");
	free(whole);
	/* UIDs: unique across the rooms, though the action ids are not, and
	 * the same as in each room's own calendar. */
	for (i = 0; i < count; i++)
		for (j = i + 1; j < count; j++)
			if (strcmp(uid(ics, i, a, sizeof a),
			           uid(ics, j, b, sizeof b)) == 0)
				CHECK_FAIL("UID %s twice", a);
	CHECK_CONTAINS(ics, "\r\nUID:" CODE "-a1@aandeslag\r\n");
	CHECK_CONTAINS(ics, "\r\nUID:H4TR-9WMB-a1@aandeslag\r\n");
	for (i = 0; i < NROOMS; i++) {
		strbuf_free(&one);
		each += export_ics(d.rooms[i], STAMP, &one);
		for (p = strbuf_str(&one); (p = strstr(p, "\r\nUID:")) != NULL;
		     p += 2) {
			snprintf(line, sizeof line, "%.*s",
			         (int)(strstr(p + 2, "\r\n") - p), p);
			CHECK_CONTAINS(ics, line);
		}
	}
	CHECK_UINT(each, ==, count);
	for (p = ics; (p = strchr(p, '\n')) != NULL; p++)
		CHECK(p[-1] == '\r');
	strbuf_free(&out);

	/* No rooms: a valid calendar without events. */
	CHECK_UINT(export_ics_workshop(WS_TITLE, NULL, 0, STAMP, &out), ==, 0);
	CHECK(!out.failed);
	CHECK_STR(strbuf_str(&out), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	          "PRODID:-//aandeslag//aandeslag 0.1//NL\r\n"
	          "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"
	          "X-WR-CALNAME:Studiedag <mbo> & \"zo\"\r\n"
	          "END:VCALENDAR\r\n");
	strbuf_free(&out);
	strbuf_free(&one);
	day_teardown(&d);
}

/* ------------------------------------------------------------- Markdown */

/* Appends to out room's own Markdown as a workshop must hold it: every
 * heading one level down and the line naming the workshop left out. */
static void
demoted(const struct model_room *room, struct strbuf *out)
{
	struct strbuf md = { 0 };
	const char *p, *end;

	export_md(room, &md);
	for (p = strbuf_str(&md); *p != '\0'; p = end + 1) {
		end = strchr(p, '\n');
		CHECK(end != NULL);
		if (strncmp(p, "- Studiedag: ", 13) == 0)
			continue;
		if (*p == '#')
			strbuf_puts(out, "#");
		strbuf_add(out, p, (size_t)(end - p + 1));
	}
	CHECK(!md.failed && !out->failed);
	strbuf_free(&md);
}

#define MD_HEAD "# Studiedag &lt;mbo\\> &amp; \"zo\"\n\n- Code: W3RK\\-5HQP\n" \
	"- Datum: 15 maart 2027\n"

static void
test_md(void)
{
	struct day d;
	Aandeslag__WorkshopStatus ws;
	struct strbuf out = { 0 }, room = { 0 };
	const char *md, *prev;
	size_t i;

	day_setup(&d);
	export_md_workshop(&d.ws, d.rooms, NROOMS, &out);
	CHECK(!out.failed);
	md = strbuf_str(&out);
	CHECK_CONTAINS(md, "- Groepen: 3\n\n## Rooster\n\n- 09:00 Welkom\n"
	               "- 15:00 Terugkoppeling &lt;plenair\\> "
	               "\\(terugkoppeling\\)\n\n## Overzicht\n\n"
	               "### Zorg\n\n1. Stage &lt;in\\> Gent\n"
	               "2. Taal &amp; cultuur\n\n"
	               "### Techniek &amp; &lt;ICT\\>\n\n"
	               "1. Samen met het bedrijfsleven\n\n"
	               "### Economie\n\n\\(nog geen bevindingen\\)\n\n");
	CHECK(strncmp(md, MD_HEAD, strlen(MD_HEAD)) == 0);
	/* One top heading; every poster, whole, one level down, in order. */
	CHECK_UINT(lines_starting(md, "# "), ==, 1);
	CHECK_UINT(lines_starting(md, "## Stap "), ==, 0);
	CHECK_UINT(lines_starting(md, "### Stap "), ==, 5 * NROOMS);
	CHECK_UINT(lines_starting(md, "- Studiedag"), ==, 0);
	prev = strstr(md, "## Overzicht");
	for (i = 0; i < NROOMS; i++) {
		strbuf_free(&room);
		demoted(d.rooms[i], &room);
		CHECK_CONTAINS(md, strbuf_str(&room));
		CHECK(strstr(md, strbuf_str(&room)) > prev);
		prev = strstr(md, strbuf_str(&room));
	}
	CHECK_CONTAINS(md, "\n## Techniek &amp; &lt;ICT\\>\n\n- Code: H4TR");
	CHECK_CONTAINS(md, "\n### Terugkoppeling\n\n1. Stage &lt;in\\> Gent\n");
	strbuf_free(&out);

	/* No rooms, no date, no schedule. */
	empty_status(&ws);
	export_md_workshop(&ws, NULL, 0, &out);
	CHECK(!out.failed);
	CHECK_STR(strbuf_str(&out), "# Studiedag &lt;mbo\\> &amp; \"zo\"\n\n"
	          "- Code: W3RK\\-5HQP\n- Groepen: 0\n\n## Overzicht\n\n"
	          "\\(nog geen groepen\\)\n");
	strbuf_free(&out);
	strbuf_free(&room);
	day_teardown(&d);
}

/* ----------------------------------------------------------------- JSON */

#define JSON_HEAD "{\"format\":\"aandeslag-workshop\",\"version\":1," \
	"\"code\":\"W3RK-5HQP\",\"title\":\"Studiedag <mbo> & \\\"zo\\\"\","

static void
test_json(void)
{
	struct day d;
	Aandeslag__WorkshopStatus ws;
	struct strbuf out = { 0 }, want = { 0 }, one = { 0 };
	size_t i;

	day_setup(&d);
	export_json_workshop(&d.ws, d.rooms, NROOMS, NOW, &out);
	CHECK(!out.failed);
	check_json(strbuf_str(&out));
	/* The whole text: the workshop's fields, then each room exactly as
	 * its own export writes it, but for that file's final newline. */
	strbuf_puts(&want, JSON_HEAD "\"date\":\"2027-03-15\",\"schedule\":["
	            "{\"time\":\"09:00\",\"label\":\"Welkom\","
	            "\"report_back\":false},{\"time\":\"15:00\",\"label\":"
	            "\"Terugkoppeling <plenair>\",\"report_back\":true}],"
	            "\"announcement\":\"Om 12:30 lunch\",\"rooms\":[");
	for (i = 0; i < NROOMS; i++) {
		strbuf_free(&one);
		export_json(d.rooms[i], NOW, &one);
		CHECK(one.len > 2 && one.data[one.len - 1] == '\n');
		if (i > 0)
			strbuf_puts(&want, ",");
		strbuf_add(&want, one.data, one.len - 1);
	}
	strbuf_puts(&want, "]}\n");
	CHECK(!want.failed);
	CHECK_STR(strbuf_str(&out), strbuf_str(&want));
	CHECK(strstr(strbuf_str(&out), "token") == NULL);
	strbuf_free(&out);

	/* No rooms: nulls where the workshop has nothing. */
	empty_status(&ws);
	export_json_workshop(&ws, NULL, 0, NOW, &out);
	CHECK(!out.failed);
	check_json(strbuf_str(&out));
	CHECK_STR(strbuf_str(&out), JSON_HEAD "\"date\":null,\"schedule\":[],"
	          "\"announcement\":null,\"rooms\":[]}\n");
	strbuf_free(&out);
	strbuf_free(&want);
	strbuf_free(&one);
	day_teardown(&d);
}

/* ----------------------------------------------------------------- HTML */

#define HTML_TAIL "</article>\n</main>\n</body>\n</html>\n"

/* Checks that no id="..." occurs twice in html. */
static void
check_ids_unique(const char *html)
{
	const char *p, *q, *end;
	size_t len;

	for (p = html; (p = strstr(p, " id=\"")) != NULL; p = end) {
		p += 5;
		end = strchr(p, '"');
		CHECK(end != NULL);
		len = (size_t)(end - p);
		for (q = end; (q = strstr(q, " id=\"")) != NULL; q++)
			if (strncmp(q + 5, p, len) == 0 && q[5 + len] == '"')
				CHECK_FAIL("id \"%.*s\" twice", (int)len, p);
	}
}

/* Replaces every from in s by to. */
static void
replace_all(struct strbuf *s, const char *from, const char *to)
{
	struct strbuf r = { 0 };
	const char *p = strbuf_str(s), *hit;

	while ((hit = strstr(p, from)) != NULL) {
		strbuf_add(&r, p, (size_t)(hit - p));
		strbuf_puts(&r, to);
		p = hit + strlen(from);
	}
	strbuf_puts(&r, p);
	CHECK(!r.failed);
	strbuf_free(s);
	*s = r;
}

static void
test_html(void)
{
	struct day d;
	Aandeslag__WorkshopStatus ws;
	struct strbuf out = { 0 }, room = { 0 }, one = { 0 };
	char prefix[32], *cover, *part;
	const char *html, *p;
	size_t i;

	day_setup(&d);
	export_html_workshop(&d.ws, d.rooms, NROOMS, DATE, &out);
	CHECK(!out.failed);
	html = strbuf_str(&out);
	check_well_formed(html);
	check_ids_unique(html);
	CHECK_CONTAINS(html, "<title>Studiedag &lt;mbo&gt; &amp; &quot;zo&quot; "
	               "\xe2\x80\x94 Aan de slag met internationalisering"
	               "</title>\n");
	CHECK_CONTAINS(html, "<h1>Studiedag &lt;mbo&gt; &amp; &quot;zo&quot;"
	               "</h1>\n");
	CHECK(strstr(html, "<ICT>") == NULL && strstr(html, "<mbo>") == NULL);
	CHECK_UINT(count(html, "<main"), ==, 1);
	/* Neither the workshop's code nor a room's is printed. */
	CHECK(strstr(html, WS_CODE) == NULL);
	for (i = 0; i < NROOMS; i++)
		CHECK(strstr(html, codes[i]) == NULL);

	/* The cover: the study day's date, the schedule, each group's
	 * findings, linked to its poster. */
	cover = between(html, "<header class=\"top\">", "<article");
	CHECK_CONTAINS(cover, "<dt>Datum</dt><dd>15 maart 2027</dd>");
	CHECK_CONTAINS(cover, "<dt>Groepen</dt><dd>3</dd>");
	CHECK_CONTAINS(cover, "<tr><td>09:00</td><td>Welkom</td></tr>\n"
	               "<tr class=\"report-back\"><td>15:00</td><td>"
	               "Terugkoppeling &lt;plenair&gt; (terugkoppeling)"
	               "</td></tr>\n");
	CHECK_CONTAINS(cover, "<h3><a href=\"#g1\">Zorg</a></h3>\n<ol>\n"
	               "<li>Stage &lt;in&gt; Gent</li>\n"
	               "<li>Taal &amp; cultuur</li>\n</ol>\n");
	CHECK_CONTAINS(cover, "<h3><a href=\"#g2\">" GROUP_2_HTML "</a></h3>\n"
	               "<ol>\n<li>Samen met het bedrijfsleven</li>\n</ol>\n");
	CHECK_CONTAINS(cover, "<h3><a href=\"#g3\">Economie</a></h3>\n"
	               "<p class=\"empty\">Nog geen bevindingen.</p>\n");
	free(cover);

	/* Each room on a new printed page, and inside it the room's own page
	 * as export_html() makes it (dated the study day), but for the ids
	 * and the poster's element. */
	CHECK_CONTAINS(html, ".room { break-before: page; "
	               "page-break-before: always; }\n");
	CHECK_UINT(count(html, "<article class=\"room\""), ==, NROOMS);
	CHECK_UINT(count(html, "<section class=\"actions\""), ==, NROOMS);
	for (i = 0, p = html; i < NROOMS; i++) {
		snprintf(prefix, sizeof prefix, "<article class=\"room\" "
		         "id=\"g%zu\">\n", i + 1);
		CHECK(strstr(html, prefix) > p);
		p = strstr(html, prefix);
		part = between(p, prefix, "</article>");
		strbuf_free(&room);
		strbuf_puts(&room, part + strlen(prefix));
		free(part);
		snprintf(prefix, sizeof prefix, " id=\"g%zu-", i + 1);
		replace_all(&room, prefix, " id=\"");
		replace_all(&room, "<div class=\"poster\">",
		            "<main class=\"poster\">");
		replace_all(&room, "</div>\n<section class=\"actions\"",
		            "</main>\n<section class=\"actions\"");
		strbuf_free(&one);
		export_html(d.rooms[i], WS_DATE, &one);
		CHECK_CONTAINS(strbuf_str(&one), strbuf_str(&room));
		CHECK(strncmp(strstr(strbuf_str(&one), "<body>\n") + 7,
		              strbuf_str(&room), room.len) == 0);
	}
	CHECK_CONTAINS(html, "<h1>" GROUP_2_HTML "</h1>\n");
	CHECK(out.len > strlen(HTML_TAIL) &&
	      strcmp(html + out.len - strlen(HTML_TAIL), HTML_TAIL) == 0);
	strbuf_free(&out);

	/* No rooms, no date of its own: the day the page is made. */
	empty_status(&ws);
	export_html_workshop(&ws, NULL, 0, DATE, &out);
	CHECK(!out.failed);
	html = strbuf_str(&out);
	check_well_formed(html);
	CHECK_CONTAINS(html, "<dt>Datum</dt><dd>29 november 2026</dd>");
	CHECK_CONTAINS(html, "<dt>Groepen</dt><dd>0</dd>");
	CHECK_CONTAINS(html, "<p class=\"empty\">(nog geen groepen)</p>\n");
	CHECK(strstr(html, "<article") == NULL);
	CHECK(strstr(html, "Rooster") == NULL);
	strbuf_free(&out);
	strbuf_free(&room);
	strbuf_free(&one);
	day_teardown(&d);
}

/* --------------------------------------------------------------- saveas */

/* Returns the contents of the file at path, to free; NULL if absent. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct strbuf b = { 0 };
	char chunk[4096];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		strbuf_add(&b, chunk, n);
	fclose(f);
	CHECK(!b.failed);
	return b.data != NULL ? b.data : strdup("");
}

/* Writes the first n rooms of the day as format to dir/name, checks the
 * message (before, the path, then after) and the file against want
 * (NULL: not compared); returns the file's contents, to free. */
static char *
save(struct day *d, size_t n, enum wscmd_export format, const char *dir,
     const char *name, const char *before, const char *after,
     const char *want)
{
	char path[512], tmp[520], expect[1024], msg[1024];
	char *got;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	CHECK_INT(saveas_workshop(&d->ws, d->rooms, n, format, path, NOW, msg,
	                          sizeof msg), ==, 0);
	snprintf(expect, sizeof expect, "%s%s%s", before, path, after);
	CHECK_STR(msg, expect);
	got = slurp(path);
	CHECK(got != NULL);
	if (want != NULL)
		CHECK_STR(got, want);
	/* Written through a temporary file that is gone. */
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	CHECK(access(tmp, F_OK) != 0);
	CHECK_INT(unlink(path), ==, 0);
	return got;
}

static void
test_saveas(void)
{
	struct day d;
	struct strbuf want = { 0 };
	char dir[] = "/tmp/aandeslag-wsexport-XXXXXX", path[512], msg[1024];
	char *got;

	day_setup(&d);
	CHECK(mkdtemp(dir) != NULL);

	export_csv_workshop(d.rooms, NROOMS, &want);
	free(save(&d, NROOMS, WSCMD_EXPORT_CSV, dir, "acties.csv",
	          "7 acties van alle groepen naar ",
	          " geschreven (voor Excel).",
	          strbuf_str(&want)));
	strbuf_free(&want);
	export_md_workshop(&d.ws, d.rooms, NROOMS, &want);
	free(save(&d, NROOMS, WSCMD_EXPORT_MD, dir, "dag.md",
	          "3 groepen naar ", " geschreven.", strbuf_str(&want)));
	strbuf_free(&want);
	export_json_workshop(&d.ws, d.rooms, NROOMS, NOW, &want);
	free(save(&d, NROOMS, WSCMD_EXPORT_JSON, dir, "dag.json",
	          "3 groepen naar ", " geschreven.", strbuf_str(&want)));
	strbuf_free(&want);
	/* The study day has a date, so the page does not depend on today. */
	export_html_workshop(&d.ws, d.rooms, 1, DATE, &want);
	free(save(&d, 1, WSCMD_EXPORT_HTML, dir, "dag.html",
	          "1 groep naar ", " geschreven.", strbuf_str(&want)));
	strbuf_free(&want);
	/* The calendar's stamp is the wall clock's: compared in parts. */
	got = save(&d, NROOMS, WSCMD_EXPORT_ICS, dir, "dag.ics",
	           "5 acties met een datum of maand van alle groepen naar ",
	           " geschreven (voor de agenda).", NULL);
	CHECK(strncmp(got, "BEGIN:VCALENDAR\r\n", 17) == 0);
	CHECK_UINT(lines_starting(got, "BEGIN:VEVENT\r"), ==, 5);
	CHECK_CONTAINS(got, "\r\nSUMMARY:Zorg: Gastles plannen\r\n");
	free(got);

	/* A directory that is not there: the reason, and nothing written. */
	snprintf(path, sizeof path, "%s/weg/dag.md", dir);
	CHECK_INT(saveas_workshop(&d.ws, d.rooms, NROOMS, WSCMD_EXPORT_MD,
	                          path, NOW, msg, sizeof msg), ==, -ENOENT);
	CHECK(strncmp(msg, "Kon ", 4) == 0);
	CHECK_CONTAINS(msg, path);
	CHECK_INT(rmdir(dir), ==, 0);
	day_teardown(&d);
}

CHECK_MAIN(CHECK_TEST(test_csv),
           CHECK_TEST(test_ics),
           CHECK_TEST(test_md),
           CHECK_TEST(test_json),
           CHECK_TEST(test_html),
           CHECK_TEST(test_saveas))
