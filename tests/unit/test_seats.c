/* Tests for seats.c: how long a chair who is away keeps the role, taking
 * the chair over, giving it back with the recovery code, and the check
 * of recognising a colleague on a new laptop. Every accepted command is
 * also applied to a mirror, which must end up the same. */
#include "model_fixture.h"
#include "eventline.h"
#include "settings.h"
#include "strbuf.h"

/* The server's room and a client's mirror, with Anna (chair), Bram and
 * Carla seated at T. */
struct pair {
	struct model_room room;
	struct model_room mirror;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, bram, carla;
};

#define T INT64_C(50000000)

/* Applies the event just made to the mirror at now and compares. */
static void
mirror(struct pair *p, int64_t now)
{
	size_t i;

	CHECK_UINT(p->ev.event.seq, ==, p->room.seq);
	CHECK_INT(model_apply(&p->mirror, &p->ev.event, now), ==, 0);
	CHECK_SAME(&p->room, now, &p->mirror, now);
	for (i = 0; i < p->room.nparticipants; i++)
		CHECK_INT(p->room.participants[i].away_since, ==,
		          p->mirror.participants[i].away_since);
	model_event_release(&p->ev);
}

/* Checks rc is 0 and mirrors the event. */
#define OK(p, call, now)                                                    \
	do {                                                                \
		CHECK_INT((call), ==, 0);                                   \
		mirror((p), (now));                                         \
	} while (0)

static void
pair_setup(struct pair *p)
{
	memset(p, 0, sizeof *p);
	room_new(&p->room);
	room_new(&p->mirror);
	OK(p, model_join(&p->room, "Anna", ROLE_C, T, &p->ev, &p->why), T);
	p->anna = p->ev.participant.id;
	OK(p, model_join(&p->room, "Bram", ROLE_P, T, &p->ev, &p->why), T);
	p->bram = p->ev.participant.id;
	OK(p, model_join(&p->room, "Carla", ROLE_P, T, &p->ev, &p->why), T);
	p->carla = p->ev.participant.id;
}

static void
pair_teardown(struct pair *p)
{
	model_event_release(&p->ev);
	model_free(&p->room);
	model_free(&p->mirror);
}

static int
take_chair_in(struct model_room *room, uint32_t actor, int64_t now,
              struct model_event *ev, struct refusal *why)
{
	Aandeslag__Command cmd;
	Aandeslag__TakeChair tc;

	aandeslag__command__init(&cmd);
	aandeslag__take_chair__init(&tc);
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_TAKE_CHAIR;
	cmd.take_chair = &tc;
	return model_execute(room, actor, &cmd, now, ev, why);
}

static int
take_chair(struct pair *p, uint32_t actor, int64_t now)
{
	return take_chair_in(&p->room, actor, now, &p->ev, &p->why);
}

static int
hand_over(struct pair *p, uint32_t actor, uint32_t to, int64_t now)
{
	Aandeslag__Command cmd;
	Aandeslag__HandOverChair ho;

	aandeslag__command__init(&cmd);
	aandeslag__hand_over_chair__init(&ho);
	ho.participant_id = to;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_HAND_OVER;
	cmd.hand_over = &ho;
	return model_execute(&p->room, actor, &cmd, now, &p->ev, &p->why);
}

static int
scribe(struct pair *p, uint32_t actor, uint32_t id, int64_t now)
{
	Aandeslag__Command cmd;
	Aandeslag__SetScribe sc;

	aandeslag__command__init(&cmd);
	aandeslag__set_scribe__init(&sc);
	sc.participant_id = id;
	sc.scribe = true;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_SCRIBE;
	cmd.scribe = &sc;
	return model_execute(&p->room, actor, &cmd, now, &p->ev, &p->why);
}

static int
finish(struct pair *p, uint32_t actor, int64_t now)
{
	Aandeslag__Command cmd;
	Aandeslag__Finish fin;

	aandeslag__command__init(&cmd);
	aandeslag__finish__init(&fin);
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_FINISH;
	cmd.finish = &fin;
	return model_execute(&p->room, actor, &cmd, now, &p->ev, &p->why);
}

