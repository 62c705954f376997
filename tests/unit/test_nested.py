"""The walkers of nested inputs and outputs: in order, any depth, cycles refused."""

from __future__ import annotations

import re

import pytest
from replicate_typed._nested import leaves, map_leaves, walk

from tests.support.deep import innermost, nested

#: Deeper than any recursive walk survives (the interpreter allows about 1,000 frames).
DEEP = 10_000


def test_leaves_come_in_order_with_their_locations() -> None:
    value: dict[str, object] = {"a": [1, {"b": "x"}], "c": (2,), "d": {}}

    assert list(leaves(value)) == [(("a", 0), 1), (("a", 1, "b"), "x"), (("c", 0), 2)]
    assert [tuple(keys) for keys, _, leaf in walk(value) if not leaf] == [
        (),
        ("a",),
        ("a", 1),
        ("c",),
        ("d",),
    ]


def test_map_leaves_copies_into_json_shapes() -> None:
    value: dict[str, object] = {"a": [1, {"b": "x"}], "c": (2, 3), "d": {}, "e": []}

    copied = map_leaves(value, lambda location, leaf: (location, leaf))

    assert copied == {
        "a": [(("a", 0), 1), {"b": (("a", 1, "b"), "x")}],
        "c": [(("c", 0), 2), (("c", 1), 3)],
        "d": {},
        "e": [],
    }
    assert map_leaves("alone", lambda location, leaf: (location, leaf)) == ((), "alone")
    assert list(leaves("alone")) == [((), "alone")]


def test_the_walkers_keep_their_own_stack_at_any_depth() -> None:
    deep = nested("leaf", DEEP)

    ((location, leaf),) = leaves(deep)
    assert (len(location), leaf) == (DEEP, "leaf")
    copied = map_leaves(deep, lambda _, leaf: str(leaf).upper())
    assert innermost(copied, DEEP) == "LEAF"


def test_a_value_that_contains_itself_is_refused_naming_both_places() -> None:
    looped: dict[str, object] = {}
    looped["next"] = {"back": [looped]}

    with pytest.raises(ValueError, match=re.escape("input['next']['back'][0] is input again")):
        list(walk(looped, "input"))


def test_a_value_shared_by_two_places_is_not_a_cycle() -> None:
    shared = [1]

    assert list(leaves({"a": shared, "b": [shared]})) == [(("a", 0), 1), (("b", 0, 0), 1)]
