"""Find the prediction an item's create made when the journal has its intent but no id.

A batch stopped (crash, kill, power cut) after recording the intent and
before recording the id may or may not have reached the server. Creating
again could run and bill the item twice, so the predictions created since
the intent (``_lost_create.find_made``: created_after the intent time minus
a margin, the same model or version, exactly the same input) are listed
first. The oldest match no other item holds is adopted; a match that was
canceled (by the interrupt that stopped the batch) is not, since it ran for
nothing and the item still needs its answer. Only when the list was read to
its end and nothing fits is the item created again.
"""

from __future__ import annotations

from datetime import UTC, datetime

from replicate_api.models.prediction import Prediction

from replicate_typed import _refs
from replicate_typed._batch.journal import Row
from replicate_typed._core import Core
from replicate_typed._effects import Flow
from replicate_typed._errors import ReplicateError
from replicate_typed._lost_create import SentCreate, find_made

#: Pages of 100 predictions read at most: a batch's own creates can be many.
MAX_PAGES = 50


class ReconcileError(ReplicateError):
    """The list of predictions since an intent was too long to read to its end.

    Nothing is created for the item: it may exist. The journal keeps the
    intent, so the next run tries again.
    """


def reconcile(core: Core, model: str, row: Row, known_ids: set[str]) -> Flow[Prediction | None]:
    """The prediction to adopt for ``row`` (an intent without id), or None if certainly absent.

    ``known_ids``: ids other items hold, never adopted twice.
    """
    intent_at = row.intent_at or core.now()
    sent = SentCreate(_refs.resolve(model, None), row.input, intent_at)
    found = yield from find_made(core, sent, max_pages=MAX_PAGES)
    candidates = [
        prediction
        for prediction in found.predictions
        if prediction.id not in known_ids and str(prediction.status) != "canceled"
    ]
    if candidates:
        # Listed newest first: reversed, the first of equal creation times is the oldest.
        return min(reversed(candidates), key=_created)
    if not found.complete:
        raise ReconcileError(
            f"more than {MAX_PAGES} pages of predictions since {intent_at.isoformat()}: "
            f"cannot tell whether item {row.key[:12]} was created, so it is not created again"
        )
    return None


def _created(prediction: Prediction) -> datetime:
    created = prediction.created_at
    return created if created.tzinfo is not None else created.replace(tzinfo=UTC)
