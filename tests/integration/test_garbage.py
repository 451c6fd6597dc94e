"""Garbage on the wire: every bad connection is told why and closed, and
the server and the room go on as if nothing happened."""

import os
import random
import select
import socket
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (DEADLINE, ENV_CLOSING, ENV_WELCOME,  # noqa: E402
                     ERROR_FRAME_TOO_LARGE, ERROR_MALFORMED_FRAME,
                     ERROR_UNEXPECTED_MESSAGE, ERROR_UNKNOWN_MESSAGE,
                     MAX_CLIENT_FRAME, HOST, Scope, check, describe_frames,
                     working_room,
                     env_add_note, env_hello, env_join_room, error_code_of,
                     frame, pb_bytes, pb_dict, pb_varint, run_tests, tail)


def random_bytes():
    rng = random.Random(20240607)
    data = bytearray(rng.randrange(256) for _ in range(256))
    # The first four bytes are read as the length; a non-zero first byte
    # makes it announce at least 16 MiB, so the answer is certain.
    data[0] |= 0x80
    return bytes(data)


HELLO = frame(env_hello())

# (name, bytes to send, the Closing code expected, whether a Welcome comes
# first)
CASES = [
    ("random bytes", random_bytes(), ERROR_FRAME_TOO_LARGE, False),
    ("an HTTP request",
     b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: test\r\n\r\n",
     ERROR_FRAME_TOO_LARGE, False),
    ("a length of 0xFFFFFFFF", b"\xff\xff\xff\xff",
     ERROR_FRAME_TOO_LARGE, False),
    ("a length of 16385", struct.pack(">I", MAX_CLIENT_FRAME + 1) + b"\x0a",
     ERROR_FRAME_TOO_LARGE, False),
    ("a length of 16385 after a Hello",
     HELLO + struct.pack(">I", MAX_CLIENT_FRAME + 1),
     ERROR_FRAME_TOO_LARGE, True),
    ("an empty frame", b"\x00\x00\x00\x00", ERROR_UNKNOWN_MESSAGE, False),
    ("an empty frame after a Hello", HELLO + b"\x00\x00\x00\x00",
     ERROR_UNKNOWN_MESSAGE, True),
    ("garbage protobuf (wire type 7)", frame(b"\x0f\x01\x02\x03"),
     ERROR_MALFORMED_FRAME, False),
    ("garbage protobuf (a field longer than the frame)",
     frame(b"\x0a\x05ab"), ERROR_MALFORMED_FRAME, False),
    ("garbage protobuf (a truncated varint)", frame(b"\x08\xff\xff"),
     ERROR_MALFORMED_FRAME, False),
    ("a Command before joining", HELLO + frame(env_add_note(1, "te vroeg")),
     ERROR_UNEXPECTED_MESSAGE, True),
    ("a Command before the Hello", frame(env_add_note(1, "te vroeg")),
     ERROR_UNEXPECTED_MESSAGE, False),
    ("a second Hello", HELLO + HELLO, ERROR_UNEXPECTED_MESSAGE, True),
    ("a frame with only an unknown field", frame(pb_varint(100, 1)),
     ERROR_UNKNOWN_MESSAGE, False),
    ("only an unknown field after a Hello",
     HELLO + frame(pb_bytes(99, b"later")), ERROR_UNKNOWN_MESSAGE, True),
]


def check_refused(sc, port, name, data, code, welcome_first):
    raw = sc.raw(port)
    raw.send(data)
    frames = raw.read_to_end()
    kinds = [k for k, _ in frames]
    want = ([ENV_WELCOME] if welcome_first else []) + [ENV_CLOSING]
    check(kinds == want, "%s: expected %s then the end, got %s%s"
          % (name, describe_frames([(k, b"") for k in want]),
             describe_frames(frames),
             " (connection reset)" if raw.reset else ""))
    got = error_code_of(ENV_CLOSING, frames[-1][1])
    check(got == code, "%s: Closing with code %d, expected %d"
          % (name, got, code))
    check(raw.eof and not raw.reset,
          "%s: the connection was reset, not closed" % name)
    raw.close()



def exchange(anna, bram, tag):
    anna.send("note van Anna %s" % tag)
    bram.send("note van Bram %s" % tag)
    bram.wait_note("van Anna %s" % tag)
    anna.wait_note("van Bram %s" % tag)


def test_garbage_connections_closed():
    with Scope() as sc:
        srv, anna, bram = working_room(sc)
        exchange(anna, bram, "vooraf")
        for i, (name, data, code, welcome_first) in enumerate(CASES):
            # The room keeps working between the attacks.
            anna.send("note tussendoor %d" % i)
            check_refused(sc, srv.port, name, data, code, welcome_first)
            check(srv.alive(), "the server died after %s:\n%s"
                  % (name, tail(srv.stderr(), 30)))
        for i in range(len(CASES)):
            bram.wait_note("tussendoor %d" % i)
        exchange(anna, bram, "achteraf")
        for c in (anna, bram):
            check(not any("niet meer verbonden" in l for l in c.lines()),
                  "someone in the room lost the connection: %s"
                  % c.describe())
        check(anna.finish() == 0, "expected exit 0: %s" % anna.describe())
        check(bram.finish() == 0, "expected exit 0: %s" % bram.describe())


