"""Shared helpers for the aandeslag integration tests.

Every test starts the real server on 127.0.0.1 with --port 0 and talks to
it with real line-mode clients (or with raw sockets that speak the wire
protocol, encoded here by hand). Nothing waits with a fixed sleep: every
wait polls a condition until a deadline.

Every process is ended when its test ends (SIGTERM, wait, SIGKILL), and
again at exit as a last resort. A server must exit 0 after SIGTERM and
its stderr must not mention AddressSanitizer or a UBSan runtime error.

Clients keep their seat files in XDG_STATE_HOME: each test (Scope) gives
its clients a temporary one, so that no test touches the real home or
another test's seats.

Only the standard library of Debian 12's python3 is used.
"""

import atexit
import os
import re
import select
import shutil
import signal
import socket
import shlex
import ssl
import struct
import subprocess
import sys
import tempfile
import threading
import time
import traceback

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SERVER_BIN = (os.environ.get("AANDESLAG_SERVER_BIN")
              or os.path.join(_ROOT, "build", "server", "aandeslag-server"))
CLIENT_BIN = (os.environ.get("AANDESLAG_CLIENT_BIN")
              or os.path.join(_ROOT, "build", "client", "aandeslag"))

# A command to run the programs under, e.g.
# AANDESLAG_WRAPPER="valgrind --error-exitcode=99 --leak-check=full"
# (see README: the suite under valgrind).
WRAPPER = shlex.split(os.environ.get("AANDESLAG_WRAPPER", ""))

HOST = "127.0.0.1"

# How long a condition may take before the test fails. Generous, because
# the suite also runs under ASan/UBSan; a passing run never waits this long.
DEADLINE = float(os.environ.get("AANDESLAG_TEST_DEADLINE", "30"))
POLL = 0.02

SANITIZER_MARKERS = ("AddressSanitizer", "runtime error", "LeakSanitizer",
                     "UndefinedBehaviorSanitizer")
# What valgrind says when it found something.
VALGRIND_ERRORS = re.compile(r"ERROR SUMMARY: [1-9]")

# The programs' messages are Dutch in the source, and Dutch is what they
# speak in C.UTF-8 without AANDESLAG_LANG, whatever the caller's
# environment says; a test asks for English with --lang en (the catalogue
# comes from AANDESLAG_LOCALEDIR, which meson sets to the build's).
CHILD_ENV = dict(os.environ)
for _k in ("LANGUAGE", "LC_MESSAGES", "LANG", "AANDESLAG_LANG"):
    CHILD_ENV.pop(_k, None)
CHILD_ENV["LC_ALL"] = "C.UTF-8"
# LeakSanitizer checks a process as it exits by stopping it under ptrace;
# that tracer was seen to hang now and then when the server exits after
# SIGTERM (TracerPid set, gdb refused), failing a run for no fault of the
# program. The programs started here are checked for leaks under valgrind
# instead (scripts/test runs the integration suite with AANDESLAG_WRAPPER);
# AddressSanitizer's other checks stay on.
if "ASAN_OPTIONS" in CHILD_ENV:
    CHILD_ENV["ASAN_OPTIONS"] += ":detect_leaks=0"
CHILD_ENV.pop("AANDESLAG_SERVER", None)
# No child looks for a server on the network: discovery broadcasts, and
# tests may send packets only over loopback or in network namespaces of
# their own (test_discovery.py turns it on again there, on purpose).
CHILD_ENV["AANDESLAG_DISCOVERY"] = "0"
# Never the real home's state and config, even for a process started
# outside a Scope (which gives each test its own; see Scope.client_env).
_SPARE_HOME = tempfile.mkdtemp(prefix="aandeslag-home-")
atexit.register(shutil.rmtree, _SPARE_HOME, True)
CHILD_ENV["XDG_STATE_HOME"] = os.path.join(_SPARE_HOME, "state")
CHILD_ENV["XDG_CONFIG_HOME"] = os.path.join(_SPARE_HOME, "config")


