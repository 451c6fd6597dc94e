"""Workshops in the full-screen client, driven by keystrokes in tmux and
read from the screen: the facilitator creates a study day and sees its
groups and code, a colleague picks a group from the list and lands on its
poster, the facilitator's message reaches the colleague, the facilitator
moves the colleague to another group, a group that filled up is refused
while the picker stays usable, and the plenary projector goes from its
waiting screen to a group's report back."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import Scope, check, run_tests  # noqa: E402
from screen import client, with_tmux  # noqa: E402

CODE_RE = re.compile(r"\bcode ([2-9A-Z]{4}-[2-9A-Z]{4})\b")


def server_args(srv):
    return ["--host", "127.0.0.1", "--port", str(srv.port)]


def start_workshop(sc, tmux, rooms=3, width=100, height=30):
    """A server, and the facilitator's full screen for a new study day;
    returns the server, the facilitator's window and the workshop code.
    The server names an SSH account, for the plenary's join line."""
    srv = sc.server("--ssh-account", "klas")
    fien = tmux.start(client(*server_args(srv), "--new-workshop",
                             "Studiedag", "--rooms", str(rooms), "--name",
                             "Fien"), width=width, height=height)
    # The code to read aloud is in the header; the facilitator code is
    # on the message line, once.
    screen = tmux.wait(fien, lambda s: CODE_RE.search(s) is not None and
                       re.search(r"begeleiderscode op: [2-9A-Z]{4}-?"
                                 r"[2-9A-Z]{4}", s) is not None,
                       "the workshop code and the facilitator code")
    return srv, fien, CODE_RE.search(screen).group(1)


def room_row(screen, n):
    """The facilitator's table row of group n, or ""."""
    for line in screen.split("\n"):
        if re.match(r"^\s*%d\s+Groep %d\b" % (n, n), line):
            return line
    return ""


@with_tmux
def test_facilitator_colleague_and_plenary(tmux):
    with Scope() as sc:
        # (a) The facilitator's screen: three groups and the code.
        srv, fien, code = start_workshop(sc, tmux)
        tmux.wait(fien, lambda s: "Studiedag" in s and code in s and
                  all(room_row(s, n) for n in (1, 2, 3)) and
                  not room_row(s, 4), "the three groups")

        # (b) A colleague joins with that code and picks group 2.
        bram = tmux.start(client(*server_args(srv), "--name", "Bram", code),
                          width=100, height=30)
        tmux.wait(bram, lambda s: "geen voorkeur" in s and
                  "Studiedag" in s and code in s and
                  all(re.search(r"^\s*%d\s+Groep %d\s+0/7" % (n, n), s,
                                re.M) for n in (1, 2, 3)),
                  "the picker with three empty groups")
        # The cursor starts on no preference (nobody assigned Bram);
        # two rows down is group 2.
        tmux.keys(bram, "Down")
        tmux.keys(bram, "Down")
        tmux.keys(bram, "Enter")
        tmux.wait(bram, lambda s: "Stap 1/5" in s and
                  "Groep 2 \u00b7 Studiedag" in s, "group 2's poster")
        tmux.wait(fien, lambda s: "1/7" in room_row(s, 2) and
                  "0/7" in room_row(s, 1) and "0/7" in room_row(s, 3),
                  "group 2 with one of seven")

        # (c) The facilitator's message reaches the colleague.
        tmux.type(fien, ":bericht Pauze tot 11:00")
        tmux.keys(fien, "Enter")
        tmux.wait_text(bram, "Pauze tot 11:00")
        tmux.wait_text(fien, "staat nu bij alle groepen")

        # The facilitator moves the colleague to group 3: the poster is
        # group 3's and the message line says so.
        tmux.keys(fien, "v")
        tmux.type(fien, "Bram naar 3")
        tmux.keys(fien, "Enter")
        tmux.wait(bram, lambda s: "verplaatst" in s and
                  "Groep 3 \u00b7 Studiedag" in s, "group 3's poster")
        tmux.wait(fien, lambda s: "1/7" in room_row(s, 3) and
                  "0/7" in room_row(s, 2), "Bram in group 3")

        # (d) The plenary projector: the waiting screen, then group 1's
        # report back once the facilitator starts it.
        beamer = tmux.start(client(*server_args(srv), "--view", code),
                            width=130, height=30)
        fp = srv.wait_line(lambda l: l.startswith("tls fingerprint: "),
                           "the server's fingerprint").split()[2]
        tmux.wait(beamer, lambda s: "Groep 1" in s and "Groep 3" in s and
                  code in s and "Pauze tot 11:00" in s and
                  "zonder programma: ssh klas@127.0.0.1" in s and
                  "vingerafdruk " + fp in s,
                  "the waiting screen")
        tmux.keys(fien, "t")
        tmux.type(fien, "start")
        tmux.keys(fien, "Enter")
        tmux.wait(beamer, lambda s: "G R O E P   1" in s, "group 1's turn")
        # The turn's clock runs: the plenary ticks by itself.
        first = tmux.screen(beamer)
        tmux.wait(beamer, lambda s: s != first, "the turn's clock ticking",
                  timeout=5)

        # The projector and the facilitator leave with q.
        tmux.keys(beamer, "q")
        tmux.wait_text(beamer, "EXIT 0")
        tmux.keys(fien, "q")
        tmux.wait_text(fien, "EXIT 0")


