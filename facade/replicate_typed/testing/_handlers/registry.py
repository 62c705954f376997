"""Which handler answers which operationId: every resource module's ``HANDLERS``, checked."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType, ModuleType

from replicate_typed.testing._handlers import (
    account,
    collections,
    deployments,
    files,
    hardware,
    models,
    predictions,
    search,
    trainings,
    webhooks,
)
from replicate_typed.testing._handlers._common import Handler
from replicate_typed.testing._validation import FakeSpecViolation

#: One module per API resource, named like the first word of its operationIds.
RESOURCES: tuple[ModuleType, ...] = (
    account,
    collections,
    deployments,
    files,
    hardware,
    models,
    predictions,
    search,
    trainings,
    webhooks,
)


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
