"""The full-screen client on the terminals people have: xterm-256color,
screen, tmux-256color, the Linux console, vt100 and vt220, at 80x24 and
132x43, with and without colour. Each runs in a pseudo-terminal of its
own and its real output is read back by a terminal emulator (pyte, the
python3-pyte package of scripts/deps): the room shows, a note typed with
its keys appears, q ends it with status 0, no escape sequence shows up
as text, and colour is there exactly when it should be. Outside a UTF-8
locale the screen is plain ASCII and still readable."""

import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (CLIENT_BIN, DEADLINE, NOTE_RE, POLL,  # noqa: E402
                     SANITIZER_MARKERS, Scope, TestFailure, check,
                     run_tests)

try:
    import pyte
except ImportError:
    # Not a skip: CI installs it (scripts/deps), and without it this test
    # would check nothing.
    print("not ok setup")
    print("# python3-pyte is not installed (scripts/deps); %s cannot "
          "import pyte" % sys.executable)
    sys.exit(1)

TERMS = ("xterm-256color", "screen", "tmux-256color", "linux", "vt100",
         "vt220")
# Terminals that have no colour at all in terminfo.
MONOCHROME = ("vt100", "vt220")
SIZES = ((80, 24), (132, 43))
TITLE = "Team Techniek"
# What shows as text when a terminal shows escape sequences it does not
# understand, or curses writes ones the terminal has no use for.
GARBAGE = ("\x1b", "[?", "^[", "\ufffd", "\x00")


def has_terminfo(term):
    return subprocess.run(["infocmp", term], capture_output=True).returncode \
        == 0


class Pty:
    """The full-screen client in a pseudo-terminal of width x height, its
    output fed to a pyte screen of the same size."""

    def __init__(self, sc, argv, term, width, height, env):
        self.width, self.height = width, height
        self.term = term
        self.raw = bytearray()
        self.screen = pyte.Screen(width, height)
        self.stream = pyte.ByteStream(self.screen)
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ,
                    struct.pack("HHHH", height, width, 0, 0))
        env = dict(env)
        env["TERM"] = term
        env.pop("LINES", None)
        env.pop("COLUMNS", None)
        self.env = env

        def ctty():
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.p = subprocess.Popen(argv, stdin=slave, stdout=slave,
                                  stderr=slave, env=env, close_fds=True,
                                  start_new_session=True, preexec_fn=ctty)
        os.close(slave)
        self.master = master
        sc.on_exit(self.close)

    def label(self):
        return "%s %dx%d%s" % (self.term, self.width, self.height,
                               " NO_COLOR" if "NO_COLOR" in self.env else "")

    def pump(self, timeout):
        """Feeds what the client wrote within timeout to the screen."""
        r, _, _ = select.select([self.master], [], [], timeout)
        if not r:
            return False
        try:
            data = os.read(self.master, 65536)
        except OSError:
            # EIO: the client has gone and the slave side is closed.
            return False
        self.raw += data
        self.stream.feed(data)
        return bool(data)

    def text(self):
        return "\n".join(self.screen.display)

    def wait(self, pred, what, timeout=None):
        end = time.monotonic() + (DEADLINE if timeout is None else timeout)
        while True:
            if pred(self.text()):
                return self.text()
            if time.monotonic() >= end:
                raise TestFailure("%s: timed out waiting for %s; the "
                                  "screen:\n%s" % (self.label(), what,
                                                   self.text()))
            if not self.pump(POLL) and self.p.poll() is not None:
                self.pump(0)
                if pred(self.text()):
                    return self.text()
                raise TestFailure("%s: the client exited with %s while "
                                  "waiting for %s; the screen:\n%s"
                                  % (self.label(), self.p.returncode, what,
                                     self.text()))

    def wait_text(self, *needles):
        return self.wait(lambda s: all(n in s for n in needles),
                         " and ".join(repr(n) for n in needles))

    def send(self, data):
        os.write(self.master, data.encode("utf-8"))

    def wait_exit(self):
        end = time.monotonic() + DEADLINE
        while self.p.poll() is None:
            if time.monotonic() >= end:
                raise TestFailure("%s: the client did not exit; the "
                                  "screen:\n%s" % (self.label(), self.text()))
            self.pump(POLL)
        # What it wrote last (endwin) goes to the screen too.
        while self.pump(0):
            pass
        return self.p.returncode

    def coloured_cells(self):
        return [(y, x) for y in range(self.height) for x in range(self.width)
                if self.screen.buffer[y][x].fg != "default"
                or self.screen.buffer[y][x].bg != "default"]

    def close(self):
        if self.p.poll() is None:
            self.p.kill()
            self.p.wait()
        os.close(self.master)


def log_problems(home):
    """The client's log (its stderr while curses owns the terminal)."""
    path = os.path.join(home, "state", "aandeslag", "client.log")
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            log = f.read()
    except OSError:
        return
    for m in SANITIZER_MARKERS:
        check(m not in log, "the client's log mentions %r:\n%s"
              % (m, log[-4000:]))


