"""Documented changes applied to a temporary copy of openapi.json before generating.

openapi.json keeps Replicate's facts exactly. Where the live API disagrees with
those facts, or where the generated code must tolerate values the API will add
later, the difference is a patch here: named, with its reason, and tested with a
realistic payload in tests/regen/test_patches.py. Kinds:

- ``api-reality``: the API really sends values the spec does not allow.
  Response fixtures in the tests are validated against openapi.json plus these.
- ``forward-compat``: parsing must survive values the API adds in future.
- ``layout``: how generated modules are grouped; no effect on types.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from regen.spec import Spec, operations

PatchKind = Literal["api-reality", "forward-compat", "layout"]


@dataclass(frozen=True)
class Patch:
    """One documented change to the generator's copy of the spec."""

    name: str
    kind: PatchKind
    reason: str
    #: Mutates the spec in place; returns a line for each place it changed.
    change: Callable[[Spec], list[str]]


def _schema(spec: Spec, name: str) -> dict[str, Any] | None:
    schema = spec.get("components", {}).get("schemas", {}).get(name)
    return schema if isinstance(schema, dict) else None


def _make_nullable(spec: Spec, schema_name: str, properties: tuple[str, ...]) -> list[str]:
    schema = _schema(spec, schema_name)
    changed = []
    for name in properties:
        prop = schema and schema.get("properties", {}).get(name)
        if isinstance(prop, dict) and not prop.get("nullable"):
            prop["nullable"] = True
            changed.append(f"{schema_name}.{name}")
    return changed


def _nullable_run_timestamps(spec: Spec) -> list[str]:
    fields = ("started_at", "completed_at")
    return _make_nullable(spec, "schemas_prediction_response", fields) + _make_nullable(
        spec, "schemas_training_response", fields
    )


def _nullable_training_output(spec: Spec) -> list[str]:
    return _make_nullable(spec, "schemas_training_response", ("output",))


def _version_is_a_string(spec: Spec) -> list[str]:
    schema = _schema(spec, "schemas_prediction_response")
    version = schema and schema.get("properties", {}).get("version")
    if isinstance(version, dict) and "oneOf" in version:
        version.pop("oneOf")
        version["type"] = "string"
        return ["schemas_prediction_response.version"]
    return []


def _response_schemas(spec: Spec) -> Iterator[dict[str, Any]]:
    for item in spec.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for response in operation.get("responses", {}).values():
                for media in response.get("content", {}).values():
                    if isinstance(media.get("schema"), dict):
                        yield media["schema"]


def _open_response_enums(spec: Spec) -> list[str]:
    """Turn each string enum a response can carry into ``anyOf: [enum, string]``."""
    changed: list[str] = []
    visited: set[str] = set()

    def visit(node: dict[str, Any], where: str) -> None:
        ref = node.get("$ref")
        if isinstance(ref, str):
            name = ref.rsplit("/", 1)[-1]
            target = _schema(spec, name)
            if target is not None and name not in visited:
                visited.add(name)
                visit(target, name)
            return
        for prop_name, prop in node.get("properties", {}).items():
            if isinstance(prop, dict):
                if "enum" in prop and prop.get("type") == "string":
                    _open(prop)
                    changed.append(f"{where}.{prop_name}")
                else:
                    visit(prop, f"{where}.{prop_name}")
        for key in ("items", "additionalProperties"):
            if isinstance(node.get(key), dict):
                visit(node[key], f"{where}[]")

    for schema in _response_schemas(spec):
        visit(schema, "response")
    return sorted(changed)


def _open(prop: dict[str, Any]) -> None:
    closed = {"type": "string", "enum": prop.pop("enum")}
    del prop["type"]
    prop["anyOf"] = [closed, {"type": "string"}]


def _tags_from_operation_ids(spec: Spec) -> list[str]:
    changed = []
    for operation in operations(spec):
        body = spec["paths"][operation.path][operation.method]
        if not body.get("tags"):
            body["tags"] = [operation.operation_id.split(".", 1)[0]]
            changed.append(operation.operation_id)
    return changed


PATCHES: tuple[Patch, ...] = (
    Patch(
        "nullable-run-timestamps",
        "api-reality",
        "The API sends started_at and completed_at as null until a prediction or "
        "training has started or finished; the spec types them as plain strings.",
        _nullable_run_timestamps,
    ),
    Patch(
        "nullable-training-output",
        "api-reality",
        "A training's output is null until it succeeds; the spec types it as an object.",
        _nullable_training_output,
    ),
    Patch(
        "version-is-a-string",
        "api-reality",
        "Official-model predictions carry version 'hidden', which matches both branches "
        "of the spec's oneOf (any string, or the enum ['hidden']) and so is never valid. "
        "Every version is a string: typing it so accepts 'hidden' and spares each parse "
        "a failed enum lookup.",
        _version_is_a_string,
    ),
    Patch(
        "open-response-enums",
        "forward-compat",
        "Replicate adds values to response enums (a new status such as 'queued'); "
        "a closed enum would make every parse of such a response raise. Each response "
        "enum becomes 'known value | str', so unknown values arrive as plain strings.",
        _open_response_enums,
    ),
    Patch(
        "tags-from-operation-ids",
        "layout",
        "The spec has no tags, so every endpoint would land in api/default/; tagging "
        "each operation with its operationId's first segment groups modules by resource.",
        _tags_from_operation_ids,
    ),
)


def apply(
    spec: Spec, kinds: tuple[PatchKind, ...] = ("api-reality", "forward-compat", "layout")
) -> tuple[Spec, dict[str, list[str]]]:
    """Return a patched copy of ``spec`` and, per patch name, what it changed."""
    patched = copy.deepcopy(spec)
    applied = {patch.name: patch.change(patched) for patch in PATCHES if patch.kind in kinds}
    return patched, applied
