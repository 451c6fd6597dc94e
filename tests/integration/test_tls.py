"""TLS between client and server, end to end with the real programs on
127.0.0.1: the fingerprint the server prints (checked against openssl's
own computation), that the bytes on the wire are really encrypted (a
recording relay between client and server), --tls required and --tls off,
--fingerprint in its forms, the administrator's own certificate, an
independent TLS client (Python's ssl module) and junk in a TLS record.

Trust on first use needs a server that is not on this computer (a
loopback server is trusted without being remembered): that part is in
test_tls_lan.py, in network namespaces of its own."""

import hashlib
import os
import re
import socket
import stat
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (DEADLINE, ENV_ACK, ENV_CLOSING, ENV_HELLO,  # noqa: E402
                     ENV_JOINED, HOST, SERVER_BIN, Scope, check,
                     env_add_note, env_create_room, env_hello, envelope_kind,
                     error_code_of, frame, raw_answer, run_tests, tail,
                     wait_until, working_room)
from tlspeers import (FakeTlsServer, Recorder, client_hello,  # noqa: E402
                      tls_raw)

ERROR_TLS_REQUIRED = 91
ERROR_TLS_UNAVAILABLE = 92

# The room codes' alphabet (common/code.c): the fingerprint read aloud is
# the first 80 bits of the hex in it, 5 bits a symbol.
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

SYMBOLS = "[%s]{4}" % ALPHABET
SERVER_FP_RE = re.compile(r"^tls fingerprint: (%s(?:-%s){3}) "
                          r"sha256:([0-9a-f]{64})( required)?$"
                          % (SYMBOLS, SYMBOLS))
SPOKEN_RE = re.compile(
    r"^Vingerafdruk van de server \(versleuteling\): (\S+)$")
CLIENT_FP_RE = re.compile(r"^tls fingerprint: (\S+) \((.*)\)$")

# What the line mode says on stderr for each refusal (common/refusal.c,
# untranslated in the C locale). These refusals come before a join (a
# Closing, or the client's own verdict on the handshake), which the line
# mode writes as a sentence on stderr, not as an "error: CODE:" line.
SAYS_TLS_REQUIRED = "neemt alleen versleutelde verbindingen aan"
SAYS_TLS_UNAVAILABLE = "biedt geen versleuteling (TLS) aan"
SAYS_MISMATCH = "zoals opgegeven"


# ------------------------------------------------------------- helpers

def text_of_hex(hexfp):
    """The form read aloud, computed here from the hex."""
    bits = bin(int(hexfp[:20], 16))[2:].zfill(80)
    syms = [ALPHABET[int(bits[i:i + 5], 2)] for i in range(0, 80, 5)]
    return "-".join("".join(syms[i:i + 4]) for i in range(0, 16, 4))


def openssl_fp_of_pem(path):
    """SHA-256 of the certificate's SubjectPublicKeyInfo, by openssl."""
    return openssl_fp(["openssl", "x509", "-in", path, "-pubkey", "-noout"])


def openssl_fp_of_der(der):
    return openssl_fp(["openssl", "x509", "-inform", "DER", "-pubkey",
                       "-noout"], der)


def openssl_fp(x509_argv, stdin=None):
    p = subprocess.run(x509_argv, input=stdin, capture_output=True,
                       timeout=30)
    check(p.returncode == 0, "openssl x509 failed: %r" % p.stderr)
    q = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "DER"],
                       input=p.stdout, capture_output=True, timeout=30)
    check(q.returncode == 0 and q.stdout, "openssl pkey failed: %r"
          % q.stderr)
    return hashlib.sha256(q.stdout).hexdigest()


def make_cert(d, name):
    cert = os.path.join(d, name + "-cert.pem")
    key = os.path.join(d, name + "-key.pem")
    p = subprocess.run(["openssl", "req", "-x509", "-newkey", "ec",
                        "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                        "-subj", "/CN=test", "-days", "2", "-keyout", key,
                        "-out", cert], capture_output=True, timeout=60)
    check(p.returncode == 0, "openssl req failed: %r" % p.stderr)
    return cert, key


