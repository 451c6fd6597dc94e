"""Durable rooms: what was acknowledged survives kill -9, restarts give the
rooms back exactly (through the model), commands are grouped into commits,
a full disk or a refused write gives clear refusals and loses nothing, and
deleted texts leave the database file. Everything runs against the real server on
127.0.0.1, with raw connections that record every Ack."""

import os
import random
import re
import sqlite3
import subprocess
import threading
import time

from harness import (CHILD_ENV, DEADLINE, ENV_ACK, ENV_COMMAND, ENV_EVENT,
                     ENV_JOINED, ENV_JOIN_ROOM, ENV_REFUSAL, SERVER_BIN,
                     WRAPPER, Scope, check, env_add_note, env_create_room,
                     frame, pb_all, pb_bytes, pb_dict, pb_varint, run_tests,
                     tail, wait_until)

ERROR_STORAGE = 75
ROLE_CHAIR = 1
CLOCK_RUNNING = 1
CLOCK_PAUSED = 2


def env_resume(request_id, code, token):
    return pb_bytes(ENV_JOIN_ROOM, pb_varint(1, request_id) +
                    pb_bytes(2, code) + pb_bytes(4, token))


def env_clock(request_id, action):
    return pb_bytes(ENV_COMMAND, pb_varint(1, request_id) +
                    pb_bytes(17, pb_varint(1, action)))


def env_delete_note(request_id, note_id):
    return pb_bytes(ENV_COMMAND, pb_varint(1, request_id) +
                    pb_bytes(21, pb_varint(1, note_id)))


def env_edit_note(request_id, note_id, text):
    return pb_bytes(ENV_COMMAND, pb_varint(1, request_id) +
                    pb_bytes(20, pb_varint(1, note_id) +
                             pb_bytes(2, text.encode())))


class Member:
    """A raw connection seated in a room that records what it sent and
    which request ids were acknowledged, reading in a thread of its own."""

    def __init__(self, sc, port, code=None, name="", title=None):
        self.sc = sc
        self.acked = {}         # request id -> seq
        self.refused = {}       # request id -> error code
        self.sent = []          # request ids in the order sent
        self.texts = {}         # request id -> note text
        self.events = []        # every Event as it came, packed
        self.lock = threading.Lock()
        self.reader = None
        self.connect(port)
        if title is not None:
            self.conn.send_env(env_create_room(1, title, name))
        else:
            self.conn.send_env(pb_bytes(ENV_JOIN_ROOM, pb_varint(1, 1) +
                                        pb_bytes(2, code) + pb_bytes(3, name)))
        joined, _ = self.conn.recv_until(ENV_JOINED)
        self.on_joined(joined)
        self.next_id = 1

    def connect(self, port):
        self.conn = self.sc.raw(port)
        self.conn.handshake()

    def on_joined(self, joined):
        d = pb_dict(joined)
        self.code = d[2].decode()
        self.id = d[3]
        self.token = d.get(4, getattr(self, "token", b""))
        self.last_request_id = d.get(7, 0)
        self.snapshot = d[5]

    def start_reading(self):
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        while True:
            try:
                f = self.conn.recv_frame(timeout=DEADLINE * 4)
            except Exception:
                return
            if f is None:
                return
            kind, inner = f
            d = pb_dict(inner)
            with self.lock:
                if kind == ENV_ACK:
                    self.acked[d.get(1, 0)] = d.get(3, 0)
                elif kind == ENV_REFUSAL:
                    self.refused[d.get(1, 0)] = d.get(2, 0)
                elif kind == ENV_EVENT:
                    self.events.append(inner)

    def pipeline_notes(self, label, n):
        """Sends n notes at once (one write), without waiting."""
        data = b""
        for _ in range(n):
            self.next_id += 1
            text = "%s-p%d-r%d" % (label, self.id, self.next_id)
            self.texts[self.next_id] = text
            self.sent.append(self.next_id)
            data += frame(env_add_note(self.next_id, text))
        try:
            self.conn.send(data)
        except OSError:
            pass

    def resume(self, port):
        """Comes back on a new connection with the token, and sends again
        every command that was not answered, with its own request id."""
        if self.reader is not None:
            self.reader.join(5)
        self.conn.close()
        self.connect(port)
        self.conn.send_env(env_resume(self.next_id + 1000000, self.code,
                                      self.token))
        joined, _ = self.conn.recv_until(ENV_JOINED)
        self.on_joined(joined)
        self.start_reading()
        with self.lock:
            unanswered = [r for r in self.sent
                          if r not in self.acked and r not in self.refused]
        data = b"".join(frame(env_add_note(r, self.texts[r]))
                        for r in unanswered)
        if data:
            self.conn.send(data)
        return unanswered

    def all_answered(self):
        with self.lock:
            return all(r in self.acked or r in self.refused
                       for r in self.sent)


