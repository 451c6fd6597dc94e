/* Tests for model.c and snapshot.c: commands, refusals, events, snapshots. */
#include "check.h"
#include "fixture.h"

#define CONTENT fixture_content()

#include "clock.h"
#include "model.h"
#include "refusal.h"
#include "snapshot.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

#define CODE "K7QM-2XPD"
#define TITLE "Teamdag internationalisering"
#define EPOCH UINT64_C(42)
#define MIN CLOCK_MINUTE_MS

#define ROLE_P AANDESLAG__ROLE__ROLE_PARTICIPANT
#define ROLE_C AANDESLAG__ROLE__ROLE_CHAIR
#define ROLE_V AANDESLAG__ROLE__ROLE_VIEWER
#define ROLE_F AANDESLAG__ROLE__ROLE_FACILITATOR

#define IDLE AANDESLAG__CLOCK_STATE__CLOCK_IDLE
#define RUNNING AANDESLAG__CLOCK_STATE__CLOCK_RUNNING
#define PAUSED AANDESLAG__CLOCK_STATE__CLOCK_PAUSED

#define C_NONE AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_NONE
#define C_START AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_START
#define C_PAUSE AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_PAUSE
#define C_RESUME AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_RESUME
#define C_EXTEND AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND
#define C_SHORTEN AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_SHORTEN

#define S_NONE AANDESLAG__STEP_ACTION__STEP_ACTION_NONE
#define S_NEXT AANDESLAG__STEP_ACTION__STEP_ACTION_NEXT
#define S_PREV AANDESLAG__STEP_ACTION__STEP_ACTION_PREV
#define S_GOTO AANDESLAG__STEP_ACTION__STEP_ACTION_GOTO

/* Checks that two rooms hold the same state, room a read at now_a and
 * room b at now_b (their local clocks may differ). */
#define CHECK_SAME(a, now_a, b, now_b)                                      \
	do {                                                                \
		const char *same_diff_ = diff_rooms((a), (now_a), (b),      \
		                                    (now_b));               \
		if (same_diff_ != NULL)                                     \
			CHECK_FAIL("rooms differ: %s", same_diff_);         \
	} while (0)

/* ------------------------------------------------------------- helpers */

static char diff_buf[256];

static bool
str_eq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Returns NULL when the rooms are the same, else what differs. */
static const char *
diff_rooms(const struct model_room *a, int64_t now_a,
           const struct model_room *b, int64_t now_b)
{
	size_t i;

#define DIFF(...)                                                           \
	do {                                                                \
		snprintf(diff_buf, sizeof diff_buf, __VA_ARGS__);           \
		return diff_buf;                                            \
	} while (0)

	if (a->epoch != b->epoch)
		DIFF("epoch %llu vs %llu", (unsigned long long)a->epoch,
		     (unsigned long long)b->epoch);
	if (a->seq != b->seq)
		DIFF("seq %llu vs %llu", (unsigned long long)a->seq,
		     (unsigned long long)b->seq);
	if (strcmp(a->code, b->code) != 0)
		DIFF("code %s vs %s", a->code, b->code);
	if (!str_eq(a->title, b->title))
		DIFF("title");
	if (a->current_step != b->current_step)
		DIFF("current_step %u vs %u", (unsigned)a->current_step,
		     (unsigned)b->current_step);
	for (i = 0; i < STEPS_COUNT; i++) {
		const struct clock *ca = &a->clocks[i], *cb = &b->clocks[i];

		if (ca->state != cb->state)
			DIFF("clock %zu state %d vs %d", i + 1, ca->state,
			     cb->state);
		if (ca->duration_ms != cb->duration_ms)
			DIFF("clock %zu duration %lld vs %lld", i + 1,
			     (long long)ca->duration_ms,
			     (long long)cb->duration_ms);
		if (clock_remaining(ca, now_a) != clock_remaining(cb, now_b))
			DIFF("clock %zu remaining %lld vs %lld", i + 1,
			     (long long)clock_remaining(ca, now_a),
			     (long long)clock_remaining(cb, now_b));
	}
	if (a->nparticipants != b->nparticipants)
		DIFF("nparticipants %zu vs %zu", a->nparticipants,
		     b->nparticipants);
	for (i = 0; i < a->nparticipants; i++) {
		const struct model_participant *pa = &a->participants[i];
		const struct model_participant *pb = &b->participants[i];

		if (pa->id != pb->id || !str_eq(pa->name, pb->name) ||
		    pa->role != pb->role || pa->connected != pb->connected)
			DIFF("participant %zu: %u %s %d %d vs %u %s %d %d", i,
			     (unsigned)pa->id, pa->name, pa->role,
			     pa->connected, (unsigned)pb->id, pb->name,
			     pb->role, pb->connected);
	}
	if (a->nnotes != b->nnotes)
		DIFF("nnotes %zu vs %zu", a->nnotes, b->nnotes);
	for (i = 0; i < a->nnotes; i++) {
		const struct model_note *na = &a->notes[i], *nb = &b->notes[i];

		if (na->id != nb->id || na->step != nb->step ||
		    na->author_id != nb->author_id ||
		    !str_eq(na->author_name, nb->author_name) ||
		    !str_eq(na->text, nb->text))
			DIFF("note %zu: %u/%u/%u vs %u/%u/%u", i,
			     (unsigned)na->id, (unsigned)na->step,
			     (unsigned)na->author_id, (unsigned)nb->id,
			     (unsigned)nb->step, (unsigned)nb->author_id);
	}
	return NULL;
#undef DIFF
}

static void
room_new(struct model_room *room)
{
	struct refusal why;

	CHECK_INT(model_init(room, CONTENT, CODE, TITLE, EPOCH, &why), ==, 0);
}

/* Seats name and returns the new id. */
static uint32_t
join(struct model_room *room, const char *name, int role, int64_t now)
{
	struct model_event ev;
	struct refusal why;

	CHECK_INT(model_join(room, name, role, now, &ev, &why), ==, 0);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED);
	return ev.participant.id;
}

static int
add_note(struct model_room *room, uint32_t actor, uint32_t step,
         const char *text, int64_t now, struct model_event *ev,
         struct refusal *why)
{
	Aandeslag__Command cmd;
	Aandeslag__AddNote an;

	aandeslag__command__init(&cmd);
	aandeslag__add_note__init(&an);
	an.step = step;
	an.text = (char *)text;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
	cmd.add_note = &an;
	return model_execute(room, actor, &cmd, now, ev, why);
}

static int
clock_cmd(struct model_room *room, uint32_t actor, int action,
          uint32_t minutes, int64_t now, struct model_event *ev,
          struct refusal *why)
{
	Aandeslag__Command cmd;
	Aandeslag__ClockControl cc;

	aandeslag__command__init(&cmd);
	aandeslag__clock_control__init(&cc);
	cc.action = (Aandeslag__ClockAction)action;
	cc.minutes = minutes;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_CLOCK;
	cmd.clock = &cc;
	return model_execute(room, actor, &cmd, now, ev, why);
}

static int
step_cmd(struct model_room *room, uint32_t actor, int action, uint32_t step,
         int64_t now, struct model_event *ev, struct refusal *why)
{
	Aandeslag__Command cmd;
	Aandeslag__StepControl sc;

	aandeslag__command__init(&cmd);
	aandeslag__step_control__init(&sc);
	sc.action = (Aandeslag__StepAction)action;
	sc.step = step;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_STEP;
	cmd.step = &sc;
	return model_execute(room, actor, &cmd, now, ev, why);
}

static int
leave_cmd(struct model_room *room, uint32_t actor, int64_t now,
          struct model_event *ev, struct refusal *why)
{
	Aandeslag__Command cmd;
	Aandeslag__Leave lv;

	aandeslag__command__init(&cmd);
	aandeslag__leave__init(&lv);
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_LEAVE;
	cmd.leave = &lv;
	return model_execute(room, actor, &cmd, now, ev, why);
}

/* A string of n copies of c, in buf (which holds n + 1 bytes). */
static const char *
repeat(char *buf, char c, size_t n)
{
	memset(buf, c, n);
	buf[n] = '\0';
	return buf;
}

/* Checks one clock of a room at now. */
#define CHECK_CLOCK(room, step, state_, remaining_, duration_, now)         \
	do {                                                                \
		const struct clock *cc_ = &(room)->clocks[(step) - 1];      \
		CHECK_INT(cc_->state, ==, (state_));                        \
		CHECK_INT(clock_remaining(cc_, (now)), ==, (remaining_));   \
		CHECK_INT(cc_->duration_ms, ==, (duration_));               \
	} while (0)

/* Checks a wire clock. */
#define CHECK_WIRE(w, step_, state_, remaining_, duration_)                 \
	do {                                                                \
		const Aandeslag__StepClock *wc_ = (w);                      \
		CHECK(wc_ != NULL);                                         \
		CHECK_UINT(wc_->step, ==, (step_));                         \
		CHECK_INT(wc_->state, ==, (state_));                        \
		CHECK_INT(wc_->remaining_ms, ==, (remaining_));             \
		CHECK_INT(wc_->duration_ms, ==, (duration_));               \
	} while (0)

/* ---------------------------------------------------------------- init */

