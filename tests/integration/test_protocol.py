"""The protocol's promises: version negotiation, heartbeats, resume tokens,
seats that are freed, viewers, request ids, room limits and an orderly
shutdown, each against the real server on 127.0.0.1."""

import os
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (ENV_ACK, ENV_CLOSING, ENV_EVENT,  # noqa: E402
                     ENV_JOINED,
                     SERVER_BIN,
                     ENV_REFUSAL, ENV_WELCOME, Scope, check, env_add_note,
                     env_create_room, env_hello, frame, pb_bytes, pb_dict,
                     pb_varint, run_tests)

ENV_VERSION_REFUSED = 3
ENV_JOIN_ROOM = 5
ENV_PING = 13
ENV_PONG = 14

ERROR_SERVER_SHUTDOWN = 5
ERROR_TOO_MANY_ROOMS = 23
ERROR_BAD_TOKEN = 25
ERROR_ALREADY_PRESENT = 26
ERROR_NOT_ALLOWED = 40
ERROR_REQUEST_TOO_OLD = 52
ERROR_BAD_REQUEST_ID = 55


def env_join(request_id, code, name, token=None, viewer=False):
    body = pb_varint(1, request_id) + pb_bytes(2, code) + pb_bytes(3, name)
    if token:
        body += pb_bytes(4, token)
    if viewer:
        body += pb_varint(5, 1)
    return pb_bytes(ENV_JOIN_ROOM, body)


def env_ping(nonce, quiet=False):
    body = pb_varint(1, nonce)
    if quiet:
        body += pb_varint(2, 1)
    return pb_bytes(ENV_PING, body)


def answer(raw, kind):
    """Reads the next frame, which must be of kind; returns its fields."""
    f = raw.recv_frame()
    check(f is not None, "connection closed, expected kind %d" % kind)
    check(f[0] == kind, "expected kind %d, got %d" % (kind, f[0]))
    return pb_dict(f[1])


def refusal_code(raw):
    return answer(raw, ENV_REFUSAL).get(2, 0)


def test_version_negotiation():
    with Scope() as sc:
        srv = sc.server()
        # A client that speaks 1 to 3 is answered with 1 and the limits.
        raw = sc.raw(srv.port)
        raw.send_env(env_hello(1, 3, b"toekomst 9.0"))
        welcome = answer(raw, ENV_WELCOME)
        check(welcome.get(1) == 1, "version %r" % welcome.get(1))
        check(welcome.get(3) == 16384, "max client frame %r" % welcome.get(3))
        check(welcome.get(4, 0) >= 1 << 20,
              "max server frame %r" % welcome.get(4))
        # One that only speaks 2 to 5 is told what the server speaks, and
        # the connection is closed.
        old = sc.raw(srv.port)
        old.send_env(env_hello(2, 5))
        refused = answer(old, ENV_VERSION_REFUSED)
        check(refused.get(1) == 1 and refused.get(2) == 1,
              "VersionRefused %r" % refused)
        check(old.recv_frame() is None, "connection stays open")
        # A range upside down is no range.
        odd = sc.raw(srv.port)
        odd.send_env(env_hello(3, 1))
        answer(odd, ENV_VERSION_REFUSED)
        check(odd.recv_frame() is None, "connection stays open")


def test_ping_pong():
    with Scope() as sc:
        srv = sc.server()
        raw = sc.raw(srv.port)
        raw.handshake()
        raw.send_env(env_ping(123456789))
        check(answer(raw, ENV_PONG).get(1) == 123456789, "wrong nonce")
        raw.send_env(env_create_room(1, b"Ping", b"Anna"))
        answer(raw, ENV_JOINED)
        raw.send_env(env_ping(7))
        check(answer(raw, ENV_PONG).get(1) == 7, "wrong nonce in a room")
        # A quiet Ping is not answered (a ticking client sleeps until its
        # next redraw): the next frame is the Pong of the loud one after
        # it, and nothing else is waiting.
        raw.send_env(env_ping(8, quiet=True))
        time.sleep(0.3)
        raw.send_env(env_ping(9))
        check(answer(raw, ENV_PONG).get(1) == 9, "a quiet Ping answered")
        raw.sock.settimeout(0.3)
        try:
            extra = raw.sock.recv(1)
        except OSError:
            extra = None
        check(extra is None and not raw.buf,
              "something after the Pong: %r" % extra)


