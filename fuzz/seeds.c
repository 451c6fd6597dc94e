/* Writes the seed corpus of the fuzz targets: real frames packed by the
 * project's own code for fuzz-frame (a client's commands to the server, a
 * server's Joined, events and answers to a client, whole conversations
 * cut into pieces) and short programs for fuzz-model (a room filling up
 * to the refused eighth, a chair running the steps and the clock, votes
 * against the budget, items, a chair away and taken over).
 *
 *   seeds FRAME-DIR MODEL-DIR
 *
 * Run by hand when the protocol or the program format changes (see
 * docs/fuzzing.md); its output is committed under fuzz/corpus/. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "model.h"
#include "program.h"
#include "snapshot.h"
#include "target.h"
#include "wire.h"

#define ROLE_CHAIR AANDESLAG__ROLE__ROLE_CHAIR
#define ROLE_PARTICIPANT AANDESLAG__ROLE__ROLE_PARTICIPANT

/* A growing byte buffer: one seed file. */
struct seeds_buf {
	uint8_t *data;
	size_t len, cap;
};

static const char *frame_dir, *model_dir;

static void
seeds_add(struct seeds_buf *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = 2 * (b->len + n);
		b->data = realloc(b->data, b->cap);
		TARGET_ASSERT(b->data != NULL);
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

static void
seeds_byte(struct seeds_buf *b, uint8_t x)
{
	seeds_add(b, &x, 1);
}

/* Appends env as a frame. */
static void
seeds_env(struct seeds_buf *b, const Aandeslag__Envelope *env)
{
	struct wire_buf *w;

	TARGET_ASSERT(wire_pack(env, FRAME_MAX_SERVER, &w) == 0);
	seeds_add(b, w->data, w->len);
	wire_unref(w);
}

static void
seeds_save(const char *dir, const char *name, struct seeds_buf *b)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (f == NULL || fwrite(b->data, 1, b->len, f) != b->len ||
	    fclose(f) != 0) {
		fprintf(stderr, "seeds: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	free(b->data);
	memset(b, 0, sizeof *b);
}

/* Starts a frame seed: direction and piece size. */
static void
seeds_start(struct seeds_buf *b, int to_client, uint8_t chunk)
{
	seeds_byte(b, (uint8_t)to_client);
	seeds_byte(b, chunk);
}

/* Saves one command as a client's seed. */
static void
seeds_command(const char *name, Aandeslag__Command *cmd)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	struct seeds_buf b = { 0 };

	env.body_case = AANDESLAG__ENVELOPE__BODY_COMMAND;
	env.command = cmd;
	seeds_start(&b, 0, 0);
	seeds_env(&b, &env);
	seeds_save(frame_dir, name, &b);
}

/* ------------------------------------------------------- client frames */

static void
seeds_client(void)
{
	const Aandeslag__Content *c = target_content()->msg;
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Hello hello = AANDESLAG__HELLO__INIT;
	Aandeslag__JoinRoom join = AANDESLAG__JOIN_ROOM__INIT;
	Aandeslag__CreateRoom create = AANDESLAG__CREATE_ROOM__INIT;
	Aandeslag__Ping ping = AANDESLAG__PING__INIT;
	Aandeslag__Command cmd = AANDESLAG__COMMAND__INIT;
	Aandeslag__AddNote note = AANDESLAG__ADD_NOTE__INIT;
	Aandeslag__CastVote vote = AANDESLAG__CAST_VOTE__INIT;
	Aandeslag__ClockControl clock = AANDESLAG__CLOCK_CONTROL__INIT;
	Aandeslag__StepControl step = AANDESLAG__STEP_CONTROL__INIT;
	Aandeslag__ChangeSetting set = AANDESLAG__CHANGE_SETTING__INIT;
	Aandeslag__AddActivity add_act = AANDESLAG__ADD_ACTIVITY__INIT;
	Aandeslag__Activity act = AANDESLAG__ACTIVITY__INIT;
	Aandeslag__AddAction add_action = AANDESLAG__ADD_ACTION__INIT;
	Aandeslag__Action action = AANDESLAG__ACTION__INIT;
	Aandeslag__Owner owner = AANDESLAG__OWNER__INIT, *owners[1] = { &owner };
	Aandeslag__When when = AANDESLAG__WHEN__INIT;
	Aandeslag__AddFinding finding = AANDESLAG__ADD_FINDING__INIT;
	Aandeslag__Recognise recognise = AANDESLAG__RECOGNISE__INIT;
	char *links[2];
	uint32_t levels[2] = { 2, 3 };
	struct seeds_buf b = { 0 };
	uint8_t chunks[] = { 0, 1, 7 };
	char name[32];
	size_t i;

	hello.min_version = WIRE_VERSION_MIN;
	hello.max_version = WIRE_VERSION_MAX;
	hello.software = "aandeslag 0.1.0";
	create.request_id = 1;
	create.title = "Werksessie internationalisering";
	create.name = "Anna";
	join.request_id = 1;
	join.code = "K7QM-2XPD";
	join.name = "Carla";
	ping.nonce = 7;

	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
	cmd.add_note = &note;
	note.text = "Stages in Duitsland";
	seeds_command("cmd-note", &cmd);
	cmd.request_id = 2;
	note.step = 2;
	note.author = AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_ON_BEHALF;
	note.on_behalf_name = "Dirk";
	seeds_command("cmd-note-for", &cmd);

	cmd.request_id = 3;
	cmd.op_case = AANDESLAG__COMMAND__OP_VOTE;
	cmd.vote = &vote;
	vote.competence_id = c->categories[0]->competences[0]->id;
	seeds_command("cmd-vote", &cmd);

	cmd.request_id = 5;
	cmd.op_case = AANDESLAG__COMMAND__OP_CLOCK;
	cmd.clock = &clock;
	clock.action = AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_EXTEND;
	clock.minutes = 5;
	seeds_command("cmd-clock", &cmd);

	cmd.request_id = 7;
	cmd.op_case = AANDESLAG__COMMAND__OP_STEP;
	cmd.step = &step;
	step.action = AANDESLAG__STEP_ACTION__STEP_ACTION_GOTO;
	step.step = 3;
	seeds_command("cmd-step", &cmd);

	cmd.request_id = 9;
	cmd.op_case = AANDESLAG__COMMAND__OP_SETTING;
	cmd.setting = &set;
	set.key = AANDESLAG__SETTING_KEY__SETTING_LEVELS;
	set.n_numbers = 2;
	set.numbers = levels;
	seeds_command("cmd-setting", &cmd);

	cmd.request_id = 11;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_ACTIVITY;
	cmd.add_activity = &add_act;
	add_act.activity = &act;
	act.catalogue_id = c->activities[0]->id;
	act.place = AANDESLAG__PLACE__PLACE_ABROAD;
	links[0] = c->categories[0]->competences[0]->id;
	links[1] = c->categories[c->n_categories - 1]->competences[0]->id;
	act.n_competence_ids = 2;
	act.competence_ids = links;
	seeds_command("cmd-activity", &cmd);

	cmd.request_id = 13;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_ACTION;
	cmd.add_action = &add_action;
	add_action.action = &action;
	action.text = "Contact leggen met het ROC in Aken";
	owner.kind = AANDESLAG__OWNER_KIND__OWNER_NAMED;
	owner.name = "teamleider";
	action.n_owners = 1;
	action.owners = owners;
	action.needs = MODEL_NEED_TIME | MODEL_NEED_PARTNERS;
	action.needs_text = "twee dagdelen";
	action.study_years = 1u << 2;
	when.kind = AANDESLAG__WHEN_KIND__WHEN_DATE;
	when.value = "2027-03-15";
	action.when = &when;
	seeds_command("cmd-action", &cmd);

	cmd.request_id = 15;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_FINDING;
	cmd.add_finding = &finding;
	finding.text = "Taal is de sleutel";
	seeds_command("cmd-finding", &cmd);

	cmd.request_id = 17;
	cmd.op_case = AANDESLAG__COMMAND__OP_RECOGNISE;
	cmd.recognise = &recognise;
	recognise.participant_id = 2;
	seeds_command("cmd-recognise", &cmd);

	/* A whole conversation, whole and cut into pieces. */
	for (i = 0; i < sizeof chunks; i++) {
		seeds_start(&b, 0, chunks[i]);
		env.body_case = AANDESLAG__ENVELOPE__BODY_HELLO;
		env.hello = &hello;
		seeds_env(&b, &env);
		env.body_case = i == 1 ? AANDESLAG__ENVELOPE__BODY_CREATE_ROOM :
		                AANDESLAG__ENVELOPE__BODY_JOIN_ROOM;
		if (i == 1)
			env.create_room = &create;
		else
			env.join_room = &join;
		seeds_env(&b, &env);
		env.body_case = AANDESLAG__ENVELOPE__BODY_COMMAND;
		env.command = &cmd;
		cmd.request_id = 19;
		cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
		cmd.add_note = &note;
		note.step = 0;
		note.author = AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_SELF;
		note.on_behalf_name = "";
		seeds_env(&b, &env);
		cmd.request_id = 20;
		seeds_env(&b, &env);
		env.body_case = AANDESLAG__ENVELOPE__BODY_PING;
		env.ping = &ping;
		seeds_env(&b, &env);
		snprintf(name, sizeof name, "session-%u", (unsigned)chunks[i]);
		seeds_save(frame_dir, name, &b);
	}

	/* What the decoder must refuse: too long, and empty. */
	{
		uint8_t hdr[FRAME_HEADER];

		seeds_start(&b, 0, 0);
		frame_header(hdr, FRAME_MAX_CLIENT + 1);
		seeds_add(&b, hdr, sizeof hdr);
		seeds_save(frame_dir, "too-long", &b);
		seeds_start(&b, 0, 0);
		frame_header(hdr, 0);
		seeds_add(&b, hdr, sizeof hdr);
		seeds_save(frame_dir, "empty-frame", &b);
	}
}

/* ------------------------------------------------------- server frames */

/* A room in the middle of a session, and the events after its snapshot. */
static void
seeds_server(void)
{
	const Aandeslag__Content *c = target_content()->msg;
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Welcome welcome = AANDESLAG__WELCOME__INIT;
	Aandeslag__Joined joined = AANDESLAG__JOINED__INIT;
	Aandeslag__Ack ack = AANDESLAG__ACK__INIT;
	Aandeslag__WorkshopExport wexport = AANDESLAG__WORKSHOP_EXPORT__INIT;
	Aandeslag__Snapshot *rooms[2];
	Aandeslag__Command cmd = AANDESLAG__COMMAND__INIT;
	Aandeslag__AddNote note = AANDESLAG__ADD_NOTE__INIT;
	Aandeslag__CastVote vote = AANDESLAG__CAST_VOTE__INIT;
	Aandeslag__ClockControl clock = AANDESLAG__CLOCK_CONTROL__INIT;
	Aandeslag__ChangeSetting set = AANDESLAG__CHANGE_SETTING__INIT;
	struct model_room room;
	struct model_event ev;
	struct refusal why;
	struct snapshot snap;
	struct seeds_buf b = { 0 }, events = { 0 };
	struct wire_buf *w;
	const char *addr[1] = { "192.168.1.20:7557" };
	const char *params[1] = { "7" };
	int64_t now = 10000000;
	uint32_t anna, bert;
	uint8_t chunks[] = { 0, 7 };
	char name[32];
	size_t i;

	TARGET_ASSERT(model_init(&room, target_content(), "K7QM-2XPD",
	                         "Teamdag", 3, &why) == 0);
	TARGET_ASSERT(model_join(&room, "Anna", ROLE_CHAIR, now, &ev,
	                         &why) == 0);
	anna = ev.participant.id;
	TARGET_ASSERT(model_join(&room, "Bert", ROLE_PARTICIPANT, now, &ev,
	                         &why) == 0);
	bert = ev.participant.id;
	cmd.request_id = 1;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
	cmd.add_note = &note;
	note.text = "Over de grens kijken";
	TARGET_ASSERT(model_execute(&room, bert, &cmd, now, &ev, &why) == 0);
	TARGET_ASSERT(snapshot_build(&snap, &room, now, bert) == 0);

	welcome.version = WIRE_VERSION_MAX;
	welcome.software = "aandeslag 0.1.0";
	welcome.max_client_frame = FRAME_MAX_CLIENT;
	welcome.max_server_frame = FRAME_MAX_SERVER;
	welcome.n_addresses = 1;
	welcome.addresses = (char **)addr;
	welcome.idle_timeout_ms = 30000;
	joined.request_id = 1;
	joined.code = "K7QM-2XPD";
	joined.participant_id = bert;
	joined.snapshot = &snap.msg;

	/* The events that follow, as the server broadcasts them. */
	cmd.op_case = AANDESLAG__COMMAND__OP_CLOCK;
	cmd.clock = &clock;
	clock.action = AANDESLAG__CLOCK_ACTION__CLOCK_ACTION_START;
	TARGET_ASSERT(model_execute(&room, anna, &cmd, now, &ev, &why) == 0);
	TARGET_ASSERT(wire_pack_event(&ev.event, &w) == 0);
	seeds_add(&events, w->data, w->len);
	wire_unref(w);
	now += 60000;
	cmd.op_case = AANDESLAG__COMMAND__OP_VOTE;
	cmd.vote = &vote;
	vote.competence_id = c->categories[0]->competences[0]->id;
	TARGET_ASSERT(model_execute(&room, bert, &cmd, now, &ev, &why) == 0);
	TARGET_ASSERT(wire_pack_event(&ev.event, &w) == 0);
	seeds_add(&events, w->data, w->len);
	wire_unref(w);
	cmd.op_case = AANDESLAG__COMMAND__OP_SETTING;
	cmd.setting = &set;
	set.key = AANDESLAG__SETTING_KEY__SETTING_TITLE;
	set.text = "Teamdag internationalisering";
	TARGET_ASSERT(model_execute(&room, anna, &cmd, now, &ev, &why) == 0);
	TARGET_ASSERT(wire_pack_event(&ev.event, &w) == 0);
	seeds_add(&events, w->data, w->len);
	wire_unref(w);
	TARGET_ASSERT(model_presence(&room, anna, false, now, &ev, &why) == 0);
	TARGET_ASSERT(wire_pack_event(&ev.event, &w) == 0);
	seeds_add(&events, w->data, w->len);
	wire_unref(w);
	TARGET_ASSERT(model_leave(&room, bert, bert, now, &ev, &why) == 0);
	TARGET_ASSERT(wire_pack_event(&ev.event, &w) == 0);
	seeds_add(&events, w->data, w->len);
	wire_unref(w);

	for (i = 0; i < sizeof chunks; i++) {
		seeds_start(&b, 1, chunks[i]);
		env.body_case = AANDESLAG__ENVELOPE__BODY_WELCOME;
		env.welcome = &welcome;
		seeds_env(&b, &env);
		env.body_case = AANDESLAG__ENVELOPE__BODY_JOINED;
		env.joined = &joined;
		seeds_env(&b, &env);
		seeds_add(&b, events.data, events.len);
		ack.request_id = 2;
		ack.epoch = 3;
		ack.seq = room.seq;
		env.body_case = AANDESLAG__ENVELOPE__BODY_ACK;
		env.ack = &ack;
		seeds_env(&b, &env);
		snprintf(name, sizeof name, "joined-events-%u",
		         (unsigned)chunks[i]);
		seeds_save(frame_dir, name, &b);
	}

	/* A Joined that brings the content along. */
	seeds_start(&b, 1, 0);
	joined.content = (Aandeslag__Content *)c;
	env.body_case = AANDESLAG__ENVELOPE__BODY_JOINED;
	env.joined = &joined;
	seeds_env(&b, &env);
	joined.content = NULL;
	seeds_save(frame_dir, "joined-content", &b);

	/* A workshop's export: two rooms. */
	seeds_start(&b, 1, 0);
	rooms[0] = rooms[1] = &snap.msg;
	wexport.request_id = 4;
	wexport.n_rooms = 2;
	wexport.rooms = rooms;
	env.body_case = AANDESLAG__ENVELOPE__BODY_WORKSHOP_EXPORT;
	env.workshop_export = &wexport;
	seeds_env(&b, &env);
	seeds_save(frame_dir, "workshop-export", &b);

	/* The short answers. */
	seeds_start(&b, 1, 0);
	TARGET_ASSERT(wire_pack_refusal(3, AANDESLAG__ERROR_CODE__ERROR_ROOM_FULL,
	                                params, 1, &w) == 0);
	seeds_add(&b, w->data, w->len);
	wire_unref(w);
	TARGET_ASSERT(wire_pack_closing(AANDESLAG__ERROR_CODE__ERROR_REMOVED,
	                                NULL, 0, &w) == 0);
	seeds_add(&b, w->data, w->len);
	wire_unref(w);
	seeds_save(frame_dir, "refusal-closing", &b);

	snapshot_release(&snap);
	free(events.data);
	model_free(&room);
}

/* ------------------------------------------------------ model programs */

/* Appends one step: time, slot, op, then n argument bytes. */
static void
seeds_step(struct seeds_buf *b, uint8_t time, uint8_t slot, uint8_t op,
           const char *args, size_t n)
{
	seeds_byte(b, time);
	seeds_byte(b, slot);
	seeds_byte(b, op);
	seeds_add(b, args, n);
}

#define STEP(b, t, s, op, args) seeds_step((b), (t), (s), (op), (args), \
                                           sizeof(args) - 1)
