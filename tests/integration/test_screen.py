"""The full-screen client, driven by keystrokes in tmux and read from the
screen: the join screen, the clock, a colleague's note arriving, the chair
moving the team, votes and their reveal, a claimed action, the projector
following the team, and resizing."""

import os
import re
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import Scope, check, run_tests, wait_until  # noqa: E402
from screen import client, with_tmux  # noqa: E402


def start_room(sc, tmux, title="Team Techniek"):
    """A server, and the chair's full-screen client for a new room."""
    srv = sc.server()
    chair = tmux.start(client("--host", "127.0.0.1", "--port", str(srv.port),
                              "--name", "Anna", "--new-room", title))
    screen = tmux.wait_text(chair, title)
    code = re.search(r"\b([2-9A-Z]{4}-[2-9A-Z]{4})\b", screen).group(1)
    return srv, chair, code


@with_tmux
def test_join_screen(tmux):
    with Scope() as sc:
        srv, chair, code = start_room(sc, tmux)
        # A colleague starts the client without options: one screen asks
        # for the server, the code and the name.
        bram = tmux.start(client())
        form = tmux.wait_text(bram, "Naam")
        check("Server" in form and "Code" in form, form)
        tmux.keys(bram, "C-u")
        tmux.type(bram, "127.0.0.1:%d" % srv.port)
        tmux.keys(bram, "Enter")
        tmux.type(bram, code.lower().replace("-", ""))
        tmux.keys(bram, "Enter")
        tmux.type(bram, "Bram Ölçer")
        tmux.keys(bram, "Enter")
        tmux.wait_text(bram, "Stap 1/5")
        tmux.wait_text(chair, "Bram")
        # The server is remembered for next time.
        again = tmux.start(client(code))
        form = tmux.wait_text(again, "Naam")
        check("127.0.0.1:%d" % srv.port in form, form)


@with_tmux
def test_unreachable_server(tmux):
    with Scope() as sc:
        import socket
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        sc.sock(s)
        w = tmux.start(client("--host", "127.0.0.1", "--port", str(port),
                              "--name", "Bram", "ABCD-EFGH"))
        screen = tmux.wait_text(w, "poort %d" % port)
        check("Draait de server" in screen, screen)


@with_tmux
def test_clock_notes_and_steps(tmux):
    with Scope() as sc:
        srv, chair, code = start_room(sc, tmux)
        screen = tmux.wait_text(chair, "Stap 1/5")
        check("20:00" in screen and "Betekenis" in screen, screen)
        # The chair starts the clock with the space bar.
        tmux.keys(chair, "Space")
        tmux.wait(chair, lambda s: re.search(r"19:5\d", s) is not None,
                  "the clock running")
        # A colleague's note with diacritics appears on the poster.
        bram = sc.client(srv.port, "Bram", room=code)
        bram.room_code()
        bram.send("note Eén café in Gent, ruïne van Brügge")
        tmux.wait_text(chair, "Eén café in Gent, ruïne van Brügge")
        # The chair moves the team with the command line.
        tmux.type(chair, ":next")
        tmux.keys(chair, "Enter")
        tmux.wait_text(chair, "Stap 2/5")
        tmux.type(chair, ":next")
        tmux.keys(chair, "Enter")
        screen = tmux.wait_text(chair, "Stap 3/5")
        check("Competenties" in screen, screen)
        bram.wait_line(lambda l: "stap 3 Competenties" in l, "step 3")
        # A participant cannot: the refusal is on the screen.
        b = tmux.start(client("--host", "127.0.0.1", "--port",
                              str(srv.port), "--name", "Carla", code))
        tmux.wait_text(b, "Stap 3/5")
        tmux.type(b, ":next")
        tmux.keys(b, "Enter")
        tmux.wait_text(b, "voorzitter")
        check(bram.finish() == 0, bram.describe())


