"""Discovery: "aandeslag CODE" finds the server on a LAN where nothing is
configured, with the real server and the real line-mode client.

The LAN is made here, never the real network: network namespaces of this
test's own (ip netns) joined by a bridge in the client's namespace, with
10.77.0.0/24 addresses. Servers run in namespaces of their own, the
client in another; every namespace is deleted again at the end, also
after a failure. Without permission for ip netns (not root, or a
container that forbids it) the test is skipped (exit 77; see
tests/skips-allowed)."""

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import netns  # noqa: E402
from harness import (CHILD_ENV, CLIENT_BIN, DEADLINE, SERVER_BIN,  # noqa: E402
                     Proc, check, run_tests, tail)
from screen import Tmux  # noqa: E402

TAG = "%d" % os.getpid()
CLI = "aandeslag-t-cli-" + TAG
SRV = ["aandeslag-t-srv%d-%s" % (i, TAG) for i in (1, 2)]
SRV_IP = ["10.77.0.10", "10.77.0.11"]
CLI_IP = "10.77.0.2"
# How long a client may take: the search (2 s) and the join.
CLIENT_TIME = DEADLINE + 10

def make_lan():
    """The client's namespace with a bridge, and each server's namespace
    with a veth into that bridge. Nothing is created outside them: each
    veth is made inside a namespace with its peer in another."""
    netns.add(CLI)
    netns.ip("-n", CLI, "link", "add", "br0", "type", "bridge")
    netns.ip("-n", CLI, "addr", "add", CLI_IP + "/24", "brd", "+", "dev", "br0")
    netns.ip("-n", CLI, "link", "set", "br0", "up")
    for i, ns in enumerate(SRV):
        netns.add(ns)
        netns.ip("-n", ns, "link", "add", "eth0", "type", "veth", "peer", "name",
           "port%d" % i, "netns", CLI)
        netns.ip("-n", ns, "addr", "add", SRV_IP[i] + "/24", "brd", "+", "dev",
           "eth0")
        netns.ip("-n", ns, "link", "set", "eth0", "up")
        netns.ip("-n", CLI, "link", "set", "port%d" % i, "master", "br0")
        netns.ip("-n", CLI, "link", "set", "port%d" % i, "up")


_temps = []


def temp_dir(prefix):
    d = tempfile.mkdtemp(prefix=prefix)
    _temps.append(d)
    return d


def client_env(discovery=True, conf=None):
    """A client's environment with nothing configured: no server of last
    time, no AANDESLAG_SERVER, no config file (unless conf); discovery on
    unless told otherwise."""
    env = dict(CHILD_ENV)
    home = temp_dir("aandeslag-home-")
    env["HOME"] = home
    env["XDG_STATE_HOME"] = os.path.join(home, "state")
    env["XDG_CONFIG_HOME"] = os.path.join(home, "config")
    env.pop("AANDESLAG_SERVER", None)
    if discovery:
        env.pop("AANDESLAG_DISCOVERY", None)
    else:
        env["AANDESLAG_DISCOVERY"] = "0"
    if conf is not None:
        d = os.path.join(home, "config", "aandeslag")
        os.makedirs(d)
        with open(os.path.join(d, "client.conf"), "w") as f:
            f.write(conf)
    return env


class LanServer(Proc):
    """A real server in namespace ns, on all addresses, port 7557."""

    def __init__(self, ns, *extra):
        data = temp_dir("aandeslag-data-")
        super().__init__([SERVER_BIN, "--listen", "0.0.0.0", "--data", data,
                          "--sync", "normal"] + list(extra),
                         "server in " + ns, stdin=False, prefix=netns.run_in(ns))
        self.ns = ns
        self.wait_line(lambda l: l == "aandeslag-server: listening on "
                       "0.0.0.0 port 7557", "the listening line")

    def stop(self):
        was_alive = self.alive()
        rc = self.end(timeout=15)
        check(was_alive, "the server in %s had died:\n%s"
              % (self.ns, tail(self.stderr(), 30)))
        check(rc == 0, "the server in %s exited with %s after SIGTERM:\n%s"
              % (self.ns, rc, tail(self.stderr(), 30)))
        check(self.sanitizer_report() is None, "the server in %s: %s\n%s"
              % (self.ns, self.sanitizer_report(), tail(self.stderr(), 30)))