def db_requests(data, code):
    """{participant id: {request id: seq}} from the stored requests: the
    events' own, and those kept when a snapshot replaced their events."""
    db = sqlite3.connect("file:%s?mode=ro" % os.path.join(data,
                                                          "aandeslag.db"),
                         uri=True)
    try:
        rows = db.execute("SELECT participant_id, request_id, seq FROM "
                          "requests WHERE room = ?1 UNION SELECT "
                          "participant_id, request_id, seq FROM events "
                          "WHERE room = ?1 AND request_id != 0",
                          (code,)).fetchall()
    finally:
        db.close()
    out = {}
    for pid, rid, seq in rows:
        out.setdefault(pid, {})[rid] = seq
    return out


def watch(sc, port, code):
    """Joins as a projector (no seat) and returns the room's snapshot."""
    projector = sc.raw(port)
    projector.handshake()
    projector.send_env(pb_bytes(ENV_JOIN_ROOM, pb_varint(1, 1) +
                                pb_bytes(2, code) + pb_varint(5, 1)))
    joined, _ = projector.recv_until(ENV_JOINED)
    return pb_dict(joined)[5]


def snapshot_notes(snapshot):
    return [pb_dict(n).get(5, b"").decode() for n in pb_all(snapshot, 9)]


def raw_bytes(data):
    out = b""
    for name in ("aandeslag.db", "aandeslag.db-wal"):
        path = os.path.join(data, name)
        if os.path.exists(path):
            with open(path, "rb") as f:
                out += f.read()
    return out


def test_kill9_rounds_keep_every_ack():
    rng = random.Random(os.environ.get("AANDESLAG_TEST_SEED", "durable"))
    with Scope() as sc:
        srv = sc.server()
        data, port = srv.data, srv.port
        members = [Member(sc, port, name="Voorzitter", title="Zeven")]
        for i in range(6):
            members.append(Member(sc, port, code=members[0].code,
                                  name="Collega %d" % (i + 1)))
        for m in members:
            m.start_reading()
        for rnd in range(3):
            for m in members:
                m.pipeline_notes("ronde%d" % rnd, 20)
            # Kill at a random moment while the commands are handled.
            time.sleep(rng.uniform(0.0, 0.15))
            srv.kill9()
            stored = db_requests(data, members[0].code)
            for m in members:
                if m.reader is not None:
                    m.reader.join(5)
                with m.lock:
                    acked = dict(m.acked)
                mine = stored.get(m.id, {})
                for rid, seq in acked.items():
                    check(mine.get(rid) == seq,
                          "round %d: request %d of participant %d was "
                          "acknowledged (seq %d) but stored as %r"
                          % (rnd, rid, m.id, seq, mine.get(rid)))
                for rid in mine:
                    check(rid in m.sent or rid == 1,
                          "stored request %d was never sent" % rid)
            srv = sc.server(data=data, port=port)
            for m in members:
                m.resume(port)
            wait_until(lambda: all(m.all_answered() for m in members),
                       "every command answered after the restart")
            for m in members:
                check(not m.refused, "refusals after restart: %r"
                      % m.refused)
        # Exactly what was acknowledged is on the poster, each note once.
        notes = snapshot_notes(watch(sc, port, members[0].code))
        expected = sorted(t for m in members for t in m.texts.values())
        check(sorted(notes) == expected,
              "notes after three kills: %d, expected %d; duplicates: %r"
              % (len(notes), len(expected),
                 sorted({n for n in notes if notes.count(n) > 1})[:5]))
        check(len(set(notes)) == len(notes), "a note came twice")


