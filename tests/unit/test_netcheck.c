/* Tests for the wording of aandeslag --check (netcheck.c): each kind of
 * failure gets its own explanation, with the host and port that matter,
 * and a version mismatch names the side that needs an update. */
#include "check.h"
#include "netcheck.h"

#include <uv.h>

#include "wire.h"

static void
test_resolve(void)
{
	char out[1024];

	/* No such name and no reachable name server read the same. */
	netcheck_explain(NETCHECK_RESOLVE, UV_EAI_NONAME, "srv.school", 7557,
	                 out, sizeof out);
	CHECK_CONTAINS(out, "kent de naam \"srv.school\" niet");
	CHECK_CONTAINS(out, "IP-adres");
	netcheck_explain(NETCHECK_RESOLVE, UV_EAI_AGAIN, "srv.school", 7557,
	                 out, sizeof out);
	CHECK_CONTAINS(out, "kent de naam \"srv.school\" niet");
}

static void
test_connect(void)
{
	char out[1024];

	netcheck_explain(NETCHECK_CONNECT, UV_ECONNREFUSED, "10.0.0.5", 7557,
	                 out, sizeof out);
	CHECK_CONTAINS(out, "Er luistert niets op poort 7557 van 10.0.0.5");
	netcheck_explain(NETCHECK_CONNECT, UV_ETIMEDOUT, "10.0.0.5", 7557,
	                 out, sizeof out);
	CHECK_CONTAINS(out, "firewall");
	CHECK_CONTAINS(out, "wifi-netwerk");
	CHECK_CONTAINS(out, "laptops van elkaar afschermt");
	CHECK_CONTAINS(out, "Vraag IT om TCP-poort 7557");
	netcheck_explain(NETCHECK_CONNECT, UV_EHOSTUNREACH, "10.0.0.5", 8000,
	                 out, sizeof out);
	CHECK_CONTAINS(out, "niet te bereiken");
	CHECK_CONTAINS(out, "TCP-poort 8000");
	/* Anything else still names the error, for IT. */
	netcheck_explain(NETCHECK_CONNECT, UV_EACCES, "10.0.0.5", 7557,
	                 out, sizeof out);
	CHECK_CONTAINS(out, uv_strerror(UV_EACCES));
}

static void
test_handshake(void)
{
	char out[1024];

	netcheck_explain(NETCHECK_HANDSHAKE, UV_EOF, "10.0.0.5", 22, out,
	                 sizeof out);
	CHECK_CONTAINS(out, "geen aandeslag-server");
	CHECK_CONTAINS(out, "poort 22");
}

static void
test_version(void)
{
	char out[1024];

	netcheck_version_advice(WIRE_VERSION_MAX + 1, WIRE_VERSION_MAX + 3,
	                        out, sizeof out);
	CHECK_CONTAINS(out, "Dit programma is ouder");
	/* A server older than the oldest version we speak. */
	netcheck_version_advice(0, WIRE_VERSION_MIN - 1, out, sizeof out);
	CHECK_CONTAINS(out, "De server is ouder");
	/* Cut short without overrunning. */
	netcheck_version_advice(7, 9, out, 10);
	CHECK_INT(strlen(out), ==, 9);
}

CHECK_MAIN(CHECK_TEST(test_resolve), CHECK_TEST(test_connect),
           CHECK_TEST(test_handshake), CHECK_TEST(test_version))
