/* fuzz-model: the input is a small program for one room. Each step names
 * a participant slot (0..8: nine colleagues for a room of seven), an
 * operation and its arguments, and how far time moves on (it never goes
 * back). The operations are what the server does with a room: seat a
 * colleague (the eighth must be refused), notice a connection going or
 * coming, free a seat, give the chair back, announce, interrupt a clock,
 * and run every kind of command through model_execute(), also chair-only
 * ones by others and commands unpacked from raw bytes. After every step
 * the room is checked:
 *
 *   - at most MODEL_SEATS seated, ids unique and below the next id, at
 *     most one chair, names, notes, titles and settings within limits,
 *     ids of notes and items unique, at most MODEL_FINDINGS_MAX findings;
 *   - an accepted command was allowed to its actor (chair-only commands
 *     never succeed for anyone else) and made exactly one event; a
 *     refused one left the room as it was, byte for byte;
 *   - a dot placed keeps its voter within the budget, and on one
 *     competence once unless stacking is on;
 *   - the event, packed and unpacked as it travels, applied to a mirror
 *     (a client's model) leaves the mirror equal to the room; every
 *     snapshot the server would send a participant, a viewer or its
 *     store loads again.
 *
 * A broken invariant aborts. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "input.h"
#include "model.h"
#include "program.h"
#include "roomcheck.h"
#include "snapshot.h"
#include "target.h"
#include "wire.h"

#define SLOTS PROGRAM_SLOTS
#define ROLE_PARTICIPANT AANDESLAG__ROLE__ROLE_PARTICIPANT
#define ROLE_CHAIR AANDESLAG__ROLE__ROLE_CHAIR
#define ROLE_SCRIBE AANDESLAG__ROLE__ROLE_SCRIBE
#define E(name) AANDESLAG__ERROR_CODE__ERROR_##name

struct fuzz_model {
	struct model_room room;         /* the server's */
	struct model_room mirror;       /* a client's, fed the events */
	uint32_t seat[SLOTS];           /* each slot's participant id */
	unsigned joins;                 /* for names never seated before */
	int64_t now;
	struct input in;
	/* The room packed as a snapshot for storage before the step. */
	uint8_t *before;
	size_t before_len;
};

/* ------------------------------------------------------------- helpers */

/* Packs the room as the snapshot the store keeps (every vote); the
 * caller frees it. */
static uint8_t *
fuzz_model_pack(const struct model_room *room, int64_t now, uint32_t for_id,
                size_t *len)
{
	struct snapshot snap;
	uint8_t *out;

	TARGET_ASSERT(snapshot_build(&snap, room, now, for_id) == 0);
	*len = aandeslag__snapshot__get_packed_size(&snap.msg);
	out = malloc(*len ? *len : 1);
	TARGET_ASSERT(out != NULL);
	aandeslag__snapshot__pack(&snap.msg, out);
	snapshot_release(&snap);
	return out;
}

/* Checks that the packed snapshot p loads into a room; returns it in
 * *room when room is not NULL, else frees it. */
static void
fuzz_model_load(const uint8_t *p, size_t len, int64_t now,
                struct model_room *room)
{
	Aandeslag__Snapshot *s;
	struct model_room loaded;

	s = aandeslag__snapshot__unpack(NULL, len, p);
	TARGET_ASSERT(s != NULL);
	TARGET_ASSERT(snapshot_load(&loaded, target_content(), s, now) == 0);
	aandeslag__snapshot__free_unpacked(s, NULL);
	if (room != NULL)
		*room = loaded;
	else
		model_free(&loaded);
}

/* A participant id from a slot byte: the slot's participant, or for an
 * empty slot an id that may or may not be seated. */
static uint32_t
fuzz_model_who(const struct fuzz_model *m, uint8_t b)
{
	uint32_t id = m->seat[b % SLOTS];

	return id ? id : (uint32_t)(b % SLOTS) + 1;
}

/* Picks one of n things by the next byte; n > 0. */
static size_t
fuzz_model_pick(struct fuzz_model *m, size_t n)
{
	return input_u8(&m->in) % n;
}

