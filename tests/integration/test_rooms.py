"""Rooms and connections: isolation, codes, repeated request ids, a server
that dies, a server that never answers, a port where nothing listens."""

import os
import signal
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (ENV_ACK, ENV_EVENT, ENV_HELLO, ENV_JOINED,  # noqa: E402
                     ENV_WELCOME, HOST, POLL, Scope, check, closed_port,
                     describe_frames, env_add_note, event_note_text, frame,
                     minimal_content,
                     pb_bytes, pb_dict, pb_parse, pb_sint, pb_varint,
                     run_tests, tls_accept, wait_until)


def make_room(sc, srv, chair, member, title):
    a = sc.client(srv.port, chair, new_room=title)
    code = a.room_code()
    b = sc.client(srv.port, member, room=code)
    check(b.room_code() == code, "%s joined another room" % member)
    a.wait_line(lambda l: l.endswith("] %s doet mee (deelnemer)" % member),
                "%s joining" % member)
    return a, b, code


def test_two_rooms_isolated():
    with Scope() as sc:
        srv = sc.server()
        a1, a2, code_a = make_room(sc, srv, "Anna", "Bram", "Kamer één")
        b1, b2, code_b = make_room(sc, srv, "Cor", "Dirk", "Kamer twee")
        check(code_a != code_b, "two rooms got the same code %s" % code_a)
        room_a = [a1, a2]
        room_b = [b1, b2]
        texts = {}
        for room, tag in ((room_a, "KAMER-A"), (room_b, "KAMER-B")):
            texts[tag] = []
            for c in room:
                lines = ["%s %s %d: één" % (tag, c.name, i) for i in range(10)]
                texts[tag] += lines
                c.send(*["note " + l for l in lines])
        for room, tag in ((room_a, "KAMER-A"), (room_b, "KAMER-B")):
            for c in room:
                wait_until(lambda: len(c.notes()) >= len(texts[tag]),
                           "%s to have the notes of its room" % c.name)
        for c in room_a + room_b:
            check(c.finish() == 0, "expected exit 0: %s" % c.describe())
        for room, own, other, strangers in (
                (room_a, "KAMER-A", "KAMER-B", ("Cor", "Dirk")),
                (room_b, "KAMER-B", "KAMER-A", ("Anna", "Bram"))):
            for c in room:
                check(sorted(c.note_texts()) == sorted(texts[own]),
                      "%s has notes that are not its room's: %s"
                      % (c.name, c.describe()))
                leaked = [l for l in c.lines() if other in l or
                          any(s in l for s in strangers)]
                check(not leaked, "%s saw the other room: %s"
                      % (c.name, leaked[:3]))
                # Every event of its own room, in order, none missing.
                seqs = [s for s, _ in c.events()]
                check(seqs == list(range(seqs[0], seqs[0] + len(seqs))),
                      "%s: event seqs have gaps: %s" % (c.name, seqs))


def test_wrong_room_code():
    with Scope() as sc:
        srv = sc.server()
        chair = sc.client(srv.port, "Anna", new_room="Kamer")
        code = chair.room_code()
        wrong = "2222-2222" if code != "2222-2222" else "3333-3333"
        for bad in (wrong, "0000-0000", "KORT"):
            c = sc.client(srv.port, "Bram", room=bad)
            rc = c.wait_exit()
            check(rc == 2, "code %r: expected exit 2: %s"
                  % (bad, c.describe()))
            check(any(l.startswith("error: no_such_room: ")
                      for l in c.lines()),
                  "code %r: no 'error: no_such_room:' line: %s"
                  % (bad, c.describe()))
        check(chair.finish() == 0, "expected exit 0: %s" % chair.describe())
        check(not any("Bram" in l for l in chair.lines()),
              "the chair heard of a refused Bram: %s" % chair.describe())


def test_code_lower_case_without_dash():
    with Scope() as sc:
        srv = sc.server()
        chair = sc.client(srv.port, "Anna", new_room="Kamer")
        code = chair.room_code()
        typed = code.replace("-", "").lower()
        check(typed != code, "code %r" % code)
        bram = sc.client(srv.port, "Bram", room=typed)
        check(bram.room_code() == code, "joined %r with %r"
              % (bram.room_code(), typed))
        chair.wait_line(lambda l: l.endswith("] Bram doet mee (deelnemer)"),
                        "Bram joining")
        bram.send("note via kleine letters")
        chair.wait_note("via kleine letters")
        check(bram.finish() == 0, "expected exit 0: %s" % bram.describe())
        check(chair.finish() == 0, "expected exit 0: %s" % chair.describe())