static void
test_init(void)
{
	struct model_room room;
	static const int64_t minutes[STEPS_COUNT] = { 20, 30, 30, 30, 40 };
	unsigned i;

	room_new(&room);
	CHECK_UINT(room.epoch, ==, EPOCH);
	CHECK_UINT(room.seq, ==, 0);
	CHECK_STR(room.code, CODE);
	CHECK_STR(room.title, TITLE);
	CHECK_UINT(room.current_step, ==, 1);
	CHECK_UINT(room.nparticipants, ==, 0);
	CHECK_UINT(room.nnotes, ==, 0);
	CHECK_UINT(model_chair(&room), ==, 0);
	CHECK(model_participant(&room, 1) == NULL);
	for (i = 0; i < STEPS_COUNT; i++) {
		CHECK_CLOCK(&room, i + 1, IDLE, minutes[i] * MIN,
		            minutes[i] * MIN, 0);
		/* An idle clock does not count down. */
		CHECK_INT(clock_remaining(&room.clocks[i], 3600000), ==,
		          minutes[i] * MIN);
	}
	CHECK_INT(room.clocks[0].duration_ms, ==, 1200000);
	CHECK_INT(room.clocks[4].duration_ms, ==, 2400000);
	model_free(&room);
	/* A freed room may be initialised again. */
	room_new(&room);
	model_free(&room);
}

static void
test_init_trims_title(void)
{
	struct model_room room;
	struct refusal why;
	char buf[MODEL_TITLE_MAX + 8];

	CHECK_INT(model_init(&room, CONTENT, CODE, "  \tTeamdag  ", EPOCH, &why), ==, 0);
	CHECK_STR(room.title, "Teamdag");
	model_free(&room);
	/* Exactly MODEL_TITLE_MAX bytes fit, also after trimming. */
	CHECK_UINT(MODEL_TITLE_MAX, ==, 120);
	memset(buf, ' ', 3);
	repeat(buf + 3, 't', MODEL_TITLE_MAX);
	strcat(buf, "  ");
	CHECK_INT(model_init(&room, CONTENT, CODE, buf, EPOCH, &why), ==, 0);
	CHECK_UINT(strlen(room.title), ==, MODEL_TITLE_MAX);
	model_free(&room);
	/* Multi-byte text is fine. */
	CHECK_INT(model_init(&room, CONTENT, CODE, "Café \xe2\x82\xac", EPOCH, &why),
	          ==, 0);
	CHECK_STR(room.title, "Café \xe2\x82\xac");
	model_free(&room);
}

static void
test_init_bad_title(void)
{
	static const char *const bad[] = {
		"",
		" ",
		"   \t  ",
		"Team\ndag",
		"Team\rdag",
		"Team\tdag",
		"Team\x1b[31mdag",
		"Team\x7f",
		"Team\xc2\x85",		/* C1 control NEL */
		"Team\xc3\x28",
		"\xff",
		"Team\xe2\x82",		/* truncated */
		"\xc0\xaf",		/* overlong */
	};
	struct model_room room;
	struct refusal why;
	char buf[MODEL_TITLE_MAX + 2];
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		memset(&why, 0, sizeof why);
		CHECK_REFUSED(model_init(&room, CONTENT, CODE, bad[i], EPOCH, &why), why,
		              E(BAD_TITLE), 1, "120", NULL);
		model_free(&room);
	}
	CHECK_REFUSED(model_init(&room, CONTENT, CODE, repeat(buf, 't',
	                         MODEL_TITLE_MAX + 1), EPOCH, &why), why,
	              E(BAD_TITLE), 1, "120", NULL);
	model_free(&room);
	CHECK_REFUSED(model_init(&room, CONTENT, CODE, NULL, EPOCH, &why), why,
	              E(BAD_TITLE), 1, "120", NULL);
	model_free(&room);
}

/* ---------------------------------------------------------------- join */

static void
test_join(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	const struct model_participant *p;

	room_new(&room);
	CHECK_INT(model_join(&room, "  Anna  ", ROLE_C, 1000, &ev, &why),
	          ==, 0);
	CHECK_UINT(ev.event.epoch, ==, EPOCH);
	CHECK_UINT(ev.event.seq, ==, 1);
	CHECK_UINT(ev.event.actor_id, ==, 1);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_PARTICIPANT_JOINED);
	CHECK(ev.event.participant_joined == &ev.participant);
	CHECK_UINT(ev.participant.id, ==, 1);
	CHECK_STR(ev.participant.name, "Anna");
	CHECK_INT(ev.participant.role, ==, ROLE_C);
	CHECK(ev.participant.connected);
	CHECK_UINT(room.seq, ==, 1);
	CHECK_UINT(room.nparticipants, ==, 1);
	CHECK_UINT(model_chair(&room), ==, 1);
	p = model_participant(&room, 1);
	CHECK(p != NULL);
	CHECK_STR(p->name, "Anna");
	CHECK_INT(p->role, ==, ROLE_C);
	CHECK(p->connected);

	/* A second chair request becomes a participant. */
	CHECK_INT(model_join(&room, "Bert", ROLE_C, 2000, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.seq, ==, 2);
	CHECK_UINT(ev.event.actor_id, ==, 2);
	CHECK_UINT(ev.participant.id, ==, 2);
	CHECK_INT(ev.participant.role, ==, ROLE_P);
	CHECK_INT(model_participant(&room, 2)->role, ==, ROLE_P);
	CHECK_UINT(model_chair(&room), ==, 1);

	CHECK_INT(model_join(&room, "Carla", ROLE_P, 3000, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.seq, ==, 3);
	CHECK_UINT(ev.participant.id, ==, 3);
	CHECK_INT(ev.participant.role, ==, ROLE_P);
	CHECK_UINT(room.seq, ==, 3);
	CHECK_UINT(room.nparticipants, ==, 3);
	CHECK_UINT(room.participants[0].id, ==, 1);
	CHECK_UINT(room.participants[1].id, ==, 2);
	CHECK_UINT(room.participants[2].id, ==, 3);
	CHECK_STR(room.participants[2].name, "Carla");
	CHECK(model_participant(&room, 4) == NULL);
	CHECK(model_participant(&room, 0) == NULL);
	model_free(&room);
}

static void
test_join_bad_name(void)
{
	static const char *const bad[] = {
		"",
		" ",
		"  \t ",
		"An\tna",
		"An\nna",
		"Anna\x01",
		"\x1b[31mAnna",
		"Anna\x7f",
		"Anna\xc2\x9b",		/* C1 CSI */
		"Anna\xc3\x28",
		"Anna\xff",
		"\xed\xa0\x80",		/* surrogate */
	};
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	char buf[MODEL_NAME_MAX * 2 + 2];
	size_t i;

	room_new(&room);
	CHECK_UINT(MODEL_NAME_MAX, ==, 64);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK_REFUSED(model_join(&room, bad[i], ROLE_C, 0, &ev, &why),
		              why, E(BAD_NAME), 1, "64", NULL);
	CHECK_REFUSED(model_join(&room, repeat(buf, 'n', 65), ROLE_C, 0, &ev,
	                         &why), why, E(BAD_NAME), 1, "64", NULL);
	CHECK_REFUSED(model_join(&room, NULL, ROLE_C, 0, &ev, &why), why,
	              E(BAD_NAME), 1, "64", NULL);
	/* 33 × "é" is 33 characters but 66 bytes: too long. */
	buf[0] = '\0';
	for (i = 0; i < 33; i++)
		strcat(buf, "\xc3\xa9");
	CHECK_REFUSED(model_join(&room, buf, ROLE_C, 0, &ev, &why), why,
	              E(BAD_NAME), 1, "64", NULL);
	/* Nothing happened. */
	CHECK_UINT(room.seq, ==, 0);
	CHECK_UINT(room.nparticipants, ==, 0);

	/* 64 bytes fit: 32 × "é", and 64 ASCII letters with spaces around. */
	buf[0] = '\0';
	for (i = 0; i < 32; i++)
		strcat(buf, "\xc3\xa9");
	CHECK_UINT(join(&room, buf, ROLE_C, 0), ==, 1);
	memcpy(buf, "  ", 2);
	repeat(buf + 2, 'n', 64);
	strcat(buf, "   ");
	CHECK_INT(model_join(&room, buf, ROLE_P, 0, &ev, &why), ==, 0);
	CHECK_UINT(ev.participant.id, ==, 2);
	CHECK_UINT(strlen(model_participant(&room, 2)->name), ==, 64);
	CHECK_UINT(room.seq, ==, 2);
	model_free(&room);
}

static void
test_join_name_taken(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;

	room_new(&room);
	CHECK_UINT(join(&room, "Anna", ROLE_C, 0), ==, 1);
	CHECK_REFUSED(model_join(&room, "Anna", ROLE_P, 0, &ev, &why), why,
	              E(NAME_TAKEN), 1, "Anna", NULL);
	CHECK_REFUSED(model_join(&room, "anna", ROLE_P, 0, &ev, &why), why,
	              E(NAME_TAKEN), 1, "anna", NULL);
	CHECK_REFUSED(model_join(&room, "  ANNA ", ROLE_P, 0, &ev, &why), why,
	              E(NAME_TAKEN), 1, "ANNA", NULL);
	CHECK_UINT(room.seq, ==, 1);
	CHECK_UINT(room.nparticipants, ==, 1);
	/* A refusal uses no id: the next one is 2. */
	CHECK_UINT(join(&room, "Annabel", ROLE_P, 0), ==, 2);
	CHECK_UINT(room.seq, ==, 2);
	model_free(&room);
}

static void
test_join_room_full(void)
{
	static const char *const names[] = {
		"Anna", "Bert", "Carla", "Dirk", "Eva", "Frank", "Greet",
	};
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t i;

	CHECK_UINT(MODEL_SEATS, ==, 7);
	room_new(&room);
	for (i = 0; i < MODEL_SEATS; i++) {
		CHECK_UINT(join(&room, names[i], i == 0 ? ROLE_C : ROLE_P,
		                i * 1000), ==, i + 1);
		CHECK_UINT(room.seq, ==, i + 1);
		CHECK_UINT(room.nparticipants, ==, i + 1);
	}
	CHECK_REFUSED(model_join(&room, "Hans", ROLE_P, 9000, &ev, &why), why,
	              E(ROOM_FULL), 1, "7", NULL);
	CHECK_REFUSED(model_join(&room, "Ilse", ROLE_C, 9000, &ev, &why), why,
	              E(ROOM_FULL), 1, "7", NULL);
	CHECK_UINT(room.seq, ==, 7);
	CHECK_UINT(room.nparticipants, ==, 7);
	CHECK(model_participant(&room, 8) == NULL);
	/* A seat freed is a seat to take; ids are not reused. */
	CHECK_INT(model_leave(&room, 4, 4, 10000, &ev, &why), ==, 0);
	CHECK_UINT(join(&room, "Hans", ROLE_P, 11000), ==, 8);
	CHECK_UINT(room.nparticipants, ==, 7);
	CHECK_UINT(room.seq, ==, 9);
	model_free(&room);
}

/* ---------------------------------------------------------------- notes */

static void
test_note(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, bert, step;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	bert = join(&room, "Bert", ROLE_P, 0);

	/* Step 0: the team's current step. */
	CHECK_INT(add_note(&room, anna, 0, "  Samen leren  ", 5000, &ev, &why),
	          ==, 0);
	CHECK_UINT(ev.event.epoch, ==, EPOCH);
	CHECK_UINT(ev.event.seq, ==, 3);
	CHECK_UINT(ev.event.actor_id, ==, anna);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_NOTE_ADDED);
	CHECK(ev.event.note_added == &ev.note);
	CHECK_UINT(ev.note.id, ==, 1);
	CHECK_UINT(ev.note.step, ==, 1);
	CHECK_UINT(ev.note.author_id, ==, anna);
	CHECK_STR(ev.note.author_name, "Anna");
	CHECK_STR(ev.note.text, "Samen leren");
	CHECK_UINT(room.seq, ==, 3);
	CHECK_UINT(room.nnotes, ==, 1);
	CHECK_UINT(room.notes[0].id, ==, 1);
	CHECK_UINT(room.notes[0].step, ==, 1);
	CHECK_UINT(room.notes[0].author_id, ==, anna);
	CHECK_STR(room.notes[0].author_name, "Anna");
	CHECK_STR(room.notes[0].text, "Samen leren");

	/* A participant writes at explicit steps 1..5. */
	for (step = 1; step <= STEPS_COUNT; step++) {
		CHECK_INT(add_note(&room, bert, step, "Idee", 6000, &ev, &why),
		          ==, 0);
		CHECK_UINT(ev.event.seq, ==, 3 + step);
		CHECK_UINT(ev.event.actor_id, ==, bert);
		CHECK_UINT(ev.note.id, ==, 1 + step);
		CHECK_UINT(ev.note.step, ==, step);
		CHECK_UINT(ev.note.author_id, ==, bert);
		CHECK_STR(ev.note.author_name, "Bert");
		CHECK_UINT(room.notes[step].id, ==, 1 + step);
		CHECK_UINT(room.notes[step].step, ==, step);
		CHECK_STR(room.notes[step].author_name, "Bert");
		CHECK_STR(room.notes[step].text, "Idee");
	}
	CHECK_UINT(room.nnotes, ==, 6);

	/* Step 0 follows the team to another step. */
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 3, 7000, &ev, &why), ==, 0);
	CHECK_INT(add_note(&room, bert, 0, "Bij stap drie", 8000, &ev, &why),
	          ==, 0);
	CHECK_UINT(ev.note.id, ==, 7);
	CHECK_UINT(ev.note.step, ==, 3);
	CHECK_UINT(room.notes[6].step, ==, 3);
	CHECK_UINT(room.seq, ==, 10);

	/* An author's name is kept in the note when the author leaves. */
	CHECK_INT(model_leave(&room, bert, bert, 9000, &ev, &why), ==, 0);
	CHECK_STR(room.notes[6].author_name, "Bert");
	CHECK_UINT(room.notes[6].author_id, ==, bert);
	model_free(&room);
}

