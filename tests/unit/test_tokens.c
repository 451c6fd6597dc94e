/* Tests for tokens.c: seat file names that nothing typed can escape,
 * keeping and reading a token, the lock against a second client, and
 * removing the file when the seat is gone. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "tokens.h"

static const uint8_t TOKEN[16] = {
	0x00, 0x01, 0x7f, 0x80, 0xff, 0x10, 0x20, 0x30,
	0x40, 0x50, 0x60, 0x70, 0xa0, 0xb0, 0xc0, 0xde,
};

/* A new empty directory for one test's seat files. */
static void
make_dir(char dir[64])
{
	snprintf(dir, 64, "/tmp/aandeslag-tokens-XXXXXX");
	CHECK(mkdtemp(dir) != NULL);
}

/* The number of entries in dir, besides . and .. */
static int
count_files(const char *dir)
{
	char cmd[128];
	FILE *f;
	int n = -1;

	snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l", dir);
	f = popen(cmd, "r");
	CHECK(f != NULL);
	CHECK(fscanf(f, "%d", &n) == 1);
	pclose(f);
	return n;
}

static void
check_name(const char *name)
{
	size_t i, n = strlen(name);

	CHECK_INT(n, ==, TOKENS_NAME_SIZE - 1);
	CHECK(strcmp(name + 16, ".token") == 0);
	for (i = 0; i < 16; i++)
		CHECK(strchr("0123456789abcdef", name[i]) != NULL);
}

static void
test_names_are_safe(void)
{
	static const char *const names[] = {
		"Bram", "../../etc/passwd", "a/b", "..", ".", "Bram Ölçer",
		"  spaties  ", "Zoë", "", ("\xe2\x80\xae" "evil"), "a\nb",
	};
	char seen[sizeof names / sizeof names[0]][TOKENS_NAME_SIZE];
	char base[TOKENS_NAME_SIZE], other[TOKENS_NAME_SIZE];
	size_t i, k;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		tokens_name("127.0.0.1", 7557, "K7QM-2XPD", names[i], seen[i]);
		check_name(seen[i]);
		for (k = 0; k < i; k++)
			CHECK(strcmp(seen[i], seen[k]) != 0);
	}
	/* Every part counts, and parts do not run into each other. */
	tokens_name("127.0.0.1", 7557, "K7QM-2XPD", "Bram", base);
	tokens_name("127.0.0.1", 7558, "K7QM-2XPD", "Bram", other);
	CHECK(strcmp(base, other) != 0);
	tokens_name("localhost", 7557, "K7QM-2XPD", "Bram", other);
	CHECK(strcmp(base, other) != 0);
	tokens_name("127.0.0.1", 7557, "K7QM-2XPE", "Bram", other);
	CHECK(strcmp(base, other) != 0);
	tokens_name("ab", 1, "c", "d", base);
	tokens_name("a", 1, "bc", "d", other);
	CHECK(strcmp(base, other) != 0);
	/* The same seat, the same name, every time. */
	tokens_name("127.0.0.1", 7557, "K7QM-2XPD", "Bram Ölçer", seen[0]);
	tokens_name("127.0.0.1", 7557, "K7QM-2XPD", "Bram Ölçer", seen[1]);
	CHECK_STR(seen[0], seen[1]);
}

static void
test_files_stay_in_their_directory(void)
{
	struct tokens_seat s;
	char dir[64], prefix[80];

	make_dir(dir);
	CHECK_INT(tokens_open(&s, dir, "127.0.0.1", 7557, "K7QM-2XPD",
	                      "../../../tmp/x y/Zoë"), ==, 0);
	snprintf(prefix, sizeof prefix, "%s/", dir);
	CHECK(strncmp(s.path, prefix, strlen(prefix)) == 0);
	CHECK(strchr(s.path + strlen(prefix), '/') == NULL);
	CHECK_INT(tokens_save(&s, TOKEN, sizeof TOKEN), ==, 0);
	tokens_close(&s);
	CHECK_INT(count_files(dir), ==, 1);
	CHECK_INT(unlink(s.path), ==, 0);
	CHECK_INT(rmdir(dir), ==, 0);
}

