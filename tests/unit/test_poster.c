/* Tests for poster.c and poster_plan.c: the poster, its views, clocks. */
#include "poster_fixture.h"

/* Renders the poster of Anna's mirror into out (freed first). */
static const char *
render(struct fixture *f, struct strbuf *out)
{
	strbuf_free(out);
	poster_render(&f->mirror, T0, f->anna, out);
	CHECK(!out->failed);
	return strbuf_str(out);
}

/* Copies the part of the poster for step: its heading line and what
 * follows, up to the blank line before the next step. */
static void
section(const struct fixture *f, const char *poster, unsigned step,
        char *out, size_t size)
{
	char heading[128];
	const char *start, *end;
	size_t len;

	snprintf(heading, sizeof heading, "%u %s (", step,
	         poster_step_name(&f->mirror, step));
	start = strstr(poster, heading);
	if (start == NULL)
		CHECK_FAIL("no heading \"%s\" in:\n%s", heading, poster);
	while (start > poster && start[-1] != '\n')
		start--;
	/* Up to and with the newline of the section's last line. */
	end = strstr(start, "\n\n");
	end = end ? end + 1 : start + strlen(start);
	len = (size_t)(end - start);
	CHECK_UINT(len, <, size);
	memcpy(out, start, len);
	out[len] = '\0';
}

/* Checks that a comes before b in s. */
static void
check_order(const char *s, const char *a, const char *b)
{
	const char *pa = strstr(s, a), *pb = strstr(s, b);

	if (pa == NULL || pb == NULL || pa > pb)
		CHECK_FAIL("\"%s\" should come before \"%s\" in:\n%s", a, b, s);
}

