"""replicate_typed.testing's public surface: what a user configures and inspects, all exported."""

from __future__ import annotations

import inspect
import sys
import typing

import replicate_typed.testing
from replicate_typed.testing import FakeReplicate

#: What a test does with a fake: configure it, fault it, inspect it, connect to it.
FAKE_SURFACE = {
    # configure
    "add_model",
    "add_model_from_schema",
    "add_deployment",
    "models",
    "deployments",
    "files",
    "collections",
    "clock",
    "page_size",
    "account",
    "max_upload",
    "webhook_secret",
    "on_webhook",
    # inject faults, enforce limits
    "inject",
    "inject_randomly",
    "enforce_rate_limits",
    # inspect
    "requests",
    "webhooks",
    "predictions",
    "download_signature",
    # connect
    "client",
    "async_client",
    "transport",
    "serve",
}


def test_all_is_sorted_and_resolves() -> None:
    names = replicate_typed.testing.__all__
    assert names == sorted(names)
    for name in names:
        assert getattr(replicate_typed.testing, name).__doc__, f"{name} has no docstring"


def test_the_fake_shows_only_what_a_user_configures_and_inspects() -> None:
    public = {name for name in dir(FakeReplicate()) if not name.startswith("_")}

    assert public == FAKE_SURFACE


def test_every_testing_type_a_user_can_reach_is_exported() -> None:
    exported = {getattr(replicate_typed.testing, name) for name in replicate_typed.testing.__all__}
    seen: set[type] = set()
    pending: list[type] = [FakeReplicate]
    while pending:
        cls = pending.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for reached in _classes_in(_public_hints(cls)):
            if reached.__module__.startswith("replicate_typed.testing"):
                assert reached in exported, f"{cls.__name__} shows {reached.__name__}"
                pending.append(reached)
    assert len(seen) > 1


def _public_hints(cls: type) -> list[object]:
    namespace = {**vars(sys.modules[cls.__module__]), **vars(replicate_typed.testing)}
    hints = list(typing.get_type_hints(cls, globalns=namespace).values())
    for name, member in inspect.getmembers(cls):
        if name.startswith("_") and name != "__init__":
            continue
        function = member.fget if isinstance(member, property) else member
        if inspect.isfunction(function):
            hints.extend(typing.get_type_hints(function, globalns=namespace).values())
    return hints


def _classes_in(hints: list[object]) -> set[type]:
    found: set[type] = set()
    pending = list(hints)
    while pending:
        hint = pending.pop()
        if isinstance(hint, type):
            found.add(hint)
        if isinstance(hint, list):  # a Callable's parameters
            pending.extend(typing.cast("list[object]", hint))
        pending.extend(typing.get_args(hint))
    return found
