"""The wire protocol, encoded by hand for the integration tests: protobuf
varints and fields (pb_*), the envelope's field numbers (ENV_*) and the
error codes (ERROR_*), the length-prefixed frame, builders of the
envelopes a test sends (env_*, minimal_content) and readers of what the
server sends (envelope_kind, error_code_of, event_note_text,
describe_frames).

Re-exported by harness.py, where the tests import it from.
"""

import struct

from basics import check


def varint(n):
    check(n >= 0, "varint of a negative number")
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def pb_varint(field, value):
    return varint(field << 3 | 0) + varint(value)


def pb_bytes(field, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return varint(field << 3 | 2) + varint(len(data)) + data


def pb_sint(field, value):
    return pb_varint(field, (value << 1) ^ (value >> 63))


def read_varint(buf, pos):
    shift = 0
    value = 0
    while True:
        if pos >= len(buf):
            raise ValueError("truncated varint")
        b = buf[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        if not b & 0x80:
            return value, pos
        shift += 7
        if shift > 63:
            raise ValueError("varint too long")


def pb_parse(buf):
    """Parses one message level: a list of (field, wire type, value)."""
    fields = []
    pos = 0
    buf = bytes(buf)
    while pos < len(buf):
        key, pos = read_varint(buf, pos)
        field, wt = key >> 3, key & 7
        if wt == 0:
            value, pos = read_varint(buf, pos)
        elif wt == 2:
            n, pos = read_varint(buf, pos)
            if pos + n > len(buf):
                raise ValueError("truncated field")
            value = buf[pos:pos + n]
            pos += n
        elif wt == 1:
            value = buf[pos:pos + 8]
            pos += 8
        elif wt == 5:
            value = buf[pos:pos + 4]
            pos += 4
        else:
            raise ValueError("wire type %d" % wt)
        fields.append((field, wt, value))
    return fields


def pb_dict(buf):
    """field number -> last value (proto3 semantics for singular fields)."""
    return {f: v for f, _, v in pb_parse(buf)}


def pb_all(buf, field):
    return [v for f, _, v in pb_parse(buf) if f == field]


# Envelope field numbers.
ENV_HELLO = 1
ENV_WELCOME = 2
ENV_VERSION_REFUSED = 3
ENV_CREATE_ROOM = 4
ENV_JOIN_ROOM = 5
ENV_JOINED = 6
ENV_COMMAND = 7
ENV_ACK = 8
ENV_REFUSAL = 9
ENV_EVENT = 10
ENV_SNAPSHOT = 11
ENV_CLOSING = 12
ENV_PING = 13
ENV_PONG = 14

ENV_NAMES = {1: "Hello", 2: "Welcome", 3: "VersionRefused", 4: "CreateRoom",
             5: "JoinRoom", 6: "Joined", 7: "Command", 8: "Ack",
             9: "Refusal", 10: "Event", 11: "Snapshot", 12: "Closing",
             13: "Ping", 14: "Pong"}

ERROR_MALFORMED_FRAME = 1
ERROR_FRAME_TOO_LARGE = 2
ERROR_UNKNOWN_MESSAGE = 3
ERROR_UNEXPECTED_MESSAGE = 4
ERROR_SERVER_SHUTDOWN = 5
ERROR_NO_SUCH_ROOM = 20
ERROR_ROOM_FULL = 21

MAX_CLIENT_FRAME = 16384


def pb_text(field, nl, en):
    """A Text message {nl, en} as field."""
    return pb_bytes(field, pb_bytes(1, nl) + pb_bytes(2, en))


def minimal_content():
    """The smallest Content a client accepts: five steps with one card
    question each, one category with one competence, one activity."""
    body = pb_bytes(1, "test")
    for n in range(1, 6):
        question = pb_bytes(1, "q%d" % n) + pb_text(2, "Vraag?", "Question?")
        step = (pb_varint(1, n) + pb_text(2, "Stap %d" % n, "Step %d" % n) +
                pb_text(3, "Waarom?", "Why?") + pb_text(4, "Doel", "Goal") +
                pb_varint(5, 20) + pb_bytes(6, question))
        body += pb_bytes(2, step)
    competence = (pb_bytes(1, "open") + pb_text(2, "Open", "Open") +
                  pb_text(3, "Nieuwsgierig", "Curious"))
    body += pb_bytes(3, pb_bytes(1, "cat") + pb_text(2, "Cat", "Cat") +
                     pb_bytes(3, competence))
    body += pb_bytes(4, pb_bytes(1, "stage") + pb_text(2, "Stage", "Work") +
                     pb_varint(3, 1))
    return body


def frame(body):
    return struct.pack(">I", len(body)) + body


def env_hello(min_version=1, max_version=1, software=None):
    body = pb_varint(1, min_version) + pb_varint(2, max_version)
    if software is not None:
        body += pb_bytes(3, software)
    return pb_bytes(ENV_HELLO, body)


def env_create_room(request_id, title, name):
    return pb_bytes(ENV_CREATE_ROOM, pb_varint(1, request_id) +
                    pb_bytes(2, title) + pb_bytes(3, name))


def env_join_room(request_id, code, name):
    return pb_bytes(ENV_JOIN_ROOM, pb_varint(1, request_id) +
                    pb_bytes(2, code) + pb_bytes(3, name))


def env_join(code, name="", token=None, viewer=False, chair_code=None,
             password=None, request_id=1):
    """A JoinRoom with the fields a test gives: a name, a resume token,
    as a viewer (projector), the chair recovery code, a password."""
    body = pb_varint(1, request_id) + pb_bytes(2, code)
    if name:
        body += pb_bytes(3, name)
    if token is not None:
        body += pb_bytes(4, token)
    if viewer:
        body += pb_varint(5, 1)
    if chair_code is not None:
        body += pb_bytes(7, chair_code)
    if password is not None:
        body += pb_bytes(10, password)
    return pb_bytes(ENV_JOIN_ROOM, body)


def env_add_note(request_id, text, step=0):
    note = (pb_varint(1, step) if step else b"") + pb_bytes(2, text)
    return pb_bytes(ENV_COMMAND, pb_varint(1, request_id) + pb_bytes(16, note))


def envelope_kind(body):
    """(field number, inner bytes) of an envelope's one body field."""
    fields = pb_parse(body)
    check(len(fields) == 1,
          "envelope with %d fields: %r" % (len(fields), body[:64]))
    field, wt, value = fields[0]
    check(wt == 2, "envelope body field %d has wire type %d" % (field, wt))
    return field, value


def error_code_of(kind, inner):
    """The ErrorCode of a Closing (field 1) or Refusal (field 2)."""
    d = pb_dict(inner)
    return d.get(1 if kind == ENV_CLOSING else 2, 0)


def event_note_text(inner):
    """The note text of an Event that adds a note, else None."""
    d = pb_dict(inner)
    if 16 not in d:
        return None
    return pb_dict(d[16]).get(5, b"").decode("utf-8")


def describe_frames(frames):
    return "[" + ", ".join(
        "%s%s" % (ENV_NAMES.get(k, "field %d" % k),
                  "(code %d)" % error_code_of(k, v)
                  if k in (ENV_CLOSING, ENV_REFUSAL) else "")
        for k, v in frames) + "]"