@with_tmux
def test_picker_keys_and_full_group(tmux):
    with Scope() as sc:
        srv, fien, code = start_workshop(sc, tmux, rooms=2)
        # Group 1 fills up but for one seat while the colleague reads the
        # list.
        for i in range(6):
            c = sc.client(srv.port, "Collega %d" % i, room=code,
                          extra=("--groep", "1"))
            c.room_code()
        carla = tmux.start(client(*server_args(srv), "--name", "Carla",
                                  code))
        tmux.wait(carla, lambda s: "geen voorkeur" in s and re.search(
            r"^\s*1\s+Groep 1\s+6/7", s, re.M) is not None,
            "the picker with one seat left in group 1")
        last = sc.client(srv.port, "Daan", room=code,
                         extra=("--groep", "1"))
        last.room_code()
        # A digit chooses at once: group 1 is full by now. The refusal is
        # on the message line, and the list is fetched again.
        tmux.keys(carla, "1")
        tmux.wait(carla, lambda s: "Groep 1 is net vol geraakt" in s and
                  "geen voorkeur" in s and re.search(
                      r"^\S*\s*1\s+Groep 1\s+7/7\s+vol", s, re.M)
                  is not None, "the fresh list with group 1 full")
        # No preference places her in the group with a seat.
        tmux.keys(carla, "0")
        tmux.wait(carla, lambda s: "Stap 1/5" in s and
                  "Groep 2 \u00b7 Studiedag" in s, "group 2's poster")
        tmux.wait(fien, lambda s: "1/7" in room_row(s, 2) and
                  "7/7" in room_row(s, 1), "Carla in group 2")
        # Esc on the picker leaves without joining.
        erik = tmux.start(client(*server_args(srv), "--name", "Erik", code))
        tmux.wait_text(erik, "geen voorkeur")
        tmux.keys(erik, "Escape")
        tmux.wait_text(erik, "EXIT 0")
        screen = tmux.wait(fien, lambda s: room_row(s, 2), "the table")
        check("1/7" in room_row(screen, 2), screen)


PLAN = """titel: Studiedag mbo
groepen:
  - naam: Zorg
    opleiding: Verzorgende IG
  - naam: Techniek
    opleiding: Elektrotechniek
indeling:
  Bram: Techniek
"""


