/* Replacing a file whole: the bytes go to a temporary file in the same
 * directory (mkstemp: never a file or link someone else put there), which
 * is synced and renamed over the target, so a crash, a full disk or a
 * failed write never leaves half a file where a good one was. */
#ifndef AANDESLAG_ATOMICFILE_H
#define AANDESLAG_ATOMICFILE_H

#include <stddef.h>
#include <sys/types.h>

/* Writes len bytes of data to path with the given mode (applied as it
 * is, whatever the umask). Borrows data. Returns 0, or a negative errno
 * (-ENAMETOOLONG for a path too long): path is then as it was and the
 * temporary file gone. */
int atomicfile_write(const char *path, const void *data, size_t len,
                     mode_t mode);

/* Writes all len bytes of data to fd, again after EINTR and short
 * writes. Returns 0 or a negative errno. */
int atomicfile_write_all(int fd, const void *data, size_t len);

#endif
