"""Seats and the absent chair, against the real server on 127.0.0.1: the
chair recovery code gives the chair back from another laptop (also after
a restart, and it is stored only as a hash), the chair recognises a
colleague on a new laptop by name, and the chair cannot be taken over
while present."""

import os
import re

from harness import (ENV_ACK, ENV_JOINED, ENV_REFUSAL, Scope, check,
                     env_join as join_env, pb_all, pb_dict,
                     pb_varint, raw_answer as answer,
                     raw_command as command, raw_connect as connect,
                     raw_create, run_tests)

ROLE_CHAIR = 1
ERROR_ALREADY_PRESENT = 26
ERROR_NAME_TAKEN = 27
ERROR_BAD_TOKEN = 25
ERROR_NOT_ALLOWED = 40
ERROR_CHAIR_PRESENT = 76
ERROR_BAD_CHAIR_CODE = 77
CODE_RE = re.compile(r"^[2-9A-Z]{4}-[2-9A-Z]{4}$")








def create(sc, port, name="Anna"):
    return raw_create(sc, port, "Stoelen", name)


def roles(joined):
    return {pb_dict(p)[1]: pb_dict(p).get(3, 0)
            for p in pb_all(joined[5], 8)}






def test_chair_code_gives_the_chair_back():
    with Scope() as sc:
        srv = sc.server()
        data, port = srv.data, srv.port
        chair, joined = create(sc, port)
        chair_code = joined.get(8, b"").decode()
        check(CODE_RE.match(chair_code), "chair code %r" % chair_code)
        code = joined[2].decode()
        chair_id, old_token = joined[3], joined[4]
        bram = connect(sc, port)
        bram.send_env(join_env(code, "Bram"))
        check(answer(bram, "Joined")[0] == ENV_JOINED, "Bram not in")

        wrong = connect(sc, port)
        wrong.send_env(join_env(code, "Anna", chair_code="2222-2222"))
        kind, d = answer(wrong, "refusal")
        check(kind == ENV_REFUSAL and d.get(2) == ERROR_BAD_CHAIR_CODE,
              "a wrong chair code: %r" % (d,))

        # The chair's laptop dies; the chair comes back from another one,
        # also after the server restarted.
        chair.close()
        srv.kill9()
        with open(os.path.join(data, "aandeslag.db"), "rb") as f:
            check(chair_code.encode() not in f.read(),
                  "the chair code is stored in the clear")
        srv = sc.server(data=data, port=port)
        other = connect(sc, port)
        other.send_env(join_env(code, "", chair_code=chair_code.lower()))
        kind, back = answer(other, "Joined")
        check(kind == ENV_JOINED, "chair code refused: %r" % back)
        check(back[3] == chair_id, "came back as %r, not %r"
              % (back[3], chair_id))
        check(roles(back).get(chair_id) == ROLE_CHAIR, "not chair")
        check(back.get(4) and back[4] != old_token, "no new token")
        stale = connect(sc, port)
        stale.send_env(join_env(code, token=old_token))
        kind, d = answer(stale, "refusal")
        check(kind == ENV_REFUSAL and d.get(2) == ERROR_BAD_TOKEN,
              "the old laptop's token still works: %r" % (d,))


def test_recognised_colleague_takes_their_seat():
    with Scope() as sc:
        srv = sc.server()
        chair, joined = create(sc, srv.port)
        code = joined[2].decode()
        bram = connect(sc, srv.port)
        bram.send_env(join_env(code, "Bram"))
        kind, bj = answer(bram, "Joined")
        bram_id = bj[3]

        kind, d = command(chair, 2, 40, pb_varint(1, bram_id))
        check(kind == ENV_REFUSAL and d.get(2) == ERROR_ALREADY_PRESENT,
              "recognising someone present: %r" % (d,))
        kind, d = command(bram, 2, 40, pb_varint(1, 1))
        check(kind == ENV_REFUSAL and d.get(2) == ERROR_NOT_ALLOWED,
              "a participant recognising: %r" % (d,))

        bram.close()        # Bram's laptop is gone
        new = connect(sc, srv.port)
        new.send_env(join_env(code, "Bram"))
        kind, d = answer(new, "refusal")
        check(kind == ENV_REFUSAL and d.get(2) == ERROR_NAME_TAKEN,
              "the name of someone away: %r" % (d,))

        kind, d = command(chair, 3, 40, pb_varint(1, bram_id))
        check(kind == ENV_ACK, "recognise refused: %r" % (d,))
        new = connect(sc, srv.port)
        new.send_env(join_env(code, " bram "))
        kind, d = answer(new, "Joined")
        check(kind == ENV_JOINED and d[3] == bram_id,
              "Bram on a new laptop: %r" % (d,))
        # Once only: a third laptop with the name is refused again.
        third = connect(sc, srv.port)
        third.send_env(join_env(code, "Bram"))
        kind, d = answer(third, "refusal")
        check(kind == ENV_REFUSAL and d.get(2) == ERROR_NAME_TAKEN,
              "recognised twice: %r" % (d,))


def test_chair_present_cannot_be_taken_over():
    with Scope() as sc:
        srv = sc.server()
        chair, joined = create(sc, srv.port)
        bram = connect(sc, srv.port)
        bram.send_env(join_env(joined[2].decode(), "Bram"))
        answer(bram, "Joined")
        kind, d = command(bram, 2, 39)
        check(kind == ENV_REFUSAL and d.get(2) == ERROR_CHAIR_PRESENT,
              "taking over a chair who is there: %r" % (d,))
        check(d.get(3) == b"5", "minutes to wait: %r" % d.get(3))


if __name__ == "__main__":
    run_tests([test_chair_code_gives_the_chair_back,
               test_recognised_colleague_takes_their_seat,
               test_chair_present_cannot_be_taken_over])
