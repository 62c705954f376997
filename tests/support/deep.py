"""Values nested far deeper than a recursive walk survives, built and read without recursion."""

from __future__ import annotations

from typing import cast


def nested(leaf: object, depth: int) -> object:
    """``leaf`` inside ``depth`` one-item lists."""
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


def innermost(value: object, depth: int) -> object:
    """What ``depth`` one-item lists hold; AssertionError if ``value`` is not shaped so."""
    for _ in range(depth):
        assert isinstance(value, list)
        (value,) = cast(list[object], value)
    return value
