/* The server's maintenance commands for the school's administrator:
 * which rooms are stored, deleting one, deleting the old ones, and an
 * online backup (the export of one room has a module of its own,
 * export_cmd.c). They work on the database directly; those that delete
 * refuse while a server runs on it, whose rooms live in its memory. */
#include "admin.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "aandeslag.pb-c.h"
#include "code.h"
#include "export_cmd.h"
#include "i18n.h"
#include "number.h"
#include "server.h"
#include "store.h"
#include "wsstore.h"

#define LOCK_FILE "server.lock"

int
admin_lock(const char *dir)
{
	char path[4096];
	int fd, n;

	n = snprintf(path, sizeof path, "%s/%s", dir, LOCK_FILE);
	if (n < 0 || (size_t)n >= sizeof path)
		return -ENAMETOOLONG;
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return -errno;
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		n = errno == EWOULDBLOCK ? -EBUSY : -errno;
		close(fd);
		return n;
	}
	return fd;
}

static void
format_day(int64_t ms, char out[32])
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(out, 32, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(out, 32, "?");
}

static int
list_room(void *arg, const struct store_room *r)
{
	Aandeslag__Snapshot *snap;
	char created[32], used[32];
	size_t *count = arg;

	snap = aandeslag__snapshot__unpack(NULL, r->snapshot_len, r->snapshot);
	format_day(r->created_ms, created);
	format_day(r->used_ms, used);
	printf("%s  %s  %s  %s\n", r->code, created, used,
	       snap != NULL && snap->title != NULL ? snap->title : "?");
	if (snap != NULL)
		aandeslag__snapshot__free_unpacked(snap, NULL);
	(*count)++;
	return 0;
}

/* A study day: its code, times, title and the codes of its groups
 * (which the list of rooms has too). */
static int
list_workshop(void *arg, const struct wsstore_row *row)
{
	Aandeslag__StoredWorkshop *ws;
	char created[32], used[32];
	size_t *count = arg, i;

	ws = aandeslag__stored_workshop__unpack(NULL, row->len, row->record);
	format_day(row->created_ms, created);
	format_day(row->used_ms, used);
	printf("%s  %s  %s  %s (", row->code, created, used,
	       ws != NULL && ws->title != NULL ? ws->title : "?");
	for (i = 0; ws != NULL && i < ws->n_rooms; i++)
		printf("%s%s", i ? " " : "", ws->rooms[i]->code);
	printf(")\n");
	if (ws != NULL)
		aandeslag__stored_workshop__free_unpacked(ws, NULL);
	(*count)++;
	return 0;
}

static int
cmd_list(struct store *st)
{
	size_t count = 0, workshops = 0;
	struct store_loader loader = { .room = list_room, .arg = &count };
	int rc;

	printf(_("CODE       GEMAAKT           LAATST GEBRUIKT   TITEL\n"));
	rc = store_load(st, &loader);
	if (rc < 0)
		return rc;
	printf(dngettext("aandeslag", "%zu werksessie\n", "%zu werksessies\n",
	                 count), count);
	printf("\n%s\n", _("Studiedagen (met de codes van hun groepen):"));
	rc = wsstore_load(st, list_workshop, &workshops);
	if (rc < 0)
		return rc;
	printf(dngettext("aandeslag", "%zu studiedag\n", "%zu studiedagen\n",
	                 workshops), workshops);
	return 0;
}

static int
open_for_change(const char *dir, struct store **st, int *lock)
{
	char err[512];
	int rc;

	*lock = admin_lock(dir);
	if (*lock == -EBUSY) {
		fprintf(stderr, _("aandeslag-server: er draait een server op %s; "
		                  "stop die eerst\n"), dir);
		return -EBUSY;
	}
	if (*lock < 0) {
		fprintf(stderr, "aandeslag-server: %s: %s\n", dir,
		        strerror(-*lock));
		return *lock;
	}
	rc = store_open(st, dir, STORE_SYNC_FULL, NULL, err, sizeof err);
	if (rc < 0) {
		fprintf(stderr, "aandeslag-server: %s\n", err);
		close(*lock);
	}
	return rc;
}

static int
cmd_delete(const char *dir, const char *code_in)
{
	char code[CODE_SIZE];
	struct store *st;
	int lock, rc;

	if (code_normalise(code_in, code) < 0) {
		fprintf(stderr, _("aandeslag-server: geen geldige code: %s\n"),
		        code_in);
		return 2;
	}
	if (open_for_change(dir, &st, &lock) < 0)
		return 1;
	rc = store_delete_room(st, code);
	if (rc == 0) {
		/* The texts leave the WAL file too, not only the database. */
		store_checkpoint(st, true);
		printf(_("werksessie %s verwijderd\n"), code);
	} else if (rc == -ENOENT) {
		fprintf(stderr, _("aandeslag-server: geen werksessie met code %s\n"),
		        code);
	} else {
		fprintf(stderr, "aandeslag-server: %s\n", store_error(st));
	}
	store_close(st);
	close(lock);
	return rc == 0 ? 0 : 1;
}

