"""Recorded objects by response schema: the evidence behind the api-reality spec patches.

``objects(place)`` finds every recorded object of one response schema, wherever
it sits in a recorded body (a get, a list page, a model's default example), and
the objects of the public-models sample (``scripts/corpus --sample``), so
``tests/regen/test_patches.py`` can check each entry of
``scripts/lib/regenerate/evidence.py`` against all of them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from tests.realdata.recordings import interactions

PUBLIC_MODELS_SAMPLE = Path(__file__).with_name("public_models_sample.json")


@dataclass(frozen=True)
class Recorded:
    """One recorded 2xx JSON body of an API operation."""

    source: str  # "rpy-predictions-get#1"
    operation_id: str
    body: Any


@functools.cache
def responses() -> tuple[Recorded, ...]:
    """Every recorded 2xx JSON body the API itself sent."""
    return tuple(
        Recorded(item.key, item.operation, item.response.body)
        for item in interactions()
        if item.operation is not None
        and item.response.is_success
        and item.response.body_kind == "json"
    )


@functools.cache
def public_models() -> tuple[dict[str, Any], ...]:
    """A varied sample of the npm package all-the-public-replicate-models (scripts/corpus)."""
    loaded: list[dict[str, Any]] = json.loads(PUBLIC_MODELS_SAMPLE.read_text(encoding="utf-8"))
    return tuple(loaded)


def _results(body: Any) -> list[Any]:
    if not isinstance(body, dict):
        return []
    return list(cast(dict[str, Any], body).get("results") or [])


def _models_in(recorded: Recorded) -> list[Any]:
    body = recorded.body
    if recorded.operation_id in ("models.get", "models.create", "models.update"):
        return [body]
    if recorded.operation_id in ("models.list", "models.search"):
        return _results(body)
    if recorded.operation_id == "collections.get":
        return list(body.get("models") or [])
    return []


def _predictions_in(recorded: Recorded) -> list[Any]:
    operation = recorded.operation_id
    if operation.endswith("predictions.create") or operation in (
        "predictions.get",
        "predictions.cancel",
    ):
        return [recorded.body]
    if operation in ("predictions.list", "models.examples.list"):
        return _results(recorded.body)
    return [m["default_example"] for m in _models_in(recorded) if m.get("default_example")]


def _by_operation(
    *operation_ids: str, listed: str | None = None
) -> Callable[[Recorded], list[Any]]:
    def pick(recorded: Recorded) -> list[Any]:
        if recorded.operation_id in operation_ids:
            return [recorded.body]
        if recorded.operation_id == listed:
            return _results(recorded.body)
        return []

    return pick


def _versions_in(recorded: Recorded) -> list[Any]:
    if recorded.operation_id == "models.versions.get":
        return [recorded.body]
    if recorded.operation_id == "models.versions.list":
        return _results(recorded.body)
    return [m["latest_version"] for m in _models_in(recorded) if m.get("latest_version")]


#: Where each response schema's objects sit in recorded bodies.
_FINDERS: dict[str, Callable[[Recorded], list[Any]]] = {
    "schemas_prediction_response": _predictions_in,
    "schemas_training_response": _by_operation(
        "trainings.create", "trainings.get", "trainings.cancel", listed="trainings.list"
    ),
    "schemas_model_response": _models_in,
    "schemas_version_response": _versions_in,
    "schemas_file_response": _by_operation("files.create", "files.get", listed="files.list"),
    "schemas_deployment_response": _by_operation(
        "deployments.create", "deployments.get", "deployments.update", listed="deployments.list"
    ),
}

_CORPUS_PARTS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "schemas_model_response": lambda model: model,
    "schemas_version_response": lambda model: model.get("latest_version"),
    "schemas_prediction_response": lambda model: model.get("default_example"),
}


def objects(place: str, *, corpus: bool = True) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every recorded object at ``place`` ("component" or "component.property"), with its source.

    With ``corpus``, the public-models sample's objects of that schema too.
    """
    component, _, inner = place.partition(".")
    found: list[tuple[str, Any]] = []
    for recorded in responses():
        found += [(recorded.source, body) for body in _FINDERS[component](recorded)]
    if corpus and component in _CORPUS_PARTS:
        for model in public_models():
            found.append(
                (f"public-models:{model['owner']}/{model['name']}", _CORPUS_PARTS[component](model))
            )
    for source, body in found:
        value = cast(dict[str, Any], body).get(inner) if inner and isinstance(body, dict) else body
        if isinstance(value, dict):
            yield source, value