class TestFailure(AssertionError):
    pass


def free_port():
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((HOST, 0))
    port = s.getsockname()[1]
    s.close()
    return port


def check(cond, msg):
    if not cond:
        raise TestFailure(msg)


def wait_until(pred, what, timeout=None):
    """Polls pred() until it returns something true; returns that value.
    Fails after timeout seconds (DEADLINE by default)."""
    timeout = DEADLINE if timeout is None else timeout
    end = time.monotonic() + timeout
    while True:
        value = pred()
        if value:
            return value
        if time.monotonic() >= end:
            raise TestFailure("timed out after %.1f s waiting for %s"
                              % (timeout, what))
        time.sleep(POLL)


def tail(text, n=15):
    lines = text.splitlines()
    if len(lines) > n:
        lines = ["... (%d lines before)" % (len(lines) - n)] + lines[-n:]
    return "\n".join("    | " + l for l in lines)


# ------------------------------------------------------------- processes

_all_procs = []
_all_procs_lock = threading.Lock()


def stack_of(pid):
    """The stacks of a running process's threads, by gdb, or why not."""
    try:
        out = subprocess.run(["gdb", "-p", str(pid), "-batch", "-ex",
                              "thread apply all bt"], capture_output=True,
                             text=True, timeout=60)
        status = ""
        try:
            with open("/proc/%d/status" % pid) as f:
                status = "".join(l for l in f if l.split(":")[0] in
                                 ("State", "TracerPid", "Threads"))
        except OSError:
            pass
        return status + (out.stdout + out.stderr)[-6000:]
    except (OSError, subprocess.TimeoutExpired) as e:
        return "no stack: %r" % e


class Proc:
    """A child process whose stdout lines and stderr text are collected by
    reader threads."""

    hang = None

    def __init__(self, argv, label, stdin=True, env=None, preexec=None,
                 prefix=()):
        """prefix goes before the wrapper (e.g. nsenter into a test's
        namespace), so that valgrind runs on the program itself."""
        self.argv = list(argv)
        self.label = label
        self._lock = threading.Lock()
        self._lines = []
        self._err = bytearray()
        self.ended_by_us = False
        self.p = subprocess.Popen(
            list(prefix) + WRAPPER + self.argv,
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=CHILD_ENV if env is None else env, close_fds=True,
            preexec_fn=preexec)
        with _all_procs_lock:
            _all_procs.append(self)
        self._threads = [
            threading.Thread(target=self._read_out, daemon=True),
            threading.Thread(target=self._read_err, daemon=True),
        ]
        for t in self._threads:
            t.start()

    def _read_out(self):
        for raw in iter(self.p.stdout.readline, b""):
            line = raw.decode("utf-8", errors="replace").rstrip("\n")
            with self._lock:
                self._lines.append(line)
        self.p.stdout.close()

    def _read_err(self):
        fd = self.p.stderr.fileno()
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            with self._lock:
                self._err += chunk
        self.p.stderr.close()

    @property
    def pid(self):
        return self.p.pid

    def lines(self):
        with self._lock:
            return list(self._lines)

    def stdout(self):
        return "\n".join(self.lines())

    def stderr(self):
        with self._lock:
            return self._err.decode("utf-8", errors="replace")

    def alive(self):
        return self.p.poll() is None

    def wait_line(self, pred, what, timeout=None):
        """Waits for an output line for which pred(line) is true."""
        def find():
            for line in self.lines():
                if pred(line):
                    return line
            if not self.alive():
                self._join_readers()
                for line in self.lines():
                    if pred(line):
                        return line
                raise TestFailure(
                    "%s exited with %s while waiting for %s\n  stdout:\n%s\n"
                    "  stderr:\n%s" % (self.label, self.p.returncode, what,
                                       tail(self.stdout()),
                                       tail(self.stderr())))
            return None
        return wait_until(find, "%s: %s" % (self.label, what), timeout)

    def _join_readers(self, timeout=5):
        for t in self._threads:
            t.join(timeout)

    def wait_exit(self, timeout=None):
        """Waits for the process to exit by itself; returns its status."""
        timeout = DEADLINE if timeout is None else timeout
        try:
            rc = self.p.wait(timeout)
        except subprocess.TimeoutExpired:
            raise TestFailure("%s did not exit within %.1f s\n  stdout:\n%s\n"
                              "  stderr:\n%s" % (self.label, timeout,
                                                 tail(self.stdout()),
                                                 tail(self.stderr())))
        self._join_readers()
        return rc

    def end(self, timeout=10):
        """SIGTERM, wait, then SIGKILL. Returns the exit status."""
        if self.p.poll() is None:
            self.ended_by_us = True
            try:
                self.p.send_signal(signal.SIGTERM)
                # A stopped process takes the SIGTERM once it continues.
                self.p.send_signal(signal.SIGCONT)
            except ProcessLookupError:
                pass
            try:
                self.p.wait(timeout)
            except subprocess.TimeoutExpired:
                # Say where it hangs before ending it: that is the bug.
                self.hang = stack_of(self.p.pid)
                try:
                    self.p.kill()
                except ProcessLookupError:
                    pass
                self.p.wait()
        if self.p.stdin is not None and not self.p.stdin.closed:
            try:
                self.p.stdin.close()
            except OSError:
                pass
        self._join_readers()
        return self.p.returncode

    def sanitizer_report(self):
        err = self.stderr()
        for m in SANITIZER_MARKERS:
            if m in err:
                return m
        found = VALGRIND_ERRORS.search(err)
        return found.group(0) if found else None


