/* A unit test's own directory under /tmp: files written into it, and its
 * removal with everything in it (nftw). Define _XOPEN_SOURCE 700 before any
 * header in a test that removes it, for nftw(). Inline, so that a test
 * uses what it needs without warnings for the rest. */
#ifndef AANDESLAG_TMPDIR_FIXTURE_H
#define AANDESLAG_TMPDIR_FIXTURE_H

#include <ftw.h>
#include <stdio.h>
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

#endif
