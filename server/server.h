/* The server: one libuv loop, the listener, signals, the handshake, and
 * the dispatch of every message a connection sends. */
#ifndef AANDESLAG_SERVER_H
#define AANDESLAG_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <uv.h>

#include "aandeslag.pb-c.h"
#include "connlimit.h"
#include "content.h"
#include "frame.h"
#include "discovery.h"
#include "guard.h"
#include "room.h"
#include "sshacct.h"
#include "store.h"
#include "tls.h"

#define SERVER_DEFAULT_PORT 7557

/* Commands a second per connection: far above typing, and a burst that
 * lets a client's whole offline queue (FRAME_UNANSWERED_MAX) through at
 * once, twice over. The burst may not be set below
 * SERVER_MIN_COMMAND_BURST: the queue plus a Hello, a join and pings. */
#define SERVER_DEFAULT_COMMAND_RATE 20
#define SERVER_DEFAULT_COMMAND_BURST (2 * FRAME_UNANSWERED_MAX)
#define SERVER_MIN_COMMAND_BURST (FRAME_UNANSWERED_MAX + 8)

/* The least --max-frame may be: a command with a note, an action or a
 * finding at the largest text (model.h) fits with room to spare. */
#define SERVER_MIN_CLIENT_FRAME 4096u

struct server_options {
	const char *content_path;       /* the content file to load */
	const char *listen;             /* NULL: all interfaces */
	int port;                       /* 0: any free port */
	int64_t seat_grace_ms;          /* an absent participant's seat */
	size_t send_queue_max;          /* bytes queued per connection */
	size_t max_rooms;
	int64_t idle_timeout_ms;        /* silent connections are closed */
	const char *data_dir;           /* where the database lives */
	int sync;                       /* an enum store_sync */
	uint64_t max_db_bytes;          /* 0: as much as the disk holds */
	int64_t retention_ms;           /* rooms unused this long go; 0: kept */
	/* The SSH account to name to clients: NULL finds the one
	 * aandeslag-ssh-setup made (sshacct.h), "" names none. */
	const char *ssh_account;
	bool discovery;                 /* answer discovery queries on UDP */
	struct guard_options guard;     /* the limiter for failed joins */
	size_t max_conns_per_address;   /* open at once from one address */
	size_t max_conns;               /* open at once in all */
	uint32_t command_rate;          /* frames a second per connection */
	uint32_t command_burst;         /* at once; also the most waiting */
	uint32_t max_client_frame;      /* bytes of a client's frame */
	int tls;                        /* an enum server_tls */
	/* The administrator's certificate and key (PEM); NULL: the pair
	 * made in the data directory on the first start. */
	const char *tls_cert;
	const char *tls_key;
	/* What every room's commands are held to (texts, names, items per
	 * room): the model's ceilings, or lower (model_limits_check()). */
	struct model_limits limits;
};

/* Whether connections are encrypted. A connection shows which it wants
 * with its first byte (a TLS handshake record, or a frame's length), so
 * one port serves both. */
enum server_tls {
	SERVER_TLS_OFF,         /* plain only; a TLS hello is refused */
	SERVER_TLS_ON,          /* TLS, and plain for older clients */
	SERVER_TLS_REQUIRED     /* TLS only; a plain Hello is refused */
};

struct conn;
struct workshop;

