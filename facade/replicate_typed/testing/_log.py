"""What the fake saw: ``FakeReplicate.requests``, one record per request, in order."""

from __future__ import annotations

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