static void
test_note_refusals(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	static char buf[MODEL_NOTE_MAX + 8];
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);

	CHECK_REFUSED(add_note(&room, anna, 6, "Idee", 0, &ev, &why), why,
	              E(BAD_STEP), 1, "6", NULL);
	CHECK_REFUSED(add_note(&room, anna, 100, "Idee", 0, &ev, &why), why,
	              E(BAD_STEP), 1, "100", NULL);
	CHECK_REFUSED(add_note(&room, anna, 0, "   ", 0, &ev, &why), why,
	              E(EMPTY_TEXT), 0, NULL, NULL);
	CHECK_REFUSED(add_note(&room, anna, 0, "", 0, &ev, &why), why,
	              E(EMPTY_TEXT), 0, NULL, NULL);
	CHECK_REFUSED(add_note(&room, anna, 2, " \t\n ", 0, &ev, &why), why,
	              E(EMPTY_TEXT), 0, NULL, NULL);
	CHECK_UINT(MODEL_NOTE_MAX, ==, 1000);
	CHECK_REFUSED(add_note(&room, anna, 0, repeat(buf, 'x', 1001), 0, &ev,
	                       &why), why, E(TEXT_TOO_LONG), 1, "1000", NULL);
	CHECK_REFUSED(add_note(&room, anna, 0, "\x1b[31m", 0, &ev, &why), why,
	              E(INVALID_TEXT), 0, NULL, NULL);
	CHECK_REFUSED(add_note(&room, anna, 0, "\xc3\x28", 0, &ev, &why), why,
	              E(INVALID_TEXT), 0, NULL, NULL);
	CHECK_REFUSED(add_note(&room, anna, 0, "twee\nregels", 0, &ev, &why),
	              why, E(INVALID_TEXT), 0, NULL, NULL);
	CHECK_UINT(room.seq, ==, 1);
	CHECK_UINT(room.nnotes, ==, 0);

	/* Exactly 1000 bytes are accepted, also with spaces around them. */
	CHECK_INT(add_note(&room, anna, 0, repeat(buf, 'x', 1000), 0, &ev,
	                   &why), ==, 0);
	CHECK_UINT(ev.note.id, ==, 1);
	CHECK_UINT(strlen(ev.note.text), ==, 1000);
	CHECK_UINT(strlen(room.notes[0].text), ==, 1000);
	memcpy(buf, "  ", 2);
	repeat(buf + 2, 'y', 1000);
	strcat(buf, "  ");
	CHECK_INT(add_note(&room, anna, 0, buf, 0, &ev, &why), ==, 0);
	CHECK_UINT(ev.note.id, ==, 2);
	CHECK_UINT(strlen(room.notes[1].text), ==, 1000);
	CHECK(room.notes[1].text[0] == 'y');
	CHECK_UINT(room.seq, ==, 3);
	model_free(&room);
}

static void
test_note_limit(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, i;

	CHECK_UINT(MODEL_NOTES_MAX, ==, 500);
	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	for (i = 1; i <= MODEL_NOTES_MAX; i++) {
		CHECK_INT(add_note(&room, anna, i % STEPS_COUNT + 1, "Notitie",
		                   i, &ev, &why), ==, 0);
		CHECK_UINT(ev.note.id, ==, i);
		CHECK_UINT(ev.event.seq, ==, i + 1);
	}
	CHECK_UINT(room.nnotes, ==, 500);
	CHECK_REFUSED(add_note(&room, anna, 0, "Eentje te veel", 1000, &ev,
	                       &why), why, E(TOO_MANY_NOTES), 1, "500", NULL);
	CHECK_UINT(room.nnotes, ==, 500);
	CHECK_UINT(room.seq, ==, 501);
	CHECK_UINT(room.notes[499].id, ==, 500);
	/* The other commands still work. */
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 2000, &ev, &why), ==, 0);
	CHECK_UINT(room.seq, ==, 502);
	model_free(&room);
}

/* ---------------------------------------------------------- permissions */

/* The permission table, cell by cell, written out again here from the
 * method's rules rather than copied from model.c. */
static void
test_allowed_table(void)
{
	enum { N = MODEL_OP_COUNT };
	static const enum model_op participant[] = {
		MODEL_OP_ADD_NOTE, MODEL_OP_EDIT_NOTE, MODEL_OP_LEAVE,
		MODEL_OP_ADD_QUESTION, MODEL_OP_VOTE, MODEL_OP_ACTIVITY,
		MODEL_OP_ACTION, MODEL_OP_CLAIM, MODEL_OP_ACTION_STATUS,
	};
	static const enum model_op scribe[] = {
		MODEL_OP_ADD_NOTE, MODEL_OP_NOTE_FOR, MODEL_OP_EDIT_NOTE,
		MODEL_OP_LEAVE, MODEL_OP_ADD_QUESTION, MODEL_OP_VOTE,
		MODEL_OP_ACTIVITY, MODEL_OP_ACTION, MODEL_OP_CLAIM,
		MODEL_OP_ACTION_STATUS,
	};
	static const enum model_op facilitator[] = {
		MODEL_OP_CLOCK, MODEL_OP_STEP, MODEL_OP_LEAVE,
		MODEL_OP_FOLLOW_UP,
	};
	bool may[5][N] = { { false } };
	size_t i;
	int role, op;

	CHECK_INT(N, ==, 21);
	for (i = 0; i < sizeof participant / sizeof participant[0]; i++)
		may[ROLE_P][participant[i]] = true;
	for (i = 0; i < sizeof scribe / sizeof scribe[0]; i++)
		may[AANDESLAG__ROLE__ROLE_SCRIBE][scribe[i]] = true;
	for (i = 0; i < sizeof facilitator / sizeof facilitator[0]; i++)
		may[ROLE_F][facilitator[i]] = true;
	/* The chair may do everything; a viewer nothing. */
	for (op = 0; op < N; op++)
		may[ROLE_C][op] = true;
	for (role = 0; role < 5; role++)
		for (op = 0; op < N; op++)
			if (model_allowed(role, (enum model_op)op) !=
			    may[role][op])
				CHECK_FAIL("model_allowed(role %d, op %d) is %d",
				           role, op, !may[role][op]);
	/* Outside the table nothing is allowed. */
	for (op = 0; op < N; op++) {
		CHECK(!model_allowed(-1, (enum model_op)op));
		CHECK(!model_allowed(5, (enum model_op)op));
		CHECK(!model_allowed(1000, (enum model_op)op));
	}
	CHECK(!model_allowed(ROLE_C, MODEL_OP_COUNT));
}

