/* aandeslag-server export: one stored room written out by the very same
 * pure renderers the client uses (common/export_*.c), so that an export
 * made on the server host reads exactly like one a participant made.
 *
 * The room is rebuilt from storage with replay_room(), the code path the
 * server's own recovery takes, on a read-only connection: a running
 * server is not disturbed and its lock is not touched.
 *
 * Time: a rebuilt room runs on wall-clock time. A clock that ran is
 * shown as it stood when storage last heard from the server (the server
 * notes that it is alive every second while a clock runs, and with every
 * commit): within a second of the truth while the server runs, and the
 * time it had when the server stopped, as a restarted server would give
 * it back, when it does not. */
#include "export_cmd.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "atomicfile.h"
#include "code.h"
#include "content.h"
#include "export_csv.h"
#include "export_ics.h"
#include "export_json.h"
#include "export_html.h"
#include "export_md.h"
#include "i18n.h"
#include "model.h"
#include "replay.h"
#include "server.h"
#include "store.h"
#include "strbuf.h"

/* The moment an export describes and the time stamp it carries. */
struct moment {
	int64_t clocks_ms;      /* wall-clock time the clocks are taken at */
	char dtstamp[32];       /* now in UTC, "YYYYMMDDTHHMMSSZ", for iCalendar */
	char day[16];           /* today here, "YYYY-MM-DD", on a printed poster */
};

/* A format and its renderer. The renderers differ in what they need
 * besides the room, so each entry fills exactly one of the three
 * pointers, the one its renderer's signature matches: a new format is
 * one entry in the table. */
struct format {
	const char *name;
	const char *what;       /* for the help, to be translated */
	void (*plain)(const struct model_room *room, struct strbuf *out);
	void (*at)(const struct model_room *room, int64_t now,
	           struct strbuf *out);
	size_t (*stamped)(const struct model_room *room, const char *dtstamp,
	                  struct strbuf *out);
	void (*dated)(const struct model_room *room, const char *day,
	              struct strbuf *out);
};

static const struct format formats[] = {
	{ .name = "csv", .plain = export_csv,
	  .what = N_("de acties, voor Excel") },
	{ .name = "html", .dated = export_html,
	  .what = N_("de poster als webpagina, om af te drukken") },
	{ .name = "ics", .stamped = export_ics,
	  .what = N_("de acties met een datum of maand, voor de agenda") },
	{ .name = "json", .at = export_json,
	  .what = N_("alles, voor een archief of een ander programma") },
	{ .name = "md", .plain = export_md,
	  .what = N_("de poster als Markdown") },
};

#define NFORMATS (sizeof formats / sizeof formats[0])

static const struct format *
find_format(const char *name)
{
	size_t i;

	for (i = 0; i < NFORMATS; i++)
		if (strcmp(formats[i].name, name) == 0)
			return &formats[i];
	return NULL;
}

