/* Tests for trust.c: the client's store of server fingerprints (trust on
 * first use), in a temporary directory of each test's own. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/stat.h>

#include "check.h"
#include "trust.h"
#include "tmpdir_fixture.h"

#define HEADER_LINE                                                          \
	"# Servers van aandeslag die deze computer kent (vingerafdruk van "  \
	"hun sleutel)\n"

/* A test's directory and the store's path in it. */
struct place {
	char dir[64];
	char path[128];
};

static void
place_make(struct place *p)
{
	snprintf(p->dir, sizeof p->dir, "/tmp/aandeslag-trust-XXXXXX");
	CHECK(mkdtemp(p->dir) != NULL);
	snprintf(p->path, sizeof p->path, "%s/known_servers", p->dir);
}

/* Removes the test's directory and everything in it. */
static void
place_clean(struct place *p)
{
	CHECK_INT(tmpdir_remove(p->dir), ==, 0);
	CHECK(access(p->dir, F_OK) != 0);
}

/* Fills fp with a pattern made from seed, so that different seeds give
 * fingerprints that differ in their first bytes too. */
static void
make_fp(uint8_t fp[TLS_FP_SIZE], int seed)
{
	size_t i;

	for (i = 0; i < TLS_FP_SIZE; i++)
		fp[i] = (uint8_t)(seed * 37 + (int)i * 11);
}

static void
spill(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	CHECK(f != NULL);
	CHECK_INT(fputs(text, f), >=, 0);
	CHECK_INT(fclose(f), ==, 0);
}

/* The line the store holds for host:port with fp. */
static void
entry(char *out, size_t size, const char *host, int port,
      const uint8_t fp[TLS_FP_SIZE])
{
	char hex[TLS_FP_HEX_SIZE];

	tls_fp_hex(fp, hex);
	snprintf(out, size, "%s %d %s\n", host, port, hex);
}

/* Checks that path holds exactly want. */
static void
check_file(const char *path, const char *want)
{
	char *got = tmpdir_slurp(path, NULL);

	CHECK(got != NULL);
	CHECK_STR(got, want);
	free(got);
}

/* Counts the entries of dir besides "." and "..": no temporary file may
 * be left behind. */
static int
count_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	CHECK(d != NULL);
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
test_new_then_known(void)
{
	struct place p;
	uint8_t a[TLS_FP_SIZE], known[TLS_FP_SIZE], sentinel[TLS_FP_SIZE];
	char line[256], want[512];
	struct stat st;

	place_make(&p);
	make_fp(a, 1);
	memset(known, 0xee, sizeof known);
	memcpy(sentinel, known, sizeof known);
	CHECK_INT(trust_check(p.path, "server.school.nl", 7557, false, NULL, a,
	    known), ==, TRUST_NEW);
	entry(line, sizeof line, "server.school.nl", 7557, a);
	/* A new file opens with the Dutch comment. */
	{
		char *got = tmpdir_slurp(p.path, NULL);

		CHECK(got != NULL);
		CHECK(strncmp(got, HEADER_LINE, strlen(HEADER_LINE)) == 0);
		CHECK_INT(got[strlen(got) - strlen(line) - 1], ==, '\n');
		CHECK_STR(got + strlen(got) - strlen(line), line);
		snprintf(want, sizeof want, "%s", got);
		free(got);
	}
	CHECK_INT(stat(p.path, &st), ==, 0);
	CHECK_INT(st.st_mode & 0777, ==, 0600);
	CHECK_INT(trust_check(p.path, "server.school.nl", 7557, false, NULL, a,
	    known), ==, TRUST_KNOWN);
	CHECK_INT(trust_check(p.path, "server.school.nl", 7557, false, "", a,
	    NULL), ==, TRUST_KNOWN);
	/* known is only for TRUST_CHANGED; the file did not grow. */
	CHECK(memcmp(known, sentinel, TLS_FP_SIZE) == 0);
	check_file(p.path, want);
	CHECK_INT(count_dir(p.dir), ==, 1);
	place_clean(&p);
}

