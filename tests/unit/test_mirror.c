/* Tests for model_apply(): mirror rooms, stale and nonsense events. */
#include "model_fixture.h"

/* ---------------------------------------------------------------- mirror */

/* A server room, a client that mirrors it from the start and a second
 * client that joins later from a snapshot, with its own local clock. */
struct mirror {
	struct model_room server;
	struct model_room client;
	struct model_room late;
	bool has_late;
	struct model_event ev;
	struct refusal why;
};

/* The late client's local time is this far from the server's. */
#define LATE_OFFSET INT64_C(-3333333)

#define MIRROR_OK(m, call, now)                                             \
	do {                                                                \
		CHECK_INT((call), ==, 0);                                   \
		CHECK_UINT((m)->ev.event.seq, ==, (m)->server.seq);         \
		CHECK_INT(model_apply(&(m)->client, &(m)->ev.event, (now)), \
		          ==, 0);                                           \
		CHECK_SAME(&(m)->server, (now), &(m)->client, (now));       \
		if ((m)->has_late) {                                        \
			CHECK_INT(model_apply(&(m)->late, &(m)->ev.event,   \
			                      (now) + LATE_OFFSET), ==, 0); \
			CHECK_SAME(&(m)->server, (now), &(m)->late,         \
			           (now) + LATE_OFFSET);                    \
		}                                                           \
	} while (0)

#define MIRROR_REFUSED(m, call, now)                                        \
	do {                                                                \
		CHECK_INT((call), ==, -EINVAL);                             \
		CHECK_SAME(&(m)->server, (now), &(m)->client, (now));       \
	} while (0)

