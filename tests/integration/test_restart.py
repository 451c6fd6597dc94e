"""The server killed in the middle of a session, tried as a new user
would, with real line-mode clients on 127.0.0.1: the clients come back by
themselves to the same poster, the chair still in charge, every note
anyone saw still there and none twice, and the clock that ran comes back
paused, saying why. And the chair whose laptop died comes back from
another one with the chair recovery code."""

import os
import re
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import Scope, check, run_tests, wait_until  # noqa: E402

BACK = "weer verbonden"


def shown(c, text):
    """Sends 'show' and returns its poster lines once text is among them."""
    before = len(c.lines())
    c.send("show")

    def answer():
        lines = c.lines()[before:]
        return lines if any(text in l for l in lines) else None
    return wait_until(answer, "%s: %r in show" % (c.label, text))


def test_kill9_mid_session():
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Anna", new_room="Middenin")
        code = anna.room_code()
        bram = sc.client(srv.port, "Bram", room=code)
        bram.room_code()
        anna.send("start")
        bram.wait_line(lambda l: "gestart" in l, "the clock started")
        bram.send("note gezien door iedereen")
        anna.wait_note("gezien door iedereen")
        time.sleep(1.5)
        srv.kill9()
        bram.send("note getypt terwijl de server plat lag")
        again = sc.server(data=srv.data, port=srv.port)
        check(again.port == srv.port, "another port")
        for c in (anna, bram):
            wait_until(lambda c=c: BACK in c.stderr(), "%s back" % c.label)
        bram.wait_note("getypt terwijl de server plat lag")
        line = anna.who()
        check("Anna (voorzitter) (jij)" in line, "after the restart: " + line)
        poster = shown(anna, "getypt terwijl")
        for text in ("gezien door iedereen", "getypt terwijl de server plat lag"):
            n = sum(l.count(text) for l in poster)
            check(n == 1, "%r %d times on the poster" % (text, n))
        clock = [l for l in poster if "de server viel weg" in l]
        check(clock, "the clock does not say why it stopped:\n%s"
              % "\n".join(poster))
        check("gepauzeerd" in clock[0], clock[0])
        # The chair resumes it, and the note about the stop goes away.
        anna.send("resume")
        bram.wait_line(lambda l: "hervat" in l, "the clock resumed")
        check(bram.finish() == 0, bram.describe())
        check(anna.finish() == 0, anna.describe())


def test_chair_code_from_another_laptop():
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Anna", new_room="Kapotte laptop")
        code = anna.room_code()
        line = anna.wait_line(lambda l: l.startswith("chair code: "),
                              "the chair code")
        chair_code = line.split(": ", 1)[1]
        check(re.match(r"^[2-9A-Z]{4}-[2-9A-Z]{4}$", chair_code),
              "chair code %r" % chair_code)
        wait_until(lambda: "voorzitterscode" in anna.stderr(),
                   "the chair code explained on stderr")
        bram = sc.client(srv.port, "Bram", room=code)
        bram.room_code()
        # Anna's laptop dies.
        anna.p.send_signal(signal.SIGKILL)
        anna.p.wait()
        bram.wait_line(lambda l: "Anna is niet meer verbonden" in l,
                       "Anna away", timeout=60)
        wrong = sc.client(srv.port, "Anna", room=code,
                          extra=["--chair-code", "2222-2222"])
        check(wrong.wait_exit() == 2, wrong.describe())
        check(any("bad_chair_code" in l for l in wrong.lines()),
              wrong.describe())
        other = sc.client(srv.port, "Anna", room=code,
                          extra=["--chair-code", chair_code.lower()])
        other.room_code()
        check("chair code:" not in "\n".join(other.lines()),
              "the chair code shown again")
        line = other.who()
        check("Anna (voorzitter) (jij)" in line, line)
        other.send("next")
        bram.wait_line(lambda l: "stap 2" in l, "the chair moves on")
        check(other.finish() == 0, other.describe())


if __name__ == "__main__":
    run_tests([test_kill9_mid_session, test_chair_code_from_another_laptop])
