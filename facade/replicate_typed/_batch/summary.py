"""The batch's public records (options, results, progress, summary) and the tally behind them."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

O = TypeVar("O")  # noqa: E741 - the bindings' letter for the output

#: The outcomes a finished item can have: the prediction's final status.
FINAL = ("succeeded", "failed", "canceled", "aborted")


@dataclass(frozen=True)
class BatchRetry:
    """Run an item again when its prediction ends in one of ``on``, up to ``attempts`` runs in all.

    Off by default: a model's failure is an answer, and a retry is billed.
    """

    attempts: int = 2
    on: tuple[str, ...] = ("failed",)

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError(f"attempts must be at least 1, got {self.attempts}")
        unknown = set(self.on) - set(FINAL) - {"succeeded"}
        if unknown or "succeeded" in self.on:
            raise ValueError(
                f"on must name statuses among failed, canceled, aborted, got {self.on!r}"
            )


@dataclass(frozen=True)
class Price:
    """What a model costs (the API returns no prices): per second of ``predict_time``, per run."""

    per_second: float = 0.0
    per_prediction: float = 0.0

    def of(self, predict_time: float | None) -> float:
        """The cost of one prediction that ran ``predict_time`` seconds."""
        return self.per_prediction + self.per_second * (predict_time or 0.0)


@dataclass(frozen=True)
class BatchResult(Generic[O]):
    """One finished item.

    ``index`` is the item's first position in ``inputs``; ``indexes`` all its
    positions (an input listed twice runs once, for both). ``output`` is typed
    for a typed model (None unless it succeeded); ``saved`` the files written.
    """

    key: str
    index: int
    indexes: tuple[int, ...]
    input: Mapping[str, object]
    prediction_id: str | None
    status: str
    output: O | None
    saved: tuple[Path, ...]
    error: str | None


@dataclass(frozen=True)
class BatchProgress:
    """How far the batch is: items done (any outcome), failed of those, running, queued."""

    total: int
    done: int
    failed: int
    running: int
    queued: int
    #: Items done per second of this run, 0 before the first.
    rate: float
    #: Seconds to go at that rate; None before the first item is done.
    eta: float | None


@dataclass(frozen=True)
class BatchSummary:
    """The batch at its end: outcomes of every item in the journal, and what this run did.

    ``skipped`` were done before this run; ``adopted`` were found by
    reconciliation (their create had reached the server); ``recreated`` were
    created again after an interrupt or a reconciliation that found nothing.
    ``unfinished`` are not done: a request failed (it is logged), and the
    next run continues them from where the journal has them. ``unsaved``
    succeeded, but a save of their files failed (their ``error`` says why):
    the next run tries again, while the output URLs last (an hour).
    """

    journal: Path
    total: int
    succeeded: int
    failed: int
    canceled: int
    aborted: int
    skipped: int
    adopted: int
    recreated: int
    unfinished: int
    unsaved: int
    total_predict_time: float
    mean_predict_time: float | None
    wall_time: float
    cost_estimate: float | None


@dataclass
class Tally:
    """Counts shared by the items of one run (threads or tasks): progress and summary."""

    total: int
    clock: Callable[[], float]
    started: float = 0.0
    running: int = 0
    done: int = 0
    failed: int = 0
    counts: Counter[str] = field(default_factory=Counter[str])
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.started = self.clock()

    def note(self, what: str) -> None:
        """Count one of this run's events: "skipped", "adopted", "recreated"."""
        with self._lock:
            self.counts[what] += 1

    def start(self) -> None:
        with self._lock:
            self.running += 1

    def stop(self, status: str | None) -> None:
        """An item this run started is no longer running; ``status``: its final one, if any."""
        with self._lock:
            self.running -= 1
            if status is not None:
                self.finish_locked(status)

    def finished_before(self) -> None:
        with self._lock:
            self.done += 1

    def finish_locked(self, status: str) -> None:
        self.done += 1
        self.failed += status != "succeeded"

    def progress(self) -> BatchProgress:
        with self._lock:
            elapsed = self.clock() - self.started
            fresh = self.done - self.counts["skipped"]
            rate = fresh / elapsed if fresh and elapsed > 0 else 0.0
            left = self.total - self.done
            return BatchProgress(
                total=self.total,
                done=self.done,
                failed=self.failed,
                running=self.running,
                queued=left - self.running,
                rate=rate,
                eta=left / rate if rate else None,
            )

    def summary(
        self,
        journal: Path,
        outcomes: list[tuple[str | None, float | None]],
        price: Price | None,
        unsaved: int,
    ) -> BatchSummary:
        """The summary, from every item's (final status, predict_time) in the journal, and
        the count of succeeded items whose files were not all saved."""
        statuses = Counter(status for status, _ in outcomes)
        times = [seconds for status, seconds in outcomes if status in FINAL and seconds is not None]
        # An aborted prediction never started, and is not billed.
        ran = [seconds for status, seconds in outcomes if status in FINAL and status != "aborted"]
        return BatchSummary(
            journal=journal,
            total=len(outcomes),
            succeeded=statuses["succeeded"],
            failed=statuses["failed"],
            canceled=statuses["canceled"],
            aborted=statuses["aborted"],
            skipped=self.counts["skipped"],
            adopted=self.counts["adopted"],
            recreated=self.counts["recreated"],
            unfinished=statuses[None],
            unsaved=unsaved,
            total_predict_time=sum(times),
            mean_predict_time=sum(times) / len(times) if times else None,
            wall_time=self.clock() - self.started,
            cost_estimate=None if price is None else sum(price.of(seconds) for seconds in ran),
        )


def price_of(prices: Mapping[str, Price] | None, model: str) -> Price | None:
    """The price of ``model`` ("owner/name:version" falls back to "owner/name"), or None."""
    if prices is None:
        return None
    return prices.get(model) or prices.get(model.partition(":")[0])
