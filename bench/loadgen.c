/* aandeslag-bench: the load generator. `run` opens R rooms of up to 7
 * members against an aandeslag server or Redis pub/sub and measures
 * acknowledgement and fan-out latency, throughput and what the server
 * uses; `populate` and `recover` time a restart (recover.c). Results are
 * printed as key=value lines for bench/run. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bench.h"
#include "loadour.h"
#include "loadredis.h"
#include "recover.h"

static void
usage(FILE *out)
{
	fputs("usage: aandeslag-bench run [options]\n"
	      "       aandeslag-bench populate --rooms N --notes K "
	      "--codes FILE [--port P]\n"
	      "       aandeslag-bench recover --codes FILE [--port P] -- "
	      "SERVER [ARGS...]\n"
	      "run options:\n"
	      "  --mode aandeslag|redis   what to load (aandeslag)\n"
	      "  --host ADDR --port P     where it listens (127.0.0.1:7557)\n"
	      "  --rooms R --members M    rooms and members per room (100, 7)\n"
	      "  --rate X                 commands a second per member (1)\n"
	      "  --window W               closed loop: W commands in flight "
	      "per member\n"
	      "  --idle                   send nothing but keep-alives\n"
	      "  --warmup S --seconds S   warm-up and measurement (2, 10)\n"
	      "  --text N                 bytes of text per command (100)\n"
	      "  --server-pid PID         read the server's CPU and memory\n"
	      "  --tls                    aandeslag: connect with TLS, as our\n"
	      "                           clients do (default: plain frames)\n",
	      out);
}

/* Many members need many descriptors: take all the hard limit allows. */
static void
raise_nofile(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

static int
parse_run(int argc, char **argv, struct bench_opts *o)
{
	static const struct option longopts[] = {
		{ "mode", required_argument, NULL, 'm' },
		{ "host", required_argument, NULL, 'H' },
		{ "port", required_argument, NULL, 'p' },
		{ "rooms", required_argument, NULL, 'r' },
		{ "members", required_argument, NULL, 'M' },
		{ "rate", required_argument, NULL, 'R' },
		{ "window", required_argument, NULL, 'w' },
		{ "idle", no_argument, NULL, 'i' },
		{ "warmup", required_argument, NULL, 'W' },
		{ "seconds", required_argument, NULL, 's' },
		{ "text", required_argument, NULL, 't' },
		{ "server-pid", required_argument, NULL, 'P' },
		{ "tls", no_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'm':
			if (strcmp(optarg, "aandeslag") == 0)
				o->mode = BENCH_AANDESLAG;
			else if (strcmp(optarg, "redis") == 0)
				o->mode = BENCH_REDIS;
			else
				return -EINVAL;
			break;
		case 'H': o->host = optarg; break;
		case 'p': o->port = atoi(optarg); break;
		case 'r': o->rooms = (unsigned)atoi(optarg); break;
		case 'M': o->members = (unsigned)atoi(optarg); break;
		case 'R': o->rate = atof(optarg); break;
		case 'w': o->window = (unsigned)atoi(optarg); break;
		case 'i': o->rate = 0; o->window = 0; break;
		case 'W': o->warmup_s = atof(optarg); break;
		case 's': o->seconds = atof(optarg); break;
		case 't': o->text_bytes = (unsigned)atoi(optarg); break;
		case 'P': o->server_pid = (pid_t)atoi(optarg); break;
		case 'T': o->tls = true; break;
		case 'h': usage(stdout); exit(0);
		default: return -EINVAL;
		}
	}
	if (optind != argc || o->rooms == 0 || o->members < 2 ||
	    o->members > 7 || o->port <= 0 || o->port > 65535 ||
	    o->seconds <= 0 || o->warmup_s < 0 || o->text_bytes < 24 ||
	    o->text_bytes > 1000 || o->rate < 0 || o->window > BENCH_RING / 2 ||
	    (o->tls && o->mode == BENCH_REDIS))
		return -EINVAL;
	return 0;
}

static double
us(uint64_t ns)
{
	return (double)ns / 1000.0;
}

static void
print_latency(const char *name, struct latency *l)
{
	printf("%s_p50_us=%.1f\n", name, us(latency_percentile(l, 50)));
	printf("%s_p99_us=%.1f\n", name, us(latency_percentile(l, 99)));
	printf("%s_p999_us=%.1f\n", name, us(latency_percentile(l, 99.9)));
	printf("%s_max_us=%.1f\n", name, us(latency_percentile(l, 100)));
	printf("%s_samples=%zu\n", name, l->n);
}

static void
report(struct bench *b)
{
	const struct bench_opts *o = &b->opts;
	double window = (double)(b->measure_end_ns - b->measure_start_ns) / 1e9;
	size_t clients = (size_t)o->rooms * o->members;

	printf("mode=%s\n", o->mode == BENCH_REDIS ? "redis" : "aandeslag");
	printf("rooms=%u\nmembers=%u\nclients=%zu\n", o->rooms, o->members,
	       clients);
	printf("rate=%g\nwindow=%u\ntext_bytes=%u\n", o->rate, o->window,
	       o->text_bytes);
	printf("tls=%s\n", o->tls ? "on" : "off");
	printf("setup_s=%.3f\n",
	       (double)(b->ready_ns - b->setup_start_ns) / 1e9);
	printf("measured_s=%.3f\n", window);
	printf("sent=%" PRIu64 "\nacked=%" PRIu64 "\nrefused=%" PRIu64 "\n",
	       b->counts.sent, b->counts.acked, b->counts.refused);
	printf("deliveries=%" PRIu64 "\nfanouts=%" PRIu64 "\nlost=%" PRIu64
	       "\nerrors=%" PRIu64 "\n", b->counts.deliveries,
	       b->counts.fanouts, b->counts.lost, b->counts.errors);
	if (window > 0) {
		printf("cmds_per_s=%.1f\n", (double)b->counts.acked / window);
		printf("deliveries_per_s=%.1f\n",
		       (double)b->counts.deliveries / window);
	}
	print_latency("ack", &b->ack);
	print_latency("fanout", &b->fanout);
	print_latency("delivery", &b->delivery);
	if (o->server_pid > 0 && window > 0) {
		double cpu = b->at_measure_end.cpu_s - b->at_measure_start.cpu_s;

		printf("server_cpu_pct=%.2f\n", 100.0 * cpu / window);
		printf("server_rss_begin_kib=%ld\n", b->at_begin.rss_kib);
		printf("server_rss_ready_kib=%ld\n", b->at_ready.rss_kib);
		printf("server_rss_end_kib=%ld\n", b->at_measure_end.rss_kib);
		printf("server_hwm_kib=%ld\n", b->at_measure_end.hwm_kib);
		printf("server_rss_per_client_kib=%.2f\n",
		       (double)(b->at_ready.rss_kib - b->at_begin.rss_kib) /
		       (double)clients);
		printf("server_switches_per_s=%.2f\n",
		       (double)(b->at_measure_end.switches -
		                b->at_measure_start.switches) / window);
	}
}

static int
alloc_members(struct bench *b)
{
	unsigned r, s;

	b->npeers = (size_t)b->opts.rooms * b->opts.members;
	b->rooms = calloc(b->opts.rooms, sizeof *b->rooms);
	b->peers = calloc(b->npeers, sizeof *b->peers);
	if (b->rooms == NULL || b->peers == NULL)
		return -ENOMEM;
	for (r = 0; r < b->opts.rooms; r++) {
		struct bench_room *room = &b->rooms[r];

		room->index = r;
		room->members = &b->peers[(size_t)r * b->opts.members];
		for (s = 0; s < b->opts.members; s++) {
			unsigned gid = r * b->opts.members + s;

			b->peers[gid] = b->ops->create(b, room, gid, s);
			if (b->peers[gid] == NULL)
				return -ENOMEM;
		}
	}
	return 0;
}

static int
run(int argc, char **argv)
{
	struct bench b;
	uv_loop_t loop;
	int rc;

	memset(&b, 0, sizeof b);
	b.opts = (struct bench_opts){
		.mode = BENCH_AANDESLAG, .host = "127.0.0.1", .port = 7557,
		.rooms = 100, .members = 7, .rate = 1, .warmup_s = 2,
		.seconds = 10, .text_bytes = 100, .setup_parallel = 32,
	};
	if (parse_run(argc, argv, &b.opts) != 0) {
		usage(stderr);
		return 2;
	}
	b.ops = b.opts.mode == BENCH_REDIS ? &loadredis_ops : &loadour_ops;
	uv_loop_init(&loop);
	b.loop = &loop;
	srand((unsigned)uv_hrtime());
	if (alloc_members(&b) != 0 || bench_begin(&b) != 0) {
		fprintf(stderr, "aandeslag-bench: out of memory\n");
		return 1;
	}
	uv_run(&loop, UV_RUN_DEFAULT);
	if (!b.stopping) {
		/* The loop ran out of work before the run ended: a connection
		 * neither came up nor failed (hiredis 0.14's libuv adapter
		 * drops a refused connect without a callback). Close what is
		 * left. */
		bench_fail(&b, "cannot connect: no answer, and no error");
		uv_run(&loop, UV_RUN_DEFAULT);
	}
	rc = uv_loop_close(&loop);
	if (rc != 0)
		fprintf(stderr, "aandeslag-bench: handles left: %s\n",
		        uv_strerror(rc));
	if (b.failure != NULL) {
		fprintf(stderr, "aandeslag-bench: %s\n", b.failure);
	} else {
		report(&b);
	}
	latency_free(&b.ack);
	latency_free(&b.fanout);
	latency_free(&b.delivery);
	free(b.rooms);
	free(b.peers);
	free(b.text);
	return b.exit_code;
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	raise_nofile();
	/* Each subcommand parses from its own name on. */
	if (strcmp(argv[1], "run") == 0)
		return run(argc - 1, argv + 1);
	if (strcmp(argv[1], "populate") == 0)
		return recover_populate(argc - 1, argv + 1);
	if (strcmp(argv[1], "recover") == 0)
		return recover_measure(argc - 1, argv + 1);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	usage(stderr);
	return 2;
}
