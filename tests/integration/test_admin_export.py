"""aandeslag-server export: the administrator writes a stored room out on
the server host, with the same renderers the client uses. A room is made
by real line-mode clients on 127.0.0.1; then each format is exported by
the administrator while the server runs, after it stopped, and after it
was started again, parsed with a real parser (csv with ';' and a byte
order mark, json, Debian's python3-icalendar and python3-markdown), and
compared with what the chair's own client exported of the same room.

What may differ, and only that:
- iCalendar: the DTSTAMP line, the moment the file was made;
- JSON: the remaining time of a clock that runs, taken at another moment
  (by the client when it exported; by the administrator when storage last
  heard from the server, which it does every second while a clock runs).
Everything else is byte for byte the same."""

import csv
import datetime
import io
import json
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (CHILD_ENV, SANITIZER_MARKERS, SERVER_BIN,  # noqa: E402
                     VALGRIND_ERRORS, WRAPPER, Scope, check, run_tests, tail,
                     wait_until)

FORMATS = ("csv", "ics", "json", "md")
BACK = "weer verbonden"

ANNA = [
    "set programme Zorg & Welzijn",
    "set follow-up 2027-06-01",
    'note Wat "internationaal" voor ons betekent; met één | pijp',
    "goto 2",
    "note [klik](http://x) *vet* <b>nee</b>",
    "question Wat vinden de studenten ervan?",
    "goto 3",
    "vote open-houding",
    "mark open-houding",
    "goto 4",
    "activity add --from stage-buitenland --abroad --for open-houding",
    "goto 5",
    "action add --activity 1 --owner me --when 2027-03-15 --needs tijd "
    "Stage in Gent; met één collega",
    'action add --team --when 2027-05 Brochure "Europa" maken',
    'action add --when "periode 2" =HYPERLINK("http://x")',
    "action add Zonder datum, dus niet in de agenda",
]
BRAM = [
    "vote open-houding",
    "note --step 1 Bram zijn notitie",
    "action add --owner me --when 2027-04-01 Gastles Engels",
]


def run_export(*args):
    """Runs aandeslag-server export with args; returns the completed
    process (stdout as bytes), having checked that no sanitizer or
    valgrind complained."""
    p = subprocess.run(WRAPPER + [SERVER_BIN, "export"] + list(args),
                       capture_output=True, env=CHILD_ENV, timeout=120)
    err = p.stderr.decode("utf-8", "replace")
    found = [m for m in SANITIZER_MARKERS if m in err]
    if VALGRIND_ERRORS.search(err):
        found.append(VALGRIND_ERRORS.search(err).group(0))
    check(not found, "export %r: %s\n%s" % (args, found, tail(err, 40)))
    return p


def admin(data, code, fmt, *extra):
    """The administrator's export of one format on stdout."""
    p = run_export("--data", data, "--room", code, "--format", fmt, *extra)
    check(p.returncode == 0, "export %s exited %d:\n%s" % (
        fmt, p.returncode, p.stderr.decode("utf-8", "replace")))
    check(p.stderr == b"", "export %s said: %s" % (fmt, p.stderr))
    return p.stdout


def client_export(sc, c, fmt):
    """The client's own export of one format."""
    path = os.path.join(sc.tmpdir(), "poster." + fmt)
    c.send("export %s %s" % (fmt, path))
    wait_until(lambda: os.path.exists(path) or c.errors(),
               "%s: %s written" % (c.label, fmt))
    check(not c.errors(), "\n".join(c.errors()))
    with open(path, "rb") as f:
        return f.read()


def make_room(sc):
    """A room with notes in two steps, an own question, votes, a marked
    competence, an activity and actions, and the clock of step 5
    running; returns (server, anna, bram, code)."""
    srv = sc.server()
    anna = sc.client(srv.port, "Anna", new_room='Team "Zorg" <periode 2>')
    code = anna.room_code()
    bram = sc.client(srv.port, "Bram", room=code)
    bram.room_code()
    anna.send(*ANNA)
    anna.send("note SYNC-A")
    bram.wait_note("SYNC-A")
    bram.send(*BRAM)
    bram.send("note SYNC-B")
    anna.wait_note("SYNC-B")
    anna.send("start")
    anna.send("note SYNC-C")
    for c in (anna, bram):
        c.wait_note("SYNC-C")
        check(not c.errors(), "%s:\n%s" % (c.label, "\n".join(c.errors())))
    return srv, anna, bram, code


