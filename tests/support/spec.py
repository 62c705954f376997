"""Validate payloads against the schemas in openapi.json.

Fixtures are checked against openapi.json plus the ``api-reality`` spec patches
(the places where the live API sends values the spec does not allow, such as
``null`` timestamps on a running prediction), so a fixture cannot drift from
what the spec and its documented patches say.
"""

from __future__ import annotations

import functools
import importlib
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.protocols import Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from regenerate import patches
from regenerate.spec import Operation, Spec, operations
from replicate_typed.testing._spec import as_json_schema

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "openapi.json"
_URI = "urn:replicate-typed:openapi"


@functools.cache
def spec() -> Spec:
    """openapi.json exactly as committed."""
    loaded: Spec = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


@functools.cache
def effective_spec() -> Spec:
    """openapi.json with the api-reality patches: what the live API really sends."""
    patched, _ = patches.apply(spec(), kinds=("api-reality",))
    return patched


def operation(operation_id: str) -> tuple[Operation, dict[str, Any]]:
    """Find an operation by operationId; return its location and its object."""
    for found in operations(spec()):
        if found.operation_id == operation_id:
            return found, spec()["paths"][found.path][found.method]
    raise KeyError(operation_id)


def endpoint(operation_id: str) -> ModuleType:
    """The low-level endpoint module for an operation: generated, or hand-written in lowlevel."""
    if operation_id == "models.search":  # QUERY, which the generator cannot produce
        return importlib.import_module("replicate_typed.lowlevel.models_search")
    tag = operation_id.split(".", 1)[0]
    return importlib.import_module(f"replicate_api.api.{tag}.{operation_id.replace('.', '_')}")


def documented_statuses(operation_id: str) -> set[int]:
    """The response status codes the spec documents for an operation."""
    return {int(status) for status in operation(operation_id)[1]["responses"]}


def validate_response(
    operation_id: str,
    status: int,
    body: Any,
    media_type: str = "application/json",
    *,
    document: Spec | None = None,
) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``body`` fits the documented response."""
    pointer = _content_schema(operation_id, f"responses/{status}", media_type)
    _validator(pointer, document).validate(body)


def validate_request(operation_id: str, body: Any) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``body`` fits the documented JSON request."""
    pointer = _content_schema(operation_id, "requestBody", "application/json")
    _validator(pointer, None).validate(body)


def validate_schema(name: str, instance: Any, *, document: Spec | None = None) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``instance`` fits a component schema."""
    _validator(f"/components/schemas/{name}", document).validate(instance)


def _validator(pointer: str, document: Spec | None) -> Validator:
    if document is None:
        return _effective_validator(pointer)
    return _build_validator(pointer, document)


@functools.cache
def _effective_validator(pointer: str) -> Validator:
    return _build_validator(pointer, effective_spec())


def _build_validator(pointer: str, document: Spec) -> Validator:
    resource: Resource[Any] = DRAFT202012.create_resource(as_json_schema(document))
    registry: Registry[Any] = Registry[Any]().with_resource(_URI, resource)
    return Draft202012Validator(
        {"$ref": f"{_URI}#{pointer}"},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def _content_schema(operation_id: str, where: str, media_type: str) -> str:
    """The JSON pointer to the schema of an operation's request body or response, by media type."""
    found, _ = operation(operation_id)
    return (
        f"/paths/{_escape(found.path)}/{found.method}/{where}/content/{_escape(media_type)}/schema"
    )


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")
