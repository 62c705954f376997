"""AsyncBatch: run every input of a batch once, journaled, resumable (``AsyncReplicate.batch``).

The journal (``_batch.journal``) records each step before the next depends
on it; ``_batch.plan`` says how each item goes on when the same call runs
again; ``_batch.reconcile`` finds a prediction whose create's id was never
recorded. This module performs the steps on the client's runner; running
many items at once is ``_async_io.run_limited``'s job (tasks here, threads
in the sync twin), and the client's rate budget paces the requests.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from replicate_api.models.prediction import Prediction

from replicate_typed._async.files import AsyncFileOutput
from replicate_typed._async.runner import AsyncRunner
from replicate_typed._async_io import run_limited
from replicate_typed._batch.journal import Journal, Phase, Row
from replicate_typed._batch.keys import SHORT, canonical_json, item_key
from replicate_typed._batch.outputs import file_targets
from replicate_typed._batch.plan import Action, plan
from replicate_typed._batch.reconcile import reconcile
from replicate_typed._batch.summary import (
    BatchProgress,
    BatchResult,
    BatchRetry,
    BatchSummary,
    Price,
    Tally,
    price_of,
)
from replicate_typed._errors import NotFoundError
from replicate_typed._jobs import output_of
from replicate_typed._kinds import PREDICTION
from replicate_typed._options import CreateOptions

O = TypeVar("O")  # noqa: E741 - the bindings' letter for the output

logger = logging.getLogger("replicate_typed.batch")

#: Items in flight at most when ``concurrency`` is None; the rate budget paces them anyway.
DEFAULT_CONCURRENCY = 32


@dataclass(frozen=True)
class BatchOptions(Generic[O]):
    """What one ``batch`` call asked for, checked."""

    model: str
    journal: Path
    concurrency: int
    create: CreateOptions
    output_dir: Path | None
    read: Callable[[object], O]
    on_result: Callable[[BatchResult[O]], None] | None
    on_progress: Callable[[BatchProgress], None] | None
    retry: BatchRetry | None
    allow_duplicates: bool
    prices: Mapping[str, Price] | None


class AsyncBatch(Generic[O]):
    """One run of a batch over ``inputs`` (plain JSON mappings), on ``runner``."""

    def __init__(
        self, runner: AsyncRunner, options: BatchOptions[O], inputs: Iterable[Mapping[str, object]]
    ) -> None:
        self._runner = runner
        self._options = options
        #: Every key's positions in ``inputs``, in the order first listed.
        self._positions: dict[str, list[int]] = {}
        listed: list[tuple[str, int, str]] = []
        seen: dict[str, int] = {}
        for index, input in enumerate(inputs):
            text = canonical_json(dict(input))
            occurrence = None
            if options.allow_duplicates:
                occurrence = seen[text] = seen.get(text, -1) + 1
            key = item_key(options.model, input, occurrence)
            if key not in self._positions:
                listed.append((key, index, text))
            self._positions.setdefault(key, []).append(index)
        self._journal = Journal(options.journal)
        try:
            self._journal.claim(options.model)
            self._journal.add(listed)
        except BaseException:
            self._journal.close()
            raise
        self._tally = Tally(len(self._positions), runner.core.clock)
        self._stop = threading.Event()

    async def run(self) -> BatchSummary:
        """Run every item not done yet and return the summary; an interrupt leaves it resumable."""
        try:
            await run_limited(
                [functools.partial(self._item, key) for key in self._positions],
                max(1, min(self._options.concurrency, len(self._positions))),
                self._interrupted,
            )
            rows = [self._journal.row(key) for key in self._positions]
            outcomes = [
                (row.status if row.phase is Phase.DONE else None, row.predict_time) for row in rows
            ]
            unsaved = sum(
                row.phase is Phase.DONE and row.status == "succeeded" and row.error is not None
                for row in rows
            )
            price = price_of(self._options.prices, self._options.model)
            if self._options.prices is not None and price is None:
                logger.warning("no price for %s in prices: no cost estimate", self._options.model)
            return self._tally.summary(self._options.journal, outcomes, price, unsaved)
        finally:
            self._journal.close()

    async def _item(self, key: str) -> None:
        """Take one item as far as it goes: to done, or to a step the next run continues from.

        A failure (a request that failed after its retries, a journal that
        cannot be written) stops this item only: it is logged, and the item
        counts as unfinished.
        """
        if self._stop.is_set():
            return
        try:
            row = self._journal.row(key)
            action = plan(
                row, retry=self._options.retry, saving=self._options.output_dir is not None
            )
            if action is Action.SKIP:
                self._tally.note("skipped")
                self._tally.finished_before()
                self._progress()
                return
            self._tally.start()
            self._progress()
            status: str | None = None
            try:
                status = await self._advance(row, action)
            finally:
                self._tally.stop(status)
                self._progress()
        except Exception:
            logger.warning(
                "batch item %s stopped; the next run continues it", key[:SHORT], exc_info=True
            )
            return
        if status is not None:
            self._report(key)

    async def _advance(self, row: Row, action: Action) -> str | None:
        """Perform ``action`` and the ones after it; the final status, None if not done."""
        key = row.key
        prediction: Prediction | str | None = row.prediction_id
        if action is Action.RECONCILE:
            found = await self._runner.perform(
                reconcile(self._runner.core, self._options.model, row, self._journal.known_ids())
            )
            if found is None:
                self._tally.note("recreated")
                action = Action.CREATE
            else:
                self._tally.note("adopted")
                self._journal.created(key, found.id, str(found.status))
                prediction, action = found, Action.WAIT
        elif action is Action.CREATE and row.phase is Phase.INTERRUPTED:
            self._tally.note("recreated")
        while action is not Action.SKIP:
            if action is Action.SAVE:
                await self._save(key, row.output)
            elif not await self._run(row, action, prediction):
                return None
            row = self._journal.row(key)
            action = plan(
                row, retry=self._options.retry, saving=self._options.output_dir is not None
            )
            if action is Action.SAVE:  # a save just failed: the next run tries it again
                break
            prediction = None
        return row.status

    async def _run(self, row: Row, action: Action, prediction: Prediction | str | None) -> bool:
        """Create (for CREATE) and wait for the item's prediction, and record how it ended.

        False if the batch is stopping and the item is left for the next run.
        """
        key = row.key
        if action is Action.CREATE:
            prediction = await self._create(row)
            if prediction is None:
                return False
        try:
            finished = await self._wait(key, prediction)
        except NotFoundError as exc:
            if not isinstance(prediction, str):  # not a journaled id: nothing to say
                raise
            self._not_found(key, prediction, exc)
            return True
        if finished is None:
            return False
        await self._finish(key, finished)
        return True

    async def _create(self, row: Row) -> Prediction | None:
        """Record the intent, create, record the id; None if the batch is stopping."""
        key = row.key
        self._journal.intent(key, self._runner.core.now())
        flow = self._runner.jobs.create_prediction(
            self._options.model,
            row.input,
            deployment=None,
            options=self._options.create,
            file_strategy="upload",  # never used: a batch input is plain JSON
        )
        prediction = await self._runner.perform(flow)
        self._journal.created(key, prediction.id, str(prediction.status))
        if self._stop.is_set():  # stopped while the create was out: nobody waits for it
            await self._cancel(prediction.id)
            self._journal.interrupted(key)
            return None
        return prediction

    async def _wait(self, key: str, prediction: Prediction | str | None) -> Prediction | None:
        """Wait for the item's prediction, journaling its status changes; None if interrupted."""
        if prediction is None:
            raise ValueError(f"batch item {key[:SHORT]} has no prediction to wait for")

        def seen(update: Prediction) -> None:
            self._journal.status(key, str(update.status))

        try:
            finished = await self._runner.perform(
                self._runner.jobs.wait(PREDICTION, prediction, on_update=seen)
            )
        except BaseException as exc:
            if not isinstance(exc, Exception):  # an interrupt: the wait canceled the prediction
                self._journal.interrupted(key)
            raise
        if self._stop.is_set() and str(finished.status) == "canceled":  # by the interrupt
            self._journal.interrupted(key)
            return None
        return finished

    async def _finish(self, key: str, prediction: Prediction) -> None:
        """Record the outcome, then save the outputs of a success and mark the item done."""
        status = str(prediction.status)
        output = output_of(prediction) if status == "succeeded" else None
        metrics = prediction.metrics
        error = None if prediction.error is None else str(prediction.error)
        predict_time = None if metrics is None else metrics.predict_time
        self._journal.finished(key, status, output, predict_time, error)
        if status == "succeeded" and self._options.output_dir is not None:
            await self._save(key, output)
        else:
            self._journal.done(key)

    def _not_found(self, key: str, prediction_id: str, error: NotFoundError) -> None:
        """The journaled prediction is not on the server (another token or API?): failed.

        It is not created again: it may have run, and been billed, where this
        client cannot see it. The error says so; ``retry`` may still run it.
        """
        self._journal.finished(
            key,
            "failed",
            None,
            None,
            f"prediction {prediction_id}, recorded in the journal, was not found ({error}); "
            "not created again, since it may have run (another API token or base URL?)",
        )
        self._journal.done(key)

    async def _save(self, key: str, output: object) -> None:
        """Save the files of ``output`` in ``output_dir/<key12>/``, never over one; record where.

        A file already at its path was saved by an earlier run (saves are
        atomic) and is kept. A save that fails is recorded, not raised: the
        next run tries it again, while the output URLs last (an hour).
        """
        directory = self._options.output_dir
        if directory is None:
            raise ValueError("no output_dir to save into")
        saved: list[str] = []
        error = None
        try:
            for url, target in file_targets(output, directory / key[:SHORT]):
                if not os.path.lexists(target):
                    target.parent.mkdir(parents=True, exist_ok=True)
                    await AsyncFileOutput(url, self._runner).save(target)
                saved.append(os.fspath(target))
        except Exception as exc:  # gone after an hour, or a full disk
            error = f"outputs not saved: {exc}"
        self._journal.saved(key, saved, error)

    async def _cancel(self, prediction_id: str) -> None:
        try:
            await self._runner.perform(self._runner.jobs.cancel(PREDICTION, prediction_id))
        except Exception:
            logger.warning("could not cancel prediction %s", prediction_id, exc_info=True)

    async def _interrupted(self) -> None:
        """Interrupted: start no more items, cancel every prediction still in flight."""
        self._stop.set()
        for prediction_id in self._journal.in_flight():
            await self._cancel(prediction_id)

    def _progress(self) -> None:
        """Call ``on_progress``; like ``on_event``, what it raises is logged, not raised."""
        if self._options.on_progress is not None:
            try:
                self._options.on_progress(self._tally.progress())
            except Exception:
                logger.warning("on_progress raised; the batch goes on", exc_info=True)

    def _report(self, key: str) -> None:
        """Call ``on_result`` with the finished item; what it raises is logged, not raised."""
        if self._options.on_result is not None:
            try:
                self._options.on_result(self._result(self._journal.row(key)))
            except Exception:
                logger.warning(
                    "on_result of batch item %s raised; the batch goes on",
                    key[:SHORT],
                    exc_info=True,
                )

    def _result(self, row: Row) -> BatchResult[O]:
        output = self._options.read(row.output) if row.status == "succeeded" else None
        return BatchResult(
            key=row.key,
            index=row.position,
            indexes=tuple(self._positions[row.key]),
            input=row.input,
            prediction_id=row.prediction_id,
            status=row.status or "",
            output=output,
            saved=tuple(Path(path) for path in row.saved or ()),
            error=row.error,
        )
