/* Tests for clientconf.c: finding the server without typing an address. */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "clientconf.h"
#include "tmpdir_fixture.h"

static void
test_split(void)
{
	char host[CLIENTCONF_HOST_SIZE];
	int port = 7557;

	CHECK_INT(clientconf_split("server.school.nl", host, &port), ==, 0);
	CHECK_STR(host, "server.school.nl");
	CHECK_INT(port, ==, 7557);
	CHECK_INT(clientconf_split("192.168.1.20:7600", host, &port), ==, 0);
	CHECK_STR(host, "192.168.1.20");
	CHECK_INT(port, ==, 7600);
	CHECK_INT(clientconf_split("[fe80::1]:7601", host, &port), ==, 0);
	CHECK_STR(host, "fe80::1");
	CHECK_INT(port, ==, 7601);
	CHECK_INT(clientconf_split("::1", host, &port), ==, 0);
	CHECK_STR(host, "::1");
	CHECK_INT(port, ==, 7601);
	port = 1;
	CHECK_INT(clientconf_split("", host, &port), ==, -EINVAL);
	CHECK_INT(clientconf_split("host:0", host, &port), ==, -EINVAL);
	CHECK_INT(clientconf_split("host:70000", host, &port), ==, -EINVAL);
	CHECK_INT(clientconf_split("host:x", host, &port), ==, -EINVAL);
	CHECK_INT(clientconf_split("[::1", host, &port), ==, -EINVAL);
	CHECK_INT(port, ==, 1);
}

static void
test_read(void)
{
	char dir[] = "/tmp/aandeslag-conf-XXXXXX", path[1024];
	char host[CLIENTCONF_HOST_SIZE], err[CLIENTCONF_ERROR_SIZE];
	char want[1100];
	int port = 7557;

	CHECK(mkdtemp(dir) != NULL);
	tmpdir_write(dir, "good.conf", "# the school's server\n[client]\n"
	           "server = aandeslag.school.nl:7600\n", path, sizeof path);
	CHECK_INT(clientconf_read(path, host, &port, err), ==, 1);
	CHECK_STR(host, "aandeslag.school.nl");
	CHECK_INT(port, ==, 7600);
	tmpdir_write(dir, "empty.conf", "# nothing yet\n", path, sizeof path);
	CHECK_INT(clientconf_read(path, host, &port, err), ==, 0);
	tmpdir_write(dir, "typo.conf", "[client]\n\nserverr = x\n", path,
	           sizeof path);
	CHECK_INT(clientconf_read(path, host, &port, err), ==, -EINVAL);
	snprintf(want, sizeof want, "%s:3: unknown key 'serverr'", path);
	CHECK_STR(err, want);
	tmpdir_write(dir, "port.conf", "server = host:http\n", path, sizeof path);
	CHECK_INT(clientconf_read(path, host, &port, err), ==, -EINVAL);
	snprintf(want, sizeof want, "%s:1: ", path);
	CHECK(strncmp(err, want, strlen(want)) == 0);
	CHECK_CONTAINS(err, "host:port");
	CHECK_INT(clientconf_read("/nonexistent/x.conf", host, &port, err),
	          ==, 0);
}

/* Makes dir (a mkdtemp template) this test's XDG state home, with the
 * config home cfg inside it, and no AANDESLAG_SERVER. */
static void
fresh_home(char *dir, char *cfg, size_t size)
{
	CHECK(mkdtemp(dir) != NULL);
	snprintf(cfg, size, "%s/config", dir);
	CHECK_INT(mkdir(cfg, 0700), ==, 0);
	setenv("XDG_STATE_HOME", dir, 1);
	setenv("XDG_CONFIG_HOME", cfg, 1);
	unsetenv("AANDESLAG_SERVER");
}

