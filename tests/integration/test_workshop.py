"""Study days between real clients in line mode: a facilitator makes a
workshop (quickly, or from the example plan); twenty colleagues join with
the one code and end up in groups of at most seven; choosing a group and
being placed by the plan work; the facilitator starts every clock, sends
a message to every group, moves a colleague, and runs the report back
room by room, seen by a plenary projector; a participant's projector may
not steer; everything survives a restart of the server."""

import os
import re
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (CHILD_ENV, SERVER_BIN, WRAPPER,  # noqa: E402
                     ENV_CLOSING, ENV_JOINED, ENV_REFUSAL,  # noqa: E402
                     ENV_WELCOME, Scope, check, env_hello, error_code_of,
                     pb_bytes, pb_dict, pb_varint, run_tests, wait_until)

ENV_WORKSHOP_JOINED = 16
ENV_WORKSHOP_COMMAND = 17
ERROR_UNEXPECTED_MESSAGE = 4
ERROR_NOT_ALLOWED = 40

HERE = os.path.dirname(os.path.abspath(__file__))
PLAN = os.path.join(HERE, "..", "..", "data", "studiedag-voorbeeld.yaml")

ROOM_LINE = re.compile(
    r"^groep (\d+) (.+?) (\S{4}-\S{4}) (\d+)/7 \((\d+) verbonden\) "
    r"voorzitter (.+?) stap (\d) (\S+) (\S+) (.+?) bevindingen (\d)/3$")


def facilitator(sc, srv, *extra, name="Fien"):
    f = sc.client(srv.port, name, extra=extra)
    line = f.wait_line(lambda l: l.startswith("workshop code: "),
                       "the workshop code")
    code = line.split(": ", 1)[1].strip()
    fcode = f.wait_line(lambda l: l.startswith("facilitator code: "),
                        "the facilitator code").split(": ", 1)[1].strip()
    return f, code, fcode


def join(sc, srv, code, name, *extra):
    """A colleague joins the workshop and stays; returns the client, its
    room code and its group."""
    c = sc.client(srv.port, name, room=code, extra=extra)
    room = c.room_code()
    group = c.wait_line(lambda l: l.startswith("group: "), "the group")
    return c, room, group[len("group: "):]


def rooms_seen(client, count):
    """The latest "groep" line of each group the client printed."""
    def latest():
        seen = {}
        for line in client.lines():
            m = ROOM_LINE.match(line)
            if m:
                seen[int(m.group(1))] = m
        return seen if len(seen) == count else None
    return wait_until(latest, "%d groups in the overview" % count)


def test_twenty_colleagues_in_groups_of_seven():
    with Scope() as sc:
        srv = sc.server()
        f, code, _ = facilitator(sc, srv, "--new-workshop", "Studiedag",
                                 "--rooms", "3")
        rooms = {}
        for i in range(20):
            # Half of them type the code in lower case without the dash.
            typed = code if i % 2 else code.replace("-", "").lower()
            c = sc.client(srv.port, "Collega %d" % (i + 1), room=typed)
            room = c.room_code()
            rooms.setdefault(room, []).append(c)
            check(c.finish() == 0, c.describe())
        sizes = sorted(len(v) for v in rooms.values())
        check(sizes == [6, 7, 7], "groups of %r" % sizes)
        # The 21st still fits; the 22nd hears that the study day is full.
        last = sc.client(srv.port, "Collega 21", room=code)
        last_room = last.room_code()
        full = sc.client(srv.port, "Collega 22", room=code)
        check(full.wait_exit() == 2, full.describe())
        check(any(l.startswith("error: workshop_full: ")
                  for l in full.lines()), full.describe())
        # The facilitator's overview counts them all.
        f.send("toon")
        seen = wait_until(
            lambda: (lambda s: s if all(int(m.group(4)) == 7
                                        for m in s.values()) else None)(
                rooms_seen(f, 3)), "three full groups")
        check(set(m.group(3) for m in seen.values()) ==
              set(rooms) | {last_room}, "room codes %r" % list(rooms))


