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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, cast

from regenerate import evidence
from regenerate.spec import Spec, operations

PatchKind = Literal["api-reality", "forward-compat", "layout"]


@dataclass(frozen=True)
class Patch:
    """One documented change to the generator's copy of the spec."""

    name: str
    kind: PatchKind
    reason: str
    #: Mutates the spec in place; returns a line for each place it changed.
    change: Callable[[Spec], list[str]]


def _object(value: object) -> dict[str, Any] | None:
    """The value if it is a JSON object (its keys are strings), else None."""
    return cast("dict[str, Any]", value) if isinstance(value, dict) else None


def _schema(spec: Spec, name: str) -> dict[str, Any] | None:
    return _object(spec.get("components", {}).get("schemas", {}).get(name))


def _make_nullable(spec: Spec, schema_name: str, properties: tuple[str, ...]) -> list[str]:
    schema = _schema(spec, schema_name)
    changed: list[str] = []
    for name in properties:
        prop = _object(schema and schema.get("properties", {}).get(name))
        if prop is not None and not prop.get("nullable"):
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
    version = _object(schema and schema.get("properties", {}).get("version"))
    if version is not None and "oneOf" in version:
        version.pop("oneOf")
        version["type"] = "string"
        return ["schemas_prediction_response.version"]
    return []


def _response_schemas(spec: Spec) -> Iterator[dict[str, Any]]:
    for item in spec.get("paths", {}).values():
        for value in item.values():
            operation = _object(value)
            if operation is None:
                continue
            for response in operation.get("responses", {}).values():
                for media in response.get("content", {}).values():
                    schema = _object(media.get("schema"))
                    if schema is not None:
                        yield schema


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
        for prop_name, value in node.get("properties", {}).items():
            prop = _object(value)
            if prop is not None:
                if "enum" in prop and prop.get("type") == "string":
                    _open(prop)
                    changed.append(f"{where}.{prop_name}")
                else:
                    visit(prop, f"{where}.{prop_name}")
        for key in ("items", "additionalProperties"):
            child = _object(node.get(key))
            if child is not None:
                visit(child, f"{where}[]")

    for schema in _response_schemas(spec):
        visit(schema, "response")
    return sorted(changed)


def _open(prop: dict[str, Any]) -> None:
    closed = {"type": "string", "enum": prop.pop("enum")}
    # The generator documents the enum class with the closed branch's description.
    if "description" in prop:
        closed["description"] = prop["description"]
    del prop["type"]
    prop["anyOf"] = [closed, {"type": "string"}]


def _child(node: object, *keys: str) -> dict[str, Any] | None:
    """The JSON object at ``keys`` below ``node``, or None where the path is not objects."""
    for key in keys:
        if not isinstance(node, dict):
            return None
        node = cast(dict[str, Any], node).get(key)
    return cast(dict[str, Any], node) if isinstance(node, dict) else None


def _required(node: dict[str, Any]) -> list[str]:
    listed = node.get("required")
    return [str(name) for name in cast(list[object], listed)] if isinstance(listed, list) else []


def _place(spec: Spec, place: str) -> dict[str, Any] | None:
    """A component, or an inline object property of one ("schemas_x.urls")."""
    component, _, inner = place.partition(".")
    node = _schema(spec, component)
    return _child(node, "properties", inner) if inner else node


#: An evidence entry: each names the place in the spec it is about.
Entry = TypeVar("Entry", bound=evidence.Omitted | evidence.AlwaysSent | evidence.Undeclared)


def _placed(spec: Spec, entries: Iterable[Entry]) -> Iterator[tuple[Entry, dict[str, Any]]]:
    """Each entry with the object at its place, for the places the spec has."""
    for entry in entries:
        node = _place(spec, entry.place)
        if node is not None:
            yield entry, node


def _omitted_fields_optional(spec: Spec) -> list[str]:
    changed: list[str] = []
    for item, node in _placed(spec, evidence.OMITTED):
        if item.field in _required(node):
            node["required"] = [name for name in _required(node) if name != item.field]
            changed.append(f"{item.place}.{item.field}")
    return changed


