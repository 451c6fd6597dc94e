/* Tests for eventline.c: a line for every kind of event. */
#include "poster_fixture.h"

/* Every kind of event gets its own line. */
static void
test_event_lines(void)
{
	static const char *const links_2[] = { "flexibiliteit", NULL };
	unsigned seen[CHANGES];
	struct fixture f;
	struct command c;
	const char *log;
	size_t i;

	setup(&f);
	session(&f, false);
	log = strbuf_str(&f.log);
	CHECK_CONTAINS(log, "[1] Anna doet mee (voorzitter)\n");
	CHECK_CONTAINS(log, "[2] Bram doet mee (deelnemer)\n");
	CHECK_CONTAINS(log, "] opleiding: Verzorgende IG\n");
	CHECK_CONTAINS(log, "] kwalificatiedossier: Verzorgende-IG (25491)\n");
	CHECK_CONTAINS(log, "] niveau: 3, 4\n");
	CHECK_CONTAINS(log, "] regio: grensregio Limburg\n");
	CHECK_CONTAINS(log, "] Bram is nu notulist\n");
	CHECK_CONTAINS(log, "] klok stap 1 gestart: loopt, 20:00 over (gepland 20 min)\n");
	CHECK_CONTAINS(log, "] notitie 1 bij stap 1 van Anna: Ik heb een jaar in Gent gewerkt\n");
	CHECK_CONTAINS(log, "] notitie 2 bij stap 1 van Dirk: Mijn familie");
	CHECK_CONTAINS(log, "] notitie 3 bij stap 1 van Carla: Stage gelopen in Aken\n");
	CHECK_CONTAINS(log, "] notitie 4 bij stap 1 van (zonder naam): Ik durf");
	CHECK_CONTAINS(log, "] op tafel (stap 1): b3 Welke ontmoeting");
	CHECK_CONTAINS(log, "] eigen vraag e1 bij stap 2 van Carla: Welke zorginstellingen");
	CHECK_CONTAINS(log, "] stap 2 Relevantie: Waarom is internationalisering");
	CHECK_CONTAINS(log, "] op tafel (stap 2): e1 Welke zorginstellingen");
	CHECK_CONTAINS(log, "] de stemmen zijn verborgen tot de voorzitter ze laat zien\n");
	CHECK_CONTAINS(log, "] Anna zet een stip op open-houding (Open en "
	               "nieuwsgierige houding)\n");
	CHECK_CONTAINS(log, "] Carla zet een stip (verborgen)\n");
	CHECK_CONTAINS(log, "] competentie flexibiliteit (Flexibiliteit en "
	               "aanpassingsvermogen) gekozen\n");
	CHECK_CONTAINS(log, "] activiteit a1 van Anna: Virtuele uitwisseling: "
	               "online samenwerken met een klas in het buitenland "
	               "(nieuw, in eigen land; competenties: open-houding, "
	               "vreemde-taal)\n");
	CHECK_CONTAINS(log, "] actie p1 van Anna: Lesmateriaal met Engelse "
	               "bronnen zoeken (wie: !! nog niemand; nodig: financi\xc3\xabn, "
	               "tijd; licenties; leerjaar 1, 2; wanneer: maart 2027; "
	               "status: bezig; bij activiteit a1)\n");
	CHECK_CONTAINS(log, "] Anna neemt actie p1 op zich: Lesmateriaal");
	CHECK_CONTAINS(log, "] actie p1 gewijzigd: Lesmateriaal met Engelse "
	               "bronnen zoeken (wie: Anna, het team, teamleider Joke;");
	CHECK_CONTAINS(log, "] Bram neemt actie p3 op zich: Gastles plannen\n");
	CHECK_CONTAINS(log, "] actie p3 is nu klaar: Gastles plannen\n");
	CHECK_CONTAINS(log, "] vervolgoverleg: 30 juni 2027\n");
	CHECK_CONTAINS(log, "] de werksessie is afgerond\n");

	/* The rest, in an unfinished room. */
	memcpy(seen, f.seen, sizeof seen);
	teardown(&f);
	setup(&f);
	own_note(&f, f.bram, 0, "Eerst zo");
	begin(&c);
	aandeslag__edit_note__init(&c.edit_note);
	c.edit_note.note_id = 1;
	c.edit_note.text = (char *)"Toch anders";
	c.cmd.op_case = AANDESLAG__COMMAND__OP_EDIT_NOTE;
	c.cmd.edit_note = &c.edit_note;
	execute(&f, f.bram, &c);
	CHECK_STR(line(&f), "[5] notitie 1 bij stap 1 gewijzigd: Toch anders\n");
	begin(&c);
	aandeslag__delete_note__init(&c.delete_note);
	c.delete_note.note_id = 1;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_DELETE_NOTE;
	c.cmd.delete_note = &c.delete_note;
	execute(&f, f.bram, &c);
	CHECK_STR(line(&f), "[6] notitie 1 verwijderd\n");
	table(&f, "b2", 0);
	table(&f, NULL, 0);
	CHECK_STR(line(&f), "[8] er ligt geen vraag meer op tafel\n");
	vote(&f, f.bram, "zelfvertrouwen", false);
	CHECK_STR(line(&f), "[9] Bram zet een stip op zelfvertrouwen "
	          "(Zelfvertrouwen en zelfstandigheid); nu 1\n");
	vote(&f, f.bram, "zelfvertrouwen", true);
	CHECK_STR(line(&f), "[10] Bram neemt een stip terug van zelfvertrouwen "
	          "(Zelfvertrouwen en zelfstandigheid); nu 0\n");
	mark(&f, "reflecteren", true);
	mark(&f, "reflecteren", false);
	CHECK_STR(line(&f), "[12] competentie reflecteren (Reflecteren op de "
	          "eigen ontwikkeling) niet meer gekozen\n");
	activity(&f, 0, "gastles", NULL, false, AANDESLAG__PLACE__PLACE_UNSET,
	         NULL);
	activity(&f, 1, NULL, "Gastles door een Duitse zorgmanager", true,
	         AANDESLAG__PLACE__PLACE_HOME, links_2);
	CHECK_STR(line(&f), "[14] activiteit a1 gewijzigd: Gastles door een "
	          "Duitse zorgmanager (doen we al, in eigen land, van de kaart: "
	          "gastles; competenties: flexibiliteit)\n");
	begin(&c);
	aandeslag__delete_activity__init(&c.delete_activity);
	c.delete_activity.activity_id = 1;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_DELETE_ACTIVITY;
	c.cmd.delete_activity = &c.delete_activity;
	execute(&f, f.anna, &c);
	CHECK_STR(line(&f), "[15] activiteit a1 verwijderd: Gastles door een "
	          "Duitse zorgmanager\n");
	action(&f, 0, "Iets doen", 0, NULL, 0, 0, NULL, 0, WHEN(NONE), NULL,
	       STATUS(OPEN));
	CHECK_STR(line(&f), "[16] actie p1 van Anna: Iets doen (wie: !! nog "
	          "niemand; status: open)\n");
	claim(&f, f.carla, 1, false);
	claim(&f, f.carla, 1, true);
	CHECK_STR(line(&f), "[18] Carla geeft actie p1 terug: Iets doen\n");
	begin(&c);
	aandeslag__delete_action__init(&c.delete_action);
	c.delete_action.action_id = 1;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_DELETE_ACTION;
	c.cmd.delete_action = &c.delete_action;
	execute(&f, f.anna, &c);
	CHECK_STR(line(&f), "[19] actie p1 verwijderd: Iets doen\n");
	setting(&f, KEY(TITLE), "Nieuwe titel", 0, false, 0);
	CHECK_STR(line(&f), "[20] titel: Nieuwe titel\n");
	setting(&f, KEY(PROGRAMME), "", 0, false, 0);
	CHECK_STR(line(&f), "[21] opleiding gewist\n");
	setting(&f, KEY(STEP_MINUTES), NULL, 45, false, 2);
	CHECK_STR(line(&f), "[22] stap 2 duurt nu 45 min (klok nog niet "
	          "gestart, 45:00)\n");
	setting(&f, KEY(VOTE_BUDGET), NULL, 5, false, 0);
	CHECK_STR(line(&f), "[23] ieder heeft nu 5 stippen\n");
	setting(&f, KEY(VOTE_STACKING), NULL, 0, true, 0);
	CHECK_STR(line(&f), "[24] meer stippen op een competentie mag nu\n");
	setting(&f, KEY(TALK_ONLY), NULL, 0, true, 0);
	CHECK_STR(line(&f), "[25] bij stap 1 praten we alleen, zonder notities\n");
	setting(&f, KEY(ANONYMOUS), NULL, 0, false, 0);
	CHECK_STR(line(&f), "[26] notities en stemmen staan weer met namen op "
	          "de poster\n");
	setting(&f, KEY(FOLLOW_UP), "", 0, false, 0);
	CHECK_STR(line(&f), "[27] vervolgoverleg gewist\n");
	setting(&f, KEY(LEVELS), NULL, 0, false, 0);
	CHECK_STR(line(&f), "[28] niveau gewist\n");
	scribe(&f, f.bram, true);
	scribe(&f, f.bram, false);
	CHECK_STR(line(&f), "[30] Bram is geen notulist meer\n");
	begin(&c);
	aandeslag__hand_over_chair__init(&c.hand_over);
	c.hand_over.participant_id = f.carla;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_HAND_OVER;
	c.cmd.hand_over = &c.hand_over;
	execute(&f, f.anna, &c);
	CHECK_STR(line(&f), "[31] Carla is nu voorzitter\n");
	begin(&c);
	aandeslag__remove_participant__init(&c.remove);
	c.remove.participant_id = f.bram;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_REMOVE;
	c.cmd.remove = &c.remove;
	execute(&f, f.carla, &c);
	CHECK_STR(line(&f), "[32] Bram is door Carla uit de werksessie gehaald\n");
	CHECK_INT(model_presence(&f.room, f.anna, false, T0, &f.ev, &f.why), ==,
	          0);
	mirror_event(&f, T0);
	CHECK_STR(line(&f), "[33] Anna is niet meer verbonden\n");
	begin(&c);
	aandeslag__add_finding__init(&c.add_finding);
	c.add_finding.text = (char *)"Stage in Aken werkt";
	c.cmd.op_case = AANDESLAG__COMMAND__OP_ADD_FINDING;
	c.cmd.add_finding = &c.add_finding;
	execute(&f, f.carla, &c);
	CHECK_STR(line(&f), "[34] bevinding t1 van Carla voor de "
	          "terugkoppeling: Stage in Aken werkt\n");
	begin(&c);
	aandeslag__delete_finding__init(&c.delete_finding);
	c.delete_finding.finding_id = 1;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_DELETE_FINDING;
	c.cmd.delete_finding = &c.delete_finding;
	execute(&f, f.carla, &c);
	CHECK_STR(line(&f), "[35] bevinding t1 verwijderd: Stage in Aken "
	          "werkt\n");
	/* Without names when the team chose that (Anna, who could set it,
	 * is no longer the chair). */
	f.room.settings.anonymous = true;
	f.mirror.settings.anonymous = true;
	begin(&c);
	aandeslag__add_finding__init(&c.add_finding);
	c.add_finding.text = (char *)"Taal eerst";
	c.cmd.op_case = AANDESLAG__COMMAND__OP_ADD_FINDING;
	c.cmd.add_finding = &c.add_finding;
	execute(&f, f.carla, &c);
	CHECK_STR(line(&f), "[36] bevinding t2 voor de terugkoppeling: "
	          "Taal eerst\n");
	CHECK_INT(model_announce(&f.room, "Om 15:00 in de aula", T0, &f.ev,
	                         &f.why), ==, 0);
	mirror_event(&f, T0);
	CHECK_STR(line(&f), "[37] bericht van de begeleider: Om 15:00 in de "
	          "aula\n");
	CHECK_INT(model_announce(&f.room, "", T0, &f.ev, &f.why), ==, 0);
	mirror_event(&f, T0);
	CHECK_STR(line(&f), "[38] het bericht van de begeleider is "
	          "weggehaald\n");
	/* Both rooms together saw every kind of event. */
	for (i = 0; i < CHANGES; i++)
		if (f.seen[i] + seen[i] == 0)
			CHECK_FAIL("no event of change case %zu", i + 16);
	teardown(&f);
}

