"""Joining over SSH with nothing installed, end to end: the real
aandeslag-ssh-setup makes the account and the sshd snippet, Debian's real
sshd serves it on 127.0.0.1 (a port of the test's own), and the real ssh
client in a terminal (tmux) accepts the host key by the fingerprint the
setup printed, joins a room, writes a note with diacritics that the chair
receives exactly, and fetches an export with the scp command the client
shows. The account can do nothing else: a shell command, sftp and port
forwarding are refused.

The host is left alone: sshd and the setup run in a mount namespace of
their own (unshare -m) over a copy of /etc, so the account, the snippet
and the host keys exist only there. Traffic stays on 127.0.0.1."""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (CHILD_ENV, CLIENT_BIN, HOST, SERVER_BIN,  # noqa: E402
                     Scope, check, env_hello, frame, free_port, run_tests,
                     wait_until)
from screen import with_tmux  # noqa: E402

SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SETUP = os.path.join(SOURCE, "scripts", "aandeslag-ssh-setup")
SSHD = "/usr/sbin/sshd"
USER = "werksessie"

# Runs in the new mount namespace: /etc becomes a private copy, the setup
# installs into it, and sshd serves from it on the test's port.
DRIVER = r'''
set -eu
t=$1 setup=$2 client=$3 server=$4 port=$5; shift 5
cp -a /etc "$t/etc"
mount --bind "$t/etc" /etc
mkdir -p /run/sshd
ssh-keygen -A >/dev/null
"$setup" --user werksessie --home "$t/home" --client "$client" \
    --server "$server" --no-reload > "$t/setup.out" 2>&1 || {
  cat "$t/setup.out" >&2; exit 1; }
echo READY > "$t/ready"
exec /usr/sbin/sshd -D -e -p "$port" -o ListenAddress=127.0.0.1 \
    -o PidFile="$t/sshd.pid" "$@"
'''


def descendants(pid):
    """The pids of every process below pid, from /proc."""
    parents = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces and parens.
        fields = stat[stat.rindex(")") + 2:].split()
        parents.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def end(proc):
    """SIGTERM, then SIGKILL if it is still there after 5 s."""
    if proc.poll() is None:
        proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def connects(port):
    try:
        socket.create_connection((HOST, port), 1).close()
        return True
    except OSError:
        return False


