"""Findings for a workshop's report back between real clients: one
colleague marks a finding (own words, or a note), the other sees it; a
fourth is refused with error: too_many; the author takes one off and its
text leaves the server's database; after finishing, findings still go."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import Scope, check, run_tests, wait_until  # noqa: E402


def raw_bytes(data):
    """The database and its write-ahead log, as bytes."""
    out = b""
    for name in ("aandeslag.db", "aandeslag.db-wal"):
        path = os.path.join(data, name)
        if os.path.exists(path):
            with open(path, "rb") as f:
                out += f.read()
    return out


def line_ending(client, tail):
    return client.wait_line(lambda l: l.endswith(tail), repr(tail))


def test_findings_between_clients():
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Anna", new_room="Studiedag zorg")
        code = anna.room_code()
        bram = sc.client(srv.port, "Bram", room=code)
        bram.room_code()
        line_ending(anna, "] Bram doet mee (deelnemer)")

        # A note of Bram's becomes Anna's finding; Bram sees it arrive.
        bram.send("note --step 5 Een studiereis naar Gent")
        anna.wait_note("Een studiereis naar Gent")
        anna.send("bevinding n1")
        line_ending(bram, "] bevinding t1 van Anna voor de terugkoppeling: "
                          "Een studiereis naar Gent")
        bram.send("bevinding Taal eerst, dan de stage",
                  "bevinding SLEUTEL-GEHEIM-4K")
        line_ending(anna, "] bevinding t3 van Bram voor de terugkoppeling: "
                          "SLEUTEL-GEHEIM-4K")
        secret = b"SLEUTEL-GEHEIM-4K"
        wait_until(lambda: secret in raw_bytes(srv.data),
                   "the finding in the database (the check can fail)")

        # A room brings back three at most.
        bram.send("bevinding Nog een vierde")
        bram.wait_line(lambda l: l.startswith("error: too_many: "),
                       "the fourth refused")
        check(any("bevindingen" in l and "3" in l for l in bram.errors()),
              "the refusal in Dutch: %r" % bram.errors())

        # Anna's finding is not Bram's to take off; his own is; the text
        # leaves the database.
        bram.send("bevinding weg t1")
        bram.wait_line(lambda l: l.startswith("error: not_author: "),
                       "someone else's finding refused")
        bram.send("bevinding weg t3")
        line_ending(anna, "] bevinding t3 verwijderd: SLEUTEL-GEHEIM-4K")
        wait_until(lambda: secret not in raw_bytes(srv.data),
                   "the deleted finding gone from the database and its WAL")

        # Finished, the report back still takes findings; show lists them.
        anna.send("finish")
        line_ending(bram, "] de werksessie is afgerond")
        bram.send("note Te laat", "bevinding Begroting vragen", "show")
        bram.wait_line(lambda l: l.startswith("error: finished: "),
                       "a note refused after finishing")
        bram.wait_line(lambda l: l.strip() == "- [t4] Begroting vragen",
                       "the finding in show")
        shown = bram.stdout()
        check("Terugkoppeling (3 van 3 bevindingen):" in shown, shown)
        check("- [t1] Een studiereis naar Gent" in shown, shown)
        check(anna.finish() == 0, anna.describe())
        # Bram had commands refused: exit status 1, for just those.
        check(bram.finish() == 1, bram.describe())
        codes = [l.split(":")[1].strip() for l in bram.errors()]
        check(codes == ["too_many", "not_author", "finished"],
              "Bram's refusals %r" % codes)


if __name__ == "__main__":
    run_tests([test_findings_between_clients])
