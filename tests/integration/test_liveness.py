"""A laptop whose network goes silent while the step's clock runs, on a
LAN of the test's own: the full-screen chair in one network namespace,
the real server in another, joined by a veth pair; never the real
network.

While a clock runs, a client redraws once a second and sends only quiet
Pings (no Pong to wake it between redraws); it relies on its TCP stack to
notice a server that is gone (client/link.c: data left unacknowledged for
the idle timeout fails the connection). This test makes that happen for
real: firewall rules in the server's namespace drop everything from and
to the chair, so no acknowledgement comes back (and no word of the
server's either), as when a laptop drops off the Wi-Fi. The chair must notice within the idle timeout (the quiet Ping's
interval plus the stack's limit, half the timeout each) and come back once
the rule is gone; before that, the quiet Pings must have kept the server hearing the
chair for longer than its idle timeout.

Without permission for ip netns (not root, or a container that forbids
it) the test is skipped (exit 77; see tests/skips-allowed); a missing nft
is a broken setup (scripts/deps installs it) and fails."""

import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import netns  # noqa: E402
from harness import Scope, check, run_tests  # noqa: E402
from screen import client, with_tmux  # noqa: E402

TAG = "%d" % os.getpid()
CLI = "aandeslag-live-cli-" + TAG
SRV = "aandeslag-live-srv-" + TAG
SRV_IP = "10.78.0.10"
CLI_IP = "10.78.0.2"
PORT = 7557
# Over 6 s, so that the heartbeat's own timer (a sixth of it) never fires
# between the clock's ticks: the ticks alone must do the work.
IDLE_S = 7
FP_RE = re.compile(r"^tls fingerprint: (\S+) sha256:")
CODE_RE = re.compile(r"\b([2-9A-Z]{4}-[2-9A-Z]{4})\b")
CLOCK_RE = re.compile(r"\b19:[0-5]\d\b")

# The rule that silences the chair's laptop, in the server's namespace.
SILENCE = """table inet aandeslag_live {
  chain input {
    type filter hook input priority 0; policy accept;
    ip saddr %s drop
  }
  chain output {
    type filter hook output priority 0; policy accept;
    ip daddr %s drop
  }
}
""" % (CLI_IP, CLI_IP)


def make_lan():
    """Two namespaces and a veth pair between them."""
    netns.add(CLI)
    netns.add(SRV)
    netns.veth_pair(SRV, SRV_IP, CLI, CLI_IP)


def nft(*args, stdin=None):
    p = subprocess.run(netns.run_in(SRV) + ["nft"] + list(args), input=stdin,
                       capture_output=True, text=True)
    check(p.returncode == 0, "nft %s failed: %s" % (" ".join(args),
                                                    p.stderr.strip()))


def test_tools():
    check(shutil.which("nft") is not None,
          "nft is missing (Debian package nftables, see scripts/deps): "
          "it silences the chair's laptop")


@with_tmux
def test_silent_network_noticed_while_the_clock_runs(tmux):
    with Scope() as sc:
        srv = sc.server("--idle-timeout", str(IDLE_S), host=SRV_IP,
                        port=PORT, prefix=netns.run_in(SRV))
        fp = FP_RE.match(srv.wait_line(lambda l: FP_RE.match(l) is not None,
                                       "the tls fingerprint")).group(1)
        chair = tmux.start(netns.run_in(CLI) + client(
            "--host", SRV_IP, "--port", str(PORT), "--fingerprint", fp,
            "--name", "Anna", "--new-room", "Wifi"), width=100)
        screen = tmux.wait_text(chair, "Stap 1/5")
        code = CODE_RE.search(screen).group(1)
        carla = netns.NsClient(SRV, SRV_IP, PORT, sc.client_env(), "Carla",
                               "--room", code, "--fingerprint", fp)
        sc.procs.append(carla)
        carla.room_code()
        tmux.keys(chair, "Space")
        tmux.wait(chair, lambda s: CLOCK_RE.search(s) is not None,
                  "the clock running")
        # Twice the idle timeout with nothing to say: the quiet Pings
        # keep the server hearing the chair.
        time.sleep(2 * IDLE_S + 1)
        check(not any("Anna is niet meer verbonden" in l
                      for l in carla.lines()),
              "the server lost the chair: " + carla.describe())
        check("opnieuw verbinden" not in tmux.screen(chair),
              tmux.screen(chair))
        # The laptop drops off the network: nothing it sends is
        # acknowledged and nothing reaches it. Only its TCP stack can tell
        # (the server has nothing to say, the chair awaits no answer, and
        # the server's goodbye when it gives up on the chair is lost).
        start = time.monotonic()
        nft("-f", "-", stdin=SILENCE)
        tmux.wait_text(chair, "opnieuw verbinden", timeout=30)
        noticed = time.monotonic() - start
        # The next quiet Ping goes out at most IDLE_S / 2 after the drop,
        # and the stack gives up IDLE_S / 2 after that one, so within the
        # idle timeout, as when Pongs are awaited; a tick and some slack
        # on top.
        check(noticed <= IDLE_S + 3, "noticed after %.1f s" % noticed)
        print("# noticed after %.1f s" % noticed)
        # The server takes the silent chair for gone as well.
        carla.wait_line(lambda l: "Anna is niet meer verbonden" in l,
                        "Anna away", timeout=30)
        nft("delete", "table", "inet", "aandeslag_live")
        tmux.wait_text(chair, "Weer verbonden", timeout=30)
        carla.wait_line(lambda l: "Anna is weer verbonden" in l,
                        "Anna back", timeout=30)
        # The clock goes on.
        first = CLOCK_RE.search(tmux.wait(chair, CLOCK_RE.search, "the time"))
        tmux.wait(chair, lambda s: CLOCK_RE.search(s) is not None and
                  CLOCK_RE.search(s).group(0) != first.group(0),
                  "the clock running on after the reconnect")
        check(carla.finish() == 0, carla.describe())


def main():
    netns.main(make_lan, lambda: run_tests(
        [test_tools, test_silent_network_noticed_while_the_clock_runs]))


if __name__ == "__main__":
    main()
