/* Tests for plan.c and yamlfile.c: the example study day read into the
 * CreateWorkshop request field by field, the quick plan of
 * --new-workshop, and every mistake a plan file can hold, each reported
 * with its exact line. The files are written into a fresh directory
 * under /tmp, which each test removes again. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <sys/stat.h>

#include "check.h"
#include "plan.h"

#ifndef SOURCE_DIR
#define SOURCE_DIR "."
#endif

#define EXAMPLE SOURCE_DIR "/data/studiedag-voorbeeld.yaml"

/* The directory of the current test and the files written into it. */
static char dir[] = "/tmp/aandeslag-plan-XXXXXX";
static char written[8][1100];
static size_t n_written;

static void
tmp_begin(void)
{
	CHECK(mkdtemp(dir) != NULL);
}

static void
tmp_end(void)
{
	size_t i;

	for (i = 0; i < n_written; i++)
		CHECK_INT(unlink(written[i]), ==, 0);
	CHECK_INT(rmdir(dir), ==, 0);
}

/* Writes len bytes of text as file name in the test's directory and
 * returns its path (valid until the test ends). */
static const char *
put(const char *name, const char *text, size_t len)
{
	char *path;
	size_t i;
	FILE *f;

	for (i = 0; i < n_written; i++)
		if (strcmp(strrchr(written[i], '/') + 1, name) == 0)
			break;
	CHECK(i < sizeof written / sizeof written[0]);
	path = written[i];
	snprintf(path, sizeof written[0], "%s/%s", dir, name);
	if (i == n_written)
		n_written++;
	f = fopen(path, "wb");
	CHECK(f != NULL);
	CHECK_UINT(fwrite(text, 1, len, f), ==, len);
	CHECK_INT(fclose(f), ==, 0);
	return path;
}

/* Appends formatted text to the plan being built in text (size bytes,
 * *n of them used so far). */