static int
cmd_purge(const char *dir, long long days)
{
	struct store *st;
	size_t count = 0;
	int lock, rc;

	if (open_for_change(dir, &st, &lock) < 0)
		return 1;
	rc = store_purge(st, server_wall_ms() - days * 24 * 3600 * 1000,
	                 &count);
	if (rc == 0) {
		store_checkpoint(st, true);
		printf(dngettext("aandeslag", "%zu werksessie verwijderd\n",
		                 "%zu werksessies verwijderd\n", count), count);
	} else {
		fprintf(stderr, "aandeslag-server: %s\n", store_error(st));
	}
	store_close(st);
	close(lock);
	return rc == 0 ? 0 : 1;
}

static void
usage(FILE *out)
{
	fprintf(out, _(
"Gebruik: aandeslag-server list [--data MAP]\n"
"         aandeslag-server delete CODE [--data MAP]\n"
"         aandeslag-server purge --older-than DAGEN [--data MAP]\n"
"         aandeslag-server backup BESTAND [--data MAP]\n"
"         aandeslag-server export --room CODE --format FORMAAT\n"
"             [--output BESTAND] [--data MAP] [--content BESTAND]\n"
"\n"
"  list     de opgeslagen werksessies: code, gemaakt, laatst gebruikt, titel\n"
"  delete   verwijdert een werksessie met alles erin (server gestopt)\n"
"  purge    verwijdert de werksessies die zo lang niet gebruikt zijn\n"
"           (server gestopt)\n"
"  backup   kopieert de gegevens naar BESTAND, ook terwijl de server draait\n"
"  export   schrijft een werksessie uit, ook terwijl de server draait;\n"
"           zie aandeslag-server export --help\n"));
}

int
admin_main(int argc, char **argv)
{
	enum { OPT_DATA = 256, OPT_OLDER };
	static const struct option options[] = {
		{ "data", required_argument, NULL, OPT_DATA },
		{ "older-than", required_argument, NULL, OPT_OLDER },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *what = argv[1], *dir = NULL;
	char dirbuf[4096], err[512];
	long long days = -1;
	struct store *st;
	int opt, rc;

	if (strcmp(what, "export") == 0)
		return export_cmd_main(argc, argv);
	optind = 2;
	while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (opt) {
		case OPT_DATA:
			dir = optarg;
			break;
		case OPT_OLDER:
			if (number_parse(optarg, 0, 100000, &days) < 0) {
				fprintf(stderr, _("aandeslag-server: ongeldig aantal dagen: %s\n"),
				        optarg);
				return 2;
			}
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (dir == NULL) {
		if (server_default_data_dir(dirbuf, sizeof dirbuf) < 0) {
			usage(stderr);
			return 2;
		}
		dir = dirbuf;
	}
	if (strcmp(what, "delete") == 0 || strcmp(what, "backup") == 0) {
		if (optind + 1 != argc) {
			usage(stderr);
			return 2;
		}
		if (what[0] == 'd')
			return cmd_delete(dir, argv[optind]);
	} else if (optind != argc) {
		usage(stderr);
		return 2;
	}
	if (strcmp(what, "purge") == 0) {
		if (days < 0) {
			usage(stderr);
			return 2;
		}
		return cmd_purge(dir, days);
	}
	rc = store_open_readonly(&st, dir, err, sizeof err);
	if (rc == -ENOENT) {
		fprintf(stderr, _("aandeslag-server: geen gegevens in %s\n"), dir);
		return 1;
	}
	if (rc < 0) {
		fprintf(stderr, "aandeslag-server: %s\n", err);
		return 1;
	}
	if (strcmp(what, "list") == 0) {
		rc = cmd_list(st);
	} else {
		rc = store_backup(st, argv[optind]);
		if (rc == -EEXIST)
			fprintf(stderr, _("aandeslag-server: %s bestaat al\n"),
			        argv[optind]);
		else if (rc < 0)
			fprintf(stderr, "aandeslag-server: %s\n", store_error(st));
		else
			printf(_("kopie gemaakt: %s\n"), argv[optind]);
	}
	store_close(st);
	return rc == 0 ? 0 : 1;
}

bool
admin_is_command(const char *arg)
{
	return strcmp(arg, "list") == 0 || strcmp(arg, "delete") == 0 ||
	       strcmp(arg, "purge") == 0 || strcmp(arg, "backup") == 0 ||
	       strcmp(arg, "export") == 0;
}
