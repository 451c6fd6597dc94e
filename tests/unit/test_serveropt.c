/* Tests for serveropt.c and serverconf.c: every option of the table takes
 * a good value and refuses a bad one, the config file goes through the
 * same checks as the command line, and a broken file is told by line. */
/* nftw() (tmpdir_fixture.h) is X/Open, not C11; it must be asked for
 * before any header. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "serverconf.h"
#include "serveropt.h"
#include "tmpdir_fixture.h"

/* A good and a bad value for every option; a new option without a line
 * here fails test_every_option. */
static const struct {
	const char *name, *good, *bad;
} values[] = {
	{ "listen", "127.0.0.1", "server.school.nl" },
	{ "port", "7600", "65536" },
	{ "seat-grace", "60", "-1" },
	{ "send-queue", "65536", "1023" },
	{ "max-frame", "4096", "4095" },
	{ "max-rooms", "10", "0" },
	{ "idle-timeout", "45", "3601" },
	{ "content", "/usr/share/aandeslag/content.yaml", "" },
	{ "data", "/var/lib/aandeslag", "" },
	{ "sync", "full", "fast" },
	{ "max-db-size", "2G", "12X" },
	{ "retention", "30", "100001" },
	{ "ssh-account", "werksessie", "Juf Anna" },
	{ "discovery", "yes", "misschien" },
	{ "join-burst", "5", "1001" },
	{ "join-wait", "2", "0" },
	{ "join-wait-max", "600", "86401" },
	{ "join-global", "50", "60001" },
	{ "max-conns-per-address", "16", "16385" },
	{ "max-conns", "200", "0" },
	{ "command-rate", "10", "ten" },
	{ "command-burst", "200", "107" },
	{ "tls", "required", "yes" },
	{ "tls-cert", "/etc/ssl/aandeslag.pem", "" },
	{ "tls-key", "/etc/ssl/private/aandeslag.key", "" },
	{ "max-text", "500", "1001" },
	{ "max-name", "32", "65" },
	{ "max-notes", "2", "501" },
	{ "max-questions", "20", "101" },
	{ "max-activities", "50", "201" },
	{ "max-actions", "50", "201" },
};

#define NVALUES (sizeof values / sizeof values[0])

/* Options zeroed rather than the server's defaults (which need the whole
 * server): the tests look at what a value changes. */
static void
blank(struct server_options *opts)
{
	memset(opts, 0, sizeof *opts);
}

static void
test_every_option(void)
{
	struct server_options opts, before;
	char expect[SERVEROPT_EXPECT_SIZE];
	size_t i, j;

	CHECK_UINT(serveropt_count(), ==, NVALUES);
	for (i = 0; i < serveropt_count(); i++) {
		for (j = 0; j < NVALUES; j++)
			if (strcmp(values[j].name, serveropt_name(i)) == 0)
				break;
		if (j == NVALUES)
			CHECK_FAIL("no values to test %s", serveropt_name(i));
	}
	CHECK(serveropt_name(serveropt_count()) == NULL);
	for (j = 0; j < NVALUES; j++) {
		blank(&opts);
		before = opts;
		CHECK_INT(serveropt_set(&opts, values[j].name, values[j].bad),
		          ==, -EINVAL);
		/* Refused: nothing changed. */
		CHECK(memcmp(&opts, &before, sizeof opts) == 0);
		if (serveropt_set(&opts, values[j].name, values[j].good) != 0)
			CHECK_FAIL("%s refuses %s", values[j].name,
			           values[j].good);
		if (memcmp(&opts, &before, sizeof opts) == 0)
			CHECK_FAIL("%s %s changed nothing", values[j].name,
			           values[j].good);
		serveropt_expect(values[j].name, expect);
		CHECK(expect[0] != '\0');
	}
}

