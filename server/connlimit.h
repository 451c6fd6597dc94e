/* The count of open connections, per address (the key guard.h makes: an
 * IPv4 address, an IPv4-mapped IPv6 address as its IPv4 address, an IPv6
 * /64) and in all, against --max-conns-per-address and --max-conns. Pure:
 * no I/O; a fixed table, no allocation. */
#ifndef AANDESLAG_CONNLIMIT_H
#define AANDESLAG_CONNLIMIT_H

#include <stddef.h>
#include <stdint.h>

#include "guard.h"

/* The most connections --max-conns allows, and so the most addresses the
 * table ever holds at once. */
#define CONNLIMIT_MAX 16384

/* A classroom of 30 behind one NAT address, each with a client and
 * perhaps a second window or a projector, fits under this. */
#define CONNLIMIT_DEFAULT_PER_ADDRESS 64

/* A school's study day several times over; lowered at start to what the
 * open-file limit leaves. */
#define CONNLIMIT_DEFAULT_TOTAL 1024

struct connlimit_entry {
	struct guard_key key;
	uint32_t count;
};

struct connlimit {
	/* Entries [0, used) are addresses with at least one connection. */
	struct connlimit_entry entries[CONNLIMIT_MAX];
	size_t used;
	size_t total;                   /* with and without an address */
};

/* Empties t (owned by the caller; holds no other memory). A zeroed
 * struct connlimit is empty too. */
void connlimit_init(struct connlimit *t);

/* Counts a new connection from key (NULL: an address without a key,
 * counted in the total only). Returns 0 when it is counted; -ENFILE
 * when total connections are open already, -EMFILE when per_address
 * are open from key already: then nothing is counted. total is at most
 * CONNLIMIT_MAX. */
int connlimit_add(struct connlimit *t, const struct guard_key *key,
                  size_t per_address, size_t total);

/* Counts a connection that connlimit_add() counted (with the same key)
 * as gone. */
void connlimit_remove(struct connlimit *t, const struct guard_key *key);

/* The connections open from key. */
uint32_t connlimit_count(const struct connlimit *t,
                         const struct guard_key *key);

#endif