#define NOARGS ""

static void
seeds_programs(void)
{
	struct seeds_buf b = { 0 };
	uint8_t s;

	/* Nine colleagues for seven seats: the eighth and ninth refused. */
	for (s = 0; s < 9; s++)
		STEP(&b, 1, s, PROGRAM_JOIN, NOARGS);
	STEP(&b, 1, 3, PROGRAM_LEAVE, NOARGS);
	STEP(&b, 1, 8, PROGRAM_JOIN, NOARGS);
	seeds_save(model_dir, "full-room", &b);

	/* The chair runs the clock and the steps; a participant tries. */
	STEP(&b, 0, 0, PROGRAM_JOIN, NOARGS);
	STEP(&b, 0, 1, PROGRAM_JOIN, NOARGS);
	STEP(&b, 1, 0, PROGRAM_CLOCK, "\x01\x00");         /* start */
	STEP(&b, 40, 1, PROGRAM_CLOCK, "\x02\x00");        /* not the chair */
	STEP(&b, 40, 0, PROGRAM_CLOCK, "\x04\x05");        /* extend 5 */
	STEP(&b, 80, 0, PROGRAM_STEP, "\x01\x00");         /* next */
	STEP(&b, 10, 1, PROGRAM_STEP, "\x03\x04");         /* goto, refused */
	STEP(&b, 10, 0, PROGRAM_STEP, "\x03\x05");         /* goto 5 */
	STEP(&b, 10, 0, PROGRAM_INTERRUPT, NOARGS);
	STEP(&b, 10, 0, PROGRAM_CLOCK, "\x03\x00");        /* resume */
	STEP(&b, 10, 0, PROGRAM_CLOCK, "\x05\x0a");        /* shorten 10 */
	STEP(&b, 200, 0, PROGRAM_RESYNC, NOARGS);
	seeds_save(model_dir, "chair-clock-steps", &b);

	/* Dots against the budget, hidden and revealed, stacking. */
	STEP(&b, 0, 0, PROGRAM_JOIN, NOARGS);
	STEP(&b, 0, 1, PROGRAM_JOIN, NOARGS);
	STEP(&b, 0, 0, PROGRAM_SETTING, "\x09\x04\x00\x00");  /* hidden */
	STEP(&b, 0, 0, PROGRAM_SETTING, "\x07\x00\x02\x00");  /* budget 2 */
	STEP(&b, 1, 1, PROGRAM_VOTE, "\x00\x00\x00");
	STEP(&b, 1, 1, PROGRAM_VOTE, "\x00\x00\x00");        /* no stacking */
	STEP(&b, 1, 1, PROGRAM_VOTE, "\x00\x01\x01");
	STEP(&b, 1, 1, PROGRAM_VOTE, "\x00\x02\x00");        /* budget */
	STEP(&b, 1, 0, PROGRAM_SETTING, "\x08\x04\x00\x00");  /* stacking */
	STEP(&b, 1, 0, PROGRAM_VOTE, "\x00\x00\x00");
	STEP(&b, 1, 0, PROGRAM_VOTE, "\x00\x00\x00");
	STEP(&b, 1, 1, PROGRAM_RESYNC, NOARGS);
	STEP(&b, 1, 0, PROGRAM_SETTING, "\x09\x00\x00\x00");  /* reveal */
	STEP(&b, 1, 0, PROGRAM_MARK, "\x01\x00\x00");
	STEP(&b, 1, 1, PROGRAM_MARK, "\x01\x01\x00");        /* not chair */
	STEP(&b, 1, 1, PROGRAM_LEAVE, NOARGS);
	STEP(&b, 1, 0, PROGRAM_RESYNC, NOARGS);
	seeds_save(model_dir, "votes", &b);

	/* Notes, for others and without a name, edited, as findings. */
	STEP(&b, 0, 0, PROGRAM_JOIN, NOARGS);
	STEP(&b, 0, 1, PROGRAM_JOIN_NAMED, "\x05" "Bert ");
	STEP(&b, 1, 1, PROGRAM_NOTE, "\x00\x0b" "Stage in NL");
	STEP(&b, 1, 1, PROGRAM_NOTE, "\x08\x05" "Namen");   /* for: refused */
	STEP(&b, 1, 0, PROGRAM_NOTE, "\x88\x04" "Voor" "\x04" "Dirk");
	STEP(&b, 1, 0, PROGRAM_SCRIBE, "\x81");
	STEP(&b, 1, 1, PROGRAM_NOTE, "\x10\x07" "Anoniem");
	STEP(&b, 1, 0, PROGRAM_EDIT_NOTE, "\x00\x07" "Gewijzd");
	STEP(&b, 1, 1, PROGRAM_EDIT_NOTE, "\x01\x04" "Niet");
	STEP(&b, 1, 1, PROGRAM_FINDING, "\x01\x00");
	STEP(&b, 1, 0, PROGRAM_FINDING, "\x00\x05" "Talen");
	STEP(&b, 1, 0, PROGRAM_DELETE_NOTE, "\x00");
	STEP(&b, 1, 0, PROGRAM_QUESTION, "\x00\x06" "Waarom");
	STEP(&b, 1, 0, PROGRAM_TABLE, "\x02\x00");
	STEP(&b, 1, 0, PROGRAM_TABLE, "\x01\x00\x00");
	STEP(&b, 1, 0, PROGRAM_ANNOUNCE, "\x05" "Pauze");
	STEP(&b, 1, 0, PROGRAM_RESYNC, NOARGS);
	seeds_save(model_dir, "notes", &b);

	/* Activities and actions, claimed, owned, finished. */
	STEP(&b, 0, 0, PROGRAM_JOIN, NOARGS);
	STEP(&b, 0, 1, PROGRAM_JOIN, NOARGS);
	STEP(&b, 1, 1, PROGRAM_ACTIVITY, "\x00\x25\x00\x0c" "Uitwisseling"
	     "\x00" "\x00\x00" "\x01\x00");
	STEP(&b, 1, 1, PROGRAM_ACTION, "\x00\x13\x00\x08" "Bel Aken"
	     "\x00" "\x02\x02\x04" "Fien" "\x01\x04\x01\x0a" "2027-03-15");
	STEP(&b, 1, 1, PROGRAM_CLAIM, "\x00\x00");
	STEP(&b, 1, 1, PROGRAM_STATUS, "\x01\x00");
	STEP(&b, 1, 0, PROGRAM_FINISH, NOARGS);
	STEP(&b, 1, 1, PROGRAM_STATUS, "\x02\x00");
	STEP(&b, 1, 1, PROGRAM_NOTE, "\x00\x04" "Laat");     /* finished */
	STEP(&b, 1, 1, PROGRAM_DELETE_ITEM, "\x01\x00");
	STEP(&b, 1, 0, PROGRAM_RESYNC, NOARGS);
	seeds_save(model_dir, "items", &b);

	/* The chair goes away; after five minutes a colleague takes over,
	 * and the chair code gives it back. */
	STEP(&b, 0, 0, PROGRAM_JOIN, NOARGS);
	STEP(&b, 0, 1, PROGRAM_JOIN, NOARGS);
	STEP(&b, 0, 2, PROGRAM_JOIN, NOARGS);
	STEP(&b, 1, 0, PROGRAM_PRESENCE, NOARGS);
	STEP(&b, 100, 1, PROGRAM_TAKE_CHAIR, NOARGS);        /* too early */
	STEP(&b, 200, 1, PROGRAM_TAKE_CHAIR, NOARGS);
	STEP(&b, 1, 1, PROGRAM_RECOGNISE, "\x00");
	STEP(&b, 1, 0, PROGRAM_GIVE_CHAIR, NOARGS);
	STEP(&b, 1, 0, PROGRAM_HAND_OVER, "\x02");
	STEP(&b, 1, 2, PROGRAM_REMOVE, "\x01");
	STEP(&b, 1, 2, PROGRAM_SERVER_LEAVE, NOARGS);
	STEP(&b, 1, 0, PROGRAM_RESYNC, NOARGS);
	seeds_save(model_dir, "chair-away", &b);

	/* A raw command: an AddNote packed by hand (field 16, text). */
	STEP(&b, 0, 0, PROGRAM_JOIN, NOARGS);
	STEP(&b, 0, 0, PROGRAM_RAW, "\x0a\x00" "\x08\x05\x82\x01\x05\x12\x03"
	     "Hoi");
	seeds_save(model_dir, "raw-command", &b);
}

int
main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: seeds FRAME-DIR MODEL-DIR\n");
		return 2;
	}
	frame_dir = argv[1];
	model_dir = argv[2];
	seeds_client();
	seeds_server();
	seeds_programs();
	return 0;
}
