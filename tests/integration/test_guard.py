"""The limiter for failed joins and the lock on finished rooms, against the
real server on 127.0.0.1. Guessers and colleagues connect from other
loopback addresses (127.0.0.2, 127.0.0.3, ...) so that each is a peer of
its own; nothing leaves 127.0.0.0/8."""

import socket
import time

from harness import (ENV_ACK, ENV_JOINED, ENV_REFUSAL, HOST, Scope, check,
                     env_join as join_env, pb_all, pb_bytes, pb_dict,
                     pb_varint, raw_command as command,
                     raw_connect as connect,
                     raw_create, run_tests)

ERROR_NO_SUCH_ROOM = 20
ERROR_BAD_TOKEN = 25
ERROR_BAD_CHAIR_CODE = 77
ERROR_TRY_LATER = 85
ERROR_ROOM_LOCKED = 86
CMD_ADD_NOTE = 16
CMD_FINISH = 38
CMD_RECOGNISE = 40

# Three failures, then a first wait of 2 s (long enough that a slow
# server under valgrind is still inside it when the next attempt comes).
GUARD = ("--join-burst", "3", "--join-wait", "2")








def attempt(raw, request_id, **kw):
    """Sends a JoinRoom; returns (kind, fields, params of a refusal)."""
    raw.send_env(join_env(request_id=request_id, **kw))
    while True:
        f = raw.recv_frame()
        check(f is not None, "closed while waiting for an answer")
        if f[0] in (ENV_JOINED, ENV_REFUSAL):
            params = [p.decode() for p in pb_all(f[1], 3)] \
                if f[0] == ENV_REFUSAL else []
            return f[0], pb_dict(f[1]), params


def refused(result, code, what):
    kind, d, params = result
    check(kind == ENV_REFUSAL and d.get(2) == code,
          "%s: expected refusal %d, got %s %r" % (what, code, kind, d))
    return params






def create(sc, port, name="Anna"):
    return raw_create(sc, port, "Slot", name)


def wrong_code(code):
    return "2222-2222" if code != "2222-2222" else "3333-3333"


def test_guesser_waits_colleague_joins():
    with Scope() as sc:
        srv = sc.server(*GUARD)
        chair, joined = create(sc, srv.port)
        code = joined[2].decode()
        wrong = wrong_code(code)
        guesser = connect(sc, srv.port, source="127.0.0.2")
        for i in range(3):
            refused(attempt(guesser, i + 1, code=wrong, name="Gok"),
                    ERROR_NO_SUCH_ROOM, "guess %d" % (i + 1))
        # Now even the right code is not looked up.
        params = refused(attempt(guesser, 4, code=code, name="Gok"),
                         ERROR_TRY_LATER, "after three guesses")
        check(params and 1 <= int(params[0]) <= 2,
              "try_later says to wait %r s" % params)
        # A colleague on another laptop joins at once; the room carries on.
        colleague = connect(sc, srv.port, source="127.0.0.3")
        kind, d, _ = attempt(colleague, 1, code=code, name="Bram")
        check(kind == ENV_JOINED, "the colleague was refused: %r" % d)
        kind, d = command(chair, 2, CMD_ADD_NOTE, pb_bytes(2, "verder"))
        check(kind == ENV_ACK, "the chair's note was refused: %r" % d)
        # After the wait the guesser may try again; the next wait is
        # longer.
        time.sleep(int(params[0]) + 0.2)
        refused(attempt(guesser, 5, code=wrong, name="Gok"),
                ERROR_NO_SUCH_ROOM, "after the wait")
        params = refused(attempt(guesser, 6, code=code, name="Gok"),
                         ERROR_TRY_LATER, "straight after")
        check(3 <= int(params[0]) <= 4, "second wait %r s" % params)
        time.sleep(int(params[0]) + 0.2)
        kind, d, _ = attempt(guesser, 7, code=code, name="Gerrit")
        check(kind == ENV_JOINED, "the right code after the wait: %r" % d)
        log = srv.stderr()
        check("join guard: 127.0.0.2: no_such_room (3 failed); waits 2 s"
              in log, "no guard line in the server log: %s" % log[-2000:])
        check(wrong not in log and code not in log,
              "a code in the server log")


