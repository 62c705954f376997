"""Server-sent events of a prediction: typed events and reconnection bookkeeping (no I/O).

A prediction that streams has ``urls.stream``; the server sends ``output``
chunks and ``logs`` as they happen, then ``done`` (or ``error``). The bytes
are decoded by ``_event_stream`` (which bounds the size of a line or event).
If the connection drops, the reader reconnects with ``Last-Event-ID`` so the
server resumes after the last event seen, and skips an event that repeats,
in its own ``id:`` line, an id delivered before the reconnect, so no chunk
is lost or repeated. An event without an ``id:`` line keeps the last id (as
the SSE spec says) and is never taken for a repeat: a server that replays
such events after a reconnect cannot be told from one sending new ones.

Reconnects count against the stream request's ``Attempts`` together with the
retries of each GET. A connection that delivered new events made progress:
the reconnect after it restarts the count from that connection (see
``Attempts.restart``), so the budget bounds drops in a row, not in total, and
a long stream over a flaky network is not cut off by drops spread over hours.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TypeAlias, cast

import httpx
from replicate_api.models.prediction import Prediction

from replicate_typed._effects import Flow, Send, Sleep
from replicate_typed._errors import (
    APIConnectionError,
    InvalidResponseError,
    StreamUnavailableError,
    describe_transport_error,
)
from replicate_typed._event_stream import EventDecoder, RawEvent
from replicate_typed._retry import Attempts


@dataclass(frozen=True)
class OutputEvent:
    """A chunk of output, e.g. the next tokens of a language model."""

    data: str
    id: str


@dataclass(frozen=True)
class LogsEvent:
    """Lines the model printed."""

    data: str
    id: str


@dataclass(frozen=True)
class DoneEvent:
    """The prediction finished; ``reason`` is set when it did not succeed (e.g. "canceled")."""

    reason: str | None
    id: str


StreamEvent: TypeAlias = OutputEvent | LogsEvent | DoneEvent


@dataclass(frozen=True)
class ErrorSignal:
    """The server's ``error`` event: the prediction failed."""

    message: str


class StreamReader:
    """Turn raw SSE into typed events across reconnects, without repeats."""

    def __init__(self, prediction: Prediction, timeout: httpx.Timeout) -> None:
        url = prediction.urls.stream if prediction.urls else None
        if not url:
            raise stream_unavailable(prediction)
        self.url = url
        # A stream idle for longer than the client's read timeout is treated
        # as dropped: the reader reconnects and resumes after the last event.
        self._timeout = timeout
        self._decoder = EventDecoder("predictions.stream")
        #: The last id seen (the spec's "last event ID"), sent as Last-Event-ID.
        self._last_id: str | None = None
        #: Ids delivered on earlier connections, and on this one.
        self._earlier: set[str] = set()
        self._current: set[str] = set()
        #: Whether this connection delivered a new event.
        self._progressed = False

    def request(self) -> Send:
        """The GET that opens (or resumes) the stream."""
        headers = {"Accept": "text/event-stream", "Cache-Control": "no-store"}
        if self._last_id is not None:
            headers["Last-Event-ID"] = self._last_id
        return Send(
            "predictions.stream",
            {"method": "GET", "url": self.url, "headers": headers},
            self._timeout,
            stream=True,
            follow_redirects=True,
        )

    def open(self, response: httpx.Response) -> None:
        """Start reading a connection's body; refuse a 2xx response that is not an event stream."""
        content_type = response.headers.get("content-type", "").partition(";")[0].strip()
        if content_type != "text/event-stream":
            raise InvalidResponseError(
                f"predictions.stream returned {content_type or 'no content type'!r}, "
                "not text/event-stream",
                status=response.status_code,
                operation="predictions.stream",
            )
        self._decoder = EventDecoder("predictions.stream")

    def receive(self, chunk: bytes) -> list[StreamEvent | ErrorSignal]:
        """The typed events completed by a chunk of the body, up to "done" or "error"."""
        received: list[StreamEvent | ErrorSignal] = []
        for raw in self._decoder.feed(chunk):
            event = self.feed(raw)
            if event is not None:
                received.append(event)
                if isinstance(event, DoneEvent | ErrorSignal):
                    break
        return received

    def reconnect(self, error: httpx.RequestError | None, attempts: Attempts) -> Flow[None]:
        """Pause before reconnecting after a drop (``error``) or an end without "done".

        Raises APIConnectionError when ``attempts`` (the stream's, shared with
        ``Core.send``, restarted by a connection that delivered new events)
        allows no more sends.
        """
        if self._progressed:
            attempts.restart()
        self._progressed = False
        self._earlier |= self._current
        self._current = set()
        delay = attempts.retry(error or httpx.RemoteProtocolError("stream ended before done"))
        if delay is None:
            why = describe_transport_error(error) if error else "it ended before done"
            raise APIConnectionError(
                f"predictions.stream: gave up after {attempts.sent} connections in a row "
                f"broke off ({why})",
                operation="predictions.stream",
            )
        yield Sleep(delay)

    def feed(self, raw: RawEvent) -> StreamEvent | ErrorSignal | None:
        """The typed event for ``raw``; None for repeats and unknown types."""
        if raw.id is not None:
            if raw.id in self._earlier:
                return None  # repeated after a reconnect: delivered already
            self._current.add(raw.id)
            # An empty id resets the last id (the spec): no Last-Event-ID then.
            self._last_id = raw.id or None
        event_id = self._last_id or ""
        event: StreamEvent | ErrorSignal | None = None
        if raw.event == "output":
            event = OutputEvent(raw.data, event_id)
        elif raw.event == "logs":
            event = LogsEvent(raw.data, event_id)
        elif raw.event == "done":
            event = DoneEvent(_reason(raw.data), event_id)
        elif raw.event == "error":
            event = ErrorSignal(_detail(raw.data))
        if event is not None:
            self._progressed = True
        return event


def stream_unavailable(
    prediction: Prediction, outcome: str | None = None
) -> StreamUnavailableError:
    """The error for a prediction without a stream URL; ``outcome``: what was done about it."""
    message = (
        f"prediction {prediction.id} has no stream URL: "
        f"its model ({prediction.model}) does not stream output"
    )
    return StreamUnavailableError(
        message if outcome is None else f"{message}; {outcome}", prediction=prediction
    )


def _reason(data: str) -> str | None:
    parsed = _json_object(data)
    reason = parsed.get("reason")
    return reason if isinstance(reason, str) and reason else None


def _detail(data: str) -> str:
    parsed = _json_object(data)
    detail = parsed.get("detail") or parsed.get("error")
    return detail if isinstance(detail, str) else data


def _json_object(data: str) -> dict[str, object]:
    try:
        parsed = json.loads(data)
    except (ValueError, RecursionError):  # not JSON, or too deep to parse
        return {}
    return cast(dict[str, object], parsed) if isinstance(parsed, dict) else {}