def test_choosing_and_placed_by_the_plan():
    with Scope() as sc:
        srv = sc.server()
        f, code, _ = facilitator(sc, srv, "--workshop-file", PLAN)
        f.wait_line(lambda l: l.startswith("rooster 13:00 ") and
                    l.endswith("(terugkoppeling)"), "the report-back slot")
        # Chosen by name and by number; placed by the plan; the rest in
        # the least-filled group.
        _, _, g1 = join(sc, srv, code, "Wim", "--groep", "ICT")
        check(g1 == "ICT", "chose ICT, got %r" % g1)
        _, _, g2 = join(sc, srv, code, "Ilse", "--groep", "2")
        check(g2 == "Techniek", "chose 2, got %r" % g2)
        _, _, g3 = join(sc, srv, code, "Esra Demir")
        check(g3 == "Keuken", "Esra is planned in Keuken, got %r" % g3)
        _, _, g4 = join(sc, srv, code, "Nieuwe Collega")
        check(g4 == "Zorg", "the least-filled first group, got %r" % g4)
        # A group that does not exist is refused by name.
        bad = sc.client(srv.port, "Piet", room=code, extra=("--groep", "Bakkerij"))
        check(bad.wait_exit() == 2, bad.describe())
        check(any(l.startswith("error: no_such_workshop_room: ") and
                  "Bakkerij" in l for l in bad.lines()), bad.describe())
        # The room's settings came from the plan.
        p, _, _ = join(sc, srv, code, "Joost Bakker")
        p.send("settings")
        p.wait_line(lambda l: "Verzorgende IG" in l, "the programme")


def test_facilitator_steers_every_group():
    with Scope() as sc:
        srv = sc.server()
        f, code, _ = facilitator(sc, srv, "--new-workshop", "Studiedag",
                                 "--rooms", "2")
        anna, room_a, _ = join(sc, srv, code, "Anna")
        bram, room_b, _ = join(sc, srv, code, "Bram")
        carla, _, _ = join(sc, srv, code, "Carla")
        check(room_a != room_b, "two groups")

        # Every clock at once, each room's own chair's.
        f.send("klokken start")
        for c in (anna, bram):
            c.wait_line(lambda l: "klok" in l, "%s's clock starts" % c.name)
        seen = wait_until(lambda: (lambda s: s if all(
            m.group(10) == "loopt" for m in s.values()) else None)(
            rooms_seen(f, 2)), "both clocks running")
        check(len(seen) == 2, "two groups")

        # A message to every group.
        f.send("bericht Pauze tot 11:00")
        for c in (anna, bram, carla):
            c.wait_line(lambda l: "Pauze tot 11:00" in l,
                        "%s hears the message" % c.name)

        # Moving Carla (in Anna's group) to Bram's.
        f.send("verplaats Carla naar 2")
        line = carla.wait_line(lambda l: l.startswith("room code: ") and
                               room_b in l, "Carla's new room")
        check(room_b in line, line)
        anna.wait_line(lambda l: l.endswith(
            "Carla is door de begeleider verplaatst naar groep Groep 2"),
            "Anna sees Carla go")
        carla.send("note Ik zit nu in groep 2")
        bram.wait_note("Ik zit nu in groep 2")
        # Someone away cannot be moved; an unknown group is refused.
        f.send("verplaats Niemand naar 1")
        f.wait_line(lambda l: l.startswith("error: "), "a refusal")

        # Findings and the report back, seen on a plenary projector.
        anna.send("bevinding Stage in Gent werkt")
        bram.send("bevinding Taal is de drempel")
        plenary = sc.client(srv.port, None, room=code, extra=("--view",))
        plenary.wait_line(lambda l: l.startswith("workshop code: "),
                          "the plenary joins")
        # The projector may not steer.
        plenary.send("klokken start")
        plenary.wait_line(lambda l: l.startswith("error: not_allowed: "),
                          "the projector is refused")
        f.send("terugkoppeling start")
        for c in (f, plenary):
            c.wait_line(lambda l: l.startswith("terugkoppeling groep 1 van 2"),
                        "group 1's turn")
            c.wait_line(lambda l: l == "bevinding 1: Stage in Gent werkt",
                        "group 1's finding")
        f.send("terugkoppeling volgende")
        plenary.wait_line(lambda l: l == "bevinding 1: Taal is de drempel",
                          "group 2's finding")
        f.send("terugkoppeling volgende")
        plenary.wait_line(lambda l: l.startswith(
            "terugkoppeling overzicht"), "the overview")
        f.send("terugkoppeling volgende")
        f.wait_line(lambda l: l.startswith("error: "), "no turn after it")
        for c in (anna, bram, carla):
            c.finish()