class Lan:
    """Owns the processes of one test; ends them all."""

    def __init__(self):
        self.servers = []
        self.procs = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for p in self.procs:
            p.end()
        problems = []
        for s in self.servers:
            try:
                s.stop()
            except AssertionError as e:
                problems.append(str(e))
        if exc[0] is None:
            check(not problems, "\n".join(problems))
        return False

    def server(self, i, *extra):
        s = LanServer(SRV[i], *extra)
        self.servers.append(s)
        return s

    def room(self, i, title):
        """A room on server i, made by a chair on that server's computer
        (by address, so without discovery); returns its code."""
        chair = Proc([CLIENT_BIN, "--host", "127.0.0.1", "--new-room", title,
                      "--name", "Voorzitter", "--plain"], "chair",
                     env=client_env(discovery=False), prefix=netns.run_in(SRV[i]))
        self.procs.append(chair)
        line = chair.wait_line(lambda l: l.startswith("room code: "),
                               "the room code")
        return line[len("room code: "):].strip()

    def client(self, args, env=None, ns=CLI):
        """Runs the line-mode client in ns with args and no configured
        server; returns (exit code, stdout, stderr) once it ended."""
        p = Proc([CLIENT_BIN] + list(args), "client", stdin=True,
                 env=client_env() if env is None else env, prefix=netns.run_in(ns))
        self.procs.append(p)
        p.p.stdin.close()
        rc = p.wait_exit(CLIENT_TIME)
        check(p.sanitizer_report() is None, "client: %s\n%s"
              % (p.sanitizer_report(), tail(p.stderr(), 30)))
        return rc, p.stdout(), p.stderr()


def expect_in(text, what, where):
    check(what in text, "%s lacks %r:\n%s" % (where, what, tail(text, 30)))


def test_finds_the_server():
    with Lan() as lan:
        lan.server(0)
        code = lan.room(0, "Teamoverleg")
        env = client_env()
        rc, out, err = lan.client(["--plain", code, "--name", "Piet"],
                                  env=env)
        expect_in(err, "server zoeken op het netwerk", "stderr")
        expect_in(err, "server gevonden op het netwerk: %s poort 7557"
                  % SRV_IP[0], "stderr")
        expect_in(out, "room code: " + code, "stdout")
        check(rc == 0, "client exit %s:\n%s\n%s" % (rc, out, err))
        # Found, not typed: not remembered as the server of last time,
        # so the next start looks again (and finds a server that moved).
        remembered = os.path.join(env["XDG_STATE_HOME"], "aandeslag",
                                  "server")
        check(not os.path.exists(remembered),
              "a found server was remembered in " + remembered)


def test_picks_the_server_with_the_code():
    with Lan() as lan:
        lan.server(0)
        lan.server(1)
        first = lan.room(0, "Eerste")
        second = lan.room(1, "Tweede")
        for code, where in ((second, SRV_IP[1]), (first, SRV_IP[0])):
            rc, out, err = lan.client(["--plain", code, "--name", "Els"])
            expect_in(err, "server gevonden op het netwerk: %s poort 7557"
                      % where, "stderr")
            expect_in(out, "room code: " + code, "stdout")
            check(rc == 0, "client exit %s:\n%s\n%s" % (rc, out, err))
        # Without a code (a new room) the first to answer will do.
        rc, out, err = lan.client(["--plain", "--new-room", "Nieuw",
                                   "--name", "Jan"])
        expect_in(err, "server gevonden op het netwerk: 10.77.0.1", "stderr")
        expect_in(out, "room code: ", "stdout")
        check(rc == 0, "client exit %s:\n%s\n%s" % (rc, out, err))