def test_repeated_request_id_applied_once():
    with Scope() as sc:
        srv = sc.server()
        chair = sc.client(srv.port, "Anna", new_room="Kamer")
        code = chair.room_code()
        raw = sc.raw(srv.port)
        welcome = raw.handshake()
        check(welcome.get(1) == 1, "Welcome version %r" % welcome.get(1))
        joined = raw.join(code, "Robot")
        check(joined.get(1) == 1 and joined.get(3, 0) > 0,
              "Joined: request id %r, participant %r"
              % (joined.get(1), joined.get(3)))
        chair.wait_line(lambda l: l.endswith("] Robot doet mee (deelnemer)"),
                        "Robot joining")

        text = "dubbel verstuurd, één keer bewaard"
        command = frame(env_add_note(5, text))
        raw.send(command + command)
        frames = []
        acks = []
        while len(acks) < 2:
            f = raw.recv_frame()
            check(f is not None, "connection closed; got %s"
                  % describe_frames(frames))
            frames.append(f)
            kind, inner = f
            check(kind in (ENV_ACK, ENV_EVENT),
                  "expected only Acks and Events, got %s"
                  % describe_frames(frames))
            if kind == ENV_ACK:
                acks.append(pb_dict(inner))
        check(all(a.get(1) == 5 for a in acks),
              "Acks for request ids %s" % [a.get(1) for a in acks])
        check(acks[0].get(3) == acks[1].get(3) and acks[0].get(3, 0) > 0,
              "the repeated request was acknowledged with another seq: "
              "%s, %s" % (acks[0].get(3), acks[1].get(3)))
        check(acks[0].get(2) == acks[1].get(2), "epochs differ")
        ack_seq = acks[0][3]

        # A later request marks where the observer has seen everything.
        raw.send(frame(env_add_note(6, "daarna")))
        while True:
            f = raw.recv_frame()
            check(f is not None, "connection closed")
            frames.append(f)
            if f[0] == ENV_ACK:
                check(pb_dict(f[1]).get(1) == 6, "Ack out of order")
                break
        mine = [pb_dict(inner) for kind, inner in frames
                if kind == ENV_EVENT and event_note_text(inner) == text]
        check(len(mine) == 1, "the raw client got %d events of its note"
              % len(mine))
        check(mine[0].get(2) == ack_seq, "the event has seq %s, the Ack %s"
              % (mine[0].get(2), ack_seq))

        chair.wait_note("daarna")
        seen = [n for n in chair.notes() if n[4] == text]
        check(len(seen) == 1, "the observer saw the note %d times: %s"
              % (len(seen), chair.describe()))
        check(seen[0][0] == ack_seq, "the observer saw it as seq %d, the "
              "Ack said %d" % (seen[0][0], ack_seq))
        check(chair.finish() == 0, "expected exit 0: %s" % chair.describe())


def test_server_killed_while_client_waits():
    with Scope() as sc:
        srv = sc.server()
        # Without reconnecting: the old end (test_reconnect.py has the
        # client that waits for the server to come back).
        chair = sc.client(srv.port, "Anna", new_room="Kamer", reconnect=0)
        chair.room_code()
        chair.send("note nog bewaard")
        chair.wait_note("nog bewaard")
        srv.kill9()
        rc = chair.wait_exit()
        check(rc == 3, "expected exit 3 when the server is gone: %s"
              % chair.describe())
        err = chair.stderr()
        check("verbroken" in err, "no message on stderr about the lost "
              "connection: %s" % chair.describe())