static void
test_whole_session(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	const char *p;
	char sect[8192];

	setup(&f);
	session(&f, false);
	p = render(&f, &out);
	/* The header. */
	CHECK_CONTAINS(p, "Werksessie: " TITLE " (code " CODE ")\n");
	CHECK_CONTAINS(p, "Opleiding: Verzorgende IG\n");
	CHECK_CONTAINS(p, "Kwalificatiedossier: Verzorgende-IG (25491)\n");
	CHECK_CONTAINS(p, "Niveau: 3, 4\n");
	CHECK_CONTAINS(p, "Regio: grensregio Limburg\n");
	CHECK_CONTAINS(p, "De werksessie is afgerond.\n");
	CHECK_CONTAINS(p, "Vervolgoverleg: 30 juni 2027\n");
	CHECK_CONTAINS(p, "Het team is bij stap 5 van 5, Aan de slag; klok ");
	CHECK_CONTAINS(p, "Aanwezig (3 van 7): Anna (voorzitter) (jij), "
	               "Bram (notulist), Carla\n");
	/* Step 1: the card with the question that was on the table, the
	 * notes with their ids and authors. */
	section(&f, p, 1, sect, sizeof sect);
	CHECK_CONTAINS(sect, "  1 Betekenis (20 min): Wat betekent "
	               "internationalisering voor jou?\n");
	CHECK_CONTAINS(sect, "    Vragenkaart:\n");
	CHECK_CONTAINS(sect, "      b1: Welke ervaring heb je zelf");
	CHECK_CONTAINS(sect, "      b3: Welke ontmoeting");
	CHECK_CONTAINS(sect, "    - [n1] Anna: Ik heb een jaar in Gent gewerkt\n");
	CHECK_CONTAINS(sect, "    - [n2] Dirk: Mijn familie woont in Suriname\n");
	CHECK_CONTAINS(sect, "    - [n3] Carla: Stage gelopen in Aken\n");
	CHECK_CONTAINS(sect, "    - [n4] (zonder naam): Ik durf geen Engels te spreken\n");
	/* Step 2: the own question, on the table. */
	section(&f, p, 2, sect, sizeof sect);
	CHECK_CONTAINS(sect, "    > e1: Welke zorginstellingen in Aken kennen "
	               "we? (eigen vraag van Carla) (op tafel)\n");
	CHECK_CONTAINS(sect, "      r1: ");
	CHECK_CONTAINS(sect, "    - [n5] Carla: Veel clienten");
	/* Step 3: the model with dots and marks. */
	section(&f, p, 3, sect, sizeof sect);
	CHECK_CONTAINS(sect, "    Competentiemodel:\n");
	CHECK_CONTAINS(sect, "    3 stippen per persoon; een stip per competentie.\n");
	CHECK_CONTAINS(sect, "    Interculturele competenties\n");
	CHECK_CONTAINS(sect, "      open-houding: Open en nieuwsgierige houding: "
	               "2 stippen \xe2\x97\x8f\xe2\x97\x8f * gekozen\n");
	CHECK_CONTAINS(sect, "      vreemde-taal: Durven spreken in een vreemde "
	               "taal: 1 stip \xe2\x97\x8f * gekozen\n");
	CHECK_CONTAINS(sect, "      flexibiliteit: Flexibiliteit en "
	               "aanpassingsvermogen: 1 stip \xe2\x97\x8f * gekozen\n");
	CHECK_CONTAINS(sect, "      reflecteren: Reflecteren op de eigen "
	               "ontwikkeling: 0 stippen\n");
	CHECK_CONTAINS(sect, "    Jouw stippen: 2 gezet, 1 over.\n");
	CHECK(strstr(sect, "verborgen") == NULL);
	/* Step 4: activities and the chosen competence none serves. */
	section(&f, p, 4, sect, sizeof sect);
	CHECK_CONTAINS(sect, "    - [a1] Virtuele uitwisseling: online samenwerken "
	               "met een klas in het buitenland (nieuw, in eigen land; "
	               "competenties: open-houding, vreemde-taal)\n");
	CHECK_CONTAINS(sect, "    - [a2] Stage in Aken (doen we al, in het "
	               "buitenland; competenties: nog geen)\n");
	CHECK_CONTAINS(sect, "    Gekozen competenties zonder activiteit (1):\n"
	               "      flexibiliteit: Flexibiliteit en aanpassingsvermogen\n");
	/* Step 5: actions and the time plan. */
	section(&f, p, 5, sect, sizeof sect);
	CHECK_CONTAINS(sect, "    - [p1] Lesmateriaal met Engelse bronnen zoeken\n"
	               "        wie: Anna, het team, teamleider Joke\n"
	               "        nodig: financi\xc3\xabn, tijd; licenties\n"
	               "        leerjaar 1, 2; wanneer: maart 2027; status: bezig\n"
	               "        bij activiteit a1: Virtuele uitwisseling");
	CHECK_CONTAINS(sect, "    - [p2] Partnerschool in Aken zoeken\n"
	               "        wie: !! nog niemand\n"
	               "        wanneer: periode 2; status: open\n");
	CHECK_CONTAINS(sect, "    - [p3] Gastles plannen\n"
	               "        wie: Bram\n"
	               "        nodig: partners\n"
	               "        leerjaar 2; wanneer: 15 april 2027; status: klaar\n"
	               "        bij activiteit a2: Stage in Aken\n");
	CHECK_CONTAINS(sect, "    Tijdsplan:\n"
	               "      Leerjaar 1:\n"
	               "        maart 2027:\n"
	               "          [p1] Lesmateriaal met Engelse bronnen zoeken "
	               "(Anna, het team, teamleider Joke; bezig)\n"
	               "      Leerjaar 2:\n"
	               "        maart 2027:\n"
	               "          [p1] Lesmateriaal");
	CHECK_CONTAINS(sect, "        april 2027:\n"
	               "          [p3] 15 april 2027: Gastles plannen (Bram; klaar)\n"
	               "      Leerjaar 3:\n"
	               "        februari 2027:\n"
	               "          [p4] Taalcafe opzetten (!! nog niemand; open)\n");
	CHECK_CONTAINS(sect, "      Nog zonder datum of maand:\n"
	               "          [p2] Partnerschool in Aken zoeken (periode 2; "
	               "!! nog niemand; open)\n");
	check_order(p, "Leerjaar 1:", "Leerjaar 2:");
	/* Every line ends, and nothing is unknown. */
	CHECK(p[strlen(p) - 1] == '\n');
	strbuf_free(&out);
	teardown(&f);
}

