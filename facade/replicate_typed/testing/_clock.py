"""Time for the fake: virtual (moves only when told, for tests) or real (when served)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
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

    Async tasks share it as in a discrete-event simulation: ``async_sleep``
    (and the fake's own waits for an async client) lets the other tasks run,
    and once a whole turn of the event loop passes in which no task began or
    ended a wait on the clock, it jumps to the earliest moment one of them
    waits for. Three concurrent 2 s waits take 2 virtual seconds, and real
    time passes while tasks wait, so a real ``asyncio.wait_for`` or a task's
    cancel interrupts them. Use it from one event loop at a time.
    """

    def __init__(self, start: datetime | None = None) -> None:
        self._now = 0.0
        self._lock = threading.Lock()
        self._start = start or datetime(2026, 1, 1, tzinfo=UTC)
        self._sleepers: list[_Sleeper] = []
        #: Counts sleepers coming and going; ``_settled`` is the count a step last saw.
        self._comings = 0
        self._settled = 0

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
        """``sleep`` for async clients: wait, letting other tasks run, until ``seconds`` passed."""
        await self._wait(seconds, _never)

    def wall(self, moment: float) -> datetime:
        """The UTC date and time of a virtual moment."""
        return self._start + timedelta(seconds=moment)

    async def _wait(self, seconds: float, stop: Callable[[], bool]) -> None:
        """Wait until ``seconds`` passed or ``stop()`` is true, whichever comes first.

        Even a wait of zero lets the tasks that are ready run first, as
        ``asyncio.sleep(0)`` does; ``stop`` is checked each time the clock
        would move.
        """
        loop = asyncio.get_running_loop()
        sleeper = _Sleeper(self._now + max(0.0, seconds), stop, loop.create_future())
        self._sleepers.append(sleeper)
        self._comings += 1
        loop.call_soon(self._step)
        try:
            await sleeper.woken
        finally:
            self._sleepers.remove(sleeper)
            self._comings += 1
            if self._sleepers:
                loop.call_soon(self._step)

    def _step(self) -> None:
        """Wake the sleepers that are due, or else move to the earliest wake-up and wake those.

        Called soon after a sleeper comes or goes. Time stays put while any
        sleeper is awake but has not resumed yet (due, stopped, or its task
        cancelled): it may be about to wait for an earlier moment. And it
        moves only after a whole turn of the event loop in which no sleeper
        came or went, so a task woken by another (an ``asyncio.Event``, a
        queue) gets its turn first.
        """
        awake = [s for s in self._sleepers if s.woken.done() or s.moment <= self._now or s.stop()]
        if not awake and self._sleepers:
            if self._settled != self._comings:
                self._settled = self._comings
                asyncio.get_running_loop().call_soon(self._step)
                return
            earliest = min(s.moment for s in self._sleepers)
            with self._lock:
                self._now = max(self._now, earliest)
            awake = [s for s in self._sleepers if s.moment <= self._now]
        for sleeper in awake:
            if not sleeper.woken.done():
                sleeper.woken.set_result(None)


@dataclass(frozen=True, eq=False)
class _Sleeper:
    """A task waiting on a virtual clock: until ``moment``, or until ``stop()`` is true."""

    moment: float
    stop: Callable[[], bool]
    woken: asyncio.Future[None]


def _never() -> bool:
    return False


class RealClock:
    """The machine's clock, for a fake served to other processes.

    ``offset``: seconds the fake's wall clock (its timestamps, and a served
    fake's Date header) runs ahead of the machine's; negative runs behind,
    to test how a client copes with clock skew.
    """

    def __init__(self, *, offset: float = 0.0) -> None:
        self._origin = time.monotonic()
        self._wall_origin = datetime.now(UTC) + timedelta(seconds=offset)

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
