/* The load generator's transport for Redis pub/sub, the reference: one
 * channel per room; each member publishes on one connection and is
 * subscribed on another, so a message reaches every member of the room
 * (the sender too) and the sender gets PUBLISH's answer, as many
 * deliveries as our server makes for a command, with the same payload. */
#include "loadredis.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>
/* hiredis's adapter is a header of static functions written to older
 * warning standards. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#pragma GCC diagnostic ignored "-Wmissing-prototypes"
#include <hiredis/adapters/libuv.h>
#pragma GCC diagnostic pop

#include "frame.h"
#include "wire.h"

struct redismember {
	struct bench_peer peer;         /* first: the bench knows only this */
	redisAsyncContext *pub, *sub;
	unsigned open;                  /* contexts not yet disconnected */
	bool subscribed;
	char channel[32];
	char name[16];
};

static struct redismember *
of_peer(struct bench_peer *peer)
{
	return (struct redismember *)peer;
}

static void
on_disconnect(const redisAsyncContext *ac, int status)
{
	struct redismember *rm = ac->data;
	struct bench *b = rm->peer.bench;

	if (status != REDIS_OK && !b->stopping)
		fprintf(stderr, "aandeslag-bench: redis: %s\n", ac->errstr);
	if (ac == rm->pub)
		rm->pub = NULL;
	else
		rm->sub = NULL;
	if (!b->stopping)
		bench_fail(b, "a Redis connection ended during the run");
	if (--rm->open == 0) {
		b->peers[rm->peer.gid] = NULL;
		free(rm);
	}
}

static void
on_connect(const redisAsyncContext *ac, int status)
{
	struct redismember *rm = ac->data;
	struct bench *b = rm->peer.bench;
	unsigned gid = rm->peer.gid;

	if (status == REDIS_OK)
		return;
	/* hiredis frees the context once this returns, without calling
	 * on_disconnect(): it is gone already. */
	if (ac == rm->pub)
		rm->pub = NULL;
	else
		rm->sub = NULL;
	rm->open--;
	bench_fail(b, "cannot connect to Redis");
	/* Stopping the members may have freed this one already. */
	if (b->peers[gid] != NULL && rm->open == 0) {
		b->peers[gid] = NULL;
		free(rm);
	}
}

/* The subscription's answers: first the confirmation, then every
 * message published on the room's channel. */
static void
on_message(redisAsyncContext *ac, void *r, void *privdata)
{
	struct redismember *rm = ac->data;
	redisReply *reply = r, *payload;
	Aandeslag__Envelope *env;
	struct wire_alloc alloc;

	(void)privdata;
	if (reply == NULL || reply->type != REDIS_REPLY_ARRAY ||
	    reply->elements != 3)
		return;
	if (strcmp(reply->element[0]->str, "subscribe") == 0) {
		if (!rm->subscribed) {
			rm->subscribed = true;
			if (rm->peer.seat == 0)
				bench_room_code(rm->peer.room, rm->channel);
			bench_peer_ready(&rm->peer);
		}
		return;
	}
	payload = reply->element[2];
	if (payload->type != REDIS_REPLY_STRING ||
	    payload->len <= FRAME_HEADER)
		return;
	/* The same work as for a frame of our server: unpack the envelope
	 * and read the note's text. */
	wire_alloc_init(&alloc, payload->len - FRAME_HEADER);
	env = wire_unpack((const uint8_t *)payload->str + FRAME_HEADER,
	                  payload->len - FRAME_HEADER, &alloc);
	if (env == NULL) {
		bench_error(rm->peer.bench);
		return;
	}
	if (env->body_case == AANDESLAG__ENVELOPE__BODY_EVENT &&
	    env->event->change_case == AANDESLAG__EVENT__CHANGE_NOTE_EDITED)
		bench_delivered(rm->peer.bench, &rm->peer,
		                env->event->note_edited->text,
		                strlen(env->event->note_edited->text));
	wire_free(env, &alloc);
}

static redisAsyncContext *
connect_one(struct redismember *rm, const char *source)
{
	struct bench *b = rm->peer.bench;
	redisAsyncContext *ac;

	ac = redisAsyncConnectBind(b->opts.host, b->opts.port, source);
	if (ac == NULL)
		return NULL;
	if (ac->err != 0) {
		fprintf(stderr, "aandeslag-bench: redis: %s\n", ac->errstr);
		redisAsyncFree(ac);
		return NULL;
	}
	ac->data = rm;
	redisLibuvAttach(ac, b->loop);
	redisAsyncSetConnectCallback(ac, on_connect);
	redisAsyncSetDisconnectCallback(ac, on_disconnect);
	rm->open++;
	return ac;
}