static void
test_hidden_votes(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	char sect[8192];

	setup(&f);
	session(&f, true);
	section(&f, render(&f, &out), 3, sect, sizeof sect);
	CHECK_CONTAINS(sect, "stemmen verborgen tot de voorzitter ze laat zien.\n");
	CHECK_CONTAINS(sect, "    Gezet: Anna 2, Bram 1, Carla 1\n");
	/* Anna sees her own dots, and no tally of anyone's. */
	CHECK_CONTAINS(sect, "      open-houding: Open en nieuwsgierige houding: "
	               "stemmen verborgen, jij 1\n");
	CHECK_CONTAINS(sect, "      flexibiliteit: Flexibiliteit en "
	               "aanpassingsvermogen: stemmen verborgen\n");
	CHECK(strstr(sect, "\xe2\x97\x8f") == NULL);
	CHECK_CONTAINS(sect, "    Jouw stippen: 2 gezet, 1 over.\n");
	/* Others' dots went by without their competence. */
	CHECK_CONTAINS(strbuf_str(&f.log), "Bram zet een stip (verborgen)\n");
	CHECK_CONTAINS(strbuf_str(&f.log), "Anna zet een stip op vreemde-taal "
	               "(Durven spreken in een vreemde taal)\n");
	/* The reveal shows the tallies. */
	setting(&f, KEY(VOTES_HIDDEN), NULL, 0, false, 0);
	CHECK_CONTAINS(line(&f), "de stemmen zijn zichtbaar: open-houding 2, "
	               "vreemde-taal 1, flexibiliteit 1\n");
	section(&f, render(&f, &out), 3, sect, sizeof sect);
	CHECK_CONTAINS(sect, "open-houding: Open en nieuwsgierige houding: "
	               "2 stippen");
	CHECK(strstr(sect, "Gezet:") == NULL);
	strbuf_free(&out);
	teardown(&f);
}

static void
test_anonymous(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	const char *p;
	char sect[8192];

	setup(&f);
	setting(&f, KEY(ANONYMOUS), NULL, 0, true, 0);
	CHECK_CONTAINS(line(&f), "zonder namen");
	session(&f, true);
	p = render(&f, &out);
	section(&f, p, 1, sect, sizeof sect);
	CHECK_CONTAINS(sect, "    - [n1] (anoniem): Ik heb een jaar in Gent gewerkt\n");
	CHECK_CONTAINS(sect, "    - [n4] (anoniem): Ik durf geen Engels");
	CHECK(strstr(sect, "Dirk") == NULL);
	CHECK(strstr(sect, "Anna:") == NULL);
	section(&f, p, 2, sect, sizeof sect);
	CHECK(strstr(sect, "Carla") == NULL);
	CHECK_CONTAINS(sect, "(eigen vraag)");
	section(&f, p, 3, sect, sizeof sect);
	CHECK_CONTAINS(sect, "    Gezet: 4 stippen samen\n");
	CHECK(strstr(sect, "Bram") == NULL);
	/* The lines name nobody either. */
	CHECK_CONTAINS(strbuf_str(&f.log), "] notitie 1 bij stap 1 van (anoniem): "
	               "Ik heb een jaar in Gent gewerkt\n");
	CHECK_CONTAINS(strbuf_str(&f.log), "] notitie 2 bij stap 1 van (anoniem): ");
	CHECK_CONTAINS(strbuf_str(&f.log), "] er is een stip gezet (verborgen)\n");
	CHECK_CONTAINS(strbuf_str(&f.log), "] een stip op open-houding");
	CHECK_CONTAINS(strbuf_str(&f.log), "] eigen vraag e1 bij stap 2: Welke");
	/* Who is there is no secret. */
	CHECK_CONTAINS(p, "Aanwezig (3 van 7): Anna (voorzitter) (jij)");
	strbuf_free(&out);
	teardown(&f);
}