static int
set_locked(struct pair *p, uint32_t actor, bool locked, int64_t now)
{
	Aandeslag__Command cmd;
	Aandeslag__ChangeSetting cs;

	aandeslag__command__init(&cmd);
	aandeslag__change_setting__init(&cs);
	cs.key = AANDESLAG__SETTING_KEY__SETTING_LOCKED;
	cs.flag = locked;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_SETTING;
	cmd.setting = &cs;
	return model_execute(&p->room, actor, &cmd, now, &p->ev, &p->why);
}

static int
set_password(struct pair *p, uint32_t actor, bool on, const char *text,
             int64_t now)
{
	Aandeslag__Command cmd;
	Aandeslag__ChangeSetting cs;

	aandeslag__command__init(&cmd);
	aandeslag__change_setting__init(&cs);
	cs.key = AANDESLAG__SETTING_KEY__SETTING_PASSWORD;
	cs.flag = on;
	cs.text = (char *)text;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_SETTING;
	cmd.setting = &cs;
	return model_execute(&p->room, actor, &cmd, now, &p->ev, &p->why);
}

/* A Recognise command for id, checked for actor. */
static int
recognise(const struct model_room *room, uint32_t actor, uint32_t id,
          struct refusal *why)
{
	Aandeslag__Command cmd;
	Aandeslag__Recognise rc;

	aandeslag__command__init(&cmd);
	aandeslag__recognise__init(&rc);
	rc.participant_id = id;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_RECOGNISE;
	cmd.recognise = &rc;
	return model_check_recognise(room, actor, &cmd, why);
}

/* -------------------------------------------------------------- away */

static void
test_away_since(void)
{
	static struct pair pp;
	struct pair *p = &pp;
	const struct model_participant *bram;

	pair_setup(p);
	bram = model_participant(&p->room, p->bram);
	CHECK(bram->connected);
	CHECK_INT(bram->away_since, ==, 0);
	OK(p, model_presence(&p->room, p->bram, false, T + 1234, &p->ev,
	                     &p->why), T + 1234);
	CHECK_INT(bram->away_since, ==, T + 1234);
	CHECK_INT(model_participant(&p->mirror, p->bram)->away_since, ==,
	          T + 1234);
	CHECK_INT(model_participant(&p->room, p->anna)->away_since, ==, 0);
	/* Back: no longer away. */
	OK(p, model_presence(&p->room, p->bram, true, T + 5000, &p->ev,
	                     &p->why), T + 5000);
	CHECK_INT(bram->away_since, ==, 0);
	/* Away again: counted afresh. */
	OK(p, model_presence(&p->room, p->bram, false, T + 9000, &p->ev,
	                     &p->why), T + 9000);
	CHECK_INT(bram->away_since, ==, T + 9000);
	/* A repeated "gone" (only an event could say it twice) keeps the
	 * time the connection went. */
	p->ev.event.seq = p->mirror.seq + 1;
	CHECK_INT(model_apply(&p->mirror, &p->ev.event, T + 20000), ==, 0);
	CHECK_INT(model_participant(&p->mirror, p->bram)->away_since, ==,
	          T + 9000);
	pair_teardown(p);
}

/* A snapshot's participant who is not connected is away from the time the
 * snapshot is loaded; one who is connected is not away. */