static void
test_save_and_read(void)
{
	struct tokens_seat s;
	struct stat st;
	uint8_t got[TOKENS_TOKEN_MAX];
	char dir[64];

	make_dir(dir);
	CHECK_INT(tokens_open(&s, dir, "school.nl", 7557, "K7QM-2XPD",
	                      "Bram Ölçer"), ==, 0);
	CHECK(tokens_is_open(&s));
	/* A new file holds no token. */
	CHECK_INT(tokens_read(&s, got, sizeof got), ==, 0);
	CHECK_INT(tokens_save(&s, TOKEN, sizeof TOKEN), ==, 0);
	CHECK_INT(stat(s.path, &st), ==, 0);
	CHECK_INT(st.st_mode & 0777, ==, 0600);
	tokens_close(&s);
	CHECK(!tokens_is_open(&s));
	/* Next time: the same token. */
	CHECK_INT(tokens_open(&s, dir, "school.nl", 7557, "K7QM-2XPD",
	                      "Bram Ölçer"), ==, 0);
	memset(got, 0, sizeof got);
	CHECK_INT(tokens_read(&s, got, sizeof got), ==, (int)sizeof TOKEN);
	CHECK(memcmp(got, TOKEN, sizeof TOKEN) == 0);
	/* Too small a buffer gets nothing rather than half a token. */
	CHECK_INT(tokens_read(&s, got, 8), ==, 0);
	/* A later token replaces it. */
	CHECK_INT(tokens_save(&s, TOKEN + 8, 8), ==, 0);
	CHECK_INT(tokens_read(&s, got, sizeof got), ==, 8);
	CHECK(memcmp(got, TOKEN + 8, 8) == 0);
	tokens_close(&s);
	/* Another seat has a file of its own, and no token yet. */
	CHECK_INT(tokens_open(&s, dir, "school.nl", 7557, "K7QM-2XPD",
	                      "Carla"), ==, 0);
	CHECK_INT(tokens_read(&s, got, sizeof got), ==, 0);
	tokens_close(&s);
	CHECK_INT(count_files(dir), ==, 1);
	CHECK_INT(tokens_open(&s, dir, "school.nl", 7557, "K7QM-2XPD",
	                      "Bram Ölçer"), ==, 0);
	tokens_remove(&s);
	CHECK_INT(count_files(dir), ==, 0);
	CHECK_INT(rmdir(dir), ==, 0);
}

static void
test_damaged_or_foreign_file(void)
{
	struct tokens_seat s;
	uint8_t got[TOKENS_TOKEN_MAX];
	char dir[64], path[1024];
	int fd;

	make_dir(dir);
	CHECK_INT(tokens_open(&s, dir, "h", 1, "K7QM-2XPD", "Bram"), ==, 0);
	snprintf(path, sizeof path, "%s", s.path);
	/* Not hex. */
	CHECK_INT(pwrite(s.fd, "zz\nh 1 K7QM-2XPD Bram\n", 22, 0), ==, 22);
	CHECK_INT(tokens_read(&s, got, sizeof got), ==, 0);
	/* Good hex, but for someone else (a hash that collided). */
	CHECK_INT(ftruncate(s.fd, 0), ==, 0);
	CHECK_INT(pwrite(s.fd, "0102\nh 1 K7QM-2XPD Carla\n", 25, 0), ==, 25);
	CHECK_INT(tokens_read(&s, got, sizeof got), ==, 0);
	/* The right one. */
	CHECK_INT(ftruncate(s.fd, 0), ==, 0);
	CHECK_INT(pwrite(s.fd, "0102\nh 1 K7QM-2XPD Bram\n", 24, 0), ==, 24);
	CHECK_INT(tokens_read(&s, got, sizeof got), ==, 2);
	CHECK_INT(got[0], ==, 1);
	CHECK_INT(got[1], ==, 2);
	/* Forgotten: the lock stays, the file is gone when closed. */
	CHECK_INT(tokens_forget(&s), ==, 0);
	CHECK_INT(tokens_read(&s, got, sizeof got), ==, 0);
	fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	close(fd);
	tokens_close(&s);
	CHECK(access(path, F_OK) < 0);
	CHECK_INT(rmdir(dir), ==, 0);
}

