"""The method's rules on the wire: votes stay hidden from everyone but the
voter until the chair reveals them (in events and in snapshots), the chair
can remove someone, and participants cannot do the chair's part."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (ENV_JOINED, Scope, check,  # noqa: E402
                     pb_all, pb_bytes, pb_dict, pb_varint, run_tests,
                     wait_until, working_room)

ENV_COMMAND = 7
ENV_EVENT = 10
OP_VOTE = 28
EVENT_VOTE = 28
EVENT_SETTING = 24


def env_vote(request_id, competence):
    return pb_bytes(ENV_COMMAND, pb_varint(1, request_id) +
                    pb_bytes(OP_VOTE, pb_bytes(1, competence)))


def next_event(raw, case):
    """Reads events until one with the given change; returns its body."""
    while True:
        f = raw.recv_frame()
        check(f is not None, "connection closed")
        if f[0] == ENV_EVENT:
            d = pb_dict(f[1])
            if case in d:
                return d[case]


def test_hidden_votes_on_the_wire():
    with Scope() as sc:
        srv = sc.server()
        chair = sc.client(srv.port, "Anna", new_room="Stemmen")
        code = chair.room_code().encode()
        # who waits for the answers before it, so the votes are hidden
        # before anyone else arrives.
        chair.send("votes hidden", "who")
        chair.wait_line(lambda l: l.startswith("Aanwezig ("), "the answer")
        voter = sc.raw(srv.port)
        voter.handshake()
        voter.send_env(pb_bytes(5, pb_varint(1, 1) + pb_bytes(2, code) +
                                pb_bytes(3, b"Bram")))
        voter.recv_until(ENV_JOINED)
        other = sc.raw(srv.port)
        other.handshake()
        other.send_env(pb_bytes(5, pb_varint(1, 1) + pb_bytes(2, code) +
                                pb_bytes(3, b"Carla")))
        other.recv_until(ENV_JOINED)
        chair.wait_line(lambda l: l.endswith("] Carla doet mee (deelnemer)"),
                        "Carla joining")

        voter.send_env(env_vote(2, b"vreemde-taal"))
        mine = pb_dict(next_event(voter, EVENT_VOTE))
        check(mine.get(2) == b"vreemde-taal", "the voter's own: %r" % mine)
        theirs = pb_dict(next_event(other, EVENT_VOTE))
        check(not theirs.get(2), "another saw the competence: %r" % theirs)
        check(theirs.get(1) == mine.get(1), "whose dot")

        # A snapshot for a late joiner hides it as well.
        late = sc.raw(srv.port)
        late.handshake()
        late.send_env(pb_bytes(5, pb_varint(1, 1) + pb_bytes(2, code) +
                               pb_bytes(3, b"Daan")))
        joined, _ = late.recv_until(ENV_JOINED)
        votes = [pb_dict(v) for v in pb_all(pb_dict(joined)[5], 13)]
        check(len(votes) == 1 and not votes[0].get(2) and
              votes[0].get(3) == 1, "late joiner's votes %r" % votes)

        # Revealing sends every dot to everyone.
        chair.send("votes open")
        setting = next_event(other, EVENT_SETTING)
        shown = [pb_dict(v) for v in pb_all(setting, 3)]
        check(len(shown) == 1 and shown[0].get(2) == b"vreemde-taal",
              "revealed %r" % shown)
        chair.send("show")
        wait_until(lambda: any("vreemde-taal" in l and "1" in l
                               for l in chair.lines()), "the tally")
        check(chair.finish() == 0, chair.describe())


def test_chair_removes_someone():
    with Scope() as sc:
        srv, chair, bram = working_room(sc, "Weg")
        code = chair.room_code()
        chair.send("remove Bram")
        check(bram.wait_exit() == 3, bram.describe())
        check("uit de werksessie gehaald" in bram.stderr(), bram.describe())
        chair.wait_line(lambda l: "Bram" in l and "verlaten" in l
                        or "Bram" in l and "gehaald" in l, "Bram removed")
        # The seat is free again.
        again = sc.client(srv.port, "Bram", room=code)
        check(again.room_code() == code, again.describe())
        check(chair.finish() == 0, chair.describe())
        check(again.finish() == 0, again.describe())


def test_participant_cannot_chair():
    with Scope() as sc:
        srv = sc.server()
        chair = sc.client(srv.port, "Anna", new_room="Rollen")
        code = chair.room_code()
        bram = sc.client(srv.port, "Bram", room=code)
        bram.room_code()
        chair.wait_line(lambda l: l.endswith("] Bram doet mee (deelnemer)"),
                        "Bram joining")
        attempts = ["set title Van mij", "set budget 9", "votes open",
                    "mark vreemde-taal", "table b1", "chair Bram",
                    "scribe Bram", "remove Anna", "finish",
                    "note --for Eva iets", "set follow-up 2027-06-01",
                    # Every other chair-only operation of the permission
                    # table (common/model.c): the clock, the steps,
                    # recognising, locking, the votes and the table.
                    "start", "extend 5", "next", "goto 3", "herken Anna",
                    "set locked on", "set slot aan", "votes hidden",
                    "unmark vreemde-taal", "table off", "set minutes 2 10",
                    "note --anon iets"]
        bram.send(*attempts)
        check(bram.finish() == 1, bram.describe())
        codes = [l.split(":")[1].strip() for l in bram.lines()
                 if l.startswith("error: ")]
        check(codes == ["not_allowed"] * len(attempts),
              "refusals %r: %s" % (codes, bram.describe()))
        chair.send("show")
        check(chair.finish() == 0, chair.describe())
        check("Van mij" not in chair.stdout(), chair.describe())


if __name__ == "__main__":
    run_tests([test_hidden_votes_on_the_wire, test_chair_removes_someone,
               test_participant_cannot_chair])
