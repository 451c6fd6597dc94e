/* Timing a restart: `populate` fills a server with finished rooms, and
 * `recover` starts the server anew and measures how long until a room
 * can be joined and its first snapshot is served, and until every room's
 * is. */
#include "recover.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#include "bench.h"
#include "member.h"
#include "procstat.h"

/* Rooms handled at once. */
#define PARALLEL 32u

struct job;

struct recover {
	uv_loop_t loop;
	const char *host;
	int port;
	unsigned rooms, notes;
	char (*codes)[16];
	unsigned next, done, failed;
	struct job *jobs;
	/* recover only */
	uv_process_t server;
	bool server_running;
	uint64_t start_ns, first_ns, last_ns, accepted_ns;
	uv_timer_t retry;
	long server_rss_kib;            /* once every room was served */
	int exit_code;
};

struct job {
	struct recover *rec;
	struct member conn;
	unsigned room;
	bool busy;
	bool answered;
};

static void start_job(struct job *job);

static void
job_finished(struct job *job, bool ok)
{
	struct recover *rec = job->rec;

	if (job->answered)
		return;
	job->answered = true;
	if (ok)
		rec->done++;
	else
		rec->failed++;
	member_close(&job->conn);
}

static void
on_job_closed(struct member *m)
{
	struct job *job = m->data;

	if (!job->answered) {
		job->answered = true;
		job->rec->failed++;
	}
	job->busy = false;
	start_job(job);
}

/* ------------------------------------------------------------- populate */

static int
send_command(struct member *m, Aandeslag__Command *cmd)
{
	Aandeslag__Envelope env = AANDESLAG__ENVELOPE__INIT;

	env.body_case = AANDESLAG__ENVELOPE__BODY_COMMAND;
	env.command = cmd;
	return member_send(m, &env);
}

static void
populate_joined(struct job *job, const Aandeslag__Joined *joined)
{
	struct recover *rec = job->rec;
	Aandeslag__Command cmd = AANDESLAG__COMMAND__INIT;
	Aandeslag__AddNote add = AANDESLAG__ADD_NOTE__INIT;
	Aandeslag__Finish finish = AANDESLAG__FINISH__INIT;
	char text[96];
	unsigned i;

	snprintf(rec->codes[job->room], sizeof rec->codes[0], "%s",
	         joined->code);
	/* Pipelined: the server's burst (at least 108) takes them. */
	for (i = 0; i < rec->notes; i++) {
		snprintf(text, sizeof text, "Ervaring %u van kamer %u: op "
		         "stage in het buitenland geweest", i + 1, job->room);
		add.text = text;
		cmd.request_id = 10 + i;
		cmd.op_case = AANDESLAG__COMMAND__OP_ADD_NOTE;
		cmd.add_note = &add;
		send_command(&job->conn, &cmd);
	}
	cmd.request_id = 10 + rec->notes;
	cmd.op_case = AANDESLAG__COMMAND__OP_FINISH;
	cmd.finish = &finish;
	send_command(&job->conn, &cmd);
}

static void
populate_received(struct member *m, const Aandeslag__Envelope *env)
{
	struct job *job = m->data;
	Aandeslag__Envelope out = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__CreateRoom create = AANDESLAG__CREATE_ROOM__INIT;
	char title[48];

	switch (env->body_case) {
	case AANDESLAG__ENVELOPE__BODY_WELCOME:
		snprintf(title, sizeof title, "Hersteltest %u", job->room);
		create.request_id = 1;
		create.title = title;
		create.name = (char *)"Voorzitter";
		out.body_case = AANDESLAG__ENVELOPE__BODY_CREATE_ROOM;
		out.create_room = &create;
		member_send(m, &out);
		break;
	case AANDESLAG__ENVELOPE__BODY_JOINED:
		populate_joined(job, env->joined);
		break;
	case AANDESLAG__ENVELOPE__BODY_ACK:
		if (env->ack->request_id == 10 + job->rec->notes)
			job_finished(job, true);
		break;
	case AANDESLAG__ENVELOPE__BODY_REFUSAL:
	case AANDESLAG__ENVELOPE__BODY_CLOSING:
		fprintf(stderr, "aandeslag-bench: populate: room %u refused\n",
		        job->room);
		job_finished(job, false);
		break;
	default:
		break;
	}
}