@with_tmux
def test_votes_reveal_and_claim(tmux):
    with Scope() as sc:
        srv, chair, code = start_room(sc, tmux)
        carla = tmux.start(client("--host", "127.0.0.1", "--port",
                                  str(srv.port), "--name", "Carla", code),
                           width=100, height=40)
        tmux.wait_text(carla, "Stap 1/5")
        for line in (":goto 3", ":votes hidden"):
            tmux.type(chair, line)
            tmux.keys(chair, "Enter")
        tmux.wait_text(carla, "Stap 3/5")
        bram = sc.client(srv.port, "Bram", room=code)
        bram.room_code()
        bram.send("vote vreemde-taal")
        tmux.wait_text(carla, "verborgen")
        tmux.type(chair, ":votes open")
        tmux.keys(chair, "Enter")
        tmux.wait(carla, lambda s: "verborgen" not in s and
                  any("vreemde-taal" in l and re.search(r"\b1\b", l)
                      for l in s.split("\n")),
                  "the revealed tally")
        tmux.type(chair, ":mark vreemde-taal")
        tmux.keys(chair, "Enter")
        tmux.wait_text(carla, "gekozen")
        # Step 5: an action claimed shows its owner everywhere.
        tmux.type(chair, ":goto 5")
        tmux.keys(chair, "Enter")
        bram.send("action add Stageplaatsen in Duitsland zoeken")
        tmux.wait_text(carla, "nog niemand")
        tmux.keys(carla, "c")
        tmux.type(carla, "1")
        tmux.keys(carla, "Enter")
        tmux.wait(carla, lambda s: "nog niemand" not in s, "the owner")
        bram.wait_line(lambda l: "Carla" in l and "p1" in l, "the claim")
        tmux.wait(chair, lambda s: "Stageplaatsen" in s and
                  "nog niemand" not in s, "the owner at the chair")
        check(bram.finish() == 0, bram.describe())


@with_tmux
def test_projector_follows(tmux):
    with Scope() as sc:
        srv, chair, code = start_room(sc, tmux)
        beamer = tmux.start(client("--host", "127.0.0.1", "--port",
                                   str(srv.port), "--view", code),
                            width=120, height=40)
        tmux.wait_text(beamer, "Betekenis")
        # The fingerprint colleagues compare, next to the code; the chair
        # of the new room has it in the welcome, to read aloud.
        fp = srv.wait_line(lambda l: l.startswith("tls fingerprint: "),
                           "the server's fingerprint").split()[2]
        tmux.wait_text(beamer, "vingerafdruk " + fp)
        tmux.wait_text(chair, fp)
        tmux.type(chair, ":table b1")
        tmux.keys(chair, "Enter")
        tmux.wait_text(beamer, "buitenland")
        tmux.keys(chair, ">")
        screen = tmux.wait_text(beamer, "Relevantie")
        check("Betekenis" not in screen, screen)
        # The projector takes no seat among the seven.
        tmux.wait(chair, lambda s: "Stap 2/5" in s, "the chair's step")


@with_tmux
def test_resize(tmux):
    with Scope() as sc:
        srv, chair, code = start_room(sc, tmux)
        tmux.wait_text(chair, "Stap 1/5")
        for w, h in ((160, 50), (80, 24), (120, 30)):
            tmux.resize(chair, w, h)
            screen = tmux.wait(chair, lambda s: "Stap 1/5" in s and
                               "hulp" in s, "a redraw at %dx%d" % (w, h))
            lines = screen.split("\n")
            check(max(len(l) for l in lines) <= w, screen)
        # After all that the client still works.
        tmux.type(chair, ":note na het vergroten")
        tmux.keys(chair, "Enter")
        tmux.wait_text(chair, "na het vergroten")
        tmux.keys(chair, "q")
        time.sleep(0)


@with_tmux
def test_warnings_bell_only_at_chair(tmux):
    with Scope() as sc:
        srv, chair, code = start_room(sc, tmux)
        carla = tmux.start(client("--host", "127.0.0.1", "--port",
                                  str(srv.port), "--name", "Carla", code))
        tmux.wait_text(carla, "Stap 1/5")
        tmux.run("set-option", "-g", "monitor-bell", "on")
        tmux.run("set-option", "-g", "bell-action", "any")
        # A step of five minutes: the five-minute warning comes at once.
        tmux.type(chair, ":set minutes 1 5")
        tmux.keys(chair, "Enter")
        tmux.wait_text(carla, "5:00")
        tmux.keys(chair, "Space")
        tmux.wait_text(chair, "Nog 5 minuten")
        tmux.wait_text(carla, "Nog 5 minuten")
        # Another window has the focus, so tmux keeps the bell flags.
        tmux.start(["sh", "-c", "sleep 600"])
        flags = {}
        for w in (chair, carla):
            flags[w] = tmux.run("display-message", "-p", "-t", w,
                                "#{window_bell_flag}").stdout.strip()
        check(flags[chair] == "1", "no bell at the chair: %r" % flags)
        check(flags[carla] == "0", "a bell at a participant: %r" % flags)


