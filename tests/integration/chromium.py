"""Debian's headless Chromium as the tests and scripts/screenshot-poster
use it: one run that prints a page to PDF and takes a screenshot, in a
profile of its own (a temporary HOME and --user-data-dir), so that
nothing of a real browser profile is read or written. Missing Chromium
is a failure with the package to install, never a silent skip: CI
installs it (scripts/deps)."""

import os
import shutil
import struct
import subprocess
import tempfile

# The window of a screenshot for the docs: A4's shape, a little wider
# than its printed width at 96 dpi (190 mm is 718 px) with the page's
# screen margins, and tall enough for the poster without the actions.
DOCS_WINDOW = (820, 1300)
# Chromium starts slowly under a loaded CI machine; one render is all.
TIMEOUT = 120


def find():
    """Returns the path of Debian's chromium; fails with what to install
    when there is none."""
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path is not None:
            return path
    raise AssertionError("chromium is not installed: apt-get install "
                         "chromium poppler-utils (scripts/deps does)")


def render(html, directory, pdf=True, png=True, window=(1200, 900)):
    """Renders the file html with headless Chromium, writing out.pdf
    and/or out.png into directory. Returns {"pdf": path, "png": path}
    for what was asked. Fails with Chromium's output when it fails."""
    exe = find()
    profile = tempfile.mkdtemp(prefix="aandeslag-chromium-")
    out = {}
    argv = [exe, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions",
            "--hide-scrollbars", "--force-device-scale-factor=1",
            "--user-data-dir=" + os.path.join(profile, "data"),
            "--window-size=%d,%d" % window]
    if pdf:
        out["pdf"] = os.path.join(directory, "out.pdf")
        argv += ["--no-pdf-header-footer", "--print-to-pdf=" + out["pdf"]]
    if png:
        out["png"] = os.path.join(directory, "out.png")
        argv += ["--screenshot=" + out["png"]]
    argv.append("file://" + os.path.abspath(html))
    env = dict(os.environ)
    env["HOME"] = profile
    env["XDG_CONFIG_HOME"] = os.path.join(profile, "config")
    env["XDG_CACHE_HOME"] = os.path.join(profile, "cache")
    try:
        p = subprocess.run(argv, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           env=env, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise AssertionError("chromium did not finish within %d s"
                             % TIMEOUT)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    log = p.stdout.decode("utf-8", "replace")
    for kind, path in out.items():
        if (p.returncode != 0 or not os.path.exists(path) or
                os.path.getsize(path) == 0):
            raise AssertionError("chromium made no %s (status %d):\n%s"
                                 % (kind, p.returncode, log[-3000:]))
    return out


def png_size(path):
    """Returns (width, height) of a PNG file; fails if it is none."""
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise AssertionError("%s is not a PNG" % path)
    return struct.unpack(">II", head[16:24])


def pdf_pages(path):
    """Returns the number of pages of a PDF, as poppler's pdfinfo says."""
    if shutil.which("pdfinfo") is None:
        raise AssertionError("pdfinfo is not installed: apt-get install "
                             "poppler-utils (scripts/deps does)")
    info = subprocess.run(["pdfinfo", path], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=60,
                          check=False).stdout.decode("utf-8", "replace")
    for line in info.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo says no page count:\n" + info)


def pdf_page_texts(path):
    """Returns the text of each page of a PDF (poppler's pdftotext)."""
    n = pdf_pages(path)
    texts = []
    for page in range(1, n + 1):
        texts.append(subprocess.run(
            ["pdftotext", "-layout", "-f", str(page), "-l", str(page),
             "-enc", "UTF-8", path, "-"], stdout=subprocess.PIPE,
            timeout=60, check=True).stdout.decode("utf-8"))
    return texts