static void
test_views(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	const char *s;

	setup(&f);
	session(&f, false);
	poster_card(&f.mirror, 2, &out);
	s = strbuf_str(&out);
	CHECK_CONTAINS(s, "Vragenkaart bij stap 2 Relevantie (30 min)\n");
	CHECK_CONTAINS(s, "Centrale vraag: Waarom is internationalisering "
	               "relevant voor onze studenten?\n");
	CHECK_CONTAINS(s, "Doel: Het team brengt in kaart");
	CHECK_CONTAINS(s, "  r1: Waar gaan onze studenten");
	CHECK_CONTAINS(s, "> e1: Welke zorginstellingen in Aken kennen we? "
	               "(eigen vraag van Carla) (op tafel)\n");
	CHECK_CONTAINS(s, "Hulpbronnen:\n");
	strbuf_free(&out);
	poster_card(&f.mirror, 1, &out);
	CHECK_CONTAINS(strbuf_str(&out), "  - Animatiefilm");
	CHECK_CONTAINS(strbuf_str(&out), ": https://www.nuffic.nl/");
	strbuf_free(&out);
	poster_card(&f.mirror, 9, &out);
	CHECK_STR(strbuf_str(&out), "Er is geen stap 9.\n");
	strbuf_free(&out);

	poster_model(&f.mirror, f.bram, &out);
	s = strbuf_str(&out);
	CHECK_CONTAINS(s, "Competentiemodel (stap 3): Welke internationale "
	               "competenties");
	CHECK_CONTAINS(s, "Internationale ori\xc3\xabntatie\n");
	CHECK_CONTAINS(s, "  open-houding: Open en nieuwsgierige houding: "
	               "2 stippen");
	CHECK_CONTAINS(s, "      Staat open voor andere gewoonten");
	CHECK_CONTAINS(s, "Jouw stippen: 1 gezet, 2 over.\n");
	strbuf_free(&out);
	/* A viewer has no dots of their own. */
	poster_model(&f.mirror, 0, &out);
	CHECK(strstr(strbuf_str(&out), "Jouw stippen") == NULL);
	strbuf_free(&out);

	poster_catalogue(&f.mirror, &out);
	s = strbuf_str(&out);
	CHECK_CONTAINS(s, "In het buitenland:\n  stage-buitenland: Stage in het "
	               "buitenland (bpv)\n");
	CHECK_CONTAINS(s, "In eigen land:\n");
	CHECK_CONTAINS(s, "  virtuele-uitwisseling: Virtuele uitwisseling: online "
	               "samenwerken met een klas in het buitenland (op de "
	               "poster: a1)\n");
	check_order(s, "In het buitenland:", "  gastles:");
	check_order(s, "In eigen land:", "  gastles:");
	strbuf_free(&out);

	poster_settings(&f.mirror, &out);
	s = strbuf_str(&out);
	CHECK_CONTAINS(s, "  Titel: " TITLE "\n");
	CHECK_CONTAINS(s, "  Opleiding: Verzorgende IG\n");
	CHECK_CONTAINS(s, "  Kwalificatiedossier: Verzorgende-IG (25491)\n");
	CHECK_CONTAINS(s, "  Niveau: 3, 4\n");
	CHECK_CONTAINS(s, "  Regio: grensregio Limburg\n");
	CHECK_CONTAINS(s, "  Tijd per stap: 1 Betekenis 20 min, 2 Relevantie "
	               "30 min, 3 Competenties 30 min, 4 Activiteiten 30 min, "
	               "5 Aan de slag 40 min; samen 150 min\n");
	CHECK_CONTAINS(s, "  Stippen per persoon: 3\n");
	CHECK_CONTAINS(s, "  Meer stippen op een competentie: nee\n");
	CHECK_CONTAINS(s, "  Stemmen verborgen: nee\n");
	CHECK_CONTAINS(s, "  Zonder namen (anoniem): nee\n");
	CHECK_CONTAINS(s, "  Bij stap 1 alleen praten: nee\n");
	CHECK_CONTAINS(s, "  Vervolgoverleg: 30 juni 2027\n");
	CHECK_CONTAINS(s, "  Afgerond: ja\n");
	strbuf_free(&out);

	poster_uncovered(&f.mirror, &out);
	CHECK_STR(strbuf_str(&out), "Gekozen competenties zonder activiteit (1):\n"
	          "  flexibiliteit: Flexibiliteit en aanpassingsvermogen\n");
	strbuf_free(&out);
	teardown(&f);

	/* An empty room says so. */
	setup(&f);
	poster_uncovered(&f.mirror, &out);
	CHECK_STR(strbuf_str(&out), "Er zijn nog geen competenties gekozen "
	          "(stap 3).\n");
	strbuf_free(&out);
	poster_settings(&f.mirror, &out);
	CHECK_CONTAINS(strbuf_str(&out), "  Opleiding: (niet ingevuld)\n");
	CHECK_CONTAINS(strbuf_str(&out), "  Niveau: (niet ingevuld)\n");
	strbuf_free(&out);
	mark(&f, "reflecteren", true);
	activity(&f, 0, NULL, "Reflectieverslag", false,
	         AANDESLAG__PLACE__PLACE_HOME, (const char *const[]){
	                 "reflecteren", NULL });
	poster_uncovered(&f.mirror, &out);
	CHECK_STR(strbuf_str(&out), "Elke gekozen competentie heeft een "
	          "activiteit.\n");
	strbuf_free(&out);
	teardown(&f);
}

