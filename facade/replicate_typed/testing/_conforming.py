"""Outputs that fit a model's output schema, for a model added without a behaviour.

``FakeReplicate.add_model_from_schema`` needs an output for any Cog schema, so
a test of code that reads a model's output can run against the fake before
anyone writes a behaviour. The values are small and deterministic: a string
of its shortest allowed length, a number in range, an enum's first value, one
item per array, every property of an object, and for ``format: uri`` a file
served from the fake's delivery host. An iterator of strings (Cog's
``x-cog-array-type: iterator``, how language models stream) comes back as
chunks to stream.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, cast

from replicate_typed.bindings._checks import component_schema, resolve
from replicate_typed.testing._behavior import Behavior, FakeFile

#: The text of every generated string (cut or padded to its length bounds).
TEXT = "fake output"


def conforming_behavior(openapi_schema: Mapping[str, Any]) -> Behavior:
    """A behaviour that returns a conforming output, streamed if the output is a string iterator."""
    schema = resolve(openapi_schema, component_schema(openapi_schema, "Output"))
    value = conforming(openapi_schema, schema)
    streams = schema.get("x-cog-array-type") == "iterator" and all(
        isinstance(item, str) for item in cast(list[object], value)
    )
    return Behavior(run=lambda _: value, stream=streams)


def conforming(openapi_schema: Mapping[str, Any], schema: Mapping[str, Any]) -> Any:
    """One value that fits ``schema`` (FakeFile where a file URL goes)."""
    schema = resolve(openapi_schema, schema)
    for part in schema.get("allOf", ()):
        merged = {
            **resolve(openapi_schema, part),
            **{k: v for k, v in schema.items() if k != "allOf"},
        }
        return conforming(openapi_schema, merged)
    options = [*schema.get("anyOf", ()), *schema.get("oneOf", ())]
    if options:
        return conforming(openapi_schema, options[0])
    enum = schema.get("enum")
    if isinstance(enum, list) and enum:
        return cast(list[object], enum)[0]
    kind = schema.get("type")
    if kind == "string":
        return _string(schema)
    if kind in ("integer", "number"):
        return _number(schema, integer=kind == "integer")
    if kind == "boolean":
        return True
    if kind == "array":
        items = schema.get("items")
        item_schema = cast(Mapping[str, Any], items if isinstance(items, Mapping) else {})
        count = max(1, int(schema.get("minItems", 1)))
        return [conforming(openapi_schema, item_schema) for _ in range(count)]
    if kind == "object":
        properties = cast(Mapping[str, Any], schema.get("properties") or {})
        return {name: conforming(openapi_schema, sub) for name, sub in properties.items()}
    return TEXT  # a schema that says nothing takes anything


def _string(schema: Mapping[str, Any]) -> Any:
    if schema.get("format") == "uri":
        return FakeFile(b"fake output file", name="output.bin")
    if schema.get("format") == "date-time":
        return "2024-01-01T00:00:00Z"
    shortest = int(schema.get("minLength", 0))
    longest = schema.get("maxLength")
    text = TEXT.ljust(shortest, "x")
    return text if longest is None else text[: int(longest)]


def _number(schema: Mapping[str, Any], *, integer: bool) -> float | int:
    low = schema.get("minimum", schema.get("exclusiveMinimum"))
    high = schema.get("maximum", schema.get("exclusiveMaximum"))
    if isinstance(low, bool):  # OpenAPI 3.0: exclusiveMinimum is a flag beside minimum
        low = None
    if isinstance(high, bool):
        high = None
    if low is not None and high is not None:
        value = (float(low) + float(high)) / 2
    elif low is not None:
        value = float(low) + 1
    elif high is not None:
        value = float(high) - 1
    else:
        value = 1.0
    if not integer:
        return value
    rounded = math.ceil(value) if low is not None else math.floor(value)
    if high is not None and rounded >= float(high):
        rounded = math.floor(value)
    return rounded
