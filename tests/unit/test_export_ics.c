/* Tests of export_ics.c: which actions become events and on which days,
 * stable UIDs, escaping of texts, and lines folded at 75 octets with CRLF
 * ends and without a UTF-8 character cut in two. */
#include "check.h"
#include "fixture.h"

#include "export_ics.h"
#include "model.h"
#include "strbuf.h"
#include "utf8.h"

#include <stdbool.h>
#include <stdint.h>

#define CODE "K7QM-2XPD"
#define TITLE "Teamdag, internationalisering; 2027"
#define STAMP "20270110T083000Z"
#define UID(n) "UID:" CODE "-a" #n "@aandeslag"

/* How every file begins. */
#define HEAD "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"                        \
	"PRODID:-//aandeslag//aandeslag 0.1//NL\r\n"                        \
	"CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"                          \
	"X-WR-CALNAME:Teamdag\\, internationalisering\\; 2027\r\n"

#define TEAM AANDESLAG__OWNER_KIND__OWNER_TEAM
#define NAMED AANDESLAG__OWNER_KIND__OWNER_NAMED
#define NONE AANDESLAG__WHEN_KIND__WHEN_NONE
#define DATE AANDESLAG__WHEN_KIND__WHEN_DATE
#define MONTH AANDESLAG__WHEN_KIND__WHEN_MONTH
#define PERIOD AANDESLAG__WHEN_KIND__WHEN_PERIOD
#define NO_WHEN (-1)

/* A long Dutch text with two-byte characters (é, ë, ĳ) and a three-byte
 * one (€), and every character TEXT escapes. */
#define LONG_TEXT                                                           \
	"Wij zorgen dat \xc3\xa9\xc3\xa9n collega per opleiding de "        \
	"co\xc3\xb6rdinatie van idee\xc3\xabn voor de ri\xc4\xb3" "dag "    \
	"naar Li\xc3\xa8ge op zich neemt; budget: 500 \xe2\x82\xac, map "   \
	"\\\\server\\intern"
#define LONG_ESCAPED                                                        \
	"Wij zorgen dat \xc3\xa9\xc3\xa9n collega per opleiding de "        \
	"co\xc3\xb6rdinatie van idee\xc3\xabn voor de ri\xc4\xb3" "dag "    \
	"naar Li\xc3\xa8ge op zich neemt\\; budget: 500 \xe2\x82\xac\\, map " \
	"\\\\\\\\server\\\\intern"

static struct model_room room;

static void
setup(void)
{
	struct refusal why;

	CHECK_INT(model_init(&room, fixture_content(), CODE, TITLE, 1, &why),
	          ==, 0);
}

/* Puts an action on the poster as it is, past the model's checks, so
 * that an impossible date can be tried too. */
static void
put(uint32_t id, const char *text, int kind, const char *value)
{
	Aandeslag__Action a;
	Aandeslag__When w;
	Aandeslag__Owner o[2], *ptrs[2] = { &o[0], &o[1] };

	aandeslag__action__init(&a);
	aandeslag__when__init(&w);
	aandeslag__owner__init(&o[0]);
	aandeslag__owner__init(&o[1]);
	o[0].kind = NAMED;
	o[0].name = (char *)"Ann";
	o[1].kind = TEAM;
	a.id = id;
	a.text = (char *)text;
	a.owners = ptrs;
	a.n_owners = id % 2 ? 2 : 0;
	a.needs = id % 3 == 0 ? 5 : 0;
	if (kind != NO_WHEN) {
		w.kind = (Aandeslag__WhenKind)kind;
		w.value = (char *)value;
		a.when = &w;
	}
	CHECK_INT(items_add(&room.actions, id, &a.base), ==, 0);
}

/* Fills the room with dated, undated and impossible actions; returns
 * how many should become events. */
