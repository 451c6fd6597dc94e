/* What the server prints when it starts: the listening line (stable, for
 * scripts), and in the user's language how colleagues join and which
 * fingerprints they compare. */
#include "joininfo.h"

#include <stdio.h>
#include <string.h>
#include <uv.h>

#include "i18n.h"
#include "server.h"
#include "tls.h"

/* The fingerprint colleagues compare on their first connection, and a
 * stable line for scripts and tests. */
static void
print_tls_line(const struct server *srv)
{
	char text[TLS_FP_TEXT_SIZE], hex[TLS_FP_HEX_SIZE];

	if (srv->tls_creds == NULL) {
		printf(_("Let op: verbindingen zijn niet versleuteld (--tls off).\n"));
		printf("tls: off\n");
		return;
	}
	tls_fp_text(srv->tls_fp, text);
	tls_fp_hex(srv->tls_fp, hex);
	printf(_("Vingerafdruk van de server (versleuteling): %s\n"), text);
	printf("tls fingerprint: %s sha256:%s%s\n", text, hex,
	       srv->opts.tls == SERVER_TLS_REQUIRED ? " required" : "");
}

void
joininfo_print(struct server *srv)
{
	struct sockaddr_storage addr;
	uv_interface_address_t *ifs;
	int len = sizeof addr, n, i, port = 0, shown = 0;
	char name[64] = "?";

	if (uv_tcp_getsockname(&srv->listener, (struct sockaddr *)&addr,
	                       &len) == 0) {
		if (addr.ss_family == AF_INET6) {
			uv_ip6_name((struct sockaddr_in6 *)&addr, name, sizeof name);
			port = ntohs(((struct sockaddr_in6 *)&addr)->sin6_port);
		} else {
			uv_ip4_name((struct sockaddr_in *)&addr, name, sizeof name);
			port = ntohs(((struct sockaddr_in *)&addr)->sin_port);
		}
	}
	printf("aandeslag-server: listening on %s port %d\n", name, port);
	if (uv_interface_addresses(&ifs, &n) == 0) {
		for (i = 0; i < n; i++) {
			char ip[64];

			if (ifs[i].is_internal ||
			    ifs[i].address.address4.sin_family != AF_INET)
				continue;
			uv_ip4_name(&ifs[i].address.address4, ip, sizeof ip);
			if (srv->opts.listen != NULL &&
			    strcmp(srv->opts.listen, ip) != 0 &&
			    strcmp(srv->opts.listen, "0.0.0.0") != 0 &&
			    strcmp(srv->opts.listen, "::") != 0)
				continue;
			printf(_("Collega's doen mee met: aandeslag --host %s --port %d CODE\n"),
			       ip, port);
			if (srv->ssh_account[0] != '\0')
				printf(_("Zonder programma (Windows, macOS): ssh %s@%s\n"),
				       srv->ssh_account, ip);
			shown++;
			if (srv->naddresses < 8)
				snprintf(srv->addresses[srv->naddresses++],
				         sizeof srv->addresses[0], "%s:%d", ip, port);
		}
		uv_free_interface_addresses(ifs, n);
	}
	if (shown == 0) {
		printf(_("Collega's op deze computer doen mee met: aandeslag --host %s --port %d CODE\n"),
		       srv->opts.listen ? srv->opts.listen : "127.0.0.1", port);
		if (srv->ssh_account[0] != '\0')
			printf(_("Zonder programma (Windows, macOS): ssh %s@%s\n"),
			       srv->ssh_account, srv->opts.listen ?
			       srv->opts.listen : "127.0.0.1");
	}
	if (srv->ssh_fingerprint[0] != '\0')
		printf(_("Vingerafdruk van de server voor ssh: %s\n"),
		       srv->ssh_fingerprint);
	print_tls_line(srv);
	printf(_("De code van een werksessie staat bij de voorzitter, die hem maakt met --new-room.\n"));
	fflush(stdout);
}

