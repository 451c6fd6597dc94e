"""TLS peers of the test's own for test_tls.py, all on 127.0.0.1: Python's
ssl as a client (a context that trusts anything, a ClientHello as bytes, a
RawConn that speaks TLS), a relay that records every byte both ways, and a
TLS server with a given certificate that keeps what a client sends."""

import select
import socket
import ssl
import threading

from basics import DEADLINE, HOST, check


def tls_context():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def client_hello():
    """The first flight of a real TLS client (Python's), as bytes."""
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    obj = tls_context().wrap_bio(incoming, outgoing)
    try:
        obj.do_handshake()
    except ssl.SSLWantReadError:
        pass
    data = outgoing.read()
    check(data[:1] == b"\x16", "not a TLS handshake record: %r" % data[:8])
    return data


def tls_raw(sc, port):
    """A RawConn of scope sc whose socket speaks TLS (Python's ssl)."""
    r = sc.raw(port)
    r.sock = tls_context().wrap_socket(r.sock, do_handshake_on_connect=True)
    r.sock.settimeout(DEADLINE)
    return r


class Recorder:
    """A TCP relay on 127.0.0.1 to a server's port that keeps every byte
    of every connection, both ways."""

    def __init__(self, target):
        self.target = target
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind((HOST, 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.conns = []         # [up (client to server), down]
        self._socks = []
        self._threads = []
        self._lock = threading.Lock()
        self._stop = False
        t = threading.Thread(target=self._accept, daemon=True)
        t.start()
        self._threads.append(t)

    def _accept(self):
        while not self._stop:
            ready, _, _ = select.select([self.listener], [], [], 0.05)
            if not ready or self._stop:
                continue
            try:
                c, _ = self.listener.accept()
            except OSError:
                return
            s = socket.create_connection((HOST, self.target))
            up, down = bytearray(), bytearray()
            with self._lock:
                self.conns.append((up, down))
                self._socks += [c, s]
            for src, dst, buf in ((c, s, up), (s, c, down)):
                t = threading.Thread(target=self._pump,
                                     args=(src, dst, buf), daemon=True)
                t.start()
                self._threads.append(t)

    def _pump(self, src, dst, buf):
        while True:
            try:
                data = src.recv(65536)
            except OSError:
                data = b""
            if not data:
                break
            with self._lock:
                buf += data
            try:
                dst.sendall(data)
            except OSError:
                break
        try:
            dst.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def recorded(self):
        with self._lock:
            return [(bytes(u), bytes(d)) for u, d in self.conns]

    def close(self):
        self._stop = True
        self.listener.close()
        with self._lock:
            socks = list(self._socks)
        for s in socks:
            try:
                s.close()
            except OSError:
                pass
        for t in self._threads:
            t.join(5)


class FakeTlsServer:
    """A TLS server of Python's own on 127.0.0.1 with the given
    certificate, that keeps the plaintext each connection sends (until it
    ends, or until one whole frame came, after which it hangs up)."""

    def __init__(self, cert, key):
        self.ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.ctx.load_cert_chain(cert, key)
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind((HOST, 0))
        self.listener.listen(4)
        self.port = self.listener.getsockname()[1]
        self.sessions = []      # [handshake done, plaintext, error]
        self._lock = threading.Lock()
        self._stop = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self):
        while not self._stop:
            ready, _, _ = select.select([self.listener], [], [], 0.05)
            if not ready or self._stop:
                continue
            try:
                raw, _ = self.listener.accept()
            except OSError:
                return
            session = [False, bytearray(), None]
            with self._lock:
                self.sessions.append(session)
            raw.settimeout(DEADLINE)
            conn = None
            try:
                conn = self.ctx.wrap_socket(raw, server_side=True)
                session[0] = True
                while True:
                    data = conn.recv(65536)
                    if not data:
                        break
                    with self._lock:
                        session[1] += data
                    buf = session[1]
                    if (len(buf) >= 4 and
                            len(buf) >= 4 + int.from_bytes(buf[:4], "big")):
                        break
            except (OSError, ssl.SSLError) as e:
                session[2] = repr(e)
            finally:
                # wrap_socket() took the descriptor over from raw.
                for sock in (conn, raw):
                    if sock is not None:
                        sock.close()
            with self._lock:
                session.append("ended")

    def ended(self):
        with self._lock:
            return [(s[0], bytes(s[1]), s[2]) for s in self.sessions
                    if len(s) == 4]

    def close(self):
        self._stop = True
        self.listener.close()
        self._thread.join(5)
