"""Server-sent events from the bytes of one connection, read as the WHATWG spec says (no I/O).

The stream reader (``_sse``) needs two things a generic SSE client does not
give: whether an event carried its own ``id:`` line (an event without one
keeps the last id, so it must not be taken for a repeat), and a bound on
memory (a server that never ends a line must not fill it). So the decoding
is here, in one small state machine fed the body's chunks:

- lines end at CRLF, CR or LF, also when a chunk ends between CR and LF;
- a UTF-8 byte order mark at the start of the stream is dropped;
- ``event``, ``data`` and ``id`` fields build an event, dispatched at a blank
  line; ``retry`` and unknown fields are ignored (the retry policy decides
  when to reconnect), as are comments (``:``) and an ``id`` holding NUL;
- an event is dispatched when any of its fields was set: the spec drops one
  without data, this keeps it, so ``event: done`` alone still ends a stream;
- an event cut off by the end of the connection is discarded;
- a line, or the fields of one event together, longer than ``MAX_EVENT_BYTES``
  raises InvalidResponseError as soon as the limit is passed, without
  buffering the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from replicate_typed._errors import InvalidResponseError

#: The most one line, or one event's fields together, may hold (10 MiB):
#: far beyond any chunk of model output, small enough that a server sending
#: one endless line cannot exhaust memory.
MAX_EVENT_BYTES = 10 * 1024 * 1024

_LINE_END = re.compile(rb"\r\n|\r|\n")
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class RawEvent:
    """One dispatched event, before the stream reader gives it a type."""

    #: The ``event`` field; "" when the event named none (the spec's "message").
    event: str
    #: The ``data`` lines, joined with newlines.
    data: str
    #: This event's own ``id`` field; None when it had none (the last id carries over).
    id: str | None


class EventDecoder:
    """Turn the body chunks of one connection into ``RawEvent``s."""

    def __init__(self, operation: str, limit: int = MAX_EVENT_BYTES) -> None:
        self._operation = operation
        self._limit = limit
        self._pending = bytearray()  # the line so far, not yet ended
        self._after_cr = False  # the last chunk ended with CR: a LF first is its pair
        self._started = False  # the first line (where a BOM may sit) has been read
        self._type = ""
        self._data: list[str] = []
        self._id: str | None = None
        self._size = 0  # bytes in the fields of the event being built

    def feed(self, chunk: bytes) -> list[RawEvent]:
        """The events completed by ``chunk``; InvalidResponseError past the size limit."""
        if self._after_cr and chunk.startswith(b"\n"):
            chunk = chunk[1:]
        self._after_cr = chunk.endswith(b"\r")
        events: list[RawEvent] = []
        start = 0
        for end in _LINE_END.finditer(chunk):
            line = chunk[start : end.start()]
            if self._pending:
                self._pending += line
                line = bytes(self._pending)
                self._pending.clear()
            self._check(len(line), "a line")
            self._line(line, events)
            start = end.end()
        self._check(len(self._pending) + len(chunk) - start, "a line")
        self._pending += chunk[start:]
        return events

    def _line(self, line: bytes, events: list[RawEvent]) -> None:
        if not self._started:
            self._started = True
            line = line.removeprefix(_BOM)
        if not line:
            self._dispatch(events)
            return
        name, _, value = line.partition(b":")
        value = value.removeprefix(b" ")
        if name not in (b"data", b"event", b"id") or (name == b"id" and b"\0" in value):
            return  # a comment (empty name), retry, an unknown field, or an id the spec ignores
        self._size += len(value) + 1
        self._check(self._size, "an event")
        text = value.decode("utf-8", errors="replace")
        if name == b"data":
            self._data.append(text)
        elif name == b"event":
            self._type = text
        else:
            self._id = text

    def _dispatch(self, events: list[RawEvent]) -> None:
        if self._data or self._type or self._id is not None:
            events.append(RawEvent(self._type, "\n".join(self._data), self._id))
        self._type, self._data, self._id, self._size = "", [], None, 0

    def _check(self, size: int, what: str) -> None:
        if size > self._limit:
            raise InvalidResponseError(
                f"{self._operation}: {what} of the event stream is longer than "
                f"{self._limit:,} bytes; the stream was closed",
                status=200,
                operation=self._operation,
            )
