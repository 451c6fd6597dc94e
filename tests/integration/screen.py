"""Driving the real full-screen client in tmux: a private tmux server per
test (its own socket), keys in with send-keys, the screen out with
capture-pane."""

import os
import shlex
import shutil
import subprocess
import tempfile
import time

from harness import (CHILD_ENV, CLIENT_BIN, DEADLINE, POLL,
                     SANITIZER_MARKERS, TestFailure)


class Tmux:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="aandeslag-tmux-")
        self.socket = os.path.join(self.dir, "tmux.sock")
        self.env = dict(CHILD_ENV)
        # Each client its own home: nothing remembered from other runs.
        self.env["HOME"] = self.dir
        self.env["XDG_STATE_HOME"] = os.path.join(self.dir, "state")
        self.env["XDG_CONFIG_HOME"] = os.path.join(self.dir, "config")
        self.env.pop("NO_COLOR", None)
        self.windows = 0

    def run(self, *args, check=True):
        return subprocess.run(["tmux", "-S", self.socket] + list(args),
                              env=self.env, check=check,
                              capture_output=True, text=True)

    def start(self, argv, width=80, height=24, env=None):
        """Starts argv in a new window; returns its target name."""
        name = "w%d" % self.windows
        self.windows += 1
        extra = " ".join("%s=%s" % (k, shlex.quote(v))
                         for k, v in (env or {}).items())
        # AANDESLAG_DISCOVERY=0 again here: the tmux server keeps the
        # environment it started with, and no client may broadcast.
        command = ("env LC_ALL=C.UTF-8 TERM=xterm-256color "
                   "AANDESLAG_DISCOVERY=0 %s %s; "
                   "echo EXIT $?; sleep 600"
                   % (extra, " ".join(shlex.quote(a) for a in argv)))
        if self.windows == 1:
            self.run("-f", "/dev/null", "new-session", "-d", "-s", "t",
                     "-n", name, "-x", str(width), "-y", str(height), command)
            self.run("set-option", "-g", "status", "off")
        else:
            self.run("new-window", "-d", "-t", "t", "-n", name, command)
            self.resize(name, width, height)
        return "t:" + name

    def resize(self, target, width, height):
        target = target if target.startswith("t:") else "t:" + target
        self.run("resize-window", "-t", target, "-x", str(width), "-y",
                 str(height))

    def keys(self, target, *keys):
        self.run("send-keys", "-t", target, *keys)

    def type(self, target, text):
        self.run("send-keys", "-t", target, "-l", text)

    def screen(self, target):
        return self.run("capture-pane", "-p", "-t", target).stdout

    def size(self, target):
        out = self.run("display-message", "-p", "-t", target,
                       "#{pane_width}x#{pane_height}").stdout.strip()
        w, h = out.split("x")
        return int(w), int(h)

    def wait(self, target, pred, what, timeout=None):
        """Waits until pred(screen text) is true; returns the screen."""
        end = time.monotonic() + (DEADLINE if timeout is None else timeout)
        text = ""
        while time.monotonic() < end:
            text = self.screen(target)
            if pred(text):
                return text
            time.sleep(POLL)
        raise TestFailure("timed out waiting for %s on %s; the screen:\n%s"
                          % (what, target, text))

    def wait_text(self, target, needle, timeout=None):
        return self.wait(target, lambda s: needle in s, repr(needle),
                         timeout)

    def log(self):
        """What the clients wrote to their log (stderr while curses owns
        the terminal)."""
        path = os.path.join(self.dir, "state", "aandeslag", "client.log")
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def close(self):
        """Ends the clients; fails when one of them logged a sanitizer
        report."""
        self.run("kill-server", check=False)
        log = self.log()
        shutil.rmtree(self.dir, ignore_errors=True)
        for marker in SANITIZER_MARKERS:
            if marker in log:
                raise TestFailure("a client's log mentions %r:\n%s"
                                  % (marker, log[-4000:]))


def client(*args):
    return [CLIENT_BIN] + list(args)


def with_tmux(fn):
    """Runs test fn(tmux) with a tmux server of its own, closed after."""
    def wrapper():
        if shutil.which("tmux") is None:
            raise AssertionError("tmux is not installed (scripts/deps)")
        tmux = Tmux()
        try:
            fn(tmux)
        finally:
            tmux.close()
    wrapper.__name__ = fn.__name__
    return wrapper
