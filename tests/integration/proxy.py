"""Stand-ins on the network for the integration tests: Proxy, a relay
between a client and a server that a test breaks the ways Wi-Fi breaks;
tls_identity() and tls_accept(), for the servers a test fakes behind
TLS; closed_port(), a port where nothing listens.

Re-exported by harness.py, where the tests import it from.
"""

import atexit
import os
import select
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading

from basics import DEADLINE, HOST, POLL, check


_tls_identity = []


def tls_identity():
    """A self-signed certificate and key (paths) for servers the tests
    fake, made once per test process with the openssl command line tool:
    our client then meets TLS from another implementation."""
    if not _tls_identity:
        d = tempfile.mkdtemp(prefix="aandeslag-tls-")
        atexit.register(shutil.rmtree, d, True)
        cert, key = os.path.join(d, "cert.pem"), os.path.join(d, "key.pem")
        p = subprocess.run(["openssl", "req", "-x509", "-newkey", "ec",
                            "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                            "-subj", "/CN=fake", "-days", "2",
                            "-keyout", key, "-out", cert],
                           capture_output=True, text=True)
        check(p.returncode == 0, "openssl req failed: " + p.stderr)
        _tls_identity.extend([cert, key])
    return _tls_identity[0], _tls_identity[1]


def tls_accept(conn):
    """Takes conn (an accepted socket) through the server side of a TLS
    handshake with tls_identity(), as our server does for our client."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(*tls_identity())
    conn.settimeout(DEADLINE)
    return ctx.wrap_socket(conn, server_side=True)


def closed_port():
    """A port on 127.0.0.1 where nothing listens: bound, never listening,
    so that no one else takes it meanwhile. Returns (socket, port)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((HOST, 0))
    return s, s.getsockname()[1]


class Proxy:
    """A TCP relay on 127.0.0.1 to a server's port, run in a thread, that
    a test breaks the ways Wi-Fi breaks:

    cut()        closes both sides of every connection (the client reads
                 the end of its connection, the server too);
    blackhole()  stops forwarding on every connection without closing
                 anything: no FIN, no reset, only silence, which only a
                 heartbeat notices;
    hold()       stops forwarding what the server sends, while what the
                 client sends still arrives (answers lost on the way);
    down()/up()  from now on closes each new connection at once, or
                 forwards it again.

    New connections are forwarded normally unless the proxy is down.
    Everything stays on 127.0.0.1."""

    def __init__(self, port):
        self.target = port
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind((HOST, 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.accepted = 0       # connections forwarded
        self.refused = 0        # connections closed at once while down
        self._pairs = []        # [client, server, mode]
        self._is_down = False
        self._orders = []
        self._lock = threading.Lock()
        self._wake_r, self._wake_w = socket.socketpair()
        self._stop = False
        self.error = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _order(self, what):
        done = threading.Event()
        with self._lock:
            self._orders.append((what, done))
        self._wake_w.send(b"x")
        check(done.wait(DEADLINE), "the proxy did not %s" % what)

    def cut(self):
        self._order("cut")

    def blackhole(self):
        self._order("blackhole")

    def hold(self):
        self._order("hold")

    def down(self):
        self._order("down")

    def up(self):
        self._order("up")

    def connections(self):
        """The connections being forwarded (or held) now."""
        return len(self._pairs)

    @staticmethod
    def _close(s):
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        s.close()

    def _obey(self, what):
        if what == "cut":
            for c, s, _ in self._pairs:
                self._close(c)
                self._close(s)
            self._pairs = []
        elif what in ("blackhole", "hold"):
            for pair in self._pairs:
                pair[2] = what
        elif what == "down":
            self._is_down = True
        elif what == "up":
            self._is_down = False

    def _accept(self):
        c, _ = self.listener.accept()
        if self._is_down:
            self.refused += 1
            self._close(c)
            return
        s = socket.create_connection((HOST, self.target))
        for x in (c, s):
            x.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._pairs.append([c, s, "open"])
        self.accepted += 1

    def _forward(self, src):
        for pair in list(self._pairs):
            c, s, mode = pair
            if src is not c and src is not s:
                continue
            dst = s if src is c else c
            try:
                data = src.recv(65536)
            except OSError:
                data = b""
            if data:
                try:
                    dst.sendall(data)
                    return
                except OSError:
                    pass
            # One side ended: end the other, as a network would.
            self._close(c)
            self._close(s)
            self._pairs.remove(pair)
            return

    def _run(self):
        try:
            while not self._stop:
                with self._lock:
                    orders, self._orders = self._orders, []
                for what, done in orders:
                    self._obey(what)
                    done.set()
                watch = [self.listener, self._wake_r]
                for c, s, mode in self._pairs:
                    if mode == "open":
                        watch += [c, s]
                    elif mode == "hold":
                        watch.append(c)
                ready, _, _ = select.select(watch, [], [], POLL)
                for r in ready:
                    if r is self._wake_r:
                        self._wake_r.recv(64)
                    elif r is self.listener:
                        self._accept()
                    else:
                        self._forward(r)
        except Exception as e:
            self.error = e

    def close(self):
        self._stop = True
        self._wake_w.send(b"x")
        self._thread.join(5)
        for c, s, _ in self._pairs:
            c.close()
            s.close()
        self._pairs = []
        self.listener.close()
        self._wake_r.close()
        self._wake_w.close()
        check(self.error is None, "proxy failed: %r" % self.error)
