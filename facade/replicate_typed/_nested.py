"""Nested inputs and outputs: one definition of what "nested" means, for every walker.

A model's input may hold mappings, lists and tuples of values (a tuple is sent
as a JSON array); its output holds JSON objects and arrays. Everything else is
a leaf: a file to upload, a URL to wrap, a value to check. A leaf's location
is the keys and indexes leading to it, so a walk can report or replace it.

The walks keep their own stack instead of recursing: an output nested
hundreds of levels deep is valid JSON (Python's json parses about a thousand),
and a recursive walk would fail on it with RecursionError after the
prediction had succeeded. A value that contains itself (possible in an input,
never in parsed JSON) is refused with a ValueError naming where, rather than
walked forever.
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


def walk(value: object, name: str = "value") -> Iterator[tuple[list[str | int], object, bool]]:
    """(keys, value, is a leaf) for ``value`` and all it holds, depth first, in order.

    A container comes before what it holds. ``keys`` lead from the root to
    the value; it is the walk's own list, changed by the next step, so copy
    it (``tuple(keys)``) to keep it: building a fresh location at every step
    would cost time and memory with the square of the depth. Raises
    ValueError, naming both places (``name`` is the root's), when a container
    holds itself.
    """
    keys: list[str | int] = []
    below = children(value)
    yield keys, value, below is None
    if below is None:
        return
    # The containers being walked, innermost last (held, so their ids stay
    # theirs); ``open_at`` gives each one's depth.
    stack: list[tuple[object, Iterator[tuple[object, object]]]] = [(value, below)]
    open_at: dict[int, int] = {id(value): 0}
    while stack:
        container, items = stack[-1]
        step = next(items, None)
        if step is None:
            stack.pop()
            del open_at[id(container)]
            continue
        key, child = step
        del keys[len(stack) - 1 :]
        keys.append(cast(str | int, key))
        inner = children(child)
        if inner is not None and id(child) in open_at:
            outer = tuple(keys[: open_at[id(child)]])
            raise ValueError(
                f"{path(name, tuple(keys))} is {path(name, outer)} again: "
                "a value that contains itself cannot be sent as JSON"
            )
        yield keys, child, inner is None
        if inner is not None:
            open_at[id(child)] = len(keys)
            stack.append((child, inner))


def leaves(value: object) -> Iterator[tuple[Location, object]]:
    """Every leaf with its location, depth first, in order."""
    for keys, item, leaf in walk(value):
        if leaf:
            yield tuple(keys), item


def map_leaves(value: object, change: Callable[[Location, object], object]) -> object:
    """A copy of ``value`` with each leaf replaced by ``change(location, leaf)``.

    Mappings come back as dicts and lists or tuples as lists: JSON's shapes.
    """
    if children(value) is None:
        return change((), value)
    # The copies being filled, one per depth: walk gives each item after its
    # container and before the container's next sibling.
    filling: list[dict[str | int, object] | list[object]] = []
    copied: object = None
    for keys, item, leaf in walk(value):
        made = change(tuple(keys), item) if leaf else _empty_copy(item)
        depth = len(keys)
        del filling[depth:]
        if depth == 0:
            copied = made
        else:
            parent = filling[depth - 1]
            if isinstance(parent, dict):
                parent[keys[-1]] = made
            else:
                parent.append(made)
        if not leaf:
            filling.append(cast(dict[str | int, object] | list[object], made))
    return copied


def _empty_copy(container: object) -> dict[str | int, object] | list[object]:
    return {} if isinstance(container, Mapping) else []


def path(name: str, location: Location) -> str:
    """How an error names a location: ``input['images'][0]``."""
    return name + "".join(f"[{part!r}]" for part in location)
