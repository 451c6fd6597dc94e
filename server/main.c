/* aandeslag-server: options, then the loop until a signal stops it. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <uv.h>

#include "config.h"
#include "admin.h"
#include "i18n.h"
#include "lang.h"
#include "number.h"
#include "server.h"

/* Open files the server needs besides its connections: the database and
 * its journal, the listener, the discovery socket, the loop's own, and a
 * refused connection or two on their way out. */
#define NOFILE_SPARE 64

/* Prints the options. Two messages: ISO C caps a string literal at 4095
 * characters. */
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
"  --max-frame BYTES    zo groot mag een bericht van een client zijn,\n"
"                       getoetst voor er geheugen voor komt (standaard en\n"
"                       hoogstens 16384, minstens 4096)\n"
"  --max-rooms N        zoveel werksessies tegelijk (standaard %zu)\n"
"  --idle-timeout SEC   een verbinding die zo lang zwijgt, is weg\n"
"                       (standaard 30)\n"
"  --content BESTAND    de inhoud van de stappen, kaarten, competenties en\n"
"                       activiteiten (standaard %s)\n"
"  --data MAP           hier staan de werksessies (standaard\n"
"                       $XDG_DATA_HOME/aandeslag of ~/.local/share/aandeslag)\n"
"  --sync full|normal   full (standaard): elke opslag overleeft ook een\n"
"                       stroomstoring; normal: alleen een vastgelopen server\n"
"  --max-db-size N[KMG] de gegevens worden nooit groter dan dit (N: MB)\n"
"  --retention DAGEN    werksessies die zo lang niet gebruikt zijn, worden\n"
"                       verwijderd (standaard 400; 0: nooit)\n"
"  --ssh-account NAAM|none  het account om zonder programma mee te doen\n"
"                       (ssh NAAM@server); standaard: dat van\n"
"                       aandeslag-ssh-setup, als het er is\n"
"  --no-discovery       geef geen antwoord op zoekvragen van aandeslag op\n"
"                       het netwerk (UDP, dezelfde poort); collega's geven\n"
"                       dan zelf het adres op\n"
"  --join-burst N       zoveel mislukte pogingen om mee te doen (verkeerde\n"
"                       code, token of voorzitterscode) mag een adres\n"
"                       achter elkaar doen (standaard %u)\n"
"  --join-wait SEC      daarna wacht het adres zo lang per poging, elke\n"
"                       keer twee keer zo lang (standaard %d)\n"
"  --join-wait-max SEC  hoogstens zo lang (standaard %d)\n"
"  --join-global N      zoveel mislukte pogingen per minuut van alle\n"
"                       adressen samen (standaard %u; 0: geen grens)\n"
"  --max-conns-per-address N  zoveel verbindingen tegelijk vanaf een\n"
"                       adres (een IPv6-/64 is een adres; standaard %d)\n"
"  --max-conns N        zoveel verbindingen tegelijk in totaal (standaard\n"
"                       %d, en nooit meer dan ulimit -n toelaat)\n"
"  --command-rate N     zoveel opdrachten per seconde per verbinding;\n"
"                       wie sneller stuurt, wacht (standaard %d)\n"
"  --command-burst N    zoveel opdrachten mogen in een keer, en zoveel\n"
"                       mogen er wachten; daarboven wordt de verbinding\n"
"                       verbroken (standaard %u, minstens %u)\n"
"  --tls on|required|off  versleuteling: on (standaard) versleutelt elke\n"
"                       verbinding van aandeslag en neemt ook oudere,\n"
"                       onversleutelde aan; required alleen versleuteld;\n"
"                       off nooit\n"
"  --tls-cert BESTAND   een eigen certificaat (PEM) met --tls-key BESTAND;\n"
"                       standaard maakt de server er zelf een in de map\n"
"                       van --data (tls-cert.pem, tls-key.pem)\n"),
	        SERVER_DEFAULT_PORT, (size_t)4 * 2 * 1024 * 1024, (size_t)1000,
	        opts->content_path,
	        (unsigned)GUARD_DEFAULT_BURST, GUARD_DEFAULT_WAIT_MS / 1000,
	        GUARD_DEFAULT_WAIT_MAX_MS / 1000, (unsigned)GUARD_DEFAULT_GLOBAL,
	        CONNLIMIT_DEFAULT_PER_ADDRESS, CONNLIMIT_DEFAULT_TOTAL,
	        SERVER_DEFAULT_COMMAND_RATE,
	        (unsigned)SERVER_DEFAULT_COMMAND_BURST,
	        (unsigned)SERVER_MIN_COMMAND_BURST);
	fprintf(out, _(
"  --max-text N         zoveel bytes mag de tekst van een notitie, vraag,\n"
"                       activiteit, actie of bevinding hebben (standaard\n"
"                       en hoogstens %d; een letter als é telt als 2)\n"
"  --max-name N         zoveel bytes mag een naam hebben (standaard en\n"
"                       hoogstens %d)\n"
"  --max-notes N        zoveel notities per werksessie (standaard en\n"
"                       hoogstens %d)\n"
"  --max-questions N    zoveel eigen vragen per werksessie (standaard en\n"
"                       hoogstens %d)\n"
"  --max-activities N   zoveel activiteiten per werksessie (standaard en\n"
"                       hoogstens %d)\n"
"  --max-actions N      zoveel acties per werksessie (standaard en\n"
"                       hoogstens %d)\n"
"                       Deze grenzen kunnen alleen lager. Na een herstart\n"
"                       met lagere grenzen houdt een werksessie wat ze al\n"
"                       heeft; alleen wat erbij komt, moet erbinnen passen.\n"
"  --lang nl|en         de taal van de meldingen: nl (Nederlands) of en\n"
"                       (Engels); zonder: die van AANDESLAG_LANG of van de\n"
"                       locale als die Nederlands of Engels is, anders\n"
"                       Nederlands\n"
"  --help               deze hulp\n"
"  --version            versie\n"
"\n"
"Onderhoud: aandeslag-server list|delete CODE|purge --older-than DAGEN|\n"
"          backup BESTAND [--data MAP]; zie aandeslag-server list --help\n"
"Export:    aandeslag-server export --room CODE --format FORMAAT\n"
"          [--output BESTAND]; zie aandeslag-server export --help\n"),
	        MODEL_NOTE_MAX, MODEL_NAME_MAX, MODEL_NOTES_MAX,
	        MODEL_QUESTIONS_MAX, MODEL_ACTIVITIES_MAX, MODEL_ACTIONS_MAX);
}

