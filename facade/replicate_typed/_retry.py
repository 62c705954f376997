"""When to retry a request, and how long to wait first (pure decisions, no I/O).

Theory of operation. Every request an operation makes (a get, a cancel, a
page, an upload, a create, one file download, one stream) has one
``Attempts``: one counter of its sends and the one decision to send it again.

- Who counts: ``Core.send_once`` (``_core``), the only place a flow yields a
  ``Send`` for the API or an output file, counts each send in the request's
  ``Attempts`` as it goes out.
- Who decides: ``Attempts.retry``, asked by every loop that would send the
  request again: an error status or a transport error (``Core.send``), a 2xx
  body that could not be read (``Core.fetch``), a download cut mid-body
  (``Download.dropped``, which resumes it with ``Range``), a stream dropped or
  ended before "done" (``StreamReader.reconnect``, which resumes it with
  ``Last-Event-ID``). It applies the ``RetryPolicy`` to the request's count,
  so these failures share one budget instead of each loop keeping its own.

So a request is sent at most ``1 + max_retries`` times (4 by default),
whatever mix of failures it meets; before these loops shared a counter, a
nested retry loop could send one GET, download or stream up to
``(1 + max_retries) ** 2`` times (16). One exception, by design: a stream
whose connection delivered new events before it dropped made progress, and
the reconnect after it starts a new count from that connection
(``Attempts.restart``): the budget bounds a stream's failed connections in a
row, not in total, so a stream that keeps delivering is never cut off. A
create is sent again only while it certainly did not arrive (a 429, a
connection that failed before sending).
``wait`` and ``run`` make several requests (a create, then one per poll),
each with its own count; a cancel sent because the caller was interrupted is
sent once. A rule for every request is one edit in these two places, as the
caller's time limit is: a ``wait`` or ``run`` with a timeout gives each
request it makes its ``TimeLimit``, ``Attempts.retry`` makes no retry whose
pause would end past it, whatever failed, and ``Core.send_once`` sends each
attempt with the seconds left, to which the performers hold the whole
exchange (``_time_limits``). ``TimeLimit.reached`` tells the caller that time,
not a failure, stopped the request.
"""

from __future__ import annotations

import email.utils
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeAlias

import httpx

from replicate_typed._errors import InvalidResponseError

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

    Retries are counted per request, whatever failed: a request is sent at
    most ``1 + max_retries`` times (see the module docstring).

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


#: What can go wrong with one send: an error status (the response), a transport
#: error (before the response, or mid-body), or a 2xx body that could not be read.
Failure: TypeAlias = httpx.Response | httpx.RequestError | InvalidResponseError


class TimeLimit:
    """The moment a caller's time runs out, on the client's monotonic clock (not a
    prediction's ``deadline``, which is the API's own end for it).

    Shared by every request of one ``wait`` (or ``run``), so a retry, and
    each send, knows the time left (see the module docstring).
    """

    __slots__ = ("_clock", "at", "reached")

    def __init__(self, at: float, clock: Callable[[], float]) -> None:
        self.at: float = at
        #: Whether the limit stopped a request: a retry it refused, a send it left no time for.
        self.reached: bool = False
        self._clock = clock

    def left(self) -> float:
        """Seconds until the limit; zero or less once it has passed (and then ``reached``)."""
        left = self.at - self._clock()
        if left <= 0:
            self.reached = True
        return left

    def allows(self, pause: float) -> bool:
        """Whether a retry after ``pause`` seconds would still go out before the limit."""
        if self._clock() + pause < self.at:
            return True
        self.reached = True
        return False


#: Numbers for ``Attempts.call``, one per request (``next`` on a count is thread-safe in CPython).
_calls = itertools.count(1)


