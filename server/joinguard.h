/* The limiter for failed joins (guard.h) at work in the server: a join
 * from an address that must wait is refused with ERROR_TRY_LATER before
 * its code is looked up; a wrong room or workshop code, resume token or
 * chair or facilitator code counts against the address, and so does a
 * discovery query for a code the server does not hold. */
#ifndef AANDESLAG_JOINGUARD_H
#define AANDESLAG_JOINGUARD_H

#include <stdbool.h>
#include <stdint.h>

struct conn;
struct server;
struct sockaddr;

/* Returns true when c's address (or the server as a whole) must wait
 * before another join attempt; c's request was then refused with
 * ERROR_TRY_LATER and the seconds to wait, and nothing may be looked up
 * for it. Returns false when the attempt may go on. */
bool joinguard_wait(struct conn *c, uint64_t request_id);

/* Refuses c's join request with code (a failed join: ERROR_NO_SUCH_ROOM,
 * ERROR_BAD_TOKEN, ERROR_BAD_CHAIR_CODE) and counts the failure against
 * c's address; logs the address and the count, never the code. */
void joinguard_refuse(struct conn *c, uint64_t request_id, int code);

/* Answers a discovery query from from for code (the first half of one,
 * CODE_HALF_CHARS, not ""): 1 when a room's or workshop's code starts
 * with it, 0 when none does (counted as a failed join), or -EAGAIN when from must wait: then the query gets no answer
 * and nothing is looked up. arg is the struct server. */
int joinguard_discovery(void *arg, const char *code,
                        const struct sockaddr *from);

/* Logs what the limiter did, when it did anything; at the server's end. */
void joinguard_log_totals(const struct server *srv);

#endif
