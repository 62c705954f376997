"""Client methods that are a resource's methods: ``client.create`` is ``client.predictions.create``.

A shortcut written out in full repeats the resource method's whole signature,
and the two drift the first time one gains an option. ``shortcut_to`` gives
the forwarding method the resource method's signature for type checkers, and
its docstring and ``inspect.signature`` at run time, so there is one of each.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def shortcut_to(
    method: Callable[Concatenate[Any, P], R],
) -> Callable[[Callable[..., R]], Callable[Concatenate[Any, P], R]]:
    """Type the decorated forwarder as ``method`` and give it ``method``'s docstring."""

    def decorate(forward: Callable[..., R]) -> Callable[Concatenate[Any, P], R]:
        return functools.update_wrapper(forward, method, assigned=("__doc__",), updated=())

    return decorate