def server_fp(srv):
    """(text, hex, required) from the server's stable stdout line."""
    line = srv.wait_line(lambda l: l.startswith("tls fingerprint: "),
                         "the tls fingerprint line")
    m = SERVER_FP_RE.match(line)
    check(m is not None, "malformed server line %r" % line)
    return m.group(1), m.group(2), m.group(3) is not None


def client_fp(c):
    """(text, verdict) from a line-mode client's line after the room code."""
    c.room_code()
    line = c.wait_line(lambda l: l.startswith("tls"), "the tls line")
    m = CLIENT_FP_RE.match(line)
    check(m is not None, "%s: malformed tls line %r\n%s"
          % (c.label, line, c.describe()))
    lines = c.lines()
    i = lines.index(line)
    check(i > 0 and lines[i - 1].startswith("room code: "),
          "%s: the tls line does not follow the room code: %r"
          % (c.label, lines))
    return m.group(1), m.group(2)


# The refusal's stable code on stdout, for each sentence on stderr.
CODE_OF = {SAYS_TLS_REQUIRED: "tls_required",
           SAYS_TLS_UNAVAILABLE: "tls_unavailable",
           SAYS_MISMATCH: "tls_fingerprint_mismatch"}


def refused_client(sc, port, name, says, extra=(), new_room="Geweigerd"):
    """A line-mode client that must not get in: exit 2, no room code, the
    refusal's sentence on stderr and its stable code on stdout. Returns
    it."""
    c = sc.client(port, name, new_room=new_room, extra=extra)
    rc = c.finish()
    check(rc == 2, "%s: exit %s, expected 2\n%s" % (name, rc, c.describe()))
    check(not any(l.startswith("room code: ") for l in c.lines()),
          "%s got in:\n%s" % (name, c.describe()))
    check(says in c.stderr(), "%s: stderr lacks %r\n%s"
          % (name, says, c.describe()))
    code = CODE_OF.get(says)
    if code is not None:
        check("error: %s:" % code in c.lines(), "%s: stdout lacks "
              "'error: %s:'\n%s" % (name, code, c.describe()))
    return c


def log_lines(srv, conn_id):
    """The server's log lines about one connection, without the time."""
    out = []
    for line in srv.stderr().splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3 and re.match(r"connection %d( |:|$)" % conn_id,
                                        parts[2]):
            out.append(parts[2])
    return out


def in_log(srv, text, times=1):
    """Waits until the server's log has text times times, and fails when
    it has more."""
    wait_until(lambda: srv.stderr().count(text) >= times,
               "%r %d times in the server's log" % (text, times))
    n = srv.stderr().count(text)
    check(n == times, "%r %d times in the server's log, expected %d:\n%s"
          % (text, n, times, tail(srv.stderr(), 20)))


def conn_ids(srv):
    """The numbers of the connections from 127.0.0.1 in the log so far."""
    return [int(m.group(1)) for m in re.finditer(
        r"connection (\d+) from 127\.0\.0\.1$", srv.stderr(), re.M)]


SYNC_SOURCE = "127.0.0.2"


def sync_log(sc, srv, synced):
    """Makes sure the log read so far holds everything the server did
    before now: a connection from SYNC_SOURCE gets its Welcome, and its
    line in the log is waited for (the lines come in order). Whatever an
    earlier client sent before it closed has been read by then too.
    synced counts these connections."""
    r = sc.raw(srv.port, source=SYNC_SOURCE)
    r.handshake()
    r.close()
    synced[0] += 1
    wait_until(lambda: srv.stderr().count(" from %s\n" % SYNC_SOURCE)
               >= synced[0], "the server's log up to now")


# ------------------------------------------------------------- 1

