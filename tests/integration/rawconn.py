"""Raw connections to the server for the integration tests: RawConn, a
TCP socket that speaks frames (see wire.py), and the steps a test takes
over one: raw_connect (past the handshake), raw_answer, raw_command and
raw_create (a new room with a raw chair).

Re-exported by harness.py, where the tests import it from.
"""

import socket
import struct
import time

from basics import DEADLINE, HOST, TestFailure, check
from wire import (ENV_ACK, ENV_COMMAND, ENV_JOINED, ENV_NAMES, ENV_REFUSAL,
                  ENV_WELCOME, describe_frames, env_create_room, env_hello,
                  env_join_room, envelope_kind, frame, pb_bytes, pb_dict,
                  pb_varint)


def raw_connect(sc, port, source=None):
    """A RawConn of scope sc past the handshake (from source, an address
    in 127.0.0.0/8, when given)."""
    r = sc.raw(port, source=source)
    r.handshake()
    return r


def raw_answer(raw, what):
    """The next Joined, Refusal or Ack on raw: (kind, fields)."""
    while True:
        f = raw.recv_frame()
        check(f is not None, "closed while waiting for %s" % what)
        if f[0] in (ENV_JOINED, ENV_REFUSAL, ENV_ACK):
            return f[0], pb_dict(f[1])


def raw_command(raw, request_id, field, body=b""):
    """Sends the Command whose op is field (its body given) and returns
    its answer, as raw_answer()."""
    raw.send_env(pb_bytes(ENV_COMMAND, pb_varint(1, request_id) +
                          pb_bytes(field, body)))
    return raw_answer(raw, "answer to command %d" % request_id)


def raw_create(sc, port, title, name="Anna"):
    """A new room made over a raw connection: (the chair's RawConn, the
    Joined's fields)."""
    chair = raw_connect(sc, port)
    chair.send_env(env_create_room(1, title, name))
    kind, joined = raw_answer(chair, "Joined")
    check(kind == ENV_JOINED, "create refused: %r" % joined)
    return chair, joined


class RawConn:
    """A raw TCP connection that speaks frames."""

    def __init__(self, port, host=HOST, rcvbuf=None, mss=None, source=None):
        """source: the local address to connect from (another loopback
        address such as 127.0.0.2, so that the server sees another peer)."""
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if source is not None:
            self.sock.bind((source, 0))
        # Both must be set before connect: the receive window and the
        # segment size are announced in the SYN.
        if rcvbuf is not None:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        if mss is not None:
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_MAXSEG, mss)
        self.sock.settimeout(DEADLINE)
        self.sock.connect((host, port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = bytearray()
        self.eof = False
        self.reset = False

    def send(self, data):
        self.sock.sendall(data)

    def send_env(self, body):
        self.send(frame(body))

    def _fill(self, end):
        remaining = end - time.monotonic()
        if remaining <= 0:
            raise TestFailure("timed out reading from the server")
        self.sock.settimeout(remaining)
        try:
            chunk = self.sock.recv(65536)
        except socket.timeout:
            raise TestFailure("timed out reading from the server")
        except ConnectionResetError:
            self.reset = True
            chunk = b""
        if not chunk:
            self.eof = True
        self.buf += chunk

    def recv_frame(self, timeout=None):
        """The next frame's envelope as (field, inner bytes), or None when
        the server closed the connection."""
        end = time.monotonic() + (DEADLINE if timeout is None else timeout)
        while True:
            if len(self.buf) >= 4:
                n = struct.unpack(">I", self.buf[:4])[0]
                if len(self.buf) >= 4 + n:
                    body = bytes(self.buf[4:4 + n])
                    del self.buf[:4 + n]
                    return envelope_kind(body)
            if self.eof:
                check(not self.buf, "connection ended in the middle of a "
                      "frame (%d bytes left)" % len(self.buf))
                return None
            self._fill(end)

    def recv_until(self, kind, timeout=None):
        """Reads frames until one of the given kind; returns (that inner,
        list of all frames read)."""
        seen = []
        end = time.monotonic() + (DEADLINE if timeout is None else timeout)
        while True:
            f = self.recv_frame(max(0.0, end - time.monotonic()))
            check(f is not None, "connection closed while waiting for %s; "
                  "got %s" % (ENV_NAMES.get(kind), describe_frames(seen)))
            seen.append(f)
            if f[0] == kind:
                return f[1], seen

    def read_to_end(self, timeout=None):
        """Reads frames until the server closes; returns them."""
        frames = []
        end = time.monotonic() + (DEADLINE if timeout is None else timeout)
        while True:
            f = self.recv_frame(max(0.0, end - time.monotonic()))
            if f is None:
                return frames
            frames.append(f)

    def handshake(self):
        self.send_env(env_hello())
        welcome, _ = self.recv_until(ENV_WELCOME)
        return pb_dict(welcome)

    def join(self, code, name, request_id=1):
        self.send_env(env_join_room(request_id, code, name))
        joined, _ = self.recv_until(ENV_JOINED)
        return pb_dict(joined)

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass
