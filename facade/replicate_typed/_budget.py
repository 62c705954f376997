"""One rate-limit budget per client, shared by all its calls: tasks and threads alike.

Theory of operation. Before each request to the API, ``Core.send_once`` asks
the client's ``RateBudget`` for a slot in the request's class ("create" or
"other", ``_rate_limits.limit_class``): ``reserve`` takes the next free slot
at once and says how many seconds away it is; the flow then sleeps that long
through its ``Sleep`` effect (``time.sleep`` for ``Replicate``, ``await`` for
``AsyncReplicate``) and sends. Reserving never blocks, so one budget under one
``threading.Lock`` serves asyncio tasks and threads alike, and N concurrent
callers get N successive slots: never more than ``burst + rate * t`` requests
in any window of ``t`` seconds.

A 429 is reported with ``throttled``. It holds the class until the server's
hint (Retry-After, or the problem body's ``retry_after``) has passed: the
hold is the later of the one in force and this one, so twenty callers
refused at once hold the class once, not twenty times over. It drains the
burst (after the hold, requests go out paced, not all at once) and halves the
pace, at most once per hold, which then recovers linearly to the configured
rate over one limit-minute; the budget never goes faster than configured.

The default budget (``InProcessBudget.default``) paces to the documented
rates, 600 creates and 3,000 other requests a minute, with a burst of one
minute's worth. The API documents no burst size; a smaller default burst
would slow a client that fires a few hundred creates at once against a
server that accepts them, and the 429 handling (hold, drain, halve) finds a
server's smaller burst when there is one. Given explicit ``RateLimits`` (the
limits a fake enforces, or your account's), the budget keeps a small safety
margin below them (``SAFETY_MARGIN``), so that jitter between the client's
send and the server's arrival does not turn into 429s.

``RateBudget`` is the small interface to replace it with: a team sharing one
token across processes can implement it over a shared store (Redis, a
database) so that all the processes draw from one budget.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import Literal, Protocol, runtime_checkable

from replicate_typed._rate_limits import Limit, LimitClass, RateLimits

#: How far below explicit limits the budget paces (rate and burst): 3%.
SAFETY_MARGIN = 0.03

#: The client's default: the documented rates, with a minute's worth as the burst.
DEFAULT_LIMITS = RateLimits(Limit(600, burst=600), Limit(3000, burst=3000))

#: The pace a 429 leaves, as a share of the pace before it; never below ``MIN_PACE``.
THROTTLED_PACE = 0.5
MIN_PACE = 1 / 64


@runtime_checkable
class RateBudget(Protocol):
    """What a client asks before each API request and tells after a 429.

    Implement it to share one budget between processes (say, over Redis)
    and pass it as ``rate_limits=``; both methods must be quick and must not
    block, since the async client calls them on its event loop, and safe to
    call from several threads at once.
    """

    def reserve(self, kind: LimitClass) -> float:
        """Take the next slot for a request of class ``kind``; return the seconds until it.

        The caller waits that long, then sends; 0 means send now.
        """
        ...

    def throttled(self, kind: LimitClass, retry_after: float | None) -> None:
        """A request of class ``kind`` got a 429; ``retry_after``: the server's hint, seconds."""
        ...


class InProcessBudget:
    """The default ``RateBudget``: token buckets for one process, on the client's clock.

    ``limits`` are paced ``margin`` below (rate and burst, the burst at least 1).
    """

    def __init__(
        self,
        limits: RateLimits,
        *,
        clock: Callable[[], float] = time.monotonic,
        margin: float = SAFETY_MARGIN,
    ) -> None:
        if not 0 <= margin < 1:
            raise ValueError(f"invalid margin {margin!r}: it must be in [0, 1)")
        self.limits: RateLimits = limits
        self._clock = clock
        self._lock = threading.Lock()
        self._pacers: dict[LimitClass, _Pacer] = {
            kind: _Pacer(limits.of(kind), limits.time_scale, margin) for kind in ("create", "other")
        }

    @classmethod
    def default(cls, *, clock: Callable[[], float] = time.monotonic) -> InProcessBudget:
        """The client's default: the documented rates, a minute's worth at once (see above)."""
        return cls(DEFAULT_LIMITS, clock=clock, margin=0.0)

    def reserve(self, kind: LimitClass) -> float:
        """Take the next slot for ``kind``; the seconds until it."""
        with self._lock:
            return self._pacers[kind].reserve(self._clock())

    def throttled(self, kind: LimitClass, retry_after: float | None) -> None:
        """Hold ``kind`` until ``retry_after`` from now (if later), drain its burst, slow it."""
        with self._lock:
            self._pacers[kind].throttled(self._clock(), retry_after)

    def __repr__(self) -> str:
        return f"InProcessBudget({self.limits!r})"