def test_fingerprint_printed_and_stable():
    with Scope() as sc:
        data = sc.tmpdir()
        srv = sc.server(data=data)
        text, hexfp, required = server_fp(srv)
        check(not required, "'required' without --tls required")
        cert = os.path.join(data, "tls-cert.pem")
        key = os.path.join(data, "tls-key.pem")
        check(os.path.isfile(cert) and os.path.isfile(key),
              "no tls-cert.pem/tls-key.pem in the data dir: %r"
              % os.listdir(data))
        mode = stat.S_IMODE(os.stat(key).st_mode)
        check(mode == 0o600, "tls-key.pem has mode %o, expected 600" % mode)
        want = openssl_fp_of_pem(cert)
        check(hexfp == want, "server says sha256:%s, openssl %s"
              % (hexfp, want))
        check(text == text_of_hex(hexfp), "text form %s is not the hex's "
              "first 80 bits (%s)" % (text, text_of_hex(hexfp)))
        spoken = srv.wait_line(lambda l: SPOKEN_RE.match(l) is not None,
                               "the Dutch fingerprint line")
        check(SPOKEN_RE.match(spoken).group(1) == text,
              "the two lines differ: %r vs %s" % (spoken, text))
        # What a client shows is what the server shows.
        anna = sc.client(srv.port, "Anna", new_room="Vingers")
        shown, verdict = client_fp(anna)
        check(shown == text, "client shows %s, server %s" % (shown, text))
        check(verdict == "this computer", "verdict %r over loopback"
              % verdict)
        check(anna.finish() == 0, anna.describe())
        with open(cert, "rb") as f:
            cert_bytes = f.read()
        with open(key, "rb") as f:
            key_bytes = f.read()
        check(not srv.stop(), "first server did not stop cleanly")

        # Started again on the same data: the same key and certificate.
        again = sc.server(data=data)
        text2, hex2, _ = server_fp(again)
        check((text2, hex2) == (text, hexfp), "after a restart %s %s, "
              "before %s %s" % (text2, hex2, text, hexfp))
        with open(cert, "rb") as f:
            check(f.read() == cert_bytes, "the certificate was rewritten")
        with open(key, "rb") as f:
            check(f.read() == key_bytes, "the key was rewritten")
        check(stat.S_IMODE(os.stat(key).st_mode) == 0o600, "key mode")
        bram = sc.client(again.port, "Bram", new_room="Weer")
        check(client_fp(bram)[0] == text, bram.describe())
        check(bram.finish() == 0, bram.describe())

        # Another data directory: another key.
        other = sc.server()
        text3, hex3, _ = server_fp(other)
        check(hex3 != hexfp and text3 != text,
              "a new data dir kept the fingerprint %s" % hexfp)
        check(hex3 == openssl_fp_of_pem(os.path.join(other.data,
                                                     "tls-cert.pem")),
              "the second server's fingerprint is not openssl's")


# ------------------------------------------------------------- 2

SECRET = "geheimwoord-Curaçao"
TITLE = "Kwartaaloverleg-Zuidwest"
CHAIR = "Wilhelmina"
MEMBER = "Bartholomeus"


def recorded_session(extra):
    """A room of two clients through a recording relay; the chair adds
    the SECRET note. Returns (recorded connections, what must not be seen,
    the server's log)."""
    with Scope() as sc:
        srv = sc.server()
        rec = Recorder(srv.port)
        sc.on_exit(rec.close)
        chair = sc.client(rec.port, CHAIR, new_room=TITLE, extra=extra)
        code = chair.room_code()
        chair_code = chair.wait_line(lambda l: l.startswith("chair code: "),
                                     "the chair code")[len("chair code: "):]
        member = sc.client(rec.port, MEMBER, room=code, extra=extra)
        member.room_code()
        chair.send("note " + SECRET)
        member.wait_note(SECRET)
        chair.wait_note(SECRET)
        for c in (chair, member):
            check(c.finish() == 0, c.describe())
        conns = rec.recorded()
        check(len(conns) == 2, "the relay saw %d connections, expected 2"
              % len(conns))
        secrets = [SECRET, code, code.replace("-", ""), chair_code,
                   chair_code.replace("-", ""), CHAIR, MEMBER, TITLE]
        return conns, secrets, srv