static void
test_command_op(void)
{
	Aandeslag__Command cmd;
	Aandeslag__AddNote an;
	Aandeslag__ClockControl cc;
	Aandeslag__StepControl sc;
	Aandeslag__Leave lv;

	aandeslag__command__init(&cmd);
	aandeslag__add_note__init(&an);
	aandeslag__clock_control__init(&cc);
	aandeslag__step_control__init(&sc);
	aandeslag__leave__init(&lv);
	CHECK_INT(model_command_op(&cmd), ==, MODEL_OP_COUNT);
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
	cmd.add_note = &an;
	CHECK_INT(model_command_op(&cmd), ==, MODEL_OP_ADD_NOTE);
	cmd.op_case = AANDESLAG__COMMAND__OP_CLOCK;
	cmd.clock = &cc;
	CHECK_INT(model_command_op(&cmd), ==, MODEL_OP_CLOCK);
	cmd.op_case = AANDESLAG__COMMAND__OP_STEP;
	cmd.step = &sc;
	CHECK_INT(model_command_op(&cmd), ==, MODEL_OP_STEP);
	cmd.op_case = AANDESLAG__COMMAND__OP_LEAVE;
	cmd.leave = &lv;
	CHECK_INT(model_command_op(&cmd), ==, MODEL_OP_LEAVE);
}