class SshHost:
    """The setup and sshd in their own mount namespace, and the aandeslag
    server in there too (it finds the account the setup made)."""

    def __init__(self, sc):
        check(os.getuid() == 0,
              "this test must run as root: it runs sshd and makes a mount "
              "namespace for the account it creates")
        check(os.access(SSHD, os.X_OK),
              "sshd is missing: scripts/deps installs openssh-server")
        self.dir = tempfile.mkdtemp(prefix="aandeslag-ssh-")
        # The account's home is inside: it must be able to reach it.
        os.chmod(self.dir, 0o755)
        sc.on_exit(lambda: shutil.rmtree(self.dir, ignore_errors=True))
        self.port = free_port()
        server_port = free_port()
        extra = []
        # sshd hands the account a clean environment; a sanitizer build of
        # the client keeps the harness's options (leak checks off for
        # children, as everywhere in the suite).
        for key in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
            if key in CHILD_ENV:
                extra += ["-o", "SetEnv=%s=%s" % (key, CHILD_ENV[key])]
        # The account runs the client: a copy where it may read it, since
        # the build may sit in a directory only root can enter (/root).
        client = readable_client(self.dir)
        argv = ["unshare", "-m", "--propagation", "private", "sh", "-c",
                DRIVER, "driver", self.dir, SETUP, client,
                "%s:%d" % (HOST, server_port), str(self.port)] + extra
        # Not under the harness's wrapper: valgrind is for our programs.
        self.sshd = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, env=CHILD_ENV)
        sc.on_exit(self.stop)
        wait_until(lambda: os.path.exists(os.path.join(self.dir, "ready"))
                   or self.sshd.poll() is not None,
                   "the setup in the namespace")
        if self.sshd.poll() is not None:
            check(False, "the setup or sshd failed:\n" +
                  self.sshd.stderr.read().decode(errors="replace"))
        with open(os.path.join(self.dir, "setup.out")) as f:
            self.setup_out = f.read()
        self.known_hosts = os.path.join(self.dir, "known_hosts")
        wait_until(lambda: connects(self.port),
                   "sshd listening on port %d" % self.port)
        self.server = sc.server(port=server_port, prefix=[
            "nsenter", "-t", str(self.sshd.pid), "-m", "--"])

    def stop(self):
        # sshd's sessions (and the clients they run as the account) live
        # on after sshd itself: end them first, or the next test's
        # userdel finds the account still in use.
        for pid in descendants(self.sshd.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        end(self.sshd)
        self.sshd.stderr.close()

    def options(self):
        """ssh's options: no user or system config, our own known_hosts."""
        return ["-F", "/dev/null", "-o",
                "UserKnownHostsFile=" + self.known_hosts,
                "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "BatchMode=no"]

    def fingerprint(self):
        m = re.search(r"\d+ (SHA256:[A-Za-z0-9+/]+) .*\(ED25519\)",
                      self.setup_out)
        check(m is not None, "no ED25519 fingerprint in the setup's "
              "output:\n" + self.setup_out)
        return m.group(1)

    def run_ssh(self, *args, timeout=30):
        """ssh without a terminal, the host key already known."""
        argv = (["ssh"] + self.options() +
                ["-o", "StrictHostKeyChecking=yes", "-p", str(self.port),
                 "-T"] + list(args))
        return subprocess.run(argv, capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL,
                              env=CHILD_ENV)


@with_tmux
def test_join_over_ssh(tmux):
    with Scope() as sc:
        host = SshHost(sc)
        srv = host.server
        chair = sc.client(srv.port, "Anna", new_room="Team Zorg")
        code = chair.room_code()
        check("ssh %s@" % USER in host.setup_out, host.setup_out)
        # The server found the account: it says so at the start, and the
        # chair's client and the projector show the line to join with.
        check("Zonder programma (Windows, macOS): ssh %s@127.0.0.1" % USER
              in srv.stdout(), srv.stdout())
        chair.wait_line(lambda l: l == "ssh join: ssh %s@127.0.0.1" % USER,
                        "the ssh join line")
        fingerprint = host.fingerprint()
        chair.wait_line(lambda l: l == "ssh fingerprint: " + fingerprint,
                        "the host key's fingerprint")
        check("Vingerafdruk van de server voor ssh: " + fingerprint
              in srv.stdout(), srv.stdout())
        beamer = tmux.start([CLIENT_BIN, "--host", HOST, "--port",
                             str(srv.port), "--view", code],
                            width=100, height=30)
        tmux.wait_text(beamer, "Zonder programma: ssh %s@127.0.0.1 · %s"
                       % (USER, fingerprint))
        # The colleague's terminal: only ssh, as on a Windows laptop.
        w = tmux.start(["ssh"] + host.options() +
                       ["-p", str(host.port), "%s@127.0.0.1" % USER],
                       width=100, height=30)
        # First contact: ssh asks; the fingerprint from the projector is
        # a valid answer, and only the right one is accepted.
        tmux.wait_text(w, "continue connecting")
        tmux.type(w, fingerprint)
        tmux.keys(w, "Enter")
        # No password: straight to the form, which asks the code (the
        # server is the account's, fixed).
        tmux.wait_text(w, "Naam")
        tmux.type(w, code)
        tmux.keys(w, "Enter")
        tmux.type(w, "Zoë Ünal")
        tmux.keys(w, "Enter")
        screen = tmux.wait_text(w, "Team Zorg")
        check("Stap 1/5" in screen or "Betekenis" in screen, screen)
        chair.wait_line(lambda l: "Zoë Ünal" in l, "Zoë joining")
        # A note with diacritics, typed through ssh, arrives exactly.
        note = "Stage op Curaçao: één week, ’s ochtends café"
        tmux.keys(w, "n")
        time.sleep(0.3)
        tmux.type(w, note)
        tmux.keys(w, "Enter")
        chair.wait_note(note)
        tmux.wait_text(w, "Curaçao")
        # An export waits on the server; the client shows how to fetch it.
        tmux.keys(w, ":")
        time.sleep(0.3)
        tmux.type(w, "export md /etc/poster.md")
        tmux.keys(w, "Enter")
        screen = tmux.wait_text(w, "scp -O")
        # The message wraps on a narrow terminal: read it as one line.
        flat = " ".join(line.strip() for line in screen.split("\n"))
        m = re.search(r"scp -O -P %d %s@127\.0\.0\.1:([a-z0-9]{20}/poster\.md)"
                      r" \." % (host.port, USER), flat)
        check(m is not None, "no fetch command on the screen:\n" + screen)
        check(not os.path.exists(os.path.join(host.dir, "etc",
                                              "poster.md")),
              "the export went where the user's path pointed")
        # Fetch it as the user would, with the real scp.
        dest = sc.tmpdir()
        fetch = subprocess.run(
            ["scp", "-O"] + host.options() +
            ["-o", "StrictHostKeyChecking=yes", "-P", str(host.port),
             "%s@127.0.0.1:%s" % (USER, m.group(1)), dest],
            capture_output=True, text=True, timeout=30,
            stdin=subprocess.DEVNULL, env=CHILD_ENV)
        check(fetch.returncode == 0, "scp failed: " + fetch.stderr)
        with open(os.path.join(dest, "poster.md"), encoding="utf-8") as f:
            text = f.read()
        check(note in text and "Team Zorg" in text, text[:2000])
        # Leaving ends the ssh session.
        tmux.keys(w, "q")
        tmux.wait_text(w, "EXIT 0")


def test_nothing_else():
    with Scope() as sc:
        host = SshHost(sc)
        srv = host.server
        # Trust the host key the setup printed, as the test above does
        # through the prompt.
        scan = subprocess.run(["ssh-keyscan", "-p", str(host.port), "-t",
                               "ed25519", "127.0.0.1"], capture_output=True,
                              text=True, timeout=30)
        with open(host.known_hosts, "w") as f:
            f.write(scan.stdout)
        # A shell command is not run.
        r = host.run_ssh("%s@127.0.0.1" % USER, "id; cat /etc/passwd")
        check(r.returncode != 0 and "root:" not in r.stdout and
              "alleen de werksessie" in r.stderr,
              "a command ran: %r %r" % (r.stdout, r.stderr))
        # Neither is sftp (it could read the host's files).
        r = subprocess.run(["sftp", "-b", "-"] + host.options() +
                           ["-o", "StrictHostKeyChecking=yes", "-P",
                            str(host.port), "%s@127.0.0.1" % USER],
                           input="get /etc/passwd\n", capture_output=True,
                           text=True, timeout=30, env=CHILD_ENV)
        check(r.returncode != 0 and "root:" not in r.stdout,
              "sftp: %r %r" % (r.stdout, r.stderr))
        # scp may fetch a download, never another file.
        dest = sc.tmpdir()
        r = subprocess.run(["scp", "-O"] + host.options() +
                           ["-o", "StrictHostKeyChecking=yes", "-P",
                            str(host.port), "%s@127.0.0.1:/etc/passwd" % USER,
                            dest], capture_output=True, text=True,
                           timeout=30, stdin=subprocess.DEVNULL,
                           env=CHILD_ENV)
        check(r.returncode != 0 and not os.listdir(dest),
              "scp fetched /etc/passwd: %r" % r.stderr)
        # No forwarding: a remote forward is refused at once, and a local
        # one to the aandeslag server gets no further than the listener.
        r = host.run_ssh("-N", "-o", "ExitOnForwardFailure=yes", "-R",
                         "127.0.0.1:%d:127.0.0.1:%d" % (free_port(), srv.port),
                         "%s@127.0.0.1" % USER, timeout=30)
        check(r.returncode != 0, "remote forwarding was allowed: %r"
              % r.stderr)
        local = free_port()
        tunnel = subprocess.Popen(
            ["ssh"] + host.options() +
            ["-o", "StrictHostKeyChecking=yes", "-p", str(host.port), "-N",
             "-L", "127.0.0.1:%d:127.0.0.1:%d" % (local, srv.port),
             "%s@127.0.0.1" % USER], stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=CHILD_ENV)
        try:
            wait_until(lambda: tunnel.poll() is not None or
                       connects(local), "the tunnel's local end")
            check(tunnel.poll() is None, "ssh -L ended early")
            s = socket.create_connection((HOST, local), 5)
            s.settimeout(10)
            s.sendall(frame(env_hello()))
            try:
                answer = s.recv(100)
            except ConnectionResetError:
                answer = b""
            s.close()
            check(answer == b"", "the server answered through the "
                  "tunnel: %r" % answer)
        finally:
            end(tunnel)


def test_account_option():
    with Scope() as sc:
        # Named by the option, where sshd is set up by hand.
        srv = sc.server("--ssh-account", "klas")
        chair = sc.client(srv.port, "Anna", new_room="Team")
        chair.room_code()
        chair.wait_line(lambda l: l == "ssh join: ssh klas@127.0.0.1",
                        "the ssh join line")
        # None: no line (the room code comes first, then nothing).
        srv = sc.server("--ssh-account", "none")
        chair = sc.client(srv.port, "Anna", new_room="Team")
        chair.room_code()
        chair.send("show")
        chair.finish()
        check(not any(l.startswith("ssh join:") for l in chair.lines()),
              "an ssh line without an account:\n" + chair.stdout())
        # A name that is no account name is refused at the start.
        bad = subprocess.run([SERVER_BIN, "--ssh-account", "Juf Anna"],
                             capture_output=True, text=True, timeout=30)
        check(bad.returncode == 2 and "ongeldige waarde" in bad.stderr,
              bad.stderr)


def readable_client(d):
    """A copy of the client in d that an account other than root may run
    (the build may sit under /root)."""
    client = os.path.join(d, "aandeslag")
    shutil.copy2(CLIENT_BIN, client)
    os.chmod(client, 0o755)
    return client


def test_setup_and_remove():
    # What the setup leaves on a host, and that --remove takes it away.
    with Scope() as sc:
        d = sc.tmpdir()
        os.chmod(d, 0o755)
        client = readable_client(d)
        script = r'''
set -e
cp -a /etc "$1/etc" && mount --bind "$1/etc" /etc
"$2" --home "$1/home" --client "$3" --server 10.0.0.5:7600 --max-logins 9 \
    --no-reload > "$1/out"
getent passwd werksessie
getent shadow werksessie | cut -d: -f2 | sed 's/^$/EMPTY/'
cat /etc/ssh/sshd_config.d/aandeslag.conf
cat /etc/security/limits.d/aandeslag-ssh.conf
cat "$1/home/.config/aandeslag/client.conf"
stat -c '%a %U' "$1/home/downloads"
/usr/sbin/sshd -T -C user=werksessie,host=x,addr=127.0.0.1 | \
    grep -Ei '^(forcecommand|permitemptypasswords|disableforwarding|allowtcpforwarding|x11forwarding|permittty) '
/usr/sbin/sshd -T -C user=root,host=x,addr=127.0.0.1 | \
    grep -Ei '^(forcecommand|permitemptypasswords) '
"$2" --remove --no-reload
getent passwd werksessie || echo GONE
ls /etc/ssh/sshd_config.d/ /etc/security/limits.d/
'''
        r = subprocess.run(["unshare", "-m", "--propagation", "private",
                            "sh", "-c", script, "sh", d, SETUP, client],
                           capture_output=True, text=True, timeout=60)
        out = r.stdout
        check(r.returncode == 0, "status %d: %s%s" % (r.returncode, out,
                                                        r.stderr))
        for want in ("werksessie:x:", "aandeslag werksessie (SSH)",
                     "EMPTY", "Match User werksessie",
                     "ForceCommand %s --ssh" % client, "Match all",
                     "werksessie hard maxlogins 9", "server = 10.0.0.5:7600",
                     "700 werksessie",
                     # sshd's own reading: the account is locked in...
                     "forcecommand %s --ssh" % client,
                     "permitemptypasswords yes", "disableforwarding yes",
                     "allowtcpforwarding no", "x11forwarding no",
                     # ...and nobody else is affected.
                     "GONE"):
            check(want in out, "missing %r in:\n%s" % (want, out))
        root = out.split("permitemptypasswords yes")[-1].split("Verwijderd")[0]
        check("forcecommand none" in root and
              "permitemptypasswords no" in root,
              "root's sshd settings changed:\n" + out)
        check("aandeslag.conf" not in out.split("GONE")[1] and
              "aandeslag-ssh.conf" not in out.split("GONE")[1],
              "--remove left files:\n" + out)


def test_setup_refuses():
    # Somebody's real account is never turned into the open one.
    with Scope() as sc:
        d = sc.tmpdir()
        script = ('cp -a /etc "$1/etc" && mount --bind "$1/etc" /etc && '
                  'useradd --no-create-home juf && '
                  'exec "$2" --user juf --client "$3" --no-reload')
        r = subprocess.run(["unshare", "-m", "--propagation", "private",
                            "sh", "-c", script, "sh", d, SETUP, CLIENT_BIN],
                           capture_output=True, text=True, timeout=60)
        check(r.returncode == 1 and "niet van aandeslag" in r.stderr,
              "status %d: %s%s" % (r.returncode, r.stdout, r.stderr))
        r = subprocess.run([SETUP, "--user", "Bad Name"],
                           capture_output=True, text=True, timeout=30)
        check(r.returncode == 1 and "ongeldige accountnaam" in r.stderr,
              r.stderr)


if __name__ == "__main__":
    run_tests([test_join_over_ssh, test_nothing_else, test_account_option,
               test_setup_and_remove, test_setup_refuses])
