/* fuzz-frame: a peer's bytes through the frame decoder and the envelope
 * unpacking, as the server reads a client (FRAME_MAX_CLIENT) and as the
 * client reads the server (FRAME_MAX_SERVER), with the same per-frame
 * allocator budget; and then one step further, into what each side does
 * with a frame it understood: the server runs a Command through the model
 * for a seated chair or participant, the client loads a Joined's content
 * and snapshot and applies Events to that mirror.
 *
 * The input: byte 0 chooses the direction (bit 0: the server's bytes to a
 * client) and byte 1 the size of the pieces the stream arrives in (0: all
 * at once), as TCP may cut it anywhere; the rest is the stream. Besides
 * the sanitizers it checks that an unpacked envelope gives back every
 * byte of its budget when freed, also when unpacking fails, and that an
 * event the model made can be sent. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "input.h"
#include "model.h"
#include "snapshot.h"
#include "target.h"
#include "wire.h"

#define ROLE_CHAIR AANDESLAG__ROLE__ROLE_CHAIR
#define ROLE_PARTICIPANT AANDESLAG__ROLE__ROLE_PARTICIPANT

/* The frames a connection got, and the room behind it. */
struct fuzz_frame {
	bool to_client;
	struct model_room room;
	bool have_room;
	struct content content; /* the client's, once a Joined brought it */
	uint32_t chair, other;  /* the server's seated actors */
	int64_t now;
};

/* Checks that an event made by the model fits in a frame to clients. */
static void
fuzz_frame_send(const struct model_event *ev)
{
	struct wire_buf *buf = NULL;

	TARGET_ASSERT(wire_pack_event(&ev->event, &buf) == 0);
	wire_unref(buf);
}

/* The server's side: a command from the chair (odd request ids) or from
 * a participant (even ones), or a name that wants a seat. */
static void
fuzz_frame_server(struct fuzz_frame *f, const Aandeslag__Envelope *env)
{
	const Aandeslag__Command *cmd = env->command;
	const struct model_participant *actor;
	struct model_event ev;
	struct refusal why;
	uint64_t seq = f->room.seq;
	int rc;

	/* A refused join leaves ev as it was: release nothing then. */
	memset(&ev, 0, sizeof ev);
	if (env->body_case == AANDESLAG__ENVELOPE__BODY_JOIN_ROOM) {
		rc = model_join(&f->room, env->join_room->name,
		                ROLE_PARTICIPANT, f->now, &ev, &why);
		if (rc == 0)
			fuzz_frame_send(&ev);
		model_event_release(&ev);
		return;
	}
	if (env->body_case != AANDESLAG__ENVELOPE__BODY_COMMAND)
		return;
	actor = model_participant(&f->room, cmd->request_id % 2 ?
	                          f->chair : f->other);
	if (actor == NULL)
		return;
	if (cmd->op_case == AANDESLAG__COMMAND__OP_RECOGNISE &&
	    cmd->recognise != NULL) {
		(void)model_check_recognise(&f->room, actor->id, cmd, &why);
		TARGET_ASSERT(f->room.seq == seq);
		return;
	}
	rc = model_execute(&f->room, actor->id, cmd, f->now, &ev, &why);
	if (rc == 0) {
		TARGET_ASSERT(f->room.seq == seq + 1);
		fuzz_frame_send(&ev);
	} else {
		TARGET_ASSERT(rc == -EINVAL || rc == -ENOMEM);
		TARGET_ASSERT(f->room.seq == seq);
	}
	model_event_release(&ev);
}

/* The client's side: a Joined makes the mirror (as client/net.c's
 * load_room(), into a new room first), an Event changes it, and a
 * workshop's export is loaded room by room. */