def test_encrypted_on_the_wire():
    conns, secrets, srv = recorded_session(())
    for i, (up, down) in enumerate(conns):
        check(len(up) > 0 and len(down) > 0, "connection %d: nothing "
              "recorded (%d up, %d down)" % (i, len(up), len(down)))
        check(up[:1] == b"\x16", "connection %d starts with %r, not a TLS "
              "handshake" % (i, up[:8]))
        check(down[:1] == b"\x16", "the server's answer on connection %d "
              "starts with %r" % (i, down[:8]))
        for s in secrets:
            for where, data in (("client to server", up),
                                ("server to client", down)):
                check(s.encode("utf-8") not in data,
                      "%r readable on the wire (%s, connection %d)"
                      % (s, where, i))
    log = srv.stderr()
    n = log.count(": encrypted (TLS1.3)")
    check(n == 2, "the log says 'encrypted (TLS1.3)' %d times, expected "
          "2:\n%s" % (n, tail(log, 20)))

    # The same without TLS: the check above can fail.
    conns, secrets, srv = recorded_session(("--no-tls",))
    everything = b"".join(u + d for u, d in conns)
    check(all(u[:1] != b"\x16" for u, _ in conns),
          "--no-tls still starts a handshake")
    check(SECRET.encode("utf-8") in everything,
          "the note is not readable without TLS either: the recording "
          "proves nothing")
    check(secrets[1].encode() in everything, "the room code is not "
          "readable without TLS either")
    check("encrypted" not in srv.stderr(), "--no-tls connection logged "
          "as encrypted:\n" + tail(srv.stderr(), 20))


# ------------------------------------------------------------- 3

def test_tls_required():
    with Scope() as sc:
        srv = sc.server("--tls", "required")
        text, hexfp, required = server_fp(srv)
        check(required, "the fingerprint line lacks ' required'")
        # A raw plain Hello is told why and closed.
        raw = sc.raw(srv.port)
        raw.send(frame(env_hello()))
        closing, seen = raw.recv_until(ENV_CLOSING)
        check(error_code_of(ENV_CLOSING, closing) == ERROR_TLS_REQUIRED,
              "plain Hello got Closing code %d, expected %d"
              % (error_code_of(ENV_CLOSING, closing), ERROR_TLS_REQUIRED))
        check([k for k, _ in seen] == [ENV_CLOSING],
              "a Welcome or more before the Closing: %r" % seen)
        check(raw.read_to_end() == [], "frames after the Closing")
        # The line mode without TLS is refused the same way.
        refused_client(sc, srv.port, "Piet", SAYS_TLS_REQUIRED,
                       extra=("--no-tls",))
        # The raw connection's and Piet's.
        in_log(srv, "closing: tls_required", 2)
        # ... and so by AANDESLAG_TLS=0 and tls = no in client.conf.
        env = sc.client_env()
        env["AANDESLAG_TLS"] = "0"
        c = sc.client(srv.port, "Omgeving", new_room="X", env=env)
        check(c.finish() == 2 and SAYS_TLS_REQUIRED in c.stderr(),
              "AANDESLAG_TLS=0:\n" + c.describe())
        home = sc.tmpdir()
        env = dict(sc.client_env(), XDG_STATE_HOME=os.path.join(home, "s"),
                   XDG_CONFIG_HOME=os.path.join(home, "c"))
        os.makedirs(os.path.join(home, "c", "aandeslag"))
        with open(os.path.join(home, "c", "aandeslag", "client.conf"),
                  "w") as f:
            f.write("[client]\ntls = no\n")
        c = sc.client(srv.port, "Conf", new_room="X", env=env)
        check(c.finish() == 2 and SAYS_TLS_REQUIRED in c.stderr(),
              "tls = no in client.conf:\n" + c.describe())
        in_log(srv, "closing: tls_required", 4)
        # A normal client gets in, encrypted.
        anna = sc.client(srv.port, "Anna", new_room="Alleen versleuteld")
        shown, verdict = client_fp(anna)
        check(shown == text, "client %s, server %s" % (shown, text))
        anna.send("note versleuteld")
        anna.wait_note("versleuteld")
        check(anna.finish() == 0, anna.describe())
        # An independent TLS client too.
        t = tls_raw(sc, srv.port)
        t.handshake()