static size_t
fill(void)
{
	setup();
	put(1, "Gastles plannen", DATE, "2027-03-15");
	put(2, "Partners zoeken", MONTH, "2027-04");
	put(3, "In periode 2", PERIOD, "periode 2");
	put(4, "Zonder wanneer", NONE, "");
	put(5, "Geen When", NO_WHEN, NULL);
	put(6, "Geen schrikkeljaar", DATE, "2027-02-29");
	put(7, "Dertig dagen", DATE, "2026-04-31");
	put(8, "Maand dertien", DATE, "2026-13-01");
	put(9, "Oudejaarsdag", DATE, "2026-12-31");
	put(10, "Schrikkeldag", DATE, "2028-02-29");
	put(11, "Eind februari", DATE, "2027-02-28");
	put(12, "Eind april", DATE, "2027-04-30");
	put(13, "Maand nul", MONTH, "2027-00");
	put(14, "Korte datum", DATE, "2027-3-15");
	put(15, LONG_TEXT, MONTH, "2027-12");
	put(16, "Te vroeg", DATE, "1999-12-31");
	return 7;
}

/* Returns s with every fold (CRLF and a space) taken out; caller frees. */
static char *
unfold(const char *s)
{
	char *u = malloc(strlen(s) + 1), *w = u;

	CHECK(u != NULL);
	while (*s != '\0') {
		if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ')
			s += 3;
		else
			*w++ = *s++;
	}
	*w = '\0';
	return u;
}

/* Checks the shape of every physical line; returns how many were folded
 * continuation lines. */
static size_t
check_lines(const char *s, size_t len)
{
	size_t start = 0, end, folds = 0;

	CHECK(len >= 2);
	CHECK(s[len - 2] == '\r' && s[len - 1] == '\n');
	while (start < len) {
		for (end = start; end < len && s[end] != '\r' && s[end] != '\n';
		     end++)
			continue;
		/* Every line ends in CRLF; no bare CR or LF anywhere. */
		CHECK(end + 1 < len);
		CHECK(s[end] == '\r' && s[end + 1] == '\n');
		CHECK_UINT(end - start, <=, 75);
		CHECK_UINT(end - start, >, 0);
		CHECK_INT(utf8_check(s + start, end - start), ==, 0);
		if (s[start] == ' ')
			folds++;
		start = end + 2;
	}
	return folds;
}

static void
test_days(void)
{
	struct strbuf out = { 0 };
	size_t expected = fill();
	char *u;

	CHECK_UINT(export_ics(&room, STAMP, &out), ==, expected);
	CHECK(!out.failed);
	u = unfold(strbuf_str(&out));
	CHECK_CONTAINS(u, "\r\n" UID(1) "\r\nDTSTAMP:" STAMP "\r\n"
	               "DTSTART;VALUE=DATE:20270315\r\n"
	               "DTEND;VALUE=DATE:20270316\r\n"
	               "SUMMARY:Gastles plannen\r\n");
	/* A month sits on its first day. */
	CHECK_CONTAINS(u, UID(2) "\r\nDTSTAMP:" STAMP "\r\n"
	               "DTSTART;VALUE=DATE:20270401\r\n"
	               "DTEND;VALUE=DATE:20270402\r\n");
	CHECK_CONTAINS(u, "In de maand april 2027\r\n");
	CHECK_CONTAINS(u, "DTSTART;VALUE=DATE:20261231\r\n"
	               "DTEND;VALUE=DATE:20270101\r\n");
	CHECK_CONTAINS(u, "DTSTART;VALUE=DATE:20280229\r\n"
	               "DTEND;VALUE=DATE:20280301\r\n");
	CHECK_CONTAINS(u, "DTSTART;VALUE=DATE:20270228\r\n"
	               "DTEND;VALUE=DATE:20270301\r\n");
	CHECK_CONTAINS(u, "DTSTART;VALUE=DATE:20270430\r\n"
	               "DTEND;VALUE=DATE:20270501\r\n");
	CHECK_CONTAINS(u, UID(15) "\r\nDTSTAMP:" STAMP "\r\n"
	               "DTSTART;VALUE=DATE:20271201\r\n"
	               "DTEND;VALUE=DATE:20271202\r\n");
	/* Left out: a period, no when, impossible or malformed dates. */
	CHECK(strstr(u, UID(3) "\r\n") == NULL);
	CHECK(strstr(u, UID(4) "\r\n") == NULL);
	CHECK(strstr(u, UID(5) "\r\n") == NULL);
	CHECK(strstr(u, UID(6) "\r\n") == NULL);
	CHECK(strstr(u, UID(7) "\r\n") == NULL);
	CHECK(strstr(u, UID(8) "\r\n") == NULL);
	CHECK(strstr(u, UID(13) "\r\n") == NULL);
	CHECK(strstr(u, UID(14) "\r\n") == NULL);
	CHECK(strstr(u, UID(16) "\r\n") == NULL);
	CHECK(strstr(u, "periode 2") == NULL);
	CHECK(strstr(u, "Geen schrikkeljaar") == NULL);
	free(u);
	strbuf_free(&out);
	model_free(&room);
}