def test_resume_token():
    with Scope() as sc:
        srv = sc.server()
        chair = sc.client(srv.port, "Anna", new_room="Terugkomen")
        code = chair.room_code()
        raw = sc.raw(srv.port)
        raw.handshake()
        raw.send_env(env_join(1, code.encode(), b"Bram"))
        joined = answer(raw, ENV_JOINED)
        me, token = joined.get(3), joined.get(4)
        check(me and token and len(token) == 16,
              "participant %r, token %r" % (me, token))
        raw.close()
        chair.wait_line(lambda l: l.endswith("] Bram is niet meer verbonden"),
                        "Bram going away")
        # A wrong token is refused and the connection may try again.
        again = sc.raw(srv.port)
        again.handshake()
        again.send_env(env_join(2, code.encode(), b"Bram", token=b"x" * 16))
        check(refusal_code(again) == ERROR_BAD_TOKEN, "wrong token accepted")
        again.send_env(env_join(3, code.encode(), b"Bram", token=token))
        back = answer(again, ENV_JOINED)
        check(back.get(3) == me, "came back as %r, not %r"
              % (back.get(3), me))
        chair.wait_line(lambda l: l.endswith("] Bram is weer verbonden"),
                        "Bram coming back")
        # The same token on a third connection replaces the second, which
        # is told why.
        third = sc.raw(srv.port)
        third.handshake()
        third.send_env(env_join(4, code.encode(), b"Bram", token=token))
        check(answer(third, ENV_JOINED).get(3) == me, "another identity")
        closing = None
        while True:
            f = again.recv_frame()
            if f is None:
                break
            if f[0] == ENV_CLOSING:
                closing = pb_dict(f[1]).get(1)
        check(closing == ERROR_ALREADY_PRESENT,
              "the replaced connection got %r" % closing)
        third.send_env(env_add_note(1, "terug van weggeweest".encode()))
        answer(third, 10)
        answer(third, ENV_ACK)
        chair.wait_note("terug van weggeweest")
        check(chair.finish() == 0, chair.describe())


def fill_room(sc, srv, title):
    chair = sc.client(srv.port, "Voorzitter", new_room=title)
    code = chair.room_code()
    others = []
    for i in range(6):
        c = sc.client(srv.port, "Lid%d" % i, room=code)
        c.room_code()
        others.append(c)
    chair.wait_line(lambda l: l.endswith("] Lid5 doet mee (deelnemer)"),
                    "the seventh joining")
    return chair, code, others


def test_leave_frees_the_seat():
    with Scope() as sc:
        srv = sc.server()
        chair, code, others = fill_room(sc, srv, "Vol")
        late = sc.client(srv.port, "Laat", room=code)
        check(late.finish() == 2, "eighth joined: " + late.describe())
        others[0].send("leave")
        chair.wait_line(lambda l: l.endswith("] Lid0 heeft de werksessie "
                                             "verlaten"), "Lid0 leaving")
        check(others[0].finish() == 0, others[0].describe())
        late = sc.client(srv.port, "Laat", room=code)
        check(late.room_code() == code, "no seat after a leave")
        chair.wait_line(lambda l: l.endswith("] Laat doet mee (deelnemer)"),
                        "the newcomer")
        for c in [chair, late] + others[1:]:
            check(c.finish() == 0, c.describe())


def test_seat_of_someone_away_too_long():
    with Scope() as sc:
        srv = sc.server("--seat-grace", "0")
        chair, code, others = fill_room(sc, srv, "Weg")
        others[2].close_stdin()
        check(others[2].finish() == 0, others[2].describe())
        chair.wait_line(lambda l: l.endswith("] Lid2 is niet meer verbonden"),
                        "Lid2 going away")
        late = sc.client(srv.port, "Laat", room=code)
        check(late.room_code() == code, "the stale seat was not freed")
        chair.wait_line(lambda l: l.endswith("] Lid2 heeft de werksessie "
                                             "verlaten"), "the seat freed")
        for c in [chair, late] + others[:2] + others[3:]:
            check(c.finish() == 0, c.describe())


def test_viewer():
    with Scope() as sc:
        srv = sc.server()
        chair, code, others = fill_room(sc, srv, "Beamer")
        view = sc.raw(srv.port)
        view.handshake()
        view.send_env(env_join(1, code.encode(), b"", viewer=True))
        joined = answer(view, ENV_JOINED)
        check(joined.get(3, 0) == 0, "a viewer got a seat")
        check(not joined.get(4), "a viewer got a token")
        chair.send("note voor de beamer")
        chair.wait_note("voor de beamer")
        event = answer(view, 10)
        check(event.get(2, 0) > 0, "event without seq")
        view.send_env(env_add_note(1, b"ik kijk alleen"))
        check(refusal_code(view) == ERROR_NOT_ALLOWED, "viewer wrote")
        for c in [chair] + others:
            check(c.finish() == 0, c.describe())