/* Writes the formats' names, "csv|ics|...", into out. */
static void
format_names(char *out, size_t size)
{
	size_t i, used = 0;
	int n;

	out[0] = '\0';
	for (i = 0; i < NFORMATS && used < size; i++) {
		n = snprintf(out + used, size - used, "%s%s", i > 0 ? "|" : "",
		             formats[i].name);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

static void
render(const struct format *f, const struct model_room *room,
       const struct moment *when, struct strbuf *out)
{
	if (f->plain != NULL)
		f->plain(room, out);
	else if (f->at != NULL)
		f->at(room, when->clocks_ms, out);
	else if (f->dated != NULL)
		f->dated(room, when->day, out);
	else
		f->stamped(room, when->dtstamp, out);
}

static void
usage(FILE *out, const char *content_path)
{
	char names[64];
	size_t i;

	format_names(names, sizeof names);
	fprintf(out, _(
"Gebruik: aandeslag-server export --room CODE --format %s\n"
"                                [--output BESTAND] [--data MAP]\n"
"                                [--content BESTAND]\n"
"\n"
"Schrijft een opgeslagen werksessie uit, zoals de deelnemers dat met\n"
"export kunnen; ook terwijl de server draait.\n"
"\n"
"  --room CODE        de code van de werksessie (met of zonder streepje)\n"
"  --format FORMAAT   een van:\n"), names);
	for (i = 0; i < NFORMATS; i++)
		fprintf(out, "                       %-5s %s\n", formats[i].name,
		        _(formats[i].what));
	fprintf(out, _(
"  --output BESTAND   schrijf hierheen (standaard: de standaarduitvoer);\n"
"                     een bestaand bestand wordt vervangen\n"
"  --data MAP         waar de werksessies staan (zoals bij de server)\n"
"  --content BESTAND  de inhoud waarmee de server draait (standaard\n"
"                     %s)\n"
"\n"
"Namen staan erin, behalve in een anonieme werksessie.\n"),
	        content_path);
}

/* Writes all of data to f. Returns 0 or a negative errno. */
static int
write_all(FILE *f, const struct strbuf *data)
{
	errno = 0;
	if (data->len > 0 && fwrite(data->data, 1, data->len, f) != data->len)
		return errno != 0 ? -errno : -EIO;
	if (fflush(f) != 0)
		return errno != 0 ? -errno : -EIO;
	return 0;
}

/* Writes data to path whole (atomicfile.h): a failed export never leaves
 * half a file where a good one was. It holds colleagues' names and
 * words: for the administrator alone (0600), like the database. */
static int
write_file(const char *path, const struct strbuf *data)
{
	return atomicfile_write(path, data->data, data->len, 0600);
}

/* Fills when for the room rebuilt by r: the clocks at the last time
 * storage knew the room as it is (never later than now, should the
 * system clock have gone back), the time stamp now. */
static void
find_moment(struct store *st, const struct replay *r, struct moment *when)
{
	int64_t alive = 0, now = server_wall_ms();
	time_t wall = (time_t)(now / 1000);
	struct tm tm;

	if (store_get_alive(st, &alive) < 0)
		alive = 0;
	when->clocks_ms = replay_last_known(r, alive);
	if (when->clocks_ms > now)
		when->clocks_ms = now;
	if (gmtime_r(&wall, &tm) == NULL ||
	    strftime(when->dtstamp, sizeof when->dtstamp, "%Y%m%dT%H%M%SZ",
	             &tm) == 0)
		snprintf(when->dtstamp, sizeof when->dtstamp,
		         "19700101T000000Z");
	if (localtime_r(&wall, &tm) == NULL ||
	    strftime(when->day, sizeof when->day, "%Y-%m-%d", &tm) == 0)
		snprintf(when->day, sizeof when->day, "1970-01-01");
}

/* Opens the data directory read-only. Returns 0, or 1 (the exit status)
 * with the reason printed. */
static int
open_data(const char *dir, struct store **st)
{
	char err[512];
	int rc;

	rc = store_open_readonly(st, dir, err, sizeof err);
	if (rc == -ENOENT) {
		fprintf(stderr, _("aandeslag-server: geen gegevens in %s\n"), dir);
		return 1;
	}
	if (rc < 0) {
		fprintf(stderr, _("aandeslag-server: kan de gegevens niet openen: %s\n"),
		        err);
		return 1;
	}
	return 0;
}

/* Rebuilds room code and renders it as f into out. Returns 0, or 1 with
 * the reason printed. */
static int
export_room(struct store *st, const struct content *content,
            const char *code, const struct format *f, struct strbuf *out)
{
	struct model_room room;
	struct replay r;
	struct moment when;
	int rc;

	rc = replay_room(st, content, code, &room, &r);
	if (rc == -ENOENT) {
		fprintf(stderr, _("aandeslag-server: geen werksessie met code %s\n"),
		        code);
		return 1;
	}
	if (rc == -EPROTO) {
		fprintf(stderr, _("aandeslag-server: werksessie %s is niet op te "
		                  "bouwen uit de opslag (%s); is --content de "
		                  "inhoud waarmee de server draait?\n"),
		        code, r.why);
		return 1;
	}
	if (rc < 0) {
		fprintf(stderr, "aandeslag-server: %s\n", rc == -ENOMEM ?
		        strerror(ENOMEM) : store_error(st));
		return 1;
	}
	if (r.other_content)
		fprintf(stderr, _("aandeslag-server: let op: werksessie %s is "
		                  "opgeslagen met andere inhoud; namen van "
		                  "stappen, competenties en activiteiten kunnen "
		                  "afwijken (zie --content)\n"), code);
	find_moment(st, &r, &when);
	render(f, &room, &when, out);
	model_free(&room);
	if (out->failed) {
		fprintf(stderr, "aandeslag-server: %s\n", strerror(ENOMEM));
		return 1;
	}
	return 0;
}

/* Writes the export to path, or to stdout when path is NULL. Returns the
 * exit status, with the reason printed on failure. */
static int
deliver(const char *path, const char *code, const struct format *f,
        const struct strbuf *text)
{
	int rc;

	rc = path != NULL ? write_file(path, text) : write_all(stdout, text);
	if (rc < 0) {
		fprintf(stderr, _("aandeslag-server: kan %s niet schrijven: %s\n"),
		        path != NULL ? path : _("de standaarduitvoer"),
		        strerror(-rc));
		return 1;
	}
	if (path != NULL)
		printf(_("werksessie %s als %s geschreven naar %s\n"), code,
		       f->name, path);
	return 0;
}

int
export_cmd_main(int argc, char **argv)
{
	enum { OPT_DATA = 256, OPT_ROOM, OPT_FORMAT, OPT_OUTPUT, OPT_CONTENT };
	static const struct option options[] = {
		{ "data", required_argument, NULL, OPT_DATA },
		{ "room", required_argument, NULL, OPT_ROOM },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "output", required_argument, NULL, OPT_OUTPUT },
		{ "content", required_argument, NULL, OPT_CONTENT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dir = NULL, *room_in = NULL, *format_in = NULL,
	           *output = NULL;
	char dirbuf[4096], code[CODE_SIZE], names[64],
	     err[CONTENT_ERROR_SIZE];
	struct server_options defaults;
	const struct format *f;
	struct content content;
	struct strbuf text = { 0 };
	struct store *st;
	int opt, status;

	server_options_default(&defaults);
	optind = 2;
	while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (opt) {
		case OPT_DATA:
			dir = optarg;
			break;
		case OPT_ROOM:
			room_in = optarg;
			break;
		case OPT_FORMAT:
			format_in = optarg;
			break;
		case OPT_OUTPUT:
			output = optarg;
			break;
		case OPT_CONTENT:
			defaults.content_path = optarg;
			break;
		case 'h':
			usage(stdout, defaults.content_path);
			return 0;
		default:
			usage(stderr, defaults.content_path);
			return 2;
		}
	}
	if (optind != argc || room_in == NULL || format_in == NULL) {
		usage(stderr, defaults.content_path);
		return 2;
	}
	f = find_format(format_in);
	if (f == NULL) {
		format_names(names, sizeof names);
		fprintf(stderr, _("aandeslag-server: onbekend formaat: %s "
		                  "(kies uit %s)\n"), format_in, names);
		return 2;
	}
	if (code_normalise(room_in, code) < 0) {
		fprintf(stderr, _("aandeslag-server: geen geldige code: %s\n"),
		        room_in);
		return 2;
	}
	if (dir == NULL) {
		if (server_default_data_dir(dirbuf, sizeof dirbuf) < 0) {
			usage(stderr, defaults.content_path);
			return 2;
		}
		dir = dirbuf;
	}
	if (content_load(&content, defaults.content_path, err) < 0) {
		fprintf(stderr, "aandeslag-server: %s\n", err);
		return 1;
	}
	status = open_data(dir, &st);
	if (status == 0) {
		status = export_room(st, &content, code, f, &text);
		store_close(st);
	}
	if (status == 0)
		status = deliver(output, code, f, &text);
	strbuf_free(&text);
	content_free(&content);
	return status;
}