static void
test_participant_not_allowed(void)
{
	static const int clock_actions[] = {
		C_START, C_PAUSE, C_RESUME, C_EXTEND, C_SHORTEN,
	};
	static const int step_actions[] = { S_NEXT, S_PREV, S_GOTO };
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, bert;
	size_t i;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	bert = join(&room, "Bert", ROLE_P, 0);
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 2, 0, &ev, &why), ==, 0);
	CHECK_UINT(room.seq, ==, 3);

	/* Every clock action, in a state in which the chair may do it. */
	for (i = 0; i < sizeof clock_actions / sizeof clock_actions[0]; i++)
		CHECK_REFUSED(clock_cmd(&room, bert, clock_actions[i], 5, 1000,
		                        &ev, &why), why, E(NOT_ALLOWED), 1,
		              "chair", NULL);
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 1000, &ev, &why), ==, 0);
	for (i = 0; i < sizeof clock_actions / sizeof clock_actions[0]; i++)
		CHECK_REFUSED(clock_cmd(&room, bert, clock_actions[i], 5, 2000,
		                        &ev, &why), why, E(NOT_ALLOWED), 1,
		              "chair", NULL);
	CHECK_INT(clock_cmd(&room, anna, C_PAUSE, 0, 2000, &ev, &why), ==, 0);
	for (i = 0; i < sizeof clock_actions / sizeof clock_actions[0]; i++)
		CHECK_REFUSED(clock_cmd(&room, bert, clock_actions[i], 5, 3000,
		                        &ev, &why), why, E(NOT_ALLOWED), 1,
		              "chair", NULL);
	/* Every step action, at step 2 where each could be done. */
	for (i = 0; i < sizeof step_actions / sizeof step_actions[0]; i++)
		CHECK_REFUSED(step_cmd(&room, bert, step_actions[i], 4, 3000,
		                       &ev, &why), why, E(NOT_ALLOWED), 1,
		              "chair", NULL);
	CHECK_UINT(room.seq, ==, 5);
	CHECK_UINT(room.current_step, ==, 2);
	CHECK_CLOCK(&room, 2, PAUSED, 30 * MIN - 1000, 30 * MIN, 9999);

	/* A participant may write notes and leave. */
	CHECK_INT(add_note(&room, bert, 0, "Mag ik", 4000, &ev, &why), ==, 0);
	CHECK_UINT(ev.note.author_id, ==, bert);
	CHECK_UINT(room.seq, ==, 6);
	CHECK_INT(leave_cmd(&room, bert, 5000, &ev, &why), ==, 0);
	CHECK_UINT(room.seq, ==, 7);
	CHECK_UINT(room.nparticipants, ==, 1);
	/* Who left may do nothing more. */
	CHECK_REFUSED(add_note(&room, bert, 0, "Nog iets", 6000, &ev, &why),
	              why, E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_REFUSED(leave_cmd(&room, bert, 6000, &ev, &why), why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_UINT(room.seq, ==, 7);
	model_free(&room);
}

static void
test_chair_allowed_all(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	CHECK_INT(add_note(&room, anna, 0, "Notitie", 0, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 0, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(&room, anna, C_PAUSE, 0, 0, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(&room, anna, C_RESUME, 0, 0, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(&room, anna, C_EXTEND, 1, 0, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(&room, anna, C_SHORTEN, 1, 0, &ev, &why), ==, 0);
	CHECK_INT(step_cmd(&room, anna, S_NEXT, 0, 0, &ev, &why), ==, 0);
	CHECK_INT(step_cmd(&room, anna, S_PREV, 0, 0, &ev, &why), ==, 0);
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 5, 0, &ev, &why), ==, 0);
	CHECK_INT(leave_cmd(&room, anna, 0, &ev, &why), ==, 0);
	CHECK_UINT(room.seq, ==, 11);
	CHECK_UINT(room.nparticipants, ==, 0);
	CHECK_UINT(model_chair(&room), ==, 0);
	model_free(&room);
}

static void
test_unknown_command_and_actor(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	Aandeslag__Command cmd;
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	aandeslag__command__init(&cmd);
	cmd.request_id = 7;
	CHECK_REFUSED(model_execute(&room, anna, &cmd, 0, &ev, &why), why,
	              E(UNKNOWN_COMMAND), 0, NULL, NULL);
	CHECK_REFUSED(model_execute(&room, 99, &cmd, 0, &ev, &why), why,
	              E(UNKNOWN_COMMAND), 0, NULL, NULL);
	/* Actions NONE are not commands either. */
	CHECK_REFUSED(clock_cmd(&room, anna, C_NONE, 0, 0, &ev, &why), why,
	              E(UNKNOWN_COMMAND), 0, NULL, NULL);
	CHECK_REFUSED(step_cmd(&room, anna, S_NONE, 0, 0, &ev, &why), why,
	              E(UNKNOWN_COMMAND), 0, NULL, NULL);
	/* An actor without a seat may do nothing. */
	CHECK_REFUSED(add_note(&room, 99, 0, "Wie?", 0, &ev, &why), why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_REFUSED(add_note(&room, 0, 0, "Wie?", 0, &ev, &why), why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_REFUSED(clock_cmd(&room, 2, C_START, 0, 0, &ev, &why), why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_REFUSED(step_cmd(&room, 2, S_NEXT, 0, 0, &ev, &why), why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_REFUSED(leave_cmd(&room, 99, 0, &ev, &why), why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_UINT(room.seq, ==, 1);
	CHECK_UINT(room.nnotes, ==, 0);
	CHECK_INT(room.clocks[0].state, ==, IDLE);
	CHECK_UINT(room.current_step, ==, 1);
	model_free(&room);
}

/* ---------------------------------------------------------------- clock */

static void
test_clock_start_pause_resume(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);

	/* Idle: neither pause nor resume. */
	CHECK_REFUSED(clock_cmd(&room, anna, C_PAUSE, 0, 500, &ev, &why), why,
	              E(CLOCK_NOT_RUNNING), 0, NULL, NULL);
	CHECK_REFUSED(clock_cmd(&room, anna, C_RESUME, 0, 500, &ev, &why), why,
	              E(CLOCK_NOT_PAUSED), 0, NULL, NULL);
	CHECK_UINT(room.seq, ==, 1);

	CHECK_INT(clock_cmd(&room, anna, C_START, 7, 1000, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.epoch, ==, EPOCH);
	CHECK_UINT(ev.event.seq, ==, 2);
	CHECK_UINT(ev.event.actor_id, ==, anna);
	CHECK_INT(ev.event.change_case, ==, AANDESLAG__EVENT__CHANGE_CLOCK);
	CHECK(ev.event.clock == &ev.clock);
	CHECK_INT(ev.clock.action, ==, C_START);
	CHECK_UINT(ev.clock.minutes, ==, 0);
	CHECK_WIRE(ev.clock.clock, 1, RUNNING, 20 * MIN, 20 * MIN);
	CHECK_CLOCK(&room, 1, RUNNING, 20 * MIN, 20 * MIN, 1000);
	CHECK_CLOCK(&room, 1, RUNNING, 20 * MIN - 60000, 20 * MIN, 61000);
	CHECK_INT(clock_remaining(&room.clocks[0], 61000), ==, 1140000);
	CHECK_CLOCK(&room, 2, IDLE, 30 * MIN, 30 * MIN, 61000);

	CHECK_REFUSED(clock_cmd(&room, anna, C_START, 0, 61000, &ev, &why), why,
	              E(CLOCK_RUNNING), 0, NULL, NULL);
	CHECK_REFUSED(clock_cmd(&room, anna, C_RESUME, 0, 61000, &ev, &why),
	              why, E(CLOCK_NOT_PAUSED), 0, NULL, NULL);
	CHECK_UINT(room.seq, ==, 2);

	CHECK_INT(clock_cmd(&room, anna, C_PAUSE, 0, 61000, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.seq, ==, 3);
	CHECK_INT(ev.clock.action, ==, C_PAUSE);
	CHECK_UINT(ev.clock.minutes, ==, 0);
	CHECK_WIRE(ev.clock.clock, 1, PAUSED, 1140000, 20 * MIN);
	CHECK_CLOCK(&room, 1, PAUSED, 1140000, 20 * MIN, 61000);
	CHECK_CLOCK(&room, 1, PAUSED, 1140000, 20 * MIN, 500000);
	CHECK_REFUSED(clock_cmd(&room, anna, C_PAUSE, 0, 500000, &ev, &why),
	              why, E(CLOCK_NOT_RUNNING), 0, NULL, NULL);

	/* Resume runs on from the paused time. */
	CHECK_INT(clock_cmd(&room, anna, C_RESUME, 0, 500000, &ev, &why),
	          ==, 0);
	CHECK_UINT(ev.event.seq, ==, 4);
	CHECK_INT(ev.clock.action, ==, C_RESUME);
	CHECK_WIRE(ev.clock.clock, 1, RUNNING, 1140000, 20 * MIN);
	CHECK_CLOCK(&room, 1, RUNNING, 1130000, 20 * MIN, 510000);

	/* Start while paused also resumes, from the paused time. */
	CHECK_INT(clock_cmd(&room, anna, C_PAUSE, 0, 510000, &ev, &why), ==, 0);
	CHECK_CLOCK(&room, 1, PAUSED, 1130000, 20 * MIN, 900000);
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 900000, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.seq, ==, 6);
	CHECK_INT(ev.clock.action, ==, C_START);
	CHECK_WIRE(ev.clock.clock, 1, RUNNING, 1130000, 20 * MIN);
	CHECK_CLOCK(&room, 1, RUNNING, 1120000, 20 * MIN, 910000);
	CHECK_UINT(room.seq, ==, 6);
	model_free(&room);
}

static void
test_clock_extend(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;
	int i;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);

	/* Idle. */
	CHECK_INT(clock_cmd(&room, anna, C_EXTEND, 5, 0, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.seq, ==, 2);
	CHECK_INT(ev.clock.action, ==, C_EXTEND);
	CHECK_UINT(ev.clock.minutes, ==, 5);
	CHECK_WIRE(ev.clock.clock, 1, IDLE, 25 * MIN, 25 * MIN);
	CHECK_CLOCK(&room, 1, IDLE, 25 * MIN, 25 * MIN, 0);

	/* Running: both the plan and what is left grow. */
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 1000, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(&room, anna, C_EXTEND, 5, 61000, &ev, &why), ==, 0);
	CHECK_WIRE(ev.clock.clock, 1, RUNNING, 29 * MIN, 30 * MIN);
	CHECK_CLOCK(&room, 1, RUNNING, 29 * MIN, 30 * MIN, 61000);
	CHECK_CLOCK(&room, 1, RUNNING, 28 * MIN, 30 * MIN, 121000);

	/* 1..120 minutes. */
	CHECK_UINT(MODEL_MINUTES_MAX, ==, 120);
	CHECK_REFUSED(clock_cmd(&room, anna, C_EXTEND, 0, 121000, &ev, &why),
	              why, E(BAD_MINUTES), 2, "1", "120");
	CHECK_REFUSED(clock_cmd(&room, anna, C_EXTEND, 121, 121000, &ev, &why),
	              why, E(BAD_MINUTES), 2, "1", "120");
	CHECK_UINT(room.seq, ==, 4);
	CHECK_CLOCK(&room, 1, RUNNING, 28 * MIN, 30 * MIN, 121000);

	/* Up to the longest step: 24 hours. */
	CHECK_INT(clock_cmd(&room, anna, C_PAUSE, 0, 121000, &ev, &why), ==, 0);
	for (i = 0; i < 11; i++)
		CHECK_INT(clock_cmd(&room, anna, C_EXTEND, 120, 200000, &ev,
		                    &why), ==, 0);
	CHECK_CLOCK(&room, 1, PAUSED, 1348 * MIN, 1350 * MIN, 200000);
	CHECK_REFUSED(clock_cmd(&room, anna, C_EXTEND, 91, 200000, &ev, &why),
	              why, E(BAD_MINUTES), 2, "1", "90");
	CHECK_INT(clock_cmd(&room, anna, C_EXTEND, 90, 200000, &ev, &why),
	          ==, 0);
	CHECK_CLOCK(&room, 1, PAUSED, 1438 * MIN, 1440 * MIN, 200000);
	CHECK_REFUSED(clock_cmd(&room, anna, C_EXTEND, 1, 200000, &ev, &why),
	              why, E(BAD_MINUTES), 2, "1", "0");
	/* Other steps' clocks are untouched. */
	CHECK_CLOCK(&room, 2, IDLE, 30 * MIN, 30 * MIN, 200000);
	model_free(&room);
}

static void
test_clock_shorten(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);

	CHECK_REFUSED(clock_cmd(&room, anna, C_SHORTEN, 20, 0, &ev, &why), why,
	              E(BAD_MINUTES), 2, "1", "19");
	CHECK_REFUSED(clock_cmd(&room, anna, C_SHORTEN, 0, 0, &ev, &why), why,
	              E(BAD_MINUTES), 2, "1", "19");
	CHECK_UINT(room.seq, ==, 1);
	CHECK_INT(clock_cmd(&room, anna, C_SHORTEN, 19, 0, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.seq, ==, 2);
	CHECK_INT(ev.clock.action, ==, C_SHORTEN);
	CHECK_UINT(ev.clock.minutes, ==, 19);
	CHECK_WIRE(ev.clock.clock, 1, IDLE, MIN, MIN);
	CHECK_CLOCK(&room, 1, IDLE, 60000, 60000, 0);
	/* One planned minute is the least. */
	CHECK_REFUSED(clock_cmd(&room, anna, C_SHORTEN, 1, 0, &ev, &why), why,
	              E(BAD_MINUTES), 2, "1", "0");
	CHECK_UINT(room.seq, ==, 2);

	/* On step 5 (40 minutes), after time has run: into overtime. */
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 5, 0, &ev, &why), ==, 0);
	CHECK_REFUSED(clock_cmd(&room, anna, C_SHORTEN, 40, 0, &ev, &why), why,
	              E(BAD_MINUTES), 2, "1", "39");
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 0, &ev, &why), ==, 0);
	CHECK_CLOCK(&room, 5, RUNNING, 10 * MIN, 40 * MIN, 30 * MIN);
	CHECK_INT(clock_cmd(&room, anna, C_SHORTEN, 15, 30 * MIN, &ev, &why),
	          ==, 0);
	CHECK_WIRE(ev.clock.clock, 5, RUNNING, -5 * MIN, 25 * MIN);
	CHECK_CLOCK(&room, 5, RUNNING, -5 * MIN, 25 * MIN, 30 * MIN);
	CHECK_CLOCK(&room, 5, RUNNING, -6 * MIN, 25 * MIN, 31 * MIN);
	/* Extending brings it back. */
	CHECK_INT(clock_cmd(&room, anna, C_EXTEND, 10, 31 * MIN, &ev, &why),
	          ==, 0);
	CHECK_CLOCK(&room, 5, RUNNING, 4 * MIN, 35 * MIN, 31 * MIN);
	model_free(&room);
}

static void
test_clock_overtime(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 0, &ev, &why), ==, 0);
	CHECK_CLOCK(&room, 1, RUNNING, 0, 20 * MIN, 20 * MIN);
	CHECK_CLOCK(&room, 1, RUNNING, -1, 20 * MIN, 20 * MIN + 1);
	CHECK_CLOCK(&room, 1, RUNNING, -MIN, 20 * MIN, 21 * MIN);
	/* The clock keeps running in overtime until paused. */
	CHECK_INT(clock_cmd(&room, anna, C_PAUSE, 0, 21 * MIN, &ev, &why),
	          ==, 0);
	CHECK_WIRE(ev.clock.clock, 1, PAUSED, -MIN, 20 * MIN);
	CHECK_CLOCK(&room, 1, PAUSED, -MIN, 20 * MIN, 60 * MIN);
	CHECK_INT(clock_cmd(&room, anna, C_RESUME, 0, 60 * MIN, &ev, &why),
	          ==, 0);
	CHECK_CLOCK(&room, 1, RUNNING, -2 * MIN, 20 * MIN, 61 * MIN);
	/* A step moved to in overtime keeps its overtime. */
	CHECK_INT(step_cmd(&room, anna, S_NEXT, 0, 61 * MIN, &ev, &why), ==, 0);
	CHECK_CLOCK(&room, 1, PAUSED, -2 * MIN, 20 * MIN, 99 * MIN);
	CHECK_INT(step_cmd(&room, anna, S_PREV, 0, 62 * MIN, &ev, &why), ==, 0);
	CHECK_CLOCK(&room, 1, RUNNING, -3 * MIN, 20 * MIN, 63 * MIN);
	CHECK_CLOCK(&room, 2, PAUSED, 29 * MIN, 30 * MIN, 63 * MIN);
	model_free(&room);
}

/* A clock forgotten for more than a week can still be paused: its
 * overtime stops growing on the wire instead of becoming unacceptable. */
static void
test_clock_week_overtime(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;
	int64_t eight_days = 8 * 24 * 60 * MIN;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 0, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(&room, anna, C_PAUSE, 0, eight_days, &ev, &why),
	          ==, 0);
	CHECK_INT(ev.clock.clock->remaining_ms, ==, -CLOCK_OVERTIME_MAX);
	CHECK_INT(room.clocks[0].state, ==, AANDESLAG__CLOCK_STATE__CLOCK_PAUSED);
	CHECK_INT(step_cmd(&room, anna, S_NEXT, 0, eight_days, &ev, &why), ==, 0);
	model_free(&room);
}

