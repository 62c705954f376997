"""Small readers a generated module composes into its output readers.

A reader takes the raw JSON value and the path it sits at (``output[2].file``)
and returns the typed value, or raises ValueError naming the path and the
expected type; so a model whose output drifted from its schema fails where the
drift is, not later in user code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeAlias, TypeVar, cast

T = TypeVar("T")
FileT = TypeVar("FileT")

Reader: TypeAlias = Callable[[object, str], T]


def _mismatch(raw: object, path: str, expected: str) -> ValueError:
    shown = repr(raw)
    if len(shown) > 80:
        shown = f"{shown[:77]}..."
    return ValueError(f"{path}: expected {expected}, got {type(raw).__name__} {shown}")


def read_str(raw: object, path: str) -> str:
    """A JSON string."""
    if not isinstance(raw, str):
        raise _mismatch(raw, path, "a string")
    return raw


def read_int(raw: object, path: str) -> int:
    """A JSON integer (a bool is not one)."""
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise _mismatch(raw, path, "an integer")
    return raw


def read_float(raw: object, path: str) -> float:
    """A JSON number; an integer is one too."""
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise _mismatch(raw, path, "a number")
    return float(raw)


def read_bool(raw: object, path: str) -> bool:
    """A JSON boolean."""
    if not isinstance(raw, bool):
        raise _mismatch(raw, path, "a boolean")
    return raw


def read_any(raw: object, path: str) -> Any:
    """Any JSON value, unchecked: the schema does not say more."""
    del path
    return raw


def read_file(to_file: Callable[[str], FileT]) -> Reader[FileT]:
    """A URL (``format: uri``), as the client's file object."""

    def read(raw: object, path: str) -> FileT:
        return to_file(read_str(raw, path))

    return read


def read_list(item: Reader[T]) -> Reader[list[T]]:
    """A JSON array whose items ``item`` reads; an iterator's chunks, collected."""

    def read(raw: object, path: str) -> list[T]:
        if not isinstance(raw, list):
            raise _mismatch(raw, path, "an array")
        values = cast("list[object]", raw)
        return [item(value, f"{path}[{index}]") for index, value in enumerate(values)]

    return read


def read_text(raw: object, path: str) -> str:
    """An iterator displayed as ``concatenate``: its string chunks joined (a string as is)."""
    if isinstance(raw, str):
        return raw
    return "".join(read_list(read_str)(raw, path))


def read_fields(raw: object, path: str) -> Mapping[str, object]:
    """A JSON object, for a generated class's reader to take its fields from."""
    if not isinstance(raw, dict):
        raise _mismatch(raw, path, "an object")
    return cast("dict[str, object]", raw)


def required(fields: Mapping[str, object], name: str, path: str, item: Reader[T]) -> T:
    """The field ``name``, which the schema requires, read by ``item``."""
    if name not in fields:
        raise ValueError(f"{path}: missing the required field {name!r}")
    return item(fields[name], f"{path}.{name}")


def optional(fields: Mapping[str, object], name: str, path: str, item: Reader[T]) -> T | None:
    """The field ``name`` read by ``item``, or None when it is absent or null."""
    value = fields.get(name)
    return None if value is None else item(value, f"{path}.{name}")
