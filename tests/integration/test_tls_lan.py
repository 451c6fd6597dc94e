"""Trust on first use for the server's TLS key, with the real server and
the real line-mode client on a LAN of their own: the client remembers the
fingerprint a server showed the first time in $XDG_STATE_HOME/aandeslag/
known_servers, knows it again later, refuses a server whose key changed
(also when it reconnects), and lets it in again after
aandeslag --forget-server.

A server on loopback is trusted without being remembered, so this needs
another address: network namespaces of this test's own (ip netns), the
server's at 10.77.0.10 and the client's at 10.77.0.2, joined by a veth
pair; never the real network. Every namespace is deleted again at the
end, also after a failure. Without permission for ip netns (not root, or
a container that forbids it) the test is skipped (exit 77; see
tests/skips-allowed)."""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import netns  # noqa: E402
from harness import (CLIENT_BIN, Scope, check, run_tests,  # noqa: E402
                     tail, wait_until)

TAG = "%d" % os.getpid()
CLI = "aandeslag-tls-cli-" + TAG
SRV = "aandeslag-tls-srv-" + TAG
SRV_IP = "10.77.0.10"
CLI_IP = "10.77.0.2"
PORT = 7557

SERVER_FP_RE = re.compile(r"^tls fingerprint: (\S+) sha256:([0-9a-f]{64})")
CLIENT_FP_RE = re.compile(r"^tls fingerprint: (\S+) \((.*)\)$")
# The refusal's sentence (common/refusal.c, untranslated in the C locale);
# the line mode writes refusals before a join on stderr.
SAYS_CHANGED = "niet de vingerafdruk van de vorige keer"

def make_lan():
    """Two namespaces and a veth pair between them, made inside them."""
    netns.add(CLI)
    netns.add(SRV)
    netns.veth_pair(SRV, SRV_IP, CLI, CLI_IP)


def lan_server(sc, data=None):
    """The server in its namespace on SRV_IP:PORT; (server, hex)."""
    srv = sc.server(host=SRV_IP, port=PORT, data=data, prefix=netns.run_in(SRV))
    line = srv.wait_line(lambda l: SERVER_FP_RE.match(l) is not None,
                         "the tls fingerprint line")
    return srv, SERVER_FP_RE.match(line).group(2)


def stop(srv):
    problems = srv.stop()
    check(not problems, "\n".join(problems))


def lan_client(sc, env, name, *args):
    c = netns.NsClient(CLI, SRV_IP, PORT, env, name, *args)
    sc.procs.append(c)
    return c


def join_once(sc, env, name, *args):
    """Runs a client to its end; (exit code, its tls line or None)."""
    c = lan_client(sc, env, name, *args)
    c.p.stdin.close()
    rc = c.wait_exit()
    check(c.sanitizer_report() is None, "%s: %s" % (c.label,
                                                    tail(c.stderr(), 30)))
    lines = c.lines()
    tls = [l for l in lines if l.startswith("tls")]
    return rc, (tls[0] if tls else None), c


def verdict_of(c, line, text_of_server):
    m = CLIENT_FP_RE.match(line or "")
    check(m is not None, "%s: no tls line:\n%s" % (c.label, c.describe()))
    check(m.group(1) == text_of_server(), "%s shows %s" % (c.label,
                                                           m.group(1)))
    return m.group(2)


def known_entries(path):
    """The store's entries (lines that are not comments or blank)."""
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [l.split() for l in f
                if l.strip() and not l.lstrip().startswith("#")]


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def forget(env, what):
    p = subprocess.run([CLIENT_BIN, "--forget-server", what], env=env,
                       capture_output=True, text=True, timeout=30)
    return p.returncode, p.stdout + p.stderr


def text_of(srv):
    return lambda: SERVER_FP_RE.match(srv.wait_line(
        lambda l: SERVER_FP_RE.match(l) is not None, "fp")).group(1)