static void
test_values(void)
{
	struct server_options opts;
	char expect[SERVEROPT_EXPECT_SIZE];

	blank(&opts);
	CHECK_INT(serveropt_set(&opts, "port", "0"), ==, 0);
	CHECK_INT(opts.port, ==, 0);
	CHECK_INT(serveropt_set(&opts, "seat-grace", "5"), ==, 0);
	CHECK_INT(opts.seat_grace_ms, ==, 5000);
	CHECK_INT(serveropt_set(&opts, "retention", "2"), ==, 0);
	CHECK_INT(opts.retention_ms, ==, 2LL * 24 * 3600 * 1000);
	CHECK_INT(serveropt_set(&opts, "join-wait-max", "86400"), ==, 0);
	CHECK_INT(opts.guard.wait_max_ms, ==, 86400LL * 1000);
	CHECK_INT(serveropt_set(&opts, "max-db-size", "512K"), ==, 0);
	CHECK_UINT(opts.max_db_bytes, ==, 512 * 1024);
	CHECK_INT(serveropt_set(&opts, "max-db-size", "200"), ==, 0);
	CHECK_UINT(opts.max_db_bytes, ==, 200 * 1024 * 1024);
	CHECK_INT(serveropt_set(&opts, "max-db-size", "2g"), ==, 0);
	CHECK_UINT(opts.max_db_bytes, ==, 2ULL * 1024 * 1024 * 1024);
	CHECK_INT(serveropt_set(&opts, "max-db-size", "64k"), ==, 0);
	CHECK_UINT(opts.max_db_bytes, ==, 64 * 1024);
	CHECK_INT(serveropt_set(&opts, "max-db-size", "63K"), ==, -EINVAL);
	CHECK_INT(serveropt_set(&opts, "max-db-size", "1048576G"), ==, 0);
	CHECK_INT(serveropt_set(&opts, "max-db-size", "1048577G"), ==,
	          -EINVAL);
	CHECK_INT(serveropt_set(&opts, "max-db-size", "0"), ==, -EINVAL);
	CHECK_INT(serveropt_set(&opts, "max-db-size", "M"), ==, -EINVAL);
	CHECK_INT(serveropt_set(&opts, "sync", "full"), ==, 0);
	CHECK_INT(opts.sync, ==, STORE_SYNC_FULL);
	CHECK_INT(serveropt_set(&opts, "sync", "normal"), ==, 0);
	CHECK_INT(opts.sync, ==, STORE_SYNC_NORMAL);
	CHECK_INT(serveropt_set(&opts, "tls", "off"), ==, 0);
	CHECK_INT(opts.tls, ==, SERVER_TLS_OFF);
	CHECK_INT(serveropt_set(&opts, "tls", "on"), ==, 0);
	CHECK_INT(opts.tls, ==, SERVER_TLS_ON);
	CHECK_INT(serveropt_set(&opts, "tls", "ON"), ==, -EINVAL);
	CHECK_INT(serveropt_set(&opts, "ssh-account", "none"), ==, 0);
	CHECK_STR(opts.ssh_account, "");
	CHECK_INT(serveropt_set(&opts, "ssh-account", "werksessie"), ==, 0);
	CHECK_STR(opts.ssh_account, "werksessie");
	CHECK_INT(serveropt_set(&opts, "discovery", "ja"), ==, 0);
	CHECK(opts.discovery);
	CHECK_INT(serveropt_set(&opts, "discovery", "No"), ==, 0);
	CHECK(!opts.discovery);
	CHECK_INT(serveropt_set(&opts, "max-frame", "16384"), ==, 0);
	CHECK_UINT(opts.max_client_frame, ==, 16384);
	CHECK_INT(serveropt_set(&opts, "max-frame", "16385"), ==, -EINVAL);
	/* The limits of the rooms reach the model's ceilings, not past. */
	CHECK_INT(serveropt_set(&opts, "max-notes", "500"), ==, 0);
	CHECK_UINT(opts.limits.notes_max, ==, MODEL_NOTES_MAX);
	CHECK_INT(serveropt_set(&opts, "max-text", "1"), ==, 0);
	CHECK_UINT(opts.limits.text_max, ==, 1);
	CHECK_INT(serveropt_set(&opts, "max-name", "0"), ==, -EINVAL);
	/* An address the listener can bind, not a name. */
	CHECK_INT(serveropt_set(&opts, "listen", "::1"), ==, 0);
	CHECK_STR(opts.listen, "::1");
	CHECK_INT(serveropt_set(&opts, "listen", "0.0.0.0"), ==, 0);
	CHECK_INT(serveropt_set(&opts, "listen", "localhost"), ==, -EINVAL);
	CHECK_INT(serveropt_set(&opts, "listen", "10.0.0.300"), ==, -EINVAL);
	/* A text is kept as the pointer given. */
	CHECK_INT(serveropt_set(&opts, "data", values[8].good), ==, 0);
	CHECK(opts.data_dir == values[8].good);
	/* Only the table's names: --no-discovery, --config and --help
	 * belong to the command line alone. */
	CHECK_INT(serveropt_set(&opts, "no-discovery", "1"), ==, -ENOENT);
	CHECK_INT(serveropt_set(&opts, "config", "x"), ==, -ENOENT);
	CHECK_INT(serveropt_set(&opts, "Port", "1"), ==, -ENOENT);
	serveropt_expect("port", expect);
	CHECK_STR(expect, "een getal van 0 tot en met 65535");
	serveropt_expect("tls", expect);
	CHECK_STR(expect, "on, required of off");
	serveropt_expect("nothing", expect);
	CHECK_STR(expect, "");
}