/* Reads a size such as "200", "200M", "512K" or "2G"; a bare number is
 * in megabytes. */
static int
parse_size(const char *arg, uint64_t *out)
{
	char digits[32];
	size_t len = strlen(arg);
	uint64_t unit = 1024 * 1024;
	long long v;

	if (len == 0 || len >= sizeof digits)
		return -EINVAL;
	memcpy(digits, arg, len + 1);
	switch (digits[len - 1]) {
	case 'K': case 'k': unit = 1024; digits[--len] = '\0'; break;
	case 'M': case 'm': digits[--len] = '\0'; break;
	case 'G': case 'g': unit = 1024 * 1024 * 1024; digits[--len] = '\0'; break;
	default: break;
	}
	if (number_parse(digits, 64, (long long)1 << 40, &v) < 0)
		return -EINVAL;
	*out = (uint64_t)v * unit;
	return 0;
}

/* Reads a limit of the rooms: 1 up to the model's ceiling, which it can
 * only lower. */
static int
parse_limit(const char *arg, long long ceiling, size_t *out)
{
	long long v;

	if (number_parse(arg, 1, ceiling, &v) < 0)
		return -EINVAL;
	*out = (size_t)v;
	return 0;
}

/* Raises the soft limit on open files to the hard one, and lowers
 * --max-conns to what that leaves (saying so), so that a connection too
 * many is refused with a reason instead of failing to be accepted. */
static void
fit_open_files(struct server_options *opts)
{
	struct rlimit rl, want;
	size_t fit;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return;
	if (rl.rlim_cur != rl.rlim_max) {
		want = rl;
		want.rlim_cur = rl.rlim_max;
		/* macOS refuses more than OPEN_MAX: then the soft limit
		 * stays. */
		if (setrlimit(RLIMIT_NOFILE, &want) == 0)
			rl = want;
	}
	if (rl.rlim_cur == RLIM_INFINITY ||
	    rl.rlim_cur >= (rlim_t)(opts->max_conns + NOFILE_SPARE))
		return;
	fit = rl.rlim_cur > 2 * NOFILE_SPARE ?
	      (size_t)rl.rlim_cur - NOFILE_SPARE : NOFILE_SPARE;
	fprintf(stderr, _("aandeslag-server: hoogstens %zu verbindingen: er "
	                  "mogen %llu bestanden open zijn (ulimit -n)\n"),
	        fit, (unsigned long long)rl.rlim_cur);
	opts->max_conns = fit;
}

