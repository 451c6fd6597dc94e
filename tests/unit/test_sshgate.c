/* Tests for the SSH account's gate (sshgate.c): what an SSH request may
 * run, where an export is placed, the scp line the user is shown, and the
 * sweep of old downloads. */
#include "check.h"
#include "sshgate.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#define DIR20 "abcdefghij0123456789"

static enum sshgate_route
route(const char *command, char rel[SSHGATE_REL_SIZE])
{
	rel[0] = '\0';
	return sshgate_route(command, rel, SSHGATE_REL_SIZE);
}

static void
test_route_session(void)
{
	char rel[SSHGATE_REL_SIZE];

	CHECK_INT(route(NULL, rel), ==, SSHGATE_SESSION);
	CHECK_INT(route("", rel), ==, SSHGATE_SESSION);
	CHECK_INT(route("  \t", rel), ==, SSHGATE_SESSION);
}

static void
test_route_download(void)
{
	char rel[SSHGATE_REL_SIZE];

	CHECK_INT(route("scp -f " DIR20 "/poster.md", rel), ==,
	          SSHGATE_DOWNLOAD);
	CHECK_STR(rel, DIR20 "/poster.md");
	/* The flags a fetching scp sends, and the quoted path of a newer
	 * one. */
	CHECK_INT(route("scp -v -p -f -- '" DIR20 "/acties.csv'", rel), ==,
	          SSHGATE_DOWNLOAD);
	CHECK_STR(rel, DIR20 "/acties.csv");
}

static void
test_route_refuse(void)
{
	static const char *const refused[] = {
		"ls",
		"sh -c 'cat /etc/passwd'",
		"/usr/lib/openssh/sftp-server",
		"internal-sftp",
		"scp -f /etc/passwd",
		"scp -f ../../etc/passwd",
		"scp -f " DIR20 "/../x",
		"scp -f " DIR20 "/.profile",
		"scp -f " DIR20 "/a/b",
		"scp -f abcdefghij012345678/poster.md",          /* 19 */
		"scp -f ABCDEFGHIJ0123456789/poster.md",         /* upper */
		"scp -f " DIR20 "/",
		"scp -f " DIR20 "/poster.md; rm -rf /",
		"scp -t " DIR20 "/poster.md",                    /* upload */
		"scp -r -f " DIR20 "/poster.md",
		"scp " DIR20 "/poster.md",                       /* no -f */
		"scp -f",
		"scpx -f " DIR20 "/poster.md",
	};
	char rel[SSHGATE_REL_SIZE];
	size_t i;

	for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		if (route(refused[i], rel) != SSHGATE_REFUSE)
			CHECK_FAIL("not refused: %s", refused[i]);
		CHECK_STR(rel, "");
	}
	/* A place too small for the path is a refusal, not an overrun. */
	CHECK_INT(sshgate_route("scp -f " DIR20 "/poster.md", rel, 10), ==,
	          SSHGATE_REFUSE);
}

static int
remove_entry(const char *path, const struct stat *st, int flag,
             struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	return flag == FTW_DP ? rmdir(path) : unlink(path);
}