/* A competence id of the content, or sometimes a made-up one. */
static const char *
fuzz_model_competence(struct fuzz_model *m, char *buf, size_t max)
{
	const Aandeslag__Content *c = target_content()->msg;
	const Aandeslag__ContentCategory *cat;
	uint8_t b = input_u8(&m->in);

	if (b == 255 || c->n_categories == 0)
		return input_str(&m->in, buf, max);
	cat = c->categories[b % c->n_categories];
	if (cat->n_competences == 0)
		return "";
	return cat->competences[fuzz_model_pick(m, cat->n_competences)]->id;
}

/* The id of an existing item (or note), or sometimes any number. */
static uint32_t
fuzz_model_item(struct fuzz_model *m, const struct items *items)
{
	uint8_t b = input_u8(&m->in);

	if (b >= 200 || items->n == 0)
		return b;
	return items->v[b % items->n].id;
}

static uint32_t
fuzz_model_note(struct fuzz_model *m)
{
	uint8_t b = input_u8(&m->in);

	if (b >= 200 || m->room.nnotes == 0)
		return b;
	return m->room.notes[b % m->room.nnotes].id;
}

/* ---------------------------------------------------------- invariants */

static bool
fuzz_model_is_chair(const struct model_room *room, uint32_t id)
{
	const struct model_participant *p = model_participant(room, id);

	return p != NULL && p->role == ROLE_CHAIR;
}

/* Commands only the chair may give, whatever the permission table says. */
static bool
fuzz_model_chair_only(const Aandeslag__Command *cmd)
{
	switch (cmd->op_case) {
	case AANDESLAG__COMMAND__OP_CLOCK:
	case AANDESLAG__COMMAND__OP_STEP:
	case AANDESLAG__COMMAND__OP_SETTING:
	case AANDESLAG__COMMAND__OP_HAND_OVER:
	case AANDESLAG__COMMAND__OP_REMOVE:
	case AANDESLAG__COMMAND__OP_SCRIBE:
	case AANDESLAG__COMMAND__OP_TABLE:
	case AANDESLAG__COMMAND__OP_MARK:
	case AANDESLAG__COMMAND__OP_FINISH:
	case AANDESLAG__COMMAND__OP_RECOGNISE:
		return true;
	default:
		return false;
	}
}

/* After a step: the outcome was rc, an event in ev when rc is 0. A
 * refused step left the room as it was; an event reaches the mirror as
 * it would reach a client, and the mirror is then the same room. */
static void
fuzz_model_after(struct fuzz_model *m, int rc, uint64_t seq,
                 struct model_event *ev)
{
	struct wire_buf *buf = NULL;
	Aandeslag__Envelope *env;
	struct wire_alloc alloc;
	uint8_t *a, *b;
	size_t alen, blen;

	roomcheck_room(&m->room);
	a = fuzz_model_pack(&m->room, m->now, SNAPSHOT_ALL, &alen);
	if (rc != 0) {
		TARGET_ASSERT(rc == -EINVAL || rc == -ENOENT ||
		              rc == -EALREADY);
		TARGET_ASSERT(m->room.seq == seq);
		TARGET_ASSERT(alen == m->before_len &&
		              memcmp(a, m->before, alen) == 0);
		free(a);
		return;
	}
	TARGET_ASSERT(m->room.seq == seq + 1 && ev->event.seq == seq + 1);
	/* The event travels as a frame and is applied by the client. */
	TARGET_ASSERT(wire_pack_event(&ev->event, &buf) == 0);
	wire_alloc_init(&alloc, buf->len - 4);
	env = wire_unpack(buf->data + 4, buf->len - 4, &alloc);
	TARGET_ASSERT(env != NULL &&
	              env->body_case == AANDESLAG__ENVELOPE__BODY_EVENT);
	TARGET_ASSERT(model_apply(&m->mirror, env->event, m->now) == 0);
	wire_free(env, &alloc);
	wire_unref(buf);
	roomcheck_room(&m->mirror);
	b = fuzz_model_pack(&m->mirror, m->now, SNAPSHOT_ALL, &blen);
	TARGET_ASSERT(alen == blen && memcmp(a, b, alen) == 0);
	free(a);
	free(b);
}