def test_largest_frame_accepted():
    """A frame of exactly the maximum client size is not refused."""
    with Scope() as sc:
        srv = sc.server()
        base = len(env_hello(software=""))
        pad = MAX_CLIENT_FRAME - base
        # Grow the string until the whole envelope is exactly the maximum
        # (the varint lengths grow with it).
        while len(env_hello(software="x" * pad)) > MAX_CLIENT_FRAME:
            pad -= 1
        body = env_hello(software="x" * pad)
        check(len(body) == MAX_CLIENT_FRAME, "could not build %d bytes"
              % MAX_CLIENT_FRAME)
        raw = sc.raw(srv.port)
        raw.send(frame(body))
        f = raw.recv_frame()
        check(f is not None and f[0] == ENV_WELCOME,
              "a %d-byte Hello got %s" % (len(body),
                                          describe_frames([f] if f else [])))


def test_hundred_connections_connect_and_close():
    with Scope() as sc:
        srv, anna, bram = working_room(sc)
        for i in range(100):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                s.settimeout(DEADLINE)
                s.connect((HOST, srv.port))
                if i % 2:
                    # Half of them end with a reset instead of a FIN.
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                 struct.pack("ii", 1, 0))
            finally:
                s.close()
        check(srv.alive(), "the server died:\n%s" % tail(srv.stderr(), 30))
        raw = sc.raw(srv.port)
        welcome = raw.handshake()
        check(welcome.get(1) == 1, "no Welcome after the hundred")
        exchange(anna, bram, "na honderd")
        check(anna.finish() == 0, "expected exit 0: %s" % anna.describe())
        check(bram.finish() == 0, "expected exit 0: %s" % bram.describe())


def test_handshake_byte_by_byte():
    with Scope() as sc:
        srv, anna, bram = working_room(sc)
        code = anna.room_code()
        raw = sc.raw(srv.port)
        data = frame(env_hello(software="langzaam")) + \
            frame(env_join_room(1, code, "Slak"))
        hello_len = len(frame(env_hello(software="langzaam")))
        for i, b in enumerate(data):
            raw.send(bytes([b]))
            # Nothing may come back before a whole Hello has been sent;
            # this also paces the bytes so that they arrive one by one.
            readable, _, _ = select.select([raw.sock], [], [], 0.005)
            if i + 1 < hello_len:
                check(not readable, "the server answered or closed after "
                      "%d of %d bytes of the Hello" % (i + 1, hello_len))
        welcome = None
        kinds = []
        while True:
            f = raw.recv_frame()
            check(f is not None, "closed after %s" % describe_frames(kinds))
            kinds.append(f)
            if f[0] == ENV_WELCOME:
                welcome = pb_dict(f[1])
            if f[0] == 6:
                break
        check(welcome is not None and welcome.get(1) == 1 and
              welcome.get(3) == MAX_CLIENT_FRAME,
              "Welcome: %r" % welcome)
        check([k for k, _ in kinds] == [ENV_WELCOME, 6],
              "expected Welcome, Joined: %s" % describe_frames(kinds))
        anna.wait_line(lambda l: l.endswith("] Slak doet mee (deelnemer)"),
                       "Slak joining")
        check(anna.finish() == 0, "expected exit 0: %s" % anna.describe())
        check(bram.finish() == 0, "expected exit 0: %s" % bram.describe())


def vm_kib(pid, field):
    """A VmPeak-style line of /proc/PID/status, in KiB."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise AssertionError("no %s in /proc/%d/status" % (field, pid))


def test_huge_announcements_cost_no_memory():
    """Peers announcing 4 GiB frames, with data behind the length, are
    cut off before anything is allocated for them: the peak of the
    server's address space does not grow by anything like one such frame,
    and the room carries on."""
    with Scope() as sc:
        srv, anna, bram = working_room(sc)
        exchange(anna, bram, "vooraf")
        before = vm_kib(srv.p.pid, "VmPeak")
        junk = b"\xff\xff\xff\xff" + bytes(range(256)) * 256
        for i in range(20):
            check_refused(sc, srv.port, "4 GiB announced (%d)" % i,
                          junk if i % 2 else HELLO + junk,
                          ERROR_FRAME_TOO_LARGE, i % 2 == 0)
        exchange(anna, bram, "achteraf")
        grown = vm_kib(srv.p.pid, "VmPeak") - before
        # The peak: a 4 GiB buffer, even freed again, would have added
        # 4194304 KiB; allow ordinary churn.
        check(grown < 256 * 1024, "the server's address space grew by "
              "%d KiB after 20 announced 4 GiB frames" % grown)
        check(anna.finish() == 0, anna.describe())
        check(bram.finish() == 0, bram.describe())


if __name__ == "__main__":
    run_tests([
        test_huge_announcements_cost_no_memory,
        test_garbage_connections_closed,
        test_largest_frame_accepted,
        test_hundred_connections_connect_and_close,
        test_handshake_byte_by_byte,
    ])