def test_tls_on_takes_plain_too():
    with Scope() as sc:
        srv = sc.server()
        # --tls on is the default: an old plain client is still served,
        # in the same room as an encrypted one.
        anna = sc.client(srv.port, "Anna", new_room="Gemengd")
        code = anna.room_code()
        bram = sc.client(srv.port, "Bram", room=code, extra=("--no-tls",))
        bram.room_code()
        check(bram.wait_line(lambda l: l.startswith("tls"), "tls line")
              == "tls: off", bram.describe())
        raw = sc.raw(srv.port)
        raw.handshake()
        joined = raw.join(code, "Ruw")
        check(joined, "raw join")
        bram.send("note door elkaar")
        anna.wait_note("door elkaar")
        for c in (anna, bram):
            check(c.finish() == 0, c.describe())
        n = srv.stderr().count(": encrypted (")
        check(n == 1, "%d connections encrypted, expected 1 (Anna):\n%s"
              % (n, tail(srv.stderr())))


# ------------------------------------------------------------- 4

def test_tls_off():
    with Scope() as sc:
        srv = sc.server("--tls", "off")
        check("tls: off" in srv.lines(), "no 'tls: off' line:\n"
              + srv.stdout())
        check(not any(l.startswith("tls fingerprint:") for l in srv.lines()),
              "a fingerprint with --tls off")
        # The default client wants TLS and is told it is not there.
        refused_client(sc, srv.port, "Anna", SAYS_TLS_UNAVAILABLE)
        in_log(srv, "closing: tls_unavailable")
        # A real ClientHello (Python's) is answered by a plain Closing.
        raw = sc.raw(srv.port)
        raw.send(client_hello())
        closing, seen = raw.recv_until(ENV_CLOSING)
        check(error_code_of(ENV_CLOSING, closing) == ERROR_TLS_UNAVAILABLE,
              "ClientHello got %r" % seen)
        # Plainly it works.
        bram = sc.client(srv.port, "Bram", new_room="Open",
                         extra=("--no-tls",))
        code = bram.room_code()
        check(bram.wait_line(lambda l: l.startswith("tls"), "tls line")
              == "tls: off", bram.describe())
        raw = sc.raw(srv.port)
        raw.handshake()
        raw.join(code, "Ruw")
        bram.send("note onversleuteld")
        bram.wait_note("onversleuteld")
        check(bram.finish() == 0, bram.describe())
        check("encrypted" not in srv.stderr(), tail(srv.stderr()))


# ------------------------------------------------------------- 5