/* ---------------------------------------------------------- operations */

/* Runs cmd from actor and checks what only depends on the command. */
static int
fuzz_model_run(struct fuzz_model *m, uint32_t actor,
               const Aandeslag__Command *cmd, struct model_event *ev)
{
	const struct model_participant *who = model_participant(&m->room,
	                                                        actor);
	int role = who ? who->role : -1;
	struct refusal why;
	uint64_t seq = m->room.seq;
	int rc;

	if (cmd->op_case == AANDESLAG__COMMAND__OP_RECOGNISE) {
		rc = model_check_recognise(&m->room, actor, cmd, &why);
		TARGET_ASSERT(rc == 0 || rc == -EINVAL);
		TARGET_ASSERT(m->room.seq == seq);
		if (rc == 0)
			TARGET_ASSERT(role == ROLE_CHAIR);
		/* No event either way. */
		return -EINVAL;
	}
	rc = model_execute(&m->room, actor, cmd, m->now, ev, &why);
	if (rc == 0) {
		TARGET_ASSERT(who != NULL);
		TARGET_ASSERT(model_allowed(role, model_command_op(cmd)));
		if (fuzz_model_chair_only(cmd))
			TARGET_ASSERT(role == ROLE_CHAIR);
		if (cmd->op_case == AANDESLAG__COMMAND__OP_ADD_NOTE &&
		    cmd->add_note->author != AANDESLAG__NOTE_AUTHOR__NOTE_AUTHOR_SELF)
			TARGET_ASSERT(role == ROLE_CHAIR || role == ROLE_SCRIBE);
		if (cmd->op_case == AANDESLAG__COMMAND__OP_VOTE &&
		    !cmd->vote->remove) {
			const char *cid = ev->vote.competence_id;

			TARGET_ASSERT(model_dots_used(&m->room, actor) <=
			              m->room.settings.vote_budget);
			if (!m->room.settings.vote_stacking)
				TARGET_ASSERT(model_dots_on(&m->room, actor,
				                            cid) == 1);
		}
	} else if (fuzz_model_chair_only(cmd) && role != ROLE_CHAIR) {
		TARGET_ASSERT(rc == -EINVAL);
	}
	return rc;
}

/* Fills an activity from the input. */
static void
fuzz_model_activity(struct fuzz_model *m, Aandeslag__Activity *a,
                    char *text, char (*links)[CONTENT_ID_MAX + 1],
                    char **link_ptrs, size_t nlinks)
{
	const Aandeslag__Content *c = target_content()->msg;
	uint8_t flags = input_u8(&m->in);
	size_t i;

	aandeslag__activity__init(a);
	a->id = fuzz_model_item(m, &m->room.activities);
	a->text = input_str(&m->in, text, MODEL_NOTE_MAX + 8);
	if ((flags & 1) && c->n_activities > 0)
		a->catalogue_id = c->activities[fuzz_model_pick(m,
		                                c->n_activities)]->id;
	a->done = flags & 2;
	a->place = (Aandeslag__Place)((flags >> 2) % 4);
	a->n_competence_ids = (flags >> 4) % (nlinks + 1);
	for (i = 0; i < a->n_competence_ids; i++) {
		const char *id = fuzz_model_competence(m, links[i],
		                                       CONTENT_ID_MAX);

		/* A made-up id is already in links[i]. */
		if (id != links[i])
			snprintf(links[i], CONTENT_ID_MAX + 1, "%s", id);
		link_ptrs[i] = links[i];
	}
	a->competence_ids = link_ptrs;
}