RUNNING_RE = re.compile(rb'("clock":\{"state":"running","remaining_ms":)'
                        rb'(-?\d+)')


def running_clock(data):
    """The JSON export with the running clock's remaining time taken out,
    and that time (one clock runs)."""
    found = RUNNING_RE.findall(data)
    check(len(found) == 1, "%d running clocks in %r" % (len(found), data))
    return RUNNING_RE.sub(rb"\1?", data), int(found[0][1])


def without_dtstamp(data):
    """An iCalendar file without its DTSTAMP lines, and their values."""
    lines = data.split(b"\r\n")
    stamps = [l[len(b"DTSTAMP:"):] for l in lines if l.startswith(b"DTSTAMP:")]
    return b"\r\n".join(l for l in lines if not l.startswith(b"DTSTAMP:")), \
        stamps


def parse_csv(data):
    check(data.startswith(b"\xef\xbb\xbf"), "no byte order mark")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"),
                                       newline=""), delimiter=";"))


def parse_ics(data):
    try:
        import icalendar
    except ImportError:
        raise AssertionError("python3-icalendar is not installed "
                             "(scripts/deps)")
    return icalendar.Calendar.from_ical(data)


def parse_md(data):
    try:
        import markdown
    except ImportError:
        raise AssertionError("python3-markdown is not installed "
                             "(scripts/deps)")
    return markdown.markdown(data.decode("utf-8"), extensions=["tables"])


def check_parsed(out):
    """Reads each format with its parser and checks what the room
    holds."""
    rows = parse_csv(out["csv"])
    check(rows[0][:3] == ["nr", "actie", "wie"], "header %r" % rows[0])
    check(len(rows) == 1 + 5, "%d rows" % len(rows))
    check(rows[1][1] == "Stage in Gent; met één collega", rows[1][1])
    check("Anna" in rows[1][2], rows[1][2])
    check(rows[3][1].startswith("'="), "a formula left live: %r" % rows[3])
    cal = parse_ics(out["ics"])
    starts = sorted(e.decoded("dtstart") for e in cal.walk("VEVENT"))
    check(starts == [datetime.date(2027, 3, 15), datetime.date(2027, 4, 1),
                     datetime.date(2027, 5, 1)], "events on %r" % starts)
    room = json.loads(out["json"].decode("utf-8"))
    check(room["title"] == 'Team "Zorg" <periode 2>', room["title"])
    check([p["name"] for p in room["participants"]] == ["Anna", "Bram"],
          room["participants"])
    check(room["settings"]["programme"] == "Zorg & Welzijn",
          room["settings"])
    check(room["marked"] == ["open-houding"], room["marked"])
    check(room["votes"][0]["dots"] == 2, room["votes"])
    check(len(room["activities"]) == 1, room["activities"])
    check(room["actions"][0]["activity_id"] == 1, room["actions"][0])
    check(room["steps"][4]["clock"]["state"] == "running", room["steps"][4])
    html = parse_md(out["md"])
    check("<a " not in html and "<em>" not in html and "<b>" not in html,
          "a note became markup:\n" + html)
    check("[klik](http://x) *vet* &lt;b&gt;nee&lt;/b&gt;" in html,
          "a note not shown as typed:\n" + html)
    check(html.count("<tr>") == 1 + 5, "%d table rows" % html.count("<tr>"))


def compare(theirs, mine, when):
    """Compares the administrator's export (mine) with the client's
    (theirs): CSV and Markdown byte for byte, iCalendar but for DTSTAMP,
    JSON but for the running clock's remaining time. Returns the two
    remaining times (client, administrator)."""
    for fmt in ("csv", "md"):
        check(mine[fmt] == theirs[fmt], "%s %s differs:\n%r\n%r" % (
            when, fmt, mine[fmt], theirs[fmt]))
    a, stamps_a = without_dtstamp(mine["ics"])
    b, _ = without_dtstamp(theirs["ics"])
    check(a == b, "%s ics differs:\n%r\n%r" % (when, a, b))
    check(len(stamps_a) == 3, "DTSTAMPs %r" % stamps_a)
    a, left_a = running_clock(mine["json"])
    b, left_b = running_clock(theirs["json"])
    check(a == b, "%s json differs:\n%r\n%r" % (when, a, b))
    return left_b, left_a


def check_dtstamps(data, before, after):
    """Every DTSTAMP is the moment of the export, in UTC."""
    _, stamps = without_dtstamp(data)
    for s in stamps:
        t = datetime.datetime.strptime(s.decode(), "%Y%m%dT%H%M%SZ")
        t = t.replace(tzinfo=datetime.timezone.utc).timestamp()
        check(before - 1 <= t <= after + 1, "DTSTAMP %s not now (%s..%s)"
              % (s, before, after))


