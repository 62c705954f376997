"""Every operation of the spec has exactly one handler, in the module its operationId names."""

from __future__ import annotations

import re

import pytest
from regenerate.spec import operations
from replicate_typed.testing import FakeReplicate, FakeSpecViolation, _spec
from replicate_typed.testing._handlers import registry
from replicate_typed.testing._handlers._common import Call
from replicate_typed.testing._http import FakeResponse

from tests.support import spec


def test_the_registry_covers_exactly_the_spec_operations() -> None:
    expected = {operation.operation_id for operation in operations(spec.spec())}

    assert set(registry.HANDLERS) == expected
    assert len(registry.HANDLERS) == len(expected)


def test_each_handler_lives_in_the_module_its_operation_id_names() -> None:
    for module in registry.RESOURCES:
        resource = module.__name__.rsplit(".", 1)[-1]
        for operation_id in module.HANDLERS:
            assert operation_id.split(".")[0] == resource, (operation_id, module.__name__)


def test_a_spec_operation_without_a_handler_stops_the_fake_by_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    routes = _spec.routes()
    extra = _spec.Route("models.pets.list", "GET", "/pets", re.compile("^/pets$"))
    monkeypatch.setattr(_spec, "routes", lambda: (*routes, extra))

    with pytest.raises(FakeSpecViolation, match=r"no handler for the spec's models\.pets\.list"):
        FakeReplicate()


def test_a_handler_for_an_operation_the_spec_lacks_is_reported_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def stray(call: Call) -> FakeResponse:
        return FakeResponse(204)

    monkeypatch.setattr(registry, "HANDLERS", {**registry.HANDLERS, "pets.list": stray})

    with pytest.raises(FakeSpecViolation, match=r"handlers for pets\.list, which the spec"):
        FakeReplicate()
