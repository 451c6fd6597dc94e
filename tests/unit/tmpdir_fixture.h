/* A unit test's own directory under /tmp: files written into it, and its
 * removal with everything in it (nftw). Define _XOPEN_SOURCE 700 before any
 * header in a test that removes it, for nftw(). Inline, so that a test
 * uses what it needs without warnings for the rest. */
#ifndef AANDESLAG_TMPDIR_FIXTURE_H
#define AANDESLAG_TMPDIR_FIXTURE_H

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "check.h"

static inline int
tmpdir_remove_entry(const char *path, const struct stat *sb, int flag,
                    struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Removes dir and everything below it; "" is left alone. Returns 0 or
 * nftw()'s -1. */
static inline int
tmpdir_remove(const char *dir)
{
	if (dir[0] == '\0')
		return 0;
	return nftw(dir, tmpdir_remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Writes text to a new file name in dir and returns its path in path. */
static inline void
tmpdir_write(const char *dir, const char *name, const char *text, char *path,
             size_t size)
{
	FILE *f;

	snprintf(path, size, "%s/%s", dir, name);
	f = fopen(path, "w");
	CHECK(f != NULL);
	fputs(text, f);
	fclose(f);
}

/* Returns the file's content, NUL-terminated, to free, with its length in
 * *len (len may be NULL); NULL when there is no such file. Any other
 * failure fails the test. */
static inline char *
tmpdir_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (len != NULL)
		*len = 0;
	if (f == NULL) {
		CHECK_INT(errno, ==, ENOENT);
		return NULL;
	}
	CHECK_INT(fseek(f, 0, SEEK_END), ==, 0);
	n = ftell(f);
	CHECK_INT(n, >=, 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	CHECK(buf != NULL);
	CHECK_UINT(fread(buf, 1, (size_t)n, f), ==, (size_t)n);
	buf[n] = '\0';
	fclose(f);
	if (len != NULL)
		*len = (size_t)n;
	return buf;
}

#endif