/* Only participants and the chair take seats. */
static void
test_join_other_roles(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;

	room_new(&room);
	CHECK_INT(model_join(&room, "Vera", AANDESLAG__ROLE__ROLE_VIEWER, 0,
	                     &ev, &why), ==, -EINVAL);
	CHECK_INT(why.code, ==, AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED);
	CHECK_INT(model_join(&room, "Fleur", AANDESLAG__ROLE__ROLE_FACILITATOR,
	                     0, &ev, &why), ==, -EINVAL);
	CHECK_UINT(room.nparticipants, ==, 0);
	CHECK_UINT(room.seq, ==, 0);
	model_free(&room);
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

static void
test_clock_current_step(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 3, 0, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 1000, &ev, &why), ==, 0);
	CHECK_WIRE(ev.clock.clock, 3, RUNNING, 30 * MIN, 30 * MIN);
	CHECK_CLOCK(&room, 1, IDLE, 20 * MIN, 20 * MIN, 5000);
	CHECK_CLOCK(&room, 3, RUNNING, 30 * MIN - 4000, 30 * MIN, 5000);
	CHECK_INT(clock_cmd(&room, anna, C_EXTEND, 2, 5000, &ev, &why), ==, 0);
	CHECK_WIRE(ev.clock.clock, 3, RUNNING, 32 * MIN - 4000, 32 * MIN);
	CHECK_CLOCK(&room, 1, IDLE, 20 * MIN, 20 * MIN, 5000);
	CHECK_CLOCK(&room, 4, IDLE, 30 * MIN, 30 * MIN, 5000);
	model_free(&room);
}

/* ---------------------------------------------------------------- steps */

static void
test_steps_bounds(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, s;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	CHECK_REFUSED(step_cmd(&room, anna, S_PREV, 0, 0, &ev, &why), why,
	              E(NO_PREV_STEP), 0, NULL, NULL);
	for (s = 2; s <= STEPS_COUNT; s++) {
		CHECK_INT(step_cmd(&room, anna, S_NEXT, 0, 0, &ev, &why),
		          ==, 0);
		CHECK_UINT(ev.event.seq, ==, s);
		CHECK_UINT(ev.event.actor_id, ==, anna);
		CHECK_INT(ev.event.change_case, ==,
		          AANDESLAG__EVENT__CHANGE_STEP);
		CHECK(ev.event.step == &ev.step);
		CHECK_UINT(ev.step.step, ==, s);
		CHECK_UINT(ev.step.clock->step, ==, s);
		CHECK_UINT(ev.step.previous->step, ==, s - 1);
		CHECK_UINT(room.current_step, ==, s);
	}
	CHECK_REFUSED(step_cmd(&room, anna, S_NEXT, 0, 0, &ev, &why), why,
	              E(NO_NEXT_STEP), 0, NULL, NULL);
	CHECK_REFUSED(step_cmd(&room, anna, S_GOTO, 0, 0, &ev, &why), why,
	              E(BAD_STEP), 1, "0", NULL);
	CHECK_REFUSED(step_cmd(&room, anna, S_GOTO, 6, 0, &ev, &why), why,
	              E(BAD_STEP), 1, "6", NULL);
	CHECK_REFUSED(step_cmd(&room, anna, S_GOTO, 5, 0, &ev, &why), why,
	              E(SAME_STEP), 1, "5", NULL);
	CHECK_UINT(room.seq, ==, 5);
	CHECK_UINT(room.current_step, ==, 5);

	CHECK_INT(step_cmd(&room, anna, S_PREV, 0, 0, &ev, &why), ==, 0);
	CHECK_UINT(ev.step.step, ==, 4);
	CHECK_UINT(ev.step.previous->step, ==, 5);
	CHECK_UINT(room.current_step, ==, 4);
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 2, 0, &ev, &why), ==, 0);
	CHECK_UINT(ev.step.step, ==, 2);
	CHECK_UINT(ev.step.clock->step, ==, 2);
	CHECK_UINT(ev.step.previous->step, ==, 4);
	CHECK_UINT(room.current_step, ==, 2);
	CHECK_REFUSED(step_cmd(&room, anna, S_GOTO, 2, 0, &ev, &why), why,
	              E(SAME_STEP), 1, "2", NULL);
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 1, 0, &ev, &why), ==, 0);
	CHECK_REFUSED(step_cmd(&room, anna, S_PREV, 0, 0, &ev, &why), why,
	              E(NO_PREV_STEP), 0, NULL, NULL);
	CHECK_UINT(room.current_step, ==, 1);
	CHECK_UINT(room.seq, ==, 8);
	model_free(&room);
}

static void
test_steps_idle(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	CHECK_INT(step_cmd(&room, anna, S_NEXT, 0, 5000, &ev, &why), ==, 0);
	CHECK_WIRE(ev.step.clock, 2, IDLE, 30 * MIN, 30 * MIN);
	CHECK_WIRE(ev.step.previous, 1, IDLE, 20 * MIN, 20 * MIN);
	CHECK_CLOCK(&room, 1, IDLE, 20 * MIN, 20 * MIN, 99000);
	CHECK_CLOCK(&room, 2, IDLE, 30 * MIN, 30 * MIN, 99000);
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 5, 6000, &ev, &why), ==, 0);
	CHECK_WIRE(ev.step.clock, 5, IDLE, 40 * MIN, 40 * MIN);
	CHECK_WIRE(ev.step.previous, 2, IDLE, 30 * MIN, 30 * MIN);
	CHECK_CLOCK(&room, 5, IDLE, 40 * MIN, 40 * MIN, 99000);
	model_free(&room);
}

static void
test_steps_running(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	CHECK_INT(clock_cmd(&room, anna, C_START, 0, 0, &ev, &why), ==, 0);

	/* Left: paused with its time; entered: runs from its own. */
	CHECK_INT(step_cmd(&room, anna, S_NEXT, 0, 5 * MIN, &ev, &why), ==, 0);
	CHECK_WIRE(ev.step.clock, 2, RUNNING, 30 * MIN, 30 * MIN);
	CHECK_WIRE(ev.step.previous, 1, PAUSED, 15 * MIN, 20 * MIN);
	CHECK_CLOCK(&room, 1, PAUSED, 15 * MIN, 20 * MIN, 8 * MIN);
	CHECK_CLOCK(&room, 2, RUNNING, 27 * MIN, 30 * MIN, 8 * MIN);

	/* Back: step 1 runs on from its own 15 minutes. */
	CHECK_INT(step_cmd(&room, anna, S_PREV, 0, 8 * MIN, &ev, &why), ==, 0);
	CHECK_WIRE(ev.step.clock, 1, RUNNING, 15 * MIN, 20 * MIN);
	CHECK_WIRE(ev.step.previous, 2, PAUSED, 27 * MIN, 30 * MIN);
	CHECK_CLOCK(&room, 1, RUNNING, 13 * MIN, 20 * MIN, 10 * MIN);
	CHECK_CLOCK(&room, 2, PAUSED, 27 * MIN, 30 * MIN, 10 * MIN);

	/* Goto: step 2 again from 27 minutes. */
	CHECK_INT(step_cmd(&room, anna, S_GOTO, 2, 10 * MIN, &ev, &why), ==, 0);
	CHECK_WIRE(ev.step.clock, 2, RUNNING, 27 * MIN, 30 * MIN);
	CHECK_WIRE(ev.step.previous, 1, PAUSED, 13 * MIN, 20 * MIN);
	CHECK_CLOCK(&room, 2, RUNNING, 26 * MIN, 30 * MIN, 11 * MIN);
	CHECK_CLOCK(&room, 1, PAUSED, 13 * MIN, 20 * MIN, 11 * MIN);

	/* Paused: moving leaves both clocks as they are. */
	CHECK_INT(clock_cmd(&room, anna, C_PAUSE, 0, 11 * MIN, &ev, &why),
	          ==, 0);
	CHECK_INT(step_cmd(&room, anna, S_NEXT, 0, 12 * MIN, &ev, &why), ==, 0);
	CHECK_WIRE(ev.step.clock, 3, IDLE, 30 * MIN, 30 * MIN);
	CHECK_WIRE(ev.step.previous, 2, PAUSED, 26 * MIN, 30 * MIN);
	CHECK_CLOCK(&room, 3, IDLE, 30 * MIN, 30 * MIN, 20 * MIN);
	CHECK_CLOCK(&room, 2, PAUSED, 26 * MIN, 30 * MIN, 20 * MIN);
	CHECK_INT(step_cmd(&room, anna, S_PREV, 0, 20 * MIN, &ev, &why), ==, 0);
	CHECK_WIRE(ev.step.clock, 2, PAUSED, 26 * MIN, 30 * MIN);
	CHECK_WIRE(ev.step.previous, 3, IDLE, 30 * MIN, 30 * MIN);
	CHECK_CLOCK(&room, 2, PAUSED, 26 * MIN, 30 * MIN, 30 * MIN);
	CHECK_CLOCK(&room, 3, IDLE, 30 * MIN, 30 * MIN, 30 * MIN);
	CHECK_UINT(room.seq, ==, 8);
	model_free(&room);
}

/* -------------------------------------------------------- leave, presence */