def test_on_the_server_itself():
    # On the server's own computer the answer from 127.0.0.1 wins.
    with Lan() as lan:
        lan.server(0)
        rc, out, err = lan.client(["--plain", "--new-room", "Hier",
                                   "--name", "Jan"], ns=SRV[0])
        expect_in(err, "server gevonden op het netwerk: 127.0.0.1 poort 7557",
                  "stderr")
        check(rc == 0, "client exit %s:\n%s\n%s" % (rc, out, err))


def test_nobody_answers():
    with Lan() as lan:
        # A server that does not answer is as good as none.
        lan.server(0, "--no-discovery")
        start = time.monotonic()
        rc, out, err = lan.client(["--plain", "ABCD-EFGH", "--name", "Piet"])
        took = time.monotonic() - start
        expect_in(err, "geen server gevonden op het netwerk; ik probeer "
                  "deze computer (localhost)", "stderr")
        check(rc == 2, "client exit %s, expected 2:\n%s" % (rc, err))
        check(took >= 1.5, "gave up after %.1f s, before the wait" % took)


def test_switched_off_by_the_client():
    with Lan() as lan:
        lan.server(0)
        code = lan.room(0, "Uit")
        for env in (client_env(discovery=False),
                    client_env(conf="[client]\ndiscovery = no\n")):
            rc, out, err = lan.client(["--plain", code, "--name", "Piet"],
                                      env=env)
            check("zoeken" not in err, "searched anyway:\n" + err)
            check(rc == 2, "client exit %s, expected 2 (localhost):\n%s"
                  % (rc, err))


def test_check_without_server():
    with Lan() as lan:
        lan.server(1)
        rc, out, err = lan.client(["--check"])
        expect_in(out, "Server gevonden op het netwerk: " + SRV_IP[1],
                  "stdout")
        expect_in(out, "Server: %s poort 7557 (gevonden op het netwerk)"
                  % SRV_IP[1], "stdout")
        check(rc == 0, "--check exit %s:\n%s\n%s" % (rc, out, err))
    with Lan() as lan:
        rc, out, err = lan.client(["--check"])
        expect_in(out, "Geen server gevonden op het netwerk; vraag IT om de "
                  "servernaam in /etc/aandeslag/client.conf te zetten (of "
                  "AANDESLAG_SERVER).", "stdout")
        check(rc == 1, "--check exit %s, expected 1:\n%s" % (rc, out))


# Sends datagrams from the client's namespace to the server and reports
# what came back, as "name count maxsize" lines.
PROBE = r"""
import os, socket, sys, time
host = sys.argv[1]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(0.3)

def query(nonce, size=256):
    msg = bytes([0x08, 0x01, 0x18, nonce])
    d = b"AANDSLG?" + len(msg).to_bytes(2, "big") + msg
    return d + bytes(max(0, size - len(d)))

def replies():
    got = []
    while True:
        try:
            got.append(s.recv(2048))
        except socket.timeout:
            return got

def report(name, got):
    print(name, len(got), max([len(g) for g in got] or [0]),
          sum(g.startswith(b"AANDSLG!") for g in got))
    sys.stdout.flush()

s.sendto(query(1), (host, 7557)); report("one", replies())
s.sendto(query(2, 100), (host, 7557)); report("short", replies())
s.sendto(os.urandom(300), (host, 7557)); report("junk", replies())
s.sendto(b"AANDSLG?" + bytes([0, 200]) + os.urandom(246), (host, 7557))
report("badlen", replies())
s.sendto(b"AANDSLG?" + bytes([0, 5]) + bytes([0xff] * 246), (host, 7557))
report("badmsg", replies())
s.sendto(b"", (host, 7557)); report("empty", replies())
s.sendto(os.urandom(1400), (host, 7557)); report("big", replies())
for i in range(300):
    s.sendto(query(3), (host, 7557))
s.settimeout(1.0)
report("flood", replies())
time.sleep(1.2)
s.settimeout(0.3)
s.sendto(query(4), (host, 7557)); report("after", replies())
"""


