"""Network namespaces a test makes for itself: the only way a test may use
addresses other than loopback (a LAN of its own, never the real network).

Every namespace made with add() is deleted by delete_all(), which a test
calls in a finally (and at exit). permitted() says why not when this
process may not make them (not root, or a container that forbids it): the
test is then skipped (exit 77; see tests/skips-allowed)."""

import os
import shutil
import subprocess

from harness import check

TAG = "%d" % os.getpid()

_namespaces = []


def ip(*args):
    """Runs ip(8) with args; fails the test when it fails."""
    p = subprocess.run(["ip"] + list(args), capture_output=True, text=True)
    check(p.returncode == 0, "ip %s failed: %s" % (" ".join(args),
                                                   p.stderr.strip()))


def add(name):
    """Makes namespace name with its loopback up."""
    ip("netns", "add", name)
    _namespaces.append(name)
    ip("-n", name, "link", "set", "lo", "up")


def delete_all():
    """Deletes every namespace add() made, newest first."""
    for ns in reversed(_namespaces):
        subprocess.run(["ip", "netns", "del", ns], capture_output=True)
    del _namespaces[:]


def permitted():
    """None when this process may make a network namespace, else why
    not."""
    if shutil.which("ip") is None:
        return "ip (iproute2) is missing"
    probe = "aandeslag-t-probe-" + TAG
    p = subprocess.run(["ip", "netns", "add", probe], capture_output=True,
                       text=True)
    if p.returncode != 0:
        return "ip netns add is not permitted: " + p.stderr.strip()
    subprocess.run(["ip", "netns", "del", probe], capture_output=True)
    return None


def run_in(ns):
    """The command prefix that runs a program inside ns."""
    return ["ip", "netns", "exec", ns]