static void
test_changed(void)
{
	struct place p;
	uint8_t a[TLS_FP_SIZE], b[TLS_FP_SIZE], known[TLS_FP_SIZE];
	char *before;

	place_make(&p);
	make_fp(a, 1);
	make_fp(b, 2);
	CHECK(memcmp(a, b, TLS_FP_SIZE) != 0);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, NULL, a, NULL), ==,
	    TRUST_NEW);
	before = tmpdir_slurp(p.path, NULL);
	CHECK(before != NULL);
	memset(known, 0, sizeof known);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, NULL, b, known), ==,
	    TRUST_CHANGED);
	CHECK(memcmp(known, a, TLS_FP_SIZE) == 0);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, NULL, b, NULL), ==,
	    TRUST_CHANGED);
	check_file(p.path, before);
	/* The remembered one is still trusted. */
	CHECK_INT(trust_check(p.path, "srv", 7557, false, NULL, a, NULL), ==,
	    TRUST_KNOWN);
	free(before);
	place_clean(&p);
}

static void
test_local(void)
{
	struct place p;
	uint8_t a[TLS_FP_SIZE], b[TLS_FP_SIZE];
	char *before;

	place_make(&p);
	make_fp(a, 1);
	make_fp(b, 2);
	CHECK_INT(trust_check(p.path, "localhost", 7557, true, NULL, a, NULL),
	    ==, TRUST_LOCAL);
	CHECK_INT(trust_check(p.path, "127.0.0.1", 7557, true, "", b, NULL),
	    ==, TRUST_LOCAL);
	CHECK(access(p.path, F_OK) != 0);
	/* Loopback goes before the store: a changed key on this computer
	 * is not refused. */
	CHECK_INT(trust_check(p.path, "localhost", 7557, false, NULL, a, NULL),
	    ==, TRUST_NEW);
	before = tmpdir_slurp(p.path, NULL);
	CHECK(before != NULL);
	CHECK_INT(trust_check(p.path, "localhost", 7557, true, NULL, b, NULL),
	    ==, TRUST_LOCAL);
	check_file(p.path, before);
	free(before);
	place_clean(&p);
}

static void
test_pinned(void)
{
	struct place p;
	uint8_t a[TLS_FP_SIZE], b[TLS_FP_SIZE], known[TLS_FP_SIZE];
	char text[TLS_FP_TEXT_SIZE], hex[TLS_FP_HEX_SIZE], line[256];
	char want[512], loose[TLS_FP_TEXT_SIZE];
	size_t i, n = 0;
	char *before;

	place_make(&p);
	make_fp(a, 1);
	make_fp(b, 2);
	tls_fp_text(a, text);
	CHECK_INT(strlen(text), ==, 19);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, text, a, NULL), ==,
	    TRUST_PINNED);
	entry(line, sizeof line, "srv", 7557, a);
	snprintf(want, sizeof want, "%s", line);
	{
		char *got = tmpdir_slurp(p.path, NULL);

		CHECK(got != NULL);
		CHECK(strncmp(got, HEADER_LINE, strlen(HEADER_LINE)) == 0);
		CHECK_STR(got + strlen(got) - strlen(line), line);
		free(got);
	}
	/* Remembered: the next connection without a pin knows it. */
	CHECK_INT(trust_check(p.path, "srv", 7557, false, NULL, a, NULL), ==,
	    TRUST_KNOWN);
	/* The form read aloud in lower case and without dashes. */
	for (i = 0; text[i] != '\0'; i++)
		if (text[i] != '-')
			loose[n++] = (char)tolower((unsigned char)text[i]);
	loose[n] = '\0';
	CHECK_INT(trust_check(p.path, "srv", 7557, false, loose, a, NULL), ==,
	    TRUST_PINNED);
	/* The hex form, on another server. */
	tls_fp_hex(b, hex);
	CHECK_INT(trust_check(p.path, "other", 7557, false, hex, b, NULL), ==,
	    TRUST_PINNED);
	CHECK_INT(trust_check(p.path, "other", 7557, false, NULL, b, NULL), ==,
	    TRUST_KNOWN);
	/* A pin that names another key, and one that is no fingerprint:
	 * the file stays as it is, and known is not filled. */
	before = tmpdir_slurp(p.path, NULL);
	CHECK(before != NULL);
	memset(known, 0, sizeof known);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, text, b, known), ==,
	    TRUST_MISMATCH);
	CHECK_INT(trust_check(p.path, "new", 7557, false, text, b, known), ==,
	    TRUST_MISMATCH);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, hex, a, known), ==,
	    TRUST_MISMATCH);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, "K7QM-2XPD", a,
	    known), ==, -EINVAL);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, "geen idee", a,
	    known), ==, -EINVAL);
	CHECK_INT(trust_check(p.path, "srv", 7557, true, "x", a, known), ==,
	    -EINVAL);
	for (i = 0; i < TLS_FP_SIZE; i++)
		CHECK_INT(known[i], ==, 0);
	check_file(p.path, before);
	/* A pin decides even on loopback. */
	CHECK_INT(trust_check(p.path, "localhost", 7557, true, text, b, NULL),
	    ==, TRUST_MISMATCH);
	CHECK_INT(trust_check(p.path, "localhost", 7557, true, text, a, NULL),
	    ==, TRUST_PINNED);
	CHECK_INT(trust_check(p.path, "localhost", 7557, false, NULL, a, NULL),
	    ==, TRUST_KNOWN);
	free(before);
	CHECK_INT(count_dir(p.dir), ==, 1);
	place_clean(&p);
}

