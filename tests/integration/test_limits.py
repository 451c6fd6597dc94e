"""Limits on connections and on commands, against the real server on
127.0.0.1: connections per address and in all (refused with
ERROR_TOO_MANY_CONNECTIONS, the others untouched), hundreds of garbage
connections while a room keeps working, and a flood of commands that is
slowed (the other member's command answered first) and, past the hard
cap, cut off with ERROR_TOO_MANY_COMMANDS. Peers come from addresses
across 127.0.0.0/8 (127.0.0.2, 127.0.0.3, ...); nothing leaves it. No
test asserts a time: only what comes first."""

import os
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (DEADLINE, ENV_ACK, ENV_CLOSING, ENV_EVENT,  # noqa: E402
                     ENV_JOINED, ENV_REFUSAL, ENV_WELCOME, Scope, check,
                     describe_frames, env_add_note, env_create_room,
                     env_hello, env_join_room, event_note_text, frame,
                     pb_all, pb_dict, run_tests, tail, wait_until,
                     working_room)

ERROR_TOO_MANY_CONNECTIONS = 87
ERROR_TOO_MANY_COMMANDS = 90
MIN_BURST = 108             # SERVER_MIN_COMMAND_BURST: 100 + 8


def first_frame(raw, what):
    f = raw.recv_frame()
    check(f is not None, "%s: closed without a word" % what)
    return f


def expect_refused(sc, port, source, maximum, scope):
    """A new connection from source gets one Closing with
    ERROR_TOO_MANY_CONNECTIONS (maximum, scope) and is closed."""
    raw = sc.raw(port, source=source)
    raw.send_env(env_hello())
    frames = raw.read_to_end()
    check(len(frames) == 1 and frames[0][0] == ENV_CLOSING,
          "from %s: expected one Closing, got %s"
          % (source, describe_frames(frames)))
    d = pb_dict(frames[0][1])
    params = [p.decode() for p in pb_all(frames[0][1], 2)]
    check(d.get(1) == ERROR_TOO_MANY_CONNECTIONS and
          params == [str(maximum), scope],
          "from %s: expected too_many_connections %r, got %r %r"
          % (source, [str(maximum), scope], d.get(1), params))


def welcomed(sc, port, source):
    raw = sc.raw(port, source=source)
    raw.send_env(env_hello())
    kind, _ = first_frame(raw, "from %s" % source)
    check(kind == ENV_WELCOME, "from %s: expected a Welcome, got %s"
          % (source, kind))
    return raw


def create(raw, title="Grenzen", name="Anna"):
    raw.send_env(env_create_room(1, title, name))
    joined, _ = raw.recv_until(ENV_JOINED)
    return pb_dict(joined)[2].decode()


def test_per_address():
    with Scope() as sc:
        srv = sc.server("--max-conns-per-address", "3")
        two = [welcomed(sc, srv.port, "127.0.0.2") for _ in range(3)]
        expect_refused(sc, srv.port, "127.0.0.2", 3, "address")
        # Another address is not touched by it.
        three = welcomed(sc, srv.port, "127.0.0.3")
        # Nor are the three that were there: one makes a room, another
        # joins it.
        code = create(two[0])
        two[1].send_env(env_join_room(1, code, "Bram"))
        two[1].recv_until(ENV_JOINED)
        three.send_env(env_join_room(1, code, "Cees"))
        three.recv_until(ENV_JOINED)
        # Once one has gone (its handle closed), there is room again.
        two[2].close()

        def room_again():
            raw = sc.raw(srv.port, source="127.0.0.2")
            raw.send_env(env_hello())
            f = raw.recv_frame()
            raw.close()
            return f is not None and f[0] == ENV_WELCOME
        wait_until(room_again, "a fourth connection from 127.0.0.2 after "
                   "one went")
        check("refused: 3 connections open from its address"
              in srv.stderr(), "no refusal in the server log:\n%s"
              % tail(srv.stderr(), 20))


