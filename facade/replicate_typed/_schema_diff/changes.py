"""Compare the facts at every place of two flattened schemas; classify each change.

"Breaking" is judged from a caller's side: code written against the old schema
may stop working (a field or enum value is gone, a type changed, a request now
needs something it did not send, or a response may now carry something the old
reader does not expect).

Every place has a direction: "request" (what the caller sends), "response"
(what it reads) or "both". ``RULES`` classifies each kind per direction; "both"
is breaking when either direction is. The README's table ("How regeneration
works") states the same rules with their reasons; ``scripts/regenerate --spec``
and ``replicate-typed models check`` both classify with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from replicate_typed._schema_diff.shapes import LOWER_BOUNDS, UPPER_BOUNDS, Facts, Flat, Place

Direction = Literal["request", "response", "both"]

#: Per kind of change: is it breaking for a request field, for a response field?
RULES: dict[str, tuple[bool, bool]] = {
    # kind: (breaking in a request, breaking in a response)
    "field removed": (True, True),
    "required field added": (True, False),
    "field added": (False, False),
    "field retyped": (True, True),
    "field now required": (True, False),
    "field now optional": (False, True),
    "field now nullable": (False, True),
    "field no longer nullable": (True, False),
    "enum value added": (False, True),  # response: additive when the reader is open, below
    "enum value removed": (True, True),
    "enum restricted": (True, False),
    "enum lifted": (False, True),
    "default changed": (False, False),
    # A range or length limit narrowed, or a pattern added or changed: callers' values
    # may be refused; readers get fewer values.
    "bounds tightened": (True, False),
    # A limit widened or removed, or a pattern removed: callers may send more; readers
    # get values past the old limit, which no generated reader checks (additive).
    "bounds loosened": (False, False),
}


@dataclass(frozen=True, order=True)
class Change:
    """One difference between the old and the new schema, as a report prints it."""

    breaking: bool
    kind: str
    where: str
    detail: str = ""
    #: The places reaching a change inside a shared component, as (operation, root) with
    #: the root shortened (``("predictions.get", "200")``); empty for a change in one place.
    places: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        label = "BREAKING" if self.breaking else "additive"
        detail = f"  {self.detail}" if self.detail else ""
        return f"{label:8}  {self.kind:24} {self.where}{detail}{self._places()}"

    def _places(self) -> str:
        """``  (in 3 places: things.create 201, things.put request+200)``: by operation."""
        if not self.places:
            return ""
        roots: dict[str, list[str]] = {}
        for operation, root in self.places:
            roots.setdefault(operation, []).append(root)
        named = ", ".join(f"{operation} {'+'.join(each)}" for operation, each in roots.items())
        return f"  (in {len(self.places)} places: {named})"


@dataclass(frozen=True)
class FieldChange:
    """A change at one place, before a report says where it is in its own terms."""

    breaking: bool
    kind: str
    place: Place
    #: The change's values alone (``number -> string``, ``'fast'``), without the place.
    values: str = ""


def sort_key(change: Change) -> tuple[bool, str, str, str, tuple[tuple[str, str], ...]]:
    """Breaking changes first, then by place: the order both reports print."""
    return (not change.breaking, change.where, change.kind, change.detail, change.places)


def tally(changes: Iterable[Change]) -> str:
    """``1 breaking, 2 additive``, or ``none``: the counts both reports print."""
    listed = list(changes)
    if not listed:
        return "none"
    breaking = sum(change.breaking for change in listed)
    return f"{breaking} breaking, {len(listed) - breaking} additive"


def is_breaking(kind: str, direction: Direction) -> bool:
    """Whether a change of ``kind`` in a place of ``direction`` breaks a caller (``RULES``)."""
    request, response = RULES[kind]
    return {"request": request, "response": response, "both": request or response}[direction]


def topmost(places: set[Place]) -> list[Place]:
    """The places whose parent is not among them: a removed object's fields go with it."""

    def has_parent(place: Place) -> bool:
        root, path = place
        return any(
            path[: len(cut)] == cut and path[len(cut) : len(cut) + 1] in (".", "[", "{")
            for other_root, cut in places
            if other_root == root and len(cut) < len(path)
        )

    return sorted(place for place in places if not has_parent(place))


def compare_fields(
    old: Flat,
    new: Flat,
    direction_of: Callable[[Place], Direction],
    opened: Flat | None = None,
) -> list[FieldChange]:
    """Every change of the facts from ``old`` to ``new``, classified by ``RULES``.

    ``opened``: ``new`` as the generated readers see it, where a response enum
    kept open (it accepts unknown values) makes a new value additive.
    """
    found: list[FieldChange] = []
    before, after = old.fields, new.fields

    def add(kind: str, place: Place, values: str = "", breaking: bool | None = None) -> None:
        if breaking is None:
            breaking = is_breaking(kind, direction_of(place))
        found.append(FieldChange(breaking, kind, place, values))

    for place in topmost(before.keys() - after.keys()):
        add("field removed", place)
    for place in topmost(after.keys() - before.keys()):
        add("required field added" if after[place].required else "field added", place)
    for place in sorted(before.keys() & after.keys()):
        direction: Direction = direction_of(place)
        was, now = before[place], after[place]
        if was.type != now.type:
            add("field retyped", place, f"{was.type} -> {now.type}")
        if was.required != now.required:
            add("field now required" if now.required else "field now optional", place)
        if was.nullable != now.nullable:
            add("field now nullable" if now.nullable else "field no longer nullable", place)
        if was.enum is not None and now.enum is None:
            add("enum lifted", place)
        elif was.enum is None and now.enum is not None:
            add("enum restricted", place, ", ".join(map(repr, now.enum)))
        elif was.enum is not None and now.enum is not None:
            for value in [v for v in was.enum if v not in now.enum]:
                add("enum value removed", place, repr(value))
            reader = opened.fields.get(place) if opened is not None else None
            read_open = direction == "response" and reader is not None and reader.enum is None
            for value in [v for v in now.enum if v not in was.enum]:
                add("enum value added", place, repr(value), False if read_open else None)
        if was.default != now.default and direction in ("request", "both"):
            # What the server assumes for an omitted input changed: reported, not breaking.
            add("default changed", place, f"{was.default or 'none'} -> {now.default or 'none'}")
        found += [
            FieldChange(is_breaking(kind, direction), kind, place, values)
            for kind, values in bound_changes(was, now)
        ]
    return found


def bound_changes(was: Facts, now: Facts) -> list[tuple[str, str]]:
    """Each changed limit as (kind, ``maximum 4 -> 8``): tightened or loosened.

    A limit added is tightened, one removed loosened. A pattern changed counts as
    tightened: whether the new one admits every value the old did cannot be told.
    """
    found: list[tuple[str, str]] = []
    for keyword in (*LOWER_BOUNDS, *UPPER_BOUNDS):
        old, new = getattr(was, keyword), getattr(now, keyword)
        if old == new:
            continue
        if old is None or new is None:
            tightened = old is None
        else:
            tightened = new > old if keyword in LOWER_BOUNDS else new < old
        kind = "bounds tightened" if tightened else "bounds loosened"
        found.append((kind, f"{keyword} {_limit(old)} -> {_limit(new)}"))
    if was.pattern != now.pattern:
        kind = "bounds loosened" if now.pattern is None else "bounds tightened"
        old_text = "none" if was.pattern is None else repr(was.pattern)
        new_text = "none" if now.pattern is None else repr(now.pattern)
        found.append((kind, f"pattern {old_text} -> {new_text}"))
    return found


def _limit(value: float | None) -> str:
    return "none" if value is None else str(value)
