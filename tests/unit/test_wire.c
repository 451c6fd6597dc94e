/* Tests for wire.c: packing, the bounded allocator and the frame limits. */
#include "check.h"
#include "fixture.h"

#include "frame.h"
#include "model.h"
#include "snapshot.h"
#include "wire.h"

#include <errno.h>
#include <stdint.h>

/* "é" in UTF-8: two bytes per character, as in the worst-case texts. */
#define E_ACUTE "\xc3\xa9"

/* Fills out with n bytes of repeated "é" (n even) and a NUL. */
static void
fill_2byte(char *out, size_t n)
{
	size_t i;

	CHECK(n % 2 == 0);
	for (i = 0; i < n; i += 2)
		memcpy(out + i, E_ACUTE, 2);
	out[n] = '\0';
}

/* Checks the frame header of b against its payload and unpacks the
 * payload with a fresh allocator sized for it, as the peers do. */
static Aandeslag__Envelope *
unpack_buf(const struct wire_buf *b, struct wire_alloc *a)
{
	size_t payload;

	CHECK(b != NULL);
	CHECK_UINT(b->len, >=, FRAME_HEADER);
	payload = b->len - FRAME_HEADER;
	CHECK_UINT(frame_length(b->data), ==, payload);
	wire_alloc_init(a, payload);
	return wire_unpack(b->data + FRAME_HEADER, payload, a);
}

/* Unpacks bytes, which must not be a valid envelope, and checks that
 * nothing of the budget stays in use. */
static void
check_garbage(const uint8_t *data, size_t len)
{
	struct wire_alloc a;
	Aandeslag__Envelope *env;

	wire_alloc_init(&a, len);
	env = wire_unpack(data, len, &a);
	if (env != NULL)
		CHECK_FAIL("garbage of %zu bytes (first 0x%02x) unpacked", len,
		           len ? data[0] : 0);
	CHECK_UINT(a.used, ==, 0);
}

static void
test_round_trip_hello(void)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT, *got;
	Aandeslag__Hello hello = AANDESLAG__HELLO__INIT;
	struct wire_buf *b = NULL;
	struct wire_alloc a;

	hello.min_version = 1;
	hello.max_version = 7;
	hello.software = (char *)"aandeslag 0.1.0";
	env.body_case = AANDESLAG__ENVELOPE__BODY_HELLO;
	env.hello = &hello;
	CHECK_INT(wire_pack(&env, FRAME_MAX_CLIENT, &b), ==, 0);
	CHECK_UINT(b->refs, ==, 1);
	CHECK_UINT(b->len, ==,
	           FRAME_HEADER + aandeslag__envelope__get_packed_size(&env));
	got = unpack_buf(b, &a);
	CHECK(got != NULL);
	CHECK_INT(got->body_case, ==, AANDESLAG__ENVELOPE__BODY_HELLO);
	CHECK(got->hello != NULL);
	CHECK_UINT(got->hello->min_version, ==, 1);
	CHECK_UINT(got->hello->max_version, ==, 7);
	CHECK_STR(got->hello->software, "aandeslag 0.1.0");
	CHECK_UINT(got->base.n_unknown_fields, ==, 0);
	wire_free(got, &a);
	CHECK_UINT(a.used, ==, 0);
	wire_unref(b);
}

static void
test_round_trip_command(void)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT, *got;
	Aandeslag__Command cmd = AANDESLAG__COMMAND__INIT;
	Aandeslag__AddNote note = AANDESLAG__ADD_NOTE__INIT;
	const char *text = "Co\xc3\xb6rdinatie, na\xc3\xaf" "ef en "
	                   "\xc3\xa9\xc3\xa9n caf\xc3\xa9";
	struct wire_buf *b = NULL;
	struct wire_alloc a;

	note.step = 4;
	note.text = (char *)text;
	cmd.request_id = UINT64_MAX;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
	cmd.add_note = &note;
	env.body_case = AANDESLAG__ENVELOPE__BODY_COMMAND;
	env.command = &cmd;
	CHECK_INT(wire_pack(&env, FRAME_MAX_CLIENT, &b), ==, 0);
	got = unpack_buf(b, &a);
	CHECK(got != NULL);
	CHECK_INT(got->body_case, ==, AANDESLAG__ENVELOPE__BODY_COMMAND);
	CHECK_UINT(got->command->request_id, ==, UINT64_MAX);
	CHECK_INT(got->command->op_case, ==, AANDESLAG__COMMAND__OP_ADD_NOTE);
	CHECK_UINT(got->command->add_note->step, ==, 4);
	CHECK_STR(got->command->add_note->text, text);
	wire_free(got, &a);
	CHECK_UINT(a.used, ==, 0);
	wire_unref(b);
}

