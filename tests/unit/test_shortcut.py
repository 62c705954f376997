"""The client's shortcuts are their resource methods: one signature, one docstring."""

from __future__ import annotations

import inspect
import typing

import pytest
from replicate_typed import AsyncReplicate, Replicate
from replicate_typed._async.predictions import AsyncPredictions
from replicate_typed._sync.predictions import Predictions


@pytest.mark.parametrize("name", ["create", "wait", "cancel"])
@pytest.mark.parametrize(
    ("client", "resource"), [(Replicate, Predictions), (AsyncReplicate, AsyncPredictions)]
)
def test_a_shortcut_shows_its_resource_methods_signature_and_docstring(
    client: type[object], resource: type[object], name: str
) -> None:
    shortcut = getattr(client, name)
    method = getattr(resource, name)

    assert inspect.signature(shortcut) == inspect.signature(method)
    assert shortcut.__doc__ == method.__doc__
    assert inspect.iscoroutinefunction(shortcut) == inspect.iscoroutinefunction(method)


@pytest.mark.parametrize("name", ["create", "wait"])
@pytest.mark.parametrize(
    ("client", "resource"), [(Replicate, Predictions), (AsyncReplicate, AsyncPredictions)]
)
def test_an_overloaded_shortcut_repeats_its_resource_methods_overloads(
    client: type[object], resource: type[object], name: str
) -> None:
    def signatures(function: object) -> list[inspect.Signature]:
        return [inspect.signature(overload) for overload in typing.get_overloads(function)]  # type: ignore[arg-type]

    shortcut, method = getattr(client, name), getattr(resource, name)

    assert len(signatures(method)) == 2
    assert signatures(shortcut) == signatures(method)
