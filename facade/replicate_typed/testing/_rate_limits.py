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

from replicate_typed._rate_limits import Limit, LimitClass, RateLimits, limit_class
from replicate_typed.testing._http import FakeResponse, json_response

__all__ = ["Limit", "RateLimiter", "RateLimits", "throttled"]


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
        bucket = self._buckets[limit_class(operation)]
        with self._lock:
            wait = bucket.take(now)
        return None if wait is None else throttled(wait, self.limits.time_scale)


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


def throttled(wait: float, time_scale: float = 1.0) -> FakeResponse:
    """The API's 429: Retry-After and the detail in whole seconds, rounded up, as it sends them.

    Under a ``time_scale`` other than 1 the waits are shorter than the API's
    whole seconds can say (0.05 s at 0.01), so the body's ``retry_after`` and
    the detail give the exact seconds (to the millisecond) while the header
    stays whole seconds, at least 1, as the API sends it: a client that reads
    the body waits as long as it must, and one that reads the header alone
    waits longer, never too little.
    """
    seconds = max(1, math.ceil(round(wait, 6)))  # round(): 6.0000000001 s is 6 s
    hint: float = seconds if time_scale == 1 else max(0.001, round(wait, 3))
    unit = "second" if hint == 1 else "seconds"
    body = {
        "type": "about:blank",
        "title": "Too Many Requests",
        "status": 429,
        "detail": f"Request was throttled. Expected available in {hint:g} {unit}.",
        "retry_after": hint,
    }
    response = json_response(429, body, "application/problem+json")
    response.headers["Retry-After"] = str(seconds)
    return response
