"""Turn ``-i key=value`` arguments into a model's input.

A value is JSON when it parses as JSON (numbers, true/false, null, lists,
objects, quoted strings) and the text itself otherwise, so ``-i steps=20`` is
a number and ``-i prompt=a red fox`` needs no quoting. ``key=@path`` is a
local file: a ``Path`` in the input, which the SDK uploads. To send text that
starts with "@", quote it as a JSON string: ``-i 'handle="@fox"'``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from replicate_typed.cli._exit import UsageError


def parse_inputs(pairs: Iterable[str]) -> dict[str, Any]:
    """The input for ``-i`` arguments; UsageError for a bad pair, a repeat or a missing file."""
    inputs: dict[str, Any] = {}
    for pair in pairs:
        key, value = parse_pair(pair)
        if key in inputs:
            raise UsageError(f"input {key!r} is given more than once")
        inputs[key] = value
    return inputs


def parse_pair(pair: str) -> tuple[str, Any]:
    """One ``key=value`` or ``key=@path`` argument as a key and its value."""
    key, equals, text = pair.partition("=")
    key = key.strip()
    if not equals or not key:
        raise UsageError(f"-i expects key=value or key=@path, got {pair!r}")
    if text.startswith("@"):
        return key, _local_file(key, text[1:])
    return key, parse_value(text)


def parse_value(text: str) -> Any:
    """``text`` as JSON if it is valid JSON, else the text itself."""
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except ValueError:
        return text


def _refuse_constant(name: str) -> Any:
    # Python's json accepts NaN and Infinity, which are not JSON: keep them as text.
    raise ValueError(f"{name} is not JSON")


def _local_file(key: str, name: str) -> Path:
    if not name:
        raise UsageError(f"input {key!r}: give a file after '@', e.g. {key}=@photo.png")
    path = Path(name).expanduser()
    if not path.is_file():
        why = "is a directory" if path.is_dir() else "does not exist"
        raise UsageError(f"input {key!r}: the file {name!r} {why}")
    return path
