/* What went wrong with the connection to the server, in words a teacher
 * can act on: for the line mode and the full screen alike. */
#ifndef AANDESLAG_NET_DESCRIBE_H
#define AANDESLAG_NET_DESCRIBE_H

#include <stddef.h>

#include "net.h"

/* Writes into out, in the user's language, why a connection to o's
 * server failed with the libuv error err, and what to check (for
 * UV_EBUSY from net_start(): that the seat is open elsewhere). */
void net_describe_error(const struct net_options *o, int err, char *out,
                        size_t size);

/* Writes into out, in the user's language, why the connection ended for
 * good after the room was joined, from the closed handler's err and why:
 * the seat is gone, reconnecting was given up, the server's reason, or
 * just that it broke. */
void net_describe_end(const struct net *net, int err,
                      const struct refusal *why, char *out, size_t size);

#endif
