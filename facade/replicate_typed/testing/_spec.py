"""The API description the fake obeys: routes from its paths, validators from its schemas.

It reads the spec shipped inside ``replicate_api`` (openapi.json with the
documented api-reality patches), so the fake accepts and sends exactly what the
client was generated from.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, cast

from jsonschema import Draft202012Validator
from jsonschema.protocols import Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

_URI = "urn:replicate-typed:fake-openapi"
_PATH_ITEM_FIELDS = {"summary", "description", "servers", "parameters", "$ref"}


@dataclass(frozen=True)
class Route:
    """One operation: method, path template and a regex that matches concrete paths."""

    operation_id: str
    method: str
    template: str
    pattern: re.Pattern[str]


@functools.cache
def document() -> dict[str, Any]:
    """The shipped spec."""
    text = resources.files("replicate_api").joinpath("openapi.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@functools.cache
def routes() -> tuple[Route, ...]:
    """Every operation in the spec, literal paths before templated ones."""
    found: list[Route] = []
    for template, item in document()["paths"].items():
        regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template)
        for method, operation in item.items():
            if method in _PATH_ITEM_FIELDS or method.startswith("x-"):
                continue
            found.append(
                Route(operation["operationId"], method.upper(), template, re.compile(f"^{regex}$"))
            )
    return tuple(sorted(found, key=lambda route: route.template.count("{")))


def match(method: str, path: str) -> tuple[Route, dict[str, str]] | None:
    """The route for a request (path below /v1) and its path parameters."""
    for route in routes():
        if route.method == method and (found := route.pattern.match(path)):
            return route, found.groupdict()
    return None


def allowed_methods(path: str) -> list[str]:
    """The methods the spec documents for a path (for 405 responses)."""
    return sorted({r.method for r in routes() if r.pattern.match(path)})


def operation(operation_id: str) -> dict[str, Any]:
    """The operation object for an operationId."""
    for route in routes():
        if route.operation_id == operation_id:
            item: dict[str, Any] = document()["paths"][route.template][route.method.lower()]
            return item
    raise KeyError(operation_id)


def request_validator(operation_id: str, media_type: str) -> Validator | None:
    """A validator for the operation's request body, if the spec describes one."""
    body = operation(operation_id).get("requestBody", {}).get("content", {})
    if media_type not in body:
        return None
    return _validator(_pointer(operation_id, f"requestBody/content/{_escape(media_type)}/schema"))


def response_validator(operation_id: str, status: int, media_type: str) -> Validator | None:
    """A validator for a documented response body, if the spec describes one."""
    content = operation(operation_id)["responses"].get(str(status), {}).get("content", {})
    if media_type not in content:
        return None
    return _validator(
        _pointer(operation_id, f"responses/{status}/content/{_escape(media_type)}/schema")
    )


def _pointer(operation_id: str, rest: str) -> str:
    for route in routes():
        if route.operation_id == operation_id:
            return f"/paths/{_escape(route.template)}/{route.method.lower()}/{rest}"
    raise KeyError(operation_id)


@functools.cache
def _validator(pointer: str) -> Validator:
    return Draft202012Validator(
        {"$ref": f"{_URI}#{pointer}"},
        registry=_registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


@functools.cache
def _registry() -> Registry[Any]:
    resource = DRAFT202012.create_resource(as_json_schema(document()))
    registry: Registry[Any] = Registry[Any]().with_resource(_URI, resource)
    return registry


def as_json_schema(node: Any) -> Any:
    """Rewrite OpenAPI 3.0's ``nullable: true`` (which the spec uses) as JSON Schema nulls."""
    if isinstance(node, list):
        return [as_json_schema(item) for item in cast("list[object]", node)]
    if not isinstance(node, dict):
        return node
    schema = cast("dict[str, object]", node)  # parsed JSON: its keys are strings
    converted: dict[str, Any] = {
        key: value if key in ("example", "examples", "enum") else as_json_schema(value)
        for key, value in schema.items()
        if key != "nullable"
    }
    if schema.get("nullable") is True:
        if isinstance(converted.get("type"), str):
            converted["type"] = [converted["type"], "null"]
            if "enum" in converted:
                converted["enum"] = [*converted["enum"], None]
        else:
            converted = {"anyOf": [converted, {"type": "null"}]}
    return converted


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")