static void
test_pin_replaces(void)
{
	struct place p;
	uint8_t a[TLS_FP_SIZE], b[TLS_FP_SIZE], c[TLS_FP_SIZE];
	uint8_t known[TLS_FP_SIZE];
	char text[TLS_FP_TEXT_SIZE], la[256], lb[256], lc[256];
	char want[2048];
	struct stat st, st2;

	place_make(&p);
	make_fp(a, 1);
	make_fp(b, 2);
	make_fp(c, 3);
	entry(la, sizeof la, "srv", 7557, a);
	entry(lc, sizeof lc, "srv", 7600, c);
	entry(lb, sizeof lb, "srv", 7557, b);
	snprintf(want, sizeof want, "# mijn servers\n%s\n%sjunk\n", la, lc);
	spill(p.path, want);
	CHECK_INT(chmod(p.path, 0644), ==, 0);
	tls_fp_text(b, text);
	CHECK_INT(trust_check(p.path, "SRV", 7557, false, text, b, NULL), ==,
	    TRUST_PINNED);
	/* The old line went, everything else stayed in its place, and the
	 * new one is at the end. */
	snprintf(want, sizeof want, "# mijn servers\n\n%sjunk\n%s", lc, lb);
	check_file(p.path, want);
	CHECK_INT(stat(p.path, &st), ==, 0);
	CHECK_INT(st.st_mode & 0777, ==, 0600);
	CHECK_INT(count_dir(p.dir), ==, 1);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, NULL, b, NULL), ==,
	    TRUST_KNOWN);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, NULL, a, known), ==,
	    TRUST_CHANGED);
	CHECK(memcmp(known, b, TLS_FP_SIZE) == 0);
	CHECK_INT(trust_check(p.path, "srv", 7600, false, NULL, c, NULL), ==,
	    TRUST_KNOWN);
	/* Pinning what is already remembered leaves the file alone (the
	 * same inode: no rewrite). */
	CHECK_INT(trust_check(p.path, "srv", 7557, false, text, b, NULL), ==,
	    TRUST_PINNED);
	CHECK_INT(stat(p.path, &st2), ==, 0);
	CHECK_UINT(st2.st_ino, ==, st.st_ino);
	check_file(p.path, want);
	/* Two lines for one server (edited by hand) become one. */
	snprintf(want, sizeof want, "%s%s", la, lb);
	spill(p.path, want);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, text, b, NULL), ==,
	    TRUST_PINNED);
	check_file(p.path, lb);
	place_clean(&p);
}