static void
test_away_since_snapshot(void)
{
	static struct pair pp;
	struct pair *p = &pp;
	struct model_room loaded;
	struct snapshot snap;
	const int64_t local = 777000;

	pair_setup(p);
	OK(p, model_presence(&p->room, p->anna, false, T, &p->ev, &p->why), T);
	OK(p, model_presence(&p->room, p->carla, false, T, &p->ev, &p->why),
	   T);
	CHECK_INT(snapshot_build(&snap, &p->room, T + 3 * MIN, 0), ==, 0);
	CHECK_INT(snapshot_load(&loaded, CONTENT, &snap.msg, local), ==, 0);
	snapshot_release(&snap);
	CHECK_SAME(&p->room, T, &loaded, local);
	CHECK(!model_participant(&loaded, p->anna)->connected);
	CHECK_INT(model_participant(&loaded, p->anna)->away_since, ==, local);
	CHECK_INT(model_participant(&loaded, p->carla)->away_since, ==, local);
	CHECK(model_participant(&loaded, p->bram)->connected);
	CHECK_INT(model_participant(&loaded, p->bram)->away_since, ==, 0);
	/* The loaded room counts the chair's absence from local. */
	CHECK_REFUSED(take_chair_in(&loaded, p->bram, local + 4 * MIN, &p->ev,
	                            &p->why), p->why, E(CHAIR_PRESENT), 1, "1",
	              NULL);
	CHECK_INT(take_chair_in(&loaded, p->bram, local + 5 * MIN, &p->ev,
	                        &p->why), ==, 0);
	CHECK_UINT(model_chair(&loaded), ==, p->bram);
	model_free(&loaded);
	pair_teardown(p);
}

/* -------------------------------------------------------- take chair */

/* While the chair is connected, and for MODEL_CHAIR_AWAY_MS after they
 * went, nobody takes the chair; the refusal says how many whole minutes
 * are left, rounded up. */
static void
test_take_chair_waits(void)
{
	static struct pair pp;
	struct pair *p = &pp;
	const int64_t gone = T + 7 * MIN;

	CHECK_INT(MODEL_CHAIR_AWAY_MS, ==, 5 * 60 * 1000);
	pair_setup(p);
	CHECK_REFUSED(take_chair(p, p->bram, T), p->why, E(CHAIR_PRESENT), 1,
	              "5", NULL);
	/* However long the chair has been there. */
	CHECK_REFUSED(take_chair(p, p->bram, T + 60 * MIN), p->why,
	              E(CHAIR_PRESENT), 1, "5", NULL);
	OK(p, model_presence(&p->room, p->anna, false, gone, &p->ev, &p->why),
	   gone);
	CHECK_REFUSED(take_chair(p, p->bram, gone), p->why, E(CHAIR_PRESENT),
	              1, "5", NULL);
	CHECK_REFUSED(take_chair(p, p->bram, gone + 1), p->why,
	              E(CHAIR_PRESENT), 1, "5", NULL);
	CHECK_REFUSED(take_chair(p, p->bram, gone + MIN), p->why,
	              E(CHAIR_PRESENT), 1, "4", NULL);
	CHECK_REFUSED(take_chair(p, p->carla, gone + 4 * MIN), p->why,
	              E(CHAIR_PRESENT), 1, "1", NULL);
	CHECK_REFUSED(take_chair(p, p->bram, gone + 5 * MIN - 1), p->why,
	              E(CHAIR_PRESENT), 1, "1", NULL);
	/* A clock that reads earlier than the going: the full time. */
	CHECK_REFUSED(take_chair(p, p->bram, gone - MIN), p->why,
	              E(CHAIR_PRESENT), 1, "5", NULL);
	/* Nothing changed. */
	CHECK_UINT(p->room.seq, ==, 4);
	CHECK_UINT(model_chair(&p->room), ==, p->anna);

	OK(p, take_chair(p, p->bram, gone + 5 * MIN), gone + 5 * MIN);
	CHECK_UINT(p->ev.event.actor_id, ==, p->bram);
	CHECK_INT(p->ev.event.change_case, ==, AANDESLAG__EVENT__CHANGE_ROLE);
	CHECK_UINT(p->ev.role.participant_id, ==, p->bram);
	CHECK_INT(p->ev.role.role, ==, ROLE_C);
	CHECK_UINT(model_chair(&p->room), ==, p->bram);
	CHECK_INT(model_participant(&p->room, p->anna)->role, ==, ROLE_P);
	CHECK_UINT(model_chair(&p->mirror), ==, p->bram);
	CHECK_INT(model_participant(&p->mirror, p->anna)->role, ==, ROLE_P);
	/* Anna is still seated, still away. */
	CHECK_UINT(p->room.nparticipants, ==, 3);
	CHECK(!model_participant(&p->room, p->anna)->connected);

	/* Now Bram is the chair who is there: Carla waits for him. */
	CHECK_REFUSED(take_chair(p, p->carla, gone + 20 * MIN), p->why,
	              E(CHAIR_PRESENT), 1, "5", NULL);
	/* A chair who comes back after a short while starts afresh. */
	OK(p, model_presence(&p->room, p->bram, false, gone + 21 * MIN,
	                     &p->ev, &p->why), gone + 21 * MIN);
	OK(p, model_presence(&p->room, p->bram, true, gone + 24 * MIN,
	                     &p->ev, &p->why), gone + 24 * MIN);
	OK(p, model_presence(&p->room, p->bram, false, gone + 25 * MIN,
	                     &p->ev, &p->why), gone + 25 * MIN);
	CHECK_REFUSED(take_chair(p, p->carla, gone + 27 * MIN), p->why,
	              E(CHAIR_PRESENT), 1, "3", NULL);
	OK(p, take_chair(p, p->carla, gone + 30 * MIN), gone + 30 * MIN);
	CHECK_UINT(model_chair(&p->mirror), ==, p->carla);
	CHECK_INT(model_participant(&p->mirror, p->bram)->role, ==, ROLE_P);
	pair_teardown(p);
}