static void
test_second_lock_refused(void)
{
	struct tokens_seat a, b, c;
	char dir[64];

	make_dir(dir);
	CHECK_INT(tokens_open(&a, dir, "h", 7557, "K7QM-2XPD", "Bram"), ==, 0);
	CHECK_INT(tokens_save(&a, TOKEN, sizeof TOKEN), ==, 0);
	/* flock() locks belong to the open file, so a second open in the
	 * same process conflicts just as another process would. */
	CHECK_INT(tokens_open(&b, dir, "h", 7557, "K7QM-2XPD", "Bram"), ==,
	          -EBUSY);
	CHECK(!tokens_is_open(&b));
	/* Another seat is free. */
	CHECK_INT(tokens_open(&c, dir, "h", 7557, "K7QM-2XPD", "Carla"), ==, 0);
	tokens_close(&c);
	/* The refused attempt changed nothing. */
	tokens_close(&a);
	CHECK_INT(tokens_open(&b, dir, "h", 7557, "K7QM-2XPD", "Bram"), ==, 0);
	tokens_remove(&b);
	CHECK_INT(count_files(dir), ==, 0);
	CHECK_INT(rmdir(dir), ==, 0);
}

static void
test_lock_of_a_removed_file(void)
{
	struct tokens_seat a, b;
	char dir[64], path[1024];
	int fd;

	make_dir(dir);
	CHECK_INT(tokens_open(&a, dir, "h", 7557, "K7QM-2XPD", "Bram"), ==, 0);
	CHECK_INT(tokens_save(&a, TOKEN, sizeof TOKEN), ==, 0);
	snprintf(path, sizeof path, "%s", a.path);
	/* Someone opened the old file just before it was removed: the
	 * next holder must lock the new file, not the deleted one. */
	fd = open(path, O_RDWR);
	CHECK(fd >= 0);
	tokens_remove(&a);
	CHECK_INT(flock(fd, LOCK_EX | LOCK_NB), ==, 0);
	CHECK_INT(tokens_open(&b, dir, "h", 7557, "K7QM-2XPD", "Bram"), ==, 0);
	close(fd);
	tokens_close(&b);
	CHECK_INT(rmdir(dir), ==, 0);
}

static void
test_xdg_state_home(void)
{
	struct tokens_seat s;
	char dir[64], want[128];
	struct stat st;

	make_dir(dir);
	setenv("XDG_STATE_HOME", dir, 1);
	CHECK_INT(tokens_open(&s, NULL, "h", 7557, "K7QM-2XPD", "Bram"), ==, 0);
	snprintf(want, sizeof want, "%s/aandeslag/tokens/", dir);
	CHECK(strncmp(s.path, want, strlen(want)) == 0);
	want[strlen(want) - 1] = '\0';
	CHECK_INT(stat(want, &st), ==, 0);
	CHECK_INT(st.st_mode & 0777, ==, 0700);
	CHECK_INT(tokens_save(&s, TOKEN, sizeof TOKEN), ==, 0);
	tokens_remove(&s);
	rmdir(want);
	snprintf(want, sizeof want, "%s/aandeslag", dir);
	rmdir(want);
	CHECK_INT(rmdir(dir), ==, 0);
}

CHECK_MAIN(CHECK_TEST(test_names_are_safe),
           CHECK_TEST(test_files_stay_in_their_directory),
           CHECK_TEST(test_save_and_read),
           CHECK_TEST(test_damaged_or_foreign_file),
           CHECK_TEST(test_second_lock_refused),
           CHECK_TEST(test_lock_of_a_removed_file),
           CHECK_TEST(test_xdg_state_home))
