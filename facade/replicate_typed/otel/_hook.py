"""OpenTelemetry spans built from the client's events (``_events``): no second instrumentation.

Spans, all from the tracer "replicate_typed":

- One CLIENT span per attempt of an API call, named by the operation
  ("predictions.get"), from ``RequestSent`` to its ``ResponseReceived`` or
  ``RequestFailed`` (paired by the events' ``call`` and ``attempt``, so
  concurrent calls do not mix). A retry is a span of its own, as OpenTelemetry's
  HTTP conventions have it: it carries ``http.request.resend_count`` and, as
  span events, why it was sent ("replicate.throttled", "replicate.retry").
- One INTERNAL span per prediction (or training) lifecycle, "replicate.prediction",
  from the first status the client saw to a final one, with a
  "replicate.status_changed" span event at each change.

Times are the hook's clock at each event (the events arrive as they happen).
Never recorded: the token or any header (no event has them), a URL's query,
and a prediction's input or output unless ``record_io=True``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from opentelemetry import trace
from opentelemetry.trace import Span, SpanKind, Status, StatusCode, TracerProvider

from replicate_typed._events import (
    Event,
    RequestFailed,
    RequestSent,
    ResponseReceived,
    RetryScheduled,
    StatusChanged,
    Throttled,
)
from replicate_typed._polling import TERMINAL_STATUSES
from replicate_typed._version import __version__
from replicate_typed.otel._attributes import json_attribute, url_attributes
from replicate_typed.otel._open_spans import OpenSpans

#: Final statuses that are failures (a cancel is the caller's choice, not an error).
_FAILED = frozenset({"failed", "aborted"})

#: A span event waiting for the attempt it explains: (name, attributes, time in ns).
_Pending = tuple[str, dict[str, str | float | int], int]


class OpenTelemetryHook:
    """An ``on_event`` hook that records spans: ``Replicate(on_event=OpenTelemetryHook())``.

    ``tracer_provider``: where spans go (None: the global provider).
    ``record_io``: also record each prediction's input and output, as JSON
    strings cut to ``IO_ATTRIBUTE_LIMIT`` characters (off by default: they may
    be private or large). ``max_open_spans``: how many spans of each sort may
    wait for their closing event; past it the oldest is ended, marked
    ``replicate.abandoned``. ``clock_ns``: the time for span starts and ends,
    in nanoseconds since the epoch (tests inject one).

    Safe to share between clients and threads. Combine it with a hook of your
    own with ``replicate_typed.combine_hooks``.
    """

    def __init__(
        self,
        tracer_provider: TracerProvider | None = None,
        *,
        record_io: bool = False,
        max_open_spans: int = 1024,
        clock_ns: Callable[[], int] = time.time_ns,
    ) -> None:
        self._tracer = trace.get_tracer(
            "replicate_typed", __version__, tracer_provider=tracer_provider
        )
        self._record_io = record_io
        self._clock_ns = clock_ns
        self._lock = threading.Lock()
        self._attempts: OpenSpans[tuple[int, int]] = OpenSpans(max_open_spans, clock_ns)
        self._lifecycles: OpenSpans[tuple[str, str]] = OpenSpans(max_open_spans, clock_ns)
        #: Throttles and retries of each call, for its next attempt's span.
        self._pending: dict[int, list[_Pending]] = {}
        self._max_pending = max_open_spans

    def __repr__(self) -> str:
        return f"OpenTelemetryHook(record_io={self._record_io})"

    def __call__(self, event: Event) -> None:
        now = self._clock_ns()
        with self._lock:
            if isinstance(event, RequestSent):
                self._sent(event, now)
            elif isinstance(event, ResponseReceived):
                self._received(event, now)
            elif isinstance(event, RequestFailed):
                self._failed(event, now)
            elif isinstance(event, Throttled):
                attributes: dict[str, str | float | int] = {"replicate.attempt": event.attempt}
                if event.retry_after is not None:
                    attributes["replicate.retry_after"] = event.retry_after
                self._explain(event.call, ("replicate.throttled", attributes, now))
            elif isinstance(event, RetryScheduled):
                attributes = {
                    "replicate.attempt": event.attempt,
                    "replicate.retry.reason": event.reason,
                    "replicate.retry.delay": event.delay,
                }
                self._explain(event.call, ("replicate.retry", attributes, now))
            else:
                self._status(event, now)

    # -- API calls -----------------------------------------------------------------------

    def _sent(self, event: RequestSent, now: int) -> None:
        attributes = {
            "replicate.operation": event.operation,
            "http.request.method": event.method,
            "replicate.attempt": event.attempt,
            **url_attributes(event.url),
        }
        if event.attempt > 1:
            attributes["http.request.resend_count"] = event.attempt - 1
        span = self._tracer.start_span(
            event.operation, kind=SpanKind.CLIENT, attributes=attributes, start_time=now
        )
        for name, details, at in self._pending.pop(event.call, []):
            span.add_event(name, details, timestamp=at)
        self._attempts.add((event.call, event.attempt), span)

    def _received(self, event: ResponseReceived, now: int) -> None:
        span = self._attempts.pop((event.call, event.attempt))
        if span is None:
            return
        span.set_attribute("http.response.status_code", event.status_code)
        if event.status_code >= 400:
            span.set_attribute("error.type", str(event.status_code))
            span.set_status(Status(StatusCode.ERROR, f"HTTP {event.status_code}"))
        span.end(end_time=now)

    def _failed(self, event: RequestFailed, now: int) -> None:
        span = self._attempts.pop((event.call, event.attempt))
        if span is None:
            return
        span.set_attribute("error.type", event.error)
        span.set_status(Status(StatusCode.ERROR, event.error))
        span.end(end_time=now)

    def _explain(self, call: int, pending: _Pending) -> None:
        """Keep a throttle or retry for the span of the call's next attempt."""
        self._pending.setdefault(call, []).append(pending)
        while len(self._pending) > self._max_pending:  # calls that never sent again
            del self._pending[next(iter(self._pending))]

    # -- prediction lifecycles -----------------------------------------------------------

    def _status(self, event: StatusChanged, now: int) -> None:
        key = (event.kind, event.id)
        span = self._lifecycles.get(key)
        if span is None:
            attributes: dict[str, str] = {f"replicate.{event.kind}.id": event.id}
            if event.model is not None:
                attributes["replicate.model"] = event.model
            span = self._tracer.start_span(
                f"replicate.{event.kind}", attributes=attributes, start_time=now
            )
            if self._record_io and event.job is not None:
                span.set_attribute(
                    f"replicate.{event.kind}.input", json_attribute(event.job.to_dict()["input"])
                )
            self._lifecycles.add(key, span)
        changed: dict[str, str] = {"replicate.status.new": event.new}
        if event.old is not None:
            changed["replicate.status.old"] = event.old
        span.add_event("replicate.status_changed", changed, timestamp=now)
        span.set_attribute(f"replicate.{event.kind}.status", event.new)
        if event.new in TERMINAL_STATUSES:
            self._finish(key, span, event, now)

    def _finish(self, key: tuple[str, str], span: Span, event: StatusChanged, now: int) -> None:
        self._lifecycles.pop(key)
        if self._record_io and event.job is not None:
            output = event.job.to_dict().get("output")
            span.set_attribute(f"replicate.{event.kind}.output", json_attribute(output))
        if event.new in _FAILED:
            span.set_status(Status(StatusCode.ERROR, event.new))
        span.end(end_time=now)