def test_request_ids():
    with Scope() as sc:
        srv = sc.server()
        raw = sc.raw(srv.port)
        raw.handshake()
        raw.send_env(env_create_room(1, b"Nummers", b"Anna"))
        answer(raw, ENV_JOINED)
        raw.send_env(env_add_note(0, b"zonder nummer"))
        check(refusal_code(raw) == ERROR_BAD_REQUEST_ID, "id 0 accepted")
        # The server remembers the last 128 results per identity.
        batch = b"".join(frame(env_add_note(i, b"n%d" % i))
                         for i in range(10, 210))
        raw.send(batch)
        acks = 0
        while acks < 200:
            f = raw.recv_frame()
            check(f is not None, "connection closed")
            acks += f[0] == ENV_ACK
        raw.send_env(env_add_note(15, b"n15"))
        check(refusal_code(raw) == ERROR_REQUEST_TOO_OLD, "old id")
        raw.send_env(env_add_note(209, b"n209"))
        again = answer(raw, ENV_ACK)
        check(again.get(1) == 209 and again.get(3, 0) > 0, "repeat %r" % again)


def test_too_many_rooms():
    with Scope() as sc:
        srv = sc.server("--max-rooms", "1")
        first = sc.client(srv.port, "Anna", new_room="Eerste")
        first.room_code()
        second = sc.client(srv.port, "Bram", new_room="Tweede")
        check(second.finish() == 2, second.describe())
        check(any(l.startswith("error: too_many_rooms:")
                  for l in second.lines()), second.describe())
        check(first.finish() == 0, first.describe())


def test_orderly_shutdown():
    with Scope() as sc:
        srv = sc.server()
        # Without reconnecting, a shutdown is the end (test_reconnect.py:
        # by default the client waits for the server to come back).
        chair = sc.client(srv.port, "Anna", new_room="Einde", reconnect=0)
        chair.room_code()
        raw = sc.raw(srv.port)
        raw.handshake()
        srv.p.send_signal(signal.SIGTERM)
        f = raw.recv_frame()
        check(f is not None and f[0] == ENV_CLOSING and
              pb_dict(f[1]).get(1) == ERROR_SERVER_SHUTDOWN,
              "expected Closing(server_shutdown), got %r" % (f,))
        check(raw.recv_frame() is None, "connection stays open")
        check(chair.wait_exit() == 3, chair.describe())
        check("De server stopt" in chair.stderr(), chair.describe())
        check(srv.wait_exit() == 0, "server status after SIGTERM")
        # Already stopped: the scope only checks its log for sanitizers.
        srv.killed = True


def test_content_sent_unless_known():
    with Scope() as sc:
        srv = sc.server()
        raw = sc.raw(srv.port)
        raw.handshake()
        raw.send_env(env_create_room(1, b"Inhoud", b"Anna"))
        joined = answer(raw, ENV_JOINED)
        content = joined.get(6)
        check(content and len(content) > 1000, "no content in Joined")
        snapshot = pb_dict(joined[5])
        digest = snapshot.get(5)
        check(digest and len(digest) == 16, "content hash %r" % digest)
        code = joined[2]
        # Who has this content already is not sent it again.
        again = sc.raw(srv.port)
        again.handshake()
        again.send_env(pb_bytes(ENV_JOIN_ROOM, pb_varint(1, 1) +
                                pb_bytes(2, code) + pb_bytes(3, b"Bram") +
                                pb_bytes(6, digest)))
        check(6 not in answer(again, ENV_JOINED), "content sent twice")
        other = sc.raw(srv.port)
        other.handshake()
        other.send_env(pb_bytes(ENV_JOIN_ROOM, pb_varint(1, 1) +
                                pb_bytes(2, code) + pb_bytes(3, b"Carla") +
                                pb_bytes(6, b"0123456789abcdef")))
        check(6 in answer(other, ENV_JOINED), "stale content kept")


