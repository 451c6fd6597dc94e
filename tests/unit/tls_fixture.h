/* Shared fixture for the TLS unit tests (test_tls.c, test_tls_cert.c): a
 * fresh directory under /tmp for each test (tmp_begin), removed again when
 * the test is done or exits (tmp_remove), and the paths of files in it
 * (tmp_path). Define _XOPEN_SOURCE 700 before any header, for nftw().
 * Inline, so that a test uses what it needs without warnings for the rest;
 * the global root is each test executable's own. */
#ifndef AANDESLAG_TLS_FIXTURE_H
#define AANDESLAG_TLS_FIXTURE_H

#include "check.h"

#include "tlscert.h"
#include "tmpdir_fixture.h"

#include <stdlib.h>
#include <sys/stat.h>

#define ROOT_SIZE 32            /* "/tmp/aandeslag-tls-XXXXXX" */
#define PATH_SIZE 128

static char root[ROOT_SIZE];

static inline void
tmp_remove(void)
{
	tmpdir_remove(root);
	root[0] = '\0';
}

/* Makes this test's fresh directory, removed again when it exits. */
static inline const char *
tmp_begin(void)
{
	snprintf(root, sizeof root, "/tmp/aandeslag-tls-XXXXXX");
	CHECK(mkdtemp(root) != NULL);
	atexit(tmp_remove);
	/* The key's mode is checked, so the umask must not narrow it. */
	umask(022);
	return root;
}

static inline void
tmp_path(const char *name, char out[PATH_SIZE])
{
	CHECK_INT(tlscert_path(root, name, out, PATH_SIZE), ==, 0);
}

#endif
