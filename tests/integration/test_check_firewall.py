"""aandeslag --check against a port that a firewall really silences: in a
network namespace of the test's own (unshare -n) with only loopback up,
an nftables rule drops every TCP packet to the port, so the connection
attempt gets no answer at all, as behind a server's firewall or on a
Wi-Fi network that isolates its clients. The check must give up after
--timeout with exit code 1 and the Dutch explanation of a blocked port.

No packet leaves the namespace: it has no interface but its own lo, and
the rule and the namespace go when the command ends. The test exits 77
(meson's skip) only where there are no network namespaces (not Linux,
not root, or a kernel or container that refuses one); a missing nft or
ip is a broken setup (scripts/deps installs them) and fails."""

import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import HOST, check, run_tests  # noqa: E402
from test_check import expect, run_check  # noqa: E402

# Any port: nothing listens inside the fresh namespace. Without the rule
# the port would refuse at once; with it, it stays silent.
PORT = 7557
TIMEOUT = 2

# Inside the namespace: loopback up, the drop rule, then the client.
NAMESPACE_SCRIPT = r'''
set -e
ip link set lo up
nft -f - <<RULES
table inet aandeslag_test {
  chain input {
    type filter hook input priority 0; policy accept;
    tcp dport $1 drop
  }
}
RULES
shift
exec "$@"
'''


def namespaces_permitted():
    """True when this process may make a network namespace."""
    if shutil.which("unshare") is None:
        return True     # fails below with its own message
    p = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    return p.returncode == 0


def in_namespace(port):
    """The prefix that runs a command in a new network namespace with lo
    up and TCP port port dropped."""
    return ["unshare", "-n", "sh", "-c", NAMESPACE_SCRIPT, "sh", str(port)]


def test_tools():
    check(shutil.which("unshare") is not None,
          "unshare (util-linux) is missing: it makes the namespace")
    check(shutil.which("ip") is not None,
          "ip (iproute2) is missing: it brings the namespace's lo up")
    check(shutil.which("nft") is not None,
          "nft is missing (Debian package nftables, see scripts/deps): "
          "it sets the rule that silences the port")


def test_refused_without_rule():
    """The control: in a namespace without the rule the same port
    refuses at once, so the silence below is the rule's doing."""
    prefix = ["unshare", "-n", "sh", "-c",
              'ip link set lo up && exec "$@"', "sh"]
    rc, out = run_check(["--timeout", str(TIMEOUT),
                         "%s:%d" % (HOST, PORT)], prefix=prefix)
    expect(rc, out, 1, "Er luistert niets op poort %d" % PORT)


def test_dropped_port():
    start = time.monotonic()
    rc, out = run_check(["--timeout", str(TIMEOUT), "%s:%d" % (HOST, PORT)],
                        prefix=in_namespace(PORT))
    took = time.monotonic() - start
    expect(rc, out, 1,
           "Server: %s poort %d (opgegeven)" % (HOST, PORT),
           "1. De naam %s opzoeken: in orde" % HOST,
           "2. Verbinden met %s poort %d: MISLUKT" % (HOST, PORT),
           "Geen antwoord van %s op poort %d" % (HOST, PORT),
           "firewall",
           "wifi-netwerk (vaak een gastnetwerk) dat laptops van elkaar "
           "afschermt",
           "Vraag IT om TCP-poort %d naar de server open te zetten" % PORT)
    check("Er luistert niets" not in out,
          "the port refused instead of staying silent:\n" + out)
    check("3. " not in out, "went on after a failed step:\n" + out)
    # It waited for its --timeout, not for the kernel's own (minutes).
    check(took >= TIMEOUT - 0.2, "gave up after %.1f s, before its "
          "--timeout of %d s:\n%s" % (took, TIMEOUT, out))


if __name__ == "__main__":
    if (not sys.platform.startswith("linux") or os.getuid() != 0
            or not namespaces_permitted()):
        print("SKIP: no network namespace of its own here (not Linux, "
              "not root, or unshare -n refused); the blocked port needs one")
        sys.exit(77)
    run_tests([test_tools, test_refused_without_rule, test_dropped_port])
