/* Workshops in storage: one row per workshop in the same SQLite database
 * as the rooms, holding a packed Aandeslag__StoredWorkshop. The rooms of
 * a workshop are ordinary rooms, stored as rooms. */
#ifndef AANDESLAG_WSSTORE_H
#define AANDESLAG_WSSTORE_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* A workshop as stored; pointers are valid during the callback only. */
struct wsstore_row {
	const char *code;
	int64_t created_ms;     /* wall-clock milliseconds since 1970 */
	int64_t used_ms;
	const uint8_t *record;  /* a packed Aandeslag__StoredWorkshop */
	size_t len;
};

/* Writes (inserts or replaces) a workshop's row; created_ms of a row that
 * exists is kept. Returns 0, -ENOSPC (full disk or the size cap), or -EIO
 * with store_error() saying why; nothing is written on failure. */
int wsstore_put(struct store *st, const struct wsstore_row *row);

/* Deletes a workshop's row (its rooms stay rooms). Returns 0 (also when
 * there was none) or a store error. */
int wsstore_delete(struct store *st, const char *code);

/* Calls each(arg, row) for every stored workshop, by code. A callback
 * that returns a negative value stops the load with that value. Returns
 * 0, the callback's value, or a store error. */
int wsstore_load(struct store *st, int (*each)(void *arg,
                 const struct wsstore_row *row), void *arg);

#endif