static void
test_empty_poster(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	const char *p;

	setup(&f);
	p = render(&f, &out);
	CHECK_CONTAINS(p, "Het team is bij stap 1 van 5, Betekenis; klok nog "
	               "niet gestart, 20:00 (gepland 20 min)\n");
	CHECK_CONTAINS(p, "> 1 Betekenis (20 min)");
	CHECK_CONTAINS(p, "  5 Aan de slag (40 min)");
	CHECK_CONTAINS(p, "    (nog geen notities)\n");
	CHECK_CONTAINS(p, "    (nog geen activiteiten)\n");
	CHECK_CONTAINS(p, "    (nog geen acties)\n");
	CHECK_CONTAINS(p, "    Tijdsplan:\n      (nog geen acties met een datum "
	               "of maand)\n");
	CHECK(strstr(p, "Opleiding:") == NULL);
	CHECK(strstr(p, "afgerond") == NULL);
	/* Talk only: step 1 says so. */
	setting(&f, KEY(TALK_ONLY), NULL, 0, true, 0);
	p = render(&f, &out);
	CHECK_CONTAINS(p, "Bij deze stap praten we alleen");
	strbuf_free(&out);
	teardown(&f);
}

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

/* The workshop in the header, the facilitator's message under it, and
 * the findings at step 5 once there is a report back. */
