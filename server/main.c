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
#include "server.h"
#include "serverconf.h"
#include "serveropt.h"

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
"  --config BESTAND     lees eerst de instellingen in BESTAND (standaard\n"
"                       %s, als dat er is):\n"
"                       regels sleutel = waarde, met de namen van de\n"
"                       opties hier zonder --, en discovery = no voor\n"
"                       --no-discovery; de opties op de opdrachtregel\n"
"                       gaan voor\n"
"  --no-config          lees geen instellingenbestand\n"
"  --help               deze hulp\n"
"  --version            versie\n"
"\n"
"Onderhoud: aandeslag-server list|delete CODE|purge --older-than DAGEN|\n"
"          backup BESTAND [--data MAP]; zie aandeslag-server list --help\n"
"Export:    aandeslag-server export --room CODE --format FORMAAT\n"
"          [--output BESTAND]; zie aandeslag-server export --help\n"),
	        MODEL_NOTE_MAX, MODEL_NAME_MAX, MODEL_NOTES_MAX,
	        MODEL_QUESTIONS_MAX, MODEL_ACTIVITIES_MAX, MODEL_ACTIONS_MAX,
	        SERVER_CONF_FILE);
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

/* Reads the command line and the config file into opts: the file first,
 * then the options given, which win over it. Each value goes through
 * serveropt_set() in both. Returns -1 to go on, or the exit status after
 * --help, --version or a mistake (said on stderr). The file's values
 * stay in conf, for opts to point to. */
static int
read_options(int argc, char **argv, struct server_options *opts,
             struct serverconf *conf)
{
	enum { OPT_CONFIG = 256, OPT_NO_CONFIG, OPT_NO_DISCOVERY, OPT_HELP,
	       OPT_VERSION, OPT_TABLE };
	static const struct option fixed[] = {
		{ "config", required_argument, NULL, OPT_CONFIG },
		{ "no-config", no_argument, NULL, OPT_NO_CONFIG },
		{ "no-discovery", no_argument, NULL, OPT_NO_DISCOVERY },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
	};
	const size_t nfixed = sizeof fixed / sizeof fixed[0];
	size_t i, n = serveropt_count(), ngiven = 0;
	struct option *options;
	struct { const char *name, *value; } *given;
	struct server_options check = *opts;
	const char *config = NULL, *name, *value;
	char err[SERVERCONF_ERROR_SIZE];
	bool no_config = false;
	int opt, rc, status = 2;

	/* The table's options, then those of the command line alone. */
	options = calloc(n + nfixed + 1, sizeof *options);
	given = calloc((size_t)argc, sizeof *given);
	if (options == NULL || given == NULL) {
		status = 1;
		goto out;
	}
	for (i = 0; i < n; i++) {
		options[i].name = serveropt_name(i);
		options[i].has_arg = required_argument;
		options[i].val = OPT_TABLE + (int)i;
	}
	memcpy(options + n, fixed, sizeof fixed);
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (opt >= OPT_TABLE) {
			name = serveropt_name((size_t)(opt - OPT_TABLE));
			value = optarg;
		} else {
			switch (opt) {
			case OPT_CONFIG:
				config = optarg;
				continue;
			case OPT_NO_CONFIG:
				no_config = true;
				continue;
			case OPT_NO_DISCOVERY:
				name = "discovery";
				value = "no";
				break;
			case OPT_HELP:
				usage(stdout, opts);
				status = 0;
				goto out;
			case OPT_VERSION:
				printf("aandeslag-server %s\n", PACKAGE_VERSION);
				status = 0;
				goto out;
			default:
				usage(stderr, opts);
				goto out;
			}
		}
		/* Checked now, so that a mistake here is told before the
		 * file is read; applied after it. */
		if (serveropt_set(&check, name, value) < 0) {
			fprintf(stderr, _("aandeslag-server: ongeldige waarde voor een optie: %s\n"),
			        value);
			goto out;
		}
		given[ngiven].name = name;
		given[ngiven++].value = value;
	}
	if (optind < argc) {
		fprintf(stderr, _("aandeslag-server: onverwacht argument: %s\n"),
		        argv[optind]);
		goto out;
	}
	if (config != NULL && no_config) {
		fprintf(stderr, _("aandeslag-server: --config en --no-config "
		                  "gaan niet samen\n"));
		goto out;
	}
	if (!no_config) {
		/* Only the default file may be missing. */
		rc = serverconf_read(conf, config ? config : SERVER_CONF_FILE,
		                     opts, err);
		if (rc < 0 && (rc != -ENOENT || config != NULL)) {
			fprintf(stderr, "aandeslag-server: %s\n", err);
			goto out;
		}
	}
	for (i = 0; i < ngiven; i++)
		serveropt_set(opts, given[i].name, given[i].value);
	if ((opts->tls_cert == NULL) != (opts->tls_key == NULL)) {
		fprintf(stderr, _("aandeslag-server: --tls-cert en --tls-key "
		                  "horen bij elkaar\n"));
		goto out;
	}
	status = -1;
out:
	free(options);
	free(given);
	return status;
}

int
main(int argc, char **argv)
{
	struct server_options opts;
	struct lang_env env;
	const char *lang;
	struct serverconf conf = { 0 };
	static struct server srv;
	uv_loop_t loop;
	int rc;

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
	rc = read_options(argc, argv, &opts, &conf);
	if (rc >= 0) {
		serverconf_free(&conf);
		return rc;
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
	serverconf_free(&conf);
	return rc == 0 ? 0 : 1;
}