static void
test_server_order(void)
{
	char dir[] = "/tmp/aandeslag-conf-XXXXXX", path[1024], cfg[600];
	char sub[700];
	char host[CLIENTCONF_HOST_SIZE], err[CLIENTCONF_ERROR_SIZE];
	char origin[CLIENTCONF_ORIGIN_SIZE], want[1100];
	int port = 7557;

	fresh_home(dir, cfg, sizeof cfg);
	/* Nothing set (unless this machine has /etc/aandeslag/client.conf):
	 * the built-in localhost, and --check says so. */
	if (access("/etc/aandeslag/client.conf", F_OK) != 0) {
		CHECK_INT(clientconf_server(host, &port, err, origin), ==, 0);
		CHECK_STR(host, "localhost");
		CHECK_CONTAINS(origin, "ingebouwde standaard localhost");
	}
	/* The user's config file. */
	snprintf(sub, sizeof sub, "%s/aandeslag", cfg);
	CHECK_INT(mkdir(sub, 0700), ==, 0);
	tmpdir_write(sub, "client.conf", "server = uit-config\n", path,
	           sizeof path);
	CHECK_INT(clientconf_server(host, &port, err, origin), ==, 0);
	CHECK_STR(host, "uit-config");
	snprintf(want, sizeof want, "uit %s", path);
	CHECK_STR(origin, want);
	/* The environment goes before it. */
	setenv("AANDESLAG_SERVER", "uit-omgeving:7700", 1);
	CHECK_INT(clientconf_server(host, &port, err, origin), ==, 0);
	CHECK_STR(host, "uit-omgeving");
	CHECK_STR(origin, "uit de omgevingsvariabele AANDESLAG_SERVER");
	CHECK_INT(port, ==, 7700);
	/* And the server of last time before both. */
	CHECK_INT(clientconf_remember("vorige-keer", 7800), ==, 0);
	CHECK_INT(clientconf_server(host, &port, err, origin), ==, 0);
	CHECK_STR(host, "vorige-keer");
	snprintf(want, sizeof want,
	         "de server van vorige keer, onthouden in %s/aandeslag/server",
	         dir);
	CHECK_STR(origin, want);
	CHECK_INT(port, ==, 7800);
	CHECK_INT(clientconf_remember("fe80::2", 7801), ==, 0);
	CHECK_INT(clientconf_server(host, &port, err, NULL), ==, 0);
	CHECK_STR(host, "fe80::2");
	CHECK_INT(port, ==, 7801);
}

/* Nothing configured is told apart from a configured server, and the
 * switch for looking on the LAN is read from the environment first, then
 * the config file. */
static void
test_fallback_and_discovery(void)
{
	char dir[] = "/tmp/aandeslag-conf-XXXXXX", path[1024], cfg[600];
	char sub[700];
	char host[CLIENTCONF_HOST_SIZE], err[CLIENTCONF_ERROR_SIZE];
	int port = 7557;
	bool fallback = false;

	fresh_home(dir, cfg, sizeof cfg);
	unsetenv("AANDESLAG_DISCOVERY");
	if (access("/etc/aandeslag/client.conf", F_OK) == 0) {
		printf("# /etc/aandeslag/client.conf exists: part skipped\n");
		return;
	}
	CHECK_INT(clientconf_find(host, &port, err, NULL, &fallback), ==, 0);
	CHECK(fallback);
	CHECK_STR(host, "localhost");
	CHECK(clientconf_discovery());
	snprintf(sub, sizeof sub, "%s/aandeslag", cfg);
	CHECK_INT(mkdir(sub, 0700), ==, 0);
	/* "discovery" alone names no server: still the fallback. */
	tmpdir_write(sub, "client.conf", "[client]\ndiscovery = no\n", path,
	           sizeof path);
	CHECK_INT(clientconf_find(host, &port, err, NULL, &fallback), ==, 0);
	CHECK(fallback);
	CHECK(!clientconf_discovery());
	setenv("AANDESLAG_DISCOVERY", "1", 1);
	CHECK(clientconf_discovery());
	setenv("AANDESLAG_DISCOVERY", "0", 1);
	CHECK(!clientconf_discovery());
	setenv("AANDESLAG_DISCOVERY", "nee", 1);
	CHECK(!clientconf_discovery());
	unsetenv("AANDESLAG_DISCOVERY");
	tmpdir_write(sub, "client.conf", "discovery = Ja\n", path, sizeof path);
	CHECK(clientconf_discovery());
	/* A broken value is an error for the file, and says nothing. */
	tmpdir_write(sub, "client.conf", "discovery = misschien\n", path,
	           sizeof path);
	CHECK_INT(clientconf_find(host, &port, err, NULL, &fallback), ==, -EINVAL);
	CHECK_CONTAINS(err, "'discovery' must be yes or no");
	CHECK(clientconf_discovery());
	/* A configured server is no fallback. */
	tmpdir_write(sub, "client.conf", "server = schoolserver\ndiscovery = no\n",
	           path, sizeof path);
	CHECK_INT(clientconf_find(host, &port, err, NULL, &fallback), ==, 0);
	CHECK(!fallback);
	CHECK_STR(host, "schoolserver");
	CHECK(!clientconf_discovery());
}

CHECK_MAIN(CHECK_TEST(test_split), CHECK_TEST(test_read),
           CHECK_TEST(test_server_order),
           CHECK_TEST(test_fallback_and_discovery))
