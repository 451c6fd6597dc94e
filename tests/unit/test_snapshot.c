/* Tests for snapshot.c: round trips through a snapshot, and refusals. */
#include "model_fixture.h"

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

/* A room rebuilt from a snapshot (a restarted server) gives a newcomer
 * an id no one ever had, not the id of someone who left whose dots and
 * notes are still on the poster: the newcomer would inherit them, spend
 * the dots of the one who left, and edit their notes as the author. */
static void
test_snapshot_ids_not_reused(void)
{
	const Aandeslag__Content *c = CONTENT->msg;
	struct model_room server, restarted;
	struct model_event ev;
	struct refusal why;
	struct snapshot snap;
	Aandeslag__Command cmd;
	Aandeslag__CastVote cv;
	const char *cid = c->categories[0]->competences[0]->id;
	uint32_t carla;

	room_new(&server);
	CHECK_UINT(join(&server, "Anna", ROLE_C, 0), ==, 1);
	CHECK_UINT(join(&server, "Bert", ROLE_P, 0), ==, 2);
	CHECK_INT(add_note(&server, 2, 0, "Van Bert", 0, &ev, &why), ==, 0);
	aandeslag__command__init(&cmd);
	aandeslag__cast_vote__init(&cv);
	cv.competence_id = (char *)cid;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_VOTE;
	cmd.vote = &cv;
	CHECK_INT(model_execute(&server, 2, &cmd, 0, &ev, &why), ==, 0);
	CHECK_INT(leave_cmd(&server, 2, 0, &ev, &why), ==, 0);
	CHECK_UINT(model_dots_used(&server, 2), ==, 1);

	CHECK_INT(snapshot_build(&snap, &server, 0, SNAPSHOT_ALL), ==, 0);
	CHECK_INT(snapshot_load(&restarted, CONTENT, &snap.msg, 0), ==, 0);
	snapshot_release(&snap);
	carla = join(&restarted, "Carla", ROLE_P, 0);
	CHECK_UINT(carla, ==, 3);
	CHECK_UINT(model_dots_used(&restarted, carla), ==, 0);
	CHECK_UINT(restarted.notes[0].author_id, ==, 2);
	CHECK_UINT(join(&server, "Carla", ROLE_P, 0), ==, carla);
	model_free(&restarted);
	model_free(&server);
}

CHECK_MAIN(CHECK_TEST(test_snapshot_round_trip),
           CHECK_TEST(test_snapshot_empty_room),
           CHECK_TEST(test_snapshot_load_refused),
           CHECK_TEST(test_snapshot_ids_not_reused))