# Data directories of servers started without one, removed at exit.
_temp_dirs = []


def _end_all_at_exit():
    import shutil
    with _all_procs_lock:
        procs = list(_all_procs)
    for p in procs:
        try:
            p.end(timeout=5)
        except Exception:
            pass
    for d in _temp_dirs:
        shutil.rmtree(d, ignore_errors=True)


atexit.register(_end_all_at_exit)


class Server(Proc):
    LISTEN_RE = re.compile(
        r"^aandeslag-server: listening on (\S+) port (\d+)$")

    def __init__(self, *extra, host=HOST, data=None, port=0, fsize=None,
                 prefix=()):
        """Starts a server on host; port 0 picks a free one. data is its
        data directory (a fresh temporary one when None); a server started
        again on the same data and port is the same server restarted.
        fsize caps the size of any file it writes (RLIMIT_FSIZE): a disk
        that fills up in the middle of a write. prefix: see Proc."""
        if data is None:
            import tempfile
            data = tempfile.mkdtemp(prefix="aandeslag-data-")
            _temp_dirs.append(data)
        self.data = data
        argv = [SERVER_BIN, "--listen", host, "--port", str(port),
                "--data", data, "--sync", "normal"] + list(extra)
        # Never the host's own server.conf (an installed one), unless the
        # test names a config file.
        if "--config" not in extra and "--no-config" not in extra:
            argv.insert(1, "--no-config")
        preexec = None
        if fsize is not None:
            import resource

            def preexec():
                resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        super().__init__(argv, "server", stdin=False, preexec=preexec,
                         prefix=prefix)
        self.host = host
        self.killed = False
        line = self.wait_line(lambda l: self.LISTEN_RE.match(l) is not None,
                              "the listening line")
        m = self.LISTEN_RE.match(line)
        check(m.group(1) == host,
              "server listens on %s, not %s" % (m.group(1), host))
        self.port = int(m.group(2))
        check(self.port > 0, "server reported port 0")

    def kill9(self):
        self.killed = True
        self.p.send_signal(signal.SIGKILL)
        self.p.wait()
        self._join_readers()

    def stop(self):
        """Stops the server with SIGTERM and checks that it shut down
        cleanly. Returns a list of problems (empty when all is well).
        A server stopped once (by the test itself) is not checked again."""
        if getattr(self, "stopped", False):
            return []
        self.stopped = True
        problems = []
        if self.killed:
            self._join_readers()
        else:
            was_alive = self.alive()
            rc = self.end(timeout=15)
            if not was_alive:
                problems.append("server had already exited with status %s "
                                "before SIGTERM" % rc)
            elif rc != 0:
                problems.append("server exited with status %s after SIGTERM "
                                "(expected 0)" % rc)
                if self.hang:
                    problems.append("where it hung:\n" + self.hang)
        m = self.sanitizer_report()
        if m is not None:
            problems.append("server stderr mentions %r" % m)
        if problems:
            problems.append("server stderr:\n" + tail(self.stderr(), 40))
        return problems