/* Fills an action from the input. */
static void
fuzz_model_action(struct fuzz_model *m, Aandeslag__Action *a, char *text,
                  Aandeslag__Owner *owners, Aandeslag__Owner **owner_ptrs,
                  char (*names)[MODEL_NAME_MAX + 9], Aandeslag__When *when,
                  char *value, char *needs)
{
	uint8_t flags = input_u8(&m->in);
	size_t i;

	aandeslag__action__init(a);
	a->id = fuzz_model_item(m, &m->room.actions);
	a->text = input_str(&m->in, text, MODEL_NOTE_MAX + 8);
	a->activity_id = (flags & 1) ? fuzz_model_item(m,
	                                               &m->room.activities) : 0;
	a->n_owners = (flags >> 1) % 4;
	for (i = 0; i < a->n_owners; i++) {
		aandeslag__owner__init(&owners[i]);
		owners[i].kind = (Aandeslag__OwnerKind)(input_u8(&m->in) % 4);
		owners[i].participant_id = fuzz_model_who(m, input_u8(&m->in));
		owners[i].name = input_str(&m->in, names[i], MODEL_NAME_MAX + 8);
		owner_ptrs[i] = &owners[i];
	}
	a->owners = owner_ptrs;
	a->needs = input_u8(&m->in) % 64;
	a->needs_text = (flags & 8) ? input_str(&m->in, needs,
	                                        MODEL_NEEDS_MAX + 8) : "";
	a->study_years = input_u8(&m->in) % 64;
	if (flags & 16) {
		aandeslag__when__init(when);
		when->kind = (Aandeslag__WhenKind)(input_u8(&m->in) % 5);
		when->value = input_str(&m->in, value, MODEL_PERIOD_MAX + 8);
		a->when = when;
	}
	a->status = (Aandeslag__ActionStatus)((flags >> 5) % 4);
}

/* A command unpacked from raw bytes, as the server gets one. */
static int
fuzz_model_raw(struct fuzz_model *m, uint32_t actor, struct model_event *ev)
{
	size_t want = input_u16(&m->in) % 2048, got;
	const uint8_t *p = input_bytes(&m->in, want, &got);
	Aandeslag__Command *cmd;
	struct wire_alloc alloc;
	int rc;

	wire_alloc_init(&alloc, got);
	cmd = aandeslag__command__unpack(&alloc.base, got, p);
	if (cmd == NULL)
		return -EINVAL;
	rc = fuzz_model_run(m, actor, cmd, ev);
	if (rc == 0) {
		/* The event may point into the command: check it now. */
		fuzz_model_after(m, rc, m->room.seq - 1, ev);
		rc = 1;
	}
	aandeslag__command__free_unpacked(cmd, &alloc.base);
	TARGET_ASSERT(alloc.used == 0);
	return rc;
}

/* Runs one step of the program: a slot, an operation and its
 * arguments. Returns 0 when it made an event in ev,
 * 1 when it was already checked, else a refusal. */