def test_restart_keeps_the_workshop():
    with Scope() as sc:
        srv = sc.server()
        data, port = srv.data, srv.port
        f, code, fcode = facilitator(sc, srv, "--new-workshop", "Studiedag",
                                     "--rooms", "2")
        anna, room_a, group = join(sc, srv, code, "Anna")
        anna.send("bevinding Blijft bewaard")
        anna.wait_line(lambda l: "Blijft bewaard" in l, "the finding")
        f.send("bericht Tot straks")
        anna.wait_line(lambda l: "Tot straks" in l, "the message")
        check(anna.finish() == 0, anna.describe())
        f.finish()
        check(srv.stop() == [], "clean stop")

        srv = sc.server(data=data, port=port)
        # The facilitator comes back with the code, from anywhere.
        f2 = sc.client(srv.port, "Fien", room=code,
                       extra=("--facilitator-code", fcode))
        f2.wait_line(lambda l: l == "bericht Tot straks", "the message kept")
        seen = rooms_seen(f2, 2)
        check(any(int(m.group(11)) == 1 for m in seen.values()),
              "the finding is counted")
        # Anna comes back with the workshop code and her kept seat.
        back = sc.client(srv.port, "Anna", room=code)
        check(back.room_code() == room_a, back.describe())
        back.send("who")
        back.wait_line(lambda l: l.startswith("Aanwezig"), "who")
        check(not any("doet mee" in l and "Anna" in l
                      for l in back.lines()), "Anna came back, not anew")
        # A wrong facilitator code is refused.
        bad = sc.client(srv.port, "Iemand", room=code,
                        extra=("--facilitator-code", "2345-6789"))
        check(bad.wait_exit() == 2, bad.describe())
        check(any(l.startswith("error: bad_chair_code: ")
                  for l in bad.lines()), bad.describe())


def start_clocks(request_id):
    """A WorkshopCommand with StartClocks, as raw bytes."""
    return pb_bytes(ENV_WORKSHOP_COMMAND, pb_varint(1, request_id) +
                    pb_bytes(16, b""))


def test_only_the_facilitator_steers():
    """Checked on the server, whatever a client sends: the plenary
    projector is refused, and a participant's connection (in a room, not
    the workshop) is cut off for a message it may not send."""
    with Scope() as sc:
        srv = sc.server()
        f, code, _ = facilitator(sc, srv, "--new-workshop", "Studiedag",
                                 "--rooms", "2")
        projector = sc.raw(srv.port)
        projector.send_env(env_hello())
        projector.recv_until(ENV_WELCOME)
        projector.send_env(pb_bytes(5, pb_varint(1, 1) + pb_bytes(2, code) +
                                    pb_varint(5, 1)))
        joined, _ = projector.recv_until(ENV_WORKSHOP_JOINED)
        check(pb_dict(joined).get(3) is None, "a projector gets no token")
        projector.send_env(start_clocks(2))
        refusal, _ = projector.recv_until(ENV_REFUSAL)
        check(error_code_of(ENV_REFUSAL, refusal) == ERROR_NOT_ALLOWED,
              "refusal %r" % pb_dict(refusal))

        member = sc.raw(srv.port)
        member.send_env(env_hello())
        member.recv_until(ENV_WELCOME)
        member.send_env(pb_bytes(5, pb_varint(1, 1) + pb_bytes(2, code) +
                                 pb_bytes(3, "Anna")))
        member.recv_until(ENV_JOINED)
        member.send_env(start_clocks(2))
        closing, _ = member.recv_until(ENV_CLOSING)
        check(error_code_of(ENV_CLOSING, closing) == ERROR_UNEXPECTED_MESSAGE,
              "closing %r" % pb_dict(closing))
        # Nothing started: the facilitator sees both clocks idle.
        f.send("toon")
        seen = rooms_seen(f, 2)
        check(all(m.group(10) == "niet gestart" for m in seen.values()),
              "clocks %r" % [m.group(10) for m in seen.values()])


def test_deleted_rooms_take_the_workshop_along():
    """An administrator deletes the groups of a study day: with the last
    one the workshop goes too, and its plan (names included) leaves the
    database when the server starts again."""
    with Scope() as sc:
        srv = sc.server()
        data, port = srv.data, srv.port
        f, code, _ = facilitator(sc, srv, "--workshop-file", PLAN)
        f.send("toon")
        rooms = [m.group(3) for m in rooms_seen(f, 5).values()]
        # The message is replaced: the old text leaves the database.
        f.send("bericht Geheim-bericht-een", "bericht Tweede bericht")
        f.wait_line(lambda l: l == "bericht Tweede bericht", "the message")
        f.finish()
        check(srv.stop() == [], "clean stop")
        raw = b""
        for name in ("aandeslag.db", "aandeslag.db-wal"):
            path = os.path.join(data, name)
            if os.path.exists(path):
                with open(path, "rb") as fh:
                    raw += fh.read()
        check(b"Geheim-bericht-een" not in raw, "the old message is gone")
        check(b"Tweede bericht" in raw, "the new message is kept")
        # The administrator's list shows the study day with its groups.
        p = subprocess.run(WRAPPER + [SERVER_BIN, "list", "--data", data],
                           capture_output=True, text=True, env=CHILD_ENV,
                           timeout=60)
        check(p.returncode == 0, p.stderr)
        line = [l for l in p.stdout.splitlines() if l.startswith(code)]
        check(len(line) == 1 and "Studiedag internationalisering" in line[0]
              and all(r in line[0] for r in rooms), p.stdout)
        for room in rooms:
            p = subprocess.run(WRAPPER + [SERVER_BIN, "delete", room,
                                          "--data", data],
                               capture_output=True, text=True, env=CHILD_ENV,
                               timeout=60)
            check(p.returncode == 0, p.stderr)
        srv = sc.server(data=data, port=port)
        gone = sc.client(srv.port, "Anna de Vries", room=code)
        check(gone.wait_exit() == 2, gone.describe())
        check(any(l.startswith("error: no_such_room: ")
                  for l in gone.lines()), gone.describe())
        check(srv.stop() == [], "clean stop")
        db = sqlite3.connect(os.path.join(data, "aandeslag.db"))
        left = db.execute("SELECT count(*) FROM workshops").fetchone()[0]
        db.close()
        check(left == 0, "%d workshops left in the database" % left)


