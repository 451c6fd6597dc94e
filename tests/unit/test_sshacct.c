/* Tests for what the server knows of its SSH account (sshacct.c): the
 * host key's fingerprint as ssh shows it, and which names pass as an
 * account name. The account search reads the host's own accounts and is
 * tested end to end in tests/integration/test_ssh.py. */
#include "check.h"
#include "sshacct.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* A key made with ssh-keygen -t ed25519, and the fingerprint that
 * ssh-keygen -lf printed for it. */
#define KEY "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG84rC8UuKoZVy/Eib4nf9XVR1" \
            "SsQwapIbBH95FPrZpG test@aandeslag\n"
#define FINGERPRINT "SHA256:bc/aWG+gnjXX/D1MlpxyFi7hj3eO+waTqBz/ISb09VQ"

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	CHECK(f != NULL);
	fputs(text, f);
	fclose(f);
}

static void
test_fingerprint(void)
{
	char path[] = "/tmp/aandeslag-key-XXXXXX", out[SSHACCT_FINGERPRINT_SIZE];
	int fd = mkstemp(path);

	CHECK(fd >= 0);
	close(fd);
	write_file(path, KEY);
	CHECK_INT(sshacct_fingerprint(path, out), ==, 0);
	CHECK_STR(out, FINGERPRINT);
	/* Without a comment or a newline it is the same key. */
	write_file(path, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG84rC8UuKoZVy/"
	           "Eib4nf9XVR1SsQwapIbBH95FPrZpG");
	CHECK_INT(sshacct_fingerprint(path, out), ==, 0);
	CHECK_STR(out, FINGERPRINT);
	/* Not a key: no fingerprint rather than a wrong one. */
	write_file(path, "ssh-ed25519 not*base64 x\n");
	CHECK_INT(sshacct_fingerprint(path, out), ==, -EINVAL);
	write_file(path, "ssh-ed25519\n");
	CHECK_INT(sshacct_fingerprint(path, out), ==, -EINVAL);
	write_file(path, "");
	CHECK_INT(sshacct_fingerprint(path, out), ==, -EINVAL);
	unlink(path);
	CHECK_INT(sshacct_fingerprint(path, out), ==, -ENOENT);
}

static void
test_valid(void)
{
	CHECK(sshacct_valid("werksessie"));
	CHECK(sshacct_valid("klas_2-b"));
	CHECK(!sshacct_valid(""));
	CHECK(!sshacct_valid("-oProxyCommand"));
	CHECK(!sshacct_valid("Juf Anna"));
	CHECK(!sshacct_valid("a@b"));
	CHECK(!sshacct_valid("abcdefghijklmnopqrstuvwxyz0123456"));   /* 33 */
	CHECK(sshacct_valid("abcdefghijklmnopqrstuvwxyz012345"));     /* 32 */
}

CHECK_MAIN(CHECK_TEST(test_fingerprint), CHECK_TEST(test_valid))
