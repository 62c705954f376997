"""Spans started by one event and ended by a later one, in a table of bounded size.

A span built from events is open between them: a request's from ``RequestSent``
to its answer, a prediction's from its first status to a final one. Some never
get their closing event (a wait abandoned, a client dropped mid-request), so the
table keeps at most ``limit`` open spans: opening one more ends the oldest,
marked ``replicate.abandoned``, rather than holding spans forever.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

from opentelemetry.trace import Span

K = TypeVar("K")

#: The attribute set on a span ended because the table was full.
ABANDONED = "replicate.abandoned"


class OpenSpans(Generic[K]):
    """Open spans by key, oldest first; at most ``limit`` of them. Not thread-safe alone."""

    def __init__(self, limit: int, now_ns: Callable[[], int]) -> None:
        if limit < 1:
            raise ValueError(f"the limit of open spans must be at least 1, got {limit!r}")
        self._limit = limit
        self._now_ns = now_ns
        self._spans: OrderedDict[K, Span] = OrderedDict()

    def __len__(self) -> int:
        return len(self._spans)

    def get(self, key: K) -> Span | None:
        """The span open under ``key``, if any."""
        return self._spans.get(key)

    def add(self, key: K, span: Span) -> None:
        """Keep ``span`` open under ``key``, ending the oldest if the table is full."""
        self._spans[key] = span
        self._spans.move_to_end(key)
        while len(self._spans) > self._limit:
            _, oldest = self._spans.popitem(last=False)
            oldest.set_attribute(ABANDONED, True)
            oldest.end(end_time=self._now_ns())

    def pop(self, key: K) -> Span | None:
        """Take the span open under ``key`` out of the table (the caller ends it)."""
        return self._spans.pop(key, None)