@with_tmux
def test_paste_and_quit(tmux):
    with Scope() as sc:
        srv, chair, code = start_room(sc, tmux)
        tmux.keys(chair, "n")
        # A pasted line break must not send half a note.
        tmux.run("set-buffer", "Eerste regel\nTweede regel")
        tmux.run("paste-buffer", "-p", "-t", chair)
        tmux.wait_text(chair, "Eerste regel Tweede regel")
        screen = tmux.screen(chair)
        check("notitie 1" not in screen and "[n1]" not in screen, screen)
        tmux.keys(chair, "Enter")
        tmux.wait_text(chair, "n1")
        # q gives the terminal back and exits 0.
        tmux.keys(chair, "q")
        tmux.wait_text(chair, "EXIT 0")


@with_tmux
def test_unknown_terminal_and_no_colour(tmux):
    w = tmux.start(client("ABCD-EFGH"), env={"TERM": "geen-terminal"})
    screen = tmux.wait_text(w, "--plain")
    check("geen-terminal" in screen, screen)
    with Scope() as sc:
        srv = sc.server()
        mono = tmux.start(client("--host", "127.0.0.1", "--port",
                                 str(srv.port), "--name", "Anna",
                                 "--new-room", "Zonder kleur"),
                          env={"NO_COLOR": "1"})
        tmux.wait_text(mono, "Stap 1/5")
        escapes = tmux.run("capture-pane", "-p", "-e", "-t",
                           mono).stdout
        check(re.search(r"\x1b\[[0-9;]*3[0-7]m", escapes) is None,
              "colours despite NO_COLOR: %r" % escapes[:400])


@with_tmux
def test_suspend_and_resume(tmux):
    with Scope() as sc:
        srv, chair, code = start_room(sc, tmux, title="Even weg")
        tmux.wait_text(chair, "Stap 1/5")
        pid = int(tmux.run("display-message", "-p", "-t", chair,
                           "#{pane_pid}").stdout.strip())
        # Ctrl-Z gives the terminal back; the client stops.
        tmux.keys(chair, "C-z")
        tmux.wait(chair, lambda s: "Stap 1/5" not in s, "the terminal back")
        client_pid = None
        for line in subprocess.run(["ps", "-o", "pid=,stat=,args=",
                                    "--ppid", str(pid)], text=True,
                                   capture_output=True).stdout.split("\n"):
            if "aandeslag" in line:
                client_pid, state = int(line.split()[0]), line.split()[1]
                check(state.startswith("T"), "not stopped: %r" % line)
        check(client_pid is not None, "no client process")
        # A colleague's note arrives while it is stopped; on continuing
        # the poster is back and up to date.
        bram = sc.client(srv.port, "Bram", room=code)
        bram.room_code()
        bram.send("note terwijl Anna weg was")
        os.kill(client_pid, signal.SIGCONT)
        tmux.wait_text(chair, "terwijl Anna weg was")
        tmux.wait_text(chair, "Stap 1/5")
        # The first key after continuing is an arrow, and works as one
        # (the keypad is on again), rather than ending as ESC [ C.
        tmux.keys(chair, "Right")
        tmux.wait_text(chair, "[2 Relevantie]")
        check(bram.finish() == 0, bram.describe())


@with_tmux
def test_mouse_selects_a_step(tmux):
    with Scope() as sc:
        srv, chair, code = start_room(sc, tmux)
        screen = tmux.wait_text(chair, "Stap 1/5")
        row = next(i for i, l in enumerate(screen.split("\n"))
                   if "Competenties" in l)
        col = screen.split("\n")[row].index("Competenties")
        # An SGR mouse click (press and release) on that step's box.
        click = "\x1b[<0;%d;%dM\x1b[<0;%d;%dm" % (col + 2, row + 1,
                                                  col + 2, row + 1)
        tmux.type(chair, click)
        screen = tmux.wait_text(chair, "[3 Competenties]")
        check("Welke internationale competenties" in screen, screen)


