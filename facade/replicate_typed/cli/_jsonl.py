"""Read a batch's inputs from a JSON Lines file: one input object per line.

Every line is checked before anything is sent, so a typo on line 4,000 stops
the batch before it has spent anything, and the error names the line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

from replicate_typed.cli._exit import UsageError


def read_inputs(path: Path) -> list[dict[str, Any]]:
    """The input objects in ``path``, in file order; blank lines are skipped.

    UsageError (naming the file and line) for a line that is not a JSON
    object, and for a file that is missing, unreadable or holds no inputs.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read it: {error}") from None
    inputs = [
        _input(path, number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]
    if not inputs:
        raise UsageError(f"{path}: no inputs (expected one JSON object per line)")
    return inputs


def _input(path: Path, number: int, line: str) -> dict[str, Any]:
    try:
        value = json.loads(line, parse_constant=_refuse_constant)
    except ValueError as error:
        raise UsageError(f"{path} line {number}: not valid JSON ({error})") from None
    if not isinstance(value, dict):
        raise UsageError(
            f"{path} line {number}: expected a JSON object (an input), got {type(value).__name__}"
        )
    return cast(dict[str, Any], value)  # JSON object keys are always strings


def _refuse_constant(name: str) -> Any:
    # Python's json accepts NaN and Infinity, which JSON (and the API) does not.
    raise ValueError(f"{name} is not JSON")