static void
test_leave(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, bert, carla;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	bert = join(&room, "Bert", ROLE_P, 0);
	carla = join(&room, "Carla", ROLE_P, 0);
	CHECK_INT(leave_cmd(&room, bert, 1000, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.epoch, ==, EPOCH);
	CHECK_UINT(ev.event.seq, ==, 4);
	CHECK_UINT(ev.event.actor_id, ==, bert);
	CHECK_INT(ev.event.change_case, ==,
	          AANDESLAG__EVENT__CHANGE_PARTICIPANT_LEFT);
	CHECK(ev.event.participant_left == &ev.left);
	CHECK_UINT(ev.left.participant_id, ==, bert);
	CHECK_UINT(room.nparticipants, ==, 2);
	CHECK(model_participant(&room, bert) == NULL);
	CHECK_UINT(room.participants[0].id, ==, anna);
	CHECK_UINT(room.participants[1].id, ==, carla);
	CHECK_UINT(model_chair(&room), ==, anna);

	/* The same name may join again, with a new id. */
	CHECK_INT(model_join(&room, "bert", ROLE_P, 2000, &ev, &why), ==, 0);
	CHECK_UINT(ev.participant.id, ==, 4);
	CHECK_UINT(room.nparticipants, ==, 3);
	CHECK_STR(model_participant(&room, 4)->name, "bert");

	/* The server frees a seat (actor 0). */
	CHECK_INT(model_leave(&room, 4, 0, 3000, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.actor_id, ==, 0);
	CHECK_UINT(ev.left.participant_id, ==, 4);
	CHECK_UINT(room.nparticipants, ==, 2);
	CHECK_UINT(room.seq, ==, 6);
	CHECK_REFUSED(model_leave(&room, 4, 0, 3000, &ev, &why), why,
	              E(NO_SUCH_PARTICIPANT), 1, "4", NULL);
	CHECK_REFUSED(model_leave(&room, 99, 0, 3000, &ev, &why), why,
	              E(NO_SUCH_PARTICIPANT), 1, "99", NULL);
	CHECK_UINT(room.seq, ==, 6);
	model_free(&room);
}

static void
test_leave_chair_passes(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, bert, carla, dirk;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	bert = join(&room, "Bert", ROLE_P, 0);
	carla = join(&room, "Carla", ROLE_P, 0);
	CHECK_INT(leave_cmd(&room, bert, 0, &ev, &why), ==, 0);
	dirk = join(&room, "Dirk", ROLE_P, 0);
	CHECK_UINT(dirk, ==, 4);
	/* Anna leaves: Carla has been seated longest. */
	CHECK_INT(leave_cmd(&room, anna, 0, &ev, &why), ==, 0);
	CHECK_UINT(room.nparticipants, ==, 2);
	CHECK_UINT(model_chair(&room), ==, carla);
	CHECK_INT(model_participant(&room, carla)->role, ==, ROLE_C);
	CHECK_INT(model_participant(&room, dirk)->role, ==, ROLE_P);
	/* Carla may now do what a chair does; Anna no longer can. */
	CHECK_INT(clock_cmd(&room, carla, C_START, 0, 0, &ev, &why), ==, 0);
	CHECK_REFUSED(clock_cmd(&room, dirk, C_PAUSE, 0, 0, &ev, &why), why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	CHECK_REFUSED(clock_cmd(&room, anna, C_PAUSE, 0, 0, &ev, &why), why,
	              E(NOT_ALLOWED), 1, "chair", NULL);
	/* A participant leaving does not move the chair. */
	CHECK_INT(model_leave(&room, dirk, 0, 0, &ev, &why), ==, 0);
	CHECK_UINT(model_chair(&room), ==, carla);
	/* The last one leaves: nobody is chair; a newcomer may be. */
	CHECK_INT(model_leave(&room, carla, 0, 0, &ev, &why), ==, 0);
	CHECK_UINT(room.nparticipants, ==, 0);
	CHECK_UINT(model_chair(&room), ==, 0);
	CHECK_UINT(join(&room, "Eva", ROLE_C, 0), ==, 5);
	CHECK_UINT(model_chair(&room), ==, 5);
	CHECK_UINT(room.seq, ==, 10);
	model_free(&room);
}

static void
test_presence(void)
{
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	uint32_t anna, bert;

	room_new(&room);
	anna = join(&room, "Anna", ROLE_C, 0);
	bert = join(&room, "Bert", ROLE_P, 0);
	CHECK_REFUSED(model_presence(&room, bert, true, 0, &ev, &why), why,
	              E(NOT_ALLOWED), 0, NULL, NULL);
	CHECK_INT(model_presence(&room, bert, false, 0, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.epoch, ==, EPOCH);
	CHECK_UINT(ev.event.seq, ==, 3);
	CHECK_UINT(ev.event.actor_id, ==, bert);
	CHECK_INT(ev.event.change_case, ==, AANDESLAG__EVENT__CHANGE_PRESENCE);
	CHECK(ev.event.presence == &ev.presence);
	CHECK_UINT(ev.presence.participant_id, ==, bert);
	CHECK(!ev.presence.connected);
	CHECK(!model_participant(&room, bert)->connected);
	CHECK(model_participant(&room, anna)->connected);
	CHECK_REFUSED(model_presence(&room, bert, false, 0, &ev, &why), why,
	              E(NOT_ALLOWED), 0, NULL, NULL);
	CHECK_INT(model_presence(&room, bert, true, 0, &ev, &why), ==, 0);
	CHECK_UINT(ev.event.seq, ==, 4);
	CHECK(ev.presence.connected);
	CHECK(model_participant(&room, bert)->connected);
	CHECK_REFUSED(model_presence(&room, 99, false, 0, &ev, &why), why,
	              E(NO_SUCH_PARTICIPANT), 1, "99", NULL);
	CHECK_UINT(room.seq, ==, 4);
	/* A chair that is away is still the chair. */
	CHECK_INT(model_presence(&room, anna, false, 0, &ev, &why), ==, 0);
	CHECK_UINT(model_chair(&room), ==, anna);
	CHECK_UINT(room.seq, ==, 5);
	model_free(&room);
}

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

/* ------------------------------------------------------------- snapshots */

/* A room with some history: Anna (chair) and Carla (away) seated, Bert
 * gone, three notes, step 1 paused and extended, step 2 running. */
static void
snapshot_room(struct model_room *room, int64_t t)
{
	struct model_event ev;
	struct refusal why;

	room_new(room);
	CHECK_UINT(join(room, "Anna", ROLE_C, t), ==, 1);
	CHECK_UINT(join(room, "Bert", ROLE_P, t), ==, 2);
	CHECK_UINT(join(room, "Carla", ROLE_P, t), ==, 3);
	CHECK_INT(add_note(room, 1, 0, "Eerste", t, &ev, &why), ==, 0);
	CHECK_INT(add_note(room, 2, 3, "Derde", t, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(room, 1, C_START, 0, t, &ev, &why), ==, 0);
	CHECK_INT(clock_cmd(room, 1, C_EXTEND, 5, t + 2 * MIN, &ev, &why),
	          ==, 0);
	CHECK_INT(step_cmd(room, 1, S_NEXT, 0, t + 4 * MIN, &ev, &why), ==, 0);
	CHECK_INT(model_presence(room, 3, false, t + 5 * MIN, &ev, &why),
	          ==, 0);
	CHECK_INT(leave_cmd(room, 2, t + 6 * MIN, &ev, &why), ==, 0);
	CHECK_INT(add_note(room, 3, 0, "Tweede stap", t + 7 * MIN, &ev, &why),
	          ==, 0);
	CHECK_UINT(room->seq, ==, 11);
}

static void
test_snapshot_round_trip(void)
{
	struct model_room server, client;
	struct model_event ev;
	struct refusal why;
	struct snapshot snap;
	const int64_t t = 100000000, at = t + 10 * MIN, local = 5000;

	snapshot_room(&server, t);
	CHECK_INT(snapshot_build(&snap, &server, at, 0), ==, 0);
	CHECK_UINT(snap.msg.epoch, ==, EPOCH);
	CHECK_UINT(snap.msg.seq, ==, 11);
	CHECK_STR(snap.msg.code, CODE);
	CHECK_STR(snap.msg.title, TITLE);
	CHECK_UINT(snap.msg.current_step, ==, 2);
	CHECK_UINT(snap.msg.n_clocks, ==, 5);
	CHECK_WIRE(snap.msg.clocks[0], 1, PAUSED, 21 * MIN, 25 * MIN);
	CHECK_WIRE(snap.msg.clocks[1], 2, RUNNING, 24 * MIN, 30 * MIN);
	CHECK_WIRE(snap.msg.clocks[4], 5, IDLE, 40 * MIN, 40 * MIN);
	CHECK_UINT(snap.msg.n_participants, ==, 2);
	CHECK_UINT(snap.msg.participants[1]->id, ==, 3);
	CHECK_UINT(snap.msg.n_notes, ==, 3);
	CHECK_STR(snap.msg.notes[1]->text, "Derde");

	/* The client's clock reads quite differently. */
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, local), ==, 0);
	snapshot_release(&snap);
	CHECK_UINT(client.epoch, ==, EPOCH);
	CHECK_UINT(client.seq, ==, 11);
	CHECK_STR(client.code, CODE);
	CHECK_STR(client.title, TITLE);
	CHECK_UINT(client.current_step, ==, 2);
	CHECK_CLOCK(&client, 1, PAUSED, 21 * MIN, 25 * MIN, local);
	CHECK_CLOCK(&client, 1, PAUSED, 21 * MIN, 25 * MIN, local + 10 * MIN);
	CHECK_CLOCK(&client, 2, RUNNING, 24 * MIN, 30 * MIN, local);
	CHECK_CLOCK(&client, 2, RUNNING, 23 * MIN, 30 * MIN, local + MIN);
	CHECK_CLOCK(&client, 2, RUNNING, -MIN, 30 * MIN, local + 25 * MIN);
	CHECK_CLOCK(&client, 3, IDLE, 30 * MIN, 30 * MIN, local);
	CHECK_CLOCK(&client, 4, IDLE, 30 * MIN, 30 * MIN, local);
	CHECK_CLOCK(&client, 5, IDLE, 40 * MIN, 40 * MIN, local);
	CHECK_UINT(client.nparticipants, ==, 2);
	CHECK_UINT(client.participants[0].id, ==, 1);
	CHECK_STR(client.participants[0].name, "Anna");
	CHECK_INT(client.participants[0].role, ==, ROLE_C);
	CHECK(client.participants[0].connected);
	CHECK_UINT(client.participants[1].id, ==, 3);
	CHECK_STR(client.participants[1].name, "Carla");
	CHECK_INT(client.participants[1].role, ==, ROLE_P);
	CHECK(!client.participants[1].connected);
	CHECK_UINT(model_chair(&client), ==, 1);
	CHECK_UINT(client.nnotes, ==, 3);
	CHECK_UINT(client.notes[0].id, ==, 1);
	CHECK_UINT(client.notes[0].step, ==, 1);
	CHECK_UINT(client.notes[0].author_id, ==, 1);
	CHECK_STR(client.notes[0].author_name, "Anna");
	CHECK_STR(client.notes[0].text, "Eerste");
	CHECK_UINT(client.notes[1].id, ==, 2);
	CHECK_UINT(client.notes[1].step, ==, 3);
	CHECK_UINT(client.notes[1].author_id, ==, 2);
	CHECK_STR(client.notes[1].author_name, "Bert");
	CHECK_STR(client.notes[1].text, "Derde");
	CHECK_UINT(client.notes[2].id, ==, 3);
	CHECK_UINT(client.notes[2].step, ==, 2);
	CHECK_UINT(client.notes[2].author_id, ==, 3);
	CHECK_STR(client.notes[2].author_name, "Carla");
	CHECK_SAME(&server, at, &client, local);
	CHECK_SAME(&server, at + 3 * MIN, &client, local + 3 * MIN);

	/* The loaded room mirrors further events. */
	CHECK_INT(model_join(&server, "Dirk", ROLE_P, at + MIN, &ev, &why),
	          ==, 0);
	CHECK_UINT(ev.participant.id, ==, 4);
	CHECK_INT(model_apply(&client, &ev.event, local + MIN), ==, 0);
	CHECK_INT(add_note(&server, 4, 0, "Nieuw", at + 2 * MIN, &ev, &why),
	          ==, 0);
	CHECK_UINT(ev.note.id, ==, 4);
	CHECK_INT(model_apply(&client, &ev.event, local + 2 * MIN), ==, 0);
	CHECK_INT(step_cmd(&server, 1, S_PREV, 0, at + 3 * MIN, &ev, &why),
	          ==, 0);
	CHECK_INT(model_apply(&client, &ev.event, local + 3 * MIN), ==, 0);
	CHECK_SAME(&server, at + 4 * MIN, &client, local + 4 * MIN);
	CHECK_CLOCK(&client, 1, RUNNING, 20 * MIN, 25 * MIN, local + 4 * MIN);
	CHECK_CLOCK(&client, 2, PAUSED, 21 * MIN, 30 * MIN, local + 4 * MIN);

	/* A snapshot of the loaded room loads the same again. */
	{
		struct model_room again;

		CHECK_INT(snapshot_build(&snap, &client, local + 5 * MIN, 0),
		          ==, 0);
		CHECK_INT(snapshot_load(&again, CONTENT, &snap.msg, 777), ==, 0);
		snapshot_release(&snap);
		CHECK_SAME(&server, at + 5 * MIN, &again, 777);
		model_free(&again);
	}
	model_free(&server);
	model_free(&client);
}

static void
test_snapshot_empty_room(void)
{
	struct model_room server, client;
	struct snapshot snap;

	room_new(&server);
	CHECK_INT(snapshot_build(&snap, &server, 0, 0), ==, 0);
	CHECK_UINT(snap.msg.n_participants, ==, 0);
	CHECK_UINT(snap.msg.n_notes, ==, 0);
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, 0);
	snapshot_release(&snap);
	CHECK_SAME(&server, 0, &client, 0);
	CHECK_UINT(client.seq, ==, 0);
	model_free(&server);
	model_free(&client);
}

static void
test_snapshot_load_refused(void)
{
	struct model_room server, client;
	struct snapshot snap;
	Aandeslag__Participant extra[MODEL_SEATS + 1];
	Aandeslag__Participant *extra_ptrs[MODEL_SEATS + 1];
	char names[MODEL_SEATS + 1][8];
	Aandeslag__Note bad_note;
	Aandeslag__Note *note_ptrs[4];
	const int64_t t = 1000000;
	size_t i;

	snapshot_room(&server, t);

	/* The snapshot as built loads. */
	CHECK_INT(snapshot_build(&snap, &server, t + 10 * MIN, 0), ==, 0);
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, 0);
	model_free(&client);
	snapshot_release(&snap);

	/* Four clocks. */
	CHECK_INT(snapshot_build(&snap, &server, t + 10 * MIN, 0), ==, 0);
	snap.msg.n_clocks = 4;
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, -EPROTO);
	snapshot_release(&snap);

	/* Step 0 and step 6. */
	CHECK_INT(snapshot_build(&snap, &server, t + 10 * MIN, 0), ==, 0);
	snap.msg.current_step = 0;
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, -EPROTO);
	snap.msg.current_step = 6;
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, -EPROTO);
	/* Step 3 while step 2's clock runs. */
	snap.msg.current_step = 3;
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, -EPROTO);
	snapshot_release(&snap);

	/* Two chairs. */
	CHECK_INT(snapshot_build(&snap, &server, t + 10 * MIN, 0), ==, 0);
	snap.participants[1].role = ROLE_C;
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, -EPROTO);
	snapshot_release(&snap);

	/* Eight participants. */
	CHECK_INT(snapshot_build(&snap, &server, t + 10 * MIN, 0), ==, 0);
	for (i = 0; i < MODEL_SEATS + 1; i++) {
		aandeslag__participant__init(&extra[i]);
		extra[i].id = (uint32_t)i + 1;
		snprintf(names[i], sizeof names[i], "P%zu", i + 1);
		extra[i].name = names[i];
		extra[i].role = i == 0 ? ROLE_C : ROLE_P;
		extra[i].connected = true;
		extra_ptrs[i] = &extra[i];
	}
	snap.msg.participants = extra_ptrs;
	snap.msg.n_participants = MODEL_SEATS + 1;
	snap.msg.n_notes = 0;
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, -EPROTO);
	/* Seven of them are fine. */
	snap.msg.n_participants = MODEL_SEATS;
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, 0);
	CHECK_UINT(client.nparticipants, ==, 7);
	model_free(&client);
	snapshot_release(&snap);

	/* Bad codes. */
	CHECK_INT(snapshot_build(&snap, &server, t + 10 * MIN, 0), ==, 0);
	snap.msg.code = (char *)"K7QM-2XP0";
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, -EPROTO);
	snap.msg.code = (char *)"";
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, -EPROTO);
	snap.msg.code = NULL;
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, -EPROTO);
	/* A code typed differently is normalised. */
	snap.msg.code = (char *)"k7qm2xpd";
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, 0);
	CHECK_STR(client.code, CODE);
	model_free(&client);
	snapshot_release(&snap);

	/* A bad title. */
	CHECK_INT(snapshot_build(&snap, &server, t + 10 * MIN, 0), ==, 0);
	snap.msg.title = (char *)"";
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, -EPROTO);
	snapshot_release(&snap);

	/* A bad note after good participants and notes: all is freed. */
	CHECK_INT(snapshot_build(&snap, &server, t + 10 * MIN, 0), ==, 0);
	aandeslag__note__init(&bad_note);
	bad_note.id = 9;
	bad_note.step = 6;
	bad_note.author_name = (char *)"Anna";
	bad_note.text = (char *)"Zes";
	for (i = 0; i < 3; i++)
		note_ptrs[i] = snap.msg.notes[i];
	note_ptrs[3] = &bad_note;
	snap.msg.notes = note_ptrs;
	snap.msg.n_notes = 4;
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, -EPROTO);
	bad_note.step = 5;
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, 0);
	CHECK_UINT(client.nnotes, ==, 4);
	model_free(&client);
	/* Notes out of order. */
	note_ptrs[3] = note_ptrs[0];
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, -EPROTO);
	/* A bad clock. */
	snap.msg.n_notes = 3;
	snap.msg.notes = note_ptrs;
	snap.clocks[3].duration_ms = 0;
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, -EPROTO);
	snap.clocks[3].duration_ms = 30 * MIN;
	snap.clocks[3].step = 5;
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, -EPROTO);
	snap.clocks[3].step = 4;
	CHECK_INT(snapshot_load(&client, CONTENT, &snap.msg, 0), ==, 0);
	model_free(&client);
	snapshot_release(&snap);
	model_free(&server);
}

