/* The connection count per address: a compact array searched from the
 * front. Even at CONNLIMIT_MAX addresses that is a few microseconds per
 * accept and close, far below what the accept itself costs. */
#include "connlimit.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>

void
connlimit_init(struct connlimit *t)
{
	t->used = 0;
	t->total = 0;
}

static bool
same(const struct guard_key *a, const struct guard_key *b)
{
	return a->family == b->family &&
	       memcmp(a->addr, b->addr, sizeof a->addr) == 0;
}

static struct connlimit_entry *
find(const struct connlimit *t, const struct guard_key *key)
{
	size_t i;

	for (i = 0; i < t->used; i++)
		if (same(&t->entries[i].key, key))
			return (struct connlimit_entry *)&t->entries[i];
	return NULL;
}

int
connlimit_add(struct connlimit *t, const struct guard_key *key,
              size_t per_address, size_t total)
{
	struct connlimit_entry *e = NULL;

	if (total > CONNLIMIT_MAX)
		total = CONNLIMIT_MAX;
	if (t->total >= total)
		return -ENFILE;
	if (key != NULL) {
		e = find(t, key);
		if (e != NULL && e->count >= per_address)
			return -EMFILE;
		if (e == NULL && per_address == 0)
			return -EMFILE;
		if (e == NULL) {
			/* used <= total < CONNLIMIT_MAX: there is room. */
			e = &t->entries[t->used++];
			e->key = *key;
			e->count = 0;
		}
		e->count++;
	}
	t->total++;
	return 0;
}

void
connlimit_remove(struct connlimit *t, const struct guard_key *key)
{
	struct connlimit_entry *e;

	if (t->total > 0)
		t->total--;
	if (key == NULL)
		return;
	e = find(t, key);
	if (e == NULL)
		return;
	if (--e->count == 0)
		*e = t->entries[--t->used];
}

uint32_t
connlimit_count(const struct connlimit *t, const struct guard_key *key)
{
	const struct connlimit_entry *e = find(t, key);

	return e != NULL ? e->count : 0;
}
