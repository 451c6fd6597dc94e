/* The load generator's transport for an aandeslag server: each member
 * joins its room over a plain connection, makes one note, and sends its
 * commands as edits of that note; every member receives the edit as an
 * event, the sender its Ack after it. */
#include "loadour.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "member.h"

struct ourmember {
	struct bench_peer peer;         /* first: the bench knows only this */
	struct member conn;
	uint32_t participant_id;
	uint32_t note_id;
	uint64_t join_request;
	uint64_t note_request;
};

/* Request ids: 1 for the join, 2 for the note, then the bench's command
 * numbers above an offset, so an Ack maps back to its command. */
#define REQUEST_JOIN 1u
#define REQUEST_NOTE 2u
#define REQUEST_BASE 10u

static struct ourmember *
of_peer(struct bench_peer *peer)
{
	return (struct ourmember *)peer;
}

static void
send_join(struct ourmember *om)
{
	struct bench *b = om->peer.bench;
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__CreateRoom create = AANDESLAG__CREATE_ROOM__INIT;
	Aandeslag__JoinRoom join = AANDESLAG__JOIN_ROOM__INIT;
	char name[32], title[48];

	snprintf(name, sizeof name, "Lid %u", om->peer.seat + 1);
	if (om->peer.seat == 0) {
		snprintf(title, sizeof title, "Bench %u", om->peer.room->index);
		create.request_id = REQUEST_JOIN;
		create.title = title;
		create.name = name;
		env.body_case = AANDESLAG__ENVELOPE__BODY_CREATE_ROOM;
		env.create_room = &create;
	} else {
		join.request_id = REQUEST_JOIN;
		join.code = om->peer.room->code;
		join.name = name;
		env.body_case = AANDESLAG__ENVELOPE__BODY_JOIN_ROOM;
		env.join_room = &join;
	}
	if (member_send(&om->conn, &env) != 0)
		bench_fail(b, "cannot send a join");
}

static void
send_note(struct ourmember *om)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Command cmd = AANDESLAG__COMMAND__INIT;
	Aandeslag__AddNote add = AANDESLAG__ADD_NOTE__INIT;

	add.text = (char *)"bench";
	cmd.request_id = REQUEST_NOTE;
	cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
	cmd.add_note = &add;
	env.body_case = AANDESLAG__ENVELOPE__BODY_COMMAND;
	env.command = &cmd;
	if (member_send(&om->conn, &env) != 0)
		bench_fail(om->peer.bench, "cannot send a note");
}

static void
on_connected(struct member *m, int status)
{
	struct ourmember *om = m->data;

	if (status != 0) {
		bench_fail(om->peer.bench, "cannot connect to the server");
		return;
	}
	if (member_hello(m) != 0)
		bench_fail(om->peer.bench, "cannot send Hello");
}

static void
on_event(struct ourmember *om, const Aandeslag__Event *ev)
{
	const Aandeslag__Note *note;

	if (ev->change_case == AANDESLAG__EVENT__CHANGE_NOTE_ADDED) {
		note = ev->note_added;
		if (om->note_id == 0 && ev->actor_id == om->participant_id &&
		    om->participant_id != 0) {
			om->note_id = note->id;
			bench_peer_ready(&om->peer);
		}
		return;
	}
	if (ev->change_case != AANDESLAG__EVENT__CHANGE_NOTE_EDITED)
		return;
	note = ev->note_edited;
	bench_delivered(om->peer.bench, &om->peer, note->text,
	                strlen(note->text));
}