static void
test_host_case(void)
{
	struct place p;
	uint8_t a[TLS_FP_SIZE], b[TLS_FP_SIZE], known[TLS_FP_SIZE];
	char line[256];
	char *got;

	place_make(&p);
	make_fp(a, 1);
	make_fp(b, 2);
	CHECK_INT(trust_check(p.path, "Server.School.NL", 7557, false, NULL, a,
	    NULL), ==, TRUST_NEW);
	CHECK_INT(trust_check(p.path, "server.school.nl", 7557, false, NULL, a,
	    NULL), ==, TRUST_KNOWN);
	CHECK_INT(trust_check(p.path, "SERVER.SCHOOL.NL", 7557, false, NULL, b,
	    known), ==, TRUST_CHANGED);
	CHECK(memcmp(known, a, TLS_FP_SIZE) == 0);
	/* IPv6 without brackets in the file; with or without them in. */
	CHECK_INT(trust_check(p.path, "[FE80::1]", 7557, false, NULL, a, NULL),
	    ==, TRUST_NEW);
	CHECK_INT(trust_check(p.path, "fe80::1", 7557, false, NULL, a, NULL),
	    ==, TRUST_KNOWN);
	got = tmpdir_slurp(p.path, NULL);
	CHECK(got != NULL);
	entry(line, sizeof line, "server.school.nl", 7557, a);
	CHECK_CONTAINS(got, line);
	entry(line, sizeof line, "fe80::1", 7557, a);
	CHECK_CONTAINS(got, line);
	CHECK(strstr(got, "[") == NULL);
	free(got);
	/* A hand-written line in capitals is found too. */
	entry(line, sizeof line, "Mixed.Example", 7557, a);
	spill(p.path, line);
	CHECK_INT(trust_check(p.path, "mixed.example", 7557, false, NULL, a,
	    NULL), ==, TRUST_KNOWN);
	place_clean(&p);
}

static void
test_ports(void)
{
	struct place p;
	uint8_t a[TLS_FP_SIZE], b[TLS_FP_SIZE];

	place_make(&p);
	make_fp(a, 1);
	make_fp(b, 2);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, NULL, a, NULL), ==,
	    TRUST_NEW);
	/* Another port is another server: its own key is new, not changed. */
	CHECK_INT(trust_check(p.path, "srv", 7558, false, NULL, b, NULL), ==,
	    TRUST_NEW);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, NULL, a, NULL), ==,
	    TRUST_KNOWN);
	CHECK_INT(trust_check(p.path, "srv", 7558, false, NULL, b, NULL), ==,
	    TRUST_KNOWN);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, NULL, b, NULL), ==,
	    TRUST_CHANGED);
	CHECK_INT(trust_check(p.path, "srv", 7558, false, NULL, a, NULL), ==,
	    TRUST_CHANGED);
	CHECK_INT(trust_check(p.path, "srv", 1, false, NULL, a, NULL), ==,
	    TRUST_NEW);
	CHECK_INT(trust_check(p.path, "srv", 65535, false, NULL, a, NULL), ==,
	    TRUST_NEW);
	CHECK_INT(trust_check(p.path, "srv", 65535, false, NULL, a, NULL), ==,
	    TRUST_KNOWN);
	place_clean(&p);
}