class _Pacer:
    """The slots of one class, by virtual scheduling (GCRA): a token bucket kept as one time.

    ``_next`` is when the bucket would be full again if nobody asked: each
    reservation pushes it one interval (at the pace of the moment) on, and a
    request may go as soon as ``_next`` is at most ``_tolerance`` ahead: the
    burst, ``burst - 1`` intervals at the configured rate. Kept this way, a
    change of pace (a 429) applies to the slots given out after it and never
    re-prices the ones already given out, and a request retried after a 429
    queues behind those, not behind a re-priced debt.
    """

    def __init__(self, limit: Limit, time_scale: float, margin: float) -> None:
        self._rate = limit.per_minute * (1 - margin) / 60.0 / time_scale
        burst = max(1, math.floor(limit.burst * (1 - margin)))
        #: How far ahead of now ``_next`` may run: the burst, as time at the configured
        #: rate. Fixed, so a pace recovering after a 429 does not move slots given out.
        self._tolerance = (burst - 1) / self._rate
        #: How long the pace takes to recover from a 429: one limit-minute.
        self._recovery = 60.0 * time_scale
        self._next = -math.inf
        self._hold_until = -math.inf
        #: The pace after the last 429 (a share of the rate), when it began to recover,
        #: and when it was last lowered.
        self._lowered = 1.0
        self._recovering_from = -math.inf
        self._lowered_at = -math.inf

    def _per_second(self, now: float) -> float:
        """The rate allowed at ``now``: the configured one, lowered by a 429 and recovering."""
        if self._lowered >= 1.0:
            return self._rate
        progress = (now - self._recovering_from) / self._recovery
        if progress >= 1.0:
            self._lowered = 1.0
            return self._rate
        return self._rate * (self._lowered + (1.0 - self._lowered) * max(0.0, progress))

    def reserve(self, now: float) -> float:
        interval = 1.0 / self._per_second(now)
        due = max(self._next, now)
        slot = max(due - self._tolerance, now, self._hold_until)
        self._next = due + interval
        # round(): intervals summed a thousand times are off by 1e-12, not a wait.
        return round(slot - now, 9)

    def throttled(self, now: float, retry_after: float | None) -> None:
        # Slow down once per hold: 429s that meet a hold in force, or arrive
        # together, were sent at the old pace and say nothing new.
        first = now >= self._hold_until and now > self._lowered_at
        if first:
            pace = self._per_second(now) / self._rate
            self._lowered = max(MIN_PACE, pace * THROTTLED_PACE)
            self._lowered_at = now
        hold = now + retry_after if retry_after is not None and retry_after > 0 else now
        self._hold_until = max(self._hold_until, hold)
        self._recovering_from = self._hold_until
        # Drain the burst, once per hold: after the hold, or after the slots
        # given out before the 429 (they keep theirs: they are spoken for), one
        # request goes, then one an interval, with no burst on top.
        if first:
            self._next = max(self._next, self._hold_until) + self._tolerance
        else:
            self._next = max(self._next, self._hold_until + self._tolerance)


def budget_for(
    rate_limits: RateLimits | RateBudget | Literal[False] | None, clock: Callable[[], float]
) -> RateBudget | None:
    """The budget a client's ``rate_limits=`` option asks for (None: no pacing)."""
    if rate_limits is None:
        return InProcessBudget.default(clock=clock)
    if rate_limits is False:
        return None
    if isinstance(rate_limits, RateLimits):
        return InProcessBudget(rate_limits, clock=clock)
    return rate_limits
