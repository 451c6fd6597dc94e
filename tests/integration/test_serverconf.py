"""The server's config file with the real server: a server started with
--config FILE listens where the file says, keeps its data where the file
says, speaks TLS as the file says and holds its rooms to the file's
limits; options on the command line win over the file; a broken file
(a bad value, an unknown key or section, a line that is no key = value)
stops the server with FILE:LINE: reason and exit 2, as does a --config
file that is not there; and every option refuses a bad value the same way
on the command line and in the file."""

import os
import socket
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (CHILD_ENV, HOST, SERVER_BIN, Proc,  # noqa: E402
                     Scope, Server, check, free_port, run_tests, tail,
                     wait_until)

# A value every option refuses; the keys are all of the server's options
# (tests/unit/test_serveropt.c holds them to the table in the code).
BAD = {
    "listen": "server.school.nl",
    "port": "65536",
    "seat-grace": "-1",
    "send-queue": "1023",
    "max-frame": "4095",
    "max-rooms": "0",
    "idle-timeout": "3601",
    "content": "",
    "data": "",
    "sync": "fast",
    "max-db-size": "12X",
    "retention": "100001",
    "ssh-account": "Juf Anna",
    "discovery": "misschien",
    "join-burst": "1001",
    "join-wait": "0",
    "join-wait-max": "86401",
    "join-global": "60001",
    "max-conns-per-address": "16385",
    "max-conns": "0",
    "command-rate": "ten",
    "command-burst": "1",
    "tls": "yes",
    "tls-cert": "",
    "tls-key": "",
    "max-text": "1001",
    "max-name": "65",
    "max-notes": "501",
    "max-questions": "101",
    "max-activities": "201",
    "max-actions": "201",
}


class ConfServer(Server):
    """A server whose address, port and data come from its config file:
    started with argv alone, not the harness's --listen, --port and
    --data; stopped and checked with the scope like any other."""

    def __init__(self, sc, *argv):
        Proc.__init__(self, [SERVER_BIN] + list(argv), "server",
                      stdin=False)
        self.killed = False
        sc.servers.append(self)
        line = self.wait_line(lambda l: self.LISTEN_RE.match(l) is not None,
                              "the listening line")
        m = self.LISTEN_RE.match(line)
        self.host = m.group(1)
        self.port = int(m.group(2))


def write(sc, text, name="server.conf"):
    path = os.path.join(sc.tmpdir(), name)
    with open(path, "w") as f:
        f.write(text)
    return path


