"""The basics every helper module of the integration tests shares: where
the programs are and the wrapper they run under, the environment their
children get (Dutch in C.UTF-8, a spare home, no discovery), the
deadline every wait polls against, TestFailure and check(), wait_until()
and tail().

harness.py re-exports all of it; wire.py, rawconn.py and proxy.py import
it from here, so that none of them imports harness (which imports them).
"""

import atexit
import os
import re
import shlex
import shutil
import socket
import tempfile
import time


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
    # Named in failure reports as harness.TestFailure, as before the
    # helpers left harness.py: the tests know it from there.
    __module__ = "harness"


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