static void
test_frame_header_is_payload_length(void)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Ping ping = AANDESLAG__PING__INIT;
	static const uint64_t nonces[] = { 0, 1, 127, 128, 300, UINT64_MAX };
	uint8_t expect[64];
	struct wire_buf *b;
	size_t i, len;

	env.body_case = AANDESLAG__ENVELOPE__BODY_PING;
	env.ping = &ping;
	for (i = 0; i < sizeof nonces / sizeof nonces[0]; i++) {
		ping.nonce = nonces[i];
		len = aandeslag__envelope__get_packed_size(&env);
		CHECK_UINT(len, <=, sizeof expect);
		CHECK_UINT(aandeslag__envelope__pack(&env, expect), ==, len);
		b = NULL;
		CHECK_INT(wire_pack(&env, FRAME_MAX_SERVER, &b), ==, 0);
		CHECK_UINT(b->len, ==, FRAME_HEADER + len);
		CHECK_UINT(frame_length(b->data), ==, len);
		CHECK(memcmp(b->data + FRAME_HEADER, expect, len) == 0);
		wire_unref(b);
	}
}

static void
test_frame_header_big_endian(void)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Hello hello = AANDESLAG__HELLO__INIT;
	char *software;
	struct wire_buf *b = NULL;
	size_t len;

	/* A payload over 65535 bytes sets three header bytes. */
	software = malloc(70001);
	CHECK(software != NULL);
	memset(software, 'x', 70000);
	software[70000] = '\0';
	hello.software = software;
	env.body_case = AANDESLAG__ENVELOPE__BODY_HELLO;
	env.hello = &hello;
	len = aandeslag__envelope__get_packed_size(&env);
	CHECK_INT(wire_pack(&env, FRAME_MAX_SERVER, &b), ==, 0);
	CHECK_UINT(frame_length(b->data), ==, len);
	CHECK_UINT(b->data[0], ==, 0);
	CHECK_UINT(b->data[1], ==, (len >> 16) & 0xff);
	CHECK_UINT(b->data[2], ==, (len >> 8) & 0xff);
	CHECK_UINT(b->data[3], ==, len & 0xff);
	wire_unref(b);
	free(software);
}

static void
test_pack_too_large(void)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Ping ping = AANDESLAG__PING__INIT;
	struct wire_buf *b = NULL;
	size_t len;

	ping.nonce = 123456789;
	env.body_case = AANDESLAG__ENVELOPE__BODY_PING;
	env.ping = &ping;
	len = aandeslag__envelope__get_packed_size(&env);
	CHECK_UINT(len, >, 1);
	CHECK_INT(wire_pack(&env, 0, &b), ==, -EMSGSIZE);
	CHECK(b == NULL);
	CHECK_INT(wire_pack(&env, (uint32_t)len - 1, &b), ==, -EMSGSIZE);
	CHECK(b == NULL);
	/* Exactly max is allowed. */
	CHECK_INT(wire_pack(&env, (uint32_t)len, &b), ==, 0);
	CHECK(b != NULL);
	CHECK_UINT(frame_length(b->data), ==, len);
	wire_unref(b);
}

