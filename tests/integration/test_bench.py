"""A smoke run of the load generator (bench/, aandeslag-bench), to keep it
working: not a timed test, so nothing here bounds a latency or a rate.

A tiny load (2 rooms of 3 members, 5 commands a second each, half a
second of warm-up and one measured second) against a real server on
127.0.0.1 and against a redis-server the test starts on a free port of
127.0.0.1; every command must be answered and reach every member. Then
three finished rooms are made with `populate`, the server is stopped,
and `recover` starts it again on the same data and finds all three.
Last, `run` against a port where nothing listens must fail and say why.

The generator runs like every other program of the suite, under
AANDESLAG_WRAPPER when one is given (valgrind in scripts/test), and so
does the server that `recover` starts. Redis is not ours and runs bare.

The test is registered only when hiredis built the generator
(tests/meson.build); scripts/deps installs redis-server with hiredis,
so a missing redis-server is a broken setup and fails the test instead
of skipping the Redis half unseen."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (DEADLINE, HOST, SERVER_BIN, WRAPPER, Scope,  # noqa: E402
                     SANITIZER_MARKERS, check, closed_port, free_port,
                     run_tests, tail, wait_until)

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
BENCH_BIN = (os.environ.get("AANDESLAG_BENCH_BIN")
             or os.path.join(_ROOT, "build", "bench", "aandeslag-bench"))

ROOMS, MEMBERS, RATE = 2, 3, 5
# The load's own time: set-up, warm-up, the measured second and the
# generator's two seconds to drain; the deadline comes on top of it.
RUN_ARGS = ["--rooms", str(ROOMS), "--members", str(MEMBERS),
            "--rate", str(RATE), "--warmup", "0.5", "--seconds", "1"]
RUN_TIME = 5


def bench(sc, *args):
    """Starts aandeslag-bench with args, ended with the scope."""
    return sc.proc([BENCH_BIN] + list(args), "aandeslag-bench")


def finished(p, timeout=None):
    """Waits for the generator to exit; returns (status, its key=value
    output as a dict)."""
    rc = p.wait_exit(DEADLINE + RUN_TIME if timeout is None else timeout)
    out = {}
    for line in p.lines():
        key, sep, value = line.partition("=")
        if sep:
            out[key] = value
    return rc, out


def describe(p):
    return "  stdout:\n%s\n  stderr:\n%s" % (tail(p.stdout(), 60),
                                              tail(p.stderr(), 30))


def number(out, key, p):
    check(key in out, "no %s= in the output\n%s" % (key, describe(p)))
    try:
        return float(out[key])
    except ValueError:
        raise AssertionError("%s=%r is not a number\n%s"
                             % (key, out[key], describe(p)))


def check_run(p, with_server):
    """The figures of a run that went well: everything sent was answered
    and reached every member of its room; no latency is judged."""
    rc, out = finished(p)
    check(rc == 0, "aandeslag-bench run exited with %s\n%s"
          % (rc, describe(p)))
    n = lambda key: number(out, key, p)  # noqa: E731
    sent = n("sent")
    check(sent > 0, "nothing sent\n" + describe(p))
    for key in ("acked", "fanouts"):
        check(n(key) == sent, "%s=%s, sent=%s\n%s"
              % (key, out[key], out["sent"], describe(p)))
    for key in ("lost", "errors", "refused"):
        check(n(key) == 0, "%s=%s\n%s" % (key, out[key], describe(p)))
    check(n("deliveries") == sent * MEMBERS,
          "deliveries=%s, not sent (%s) x %d members\n%s"
          % (out["deliveries"], out["sent"], MEMBERS, describe(p)))
    check(n("fanout_samples") == n("fanouts"),
          "fanout_samples=%s, fanouts=%s\n%s"
          % (out["fanout_samples"], out["fanouts"], describe(p)))
    check(n("ack_p50_us") > 0, "ack_p50_us=%s\n%s"
          % (out["ack_p50_us"], describe(p)))
    if with_server:
        n("server_rss_per_client_kib")
    return out


def test_run_against_our_server():
    with Scope() as sc:
        srv = sc.server()
        p = bench(sc, "run", "--port", str(srv.port),
                  "--server-pid", str(srv.pid), *RUN_ARGS)
        out = check_run(p, with_server=True)
        check(out.get("mode") == "aandeslag", "mode=%r" % out.get("mode"))
        check(out.get("clients") == str(ROOMS * MEMBERS),
              "clients=%r" % out.get("clients"))
        check(out.get("tls") == "off", "tls=%r" % out.get("tls"))


def test_run_with_tls():
    """Members that speak TLS as our clients do: the same deliveries."""
    with Scope() as sc:
        srv = sc.server()
        p = bench(sc, "run", "--tls", "--port", str(srv.port),
                  "--server-pid", str(srv.pid), *RUN_ARGS)
        out = check_run(p, with_server=True)
        check(out.get("tls") == "on", "tls=%r" % out.get("tls"))


def redis_pong(port):
    try:
        with socket.create_connection((HOST, port), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def start_redis(sc):
    """A redis-server of the test's own on a free port of 127.0.0.1, no
    persistence, stopped with the scope. Returns its port."""
    redis = shutil.which("redis-server")
    check(redis is not None, "redis-server is not installed (scripts/deps "
          "installs it with libhiredis-dev, which built aandeslag-bench)")
    workdir = tempfile.mkdtemp(prefix="aandeslag-redis-")
    log = open(os.path.join(workdir, "log"), "w+b")
    port = free_port()
    p = subprocess.Popen(
        [redis, "--port", str(port), "--bind", HOST, "--save", "",
         "--appendonly", "no", "--protected-mode", "no",
         "--daemonize", "no", "--dir", workdir],
        stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
        cwd=workdir, close_fds=True)

    def stop():
        if p.poll() is None:
            p.terminate()
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        log.close()
        shutil.rmtree(workdir, ignore_errors=True)
    sc.on_exit(stop)

    def up():
        if p.poll() is not None:
            log.seek(0)
            raise AssertionError("redis-server exited with %s:\n%s"
                                 % (p.returncode,
                                    tail(log.read().decode(errors="replace"))))
        return redis_pong(port)
    wait_until(up, "redis-server answering PING on port %d" % port)
    return port


def test_run_against_redis():
    with Scope() as sc:
        port = start_redis(sc)
        p = bench(sc, "run", "--mode", "redis", "--port", str(port),
                  *RUN_ARGS)
        out = check_run(p, with_server=False)
        check(out.get("mode") == "redis", "mode=%r" % out.get("mode"))


def test_populate_and_recover():
    with Scope() as sc:
        srv = sc.server()
        codes = os.path.join(sc.tmpdir(), "codes")
        p = bench(sc, "populate", "--port", str(srv.port), "--rooms", "3",
                  "--notes", "2", "--codes", codes)
        rc, out = finished(p, DEADLINE)
        check(rc == 0, "populate exited with %s\n%s" % (rc, describe(p)))
        check(out.get("populated_rooms") == "3" and out.get("failed") == "0",
              "populate:\n" + describe(p))
        with open(codes) as f:
            lines = [l for l in f.read().split("\n") if l]
        check(len(lines) == 3, "codes file: %r" % lines)
        problems = srv.stop()
        check(not problems, "\n".join(problems))

        # The same server on the same data and port, started by the
        # generator (under the wrapper, as the harness starts servers).
        server_argv = WRAPPER + [
            SERVER_BIN, "--no-config", "--listen", HOST,
            "--port", str(srv.port), "--data", srv.data,
            "--sync", "normal"]
        p = bench(sc, "recover", "--port", str(srv.port), "--codes", codes,
                  "--", *server_argv)
        rc, out = finished(p)
        check(rc == 0, "recover exited with %s\n%s" % (rc, describe(p)))
        check(out.get("served") == "3" and out.get("failed") == "0",
              "recover:\n" + describe(p))
        number(out, "first_snapshot_ms", p)
        # The server's stderr is the generator's: it stopped cleanly
        # (SIGTERM, exit 0) and no checker spoke.
        err = p.stderr()
        check("the server ended" not in err, "recover:\n" + describe(p))
        for m in SANITIZER_MARKERS:
            check(m not in err, "recover: %r\n%s" % (m, describe(p)))


def test_run_without_server_fails():
    """Nothing listens: the generator must end, non-zero, saying so, for
    either transport (hiredis 0.14's libuv adapter drops a refused
    connect without a callback; the generator must not hang or print
    figures then either)."""
    for mode in ("aandeslag", "redis"):
        with Scope() as sc:
            s, port = closed_port()
            sc.sock(s)
            p = bench(sc, "run", "--mode", mode, "--port", str(port),
                      *RUN_ARGS)
            rc, out = finished(p)
            check(rc not in (0, None), "%s: run without a server exited "
                  "with %s\n%s" % (mode, rc, describe(p)))
            check("aandeslag-bench: cannot connect" in p.stderr(),
                  "%s: no reason on stderr\n%s" % (mode, describe(p)))
            check("sent" not in out, "%s: figures printed after a failure"
                  "\n%s" % (mode, describe(p)))


if __name__ == "__main__":
    check(os.access(BENCH_BIN, os.X_OK),
          "not an executable: %s" % BENCH_BIN)
    run_tests([test_run_against_our_server, test_run_with_tls,
               test_run_against_redis,
               test_populate_and_recover, test_run_without_server_fails])