static void
on_job_connected(struct member *m, int status)
{
	struct job *job = m->data;

	if (status != 0 || member_hello(m) != 0)
		job_finished(job, false);
}

static const struct member_handler populate_handler = {
	.connected = on_job_connected,
	.received = populate_received,
	.closed = on_job_closed,
};

/* ------------------------------------------------------------- recover */

static void
recover_received(struct member *m, const Aandeslag__Envelope *env)
{
	struct job *job = m->data;
	struct recover *rec = job->rec;
	Aandeslag__Envelope out = AANDESLAG__ENVELOPE__INIT;
	Aandeslag__JoinRoom join = AANDESLAG__JOIN_ROOM__INIT;

	switch (env->body_case) {
	case AANDESLAG__ENVELOPE__BODY_WELCOME:
		join.request_id = 1;
		join.code = rec->codes[job->room];
		join.name = (char *)"Projector";
		join.viewer = true;
		out.body_case = AANDESLAG__ENVELOPE__BODY_JOIN_ROOM;
		out.join_room = &join;
		member_send(m, &out);
		break;
	case AANDESLAG__ENVELOPE__BODY_JOINED:
		if (env->joined->snapshot == NULL) {
			job_finished(job, false);
			break;
		}
		rec->last_ns = bench_now();
		if (rec->first_ns == 0)
			rec->first_ns = rec->last_ns;
		job_finished(job, true);
		break;
	case AANDESLAG__ENVELOPE__BODY_REFUSAL:
	case AANDESLAG__ENVELOPE__BODY_CLOSING:
		fprintf(stderr, "aandeslag-bench: recover: room %u refused\n",
		        job->room);
		job_finished(job, false);
		break;
	default:
		break;
	}
}

static const struct member_handler recover_handler = {
	.connected = on_job_connected,
	.received = recover_received,
	.closed = on_job_closed,
};

/* ---------------------------------------------------------------- jobs */

static const struct member_handler *job_handler;

static void
start_job(struct job *job)
{
	struct recover *rec = job->rec;
	char source[16];

	if (job->busy || rec->next == rec->rooms)
		return;
	memset(&job->conn, 0, sizeof job->conn);
	job->conn.handler = job_handler;
	job->conn.data = job;
	job->room = rec->next++;
	job->busy = true;
	job->answered = false;
	bench_source_address(job->room % PARALLEL, source, sizeof source);
	if (member_connect(&job->conn, &rec->loop, rec->host, rec->port,
	                   source) != 0) {
		job->busy = false;
		rec->failed++;
	}
}

static void
start_jobs(struct recover *rec)
{
	unsigned i;

	for (i = 0; i < PARALLEL; i++) {
		rec->jobs[i].rec = rec;
		start_job(&rec->jobs[i]);
	}
}

static int
parse(int argc, char **argv, struct recover *rec, const char **codes_path)
{
	static const struct option longopts[] = {
		{ "host", required_argument, NULL, 'H' },
		{ "port", required_argument, NULL, 'p' },
		{ "rooms", required_argument, NULL, 'r' },
		{ "notes", required_argument, NULL, 'n' },
		{ "codes", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	rec->host = "127.0.0.1";
	rec->port = 7557;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'H': rec->host = optarg; break;
		case 'p': rec->port = atoi(optarg); break;
		case 'r': rec->rooms = (unsigned)atoi(optarg); break;
		case 'n': rec->notes = (unsigned)atoi(optarg); break;
		case 'c': *codes_path = optarg; break;
		default: return -EINVAL;
		}
	}
	if (*codes_path == NULL || rec->port <= 0 || rec->port > 65535 ||
	    rec->notes > 100)
		return -EINVAL;
	return 0;
}

