"""Line-mode clients in one room: a full room pipelining notes, the eighth
who is refused, what a participant may not do, show and who."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (DEADLINE, Scope, check, run_tests, tail,  # noqa: E402
                     wait_until)

NAMES = ["Anna", "Bram", "Chloë", "Daan", "Eline", "Fatima", "Gijs"]
NOTES_EACH = 50


def note_text(name, i):
    return "%s %d: één café, ruïne, coördinatie, Ø €" % (name, i)


def fill_room(sc, srv, names=NAMES, title="Werksessie één"):
    """The first name creates the room, the others join with its code.
    Returns (clients, code)."""
    chair = sc.client(srv.port, names[0], new_room=title)
    code = chair.room_code()
    clients = [chair]
    for name in names[1:]:
        c = sc.client(srv.port, name, room=code)
        check(c.room_code() == code, "%s joined another room: %s"
              % (name, c.describe()))
        clients.append(c)
    # Everyone knows everyone before the test goes on: the last joiner's
    # arrival has reached the chair.
    chair.wait_line(lambda l: l.endswith("] %s doet mee (deelnemer)"
                                         % names[-1]),
                    "%s joining" % names[-1])
    return clients, code


def test_seven_clients_pipeline_notes():
    with Scope() as sc:
        srv = sc.server()
        clients, code = fill_room(sc, srv)
        total = NOTES_EACH * len(clients)
        start = time.monotonic()
        # Every client writes all its notes at once: they are pipelined.
        for c in clients:
            c.send(*["note " + note_text(c.name, i)
                     for i in range(NOTES_EACH)])

        def all_arrived():
            return all(len(c.notes()) >= total for c in clients)
        try:
            wait_until(all_arrived, "all %d notes at all seven clients"
                       % total)
        except AssertionError as e:
            e.add_note("\n".join("%s has %d note lines"
                                 % (c.name, len(c.notes()))
                                 for c in clients))
            raise
        elapsed = time.monotonic() - start
        print("# %d notes at 7 clients in %.2f s" % (total, elapsed))
        check(elapsed < DEADLINE, "took %.1f s" % elapsed)
        for c in clients:
            c.close_stdin()
        for c in clients:
            rc = c.wait_exit()
            check(rc == 0, "expected exit 0: %s" % c.describe())

        reference = [(n[0], n[4]) for n in clients[0].notes()]
        check(len(reference) == total,
              "%s printed %d note lines, expected %d"
              % (clients[0].name, len(reference), total))
        seqs = [s for s, _ in reference]
        check(all(a < b for a, b in zip(seqs, seqs[1:])),
              "note seqs not increasing at %s: %s" % (clients[0].name, seqs))
        expected = {note_text(c.name, i) for c in clients
                    for i in range(NOTES_EACH)}
        check({t for _, t in reference} == expected,
              "the note texts differ from those sent: missing %s, extra %s"
              % (sorted(expected - {t for _, t in reference})[:3],
                 sorted({t for _, t in reference} - expected)[:3]))
        for c in clients[1:]:
            mine = [(n[0], n[4]) for n in c.notes()]
            if mine != reference:
                diff = next(i for i, (a, b) in
                            enumerate(zip(mine + [None] * total, reference))
                            if a != b)
                raise AssertionError(
                    "%s's transcript differs from %s's at note line %d: "
                    "%r != %r" % (c.name, clients[0].name, diff,
                                  mine[diff] if diff < len(mine) else None,
                                  reference[diff]))
        note_ids = [n[1] for n in clients[0].notes()]
        check(len(set(note_ids)) == total, "note ids repeat")
        for c in clients:
            own = [n for n in clients[0].notes() if n[3] == c.name]
            check([n[4] for n in own] ==
                  [note_text(c.name, i) for i in range(NOTES_EACH)],
                  "%s's notes are not in the order sent: %s"
                  % (c.name, [n[4] for n in own][:10]))
            # Each client printed its own events too, in seq order.
            events = [s for s, _ in c.events()]
            check(all(a < b for a, b in zip(events, events[1:])),
                  "%s printed events out of order" % c.name)


def test_eighth_client_refused():
    with Scope() as sc:
        srv = sc.server()
        clients, code = fill_room(sc, srv)
        eighth = sc.client(srv.port, "Hendrik", room=code)
        rc = eighth.wait_exit()
        check(rc == 2, "expected exit 2: %s" % eighth.describe())
        refusal = [l for l in eighth.lines()
                   if l.startswith("error: room_full: ")]
        check(refusal, "no 'error: room_full:' line: %s" % eighth.describe())
        check("7" in refusal[0], "the refusal does not say the maximum of 7: "
              "%r" % refusal[0])
        check(not any(l.startswith("room code: ") for l in eighth.lines()),
              "the refused client printed a room code")
        # The room is not disturbed: a note still reaches everyone, and
        # nobody heard of Hendrik.
        clients[3].send("note nog steeds zeven")
        for c in clients:
            c.wait_note("nog steeds zeven")
        for c in clients:
            check(c.finish() == 0, "expected exit 0: %s" % c.describe())
            check(not any("Hendrik" in l for l in c.lines()),
                  "%s heard of Hendrik: %s" % (c.name, c.describe()))


def test_participant_not_allowed_chair_allowed():
    with Scope() as sc:
        srv = sc.server()
        (chair, bram, chloe), code = fill_room(sc, srv,
                                               names=["Anna", "Bram", "Chloë"])
        forbidden = ["start", "next", "goto 3", "extend 5", "pause"]
        bram.send(*forbidden)
        wait_until(lambda: len(bram.errors()) >= len(forbidden),
                   "five refusals at Bram")
        errors = bram.errors()
        check(len(errors) == len(forbidden) and
              all(e.startswith("error: not_allowed: ") for e in errors),
              "expected %d 'error: not_allowed:' lines: %s"
              % (len(forbidden), bram.describe()))

        chair.send("start", "next")
        chair.close_stdin()
        rc = chair.wait_exit()
        check(rc == 0, "the chair's start and next: expected exit 0: %s"
              % chair.describe())
        check(not chair.errors(), "the chair got errors: %s"
              % chair.describe())
        step_lines = [l for l in chair.lines() if " stap 2 " in l and
                      l.startswith("[")]
        check(len(step_lines) == 1, "the chair saw no step 2 line: %s"
              % chair.describe())
        seq = step_lines[0].split("]")[0] + "]"
        for c in (bram, chloe):
            line = c.wait_line(lambda l: l.startswith(seq + " stap 2 "),
                               "the step 2 line %s" % seq)
            check(line == step_lines[0], "%s saw %r, the chair %r"
                  % (c.name, line, step_lines[0]))
            started = [l for l in c.lines() if "klok stap 1 gestart" in l]
            check(len(started) == 1, "%s: expected one clock start line: %s"
                  % (c.name, c.describe()))
            check(not any(" stap 3 " in l or "verlengd" in l or
                          "gepauzeerd" in l for l in c.lines()
                          if l.startswith("[")),
                  "a refused command had an effect at %s: %s"
                  % (c.name, c.describe()))

        rc = bram.finish()
        check(rc == 1, "a participant with refused commands: expected exit "
              "1: %s" % bram.describe())
        rc = chloe.finish()
        check(rc == 0, "expected exit 0: %s" % chloe.describe())


def test_show_and_who():
    with Scope() as sc:
        srv = sc.server()
        title = "Poster één"
        (chair, bram, chloe), code = fill_room(sc, srv,
                                               names=["Anna", "Bram", "Chloë"],
                                               title=title)
        notes = [
            (chair, None, "Samen met Gent, één café"),
            (bram, 3, "Taal: Engels én Duits"),
            (chloe, None, "Stage in Köln"),
            (bram, None, "Ruïne bezoeken"),
            (chloe, 5, "Plan: coördinatie Ø €"),
        ]
        for c, step, text in notes:
            c.send("note --step %d %s" % (step, text) if step else
                   "note " + text)
        for _, _, text in notes:
            chloe.wait_note(text)
        chloe.send("who", "show")
        chloe.close_stdin()
        rc = chloe.wait_exit()
        check(rc == 0, "expected exit 0: %s" % chloe.describe())
        out = chloe.lines()

        who = [l for l in out if l.startswith("Aanwezig (3 van 7):")]
        check(len(who) == 2, "expected the who line twice (who, and in the "
              "poster): %s" % chloe.describe())
        for name in ("Anna", "Bram", "Chloë"):
            check(name in who[0], "who does not list %s: %r" % (name, who[0]))
        check("Anna (voorzitter)" in who[0] and "Chloë (jij)" in who[0],
              "who does not mark the chair and self: %r" % who[0])

        header = [l for l in out if l.startswith("Werksessie: ")]
        check(header == ["Werksessie: %s (code %s)" % (title, code)],
              "poster header: %r" % header)
        # The poster lists each note under its step as "- [id] name: text".
        by_id = {n[1]: n for n in chloe.notes()}
        check(len(by_id) == len(notes), "expected %d notes: %s"
              % (len(notes), chloe.describe()))
        step = None
        listed = {}
        for l in out[out.index(header[0]):]:
            stripped = l.lstrip("> ").strip()
            if l[:2] in ("  ", "> ") and stripped[:1].isdigit() and \
                    not l.startswith("    "):
                step = int(stripped.split()[0])
            elif l.startswith("    - ["):
                listed[l.strip()] = step
        for seq, note_id, nstep, author, text in by_id.values():
            line = "- [n%d] %s: %s" % (note_id, author, text)
            check(line in listed, "the poster lacks %r:\n%s"
                  % (line, tail("\n".join(out), 40)))
            check(listed[line] == nstep, "%r is under step %s, not %s"
                  % (line, listed[line], nstep))
        for c, step, text in notes:
            got = [n for n in by_id.values() if n[4] == text][0]
            check(got[3] == c.name and got[2] == (step or 1),
                  "note %r: author %s step %d" % (text, got[3], got[2]))
        for c in (chair, bram):
            check(c.finish() == 0, "expected exit 0: %s" % c.describe())


if __name__ == "__main__":
    run_tests([
        test_seven_clients_pipeline_notes,
        test_eighth_client_refused,
        test_participant_not_allowed_chair_allowed,
        test_show_and_who,
    ])