static void
test_event_clock(void)
{
	struct fixture f;

	setup(&f);
	clock_cmd(&f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_START, 0, T0);
	CHECK_STR(line(&f), "[4] klok stap 1 gestart: loopt, 20:00 over "
	          "(gepland 20 min)\n");
	clock_cmd(&f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_PAUSE, 0, T0 + 60000);
	CHECK_STR(line(&f), "[5] klok stap 1 gepauzeerd: gepauzeerd, 19:00 over "
	          "(gepland 20 min)\n");
	clock_cmd(&f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_RESUME, 0, T0 + 90000);
	CHECK_CONTAINS(line(&f), "hervat");
	clock_cmd(&f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND, 5, T0 + 90000);
	CHECK_CONTAINS(line(&f), "verlengd met 5 min");
	CHECK_CONTAINS(line(&f), "24:00");
	CHECK_CONTAINS(line(&f), "(gepland 25 min)");
	clock_cmd(&f, AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_SHORTEN, 3, T0 + 90000);
	CHECK_CONTAINS(line(&f), "ingekort met 3 min");
	CHECK_CONTAINS(line(&f), "(gepland 22 min)");
	goto_step(&f, AANDESLAG__STEP_ACTION__STEP_ACTION_GOTO, 5, T0);
	/* The team moves on with the clock running. */
	CHECK_STR(line(&f), "[9] stap 5 Aan de slag: Wat gaan we nu doen? En "
	          "wat is daarvoor nodig? (klok loopt, 40:00 over)\n");
	teardown(&f);
}