static int
alloc(struct recover *rec)
{
	rec->codes = calloc(rec->rooms ? rec->rooms : 1, sizeof *rec->codes);
	rec->jobs = calloc(PARALLEL, sizeof *rec->jobs);
	return rec->codes && rec->jobs ? 0 : -ENOMEM;
}

int
recover_populate(int argc, char **argv)
{
	struct recover rec;
	const char *path = NULL;
	unsigned i;
	FILE *f;

	memset(&rec, 0, sizeof rec);
	if (parse(argc, argv, &rec, &path) != 0 || rec.rooms == 0 ||
	    optind != argc) {
		fprintf(stderr, "aandeslag-bench populate: bad options\n");
		return 2;
	}
	if (alloc(&rec) != 0)
		return 1;
	uv_loop_init(&rec.loop);
	job_handler = &populate_handler;
	start_jobs(&rec);
	uv_run(&rec.loop, UV_RUN_DEFAULT);
	uv_loop_close(&rec.loop);
	f = fopen(path, "w");
	if (f == NULL) {
		perror(path);
		return 1;
	}
	for (i = 0; i < rec.rooms; i++)
		if (rec.codes[i][0] != '\0')
			fprintf(f, "%s\n", rec.codes[i]);
	if (fclose(f) != 0) {
		perror(path);
		return 1;
	}
	printf("populated_rooms=%u\nfailed=%u\n", rec.done, rec.failed);
	free(rec.codes);
	free(rec.jobs);
	return rec.failed == 0 ? 0 : 1;
}

static int
read_codes(struct recover *rec, const char *path)
{
	char line[64];
	unsigned n = 0, cap = 0;
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return -errno;
	while (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '\0' || strlen(line) >= sizeof rec->codes[0])
			continue;
		if (n == cap) {
			void *grown;

			cap = cap ? cap * 2 : 256;
			grown = realloc(rec->codes, cap * sizeof *rec->codes);
			if (grown == NULL) {
				fclose(f);
				return -ENOMEM;
			}
			rec->codes = grown;
		}
		memcpy(rec->codes[n++], line, strlen(line) + 1);
	}
	fclose(f);
	rec->rooms = n;
	return n > 0 ? 0 : -ENOENT;
}

static void
on_server_exit(uv_process_t *proc, int64_t status, int signal)
{
	struct recover *rec = proc->data;

	rec->server_running = false;
	if (signal != SIGTERM && status != 0)
		fprintf(stderr, "aandeslag-bench: the server ended (status "
		        "%d, signal %d)\n", (int)status, signal);
	uv_close((uv_handle_t *)proc, NULL);
}

static void on_probe_closed(struct member *m);

static void
on_probe_connected(struct member *m, int status)
{
	struct recover *rec = m->data;

	if (status == 0) {
		/* The server listens: the rooms may go. */
		rec->accepted_ns = bench_now();
	}
	member_close(m);
}

static void
on_probe_received(struct member *m, const Aandeslag__Envelope *env)
{
	(void)m;
	(void)env;
}

static const struct member_handler probe_handler = {
	.connected = on_probe_connected,
	.received = on_probe_received,
	.closed = on_probe_closed,
};

static struct member probe;

static void on_retry(uv_timer_t *timer);

static void
try_connect(struct recover *rec)
{
	memset(&probe, 0, sizeof probe);
	probe.handler = &probe_handler;
	probe.data = rec;
	if (member_connect(&probe, &rec->loop, rec->host, rec->port,
	                   NULL) != 0)
		uv_timer_start(&rec->retry, on_retry, 1, 0);
}