static void add(char *text, size_t size, size_t *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
add(char *text, size_t size, size_t *n, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(text + *n, size - *n, fmt, ap);
	va_end(ap);
	CHECK(len >= 0 && (size_t)len < size - *n);
	*n += (size_t)len;
}

/* Checks that plan_load() refuses text (the first len bytes; 0: all of
 * it) at line, with a reason that contains phrase, and leaves the plan
 * empty. */
static void
refused_n(const char *text, size_t len, unsigned line, const char *phrase)
{
	char err[PLAN_ERROR_SIZE], prefix[1200];
	const char *path;
	struct plan p;

	path = put("plan.yaml", text, len ? len : strlen(text));
	memset(&p, 0xa5, sizeof p);
	CHECK_INT(plan_load(path, &p, err), ==, -EINVAL);
	CHECK(p.store == NULL);
	CHECK_UINT(p.msg.n_rooms, ==, 0);
	snprintf(prefix, sizeof prefix, "%s:%u: ", path, line);
	if (strncmp(err, prefix, strlen(prefix)) != 0)
		CHECK_FAIL("for:\n%s\nexpected \"%s...\", got \"%s\"", text,
		           prefix, err);
	if (strstr(err, phrase) == NULL)
		CHECK_FAIL("for:\n%s\nexpected \"%s\" in \"%s\"", text, phrase,
		           err);
	plan_free(&p); /* harmless on an empty plan */
}

static void
refused(const char *text, unsigned line, const char *phrase)
{
	refused_n(text, 0, line, phrase);
}

/* Loads text, which must be a good plan, into p. */
static void
accepted(const char *text, struct plan *p)
{
	char err[PLAN_ERROR_SIZE] = "";
	int rc;

	rc = plan_load(put("plan.yaml", text, strlen(text)), p, err);
	if (rc != 0)
		CHECK_FAIL("for:\n%s\ngot %d: %s", text, rc, err);
}

/* Packs the request and reads it back, as the server will: every
 * pointer array must be in place for this to give the same fields. */
static Aandeslag__CreateWorkshop *
round_trip(const Aandeslag__CreateWorkshop *m)
{
	Aandeslag__CreateWorkshop *back;
	uint8_t *buf;
	size_t len;

	len = aandeslag__create_workshop__get_packed_size(m);
	buf = malloc(len ? len : 1);
	CHECK(buf != NULL);
	CHECK_UINT(aandeslag__create_workshop__pack(m, buf), ==, len);
	back = aandeslag__create_workshop__unpack(NULL, len, buf);
	free(buf);
	CHECK(back != NULL);
	return back;
}

static void
check_room(const Aandeslag__RoomPlan *r, const char *name,
           const char *programme, const char *qualification,
           const char *levels, const char *minutes)
{
	char got[64] = "";
	size_t i;

	CHECK_STR(r->name, name);
	CHECK_STR(r->programme, programme);
	CHECK_STR(r->qualification, qualification);
	for (i = 0; i < r->n_levels; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%u",
		         i ? "," : "", (unsigned)r->levels[i]);
	CHECK_STR(got, levels);
	got[0] = '\0';
	for (i = 0; i < r->n_step_minutes; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%u",
		         i ? "," : "", (unsigned)r->step_minutes[i]);
	CHECK_STR(got, minutes);
}

/* Checks every field the example file gives; request_id, name and
 * content_hash are the caller's. */
static void
check_example(const Aandeslag__CreateWorkshop *m)
{
	static const char *const assigned[][2] = {
		{ "Anna de Vries", "Zorg" }, { "Fatima El Amrani", "Zorg" },
		{ "Joost Bakker", "Zorg" }, { "Bram Jansen", "Techniek" },
		{ "Sanne Visser", "Techniek" },
		{ "Mehmet Yılmaz", "Techniek" },
		{ "Lotte Smit", "Commercie" }, { "Daan Mulder", "Commercie" },
		{ "Esra Demir", "Keuken" }, { "Kees van Dijk", "Keuken" },
		{ "Priya Ramdin", "ICT" }, { "Ruben de Boer", "ICT" },
	};
	static const char *const schedule[][2] = {
		{ "08:45", "Inloop met koffie" },
		{ "09:15", "Welkom en uitleg van de werkvorm (aula)" },
		{ "09:30", "In de groepen: stap 1 Betekenis en stap 2 "
		           "Relevantie" },
		{ "10:20", "Pauze" },
		{ "10:35", "In de groepen: stap 3 Competenties en stap 4 "
		           "Activiteiten" },
		{ "11:35", "In de groepen: stap 5 Aan de slag" },
		{ "12:15", "Lunch" },
		{ "13:00", "Terugkoppeling per groep (aula)" },
		{ "13:45", "Afspraken voor het vervolg en afsluiting" },
	};
	size_t i;

	CHECK_STR(m->title, "Studiedag internationalisering");
	CHECK_STR(m->date, "2027-03-11");
	CHECK_UINT(m->report_minutes, ==, 5);
	CHECK_UINT(m->n_rooms, ==, 5);
	check_room(m->rooms[0], "Zorg", "Verzorgende IG", "Verzorgende-IG",
	           "3", "20,30,30,30,40");
	check_room(m->rooms[1], "Techniek",
	           "Eerste monteur elektrotechnische installaties",
	           "Elektrotechnische installaties in de gebouwde omgeving",
	           "2,3,4", "");
	check_room(m->rooms[2], "Commercie",
	           "Commercieel medewerker en Ondernemer retail", "Commercie",
	           "3,4", "");
	check_room(m->rooms[3], "Keuken", "Kok en Zelfstandig werkend kok",
	           "Keuken", "2,3", "");
	check_room(m->rooms[4], "ICT", "Software developer",
	           "Software development", "4", "");
	CHECK_UINT(m->n_assignments, ==, sizeof assigned / sizeof assigned[0]);
	for (i = 0; i < m->n_assignments; i++) {
		CHECK_STR(m->assignments[i]->name, assigned[i][0]);
		CHECK_STR(m->assignments[i]->room, assigned[i][1]);
	}
	CHECK_UINT(m->n_schedule, ==, sizeof schedule / sizeof schedule[0]);
	for (i = 0; i < m->n_schedule; i++) {
		CHECK_STR(m->schedule[i]->time, schedule[i][0]);
		CHECK_STR(m->schedule[i]->label, schedule[i][1]);
		CHECK_INT(m->schedule[i]->report_back, ==, i == 7);
	}
}

static void
test_example(void)
{
	Aandeslag__CreateWorkshop *back;
	char err[PLAN_ERROR_SIZE] = "";
	struct plan p;
	int rc;

	rc = plan_load(EXAMPLE, &p, err);
	if (rc != 0)
		CHECK_FAIL("%s: %d %s", EXAMPLE, rc, err);
	check_example(&p.msg);
	CHECK_UINT(p.msg.request_id, ==, 0);
	CHECK_STR(p.msg.name, "");
	CHECK_STR(p.msg.content_hash, "");
	/* What the caller adds, and what the server receives. */
	p.msg.request_id = 7;
	p.msg.name = "Marieke";
	p.msg.content_hash = "0123456789abcdef";
	back = round_trip(&p.msg);
	check_example(back);
	CHECK_UINT(back->request_id, ==, 7);
	CHECK_STR(back->name, "Marieke");
	CHECK_STR(back->content_hash, "0123456789abcdef");
	aandeslag__create_workshop__free_unpacked(back, NULL);
	/* The caller's strings stay the caller's: plan_free() frees only
	 * the plan's (the literals above would crash it otherwise). */
	plan_free(&p);
	CHECK(p.store == NULL && p.msg.n_rooms == 0);
	plan_free(&p);
}

/* The least a plan needs, the optional keys left out or left empty, and
 * the forms the reader tidies up. */
static void
test_forms(void)
{
	struct plan p;

	tmp_begin();
	accepted("titel: Kort\ngroepen:\n  - naam: Enige groep\n", &p);
	CHECK_STR(p.msg.title, "Kort");
	CHECK_STR(p.msg.date, "");
	CHECK_UINT(p.msg.report_minutes, ==, 0);
	CHECK_UINT(p.msg.n_rooms, ==, 1);
	check_room(p.msg.rooms[0], "Enige groep", "", "", "", "");
	CHECK_UINT(p.msg.n_assignments, ==, 0);
	CHECK_UINT(p.msg.n_schedule, ==, 0);
	plan_free(&p);

	accepted("# opmerking\n"
	         "titel: \"  Studiedag: team Zorg  \"\n"
	         "datum:\n"
	         "terugkoppeling_minuten: 60\n"
	         "groepen:\n"
	         "  - {naam: ' Zorg ', niveaus: [4, 2, 3], minuten: "
	         "[1, 240, 30, 30, 40]}\n"
	         "  - naam: Welzijn\n"
	         "    opleiding:\n"
	         "    niveaus: []\n"
	         "indeling:\n"
	         "  \"Jan: de Wit\": zorg\n"
	         "  Els: WELZIJN\n"
	         "rooster:\n"
	         "  - {tijd: 9:05, wat: Begin}\n"
	         "  - {tijd: '09:05', wat: Koffie, terugkoppeling: Nee}\n"
	         "  - {tijd: \"23:59\", wat: Eind, terugkoppeling: true}\n",
	         &p);
	CHECK_STR(p.msg.title, "Studiedag: team Zorg");
	CHECK_STR(p.msg.date, "");
	CHECK_UINT(p.msg.report_minutes, ==, 60);
	check_room(p.msg.rooms[0], "Zorg", "", "", "2,3,4", "1,240,30,30,40");
	check_room(p.msg.rooms[1], "Welzijn", "", "", "", "");
	/* The room as the file spells it under groepen. */
	CHECK_UINT(p.msg.n_assignments, ==, 2);
	CHECK_STR(p.msg.assignments[0]->name, "Jan: de Wit");
	CHECK_STR(p.msg.assignments[0]->room, "Zorg");
	CHECK_STR(p.msg.assignments[1]->room, "Welzijn");
	CHECK_UINT(p.msg.n_schedule, ==, 3);
	CHECK_STR(p.msg.schedule[0]->time, "09:05");
	CHECK_STR(p.msg.schedule[1]->time, "09:05");
	CHECK_INT(p.msg.schedule[1]->report_back, ==, 0);
	CHECK_STR(p.msg.schedule[2]->time, "23:59");
	CHECK_INT(p.msg.schedule[2]->report_back, ==, 1);
	plan_free(&p);

	tmp_end();
}

/* The limits themselves are allowed: 12 rooms, 7 in a room, 16 items. */
static void
test_at_limits(void)
{
	char text[4096];
	struct plan p;
	size_t n = 0;
	unsigned i;

	tmp_begin();
	add(text, sizeof text, &n, "titel: Groot\ngroepen:\n");
	for (i = 1; i <= 12; i++)
		add(text, sizeof text, &n, "  - naam: G%u\n", i);
	add(text, sizeof text, &n, "indeling:\n");
	for (i = 1; i <= 7; i++)
		add(text, sizeof text, &n, "  Naam %u: G12\n", i);
	add(text, sizeof text, &n, "rooster:\n");
	for (i = 8; i < 24; i++)
		add(text, sizeof text, &n, "  - {tijd: \"%02u:00\", wat: x}\n",
		    i);
	accepted(text, &p);
	CHECK_UINT(p.msg.n_rooms, ==, 12);
	CHECK_STR(p.msg.rooms[11]->name, "G12");
	CHECK_UINT(p.msg.n_assignments, ==, 7);
	CHECK_STR(p.msg.assignments[6]->room, "G12");
	CHECK_UINT(p.msg.n_schedule, ==, 16);
	CHECK_STR(p.msg.schedule[15]->time, "23:00");
	plan_free(&p);
	tmp_end();
}

static void
test_quick(void)
{
	Aandeslag__CreateWorkshop *back;
	char name[16], title[200];
	struct plan p;
	unsigned i;

	CHECK_INT(plan_quick(&p, "Studiedag", 4), ==, 0);
	CHECK_STR(p.msg.title, "Studiedag");
	CHECK_STR(p.msg.date, "");
	CHECK_UINT(p.msg.report_minutes, ==, 0);
	CHECK_UINT(p.msg.n_rooms, ==, 4);
	for (i = 0; i < 4; i++) {
		snprintf(name, sizeof name, "Groep %u", i + 1);
		check_room(p.msg.rooms[i], name, "", "", "", "");
	}
	CHECK_UINT(p.msg.n_assignments, ==, 0);
	CHECK_UINT(p.msg.n_schedule, ==, 0);
	back = round_trip(&p.msg);
	CHECK_UINT(back->n_rooms, ==, 4);
	CHECK_STR(back->rooms[3]->name, "Groep 4");
	aandeslag__create_workshop__free_unpacked(back, NULL);
	plan_free(&p);

	CHECK_INT(plan_quick(&p, " Één kamer ", 1), ==, 0);
	CHECK_STR(p.msg.title, "Één kamer");
	CHECK_UINT(p.msg.n_rooms, ==, 1);
	CHECK_STR(p.msg.rooms[0]->name, "Groep 1");
	plan_free(&p);
	CHECK_INT(plan_quick(&p, "Twaalf", 12), ==, 0);
	CHECK_STR(p.msg.rooms[11]->name, "Groep 12");
	plan_free(&p);

	CHECK_INT(plan_quick(&p, "Studiedag", 0), ==, -EINVAL);
	CHECK(p.store == NULL && p.msg.n_rooms == 0);
	CHECK_INT(plan_quick(&p, "Studiedag", 13), ==, -EINVAL);
	CHECK(p.store == NULL);
	CHECK_INT(plan_quick(&p, "   ", 3), ==, -EINVAL);
	CHECK(p.store == NULL);
	CHECK_INT(plan_quick(&p, "Twee\tdelen", 3), ==, -EINVAL);
	CHECK_INT(plan_quick(&p, "Fout \xff", 3), ==, -EINVAL);
	CHECK_INT(plan_quick(&p, NULL, 3), ==, -EINVAL);
	memset(title, 'x', 121);
	title[121] = '\0';
	CHECK_INT(plan_quick(&p, title, 3), ==, -EINVAL);
	title[120] = '\0';
	CHECK_INT(plan_quick(&p, title, 3), ==, 0);
	plan_free(&p);
}

#define G "groepen:\n  - naam: Zorg\n"
#define TG "titel: T\n" G

/* Keys, types and the file's own structure. */
static void
test_errors_structure(void)
{
	tmp_begin();
	refused("titel: T\nthema: x\n" G, 2,
	        "onbekende sleutel 'thema' (hier kan: titel, datum, "
	        "terugkoppeling_minuten, groepen, indeling, rooster)");
	refused(TG "    niveau: [3]\n", 4,
	        "groep 1: onbekende sleutel 'niveau'");
	refused(TG "rooster:\n  - {tijd: \"09:00\", wat: x, wie: y}\n", 5,
	        "rooster, onderdeel 1: onbekende sleutel 'wie'");
	refused(TG "titel: U\n", 4, "'titel' staat er twee keer (ook op "
	        "regel 1)");
	refused("# Plan\n\ndatum: 2027-03-11\n" G, 3, "'titel' ontbreekt");
	refused("titel: T\n", 1, "'groepen' ontbreekt");
	refused(TG "  - opleiding: Zorg\n", 4, "groep 2: 'naam' ontbreekt");
	refused(TG "rooster:\n  - wat: Welkom\n", 5,
	        "rooster, onderdeel 1: 'tijd' ontbreekt");
	refused(TG "rooster:\n  - tijd: \"09:00\"\n", 5,
	        "rooster, onderdeel 1: 'wat' ontbreekt");
	refused("- titel: T\n", 1, "het bestand bestaat uit regels "
	        "'sleutel: waarde', niet uit een lijst");
	refused("titel: [a, b]\n" G, 1,
	        "'titel' moet een tekst zijn, niet een lijst");
	refused("titel: T\ngroepen:\n  naam: Zorg\n", 2,
	        "'groepen' moet een lijst van groepen zijn (regels die met "
	        "'- naam:' beginnen), niet regels 'sleutel: waarde'");
	refused("titel: T\ngroepen: []\n", 2, "'groepen' is leeg; er hoort "
	        "minstens één groep in");
	refused("titel: T\ngroepen:\n", 2, "niet niets");
	refused("titel: T\ngroepen:\n  - Zorg\n", 3,
	        "groep 1: een groep bestaat uit regels 'sleutel: waarde', "
	        "niet uit 'Zorg'");
	refused(TG "    opleiding: {a: b}\n", 4, "'opleiding' moet een tekst "
	        "zijn, niet regels 'sleutel: waarde'");
	refused(TG "    niveaus: 3\n", 4, "'niveaus' moet een lijst zijn, "
	        "zoals [3] of [2, 3, 4], niet '3'");
	refused(TG "    minuten: 30\n", 4, "'minuten' moet een lijst van vijf "
	        "getallen zijn");
	refused(TG "indeling:\n  - Anna: Zorg\n", 4, "'indeling' moet "
	        "bestaan uit regels 'naam: groep'");
	refused(TG "indeling:\n  '': Zorg\n", 5, "de naam van een collega "
	        "mag niet leeg zijn");
	refused(TG "indeling:\n  "
	        "Anna Maria Theodora Johanna van den Heuvel-Schoonderwoerd "
	        "Bakkers: Zorg\n", 5, "de naam van een collega is te lang: 65 "
	        "bytes, hoogstens 64");
	refused(TG "indeling:\n  Anna:\n", 5, "achter 'Anna:' hoort de naam "
	        "van een groep, niet niets");
	refused(TG "indeling:\n  [Anna, Bram]: Zorg\n", 5, "voor de dubbele "
	        "punt hoort de naam van een collega, niet een lijst");
	refused(TG "rooster:\n  tijd: \"09:00\"\n", 4,
	        "'rooster' moet een lijst zijn");
	tmp_end();
}

/* The values of the plan. */
static void
test_errors_values(void)
{
	char text[512];

	tmp_begin();
	refused("titel: ''\n" G, 1, "'titel' mag niet leeg zijn");
	refused("titel: \"a\\tb\"\n" G, 1, "'titel' moet één regel tekst "
	        "zijn, zonder tabs of andere stuurtekens");
	refused("titel: \"a\\0b\"\n" G, 1, "zonder tabs");
	refused(TG "    opleiding: \"\\x85\"\n", 4, "'opleiding' moet één "
	        "regel tekst zijn");
	snprintf(text, sizeof text, "titel: %0121d\n" G, 0);
	refused(text, 1, "'titel' is te lang: 121 bytes, hoogstens 120");
	refused("titel: T\ndatum: 2027-02-29\n" G, 2, "'datum' moet een "
	        "bestaande dag zijn, geschreven als 2027-03-11 "
	        "(jaar-maand-dag), niet '2027-02-29'");
	refused("titel: T\ndatum: 11-03-2027\n" G, 2, "'datum' moet");
	refused("titel: T\ndatum: [2027]\n" G, 2, "niet een lijst");
	refused("titel: T\nterugkoppeling_minuten: 0\n" G, 2,
	        "'terugkoppeling_minuten' moet een getal van 1 tot en met 60 "
	        "zijn (minuten per groep), niet '0'");
	refused("titel: T\nterugkoppeling_minuten: 61\n" G, 2, "niet '61'");
	refused("titel: T\nterugkoppeling_minuten: \"5\"\n" G, 2, "niet '5' "
	        "(een getal staat zonder aanhalingstekens)");
	refused(TG "    niveaus: [3, 5]\n", 4,
	        "groep 1: een niveau is 1, 2, 3 of 4, niet '5'");
	refused(TG "    niveaus:\n      - 2\n      - 0\n", 6,
	        "een niveau is 1, 2, 3 of 4, niet '0'");
	refused(TG "    niveaus: [2, drie]\n", 4, "niet 'drie'");
	refused(TG "    niveaus: ['2']\n", 4, "niet '2' (een getal staat "
	        "zonder aanhalingstekens)");
	refused(TG "    niveaus: [03]\n", 4, "niet '03'");
	refused(TG "    niveaus: [3, 3]\n", 4,
	        "niveau 3 staat er twee keer in");
	refused(TG "    minuten: [20, 30]\n", 4, "'minuten' moet vijf "
	        "getallen hebben, één per stap, zoals [20, 30, 30, 30, 40], "
	        "geen 2");
	refused(TG "    minuten: [20, 30, 30, 30, 40, 10]\n", 4, "geen 6");
	refused(TG "    minuten: [20, 30, \"30\", 30, 40]\n", 4, "de minuten "
	        "van stap 3 moeten een getal van 1 tot en met 240 zijn, niet "
	        "'30' (een getal staat zonder aanhalingstekens)");
	refused(TG "    minuten: [20, 30, 30, 30, 241]\n", 4, "de minuten van "
	        "stap 5 moeten een getal van 1 tot en met 240 zijn, niet "
	        "'241'");
	refused(TG "    minuten:\n      - 20\n      - 30\n      - 0\n"
	        "      - 30\n      - 40\n", 7, "de minuten van stap 3");
	refused(TG "rooster:\n  - tijd: \"24:00\"\n    wat: Laat\n", 5,
	        "'tijd' moet een tijd zijn als \"13:30\" (uren:minuten, van "
	        "00:00 tot en met 23:59), niet '24:00'");
	refused(TG "rooster:\n  - {tijd: \"09:60\", wat: x}\n", 5,
	        "niet '09:60'");
	refused(TG "rooster:\n  - {tijd: \"9.30\", wat: x}\n", 5,
	        "niet '9.30'");
	refused(TG "rooster:\n  - {tijd: \"930\", wat: x}\n", 5, "niet '930'");
	refused(TG "rooster:\n  - {tijd: \"09:30\", wat: x, "
	        "terugkoppeling: misschien}\n", 5, "'terugkoppeling' moet ja "
	        "of nee zijn, niet 'misschien'");
	refused(TG "rooster:\n  - {tijd: \"10:00\", wat: x}\n"
	        "  - {tijd: \"09:30\", wat: y}\n", 6, "rooster, onderdeel 2: "
	        "09:30 staat na 10:00; zet het rooster op volgorde van tijd");
	refused(TG "rooster:\n  - {tijd: \"13:00\", wat: x, terugkoppeling: "
	        "ja}\n  - tijd: \"14:00\"\n    wat: y\n"
	        "    terugkoppeling: ja\n", 8, "de terugkoppeling staat al in "
	        "het rooster (regel 5)");
	tmp_end();
}

/* The rules across rooms and assignments, and the limits. */
static void
test_errors_limits(void)
{
	char text[4096];
	size_t n;
	unsigned i;

	tmp_begin();
	refused("titel: T\ngroepen:\n  - naam: Zorg\n  - naam: Techniek\n"
	        "  - naam: zorg\n", 5, "groep 3: er is al een groep 'zorg' "
	        "(regel 3); elke groep heeft een eigen naam, en hoofdletters "
	        "tellen daarbij niet mee");
	refused(TG "  - naam: 2\n", 4, "groep 2: een groepsnaam van alleen "
	        "cijfers kan niet");
	refused(TG "indeling:\n  Anna: Zorg\n  Bram: Techniek\n", 6,
	        "Bram is ingedeeld in groep 'Techniek', maar die groep staat "
	        "niet onder 'groepen'");
	refused(TG "indeling:\n  Anna: Zorg\n  Bram: Zorg\n  anna: Zorg\n", 7,
	        "anna is al ingedeeld (regel 5); iedereen gaat naar één "
	        "groep");
	/* The eighth colleague in one room, among others elsewhere. */
	n = 0;
	add(text, sizeof text, &n, TG "  - naam: Techniek\nindeling:\n"
	    "  Bram: Techniek\n");
	for (i = 1; i <= 8; i++)
		add(text, sizeof text, &n, "  Collega %u: zorg\n", i);
	refused(text, 14, "groep 'Zorg' is al vol: in een groep passen "
	        "hoogstens 7 collega's");
	n = 0;
	add(text, sizeof text, &n, "titel: T\ngroepen:\n");
	for (i = 1; i <= 13; i++)
		add(text, sizeof text, &n, "  - naam: Groep %u\n"
		    "    niveaus: [2]\n", i);
	refused(text, 27, "een studiedag heeft hoogstens 12 groepen, en dit "
	        "is de 13e");
	n = 0;
	add(text, sizeof text, &n, TG "rooster:\n");
	for (i = 0; i < 17; i++)
		add(text, sizeof text, &n, "  - tijd: \"%02u:00\"\n"
		    "    wat: x\n", i);
	refused(text, 37, "het rooster heeft hoogstens 16 onderdelen, en dit "
	        "is het 17e");
	tmp_end();
}

/* What the file reader (yamlfile.c) refuses before the plan is read. */
static void
test_errors_file(void)
{
	char err[PLAN_ERROR_SIZE], want[1200];
	const char *path;
	struct plan p;
	char *big;

	tmp_begin();
	refused("", 1, "het bestand is leeg");
	refused("# alleen uitleg\n", 1, "het bestand is leeg");
	refused("titel: T\ngroepen: [\n  naam: x\n", 4, "hier klopt de YAML "
	        "niet");
	refused("titel: T\n  groepen: x\n", 2, "hier klopt de YAML niet");
	refused(TG "---\ntitel: U\n", 4, "na '---' begint hier een tweede "
	        "document");
	refused_n("titel: T\n" G "    opleiding: Zorg \xc3\x28\n", 0, 4,
	          "hier staat iets dat geen gewone tekst is; bewaar het "
	          "bestand als UTF-8, zonder stuurtekens");
	refused_n("titel: T\n\n\0" G, sizeof "titel: T\n\n\0" G - 1, 3,
	          "hier staat iets dat geen gewone tekst is");

	path = "/nonexistent/plan.yaml";
	CHECK_INT(plan_load(path, &p, err), ==, -EINVAL);
	CHECK(p.store == NULL);
	snprintf(want, sizeof want, "%s: het bestand kan niet worden gelezen: ",
	         path);
	CHECK(strncmp(err, want, strlen(want)) == 0);

	/* One byte over the limit, to show the limit is where it says. */
	big = malloc(((size_t)1 << 20) + 1);
	CHECK(big != NULL);
	memset(big, '#', ((size_t)1 << 20) + 1);
	path = put("groot.yaml", big, ((size_t)1 << 20) + 1);
	free(big);
	CHECK_INT(plan_load(path, &p, err), ==, -EINVAL);
	snprintf(want, sizeof want, "%s: het bestand is groter dan 1 MiB",
	         path);
	CHECK_CONTAINS(err, want);
	tmp_end();
}

CHECK_MAIN(CHECK_TEST(test_example), CHECK_TEST(test_forms),
           CHECK_TEST(test_at_limits), CHECK_TEST(test_quick),
           CHECK_TEST(test_errors_structure), CHECK_TEST(test_errors_values),
           CHECK_TEST(test_errors_limits), CHECK_TEST(test_errors_file))
