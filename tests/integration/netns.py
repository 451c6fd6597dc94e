"""Network namespaces a test makes for itself: the only way a test may use
addresses other than loopback (a LAN of its own, never the real network).

Every namespace made with add() is deleted by delete_all(), which a test
calls in a finally (and at exit). permitted() says why not when this
process may not make them (not root, or a container that forbids it): the
test is then skipped (exit 77; see tests/skips-allowed)."""

import atexit
import os
import shutil
import signal
import subprocess
import sys

from harness import CLIENT_BIN, Client, Proc, check

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


class NsClient(Client):
    """A line-mode client (harness.Client) run inside namespace ns, to
    host:port."""

    def __init__(self, ns, host, port, env, name, *args):
        Proc.__init__(self, [CLIENT_BIN, "--host", host, "--port",
                             str(port), "--plain", "--name", name]
                      + list(args), "client " + name, env=env,
                      prefix=run_in(ns))
        self.name = name


def veth_pair(a, a_ip, b, b_ip):
    """Joins namespaces a and b (made with add()) by a veth pair, eth0 on
    both sides, with a_ip and b_ip in one /24."""
    ip("-n", a, "link", "add", "eth0", "type", "veth", "peer", "name", "eth0",
       "netns", b)
    for ns, addr in ((a, a_ip), (b, b_ip)):
        ip("-n", ns, "addr", "add", addr + "/24", "dev", "eth0")
        ip("-n", ns, "link", "set", "eth0", "up")


def main(setup, run):
    """The main of a test that needs namespaces of its own: exits 77 (a
    skip) with the reason when they cannot be made; otherwise calls
    setup() to make them and run() to run the tests (run_tests, which
    exits), and deletes every namespace at the end, also when meson's
    timeout ends the test."""
    reason = permitted()
    if reason is not None:
        print("# SKIP: %s; this test needs network namespaces of its own "
              "and never uses the real network" % reason)
        sys.exit(77)
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(1))
    atexit.register(delete_all)
    try:
        setup()
        run()
    finally:
        delete_all()