def test_group_commit_batches():
    with Scope() as sc:
        srv = sc.server()
        members = [Member(sc, srv.port, name="Voorzitter", title="Batch")]
        for i in range(6):
            members.append(Member(sc, srv.port, code=members[0].code,
                                  name="Collega %d" % (i + 1)))
        for m in members:
            m.start_reading()
        for m in members:
            m.pipeline_notes("batch", 40)
        wait_until(lambda: all(m.all_answered() for m in members),
                   "all 280 notes acknowledged")
        problems = srv.stop()
        check(not problems, "\n".join(problems))
        found = re.search(r"storage: (\d+) commits for (\d+) events",
                          srv.stderr())
        check(found is not None, "no storage line: %s" % tail(srv.stderr()))
        commits, events = int(found.group(1)), int(found.group(2))
        check(events >= 280, "only %d events stored" % events)
        check(commits * 2 <= events,
              "%d commits for %d events: commands were not grouped"
              % (commits, events))


def test_restart_gives_the_room_back():
    with Scope() as sc:
        srv = sc.server()
        data, port = srv.data, srv.port
        chair = Member(sc, port, name="Anna", title="Klok")
        bram = Member(sc, port, code=chair.code, name="Bram")
        epoch_before = pb_dict(chair.snapshot)[1]
        chair.start_reading()
        bram.start_reading()
        chair.next_id += 1
        chair.sent.append(chair.next_id)
        chair.conn.send_env(env_clock(chair.next_id, 1))   # start
        bram.pipeline_notes("voor", 3)
        wait_until(lambda: chair.all_answered() and bram.all_answered(),
                   "clock started and notes stored")
        time.sleep(1.6)
        srv.kill9()
        srv = sc.server(data=data, port=port)
        bram.resume(port)
        chair.resume(port)
        snap = pb_dict(chair.snapshot)
        check(snap[1] != epoch_before, "the epoch did not change")
        check(sorted(snapshot_notes(chair.snapshot)) ==
              sorted(bram.texts.values()), "notes lost")
        roles = {pb_dict(p)[1]: pb_dict(p).get(3, 0)
                 for p in pb_all(chair.snapshot, 8)}
        check(roles.get(chair.id) == ROLE_CHAIR,
              "the chair is no longer chair: %r" % roles)
        step = snap.get(6, 1)
        clock = pb_dict(pb_all(chair.snapshot, 7)[step - 1])
        check(clock.get(2) == CLOCK_PAUSED,
              "clock state %r after restart" % clock.get(2))
        check(clock.get(5) == 1, "the clock does not say the server "
              "stopped it")
        remaining = clock.get(3, 0)
        remaining = (remaining >> 1) ^ -(remaining & 1)
        duration = pb_dict(pb_all(chair.snapshot, 7)[step - 1]).get(4, 0)
        duration = (duration >> 1) ^ -(duration & 1)
        check(duration - 60000 < remaining <= duration - 500,
              "time left %d of %d: the time that ran is not counted"
              % (remaining, duration))


def run_admin(*args):
    return subprocess.run(WRAPPER + [SERVER_BIN] + list(args),
                          capture_output=True, text=True, env=CHILD_ENV,
                          timeout=60)


