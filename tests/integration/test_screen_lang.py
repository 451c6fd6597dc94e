"""The full-screen client's language, driven in tmux under C.UTF-8 (the
only locale a bare machine has): it starts in Dutch, L and F2 switch to
English and back at any time, the content's texts (the step names)
switching along, F2 also on the join form, where L is a letter, and
":lang en" on the command line."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import Scope, check, run_tests  # noqa: E402
from screen import client, with_tmux  # noqa: E402


def start_room(sc, tmux, *extra, width=80):
    srv = sc.server()
    chair = tmux.start(client("--host", "127.0.0.1", "--port", str(srv.port),
                              "--name", "Anna", "--new-room", "Team Zorg",
                              *extra), width=width)
    tmux.wait_text(chair, "Team Zorg")
    return srv, chair


@with_tmux
def test_switch_key(tmux):
    with Scope() as sc:
        # Wide enough for the chair's whole footer.
        srv, chair = start_room(sc, tmux, width=100)
        screen = tmux.wait_text(chair, "Stap 1/5")
        check("Betekenis" in screen and "? hulp" in screen, screen)
        # The footer offers the other language by its own name.
        check("L English" in screen, screen)
        tmux.keys(chair, "L")
        screen = tmux.wait_text(chair, "Step 1/5")
        # The header, the content's step names and the footer, all in
        # English; the message line says so.
        for text in ("Meaning", "Relevance", "? help",
                     "What does internationalisation mean to you?",
                     "Language: English", "L Nederlands"):
            check(text in screen, "%r missing:\n%s" % (text, screen))
        check("Betekenis" not in screen and "Stap 1/5" not in screen,
              screen)
        # The help is English too.
        tmux.keys(chair, "?")
        screen = tmux.wait_text(chair, "Help: Getting started with")
        check("write a note" in screen, screen)
        tmux.keys(chair, "Escape")
        tmux.wait(chair, lambda s: "Help:" not in s, "the help closed")
        # F2 switches back.
        tmux.keys(chair, "F2")
        screen = tmux.wait_text(chair, "Stap 1/5")
        check("Betekenis" in screen and "Taal: Nederlands" in screen,
              screen)


@with_tmux
def test_command_and_option(tmux):
    with Scope() as sc:
        srv, chair = start_room(sc, tmux, "--lang", "en")
        screen = tmux.wait_text(chair, "Step 1/5")
        check("Meaning" in screen, screen)
        tmux.type(chair, ":lang nl")
        tmux.keys(chair, "Enter")
        screen = tmux.wait_text(chair, "Stap 1/5")
        check("Betekenis" in screen, screen)
        # A refusal from the server, rendered in the language of the
        # moment it arrives.
        tmux.type(chair, ":taal en")
        tmux.keys(chair, "Enter")
        tmux.wait_text(chair, "Step 1/5")
        tmux.type(chair, ":prev")
        tmux.keys(chair, "Enter")
        tmux.wait_text(chair, "This is already the first step.")


@with_tmux
def test_join_form(tmux):
    with Scope() as sc:
        srv = sc.server()
        w = tmux.start(client())
        form = tmux.wait_text(w, "Naam")
        check("F2 English" in form, form)
        tmux.keys(w, "F2")
        form = tmux.wait_text(w, "Tab or Down: next field")
        check("Name" in form and "F2 Nederlands" in form, form)
        # On the form L is a letter like any other.
        tmux.keys(w, "C-u")
        tmux.type(w, "127.0.0.1:%d" % srv.port)
        tmux.keys(w, "Enter")
        tmux.type(w, "LLLL-LLLL")
        form = tmux.wait_text(w, "LLLL-LLLL")
        check("Tab or Down" in form, form)
        tmux.keys(w, "Enter")
        tmux.type(w, "Lotte")
        tmux.keys(w, "Enter")
        # The refusal of a code no room has, in English.
        screen = tmux.wait_text(w, "There is no session with this code.")
        check(re.search(r"Er is geen", screen) is None, screen)


if __name__ == "__main__":
    run_tests([test_switch_key, test_command_and_option, test_join_form])