static void
test_unpack_garbage(void)
{
	/* Wire type 7 does not exist. */
	static const uint8_t bad_wire_type[] = { 0x0f };
	/* All ones: a varint that never ends. */
	static const uint8_t ones[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	                                0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	/* Hello announced with 5 bytes, 1 present. */
	static const uint8_t truncated[] = { 0x0a, 0x05, 0x08 };
	/* Hello whose own field min_version is cut off mid-varint. */
	static const uint8_t cut_varint[] = { 0x0a, 0x02, 0x08, 0x80 };
	/* Field 1 (a message) sent as a varint. */
	static const uint8_t wrong_type[] = { 0x08, 0x01 };
	/* Field number 0 is invalid. */
	static const uint8_t field_zero[] = { 0x02, 0x00 };
	/* Text. */
	static const uint8_t text[] = "Hallo, dit is geen envelope";

	check_garbage(bad_wire_type, sizeof bad_wire_type);
	check_garbage(ones, sizeof ones);
	check_garbage(truncated, sizeof truncated);
	check_garbage(cut_varint, sizeof cut_varint);
	check_garbage(wrong_type, sizeof wrong_type);
	check_garbage(field_zero, sizeof field_zero);
	check_garbage(text, sizeof text - 1);
}

/* Random bytes either unpack or do not; either way every allocation is
 * returned (checked by the budget here, and by ASan and valgrind). */
static void
test_unpack_random_bytes(void)
{
	uint8_t data[64];
	uint32_t x = 2463534242u;
	struct wire_alloc a;
	Aandeslag__Envelope *env;
	size_t round, i, len;

	for (round = 0; round < 20000; round++) {
		len = round % sizeof data;
		for (i = 0; i < len; i++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			data[i] = (uint8_t)x;
		}
		wire_alloc_init(&a, len);
		env = wire_unpack(data, len, &a);
		wire_free(env, &a);
		CHECK_UINT(a.used, ==, 0);
	}
}

static void
test_alloc_init(void)
{
	struct wire_alloc a;

	wire_alloc_init(&a, 100);
	CHECK_UINT(a.used, ==, 0);
	CHECK_UINT(a.budget, >=, 8 * 100);
	CHECK(a.base.alloc != NULL);
	CHECK(a.base.free != NULL);
	CHECK(a.base.allocator_data == &a);
}

static void
test_alloc_used_and_released(void)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT, *got;
	Aandeslag__Refusal r = AANDESLAG__REFUSAL__INIT;
	char *params[] = { (char *)"7", (char *)"Anna" };
	struct wire_buf *b = NULL;
	struct wire_alloc a;

	r.request_id = 9;
	r.code = AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL;
	r.n_params = 2;
	r.params = params;
	env.body_case = AANDESLAG__ENVELOPE__BODY_REFUSAL;
	env.refusal = &r;
	CHECK_INT(wire_pack(&env, FRAME_MAX_SERVER, &b), ==, 0);
	got = unpack_buf(b, &a);
	CHECK(got != NULL);
	CHECK_UINT(a.used, >, 0);
	CHECK_UINT(a.used, <=, a.budget);
	wire_free(got, &a);
	CHECK_UINT(a.used, ==, 0);
	/* NULL is fine. */
	wire_free(NULL, &a);
	CHECK_UINT(a.used, ==, 0);
	wire_unref(b);
}

/* Packs an Event carrying a note of MODEL_NOTE_MAX bytes. */
static struct wire_buf *
pack_long_note_event(char *text)
{
	Aandeslag__Event ev = AANDESLAG__EVENT__INIT;
	Aandeslag__Note note = AANDESLAG__NOTE__INIT;
	struct wire_buf *b = NULL;

	fill_2byte(text, MODEL_NOTE_MAX);
	note.id = 1;
	note.step = 2;
	note.author_id = 3;
	note.author_name = (char *)"Anna";
	note.text = text;
	ev.epoch = 5;
	ev.seq = 6;
	ev.actor_id = 3;
	ev.change_case = AANDESLAG__EVENT__CHANGE_NOTE_ADDED;
	ev.note_added = &note;
	CHECK_INT(wire_pack_event(&ev, &b), ==, 0);
	return b;
}

static void
test_alloc_tiny_budget(void)
{
	char text[MODEL_NOTE_MAX + 1];
	struct wire_buf *b = pack_long_note_event(text);
	struct wire_alloc a;
	Aandeslag__Envelope *env;

	wire_alloc_init(&a, b->len - FRAME_HEADER);
	a.budget = 16;
	env = wire_unpack(b->data + FRAME_HEADER, b->len - FRAME_HEADER, &a);
	CHECK(env == NULL);
	CHECK_UINT(a.used, ==, 0);
	wire_unref(b);
}