def test_deleted_text_leaves_the_file():
    with Scope() as sc:
        srv = sc.server()
        data = srv.data
        chair = Member(sc, srv.port, name="Anna", title="Geheim")
        chair.start_reading()
        chair.pipeline_notes("GEHEIM-7Q", 1)
        chair.pipeline_notes("BLIJFT-8R", 1)
        wait_until(chair.all_answered, "notes stored")
        secret = chair.texts[chair.sent[0]].encode()
        kept = chair.texts[chair.sent[1]].encode()
        wait_until(lambda: secret in raw_bytes(data),
                   "the note in the database (the check can fail)")
        note_id = 1
        chair.next_id += 1
        chair.sent.append(chair.next_id)
        chair.conn.send_env(env_delete_note(chair.next_id, note_id))
        wait_until(chair.all_answered, "note deleted")
        check(not chair.refused, "delete refused: %r" % chair.refused)
        wait_until(lambda: secret not in raw_bytes(data),
                   "the deleted text gone from the database and its WAL")
        problems = srv.stop()
        check(not problems, "\n".join(problems))
        everything = raw_bytes(data)
        check(secret not in everything, "deleted text back after stop")
        for name in os.listdir(data):
            mode = os.stat(os.path.join(data, name)).st_mode & 0o777
            check(mode == 0o600, "%s has mode %o" % (name, mode))
        check(os.stat(data).st_mode & 0o777 == 0o700, "data dir mode")
        check(kept in everything, "the note that stays is gone")

        # delete ROOM removes the rest, purge removes old rooms.
        listing = run_admin("list", "--data", data)
        check(listing.returncode == 0 and chair.code in listing.stdout,
              "list: %s %s" % (listing.stdout, listing.stderr))
        backup = os.path.join(sc.tmpdir(), "kopie.db")
        b = run_admin("backup", backup, "--data", data)
        check(b.returncode == 0 and os.path.exists(backup),
              "backup: %s" % b.stderr)
        check(os.stat(backup).st_mode & 0o777 == 0o600, "backup readable "
              "by others")
        d = run_admin("delete", chair.code, "--data", data)
        check(d.returncode == 0, "delete: %s" % d.stderr)
        check(kept not in raw_bytes(data), "text left after delete ROOM")
        again = run_admin("delete", chair.code, "--data", data)
        check(again.returncode == 1 and "geen werksessie" in again.stderr,
              "second delete: %r" % again.stderr)

        srv = sc.server(data=data)
        other = Member(sc, srv.port, name="Bram", title="Oud")
        other.start_reading()
        other.pipeline_notes("OUD-9S", 1)
        wait_until(other.all_answered, "note stored")
        busy = run_admin("purge", "--older-than", "0", "--data", data)
        check(busy.returncode == 1 and "draait" in busy.stderr,
              "purge while the server runs: %r" % busy.stderr)
        problems = srv.stop()
        check(not problems, "\n".join(problems))
        old = other.texts[other.sent[0]].encode()
        check(old in raw_bytes(data), "note not stored")
        p = run_admin("purge", "--older-than", "0", "--data", data)
        check(p.returncode == 0, "purge: %s" % p.stderr)
        check(old not in raw_bytes(data), "text left after purge")
        # The backup taken earlier still has the first room.
        db = sqlite3.connect(backup)
        check(db.execute("SELECT count(*) FROM rooms").fetchone()[0] == 1,
              "backup without the room")
        db.close()


def test_edited_text_leaves_the_file_by_the_stop():
    """Erasures are rewritten a second later in one batch; a server that
    stops before then still takes the old text out of the file."""
    with Scope() as sc:
        srv = sc.server()
        data = srv.data
        chair = Member(sc, srv.port, name="Anna", title="Bewerkt")
        chair.start_reading()
        chair.pipeline_notes("OUDE-TEKST-5K", 1)
        wait_until(chair.all_answered, "note stored")
        old = chair.texts[chair.sent[0]].encode()
        wait_until(lambda: old in raw_bytes(data),
                   "the note in the database (the check can fail)")
        chair.next_id += 1
        chair.sent.append(chair.next_id)
        chair.conn.send_env(env_edit_note(chair.next_id, 1,
                                          "NIEUWE-TEKST-6L"))
        wait_until(chair.all_answered, "note edited")
        check(not chair.refused, "edit refused: %r" % chair.refused)
        problems = srv.stop()
        check(not problems, "\n".join(problems))
        everything = raw_bytes(data)
        check(old not in everything, "the old text left after the stop")
        check(b"NIEUWE-TEKST-6L" in everything, "the new text is gone")


