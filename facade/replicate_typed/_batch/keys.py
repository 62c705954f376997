"""The stable key of a batch item: the same model and input give the same key, run after run."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

#: How many hex digits of a key name an item's output folder.
SHORT = 12


def canonical_json(value: object) -> str:
    """``value`` as JSON with sorted keys and no spaces: one text for equal values.

    ValueError for a value JSON cannot carry (a local file, a set): the key,
    the journal and the reconciliation all need the input as the server sees it.
    """
    try:
        return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise ValueError(
            f"a batch input must be plain JSON (upload local files first): {exc}"
        ) from None


def item_key(model: str, input: Mapping[str, object], occurrence: int | None = None) -> str:
    """sha256 of the canonical JSON of model and input (and ``occurrence``, if kept apart)."""
    identity: dict[str, object] = {"model": model, "input": dict(input)}
    if occurrence is not None:
        identity["occurrence"] = occurrence
    return hashlib.sha256(canonical_json(identity).encode()).hexdigest()