class FakeServer:
    """Answers the handshake and the join with a minimal valid room, then
    swallows every command without an answer. With answer_and_close, it
    waits for the first command and for go to be set, then acknowledges
    that command and closes the connection at once."""

    def __init__(self, answer_and_close=False, idle_timeout_ms=0):
        self.answer_and_close = answer_and_close
        self.idle_timeout_ms = idle_timeout_ms
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind((HOST, 0))
        self.listener.listen(4)
        self.listener.settimeout(POLL)
        self.port = self.listener.getsockname()[1]
        self.stopping = threading.Event()
        self.go = threading.Event()
        self.closed_done = threading.Event()
        self.received = []
        self.error = None
        self.conns = []
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _recv_frame(self, conn, buf):
        while True:
            if len(buf) >= 4:
                n = int.from_bytes(buf[:4], "big")
                if len(buf) >= 4 + n:
                    body = bytes(buf[4:4 + n])
                    del buf[:4 + n]
                    return body
            while True:
                if self.stopping.is_set():
                    return None
                try:
                    chunk = conn.recv(65536)
                    break
                except socket.timeout:
                    continue
            if not chunk:
                return None
            buf += chunk

    @staticmethod
    def joined_envelope():
        clocks = b"".join(pb_bytes(7, pb_varint(1, i) +
                                   pb_sint(3, 1200000) + pb_sint(4, 1200000))
                          for i in range(1, 6))
        participant = pb_bytes(8, pb_varint(1, 1) + pb_bytes(2, "Zoë") +
                               pb_varint(4, 1))
        snapshot = (pb_varint(1, 77) + pb_varint(2, 1) +
                    pb_bytes(3, "2222-2222") + pb_bytes(4, "x") +
                    pb_varint(6, 1) + clocks + participant)
        joined = (pb_varint(1, 1) + pb_bytes(2, "2222-2222") +
                  pb_varint(3, 1) + pb_bytes(4, bytes(range(16))) +
                  pb_bytes(5, snapshot) + pb_bytes(6, minimal_content()))
        return pb_bytes(ENV_JOINED, joined)

    def _serve(self, conn):
        conn.settimeout(POLL)
        buf = bytearray()
        body = self._recv_frame(conn, buf)
        if body is None:
            return
        self.received.append(body)
        if pb_parse(body)[0][0] != ENV_HELLO:
            raise AssertionError("first frame is not a Hello")
        conn.sendall(frame(pb_bytes(ENV_WELCOME, pb_varint(1, 1) +
                                    pb_varint(3, 16384) +
                                    pb_varint(4, 2 * 1024 * 1024) +
                                    pb_varint(6, self.idle_timeout_ms))))
        body = self._recv_frame(conn, buf)
        if body is None:
            return
        self.received.append(body)
        conn.sendall(frame(self.joined_envelope()))
        while True:
            body = self._recv_frame(conn, buf)
            if body is None:
                return
            self.received.append(body)
            if not self.answer_and_close:
                continue
            while not self.go.is_set():
                if self.stopping.wait(POLL):
                    return
            request_id = pb_dict(pb_dict(body)[7]).get(1, 0)
            conn.sendall(frame(pb_bytes(ENV_ACK, pb_varint(1, request_id) +
                                        pb_varint(2, 77) +
                                        pb_varint(3, 2))))
            # Gone without a Closing message, as when the server process
            # dies: the kernel closes the connection normally (FIN), and
            # answers whatever the client sends after that with a reset.
            conn.close()
            self.closed_done.set()
            return

    def _run(self):
        try:
            while not self.stopping.is_set():
                try:
                    conn, _ = self.listener.accept()
                except socket.timeout:
                    continue
                # TLS, as our client speaks by default; a client that
                # gave up during the handshake is just gone.
                try:
                    conn = tls_accept(conn)
                except OSError:
                    conn.close()
                    continue
                self.conns.append(conn)
                self._serve(conn)
        except Exception as e:
            self.error = e

    def close(self):
        self.stopping.set()
        self.thread.join(5)
        for c in self.conns:
            c.close()
        self.listener.close()


def test_timeout_when_unanswered():
    with Scope() as sc:
        fake = FakeServer()
        sc.on_exit(fake.close)
        c = sc.client(fake.port, "Bram", room="2222-2222", timeout=1)
        check(c.room_code() == "2222-2222", "room code %r" % c.room_code())
        c.send("note niemand antwoordt")
        wait_until(lambda: len(fake.received) >= 3,
                   "the command to reach the fake server")
        start = time.monotonic()
        c.close_stdin()
        rc = c.wait_exit()
        waited = time.monotonic() - start
        check(fake.error is None, "fake server: %r" % fake.error)
        check(rc == 3, "expected exit 3 for an unanswered command: %s"
              % c.describe())
        check(waited >= 0.9, "exited after %.2f s, before --timeout 1"
              % waited)
        check("geen antwoord" in c.stderr(), "stderr does not say that "
              "nothing answered: %s" % c.describe())
        command = pb_dict(fake.received[2])
        check(7 in command, "third frame is not a Command")


