/* The load generator's shared state: which rooms are being set up, when
 * the warm-up and the measurement window begin and end, and the matching
 * of every delivery to the command it carries, for both transports. */
#include "bench.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint64_t
bench_now(void)
{
	return uv_hrtime();
}

void
bench_peer_init(struct bench_peer *peer, struct bench *b,
                struct bench_room *room, unsigned gid, unsigned seat)
{
	peer->bench = b;
	peer->room = room;
	peer->gid = gid;
	peer->seat = seat;
}

void
bench_source_address(unsigned gid, char *out, size_t size)
{
	unsigned source = gid / BENCH_PER_SOURCE + 1;

	snprintf(out, size, "127.1.%u.%u", source / 250, source % 250 + 1);
}

void
bench_error(struct bench *b)
{
	b->counts.errors++;
}

static void
stop_all(struct bench *b)
{
	size_t i;

	if (b->stopping)
		return;
	b->stopping = true;
	b->sending = false;
	for (i = 0; i < b->npeers; i++)
		if (b->peers[i] != NULL)
			b->ops->stop(b->peers[i]);
}

void
bench_fail(struct bench *b, const char *why)
{
	if (b->failure == NULL)
		b->failure = why;
	b->exit_code = 1;
	stop_all(b);
}

static void start_room(struct bench *b);

/* Builds "GID.N." padded with 'x' to the text length. */
static size_t
build_text(struct bench *b, unsigned gid, uint64_t n)
{
	int len = snprintf(b->text, b->opts.text_bytes + 1,
	                   "%u.%" PRIu64 ".", gid, n);
	size_t want = b->opts.text_bytes;

	if (len < 0)
		return 0;
	if ((size_t)len < want)
		memset(b->text + len, 'x', want - (size_t)len);
	else
		want = (size_t)len;
	b->text[want] = '\0';
	return want;
}

/* Sends the peer's next command, unless its ring is full of commands
 * still in flight. */
static void
send_next(struct bench_peer *peer)
{
	struct bench *b = peer->bench;
	uint64_t n = peer->next_n;
	struct bench_slot *slot = &peer->ring[n % BENCH_RING];
	size_t len;

	if (!b->sending || !peer->ready)
		return;
	if (slot->n != 0 && !slot->done && slot->measured) {
		/* Still waiting for an answer or a delivery a whole ring
		 * ago: that one is lost. */
		b->counts.lost++;
	}
	len = build_text(b, peer->gid, n);
	memset(slot, 0, sizeof *slot);
	slot->n = n;
	slot->sent_ns = bench_now();
	slot->pending = peer->room->joined - 1;
	slot->measured = b->measuring;
	peer->next_n++;
	peer->in_flight++;
	if (slot->measured)
		b->counts.sent++;
	if (b->ops->send(peer, n, b->text, len) != 0) {
		bench_error(b);
		slot->n = 0;
		peer->in_flight--;
	}
}

/* A slot is done once answered and delivered to every other member. */
static void
maybe_done(struct bench *b, struct bench_slot *slot)
{
	if (slot->done || !slot->acked || slot->pending != 0)
		return;
	slot->done = true;
	if (slot->measured) {
		b->counts.fanouts++;
		if (slot->last_ns >= slot->sent_ns)
			latency_add(&b->fanout, slot->last_ns - slot->sent_ns);
	}
}

void
bench_peer_answered(struct bench_peer *peer, uint64_t n, bool acked)
{
	struct bench *b = peer->bench;
	struct bench_slot *slot = &peer->ring[n % BENCH_RING];

	if (slot->n != n || slot->acked)
		return;
	slot->acked = true;
	if (peer->in_flight > 0)
		peer->in_flight--;
	if (slot->measured) {
		if (acked) {
			b->counts.acked++;
			latency_add(&b->ack, bench_now() - slot->sent_ns);
		} else {
			b->counts.refused++;
		}
	}
	if (!acked)
		slot->pending = 0;
	maybe_done(b, slot);
	if (b->opts.window > 0)
		send_next(peer);
}

void
bench_delivered(struct bench *b, struct bench_peer *receiver,
                const char *text, size_t len)
{
	char buf[48], *end;
	unsigned long gid;
	unsigned long long n;
	struct bench_peer *sender;
	struct bench_slot *slot;
	uint64_t now;

	if (len >= sizeof buf)
		len = sizeof buf - 1;
	memcpy(buf, text, len);
	buf[len] = '\0';
	gid = strtoul(buf, &end, 10);
	if (*end != '.' || gid >= b->npeers)
		return;
	n = strtoull(end + 1, &end, 10);
	if (*end != '.')
		return;
	sender = b->peers[gid];
	slot = &sender->ring[n % BENCH_RING];
	if (slot->n != n)
		return;
	now = bench_now();
	if (slot->measured) {
		b->counts.deliveries++;
		latency_add(&b->delivery, now - slot->sent_ns);
	}
	if (receiver == sender || slot->pending == 0)
		return;
	slot->pending--;
	slot->last_ns = now;
	maybe_done(b, slot);
}

/* ---------------------------------------------------------------- phases */

static uv_timer_t phase_timer;

static void
on_send_timer(uv_timer_t *timer)
{
	struct bench_peer *peer = timer->data;

	send_next(peer);
}