static void
test_calendar(void)
{
	struct strbuf out = { 0 };
	const char *s;
	size_t n = 0;

	fill();
	export_ics(&room, STAMP, &out);
	s = strbuf_str(&out);
	CHECK(strncmp(s, HEAD, strlen(HEAD)) == 0);
	CHECK(out.len > 15);
	CHECK_STR(s + out.len - 15, "END:VCALENDAR\r\n");
	/* BEGIN and END pair up, each event transparent. */
	while ((s = strstr(s, "BEGIN:VEVENT\r\n")) != NULL) {
		CHECK(strstr(s, "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n") != NULL);
		s++;
		n++;
	}
	CHECK_UINT(n, ==, 7);
	strbuf_free(&out);
	model_free(&room);
}

static void
test_description(void)
{
	struct strbuf out = { 0 };
	char *u;

	fill();
	export_ics(&room, STAMP, &out);
	u = unfold(strbuf_str(&out));
	/* Owners, needs (action 15: 15 % 3 == 0), status, room; joined
	 * with an escaped newline, and the commas of the lists escaped. */
	CHECK_CONTAINS(u, "DESCRIPTION:Wie: Ann\\, het team\\n"
	               "Nodig: financi\xc3\xabn\\, hulpmiddelen\\n"
	               "Status: open\\n"
	               "Werksessie: Teamdag\\, internationalisering\\; 2027 "
	               "(" CODE ")\\nIn de maand december 2027\r\n");
	/* Nobody yet, no needs. */
	CHECK_CONTAINS(u, "SUMMARY:Schrikkeldag\r\n"
	               "DESCRIPTION:Wie: !! nog niemand\\nStatus: open\\n"
	               "Werksessie: ");
	free(u);
	strbuf_free(&out);
	model_free(&room);
}

static void
test_folding(void)
{
	struct strbuf out = { 0 };
	size_t folds;
	char *u;

	fill();
	export_ics(&room, STAMP, &out);
	CHECK(!out.failed);
	folds = check_lines(out.data, out.len);
	CHECK_UINT(folds, >=, 3);
	u = unfold(out.data);
	CHECK_CONTAINS(u, "\r\nSUMMARY:" LONG_ESCAPED "\r\nDESCRIPTION:");
	/* Unfolded, no line is folded any more: no line starts with a
	 * space. */
	CHECK(strstr(u, "\r\n ") == NULL);
	free(u);
	strbuf_free(&out);
	model_free(&room);
}

/* A two-byte character where the 75th and 76th octets meet goes whole to
 * the next line; so does a three-byte one. */
static void
test_fold_boundary(void)
{
	char text[200];
	struct strbuf out = { 0 };
	const char *s, *e;

	setup();
	/* "SUMMARY:" is 8 octets; 66 more put "ĳ" at octets 75 and 76. */
	memset(text, 'a', 66);
	strcpy(text + 66, "\xc4\xb3" "b");
	put(1, text, DATE, "2027-01-05");
	/* 65 more put "€" at octets 74 to 76. */
	memset(text, 'c', 65);
	strcpy(text + 65, "\xe2\x82\xac" "d");
	put(2, text, DATE, "2027-01-06");
	CHECK_UINT(export_ics(&room, STAMP, &out), ==, 2);
	check_lines(out.data, out.len);
	s = strstr(out.data, "SUMMARY:aaa");
	CHECK(s != NULL);
	e = strstr(s, "\r\n");
	CHECK_UINT(e - s, ==, 74);
	CHECK(strncmp(e, "\r\n \xc4\xb3" "b\r\n", 7) == 0);
	s = strstr(out.data, "SUMMARY:ccc");
	CHECK(s != NULL);
	e = strstr(s, "\r\n");
	CHECK_UINT(e - s, ==, 73);
	CHECK(strncmp(e, "\r\n \xe2\x82\xac" "d\r\n", 8) == 0);
	strbuf_free(&out);
	model_free(&room);
}

