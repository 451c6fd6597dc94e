/* The limiter for failed joins: a bounded table of penalty state per
 * address (an IPv4 address, an IPv4-mapped IPv6 address taken as its
 * IPv4 address, or an IPv6 /64) and one token bucket for the whole
 * server. Wrong room or workshop codes, resume tokens, chair or
 * facilitator codes and discovery queries for an unknown code all count
 * here, so that guessing a code costs time. Pure: no I/O, the time is
 * passed in (milliseconds on any monotonic clock). */
#ifndef AANDESLAG_GUARD_H
#define AANDESLAG_GUARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sockaddr;

/* How many addresses are remembered at once. A flood of distinct
 * addresses evicts the oldest; the global bucket still holds then. */
#define GUARD_ENTRIES 1024

/* Room for guard_key_name(): an IPv6 /64 with its "/64". */
#define GUARD_NAME_SIZE 64

#define GUARD_DEFAULT_BURST 10
#define GUARD_DEFAULT_WAIT_MS 5000
#define GUARD_DEFAULT_WAIT_MAX_MS (5 * 60 * 1000)
#define GUARD_DEFAULT_GLOBAL 100

struct guard_options {
	/* Failures an address may make at once, before it must wait. */
	uint32_t burst;
	/* After the burst, one more attempt per wait_ms; each time the
	 * address runs dry again the wait doubles, up to wait_max_ms. It is
	 * back to wait_ms once the address has its whole burst again. */
	int64_t wait_ms;
	int64_t wait_max_ms;
	/* Failures per minute from all addresses together; 0: no such
	 * budget. */
	uint32_t global_per_minute;
};

/* Whom a failure is counted against. */
struct guard_key {
	uint8_t family;                 /* 4 or 6 */
	uint8_t addr[16];               /* IPv4: 4 bytes; IPv6: the /64, rest 0 */
};

struct guard_entry {
	struct guard_key key;
	bool used;
	uint32_t tokens;                /* failures left before waiting */
	uint32_t strikes;               /* times run dry since last full */
	int64_t refill_at;              /* next token, while not full */
	int64_t touched;                /* last failure */
	uint64_t failures;              /* since the entry was made */
};

struct guard {
	struct guard_options opts;
	struct guard_entry entries[GUARD_ENTRIES];
	size_t used;
	uint32_t global_tokens;
	int64_t global_refill_at;
	/* For the log. */
	uint64_t failed, refused, evicted;
};

/* Fills opts with the defaults above. */
void guard_options_default(struct guard_options *opts);

/* Sets g up (owned by the caller; holds no other memory) with opts, with
 * every address and the global budget full at now. */
void guard_init(struct guard *g, const struct guard_options *opts,
                int64_t now);

/* Makes the key for a peer address: AF_INET as is, AF_INET6 mapped
 * (::ffff:a.b.c.d) as its IPv4 address, other AF_INET6 as its /64.
 * Returns 0, or -EAFNOSUPPORT for another family (nothing is counted
 * for it). */
int guard_key_from_addr(const struct sockaddr *sa, struct guard_key *key);

/* Writes the key for the log into out (at least GUARD_NAME_SIZE bytes):
 * "192.0.2.7" or "2001:db8:1:2::/64". */
void guard_key_name(const struct guard_key *key, char *out, size_t size);

/* Returns 0 when key may make a join attempt at now, else the
 * milliseconds to wait (the larger of the address's wait and the global
 * budget's). Counts a refusal when it returns more than 0. */
int64_t guard_check(struct guard *g, const struct guard_key *key,
                    int64_t now);

/* Counts a failed attempt of key at now against its address and the
 * global budget, making an entry for key if it has none (evicting an
 * entry that has its whole burst again, else the one that failed
 * longest ago). Returns what guard_check() would now say: 0 when
 * another attempt may follow at once, else the milliseconds to wait.
 * *failures (may be NULL) gets the failures counted for the address. */
int64_t guard_failed(struct guard *g, const struct guard_key *key,
                     int64_t now, uint64_t *failures);

#endif
