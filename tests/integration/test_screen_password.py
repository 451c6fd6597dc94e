"""The full-screen client and a room with a password, driven by
keystrokes in tmux: refused for want of the password, the join form
shows a password field, a wrong one is refused and cleared, the typed
characters show as '*', and the right one joins without a restart; a
projector is asked the same way."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import Scope, check, run_tests  # noqa: E402
from screen import client, with_tmux  # noqa: E402

PASSWORD = "geheim42"


@with_tmux
def test_asked_for_the_password(tmux):
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Anna", new_room="Team Zorg")
        code = anna.room_code()
        anna.send("wachtwoord " + PASSWORD)
        anna.wait_line(lambda l: "heeft nu een wachtwoord" in l,
                       "the password set")
        bram = tmux.start(client("--host", "127.0.0.1", "--port",
                                 str(srv.port), "--name", "Bram", code))
        form = tmux.wait_text(bram, "Wachtwoord")
        check("heeft een wachtwoord" in form, form)
        # A wrong one: refused, and the field is empty again.
        tmux.type(bram, "fout1")
        screen = tmux.wait_text(bram, "*****")
        check("fout1" not in screen, screen)
        tmux.keys(bram, "Enter")
        screen = tmux.wait_text(bram, "niet het wachtwoord")
        check("*****" not in screen, screen)
        # The right one joins, in the same program.
        tmux.type(bram, PASSWORD)
        screen = tmux.wait_text(bram, "*" * len(PASSWORD))
        check(PASSWORD not in screen, screen)
        tmux.keys(bram, "Enter")
        screen = tmux.wait_text(bram, "Stap 1/5")
        check(PASSWORD not in screen, screen)
        line = anna.who()
        check(re.search(r"\bBram\b", line), line)
        check(anna.finish() == 0, anna.describe())


@with_tmux
def test_projector_asked_too(tmux):
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Anna", new_room="Team Zorg")
        code = anna.room_code()
        anna.send("wachtwoord " + PASSWORD, "table b1")
        anna.wait_line(lambda l: "heeft nu een wachtwoord" in l,
                       "the password set")
        beamer = tmux.start(client("--host", "127.0.0.1", "--port",
                                   str(srv.port), "--view", code),
                            width=120, height=40)
        form = tmux.wait_text(beamer, "Wachtwoord")
        check("heeft een wachtwoord" in form, form)
        tmux.type(beamer, PASSWORD)
        tmux.keys(beamer, "Enter")
        screen = tmux.wait_text(beamer, "buitenland")
        check(PASSWORD not in screen, screen)
        check(anna.finish() == 0, anna.describe())


if __name__ == "__main__":
    run_tests([test_asked_for_the_password, test_projector_asked_too])
