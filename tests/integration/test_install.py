"""The installation: meson install of this build into a temporary DESTDIR
(no rebuild) puts the programs, the content, the manual pages, the
server's config file, the systemd unit, the sysusers.d file and the SSH
setup where they belong; the installed programs say their version and
their options; the installed server.conf is read without complaint with
every key uncommented; the unit passes systemd-analyze verify where that
exists; and the manual pages name every option --help names and format
without warnings."""

import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (CHILD_ENV, Scope, check, run_tests,  # noqa: E402
                     tail)

BUILD_ROOT = os.environ.get("AANDESLAG_BUILD_ROOT", "")
VERSION = os.environ.get("AANDESLAG_VERSION", "")
SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))


def meson_command():
    found = shutil.which("meson")
    return [found] if found else [sys.executable, "-m", "mesonbuild.mesonmain"]


class Installed:
    """The files of one meson install into a temporary DESTDIR."""

    def __init__(self, sc):
        check(BUILD_ROOT and os.path.isdir(BUILD_ROOT),
              "AANDESLAG_BUILD_ROOT is not a build directory: %r"
              % BUILD_ROOT)
        self.root = sc.tmpdir()
        p = subprocess.run(meson_command() + [
            "install", "-C", BUILD_ROOT, "--destdir", self.root,
            "--no-rebuild", "--quiet"], capture_output=True, text=True,
            timeout=120)
        check(p.returncode == 0, "meson install failed:\n%s%s"
              % (p.stdout, p.stderr))
        self.files = []
        for d, _, names in os.walk(self.root):
            self.files += [os.path.join(d, n) for n in names]

    def find(self, suffix):
        """The one installed file whose path ends in suffix."""
        found = [f for f in self.files if f.endswith("/" + suffix)]
        check(len(found) == 1, "%s: installed %d times: %r\nall: %s"
              % (suffix, len(found), found, "\n".join(sorted(self.files))))
        return found[0]


def run(argv, **kw):
    return subprocess.run(argv, capture_output=True, text=True,
                          env=CHILD_ENV, timeout=60, **kw)


def test_installed_files():
    with Scope() as sc:
        inst = Installed(sc)
        server = inst.find("bin/aandeslag-server")
        client = inst.find("bin/aandeslag")
        setup = inst.find("sbin/aandeslag-ssh-setup")
        for path in (server, client, setup):
            check(os.access(path, os.X_OK), "not executable: " + path)
        inst.find("share/aandeslag/content.yaml")
        inst.find("share/aandeslag/ssh/aandeslag-sshd.conf")
        inst.find("share/man/man1/aandeslag.1")
        inst.find("share/man/man1/aandeslag-server.1")
        inst.find("share/man/man8/aandeslag-ssh-setup.8")
        conf = inst.find("etc/aandeslag/server.conf")
        unit = inst.find("systemd/system/aandeslag-server.service")
        inst.find("sysusers.d/aandeslag.conf")

        # The installed programs run and say what they are.
        p = run([server, "--version"])
        check(p.returncode == 0 and
              p.stdout == "aandeslag-server %s\n" % VERSION,
              "server --version: %s %r %r" % (p.returncode, p.stdout,
                                              p.stderr))
        p = run([client, "--version"])
        check(p.returncode == 0 and p.stdout == "aandeslag %s\n" % VERSION,
              "client --version: %s %r %r" % (p.returncode, p.stdout,
                                              p.stderr))
        for prog in (server, client):
            p = run([prog, "--help"])
            check(p.returncode == 0 and "--version" in p.stdout,
                  "%s --help: %s\n%s" % (prog, p.returncode, p.stderr))
        p = run(["sh", setup, "--help"])
        check(p.returncode == 0 and "--remove" in p.stdout, p.stderr)

        # The installed server's --help names its config file, which the
        # install put there (below DESTDIR).
        p = run([server, "--help"])
        m = re.search(r"(/\S+/aandeslag/server\.conf)", p.stdout)
        check(m is not None, "no config file in --help:\n" + p.stdout)
        check(conf == inst.root + m.group(1),
              "installed %s, the server reads %s" % (conf, m.group(1)))

        # The unit starts the installed server.
        with open(unit) as f:
            text = f.read()
        m = re.search(r"^ExecStart=(\S+)", text, re.M)
        check(m and inst.root + m.group(1) == server,
              "ExecStart=%s, installed %s" % (m and m.group(1), server))
        check(re.search(r"^User=aandeslag$", text, re.M), text)
        with open(inst.find("sysusers.d/aandeslag.conf")) as f:
            check(re.search(r"^u aandeslag ", f.read(), re.M),
                  "no user aandeslag in the sysusers.d file")