NOTE_RE = re.compile(
    r"^\[(\d+)\] notitie (\d+) bij stap (\d+) van (.*?): (.*)$")
EVENT_RE = re.compile(r"^\[(\d+)\] (.*)$")


class Client(Proc):
    """A line-mode client: aandeslag --plain."""

    def __init__(self, port, name, new_room=None, room=None, timeout=None,
                 host=HOST, extra=(), reconnect=None, env=None):
        argv = [CLIENT_BIN, "--host", host, "--port", str(port)]
        if name is not None:
            argv += ["--name", name]
        if new_room is not None:
            argv += ["--new-room", new_room]
        if room is not None:
            argv += ["--room", room]
        argv.append("--plain")
        if timeout is not None:
            argv += ["--timeout", str(timeout)]
        if reconnect is not None:
            argv += ["--reconnect", str(reconnect)]
        argv += list(extra)
        super().__init__(argv, "client %s" % name, env=env)
        self.name = name

    def room_code(self, timeout=None):
        line = self.wait_line(lambda l: l.startswith("room code: "),
                              "the room code", timeout)
        return line[len("room code: "):].strip()

    def send(self, *lines):
        data = "".join(l + "\n" for l in lines).encode("utf-8")
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def close_stdin(self):
        if not self.p.stdin.closed:
            try:
                self.p.stdin.close()
            except BrokenPipeError:
                pass

    def finish(self, timeout=None):
        """Closes stdin and waits for the exit status."""
        self.close_stdin()
        return self.wait_exit(timeout)

    def notes(self):
        """The note lines so far: (seq, note id, step, author, text)."""
        out = []
        for line in self.lines():
            m = NOTE_RE.match(line)
            if m:
                out.append((int(m.group(1)), int(m.group(2)),
                            int(m.group(3)), m.group(4), m.group(5)))
        return out

    def note_texts(self):
        return [n[4] for n in self.notes()]

    def events(self):
        """Every event line: (seq, rest)."""
        out = []
        for line in self.lines():
            m = EVENT_RE.match(line)
            if m:
                out.append((int(m.group(1)), m.group(2)))
        return out

    def errors(self):
        return [l for l in self.lines() if l.startswith("error: ")]

    def who(self):
        """The client's answer to 'who' (it waits for earlier commands)."""
        before = len(self.lines())
        self.send("who")

        def answer():
            for line in self.lines()[before:]:
                if line.startswith("Aanwezig"):
                    return line
            return None
        return wait_until(answer, "%s: the answer to who" % self.label)

    def wait_note(self, text, timeout=None):
        return self.wait_line(lambda l: (NOTE_RE.match(l) is not None and
                                         NOTE_RE.match(l).group(5) == text),
                              "note %r" % text, timeout)

    def describe(self):
        return "%s (status %s)\n  stdout:\n%s\n  stderr:\n%s" % (
            self.label, self.p.returncode, tail(self.stdout()),
            tail(self.stderr()))


# ------------------------------------------------------------- protobuf