static void
test_report_back(void)
{
	struct fixture f;
	struct strbuf out = { 0 };
	const char *p;
	char sect[4096];

	setup(&f);
	p = render(&f, &out);
	CHECK(strstr(p, "Studiedag") == NULL);
	CHECK(strstr(p, "Bericht van de begeleider") == NULL);
	CHECK(strstr(p, "Terugkoppeling") == NULL);
	/* Findings show without a workshop too. */
	finding(&f, f.bram, "Stage in Aken werkt");
	p = render(&f, &out);
	section(&f, p, 5, sect, sizeof sect);
	CHECK_CONTAINS(sect, "    Terugkoppeling (1 van 3 bevindingen):\n"
	               "    - [t1] Stage in Aken werkt\n");
	teardown(&f);

	setup(&f);
	CHECK_INT(model_set_workshop(&f.mirror, "W3RK-5HQP", "Studiedag zorg"),
	          ==, 0);
	p = render(&f, &out);
	CHECK_CONTAINS(p, "Werksessie: " TITLE " (code " CODE ")\n"
	               "Studiedag: Studiedag zorg (code W3RK-5HQP)\n");
	section(&f, p, 5, sect, sizeof sect);
	CHECK_CONTAINS(sect, "    Terugkoppeling (0 van 3 bevindingen):\n"
	               "    (nog geen bevindingen; typ bevinding TEKST, of "
	               "bevinding n3 voor notitie 3)\n");
	check_order(sect, "Tijdsplan:", "Terugkoppeling");
	CHECK_INT(model_announce(&f.room, "Om 15:00 in de aula", T0, &f.ev,
	                         &f.why), ==, 0);
	mirror_event(&f, T0);
	finding(&f, f.carla, "Taal eerst");
	finding(&f, f.anna, "Begroting");
	p = render(&f, &out);
	CHECK_CONTAINS(p, "Studiedag: Studiedag zorg (code W3RK-5HQP)\n"
	               "Bericht van de begeleider: Om 15:00 in de aula\n");
	section(&f, p, 5, sect, sizeof sect);
	CHECK_CONTAINS(sect, "    Terugkoppeling (2 van 3 bevindingen):\n"
	               "    - [t1] Taal eerst\n    - [t2] Begroting\n");
	CHECK_INT(model_set_workshop(&f.mirror, "W3RK-5HQP", ""), ==, 0);
	p = render(&f, &out);
	CHECK_CONTAINS(p, "\nStudiedag met code W3RK-5HQP\n");
	strbuf_free(&out);
	teardown(&f);
}

static void
test_who(void)
{
	struct fixture f;
	struct strbuf out = { 0 };

	setup(&f);
	poster_who(&f.mirror, f.bram, &out);
	CHECK_STR(strbuf_str(&out), "Aanwezig (3 van 7): Anna (voorzitter), "
	          "Bram (jij), Carla\n");
	strbuf_free(&out);
	CHECK_INT(model_presence(&f.room, f.carla, false, T0, &f.ev, &f.why), ==,
	          0);
	mirror_event(&f, T0);
	scribe(&f, f.bram, true);
	poster_who(&f.mirror, 0, &out);
	CHECK_STR(strbuf_str(&out), "Aanwezig (3 van 7): Anna (voorzitter), "
	          "Bram (notulist), Carla (weg)\n");
	strbuf_free(&out);
	teardown(&f);
}

static void
test_dates(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "2027-03-15", "15 maart 2027" }, { "2027-01", "januari 2027" },
		{ "2026-12-01", "1 december 2026" }, { "periode 2", "periode 2" },
		{ "2027-13", "2027-13" }, { "", "" }, { "2027-3", "2027-3" },
		{ "2027-03-xx", "2027-03-xx" },
	};
	struct strbuf out = { 0 };
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		poster_date(cases[i].in, &out);
		CHECK_STR(strbuf_str(&out), cases[i].out);
		strbuf_free(&out);
	}
	CHECK_STR(poster_status(STATUS(OPEN)), "open");
	CHECK_STR(poster_status(STATUS(BUSY)), "bezig");
	CHECK_STR(poster_status(STATUS(DONE)), "klaar");
}

