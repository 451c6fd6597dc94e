"""The poster out of the program, written by the real line-mode client
from its mirror: a CSV that Python's csv module reads the way Dutch Excel
does (';', UTF-8 with a byte order mark, formulas defused), an iCalendar
file read back by a real calendar parser (Debian's python3-icalendar)
with an all-day event per action with a date or a month, JSON read by
Python's json module, and Markdown rendered by Debian's python3-markdown
with the team's text shown as typed."""

import csv
import datetime
import io
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import Scope, check, run_tests, wait_until  # noqa: E402

# The text is the rest of the line, quotes and all; only option values
# are quoted.
ACTIONS = [
    'action add --owner me --when 2027-03-15 --needs tijd '
    'Stage in Gent; met één collega',
    'action add --team --when 2027-05 Brochure "Europa" maken',
    'action add --when "periode 2" =HYPERLINK("http://x")',
    'action add Zonder datum, dus niet in de agenda',
]


def room_with_actions(sc):
    srv = sc.server()
    anna = sc.client(srv.port, "Anna", new_room="Export")
    anna.room_code()
    anna.send("goto 5", *ACTIONS)
    wait_until(lambda: sum("] actie p" in l
                           for l in anna.lines()) >= len(ACTIONS) or
               len(anna.errors()) > 0, "the actions added")
    check(not anna.errors(), "\n".join(anna.errors()))
    return srv, anna


def export(sc, anna, fmt):
    path = os.path.join(sc.tmpdir(), "acties." + fmt)
    anna.send("export %s %s" % (fmt, path))
    wait_until(lambda: os.path.exists(path) or anna.errors(),
               "%s written" % fmt)
    check(not anna.errors(), "\n".join(anna.errors()))
    with open(path, "rb") as f:
        return f.read()


def test_csv_for_dutch_excel():
    with Scope() as sc:
        srv, anna = room_with_actions(sc)
        data = export(sc, anna, "csv")
        check(data.startswith(b"\xef\xbb\xbf"), "no byte order mark")
        check(b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""),
              "lines do not end in CRLF")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"),
                                           newline=""), delimiter=";"))
        check(rows[0][:3] == ["nr", "actie", "wie"], "header %r" % rows[0])
        check(len(rows) == 1 + len(ACTIONS), "%d rows" % len(rows))
        check(rows[1][1] == "Stage in Gent; met één collega", rows[1][1])
        check("Anna" in rows[1][2], rows[1][2])
        check(rows[2][1] == 'Brochure "Europa" maken', rows[2][1])
        check(rows[3][1].startswith("'="), "a formula left live: %r"
              % rows[3][1])
        check(all(len(r) == len(rows[0]) for r in rows), "ragged rows")
        anna.finish()


def test_ics_for_the_agenda():
    try:
        import icalendar
    except ImportError:
        raise AssertionError("python3-icalendar is not installed "
                             "(scripts/deps)")
    with Scope() as sc:
        srv, anna = room_with_actions(sc)
        data = export(sc, anna, "ics")
        for line in data.split(b"\r\n"):
            check(len(line) <= 75, "a line of %d octets" % len(line))
            line.decode("utf-8")        # no character split by folding
        cal = icalendar.Calendar.from_ical(data)
        events = [e for e in cal.walk("VEVENT")]
        check(len(events) == 2, "%d events, expected the date and the "
              "month" % len(events))
        by_start = {e.decoded("dtstart"): e for e in events}
        gent = by_start.get(datetime.date(2027, 3, 15))
        check(gent is not None, "no event on 15 March: %r" % by_start)
        check(str(gent["summary"]) == "Stage in Gent; met één collega",
              str(gent["summary"]))
        check(gent.decoded("dtend") == datetime.date(2027, 3, 16),
              "not one whole day")
        may = by_start.get(datetime.date(2027, 5, 1))
        check(may is not None and "Europa" in str(may["summary"]),
              "the month's action")
        uids = {str(e["uid"]) for e in events}
        check(len(uids) == 2, "UIDs %r" % uids)
        # Round trip: what the parser writes back it reads the same.
        again = icalendar.Calendar.from_ical(cal.to_ical())
        check([str(e["uid"]) for e in again.walk("VEVENT")] ==
              [str(e["uid"]) for e in events], "round trip")
        # A second export keeps the UIDs: the agenda updates, no copies.
        second = icalendar.Calendar.from_ical(export(sc, anna, "ics"))
        check({str(e["uid"]) for e in second.walk("VEVENT")} == uids,
              "UIDs changed between exports")
        anna.finish()


def test_json_everything_no_secrets():
    with Scope() as sc:
        srv, anna = room_with_actions(sc)
        anna.send('note Met "aanhalingstekens" en \\ schuine streep')
        anna.wait_line(lambda l: "aanhalingstekens" in l, "the note")
        data = export(sc, anna, "json")
        room = json.loads(data.decode("utf-8"))
        check(room["code"] == anna.room_code(), "code %r" % room.get("code"))
        texts = [a["text"] for a in room["actions"]]
        check(texts[0] == "Stage in Gent; met één collega", texts)
        check(len(texts) == len(ACTIONS), "%d actions" % len(texts))
        notes = [n["text"] for n in room["notes"]]
        check('Met "aanhalingstekens" en \\ schuine streep' in notes, notes)
        check(len(room["steps"]) == 5, "steps")
        check(any(p["name"] == "Anna" for p in room["participants"]),
              room["participants"])
        chair_code = [l for l in anna.lines() if l.startswith("chair code")]
        check(chair_code, "no chair code line")
        secret = chair_code[0].split(": ", 1)[1]
        check(secret.encode() not in data, "the chair code is exported")
        anna.finish()


def test_markdown_shows_text_as_typed():
    try:
        import markdown
    except ImportError:
        raise AssertionError("python3-markdown is not installed "
                             "(scripts/deps)")
    with Scope() as sc:
        srv, anna = room_with_actions(sc)
        anna.send("goto 1", "note [klik](http://x) *vet* <b>nee</b> | pijp")
        anna.wait_line(lambda l: "klik" in l, "the note")
        data = export(sc, anna, "md").decode("utf-8")
        html = markdown.markdown(data, extensions=["tables"])
        check("<a " not in html, "a note became a link:\n" + html)
        check("<em>" not in html and "<b>" not in html,
              "a note became markup:\n" + html)
        check("[klik](http://x) *vet* &lt;b&gt;nee&lt;/b&gt; | pijp" in
              html, "the note not shown as typed:\n" + html)
        check("<table>" in html, "no table of actions:\n" + html)
        check(html.count("<tr>") == 1 + len(ACTIONS),
              "%d table rows" % html.count("<tr>"))
        anna.finish()


if __name__ == "__main__":
    run_tests([test_csv_for_dutch_excel, test_ics_for_the_agenda,
               test_json_everything_no_secrets,
               test_markdown_shows_text_as_typed])