/* A file with every option at its good value sets what the options do
 * one by one; each bad value is refused in the file as by the setter. */
static void
test_file_as_command_line(void)
{
	char dir[] = "/tmp/aandeslag-serverconf-XXXXXX", path[1024];
	char err[SERVERCONF_ERROR_SIZE], want[1200], text[4096];
	struct server_options by_file, by_name;
	struct serverconf conf = { 0 };
	size_t j, len = 0;

	CHECK(mkdtemp(dir) != NULL);
	len += (size_t)snprintf(text + len, sizeof text - len,
	                        "; every key\n[server]\n");
	for (j = 0; j < NVALUES; j++)
		len += (size_t)snprintf(text + len, sizeof text - len,
		                        "%s = %s\n", values[j].name,
		                        values[j].good);
	CHECK(len < sizeof text);
	tmpdir_write(dir, "all.conf", text, path, sizeof path);
	blank(&by_file);
	blank(&by_name);
	if (serverconf_read(&conf, path, &by_file, err) != 0)
		CHECK_FAIL("%s", err);
	unlink(path);
	for (j = 0; j < NVALUES; j++)
		CHECK_INT(serveropt_set(&by_name, values[j].name,
		                        values[j].good), ==, 0);
	/* The texts differ only in where they are kept: compare them, then
	 * the rest with the same pointers. */
	CHECK_STR(by_file.listen, by_name.listen);
	CHECK_STR(by_file.content_path, by_name.content_path);
	CHECK_STR(by_file.data_dir, by_name.data_dir);
	CHECK_STR(by_file.ssh_account, by_name.ssh_account);
	CHECK_STR(by_file.tls_cert, by_name.tls_cert);
	CHECK_STR(by_file.tls_key, by_name.tls_key);
	by_file.listen = by_name.listen;
	by_file.content_path = by_name.content_path;
	by_file.data_dir = by_name.data_dir;
	by_file.ssh_account = by_name.ssh_account;
	by_file.tls_cert = by_name.tls_cert;
	by_file.tls_key = by_name.tls_key;
	CHECK(memcmp(&by_file, &by_name, sizeof by_file) == 0);
	serverconf_free(&conf);
	CHECK(conf.values == NULL && conf.n == 0);

	for (j = 0; j < NVALUES; j++) {
		snprintf(text, sizeof text, "# line 1\n%s = %s\n",
		         values[j].name, values[j].bad);
		tmpdir_write(dir, "bad.conf", text, path, sizeof path);
		blank(&by_file);
		CHECK_INT(serverconf_read(&conf, path, &by_file, err), ==,
		          -EINVAL);
		snprintf(want, sizeof want,
		         "%s:2: ongeldige waarde voor %s: ", path,
		         values[j].name);
		if (strncmp(err, want, strlen(want)) != 0)
			CHECK_FAIL("%s: \"%s\"", values[j].name, err);
		CHECK_CONTAINS(err, "(verwacht: ");
		serverconf_free(&conf);
	}
	unlink(path);
	rmdir(dir);
}

