"""aandeslag --check: every step against a real server on 127.0.0.1, and
each way it can fail (a closed port, a server of another protocol version,
something that is no aandeslag server, a name that does not resolve), each
with its Dutch explanation and exit code 1.

Only loopback is used; the name test runs the client in a network
namespace of its own, where no name server can be reached."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (CHILD_ENV, CLIENT_BIN, DEADLINE,  # noqa: E402
                     ENV_HELLO, ENV_VERSION_REFUSED, HOST, SANITIZER_MARKERS,
                     VALGRIND_ERRORS, WRAPPER, Scope, check, closed_port,
                     frame, pb_bytes, pb_dict, pb_varint, run_tests, tail,
                     tls_accept)


def run_check(args, prefix=(), env=None):
    """Runs aandeslag --check ARGS (under prefix, then the wrapper, with
    env or CHILD_ENV) and returns (exit code, stdout). The program must
    end by itself."""
    argv = list(prefix) + WRAPPER + [CLIENT_BIN, "--check"] + list(args)
    p = subprocess.run(argv, env=CHILD_ENV if env is None else env,
                       stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=DEADLINE)
    out = p.stdout.decode("utf-8", errors="replace")
    err = p.stderr.decode("utf-8", errors="replace")
    for m in SANITIZER_MARKERS:
        check(m not in err, "stderr mentions %r:\n%s" % (m, tail(err, 40)))
    check(VALGRIND_ERRORS.search(err) is None,
          "valgrind found errors:\n%s" % tail(err, 40))
    return p.returncode, out + ("\n[stderr]\n" + err if err else "")


def expect(rc, out, code, *texts):
    check(rc == code, "exit code %s, expected %s; output:\n%s"
          % (rc, code, out))
    for t in texts:
        check(t in out, "output lacks %r:\n%s" % (t, out))


class FakeServer:
    """A listener on 127.0.0.1 that answers each connection with answer(
    what the client sent first) in a thread; None answers nothing and
    keeps the connection open until the test ends. With tls the
    connection is taken through a TLS handshake first (Python's ssl, as
    our server does with GnuTLS) and answer() sees what came inside."""

    def __init__(self, answer, tls=False):
        self.answer = answer
        self.tls = tls
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind((HOST, 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.conns = []
        self.received = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        self.conns.append(conn)
        conn.settimeout(DEADLINE)
        try:
            if self.tls:
                conn = tls_accept(conn)
                self.conns.append(conn)
            data = conn.recv(4096)
        except OSError:
            return
        self.received.append(data)
        reply = self.answer(data)
        if reply is not None:
            conn.sendall(reply)

    def close(self):
        self.sock.close()
        for c in self.conns:
            c.close()
        self.thread.join(DEADLINE)


def test_real_server():
    with Scope() as sc:
        srv = sc.server()
        rc, out = run_check(["%s:%d" % (HOST, srv.port)])
        expect(rc, out, 0,
               "Server: 127.0.0.1 poort %d (opgegeven)" % srv.port,
               "1. De naam 127.0.0.1 opzoeken: in orde (127.0.0.1)",
               "2. Verbinden met 127.0.0.1 poort %d: in orde" % srv.port,
               "3. Kennismaken met de aandeslag-server: in orde (aandeslag-server ",
               "protocolversie 1)",
               "Alles in orde")
        check("MISLUKT" not in out, "a step failed:\n" + out)
        # --host and --port name the server as well.
        rc, out = run_check(["--host", HOST, "--port", str(srv.port)])
        expect(rc, out, 0, "Alles in orde")


def test_default_origin():
    """Without a server typed, --check names the source of the default:
    the config file by its path, AANDESLAG_SERVER, the server of last
    time, and "poort opgegeven" next to it for --port."""
    with Scope() as sc:
        srv = sc.server()
        env = sc.client_env()
        conf_dir = os.path.join(env["XDG_CONFIG_HOME"], "aandeslag")
        os.makedirs(conf_dir)
        conf = os.path.join(conf_dir, "client.conf")
        with open(conf, "w") as f:
            f.write("[client]\nserver = %s:%d\n" % (HOST, srv.port))
        rc, out = run_check([], env=env)
        expect(rc, out, 0, "Server: %s poort %d (uit %s)"
               % (HOST, srv.port, conf), "Alles in orde")
        env["AANDESLAG_SERVER"] = "%s:%d" % (HOST, srv.port)
        rc, out = run_check([], env=env)
        expect(rc, out, 0, "Server: %s poort %d (uit de omgevingsvariabele "
               "AANDESLAG_SERVER)" % (HOST, srv.port))
        state_dir = os.path.join(env["XDG_STATE_HOME"], "aandeslag")
        os.makedirs(state_dir)
        remembered = os.path.join(state_dir, "server")
        with open(remembered, "w") as f:
            f.write("%s:%d\n" % (HOST, srv.port))
        rc, out = run_check([], env=env)
        expect(rc, out, 0, "Server: %s poort %d (de server van vorige keer, "
               "onthouden in %s)" % (HOST, srv.port, remembered))
        rc, out = run_check(["--port", str(srv.port)], env=env)
        expect(rc, out, 0, "(de server van vorige keer, onthouden in %s; "
               "poort opgegeven)" % remembered)


def test_closed_port():
    s, port = closed_port()
    s.close()
    rc, out = run_check(["%s:%d" % (HOST, port)])
    expect(rc, out, 1,
           "2. Verbinden met 127.0.0.1 poort %d: MISLUKT" % port,
           "Er luistert niets op poort %d" % port,
           "Draait de aandeslag-server")
    check("3. " not in out, "went on after a failed step:\n" + out)


def version_refused(data):
    """A VersionRefused for versions 7 to 9, once the Hello came."""
    body = data[4:]
    check(ENV_HELLO in pb_dict(body), "the client sent no Hello first")
    inner = pb_varint(1, 7) + pb_varint(2, 9) + \
        pb_bytes(3, b"aandeslag 9.0.0")
    return frame(pb_bytes(ENV_VERSION_REFUSED, inner))


def test_version_refused():
    fake = FakeServer(version_refused, tls=True)
    try:
        rc, out = run_check(["%s:%d" % (HOST, fake.port)])
    finally:
        fake.close()
    expect(rc, out, 1,
           "3. Kennismaken met de aandeslag-server: MISLUKT "
           "(aandeslag 9.0.0)",
           "de server spreekt protocolversie 7 tot 9, dit programma 1 tot 1",
           "Dit programma is ouder")
    hello = pb_dict(pb_dict(fake.received[0][4:])[ENV_HELLO])
    check(hello.get(1) == 1 and hello.get(2) == 1,
          "the Hello offered versions %r" % hello)


def test_tls():
    """The check speaks TLS as the client does and shows the server's
    fingerprint; a server without TLS refuses it in words, and --no-tls
    gets through with a warning."""
    with Scope() as sc:
        srv = sc.server()
        line = srv.wait_line(lambda x: x.startswith("tls fingerprint: "),
                             "the server's fingerprint")
        rc, out = run_check(["%s:%d" % (HOST, srv.port)])
        expect(rc, out, 0, "Versleuteld: TLS1.3, vingerafdruk %s"
               % line.split()[2])
        off = sc.server("--tls", "off")
        rc, out = run_check(["%s:%d" % (HOST, off.port)])
        expect(rc, out, 1, "MISLUKT (tls_unavailable)",
               "biedt geen versleuteling")
        rc, out = run_check(["--no-tls", "%s:%d" % (HOST, off.port)])
        expect(rc, out, 0, "niet versleuteld", "Alles in orde")


def test_garbage():
    fake = FakeServer(lambda data: b"SSH-2.0-OpenSSH_9.2\r\n")
    try:
        rc, out = run_check(["--timeout", "2", "%s:%d" % (HOST, fake.port)])
    finally:
        fake.close()
    expect(rc, out, 1,
           "3. Kennismaken met de aandeslag-server: MISLUKT",
           "geen aandeslag-server")


def test_silence():
    fake = FakeServer(lambda data: None)
    try:
        rc, out = run_check(["--timeout", "1", "%s:%d" % (HOST, fake.port)])
    finally:
        fake.close()
    expect(rc, out, 1,
           "3. Kennismaken met de aandeslag-server: MISLUKT",
           "geen aandeslag-server")


def test_unknown_name():
    # Only root can make the namespaces; CI runs as root, so anything
    # else is a broken setup, not a reason to skip.
    check(os.getuid() == 0,
          "this test must run as root: it makes a network namespace "
          "(unshare -n) so that no name lookup leaves the computer")
    check(shutil.which("unshare") is not None,
          "unshare (util-linux) is missing: it is needed to run the "
          "client in a network namespace of its own")
    # A namespace for the network (no interface is up, so no name server
    # is reachable) and one for mounts, where the lookup is limited to
    # /etc/hosts and DNS: a service such as systemd-resolved or avahi,
    # reached over a local socket, would otherwise ask the real network.
    d = tempfile.mkdtemp(prefix="aandeslag-check-")
    try:
        nss = os.path.join(d, "nsswitch.conf")
        with open(nss, "w") as f:
            f.write("hosts: files dns\n")
        probe = subprocess.run(["unshare", "-n", "-m", "true"],
                               capture_output=True)
        check(probe.returncode == 0,
              "unshare -n -m failed (status %d): %s" %
              (probe.returncode, probe.stderr.decode(errors="replace")))
        script = 'mount --bind "$1" /etc/nsswitch.conf && shift && exec "$@"'
        prefix = ["unshare", "-n", "-m", "sh", "-c", script, "sh", nss]
        rc, out = run_check(["bestaat-niet.aandeslag.invalid"],
                            prefix=prefix)
    finally:
        shutil.rmtree(d, ignore_errors=True)
    expect(rc, out, 1,
           "1. De naam bestaat-niet.aandeslag.invalid opzoeken: MISLUKT",
           "kent de naam \"bestaat-niet.aandeslag.invalid\" niet",
           "Controleer de spelling")
    check("2. " not in out, "went on after a failed step:\n" + out)


def test_bad_arguments():
    rc, out = run_check(["a", "b"])
    expect(rc, out, 2, "hooguit")
    rc, out = run_check(["%s:99999" % HOST])
    expect(rc, out, 2, "ongeldige server")


if __name__ == "__main__":
    run_tests([test_real_server, test_default_origin, test_closed_port, test_version_refused,
               test_garbage, test_silence, test_unknown_name,
               test_bad_arguments])