static void
test_mirror(void)
{
	static struct mirror mm;
	struct mirror *m = &mm;
	struct model_room *s = &m->server;
	struct model_event *ev = &m->ev;
	struct refusal *why = &m->why;
	struct snapshot snap;
	const int64_t t = 10000000;
	int64_t now = t;
	uint32_t a, b, c, d;

	room_new(&m->server);
	room_new(&m->client);
	CHECK_SAME(&m->server, 0, &m->client, 0);

	MIRROR_OK(m, model_join(s, "Anna", ROLE_C, now, ev, why), now);
	a = ev->participant.id;
	MIRROR_OK(m, model_join(s, " Bert ", ROLE_C, now, ev, why), now);
	b = ev->participant.id;
	MIRROR_OK(m, model_join(s, "Carla", ROLE_P, now, ev, why), now);
	c = ev->participant.id;
	CHECK_UINT(a, ==, 1);
	CHECK_UINT(b, ==, 2);
	CHECK_UINT(c, ==, 3);
	MIRROR_REFUSED(m, model_join(s, "carla", ROLE_P, now, ev, why), now);
	MIRROR_OK(m, add_note(s, a, 0, " Over de grens ", now, ev, why), now);
	MIRROR_OK(m, add_note(s, b, 2, "Bert denkt vooruit", now, ev, why),
	          now);
	MIRROR_REFUSED(m, add_note(s, b, 6, "Te ver", now, ev, why), now);
	MIRROR_REFUSED(m, clock_cmd(s, b, C_START, 0, now, ev, why), now);
	MIRROR_OK(m, clock_cmd(s, a, C_START, 0, now, ev, why), now);
	now = t + 3 * MIN;
	MIRROR_OK(m, add_note(s, c, 0, "Tijdens de klok", now, ev, why), now);
	now = t + 4 * MIN;
	MIRROR_OK(m, clock_cmd(s, a, C_EXTEND, 5, now, ev, why), now);
	now = t + 6 * MIN;
	MIRROR_OK(m, model_presence(s, c, false, now, ev, why), now);
	now = t + 7 * MIN;
	MIRROR_OK(m, step_cmd(s, a, S_NEXT, 0, now, ev, why), now);

	/* A latecomer gets a snapshot and then the same events. */
	now = t + 7 * MIN + 30000;
	CHECK_INT(snapshot_build(&snap, s, now, 0), ==, 0);
	CHECK_INT(snapshot_load(&m->late, CONTENT, &snap.msg, now + LATE_OFFSET), ==, 0);
	snapshot_release(&snap);
	m->has_late = true;
	now = t + 8 * MIN;
	CHECK_SAME(s, now, &m->late, now + LATE_OFFSET);

	now = t + 9 * MIN;
	MIRROR_OK(m, clock_cmd(s, a, C_SHORTEN, 10, now, ev, why), now);
	now = t + 10 * MIN;
	MIRROR_OK(m, step_cmd(s, a, S_GOTO, 4, now, ev, why), now);
	now = t + 11 * MIN;
	MIRROR_OK(m, clock_cmd(s, a, C_PAUSE, 0, now, ev, why), now);
	MIRROR_REFUSED(m, clock_cmd(s, a, C_PAUSE, 0, now, ev, why), now);
	now = t + 12 * MIN;
	MIRROR_OK(m, clock_cmd(s, a, C_RESUME, 0, now, ev, why), now);
	now = t + 13 * MIN;
	MIRROR_OK(m, step_cmd(s, a, S_PREV, 0, now, ev, why), now);
	now = t + 14 * MIN;
	MIRROR_OK(m, model_presence(s, c, true, now, ev, why), now);
	now = t + 15 * MIN;
	MIRROR_OK(m, leave_cmd(s, b, now, ev, why), now);
	now = t + 16 * MIN;
	MIRROR_OK(m, model_join(s, "Dirk", ROLE_P, now, ev, why), now);
	d = ev->participant.id;
	CHECK_UINT(d, ==, 4);
	/* The chair leaves: Carla, seated longest, takes over. */
	now = t + 17 * MIN;
	MIRROR_OK(m, leave_cmd(s, a, now, ev, why), now);
	CHECK_UINT(model_chair(&m->client), ==, c);
	CHECK_UINT(model_chair(&m->late), ==, c);
	now = t + 18 * MIN;
	MIRROR_OK(m, step_cmd(s, c, S_GOTO, 5, now, ev, why), now);
	MIRROR_REFUSED(m, step_cmd(s, c, S_NEXT, 0, now, ev, why), now);
	now = t + 19 * MIN;
	MIRROR_OK(m, add_note(s, d, 1, "Terug naar het begin", now, ev, why),
	          now);
	now = t + 20 * MIN;
	MIRROR_OK(m, model_leave(s, d, 0, now, ev, why), now);
	/* Into overtime on step 5, then shortened further. */
	now = t + 60 * MIN;
	CHECK_SAME(s, now, &m->client, now);
	MIRROR_OK(m, clock_cmd(s, c, C_PAUSE, 0, now, ev, why), now);
	now = t + 61 * MIN;
	MIRROR_OK(m, clock_cmd(s, c, C_SHORTEN, 30, now, ev, why), now);

	/* The end state, read in the client. */
	now = t + 99 * MIN;
	CHECK_UINT(m->client.seq, ==, 24);
	CHECK_UINT(m->client.current_step, ==, 5);
	CHECK_UINT(m->client.nparticipants, ==, 1);
	CHECK_UINT(m->client.participants[0].id, ==, c);
	CHECK_INT(m->client.participants[0].role, ==, ROLE_C);
	CHECK(m->client.participants[0].connected);
	CHECK_UINT(m->client.nnotes, ==, 4);
	CHECK_STR(m->client.notes[0].text, "Over de grens");
	CHECK_UINT(m->client.notes[1].step, ==, 2);
	CHECK_STR(m->client.notes[1].author_name, "Bert");
	CHECK_UINT(m->client.notes[2].step, ==, 1);
	CHECK_UINT(m->client.notes[3].id, ==, 4);
	CHECK_UINT(m->client.notes[3].author_id, ==, d);
	/* Step 1: 25 min, ran 7 min. */
	CHECK_CLOCK(&m->client, 1, PAUSED, 18 * MIN, 25 * MIN, now);
	/* Step 2: ran 3 min, shortened 10: 17 left of 20. */
	CHECK_CLOCK(&m->client, 2, PAUSED, 17 * MIN, 20 * MIN, now);
	/* Step 3: ran from 13 to 18 min. */
	CHECK_CLOCK(&m->client, 3, PAUSED, 25 * MIN, 30 * MIN, now);
	/* Step 4: ran 1 + 1 min. */
	CHECK_CLOCK(&m->client, 4, PAUSED, 28 * MIN, 30 * MIN, now);
	/* Step 5: ran 42 min of 40, then 30 min less: 32 over, of 10. */
	CHECK_CLOCK(&m->client, 5, PAUSED, -32 * MIN, 10 * MIN, now);
	CHECK_SAME(s, now, &m->late, now + LATE_OFFSET);

	model_free(&m->server);
	model_free(&m->client);
	model_free(&m->late);
}