@with_tmux
def test_plan_and_assigned_group(tmux):
    with Scope() as sc:
        srv = sc.server()
        plan = os.path.join(sc.tmpdir(), "dag.yaml")
        with open(plan, "w", encoding="utf-8") as f:
            f.write(PLAN)
        fien = tmux.start(client(*server_args(srv), "--workshop-file", plan,
                                 "--name", "Fien"), width=100, height=30)
        screen = tmux.wait(fien, lambda s: CODE_RE.search(s) is not None and
                           "Techniek" in s, "the planned workshop")
        code = CODE_RE.search(screen).group(1)
        # The picker marks the group Bram was assigned to, shows the
        # programmes, and has the cursor on his group: Enter joins it.
        bram = tmux.start(client(*server_args(srv), "--name", "Bram", code),
                          width=100, height=30)
        tmux.wait(bram, lambda s: re.search(
            r"\u25b6\s*2\s+Techniek\s+Elektrotechniek\s+0/7\s+jouw groep",
            s) is not None and re.search(
            r"^\s*1\s+Zorg\s+Verzorgende IG\s+0/7\s*$", s, re.M)
            is not None and "naar Techniek, waar de begeleider" in s,
            "the picker with Bram's group marked")
        tmux.keys(bram, "Enter")
        tmux.wait(bram, lambda s: "Stap 1/5" in s and
                  "Techniek \u00b7 Studiedag mbo" in s, "Techniek's poster")
        # Someone not in the plan has no group marked and starts on no
        # preference; k and j move the cursor.
        carla = tmux.start(client(*server_args(srv), "--name", "Carla",
                                  code), width=100, height=30)
        tmux.wait(carla, lambda s: re.search(r"\u25b6\s*0\s+geen voorkeur",
                                             s) is not None and
                  "jouw groep" not in s, "Carla's picker")
        tmux.type(carla, "jjk")
        tmux.wait(carla, lambda s: re.search(r"\u25b6\s*1\s+Zorg", s)
                  is not None, "the cursor on Zorg")
        tmux.keys(carla, "Enter")
        tmux.wait(carla, lambda s: "Stap 1/5" in s and
                  "Zorg \u00b7 Studiedag mbo" in s, "Zorg's poster")


@with_tmux
def test_facilitator_keys_help_and_refusal(tmux):
    with Scope() as sc:
        srv, fien, code = start_workshop(sc, tmux, rooms=2, width=80,
                                         height=24)
        # The help over the screen, and back.
        tmux.keys(fien, "?")
        tmux.wait_text(fien, "Hulp: de workshop begeleiden")
        tmux.keys(fien, "Escape")
        tmux.wait(fien, lambda s: "Hulp: de workshop" not in s and
                  room_row(s, 1), "the table again")
        # A mistake in a command stays on this laptop.
        tmux.type(fien, ":verplaats")
        tmux.keys(fien, "Enter")
        tmux.wait_text(fien, "Zeg wie naar welke groep gaat")
        # '>' before the report back started: the server refuses it and
        # the refusal is on the message line.
        tmux.keys(fien, ">")
        tmux.wait_text(fien, "De terugkoppeling is nog niet begonnen")
        # The clocks start with a command, in every group with a chair:
        # group 1's, where a colleague is, ticks on the screen; empty
        # group 2's does not start.
        anna = sc.client(srv.port, "Anna", room=code, extra=("--groep", "1"))
        anna.room_code()
        tmux.wait(fien, lambda s: "1/7" in room_row(s, 1), "Anna")
        tmux.type(fien, ":klokken start")
        tmux.keys(fien, "Enter")
        tmux.wait_text(fien, "De klokken lopen")
        seen = set()

        def ticked(s):
            m = re.search(r"\b(19:5\d)\b", room_row(s, 1))
            if m:
                seen.add(m.group(1))
            return len(seen) >= 2
        tmux.wait(fien, ticked, "group 1's clock ticking", timeout=5)
        tmux.wait(fien, lambda s: "20:00" in room_row(s, 2) and
                  "niet gestart" in room_row(s, 2), "group 2's clock idle")
        # An export of every group: the message line says where it went
        # once the last group is in.
        out = os.path.join(sc.tmpdir(), "dag.csv")
        tmux.type(fien, ":export csv " + out)
        tmux.keys(fien, "Enter")
        tmux.wait(fien, lambda s: out in s and "opgehaald" not in s,
                  "the export's result")
        check(anna.finish() == 0, anna.describe())


if __name__ == "__main__":
    run_tests([test_facilitator_colleague_and_plenary,
               test_picker_keys_and_full_group,
               test_plan_and_assigned_group,
               test_facilitator_keys_help_and_refusal])