def test_tokens_and_chair_codes_count():
    with Scope() as sc:
        srv = sc.server(*GUARD)
        chair, joined = create(sc, srv.port)
        code = joined[2].decode()
        guesser = connect(sc, srv.port, source="127.0.0.4")
        refused(attempt(guesser, 1, code=code, token=b"\x01" * 16),
                ERROR_BAD_TOKEN, "a wrong token")
        refused(attempt(guesser, 2, code=code, name="Anna",
                        chair_code="2222-2222"),
                ERROR_BAD_CHAIR_CODE, "a wrong chair code")
        refused(attempt(guesser, 3, code=code, token=b"\x02" * 16),
                ERROR_BAD_TOKEN, "another wrong token")
        refused(attempt(guesser, 4, code=code, token=joined[4]),
                ERROR_TRY_LATER, "the right token after three failures")
        # A successful join costs nothing: a colleague on another
        # address joins many times and is never told to wait.
        for i in range(6):
            other = connect(sc, srv.port, source="127.0.0.5")
            kind, d, _ = attempt(other, 1, code=code, viewer=True)
            check(kind == ENV_JOINED, "projector %d refused: %r" % (i, d))
            other.close()


def discovery_query(code, nonce):
    msg = pb_varint(1, 1) + pb_bytes(2, code) + pb_varint(3, nonce)
    d = b"AANDSLG?" + len(msg).to_bytes(2, "big") + msg
    return d + bytes(256 - len(d))


def discovery_ask(s, port, code, nonce):
    """The reply's fields, or None when the server kept quiet."""
    s.sendto(discovery_query(code, nonce), (HOST, port))
    end = time.monotonic() + 0.5
    while time.monotonic() < end:
        s.settimeout(max(0.01, end - time.monotonic()))
        try:
            data = s.recv(2048)
        except socket.timeout:
            return None
        if not data.startswith(b"AANDSLG!"):
            continue
        n = int.from_bytes(data[8:10], "big")
        reply = pb_dict(data[10:10 + n])
        if reply.get(6) == nonce:
            return reply
    return None


def test_discovery_counts():
    with Scope() as sc:
        srv = sc.server(*GUARD)
        chair, joined = create(sc, srv.port)
        code = joined[2].decode()
        wrong = wrong_code(code)
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sc.sock(s)
        s.bind(("127.0.0.6", 0))
        r = discovery_ask(s, srv.port, code, 1)
        check(r is not None and r.get(5) == 1, "the right code: %r" % r)
        for i in range(3):
            r = discovery_ask(s, srv.port, wrong, 10 + i)
            check(r is not None and not r.get(5),
                  "wrong code %d: %r" % (i, r))
        # Told to wait: the query with a code is not answered at all, not
        # even for the right code, and a TCP join from there waits too.
        check(discovery_ask(s, srv.port, code, 20) is None,
              "a query for a code was answered while waiting")
        r = discovery_ask(s, srv.port, "", 21)
        check(r is not None and not r.get(5),
              "a query without a code: %r" % r)
        raw = connect(sc, srv.port, source="127.0.0.6")
        refused(attempt(raw, 1, code=code, name="Udo"), ERROR_TRY_LATER,
                "a join after the discovery guesses")
        # Someone else still finds the room.
        t = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sc.sock(t)
        t.bind(("127.0.0.7", 0))
        r = discovery_ask(t, srv.port, code, 30)
        check(r is not None and r.get(5) == 1, "another asker: %r" % r)


def test_line_mode_says_try_later():
    with Scope() as sc:
        srv = sc.server("--join-burst", "1", "--join-wait", "30")
        chair = sc.client(srv.port, "Anna", new_room="Kamer")
        code = chair.room_code()
        wrong = wrong_code(code)
        first = sc.client(srv.port, "Bram", room=wrong)
        check(first.wait_exit() == 2, first.describe())
        second = sc.client(srv.port, "Bram", room=code)
        check(second.wait_exit() == 2, second.describe())
        check(any(l.startswith("error: try_later: ")
                  for l in second.lines()),
              "no 'error: try_later:' line: %s" % second.describe())
        check(chair.finish() == 0, chair.describe())


