"""Hypothesis strategies for every JSON response the spec documents.

Instances come from the spec the generated code was built from (openapi.json
plus every spec patch), so they include what the patches allow: null
timestamps, unknown enum values, fields the spec does not list.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Protocol, cast

import hypothesis_jsonschema
from hypothesis import strategies as st
from regenerate import patches
from regenerate.spec import operations
from replicate_typed.testing._spec import as_json_schema

from tests.support import spec


class _JsonSchemaStrategies(Protocol):
    """The part of hypothesis_jsonschema used here, with the values it draws as ``Any``.

    Its own annotation of JSON values has a bare ``list`` (pyright cannot know its
    items, even through the module's attributes); the values are untyped JSON.
    """

    def from_schema(self, schema: dict[str, Any]) -> st.SearchStrategy[Any]: ...


from_schema = cast(_JsonSchemaStrategies, hypothesis_jsonschema).from_schema


@dataclass(frozen=True)
class ResponseCase:
    """One documented JSON response: which operation, status and media type."""

    operation_id: str
    status: int
    media_type: str

    def __str__(self) -> str:
        return f"{self.operation_id} {self.status}"


@functools.cache
def _generated_spec() -> dict[str, Any]:
    patched, _ = patches.apply(spec.spec(), kinds=("api-reality", "forward-compat"))
    converted: dict[str, Any] = as_json_schema(patched)
    return converted


def cases() -> list[ResponseCase]:
    """Every (operation, status) whose response has a JSON body."""
    found: list[ResponseCase] = []
    for operation in operations(spec.spec()):
        responses = spec.operation(operation.operation_id)[1]["responses"]
        for status, response in responses.items():
            for media_type in response.get("content", {}):
                if media_type.endswith("json"):
                    found.append(ResponseCase(operation.operation_id, int(status), media_type))
    return found


@functools.cache
def instances(case: ResponseCase) -> st.SearchStrategy[Any]:
    """JSON values the response schema allows."""
    document = _generated_spec()
    found, _ = spec.operation(case.operation_id)
    media = document["paths"][found.path][found.method]["responses"][str(case.status)]
    schema = dict(media["content"][case.media_type]["schema"])
    schema["components"] = document["components"]
    return from_schema(schema)
