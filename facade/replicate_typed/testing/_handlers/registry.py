"""Which handler answers which operationId: every resource module's ``HANDLERS``, found and checked.

The modules are found by walking the package, so a new resource is one new
module with a ``HANDLERS`` table and nothing to list here.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Mapping
from types import MappingProxyType, ModuleType

from replicate_typed.testing import _handlers
from replicate_typed.testing._handlers._common import Handler
from replicate_typed.testing._validation import FakeSpecViolation


def _resource_modules() -> tuple[ModuleType, ...]:
    """Every public module of the package: one per API resource, named like its operationIds."""
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(_handlers.__path__)
        if not info.name.startswith("_") and info.name != "registry"
    )
    return tuple(importlib.import_module(f"{_handlers.__name__}.{name}") for name in names)


#: One module per API resource, named like the first word of its operationIds.
RESOURCES: tuple[ModuleType, ...] = _resource_modules()


def _collect() -> dict[str, Handler]:
    found: dict[str, Handler] = {}
    for module in RESOURCES:
        table: Mapping[str, Handler] = module.HANDLERS
        for operation_id, handler in table.items():
            if operation_id in found:
                raise FakeSpecViolation(f"two handlers for {operation_id} ({module.__name__})")
            found[operation_id] = handler
    return found


HANDLERS: Mapping[str, Handler] = MappingProxyType(_collect())


def check(operation_ids: Iterable[str]) -> None:
    """Raise FakeSpecViolation unless there is a handler for exactly these operations."""
    wanted = set(operation_ids)
    missing = sorted(wanted - HANDLERS.keys())
    unknown = sorted(HANDLERS.keys() - wanted)
    problems: list[str] = []
    if missing:
        problems.append(
            f"no handler for the spec's {', '.join(missing)}: write one in "
            "replicate_typed/testing/_handlers/ (the module its first word names) "
            "and list it in that module's HANDLERS"
        )
    if unknown:
        problems.append(f"handlers for {', '.join(unknown)}, which the spec does not have")
    if problems:
        raise FakeSpecViolation("; ".join(problems))