def test_fingerprint_option():
    with Scope() as sc:
        srv = sc.server()
        text, hexfp, _ = server_fp(srv)
        anna = sc.client(srv.port, "Anna", new_room="Vastgepind",
                         extra=("--fingerprint", text))
        code = anna.room_code()
        check(client_fp(anna) == (text, "as given"), anna.describe())
        forms = [("hex", hexfp), ("HEX", hexfp.upper()),
                 ("lower without dashes", text.replace("-", "").lower())]
        for i, (what, value) in enumerate(forms):
            c = sc.client(srv.port, "Lid%d" % i, room=code,
                          extra=("--fingerprint", value))
            got = client_fp(c)
            check(got == (text, "as given"), "%s: %r\n%s"
                  % (what, got, c.describe()))
            check(c.finish() == 0, c.describe())

        # Wrong ones: refused after the handshake, before anything else.
        wrong_text = text_of_hex("%020x" % (int(hexfp[:20], 16) ^ 1))
        wrong_hex = hexfp[:-1] + ("0" if hexfp[-1] != "0" else "1")
        synced = [0]
        for what, value in (("text", wrong_text), ("hex", wrong_hex)):
            sync_log(sc, srv, synced)
            before = set(conn_ids(srv))
            c = sc.client(srv.port, "Mallory-" + what, new_room="Nep",
                          extra=("--fingerprint", value))
            rc = c.finish()
            check(rc == 2, "wrong %s fingerprint: exit %s\n%s"
                  % (what, rc, c.describe()))
            check(not any(l.startswith("room code:") for l in c.lines()),
                  c.describe())
            check(SAYS_MISMATCH in c.stderr() and text in c.stderr(),
                  "wrong %s: no mismatch sentence naming %s:\n%s"
                  % (what, text, c.describe()))
            sync_log(sc, srv, synced)
            new = set(conn_ids(srv)) - before
            check(len(new) == 1, "wrong %s: %d connections (retried?)"
                  % (what, len(new)))
            cid = new.pop()
            lines = log_lines(srv, cid)
            check(any(l.endswith(": encrypted (TLS1.3)") for l in lines),
                  "wrong %s: the handshake was not completed: %r"
                  % (what, lines))
            check(not any("created a room" in l for l in lines),
                  "wrong %s: something after the handshake: %r"
                  % (what, lines))
        check(not any("Mallory" in l for l in anna.lines()),
              "Mallory reached the room:\n" + anna.describe())
        check("(2 rooms)" not in srv.stderr(), tail(srv.stderr()))

        # Malformed: an option error, no connection at all.
        sync_log(sc, srv, synced)
        before = len(conn_ids(srv))
        # (Too short; the hex one digit short; letters outside the
        # alphabet.)
        for bad in ("ZZZZ-ZZZZ", hexfp[:63], "IIII-OOOO-0000-1111"):
            c = sc.client(srv.port, "Fout", new_room="X",
                          extra=("--fingerprint", bad))
            rc = c.finish()
            check(rc == 2, "--fingerprint %r: exit %s\n%s"
                  % (bad, rc, c.describe()))
            check("ongeldige waarde" in c.stderr(),
                  "--fingerprint %r: no option error\n%s"
                  % (bad, c.describe()))
        sync_log(sc, srv, synced)
        check(len(conn_ids(srv)) == before,
              "a malformed --fingerprint still connected")
        check(anna.finish() == 0, anna.describe())


def test_pin_holds_on_reconnect():
    # A client that pinned the fingerprint does not follow the address to
    # another server (another key) when it reconnects.
    with Scope() as sc:
        first = sc.server()
        text, _, _ = server_fp(first)
        anna = sc.client(first.port, "Anna", new_room="Trouw",
                         extra=("--fingerprint", text), reconnect=20)
        check(client_fp(anna) == (text, "as given"), anna.describe())
        port = first.port
        check(not first.stop(), "first server")
        wait_until(lambda: "verbinding verbroken" in anna.stderr(),
                   "Anna noticing")
        impostor = sc.server(port=port)
        text2, _, _ = server_fp(impostor)
        check(text2 != text, "the same key in a new data dir")
        wait_until(lambda: "encrypted" in impostor.stderr() or
                   not anna.alive(), "Anna trying the new server")
        rc = anna.wait_exit()
        check(rc != 0, "Anna exited 0 against another key\n"
              + anna.describe())
        check(SAYS_MISMATCH in anna.stderr() and text2 in anna.stderr(),
              "no mismatch sentence:\n" + anna.describe())
        log = impostor.stderr()
        check("join" not in log and "created a room" not in log,
              "Anna got past the handshake:\n" + tail(log))


