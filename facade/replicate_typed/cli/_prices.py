"""Read the price table for a batch's cost estimate: the API tells no prices, so the user does.

    {"acme/upscaler": {"per_second": 0.000225}, "acme/tagger": {"per_prediction": 0.002}}

A model's key is "owner/name" (or "owner/name:version" for one version).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from replicate_typed import Price
from replicate_typed.cli._exit import UsageError

#: What a price may say, each in dollars.
FIELDS = ("per_second", "per_prediction")


def read_prices(path: Path) -> dict[str, Price]:
    """The prices in ``path`` by model; UsageError naming what is wrong with the file."""
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"--prices: {path}: no such file") from None
    except (OSError, ValueError) as error:
        raise UsageError(f"--prices: {path}: not a JSON file ({error})") from None
    if not isinstance(table, dict):
        raise UsageError(f"--prices: {path}: expected an object of prices by model")
    return {str(model): _price(path, str(model), entry) for model, entry in table.items()}  # pyright: ignore[reportUnknownVariableType,reportUnknownArgumentType]


def _price(path: Path, model: str, entry: Any) -> Price:
    where = f"--prices: {path}: {model!r}"
    if not isinstance(entry, dict) or not entry:
        raise UsageError(f"{where}: expected an object with {' and/or '.join(FIELDS)}")
    amounts: dict[str, float] = {}
    for name, value in entry.items():  # pyright: ignore[reportUnknownVariableType]
        if name not in FIELDS:
            raise UsageError(f"{where}: unknown field {name!r} (expected {', '.join(FIELDS)})")
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise UsageError(f"{where}: {name} must be a number of dollars, at least 0")
        if not math.isfinite(value):
            raise UsageError(f"{where}: {name} must be finite")
        amounts[name] = float(value)
    return Price(**amounts)
