"""A member that stops reading is disconnected without holding up the
others; a member that reads is not."""

import os
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (DEADLINE, Scope, check, run_tests, tail,  # noqa: E402
                     wait_until, working_room)

SEND_QUEUE = 65536
# The flood is what these tests make: the server must not slow it down
# (--command-rate would, at 20 a second), so that the send queues fill as
# fast as the chair can type.
FAST = ("--command-rate", "1000000", "--command-burst", "1000000")
NOTES = 450                 # under the room's maximum of 500
BATCH = 10
PAD = "ä" * 440             # 880 bytes of UTF-8: each note is ~900 bytes
PROMPT = 5.0                # seconds a batch may take to reach Bram


def note_text(i):
    return "vloed %03d %s" % (i, PAD)


def drain_until_closed(raw, timeout):
    """Reads (and throws away) what the server had sent until it closes
    the connection. Returns (bytes read, how it ended)."""
    end = time.monotonic() + timeout
    total = 0
    while True:
        remaining = end - time.monotonic()
        if remaining <= 0:
            return total, "still open after %.0f s" % timeout
        raw.sock.settimeout(remaining)
        try:
            chunk = raw.sock.recv(65536)
        except socket.timeout:
            continue
        except ConnectionResetError:
            return total, "reset"
        if not chunk:
            return total, "closed"
        total += len(chunk)


def test_slow_reader_disconnected():
    with Scope() as sc:
        srv = sc.server("--send-queue", str(SEND_QUEUE), *FAST)
        anna = sc.client(srv.port, "Anna", new_room="Vloed")
        code = anna.room_code()
        bram = sc.client(srv.port, "Bram", room=code)
        bram.room_code()
        # A small receive buffer and a small segment size keep the kernels'
        # buffers between server and reader small, so that the server's
        # own queue fills after a few hundred kilobytes.
        slow = sc.raw(srv.port, rcvbuf=4096, mss=536)
        slow.handshake()
        slow.join(code, "Traag")
        for c in (anna, bram):
            c.wait_line(lambda l: l.endswith("] Traag doet mee (deelnemer)"),
                        "Traag joining")
        # From here on the slow client never reads.

        start = time.monotonic()
        slowest = 0.0
        disconnected_after = None
        for first in range(0, NOTES, BATCH):
            batch_start = time.monotonic()
            anna.send(*["note " + note_text(i)
                        for i in range(first, first + BATCH)])
            last = note_text(first + BATCH - 1)
            bram.wait_note(last, timeout=PROMPT)
            slowest = max(slowest, time.monotonic() - batch_start)
            if disconnected_after is None and any(
                    "Traag is niet meer verbonden" in l
                    for l in bram.lines()):
                disconnected_after = first + BATCH
        elapsed = time.monotonic() - start
        print("# %d notes in %.2f s; slowest batch %.2f s; Traag "
              "disconnected after %s notes"
              % (NOTES, elapsed, slowest, disconnected_after))

        gone = "Traag is niet meer verbonden"
        for c in (anna, bram):
            c.wait_line(lambda l: gone in l and l.startswith("["),
                        "the presence line %r" % gone)
        stopped = [l for l in srv.stderr().splitlines()
                   if "stopped reading" in l]
        check(len(stopped) == 1, "expected one 'stopped reading' in the "
              "server log:\n%s" % tail(srv.stderr(), 30))
        for c in (anna, bram):
            lost = [l for l in c.lines()
                    if "niet meer verbonden" in l and gone not in l]
            check(not lost, "%s saw someone else disconnected: %s"
                  % (c.name, lost))

        check(anna.finish() == 0, "the flooding chair: expected exit 0: %s"
              % anna.describe())
        texts = [t for t in bram.note_texts() if t.startswith("vloed ")]
        check(texts == [note_text(i) for i in range(NOTES)],
              "Bram did not get all %d notes in order (got %d)"
              % (NOTES, len(texts)))
        seqs = [s for s, _ in bram.events()]
        check(seqs == list(range(seqs[0], seqs[0] + len(seqs))),
              "Bram missed events: seqs %s" % seqs)
        check(bram.finish() == 0, "expected exit 0: %s" % bram.describe())

        nbytes, how = drain_until_closed(slow, DEADLINE)
        check(how in ("closed", "reset"),
              "the server did not close the slow connection: %s" % how)
        print("# the slow client had %d bytes waiting; then %s"
              % (nbytes, how))


def test_pipelined_flood_not_taken_for_slow_reader():
    """A client that sends many commands at once and reads its answers
    promptly has not "stopped reading" and keeps its connection, also with
    a small --send-queue."""
    with Scope() as sc:
        srv, anna, bram = working_room(
            sc, "Vloed", ("--send-queue", str(SEND_QUEUE)) + tuple(FAST))
        anna.send(*["note " + note_text(i) for i in range(NOTES)])
        anna.close_stdin()
        rc = anna.wait_exit()
        stopped = [l for l in srv.stderr().splitlines()
                   if "stopped reading" in l]
        check(rc == 0 and not stopped,
              "the chair pipelined %d notes of ~900 bytes with "
              "--send-queue %d: expected exit 0 and no 'stopped reading'; "
              "got exit %s after %d of its notes came back; server log:\n%s"
              "\n  chair stderr:\n%s"
              % (NOTES, SEND_QUEUE, rc, len(anna.notes()),
                 "\n".join("    | " + l for l in stopped),
                 tail(anna.stderr())))
        wait_until(lambda: len(bram.notes()) >= NOTES,
                   "all notes at Bram")
        check(bram.finish() == 0, "expected exit 0: %s" % bram.describe())


if __name__ == "__main__":
    run_tests([
        test_slow_reader_disconnected,
        test_pipelined_flood_not_taken_for_slow_reader,
    ])