static void
test_poster_clock(void)
{
	struct clock c;
	struct strbuf out = { 0 };

	clock_init(&c, 20 * CLOCK_MINUTE_MS);
	poster_clock(&c, T0, &out);
	CHECK_STR(strbuf_str(&out), "nog niet gestart, 20:00");
	strbuf_free(&out);
	c.state = AANDESLAG__CLOCK_STATE__CLOCK_RUNNING;
	c.anchor_ms = T0;
	poster_clock(&c, T0 + 1, &out);
	CHECK_STR(strbuf_str(&out), "loopt, 20:00 over");
	strbuf_free(&out);
	poster_clock(&c, T0 + 20 * CLOCK_MINUTE_MS + 65000, &out);
	CHECK_STR(strbuf_str(&out), "loopt, +1:05 over tijd");
	strbuf_free(&out);
	c.state = AANDESLAG__CLOCK_STATE__CLOCK_PAUSED;
	c.remaining_ms = 61000;
	poster_clock(&c, T0 + 999999, &out);
	CHECK_STR(strbuf_str(&out), "gepauzeerd, 1:01 over");
	strbuf_free(&out);
	c.remaining_ms = -61000;
	poster_clock(&c, T0, &out);
	CHECK_STR(strbuf_str(&out), "gepauzeerd, +1:01 over tijd");
	strbuf_free(&out);
}

static void
test_roles(void)
{
	CHECK_STR(poster_role(AANDESLAG__ROLE__ROLE_CHAIR), "voorzitter");
	CHECK_STR(poster_role(AANDESLAG__ROLE__ROLE_PARTICIPANT), "deelnemer");
	CHECK_STR(poster_role(AANDESLAG__ROLE__ROLE_VIEWER), "meekijker");
	CHECK_STR(poster_role(AANDESLAG__ROLE__ROLE_FACILITATOR), "begeleider");
	CHECK_STR(poster_role(AANDESLAG__ROLE__ROLE_SCRIBE), "notulist");
}

static void
check_format(int64_t ms, const char *want)
{
	char out[CLOCK_TEXT_SIZE];

	memset(out, 'Z', sizeof out);
	clock_format(ms, out);
	if (strcmp(out, want) != 0)
		CHECK_FAIL("clock_format(%" PRId64 ") gave \"%s\", want \"%s\"",
		           ms, out, want);
}

static void
test_clock_format(void)
{
	char out[CLOCK_TEXT_SIZE];

	check_format(1200000, "20:00");
	check_format(1199001, "20:00");
	check_format(1199000, "19:59");
	check_format(1, "0:01");
	check_format(0, "0:00");
	check_format(999, "0:01");
	check_format(1000, "0:01");
	check_format(1001, "0:02");
	check_format(59001, "1:00");
	check_format(60000, "1:00");
	check_format(60001, "1:01");
	check_format(-1000, "+0:01");
	check_format(-1999, "+0:01");
	check_format(-65000, "+1:05");
	check_format(36000000, "600:00");
	check_format(CLOCK_DURATION_MAX, "1440:00");
	check_format(-CLOCK_OVERTIME_MAX, "+10080:00");
	/* The extremes format as numbers too, without signed overflow. */
	clock_format(INT64_MAX, out);
	if (out[0] < '0' || out[0] > '9' || strchr(out, '-') != NULL)
		CHECK_FAIL("clock_format(INT64_MAX) gave \"%s\"", out);
	clock_format(INT64_MIN, out);
	if (out[0] != '+' || strchr(out, '-') != NULL)
		CHECK_FAIL("clock_format(INT64_MIN) gave \"%s\"", out);
}

CHECK_MAIN(CHECK_TEST(test_whole_session),
           CHECK_TEST(test_hidden_votes),
           CHECK_TEST(test_anonymous),
           CHECK_TEST(test_views),
           CHECK_TEST(test_empty_poster),
           CHECK_TEST(test_report_back),
           CHECK_TEST(test_who),
           CHECK_TEST(test_dates),
           CHECK_TEST(test_poster_clock),
           CHECK_TEST(test_roles),
           CHECK_TEST(test_clock_format))