static void
test_file_errors(void)
{
	char dir[] = "/tmp/aandeslag-serverconf-XXXXXX", path[1024];
	char err[SERVERCONF_ERROR_SIZE], want[1200];
	struct server_options opts;
	struct serverconf conf = { 0 };

	CHECK(mkdtemp(dir) != NULL);
	blank(&opts);
	tmpdir_write(dir, "f.conf", "port = 7600\n\nmax-note = 2\n", path,
	           sizeof path);
	CHECK_INT(serverconf_read(&conf, path, &opts, err), ==, -EINVAL);
	snprintf(want, sizeof want, "%s:3: onbekende sleutel 'max-note'",
	         path);
	CHECK_STR(err, want);
	tmpdir_write(dir, "f.conf", "port = 7600\nmax-notes 2\n", path,
	           sizeof path);
	CHECK_INT(serverconf_read(&conf, path, &opts, err), ==, -EINVAL);
	snprintf(want, sizeof want, "%s:2: geen regel sleutel = waarde", path);
	CHECK_STR(err, want);
	/* The first problem is told, also when a later one is of the
	 * other kind. */
	tmpdir_write(dir, "f.conf", "port = x\nmax-notes 2\n", path,
	           sizeof path);
	CHECK_INT(serverconf_read(&conf, path, &opts, err), ==, -EINVAL);
	snprintf(want, sizeof want, "%s:1: ongeldige waarde voor port", path);
	CHECK(strncmp(err, want, strlen(want)) == 0);
	tmpdir_write(dir, "f.conf", "port\nmax-notes = 0\n", path,
	           sizeof path);
	CHECK_INT(serverconf_read(&conf, path, &opts, err), ==, -EINVAL);
	snprintf(want, sizeof want, "%s:1: geen regel sleutel = waarde", path);
	CHECK_STR(err, want);
	tmpdir_write(dir, "f.conf", "[client]\nserver = x\n", path,
	           sizeof path);
	CHECK_INT(serverconf_read(&conf, path, &opts, err), ==, -EINVAL);
	snprintf(want, sizeof want, "%s:2: onbekende sectie [client]", path);
	CHECK(strncmp(err, want, strlen(want)) == 0);
	/* Comments, blank lines, and the last of a key twice. */
	blank(&opts);
	tmpdir_write(dir, "f.conf", "# comment\n; comment\n\nport = 1\n"
	           "port = 2 ; inline comment\n", path, sizeof path);
	CHECK_INT(serverconf_read(&conf, path, &opts, err), ==, 0);
	CHECK_INT(opts.port, ==, 2);
	unlink(path);
	CHECK_INT(serverconf_read(&conf, path, &opts, err), ==, -ENOENT);
	snprintf(want, sizeof want, "%s: ", path);
	CHECK(strncmp(err, want, strlen(want)) == 0);
	serverconf_free(&conf);
	rmdir(dir);
}

CHECK_MAIN(
	CHECK_TEST(test_every_option),
	CHECK_TEST(test_values),
	CHECK_TEST(test_file_as_command_line),
	CHECK_TEST(test_file_errors),
)