int
main(int argc, char **argv)
{
	enum { OPT_LISTEN = 256, OPT_PORT, OPT_GRACE, OPT_QUEUE, OPT_ROOMS,
	       OPT_CONTENT, OPT_IDLE, OPT_DATA, OPT_SYNC, OPT_MAXDB,
	       OPT_RETENTION, OPT_SSH_ACCOUNT, OPT_NO_DISCOVERY, OPT_HELP,
	       OPT_VERSION, OPT_JOIN_BURST, OPT_JOIN_WAIT, OPT_JOIN_WAIT_MAX,
	       OPT_JOIN_GLOBAL, OPT_CONNS_PER_ADDRESS, OPT_CONNS,
	       OPT_COMMAND_RATE, OPT_COMMAND_BURST, OPT_TLS, OPT_TLS_CERT,
	       OPT_TLS_KEY, OPT_MAX_TEXT, OPT_MAX_NAME, OPT_MAX_NOTES,
	       OPT_MAX_QUESTIONS, OPT_MAX_ACTIVITIES, OPT_MAX_ACTIONS,
	       OPT_MAX_FRAME };
	static const struct option options[] = {
		{ "listen", required_argument, NULL, OPT_LISTEN },
		{ "port", required_argument, NULL, OPT_PORT },
		{ "seat-grace", required_argument, NULL, OPT_GRACE },
		{ "send-queue", required_argument, NULL, OPT_QUEUE },
		{ "max-frame", required_argument, NULL, OPT_MAX_FRAME },
		{ "max-rooms", required_argument, NULL, OPT_ROOMS },
		{ "content", required_argument, NULL, OPT_CONTENT },
		{ "idle-timeout", required_argument, NULL, OPT_IDLE },
		{ "data", required_argument, NULL, OPT_DATA },
		{ "sync", required_argument, NULL, OPT_SYNC },
		{ "max-db-size", required_argument, NULL, OPT_MAXDB },
		{ "retention", required_argument, NULL, OPT_RETENTION },
		{ "ssh-account", required_argument, NULL, OPT_SSH_ACCOUNT },
		{ "no-discovery", no_argument, NULL, OPT_NO_DISCOVERY },
		{ "join-burst", required_argument, NULL, OPT_JOIN_BURST },
		{ "join-wait", required_argument, NULL, OPT_JOIN_WAIT },
		{ "join-wait-max", required_argument, NULL, OPT_JOIN_WAIT_MAX },
		{ "join-global", required_argument, NULL, OPT_JOIN_GLOBAL },
		{ "max-conns-per-address", required_argument, NULL,
		  OPT_CONNS_PER_ADDRESS },
		{ "max-conns", required_argument, NULL, OPT_CONNS },
		{ "command-rate", required_argument, NULL, OPT_COMMAND_RATE },
		{ "command-burst", required_argument, NULL, OPT_COMMAND_BURST },
		{ "tls", required_argument, NULL, OPT_TLS },
		{ "tls-cert", required_argument, NULL, OPT_TLS_CERT },
		{ "tls-key", required_argument, NULL, OPT_TLS_KEY },
		{ "max-text", required_argument, NULL, OPT_MAX_TEXT },
		{ "max-name", required_argument, NULL, OPT_MAX_NAME },
		{ "max-notes", required_argument, NULL, OPT_MAX_NOTES },
		{ "max-questions", required_argument, NULL, OPT_MAX_QUESTIONS },
		{ "max-activities", required_argument, NULL, OPT_MAX_ACTIVITIES },
		{ "max-actions", required_argument, NULL, OPT_MAX_ACTIONS },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	struct server_options opts;
	struct lang_env env;
	const char *lang;
	static struct server srv;
	uv_loop_t loop;
	long long v;
	int opt, rc;

	setlocale(LC_ALL, "");
	/* The language first, also for the maintenance commands (which
	 * never see --lang). */
	lang_bind();
	rc = lang_take_option(&argc, argv, &lang);
	lang_env_read(&env);
	lang_apply(lang_choose(lang, &env));
	if (rc < 0 || (lang != NULL && lang_parse(lang) == NULL)) {
		fprintf(stderr, "%s\n", _("aandeslag-server: --lang verwacht nl of en."));
		return 2;
	}
	/* What the server writes (the database, its WAL, a backup) holds
	 * colleagues' names and words: for the user running it alone. */
	umask(077);
	server_options_default(&opts);
	if (argc > 1 && admin_is_command(argv[1]))
		return admin_main(argc, argv);
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
		case OPT_MAX_FRAME:
			if (number_parse(optarg, SERVER_MIN_CLIENT_FRAME,
			                 FRAME_MAX_CLIENT, &v) < 0)
				goto bad;
			opts.max_client_frame = (uint32_t)v;
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
		case OPT_DATA:
			opts.data_dir = optarg;
			break;
		case OPT_SYNC:
			if (strcmp(optarg, "full") == 0)
				opts.sync = STORE_SYNC_FULL;
			else if (strcmp(optarg, "normal") == 0)
				opts.sync = STORE_SYNC_NORMAL;
			else
				goto bad;
			break;
		case OPT_MAXDB:
			if (parse_size(optarg, &opts.max_db_bytes) < 0)
				goto bad;
			break;
		case OPT_RETENTION:
			if (number_parse(optarg, 0, 100000, &v) < 0)
				goto bad;
			opts.retention_ms = v * 24 * 3600 * 1000;
			break;
		case OPT_SSH_ACCOUNT:
			if (strcmp(optarg, "none") == 0)
				opts.ssh_account = "";
			else if (sshacct_valid(optarg))
				opts.ssh_account = optarg;
			else
				goto bad;
			break;
		case OPT_NO_DISCOVERY:
			opts.discovery = false;
			break;
		case OPT_JOIN_BURST:
			if (number_parse(optarg, 1, 1000, &v) < 0)
				goto bad;
			opts.guard.burst = (uint32_t)v;
			break;
		case OPT_JOIN_WAIT:
			if (number_parse(optarg, 1, 3600, &v) < 0)
				goto bad;
			opts.guard.wait_ms = v * 1000;
			break;
		case OPT_JOIN_WAIT_MAX:
			if (number_parse(optarg, 1, 24 * 3600, &v) < 0)
				goto bad;
			opts.guard.wait_max_ms = v * 1000;
			break;
		case OPT_JOIN_GLOBAL:
			if (number_parse(optarg, 0, 60000, &v) < 0)
				goto bad;
			opts.guard.global_per_minute = (uint32_t)v;
			break;
		case OPT_CONNS_PER_ADDRESS:
			if (number_parse(optarg, 1, CONNLIMIT_MAX, &v) < 0)
				goto bad;
			opts.max_conns_per_address = (size_t)v;
			break;
		case OPT_CONNS:
			if (number_parse(optarg, 1, CONNLIMIT_MAX, &v) < 0)
				goto bad;
			opts.max_conns = (size_t)v;
			break;
		case OPT_COMMAND_RATE:
			if (number_parse(optarg, 1, 1000000, &v) < 0)
				goto bad;
			opts.command_rate = (uint32_t)v;
			break;
		case OPT_COMMAND_BURST:
			if (number_parse(optarg, SERVER_MIN_COMMAND_BURST,
			                 1000000, &v) < 0)
				goto bad;
			opts.command_burst = (uint32_t)v;
			break;
		case OPT_TLS:
			if (strcmp(optarg, "on") == 0)
				opts.tls = SERVER_TLS_ON;
			else if (strcmp(optarg, "required") == 0)
				opts.tls = SERVER_TLS_REQUIRED;
			else if (strcmp(optarg, "off") == 0)
				opts.tls = SERVER_TLS_OFF;
			else
				goto bad;
			break;
		case OPT_TLS_CERT:
			opts.tls_cert = optarg;
			break;
		case OPT_TLS_KEY:
			opts.tls_key = optarg;
			break;
		case OPT_MAX_TEXT:
			if (parse_limit(optarg, MODEL_NOTE_MAX,
			                &opts.limits.text_max) < 0)
				goto bad;
			break;
		case OPT_MAX_NAME:
			if (parse_limit(optarg, MODEL_NAME_MAX,
			                &opts.limits.name_max) < 0)
				goto bad;
			break;
		case OPT_MAX_NOTES:
			if (parse_limit(optarg, MODEL_NOTES_MAX,
			                &opts.limits.notes_max) < 0)
				goto bad;
			break;
		case OPT_MAX_QUESTIONS:
			if (parse_limit(optarg, MODEL_QUESTIONS_MAX,
			                &opts.limits.questions_max) < 0)
				goto bad;
			break;
		case OPT_MAX_ACTIVITIES:
			if (parse_limit(optarg, MODEL_ACTIVITIES_MAX,
			                &opts.limits.activities_max) < 0)
				goto bad;
			break;
		case OPT_MAX_ACTIONS:
			if (parse_limit(optarg, MODEL_ACTIONS_MAX,
			                &opts.limits.actions_max) < 0)
				goto bad;
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
	if ((opts.tls_cert == NULL) != (opts.tls_key == NULL)) {
		fprintf(stderr, _("aandeslag-server: --tls-cert en --tls-key "
		                  "horen bij elkaar\n"));
		return 2;
	}
	fit_open_files(&opts);
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
