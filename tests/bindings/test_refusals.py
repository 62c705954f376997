"""Schemas bindings cannot be honest about are refused, saying which model and why."""

from __future__ import annotations

from typing import Any

import pytest
from replicate_typed.bindings import BindingsError, ModelSource, generate_module

INPUT = {"type": "object", "properties": {"prompt": {"type": "string", "x-order": 0}}}


def _source(schemas: dict[str, Any] | None) -> ModelSource:
    schema: dict[str, Any] = {"openapi": "3.0.2", "info": {"title": "Cog", "version": "0.1.0"}}
    if schemas is not None:
        schema["components"] = {"schemas": schemas}
    return ModelSource(model="acme/old", version_id="v1", openapi_schema=schema)


@pytest.mark.parametrize(
    ("schemas", "reason"),
    [
        (None, "the schema has no components.schemas: not an OpenAPI schema cog wrote"),
        ({"Output": {"type": "string"}}, "the schema has no components.schemas.Input"),
        ({"Input": INPUT}, "the schema has no components.schemas.Output; nothing to type"),
        (
            {"Input": INPUT, "Output": {"$ref": "#/components/schemas/Missing"}},
            "Output refers to '#/components/schemas/Missing', which the schema does not define",
        ),
        (
            {
                "Input": INPUT,
                "Output": {"$ref": "#/components/schemas/Node"},
                "Node": {
                    "type": "object",
                    "properties": {"next": {"$ref": "#/components/schemas/Node"}},
                },
            },
            "Output.next refers to '#/components/schemas/Node' inside itself",
        ),
        (
            {
                "Input": {"type": "object", "properties": {"size": {"enum": [], "x-order": 0}}},
                "Output": {"type": "string"},
            },
            "Input.size has an empty or malformed enum",
        ),
    ],
    ids=["no-components", "no-input", "no-output", "broken-ref", "recursive-ref", "empty-enum"],
)
def test_a_schema_that_cannot_be_typed_is_refused_with_the_reason(
    schemas: dict[str, Any] | None, reason: str
) -> None:
    with pytest.raises(BindingsError) as refused:
        generate_module([_source(schemas)])

    message = str(refused.value)
    assert message.startswith("acme/old (version v1): ")
    assert reason in message


def test_a_refusal_is_a_value_error() -> None:
    assert issubclass(BindingsError, ValueError)