/* Every budget below what the message needs fails part-way through the
 * message, and what was allocated until then is given back. */
static void
test_alloc_every_budget(void)
{
	char text[MODEL_NOTE_MAX + 1];
	struct wire_buf *b = pack_long_note_event(text);
	size_t payload = b->len - FRAME_HEADER, budget, needed;
	struct wire_alloc a;
	Aandeslag__Envelope *env;

	wire_alloc_init(&a, payload);
	env = wire_unpack(b->data + FRAME_HEADER, payload, &a);
	CHECK(env != NULL);
	needed = a.used;
	CHECK_UINT(needed, >, MODEL_NOTE_MAX);
	CHECK_UINT(needed, <=, a.budget);
	wire_free(env, &a);
	CHECK_UINT(a.used, ==, 0);
	for (budget = 0; budget < needed; budget++) {
		wire_alloc_init(&a, payload);
		a.budget = budget;
		env = wire_unpack(b->data + FRAME_HEADER, payload, &a);
		if (env != NULL)
			CHECK_FAIL("budget %zu below %zu unpacked", budget, needed);
		CHECK_UINT(a.used, ==, 0);
	}
	wire_alloc_init(&a, payload);
	a.budget = needed;
	env = wire_unpack(b->data + FRAME_HEADER, payload, &a);
	CHECK(env != NULL);
	CHECK_INT(env->body_case, ==, AANDESLAG__ENVELOPE__BODY_EVENT);
	CHECK_STR(env->event->note_added->text, text);
	wire_free(env, &a);
	CHECK_UINT(a.used, ==, 0);
	wire_unref(b);
}

static void
test_unknown_field_only(void)
{
	/* Field 31, length-delimited, length 0. */
	static const uint8_t bytes[] = { 0xfa, 0x01, 0x00 };
	/* Field 31 as a varint, and field 1000 as 4 fixed bytes. */
	static const uint8_t more[] = { 0xf8, 0x01, 0x05,
	                                0xc5, 0x3e, 1, 2, 3, 4 };
	struct wire_alloc a;
	Aandeslag__Envelope *env;

	wire_alloc_init(&a, sizeof bytes);
	env = wire_unpack(bytes, sizeof bytes, &a);
	CHECK(env != NULL);
	CHECK_INT(env->body_case, ==, AANDESLAG__ENVELOPE__BODY__NOT_SET);
	wire_free(env, &a);
	CHECK_UINT(a.used, ==, 0);

	wire_alloc_init(&a, sizeof more);
	env = wire_unpack(more, sizeof more, &a);
	CHECK(env != NULL);
	CHECK_INT(env->body_case, ==, AANDESLAG__ENVELOPE__BODY__NOT_SET);
	wire_free(env, &a);
	CHECK_UINT(a.used, ==, 0);
}

static void
test_refcount(void)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Pong pong = AANDESLAG__PONG__INIT;
	struct wire_buf *b = NULL;

	pong.nonce = 77;
	env.body_case = AANDESLAG__ENVELOPE__BODY_PONG;
	env.pong = &pong;
	CHECK_INT(wire_pack(&env, FRAME_MAX_SERVER, &b), ==, 0);
	CHECK_UINT(b->refs, ==, 1);
	CHECK(wire_ref(b) == b);
	CHECK_UINT(b->refs, ==, 2);
	CHECK(wire_ref(b) == b);
	CHECK_UINT(b->refs, ==, 3);
	wire_unref(b);
	CHECK_UINT(b->refs, ==, 2);
	/* The bytes stay as they were while references remain. */
	CHECK_UINT(frame_length(b->data), ==, b->len - FRAME_HEADER);
	wire_unref(b);
	CHECK_UINT(b->refs, ==, 1);
	wire_unref(b);	/* freed here: ASan and valgrind see a leak or a double free */
	wire_unref(NULL);
}