def _always_sent_fields_required(spec: Spec) -> list[str]:
    changed: list[str] = []
    for item, node in _placed(spec, evidence.ALWAYS_SENT):
        required = _required(node)
        declared = _child(node, "properties") or {}
        for name in item.fields:
            if name in declared and name not in required:
                required.append(name)
                changed.append(f"{item.place}.{name}")
        if required:
            node["required"] = required
    return changed


def _undeclared_fields(spec: Spec) -> list[str]:
    changed: list[str] = []
    for item, node in _placed(spec, evidence.UNDECLARED):
        declared = _child(node, "properties")
        if declared is None:
            declared = node["properties"] = {}
        if item.field not in declared:
            declared[item.field] = copy.deepcopy(item.schema)
            changed.append(f"{item.place}.{item.field}")
    return changed


def _null_sent_fields_nullable(spec: Spec) -> list[str]:
    changed: list[str] = []
    for item in evidence.NULL_SENT:
        changed += _make_nullable(spec, item.place, (item.field,))
    return changed


def _typed_model_examples(spec: Spec) -> list[str]:
    """A model's latest_version is a version and its default_example a prediction."""
    changed: list[str] = []
    targets = {
        "latest_version": "schemas_version_response",
        "default_example": "schemas_prediction_response",
    }
    for name, target in targets.items():
        prop = _child(_schema(spec, "schemas_model_response"), "properties", name)
        if prop is not None and "$ref" not in prop and _schema(spec, target) is not None:
            described = {key: prop[key] for key in ("description",) if key in prop}
            prop.clear()
            ref = {"$ref": f"#/components/schemas/{target}"}
            prop.update({"anyOf": [ref, {"type": "null"}], **described})
            changed.append(f"schemas_model_response.{name}")
    return changed


def _search_results_are_models(spec: Spec) -> list[str]:
    """The QUERY /models results: the model schema, not an inline copy of it."""
    path = ("paths", "/models", "query", "responses", "200", "content", "application/json")
    results = _child(spec, *path, "schema", "properties", "results")
    if results is not None and "$ref" not in (_child(results, "items") or {}):
        results["items"] = {"$ref": "#/components/schemas/schemas_model_response"}
        return ["models.search 200 results[]"]
    return []


def _tags_from_operation_ids(spec: Spec) -> list[str]:
    changed: list[str] = []
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
        "omitted-fields-optional",
        "api-reality",
        "Real payloads leave out fields the spec requires (urls.web, data_removed, output, "
        "model, a default example's urls); each reads as None instead of failing a call "
        "whose prediction was already made. Evidence per field: regenerate/evidence.py OMITTED.",
        _omitted_fields_optional,
    ),
    Patch(
        "always-sent-fields-required",
        "api-reality",
        "Fields the spec leaves optional that every recorded payload and the public-models "
        "corpus carry (a training's id and status, a model's owner and name, a version's id) "
        "are required, so users read plain types. Evidence: regenerate/evidence.py ALWAYS_SENT.",
        _always_sent_fields_required,
    ),
    Patch(
        "undeclared-fields",
        "api-reality",
        "Real payloads carry fields the spec does not declare: prediction metrics (predict_time, "
        "token counts and timings), a file's name, etag and md5, a model's created_at and "
        "weights_url. Declared, each optional. Evidence: regenerate/evidence.py UNDECLARED.",
        _undeclared_fields,
    ),
    Patch(
        "null-logs",
        "api-reality",
        "Trainings and canceled predictions send logs: null; the spec types logs as a string. "
        "Evidence: regenerate/evidence.py NULL_SENT.",
        _null_sent_fields_nullable,
    ),
    Patch(
        "typed-model-examples",
        "api-reality",
        "A model's latest_version is a version object and its default_example a prediction, "
        "as every recorded model and the 3,808 public models show; the spec types both as "
        "free-form objects. They refer to the version and prediction schemas.",
        _typed_model_examples,
    ),
    Patch(
        "search-results-are-models",
        "api-reality",
        "Model search (QUERY /models) returns the same model objects as models.get and "
        "models.list (rpy-models-search, 2024-07: every result has the model fields), and "
        "replicate_typed parses them with ModelPage; the spec repeats the schema inline, "
        "so it gets the model schema's patches only by referring to it.",
        _search_results_are_models,
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