def test_junk_and_floods():
    with Lan() as lan:
        server = lan.server(0)
        p = subprocess.run(netns.run_in(CLI) + [sys.executable, "-c", PROBE,
                                         SRV_IP[0]],
                           capture_output=True, text=True, timeout=60)
        check(p.returncode == 0, "probe failed:\n" + p.stderr)
        got = {}
        for line in p.stdout.splitlines():
            name, n, size, good = line.split()
            got[name] = (int(n), int(size), int(good))
        check(got.get("one") == (1, got["one"][1], 1) and
              0 < got["one"][1] <= 256,
              "one query, one reply of at most 256 bytes: %r" % got)
        for name in ("short", "junk", "badlen", "badmsg", "empty", "big"):
            check(got.get(name, (1,))[0] == 0,
                  "%s got a reply: %r" % (name, got))
        n = got["flood"][0]
        check(1 <= n <= 55, "300 queries at once got %d replies (the "
              "bucket allows 50 a second)" % n)
        check(got.get("after", (0,))[0] == 1,
              "no reply a second after the flood: %r" % got)
        check(server.alive(), "the server died of junk:\n"
              + tail(server.stderr(), 30))


class NsTmux(Tmux):
    """tmux (screen.py) whose server, and so every client it starts, runs
    in the client's namespace; the commands reach it by its socket."""

    def run(self, *args, check=True):
        return subprocess.run(netns.run_in(CLI) + ["tmux", "-S", self.socket]
                              + list(args), env=self.env, check=check,
                              capture_output=True, text=True)


def test_full_screen():
    # The full screen searches, fills in the server and, with the code and
    # the name given, joins at once; the found server is not remembered.
    check(shutil.which("tmux") is not None,
          "tmux is not installed (scripts/deps)")
    # On this first connection to a server on the LAN the welcome shows
    # the server's TLS fingerprint to compare with the chair's; the
    # laptop remembers it, and says nothing of it the next time.
    with Lan() as lan:
        server = lan.server(0)
        fp = server.wait_line(lambda l: l.startswith("tls fingerprint: "),
                              "the server's fingerprint").split()[2]
        code = lan.room(0, "Schermoverleg")
        tmux = NsTmux()
        try:
            # After the AANDESLAG_DISCOVERY=0 that Tmux.start puts first.
            w = tmux.start([CLIENT_BIN, code, "--name", "Fien"],
                           env={"AANDESLAG_DISCOVERY": "1"})
            tmux.wait_text(w, "Schermoverleg", timeout=CLIENT_TIME)
            tmux.wait_text(w, "Fien")
            tmux.wait_text(w, "Eerste verbinding met deze server")
            tmux.wait_text(w, fp)
            remembered = os.path.join(tmux.dir, "state", "aandeslag",
                                      "server")
            check(not os.path.exists(remembered),
                  "the found server was remembered")
            known = os.path.join(tmux.dir, "state", "aandeslag",
                                 "known_servers")
            with open(known) as f:
                entries = [l.split() for l in f
                           if l.strip() and not l.startswith("#")]
            check(len(entries) == 1 and entries[0][:2] == [SRV_IP[0],
                                                            "7557"],
                  "known_servers holds %r" % entries)
            tmux.keys(w, "q")
            tmux.wait_text(w, "EXIT 0")
            w = tmux.start([CLIENT_BIN, code, "--name", "Fien"],
                           env={"AANDESLAG_DISCOVERY": "1"})
            tmux.wait_text(w, "Schermoverleg", timeout=CLIENT_TIME)
            tmux.wait_text(w, "Welkom")
            screen = tmux.screen(w)
            check("Eerste verbinding" not in screen,
                  "a known server was greeted as new:\n" + screen)
            tmux.keys(w, "q")
            tmux.wait_text(w, "EXIT 0")
        finally:
            tmux.close()


def main():
    atexit.register(lambda: [shutil.rmtree(d, ignore_errors=True)
                             for d in _temps])
    netns.main(make_lan, lambda: run_tests(
        [test_finds_the_server, test_picks_the_server_with_the_code,
         test_on_the_server_itself, test_nobody_answers,
         test_switched_off_by_the_client, test_check_without_server,
         test_full_screen, test_junk_and_floods]))


if __name__ == "__main__":
    main()