static void
test_pack_refusal(void)
{
	const char *params[] = { "7", "Bram" };
	struct wire_buf *b = NULL;
	struct wire_alloc a;
	Aandeslag__Envelope *env;

	CHECK_INT(wire_pack_refusal(42, AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL,
	                            params, 2, &b), ==, 0);
	CHECK_UINT(b->refs, ==, 1);
	env = unpack_buf(b, &a);
	CHECK(env != NULL);
	CHECK_INT(env->body_case, ==, AANDESLAG__ENVELOPE__BODY_REFUSAL);
	CHECK_UINT(env->refusal->request_id, ==, 42);
	CHECK_INT(env->refusal->code, ==, AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL);
	CHECK_UINT(env->refusal->n_params, ==, 2);
	CHECK_STR(env->refusal->params[0], "7");
	CHECK_STR(env->refusal->params[1], "Bram");
	wire_free(env, &a);
	CHECK_UINT(a.used, ==, 0);
	wire_unref(b);

	/* Without parameters, and answering no request. */
	b = NULL;
	CHECK_INT(wire_pack_refusal(0, AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED,
	                            NULL, 0, &b), ==, 0);
	env = unpack_buf(b, &a);
	CHECK(env != NULL);
	CHECK_INT(env->body_case, ==, AANDESLAG__ENVELOPE__BODY_REFUSAL);
	CHECK_UINT(env->refusal->request_id, ==, 0);
	CHECK_INT(env->refusal->code, ==,
	          AANDESLAG__ERROR_CODE__ERROR_NOT_ALLOWED);
	CHECK_UINT(env->refusal->n_params, ==, 0);
	wire_free(env, &a);
	wire_unref(b);
}

static void
test_pack_closing(void)
{
	const char *params[] = { "1", "1" };
	struct wire_buf *b = NULL;
	struct wire_alloc a;
	Aandeslag__Envelope *env;

	CHECK_INT(wire_pack_closing(AANDESLAG__ERROR_CODE__ERROR_VERSION,
	                            params, 2, &b), ==, 0);
	env = unpack_buf(b, &a);
	CHECK(env != NULL);
	CHECK_INT(env->body_case, ==, AANDESLAG__ENVELOPE__BODY_CLOSING);
	CHECK_INT(env->closing->code, ==, AANDESLAG__ERROR_CODE__ERROR_VERSION);
	CHECK_UINT(env->closing->n_params, ==, 2);
	CHECK_STR(env->closing->params[0], "1");
	CHECK_STR(env->closing->params[1], "1");
	wire_free(env, &a);
	CHECK_UINT(a.used, ==, 0);
	wire_unref(b);

	b = NULL;
	CHECK_INT(wire_pack_closing(AANDESLAG__ERROR_CODE__ERROR_SERVER_SHUTDOWN,
	                            NULL, 0, &b), ==, 0);
	env = unpack_buf(b, &a);
	CHECK(env != NULL);
	CHECK_INT(env->body_case, ==, AANDESLAG__ENVELOPE__BODY_CLOSING);
	CHECK_INT(env->closing->code, ==,
	          AANDESLAG__ERROR_CODE__ERROR_SERVER_SHUTDOWN);
	CHECK_UINT(env->closing->n_params, ==, 0);
	wire_free(env, &a);
	wire_unref(b);
}

static void
test_pack_ack(void)
{
	struct wire_buf *b = NULL;
	struct wire_alloc a;
	Aandeslag__Envelope *env;

	CHECK_INT(wire_pack_ack(UINT64_MAX, 3, 1234567, &b), ==, 0);
	env = unpack_buf(b, &a);
	CHECK(env != NULL);
	CHECK_INT(env->body_case, ==, AANDESLAG__ENVELOPE__BODY_ACK);
	CHECK_UINT(env->ack->request_id, ==, UINT64_MAX);
	CHECK_UINT(env->ack->epoch, ==, 3);
	CHECK_UINT(env->ack->seq, ==, 1234567);
	wire_free(env, &a);
	CHECK_UINT(a.used, ==, 0);
	wire_unref(b);
}