def test_trust_on_first_use():
    with Scope() as sc:
        env = sc.client_env()
        store = os.path.join(env["XDG_STATE_HOME"], "aandeslag",
                             "known_servers")
        srv, hexfp = lan_server(sc)
        # First: remembered.
        rc, line, c = join_once(sc, env, "Anna", "--new-room", "Eerste keer")
        check(rc == 0, c.describe())
        check(verdict_of(c, line, text_of(srv)) == "new, remembered",
              c.describe())
        check("eerste verbinding met deze server" in c.stderr(),
              "no word about the first connection:\n" + c.describe())
        entries = known_entries(store)
        check(entries == [[SRV_IP, str(PORT), hexfp]],
              "known_servers holds %r, expected %s %d %s"
              % (entries, SRV_IP, PORT, hexfp))
        mode = os.stat(store).st_mode & 0o777
        check(mode == 0o600, "known_servers has mode %o" % mode)
        code = [l for l in c.lines() if l.startswith("room code: ")][0][11:]
        # Again: known, and the file as it was.
        before = read_bytes(store)
        rc, line, c = join_once(sc, env, "Bram", code)
        check(rc == 0, c.describe())
        check(verdict_of(c, line, text_of(srv)) == "known", c.describe())
        check(read_bytes(store) == before, "known_servers changed on a "
              "known server")
        stop(srv)

        # The same address and port, another key (a new data directory).
        other, hex2 = lan_server(sc)
        check(hex2 != hexfp, "a new data dir kept the key")
        rc, line, c = join_once(sc, env, "Carla", "--new-room", "Nep")
        check(rc == 2, "changed key: exit %s, expected 2\n%s"
              % (rc, c.describe()))
        check(line is None and not any(l.startswith("room code: ")
                                       for l in c.lines()),
              "got in with a changed key:\n" + c.describe())
        check("error: tls_fingerprint_changed:" in c.lines(),
              "no stable code on stdout:\n" + c.describe())
        check(SAYS_CHANGED in c.stderr(), "no tls_fingerprint_changed "
              "refusal:\n" + c.describe())
        wait_until(lambda: " from %s" % CLI_IP in other.stderr(),
                   "the refused connection in the log")
        check("created a room" not in other.stderr(),
              "the refused client made a room:\n" + tail(other.stderr()))
        check(read_bytes(store) == before, "known_servers changed by a "
              "refusal:\n%r" % read_bytes(store))
        # Final: not tried again (one connection only).
        n = other.stderr().count(" from %s" % CLI_IP)
        check(n == 1, "%d connections for one refused start" % n)

        # Forgetting another port forgets nothing.
        rc, out = forget(env, "%s:%d" % (SRV_IP, PORT + 1))
        check(rc == 0 and "stond niet in de lijst" in out,
              "forget another port: %s %s" % (rc, out))
        check(read_bytes(store) == before, "another port was forgotten")
        rc, out = forget(env, SRV_IP)
        check(rc == 0 and "vergeten" in out, "forget: %s %s" % (rc, out))
        check(known_entries(store) == [], "still remembered: %r"
              % known_entries(store))
        rc, line, c = join_once(sc, env, "Dirk", "--new-room", "Opnieuw")
        check(rc == 0, c.describe())
        check(verdict_of(c, line, text_of(other)) == "new, remembered",
              c.describe())
        check(known_entries(store) == [[SRV_IP, str(PORT), hex2]],
              "after forgetting: %r" % known_entries(store))


def test_changed_key_on_reconnect():
    # A client that knows the server does not reconnect to another key at
    # the same address.
    with Scope() as sc:
        env = sc.client_env()
        srv, hexfp = lan_server(sc)
        anna = lan_client(sc, env, "Anna", "--new-room", "Blijvend",
                          "--reconnect", "30")
        line = anna.wait_line(lambda l: l.startswith("tls"), "tls line")
        check(line.endswith("(new, remembered)"), anna.describe())
        stop(srv)
        wait_until(lambda: "verbinding verbroken" in anna.stderr(),
                   "Anna noticing the server gone")
        other, hex2 = lan_server(sc)
        check(hex2 != hexfp, "the same key")
        rc = anna.wait_exit()
        check(rc != 0, "Anna went on against another key:\n"
              + anna.describe())
        check(SAYS_CHANGED in anna.stderr(), "no tls_fingerprint_changed:\n"
              + anna.describe())
        wait_until(lambda: " from %s" % CLI_IP in other.stderr(),
                   "Anna's connection to the new server in its log")
        check("created a room" not in other.stderr(), tail(other.stderr()))


def test_pinned_over_the_lan():
    # --fingerprint decides before anything remembered, and is remembered.
    with Scope() as sc:
        env = sc.client_env()
        store = os.path.join(env["XDG_STATE_HOME"], "aandeslag",
                             "known_servers")
        srv, hexfp = lan_server(sc)
        rc, line, c = join_once(sc, env, "Anna", "--new-room", "Gegeven",
                                "--fingerprint", text_of(srv)())
        check(rc == 0, c.describe())
        check(verdict_of(c, line, text_of(srv)) == "as given", c.describe())
        check(known_entries(store) == [[SRV_IP, str(PORT), hexfp]],
              "a pinned fingerprint was not remembered: %r"
              % known_entries(store))
        rc, line, c = join_once(sc, env, "Bram", "--new-room", "Daarna")
        check(rc == 0 and verdict_of(c, line, text_of(srv)) == "known",
              c.describe())


def main():
    netns.main(make_lan, lambda: run_tests(
        [test_trust_on_first_use, test_changed_key_on_reconnect,
         test_pinned_over_the_lan]))


if __name__ == "__main__":
    main()
