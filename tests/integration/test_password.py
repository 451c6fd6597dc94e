"""The chair's password for a room, against the real server with real
line-mode clients and raw connections: newcomers and projectors need it
(password_required, bad_password), members coming back by token do not,
only the chair sets it, clearing it opens the room again, it survives a
restart, wrong guesses count in the join guard, and the password itself
appears in no byte a client receives, no log line, no export and not in
the database file."""

import glob
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (CHILD_ENV, ENV_ACK, ENV_COMMAND, ENV_EVENT,  # noqa: E402
                     ENV_JOINED, ENV_REFUSAL, SERVER_BIN, WRAPPER, Scope,
                     check, env_create_room, env_join as join_env, pb_bytes,
                     pb_dict, pb_varint, run_tests, wait_until)

PASSWORD = "appeltaart-7Qx"
ERROR_NOT_ALLOWED = 40
ERROR_TRY_LATER = 85
ERROR_PASSWORD_REQUIRED = 88
ERROR_BAD_PASSWORD = 89
CMD_SETTING = 22
SETTING_PASSWORD = 15
SET = "de werksessie heeft nu een wachtwoord"
CLEARED = "de werksessie heeft geen wachtwoord meer"
GUARD = ("--join-burst", "3", "--join-wait", "2")




class Recorder:
    """A raw connection that keeps every byte of every frame it got."""

    def __init__(self, sc, port, source=None):
        self.raw = sc.raw(port, source=source)
        self.raw.handshake()
        self.seen = bytearray()

    def frame(self, what):
        f = self.raw.recv_frame()
        check(f is not None, "closed while waiting for %s" % what)
        self.seen += f[1]
        return f

    def until(self, kinds, what):
        while True:
            f = self.frame(what)
            if f[0] in kinds:
                return f[0], pb_dict(f[1])

    def join(self, request_id=1, **kw):
        self.raw.send_env(join_env(request_id=request_id, **kw))
        return self.until((ENV_JOINED, ENV_REFUSAL), "an answer to JoinRoom")

    def set_password(self, request_id, text):
        body = pb_varint(1, SETTING_PASSWORD) + pb_bytes(2, text)
        self.raw.send_env(pb_bytes(ENV_COMMAND, pb_varint(1, request_id) +
                                   pb_bytes(CMD_SETTING, body)))
        return self.until((ENV_ACK, ENV_REFUSAL),
                          "the answer to command %d" % request_id)

    def drain(self, seconds=0.3):
        """Reads what else comes within seconds."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                f = self.raw.recv_frame(max(0.01, end - time.monotonic()))
            except AssertionError:
                return
            if f is None:
                return
            self.seen += f[1]


def refused(answer, code, what):
    kind, d = answer
    check(kind == ENV_REFUSAL and d.get(2) == code,
          "%s: expected refusal %d, got %s %r" % (what, code, kind, d))


def joined(answer, what):
    kind, d = answer
    check(kind == ENV_JOINED, "%s: refused %r" % (what, d))
    return d


def refused_client(sc, port, code, name, what, extra=(), env=None):
    """A line-mode newcomer that must be refused: its error line."""
    c = sc.client(port, name, room=code, extra=extra, env=env)
    rc = c.finish()
    check(rc == 2, "%s: exit %s\n%s" % (what, rc, c.describe()))
    errors = c.errors()
    check(errors, "%s: no error line\n%s" % (what, c.describe()))
    return errors[0]


def shown(c, text):
    before = len(c.lines())
    c.send("settings")
    return wait_until(lambda: [l for l in c.lines()[before:] if text in l],
                      "%s: %r in settings" % (c.label, text))[0]


def test_newcomers_need_it():
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Anna", new_room="Teamoverleg")
        code = anna.room_code()
        bram = sc.client(srv.port, "Bram", room=code)
        bram.room_code()
        anna.send("wachtwoord " + PASSWORD)
        bram.wait_line(lambda l: SET in l, "the event of the password")
        check("Met wachtwoord: ja" in shown(bram, "Met wachtwoord:"),
              "settings do not say so")
        # A participant may not set or clear it.
        bram.send("password off")
        bram.wait_line(lambda l: l.startswith("error: not_allowed:"),
                       "Bram refused")
        # Newcomers: none, a wrong one, then the right one (from the
        # environment, as one keeps it out of ps).
        line = refused_client(sc, srv.port, code, "Carla", "without")
        check(line.startswith("error: password_required: "), line)
        line = refused_client(sc, srv.port, code, "Carla", "wrong",
                              extra=("--password", "peertaart"))
        check(line.startswith("error: bad_password: "), line)
        env = sc.client_env()
        env["AANDESLAG_PASSWORD"] = PASSWORD
        carla = sc.client(srv.port, "Carla", room=code, env=env)
        carla.room_code()
        dewi = sc.client(srv.port, "Dewi", room=code,
                         extra=("--wachtwoord", PASSWORD))
        dewi.room_code()
        # A member comes back with the token the client kept, without it.
        check(bram.finish() == 1, bram.describe())
        bram = sc.client(srv.port, "Bram", room=code)
        bram.room_code()
        line = bram.who()
        check("Bram (jij)" in line and "Carla" in line, line)
        # A projector needs it too: it shows the whole poster.
        view = Recorder(sc, srv.port)
        refused(view.join(code=code, viewer=True), ERROR_PASSWORD_REQUIRED,
                "a projector without it")
        joined(view.join(request_id=2, code=code, viewer=True,
                         password=PASSWORD), "a projector with it")
        # Cleared: everyone may come in again.
        anna.send("wachtwoord uit")
        bram.wait_line(lambda l: CLEARED in l, "the password cleared")
        eva = sc.client(srv.port, "Eva", room=code)
        eva.room_code()
        for c in (anna, bram, carla, dewi, eva):
            check(c.finish() == 0, c.describe())


def test_survives_restart_and_leaks_nowhere():
    with Scope() as sc:
        srv = sc.server()
        chair = Recorder(sc, srv.port)
        chair.raw.send_env(env_create_room(1, "Geheim", "Anna"))
        d = joined(chair.until((ENV_JOINED, ENV_REFUSAL), "Joined"),
                   "create")
        code = d[2].decode()
        member = Recorder(sc, srv.port)
        joined(member.join(code=code, name="Bram"), "Bram before")
        too_long = "x" * 129
        kind, d = chair.set_password(2, too_long)
        check(kind == ENV_REFUSAL, "a too long password: %r" % d)
        kind, d = chair.set_password(3, PASSWORD)
        check(kind == ENV_ACK, "the chair's password refused: %r" % d)
        member.until((ENV_EVENT,), "the event")
        late = Recorder(sc, srv.port)
        joined(late.join(code=code, name="Carla", password=PASSWORD),
               "Carla with it")
        anna = sc.client(srv.port, "Anna2", room=code,
                         extra=("--password", PASSWORD))
        anna.room_code()
        path = os.path.join(sc.tmpdir(), "poster")
        for fmt in ("json", "md", "html"):
            anna.send("export %s %s.%s" % (fmt, path, fmt))
        wait_until(lambda: all(os.path.exists(path + "." + f)
                               for f in ("json", "md", "html")),
                   "the exports")
        time.sleep(0.3)
        for r in (chair, member, late):
            r.drain()
        # The restart: the hash came from storage.
        srv.stop()
        again = sc.server(data=srv.data, port=srv.port)
        r = Recorder(sc, again.port)
        refused(r.join(code=code, name="Dewi"), ERROR_PASSWORD_REQUIRED,
                "after the restart, without")
        refused(r.join(request_id=2, code=code, name="Dewi",
                       password="peertaart"), ERROR_BAD_PASSWORD,
                "after the restart, wrong")
        joined(r.join(request_id=3, code=code, name="Dewi",
                      password=" " + PASSWORD + " "),
               "after the restart, right (trimmed as typed)")
        check(anna.finish() in (0, 3), anna.describe())
        # Nowhere: what clients received, the logs, the exports, the
        # clients' output, the database and its WAL.
        secret = PASSWORD.encode()
        for label, data in (("the chair", chair.seen),
                            ("a member", member.seen),
                            ("a newcomer's snapshot", late.seen),
                            ("after the restart", r.seen)):
            check(data and secret not in data, "%s received it" % label)
        for s in (srv, again):
            check(PASSWORD not in s.stderr() and PASSWORD not in s.stdout(),
                  "the server log has it")
        # (valgrind's own lines, "==PID== Command: ...", name the
        # options it was started with)
        said = anna.stdout() + "".join(
            l for l in anna.stderr().splitlines(True)
            if not l.startswith("=="))
        check(PASSWORD not in said, "the client printed it")
        with open(path + ".json", encoding="utf-8") as f:
            text = f.read()
        check('"password_set":true' in text, "json: " + text[:400])
        for fmt in ("json", "md", "html"):
            with open(path + "." + fmt, "rb") as f:
                check(secret not in f.read(), "the %s export has it" % fmt)
        p = subprocess.run(WRAPPER + [SERVER_BIN, "export", "--data",
                                      srv.data, "--room", code, "--format",
                                      "json"], capture_output=True,
                           env=CHILD_ENV, timeout=120)
        check(p.returncode == 0 and b'"password_set":true' in p.stdout,
              "admin export: %r" % p.stderr)
        check(secret not in p.stdout + p.stderr, "the admin export has it")
        again.stop()
        files = glob.glob(os.path.join(srv.data, "aandeslag.db*"))
        check(files, "no database in %s" % srv.data)
        hashes = 0
        for name in files:
            with open(name, "rb") as f:
                data = f.read()
            check(secret not in data, "%s has it" % name)
            hashes += data.count(b"$argon2id$")
        check(hashes >= 1, "no Argon2id hash stored")


def test_wrong_passwords_count():
    with Scope() as sc:
        srv = sc.server(*GUARD)
        chair = Recorder(sc, srv.port)
        chair.raw.send_env(env_create_room(1, "Geheim", "Anna"))
        d = joined(chair.until((ENV_JOINED, ENV_REFUSAL), "Joined"),
                   "create")
        code = d[2].decode()
        kind, d = chair.set_password(2, PASSWORD)
        check(kind == ENV_ACK, "the password refused: %r" % d)
        guesser = Recorder(sc, srv.port, source="127.0.0.2")
        # Not giving one is no guess.
        refused(guesser.join(code=code, name="Gok"), ERROR_PASSWORD_REQUIRED,
                "without")
        for i in range(3):
            refused(guesser.join(request_id=2 + i, code=code, name="Gok",
                                 password="gok%d" % i),
                    ERROR_BAD_PASSWORD, "guess %d" % i)
        kind, d = guesser.join(request_id=9, code=code, name="Gok",
                               password=PASSWORD)
        check(kind == ENV_REFUSAL and d.get(2) == ERROR_TRY_LATER,
              "the right one straight after three guesses: %r" % d)
        # A colleague elsewhere is not held up.
        other = Recorder(sc, srv.port, source="127.0.0.3")
        joined(other.join(code=code, name="Bram", password=PASSWORD),
               "a colleague")
        log = srv.stderr()
        check("127.0.0.2: bad_password (3 failed)" in log,
              "no guard line: " + log[-1500:])
        check(PASSWORD not in log and "gok1" not in log,
              "a password in the log")


if __name__ == "__main__":
    run_tests([test_newcomers_need_it,
               test_survives_restart_and_leaks_nowhere,
               test_wrong_passwords_count])
