"""How far a batch has got, told on stderr while it runs.

On a terminal a rich progress bar redraws in place (``_batch_live``); anywhere
else (a log file, CI) a plain line every few seconds, e.g.
"batch: 120/500 done, 3 failed, 8 running, 369 queued, 12.3/s, ETA 31s".
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol, TextIO

from replicate_typed import BatchProgress

#: Seconds between plain progress lines: often enough to see it move, rarely enough to read a log.
PLAIN_EVERY = 5.0


class BatchView(Protocol):
    """Where the command shows a batch's progress."""

    def update(self, progress: BatchProgress) -> None:
        """The batch's latest counts."""

    def close(self) -> None:
        """The batch is over (done or interrupted); leave the screen tidy."""


def open_batch_view(stream: TextIO) -> BatchView:
    """A live progress bar on a terminal (if rich is installed), plain lines otherwise."""
    if stream.isatty():
        try:
            from replicate_typed.cli._batch_live import LiveBatchView
        except ImportError:  # rich comes with the "cli" extra; plain lines need nothing
            pass
        else:
            return LiveBatchView(stream)
    return PlainBatchView(stream)


def counts_text(progress: BatchProgress) -> str:
    """Say e.g. "120/500 done, 3 failed, 8 running, 369 queued, 12.3/s, ETA 31s"."""
    parts = [
        f"{progress.done}/{progress.total} done",
        f"{progress.failed} failed",
        f"{progress.running} running",
        f"{progress.queued} queued",
    ]
    if progress.rate:
        parts.append(f"{progress.rate:.1f}/s")
    if progress.eta is not None:
        parts.append(f"ETA {duration_text(progress.eta)}")
    return ", ".join(parts)


def duration_text(seconds: float) -> str:
    """Seconds as a person reads them: "2.4s", "31s", "4m05s", "2h03m"."""
    if seconds < 10:
        return f"{seconds:.1f}s"
    whole = round(seconds)
    if whole < 60:
        return f"{whole}s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes}m{secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


class PlainBatchView:
    """A line on ``stream`` at the first update, then at most every ``every`` s, then the last.

    ``clock`` is injectable so a test can move time.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        every: float = PLAIN_EVERY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._stream = stream
        self._every = every
        self._clock = clock
        self._printed_at: float | None = None
        self._latest: BatchProgress | None = None
        self._latest_printed = False

    def update(self, progress: BatchProgress) -> None:
        self._latest = progress
        now = self._clock()
        if self._printed_at is None or now - self._printed_at >= self._every:
            self._print(progress)
            self._printed_at = now
        else:
            self._latest_printed = False

    def close(self) -> None:
        if self._latest is not None and not self._latest_printed:
            self._print(self._latest)

    def _print(self, progress: BatchProgress) -> None:
        print(f"batch: {counts_text(progress)}", file=self._stream, flush=True)
        self._latest_printed = True