/* Who may take the chair: a participant or a scribe, not the chair; also
 * in a finished session; at once in a room without a chair. */
static void
test_take_chair_who(void)
{
	static struct pair pp;
	struct pair *p = &pp;
	const int64_t later = T + 10 * MIN;
	Aandeslag__Participant dirk = AANDESLAG__PARTICIPANT__INIT;
	Aandeslag__Event e = AANDESLAG__EVENT__INIT;

	pair_setup(p);
	CHECK_REFUSED(take_chair(p, p->anna, T), p->why, E(NOT_ALLOWED), 1,
	              "chair", NULL);
	CHECK_REFUSED(take_chair(p, 99, T), p->why, E(NOT_ALLOWED), 1,
	              "chair", NULL);
	OK(p, scribe(p, p->anna, p->carla, T), T);
	OK(p, finish(p, p->anna, T), T);
	OK(p, model_presence(&p->room, p->anna, false, T, &p->ev, &p->why), T);
	/* A scribe, in a finished session. */
	OK(p, take_chair(p, p->carla, later), later);
	CHECK_UINT(model_chair(&p->room), ==, p->carla);
	CHECK_INT(model_participant(&p->room, p->anna)->role, ==, ROLE_P);
	pair_teardown(p);

	/* A room whose seated have no chair (as a snapshot may bring it):
	 * the chair is there to take. */
	room_new(&p->room);
	dirk.id = 1;
	dirk.name = (char *)"Dirk";
	dirk.role = (Aandeslag__Role)ROLE_P;
	dirk.connected = true;
	e.epoch = EPOCH;
	e.seq = 1;
	e.actor_id = 1;
	e.change_case = AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED;
	e.participant_joined = &dirk;
	CHECK_INT(model_apply(&p->room, &e, T), ==, 0);
	CHECK_UINT(model_chair(&p->room), ==, 0);
	CHECK_INT(take_chair(p, 1, T), ==, 0);
	CHECK_UINT(model_chair(&p->room), ==, 1);
	model_free(&p->room);
}

/* A chair who was taken over, or who handed over, breaks nothing: the
 * old chair keeps their notes and sits on as a participant; the new one
 * runs the clock, and passes the chair on when leaving. */