def test_total():
    with Scope() as sc:
        srv = sc.server("--max-conns", "4")
        held = [welcomed(sc, srv.port, "127.0.0.%d" % (i + 2))
                for i in range(4)]
        expect_refused(sc, srv.port, "127.0.0.9", 4, "server")
        expect_refused(sc, srv.port, "127.0.0.2", 4, "server")
        # The four are still there and work.
        code = create(held[0])
        for i, raw in enumerate(held[1:]):
            raw.send_env(env_join_room(1, code, "Lid %d" % i))
            raw.recv_until(ENV_JOINED)


def garbage_kinds():
    """What a garbage connection sends: nothing, half a header, half a
    frame, bytes that announce a huge frame, a Hello and then junk."""
    return [
        b"",
        b"\x00\x00",
        b"\x00\x00\x00\x40" + b"x" * 10,
        b"\xff\xff\xff\xff",
        b"GET / HTTP/1.1\r\n\r\n",
        frame(env_hello()) + b"\x00\x00\x00\x05\x0f\x01\x02\x03\x04",
    ]


def test_garbage_while_room_works():
    with Scope() as sc:
        srv, anna, bram = working_room(sc)
        kinds = garbage_kinds()
        garbage = []
        sent = []
        # 6 addresses x 60 connections of every kind: 360, under the 64
        # per address; and 80 silent ones from one more address, of
        # which 16 are refused.
        sources = ["127.0.0.%d" % (i + 10) for i in range(6)]
        plan = [(s, 60) for s in sources] + [("127.0.0.20", 80)]
        n = 0
        for source, count in plan:
            for i in range(count):
                try:
                    raw = sc.raw(srv.port, source=source)
                    data = kinds[n % len(kinds)] if count == 60 else b""
                    if data:
                        raw.send(data)
                    garbage.append(raw)
                except OSError as e:
                    raise AssertionError("garbage connection %d from %s: "
                                         "%s" % (n, source, e))
                n += 1
            text = "tussendoor %d" % len(sent)
            anna.send("note " + text)
            sent.append(text)
            bram.wait_note(text)
        print("# %d garbage connections" % n)
        for raw in garbage:
            raw.close()
        text = "na de rommel"
        anna.send("note " + text)
        sent.append(text)
        bram.wait_note(text)
        anna.wait_note(text)
        check(bram.note_texts() == sent and anna.note_texts() == sent,
              "notes out of order or missing: Anna %r, Bram %r"
              % (anna.note_texts(), bram.note_texts()))
        check(srv.alive(), "the server died:\n%s" % tail(srv.stderr()))
        refused = srv.stderr().count("connections open from its address")
        check(refused == 16, "expected 16 refusals from 127.0.0.20, got "
              "%d:\n%s" % (refused, tail(srv.stderr(), 20)))
        check(anna.finish() == 0, anna.describe())
        check(bram.finish() == 0, bram.describe())


def join_pair(sc, port, rate, burst):
    srv = sc.server("--command-rate", str(rate), "--command-burst",
                    str(burst))
    flooder = welcomed(sc, srv.port, "127.0.0.2")
    code = create(flooder, name="Vloed")
    other = welcomed(sc, srv.port, "127.0.0.3")
    other.send_env(env_join_room(1, code, "Bram"))
    other.recv_until(ENV_JOINED)
    return srv, flooder, other


def note(i):
    return "vloed %04d" % i