static struct bench_peer *
redis_create(struct bench *b, struct bench_room *room, unsigned gid,
             unsigned seat)
{
	struct redismember *rm = calloc(1, sizeof *rm);

	if (rm == NULL)
		return NULL;
	bench_peer_init(&rm->peer, b, room, gid, seat);
	snprintf(rm->channel, sizeof rm->channel, "room:%u", room->index);
	snprintf(rm->name, sizeof rm->name, "Lid %u", seat + 1);
	return &rm->peer;
}

static int
redis_start(struct bench_peer *peer)
{
	struct redismember *rm = of_peer(peer);
	char source[16];

	bench_source_address(peer->gid, source, sizeof source);
	rm->pub = connect_one(rm, source);
	rm->sub = connect_one(rm, source);
	if (rm->pub == NULL || rm->sub == NULL)
		return -1;
	if (redisAsyncCommand(rm->sub, on_message, NULL, "SUBSCRIBE %s",
	                      rm->channel) != REDIS_OK)
		return -1;
	return 0;
}

static void
on_published(redisAsyncContext *ac, void *r, void *privdata)
{
	struct redismember *rm = ac->data;
	redisReply *reply = r;

	if (reply == NULL || rm->peer.bench->stopping)
		return;
	bench_peer_answered(&rm->peer, (uint64_t)(uintptr_t)privdata,
	                    reply->type == REDIS_REPLY_INTEGER);
}

/* Publishes what our server would send for the same edit: an Event
 * carrying the whole note, packed as one frame. */
static int
redis_send(struct bench_peer *peer, uint64_t n, const char *text, size_t len)
{
	struct redismember *rm = of_peer(peer);
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__Event ev = AANDESLAG__EVENT__INIT;
	Aandeslag__Note note = AANDESLAG__NOTE__INIT;
	struct wire_buf *buf;
	int rc;

	(void)len;
	note.id = peer->seat + 1;
	note.step = 1;
	note.author_id = peer->seat + 1;
	note.author_name = rm->name;
	note.text = (char *)text;
	ev.epoch = 1;
	ev.seq = n;
	ev.actor_id = peer->seat + 1;
	ev.change_case = AANDESLAG__EVENT__CHANGE_NOTE_EDITED;
	ev.note_edited = &note;
	env.body_case = AANDESLAG__ENVELOPE__BODY_EVENT;
	env.event = &ev;
	rc = wire_pack(&env, FRAME_MAX_SERVER, &buf);
	if (rc != 0)
		return rc;
	rc = redisAsyncCommand(rm->pub, on_published, (void *)(uintptr_t)n,
	                       "PUBLISH %s %b", rm->channel, buf->data,
	                       buf->len);
	wire_unref(buf);
	return rc == REDIS_OK ? 0 : -1;
}

/* A connected context is disconnected and on_disconnect() follows; one
 * that never connected is freed here, as hiredis calls on_disconnect()
 * only for a context that was connected. Frees the member once both
 * are gone, and then returns true. */
static bool
stop_one(struct redismember *rm, redisAsyncContext **acp)
{
	redisAsyncContext *ac = *acp;

	if (ac == NULL)
		return false;
	if (ac->c.flags & REDIS_CONNECTED) {
		redisAsyncDisconnect(ac);
		return false;
	}
	*acp = NULL;
	redisAsyncFree(ac);
	if (--rm->open > 0)
		return false;
	rm->peer.bench->peers[rm->peer.gid] = NULL;
	free(rm);
	return true;
}

static void
redis_stop(struct bench_peer *peer)
{
	struct redismember *rm = of_peer(peer);

	if (rm->open == 0) {
		peer->bench->peers[peer->gid] = NULL;
		free(rm);
		return;
	}
	if (!stop_one(rm, &rm->pub))
		stop_one(rm, &rm->sub);
}

const struct bench_ops loadredis_ops = {
	.create = redis_create,
	.start = redis_start,
	.send = redis_send,
	.keepalive = NULL,
	.stop = redis_stop,
};
