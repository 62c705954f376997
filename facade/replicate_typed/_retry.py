"""When to retry a request, and how long to wait first (pure decisions, no I/O)."""

from __future__ import annotations

import email.utils
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

#: Statuses worth retrying for a request the server may safely see twice.
RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})

#: Transport errors raised before any byte of the request left: the server
#: cannot have seen it, so even a create may be sent again.
NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)


@dataclass(frozen=True)
class RetryPolicy:
    """How requests are retried.

    GETs and cancels (safe to repeat) retry 429, 500, 502, 503, 504 and
    connection errors. A create is retried only when the API certainly did
    not accept it: a 429, or a connection that failed before the request was
    sent; never after it may have reached the server, because that could
    create a second billed prediction.

    The n-th retry waits ``backoff * 2**(n-1)`` seconds, at most
    ``max_backoff``, less up to ``jitter`` of it at random; a Retry-After
    from the server (seconds or an HTTP date) is used instead, capped at
    ``max_retry_after``.
    """

    max_retries: int = 3
    backoff: float = 0.5
    max_backoff: float = 8.0
    jitter: float = 0.25
    max_retry_after: float = 60.0

    def __post_init__(self) -> None:
        if self.max_retries < 0 or self.backoff < 0 or not 0 <= self.jitter <= 1:
            raise ValueError(f"invalid retry policy: {self!r}")

    def retry_status(
        self,
        status: int,
        attempt: int,
        *,
        repeatable: bool,
        retry_after: float | None,
        random: Callable[[], float],
    ) -> float | None:
        """Seconds to wait before retrying after ``status``, or None to give up."""
        if attempt > self.max_retries:
            return None
        if status == 429 or (repeatable and status in RETRYABLE_STATUSES):
            if retry_after is not None:
                return min(retry_after, self.max_retry_after)
            return self.delay(attempt, random)
        return None

    def retry_error(
        self,
        error: httpx.RequestError,
        attempt: int,
        *,
        repeatable: bool,
        random: Callable[[], float],
    ) -> float | None:
        """Seconds to wait before retrying after a transport error, or None to give up."""
        if attempt > self.max_retries:
            return None
        if repeatable or isinstance(error, NOT_SENT_ERRORS):
            return self.delay(attempt, random)
        return None

    def delay(self, attempt: int, random: Callable[[], float]) -> float:
        """The backoff before retry number ``attempt`` (from 1), jitter included."""
        delay = min(self.backoff * 2.0 ** (attempt - 1), self.max_backoff)
        return delay * (1.0 - self.jitter * random())


def retry_after_seconds(
    value: str | None, *, date: str | None = None, now: Callable[[], datetime] | None = None
) -> float | None:
    """Read a Retry-After header: delta-seconds or an HTTP date; None if absent or unreadable.

    An HTTP date is measured from the response's own Date header when it has
    one, so a skewed local clock does not stretch or cut the wait.
    """
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    retry_at = _http_date(text)
    if retry_at is None:
        return None
    sent_at = _http_date(date) if date else None
    current = sent_at or (now() if now else datetime.now(UTC))
    return float(max(0, math.ceil((retry_at - current).total_seconds())))


def _http_date(text: str) -> datetime | None:
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)