static void
on_received(struct member *m, const Aandeslag__Envelope *env)
{
	struct ourmember *om = m->data;
	struct bench *b = om->peer.bench;
	uint64_t id;

	switch (env->body_case) {
	case AANDESLAG__ENVELOPE__BODY_WELCOME:
		send_join(om);
		break;
	case AANDESLAG__ENVELOPE__BODY_JOINED:
		om->participant_id = env->joined->participant_id;
		if (om->peer.seat == 0)
			bench_room_code(om->peer.room, env->joined->code);
		send_note(om);
		break;
	case AANDESLAG__ENVELOPE__BODY_EVENT:
		on_event(om, env->event);
		break;
	case AANDESLAG__ENVELOPE__BODY_ACK:
		id = env->ack->request_id;
		if (id >= REQUEST_BASE)
			bench_peer_answered(&om->peer, id - REQUEST_BASE, true);
		break;
	case AANDESLAG__ENVELOPE__BODY_REFUSAL:
		id = env->refusal->request_id;
		if (id >= REQUEST_BASE) {
			bench_peer_answered(&om->peer, id - REQUEST_BASE, false);
		} else {
			fprintf(stderr, "aandeslag-bench: room %u member %u: "
			        "refused with code %d\n", om->peer.room->index,
			        om->peer.seat, (int)env->refusal->code);
			bench_fail(b, "the server refused a join or a note");
		}
		break;
	case AANDESLAG__ENVELOPE__BODY_CLOSING:
		fprintf(stderr, "aandeslag-bench: room %u member %u: closed "
		        "with code %d\n", om->peer.room->index, om->peer.seat,
		        (int)env->closing->code);
		if (!b->stopping)
			bench_fail(b, "the server closed a connection");
		break;
	default:
		break;
	}
}

static void
on_closed(struct member *m)
{
	struct ourmember *om = m->data;
	struct bench *b = om->peer.bench;

	if (!b->stopping)
		bench_fail(b, "a connection ended during the run");
	b->peers[om->peer.gid] = NULL;
	free(om);
}

static const struct member_handler handler = {
	.connected = on_connected,
	.received = on_received,
	.closed = on_closed,
};

static struct bench_peer *
our_create(struct bench *b, struct bench_room *room, unsigned gid,
           unsigned seat)
{
	struct ourmember *om = calloc(1, sizeof *om);

	if (om == NULL)
		return NULL;
	bench_peer_init(&om->peer, b, room, gid, seat);
	om->conn.handler = &handler;
	om->conn.data = om;
	om->conn.use_tls = b->opts.tls;
	return &om->peer;
}

static int
our_start(struct bench_peer *peer)
{
	struct ourmember *om = of_peer(peer);
	char source[16];

	bench_source_address(peer->gid, source, sizeof source);
	return member_connect(&om->conn, peer->bench->loop,
	                      peer->bench->opts.host, peer->bench->opts.port,
	                      source);
}

static int
our_send(struct bench_peer *peer, uint64_t n, const char *text, size_t len)
{
	struct ourmember *om = of_peer(peer);
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Command cmd = AANDESLAG__COMMAND__INIT;
	Aandeslag__EditNote edit = AANDESLAG__EDIT_NOTE__INIT;

	(void)len;
	edit.note_id = om->note_id;
	edit.text = (char *)text;
	cmd.request_id = REQUEST_BASE + n;
	cmd.op_case = AANDESLAG__COMMAND__OP_EDIT_NOTE;
	cmd.edit_note = &edit;
	env.body_case = AANDESLAG__ENVELOPE__BODY_COMMAND;
	env.command = &cmd;
	return member_send(&om->conn, &env);
}

static void
our_keepalive(struct bench_peer *peer)
{
	struct ourmember *om = of_peer(peer);
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Ping ping = AANDESLAG__PING__INIT;

	ping.nonce = peer->gid;
	env.body_case = AANDESLAG__ENVELOPE__BODY_PING;
	env.ping = &ping;
	if (member_send(&om->conn, &env) != 0)
		bench_error(peer->bench);
}

static void
our_stop(struct bench_peer *peer)
{
	struct ourmember *om = of_peer(peer);

	if (om->conn.tcp.loop == NULL) {
		/* Never started: nothing to close. */
		peer->bench->peers[peer->gid] = NULL;
		free(om);
		return;
	}
	member_close(&om->conn);
}

const struct bench_ops loadour_ops = {
	.create = our_create,
	.start = our_start,
	.send = our_send,
	.keepalive = our_keepalive,
	.stop = our_stop,
};