def test_flood_slowed_other_prompt():
    """A flood under twice the burst: all applied, in order, slowly; the
    other member's note, sent after the flood, is answered before the
    flood's last note is applied."""
    notes = 2 * MIN_BURST - 16
    with Scope() as sc:
        srv, flooder, other = join_pair(sc, 0, 20, MIN_BURST)
        flooder.send(b"".join(frame(env_add_note(i + 2, note(i)))
                              for i in range(notes)))
        other.send_env(env_add_note(2, "tussendoor"))
        order = []          # "ack" for Bram's answer, else the note text
        while len(order) < notes + 1:
            f = other.recv_frame()
            check(f is not None, "Bram was closed: %s" % order[-5:])
            if f[0] == ENV_ACK and pb_dict(f[1]).get(1) == 2:
                order.append("ack")
            elif f[0] == ENV_REFUSAL:
                raise AssertionError("Bram's note refused: %r"
                                     % pb_dict(f[1]))
            elif f[0] == ENV_EVENT:
                t = event_note_text(f[1])
                if t is not None and t.startswith("vloed"):
                    order.append(t)
        flood = [x for x in order if x != "ack"]
        check(flood == [note(i) for i in range(notes)],
              "the flood's notes did not all arrive in order")
        check(order.index("ack") < order.index(note(notes - 1)),
              "Bram's answer came after the flood's last note (at %d of "
              "%d)" % (order.index("ack"), len(order)))
        # The flooder got every answer, in order, and was not cut off.
        acks = []
        while len(acks) < notes:
            f = flooder.recv_frame()
            check(f is not None and f[0] != ENV_CLOSING,
                  "the flooder was cut off after %d acks" % len(acks))
            check(f[0] != ENV_REFUSAL, "a flood note refused: %r"
                  % pb_dict(f[1]))
            if f[0] == ENV_ACK:
                acks.append(pb_dict(f[1]).get(1))
        check(acks == list(range(2, notes + 2)), "acks out of order")
        check("reading paused" in srv.stderr(), "the flood was not "
              "paused:\n%s" % tail(srv.stderr(), 20))
        print("# Bram's answer came as %d of %d"
              % (order.index("ack") + 1, len(order)))


def test_flood_past_cap_cut_off():
    """Far more than a burst waiting: the flooder is told and cut off; the
    room carries on."""
    notes = 1000
    with Scope() as sc:
        srv, flooder, other = join_pair(sc, 0, 1, MIN_BURST)
        data = b"".join(frame(env_add_note(i + 2, note(i)))
                        for i in range(notes))
        errors = []

        def flood():
            try:
                flooder.sock.sendall(data)
            except OSError as e:        # cut off while sending: fine
                errors.append(e)
        sender = threading.Thread(target=flood, daemon=True)
        sender.start()
        frames = flooder.read_to_end()
        sender.join(DEADLINE)
        closing = [f for f in frames if f[0] == ENV_CLOSING]
        check(len(closing) == 1 and frames[-1][0] == ENV_CLOSING,
              "expected a last Closing, got %s" % describe_frames(frames[-3:]))
        d = pb_dict(closing[0][1])
        params = [p.decode() for p in pb_all(closing[0][1], 2)]
        check(d.get(1) == ERROR_TOO_MANY_COMMANDS and params == ["1"],
              "expected too_many_commands ['1'], got %r %r"
              % (d.get(1), params))
        acks = [pb_dict(f[1]).get(1) for f in frames if f[0] == ENV_ACK]
        # The Hello and the CreateRoom took a token each.
        check(len(acks) >= MIN_BURST - 2 and
              acks == list(range(2, len(acks) + 2)),
              "expected at least a burst of acks in order, got %d"
              % len(acks))
        check(len(acks) < notes, "every note was applied")
        # The other member goes on.
        other.send_env(env_add_note(2, "ik ben er nog"))
        while True:
            f = other.recv_frame()
            check(f is not None, "Bram was closed")
            if f[0] == ENV_ACK and pb_dict(f[1]).get(1) == 2:
                break
            check(f[0] != ENV_REFUSAL, "Bram's note refused")
        check("commands waiting past the command rate" in srv.stderr(),
              "no cut-off in the log:\n%s" % tail(srv.stderr(), 20))


if __name__ == "__main__":
    run_tests([
        test_per_address,
        test_total,
        test_garbage_while_room_works,
        test_flood_slowed_other_prompt,
        test_flood_past_cap_cut_off,
    ])
