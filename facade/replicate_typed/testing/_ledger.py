"""Every prediction and training on the fake, and the waits on them.

One lock guards the fake's state while a request is handled. ``wait`` lets
time pass: a virtual clock just moves forward; on real time the lock is
released while waiting, so a cancel arriving on another connection is served
and ends the wait early.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from replicate_typed.testing._clock import VirtualClock
from replicate_typed.testing._jobs import TERMINAL, Job

if TYPE_CHECKING:
    from replicate_typed.testing._fake import FakeReplicate


class Ledger:
    """The fake's jobs (predictions and trainings) by id, oldest first."""

    def __init__(self, fake: FakeReplicate) -> None:
        self._fake = fake  # for its clock, which serve() swaps for real time
        #: Held while a request is handled (and while the fake is inspected).
        self.lock = threading.RLock()
        self._changed = threading.Condition(self.lock)
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
            self._changed.notify_all()

    def hold(self, job: Job, until: float) -> None:
        """Keep a sync-mode create open until the job finishes or ``until``."""
        while True:
            now = self._fake.clock.now()
            if now >= until or job.status(now) in TERMINAL:
                return
            stopped = job.stopped
            target = min(until, stopped[0] if stopped else job.end)
            self.wait(target - now)

    def wait(self, seconds: float) -> None:
        """Let time pass; on real time a cancel ends the wait early."""
        if seconds <= 0:
            return
        clock = self._fake.clock
        if isinstance(clock, VirtualClock):
            clock.advance(seconds)
        else:
            with self._changed:
                self._changed.wait(timeout=seconds)
