/* The server's start-up lines for the chair and for scripts. */
#ifndef AANDESLAG_JOININFO_H
#define AANDESLAG_JOININFO_H

struct server;

/* Prints on stdout the listening line, how colleagues join (every
 * non-loopback IPv4 address the server listens on, also over SSH when
 * there is an account) and the TLS and SSH fingerprints; fills
 * srv->addresses for Welcome. Needs the listener bound. */
void joininfo_print(struct server *srv);

#endif