def test_full_disk_refuses_and_loses_nothing():
    with Scope() as sc:
        srv = sc.server("--max-db-size", "96K")
        data, port = srv.data, srv.port
        chair = Member(sc, port, name="Anna", title="Vol")
        chair.start_reading()
        for _ in range(40):
            chair.pipeline_notes("vol-" + "x" * 900, 5)
            wait_until(chair.all_answered, "answers")
            if chair.refused:
                break
        check(chair.refused, "the disk never filled")
        codes = set(chair.refused.values())
        check(codes == {ERROR_STORAGE}, "refusal codes %r" % codes)
        check(srv.alive(), "the server died")
        acked = [chair.texts[r] for r in chair.sent if r in chair.acked]
        # Another client is not disturbed: a projector still joins and
        # sees the room (watching writes nothing).
        seen = snapshot_notes(watch(sc, port, chair.code))
        check(sorted(seen) == sorted(acked),
              "the projector sees %d notes, %d were acknowledged"
              % (len(seen), len(acked)))
        srv.kill9()
        srv = sc.server(data=data, port=port)
        chair.resume(port)
        notes = snapshot_notes(chair.snapshot)
        check(sorted(notes) == sorted(acked),
              "after restart %d notes, %d were acknowledged"
              % (len(notes), len(acked)))


def test_failed_commit_loses_nothing_acknowledged():
    """The disk fills up while a commit writes (a file size limit on the
    server): nothing of that turn is acknowledged, the waiting connections
    are closed so that their clients catch up, and so is a member who
    already heard of the turn's notes (events go out while the commit
    runs); changes are refused until writing works again, and everything
    acknowledged survives, for the sender and for the member alike."""
    with Scope() as sc:
        # No idle timeout to close the quiet member's connection instead.
        srv = sc.server("--idle-timeout", "3600", fsize=160 * 1024)
        data, port = srv.data, srv.port
        chair = Member(sc, port, name="Anna", title="Vol tijdens commit")
        member = Member(sc, port, code=chair.code, name="Bram")
        chair.start_reading()
        member.start_reading()
        dropped = False
        for _ in range(60):
            chair.pipeline_notes("wal-" + "y" * 900, 4)
            wait_until(lambda: chair.all_answered() or chair.conn.eof,
                       "answers or the connection closed")
            if chair.conn.eof:
                dropped = True
                break
        check(dropped, "the commit never failed")
        check(srv.alive(), "the server died")
        wait_until(lambda: "commit failed" in srv.stderr(), "logged")
        # Back on a new connection: what was not answered is refused now.
        unanswered = chair.resume(port)
        check(unanswered, "nothing was left unanswered")
        wait_until(chair.all_answered, "answers after coming back")
        refused = {chair.refused.get(r) for r in unanswered}
        check(refused == {ERROR_STORAGE}, "after the failed commit: %r"
              % refused)
        acked = sorted(chair.texts[r] for r in chair.sent
                       if r in chair.acked)
        check(sorted(snapshot_notes(chair.snapshot)) == acked,
              "the room after the failed commit is not what was "
              "acknowledged")
        # The member heard of notes that were never stored: let go, and
        # back with the room as it is.
        wait_until(lambda: member.conn.eof, "the member let go")
        member.resume(port)
        check(sorted(snapshot_notes(member.snapshot)) == acked,
              "the member's room after the failed commit: %d notes, %d "
              "acknowledged" % (len(snapshot_notes(member.snapshot)),
                                len(acked)))
        srv.kill9()
        srv = sc.server(data=data, port=port)
        chair.resume(port)
        check(sorted(snapshot_notes(chair.snapshot)) == acked,
              "after a restart: %d notes, %d acknowledged"
              % (len(snapshot_notes(chair.snapshot)), len(acked)))


