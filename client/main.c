/* aandeslag: the client. Options, then the line mode or the full-screen
 * poster, which share the connection and the parser. */
#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "i18n.h"
#include "lang.h"
#include "number.h"
#include "clientconf.h"
#include "discover.h"
#include "netcheck.h"
#include "plain.h"
#include "plan.h"
#include "sshgate.h"
#include "tls.h"
#include "trust.h"
#include "tui.h"

#define CLIENT_DEFAULT_PORT 7557
/* How long a lost connection is tried again, in seconds. */
#define CLIENT_DEFAULT_RECONNECT 600

static void
usage(FILE *out)
{
	fprintf(out, "%s", _(
"Gebruik: aandeslag [CODE] [--host SERVER] [--port N] [--name NAAM]\n"
"                   [--new-room TITEL | --room CODE] [--view] [--plain]\n"
"                   [--timeout SEC] [--reconnect SEC] [--chair-code CODE]\n"
"                   [--new-workshop TITEL --rooms N | --workshop-file BESTAND]\n"
"                   [--groep GROEP] [--facilitator-code CODE]\n"
"                   [--password WACHTWOORD]\n"
"       aandeslag --check [SERVER[:POORT]] [--timeout SEC]\n"
"       aandeslag --ssh   (de vaste opdracht van het SSH-account)\n"
"Zonder --plain: het volledige scherm, dat vraagt wat nog ontbreekt.\n"
"Doe mee aan een werksessie \"Aan de slag met internationalisering\".\n"
"\n"
"  --host SERVER     naam of adres van de server (standaard: die van de\n"
"                    vorige keer, AANDESLAG_SERVER, ~/.config/aandeslag/\n"
"                    client.conf of /etc/aandeslag/client.conf; is niets\n"
"                    ingesteld, dan zoekt aandeslag de server op het\n"
"                    netwerk, tenzij AANDESLAG_DISCOVERY=0 of\n"
"                    discovery = no in client.conf)\n"
"  --port N          poort van de server (standaard 7557)\n"
"  --name NAAM       je naam zoals de anderen hem zien\n"
"  --new-room TITEL  maak een nieuwe werksessie; jij bent de voorzitter\n"
"  --room CODE       doe mee aan de werksessie met deze code\n"
"  --view            de beamer: groot, alleen kijken, zonder plek aan tafel\n"
"  --plain           regelmodus: opdrachten op de invoer, gebeurtenissen\n"
"                    als regels op de uitvoer\n"
"  --timeout SEC     regelmodus: wacht na het einde van de invoer zo lang\n"
"                    op antwoord (standaard 10); telt alleen terwijl er\n"
"                    verbinding is, en begint opnieuw als die terug is\n"
"  --reconnect SEC   valt de verbinding weg, probeer dan zo lang opnieuw\n"
"                    te verbinden (standaard 600; 0: nooit); opdrachten\n"
"                    wachten zolang en gaan daarna precies \xc3\xa9\xc3\xa9n keer\n"
"                    mee\n"
"  --chair-code CODE de voorzitterscode die je kreeg toen je de werksessie\n"
"                    maakte: je komt terug als voorzitter, ook vanaf een\n"
"                    andere laptop\n"
"  --password WACHTWOORD  het wachtwoord van de werksessie, als de\n"
"                    voorzitter er een instelde (ook: AANDESLAG_PASSWORD,\n"
"                    dan staat het niet in de lijst van processen)\n"
"\n"));
	fprintf(out, "%s", _(
"Studiedagen (meer groepen onder een code, zie docs/studiedag.md):\n"
"  --new-workshop TITEL  maak een studiedag; jij bent de begeleider\n"
"  --rooms N         met zoveel groepen (1 tot 12; standaard 2)\n"
"  --workshop-file BESTAND  maak een studiedag volgens een voorbereid plan\n"
"                    (YAML: groepen, indeling, rooster)\n"
"  --groep GROEP     doe mee in deze groep van de studiedag (naam of\n"
"                    nummer); zonder: waar de begeleider je indeelde,\n"
"                    anders in de groep met de minste deelnemers\n"
"  --facilitator-code CODE  kom terug als begeleider van de studiedag\n"
"  --check [SERVER[:POORT]]  controleer stap voor stap of deze laptop de\n"
"                    server bereikt: de naam, de poort, de kennismaking;\n"
"                    zegt bij een probleem wat het betekent en wat je IT\n"
"                    vraagt (zonder SERVER: de standaardserver, zie\n"
"                    --host; --timeout SEC: wachttijd per stap,\n"
"                    standaard 5)\n"
"  --fingerprint VINGERAFDRUK  de vingerafdruk van de server zoals de\n"
"                    voorzitter hem voorleest (XXXX-XXXX-XXXX-XXXX): de\n"
"                    verbinding gaat alleen door als de server die heeft\n"
"  --forget-server SERVER[:POORT]  vergeet de vingerafdruk van een server\n"
"                    (na een nieuwe installatie van de server)\n"
"  --no-tls          zonder versleuteling, voor een server met --tls off\n"
"                    (iedereen op het netwerk kan dan meelezen)\n"
"  --ssh             voor het SSH-account (aandeslag-ssh-setup): het\n"
"                    volledige scherm met de vaste server, zonder\n"
"                    bewaarde plek; exports klaar om op te halen met scp\n"
"  --lang nl|en      de taal: nl (Nederlands) of en (Engels); zonder: die\n"
"                    van AANDESLAG_LANG of van de locale als die Nederlands\n"
"                    of Engels is, anders Nederlands (volledig scherm: F2\n"
"                    of L wisselt)\n"
"  --help            deze hulp\n"
"  --version         versie\n"
"\n"
"Je plek wordt bewaard in ~/.local/state/aandeslag/tokens (of\n"
"$XDG_STATE_HOME/aandeslag/tokens): start je opnieuw met dezelfde server,\n"
"code en naam, dan kom je terug als dezelfde deelnemer.\n"
"De verbinding is versleuteld (TLS). De eerste keer onthoudt aandeslag de\n"
"vingerafdruk van de server in ~/.local/state/aandeslag/known_servers;\n"
"vergelijk hem met wat de voorzitter voorleest. Toont de server later een\n"
"andere, dan verbindt aandeslag niet.\n"
"\n"
"Afsluitcodes: 0 alles aanvaard, 1 iets geweigerd, 2 geen verbinding of\n"
"niet toegelaten (of verkeerde opties, of deze deelnemer is al open in een\n"
"ander programma), 3 geen antwoord binnen de tijd of verbinding verbroken\n"
"(en opnieuw verbinden lukte niet).\n"
"Met --check: 0 alles in orde, 1 een probleem gevonden, 2 verkeerde opties.\n"));
}

