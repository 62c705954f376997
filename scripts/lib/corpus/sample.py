"""Choose a small, varied, deterministic subset of the corpus to keep as test data.

Tests cannot fetch 60 MB from npm, but they can replay a few dozen real
payloads if those few cover the shapes that matter: with and without a
latest version or default example, each prediction status, visibility and
output shape, the nullable fields both null and set, the odd metrics, and at
least one model for every way parsing failed. Each shape becomes a tag; a
greedy cover picks, at each step, the model that adds the most uncovered tags
(then one from a new owner, then the smallest), so the same corpus always
gives the same file, and small payloads win ties to keep the file small.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import cast

from corpus.check import Outcome
from corpus.load import JSONObject, model_name

DEFAULT_COUNT = 30
MAX_BYTES = 300_000
NULLABLE_MODEL_FIELDS = (
    "cover_image_url",
    "description",
    "github_url",
    "license_url",
    "paper_url",
    "weights_url",
)


@dataclass(frozen=True)
class Candidate:
    """One model with what it would cost in the file and the shapes it shows."""

    name: str
    owner: str
    size: int
    tags: frozenset[str]
    model: JSONObject


@dataclass(frozen=True)
class Sample:
    """The chosen models (sorted by name), the file's size in bytes and the tags left uncovered."""

    models: list[JSONObject]
    size: int
    covered: int
    uncovered: list[str]


def choose(
    models: Iterable[JSONObject],
    outcomes: Iterable[Outcome],
    count: int = DEFAULT_COUNT,
    max_bytes: int = MAX_BYTES,
) -> Sample:
    """Pick up to ``count`` models whose JSON together stays within ``max_bytes``."""
    failures = {outcome.name: outcome for outcome in outcomes}
    return cover(
        models, lambda model: _tags(model, failures.get(model_name(model))), count, max_bytes
    )


def cover(
    models: Iterable[JSONObject],
    tags_of: Callable[[JSONObject], Iterable[str]],
    count: int,
    max_bytes: int,
) -> Sample:
    """The greedy cover of the tags ``tags_of`` gives each model, within both limits."""
    pool = sorted(
        (_candidate(model, frozenset(tags_of(model))) for model in models),
        key=lambda c: (c.size, c.name),
    )
    # No single pick may take more than three average shares of the budget, so a
    # rare shape carried only by a huge payload is reported as uncovered instead.
    cap = 3 * max_bytes // max(count, 1)
    pool = [c for c in pool if c.size <= cap]
    smallest = pool[0].size if pool else 0
    wanted = set[str]().union(*(c.tags for c in pool))
    uncovered = set(wanted)
    chosen: list[Candidate] = []
    owners: set[str] = set()
    used = 0

    def fits(c: Candidate) -> bool:
        # Leave room for the picks still to come, at the smallest size there is.
        return used + c.size + (count - len(chosen) - 1) * smallest <= max_bytes

    while len(chosen) < count:
        names = {c.name for c in chosen}
        options = [c for c in pool if c.name not in names and fits(c)]
        if not options:
            break
        best = min(
            options,
            key=lambda c: (-len(c.tags & uncovered), c.owner in owners, c.size, c.name),
        )
        chosen.append(best)
        owners.add(best.owner)
        used += best.size
        uncovered -= best.tags
    chosen.sort(key=lambda c: c.name)
    return Sample(
        models=[c.model for c in chosen],
        size=len(dump([c.model for c in chosen]).encode()),
        covered=len(wanted) - len(uncovered),
        uncovered=sorted(uncovered),
    )


def write(sample: Sample, path: Path) -> None:
    """Write the sample as a JSON array, the same shape as the corpus's models.json."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump(sample.models), encoding="utf-8")


def dump(models: list[JSONObject]) -> str:
    """The file's text: indented so a reviewer can read a diff of it."""
    return json.dumps(models, indent=2, ensure_ascii=False) + "\n"


def _candidate(model: JSONObject, tags: frozenset[str]) -> Candidate:
    # Its share of the indented array: the array's brackets and newline excluded.
    size = len(dump([model]).encode()) - len("[\n]\n") + len(",")
    return Candidate(
        name=model_name(model),
        owner=str(model.get("owner")),
        size=size,
        tags=tags,
        model=model,
    )


def _tags(model: JSONObject, outcome: Outcome | None) -> Iterable[str]:
    yield f"visibility:{model.get('visibility')}"
    for name in NULLABLE_MODEL_FIELDS:
        yield f"model.{name}:{'null' if model.get(name) is None else 'set'}"
    if outcome is not None:
        for kind, message in outcome.errors.items():
            yield f"fails:{kind}:{message}"
    version = model.get("latest_version")
    yield f"latest_version:{'none' if version is None else 'present'}"
    if isinstance(version, dict):
        schema = cast(JSONObject, version).get("openapi_schema")
        if isinstance(schema, dict) and "info" not in schema:
            yield "version.openapi_schema:no info"
    example = model.get("default_example")
    yield f"default_example:{'none' if example is None else 'present'}"
    if isinstance(example, dict):
        yield from _prediction_tags(cast(JSONObject, example))


def _prediction_tags(example: JSONObject) -> Iterable[str]:
    status = example.get("status")
    yield f"status:{status}"
    yield f"output:{_shape(example.get('output'))}"
    if example.get("error") is not None:
        yield f"error set:{status}"
    for name in ("started_at", "completed_at", "webhook"):
        if example.get(name) is None:
            yield f"prediction.{name}:null"
    for name in ("created_at", "started_at", "completed_at"):
        value = example.get(name)
        if isinstance(value, str) and "." not in value:
            yield f"prediction.{name}:whole seconds"
        if isinstance(value, str) and not _parses(value):
            yield f"prediction.{name}:not ISO 8601"
    if example.get("data_removed") is True:
        yield "prediction.data_removed:true"
    metrics = example.get("metrics")
    if isinstance(metrics, dict):
        for name, value in cast(JSONObject, metrics).items():
            yield f"metrics.{name}:{_shape(value)}"
            if isinstance(value, int | float) and value < 0:
                yield f"metrics.{name}:negative"
        for name in ("predict_time", "total_time"):
            if name not in metrics:
                yield f"metrics.{name}:absent"


def _shape(value: object) -> str:
    """A JSON value's type; for an array, also the types of its items."""
    if isinstance(value, list):
        items = sorted({_shape(item) for item in cast(list[object], value)})
        return f"array[{'|'.join(items)}]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "object"


def _parses(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