static void
test_pack_event(void)
{
	Aandeslag__Event ev = AANDESLAG__EVENT__INIT;
	Aandeslag__ClockChanged cc = AANDESLAG__CLOCK_CHANGED__INIT;
	Aandeslag__StepClock sc = AANDESLAG__STEP_CLOCK__INIT;
	struct wire_buf *b = NULL;
	struct wire_alloc a;
	Aandeslag__Envelope *env;
	char text[MODEL_NOTE_MAX + 1];

	sc.step = 2;
	sc.state = AANDESLAG__CLOCK_STATE__CLOCK_RUNNING;
	sc.remaining_ms = -65000;
	sc.duration_ms = 35 * 60000;
	cc.action = AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND;
	cc.minutes = 5;
	cc.clock = &sc;
	ev.epoch = 2;
	ev.seq = 17;
	ev.actor_id = 1;
	ev.change_case = AANDESLAG__EVENT__CHANGE_CLOCK;
	ev.clock = &cc;
	CHECK_INT(wire_pack_event(&ev, &b), ==, 0);
	env = unpack_buf(b, &a);
	CHECK(env != NULL);
	CHECK_INT(env->body_case, ==, AANDESLAG__ENVELOPE__BODY_EVENT);
	CHECK_UINT(env->event->epoch, ==, 2);
	CHECK_UINT(env->event->seq, ==, 17);
	CHECK_UINT(env->event->actor_id, ==, 1);
	CHECK_INT(env->event->change_case, ==, AANDESLAG__EVENT__CHANGE_CLOCK);
	CHECK_INT(env->event->clock->action, ==,
	          AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND);
	CHECK_UINT(env->event->clock->minutes, ==, 5);
	CHECK_UINT(env->event->clock->clock->step, ==, 2);
	CHECK_INT(env->event->clock->clock->state, ==,
	          AANDESLAG__CLOCK_STATE__CLOCK_RUNNING);
	CHECK_INT(env->event->clock->clock->remaining_ms, ==, -65000);
	CHECK_INT(env->event->clock->clock->duration_ms, ==, 35 * 60000);
	wire_free(env, &a);
	CHECK_UINT(a.used, ==, 0);
	wire_unref(b);

	/* A note event of the largest text. */
	b = pack_long_note_event(text);
	env = unpack_buf(b, &a);
	CHECK(env != NULL);
	CHECK_INT(env->event->change_case, ==,
	          AANDESLAG__EVENT__CHANGE_NOTE_ADDED);
	CHECK_UINT(env->event->note_added->id, ==, 1);
	CHECK_UINT(env->event->note_added->step, ==, 2);
	CHECK_UINT(env->event->note_added->author_id, ==, 3);
	CHECK_STR(env->event->note_added->author_name, "Anna");
	CHECK_STR(env->event->note_added->text, text);
	wire_free(env, &a);
	CHECK_UINT(a.used, ==, 0);
	wire_unref(b);
}

/* Fills room to every limit of the model: MODEL_SEATS participants with
 * names of name_len bytes and MODEL_NOTES_MAX notes of note_len bytes,
 * spread over the steps and the authors. Lengths are even when wide. */
