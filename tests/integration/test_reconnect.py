"""Reconnecting: a client whose connection breaks (cut, or silent) comes
back by itself as the same participant with the same role; what was typed
meanwhile is applied once; a command whose answer was lost on the way is
not applied twice; the seat file brings a restarted client back as itself
and keeps a second one out; a seat that is gone ends the client clearly;
a server that stops is waited for, up to --reconnect, and one that comes
back (with its data) is rejoined; and the full screen says that it is
reconnecting.

Clients reach the server through a Proxy (harness.py) on 127.0.0.1 that
the test breaks; an observer connects directly."""

import os
import re
import signal
import stat
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (Scope, TestFailure, check, run_tests,  # noqa: E402
                     wait_until)
from screen import client, with_tmux  # noqa: E402

RECONNECTING = "opnieuw verbinden"
BACK = "weer verbonden"


def stderr_count(c, text):
    return c.stderr().count(text)


def wait_stderr(c, text, times=1, timeout=None):
    """Waits until c has said text on stderr (times times); fails at once
    when c has exited without saying it."""
    def said():
        if stderr_count(c, text) >= times:
            return True
        if not c.alive():
            c.wait_exit()
            if stderr_count(c, text) >= times:
                return True
            raise TestFailure("%s exited before saying %r on stderr:\n%s"
                              % (c.label, text, c.describe()))
        return False
    try:
        wait_until(said, "%s: %r on stderr %d time(s)"
                   % (c.label, text, times), timeout)
    except TestFailure as e:
        raise TestFailure("%s\n%s" % (e, c.describe())) from None


def lines_with(c, text):
    return [l for l in c.lines() if text in l]


def room_with_observer(sc, *server_args, chair_via_proxy=True):
    """A server, a proxy to it, the chair Anna (through the proxy unless
    told otherwise), and Carla connected directly, who watches."""
    srv = sc.server(*server_args)
    proxy = sc.proxy(srv.port)
    anna = sc.client(proxy.port if chair_via_proxy else srv.port, "Anna",
                     new_room="Storing")
    code = anna.room_code()
    carla = sc.client(srv.port, "Carla", room=code)
    carla.room_code()
    anna.wait_line(lambda l: l.endswith("] Carla doet mee (deelnemer)"),
                   "Carla joining")
    return srv, proxy, anna, code, carla


def test_cut_comes_back_as_same_participant():
    with Scope() as sc:
        srv, proxy, anna, code, carla = room_with_observer(sc)
        bram = sc.client(proxy.port, "Bram", room=code)
        bram.room_code()
        carla.wait_line(lambda l: l.endswith("] Bram doet mee (deelnemer)"),
                        "Bram joining")
        check(anna.who().startswith("Aanwezig (3 van 7)"), anna.describe())
        proxy.cut()
        for c in (anna, bram):
            wait_stderr(c, RECONNECTING)
            wait_stderr(c, BACK)
        check(proxy.accepted >= 4, "only %d connections" % proxy.accepted)
        # Still three, each once, the chair still the chair and still
        # Anna herself.
        line = anna.who()
        check(line.startswith("Aanwezig (3 van 7)"), line)
        check("Anna (voorzitter) (jij)" in line, line)
        line = bram.who()
        check("Bram (jij)" in line and line.count("Bram") == 1, line)
        anna.send("next")
        carla.wait_line(lambda l: "stap 2" in l, "the chair moving on")
        bram.send("note na de storing")
        carla.wait_note("na de storing")
        # Nobody joined twice: the others saw them come back.
        for name in ("Anna", "Bram"):
            check(len(lines_with(carla, "] %s doet mee" % name)) ==
                  (0 if name == "Anna" else 1), carla.describe())
        carla.wait_line(lambda l: l.endswith("] Bram is weer verbonden"),
                        "Bram back")
        check(stderr_count(bram, RECONNECTING) == 1,
              "reconnecting said more than once: " + bram.describe())
        for c in (anna, bram, carla):
            check(c.finish() == 0, c.describe())


