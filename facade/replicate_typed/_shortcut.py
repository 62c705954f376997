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
F = TypeVar("F", bound=Callable[..., Any])


def shortcut_to(
    method: Callable[Concatenate[Any, P], R],
) -> Callable[[Callable[..., R]], Callable[Concatenate[Any, P], R]]:
    """Type the decorated forwarder as ``method`` and give it ``method``'s docstring."""

    def decorate(forward: Callable[..., R]) -> Callable[Concatenate[Any, P], R]:
        return functools.update_wrapper(forward, method, assigned=("__doc__",), updated=())

    return decorate


def overloaded_shortcut_to(method: Callable[..., object]) -> Callable[[F], F]:
    """``shortcut_to`` for an overloaded method: the forwarder keeps the overloads it repeats.

    Type checkers do not carry overloads through a ParamSpec (mypy keeps only
    one), so the shortcut repeats them; tests/unit/test_shortcut.py holds them
    equal to the method's. This gives it the docstring and ``inspect.signature``.
    """

    def decorate(forward: F) -> F:
        functools.update_wrapper(forward, method, assigned=("__doc__",), updated=())
        return forward

    return decorate