def test_failed_store_after_the_event_went_out():
    """Storing a command fails after its event went out to the room (the
    insert itself is refused, not the commit; a trigger the test puts into
    the database refuses one text): every member is let go, comes back to
    the room as stored, without the note they may have seen, and the
    sender, who got no Ack, has it refused when it sends it again while
    writing is in trouble, or acknowledged once writing works again.
    Nothing acknowledged is lost, also over a restart."""
    with Scope() as sc:
        srv = sc.server("--idle-timeout", "3600")
        data, port = srv.data, srv.port
        chair = Member(sc, port, name="Anna", title="Geweigerd")
        member = Member(sc, port, code=chair.code, name="Bram")
        chair.start_reading()
        member.start_reading()
        chair.pipeline_notes("eerst", 1)
        wait_until(chair.all_answered, "the first note answered")
        check(len(chair.acked) == 1, "first note: %r" % chair.refused)
        db = sqlite3.connect(os.path.join(data, "aandeslag.db"), timeout=10)
        db.execute("CREATE TRIGGER test_refuse BEFORE INSERT ON events "
                   "WHEN instr(NEW.data, CAST('boem' AS BLOB)) > 0 "
                   "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
        db.commit()
        chair.pipeline_notes("boem", 1)
        wait_until(lambda: chair.conn.eof and member.conn.eof,
                   "both let go after the failed store")
        check(srv.alive(), "the server died")
        # It went out before it was stored (and was then refused).
        check(any(b"boem" in e for e in member.events),
              "the member never heard of the note")
        db.execute("DROP TRIGGER test_refuse")
        db.commit()
        db.close()
        acked = lambda: sorted(chair.texts[r] for r in chair.sent
                               if r in chair.acked)
        check(not any(r in chair.acked for r in chair.sent[1:]),
              "the refused note was acknowledged")
        # The member is back with the room as stored: no "boem".
        member.resume(port)
        check(sorted(snapshot_notes(member.snapshot)) == acked(),
              "the member's room after the failed store: %r"
              % snapshot_notes(member.snapshot))
        # The sender too, and its note, sent again, is refused or (the
        # disk found working again) acknowledged; nothing in between.
        unanswered = chair.resume(port)
        check(len(unanswered) == 1, "unanswered: %r" % unanswered)
        check(sorted(snapshot_notes(chair.snapshot)) == sorted(
            snapshot_notes(member.snapshot)), "chair and member differ")
        wait_until(chair.all_answered, "the note sent again answered")
        answer = chair.refused.get(unanswered[0], "ack")
        check(answer in (ERROR_STORAGE, "ack"), "answered %r" % answer)
        # Once writing works again a note is stored as ever.
        def stored_again():
            chair.pipeline_notes("daarna", 1)
            wait_until(chair.all_answered, "answered")
            return chair.sent[-1] in chair.acked
        wait_until(stored_again, "a note acknowledged again", timeout=20)
        wait_until(lambda: sorted(snapshot_notes(watch(sc, port, chair.code)))
                   == acked(), "the room as acknowledged")
        srv.kill9()
        srv = sc.server(data=data, port=port)
        check(sorted(snapshot_notes(watch(sc, port, chair.code))) == acked(),
              "after a restart the room is not what was acknowledged")


if __name__ == "__main__":
    run_tests([test_kill9_rounds_keep_every_ack, test_group_commit_batches,
               test_restart_gives_the_room_back,
               test_deleted_text_leaves_the_file,
               test_edited_text_leaves_the_file_by_the_stop,
               test_full_disk_refuses_and_loses_nothing,
               test_failed_commit_loses_nothing_acknowledged,
               test_failed_store_after_the_event_went_out])