struct server {
	uv_loop_t *loop;
	struct server_options opts;
	uv_tcp_t listener;
	struct discovery discovery;     /* the UDP answer to "where is it?" */
	struct guard guard;             /* failed joins per address, in all */
	uv_signal_t sigint;
	uv_signal_t sigterm;
	uv_timer_t stop_timer;          /* ends a shutdown that hangs */
	uv_timer_t sweep_timer;         /* closes silent connections */
	/* Storage: the turn's transaction is committed before the loop
	 * polls again (prepare) and after it handled the input (check);
	 * only then are the frames the turn produced written. */
	struct store *store;
	uv_prepare_t commit_prepare;
	uv_check_t commit_check;
	struct conn *held;              /* connections with frames held back */
	uv_timer_t probe_timer;         /* tries writing again after trouble */
	uv_timer_t alive_timer;         /* notes the time while a clock runs */
	int64_t alive_noted;            /* loop time a commit noted it last */
	uv_timer_t erase_timer;         /* rewrites rooms that erased a text */
	bool erase_truncate;            /* a rewrite wants the log cleared */
	int64_t erase_truncate_since;   /* loop time it was first wanted */
	int64_t commit_last;            /* loop time of the last commit */
	uv_timer_t retention_timer;     /* deletes rooms past retention */
	bool storage_trouble;           /* a commit failed; probing */
	bool in_change;                 /* a change's savepoint is open */
	int lock_fd;                    /* holds the data directory's lock */
	struct conn *conns;
	size_t nconns;
	struct connlimit connlimit;     /* open connections per address */
	uint64_t conns_ever;
	struct rooms rooms;
	struct workshop *workshops;     /* a list: a server has a few */
	struct workshop *dirty_workshops;       /* a status is due */
	struct content content;         /* the method's content, for all */
	/* "ip:port" on each network interface, for Welcome; the chair reads
	 * the first aloud. */
	char addresses[8][80];
	size_t naddresses;
	char ssh_account[SSHACCT_NAME_SIZE];     /* "": none */
	char ssh_fingerprint[SSHACCT_FINGERPRINT_SIZE];  /* "": unknown */
	/* The TLS identity (NULL with --tls off) and its fingerprint. */
	struct tls_creds *tls_creds;
	uint8_t tls_fp[TLS_FP_SIZE];
	bool started;
	bool stopping;
	/* One read buffer for every connection (see conn.c). */
	uint8_t readbuf[64 * 1024];
};

/* Fills opts with the defaults. */
void server_options_default(struct server_options *opts);

/* Loads the content file, starts listening on loop and prints the
 * listening line and the join instructions to stdout. srv is owned by the
 * caller and must outlive the loop. Returns 0, -EINVAL for a content file
 * that cannot be used ("file:line: reason" printed) or for limits past
 * the model's ceilings (said so), or a negative libuv error (also
 * printed). */
int server_start(struct server *srv, uv_loop_t *loop,
                 const struct server_options *opts);

/* Stops accepting, tells every client the server is stopping and closes
 * every handle, so that uv_run() returns. Safe to call twice. */
void server_stop(struct server *srv);

/* Closes what is left of the server's handles and frees the rooms and
 * the content, once
 * the loop has ended; run the loop once more afterwards. */
void server_free(struct server *srv);

/* Starts or stops the sweep for silent connections as connections come
 * and go: a server without connections needs no timer at all. */
void server_watch(struct server *srv);

/* Starts noting, once a second, that the server is alive, for as long as
 * any room's clock runs: after a crash the clock is given back the time
 * it had when the server stopped. */
void server_clock_runs(struct server *srv);


/* Handles one envelope from c according to its state. */
void server_dispatch(struct conn *c, const Aandeslag__Envelope *env);

/* Fills out with the default data directory: $XDG_DATA_HOME/aandeslag,
 * else ~/.local/share/aandeslag. Returns 0, -ENOENT without a home, or
 * -ENAMETOOLONG. */
int server_default_data_dir(char *out, size_t size);

/* Returns the wall-clock time in milliseconds since 1970, for storage. */
int64_t server_wall_ms(void);

/* Writing failed: every change is refused (ERROR_STORAGE) until a probe
 * finds that writing works again. */
void server_storage_failed(struct server *srv);

/* Returns whether frames must be held back until the turn's commit. */
bool server_holding(const struct server *srv);

/* Adds c to the connections whose held frames are written after the
 * commit. */
void server_hold(struct server *srv, struct conn *c);

/* Returns the loop's time in milliseconds: monotonic, cached per turn. */
int64_t server_now(const struct server *srv);

/* Fills buf with len random bytes from the system. Returns 0 or a
 * negative libuv error. */
int server_random(void *buf, size_t len);

/* Writes a line to the log (stderr) with a time stamp. Logs never carry
 * names, note texts or tokens. */
void server_log(const struct server *srv, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