CHECK_MAIN(CHECK_TEST(test_init),
           CHECK_TEST(test_init_trims_title),
           CHECK_TEST(test_init_bad_title),
           CHECK_TEST(test_join),
           CHECK_TEST(test_join_bad_name),
           CHECK_TEST(test_join_name_taken),
           CHECK_TEST(test_join_room_full),
           CHECK_TEST(test_note),
           CHECK_TEST(test_note_refusals),
           CHECK_TEST(test_note_limit),
           CHECK_TEST(test_allowed_table),
           CHECK_TEST(test_command_op),
           CHECK_TEST(test_participant_not_allowed),
           CHECK_TEST(test_chair_allowed_all),
           CHECK_TEST(test_unknown_command_and_actor),
           CHECK_TEST(test_clock_start_pause_resume),
           CHECK_TEST(test_clock_extend),
           CHECK_TEST(test_clock_shorten),
           CHECK_TEST(test_clock_overtime),
	CHECK_TEST(test_clock_week_overtime),
	CHECK_TEST(test_join_other_roles),
	CHECK_TEST(test_apply_duplicate_name),
           CHECK_TEST(test_clock_current_step),
           CHECK_TEST(test_steps_bounds),
           CHECK_TEST(test_steps_idle),
           CHECK_TEST(test_steps_running),
           CHECK_TEST(test_leave),
           CHECK_TEST(test_leave_chair_passes),
           CHECK_TEST(test_presence),
           CHECK_TEST(test_mirror),
           CHECK_TEST(test_apply_stale),
           CHECK_TEST(test_apply_nonsense),
           CHECK_TEST(test_snapshot_round_trip),
           CHECK_TEST(test_snapshot_empty_room),
           CHECK_TEST(test_snapshot_load_refused))
