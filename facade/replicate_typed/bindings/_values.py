"""The input-side types generated input classes use: files, secrets, and the JSON they send."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any, TypeAlias

#: What a ``format: uri`` input takes: a URL, or a local file the client uploads
#: (or sends as a data URI) exactly as ``run`` does for a plain input dict.
FileInput: TypeAlias = str | Path | bytes | bytearray | IO[bytes]


class Secret:
    """A secret input (``x-cog-secret``): the value is sent, never shown.

    ``repr`` and ``str`` are redacted, so the value stays out of reprs of the
    input class, of logs and of error messages; ``get_secret_value`` is the
    one way to read it.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError(f"a Secret wraps a str, not {type(value).__name__}")
        self._value = value

    def get_secret_value(self) -> str:
        """The wrapped value."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    def __str__(self) -> str:
        return "**********"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


def input_json(
    values: Mapping[str, Any], *, renamed: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The ``input`` object: fields left at None omitted, secrets unwrapped.

    The generated ``to_input`` passes its fields by Python name, with
    ``renamed`` mapping those that differ from the JSON name (``from_`` to
    ``from``) back.
    """
    names = renamed or {}
    return {
        names.get(name, name): value.get_secret_value() if isinstance(value, Secret) else value
        for name, value in values.items()
        if value is not None
    }
