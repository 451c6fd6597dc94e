"""Dutch and English: the choice of language (--lang, AANDESLAG_LANG, the
locale, else Dutch) in both programs, a refusal rendered in English from
its code while the line keeps "error: CODE:", and "lang en" switching
the line mode as it runs. The children run in C.UTF-8 (harness.py), the
only locale a bare machine has; the English catalogue is the build's
(AANDESLAG_LOCALEDIR)."""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (CHILD_ENV, CLIENT_BIN, DEADLINE, SERVER_BIN,  # noqa: E402
                     WRAPPER, Scope, check, run_tests)

NO_SUCH_ROOM_NL = "Er is geen werksessie met deze code."
NO_SUCH_ROOM_EN = "There is no session with this code."


def run(binary, *args, env=None):
    """Runs a program to its end; returns (exit code, stdout, stderr)."""
    p = subprocess.run(WRAPPER + [binary] + list(args),
                       env=CHILD_ENV if env is None else env,
                       stdin=subprocess.DEVNULL, capture_output=True,
                       timeout=DEADLINE)
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"))


def env_with(**kw):
    env = dict(CHILD_ENV)
    for k, v in kw.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return env


def test_help_dutch_by_default():
    rc, out, err = run(CLIENT_BIN, "--help")
    check(rc == 0, "client --help: exit %d: %s" % (rc, err))
    check(out.startswith("Gebruik: aandeslag"), "not Dutch:\n%s" % out[:300])
    rc, out, err = run(SERVER_BIN, "--help")
    check(rc == 0 and out.startswith("Gebruik: aandeslag-server"),
          "server --help not Dutch: %d\n%s" % (rc, out[:300]))


def test_help_english_with_option():
    rc, out, err = run(CLIENT_BIN, "--lang", "en", "--help")
    check(rc == 0, "client --lang en --help: exit %d: %s" % (rc, err))
    check(out.startswith("Usage: aandeslag"), "not English:\n%s" % out[:300])
    check("--lang nl|en" in out and "Gebruik" not in out,
          "the English help:\n%s" % out)
    # After the other options too, and as --lang=en.
    rc, out, err = run(CLIENT_BIN, "--help", "--lang=en")
    check(rc == 0 and out.startswith("Usage: aandeslag"),
          "--help --lang=en: %d\n%s" % (rc, out[:300]))
    rc, out, err = run(SERVER_BIN, "--lang", "en", "--help")
    check(rc == 0 and out.startswith("Usage: aandeslag-server"),
          "server --lang en --help: %d\n%s" % (rc, out[:300]))
    # The maintenance commands take it too.
    rc, out, err = run(SERVER_BIN, "list", "--help", "--lang", "en")
    check(rc == 0 and out.startswith("Usage: aandeslag-server list"),
          "server list --help --lang en: %d\n%s%s" % (rc, out[:300], err))


def test_choice_from_environment():
    # AANDESLAG_LANG, over the locale.
    rc, out, _ = run(CLIENT_BIN, "--help", env=env_with(AANDESLAG_LANG="en"))
    check(out.startswith("Usage:"), "AANDESLAG_LANG=en:\n%s" % out[:200])
    # The option over AANDESLAG_LANG.
    rc, out, _ = run(CLIENT_BIN, "--help", "--lang", "nl",
                     env=env_with(AANDESLAG_LANG="en"))
    check(out.startswith("Gebruik:"), "--lang nl:\n%s" % out[:200])
    # An English locale, even one this machine does not have: only the
    # language of its name counts.
    rc, out, _ = run(CLIENT_BIN, "--help",
                     env=env_with(LC_ALL=None, LANG="en_GB.UTF-8"))
    check(out.startswith("Usage:"), "LANG=en_GB.UTF-8:\n%s" % out[:200])
    rc, out, _ = run(CLIENT_BIN, "--help",
                     env=env_with(LC_ALL=None, LANG="nl_NL.UTF-8",
                                  LANGUAGE="en"))
    check(out.startswith("Usage:"), "LANGUAGE=en:\n%s" % out[:200])
    # Neither Dutch nor English: Dutch.
    rc, out, _ = run(CLIENT_BIN, "--help",
                     env=env_with(LC_ALL=None, LANG="de_DE.UTF-8"))
    check(out.startswith("Gebruik:"), "LANG=de_DE.UTF-8:\n%s" % out[:200])
    # The plain C locale, with nothing else set: Dutch; and English
    # there when asked for.
    rc, out, _ = run(CLIENT_BIN, "--help", env=env_with(LC_ALL="C"))
    check(out.startswith("Gebruik:"), "LC_ALL=C:\n%s" % out[:200])
    rc, out, _ = run(CLIENT_BIN, "--help", "--lang", "en",
                     env=env_with(LC_ALL="C"))
    check(out.startswith("Usage:"), "LC_ALL=C --lang en:\n%s" % out[:200])


