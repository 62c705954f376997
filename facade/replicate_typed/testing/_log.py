"""What the fake saw: ``FakeReplicate.requests`` (one record per request) and the statuses sent."""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass(frozen=True)
class RecordedRequest:
    """What the fake saw of one request (never the token itself)."""

    method: str
    """The HTTP method."""
    url: str
    """The full URL, query included."""
    operation: str | None
    """The operationId, "output.download" or "predictions.stream"; None if unrouted."""
    authorized: bool
    """Whether a token came with it (for the API, a valid one)."""


class FakeRequestLog(list[RecordedRequest]):
    """The requests the fake received, in order."""

    def to(self, operation: str) -> list[RecordedRequest]:
        """Only those for one operationId."""
        return [r for r in self if r.operation == operation]


class StatusTally:
    """How many responses the fake answered with each HTTP status (its server threads share it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[int, int] = {}

    def count(self, status: int) -> None:
        """One more response with ``status``."""
        with self._lock:
            self._counts[status] = self._counts.get(status, 0) + 1

    def snapshot(self) -> dict[str, int]:
        """The counts so far, keyed by the status as text (as JSON keys are)."""
        with self._lock:
            return {str(status): n for status, n in sorted(self._counts.items())}