static void
build_room(struct model_room *room, const char *title, size_t name_len,
           size_t note_len, int wide)
{
	Aandeslag__Command cmd = AANDESLAG__COMMAND__INIT;
	Aandeslag__AddNote add = AANDESLAG__ADD_NOTE__INIT;
	struct model_event *ev;
	struct refusal why;
	char name[MODEL_NAME_MAX + 1], *text;
	size_t i;
	int64_t now = 1000;

	ev = malloc(sizeof *ev);
	text = malloc(MODEL_NOTE_MAX + 1);
	CHECK(ev != NULL && text != NULL);
	CHECK_INT(model_init(room, fixture_content(), "K7QM-2XPD", title, UINT64_MAX - 1, &why),
	          ==, 0);
	for (i = 0; i < MODEL_SEATS; i++) {
		if (wide) {
			fill_2byte(name, name_len - 2);
			name[name_len - 2] = 'A';
			name[name_len - 1] = (char)('0' + i);
			name[name_len] = '\0';
		} else {
			memset(name, 'a', name_len - 1);
			name[name_len - 1] = (char)('A' + i);
			name[name_len] = '\0';
		}
		CHECK_INT(model_join(room, name, i == 0 ?
		                     AANDESLAG__ROLE__ROLE_CHAIR :
		                     AANDESLAG__ROLE__ROLE_PARTICIPANT,
		                     now, ev, &why), ==, 0);
	}
	CHECK_UINT(room->nparticipants, ==, MODEL_SEATS);
	if (wide) {
		fill_2byte(text, note_len);
	} else {
		memset(text, 'x', note_len);
		text[note_len] = '\0';
	}
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
	cmd.add_note = &add;
	add.text = text;
	for (i = 0; i < MODEL_NOTES_MAX; i++) {
		add.step = (uint32_t)(i % STEPS_COUNT) + 1;
		if (model_execute(room, room->participants[i % MODEL_SEATS].id,
		                  &cmd, now, ev, &why) != 0)
			CHECK_FAIL("note %zu refused: %s", i,
			           refusal_name(why.code));
	}
	CHECK_UINT(room->nnotes, ==, MODEL_NOTES_MAX);
	/* The room is really full. */
	add.step = 1;
	CHECK_INT(model_execute(room, room->participants[0].id, &cmd, now, ev,
	                        &why), ==, -EINVAL);
	CHECK_INT(why.code, ==, AANDESLAG__ERROR_CODE__ERROR_TOO_MANY_NOTES);
	CHECK_INT(model_join(room, "Nog iemand", AANDESLAG__ROLE__ROLE_PARTICIPANT,
	                     now, ev, &why), ==, -EINVAL);
	CHECK_INT(why.code, ==, AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL);
	free(text);
	free(ev);
}

/* Packs a Joined envelope around a snapshot of room, with a 16-byte
 * token and the largest ids. */
static int
pack_joined(const struct model_room *room, struct snapshot *snap,
            struct wire_buf **out)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Joined joined = AANDESLAG__JOINED__INIT;
	uint8_t token[16];

	memset(token, 0xff, sizeof token);
	CHECK_INT(snapshot_build(snap, room, 2000, 0), ==, 0);
	joined.request_id = UINT64_MAX;
	joined.code = (char *)room->code;
	joined.participant_id = UINT32_MAX;
	joined.resume_token.data = token;
	joined.resume_token.len = sizeof token;
	joined.snapshot = &snap->msg;
	env.body_case = AANDESLAG__ENVELOPE__BODY_JOINED;
	env.joined = &joined;
	return wire_pack(&env, FRAME_MAX_SERVER, out);
}

static void
test_full_room_fits_server_frame(void)
{
	struct model_room room;
	struct snapshot snap;
	struct wire_buf *b = NULL;
	struct wire_alloc a;
	Aandeslag__Envelope *env;
	char title[MODEL_TITLE_MAX + 1], note[MODEL_NOTE_MAX + 1];
	size_t i;

	fill_2byte(title, MODEL_TITLE_MAX);
	fill_2byte(note, MODEL_NOTE_MAX);
	build_room(&room, title, MODEL_NAME_MAX, MODEL_NOTE_MAX, 1);
	CHECK_UINT(strlen(room.title), ==, MODEL_TITLE_MAX);
	CHECK_UINT(strlen(room.participants[6].name), ==, MODEL_NAME_MAX);
	CHECK_UINT(strlen(room.notes[MODEL_NOTES_MAX - 1].text), ==,
	           MODEL_NOTE_MAX);
	CHECK_INT(pack_joined(&room, &snap, &b), ==, 0);
	CHECK(b != NULL);
	CHECK_UINT(b->len - FRAME_HEADER, <=, FRAME_MAX_SERVER);
	/* The bulk of it is the notes themselves. */
	CHECK_UINT(b->len, >, (size_t)MODEL_NOTES_MAX * MODEL_NOTE_MAX);

	/* And the receiver's budget is enough for it. */
	env = unpack_buf(b, &a);
	CHECK(env != NULL);
	CHECK_INT(env->body_case, ==, AANDESLAG__ENVELOPE__BODY_JOINED);
	CHECK_UINT(env->joined->resume_token.len, ==, 16);
	CHECK_UINT(env->joined->snapshot->n_participants, ==, MODEL_SEATS);
	CHECK_UINT(env->joined->snapshot->n_notes, ==, MODEL_NOTES_MAX);
	CHECK_UINT(env->joined->snapshot->n_clocks, ==, STEPS_COUNT);
	CHECK_STR(env->joined->snapshot->title, title);
	for (i = 0; i < MODEL_NOTES_MAX; i++)
		CHECK_STR(env->joined->snapshot->notes[i]->text, note);
	CHECK_UINT(a.used, <=, a.budget);
	wire_free(env, &a);
	CHECK_UINT(a.used, ==, 0);
	wire_unref(b);
	snapshot_release(&snap);
	model_free(&room);
}

