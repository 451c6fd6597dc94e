/* A unit test's own directory under /tmp and its removal with everything
 * in it (nftw). Define _XOPEN_SOURCE 700 before any header in a test that
 * includes this, for nftw(). */
#ifndef AANDESLAG_TMPDIR_FIXTURE_H
#define AANDESLAG_TMPDIR_FIXTURE_H

#include <ftw.h>
#include <stdio.h>
#include <sys/stat.h>

static int
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
static int
tmpdir_remove(const char *dir)
{
	if (dir[0] == '\0')
		return 0;
	return nftw(dir, tmpdir_remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

#endif