def test_typed_while_down_applied_once():
    with Scope() as sc:
        srv, proxy, anna, code, carla = room_with_observer(sc)
        bram = sc.client(proxy.port, "Bram", room=code)
        bram.room_code()
        bram.send("note voor de storing")
        carla.wait_note("voor de storing")
        # The network is down for a while: each attempt is turned away.
        proxy.down()
        proxy.cut()
        wait_stderr(bram, RECONNECTING)
        bram.send("note tijdens 1", "note tijdens 2", "note tijdens 3")
        wait_until(lambda: proxy.refused >= 2, "two attempts while down")
        check(bram.alive(), bram.describe())
        proxy.up()
        wait_stderr(bram, BACK)
        for n in (1, 2, 3):
            carla.wait_note("tijdens %d" % n)
        # A command whose answer is lost on the way: the server has it,
        # the client does not know, sends it again, and it counts once.
        proxy.hold()
        bram.send("note antwoord kwijt")
        carla.wait_note("antwoord kwijt")
        bram.send("note daarachter")
        carla.wait_note("daarachter")
        check(not any("antwoord kwijt" in l for l in bram.lines()),
              "the held answer arrived: " + bram.describe())
        proxy.cut()
        wait_stderr(bram, BACK, times=2)
        bram.send("show")
        bram.close_stdin()
        check(bram.wait_exit() == 0, bram.describe())
        texts = ["voor de storing", "tijdens 1", "tijdens 2", "tijdens 3",
                 "antwoord kwijt", "daarachter"]
        seen = carla.note_texts()
        check(seen == texts, "Carla saw the notes %r" % seen)
        # Bram's poster ("show", after the event lines) has each once.
        poster = [l for l in bram.lines() if not l.startswith("[")]
        for t in texts:
            n = sum(l.count(t) for l in poster)
            check(n == 1, "%r %d times on Bram's poster:\n%s"
                  % (t, n, "\n".join(poster)))
        check(carla.finish() == 0, carla.describe())
        check(anna.finish() == 0, anna.describe())


def test_silent_network_noticed_and_back():
    with Scope() as sc:
        srv, proxy, anna, code, carla = room_with_observer(
            sc, "--idle-timeout", "1")
        bram = sc.client(proxy.port, "Bram", room=code)
        bram.room_code()
        carla.wait_line(lambda l: l.endswith("] Bram doet mee (deelnemer)"),
                        "Bram joining")
        # No FIN, no reset: only silence. The heartbeat must notice.
        start = time.monotonic()
        proxy.blackhole()
        wait_stderr(bram, RECONNECTING, timeout=10)
        noticed = time.monotonic() - start
        check(noticed <= 5, "noticed after %.1f s" % noticed)
        wait_stderr(bram, BACK)
        # Whether the others saw Bram away depends on who noticed the
        # silence first: the server (Bram away, then back) or Bram's
        # client (its new connection replaces the half-open one, and to
        # the others Bram was never gone). Either way he is back in:
        bram.send("note weer hier")
        carla.wait_note("weer hier")
        for c in (bram, anna, carla):
            check(c.finish() == 0, c.describe())


def token_files(sc):
    d = os.path.join(sc.home(), "state", "aandeslag", "tokens")
    try:
        return [os.path.join(d, f) for f in os.listdir(d)]
    except FileNotFoundError:
        return []


def test_restart_resumes_and_lock_refuses_second():
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Anna", new_room="Terug")
        code = anna.room_code()
        bram = sc.client(srv.port, "Bram", room=code)
        bram.room_code()
        bram.send("note eerste keer")
        anna.wait_note("eerste keer")
        check(bram.finish() == 0, bram.describe())
        anna.wait_line(lambda l: l.endswith("] Bram is niet meer verbonden"),
                       "Bram away")
        # Anna's and Bram's seats are kept, private to the user.
        files = token_files(sc)
        check(len(files) == 2, "seat files %r" % files)
        for f in files:
            check(stat.S_IMODE(os.stat(f).st_mode) == 0o600, f)
        check(stat.S_IMODE(os.stat(os.path.dirname(files[0])).st_mode) ==
              0o700, "tokens directory mode")
        # Started again: the same participant, not a second Bram.
        again = sc.client(srv.port, "Bram", room=code.lower().replace("-", ""))
        check(again.room_code() == code, again.describe())
        anna.wait_line(lambda l: l.endswith("] Bram is weer verbonden"),
                       "Bram back")
        line = again.who()
        check(line.startswith("Aanwezig (2 van 7)") and "Bram (jij)" in line,
              line)
        check(len(lines_with(anna, "] Bram doet mee")) == 1, anna.describe())
        # Its commands count on above those of before.
        again.send("note tweede keer")
        anna.wait_note("tweede keer")
        # A second client for the same seat is kept out.
        third = sc.client(srv.port, "Bram", room=code)
        check(third.wait_exit() == 2, third.describe())
        check("al open in een ander venster" in third.stderr(),
              third.describe())
        # Another name is another seat.
        dirk = sc.client(srv.port, "Dirk", room=code)
        check(dirk.room_code() == code, dirk.describe())
        for c in (again, anna, dirk):
            check(c.finish() == 0, c.describe())
        check(anna.note_texts() == ["eerste keer", "tweede keer"],
              anna.describe())


