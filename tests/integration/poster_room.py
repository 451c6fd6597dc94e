"""A realistic room of a Dutch teacher team, made by real line-mode
clients on a real server: four colleagues, notes on every step, votes,
chosen competences, activities abroad and at home, and actions with
owners, needs, study years and dates. The HTML export test reads the
poster of this room back, and scripts/screenshot-poster photographs it
for docs/, so that the picture in the README is what the test checks.

Run as a program it writes that picture:

    /usr/bin/python3 tests/integration/poster_room.py OUT.png [OUT.html]

with the programs from build/ (or AANDESLAG_SERVER_BIN and
AANDESLAG_CLIENT_BIN) and Debian's chromium (scripts/deps)."""

import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import chromium  # noqa: E402
from harness import Scope, check, wait_until  # noqa: E402

TITLE = "Internationalisering bij Verzorgende-IG"

SETTINGS = [
    "set programme Verzorgende-IG",
    "set dossier Verzorgende-IG en Maatschappelijke zorg",
    "set levels 3,4",
    "set region Grensregio Zuid-Limburg",
]

# Each colleague's own notes and dots. The notes are the team's words,
# made up for this example.
COLLEAGUES = {
    "Bram": [
        "note --step 1 Mijn buren komen uit Syrië; via hen zag ik hoe "
        "anders zorg voor ouderen kan zijn.",
        "note --step 2 Zorginstellingen in Aken en Heerlen zoeken "
        "personeel dat Duits én Nederlands spreekt.",
        "vote vreemde-taal", "vote omgaan-met-verschillen",
        "vote orientatie-arbeidsmarkt",
    ],
    "Carla": [
        "note --step 1 Internationalisering is voor mij: verder kijken "
        "dan de eigen afdeling.",
        "note --step 2 Studenten vinden Engels lastig, terwijl veel "
        "vakliteratuur Engelstalig is.",
        "vote intercultureel-communiceren", "vote vreemde-taal",
        "vote zelfvertrouwen",
    ],
    "Dirk": [
        "note --step 1 Ik spreek Duits en Pools, maar gebruik dat bijna "
        "nooit op school.",
        "note --step 3 Taal en omgaan met verschillen komen elke dag "
        "terug in de zorg.",
        "vote omgaan-met-verschillen", "vote orientatie-arbeidsmarkt",
        "vote zelfvertrouwen",
    ],
}

CHAIR = [
    "note --step 1 Ik heb na mijn opleiding een half jaar in een "
    "verpleeghuis in Antwerpen gewerkt.",
    "note --step 2 Veel cliënten en collega's in onze regio hebben een "
    "migratieachtergrond.",
    "vote vreemde-taal", "vote intercultureel-communiceren",
    "vote omgaan-met-verschillen",
    "mark vreemde-taal", "mark intercultureel-communiceren",
    "mark omgaan-met-verschillen", "mark orientatie-arbeidsmarkt",
    "note --step 3 We kiezen wat studenten morgen al op de afdeling "
    "nodig hebben.",
    "activity add --from bedrijfsbezoek-over-de-grens --new "
    "--for orientatie-arbeidsmarkt,vreemde-taal",
    "activity add --from stage-buitenland --done --abroad "
    "--for vreemde-taal,omgaan-met-verschillen "
    "BPV in een woonzorgcentrum in Hasselt",
    "activity add --from gastles --new "
    "--for intercultureel-communiceren,omgaan-met-verschillen",
    "activity add --done --home --for omgaan-met-verschillen "
    "Rollenspel: zorg voor een cliënt die geen Nederlands spreekt",
    "activity add --from engelstalige-bronnen --new --for vreemde-taal",
    "note --step 4 Eerst zichtbaar maken wat we al doen, dan één "
    "nieuwe stap per leerjaar.",
    "action add --activity 1 --owner Dirk --needs partners,tijd "
    "--years 2 --when 2027-02 --status bezig "
    "Contact leggen met twee verpleeghuizen in Aken",
    "action add --activity 3 --owner Carla --owner Bram --needs kennis "
    "--years 1 --when \"periode 3\" "
    "Gastspreker van de Turkse ouderenvereniging uitnodigen",
    "action add --activity 5 --team --needs financien,hulpmiddelen "
    "--needs-text \"licentie vakbibliotheek\" --years 1,2 "
    "--when 2027-04-01 Per leerjaar drie Engelstalige vakartikelen kiezen",
    "action add --owner \"teamleider Sanne\" --needs financien "
    "--when 2027-03-11 Budget voor het bezoek over de grens aanvragen",
    "action add --years 3 Ervaringen van stagiairs in Hasselt delen op "
    "de open dag",
    "note --step 5 Over drie maanden kijken we samen wat er gelukt is.",
    "set follow-up 2027-03-11",
]


def note_texts():
    """The text of every note, as typed."""
    out = []
    for line in CHAIR + [l for ls in COLLEAGUES.values() for l in ls]:
        if line.startswith("note --step "):
            out.append(line.split(" ", 3)[3])
    return out


def fill(sc, srv=None, extra_notes=()):
    """Makes the room in scope sc, on srv or a new server; returns the
    chair's client (Anna), whose mirror holds everything. extra_notes
    are sent by the chair first, as they are."""
    if srv is None:
        srv = sc.server()
    anna = sc.client(srv.port, "Anna", new_room=TITLE)
    code = anna.room_code()
    anna.send(*SETTINGS)
    # The colleagues start together: under valgrind each start takes
    # seconds.
    others = [sc.client(srv.port, name, room=code) for name in COLLEAGUES]
    for c, lines in zip(others, COLLEAGUES.values()):
        c.room_code()
        c.send(*lines)
    # A colleague's client exits 0 once every command of theirs was
    # accepted: then the server has them all, in order, before anything
    # the chair sends next.
    for c in others:
        check(c.finish() == 0, c.describe())
    anna.send(*extra_notes)
    anna.send(*CHAIR)
    return anna


def export_html(sc, anna, directory):
    """Has Anna export the poster as HTML into directory; returns the
    file's path. The export is a local command, which waits until the
    commands before it are answered: it sees all of them."""
    path = os.path.join(directory, "poster.html")
    anna.send("export html " + path)
    wait_until(lambda: os.path.exists(path) or anna.errors(),
               "poster.html written")
    check(not anna.errors(), "\n".join(anna.errors()))
    return path


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    png = os.path.abspath(argv[1])
    with Scope() as sc:
        anna = fill(sc)
        tmp = sc.tmpdir()
        html = export_html(sc, anna, tmp)
        anna.finish()
        shot = chromium.render(html, tmp, pdf=False, png=True,
                               window=chromium.DOCS_WINDOW)
        shutil.copyfile(shot["png"], png)
        if len(argv) == 3:
            shutil.copyfile(html, os.path.abspath(argv[2]))
    print("written: %s" % png)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