def test_broken_content_file():
    with Scope() as sc:
        # The project's own file with one value broken.
        source = os.path.join(os.path.dirname(os.path.dirname(
            os.path.dirname(os.path.abspath(__file__)))), "data",
            "content.yaml")
        with open(source, encoding="utf-8") as f:
            lines = f.read().split("\n")
        broken = next(i for i, l in enumerate(lines)
                      if l.strip() == "minutes: 30")
        lines[broken] = lines[broken].replace("30", "dertig")
        path = os.path.join(sc.tmpdir(), "kapot.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        proc = sc.proc([SERVER_BIN, "--listen", "127.0.0.1", "--port", "0",
                        "--content", path], "broken server")
        check(proc.wait_exit() == 1, "exit status")
        check(proc.stderr().startswith("aandeslag-server: %s:" % path),
              "message %r" % proc.stderr())
        check(":%d: " % (broken + 1) in proc.stderr(),
              "not line %d: %r" % (broken + 1, proc.stderr()))


def test_silent_connections_closed():
    with Scope() as sc:
        srv = sc.server("--idle-timeout", "1")
        chair = sc.client(srv.port, "Anna", new_room="Stilte")
        code = chair.room_code()
        # A participant whose laptop vanished without a FIN: it joined,
        # then says nothing at all.
        silent = sc.raw(srv.port)
        welcome = silent.handshake()
        check(welcome.get(6) == 1000, "idle timeout %r" % welcome.get(6))
        silent.send_env(env_join(1, code.encode(), b"Bram"))
        answer(silent, ENV_JOINED)
        start = time.monotonic()
        check(silent.read_to_end(timeout=5) is not None, "not closed")
        waited = time.monotonic() - start
        check(0.9 <= waited <= 2.5, "closed after %.2f s" % waited)
        chair.wait_line(lambda l: l.endswith("] Bram is niet meer verbonden"),
                        "Bram away")
        # A client that is merely quiet keeps its seat: it pings. So does
        # one that only sends quiet Pings, which get no answer.
        quiet = sc.raw(srv.port)
        quiet.handshake()
        quiet.send_env(env_join(1, code.encode(), b"Carla"))
        answer(quiet, ENV_JOINED)
        chair.wait_line(lambda l: "] Carla doet mee" in l, "Carla in")
        deadline = time.monotonic() + 2.5
        nonce = 100
        while time.monotonic() < deadline:
            time.sleep(0.1)
            nonce += 1
            if nonce % 3 == 0:
                quiet.send_env(env_ping(nonce, quiet=True))
        chair.send("note nog steeds hier")
        chair.wait_note("nog steeds hier")
        # Carla hears the note, and nothing in between was a Pong.
        seen = []
        while not (seen and seen[-1][0] == ENV_EVENT and
                   b"nog steeds hier" in seen[-1][1]):
            f = quiet.recv_frame(timeout=5)
            check(f is not None, "Carla was let go: %r" % seen)
            seen.append(f)
        check(all(f[0] != ENV_PONG for f in seen),
              "a quiet Ping answered: %r" % [f[0] for f in seen])
        check(not any(l.endswith("] Carla is niet meer verbonden")
                      for l in chair.lines()),
              "Carla lost: " + chair.describe())
        check(chair.finish() == 0, chair.describe())


def test_bad_lines_lose_nothing():
    with Scope() as sc:
        srv = sc.server()
        chair = sc.client(srv.port, "Anna", new_room="Invoer")
        chair.room_code()
        # A line far longer than any note is refused without being sent,
        # invalid UTF-8 is refused by the server, and what follows still
        # arrives.
        chair.p.stdin.write(b"note " + b"x" * 70000 + b"\n")
        chair.p.stdin.write(b"note kapot \xc3\x28 teken\n")
        chair.send("note " + "y" * 1001, "note daarna gewoon verder")
        chair.wait_note("daarna gewoon verder")
        chair.close_stdin()
        check(chair.wait_exit() == 1, chair.describe())
        errors = [l.split(":")[1].strip() for l in chair.lines()
                  if l.startswith("error: ")]
        check(errors == ["line_too_long", "invalid_text", "text_too_long"],
              "errors %r: %s" % (errors, chair.describe()))
        check(len(chair.notes()) == 1, chair.describe())


if __name__ == "__main__":
    run_tests([test_version_negotiation, test_ping_pong, test_resume_token,
               test_leave_frees_the_seat, test_seat_of_someone_away_too_long,
               test_viewer, test_request_ids, test_too_many_rooms,
               test_orderly_shutdown, test_bad_lines_lose_nothing,
               test_content_sent_unless_known, test_broken_content_file,
               test_silent_connections_closed])