def test_removed_while_away_ends_clearly():
    with Scope() as sc:
        srv, proxy, anna, code, carla = room_with_observer(
            sc, chair_via_proxy=False)
        bram = sc.client(proxy.port, "Bram", room=code)
        bram.room_code()
        carla.wait_line(lambda l: l.endswith("] Bram doet mee (deelnemer)"),
                        "Bram joining")
        check(len(token_files(sc)) == 3, "seat files %r" % token_files(sc))
        proxy.down()
        proxy.cut()
        wait_stderr(bram, RECONNECTING)
        carla.wait_line(lambda l: l.endswith("] Bram is niet meer verbonden"),
                        "Bram away")
        anna.send("remove Bram")
        carla.wait_line(lambda l: "Bram" in l and "gehaald" in l,
                        "Bram removed")
        proxy.up()
        check(bram.wait_exit() == 3, bram.describe())
        check("bestaat niet meer" in bram.stderr(), bram.describe())
        # Anna and Carla keep theirs; Bram's is gone.
        check(len(token_files(sc)) == 2, "seat files %r" % token_files(sc))
        # Started again, Bram just joins anew.
        again = sc.client(srv.port, "Bram", room=code)
        check(again.room_code() == code, again.describe())
        check(again.finish() == 0, again.describe())
        check(anna.finish() == 0, anna.describe())
        check(carla.finish() == 0, carla.describe())


def test_stale_seat_file_joins_anew():
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Anna", new_room="Oud")
        code = anna.room_code()
        bram = sc.client(srv.port, "Bram", room=code)
        bram.room_code()
        check(bram.finish() == 0, bram.describe())
        anna.wait_line(lambda l: l.endswith("] Bram is niet meer verbonden"),
                       "Bram away")
        # The seat is freed while Bram's client is closed: the token in
        # its seat file no longer holds.
        anna.send("remove Bram")
        anna.wait_line(lambda l: "Bram" in l and "gehaald" in l,
                       "Bram removed")
        again = sc.client(srv.port, "Bram", room=code)
        check(again.room_code() == code, again.describe())
        wait_until(lambda: len(lines_with(anna, "] Bram doet mee")) == 2,
                   "Bram joining anew")
        again.send("note opnieuw begonnen")
        anna.wait_note("opnieuw begonnen")
        check(again.finish() == 0, again.describe())
        check(anna.finish() == 0, anna.describe())


def test_leave_or_removal_forgets_the_seat():
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Anna", new_room="Weg")
        code = anna.room_code()
        bram = sc.client(srv.port, "Bram", room=code)
        bram.room_code()
        check(len(token_files(sc)) == 2, "seat files %r" % token_files(sc))
        bram.send("leave")
        anna.wait_line(lambda l: l.endswith("] Bram heeft de werksessie "
                                            "verlaten"), "Bram leaving")
        check(bram.finish() == 0, bram.describe())
        check(len(token_files(sc)) == 1, "seat files %r" % token_files(sc))
        # Removed by the chair while connected: the seat file goes too.
        dirk = sc.client(srv.port, "Dirk", room=code)
        dirk.room_code()
        check(len(token_files(sc)) == 2, "seat files %r" % token_files(sc))
        anna.send("remove Dirk")
        check(dirk.wait_exit() == 3, dirk.describe())
        check("uit de werksessie gehaald" in dirk.stderr(), dirk.describe())
        check(len(token_files(sc)) == 1, "seat files %r" % token_files(sc))
        check(anna.finish() == 0, anna.describe())