class Attempts:
    """The sends of one request: one counter, and the one decision to send it again.

    ``repeatable``: the server may safely see the request twice (a GET, a
    cancel, a re-readable upload, a delete). ``creates``: a failure after the
    request may have arrived means what it creates may exist (for the error
    raised). ``time_limit``: the caller's, if it has one.
    """

    __slots__ = (
        "_random",
        "call",
        "creates",
        "may_have_arrived",
        "policy",
        "repeatable",
        "sent",
        "time_limit",
    )

    def __init__(
        self,
        policy: RetryPolicy,
        *,
        repeatable: bool,
        creates: bool = False,
        random: Callable[[], float],
        time_limit: TimeLimit | None = None,
    ) -> None:
        self.policy: RetryPolicy = policy
        self.repeatable: bool = repeatable
        self.creates: bool = creates
        self.time_limit: TimeLimit | None = time_limit
        #: Sends so far, counted by ``Core.send_once``.
        self.sent: int = 0
        #: Whether a failed send may have reached the server and been acted on
        #: (a 5xx, a transport error after sending, a 2xx body that could not be
        #: read), as opposed to one refused unseen (a 429, a connection never made).
        self.may_have_arrived: bool = False
        self._random = random
        #: This request's number in the process, which its events carry (``_events``)
        #: so a hook pairs a send with its answer when requests run concurrently.
        self.call: int = next(_calls)

    def sending(self) -> int:
        """Count one more send of the request; return its number (1 for the first)."""
        self.sent += 1
        return self.sent

    def restart(self) -> None:
        """Count the send in progress as the first: it made progress, so what follows is new.

        A stream whose connection delivered new events before it dropped is
        resumed from a new place; counting from that connection bounds drops
        in a row rather than in total (see the module docstring).
        """
        self.sent = 1

    def retry(self, failure: Failure, *, retry_after: float | None = None) -> float | None:
        """Seconds to wait before sending the request again after ``failure``; None to give up.

        ``retry_after``: the seconds an error response's Retry-After asked for.
        A retry whose pause would end past the time limit is not made, nor
        any once the limit was reached (a rate-limit slot beyond it, say).
        """
        delay = self._delay(failure, retry_after)
        limit = self.time_limit
        if delay is None or limit is None or (not limit.reached and limit.allows(delay)):
            return delay
        return None

    def _delay(self, failure: Failure, retry_after: float | None) -> float | None:
        """The policy's pause before the next send, or None: it allows no more."""
        policy, attempt = self.policy, self.sent
        if _may_have_arrived(failure):
            self.may_have_arrived = True
        # The one budget, shared by every kind of failure of this request.
        if attempt > policy.max_retries:
            return None
        if isinstance(failure, httpx.Response):
            return policy.retry_status(
                failure.status_code,
                attempt,
                repeatable=self.repeatable,
                retry_after=retry_after,
                random=self._random,
            )
        if isinstance(failure, httpx.RequestError):
            return policy.retry_error(
                failure, attempt, repeatable=self.repeatable, random=self._random
            )
        # An unreadable body (cut short, a proxy's page) may read next time;
        # JSON of the wrong shape would come back the same.
        if self.repeatable and failure.unreadable:
            return policy.delay(attempt, self._random)
        return None


def _may_have_arrived(failure: Failure) -> bool:
    if isinstance(failure, httpx.Response):
        return failure.status_code >= 500
    if isinstance(failure, httpx.RequestError):
        return not isinstance(failure, NOT_SENT_ERRORS)
    return True  # a 2xx whose body could not be read: it was acted on


def retry_after_seconds(
    value: str | None, *, date: str | None = None, now: Callable[[], datetime] | None = None
) -> float | None:
    """Read a Retry-After header: delta-seconds or an HTTP date; None if absent or unreadable.

    Only ASCII digits are delta-seconds (RFC 9110): ``str.isdigit`` also
    accepts "²" and Arabic-Indic digits, which ``float`` then refuses or
    reads. Anything else that is not an HTTP date (a sign, a fraction, "nan",
    junk) is unreadable, so the policy's own backoff applies; a huge number
    is kept (``inf`` past float range) for the policy to cap.

    An HTTP date is measured from the response's own Date header when it has
    one, so a skewed local clock does not stretch or cut the wait.
    """
    if value is None:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():
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
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)
