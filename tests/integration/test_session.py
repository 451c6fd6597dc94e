"""A whole work session as a team would hold it, with four line-mode
clients: from step 1 to finishing, with cards, a note for a colleague
without a laptop, hidden votes revealed, marked competences, activities
linked to them, actions with owners, needs, study years and months; then
`show` must print the poster the team would have made on paper."""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import Scope, check, run_tests, wait_until  # noqa: E402

SEQ_RE = re.compile(r"^\[(\d+)\] ")


def last_seq(client):
    seqs = [int(m.group(1)) for m in map(SEQ_RE.match, client.lines()) if m]
    return max(seqs) if seqs else 0


def sync(clients):
    """Waits until every client's commands are answered and every client
    has seen every event."""
    for c in clients:
        before = sum(1 for l in c.lines() if l.startswith("Aanwezig ("))
        c.send("who")
        wait_until(lambda: sum(1 for l in c.lines()
                               if l.startswith("Aanwezig (")) > before,
                   "%s answered" % c.name)
    top = max(last_seq(c) for c in clients)
    for c in clients:
        wait_until(lambda: last_seq(c) >= top, "%s at seq %d" % (c.name, top))


def errors(client):
    return [l for l in client.lines() if l.startswith("error: ")]


def show(client):
    """Runs show and returns the poster text."""
    start = len(client.lines())
    client.send("show", "who")
    # The poster names who is present too; the second such line is the
    # answer to who, so the poster before it is complete.
    wait_until(lambda: sum(1 for l in client.lines()[start:]
                           if l.startswith("Aanwezig (")) >= 2,
               "the poster")
    lines = client.lines()[start:]
    return "\n".join(lines)


def test_whole_session():
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Anna", new_room="Team Logistiek")
        code = anna.room_code()
        bram = sc.client(srv.port, "Bram", room=code)
        carla = sc.client(srv.port, "Carla", room=code)
        daan = sc.client(srv.port, "Daan", room=code)
        team = [anna, bram, carla, daan]
        for c in team[1:]:
            c.room_code()
        # Nobody prints their own arrival, so the first barrier is the
        # chair seeing everyone; from then on every event is seen by all.
        anna.wait_line(lambda l: l.endswith("] Daan doet mee (deelnemer)"),
                       "Daan joining")

        # Preparing the room.
        anna.send("set programme Logistiek medewerker",
                  "set dossier Logistiek",
                  "set levels 2,3",
                  "set region grensregio Twente",
                  "scribe Carla")
        sync(team)

        # Step 1: experiences, one told by a colleague without a laptop.
        anna.send("start", "table b2")
        bram.send("note Ik heb een half jaar in Gent gewerkt")
        carla.send('note --for "Eva de Vries" Eva woont in een wijk met '
                   "veel culturen")
        daan.send("question Wie spreekt er nog een andere taal thuis?")
        sync(team)
        check(any("Eva woont in een wijk" in l for l in daan.lines()),
              daan.describe())

        # Step 2: the international context of the students' work.
        anna.send("next")
        sync(team)
        for c, text in ((bram, "klanten uit Duitsland"),
                        (carla, "Poolse collega's in het magazijn"),
                        (daan, "Engelstalige software")):
            c.send("note " + text)
        sync(team)

        # Step 3: hidden votes, revealed, then marked.
        anna.send("next", "votes hidden")
        sync(team)
        bram.send("vote vreemde-taal", "vote intercultureel-communiceren")
        carla.send("vote vreemde-taal", "vote orientatie-beroep")
        daan.send("vote vreemde-taal", "vote internationaal-samenwerken")
        sync(team)
        # While hidden, nobody sees where another's dots went.
        hidden = show(carla)
        check("verborgen" in hidden, hidden)
        anna.send("votes open")
        sync(team)
        revealed = show(daan)
        check(re.search(r"vreemde-taal.*\b3\b", revealed) is not None,
              revealed)
        anna.send("mark vreemde-taal", "mark orientatie-beroep")
        sync(team)

        # Step 4: activities linked to the chosen competences.
        anna.send("next")
        sync(team)
        bram.send("activity add --from stage-buitenland --for vreemde-taal")
        daan.send("activity add --done --home --for vreemde-taal "
                  "Gastles in het Engels door een Duitse klant")
        sync(team)

        # Step 5: actions with owners, needs, years and months.
        anna.send("next")
        sync(team)
        anna.send("action add --activity 1 --owner Bram --needs "
                  "financien,partners --years 2,3 --when 2027-03 "
                  "Partnerbedrijf in Duitsland zoeken voor de stage",
                  "action add --team --needs tijd --years 1 --when "
                  "2027-01-15 Gastlessen inplannen")
        carla.send("action add --when \"periode 3\" Engelstalige "
                   "handleidingen verzamelen")
        sync(team)
        carla.send("claim 3")
        bram.send("status 1 bezig")
        sync(team)

        anna.send("finish")
        sync(team)
        # Everyone gets the summary at once.
        for c in team:
            check(any(l.startswith("Samenvatting van de werksessie")
                      for l in c.lines()), c.describe())
        daan.send("note te laat")
        daan.send("status 2 klaar")
        sync(team)

        poster = show(anna)
        for needle in ("Team Logistiek", "Logistiek medewerker",
                       "grensregio Twente", "afgerond",
                       "Gent", "Eva de Vries", "klanten uit Duitsland",
                       "Wie spreekt er nog een andere taal thuis?",
                       "gekozen", "Gastles in het Engels",
                       "Partnerbedrijf in Duitsland", "Bram", "het team",
                       "leerjaar", "maart 2027", "periode 3", "bezig",
                       "klaar", "Carla"):
            check(needle in poster, "%r not on the poster:\n%s"
                  % (needle, poster))
        # Everyone saw the same poster.
        check(show(bram).count("\n") > 20, "a short poster")
        # Only the late note was refused: the session was finished.
        check([e.split(":")[1].strip() for e in errors(daan)] ==
              ["finished"], daan.describe())
        for c in team[:3]:
            check(errors(c) == [], c.describe())
        for c in team:
            c.close_stdin()
        for c in team[:3]:
            check(c.wait_exit() == 0, c.describe())
        check(daan.wait_exit() == 1, daan.describe())


if __name__ == "__main__":
    run_tests([test_whole_session])