static void
test_take_chair_after(void)
{
	static struct pair pp;
	struct pair *p = &pp;
	const int64_t back = T + 10 * MIN;
	uint32_t note;

	pair_setup(p);
	OK(p, add_note(&p->room, p->anna, 0, "Van Anna", T, &p->ev, &p->why),
	   T);
	note = p->ev.note.id;
	OK(p, clock_cmd(&p->room, p->anna, C_START, 0, T, &p->ev, &p->why), T);
	OK(p, model_presence(&p->room, p->anna, false, T + MIN, &p->ev,
	                     &p->why), T + MIN);
	OK(p, take_chair(p, p->bram, T + 6 * MIN), T + 6 * MIN);
	/* The clock ran on meanwhile; the new chair runs it. */
	CHECK_CLOCK(&p->room, 1, RUNNING, 14 * MIN, 20 * MIN, T + 6 * MIN);
	OK(p, clock_cmd(&p->room, p->bram, C_PAUSE, 0, T + 7 * MIN, &p->ev,
	                &p->why), T + 7 * MIN);
	/* Anna comes back: a participant, who may not take it back while
	 * Bram is there. */
	OK(p, model_presence(&p->room, p->anna, true, back, &p->ev, &p->why),
	   back);
	CHECK_INT(model_participant(&p->room, p->anna)->role, ==, ROLE_P);
	CHECK_REFUSED(clock_cmd(&p->room, p->anna, C_RESUME, 0, back, &p->ev,
	                        &p->why), p->why, E(NOT_ALLOWED), 1, "chair",
	              NULL);
	CHECK_REFUSED(take_chair(p, p->anna, back + 60 * MIN), p->why,
	              E(CHAIR_PRESENT), 1, "5", NULL);
	CHECK_REFUSED(hand_over(p, p->anna, p->carla, back), p->why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	/* Her note is still hers to edit, and the new chair's too. */
	CHECK(model_note(&p->room, note) != NULL);
	CHECK_UINT(model_note(&p->room, note)->author_id, ==, p->anna);
	OK(p, add_note(&p->room, p->anna, 0, "Weer terug", back, &p->ev,
	               &p->why), back);
	/* Bram hands back, as a chair does. */
	OK(p, hand_over(p, p->bram, p->anna, back), back);
	CHECK_UINT(model_chair(&p->room), ==, p->anna);
	CHECK_INT(model_participant(&p->room, p->bram)->role, ==, ROLE_P);
	OK(p, clock_cmd(&p->room, p->anna, C_RESUME, 0, back, &p->ev,
	                &p->why), back);
	/* Taken over once more, the new chair leaves: the chair goes to
	 * whoever has been seated longest, Anna. */
	OK(p, model_presence(&p->room, p->anna, false, back, &p->ev, &p->why),
	   back);
	OK(p, take_chair(p, p->carla, back + 5 * MIN), back + 5 * MIN);
	OK(p, leave_cmd(&p->room, p->carla, back + 6 * MIN, &p->ev, &p->why),
	   back + 6 * MIN);
	CHECK_UINT(model_chair(&p->room), ==, p->anna);
	CHECK_UINT(model_chair(&p->mirror), ==, p->anna);
	CHECK_UINT(p->room.nparticipants, ==, 2);
	pair_teardown(p);
}

/* The server gives the chair back to the chair with the recovery code. */
static void
test_give_chair(void)
{
	static struct pair pp;
	struct pair *p = &pp;

	pair_setup(p);
	CHECK_INT(model_give_chair(&p->room, p->anna, T, &p->ev), ==,
	          -EALREADY);
	CHECK_INT(model_give_chair(&p->room, 99, T, &p->ev), ==, -ENOENT);
	CHECK_UINT(p->room.seq, ==, 3);
	OK(p, model_presence(&p->room, p->anna, false, T, &p->ev, &p->why), T);
	OK(p, take_chair(p, p->bram, T + 5 * MIN), T + 5 * MIN);
	OK(p, model_give_chair(&p->room, p->anna, T + 6 * MIN, &p->ev),
	   T + 6 * MIN);
	CHECK_UINT(p->ev.event.actor_id, ==, 0);
	CHECK_UINT(p->ev.role.participant_id, ==, p->anna);
	CHECK_UINT(model_chair(&p->mirror), ==, p->anna);
	CHECK_INT(model_participant(&p->mirror, p->bram)->role, ==, ROLE_P);
	pair_teardown(p);
}

/* --------------------------------------------------------- recognise */

static void
test_recognise(void)
{
	static struct pair pp;
	struct pair *p = &pp;
	struct model_room *r = &p->room;
	Aandeslag__Command cmd;
	Aandeslag__Recognise rc;

	pair_setup(p);
	/* Only someone who is away. */
	CHECK_REFUSED(recognise(r, p->anna, p->bram, &p->why), p->why,
	              E(ALREADY_PRESENT), 0, NULL, NULL);
	OK(p, model_presence(r, p->bram, false, T, &p->ev, &p->why), T);
	CHECK_INT(recognise(r, p->anna, p->bram, &p->why), ==, 0);
	CHECK_REFUSED(recognise(r, p->anna, 99, &p->why), p->why,
	              E(NO_SUCH_PARTICIPANT), 1, "99", NULL);
	CHECK_REFUSED(recognise(r, p->anna, 0, &p->why), p->why,
	              E(NO_SUCH_PARTICIPANT), 1, "0", NULL);
	CHECK_REFUSED(recognise(r, p->anna, p->anna, &p->why), p->why,
	              E(ALREADY_CHAIR), 0, NULL, NULL);
	/* Only the chair. */
	CHECK_REFUSED(recognise(r, p->carla, p->bram, &p->why), p->why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_REFUSED(recognise(r, 99, p->bram, &p->why), p->why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	/* Nothing changed. */
	CHECK_UINT(r->seq, ==, 4);
	CHECK_SAME(r, T, &p->mirror, T);

	/* It makes no event: model_execute() will not run it. */
	aandeslag__command__init(&cmd);
	aandeslag__recognise__init(&rc);
	rc.participant_id = p->bram;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_RECOGNISE;
	cmd.recognise = &rc;
	CHECK_REFUSED(model_execute(r, p->anna, &cmd, T, &p->ev, &p->why),
	              p->why, E(UNKNOWN_COMMAND), 0, NULL, NULL);
	CHECK_UINT(r->seq, ==, 4);
	/* An incomplete command, or another one. */
	cmd.recognise = NULL;
	CHECK_REFUSED(model_check_recognise(r, p->anna, &cmd, &p->why),
	              p->why, E(UNKNOWN_COMMAND), 0, NULL, NULL);
	cmd.op_case = AANDESLAG__COMMAND__OP__NOT_SET;
	CHECK_REFUSED(model_check_recognise(r, p->anna, &cmd, &p->why),
	              p->why, E(UNKNOWN_COMMAND), 0, NULL, NULL);

	/* Also in a finished session; and the new chair, not the old. */
	OK(p, finish(p, p->anna, T), T);
	CHECK_INT(recognise(r, p->anna, p->bram, &p->why), ==, 0);
	OK(p, hand_over(p, p->anna, p->carla, T), T);
	CHECK_REFUSED(recognise(r, p->anna, p->bram, &p->why), p->why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_INT(recognise(r, p->carla, p->bram, &p->why), ==, 0);
	pair_teardown(p);
}

/* Every event the seats make can be released, as any event of the model:
 * the server releases what it stores and broadcasts without knowing which
 * function made it. The event starts as garbage, as on the stack. */
static void
test_events_release(void)
{
	struct pair p;

	pair_setup(&p);
	memset(&p.ev, 0xa5, sizeof p.ev);
	OK(&p, model_presence(&p.room, p.bram, false, T, &p.ev, &p.why), T);
	memset(&p.ev, 0xa5, sizeof p.ev);
	OK(&p, model_give_chair(&p.room, p.bram, T, &p.ev), T);
	memset(&p.ev, 0xa5, sizeof p.ev);
	OK(&p, model_leave(&p.room, p.carla, 0, T, &p.ev, &p.why), T);
	memset(&p.ev, 0xa5, sizeof p.ev);
	OK(&p, model_join(&p.room, "Dewi", AANDESLAG__ROLE__ROLE_PARTICIPANT,
	                  T, &p.ev, &p.why), T);
	pair_teardown(&p);
}

/* -------------------------------------------------------------- lock */

/* The chair locks the room against newcomers and opens it again; the
 * mirror and a snapshot follow; nobody else may; finishing closes it
 * too. */
static void
test_lock(void)
{
	static struct pair pp;
	struct pair *p = &pp;
	struct model_room loaded;
	struct snapshot snap;

	pair_setup(p);
	CHECK(settings_takes_newcomers(&p->room));
	CHECK_REFUSED(set_locked(p, p->bram, true, T), p->why, E(NOT_ALLOWED),
	              1, "chair", NULL);
	CHECK(settings_takes_newcomers(&p->room));
	OK(p, set_locked(p, p->anna, true, T), T);
	CHECK(!settings_takes_newcomers(&p->room));
	CHECK(!settings_takes_newcomers(&p->mirror));
	CHECK_INT(snapshot_build(&snap, &p->room, T, 0), ==, 0);
	CHECK_INT(snapshot_load(&loaded, CONTENT, &snap.msg, T), ==, 0);
	snapshot_release(&snap);
	CHECK(loaded.settings.locked);
	CHECK(!settings_takes_newcomers(&loaded));
	model_free(&loaded);
	OK(p, set_locked(p, p->anna, false, T + MIN), T + MIN);
	CHECK(settings_takes_newcomers(&p->mirror));
	OK(p, finish(p, p->anna, T + MIN), T + MIN);
	CHECK(!p->room.settings.locked);
	CHECK(!settings_takes_newcomers(&p->room));
	pair_teardown(p);
}

/* ---------------------------------------------------------- password */

/* The model knows only whether the room has a password: the chair sets
 * the flag (the server took the password out), the event and a snapshot
 * carry it, and a command that still holds a text is refused rather
 * than let it into an event. */
static void
test_password(void)
{
	static struct pair pp;
	struct pair *p = &pp;
	struct model_room loaded;
	struct snapshot snap;
	struct strbuf line = { 0 };

	pair_setup(p);
	CHECK_REFUSED(set_password(p, p->bram, true, "", T), p->why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_REFUSED(set_password(p, p->anna, true, "appeltaart", T), p->why,
	              E(BAD_SETTING), 0, NULL, NULL);
	CHECK(!p->room.settings.password_set);
	CHECK_INT(set_password(p, p->anna, true, "", T), ==, 0);
	CHECK_STR(p->ev.change.text, "");
	CHECK(p->ev.change.flag);
	eventline_render(&p->mirror, &p->ev.event, &line);
	CHECK_CONTAINS(strbuf_str(&line), "de werksessie heeft nu een wachtwoord");
	mirror(p, T);
	CHECK(p->room.settings.password_set);
	CHECK(p->mirror.settings.password_set);
	/* A password keeps newcomers out only with the server's check: the
	 * room still takes them. */
	CHECK(settings_takes_newcomers(&p->room));
	CHECK_INT(snapshot_build(&snap, &p->room, T, 0), ==, 0);
	CHECK(snap.msg.settings->password_set);
	CHECK_INT(snapshot_load(&loaded, CONTENT, &snap.msg, T), ==, 0);
	snapshot_release(&snap);
	CHECK(loaded.settings.password_set);
	model_free(&loaded);
	CHECK_INT(set_password(p, p->anna, false, "", T + MIN), ==, 0);
	eventline_render(&p->mirror, &p->ev.event, &line);
	CHECK_CONTAINS(strbuf_str(&line),
	               "de werksessie heeft geen wachtwoord meer");
	mirror(p, T + MIN);
	CHECK(!p->mirror.settings.password_set);
	strbuf_free(&line);
	pair_teardown(p);
}

CHECK_MAIN(CHECK_TEST(test_lock), CHECK_TEST(test_password),
           CHECK_TEST(test_events_release),
           CHECK_TEST(test_away_since),
           CHECK_TEST(test_away_since_snapshot),
           CHECK_TEST(test_take_chair_waits),
           CHECK_TEST(test_take_chair_who),
           CHECK_TEST(test_take_chair_after),
           CHECK_TEST(test_give_chair),
           CHECK_TEST(test_recognise))
