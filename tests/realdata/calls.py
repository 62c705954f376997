"""The vocabulary a scenario is written in: SDK calls, their arguments, what they must return.

The table of scenarios (``tests.realdata.scenarios``) is written with these
types and ``driver.play`` reads them; they live apart from the table so that
neither the driver nor a reader of the types has to load the whole table.

A ``Call`` names a client method by its dotted path (``models.versions.get``),
its arguments, how many recorded interactions it consumes, and what its typed
result must hold (``expect``: dotted attribute paths, list indexes, ``len``).
Beyond ``expect``, test_replay compares every result with the response it
came from (``recordings.mismatches``), so ``expect`` states what the call is
about, including fields the API left out (which must read as None).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from tests.realdata.replayer import Difference


@dataclass(frozen=True)
class Result:
    """An argument: the value call ``index`` of the same scenario returned."""

    index: int


@dataclass(frozen=True)
class Echoed:
    """An argument: the ``input`` the API echoed in recorded response ``index``.

    For reconstructed requests, whose bodies were not recorded: the echo is the
    only record of the input that was sent.
    """

    index: int


@dataclass(frozen=True)
class Call:
    """One SDK call: ``client.<method>(*args, **kwargs)``, awaited on the async client.

    ``uses``: the recorded interactions it must consume (0: refused before sending).
    ``expect``: paths into the result and the values they must hold: attribute
    names, mapping keys, list indexes (``-1`` too) and ``len``, joined by dots;
    ``""`` is the result itself. An expected None must be None.
    ``pages``: for a list, "all" iterates every item, "first" reads ``page()``.
    ``raises``: the error it must raise; ``expect`` then applies to the error.
    """

    method: str
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict[str, Any])
    uses: int = 1
    expect: Mapping[str, Any] = field(default_factory=dict[str, Any])
    raises: type[Exception] | None = None
    pages: Literal["all", "first"] = "all"


@dataclass(frozen=True)
class Scenario:
    """A recording as SDK calls, and how the SDK's requests differ from the recorded ones."""

    calls: tuple[Call, ...]
    differences: Mapping[int, Difference] = field(default_factory=dict[int, Difference])