def test_export_of_every_group():
    """The facilitator exports the whole study day, from the server's
    rooms onto their own disk, in every format, each read back by a real
    parser of it: every group's actions, findings and posters in one
    file."""
    import csv
    import html5lib
    import icalendar
    import io
    import json
    with Scope() as sc:
        srv = sc.server()
        f, code, _ = facilitator(sc, srv, "--new-workshop", "Studiedag <2027>",
                                 "--rooms", "2")
        anna, room_a, _ = join(sc, srv, code, "Anna", "--groep", "1")
        bram, room_b, _ = join(sc, srv, code, "Bram", "--groep", "2")
        anna.send("goto 5", "action add --owner me --when 2027-03-15 "
                  "Gastles van een Duitse collega",
                  "bevinding Stage in Gent werkt")
        bram.send("goto 5", "action add --team --when 2027-05 "
                  "=Uitwisseling met Polen", "bevinding Taal is de drempel")
        for c in (anna, bram):
            check(c.finish() == 0, c.describe())
        d = sc.tmpdir()
        for fmt in ("csv", "ics", "json", "md", "html"):
            f.send("export %s %s" % (fmt, os.path.join(d, "dag." + fmt)))
        f.wait_line(lambda l: "dag.html" in l and "geschreven" in l,
                    "the last export written")
        check(not f.errors(), "errors: %r" % f.errors())

        with open(os.path.join(d, "dag.csv"), "rb") as fh:
            raw = fh.read()
        check(raw.startswith(b"\xef\xbb\xbf"), "a byte order mark")
        rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8")),
                               delimiter=";"))
        check(rows[0][:2] == ["groep", "nr"], "header %r" % rows[0])
        by_group = {r[0]: r for r in rows[1:]}
        check(set(by_group) == {"Groep 1", "Groep 2"}, "groups %r" % rows)
        check(by_group["Groep 2"][2] == "'=Uitwisseling met Polen",
              "the formula guarded: %r" % by_group["Groep 2"])

        with open(os.path.join(d, "dag.ics"), "rb") as fh:
            cal = icalendar.Calendar.from_ical(fh.read())
        events = [e for e in cal.walk("VEVENT")]
        check(len(events) == 2, "%d events" % len(events))
        uids = {str(e["UID"]) for e in events}
        check(uids == {"%s-a1@aandeslag" % room_a, "%s-a1@aandeslag" % room_b},
              "uids %r" % uids)

        with open(os.path.join(d, "dag.json"), encoding="utf-8") as fh:
            doc = json.load(fh)
        check(doc["format"] == "aandeslag-workshop", doc.get("format"))
        check(doc["title"] == "Studiedag <2027>", doc["title"])
        findings = {r["title"]: [x["text"] for x in r["findings"]]
                    for r in doc["rooms"]}
        check(findings == {"Groep 1": ["Stage in Gent werkt"],
                           "Groep 2": ["Taal is de drempel"]},
              "findings %r" % findings)
        check("token" not in json.dumps(doc).lower(), "no token")

        with open(os.path.join(d, "dag.md"), encoding="utf-8") as fh:
            md = fh.read()
        for text in ("Gastles van een Duitse collega", "Taal is de drempel",
                     "Groep 1", "Groep 2"):
            check(text in md, "%r in the Markdown" % text)

        with open(os.path.join(d, "dag.html"), "rb") as fh:
            page = html5lib.HTMLParser(strict=True).parse(fh.read())
        text = "".join(page.itertext())
        for t in ("Studiedag <2027>", "Stage in Gent werkt",
                  "Uitwisseling met Polen", "Groep 2"):
            check(t in text, "%r on the page" % t)


if __name__ == "__main__":
    run_tests([
        test_twenty_colleagues_in_groups_of_seven,
        test_choosing_and_placed_by_the_plan,
        test_facilitator_steers_every_group,
        test_restart_keeps_the_workshop,
        test_only_the_facilitator_steers,
        test_deleted_rooms_take_the_workshop_along,
        test_export_of_every_group,
    ])