/* A line of exactly 75 octets stays whole; one of 76 is folded, and a
 * long run of ASCII fills each continuation line to 75 with its space. */
static void
test_fold_lengths(void)
{
	char text[400];
	struct strbuf out = { 0 };
	const char *s;

	setup();
	memset(text, 'x', 67);
	text[67] = '\0';
	put(1, text, DATE, "2027-01-05");
	memset(text, 'y', 68);
	text[68] = '\0';
	put(2, text, DATE, "2027-01-06");
	memset(text, 'z', 300);
	text[300] = '\0';
	put(3, text, DATE, "2027-01-07");
	export_ics(&room, STAMP, &out);
	check_lines(out.data, out.len);
	s = strstr(out.data, "SUMMARY:xxx");
	CHECK(s != NULL && strstr(s, "\r\n") - s == 75);
	CHECK(strncmp(s + 75, "\r\nDESCRIPTION:", 14) == 0);
	s = strstr(out.data, "SUMMARY:yyy");
	CHECK(s != NULL && strstr(s, "\r\n") - s == 75);
	CHECK(strncmp(s + 75, "\r\n y\r\n", 6) == 0);
	s = strstr(out.data, "SUMMARY:zzz");
	CHECK(s != NULL);
	s = strstr(s, "\r\n ");
	CHECK(s != NULL && strstr(s + 2, "\r\n") - (s + 2) == 75);
	strbuf_free(&out);
	model_free(&room);
}

/* The same plan gives the same file, so UIDs are stable; each action
 * has its own. */
static void
test_stable(void)
{
	struct strbuf a = { 0 }, b = { 0 };
	char uid[128];
	const char *s, *e;
	size_t n = 0;

	fill();
	CHECK_UINT(export_ics(&room, STAMP, &a), ==, 7);
	CHECK_UINT(export_ics(&room, STAMP, &b), ==, 7);
	CHECK_STR(strbuf_str(&a), strbuf_str(&b));
	for (s = strstr(a.data, "\r\nUID:"); s != NULL;
	     s = strstr(s + 1, "\r\nUID:")) {
		e = strstr(s + 2, "\r\n");
		CHECK(e != NULL && (size_t)(e - s) + 2 < sizeof uid);
		/* The line with its CRLFs, so one UID is no prefix of
		 * another; it must not come again further on. */
		memcpy(uid, s, (size_t)(e - s) + 2);
		uid[e - s + 2] = '\0';
		CHECK(strstr(e, uid) == NULL);
		n++;
	}
	CHECK_UINT(n, ==, 7);
	strbuf_free(&a);
	strbuf_free(&b);
	model_free(&room);
}

static void
test_empty(void)
{
	struct strbuf out = { 0 };

	setup();
	put(1, "Ooit", PERIOD, "later");
	CHECK_UINT(export_ics(&room, STAMP, &out), ==, 0);
	CHECK(strstr(strbuf_str(&out), "BEGIN:VEVENT") == NULL);
	CHECK_CONTAINS(strbuf_str(&out), "METHOD:PUBLISH\r\n");
	CHECK(out.len > 15);
	CHECK_STR(out.data + out.len - 15, "END:VCALENDAR\r\n");
	check_lines(out.data, out.len);
	strbuf_free(&out);
	model_free(&room);
}

CHECK_MAIN(CHECK_TEST(test_days), CHECK_TEST(test_calendar),
           CHECK_TEST(test_description), CHECK_TEST(test_folding),
           CHECK_TEST(test_fold_boundary), CHECK_TEST(test_fold_lengths),
           CHECK_TEST(test_stable), CHECK_TEST(test_empty))
