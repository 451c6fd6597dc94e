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

The helpers live in a few modules, all re-exported here so that a test
imports from harness alone: basics.py (paths, the children's environment,
the deadline, check and wait_until), wire.py (the protocol encoded by
hand), rawconn.py (RawConn and the raw_* steps) and proxy.py (Proxy, the
TLS identity of fake servers, closed_port). This file keeps the
processes (Proc, Server, Client), Scope, working_room and run_tests.
"""

import atexit
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback

from basics import (CHILD_ENV, CLIENT_BIN, DEADLINE, HOST,  # noqa: F401
                    POLL, SANITIZER_MARKERS, SERVER_BIN, VALGRIND_ERRORS,
                    WRAPPER, _ROOT, _SPARE_HOME, TestFailure, check,
                    free_port, tail, wait_until)
from proxy import (Proxy, _tls_identity, closed_port,  # noqa: F401
                   tls_accept, tls_identity)
from rawconn import (RawConn, raw_answer, raw_command,  # noqa: F401
                     raw_connect, raw_create)
from wire import (ENV_ACK, ENV_CLOSING, ENV_COMMAND,  # noqa: F401
                  ENV_CREATE_ROOM, ENV_EVENT, ENV_HELLO, ENV_JOINED,
                  ENV_JOIN_ROOM, ENV_NAMES, ENV_PING, ENV_PONG, ENV_REFUSAL,
                  ENV_SNAPSHOT, ENV_VERSION_REFUSED, ENV_WELCOME,
                  ERROR_FRAME_TOO_LARGE, ERROR_MALFORMED_FRAME,
                  ERROR_NO_SUCH_ROOM, ERROR_ROOM_FULL, ERROR_SERVER_SHUTDOWN,
                  ERROR_UNEXPECTED_MESSAGE, ERROR_UNKNOWN_MESSAGE,
                  MAX_CLIENT_FRAME, describe_frames, env_add_note,
                  env_create_room, env_hello, env_join, env_join_room,
                  envelope_kind, error_code_of, event_note_text, frame,
                  minimal_content, pb_all, pb_bytes, pb_dict, pb_parse,
                  pb_sint, pb_text, pb_varint, read_varint, varint)


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


def working_room(sc, title="Rommel", server_args=()):
    """A server of scope sc (with server_args) with a room called title of
    two line-mode clients, Anna (chair) and Bram, who know of each other:
    (server, anna, bram)."""
    srv = sc.server(*server_args)
    anna = sc.client(srv.port, "Anna", new_room=title)
    code = anna.room_code()
    bram = sc.client(srv.port, "Bram", room=code)
    bram.room_code()
    anna.wait_line(lambda l: l.endswith("] Bram doet mee (deelnemer)"),
                   "Bram joining")
    return srv, anna, bram


# ------------------------------------------------------------- runner

# The helper modules: a failure's report points at the test's own line,
# past their frames.
_HELPERS = ("harness.py", "basics.py", "wire.py", "rawconn.py", "proxy.py")


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
                          if os.path.basename(f.filename) not in _HELPERS]
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
