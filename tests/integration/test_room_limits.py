"""The limits on what a room holds, as server options, with the real
server on 127.0.0.1 and real line-mode clients: with --max-notes 3
--max-text 20 --max-name 10 the fourth note, a text of 21 bytes and a
name of 11 are refused, each naming the limit, in a room of its own and
in a workshop's; a server restarted with lower limits keeps what its
rooms hold and holds what is added to them; a server with the defaults
takes what the lowered one refused; and a value outside 1 up to the
ceiling is no option at all."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import struct  # noqa: E402

from harness import (ENV_CLOSING, ENV_WELCOME,  # noqa: E402
                     ERROR_FRAME_TOO_LARGE, SERVER_BIN, Scope, check,
                     describe_frames, env_hello, error_code_of, frame,
                     pb_dict, run_tests, wait_until)

LOWERED = ("--max-notes", "3", "--max-text", "20", "--max-name", "10")

# Each option and its ceiling (MODEL_*_MAX in common/model.h).
CEILINGS = {
    "--max-text": 1000,
    "--max-name": 64,
    "--max-notes": 500,
    "--max-questions": 100,
    "--max-activities": 200,
    "--max-actions": 200,
}


def answered(c):
    """Waits until every command c sent before is answered (its answer
    to who comes after them)."""
    before = sum(1 for l in c.lines() if l.startswith("Aanwezig ("))
    c.send("who")
    wait_until(lambda: sum(1 for l in c.lines()
                           if l.startswith("Aanwezig (")) > before,
               "%s answered" % c.label)


def refusals(c, code):
    return [l for l in c.lines() if l.startswith("error: %s: " % code)]


def refused_join(sc, port, name, code, limit, **kw):
    """A client named name is refused with code, naming limit, and exits
    2 without a room."""
    c = sc.client(port, name, **kw)
    check(c.wait_exit() == 2, "expected exit 2: %s" % c.describe())
    lines = refusals(c, code)
    check(lines, "no 'error: %s:' line: %s" % (code, c.describe()))
    check(str(limit) in lines[0], "the refusal does not name %s: %r"
          % (limit, lines[0]))
    check(not any(l.startswith("room code: ") for l in c.lines()),
          "the refused client printed a room code")


def check_lowered_room(c):
    """In c's room (with LOWERED): three notes, the fourth refused; 21
    bytes refused, 20 bytes with diacritics taken, 11 e-acutes (22
    bytes) refused."""
    c.send("note " + "x" * 21)
    answered(c)
    lines = refusals(c, "text_too_long")
    check(len(lines) == 1, "21 bytes: %s" % c.describe())
    check("hoogstens 20 bytes" in lines[0],
          "the refusal does not name 20 bytes: %r" % lines[0])

    c.send("note " + "\u00e9" * 10, "note Tweede", "note Derde")
    for text in ("\u00e9" * 10, "Tweede", "Derde"):
        c.wait_note(text)
    # The limit counts bytes: eleven letters of two bytes are too many.
    c.send("note " + "\u00e9" * 11)
    answered(c)
    check(len(refusals(c, "text_too_long")) == 2,
          "11 e-acutes: %s" % c.describe())

    c.send("note Vierde")
    answered(c)
    lines = refusals(c, "too_many_notes")
    check(len(lines) == 1, "the fourth note: %s" % c.describe())
    check(" 3 " in lines[0], "the refusal does not name 3: %r" % lines[0])
    check(sorted(c.note_texts()) == sorted(["\u00e9" * 10, "Tweede",
                                            "Derde"]),
          "notes %r" % c.note_texts())


def test_lowered_limits_in_a_room():
    with Scope() as sc:
        srv = sc.server(*LOWERED)
        # The chair's own name is held to the limit when the room is
        # made, a colleague's when they join.
        refused_join(sc, srv.port, "Annemarie-X", "bad_name", 10,
                     new_room="Grenzen")
        anna = sc.client(srv.port, "Annemarie", new_room="Grenzen")
        code = anna.room_code()
        refused_join(sc, srv.port, "Bram Jansen", "bad_name", 10, room=code)
        bram = sc.client(srv.port, "Bram Janse", room=code)
        bram.room_code()
        check_lowered_room(bram)
        check(not any(l.startswith("error: ") for l in anna.lines()),
              anna.describe())
        check(bram.finish() == 1, "refused commands: exit 1: %s"
              % bram.describe())
        check(anna.finish() == 0, anna.describe())


def test_lowered_limits_in_a_workshop():
    with Scope() as sc:
        srv = sc.server(*LOWERED)
        f = sc.client(srv.port, "Fien", extra=("--new-workshop", "Studiedag",
                                               "--rooms", "2"))
        line = f.wait_line(lambda l: l.startswith("workshop code: "),
                           "the workshop code")
        code = line.split(": ", 1)[1].strip()
        refused_join(sc, srv.port, "Collega 111", "bad_name", 10, room=code)
        c = sc.client(srv.port, "Collega 1", room=code)
        c.room_code()
        c.wait_line(lambda l: l.startswith("group: "), "the group")
        check_lowered_room(c)
        check(c.finish() == 1, "refused commands: exit 1: %s" % c.describe())
        check(f.finish() == 0, f.describe())


def test_restart_with_lower_limits():
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Annemarie van Dijk", new_room="Eerst")
        code = anna.room_code()
        long_text = "Een notitie van ruim twintig bytes"
        anna.send("note " + long_text, "note Twee", "note Drie", "note Vier")
        anna.wait_note("Vier")
        check(anna.finish() == 0, anna.describe())
        check(srv.stop() == [], "the server did not stop cleanly")

        again = sc.server(*LOWERED, data=srv.data, port=srv.port)
        # What the room held stays: its four notes, and the long name.
        bram = sc.client(again.port, "Bram", room=code)
        bram.room_code()
        before = len(bram.lines())
        bram.send("show", "who")
        wait_until(lambda: sum(1 for l in bram.lines()[before:]
                               if l.startswith("Aanwezig (")) >= 2,
                   "the poster")
        poster = "\n".join(bram.lines()[before:])
        for text in (long_text, "Twee", "Drie", "Vier",
                     "Annemarie van Dijk"):
            check(text in poster, "%r gone after the restart:\n%s"
                  % (text, poster))
        # What is added is held to the new limits.
        bram.send("note Vijf")
        answered(bram)
        lines = refusals(bram, "too_many_notes")
        check(len(lines) == 1 and " 3 " in lines[0],
              "the fifth note: %s" % bram.describe())
        refused_join(sc, again.port, "Carla de Wit", "bad_name", 10,
                     room=code)
        check(bram.finish() == 1, "refused commands: exit 1: %s"
              % bram.describe())


def test_defaults_take_more():
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Annemarie-X", new_room="Standaard")
        anna.room_code()
        text = ("Een lange notitie " * 40)[:500].strip()
        anna.send("note " + text, "note " + "\u00e9" * 11)
        anna.wait_note(text)
        anna.wait_note("\u00e9" * 11)
        for i in range(4):
            anna.send("note Notitie %d" % i)
        anna.wait_note("Notitie 3")
        check(not any(l.startswith("error: ") for l in anna.lines()),
              anna.describe())
        check(anna.finish() == 0, anna.describe())


def test_bad_values():
    with Scope() as sc:
        data = sc.tmpdir()
        for opt, ceiling in sorted(CEILINGS.items()):
            for value in ("0", str(ceiling + 1), "tien", "-1", ""):
                p = sc.proc([SERVER_BIN, "--listen", "127.0.0.1", "--port",
                             "0", "--data", data, opt, value],
                            "server %s %r" % (opt, value))
                rc = p.wait_exit()
                check(rc == 2, "%s %r: expected exit 2, got %s\n%s"
                      % (opt, value, rc, p.stderr()))
                check("ongeldige waarde voor een optie" in p.stderr(),
                      "%s %r: %s" % (opt, value, p.stderr()))
            # The ceiling itself and 1 are fine: --help proves the
            # options were read, without starting a server.
            for value in ("1", str(ceiling)):
                p = sc.proc([SERVER_BIN, opt, value, "--help"],
                            "server %s %s --help" % (opt, value))
                check(p.wait_exit() == 0, "%s %s: %s"
                      % (opt, value, p.stderr()))
                check(opt in p.stdout(), "%s not in the usage" % opt)


def test_max_frame():
    """--max-frame lowers the largest frame a client may send: the
    Welcome says so, a longer announcement is cut off before anything is
    allocated, and a client's longest note still fits."""
    with Scope() as sc:
        srv = sc.server("--max-frame", "4096")
        raw = sc.raw(srv.port)
        raw.send(frame(env_hello()) + struct.pack(">I", 4097))
        frames = raw.read_to_end()
        kinds = [k for k, _ in frames]
        check(kinds == [ENV_WELCOME, ENV_CLOSING],
              "expected a Welcome and a Closing, got %s"
              % describe_frames(frames))
        check(pb_dict(frames[0][1]).get(3) == 4096,
              "the Welcome offers %r" % pb_dict(frames[0][1]).get(3))
        check(error_code_of(ENV_CLOSING, frames[1][1]) ==
              ERROR_FRAME_TOO_LARGE, "not frame_too_large")
        anna = sc.client(srv.port, "Anna", new_room="Grens")
        anna.room_code()
        anna.send("note " + "x" * 1000)
        anna.wait_line(lambda l: "x" * 1000 in l, "the longest note")
        check(anna.finish() == 0, anna.describe())
        for value in ("4095", "16385"):
            p = sc.proc([SERVER_BIN, "--max-frame", value, "--help"],
                        "server --max-frame %s" % value)
            check(p.wait_exit() == 2, "--max-frame %s accepted" % value)


if __name__ == "__main__":
    run_tests([
        test_max_frame,
        test_lowered_limits_in_a_room,
        test_lowered_limits_in_a_workshop,
        test_restart_with_lower_limits,
        test_defaults_take_more,
        test_bad_values,
    ])
