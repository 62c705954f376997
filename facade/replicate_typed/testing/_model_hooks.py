"""``--models module:function`` for the served emulator: one's own models, added at start.

The function is called with the FakeReplicate before it serves, so it can
``add_model(...)`` (or set anything else up) the way a test would.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import cast

from replicate_typed.testing._fake import FakeReplicate

#: What ``--models`` names: a function that sets up the fake.
ModelHook = Callable[[FakeReplicate], object]


def load_hook(value: str) -> ModelHook:
    """The function ``value`` ("module:function") names; ValueError saying why not."""
    module_name, colon, function_name = value.partition(":")
    if not colon or not module_name or not function_name:
        raise ValueError(f"{value!r} is not module:function (e.g. mymodels:add_models)")
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:  # a broken module fails in any way; name it and go on
        raise ValueError(f"{value!r}: cannot import {module_name!r}: {exc}") from exc
    function = getattr(module, function_name, None)
    if not callable(function):
        raise ValueError(f"{value!r}: module {module_name!r} has no function {function_name!r}")
    return cast("ModelHook", function)


def apply_hook(value: str, hook: ModelHook, fake: FakeReplicate) -> None:
    """Call ``hook`` with ``fake``; ValueError naming ``value`` if it raises."""
    try:
        hook(fake)
    except Exception as exc:  # the user's code: say whose it was, not a traceback
        raise ValueError(f"{value!r} failed: {type(exc).__name__}: {exc}") from exc