static void
test_apply_stale(void)
{
	struct model_room server, client;
	struct model_event ev;
	struct refusal why;
	Aandeslag__Event copy;

	room_new(&server);
	room_new(&client);
	CHECK_INT(model_join(&server, "Anna", ROLE_C, 0, &ev, &why), ==, 0);
	CHECK_INT(model_apply(&client, &ev.event, 0), ==, 0);
	CHECK_INT(add_note(&server, 1, 0, "Een", 0, &ev, &why), ==, 0);

	/* Another epoch. */
	copy = ev.event;
	copy.epoch = EPOCH + 1;
	CHECK_INT(model_apply(&client, &copy, 0), ==, -ESTALE);
	copy.epoch = EPOCH - 1;
	CHECK_INT(model_apply(&client, &copy, 0), ==, -ESTALE);
	CHECK_UINT(client.seq, ==, 1);
	CHECK_UINT(client.nnotes, ==, 0);

	/* A gap. */
	copy = ev.event;
	copy.seq = 3;
	CHECK_INT(model_apply(&client, &copy, 0), ==, -ESTALE);
	copy.seq = 0;
	CHECK_INT(model_apply(&client, &copy, 0), ==, -ESTALE);
	CHECK_UINT(client.seq, ==, 1);
	CHECK_UINT(client.nnotes, ==, 0);

	/* Once is fine; twice is stale. */
	CHECK_INT(model_apply(&client, &ev.event, 0), ==, 0);
	CHECK_INT(model_apply(&client, &ev.event, 0), ==, -ESTALE);
	CHECK_UINT(client.seq, ==, 2);
	CHECK_UINT(client.nnotes, ==, 1);
	CHECK_SAME(&server, 0, &client, 0);

	/* Missing an event leaves the client stale for the ones after. */
	CHECK_INT(add_note(&server, 1, 0, "Twee", 0, &ev, &why), ==, 0);
	CHECK_INT(add_note(&server, 1, 0, "Drie", 0, &ev, &why), ==, 0);
	CHECK_INT(model_apply(&client, &ev.event, 0), ==, -ESTALE);
	CHECK_UINT(client.seq, ==, 2);
	CHECK_UINT(client.nnotes, ==, 1);
	model_free(&server);
	model_free(&client);
}

/* Applies a nonsense event as the client's next one and checks that it is
 * refused and the client still equals the server. */
#define CHECK_NONSENSE(server, client, event, now)                          \
	do {                                                                \
		(event)->epoch = (client)->epoch;                           \
		(event)->seq = (client)->seq + 1;                           \
		CHECK_INT(model_apply((client), (event), (now)), ==,        \
		          -EPROTO);                                         \
		CHECK_SAME((server), (now), (client), (now));               \
	} while (0)