/* Small notes cost the receiver the most memory per byte on the wire
 * (a structure and two strings per note, and protobuf-c's temporary list
 * of scanned fields, which it also takes from the allocator): a full
 * room of one-byte notes must still unpack within the budget. */
static void
test_small_notes_room_within_budget(void)
{
	struct model_room room;
	struct snapshot snap;
	struct wire_buf *b = NULL;
	struct wire_alloc a;
	Aandeslag__Envelope *env;

	build_room(&room, "T", 1, 1, 0);
	CHECK_INT(pack_joined(&room, &snap, &b), ==, 0);
	env = unpack_buf(b, &a);
	if (env == NULL)
		CHECK_FAIL("a valid Joined of %zu bytes did not unpack within "
		           "its budget of %zu bytes", b->len - FRAME_HEADER,
		           a.budget);
	CHECK_UINT(env->joined->snapshot->n_notes, ==, MODEL_NOTES_MAX);
	CHECK_STR(env->joined->snapshot->notes[0]->text, "x");
	wire_free(env, &a);
	CHECK_UINT(a.used, ==, 0);
	wire_unref(b);
	snapshot_release(&snap);
	model_free(&room);
}

static void
test_largest_command_fits_client_frame(void)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Command cmd = AANDESLAG__COMMAND__INIT;
	Aandeslag__AddNote note = AANDESLAG__ADD_NOTE__INIT;
	char text[MODEL_NOTE_MAX + 1];
	struct wire_buf *b = NULL;
	struct wire_alloc a;
	Aandeslag__Envelope *got;

	fill_2byte(text, MODEL_NOTE_MAX);
	note.step = STEPS_COUNT;
	note.text = text;
	cmd.request_id = UINT64_MAX;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
	cmd.add_note = &note;
	env.body_case = AANDESLAG__ENVELOPE__BODY_COMMAND;
	env.command = &cmd;
	CHECK_INT(wire_pack(&env, FRAME_MAX_CLIENT, &b), ==, 0);
	CHECK_UINT(b->len - FRAME_HEADER, <=, FRAME_MAX_CLIENT);
	got = unpack_buf(b, &a);
	CHECK(got != NULL);
	CHECK_STR(got->command->add_note->text, text);
	wire_free(got, &a);
	CHECK_UINT(a.used, ==, 0);
	wire_unref(b);
}

CHECK_MAIN(CHECK_TEST(test_round_trip_hello),
           CHECK_TEST(test_round_trip_command),
           CHECK_TEST(test_frame_header_is_payload_length),
           CHECK_TEST(test_frame_header_big_endian),
           CHECK_TEST(test_pack_too_large),
           CHECK_TEST(test_unpack_garbage),
           CHECK_TEST(test_unpack_random_bytes),
           CHECK_TEST(test_alloc_init),
           CHECK_TEST(test_alloc_used_and_released),
           CHECK_TEST(test_alloc_tiny_budget),
           CHECK_TEST(test_alloc_every_budget),
           CHECK_TEST(test_unknown_field_only),
           CHECK_TEST(test_refcount),
           CHECK_TEST(test_pack_refusal),
           CHECK_TEST(test_pack_closing),
           CHECK_TEST(test_pack_ack),
           CHECK_TEST(test_pack_event),
           CHECK_TEST(test_full_room_fits_server_frame),
           CHECK_TEST(test_small_notes_room_within_budget),
           CHECK_TEST(test_largest_command_fits_client_frame))
