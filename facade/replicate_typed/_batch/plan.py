"""What to do with each journal row when a batch (re)starts: a pure function of the row.

The rules are the README's table ("Batches", resume rules); each phase the
runner writes has one here, so an interrupted batch always knows how to go on.
"""

from __future__ import annotations

from enum import StrEnum

from replicate_typed._batch.journal import Phase, Row
from replicate_typed._batch.summary import BatchRetry


class Action(StrEnum):
    """The next step for an item."""

    #: Finished before, nothing left to do.
    SKIP = "skip"
    #: Send a create (first time, after an interrupt, or a retry).
    CREATE = "create"
    #: An intent without an id: look the prediction up before creating anything.
    RECONCILE = "reconcile"
    #: The prediction exists: wait for it (at once if finished), then save its outputs.
    WAIT = "wait"
    #: Succeeded and finished, outputs not (all) saved yet: save them from the recorded output.
    SAVE = "save"


def plan(row: Row, *, retry: BatchRetry | None, saving: bool) -> Action:
    """The next step for ``row``; ``saving``: the batch has an ``output_dir``."""
    if row.phase in (Phase.PENDING, Phase.INTERRUPTED):
        return Action.CREATE
    if row.phase is Phase.INTENT:
        return Action.RECONCILE
    if row.phase is Phase.CREATED:
        return Action.WAIT
    if retry is not None and row.status in retry.on and row.attempts < retry.attempts:
        return Action.CREATE
    if saving and row.status == "succeeded" and (row.saved is None or row.error is not None):
        return Action.SAVE  # never saved, or a save failed (a succeeded item's only error)
    return Action.SKIP