def test_installed_config_is_read():
    with Scope() as sc:
        inst = Installed(sc)
        conf = inst.find("etc/aandeslag/server.conf")
        with open(conf) as f:
            text = f.read()
        keys = re.findall(r"^#([a-z-]+) = (.*)$", text, re.M)
        names = [k for k, _ in keys]
        check(len(names) == len(set(names)) == 31,
              "%d keys (%d different) in server.conf, not 31: %r"
              % (len(names), len(set(names)), names))
        # Every key uncommented: the file is read without complaint (by
        # the server of the build, which is the one installed). The
        # command line then points it at this test's address, data and
        # content, and off the example certificate.
        uncommented = os.path.join(sc.tmpdir(), "server.conf")
        with open(uncommented, "w") as f:
            f.write(re.sub(r"^#([a-z-]+ = )", r"\1", text, flags=re.M))
        srv = sc.server("--config", uncommented, "--tls", "off",
                        "--ssh-account", "none", "--content",
                        os.path.join(SOURCE_ROOT, "data", "content.yaml"))
        check(srv.alive(), tail(srv.stderr()))
        check("tls: off" in srv.lines(), srv.stdout())


def test_unit_verifies():
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        print("# systemd-analyze is missing: the unit is not verified")
        return
    with Scope() as sc:
        inst = Installed(sc)
        unit = inst.find("systemd/system/aandeslag-server.service")
        server = inst.find("bin/aandeslag-server")
        # The unit as it would be after the install, pointing at the
        # program and the manual page below DESTDIR.
        d = sc.tmpdir()
        with open(unit) as f:
            text = re.sub(r"^ExecStart=\S+", "ExecStart=" + server,
                          f.read(), flags=re.M)
        copy = os.path.join(d, "aandeslag-server.service")
        with open(copy, "w") as f:
            f.write(text)
        man = os.path.dirname(os.path.dirname(
            inst.find("share/man/man1/aandeslag-server.1")))
        env = dict(CHILD_ENV, MANPATH=man)
        p = subprocess.run([analyze, "verify", copy], capture_output=True,
                           text=True, env=env, timeout=60)
        check(p.returncode == 0 and p.stderr.strip() == "",
              "systemd-analyze verify: %s\n%s%s" % (p.returncode, p.stdout,
                                                    p.stderr))


def options_in_help(prog):
    p = run([prog, "--help"])
    return sorted(set(re.findall(r"(--[a-z][a-z-]*)", p.stdout)))


def test_manual_pages():
    with Scope() as sc:
        inst = Installed(sc)
        for name in ("aandeslag", "aandeslag-server"):
            page = inst.find("share/man/man1/%s.1" % name)
            with open(page) as f:
                text = f.read().replace("\\-", "-")
            check(re.search(r'^\.TH %s 1 \S+ "aandeslag %s"'
                            % (name.upper(), re.escape(VERSION)), text,
                            re.M),
                  "%s: .TH without version %s" % (page, VERSION))
            # Every option --help names is in the manual page.
            prog = inst.find("bin/" + name)
            missing = [o for o in options_in_help(prog)
                       if not re.search(re.escape(o) + r"\b(?!-)", text)]
            check(not missing, "%s lacks %s" % (page, ", ".join(missing)))
            if shutil.which("groff"):
                p = run(["groff", "-man", "-Tutf8", "-ww", "-z", page])
                check(p.returncode == 0 and p.stderr == "",
                      "groff: %s" % p.stderr)
            if shutil.which("mandoc"):
                p = run(["mandoc", "-Tlint", "-W", "all", page])
                check(p.returncode == 0 and p.stdout + p.stderr == "",
                      "mandoc: %s%s" % (p.stdout, p.stderr))


if __name__ == "__main__":
    for tool in ("groff", "mandoc"):
        if shutil.which(tool) is None:
            print("# %s is missing: the manual pages are not checked with it"
                  % tool)
    run_tests([test_installed_files, test_installed_config_is_read,
               test_unit_verifies, test_manual_pages])
