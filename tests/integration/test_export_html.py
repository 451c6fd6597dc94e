"""The poster as a page to print, written by the real line-mode client
from its mirror of a real room: the room of the docs' picture
(poster_room.py: four colleagues, notes on every step, votes, chosen
competences, activities and actions) read back by html5lib in strict
mode (Debian's python3-html5lib, which fails on any parse error); and a
smaller room printed by Debian's headless Chromium, to a PDF in which
the actions have a page of their own, and to a screenshot. The printed
room is small on purpose: its poster leaves most of the first page
free, so that the actions are on page 2 only because of the page break,
not because the poster happened to fill page 1. Chromium and poppler are
required (scripts/deps installs them): when they are missing the test
fails and says what to install."""

import atexit
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import chromium  # noqa: E402
import poster_room  # noqa: E402
from harness import Scope, check, run_tests  # noqa: E402

HOSTILE = "<script>alert(\"x\")</script> & 'y'"
# The actions of the docs' room.
ACTIONS = [
    "Contact leggen met twee verpleeghuizen in Aken",
    "Gastspreker van de Turkse ouderenvereniging uitnodigen",
    "Per leerjaar drie Engelstalige vakartikelen kiezen",
    "Budget voor het bezoek over de grens aanvragen",
    "Ervaringen van stagiairs in Hasselt delen op de open dag",
]
# The small room that is printed: Bram's commands, then Anna's.
SMALL_BRAM = [
    "note --step 1 Ik liep stage in een ziekenhuis in Gent.",
    "vote vreemde-taal",
]
SMALL_ANNA = [
    "note --step 2 Onze studenten werken straks met collega's uit "
    "heel Europa.",
    "vote vreemde-taal", "mark vreemde-taal",
    "activity add --from gastles --new --for vreemde-taal",
    "action add --activity 1 --owner Bram --when 2027-05 "
    "Gastles met een collega uit Gent plannen",
    "action add --team --needs tijd Stagebedrijven over de grens "
    "opzoeken",
    "note --step 5 Volgende keer bespreken we de stageplekken.",
]
# One word of each action that is nowhere else on the poster: in the
# PDF's text a table cell's lines need not stay together.
ACTION_WORDS = ["plannen", "Stagebedrijven"]
# Words of notes, which are on the poster and not with the actions.
NOTE_WORDS = ["ziekenhuis", "Europa", "stageplekken"]

_made = {}


def small_room(sc, srv, directory):
    """A room whose poster takes half a page; returns its poster.html."""
    anna = sc.client(srv.port, "Anna", new_room="Kleine poster")
    code = anna.room_code()
    bram = sc.client(srv.port, "Bram", room=code)
    bram.room_code()
    bram.send(*SMALL_BRAM)
    check(bram.finish() == 0, bram.describe())
    anna.send(*SMALL_ANNA)
    path = poster_room.export_html(sc, anna, directory)
    check(anna.finish() == 0, anna.describe())
    return path


def exported(which):
    """The poster.html of the docs' room ("docs") or of the small one
    ("small"), both made on one server (under valgrind every program
    start costs seconds) at the first call, and kept until the run
    ends."""
    if not _made:
        keep = tempfile.mkdtemp(prefix="aandeslag-html-")
        atexit.register(shutil.rmtree, keep, True)
        with Scope() as sc:
            srv = sc.server()
            anna = poster_room.fill(
                sc, srv, extra_notes=["note --step 2 " + HOSTILE])
            path = poster_room.export_html(sc, anna, sc.tmpdir())
            check(anna.finish() == 0, anna.describe())
            docs = shutil.copy(path, os.path.join(keep, "docs.html"))
            path = small_room(sc, srv, sc.tmpdir())
            small = shutil.copy(path, os.path.join(keep, "small.html"))
        _made.update(docs=docs, small=small)
    return _made[which]


def text_of(el):
    """The text of an element and all inside it, spaces collapsed."""
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def by_class(root, tag, cls):
    return [e for e in root.iter(tag)
            if cls in (e.get("class") or "").split()]