def test_export_matches_the_client():
    with Scope() as sc:
        srv, anna, bram, code = make_room(sc)
        # The client's own export, then the administrator's, while the
        # server runs: the clock of step 5 runs meanwhile.
        t0 = time.time()
        theirs = {fmt: client_export(sc, anna, fmt) for fmt in FORMATS}
        t1 = time.time()
        mine = {fmt: admin(srv.data, code, fmt) for fmt in FORMATS}
        t2 = time.time()
        check_parsed(mine)
        left_client, left_admin = compare(theirs, mine, "while running")
        # The client took the clock between t0 and t1, the administrator
        # between t1 and t2 at the last time the server said it was
        # alive (at most a second or so before).
        ran = left_client - left_admin
        check(-2500 <= ran <= (t2 - t0) * 1000 + 500,
              "the clock ran %d ms between the exports (%.1f s)"
              % (ran, t2 - t0))
        check_dtstamps(mine["ics"], t1, t2)

        # The code as anyone types it, and a file instead of stdout.
        out = os.path.join(sc.tmpdir(), "export.json")
        p = run_export("--data", srv.data, "--room",
                       code.replace("-", "").lower(), "--format", "json",
                       "--output", out)
        check(p.returncode == 0, p.stderr.decode())
        check(os.stat(out).st_mode & 0o777 == 0o600,
              "the export is readable by others: %o" % os.stat(out).st_mode)
        check(os.listdir(os.path.dirname(out)) == ["export.json"],
              "left behind: %r" % os.listdir(os.path.dirname(out)))
        with open(out, "rb") as f:
            written = f.read()
        check(running_clock(written)[0] == running_clock(mine["json"])[0],
              "the file differs from stdout")
        check(code.encode() in p.stdout and out.encode() in p.stdout,
              "no word of what was written: %r" % p.stdout)

        # The server stops: the same exports, the clock as it was when
        # the server stopped, the same at any later moment.
        check(not srv.stop(), "the server did not stop cleanly")
        stopped = {fmt: admin(srv.data, code, fmt) for fmt in FORMATS}
        check_parsed(stopped)
        compare(theirs, stopped, "after the stop")
        time.sleep(1.2)
        again = admin(srv.data, code, "json")
        check(again == stopped["json"],
              "the stopped clock moved:\n%r\n%r" % (again, stopped["json"]))
        left_stopped = running_clock(stopped["json"])[1]
        check(left_stopped <= left_admin, "the clock went back: %d > %d"
              % (left_stopped, left_admin))

        # Started again, the server pauses the clock at the very time
        # the export showed; the clients come back by themselves.
        srv2 = sc.server(data=srv.data, port=srv.port)
        for c in (anna, bram):
            wait_until(lambda c=c: BACK in c.stderr(), "%s back" % c.label)
        anna.send("note SYNC-D")
        anna.wait_note("SYNC-D")
        theirs = {fmt: client_export(sc, anna, fmt) for fmt in FORMATS}
        mine = {fmt: admin(srv2.data, code, fmt) for fmt in FORMATS}
        for fmt in ("csv", "md", "json"):
            check(mine[fmt] == theirs[fmt], "after the restart %s differs:"
                  "\n%r\n%r" % (fmt, mine[fmt], theirs[fmt]))
        check(without_dtstamp(mine["ics"])[0] ==
              without_dtstamp(theirs["ics"])[0], "after the restart ics")
        room = json.loads(mine["json"])
        before = json.loads(stopped["json"])
        clock = room["steps"][4]["clock"]
        check(clock == {"state": "paused", "interrupted": True,
                        "remaining_ms": left_stopped,
                        "duration_ms": clock["duration_ms"]},
              "after the restart: %r, the export said %d ms" %
              (clock, left_stopped))
        # Nothing else changed but the note that proves the client is
        # back.
        for r in (room, before):
            r["steps"][4]["clock"] = None
            r["notes"] = [n for n in r["notes"] if n["text"] != "SYNC-D"]
        check(room == before, "the restart changed the room:\n%r\n%r"
              % (room, before))

        # In an anonymous room the export leaves the names out, as the
        # poster does.
        anna.send("set anonymous on", "note SYNC-E")
        anna.wait_note("SYNC-E")
        anon = json.loads(admin(srv2.data, code, "json"))
        check(anon["participants"] == [], anon["participants"])
        check(all(n["author"] is None for n in anon["notes"]), anon["notes"])
        check(b"Anna" not in admin(srv2.data, code, "md").split(b"| nr")[0],
              "a name outside the actions in an anonymous room")
        check(anna.finish() == 0, anna.describe())
        check(bram.finish() == 0, bram.describe())