static void
test_event_leave(void)
{
	Aandeslag__Event ev = AANDESLAG__EVENT__INIT;
	Aandeslag__ParticipantLeft left = AANDESLAG__PARTICIPANT_LEFT__INIT;
	struct fixture f;
	struct strbuf out = { 0 };

	setup(&f);
	CHECK_INT(model_leave(&f.room, f.bram, f.bram, T0, &f.ev, &f.why), ==, 0);
	mirror_event(&f, T0);
	CHECK_STR(line(&f), "[4] Bram heeft de werksessie verlaten\n");
	/* A chair who leaves: the same line. */
	CHECK_INT(model_leave(&f.room, f.anna, f.anna, T0, &f.ev, &f.why), ==, 0);
	mirror_event(&f, T0);
	CHECK_STR(line(&f), "[5] Anna heeft de werksessie verlaten\n");
	CHECK_INT(model_chair(&f.mirror), ==, f.carla);
	/* An event made by hand, rendered before it is applied. */
	left.participant_id = f.carla;
	ev.epoch = f.room.epoch;
	ev.seq = f.room.seq + 1;
	ev.actor_id = f.carla;
	ev.change_case = AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT;
	ev.participant_left = &left;
	eventline_render(&f.room, &ev, &out);
	CHECK_STR(strbuf_str(&out), "[6] Carla heeft de werksessie verlaten\n");
	strbuf_free(&out);
	/* The facilitator of a workshop moved her to another group. */
	left.moved_to = (char *)"Techniek";
	ev.actor_id = 0;
	eventline_render(&f.room, &ev, &out);
	CHECK_STR(strbuf_str(&out), "[6] Carla is door de begeleider verplaatst "
	          "naar groep Techniek\n");
	strbuf_free(&out);
	teardown(&f);
}