@with_tmux
def test_heartbeat_in_the_clock_tick(tmux):
    """While a clock runs the heartbeat checks in the redraw's tick, once
    a second (client/link.c: link_tick()), and its own timer is pushed on
    at each tick. With the server's idle timeout at 7 s that timer's
    period (7 s / 6) is longer than a tick, so it never fires while the
    clock runs: the Pings that keep the server hearing from the chair, and
    the noticing of a server gone silent, must both come from the ticks.
    The Pings are quiet ones (no Pong wakes the client between redraws)
    while the chair awaits no answer; then the chair's TCP stack watches
    for a vanished server (tests/integration/test_liveness.py), and a
    server program that still acknowledges but says nothing (here: a
    proxy that swallows everything) is noticed once an answer is
    awaited."""
    with Scope() as sc:
        srv = sc.server("--idle-timeout", "7")
        proxy = sc.proxy(srv.port)
        chair = tmux.start(client("--host", "127.0.0.1", "--port",
                                  str(proxy.port), "--name", "Anna",
                                  "--new-room", "Stilte"), width=100)
        screen = tmux.wait_text(chair, "Stap 1/5")
        code = re.search(r"\b([2-9A-Z]{4}-[2-9A-Z]{4})\b", screen).group(1)
        carla = sc.client(srv.port, "Carla", room=code)
        carla.room_code()
        tmux.keys(chair, "Space")
        tmux.wait(chair, lambda s: re.search(r"19:5\d", s) is not None,
                  "the clock running")
        # Longer than the server's idle timeout: without the Pings the
        # server would take the quiet chair for gone.
        time.sleep(10)
        check(not any("Anna is niet meer verbonden" in l
                      for l in carla.lines()),
              "the server lost the chair: " + carla.describe())
        screen = tmux.screen(chair)
        check("opnieuw verbinden" not in screen, screen)
        # No FIN, no reset, every byte acknowledged: only silence. With
        # nothing awaited the quiet chair does not mind it (a Ping
        # wanting a Pong would have it give up within the 7 s)...
        check(proxy.accepted == 1, "%d connections" % proxy.accepted)
        proxy.blackhole()
        time.sleep(9)
        screen = tmux.screen(chair)
        check("opnieuw verbinden" not in screen and proxy.accepted == 1,
              "gave up on a silence while awaiting nothing (%d connections):"
              " %s" % (proxy.accepted, screen))
        # ...until it sends a note: unanswered, it is noticed at a tick
        # within the idle timeout.
        tmux.keys(chair, "n")
        tmux.type(chair, "na de stilte")
        tmux.keys(chair, "Enter")
        start = time.monotonic()
        wait_until(lambda: proxy.accepted == 2, "the chair reconnecting",
                   timeout=30)
        noticed = time.monotonic() - start
        check(noticed <= 10, "noticed after %.1f s" % noticed)
        tmux.wait_text(chair, "Weer verbonden")
        # The note went out again on the new connection: nothing lost.
        carla.wait_note("na de stilte")
        # And the clock goes on ticking: the time shown changes.
        shown = re.compile(r"\b(19:[0-4]\d|18:\d\d)\b")
        first = shown.search(tmux.wait(chair, shown.search, "the time"))
        tmux.wait(chair, lambda s: shown.search(s) is not None and
                  shown.search(s).group(1) != first.group(1),
                  "the clock running on after the reconnect")
        check(carla.finish() == 0, carla.describe())


if __name__ == "__main__":
    run_tests([test_join_screen, test_unreachable_server,
               test_clock_notes_and_steps, test_votes_reveal_and_claim,
               test_projector_follows, test_resize,
               test_warnings_bell_only_at_chair, test_paste_and_quit,
               test_unknown_terminal_and_no_colour,
               test_suspend_and_resume, test_mouse_selects_a_step,
               test_heartbeat_in_the_clock_tick])
