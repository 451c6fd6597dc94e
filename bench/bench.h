/* The load generator's shared state: its options, the rooms and their
 * members, and the bookkeeping that turns sends and receipts into
 * acknowledgement and fan-out latencies, whatever carries the messages
 * (our server or Redis pub/sub). */
#ifndef AANDESLAG_BENCH_BENCH_H
#define AANDESLAG_BENCH_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <uv.h>

#include "latency.h"
#include "procstat.h"

/* Commands a member may have in flight; a slot reused before its fan-out
 * completed counts as lost. */
#define BENCH_RING 1024u

/* Members that share one source address: below the server's default of
 * 64 connections per address, so the limit itself need not be raised. */
#define BENCH_PER_SOURCE 60u

enum bench_mode { BENCH_AANDESLAG, BENCH_REDIS };

struct bench_opts {
	enum bench_mode mode;
	const char *host;
	int port;
	unsigned rooms;
	unsigned members;       /* per room, 2..7 */
	double rate;            /* commands a second per member; 0: none */
	unsigned window;        /* >0: closed loop, this many in flight */
	double warmup_s;
	double seconds;
	unsigned text_bytes;    /* length of each command's text */
	bool tls;               /* aandeslag: encrypted, as our clients */
	pid_t server_pid;       /* 0: do not read the server's figures */
	unsigned setup_parallel;/* rooms being set up at once */
};

struct bench_slot {
	uint64_t n;             /* the command's number, 0: free */
	uint64_t sent_ns;
	uint64_t last_ns;       /* the latest delivery to another member */
	unsigned pending;       /* other members still to receive it */
	bool acked;
	bool done;              /* answered and delivered to every other */
	bool measured;          /* sent within the measurement window */
};

struct bench_room;

/* What the two transports have in common: where a member sits and the
 * commands it has sent. Embedded in struct member and struct redismember. */
struct bench_peer {
	struct bench *bench;
	struct bench_room *room;
	unsigned gid;           /* index over all members */
	unsigned seat;          /* index in its room */
	bool ready;
	uint64_t next_n;        /* the number of the next command */
	unsigned in_flight;
	struct bench_slot ring[BENCH_RING];
};

/* What a transport does with one of its members. */
struct bench_ops {
	/* Makes the member for seat of room, number gid; NULL when out of
	 * memory. The transport owns it and frees it once stopped. */
	struct bench_peer *(*create)(struct bench *b, struct bench_room *room,
	                             unsigned gid, unsigned seat);
	/* Connects and joins; calls bench_peer_ready() when it can send. */
	int (*start)(struct bench_peer *peer);
	/* Sends command number n with text; 0 or a negative errno. */
	int (*send)(struct bench_peer *peer, uint64_t n, const char *text,
	            size_t len);
	/* Sends a keep-alive when nothing else is sent (may be NULL). */
	void (*keepalive)(struct bench_peer *peer);
	/* Closes every handle; the member is freed when they are closed. */
	void (*stop)(struct bench_peer *peer);
};

struct bench_room {
	unsigned index;
	char code[16];          /* the room's code, once made */
	unsigned joined;        /* members that can send */
	bool started;
	struct bench_peer **members;
};

struct bench_counts {
	uint64_t sent, acked, deliveries, fanouts, refused, lost, errors;
};

struct bench {
	uv_loop_t *loop;
	struct bench_opts opts;
	const struct bench_ops *ops;
	struct bench_room *rooms;
	struct bench_peer **peers;
	size_t npeers;
	unsigned rooms_started, rooms_ready;
	bool sending, measuring, stopping;
	uint64_t setup_start_ns, ready_ns, measure_start_ns, measure_end_ns;
	struct bench_counts counts;     /* within the measurement window */
	struct latency ack, fanout, delivery;
	/* The server's figures before the first connection, once every
	 * member is in, and at both ends of the measurement window. */
	struct procstat at_begin, at_ready, at_measure_start, at_measure_end;
	char *text;                     /* the command text being built */
	int exit_code;
	const char *failure;
};

/* Fills in where a new member sits (the transports' create()). */
void bench_peer_init(struct bench_peer *peer, struct bench *b,
                     struct bench_room *room, unsigned gid, unsigned seat);

/* Nanoseconds on the loop's monotonic clock. */
uint64_t bench_now(void);

/* The source address for member gid, "127.1.X.Y": a bench of thousands
 * spreads over addresses instead of raising the server's limit per
 * address. out holds at least 16 bytes. */
void bench_source_address(unsigned gid, char *out, size_t size);

/* A transport reports that peer can send (joined, its note made).
 * Starts the room's next members, and the run once every room is in. */
void bench_peer_ready(struct bench_peer *peer);

/* A transport reports the room's code (aandeslag: from the creator's
 * Joined); the other members then start. Copies code. */
void bench_room_code(struct bench_room *room, const char *code);

/* A transport reports the answer to command n of peer: acked or
 * refused. */
void bench_peer_answered(struct bench_peer *peer, uint64_t n, bool acked);

/* A transport reports that receiver got the text of some member's
 * command: "GID.N." and padding. Texts that are not ours are ignored. */
void bench_delivered(struct bench *b, struct bench_peer *receiver,
                     const char *text, size_t len);

/* Ends the run with a failure message (a static string); every member is
 * stopped and the program exits non-zero. */
void bench_fail(struct bench *b, const char *why);

/* Starts setting up the rooms; the run then goes by itself until every
 * member is stopped and the loop ends. Returns 0 or -ENOMEM. */
int bench_begin(struct bench *b);

/* Counts a transport error that does not end the run. */
void bench_error(struct bench *b);

#endif