def test_finished_room_is_locked():
    with Scope() as sc:
        srv = sc.server()
        chair, joined = create(sc, srv.port)
        code = joined[2].decode()
        bram = connect(sc, srv.port)
        kind, bj, _ = attempt(bram, 1, code=code, name="Bram")
        check(kind == ENV_JOINED, "Bram not in: %r" % bj)
        cees = connect(sc, srv.port)
        kind, cj, _ = attempt(cees, 1, code=code, name="Cees")
        check(kind == ENV_JOINED, "Cees not in: %r" % cj)
        kind, d = command(chair, 2, CMD_FINISH)
        check(kind == ENV_ACK, "finish refused: %r" % d)
        newcomer = connect(sc, srv.port, source="127.0.0.8")
        params = refused(attempt(newcomer, 1, code=code, name="Dirk"),
                         ERROR_ROOM_LOCKED, "a newcomer to a finished room")
        check(params == [], "room_locked params %r" % params)
        # A member comes back with the token, a projector watches.
        bram.close()
        back = connect(sc, srv.port)
        kind, d, _ = attempt(back, 1, code=code, token=bj[4])
        check(kind == ENV_JOINED and d[3] == bj[3],
              "Bram's token after finishing: %r" % d)
        view = connect(sc, srv.port)
        kind, d, _ = attempt(view, 1, code=code, viewer=True)
        check(kind == ENV_JOINED, "the projector: %r" % d)
        # The chair recognises Cees, who comes back on a new laptop.
        # (Recognising waits until the server has seen Cees go.)
        cees.close()
        end = time.monotonic() + 10
        for rid in range(3, 1000):
            kind, d = command(chair, rid, CMD_RECOGNISE, pb_varint(1, cj[3]))
            if kind == ENV_ACK or time.monotonic() > end:
                break
            time.sleep(0.05)
        check(kind == ENV_ACK, "recognise refused: %r" % d)
        laptop = connect(sc, srv.port)
        kind, d, _ = attempt(laptop, 1, code=code, name="cees")
        check(kind == ENV_JOINED and d[3] == cj[3],
              "the recognised colleague: %r" % d)
        # The chair with the recovery code, from another laptop.
        chair.close()
        other = connect(sc, srv.port)
        kind, d, _ = attempt(other, 1, code=code,
                             chair_code=joined[8].decode())
        check(kind == ENV_JOINED, "the chair code: %r" % d)
        # A locked room is no failed guess: the newcomer is not held up.
        params = refused(attempt(newcomer, 2, code=code, name="Dirk"),
                         ERROR_ROOM_LOCKED, "the newcomer again")


def test_chair_locks_the_room():
    # "set locked on" from the line mode: a newcomer is refused, a member
    # comes back, a participant may not unlock, "off" opens it again.
    with Scope() as sc:
        srv = sc.server()
        chair = sc.client(srv.port, "Anna", new_room="Kamer")
        code = chair.room_code()
        bram = sc.client(srv.port, "Bram", room=code)
        bram.room_code()
        chair.send("set locked on")
        chair.wait_line(lambda l: "op slot" in l, "the lock's event")
        dirk = sc.client(srv.port, "Dirk", room=code)
        check(dirk.wait_exit() == 2, dirk.describe())
        check(any(l.startswith("error: room_locked: ") for l in dirk.lines()),
              dirk.describe())
        # Bram's client ends (his seat file stays), and he comes back.
        check(bram.finish() == 0, bram.describe())
        back = sc.client(srv.port, "Bram", room=code)
        back.room_code()
        back.send("set locked off")
        back.wait_line(lambda l: l.startswith("error: not_allowed: "),
                       "a participant unlocking")
        chair.send("set slot uit")
        chair.wait_line(lambda l: "weer open" in l, "the unlock's event")
        dirk = sc.client(srv.port, "Dirk", room=code)
        dirk.room_code()
        check(dirk.finish() == 0, dirk.describe())
        # 1: one of Bram's commands was refused.
        check(back.finish() == 1, back.describe())
        check(chair.finish() == 0, chair.describe())


if __name__ == "__main__":
    run_tests([test_chair_locks_the_room,
               test_guesser_waits_colleague_joins,
               test_tokens_and_chair_codes_count,
               test_discovery_counts,
               test_line_mode_says_try_later,
               test_finished_room_is_locked])