def busy_port(sc):
    """A port on 127.0.0.1 that a socket of the test holds, listening, for
    as long as the scope lasts: no server can take it."""
    s = sc.sock(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
    s.bind((HOST, 0))
    s.listen(1)
    return s.getsockname()[1]


def run(*argv):
    return subprocess.run([SERVER_BIN] + list(argv), capture_output=True,
                          text=True, env=CHILD_ENV, timeout=30)


def notes_taken(c, texts, refused):
    """c adds each of texts as a note; the last refused of them is refused
    with too_many_notes, the others taken."""
    c.send(*["note " + t for t in texts])
    for t in texts[:len(texts) - refused]:
        c.wait_note(t)
    if refused:
        wait_until(lambda: any(l.startswith("error: too_many_notes: ")
                               for l in c.lines()),
                   "the note past the limit refused")
    check(sorted(c.note_texts()) == sorted(texts[:len(texts) - refused]),
          "notes %r\n%s" % (c.note_texts(), c.describe()))


def test_file_is_used():
    with Scope() as sc:
        data = os.path.join(sc.tmpdir(), "gegevens")
        port = free_port()
        conf = write(sc, "# Written by the test.\n[server]\n"
                     "listen = 127.0.0.1\nport = %d\ndata = %s\n"
                     "sync = normal\ntls = off\nmax-notes = 2\n"
                     "discovery = no\n" % (port, data))
        srv = ConfServer(sc, "--config", conf)
        check(srv.host == HOST and srv.port == port,
              "listens on %s port %d, not the file's %d"
              % (srv.host, srv.port, port))
        check("tls: off" in srv.lines(), "tls on despite the file:\n"
              + srv.stdout())
        anna = sc.client(srv.port, "Anna", new_room="Uit het bestand",
                         extra=("--no-tls",))
        anna.room_code()
        notes_taken(anna, ["Een", "Twee", "Drie"], refused=1)
        check(anna.finish() == 1, anna.describe())
        check(os.path.isdir(data) and os.listdir(data),
              "nothing in the file's data directory %s" % data)


def test_command_line_wins():
    with Scope() as sc:
        data = sc.tmpdir()
        # The file's port is taken: only the command line's lets the
        # server start.
        conf = write(sc, "port = %d\nlisten = 127.0.0.1\ndata = %s\n"
                     "sync = normal\ntls = off\nmax-notes = 2\n"
                     % (busy_port(sc), data))
        srv = ConfServer(sc, "--config", conf, "--port", "0",
                         "--max-notes", "3", "--tls", "on")
        check(any(l.startswith("tls fingerprint:") for l in srv.lines()),
              "no TLS despite --tls on:\n" + srv.stdout())
        anna = sc.client(srv.port, "Anna", new_room="Opdrachtregel")
        anna.room_code()
        notes_taken(anna, ["Een", "Twee", "Drie", "Vier"], refused=1)
        check(anna.finish() == 1, anna.describe())
        # The file's data directory, which the command line left alone.
        check(os.path.exists(os.path.join(data, "tls-cert.pem")),
              "no certificate in the file's data directory: %r"
              % os.listdir(data))


def test_broken_file():
    with Scope() as sc:
        cases = [
            ("port = 7600\nmax-notes = veel\n", 2,
             "ongeldige waarde voor max-notes: 'veel' (verwacht: "
             "een getal van 1 tot en met 500)"),
            ("# comment\n\nmax-note = 2\n", 3, "onbekende sleutel 'max-note'"),
            ("[server]\nport 7600\n", 2, "geen regel sleutel = waarde"),
            ("[client]\nserver = x\n", 2, "onbekende sectie [client]"),
            ("no-discovery = yes\n", 1, "onbekende sleutel 'no-discovery'"),
        ]
        for text, line, reason in cases:
            conf = write(sc, text)
            p = run("--config", conf)
            check(p.returncode == 2, "%r: exit %s\n%s"
                  % (text, p.returncode, p.stderr))
            want = "aandeslag-server: %s:%d: %s" % (conf, line, reason)
            check(p.stderr.startswith(want), "%r:\n  wanted %s\n  got %s"
                  % (text, want, p.stderr))
            check(p.stdout == "", "%r: %s" % (text, p.stdout))
            # A good command line does not save a broken file.
            p = run("--config", conf, "--port", "0")
            check(p.returncode == 2 and p.stderr.startswith(want),
                  p.stderr)
        missing = os.path.join(sc.tmpdir(), "er-niet.conf")
        p = run("--config", missing)
        check(p.returncode == 2 and
              p.stderr.startswith("aandeslag-server: %s: " % missing),
              p.stderr)
        p = run("--config", conf, "--no-config")
        check(p.returncode == 2 and "--no-config" in p.stderr, p.stderr)


def test_no_config():
    with Scope() as sc:
        # --no-config reads no file, so it never says one is broken; the
        # options alone start the server.
        srv = sc.server("--no-config", "--max-notes", "1")
        anna = sc.client(srv.port, "Anna", new_room="Zonder bestand")
        anna.room_code()
        notes_taken(anna, ["Een", "Twee"], refused=1)
        check(anna.finish() == 1, anna.describe())
        # The default file is named in --help; where it is missing (a
        # build that was never installed), the server starts without it.
        p = run("--help")
        check(p.returncode == 0, p.stderr)
        lines = p.stdout.split("\n")
        at = [i for i, l in enumerate(lines) if "--config BESTAND" in l]
        check(at, "no --config in --help:\n" + p.stdout)
        default = lines[at[0] + 1].split()[0].rstrip(",")
        check(default.endswith("/aandeslag/server.conf"),
              "default file %r" % default)
        if not os.path.exists(default):
            srv = sc.server()
            check(srv.alive(), tail(srv.stderr()))


def test_same_checks_in_file_and_command_line():
    with Scope() as sc:
        helptext = run("--help").stdout
        for name, bad in sorted(BAD.items()):
            check("--" + name + " " in helptext or
                  (name == "discovery" and "--no-discovery" in helptext),
                  "--%s not in --help" % name)
            p = run("--no-config", "--" + name, bad)
            check(p.returncode == 2 and
                  "ongeldige waarde voor een optie" in p.stderr,
                  "--%s %r: exit %s: %s" % (name, bad, p.returncode,
                                            p.stderr))
            conf = write(sc, "%s = %s\n" % (name, bad))
            p = run("--config", conf)
            want = "aandeslag-server: %s:1: ongeldige waarde voor %s: " % (
                conf, name)
            check(p.returncode == 2 and p.stderr.startswith(want),
                  "%s = %r in the file: exit %s: %s"
                  % (name, bad, p.returncode, p.stderr))


if __name__ == "__main__":
    run_tests([test_file_is_used, test_command_line_wins, test_broken_file,
               test_no_config, test_same_checks_in_file_and_command_line])
