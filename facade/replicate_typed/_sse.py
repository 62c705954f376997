"""Server-sent events of a prediction: typed events and reconnection bookkeeping (no I/O).

A prediction that streams has ``urls.stream``; the server sends ``output``
chunks and ``logs`` as they happen, then ``done`` (or ``error``). If the
connection drops, the reader reconnects with ``Last-Event-ID`` so the server
resumes after the last event seen, and skips any event it has already
delivered, so no chunk is lost or repeated. Reconnects count against the
stream request's ``Attempts`` together with the retries of each GET, so a
stream is sent at most ``1 + max_retries`` times (see ``_retry``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TypeAlias, cast

import httpx
from httpx_sse import ServerSentEvent
from replicate_api.models.prediction import Prediction

from replicate_typed._effects import Flow, Send, Sleep
from replicate_typed._errors import (
    APIConnectionError,
    InvalidResponseError,
    StreamUnavailableError,
    describe_transport_error,
)
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
            raise StreamUnavailableError(
                f"prediction {prediction.id} has no stream URL: "
                f"its model ({prediction.model}) does not stream output"
            )
        self.url = url
        self.done = False
        # A stream idle for longer than the client's read timeout is treated
        # as dropped: the reader reconnects and resumes after the last event.
        self._timeout = timeout
        self._last_id: str | None = None
        self._seen: set[str] = set()

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

    def check(self, response: httpx.Response) -> None:
        """Refuse a 2xx response that is not an event stream."""
        content_type = response.headers.get("content-type", "").partition(";")[0].strip()
        if content_type != "text/event-stream":
            raise InvalidResponseError(
                f"predictions.stream returned {content_type or 'no content type'!r}, "
                "not text/event-stream",
                status=response.status_code,
                operation="predictions.stream",
            )

    def reconnect(self, error: httpx.RequestError | None, attempts: Attempts) -> Flow[None]:
        """Pause before reconnecting after a drop (``error``) or an end without "done".

        Raises APIConnectionError when ``attempts`` (the stream's, shared with
        ``Core.send``) allows no more sends.
        """
        delay = attempts.retry(error or httpx.RemoteProtocolError("stream ended before done"))
        if delay is None:
            why = describe_transport_error(error) if error else "it ended before done"
            raise APIConnectionError(
                f"predictions.stream: gave up after {attempts.sent} reconnects ({why})",
                operation="predictions.stream",
            )
        yield Sleep(delay)

    def feed(self, sse: ServerSentEvent) -> StreamEvent | ErrorSignal | None:
        """The typed event for ``sse``; None for repeats and unknown types."""
        if sse.id:
            if sse.id in self._seen:
                return None
            self._seen.add(sse.id)
            self._last_id = sse.id
        if sse.event == "output":
            return OutputEvent(sse.data, sse.id)
        if sse.event == "logs":
            return LogsEvent(sse.data, sse.id)
        if sse.event == "done":
            self.done = True
            return DoneEvent(_reason(sse.data), sse.id)
        if sse.event == "error":
            self.done = True
            return ErrorSignal(_detail(sse.data))
        return None


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