def test_mismatch_sends_nothing():
    # Seen from the server's side of the TLS session: with a wrong
    # fingerprint the client completes the handshake and then sends not
    # one byte of plaintext (no Hello, no name, no room); with the right
    # one it sends its Hello, so the recording works.
    with Scope() as sc:
        d = sc.tmpdir()
        cert, key = make_cert(d, "nep")
        hexfp = openssl_fp_of_pem(cert)
        fake = FakeTlsServer(cert, key)
        sc.on_exit(fake.close)
        wrong = hexfp[:-1] + ("0" if hexfp[-1] != "0" else "1")
        c = sc.client(fake.port, "Mallory", new_room="Geheime titel",
                      extra=("--fingerprint", wrong))
        rc = c.finish()
        check(rc == 2, "wrong fingerprint: exit %s\n%s" % (rc, c.describe()))
        check(SAYS_MISMATCH in c.stderr(), c.describe())
        sessions = wait_until(fake.ended, "the fake server's session")
        check(len(sessions) == 1, "%d sessions" % len(sessions))
        done, plain, err = sessions[0]
        check(plain == b"", "the refusing client sent %d bytes of plaintext "
              "after the handshake: %r" % (len(plain), plain[:80]))

        c = sc.client(fake.port, "Echt", new_room="Geheime titel",
                      extra=("--fingerprint", hexfp))
        c.wait_exit()
        sessions = wait_until(lambda: fake.ended()[1:], "the second session")
        done, plain, err = sessions[0]
        check(done, "the handshake with the right fingerprint failed: %s"
              % err)
        check(len(plain) >= 4, "the right fingerprint: nothing sent")
        n = int.from_bytes(plain[:4], "big")
        check(len(plain) >= 4 + n and
              envelope_kind(plain[4:4 + n])[0] == ENV_HELLO,
              "the first frame is not a Hello: %r" % plain[:40])


# ------------------------------------------------------------- 6

def server_fails(sc, extra):
    """Starts the server with extra options; it must exit by itself.
    Returns (exit code, stderr)."""
    data = sc.tmpdir()
    p = sc.proc([SERVER_BIN, "--listen", HOST, "--port", "0", "--data",
                 data] + list(extra), "failing server")
    rc = p.wait_exit()
    check(not any(l.startswith("aandeslag-server: listening")
                  for l in p.lines()), "it listened:\n" + p.stdout())
    return rc, p.stderr(), data


def test_own_certificate():
    with Scope() as sc:
        d = sc.tmpdir()
        cert, key = make_cert(d, "eigen")
        srv = sc.server("--tls-cert", cert, "--tls-key", key)
        text, hexfp, _ = server_fp(srv)
        want = openssl_fp_of_pem(cert)
        check(hexfp == want, "server sha256:%s, openssl %s" % (hexfp, want))
        check(text == text_of_hex(hexfp), "text form")
        check(not [f for f in os.listdir(srv.data) if f.startswith("tls-")],
              "a certificate was made besides the given one: %r"
              % os.listdir(srv.data))
        anna = sc.client(srv.port, "Anna", new_room="Eigen certificaat",
                         extra=("--fingerprint", hexfp))
        check(client_fp(anna) == (text, "as given"), anna.describe())
        check(anna.finish() == 0, anna.describe())
        # What goes over the wire is that certificate.
        t = tls_raw(sc, srv.port)
        der = t.sock.getpeercert(binary_form=True)
        check(openssl_fp_of_der(der) == hexfp,
              "the certificate sent is not the one given")

        # One without the other.
        for extra in (("--tls-cert", cert), ("--tls-key", key)):
            rc, err, _ = server_fails(sc, extra)
            check(rc == 2, "%r: exit %s\n%s" % (extra, rc, err))
        # Not PEM: a message naming the file.
        bad = os.path.join(d, "kapot-certificaat.pem")
        with open(bad, "w") as f:
            f.write("dit is geen certificaat\n")
        rc, err, _ = server_fails(sc, ("--tls-cert", bad, "--tls-key", key))
        check(rc != 0, "a broken certificate: exit 0")
        check(bad in err or "kapot-certificaat.pem" in err,
              "the message does not name the file:\n" + err)
        # A key that does not belong to the certificate.
        _, other_key = make_cert(d, "ander")
        rc, err, _ = server_fails(sc, ("--tls-cert", cert, "--tls-key",
                                       other_key))
        check(rc != 0, "a key of another certificate: exit 0\n" + err)
        # A missing file.
        missing = os.path.join(d, "bestaat-niet.pem")
        rc, err, _ = server_fails(sc, ("--tls-cert", missing, "--tls-key",
                                       key))
        check(rc != 0 and "bestaat-niet.pem" in err,
              "a missing certificate: exit %s\n%s" % (rc, err))


