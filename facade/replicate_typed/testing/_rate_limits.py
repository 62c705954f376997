"""Rate limits for the fake, enforced as Replicate does: token buckets, 429 when one is empty.

    fake = FakeReplicate(rate_limits=RateLimits.documented())
    fake.enforce_rate_limits(RateLimits.low_credit(time_scale=0.01))  # a "minute" is 0.6 s
    fake.enforce_rate_limits(RateLimits(creates=Limit(60, burst=5), other=Limit(600, burst=50)))

Two classes, as the API documents them: "create" (creating a prediction,
by version, model or deployment, and creating a training) and "other"
(every other endpoint). Each has a bucket holding up to ``burst`` requests
that refills at ``per_minute``; a request that finds its bucket empty is
refused with a 429 before any work is done, and is not counted against the
limit. The buckets run on the fake's clock, so on a virtual clock a test
waits out a limit by sleeping on it, in no real time.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Literal

from replicate_typed.testing._http import FakeResponse, json_response

#: The operations Replicate limits as prediction creates; every other one is "other".
CREATES = frozenset(
    {
        "predictions.create",
        "models.predictions.create",
        "deployments.predictions.create",
        "trainings.create",
    }
)

#: The classes a request is limited in.
LimitClass = Literal["create", "other"]


@dataclass(frozen=True)
class Limit:
    """A rate for one class of requests: ``per_minute`` on average, ``burst`` at once."""

    per_minute: float
    """Requests a minute, once a burst is used up."""
    burst: int
    """Requests that may come at once, after a quiet spell (the bucket's size)."""


@dataclass(frozen=True)
class RateLimits:
    """The limits a fake enforces: one for creates, one for everything else.

    ``time_scale`` shrinks (below 1) or stretches time for the limits alone:
    at 0.01 a limit's minute lasts 0.6 s and every wait is a hundredth as
    long, so a benchmark on a real clock meets the same throttling, sooner.
    """

    creates: Limit
    """Prediction and training creates (by version, model or deployment)."""
    other: Limit
    """Every other endpoint."""
    time_scale: float = 1.0
    """How long a limit's second lasts, in the fake clock's seconds."""

    @classmethod
    def documented(cls, *, time_scale: float = 1.0) -> RateLimits:
        """Replicate's documented limits: 600 creates and 3,000 other requests a minute.

        The API allows "short bursts" without saying how large; the fake
        allows six seconds' worth at once (60 creates, 300 others), so
        a client that paces itself never sees a 429 and one that floods is
        refused within its first second.
        """
        return cls(Limit(600, burst=60), Limit(3000, burst=300), time_scale)

    @classmethod
    def low_credit(cls, *, time_scale: float = 1.0) -> RateLimits:
        """The limits of an account low on credit: about 6 requests a minute, a burst of 1."""
        return cls(Limit(6, burst=1), Limit(6, burst=1), time_scale)


class RateLimiter:
    """The buckets of one fake: ``admit`` each request, on the fake clock's time."""

    def __init__(self, limits: RateLimits) -> None:
        self.limits = limits
        self._lock = threading.Lock()
        self._buckets: dict[LimitClass, _Bucket] = {
            "create": _Bucket(limits.creates, limits.time_scale),
            "other": _Bucket(limits.other, limits.time_scale),
        }

    def admit(self, operation: str, now: float) -> FakeResponse | None:
        """None if the request to ``operation`` may go on (taking its token), else the 429."""
        bucket = self._buckets["create" if operation in CREATES else "other"]
        with self._lock:
            wait = bucket.take(now)
        return None if wait is None else throttled(wait)


class _Bucket:
    """A token bucket: ``burst`` tokens at most, refilled at ``per_minute`` (scaled)."""

    def __init__(self, limit: Limit, time_scale: float) -> None:
        self._capacity = float(limit.burst)
        self._per_second = limit.per_minute / 60.0 / time_scale
        self._tokens = self._capacity
        self._last: float | None = None

    def take(self, now: float) -> float | None:
        """Take a token: None if there was one, else the seconds until there is."""
        if self._last is not None:
            # max(): a fake served after use swaps its virtual clock for a real one.
            elapsed = max(0.0, now - self._last)
            self._tokens = min(self._capacity, self._tokens + elapsed * self._per_second)
        self._last = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return None
        return (1.0 - self._tokens) / self._per_second


def throttled(wait: float) -> FakeResponse:
    """The API's 429: Retry-After and the detail in whole seconds, rounded up, as it sends them."""
    seconds = max(1, math.ceil(round(wait, 6)))  # round(): 6.0000000001 s is 6 s
    unit = "second" if seconds == 1 else "seconds"
    body = {
        "type": "about:blank",
        "title": "Too Many Requests",
        "status": 429,
        "detail": f"Request was throttled. Expected available in {seconds} {unit}.",
        "retry_after": seconds,
    }
    response = json_response(429, body, "application/problem+json")
    response.headers["Retry-After"] = str(seconds)
    return response
