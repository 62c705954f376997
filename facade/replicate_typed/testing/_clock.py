"""Time for the fake: virtual (moves only when told, for tests) or real (when served)."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Monotonic seconds, a way to let time pass, and the wall-clock time of a moment."""

    def now(self) -> float:
        """Seconds on this clock."""
        ...

    def sleep(self, seconds: float) -> None:
        """Let ``seconds`` pass (a virtual clock just moves forward)."""
        ...

    def wall(self, moment: float) -> datetime:
        """The UTC date and time of ``moment``."""
        ...


class VirtualClock:
    """A clock that moves only when something sleeps on it or calls ``advance``.

    Give its ``sleep`` and ``now`` to a client (``FakeReplicate.client()`` does)
    and polling, sync-mode waits and streams take no real time at all.
    """

    def __init__(self, start: datetime | None = None) -> None:
        self._now = 0.0
        self._lock = threading.Lock()
        self._start = start or datetime(2026, 1, 1, tzinfo=UTC)

    def now(self) -> float:
        """Virtual seconds since the clock was made."""
        return self._now

    def advance(self, seconds: float) -> None:
        """Move time forward."""
        if seconds > 0:
            with self._lock:
                self._now += seconds

    def sleep(self, seconds: float) -> None:
        """Sleeping on a virtual clock is moving it forward."""
        self.advance(seconds)

    async def async_sleep(self, seconds: float) -> None:
        """``sleep`` for async clients."""
        self.advance(seconds)

    def wall(self, moment: float) -> datetime:
        """The UTC date and time of a virtual moment."""
        return self._start + timedelta(seconds=moment)


class RealClock:
    """The machine's clock, for a fake served to other processes."""

    def __init__(self) -> None:
        self._origin = time.monotonic()
        self._wall_origin = datetime.now(UTC)

    def now(self) -> float:
        """Seconds since the clock was made."""
        return time.monotonic() - self._origin

    def sleep(self, seconds: float) -> None:
        """Really wait."""
        if seconds > 0:
            time.sleep(seconds)

    def wall(self, moment: float) -> datetime:
        """The UTC date and time of a moment."""
        return self._wall_origin + timedelta(seconds=moment)
