"""Ctrl-C (sync) and task cancellation (async) during a batch: in-flight predictions are
canceled, the journal is left resumable, and the next run finishes the batch."""

from __future__ import annotations

import asyncio
import signal
import threading
from pathlib import Path

import pytest
from replicate_typed import StatusChanged
from replicate_typed._batch.journal import Journal, Phase
from replicate_typed._events import Event
from replicate_typed.testing import FakeReplicate

INPUTS = [{"text": text} for text in "abcd"]
#: Long enough on the virtual clock that no prediction finishes before the interrupt lands.
SLOW = "acme/slow"


class AfterCreates:
    """An event hook that calls ``interrupt`` once ``count`` predictions were created."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.interrupt: object = None
        self._seen = 0

    def __call__(self, event: Event) -> None:
        if isinstance(event, StatusChanged) and event.old is None:
            self._seen += 1
            if self._seen == self.count and callable(self.interrupt):
                self.interrupt()


def _check_interrupted_and_resume(fake: FakeReplicate, journal: Path) -> None:
    """Both created predictions were canceled once; the rest never started; a rerun finishes."""
    assert [p["status"] for p in fake.predictions()] == ["canceled", "canceled"]
    opened = Journal(journal)
    phases = sorted(row.phase for row in opened.rows())
    opened.close()
    assert phases == sorted([Phase.INTERRUPTED, Phase.INTERRUPTED, Phase.PENDING, Phase.PENDING])
    cancels = fake.requests.to("predictions.cancel")
    assert len(cancels) >= 2

    fake.add_model(SLOW, lambda input: input["text"], run_time=2)  # the rerun need not wait long
    with fake.client() as client:
        summary = client.batch(SLOW, INPUTS, journal=journal)

    assert (summary.succeeded, summary.recreated, summary.skipped) == (4, 2, 0)
    statuses = [p["status"] for p in fake.predictions()]
    assert sorted(statuses) == ["canceled"] * 2 + ["succeeded"] * 4


@pytest.fixture(autouse=True)
def slow_model(fake: FakeReplicate) -> None:
    # A year: on the virtual clock, a worker polling it never sees it finish
    # before the interrupt is handled, however late the signal lands.
    fake.add_model(SLOW, lambda input: input["text"], run_time=365 * 24 * 3600)


def test_ctrl_c_in_a_sync_batch_cancels_what_is_in_flight(
    fake: FakeReplicate, tmp_path: Path
) -> None:
    hook = AfterCreates(2)
    main = threading.main_thread().ident
    assert main is not None
    handled = threading.Event()

    def on_sigint(_signum: int, _frame: object) -> None:
        handled.set()
        raise KeyboardInterrupt

    def interrupt() -> None:
        signal.pthread_kill(main, signal.SIGINT)
        # The worker that saw the second create goes on only once the main
        # thread has the interrupt (a wait on an event, not a sleep).
        assert handled.wait(timeout=30)

    hook.interrupt = interrupt
    journal = tmp_path / "j"
    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        with fake.client(on_event=hook) as client, pytest.raises(KeyboardInterrupt):
            client.batch(SLOW, INPUTS, journal=journal, concurrency=2)
    finally:
        signal.signal(signal.SIGINT, previous)

    _check_interrupted_and_resume(fake, journal)


def test_cancelling_an_async_batch_cancels_what_is_in_flight(
    fake: FakeReplicate, tmp_path: Path
) -> None:
    hook = AfterCreates(2)
    journal = tmp_path / "j"

    async def run() -> None:
        async with fake.async_client(on_event=hook) as client:
            task = asyncio.ensure_future(client.batch(SLOW, INPUTS, journal=journal, concurrency=2))
            hook.interrupt = task.cancel
            with pytest.raises(asyncio.CancelledError):
                await task

    asyncio.run(run())

    _check_interrupted_and_resume(fake, journal)
