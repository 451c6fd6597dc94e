/* aandeslag-server: options, then the loop until a signal stops it. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#include "config.h"
#include "i18n.h"
#include "number.h"
#include "server.h"

static void
usage(FILE *out, const struct server_options *opts)
{
	fprintf(out, _(
"Gebruik: aandeslag-server [OPTIES]\n"
"Houdt de werksessies bij van \"Aan de slag met internationalisering\".\n"
"\n"
"  --listen ADRES       luister alleen op dit adres (standaard: alle)\n"
"  --port N             poort (standaard %d; 0 kiest een vrije poort)\n"
"  --seat-grace SEC     zo lang blijft de plek van wie wegvalt bewaard\n"
"                       (standaard 120)\n"
"  --send-queue BYTES   zoveel bytes mogen per verbinding wachten\n"
"                       (standaard %zu)\n"
"  --max-rooms N        zoveel werksessies tegelijk (standaard %zu)\n"
"  --idle-timeout SEC   een verbinding die zo lang zwijgt, is weg\n"
"                       (standaard 30)\n"
"  --content BESTAND    de inhoud van de stappen, kaarten, competenties en\n"
"                       activiteiten (standaard %s)\n"
"  --help               deze hulp\n"
"  --version            versie\n"), SERVER_DEFAULT_PORT,
	        (size_t)4 * 2 * 1024 * 1024, (size_t)1000, opts->content_path);
}

int
main(int argc, char **argv)
{
	enum { OPT_LISTEN = 256, OPT_PORT, OPT_GRACE, OPT_QUEUE, OPT_ROOMS,
	       OPT_CONTENT, OPT_IDLE, OPT_HELP, OPT_VERSION };
	static const struct option options[] = {
		{ "listen", required_argument, NULL, OPT_LISTEN },
		{ "port", required_argument, NULL, OPT_PORT },
		{ "seat-grace", required_argument, NULL, OPT_GRACE },
		{ "send-queue", required_argument, NULL, OPT_QUEUE },
		{ "max-rooms", required_argument, NULL, OPT_ROOMS },
		{ "content", required_argument, NULL, OPT_CONTENT },
		{ "idle-timeout", required_argument, NULL, OPT_IDLE },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	struct server_options opts;
	static struct server srv;
	uv_loop_t loop;
	long long v;
	int opt, rc;

	setlocale(LC_ALL, "");
	bindtextdomain("aandeslag", LOCALEDIR);
	server_options_default(&opts);
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case OPT_LISTEN:
			opts.listen = optarg;
			break;
		case OPT_PORT:
			if (number_parse(optarg, 0, 65535, &v) < 0)
				goto bad;
			opts.port = (int)v;
			break;
		case OPT_GRACE:
			if (number_parse(optarg, 0, 7 * 24 * 3600, &v) < 0)
				goto bad;
			opts.seat_grace_ms = v * 1000;
			break;
		case OPT_QUEUE:
			if (number_parse(optarg, 1024, (long long)1 << 40, &v) < 0)
				goto bad;
			opts.send_queue_max = (size_t)v;
			break;
		case OPT_ROOMS:
			if (number_parse(optarg, 1, 1000000, &v) < 0)
				goto bad;
			opts.max_rooms = (size_t)v;
			break;
		case OPT_CONTENT:
			opts.content_path = optarg;
			break;
		case OPT_IDLE:
			if (number_parse(optarg, 1, 3600, &v) < 0)
				goto bad;
			opts.idle_timeout_ms = v * 1000;
			break;
		case OPT_HELP:
			usage(stdout, &opts);
			return 0;
		case OPT_VERSION:
			printf("aandeslag-server %s\n", PACKAGE_VERSION);
			return 0;
		default:
			usage(stderr, &opts);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, _("aandeslag-server: onverwacht argument: %s\n"),
		        argv[optind]);
		return 2;
	}
	uv_loop_init(&loop);
	rc = server_start(&srv, &loop, &opts);
	if (rc == 0)
		uv_run(&loop, UV_RUN_DEFAULT);
	server_free(&srv);
	/* Let every close callback run before the loop is closed. */
	uv_run(&loop, UV_RUN_DEFAULT);
	if (uv_loop_close(&loop) != 0)
		fprintf(stderr, "aandeslag-server: handles left open at exit\n");
	return rc == 0 ? 0 : 1;
bad:
	fprintf(stderr, _("aandeslag-server: ongeldige waarde voor een optie: %s\n"),
	        optarg);
	return 2;
}
