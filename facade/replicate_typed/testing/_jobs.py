"""A fake prediction or training: its state at any moment, derived from its timeline.

Nothing runs in the background. A job records when it was created, how long it
queues and runs, and when (if ever) it was canceled or hit its deadline; its
status, logs and output at a moment follow from those, so a virtual clock and
a real one drive it alike.
"""

from __future__ import annotations

import secrets
import string
import threading
from dataclasses import dataclass, field
from typing import Any, Literal

from replicate_typed._nested import leaves, map_leaves
from replicate_typed.testing._behavior import Behavior, FakeFile, FakeModelError, as_chunks, seconds

Status = Literal["starting", "processing", "succeeded", "failed", "canceled", "aborted"]
TERMINAL = ("succeeded", "failed", "canceled", "aborted")
_ID_ALPHABET = string.ascii_lowercase + string.digits


def new_id() -> str:
    """A random id shaped like Replicate's (26 lowercase letters and digits)."""
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(26))


@dataclass
class Outcome:
    """What the model's function produced: output chunks or an error."""

    chunks: list[Any] = field(default_factory=list[Any])
    error: str | None = None


@dataclass
class Job:
    """A prediction or a training on the fake."""

    kind: Literal["prediction", "training"]
    model: str
    version: str
    input: dict[str, Any]
    behavior: Behavior
    created: float
    id: str = field(default_factory=new_id)
    deployment: str | None = None
    webhook: str | None = None
    webhook_events: tuple[str, ...] = ("start", "output", "logs", "completed")
    deadline: float | None = None
    canceled_at: float | None = None
    delivered: set[str] = field(default_factory=set[str])
    #: The behavior's durations for this input, fixed when the job is created.
    queue_time: float = field(init=False)
    run_time: float = field(init=False)
    _outcome: Outcome | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.queue_time = seconds(self.behavior.queue_time, self.input)
        self.run_time = seconds(self.behavior.run_time, self.input)

    @property
    def start(self) -> float:
        """When it starts processing (unless stopped first)."""
        return self.created + self.queue_time

    @property
    def end(self) -> float:
        """When it would finish if nothing stops it."""
        return self.start + self.run_time

    @property
    def stopped(self) -> tuple[float, Status] | None:
        """When it was stopped early, and the status it was stopped with."""
        candidates: list[tuple[float, Literal["canceled", "deadline"]]] = []
        if self.canceled_at is not None:
            candidates.append((self.canceled_at, "canceled"))
        if self.deadline is not None:
            candidates.append((self.deadline, "deadline"))
        if not candidates:
            return None
        when, why = min(candidates)
        if when >= self.end:
            return None
        if when < self.start:
            return when, "aborted" if why == "deadline" else "canceled"
        return when, "canceled"

    def status(self, now: float) -> Status:
        """Its status at ``now``."""
        stopped = self.stopped
        if stopped is not None and now >= stopped[0]:
            return stopped[1]
        if now < self.start:
            return "starting"
        if now < self.end:
            return "processing"
        return "failed" if self.outcome().error is not None else "succeeded"

    def completed_at(self, now: float) -> float | None:
        """When it finished, if it has."""
        if self.status(now) not in TERMINAL:
            return None
        stopped = self.stopped
        return stopped[0] if stopped is not None else self.end

    def started_at(self, now: float) -> float | None:
        """When it started processing, if it has."""
        status = self.status(now)
        if status in ("starting", "aborted"):
            return None
        if status == "canceled" and self.stopped is not None and self.stopped[0] < self.start:
            return None
        return self.start

    def outcome(self) -> Outcome:
        """Run the model's function once, the first time the result is needed."""
        with self._lock:
            if self._outcome is None:
                try:
                    value = _files_in(self.behavior.run(self.input))
                    chunks = as_chunks(value) if self.behavior.stream else [value]
                    self._outcome = Outcome(chunks=chunks)
                except FakeModelError as failure:
                    self._outcome = Outcome(error=str(failure) or "the model failed")
            return self._outcome

    def chunks_at(self, now: float) -> list[Any]:
        """The output chunks produced by ``now`` (all once succeeded)."""
        status = self.status(now)
        if status in ("starting", "aborted", "failed"):
            return []
        chunks = self.outcome().chunks
        if status == "succeeded" or not self.behavior.stream:
            return chunks if status == "succeeded" else []
        done_until = min(now, self.stopped[0] if self.stopped else now)
        return chunks[: self.chunks_due(done_until)]

    def chunk_time(self, index: int) -> float:
        """When the chunk at ``index`` is produced (chunks are spread over the run)."""
        count = max(1, len(self.outcome().chunks))
        return self.start + self.run_time * (index + 1) / count

    def chunks_due(self, now: float) -> int:
        """How many chunks have been produced by ``now``."""
        if now < self.start:
            return 0
        return sum(
            1 for index in range(len(self.outcome().chunks)) if self.chunk_time(index) <= now
        )

    def output(self, now: float) -> Any:
        """The output at ``now``: None until there is one; a list for streaming models."""
        chunks = self.chunks_at(now)
        if self.behavior.stream:
            return chunks if chunks or self.status(now) == "processing" else None
        return chunks[0] if chunks else None

    def logs(self, now: float) -> str:
        """The logs at ``now``: a progress bar when the behavior has steps."""
        status = self.status(now)
        if status in ("starting", "aborted"):
            return ""
        steps = self.behavior.steps
        if not steps:
            return "running\n"
        until = min(now, self.completed_at(now) or now)
        fraction = 1.0 if self.run_time <= 0 else (until - self.start) / self.run_time
        done = max(0, min(steps, int(fraction * steps)))
        return "\r".join(_bar(step, steps) for step in range(done + 1)) + "\n"

    def files(self) -> list[FakeFile]:
        """The files in its output, to serve for download."""
        if self.outcome().error is not None:
            return []
        chunks = leaves(self.outcome().chunks)
        return [chunk for _, chunk in chunks if isinstance(chunk, FakeFile)]


def _bar(step: int, steps: int) -> str:
    percent = int(100 * step / steps)
    filled = int(10 * step / steps)
    return f"{percent:3d}%|{'█' * filled}{' ' * (10 - filled)}| {step}/{steps} [00:00<00:00]"


def _files_in(value: object) -> object:
    """The output with bare bytes turned into FakeFiles (served for download)."""
    return map_leaves(value, lambda _, leaf: FakeFile(leaf) if isinstance(leaf, bytes) else leaf)
