"""Replicate's rate limits as configuration, shared by the client's budget and the fake.

    RateLimits.documented()                      # 600 creates and 3,000 other requests a minute
    RateLimits.low_credit(time_scale=0.01)       # about 6 a minute; a "minute" lasts 0.6 s
    RateLimits(creates=Limit(60, burst=5), other=Limit(600, burst=50))

Two classes, as the API documents them: "create" (creating a prediction, by
version, model or deployment, and creating a training) and "other" (every
other endpoint). One definition of them (``limit_class``) serves both the
client, which paces itself to a ``RateLimits`` (``_budget``), and
``FakeReplicate``, which enforces one with 429s, so the two can be given the
same object and agree on what it means.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

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


def limit_class(operation: str) -> LimitClass:
    """The class an API operation (e.g. "predictions.create") is limited in."""
    return "create" if operation in CREATES else "other"


@dataclass(frozen=True)
class Limit:
    """A rate for one class of requests: ``per_minute`` on average, ``burst`` at once."""

    per_minute: float
    """Requests a minute, once a burst is used up."""
    burst: int
    """Requests that may come at once, after a quiet spell (the bucket's size)."""

    def __post_init__(self) -> None:
        if not self.per_minute > 0 or self.burst < 1:
            raise ValueError(f"invalid limit: {self!r} (per_minute > 0 and burst >= 1)")


@dataclass(frozen=True)
class RateLimits:
    """The limits of one token: one for creates, one for everything else.

    ``time_scale`` shrinks (below 1) or stretches time for the limits alone:
    at 0.01 a limit's minute lasts 0.6 s and every wait is a hundredth as
    long, so a benchmark on a real clock meets the same throttling, sooner.
    The fake and the client read it alike, so a client given the limits a
    fake enforces paces itself to exactly them.
    """

    creates: Limit
    """Prediction and training creates (by version, model or deployment)."""
    other: Limit
    """Every other endpoint."""
    time_scale: float = 1.0
    """How long a limit's second lasts, in the clock's seconds."""

    def __post_init__(self) -> None:
        if not self.time_scale > 0:
            raise ValueError(f"invalid time_scale {self.time_scale!r}: it must be > 0")

    @classmethod
    def documented(cls, *, time_scale: float = 1.0) -> RateLimits:
        """Replicate's documented limits: 600 creates and 3,000 other requests a minute.

        The API allows "short bursts" without saying how large; these allow
        six seconds' worth at once (60 creates, 300 others), so a client that
        paces itself never sees a 429 from a fake enforcing them and one that
        floods is refused within its first second.
        """
        return cls(Limit(600, burst=60), Limit(3000, burst=300), time_scale)

    @classmethod
    def low_credit(cls, *, time_scale: float = 1.0) -> RateLimits:
        """The limits of an account low on credit: about 6 requests a minute, a burst of 1."""
        return cls(Limit(6, burst=1), Limit(6, burst=1), time_scale)

    def of(self, kind: LimitClass) -> Limit:
        """The limit of one class."""
        return self.creates if kind == "create" else self.other


#: The named limits the command lines take (``--rate-limits NAME``): the served fake
#: enforces them, ``replicate-typed batch`` paces itself to them.
PROFILES: dict[str, Callable[..., RateLimits]] = {
    "documented": RateLimits.documented,
    "low-credit": RateLimits.low_credit,
}