def varint(n):
    check(n >= 0, "varint of a negative number")
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def pb_varint(field, value):
    return varint(field << 3 | 0) + varint(value)


def pb_bytes(field, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return varint(field << 3 | 2) + varint(len(data)) + data


def pb_sint(field, value):
    return pb_varint(field, (value << 1) ^ (value >> 63))


def read_varint(buf, pos):
    shift = 0
    value = 0
    while True:
        if pos >= len(buf):
            raise ValueError("truncated varint")
        b = buf[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        if not b & 0x80:
            return value, pos
        shift += 7
        if shift > 63:
            raise ValueError("varint too long")


def pb_parse(buf):
    """Parses one message level: a list of (field, wire type, value)."""
    fields = []
    pos = 0
    buf = bytes(buf)
    while pos < len(buf):
        key, pos = read_varint(buf, pos)
        field, wt = key >> 3, key & 7
        if wt == 0:
            value, pos = read_varint(buf, pos)
        elif wt == 2:
            n, pos = read_varint(buf, pos)
            if pos + n > len(buf):
                raise ValueError("truncated field")
            value = buf[pos:pos + n]
            pos += n
        elif wt == 1:
            value = buf[pos:pos + 8]
            pos += 8
        elif wt == 5:
            value = buf[pos:pos + 4]
            pos += 4
        else:
            raise ValueError("wire type %d" % wt)
        fields.append((field, wt, value))
    return fields


def pb_dict(buf):
    """field number -> last value (proto3 semantics for singular fields)."""
    return {f: v for f, _, v in pb_parse(buf)}


def pb_all(buf, field):
    return [v for f, _, v in pb_parse(buf) if f == field]


# Envelope field numbers.
ENV_HELLO = 1
ENV_WELCOME = 2
ENV_VERSION_REFUSED = 3
ENV_CREATE_ROOM = 4
ENV_JOIN_ROOM = 5
ENV_JOINED = 6
ENV_COMMAND = 7
ENV_ACK = 8
ENV_REFUSAL = 9
ENV_EVENT = 10
ENV_SNAPSHOT = 11
ENV_CLOSING = 12
ENV_PING = 13
ENV_PONG = 14

ENV_NAMES = {1: "Hello", 2: "Welcome", 3: "VersionRefused", 4: "CreateRoom",
             5: "JoinRoom", 6: "Joined", 7: "Command", 8: "Ack",
             9: "Refusal", 10: "Event", 11: "Snapshot", 12: "Closing",
             13: "Ping", 14: "Pong"}

ERROR_MALFORMED_FRAME = 1
ERROR_FRAME_TOO_LARGE = 2
ERROR_UNKNOWN_MESSAGE = 3
ERROR_UNEXPECTED_MESSAGE = 4
ERROR_SERVER_SHUTDOWN = 5
ERROR_NO_SUCH_ROOM = 20
ERROR_ROOM_FULL = 21

MAX_CLIENT_FRAME = 16384


def pb_text(field, nl, en):
    """A Text message {nl, en} as field."""
    return pb_bytes(field, pb_bytes(1, nl) + pb_bytes(2, en))


def minimal_content():
    """The smallest Content a client accepts: five steps with one card
    question each, one category with one competence, one activity."""
    body = pb_bytes(1, "test")
    for n in range(1, 6):
        question = pb_bytes(1, "q%d" % n) + pb_text(2, "Vraag?", "Question?")
        step = (pb_varint(1, n) + pb_text(2, "Stap %d" % n, "Step %d" % n) +
                pb_text(3, "Waarom?", "Why?") + pb_text(4, "Doel", "Goal") +
                pb_varint(5, 20) + pb_bytes(6, question))
        body += pb_bytes(2, step)
    competence = (pb_bytes(1, "open") + pb_text(2, "Open", "Open") +
                  pb_text(3, "Nieuwsgierig", "Curious"))
    body += pb_bytes(3, pb_bytes(1, "cat") + pb_text(2, "Cat", "Cat") +
                     pb_bytes(3, competence))
    body += pb_bytes(4, pb_bytes(1, "stage") + pb_text(2, "Stage", "Work") +
                     pb_varint(3, 1))
    return body


def frame(body):
    return struct.pack(">I", len(body)) + body


def env_hello(min_version=1, max_version=1, software=None):
    body = pb_varint(1, min_version) + pb_varint(2, max_version)
    if software is not None:
        body += pb_bytes(3, software)
    return pb_bytes(ENV_HELLO, body)


def env_create_room(request_id, title, name):
    return pb_bytes(ENV_CREATE_ROOM, pb_varint(1, request_id) +
                    pb_bytes(2, title) + pb_bytes(3, name))


def env_join_room(request_id, code, name):
    return pb_bytes(ENV_JOIN_ROOM, pb_varint(1, request_id) +
                    pb_bytes(2, code) + pb_bytes(3, name))


def env_join(code, name="", token=None, viewer=False, chair_code=None,
             password=None, request_id=1):
    """A JoinRoom with the fields a test gives: a name, a resume token,
    as a viewer (projector), the chair recovery code, a password."""
    body = pb_varint(1, request_id) + pb_bytes(2, code)
    if name:
        body += pb_bytes(3, name)
    if token is not None:
        body += pb_bytes(4, token)
    if viewer:
        body += pb_varint(5, 1)
    if chair_code is not None:
        body += pb_bytes(7, chair_code)
    if password is not None:
        body += pb_bytes(10, password)
    return pb_bytes(ENV_JOIN_ROOM, body)


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


def working_room(sc):
    """A server of scope sc with a room of two line-mode clients, Anna
    (chair) and Bram, who know of each other: (server, anna, bram)."""
    srv = sc.server()
    anna = sc.client(srv.port, "Anna", new_room="Rommel")
    code = anna.room_code()
    bram = sc.client(srv.port, "Bram", room=code)
    bram.room_code()
    anna.wait_line(lambda l: l.endswith("] Bram doet mee (deelnemer)"),
                   "Bram joining")
    return srv, anna, bram


def env_add_note(request_id, text, step=0):
    note = (pb_varint(1, step) if step else b"") + pb_bytes(2, text)
    return pb_bytes(ENV_COMMAND, pb_varint(1, request_id) + pb_bytes(16, note))


def envelope_kind(body):
    """(field number, inner bytes) of an envelope's one body field."""
    fields = pb_parse(body)
    check(len(fields) == 1,
          "envelope with %d fields: %r" % (len(fields), body[:64]))
    field, wt, value = fields[0]
    check(wt == 2, "envelope body field %d has wire type %d" % (field, wt))
    return field, value


def error_code_of(kind, inner):
    """The ErrorCode of a Closing (field 1) or Refusal (field 2)."""
    d = pb_dict(inner)
    return d.get(1 if kind == ENV_CLOSING else 2, 0)


def event_note_text(inner):
    """The note text of an Event that adds a note, else None."""
    d = pb_dict(inner)
    if 16 not in d:
        return None
    return pb_dict(d[16]).get(5, b"").decode("utf-8")


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


def describe_frames(frames):
    return "[" + ", ".join(
        "%s%s" % (ENV_NAMES.get(k, "field %d" % k),
                  "(code %d)" % error_code_of(k, v)
                  if k in (ENV_CLOSING, ENV_REFUSAL) else "")
        for k, v in frames) + "]"


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


# ------------------------------------------------------------- proxy

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


# ------------------------------------------------------------- scope

class Scope:
    """Owns what one test starts; ends it all on exit and checks that
    every server shut down cleanly."""

    def __init__(self):
        self.procs = []
        self.servers = []
        self.socks = []
        self.cleanups = []
        self._late = []         # after the programs have ended
        self._home = None

    def __enter__(self):
        return self

    def server(self, *extra, **kw):
        s = Server(*extra, **kw)
        self.servers.append(s)
        return s

    def home(self):
        """This test's stand-in for the home directory: the clients'
        XDG_STATE_HOME is home/state (seat files in
        state/aandeslag/tokens), XDG_CONFIG_HOME home/config."""
        if self._home is None:
            d = tempfile.mkdtemp(prefix="aandeslag-home-")
            self._late.append(lambda: shutil.rmtree(d, ignore_errors=True))
            self._home = d
        return self._home

    def client_env(self):
        env = dict(CHILD_ENV)
        env["XDG_STATE_HOME"] = os.path.join(self.home(), "state")
        env["XDG_CONFIG_HOME"] = os.path.join(self.home(), "config")
        return env

    def client(self, port, name, **kw):
        kw.setdefault("env", self.client_env())
        c = Client(port, name, **kw)
        self.procs.append(c)
        return c

    def proxy(self, port):
        """A Proxy to port on 127.0.0.1, closed with the scope."""
        p = Proxy(port)
        self.cleanups.append(p.close)
        return p

    def tmpdir(self):
        """A temporary directory removed when the scope ends."""
        d = tempfile.mkdtemp(prefix="aandeslag-test-")
        self.cleanups.append(lambda: shutil.rmtree(d, ignore_errors=True))
        return d

    def proc(self, argv, label):
        """Any program, ended with the scope."""
        p = Proc(argv, label, stdin=False)
        self.procs.append(p)
        return p

    def raw(self, port, **kw):
        r = RawConn(port, **kw)
        self.socks.append(r)
        return r

    def sock(self, s):
        self.socks.append(s)
        return s

    def on_exit(self, fn):
        self.cleanups.append(fn)

    def __exit__(self, etype, exc, tb):
        problems = []
        for fn in reversed(self.cleanups):
            try:
                fn()
            except Exception as e:
                problems.append("cleanup failed: %r" % e)
        for s in self.socks:
            try:
                s.close()
            except Exception:
                pass
        for c in self.procs:
            c.end()
            if not c.ended_by_us:
                m = c.sanitizer_report()
                if m is not None:
                    problems.append("%s stderr mentions %r:\n%s"
                                    % (c.label, m, tail(c.stderr(), 40)))
        for s in self.servers:
            problems += s.stop()
        for fn in self._late:
            fn()
        if problems:
            text = "\n".join(problems)
            if exc is not None:
                exc.add_note("while cleaning up:\n" + text)
                return False
            raise TestFailure(text)
        return False


# ------------------------------------------------------------- runner

def run_tests(tests):
    """Runs the test functions in order; prints ok/not ok lines and the
    summary, and exits 0 only when all passed."""
    for path in (SERVER_BIN, CLIENT_BIN):
        if not os.access(path, os.X_OK):
            print("not ok setup")
            print("# not an executable: %s" % path)
            print("0 passed, %d failed" % len(tests))
            sys.exit(1)
    passed = failed = 0
    for fn in tests:
        name = fn.__name__
        start = time.monotonic()
        try:
            fn()
        except Exception as e:
            failed += 1
            print("not ok %s" % name)
            print("# after %.1f s" % (time.monotonic() - start))
            if isinstance(e, TestFailure):
                # Where in the test it failed, and why; the harness's own
                # frames say nothing more.
                frames = [f for f in traceback.extract_tb(e.__traceback__)
                          if os.path.basename(f.filename) != "harness.py"]
                detail = "".join(traceback.format_list(frames[-1:]))
                detail += "".join(traceback.format_exception_only(e))
            else:
                detail = "".join(traceback.format_exception(e))
            for line in detail.rstrip("\n").split("\n"):
                print("# " + line)
        else:
            passed += 1
            print("ok %s" % name)
            print("# %.1f s" % (time.monotonic() - start))
        sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    sys.stdout.flush()
    _end_all_at_exit()
    sys.exit(0 if failed == 0 else 1)
