"""Compare two versions of a model by their ``openapi_schema``: what a caller sends and reads.

A Cog schema names its interfaces as component schemas: ``Input`` and
``Output`` for predictions, ``TrainingInput`` and ``TrainingOutput`` for a
trainable model. An input is what the caller sends, so it is compared as a
request; an output is what the caller reads, so it is compared as a response.
The facts and rules are those of ``scripts/regenerate --spec`` (``shapes``,
``changes``): cog's enums (``allOf: [{$ref: "#/components/schemas/aspect_ratio"}]``)
are resolved, nullability is apart from the type, descriptions are ignored.

A place reads ``input.prompt``, ``output[]``, ``training input.steps``. An
interface present in one version only is one ``field added`` or ``field
removed`` line at its root (``training input``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, Literal, cast

from replicate_typed._schema_diff.changes import Change, Direction, compare_fields, sort_key
from replicate_typed._schema_diff.shapes import SCHEMAS, Document, Flat, Place, flatten

Interface = Literal["prediction", "training"]

#: Per interface, its component schemas: (component, label, direction).
_PARTS: dict[Interface, tuple[tuple[str, str, Direction], ...]] = {
    "prediction": (("Input", "input", "request"), ("Output", "output", "response")),
    "training": (
        ("TrainingInput", "training input", "request"),
        ("TrainingOutput", "training output", "response"),
    ),
}


def compare_versions(
    old_openapi_schema: Mapping[str, Any],
    new_openapi_schema: Mapping[str, Any],
    *,
    interfaces: Collection[Interface] = ("prediction", "training"),
) -> list[Change]:
    """Every change to the inputs and outputs of ``interfaces``, breaking ones first."""
    parts = [part for interface in interfaces for part in _PARTS[interface]]
    directions: dict[str, Direction] = {label: direction for _, label, direction in parts}
    old, new = _flat(old_openapi_schema, parts), _flat(new_openapi_schema, parts)
    found = compare_fields(old, new, lambda place: directions[place[0]])
    changes = [Change(item.breaking, item.kind, _where(item.place), item.values) for item in found]
    return sorted(changes, key=sort_key)


def _flat(openapi_schema: Mapping[str, Any], parts: list[tuple[str, str, Direction]]) -> Flat:
    document: Document = dict(openapi_schema)
    components: object = document.get("components")
    schemas = cast(Document, components).get("schemas") if isinstance(components, dict) else None
    flat = Flat()
    for component, label, _ in parts:
        if isinstance(schemas, dict) and component in schemas:
            flat.update(flatten(document, label, {"$ref": f"{SCHEMAS}{component}"}, True))
    return flat


def _where(place: Place) -> str:
    """``input.prompt``: the label, then the path below it."""
    return "".join(place)