static void
on_probe_closed(struct member *m)
{
	struct recover *rec = m->data;

	if (rec->accepted_ns != 0) {
		uv_close((uv_handle_t *)&rec->retry, NULL);
		job_handler = &recover_handler;
		start_jobs(rec);
		return;
	}
	if (!rec->server_running) {
		uv_close((uv_handle_t *)&rec->retry, NULL);
		rec->exit_code = 1;
		return;
	}
	/* Not listening yet: try again in a millisecond. */
	uv_timer_start(&rec->retry, on_retry, 1, 0);
}

static void
on_retry(uv_timer_t *timer)
{
	try_connect(timer->data);
}

/* Stops the server once every room was served (or failed). */
static void
on_check(uv_check_t *check)
{
	struct recover *rec = check->data;

	if (rec->rooms > 0 && rec->done + rec->failed < rec->rooms &&
	    rec->exit_code == 0)
		return;
	uv_close((uv_handle_t *)check, NULL);
	if (rec->server_running) {
		struct procstat ps;

		if (procstat_read(rec->server.pid, &ps) == 0)
			rec->server_rss_kib = ps.rss_kib;
		uv_process_kill(&rec->server, SIGTERM);
	}
}

int
recover_measure(int argc, char **argv)
{
	struct recover rec;
	uv_process_options_t po;
	uv_stdio_container_t stdio[3];
	const char *path = NULL;
	uv_check_t check;
	int rc;

	memset(&rec, 0, sizeof rec);
	if (parse(argc, argv, &rec, &path) != 0 || optind >= argc) {
		fprintf(stderr, "aandeslag-bench recover: bad options\n");
		return 2;
	}
	rc = read_codes(&rec, path);
	if (rc != 0) {
		fprintf(stderr, "aandeslag-bench: %s: %s\n", path,
		        strerror(-rc));
		return 1;
	}
	rec.jobs = calloc(PARALLEL, sizeof *rec.jobs);
	if (rec.jobs == NULL)
		return 1;
	uv_loop_init(&rec.loop);
	memset(&po, 0, sizeof po);
	stdio[0].flags = UV_IGNORE;
	stdio[1].flags = UV_IGNORE;
	stdio[2].flags = UV_INHERIT_FD;
	stdio[2].data.fd = 2;
	po.file = argv[optind];
	po.args = &argv[optind];
	po.exit_cb = on_server_exit;
	po.stdio = stdio;
	po.stdio_count = 3;
	rec.server.data = &rec;
	uv_timer_init(&rec.loop, &rec.retry);
	rec.retry.data = &rec;
	rec.start_ns = bench_now();
	rc = uv_spawn(&rec.loop, &rec.server, &po);
	if (rc != 0) {
		fprintf(stderr, "aandeslag-bench: %s: %s\n", po.file,
		        uv_strerror(rc));
		return 1;
	}
	rec.server_running = true;
	uv_check_init(&rec.loop, &check);
	check.data = &rec;
	uv_check_start(&check, on_check);
	try_connect(&rec);
	/* Runs until the rooms were served and the server has stopped. */
	uv_run(&rec.loop, UV_RUN_DEFAULT);
	uv_loop_close(&rec.loop);
	printf("server_rss_kib=%ld\n", rec.server_rss_kib);
	printf("rooms=%u\nserved=%u\nfailed=%u\n", rec.rooms, rec.done,
	       rec.failed);
	if (rec.accepted_ns != 0)
		printf("listening_ms=%.1f\n",
		       (double)(rec.accepted_ns - rec.start_ns) / 1e6);
	if (rec.first_ns != 0)
		printf("first_snapshot_ms=%.1f\nall_snapshots_ms=%.1f\n",
		       (double)(rec.first_ns - rec.start_ns) / 1e6,
		       (double)(rec.last_ns - rec.start_ns) / 1e6);
	free(rec.codes);
	free(rec.jobs);
	return rec.exit_code == 0 && rec.failed == 0 && rec.done > 0 ? 0 : 1;
}