def test_silent_server_noticed():
    with Scope() as sc:
        # A server that says "600 ms" and then never says anything again,
        # not even a Pong: a network that dropped without a FIN.
        fake = FakeServer(idle_timeout_ms=600)
        sc.on_exit(fake.close)
        c = sc.client(fake.port, "Bram", room="2222-2222", reconnect=0)
        check(c.room_code() == "2222-2222", c.describe())
        start = time.monotonic()
        rc = c.wait_exit(timeout=10)
        waited = time.monotonic() - start
        check(rc == 3, "expected exit 3: %s" % c.describe())
        check(0.5 <= waited <= 3, "noticed after %.2f s" % waited)
        check("verbroken" in c.stderr(), c.describe())
        pings = [b for b in fake.received if pb_parse(b)[0][0] == 13]
        check(pings, "the client sent no Ping while it waited")


def test_server_that_never_answers():
    """Something takes the connection and then says nothing, not even the
    TLS handshake (a hung process, another program on the port): the
    client gives up after its answer timeout (15 s) with a message,
    instead of waiting for ever."""
    with Scope() as sc:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.bind((HOST, 0))
        listener.listen(4)
        sc.on_exit(listener.close)
        port = listener.getsockname()[1]
        c = sc.client(port, "Bram", room="2222-2222", reconnect=0)
        start = time.monotonic()
        rc = c.wait_exit(timeout=40)
        waited = time.monotonic() - start
        check(rc == 2, "expected exit 2: %s" % c.describe())
        check(12 <= waited <= 30, "gave up after %.1f s" % waited)
        check("niet bereikbaar" in c.stderr(), c.describe())


def process_state(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None


def test_connection_lost_while_sending():
    """The connection breaks while the client still has commands to send:
    it must exit 3 with a message, not die of a signal (SIGPIPE)."""
    with Scope() as sc:
        fake = FakeServer(answer_and_close=True)
        sc.on_exit(fake.close)
        c = sc.client(fake.port, "Bram", room="2222-2222", reconnect=0)
        c.room_code()
        # "who" waits for the answer to the first note; the notes after it
        # wait in the client's buffer (one write of under PIPE_BUF bytes,
        # so the client reads it all at once).
        c.send("note eerste", "who",
               *["note daarna %d" % i for i in range(40)])
        wait_until(lambda: len(fake.received) >= 3,
                   "the first note to reach the fake server")
        # The answer and the end of the connection both arrive while the
        # client is stopped, so that it sends the waiting notes to a
        # connection that the other side has closed.
        os.kill(c.pid, signal.SIGSTOP)
        try:
            wait_until(lambda: process_state(c.pid) == "T",
                       "the client to stop")
            fake.go.set()
            wait_until(fake.closed_done.is_set,
                       "the fake server to answer and close")
        finally:
            os.kill(c.pid, signal.SIGCONT)
        rc = c.wait_exit()
        check(fake.error is None, "fake server: %r" % fake.error)
        check(rc == 3, "expected exit 3 when the connection is lost while "
              "sending; got %s%s: %s"
              % (rc, " (killed by %s)" % signal.Signals(-rc).name
                 if rc < 0 else "", c.describe()))
        check("verbroken" in c.stderr(),
              "no message on stderr about the lost connection: %s"
              % c.describe())


def test_connect_to_closed_port():
    with Scope() as sc:
        s, port = closed_port()
        sc.sock(s)
        c = sc.client(port, "Bram", room="2222-2222")
        rc = c.wait_exit()
        check(rc == 2, "expected exit 2: %s" % c.describe())
        err = c.stderr()
        check(str(port) in err and "poort" in err,
              "stderr does not mention the port %d: %s" % (port, c.describe()))
        check(not any(l.startswith("room code") for l in c.lines()),
              "printed a room code")


if __name__ == "__main__":
    run_tests([
        test_two_rooms_isolated,
        test_wrong_room_code,
        test_code_lower_case_without_dash,
        test_repeated_request_id_applied_once,
        test_server_killed_while_client_waits,
        test_timeout_when_unanswered,
        test_connection_lost_while_sending,
        test_connect_to_closed_port,
        test_silent_server_noticed,
        test_server_that_never_answers,
    ])