/* Who is chair now: handed over, taken over from a chair who was away,
 * or given back with the chair recovery code. */
static void
test_event_chair(void)
{
	Aandeslag__TakeChair take = AANDESLAG__TAKE_CHAIR__INIT;
	struct fixture f;
	struct command c;

	setup(&f);
	CHECK_INT(model_presence(&f.room, f.anna, false, T0, &f.ev, &f.why), ==,
	          0);
	mirror_event(&f, T0);
	begin(&c);
	c.cmd.op_case = AANDESLAG__COMMAND__OP_TAKE_CHAIR;
	c.cmd.take_chair = &take;
	execute_at(&f, f.bram, &c, T0 + MODEL_CHAIR_AWAY_MS);
	CHECK_STR(line(&f), "[5] Bram heeft het voorzitterschap overgenomen "
	          "van Anna\n");
	CHECK_UINT(model_chair(&f.mirror), ==, f.bram);
	/* The chair hands over: the plain line. */
	begin(&c);
	aandeslag__hand_over_chair__init(&c.hand_over);
	c.hand_over.participant_id = f.carla;
	c.cmd.op_case = AANDESLAG__COMMAND__OP_HAND_OVER;
	c.cmd.hand_over = &c.hand_over;
	execute(&f, f.bram, &c);
	CHECK_STR(line(&f), "[6] Carla is nu voorzitter\n");
	/* The server gives it back to the first chair. */
	CHECK_INT(model_give_chair(&f.room, f.anna, T0, &f.ev), ==, 0);
	mirror_event(&f, T0);
	CHECK_STR(line(&f), "[7] Anna is weer voorzitter, met de "
	          "voorzitterscode\n");
	CHECK_UINT(model_chair(&f.mirror), ==, f.anna);
	CHECK_INT(model_participant(&f.mirror, f.carla)->role, ==,
	          AANDESLAG__ROLE__ROLE_PARTICIPANT);
	teardown(&f);
}

/* An event without its sub-message, or of a kind this version lacks, is
 * said to be unknown rather than crash the client. */
static void
test_event_unknown(void)
{
	Aandeslag__Event ev = AANDESLAG__EVENT__INIT;
	struct fixture f;
	struct strbuf out = { 0 };
	int kind;

	setup(&f);
	ev.seq = 9;
	eventline_render(&f.room, &ev, &out);
	CHECK_STR(strbuf_str(&out), "[9] onbekende wijziging\n");
	for (kind = 16; kind < 16 + CHANGES; kind++) {
		strbuf_free(&out);
		ev.change_case = (Aandeslag__Event__ChangeCase)kind;
		eventline_render(&f.room, &ev, &out);
		CHECK_STR(strbuf_str(&out), "[9] onbekende wijziging\n");
	}
	strbuf_free(&out);
	teardown(&f);
}

CHECK_MAIN(CHECK_TEST(test_event_lines),
           CHECK_TEST(test_event_clock),
           CHECK_TEST(test_event_leave),
           CHECK_TEST(test_event_chair),
           CHECK_TEST(test_event_unknown))