def test_html_reads_back():
    try:
        import html5lib
    except ImportError:
        raise AssertionError("python3-html5lib is not installed "
                             "(scripts/deps)")
    with open(exported("docs"), "rb") as f:
        data = f.read()
    text = data.decode("utf-8")
    check(text.startswith("<!DOCTYPE html>\n"), text[:40])
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        root = parser.parse(data, transport_encoding="utf-8")
    except html5lib.html5parser.ParseError as e:
        raise AssertionError("not well-formed HTML: %s" % e)
    check(root.get("lang") == "nl", "lang %r" % root.get("lang"))
    metas = [m.get("charset") for m in root.iter("meta")]
    check("utf-8" in metas, "no meta charset: %r" % metas)
    title = text_of(root.find("head/title"))
    check(title == poster_room.TITLE + " \u2014 Aan de slag met "
          "internationalisering", "title %r" % title)
    # Self-contained: nothing to run, nothing fetched.
    check(not list(root.iter("script")), "a script element")
    check(not list(root.iter("link")), "a link element")
    for e in root.iter():
        check(e.get("src") is None and e.get("href") is None,
              "%s fetches something: %r" % (e.tag, e.attrib))

    facts = {text_of(d.find("dt")): text_of(d.find("dd"))
             for d in root.find("body/header/dl").findall("div")}
    want = {"Opleiding": "Verzorgende-IG",
            "Kwalificatiedossier": "Verzorgende-IG en Maatschappelijke zorg",
            "Niveau": "3, 4", "Regio": "Grensregio Zuid-Limburg",
            "Vervolgoverleg": "11 maart 2027"}
    for key, value in want.items():
        check(facts.get(key) == value, "%s: %r" % (key, facts))
    # The colleagues join together, in no fixed order.
    who = facts.get("Deelnemers", "").split(", ")
    check(who[0] == "Anna (voorzitter)" and
          sorted(who[1:]) == ["Bram", "Carla", "Dirk"], "who %r" % who)
    check(re.fullmatch(r"\d{1,2} [a-z]+ 20\d\d", facts.get("Datum", "")),
          "date %r" % facts.get("Datum"))

    steps = by_class(root, "section", "step")
    check(len(steps) == 5, "%d step blocks" % len(steps))
    for n, block in enumerate(steps, 1):
        check(block.get("id") == "step-%d" % n, "block %d: %r"
              % (n, block.attrib))
        check(by_class(block, "p", "question"), "step %d: no question" % n)
    # Every note in its step's block, as typed; the hostile one too.
    for line in poster_room.CHAIR + sum(poster_room.COLLEAGUES.values(),
                                        []):
        if not line.startswith("note --step "):
            continue
        step, note = int(line.split(" ", 3)[2]), line.split(" ", 3)[3]
        check(note in text_of(steps[step - 1]),
              "step %d lacks note %r" % (step, note))
    items = [text_of(li) for li in steps[1].iter("li")]
    check(any(i.startswith(HOSTILE) for i in items),
          "the note with markup is not shown as typed: %r" % items)

    chosen = text_of(steps[2])
    check("Durven spreken in een vreemde taal \u25cf\u25cf\u25cf 3 stippen"
          in chosen, chosen)
    check(chosen.index("Interculturele competenties") <
          chosen.index("Internationale ori\u00ebntatie"), chosen)

    table = root.find(".//table[@class='activities']")
    check(table is not None, "no activity table")
    rows = {text_of(r.find("th")): [text_of(td) for td in r.findall("td")]
            for r in table.find("tbody").findall("tr")}
    check(set(rows) == {"Doen we al", "Nieuw"}, rows)
    check("BPV in een woonzorgcentrum in Hasselt" in rows["Doen we al"][0],
          rows)
    check("Rollenspel" in rows["Doen we al"][1], rows)
    check("Bedrijfsbezoek over de grens" in rows["Nieuw"][0], rows)
    check("Gastles" in rows["Nieuw"][1], rows)

    page = root.find(".//section[@id='actions']")
    check(page is not None, "no actions section")
    head = [text_of(th) for th in page.iter("th")]
    check(head == ["nr", "actie", "wie", "nodig", "leerjaren", "wanneer",
                   "status"], head)
    body = [[text_of(td) for td in tr.findall("td")]
            for tr in page.find(".//tbody").findall("tr")]
    check([r[0] for r in body] == ["p1", "p2", "p3", "p4", "p5"], body)
    for row, action in zip(body, ACTIONS):
        check(row[1].startswith(action), "%r is not %r" % (row, action))
    check(body[0][2:] == ["Dirk", "partners, tijd", "2", "februari 2027",
                          "bezig"], body[0])
    check(body[4][2] == "nog niemand", body[4])
    # The page break before the actions, in the style sheet.
    style = root.find("head/style").text
    check(re.search(r"\.actions \{[^}]*break-before: page", style),
          "no page break before the actions")


def test_chromium_prints_actions_on_their_own_page():
    html = exported("small")
    out = tempfile.mkdtemp(prefix="aandeslag-print-")
    try:
        # One run of Chromium makes both the PDF and the screenshot.
        made = chromium.render(html, out, pdf=True, png=True,
                               window=chromium.DOCS_WINDOW)
        pages = chromium.pdf_pages(made["pdf"])
        texts = chromium.pdf_page_texts(made["pdf"])
        check(pages == 2, "%d page(s), expected the poster and the "
              "actions:\n%s" % (pages, "\f".join(texts)))
        poster, actions = texts
        check("Kleine poster" in poster and "Betekenis" in poster,
              "the poster is not on page 1:\n" + poster)
        check("Aan de slag" in poster, "step 5 not on page 1:\n" + poster)
        for word in NOTE_WORDS:
            check(word in poster, "note word %r not on the poster:\n%s"
                  % (word, poster))
            check(word not in actions, "note word %r with the actions"
                  % word)
        for word in ACTION_WORDS:
            check(word in actions, "action word %r not with the "
                  "actions:\n%s" % (word, actions))
            check(word not in poster, "action word %r on the poster"
                  % word)
        check(actions.lstrip().startswith("5 Acties"),
              "page 2 does not begin with the actions:\n" + actions)
        # The printed date of the page, in Dutch.
        check(re.search(r"Datum: \d{1,2} [a-z]+ 20\d\d", poster),
              "no date in the header:\n" + poster)
        size = chromium.png_size(made["png"])
        check(size == chromium.DOCS_WINDOW, "screenshot %r" % (size,))
        check(os.path.getsize(made["png"]) > 10000,
              "the screenshot is nearly empty")
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    run_tests([test_html_reads_back,
               test_chromium_prints_actions_on_their_own_page])