static int
fuzz_model_step(struct fuzz_model *m, struct model_event *ev)
{
	struct input *in = &m->in;
	uint8_t slot = input_u8(in) % SLOTS;
	uint8_t op = input_u8(in) % PROGRAM_OP_COUNT;
	uint32_t actor = fuzz_model_who(m, slot);
	Aandeslag__Command cmd = AANDESLAG__COMMAND__INIT;
	union {
		Aandeslag__AddNote add_note;
		Aandeslag__EditNote edit_note;
		Aandeslag__DeleteNote delete_note;
		Aandeslag__ClockControl clock;
		Aandeslag__StepControl step;
		Aandeslag__Leave leave;
		Aandeslag__ChangeSetting setting;
		Aandeslag__HandOverChair hand_over;
		Aandeslag__RemoveParticipant remove;
		Aandeslag__SetScribe scribe;
		Aandeslag__AddQuestion add_question;
		Aandeslag__PutOnTable table;
		Aandeslag__CastVote vote;
		Aandeslag__MarkCompetence mark;
		Aandeslag__AddActivity add_activity;
		Aandeslag__EditActivity edit_activity;
		Aandeslag__DeleteActivity delete_activity;
		Aandeslag__AddAction add_action;
		Aandeslag__EditAction edit_action;
		Aandeslag__DeleteAction delete_action;
		Aandeslag__ClaimAction claim;
		Aandeslag__SetActionStatus status;
		Aandeslag__Finish finish;
		Aandeslag__TakeChair take_chair;
		Aandeslag__Recognise recognise;
		Aandeslag__AddFinding add_finding;
		Aandeslag__DeleteFinding delete_finding;
	} u;
	static char text[MODEL_NOTE_MAX + 9], name[MODEL_NOTE_MAX + 9];
	static char links[4][CONTENT_ID_MAX + 1], *link_ptrs[4];
	static char owner_names[4][MODEL_NAME_MAX + 9];
	static char value[MODEL_PERIOD_MAX + 9], needs[MODEL_NEEDS_MAX + 9];
	static uint32_t numbers[4];
	Aandeslag__Activity activity;
	Aandeslag__Action action;
	Aandeslag__Owner owners[4], *owner_ptrs[4];
	Aandeslag__When when;
	struct refusal why;
	size_t n, i, seated = m->room.nparticipants;
	bool taken;
	uint8_t b;
	int rc;

	memset(&u, 0, sizeof u);
	cmd.request_id = 1;
	switch (op) {
	case PROGRAM_JOIN:
	case PROGRAM_JOIN_NAMED:
		/* A name never seated before, or one from the input. */
		if (op == PROGRAM_JOIN)
			snprintf(name, sizeof name, "Collega %u-%u",
			         (unsigned)slot, (unsigned)++m->joins);
		else
			input_str(in, name, MODEL_NAME_MAX + 8);
		/* A made-up name is fresh unless a name from the input took
		 * it first (names compare without case). */
		taken = false;
		for (i = 0; i < m->room.nparticipants; i++)
			taken |= strcasecmp(m->room.participants[i].name,
			                    name) == 0;
		/* As the server does: the first in a room without a chair
		 * becomes it. */
		rc = model_join(&m->room, name, model_chair(&m->room) == 0 ?
		                ROLE_CHAIR : ROLE_PARTICIPANT, m->now, ev, &why);
		/* The eighth is refused; a fresh name because the room is
		 * full, another perhaps for its name first. */
		if (seated == MODEL_SEATS)
			TARGET_ASSERT(rc == -EINVAL &&
			              (why.code == E(ROOM_FULL) ||
			               (taken && why.code == E(NAME_TAKEN)) ||
			               (op == PROGRAM_JOIN_NAMED &&
			                (why.code == E(BAD_NAME) ||
			                 why.code == E(NAME_TAKEN)))));
		if (rc == 0)
			m->seat[slot] = ev->participant.id;
		return rc;
	case PROGRAM_PRESENCE: {
		const struct model_participant *p =
			model_participant(&m->room, actor);

		return model_presence(&m->room, actor,
		                      p != NULL && !p->connected, m->now, ev,
		                      &why);
	}
	case PROGRAM_SERVER_LEAVE:
		return model_leave(&m->room, actor, 0, m->now, ev, &why);
	case PROGRAM_GIVE_CHAIR:
		rc = model_give_chair(&m->room, actor, m->now, ev);
		if (rc == 0)
			TARGET_ASSERT(fuzz_model_is_chair(&m->room, actor));
		return rc;
	case PROGRAM_ANNOUNCE:
		return model_announce(&m->room, input_str(in, text,
		                      MODEL_NOTE_MAX + 8), m->now, ev, &why);
	case PROGRAM_INTERRUPT:
		return model_interrupt(&m->room, m->now, ev);
	case PROGRAM_LEAVE:
		aandeslag__leave__init(&u.leave);
		cmd.op_case = AANDESLAG__COMMAND__OP_LEAVE;
		cmd.leave = &u.leave;
		break;
	case PROGRAM_NOTE:
		aandeslag__add_note__init(&u.add_note);
		b = input_u8(in);
		u.add_note.step = b % 7;
		u.add_note.author = (Aandeslag__NoteAuthor)((b >> 3) % 4);
		u.add_note.text = input_str(in, text, MODEL_NOTE_MAX + 8);
		if (b & 0x40)
			u.add_note.on_behalf_id = fuzz_model_who(m,
			                                         input_u8(in));
		if (b & 0x80)
			u.add_note.on_behalf_name = input_str(in, name,
			                                      MODEL_NAME_MAX + 8);
		cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
		cmd.add_note = &u.add_note;
		break;
	case PROGRAM_EDIT_NOTE:
		aandeslag__edit_note__init(&u.edit_note);
		u.edit_note.note_id = fuzz_model_note(m);
		u.edit_note.text = input_str(in, text, MODEL_NOTE_MAX + 8);
		cmd.op_case = AANDESLAG__COMMAND__OP_EDIT_NOTE;
		cmd.edit_note = &u.edit_note;
		break;
	case PROGRAM_DELETE_NOTE:
		aandeslag__delete_note__init(&u.delete_note);
		u.delete_note.note_id = fuzz_model_note(m);
		cmd.op_case = AANDESLAG__COMMAND__OP_DELETE_NOTE;
		cmd.delete_note = &u.delete_note;
		break;
	case PROGRAM_CLOCK:
		aandeslag__clock_control__init(&u.clock);
		u.clock.action = (Aandeslag__ClockAction)(input_u8(in) % 8);
		u.clock.minutes = input_u8(in);
		cmd.op_case = AANDESLAG__COMMAND__OP_CLOCK;
		cmd.clock = &u.clock;
		break;
	case PROGRAM_STEP:
		aandeslag__step_control__init(&u.step);
		u.step.action = (Aandeslag__StepAction)(input_u8(in) % 5);
		u.step.step = input_u8(in) % 7;
		cmd.op_case = AANDESLAG__COMMAND__OP_STEP;
		cmd.step = &u.step;
		break;
	case PROGRAM_SETTING:
		aandeslag__change_setting__init(&u.setting);
		u.setting.key = (Aandeslag__SettingKey)(input_u8(in) % 15);
		b = input_u8(in);
		if (b & 1)
			u.setting.text = input_str(in, text, MODEL_NOTE_MAX + 8);
		u.setting.number = (b & 2) ? input_u16(in) : input_u8(in) % 24;
		u.setting.flag = b & 4;
		u.setting.step = input_u8(in) % 7;
		u.setting.n_numbers = (b >> 3) % 5;
		for (i = 0; i < u.setting.n_numbers; i++)
			numbers[i] = input_u8(in) % 6;
		u.setting.numbers = numbers;
		cmd.op_case = AANDESLAG__COMMAND__OP_SETTING;
		cmd.setting = &u.setting;
		break;
	case PROGRAM_HAND_OVER:
		aandeslag__hand_over_chair__init(&u.hand_over);
		u.hand_over.participant_id = fuzz_model_who(m, input_u8(in));
		cmd.op_case = AANDESLAG__COMMAND__OP_HAND_OVER;
		cmd.hand_over = &u.hand_over;
		break;
	case PROGRAM_REMOVE:
		aandeslag__remove_participant__init(&u.remove);
		u.remove.participant_id = fuzz_model_who(m, input_u8(in));
		cmd.op_case = AANDESLAG__COMMAND__OP_REMOVE;
		cmd.remove = &u.remove;
		break;
	case PROGRAM_SCRIBE:
		aandeslag__set_scribe__init(&u.scribe);
		b = input_u8(in);
		u.scribe.participant_id = fuzz_model_who(m, b);
		u.scribe.scribe = b & 0x80;
		cmd.op_case = AANDESLAG__COMMAND__OP_SCRIBE;
		cmd.scribe = &u.scribe;
		break;
	case PROGRAM_QUESTION:
		aandeslag__add_question__init(&u.add_question);
		u.add_question.step = input_u8(in) % 7;
		u.add_question.text = input_str(in, text, MODEL_NOTE_MAX + 8);
		cmd.op_case = AANDESLAG__COMMAND__OP_ADD_QUESTION;
		cmd.add_question = &u.add_question;
		break;
	case PROGRAM_TABLE: {
		const Aandeslag__Content *c = target_content()->msg;
		const Aandeslag__ContentStep *st;

		aandeslag__put_on_table__init(&u.table);
		b = input_u8(in);
		if ((b & 3) == 1 && c->n_steps > 0) {
			st = c->steps[fuzz_model_pick(m, c->n_steps)];
			if (st->n_questions > 0)
				u.table.content_id = st->questions[
					fuzz_model_pick(m, st->n_questions)]->id;
		} else if ((b & 3) == 2) {
			u.table.own_id = fuzz_model_item(m, &m->room.questions);
		} else if ((b & 3) == 3) {
			u.table.content_id = input_str(in, name, 40);
		}
		cmd.op_case = AANDESLAG__COMMAND__OP_TABLE;
		cmd.table = &u.table;
		break;
	}
	case PROGRAM_VOTE:
		aandeslag__cast_vote__init(&u.vote);
		u.vote.remove = input_u8(in) & 1;
		u.vote.competence_id = (char *)fuzz_model_competence(m, name,
		                                                     40);
		cmd.op_case = AANDESLAG__COMMAND__OP_VOTE;
		cmd.vote = &u.vote;
		break;
	case PROGRAM_MARK:
		aandeslag__mark_competence__init(&u.mark);
		u.mark.marked = input_u8(in) & 1;
		u.mark.competence_id = (char *)fuzz_model_competence(m, name,
		                                                     40);
		cmd.op_case = AANDESLAG__COMMAND__OP_MARK;
		cmd.mark = &u.mark;
		break;
	case PROGRAM_ACTIVITY:
		b = input_u8(in);
		fuzz_model_activity(m, &activity, text, links, link_ptrs, 4);
		if (b & 1) {
			aandeslag__edit_activity__init(&u.edit_activity);
			u.edit_activity.activity = &activity;
			cmd.op_case = AANDESLAG__COMMAND__OP_EDIT_ACTIVITY;
			cmd.edit_activity = &u.edit_activity;
		} else {
			aandeslag__add_activity__init(&u.add_activity);
			u.add_activity.activity = &activity;
			cmd.op_case = AANDESLAG__COMMAND__OP_ADD_ACTIVITY;
			cmd.add_activity = &u.add_activity;
		}
		break;
	case PROGRAM_ACTION:
		b = input_u8(in);
		fuzz_model_action(m, &action, text, owners, owner_ptrs,
		                  owner_names, &when, value, needs);
		if (b & 1) {
			aandeslag__edit_action__init(&u.edit_action);
			u.edit_action.action = &action;
			cmd.op_case = AANDESLAG__COMMAND__OP_EDIT_ACTION;
			cmd.edit_action = &u.edit_action;
		} else {
			aandeslag__add_action__init(&u.add_action);
			u.add_action.action = &action;
			cmd.op_case = AANDESLAG__COMMAND__OP_ADD_ACTION;
			cmd.add_action = &u.add_action;
		}
		break;
	case PROGRAM_CLAIM:
		aandeslag__claim_action__init(&u.claim);
		b = input_u8(in);
		u.claim.action_id = fuzz_model_item(m, &m->room.actions);
		u.claim.release = b & 1;
		cmd.op_case = AANDESLAG__COMMAND__OP_CLAIM;
		cmd.claim = &u.claim;
		break;
	case PROGRAM_STATUS:
		aandeslag__set_action_status__init(&u.status);
		b = input_u8(in);
		u.status.action_id = fuzz_model_item(m, &m->room.actions);
		u.status.status = (Aandeslag__ActionStatus)(b % 4);
		cmd.op_case = AANDESLAG__COMMAND__OP_ACTION_STATUS;
		cmd.action_status = &u.status;
		break;
	case PROGRAM_FINISH:
		aandeslag__finish__init(&u.finish);
		cmd.op_case = AANDESLAG__COMMAND__OP_FINISH;
		cmd.finish = &u.finish;
		break;
	case PROGRAM_TAKE_CHAIR:
		aandeslag__take_chair__init(&u.take_chair);
		cmd.op_case = AANDESLAG__COMMAND__OP_TAKE_CHAIR;
		cmd.take_chair = &u.take_chair;
		break;
	case PROGRAM_RECOGNISE:
		aandeslag__recognise__init(&u.recognise);
		u.recognise.participant_id = fuzz_model_who(m, input_u8(in));
		cmd.op_case = AANDESLAG__COMMAND__OP_RECOGNISE;
		cmd.recognise = &u.recognise;
		break;
	case PROGRAM_FINDING:
		aandeslag__add_finding__init(&u.add_finding);
		b = input_u8(in);
		if (b & 1)
			u.add_finding.note_id = fuzz_model_note(m);
		else
			u.add_finding.text = input_str(in, text,
			                               MODEL_NOTE_MAX + 8);
		cmd.op_case = AANDESLAG__COMMAND__OP_ADD_FINDING;
		cmd.add_finding = &u.add_finding;
		break;
	case PROGRAM_DELETE_ITEM:
		b = input_u8(in);
		switch (b % 3) {
		case 0:
			aandeslag__delete_activity__init(&u.delete_activity);
			u.delete_activity.activity_id =
				fuzz_model_item(m, &m->room.activities);
			cmd.op_case = AANDESLAG__COMMAND__OP_DELETE_ACTIVITY;
			cmd.delete_activity = &u.delete_activity;
			break;
		case 1:
			aandeslag__delete_action__init(&u.delete_action);
			u.delete_action.action_id =
				fuzz_model_item(m, &m->room.actions);
			cmd.op_case = AANDESLAG__COMMAND__OP_DELETE_ACTION;
			cmd.delete_action = &u.delete_action;
			break;
		default:
			aandeslag__delete_finding__init(&u.delete_finding);
			u.delete_finding.finding_id =
				fuzz_model_item(m, &m->room.findings);
			cmd.op_case = AANDESLAG__COMMAND__OP_DELETE_FINDING;
			cmd.delete_finding = &u.delete_finding;
			break;
		}
		break;
	case PROGRAM_RAW:
		return fuzz_model_raw(m, actor, ev);
	case PROGRAM_RESYNC:
	default:
		/* A client that joins now, or comes back: the snapshots the
		 * server sends load, and the one with every vote becomes the
		 * mirror. */
		n = 0;
		for (i = 0; i < SLOTS; i++) {
			uint8_t *p;

			if (m->seat[i] == 0 ||
			    model_participant(&m->room, m->seat[i]) == NULL)
				continue;
			p = fuzz_model_pack(&m->room, m->now, m->seat[i], &n);
			fuzz_model_load(p, n, m->now, NULL);
			free(p);
		}
		model_free(&m->mirror);
		fuzz_model_load(m->before, m->before_len, m->now, &m->mirror);
		{
			uint8_t *p = fuzz_model_pack(&m->room, m->now, 0, &n);

			fuzz_model_load(p, n, m->now, NULL);
			free(p);
		}
		return -EINVAL;
	}
	return fuzz_model_run(m, actor, &cmd, ev);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fuzz_model mm;
	struct fuzz_model *m = &mm;
	struct model_event ev;
	struct refusal why;
	uint64_t seq;
	uint8_t b;
	int rc, steps = 0;

	memset(m, 0, sizeof *m);
	input_init(&m->in, data, size);
	m->now = 10000000;
	TARGET_ASSERT(model_init(&m->room, target_content(), "K7QM-2XPD",
	                         "Werksessie", 7, &why) == 0);
	TARGET_ASSERT(model_init(&m->mirror, target_content(), "K7QM-2XPD",
	                         "Werksessie", 7, &why) == 0);
	/* Long programs find nothing short ones would not, only slower. */
	while (!input_empty(&m->in) && steps++ < 400) {
		/* Time moves on, up to about 1.8 hours a step, first. */
		b = input_u8(&m->in);
		m->now += (int64_t)b * b * 100;
		seq = m->room.seq;
		m->before = fuzz_model_pack(&m->room, m->now, SNAPSHOT_ALL,
		                            &m->before_len);
		memset(&ev, 0, sizeof ev);
		rc = fuzz_model_step(m, &ev);
		if (rc != 1)
			fuzz_model_after(m, rc, seq, &ev);
		model_event_release(&ev);
		free(m->before);
		m->before = NULL;
	}
	model_free(&m->room);
	model_free(&m->mirror);
	return 0;
}
