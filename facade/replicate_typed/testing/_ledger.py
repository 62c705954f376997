"""Every prediction and training on the fake, and the waits on them.

One lock guards the fake's state while a request is handled. Answering a
request is a flow that yields the seconds it waits for (a sync-mode create
held open, a slow response, a stream's next chunk): ``drive`` performs those
waits in the calling thread, ``async_drive`` on the running event loop, so an
async client's other tasks run meanwhile. A virtual clock moves forward (for
async tasks, once they all had their turn); on real time the wait really
passes. Either way a change to a job (a cancel) ends a wait early, and the
flow looks again.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator, Generator, Iterator
from typing import TYPE_CHECKING, TypeVar

from replicate_typed.testing._clock import VirtualClock
from replicate_typed.testing._jobs import TERMINAL, Job

if TYPE_CHECKING:
    from replicate_typed.testing._fake import FakeReplicate

T = TypeVar("T")

Flow = Generator[float, None, T]
"""Work that yields the seconds it waits for, then returns its result."""


class Ledger:
    """The fake's jobs (predictions and trainings) by id, oldest first."""

    def __init__(self, fake: FakeReplicate) -> None:
        self._fake = fake  # for its clock, which serve() swaps for real time
        #: Held while a request is handled (and while the fake is inspected).
        self.lock = threading.RLock()
        self._changed = threading.Condition(self.lock)
        #: Counts the changes that end waits early; a wait ends once it moved.
        self._changes = 0
        #: Event loops waiting on real time, woken by a change.
        self._loops: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()
        self._jobs: dict[str, Job] = {}

    def add(self, job: Job) -> None:
        """Record a new prediction or training."""
        self._jobs[job.id] = job

    def get(self, job_id: str, kind: str | None = None) -> Job | None:
        """A job by id; with ``kind``, only a prediction or only a training."""
        job = self._jobs.get(job_id)
        return job if job is not None and kind in (None, job.kind) else None

    def oldest_first(self, kind: str | None = None) -> list[Job]:
        """Every job (or every one of ``kind``), oldest first."""
        return [job for job in self._jobs.values() if kind in (None, job.kind)]

    def newest_first(self, kind: str) -> list[Job]:
        """Every prediction or training, newest first (the order lists use)."""
        return [job for job in reversed(self._jobs.values()) if job.kind == kind]

    def cancel(self, job: Job) -> None:
        """Cancel a job that has not finished (a finished one stays as it is)."""
        now = self._fake.clock.now()
        if job.status(now) not in TERMINAL:
            job.canceled_at = now
            with self.lock:
                self._changes += 1
                self._changed.notify_all()
                for loop, event in self._loops:
                    loop.call_soon_threadsafe(event.set)

    def hold(self, job: Job, until: float) -> Iterator[float]:
        """The waits that keep a sync-mode create open until the job finishes or ``until``."""
        while True:
            with self.lock:
                now = self._fake.clock.now()
                if now >= until or job.status(now) in TERMINAL:
                    return
                stopped = job.stopped
                left = min(until, stopped[0] if stopped else job.end) - now
            yield left

    def drive(self, flow: Flow[T]) -> T:
        """Run ``flow`` in this thread, letting each wait it yields pass."""
        while True:
            since = self._changes
            try:
                seconds = next(flow)
            except StopIteration as done:
                result: T = done.value
                return result
            self._wait(seconds, since)

    async def async_drive(self, flow: Flow[T]) -> T:
        """Run ``flow`` on the running event loop; other tasks run while it waits.

        The ready tasks run first, as they would while a request crosses a network.
        """
        await self._async_wait(0.0, self._changes)
        while True:
            since = self._changes
            try:
                seconds = next(flow)
            except StopIteration as done:
                result: T = done.value
                return result
            await self._async_wait(seconds, since)

    def pace(self, parts: Iterator[bytes | float]) -> Iterator[bytes]:
        """A body's chunks, letting pass the waits (seconds) between them."""
        while True:
            since = self._changes
            part = next(parts, None)
            if part is None:
                return
            if isinstance(part, bytes):
                yield part
            else:
                self._wait(part, since)

    async def async_pace(self, parts: Iterator[bytes | float]) -> AsyncIterator[bytes]:
        """``pace`` on the running event loop; other tasks run while it waits."""
        while True:
            since = self._changes
            part = next(parts, None)
            if part is None:
                return
            if isinstance(part, bytes):
                yield part
            else:
                await self._async_wait(part, since)

    def _wait(self, seconds: float, since: int) -> None:
        """Let ``seconds`` pass; on real time, less if the jobs changed after ``since``."""
        clock = self._fake.clock
        if isinstance(clock, VirtualClock):
            clock.advance(seconds)
        else:
            with self._changed:
                self._changed.wait_for(lambda: self._changes != since, timeout=seconds)

    async def _async_wait(self, seconds: float, since: int) -> None:
        """``_wait`` on the running event loop; even a wait of zero lets other tasks run."""
        clock = self._fake.clock
        if isinstance(clock, VirtualClock):
            await clock._wait(seconds, lambda: self._changes != since)  # pyright: ignore[reportPrivateUsage]  # package-private
            return
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        waiter = (asyncio.get_running_loop(), asyncio.Event())
        with self.lock:
            self._loops.add(waiter)
            changed = self._changes != since
        try:
            if not changed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(waiter[1].wait(), seconds)
        finally:
            with self.lock:
                self._loops.discard(waiter)