static void
test_forget(void)
{
	struct place p;
	uint8_t a[TLS_FP_SIZE], b[TLS_FP_SIZE];
	char l1[256], l2[256], l3[256], l4[256], want[2048];
	struct stat st, st2;
	size_t removed = 99;

	place_make(&p);
	make_fp(a, 1);
	make_fp(b, 2);
	entry(l1, sizeof l1, "srv", 7557, a);
	entry(l2, sizeof l2, "srv", 7600, b);
	entry(l3, sizeof l3, "ander", 7557, a);
	entry(l4, sizeof l4, "srv", 7601, a);
	snprintf(want, sizeof want, "# kop\n%s%s%s%s", l1, l2, l3, l4);
	spill(p.path, want);
	CHECK_INT(trust_forget(p.path, "SRV", 7600, &removed), ==, 0);
	CHECK_UINT(removed, ==, 1);
	snprintf(want, sizeof want, "# kop\n%s%s%s", l1, l3, l4);
	check_file(p.path, want);
	CHECK_INT(trust_check(p.path, "srv", 7600, false, NULL, a, NULL), ==,
	    TRUST_NEW);
	CHECK_INT(trust_forget(p.path, "srv", 7600, NULL), ==, 0);
	check_file(p.path, want);
	/* Port 0: every port of that host, no other host. */
	removed = 99;
	CHECK_INT(trust_forget(p.path, "srv", 0, &removed), ==, 0);
	CHECK_UINT(removed, ==, 2);
	snprintf(want, sizeof want, "# kop\n%s", l3);
	check_file(p.path, want);
	CHECK_INT(stat(p.path, &st), ==, 0);
	CHECK_INT(st.st_mode & 0777, ==, 0600);
	CHECK_INT(count_dir(p.dir), ==, 1);
	/* Nothing to forget: nothing is rewritten. */
	removed = 99;
	CHECK_INT(trust_forget(p.path, "srv", 0, &removed), ==, 0);
	CHECK_UINT(removed, ==, 0);
	CHECK_INT(stat(p.path, &st2), ==, 0);
	CHECK_UINT(st2.st_ino, ==, st.st_ino);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, NULL, b, NULL), ==,
	    TRUST_NEW);
	CHECK_INT(trust_check(p.path, "ander", 7557, false, NULL, a, NULL), ==,
	    TRUST_KNOWN);
	/* Bad arguments. */
	CHECK_INT(trust_forget(p.path, "", 0, &removed), ==, -EINVAL);
	CHECK_INT(trust_forget(p.path, "srv", -1, &removed), ==, -EINVAL);
	CHECK_INT(trust_forget(p.path, "srv", 65536, &removed), ==, -EINVAL);
	place_clean(&p);
}

static void
test_junk_survives(void)
{
	struct place p;
	uint8_t a[TLS_FP_SIZE], b[TLS_FP_SIZE];
	char hex[TLS_FP_HEX_SIZE], colons[128], longline[700], lb[256];
	char junk[4096], want[8192];
	size_t i, n = 0;

	place_make(&p);
	make_fp(a, 1);
	make_fp(b, 2);
	tls_fp_hex(a, hex);
	for (i = 0; i < TLS_FP_SIZE; i++)
		n += (size_t)snprintf(colons + n, sizeof colons - n, "%s%.2s",
		    i ? ":" : "", hex + 2 * i);
	/* A line longer than the bound that would otherwise be an entry. */
	snprintf(longline, sizeof longline, "srv 7557 %s", hex);
	memset(longline + strlen(longline), ' ', 600);
	longline[650] = '\0';
	/* Each of these names srv:7557 with a but is not an entry. */
	snprintf(junk, sizeof junk,
	    "# Servers\n"
	    "\n"
	    "   \t\n"
	    "#srv 7557 %s\n"
	    "srv 7557 %s extra\n"
	    "srv 7557 %s\n"
	    "srv 0 %s\n"
	    "srv 70000 %s\n"
	    "srv 75x7 %s\n"
	    "srv 7557 %.63s\n"
	    "srv 7557\n"
	    "%s\n"
	    "niets bruikbaars hier\n"
	    "srv\t7600\t%s\r\n"
	    "ander 7557 %s",
	    hex, hex, colons, hex, hex, hex, hex, longline, hex, hex);
	spill(p.path, junk);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, NULL, a, NULL), ==,
	    TRUST_NEW);
	/* The last line lacked its newline: the new entry starts a line of
	 * its own. */
	entry(lb, sizeof lb, "srv", 7557, a);
	snprintf(want, sizeof want, "%s\n%s", junk, lb);
	check_file(p.path, want);
	/* Tabs and a carriage return still make an entry, as does a line
	 * without its newline. */
	CHECK_INT(trust_check(p.path, "srv", 7600, false, NULL, a, NULL), ==,
	    TRUST_KNOWN);
	CHECK_INT(trust_check(p.path, "ander", 7557, false, NULL, b, NULL), ==,
	    TRUST_CHANGED);
	/* A rewrite keeps every line but the one it drops. */
	CHECK_INT(trust_forget(p.path, "srv", 7557, &n), ==, 0);
	CHECK_UINT(n, ==, 1);
	snprintf(want, sizeof want, "%s\n", junk);
	check_file(p.path, want);
	CHECK_INT(count_dir(p.dir), ==, 1);
	place_clean(&p);
}