static void
test_apply_nonsense(void)
{
	static const char *const names[] = {
		"Bert", "Carla", "Dirk", "Eva", "Frank", "Greet",
	};
	struct model_room server, client;
	struct model_event ev;
	struct refusal why;
	Aandeslag__Event bad;
	Aandeslag__Note note;
	Aandeslag__ClockChanged cc;
	Aandeslag__StepChanged sc;
	Aandeslag__StepClock w1, w2;
	Aandeslag__Participant p;
	Aandeslag__ParticipantLeft left;
	Aandeslag__PresenceChanged pres;
	size_t i;

	room_new(&server);
	room_new(&client);
	CHECK_INT(model_join(&server, "Anna", ROLE_C, 0, &ev, &why), ==, 0);
	CHECK_INT(model_apply(&client, &ev.event, 0), ==, 0);
	CHECK_INT(add_note(&server, 1, 0, "Een", 0, &ev, &why), ==, 0);
	CHECK_INT(model_apply(&client, &ev.event, 0), ==, 0);
	CHECK_INT(clock_cmd(&server, 1, C_START, 0, 0, &ev, &why), ==, 0);
	CHECK_INT(model_apply(&client, &ev.event, 0), ==, 0);
	CHECK_SAME(&server, 1000, &client, 1000);

	/* An event with no change. */
	aandeslag__event__init(&bad);
	CHECK_NONSENSE(&server, &client, &bad, 1000);

	/* Notes at step 0 and 6, with invalid text, and more. */
	aandeslag__note__init(&note);
	note.id = 2;
	note.step = 0;
	note.author_id = 1;
	note.author_name = (char *)"Anna";
	note.text = (char *)"Twee";
	aandeslag__event__init(&bad);
	bad.change_case = AANDESLAG__EVENT__CHANGE_NOTE_ADDED;
	bad.note_added = &note;
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	note.step = 6;
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	note.step = 2;
	note.text = (char *)"\xc3\x28";
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	note.text = (char *)"met\x1b[31mkleur";
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	note.text = (char *)"";
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	note.text = (char *)"Twee";
	note.author_name = (char *)"\xff";
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	note.author_name = (char *)"Anna";
	note.id = 1;            /* not a new id */
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	bad.note_added = NULL;
	CHECK_NONSENSE(&server, &client, &bad, 1000);

	/* A running clock for a step the team is not at, and bad clocks. */
	aandeslag__clock_changed__init(&cc);
	aandeslag__step_clock__init(&w1);
	w1.step = 2;
	w1.state = RUNNING;
	w1.remaining_ms = 30 * MIN;
	w1.duration_ms = 30 * MIN;
	cc.action = C_START;
	cc.clock = &w1;
	aandeslag__event__init(&bad);
	bad.change_case = AANDESLAG__EVENT__CHANGE_CLOCK;
	bad.clock = &cc;
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	w1.step = 0;
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	w1.step = 6;
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	w1.step = 1;
	w1.remaining_ms = 30 * MIN + 1;  /* more left than planned */
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	w1.remaining_ms = 10 * MIN;
	w1.state = 7;
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	cc.clock = NULL;
	CHECK_NONSENSE(&server, &client, &bad, 1000);

	/* Step changes that do not fit. */
	aandeslag__step_changed__init(&sc);
	aandeslag__step_clock__init(&w1);
	aandeslag__step_clock__init(&w2);
	w1.step = 2;
	w1.state = RUNNING;
	w1.remaining_ms = 30 * MIN;
	w1.duration_ms = 30 * MIN;
	w2.step = 1;
	w2.state = RUNNING;     /* the step left must not run */
	w2.remaining_ms = 19 * MIN;
	w2.duration_ms = 20 * MIN;
	sc.step = 2;
	sc.clock = &w1;
	sc.previous = &w2;
	aandeslag__event__init(&bad);
	bad.change_case = AANDESLAG__EVENT__CHANGE_STEP;
	bad.step = &sc;
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	w2.state = PAUSED;
	sc.step = 1;            /* the same step */
	w1.step = 1;
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	sc.step = 6;
	w1.step = 6;
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	sc.step = 3;            /* the clock is of another step */
	w1.step = 2;
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	sc.step = 2;
	w2.step = 4;            /* left a step the team was not at */
	CHECK_NONSENSE(&server, &client, &bad, 1000);

	/* Leaving and presence of nobody. */
	aandeslag__participant_left__init(&left);
	left.participant_id = 99;
	aandeslag__event__init(&bad);
	bad.change_case = AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT;
	bad.participant_left = &left;
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	left.participant_id = 0;
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	aandeslag__presence_changed__init(&pres);
	pres.participant_id = 99;
	aandeslag__event__init(&bad);
	bad.change_case = AANDESLAG__EVENT__CHANGE_PRESENCE;
	bad.presence = &pres;
	CHECK_NONSENSE(&server, &client, &bad, 1000);

	/* Joins that do not fit: a second chair, a viewer, an old id, a bad
	 * name. */
	aandeslag__participant__init(&p);
	p.id = 2;
	p.name = (char *)"Bert";
	p.role = ROLE_C;
	p.connected = true;
	aandeslag__event__init(&bad);
	bad.change_case = AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED;
	bad.participant_joined = &p;
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	p.role = ROLE_V;
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	p.role = ROLE_P;
	p.id = 1;
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	p.id = 0;
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	p.id = 2;
	p.name = (char *)"";
	CHECK_NONSENSE(&server, &client, &bad, 1000);
	p.name = (char *)"Be\nrt";
	CHECK_NONSENSE(&server, &client, &bad, 1000);

	/* After all that nonsense the real next event still applies. */
	CHECK_INT(add_note(&server, 1, 0, "Twee", 2000, &ev, &why), ==, 0);
	CHECK_INT(model_apply(&client, &ev.event, 2000), ==, 0);
	CHECK_SAME(&server, 3000, &client, 3000);

	/* Fill the room; an eighth seat is nonsense. */
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		CHECK_INT(model_join(&server, names[i], ROLE_P, 3000, &ev,
		                     &why), ==, 0);
		CHECK_INT(model_apply(&client, &ev.event, 3000), ==, 0);
	}
	CHECK_UINT(client.nparticipants, ==, 7);
	p.id = 8;
	p.name = (char *)"Hans";
	p.role = ROLE_P;
	aandeslag__event__init(&bad);
	bad.change_case = AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED;
	bad.participant_joined = &p;
	CHECK_NONSENSE(&server, &client, &bad, 4000);
	CHECK_UINT(client.nparticipants, ==, 7);
	CHECK_UINT(client.seq, ==, 10);
	model_free(&server);
	model_free(&client);
}

/* An event may not seat a name that model_join() would refuse. */
static void
test_apply_duplicate_name(void)
{
	struct model_room room;
	Aandeslag__Event ev = AANDESLAG__EVENT__INIT;
	Aandeslag__Participant p = AANDESLAG__PARTICIPANT__INIT;

	room_new(&room);
	join(&room, "Anna", ROLE_C, 0);
	p.id = 2;
	p.name = (char *)"ANNA";
	ev.epoch = EPOCH;
	ev.seq = room.seq + 1;
	ev.change_case = AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED;
	ev.participant_joined = &p;
	CHECK_INT(model_apply(&room, &ev, 0), ==, -EPROTO);
	CHECK_UINT(room.nparticipants, ==, 1);
	p.name = (char *)"Bob";
	CHECK_INT(model_apply(&room, &ev, 0), ==, 0);
	CHECK_UINT(room.nparticipants, ==, 2);
	model_free(&room);
}

CHECK_MAIN(CHECK_TEST(test_apply_duplicate_name),
           CHECK_TEST(test_mirror),
           CHECK_TEST(test_apply_stale),
           CHECK_TEST(test_apply_nonsense))