static void
fuzz_frame_client(struct fuzz_frame *f, const Aandeslag__Envelope *env)
{
	const Aandeslag__Joined *j = env->joined;
	struct content fresh = { 0 };
	struct model_room room;
	size_t i;

	switch (env->body_case) {
	case AANDESLAG__ENVELOPE__BODY_JOINED:
		if (j->snapshot == NULL)
			return;
		if (j->content != NULL &&
		    content_from_wire(&fresh, j->content) < 0)
			return;
		if (snapshot_load(&room, j->content ? &fresh :
		                  f->content.msg ? &f->content :
		                  target_content(), j->snapshot, f->now) < 0) {
			content_free(&fresh);
			return;
		}
		if (f->have_room)
			model_free(&f->room);
		f->room = room;
		f->have_room = true;
		if (j->content != NULL) {
			content_free(&f->content);
			f->content = fresh;
			/* The content moved; the room refers to it there. */
			f->room.content = &f->content;
		}
		return;
	case AANDESLAG__ENVELOPE__BODY_EVENT:
		if (f->have_room)
			(void)model_apply(&f->room, env->event, f->now);
		return;
	case AANDESLAG__ENVELOPE__BODY_WORKSHOP_EXPORT:
		for (i = 0; i < env->workshop_export->n_rooms; i++)
			if (snapshot_load(&room, target_content(),
			                  env->workshop_export->rooms[i],
			                  f->now) == 0)
				model_free(&room);
		return;
	default:
		return;
	}
}

static int
fuzz_frame_on_frame(void *arg, const uint8_t *payload, size_t len)
{
	struct fuzz_frame *f = arg;
	Aandeslag__Envelope *env;
	struct wire_alloc alloc;

	TARGET_ASSERT(len > 0 && len <= (f->to_client ? FRAME_MAX_SERVER :
	                                 FRAME_MAX_CLIENT));
	f->now += 1000;
	wire_alloc_init(&alloc, len);
	env = wire_unpack(payload, len, &alloc);
	if (env == NULL) {
		TARGET_ASSERT(alloc.used == 0);
		/* Both sides stop reading at a frame they cannot unpack. */
		return 1;
	}
	if (f->to_client)
		fuzz_frame_client(f, env);
	else
		fuzz_frame_server(f, env);
	wire_free(env, &alloc);
	TARGET_ASSERT(alloc.used == 0);
	return 0;
}

/* Seats a chair and a participant in the server's room. */
static void
fuzz_frame_seat(struct fuzz_frame *f)
{
	struct model_event ev;
	struct refusal why;

	TARGET_ASSERT(model_init(&f->room, target_content(), "K7QM-2XPD",
	                         "Fuzz", 1, &why) == 0);
	f->have_room = true;
	TARGET_ASSERT(model_join(&f->room, "Anna", ROLE_CHAIR, f->now, &ev,
	                         &why) == 0);
	f->chair = ev.participant.id;
	TARGET_ASSERT(model_join(&f->room, "Bert", ROLE_PARTICIPANT, f->now,
	                         &ev, &why) == 0);
	f->other = ev.participant.id;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_frame f = { .now = 10000000 };
	struct frame_partial partial = { 0 };
	struct input in;
	const uint8_t *piece;
	size_t chunk, got;
	uint32_t max;
	int rc = 0;

	input_init(&in, data, size);
	f.to_client = input_u8(&in) & 1;
	chunk = input_u8(&in);
	max = f.to_client ? FRAME_MAX_SERVER : FRAME_MAX_CLIENT;
	if (!f.to_client)
		fuzz_frame_seat(&f);
	while (rc == 0 && !input_empty(&in)) {
		piece = input_bytes(&in, chunk ? chunk : SIZE_MAX, &got);
		rc = frame_feed(&partial, piece, got, max,
		                fuzz_frame_on_frame, &f);
		TARGET_ASSERT(rc == 0 || rc == 1 || rc == -EMSGSIZE ||
		              rc == -EBADMSG);
		/* A partial frame is kept only between frames, never for
		 * more than the announced length. */
		TARGET_ASSERT(partial.len <= FRAME_HEADER + (size_t)max);
	}
	frame_partial_reset(&partial);
	if (f.have_room)
		model_free(&f.room);
	content_free(&f.content);
	return 0;
}