static void
on_keepalive(uv_timer_t *timer)
{
	struct bench_peer *peer = timer->data;

	if (peer->bench->ops->keepalive != NULL && !peer->bench->stopping)
		peer->bench->ops->keepalive(peer);
}

/* One timer per member: its command rate, or a keep-alive every 15 s
 * when it sends nothing (an idle room: our client pings once it has been
 * quiet for half the server's 30 s idle timeout). */
#define KEEPALIVE_MS 15000
static uv_timer_t *send_timers;

static void
start_sending(struct bench *b)
{
	size_t i;

	send_timers = calloc(b->npeers, sizeof *send_timers);
	if (send_timers == NULL) {
		bench_fail(b, "out of memory");
		return;
	}
	b->sending = true;
	for (i = 0; i < b->npeers; i++) {
		uv_timer_t *t = &send_timers[i];
		uint64_t period;

		uv_timer_init(b->loop, t);
		t->data = b->peers[i];
		if (b->opts.window > 0) {
			unsigned w;

			for (w = 0; w < b->opts.window; w++)
				send_next(b->peers[i]);
			period = KEEPALIVE_MS;
			uv_timer_start(t, on_keepalive, period, period);
		} else if (b->opts.rate > 0) {
			period = (uint64_t)(1000.0 / b->opts.rate);
			if (period == 0)
				period = 1;
			/* Spread the members over the period. */
			uv_timer_start(t, on_send_timer,
			               (uint64_t)rand() % period + 1, period);
		} else {
			period = KEEPALIVE_MS;
			uv_timer_start(t, on_keepalive,
			               (uint64_t)rand() % period + 1, period);
		}
	}
}

static void
stop_send_timers(struct bench *b)
{
	size_t i;

	if (send_timers == NULL)
		return;
	for (i = 0; i < b->npeers; i++)
		if (!uv_is_closing((uv_handle_t *)&send_timers[i]))
			uv_close((uv_handle_t *)&send_timers[i], NULL);
}

static void on_phase(uv_timer_t *timer);

static void
read_server(struct bench *b, struct procstat *out)
{
	if (b->opts.server_pid > 0)
		procstat_read(b->opts.server_pid, out);
}

enum phase { PHASE_WARMUP, PHASE_MEASURE, PHASE_DRAIN, PHASE_DONE };
static enum phase phase;

static void
on_phase(uv_timer_t *timer)
{
	struct bench *b = timer->data;

	switch (phase) {
	case PHASE_WARMUP:
		b->measuring = true;
		b->measure_start_ns = bench_now();
		read_server(b, &b->at_measure_start);
		phase = PHASE_MEASURE;
		uv_timer_start(timer, on_phase,
		               (uint64_t)(b->opts.seconds * 1000.0), 0);
		break;
	case PHASE_MEASURE:
		b->measuring = false;
		b->measure_end_ns = bench_now();
		read_server(b, &b->at_measure_end);
		/* Stop sending, give what is in flight two seconds. */
		b->sending = false;
		phase = PHASE_DRAIN;
		uv_timer_start(timer, on_phase, 2000, 0);
		break;
	case PHASE_DRAIN:
		phase = PHASE_DONE;
		uv_close((uv_handle_t *)timer, NULL);
		stop_send_timers(b);
		stop_all(b);
		break;
	case PHASE_DONE:
		break;
	}
}

static void
all_ready(struct bench *b)
{
	b->ready_ns = bench_now();
	read_server(b, &b->at_ready);
	phase = PHASE_WARMUP;
	uv_timer_init(b->loop, &phase_timer);
	phase_timer.data = b;
	start_sending(b);
	uv_timer_start(&phase_timer, on_phase,
	               (uint64_t)(b->opts.warmup_s * 1000.0), 0);
}

void
bench_room_code(struct bench_room *room, const char *code)
{
	struct bench *b;
	unsigned i;

	snprintf(room->code, sizeof room->code, "%s", code);
	b = room->members[0]->bench;
	for (i = 1; i < b->opts.members; i++)
		if (b->ops->start(room->members[i]) != 0)
			bench_fail(b, "cannot start a member");
}

void
bench_peer_ready(struct bench_peer *peer)
{
	struct bench *b = peer->bench;
	struct bench_room *room = peer->room;

	if (peer->ready)
		return;
	peer->ready = true;
	peer->next_n = 1;
	if (++room->joined < b->opts.members)
		return;
	b->rooms_ready++;
	if (b->rooms_ready == b->opts.rooms)
		all_ready(b);
	else
		start_room(b);
}

/* Starts the next room's first member; how the others follow is the
 * transport's business (bench_room_code()). */
static void
start_room(struct bench *b)
{
	struct bench_room *room;

	if (b->rooms_started == b->opts.rooms || b->stopping)
		return;
	room = &b->rooms[b->rooms_started++];
	room->started = true;
	if (b->ops->start(room->members[0]) != 0)
		bench_fail(b, "cannot start a member");
}

int
bench_begin(struct bench *b)
{
	unsigned i;

	read_server(b, &b->at_begin);
	b->setup_start_ns = bench_now();
	b->text = malloc(b->opts.text_bytes + 64);
	if (b->text == NULL)
		return -ENOMEM;
	for (i = 0; i < b->opts.setup_parallel; i++)
		start_room(b);
	return 0;
}
