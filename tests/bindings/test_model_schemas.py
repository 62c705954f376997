"""The committed real schemas (``model_schemas.json``) cover what the bindings must handle.

Cut by ``scripts/corpus --bindings-sample`` from the public-models corpus; the
tags are computed here from the file itself, so a regenerated sample that lost
a shape fails this test. No model in the corpus lacks a ``cog_version``, so
"cog:missing" cannot be asked for.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from corpus.bindings_sample import tags
from replicate_typed._schema_diff.versions import compare_versions

SAMPLE = Path(__file__).parent / "model_schemas.json"

REQUIRED = {
    "output:iterator",
    "output:concatenate",
    "output:nested object",
    "input:file",
    "input:enum by $ref",
    "input:secret",
    "cog:before 0.3.9",
    "cog:unnumbered",
    "trainable",
    "schema:$ref-heavy",
    "example:succeeded",
    "example:failed",
}


def _models() -> list[dict[str, Any]]:
    models: list[dict[str, Any]] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return models


def test_the_sample_covers_every_required_shape_and_stays_small() -> None:
    found = {tag for model in _models() for tag in tags(model)}

    assert sorted(REQUIRED - found) == []
    assert 30 <= len(_models()) <= 40
    assert SAMPLE.stat().st_size < 1_000_000


@pytest.mark.parametrize("model", _models(), ids=lambda m: f"{m['owner']}/{m['name']}")
def test_each_real_schema_equals_itself_and_a_new_required_input_breaks_it(
    model: dict[str, Any],
) -> None:
    schema: dict[str, Any] = model["latest_version"]["openapi_schema"]
    assert compare_versions(schema, schema) == []

    changed = json.loads(json.dumps(schema))
    inputs = changed["components"]["schemas"]["Input"]
    inputs.setdefault("properties", {})["zz_added"] = {"type": "string"}
    inputs.setdefault("required", []).append("zz_added")
    [change] = compare_versions(schema, changed)
    assert (change.breaking, change.kind, change.where) == (
        True,
        "required field added",
        "input.zz_added",
    )
