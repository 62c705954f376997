"""Which prediction states are final, and how often to ask while waiting."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

#: Statuses after which a prediction or training never changes again.
TERMINAL_STATUSES = frozenset({"succeeded", "failed", "canceled", "aborted"})
#: Statuses the API documents for work still under way.
RUNNING_STATUSES = frozenset({"starting", "processing"})


class HasStatus(Protocol):
    """A prediction or training: a status and, once finished, a completion time."""

    @property
    def status(self) -> object: ...

    @property
    def completed_at(self) -> object: ...


def is_terminal(item: HasStatus) -> bool:
    """Whether ``item`` is finished.

    A status this client does not know yet counts as finished once the API
    sets ``completed_at``, so a new final status never makes ``wait`` hang.
    """
    status = item.status if isinstance(item.status, str) else ""
    if status in TERMINAL_STATUSES:
        return True
    if status in RUNNING_STATUSES:
        return False
    return item.completed_at is not None


@dataclass(frozen=True)
class PollSchedule:
    """How long ``wait`` sleeps between polls, in seconds.

    Polls every ``interval`` for the first ``fast_for`` seconds of waiting
    (most predictions that outlive the sync window finish soon after it),
    then each delay grows by ``growth`` up to ``max_interval``. Measured in
    scripts/bench (B2), the default adds about 27 ms median latency to a
    prediction that finishes within a second of the window closing, where a
    fixed 0.5 s poll adds about 400 ms, in about 11 requests where a tight loop
    makes 300-500. Many waits at once share list refreshes instead
    (``_status_board``); a streaming prediction is heard finishing on its
    stream (``_done_shortcut``).
    """

    interval: float = 0.05
    fast_for: float = 2.0
    growth: float = 1.5
    max_interval: float = 2.0

    def __post_init__(self) -> None:
        if not (0 < self.interval <= self.max_interval):
            raise ValueError(f"need 0 < interval <= max_interval, got {self!r}")
        if self.growth < 1 or self.fast_for < 0:
            raise ValueError(f"need growth >= 1 and fast_for >= 0, got {self!r}")

    def delays(self) -> Iterator[float]:
        """Yield the delay before each poll, forever."""
        waited = 0.0
        delay = self.interval
        while True:
            if waited >= self.fast_for:
                delay = min(delay * self.growth, self.max_interval)
            waited += delay
            yield delay