static void
test_missing(void)
{
	struct place p;
	uint8_t a[TLS_FP_SIZE];
	char path[256], text[TLS_FP_TEXT_SIZE];
	size_t removed = 99;

	place_make(&p);
	make_fp(a, 1);
	CHECK_INT(trust_forget(p.path, "srv", 0, &removed), ==, 0);
	CHECK_UINT(removed, ==, 0);
	CHECK(access(p.path, F_OK) != 0);
	/* A store that cannot be written (its directory is missing): new
	 * every time, and a pin still decides. */
	snprintf(path, sizeof path, "%s/weg/known_servers", p.dir);
	CHECK_INT(trust_check(path, "srv", 7557, false, NULL, a, NULL), ==,
	    TRUST_NEW);
	CHECK_INT(trust_check(path, "srv", 7557, false, NULL, a, NULL), ==,
	    TRUST_NEW);
	tls_fp_text(a, text);
	CHECK_INT(trust_check(path, "srv", 7557, false, text, a, NULL), ==,
	    TRUST_PINNED);
	CHECK_INT(count_dir(p.dir), ==, 0);
	/* A directory where the file should be: not read, not written. */
	CHECK_INT(mkdir(p.path, 0700), ==, 0);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, NULL, a, NULL), ==,
	    TRUST_NEW);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, text, a, NULL), ==,
	    TRUST_PINNED);
	CHECK_INT(trust_forget(p.path, "srv", 0, &removed), <, 0);
	CHECK_INT(count_dir(p.path), ==, 0);
	CHECK_INT(count_dir(p.dir), ==, 1);
	place_clean(&p);
}

static void
test_too_big(void)
{
	struct place p;
	uint8_t a[TLS_FP_SIZE];
	char line[256], text[TLS_FP_TEXT_SIZE];
	struct stat st, st2;
	size_t removed = 99, i;
	FILE *f;

	place_make(&p);
	make_fp(a, 1);
	entry(line, sizeof line, "srv", 7557, a);
	f = fopen(p.path, "wb");
	CHECK(f != NULL);
	fputs(line, f);
	for (i = 0; i < 25000; i++)
		fputs("# opvulling opvulling opvulling opvulling opvulling\n",
		    f);
	CHECK_INT(fclose(f), ==, 0);
	CHECK_INT(stat(p.path, &st), ==, 0);
	CHECK_INT(st.st_size, >, 1024 * 1024);
	/* Not believed, not grown, not rewritten. */
	CHECK_INT(trust_check(p.path, "srv", 7557, false, NULL, a, NULL), ==,
	    TRUST_NEW);
	CHECK_INT(trust_forget(p.path, "srv", 0, &removed), ==, -EFBIG);
	CHECK_UINT(removed, ==, 0);
	/* A pin still decides, but the file it cannot read is kept. */
	tls_fp_text(a, text);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, text, a, NULL), ==,
	    TRUST_PINNED);
	CHECK_INT(stat(p.path, &st2), ==, 0);
	CHECK_INT(st2.st_size, ==, st.st_size);
	CHECK_UINT(st2.st_ino, ==, st.st_ino);
	/* Just under the bound it is read. */
	CHECK_INT(truncate(p.path, 1024 * 1024), ==, 0);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, NULL, a, NULL), ==,
	    TRUST_KNOWN);
	place_clean(&p);
}