def test_server_stops_and_client_waits():
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Anna", new_room="Herstart", reconnect=2)
        anna.room_code()
        anna.send("note vlak voor het stoppen")
        anna.wait_note("vlak voor het stoppen")
        start = time.monotonic()
        srv.p.send_signal(signal.SIGTERM)
        check(srv.wait_exit() == 0, "server status after SIGTERM")
        srv.killed = True
        # Not the end: it says why, and tries again...
        wait_stderr(anna, RECONNECTING)
        check("De server stopt" in anna.stderr(), anna.describe())
        check(anna.alive(), anna.describe())
        # ...until --reconnect runs out.
        check(anna.wait_exit() == 3, anna.describe())
        waited = time.monotonic() - start
        check(1.5 <= waited <= 8, "gave up after %.1f s" % waited)
        check("opnieuw proberen gestopt" in anna.stderr(), anna.describe())
        # The seat file stays, for when the server comes back.
        check(len(token_files(sc)) == 1, "seat files %r" % token_files(sc))


def test_server_restart_resumes():
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Anna", new_room="Herstart")
        code = anna.room_code()
        bram = sc.client(srv.port, "Bram", room=code)
        bram.room_code()
        bram.send("note voor de herstart")
        anna.wait_note("voor de herstart")
        srv.p.send_signal(signal.SIGTERM)
        check(srv.wait_exit() == 0, "server status after SIGTERM")
        srv.killed = True
        for c in (anna, bram):
            wait_stderr(c, RECONNECTING)
        bram.send("note terwijl de server weg is")
        # The same server again: the same data, the same port.
        again = sc.server(data=srv.data, port=srv.port)
        check(again.port == srv.port, "port %d" % again.port)
        for c in (anna, bram):
            wait_stderr(c, BACK)
        # Bram sent it after joining again, so he sees it happen; Anna
        # may have come back before or after it.
        bram.wait_note("terwijl de server weg is")
        line = anna.who()
        check(line.startswith("Aanwezig (2 van 7)") and
              "Anna (voorzitter) (jij)" in line, line)
        anna.send("next")
        bram.wait_line(lambda l: "stap 2" in l, "the chair moving on")
        check(bram.finish() == 0, bram.describe())
        anna.send("show")
        check(anna.finish() == 0, anna.describe())
        poster = [l for l in anna.lines() if not l.startswith("[")]
        for text in ("voor de herstart", "terwijl de server weg is"):
            n = sum(l.count(text) for l in poster)
            check(n == 1, "%r %d times on Anna's poster:\n%s"
                  % (text, n, "\n".join(poster)))


@with_tmux
def test_screen_shows_reconnecting(tmux):
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Anna", new_room="Scherm")
        code = anna.room_code()
        proxy = sc.proxy(srv.port)
        bram = tmux.start(client("--host", "127.0.0.1", "--port",
                                 str(proxy.port), "--name", "Bram", code))
        tmux.wait_text(bram, "Stap 1/5")
        anna.wait_line(lambda l: l.endswith("] Bram doet mee (deelnemer)"),
                       "Bram joining")
        proxy.down()
        proxy.cut()
        screen = tmux.wait_text(bram, "Verbinding weg")
        check(RECONNECTING in screen, screen)
        tmux.wait(bram, lambda s: re.search(r"poging [2-9]", s) is not None,
                  "a later attempt")
        # Typing goes on; the note waits.
        tmux.type(bram, ":note getypt zonder netwerk")
        tmux.keys(bram, "Enter")
        tmux.wait_text(bram, "Bewaard")
        proxy.up()
        screen = tmux.wait_text(bram, "Weer verbonden")
        check("verbonden" in screen.splitlines()[0], screen)
        anna.wait_note("getypt zonder netwerk")
        tmux.wait_text(bram, "getypt zonder netwerk")
        check(anna.note_texts() == ["getypt zonder netwerk"], anna.describe())
        check(anna.finish() == 0, anna.describe())


if __name__ == "__main__":
    run_tests([
        test_cut_comes_back_as_same_participant,
        test_typed_while_down_applied_once,
        test_silent_network_noticed_and_back,
        test_restart_resumes_and_lock_refuses_second,
        test_removed_while_away_ends_clearly,
        test_stale_seat_file_joins_anew,
        test_leave_or_removal_forgets_the_seat,
        test_server_stops_and_client_waits,
        test_server_restart_resumes,
        test_screen_shows_reconnecting,
    ])
