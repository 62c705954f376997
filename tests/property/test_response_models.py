"""Every response schema: generated instances parse into their models and round-trip."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, Self, cast

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from replicate_api.client import Client

from tests.property.schemas import ResponseCase, cases, instances
from tests.support import spec

CASES = cases()
EXAMPLES = 25


class _Model(Protocol):
    """What every generated model can do."""

    def to_dict(self) -> dict[str, Any]: ...

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


def test_every_json_response_is_covered() -> None:
    # Read from the raw document, not through cases(): every (operation, status)
    # whose response names a JSON media type, and no other.
    documented: set[tuple[str, int]] = set()
    paths: dict[str, Any] = spec.spec()["paths"]
    for item in paths.values():
        for operation in item.values():
            if "operationId" not in operation:
                continue  # path-level "parameters" and the like
            responses: dict[str, Any] = operation["responses"]
            for status, response in responses.items():
                if any(media.endswith("json") for media in response.get("content", {})):
                    documented.add((operation["operationId"], int(status)))
    assert {(case.operation_id, case.status) for case in CASES} == documented


@pytest.mark.parametrize("case", CASES, ids=str)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)
@given(data=st.data())
def test_parses_and_round_trips(case: ResponseCase, data: st.DataObject) -> None:
    instance = data.draw(instances(case), label="response")
    response = httpx.Response(case.status, json=instance)
    client = Client(base_url="https://api.replicate.com/v1", raise_on_unexpected_status=True)

    parsed = spec.endpoint(case.operation_id)._parse_response(client=client, response=response)

    # The endpoint module is looked up by name, so its result is untyped here.
    for model in cast("list[_Model]", parsed) if isinstance(parsed, list) else [parsed]:
        assert model is not None
        _round_trips(model)


def _round_trips(model: _Model) -> None:
    again = type(model).from_dict(model.to_dict())
    assert again == model
    assert again.to_dict() == model.to_dict()