static void
test_bad_args(void)
{
	struct place p;
	uint8_t a[TLS_FP_SIZE];
	char host[300];

	place_make(&p);
	make_fp(a, 1);
	CHECK_INT(trust_check(p.path, "", 7557, false, NULL, a, NULL), ==,
	    -EINVAL);
	CHECK_INT(trust_check(p.path, NULL, 7557, false, NULL, a, NULL), ==,
	    -EINVAL);
	CHECK_INT(trust_check(p.path, "[]", 7557, false, NULL, a, NULL), ==,
	    -EINVAL);
	CHECK_INT(trust_check(p.path, "a b", 7557, false, NULL, a, NULL), ==,
	    -EINVAL);
	CHECK_INT(trust_check(p.path, "a\nb", 7557, false, NULL, a, NULL), ==,
	    -EINVAL);
	CHECK_INT(trust_check(p.path, "#srv", 7557, false, NULL, a, NULL), ==,
	    -EINVAL);
	CHECK_INT(trust_check(p.path, "srv", 0, false, NULL, a, NULL), ==,
	    -EINVAL);
	CHECK_INT(trust_check(p.path, "srv", 65536, false, NULL, a, NULL), ==,
	    -EINVAL);
	CHECK_INT(trust_check(p.path, "srv", 7557, false, NULL, NULL, NULL), ==,
	    -EINVAL);
	memset(host, 'h', 256);
	host[256] = '\0';
	CHECK_INT(trust_check(p.path, host, 7557, false, NULL, a, NULL), ==,
	    -EINVAL);
	CHECK(access(p.path, F_OK) != 0);
	/* 255 bytes is still a host name. */
	host[255] = '\0';
	CHECK_INT(trust_check(p.path, host, 7557, false, NULL, a, NULL), ==,
	    TRUST_NEW);
	CHECK_INT(trust_check(p.path, host, 7557, false, NULL, a, NULL), ==,
	    TRUST_KNOWN);
	place_clean(&p);
}

/* file NULL: the store in $XDG_STATE_HOME/aandeslag. */
static void
test_default_file(void)
{
	struct place p;
	uint8_t a[TLS_FP_SIZE];
	char path[256];
	size_t removed = 0;

	place_make(&p);
	make_fp(a, 1);
	setenv("XDG_STATE_HOME", p.dir, 1);
	CHECK_INT(trust_check(NULL, "srv", 7557, false, NULL, a, NULL), ==,
	    TRUST_NEW);
	snprintf(path, sizeof path, "%s/aandeslag/" TRUST_FILE, p.dir);
	CHECK(access(path, F_OK) == 0);
	CHECK_INT(trust_check(path, "srv", 7557, false, NULL, a, NULL), ==,
	    TRUST_KNOWN);
	CHECK_INT(trust_forget(NULL, "srv", 7557, &removed), ==, 0);
	CHECK_UINT(removed, ==, 1);
	CHECK_INT(trust_check(path, "srv", 7557, false, NULL, a, NULL), ==,
	    TRUST_NEW);
	place_clean(&p);
}

CHECK_MAIN(CHECK_TEST(test_new_then_known), CHECK_TEST(test_changed),
           CHECK_TEST(test_local), CHECK_TEST(test_pinned),
           CHECK_TEST(test_pin_replaces), CHECK_TEST(test_host_case),
           CHECK_TEST(test_ports), CHECK_TEST(test_forget),
           CHECK_TEST(test_junk_survives), CHECK_TEST(test_missing),
           CHECK_TEST(test_too_big), CHECK_TEST(test_bad_args),
           CHECK_TEST(test_default_file))