# ------------------------------------------------------------- 7

def test_independent_tls_client():
    with Scope() as sc:
        srv = sc.server()
        text, hexfp, _ = server_fp(srv)
        t = tls_raw(sc, srv.port)
        version = t.sock.version()
        check(version in ("TLSv1.2", "TLSv1.3"), "negotiated %r" % version)
        der = t.sock.getpeercert(binary_form=True)
        check(der and openssl_fp_of_der(der) == hexfp,
              "the certificate on the wire has another fingerprint")
        welcome = t.handshake()
        check(welcome, "empty Welcome")
        # A whole session through Python's TLS: a room and a note, seen by
        # a line-mode client.
        t.send_env(env_create_room(1, "Via Python", "Ssl"))
        kind, joined = raw_answer(t, "Joined")
        check(kind == ENV_JOINED, "create refused: %r" % joined)
        code = joined[2].decode()
        bram = sc.client(srv.port, "Bram", room=code)
        bram.room_code()
        t.send_env(env_add_note(2, "uit python"))
        kind, ack = raw_answer(t, "Ack")
        check(kind == ENV_ACK, "note not acknowledged: %r" % ack)
        bram.wait_note("uit python")
        check(bram.finish() == 0, bram.describe())
        in_log(srv, ": encrypted (TLS1", 2)


def test_junk_in_a_tls_record():
    with Scope() as sc:
        srv, anna, bram = working_room(sc)
        # Each is a whole record (or a header that cannot be one), so the
        # server has all it needs to say no; a record that is only begun
        # is waited for, up to the idle timeout, as any slow peer.
        junk = [b"\x16\x03\x01" + bytes(range(200, 256)) * 8,
                b"\x16\x03\x01\x00\x04\x01\x00\x00\x00",
                b"\x16\x03\x01\x00\x08\x01\x00\x00\x04\xde\xad\xbe\xef",
                b"\x16\x03\x03\x40\x01" + bytes(16385),
                b"\x16\x03\x01\x00\x30\x01\x00\x00\x2c\x03\x03" + bytes(42),
                b"\x16\x03\x01\x00\x00",
                b"\x16\x00\x00\x00\x00" + b"x" * 10,
                b"\x16"]
        for i, data in enumerate(junk):
            s = sc.sock(socket.create_connection((HOST, srv.port)))
            s.settimeout(DEADLINE)
            s.sendall(data)
            if i == len(junk) - 1:
                # A lone byte: then nothing more, and the peer goes.
                s.shutdown(socket.SHUT_WR)
            got = b""
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    got += chunk
            except ConnectionResetError:
                pass
            except socket.timeout:
                check(False, "junk %d: the server kept the connection open"
                      % i)
            s.close()
            check(srv.alive(), "the server died of junk %d:\n%s"
                  % (i, tail(srv.stderr(), 30)))
        # Each but the lone byte (an end of file, not an error) is named.
        in_log(srv, ": tls: ", len(junk) - 1)
        # The room goes on.
        anna.send("note na het afval")
        bram.wait_note("na het afval")
        anna.wait_note("na het afval")
        for c in (anna, bram):
            check(c.finish() == 0, c.describe())


if __name__ == "__main__":
    run_tests([test_fingerprint_printed_and_stable,
               test_encrypted_on_the_wire,
               test_tls_required,
               test_tls_on_takes_plain_too,
               test_tls_off,
               test_fingerprint_option,
               test_pin_holds_on_reconnect,
               test_mismatch_sends_nothing,
               test_own_certificate,
               test_independent_tls_client,
               test_junk_in_a_tls_record])
