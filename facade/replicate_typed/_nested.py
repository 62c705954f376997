"""Nested inputs and outputs: one definition of what "nested" means, for every walker.

A model's input may hold mappings, lists and tuples of values (a tuple is sent
as a JSON array); its output holds JSON objects and arrays. Everything else is
a leaf: a file to upload, a URL to wrap, a value to check. A leaf's location
is the keys and indexes leading to it, so a walk can report or replace it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TypeAlias, cast

#: Where a value sits: the keys and indexes leading to it.
Location: TypeAlias = tuple[str | int, ...]


def children(value: object) -> Iterator[tuple[object, object]] | None:
    """(key, child) of a mapping or (index, child) of a list or tuple; None for a leaf.

    Mapping keys are given as they are, so a caller can refuse those that are not strings.
    """
    if isinstance(value, Mapping):
        return iter(cast(Mapping[object, object], value).items())
    if isinstance(value, list | tuple):
        return enumerate(cast(Sequence[object], value))
    return None


def leaves(value: object, location: Location = ()) -> Iterator[tuple[Location, object]]:
    """Every leaf with its location, depth first, in order."""
    below = children(value)
    if below is None:
        yield location, value
        return
    for key, child in below:
        yield from leaves(child, (*location, cast(str | int, key)))


def map_leaves(
    value: object, change: Callable[[Location, object], object], location: Location = ()
) -> object:
    """A copy of ``value`` with each leaf replaced by ``change(location, leaf)``.

    Mappings come back as dicts and lists or tuples as lists: JSON's shapes.
    """
    below = children(value)
    if below is None:
        return change(location, value)
    copied = {
        key: map_leaves(child, change, (*location, cast(str | int, key))) for key, child in below
    }
    return copied if isinstance(value, Mapping) else list(copied.values())