/* aandeslag --check: server is the SERVER[:POORT] given with it, if any,
 * which wins over --host and --port; default_origin says where the
 * default server came from (clientconf_server()); extra counts the
 * arguments left over. Returns the exit code. */
static int
run_check(const struct net_options *o, const char *server,
          const char *default_origin, bool host_given, bool port_given,
          bool search, int extra, long long timeout_ms)
{
	char host[CLIENTCONF_HOST_SIZE], both[CLIENTCONF_ORIGIN_SIZE + 64];
	int port = o->port;
	const char *origin;
	struct discover_result found;

	if (extra > 0) {
		fprintf(stderr, "%s\n", _("aandeslag: --check neemt hooguit \xc3\xa9\xc3\xa9n server, als SERVER of SERVER:POORT."));
		return PLAIN_NO_JOIN;
	}
	if (server != NULL) {
		if (clientconf_split(server, host, &port) < 0) {
			fprintf(stderr, _("aandeslag: ongeldige server: %s (verwacht SERVER of SERVER:POORT)\n"),
			        server);
			return PLAIN_NO_JOIN;
		}
		origin = _("opgegeven");
	} else if (search) {
		/* Nothing configured: what a client would find on the LAN. */
		printf("%s\n", _("Server zoeken op het netwerk\xe2\x80\xa6"));
		fflush(stdout);
		if (discover_run(NULL, port, DISCOVER_TIMEOUT_MS, &found) == 0) {
			printf(_("Server gevonden op het netwerk: %s\n"),
			       found.host);
			snprintf(host, sizeof host, "%s", found.host);
			port = found.port;
			origin = _("gevonden op het netwerk");
		} else {
			printf("%s\n", _("Geen server gevonden op het netwerk; vraag IT om de servernaam in /etc/aandeslag/client.conf te zetten (of AANDESLAG_SERVER)."));
			snprintf(host, sizeof host, "%s", o->host);
			origin = _("niets ingesteld en niets gevonden: deze computer");
		}
	} else {
		snprintf(host, sizeof host, "%s", o->host);
		origin = default_origin;
		if (host_given) {
			origin = _("opgegeven");
		} else if (port_given) {
			snprintf(both, sizeof both, _("%s; poort opgegeven"),
			         default_origin);
			origin = both;
		}
	}
	return netcheck_run(host, port, origin, timeout_ms, !o->no_tls);
}