def test_after_a_crash():
    """kill -9 leaves the write-ahead log behind: the export reads it."""
    with Scope() as sc:
        srv, anna, bram, code = make_room(sc)
        theirs = {fmt: client_export(sc, anna, fmt) for fmt in FORMATS}
        srv.kill9()
        check(os.path.exists(os.path.join(srv.data, "aandeslag.db-wal")),
              "no write-ahead log left: the test proves nothing")
        mine = {fmt: admin(srv.data, code, fmt) for fmt in FORMATS}
        check_parsed(mine)
        compare(theirs, mine, "after kill -9")
        anna.end()
        bram.end()


def test_errors_are_clear():
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Anna", new_room="Fouten")
        code = anna.room_code()
        anna.send("note SYNC")
        anna.wait_note("SYNC")
        other = "ZZZZ-ZZZZ" if code != "ZZZZ-ZZZZ" else "YYYY-YYYY"

        p = run_export("--data", srv.data, "--room", other, "--format", "csv")
        err = p.stderr.decode()
        check(p.returncode == 1, "no such room: status %d" % p.returncode)
        check("geen werksessie met code %s" % other in err, err)
        check(p.stdout == b"", "output for no room: %r" % p.stdout)

        p = run_export("--data", srv.data, "--room", code, "--format", "pdf")
        err = p.stderr.decode()
        check(p.returncode == 2, "bad format: status %d" % p.returncode)
        check("onbekend formaat: pdf" in err and
              all(f in err for f in FORMATS), err)

        p = run_export("--data", srv.data, "--room", "K7Q", "--format", "md")
        check(p.returncode == 2 and "geen geldige code: K7Q" in
              p.stderr.decode(), p.stderr.decode())

        p = run_export("--data", srv.data, "--format", "md")
        check(p.returncode == 2 and "Gebruik:" in p.stderr.decode(),
              "no room code: %d %s" % (p.returncode, p.stderr.decode()))

        empty = sc.tmpdir()
        p = run_export("--data", empty, "--room", code, "--format", "md")
        check(p.returncode == 1 and "geen gegevens in %s" % empty in
              p.stderr.decode(), p.stderr.decode())
        check(os.listdir(empty) == [], "the export wrote into %s: %r"
              % (empty, os.listdir(empty)))

        # A failed export leaves a file that was there as it was.
        keep = os.path.join(sc.tmpdir(), "keep.csv")
        with open(keep, "w") as f:
            f.write("oud\n")
        p = run_export("--data", srv.data, "--room", other, "--format",
                       "csv", "--output", keep)
        check(p.returncode == 1, "status %d" % p.returncode)
        with open(keep) as f:
            check(f.read() == "oud\n", "a failed export touched the file")
        p = run_export("--data", srv.data, "--room", code, "--format",
                       "csv", "--output", os.path.join(empty, "nee", "x"))
        check(p.returncode == 1 and "kan %s niet schrijven" %
              os.path.join(empty, "nee", "x") in p.stderr.decode(),
              p.stderr.decode())

        # The content the room was made with, or a warning.
        other_content = os.path.join(sc.tmpdir(), "content.yaml")
        src = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
            os.path.abspath(__file__)))), "data", "content.yaml")
        with open(src, encoding="utf-8") as f:
            text = f.read()
        with open(other_content, "w", encoding="utf-8") as f:
            f.write(text.replace("Stage in het buitenland (bpv)",
                                 "Stage over de grens"))
        p = run_export("--data", srv.data, "--room", code, "--format", "md",
                       "--content", other_content)
        check(p.returncode == 0, p.stderr.decode())
        check("andere inhoud" in p.stderr.decode(), "no warning: %r"
              % p.stderr.decode())
        p = run_export("--data", srv.data, "--room", code, "--format", "md",
                       "--content", os.path.join(empty, "geen.yaml"))
        check(p.returncode == 1 and "geen.yaml" in p.stderr.decode(),
              p.stderr.decode())
        check(anna.finish() == 0, anna.describe())


if __name__ == "__main__":
    run_tests([test_export_matches_the_client, test_after_a_crash,
               test_errors_are_clear])