def test_wrong_language():
    for binary in (CLIENT_BIN, SERVER_BIN):
        rc, out, err = run(binary, "--lang", "de", "--help")
        check(rc == 2, "%s --lang de: exit %d" % (binary, rc))
        check("--lang verwacht nl of en" in err, "the message: %r" % err)
        rc, out, err = run(binary, "--version", "--lang")
        check(rc == 2 and "--lang verwacht nl of en" in err,
              "%s --lang without a value: %d %r" % (binary, rc, err))


def test_refusal_in_english():
    with Scope() as sc:
        srv = sc.server()
        chair = sc.client(srv.port, "Anna", new_room="Kamer")
        code = chair.room_code()
        wrong = "2222-2222" if code != "2222-2222" else "3333-3333"
        for lang, sentence in (("nl", NO_SUCH_ROOM_NL),
                               ("en", NO_SUCH_ROOM_EN)):
            c = sc.client(srv.port, "Bram", room=wrong,
                          extra=("--lang", lang))
            rc = c.wait_exit()
            check(rc == 2, "%s: expected exit 2: %s" % (lang, c.describe()))
            # The code stays what scripts read; the sentence is the
            # reader's.
            check(any(l.startswith("error: no_such_room: " + sentence)
                      for l in c.lines()),
                  "%s: no 'error: no_such_room: %s' line: %s"
                  % (lang, sentence, c.describe()))
        check(chair.finish() == 0, "expected exit 0: %s" % chair.describe())


def test_switch_in_line_mode():
    with Scope() as sc:
        srv = sc.server()
        anna = sc.client(srv.port, "Anna", new_room="Kamer")
        anna.room_code()
        anna.send("note één", "prev")
        anna.wait_line(lambda l: l.endswith("notitie 1 bij stap 1 van "
                                            "Anna: één"), "the Dutch note")
        anna.wait_line(lambda l: l == "error: no_prev_step: Dit is al de "
                       "eerste stap.", "the Dutch refusal")
        anna.send("lang en", "note two", "prev", "lang de")
        anna.wait_line(lambda l: l.endswith("note 2 on step 1 by Anna: two"),
                       "the English note")
        anna.wait_line(lambda l: l == "error: no_prev_step: This is already "
                       "the first step.", "the English refusal")
        anna.wait_line(lambda l: l.startswith("error: usage: lang expects nl "
                                              "or en"), "lang de refused")
        anna.send("taal nl", "prev")
        anna.wait_line(lambda l: l.startswith("error: no_prev_step: Dit is")
                       and anna.lines().count(l) == 2, "Dutch again")
        check(anna.finish() == 1, "expected exit 1 (refusals): %s"
              % anna.describe())


if __name__ == "__main__":
    run_tests([test_help_dutch_by_default, test_help_english_with_option,
               test_choice_from_environment, test_wrong_language,
               test_refusal_in_english, test_switch_in_line_mode])