static void
test_place(void)
{
	char dir[] = "/tmp/aandeslag-sshgate-XXXXXX";
	char path[512], rel[SSHGATE_REL_SIZE], route_rel[SSHGATE_REL_SIZE];
	char command[256];
	struct stat st;

	CHECK(mkdtemp(dir) != NULL);
	/* Only the last component counts, cleaned: the user cannot write
	 * anywhere else on the server. */
	CHECK_INT(sshgate_place(dir, "../../etc/Ons poster (v2).md", path,
	                        sizeof path, rel), ==, 0);
	CHECK_STR(rel + 21, "Ons_poster__v2_.md");
	CHECK_INT(rel[20], ==, '/');
	CHECK(strncmp(path, dir, strlen(dir)) == 0);
	CHECK_STR(path + strlen(dir) + 1, rel);
	CHECK_INT(stat(path, &st), ==, -1);
	*strrchr(path, '/') = '\0';
	CHECK_INT(stat(path, &st), ==, 0);
	CHECK_INT(st.st_mode & 0777, ==, 0700);
	/* What it made is what the gate lets scp fetch. */
	snprintf(command, sizeof command, "scp -f %s", rel);
	CHECK_INT(route(command, route_rel), ==, SSHGATE_DOWNLOAD);
	CHECK_STR(route_rel, rel);
	/* A hidden name is made visible; two places never share a dir. */
	CHECK_INT(sshgate_place(dir, ".bashrc", path, sizeof path, route_rel),
	          ==, 0);
	CHECK_STR(route_rel + 21, "_bashrc");
	CHECK(strncmp(route_rel, rel, 20) != 0);
	/* Nothing usable, or nowhere to put it. */
	CHECK_INT(sshgate_place(dir, "", path, sizeof path, rel), ==, -EINVAL);
	CHECK_INT(sshgate_place(dir, "dir/", path, sizeof path, rel), ==,
	          -EINVAL);
	CHECK_INT(sshgate_place(dir, "???", path, sizeof path, rel), ==,
	          -EINVAL);
	CHECK_INT(sshgate_place("/nonexistent/aandeslag", "a.md", path,
	                        sizeof path, rel), ==, -ENOENT);
	CHECK_INT(sshgate_place(dir, "a.md", path, 20, rel), ==,
	          -ENAMETOOLONG);
	nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

static void
test_fetch_command(void)
{
	char out[SSHGATE_FETCH_SIZE];

	CHECK_INT(sshgate_fetch_command("10.0.0.9 51234 10.0.0.5 22",
	                                "werksessie", DIR20 "/p.md", out), ==, 0);
	CHECK_STR(out, "scp -O werksessie@10.0.0.5:" DIR20 "/p.md .");
	CHECK_INT(sshgate_fetch_command("127.0.0.1 40000 127.0.0.1 2222",
	                                "werksessie", DIR20 "/p.md", out), ==, 0);
	CHECK_STR(out, "scp -O -P 2222 werksessie@127.0.0.1:" DIR20 "/p.md .");
	CHECK_INT(sshgate_fetch_command("fe80::1%eth0 5 2001:db8::5 22", "w",
	                                "d/f", out), ==, 0);
	CHECK_STR(out, "scp -O w@[2001:db8::5]:d/f .");
	/* Missing or strange: no command rather than a wrong one. */
	CHECK_INT(sshgate_fetch_command(NULL, "w", "d/f", out), ==, -EINVAL);
	CHECK_INT(sshgate_fetch_command("10.0.0.9 5", "w", "d/f", out), ==,
	          -EINVAL);
	CHECK_INT(sshgate_fetch_command("1 2 10.0.0.5;rm 22", "w", "d/f", out),
	          ==, -EINVAL);
	CHECK_INT(sshgate_fetch_command("1 2 10.0.0.5 22x", "w", "d/f", out),
	          ==, -EINVAL);
}

static void
test_sweep(void)
{
	char dir[] = "/tmp/aandeslag-sshgate-XXXXXX";
	char old[512], young[512], other[512], file[600], rel[SSHGATE_REL_SIZE];
	struct utimbuf then;
	struct stat st;
	time_t now = time(NULL);
	FILE *f;

	CHECK(mkdtemp(dir) != NULL);
	CHECK_INT(sshgate_place(dir, "oud.md", file, sizeof file, rel), ==, 0);
	f = fopen(file, "w");
	CHECK(f != NULL);
	fputs("poster\n", f);
	fclose(f);
	snprintf(old, sizeof old, "%s/%.20s", dir, rel);
	CHECK_INT(sshgate_place(dir, "nieuw.md", file, sizeof file, rel), ==, 0);
	snprintf(young, sizeof young, "%s/%.20s", dir, rel);
	/* Something the gate did not make stays, however old. */
	snprintf(other, sizeof other, "%s/keep", dir);
	CHECK_INT(mkdir(other, 0700), ==, 0);
	then.actime = then.modtime = now - SSHGATE_KEEP_SECONDS - 60;
	CHECK_INT(utime(old, &then), ==, 0);
	CHECK_INT(utime(other, &then), ==, 0);
	sshgate_sweep(dir, now, SSHGATE_KEEP_SECONDS);
	CHECK_INT(stat(old, &st), ==, -1);
	CHECK_INT(stat(young, &st), ==, 0);
	CHECK_INT(stat(other, &st), ==, 0);
	nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

CHECK_MAIN(CHECK_TEST(test_route_session), CHECK_TEST(test_route_download),
           CHECK_TEST(test_route_refuse), CHECK_TEST(test_place),
           CHECK_TEST(test_fetch_command), CHECK_TEST(test_sweep))