/* aandeslag --ssh, the SSH account's forced command: a download or a
 * refusal ends here; a login gets the full screen with the account's
 * server, in UTF-8 whatever locale sshd left us. */
static int
run_ssh(struct tui_options *full)
{
	static char downloads[4096];
	const char *codeset;
	int rc = sshgate_serve();

	if (rc >= 0)
		return rc;
	codeset = nl_langinfo(CODESET);
	if (strcmp(codeset, "UTF-8") != 0 && strcmp(codeset, "utf8") != 0 &&
	    setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "C.UTF-8");
	if (sshgate_downloads(downloads, sizeof downloads) < 0) {
		fprintf(stderr, "%s\n", _("aandeslag: het SSH-account heeft geen thuismap; vraag IT om aandeslag-ssh-setup opnieuw te draaien."));
		return 2;
	}
	sshgate_sweep(downloads, time(NULL), SSHGATE_KEEP_SECONDS);
	full->downloads = downloads;
	return tui_run(full);
}

/* aandeslag --forget-server HOST[:PORT]: the next connection to that
 * server trusts the fingerprint it shows, as the first one did. A port
 * only when one is written; else every port of host. */
static int
forget_server(const char *server)
{
	char host[CLIENTCONF_HOST_SIZE];
	int port = 0;
	size_t removed = 0;
	int rc;

	if (clientconf_split(server, host, &port) < 0) {
		fprintf(stderr, _("aandeslag: ongeldige server: %s (verwacht SERVER of SERVER:POORT)\n"),
		        server);
		return PLAIN_NO_JOIN;
	}
	rc = trust_forget(NULL, host, port, &removed);
	if (rc < 0) {
		fprintf(stderr, _("aandeslag: kan de lijst met bekende servers niet aanpassen: %s\n"),
		        strerror(-rc));
		return 1;
	}
	if (removed == 0)
		printf(_("%s stond niet in de lijst met bekende servers.\n"),
		       server);
	else
		printf(_("%s vergeten: de volgende verbinding vertrouwt de vingerafdruk die de server dan laat zien. Vergelijk die met de voorzitter.\n"),
		       server);
	return 0;
}

/* The line mode without a configured server: looks on the LAN for the
 * server with o's code (any server for a new room or workshop) and points
 * o at it, or leaves o at localhost; says which on stderr. host is where
 * o->host points. */