def check_clean(t, screen):
    for g in GARBAGE:
        check(g not in screen, "%s: %r shows as text:\n%s"
              % (t.label(), g, screen))
    lines = screen.split("\n")
    check(len(lines) == t.height and all(len(l) == t.width for l in lines),
          "%s: the screen is not %dx%d" % (t.label(), t.width, t.height))
    # The header on the first line and the keys on the last: nothing was
    # written past the last cell, which would have scrolled the screen.
    check(TITLE in lines[0] and "q stoppen" in lines[-1],
          "%s: the screen moved:\n%s" % (t.label(), screen))


def session(sc, srv, term, width, height, colour, env=None, name="Bram",
            others=("Anna",)):
    """A new room with a line-mode chair, the full-screen client in it on
    term; a note typed, then q. Returns the Pty and the screen before q."""
    chair = sc.client(srv.port, "Anna", new_room=TITLE)
    code = chair.room_code()
    home = sc.tmpdir()
    env = dict(sc.client_env() if env is None else env)
    env["HOME"] = home
    env["XDG_STATE_HOME"] = os.path.join(home, "state")
    env["XDG_CONFIG_HOME"] = os.path.join(home, "config")
    env.pop("NO_COLOR", None)
    if not colour:
        env["NO_COLOR"] = "1"
    t = Pty(sc, [CLIENT_BIN, "--host", "127.0.0.1", "--port", str(srv.port),
                 code, "--name", name], term, width, height, env)
    return chair, code, home, t


def run_one(sc, srv, term, width, height, colour):
    chair, code, home, t = session(sc, srv, term, width, height, colour)
    # The keys on the last line are drawn last: until they show, the
    # terminal may hold half a redraw (a slow client under valgrind).
    screen = t.wait_text(TITLE, code, "Betekenis", "Bram", "Anna",
                         "Notities", "q stoppen")
    check_clean(t, screen)
    # A note with its key: n opens the prompt with "note " in it.
    t.send("n")
    t.wait_text("note ")
    t.send("regel op %s" % term)
    t.send("\r")
    # In the list of notes, not only on the command line being typed.
    screen = t.wait_text("Bram: regel op %s" % term, "q stoppen")
    check_clean(t, screen)
    chair.wait_line(lambda l: (m := NOTE_RE.match(l)) is not None
                    and m.group(5) == "regel op %s" % term,
                    "the note at the chair")
    cells = t.coloured_cells()
    if colour and term not in MONOCHROME:
        check(cells, "%s: no cell has a colour:\n%s" % (t.label(), screen))
    else:
        check(not cells, "%s: cells in colour at %s:\n%s"
              % (t.label(), cells[:5], screen))
    t.send("q")
    rc = t.wait_exit()
    check(rc == 0, "%s: q ended the client with %s" % (t.label(), rc))
    log_problems(home)
    chair.finish()


def test_terminals():
    terms = [t for t in TERMS if has_terminfo(t)]
    # Debian 12's ncurses-base and ncurses-term have them all; only
    # tmux-256color may be missing elsewhere.
    check(set(TERMS) - set(terms) <= {"tmux-256color"},
          "no terminfo for %s" % (set(TERMS) - set(terms)))
    with Scope() as sc:
        srv = sc.server()
        for term in terms:
            for width, height in SIZES:
                run_one(sc, srv, term, width, height, True)
                if term not in MONOCHROME:
                    run_one(sc, srv, term, width, height, False)


def test_ascii_fallback():
    """LC_ALL=C on a vt100: only ASCII goes to the terminal, the symbols
    in their plain forms, each character a line-mode client sent in
    UTF-8 one '?' (client/viewtext.c)."""
    with Scope() as sc:
        srv = sc.server()
        env = sc.client_env()
        env["LC_ALL"] = "C"
        chair, code, home, t = session(sc, srv, "vt100", 80, 24, True,
                                       env=env)
        zoe = sc.client(srv.port, "Zoë", room=code)
        zoe.room_code()
        zoe.send("note Eén café")
        screen = t.wait_text(TITLE, code, "Betekenis", "Bram", "Anna",
                             "Notities", "Zo?", "E?n caf?", "q stoppen")
        check_clean(t, screen)
        check(not re.search(r"\?\?", screen),
              "a run of '?' (a '?' per byte?):\n%s" % screen)
        high = sorted({b for b in t.raw if b >= 0x80})
        check(not high, "bytes above ASCII went to the terminal: %s"
              % [hex(b) for b in high[:10]])
        # The plain symbols, not the UTF-8 ones.
        check(" | " in screen and "einde ~ " in screen,
              "no ' | ' separator or '~' before the end:\n%s" % screen)
        t.send("n")
        t.wait_text("note ")
        t.send("ascii\r")
        check_clean(t, t.wait_text("Bram: ascii", "q stoppen"))
        t.send("q")
        rc = t.wait_exit()
        check(rc == 0, "q ended the client with %s" % rc)
        high = sorted({b for b in t.raw if b >= 0x80})
        check(not high, "bytes above ASCII went to the terminal: %s"
              % [hex(b) for b in high[:10]])
        log_problems(home)


if __name__ == "__main__":
    run_tests([test_terminals, test_ascii_fallback])