static void
find_server(struct net_options *o, char host[CLIENTCONF_HOST_SIZE])
{
	struct discover_result found;

	fprintf(stderr, "aandeslag: %s\n",
	        _("server zoeken op het netwerk\xe2\x80\xa6"));
	if (discover_run(o->room, o->port, DISCOVER_TIMEOUT_MS, &found) < 0) {
		fprintf(stderr, "aandeslag: %s\n", _("geen server gevonden op het netwerk; ik probeer deze computer (localhost)."));
		return;
	}
	snprintf(host, CLIENTCONF_HOST_SIZE, "%s", found.host);
	o->host = host;
	o->port = found.port;
	if (o->room != NULL && !found.holds_code)
		fprintf(stderr, _("aandeslag: server gevonden op het netwerk: %s poort %d, maar geen server kent code %s.\n"),
		        found.host, found.port, o->room);
	else
		fprintf(stderr, _("aandeslag: server gevonden op het netwerk: %s poort %d\n"),
		        found.host, found.port);
}

int
main(int argc, char **argv)
{
	enum { OPT_HOST = 256, OPT_PORT, OPT_NAME, OPT_NEW_ROOM, OPT_ROOM,
	       OPT_VIEW, OPT_PLAIN, OPT_TIMEOUT, OPT_RECONNECT, OPT_CHAIR_CODE,
	       OPT_NEW_WORKSHOP, OPT_ROOMS, OPT_WORKSHOP_FILE, OPT_GROUP,
	       OPT_FACILITATOR_CODE, OPT_PASSWORD, OPT_CHECK, OPT_SSH, OPT_HELP,
	       OPT_VERSION, OPT_NO_TLS, OPT_FINGERPRINT, OPT_FORGET };
	static const struct option options[] = {
		{ "host", required_argument, NULL, OPT_HOST },
		{ "port", required_argument, NULL, OPT_PORT },
		{ "name", required_argument, NULL, OPT_NAME },
		{ "new-room", required_argument, NULL, OPT_NEW_ROOM },
		{ "room", required_argument, NULL, OPT_ROOM },
		{ "view", no_argument, NULL, OPT_VIEW },
		{ "plain", no_argument, NULL, OPT_PLAIN },
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "reconnect", required_argument, NULL, OPT_RECONNECT },
		{ "chair-code", required_argument, NULL, OPT_CHAIR_CODE },
		{ "new-workshop", required_argument, NULL, OPT_NEW_WORKSHOP },
		{ "rooms", required_argument, NULL, OPT_ROOMS },
		{ "workshop-file", required_argument, NULL, OPT_WORKSHOP_FILE },
		{ "groep", required_argument, NULL, OPT_GROUP },
		{ "group", required_argument, NULL, OPT_GROUP },
		{ "facilitator-code", required_argument, NULL,
		  OPT_FACILITATOR_CODE },
		{ "password", required_argument, NULL, OPT_PASSWORD },
		{ "wachtwoord", required_argument, NULL, OPT_PASSWORD },
		{ "check", optional_argument, NULL, OPT_CHECK },
		{ "ssh", no_argument, NULL, OPT_SSH },
		{ "no-tls", no_argument, NULL, OPT_NO_TLS },
		{ "fingerprint", required_argument, NULL, OPT_FINGERPRINT },
		{ "vingerafdruk", required_argument, NULL, OPT_FINGERPRINT },
		{ "forget-server", required_argument, NULL, OPT_FORGET },
		{ "vergeet-server", required_argument, NULL, OPT_FORGET },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	static const uint8_t zero_fp[TLS_FP_SIZE];
	struct net_options o = { 0 };
	struct tui_options full = { 0 };
	char default_host[CLIENTCONF_HOST_SIZE];
	char conf_error[CLIENTCONF_ERROR_SIZE];
	char default_origin[CLIENTCONF_ORIGIN_SIZE];
	long long v, timeout = 10, reconnect = CLIENT_DEFAULT_RECONNECT;
	long long rooms = 0;
	bool plain = false, host_given = false, port_given = false;
	bool check = false, timeout_given = false, ssh = false;
	bool fallback = false, search;
	const char *check_server = NULL, *lang;
	struct lang_env env;
	const char *new_workshop = NULL, *workshop_file = NULL;
	char plan_error[PLAN_ERROR_SIZE];
	struct plan plan = { 0 };
	int opt, rc;

	/* A server that goes away while we write must end in a message and
	 * exit code 3, not in a silent SIGPIPE. */
	signal(SIGPIPE, SIG_IGN);
	setlocale(LC_ALL, "");
	/* The language first, so that every message, even about the other
	 * options, is in it. */
	lang_bind();
	rc = lang_take_option(&argc, argv, &lang);
	lang_env_read(&env);
	lang_apply(lang_choose(lang, &env));
	if (rc < 0 || (lang != NULL && lang_parse(lang) == NULL)) {
		fprintf(stderr, "%s\n", _("aandeslag: --lang verwacht nl of en."));
		return PLAIN_NO_JOIN;
	}
	o.port = CLIENT_DEFAULT_PORT;
	/* Without --host: the server of last time, AANDESLAG_SERVER, or a
	 * config file (see clientconf.h); a broken config file is named but
	 * does not stop us. */
	if (clientconf_find(default_host, &o.port, conf_error, default_origin,
	                    &fallback) < 0)
		fprintf(stderr, "aandeslag: %s\n", conf_error);
	o.host = default_host;
	o.no_tls = !clientconf_tls();
	/* The room's password: the environment keeps it out of ps. */
	o.password = getenv("AANDESLAG_PASSWORD");
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case OPT_HOST:
			o.host = optarg;
			host_given = true;
			break;
		case OPT_PORT:
			if (number_parse(optarg, 1, 65535, &v) < 0)
				goto bad_value;
			o.port = (int)v;
			port_given = true;
			break;
		case OPT_NAME:
			o.name = optarg;
			break;
		case OPT_NEW_ROOM:
			o.new_room = optarg;
			break;
		case OPT_ROOM:
			o.room = optarg;
			break;
		case OPT_CHAIR_CODE:
		case OPT_FACILITATOR_CODE:
			o.chair_code = optarg;
			break;
		case OPT_PASSWORD:
			o.password = optarg;
			break;
		case OPT_NEW_WORKSHOP:
			new_workshop = optarg;
			break;
		case OPT_ROOMS:
			if (number_parse(optarg, 1, PLAN_ROOMS_MAX, &v) < 0)
				goto bad_value;
			rooms = v;
			break;
		case OPT_WORKSHOP_FILE:
			workshop_file = optarg;
			break;
		case OPT_GROUP:
			o.workshop_room = optarg;
			break;
		case OPT_VIEW:
			o.viewer = true;
			break;
		case OPT_PLAIN:
			plain = true;
			break;
		case OPT_TIMEOUT:
			if (number_parse(optarg, 0, 24 * 3600, &v) < 0)
				goto bad_value;
			timeout = v;
			timeout_given = true;
			break;
		case OPT_RECONNECT:
			if (number_parse(optarg, 0, 7 * 24 * 3600, &v) < 0)
				goto bad_value;
			reconnect = v;
			break;
		case OPT_CHECK:
			check = true;
			check_server = optarg;
			break;
		case OPT_SSH:
			ssh = true;
			break;
		case OPT_NO_TLS:
			o.no_tls = true;
			break;
		case OPT_FINGERPRINT:
			if (tls_fp_matches(optarg, zero_fp) < 0)
				goto bad_value;
			o.fingerprint = optarg;
			break;
		case OPT_FORGET:
			return forget_server(optarg);
		case OPT_HELP:
			usage(stdout);
			return 0;
		case OPT_VERSION:
			printf("aandeslag %s\n", PACKAGE_VERSION);
			return 0;
		default:
			usage(stderr);
			return PLAIN_NO_JOIN;
		}
	}
	if (ssh) {
		/* The account's command line is fixed; anything the user asked
		 * for came in SSH_ORIGINAL_COMMAND, which sshgate judges. */
		full.host = o.host;
		full.port = o.port;
		full.reconnect_ms = reconnect * 1000;
		return run_ssh(&full);
	}
	/* Nothing configured and nothing typed: look on the LAN, unless IT
	 * turned that off. */
	search = fallback && !host_given && clientconf_discovery();
	if (check) {
		/* "aandeslag --check SERVER" as well as --check=SERVER. */
		if (check_server == NULL && optind < argc)
			check_server = argv[optind++];
		return run_check(&o, check_server, default_origin, host_given,
		                 port_given, search, argc - optind, timeout_given ?
		                 timeout * 1000 : NETCHECK_DEFAULT_TIMEOUT_MS);
	}
	if (new_workshop != NULL || workshop_file != NULL || rooms != 0) {
		if ((new_workshop == NULL) == (workshop_file == NULL) ||
		    o.new_room != NULL || o.room != NULL || optind < argc ||
		    o.viewer || (workshop_file != NULL && rooms != 0)) {
			fprintf(stderr, "%s\n", _("aandeslag: een studiedag maak je met --new-workshop TITEL [--rooms N] of met --workshop-file BESTAND, zonder code, --new-room of --view."));
			return PLAIN_NO_JOIN;
		}
		if (workshop_file != NULL)
			rc = plan_load(workshop_file, &plan, plan_error);
		else
			rc = plan_quick(&plan, new_workshop,
			                rooms ? (unsigned)rooms : 2);
		if (rc < 0) {
			fprintf(stderr, "aandeslag: %s\n", rc == -EINVAL &&
			        workshop_file != NULL ? plan_error :
			        _("die studiedag kan zo niet (titel, 1 tot 12 groepen)."));
			return PLAIN_NO_JOIN;
		}
		o.new_workshop = &plan.msg;
	}
	/* "aandeslag CODE" is the short way to join. */
	if (optind < argc && o.room == NULL && o.new_room == NULL &&
	    o.new_workshop == NULL)
		o.room = argv[optind++];
	if (optind < argc) {
		fprintf(stderr, _("aandeslag: onverwacht argument: %s\n"),
		        argv[optind]);
		return PLAIN_NO_JOIN;
	}
	o.reconnect_ms = reconnect * 1000;
	o.seat_file = true;
	if (o.chair_code != NULL && (o.viewer || o.new_room != NULL)) {
		fprintf(stderr, "%s\n", _("aandeslag: --chair-code hoort bij het terugkomen in een werksessie: met CODE, zonder --new-room of --view."));
		return PLAIN_NO_JOIN;
	}
	if (o.viewer && o.new_room != NULL) {
		fprintf(stderr, "%s\n", _("aandeslag: --view kan alleen met --room CODE."));
		return PLAIN_NO_JOIN;
	}
	if (!plain) {
		/* The full screen asks for what is missing. */
		full.host = host_given ? o.host : NULL;
		full.port = o.port;
		full.code = o.room;
		full.name = o.name;
		full.new_room = o.new_room;
		full.viewer = o.viewer;
		full.reconnect_ms = o.reconnect_ms;
		full.chair_code = o.chair_code;
		full.password = o.password;
		full.new_workshop = o.new_workshop;
		full.workshop_room = o.workshop_room;
		full.discover = search;
		full.no_tls = o.no_tls;
		full.fingerprint = o.fingerprint;
		rc = tui_run(&full);
		plan_free(&plan);
		return rc;
	}
	if (o.new_workshop == NULL && (o.new_room == NULL) == (o.room == NULL)) {
		fprintf(stderr, "%s\n", _("aandeslag: geef --new-room TITEL om een werksessie te maken, of --room CODE om mee te doen."));
		rc = PLAIN_NO_JOIN;
	} else if (o.name == NULL && !(o.viewer && o.room != NULL)) {
		fprintf(stderr, "%s\n", _("aandeslag: geef je naam met --name NAAM."));
		rc = PLAIN_NO_JOIN;
	} else {
		if (search)
			find_server(&o, default_host);
		rc = plain_run(&o, (unsigned)timeout);
	}
	plan_free(&plan);
	return rc;
bad_value:
	fprintf(stderr, _("aandeslag: ongeldige waarde voor een optie: %s\n"),
	        optarg);
	return PLAIN_NO_JOIN;
}
