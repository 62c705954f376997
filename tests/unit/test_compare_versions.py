"""``compare_versions``: inputs compared as what a caller sends, outputs as what it reads.

Each case changes one thing in a small Cog schema and names the one line the
report must print, so each rule of the README's table is checked in both
directions where a model version has both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from replicate_typed._schema_diff.versions import compare_versions

Schema = dict[str, Any]
_S: Schema = {"type": "string"}


def _cog() -> Schema:
    """A trainable model's schema, cog style: enums as components reached by ``allOf``."""
    return {
        "openapi": "3.0.2",
        "info": {"title": "Cog", "version": "0.1.0"},
        "components": {
            "schemas": {
                "Input": {
                    "type": "object",
                    "required": ["prompt"],
                    "properties": {
                        "prompt": {
                            "type": "string",
                            "description": "What to make.",
                            "maxLength": 500,
                        },
                        "mode": {
                            "allOf": [{"$ref": "#/components/schemas/mode"}],
                            "default": "fast",
                        },
                        "seed": {"type": "integer", "minimum": 0, "maximum": 4},
                    },
                },
                "mode": {"type": "string", "title": "mode", "enum": ["fast", "best"]},
                "Output": {
                    "type": "object",
                    "required": ["image"],
                    "properties": {
                        "image": {"type": "string", "format": "uri"},
                        "kind": {"allOf": [{"$ref": "#/components/schemas/kind"}]},
                        "score": {"type": "number", "default": 0},
                    },
                },
                "kind": {"type": "string", "enum": ["photo", "drawing"]},
                "TrainingInput": {"type": "object", "properties": {"steps": {"type": "integer"}}},
                "TrainingOutput": {
                    "type": "object",
                    "properties": {
                        "weights": {"type": "string"},
                        "files": {"type": "array", "items": _S, "maxItems": 4},
                    },
                },
            }
        },
    }


def _component(schema: Schema, name: str) -> Schema:
    found: Schema = schema["components"]["schemas"][name]
    return found


def _input(schema: Schema) -> Schema:
    return _component(schema, "Input")


def _output(schema: Schema) -> Schema:
    return _component(schema, "Output")


def _add_required(schema: Schema, name: str) -> None:
    _input(schema)["properties"][name] = {"type": "string"}
    _input(schema)["required"].append(name)


CASES: dict[str, tuple[Callable[[Schema], None], str]] = {
    "optional input added": (
        lambda s: _input(s)["properties"].update(steps={"type": "integer"}),
        "additive  field added              input.steps",
    ),
    "required input added": (
        lambda s: _add_required(s, "style"),
        "BREAKING  required field added     input.style",
    ),
    "input removed": (
        lambda s: _input(s)["properties"].pop("seed"),
        "BREAKING  field removed            input.seed",
    ),
    "input retyped": (
        lambda s: _input(s)["properties"]["seed"].update(type="string"),
        "BREAKING  field retyped            input.seed  integer -> string",
    ),
    "input now required": (
        lambda s: _input(s)["required"].append("seed"),
        "BREAKING  field now required       input.seed",
    ),
    "input now optional": (
        lambda s: _input(s)["required"].remove("prompt"),
        "additive  field now optional       input.prompt",
    ),
    "input now nullable": (
        lambda s: _input(s)["properties"]["seed"].update(nullable=True),
        "additive  field now nullable       input.seed",
    ),
    "input enum value added (allOf $ref)": (
        lambda s: _component(s, "mode")["enum"].append("draft"),
        "additive  enum value added         input.mode  'draft'",
    ),
    "input enum value removed (allOf $ref)": (
        lambda s: _component(s, "mode")["enum"].remove("best"),
        "BREAKING  enum value removed       input.mode  'best'",
    ),
    "input enum lifted": (
        lambda s: _input(s)["properties"].update(mode={"type": "string", "default": "fast"}),
        "additive  enum lifted              input.mode",
    ),
    "input default changed": (
        lambda s: _input(s)["properties"]["mode"].update(default="best"),
        'additive  default changed          input.mode  "fast" -> "best"',
    ),
    "input maximum raised": (
        lambda s: _input(s)["properties"]["seed"].update(maximum=8),
        "additive  bounds loosened          input.seed  maximum 4 -> 8",
    ),
    "input minimum raised": (
        lambda s: _input(s)["properties"]["seed"].update(minimum=1),
        "BREAKING  bounds tightened         input.seed  minimum 0 -> 1",
    ),
    "input pattern added": (
        lambda s: _input(s)["properties"]["prompt"].update(pattern="^[a-z ]+$"),
        "BREAKING  bounds tightened         input.prompt  pattern none -> '^[a-z ]+$'",
    ),
    "input maxLength removed": (
        lambda s: _input(s)["properties"]["prompt"].pop("maxLength"),
        "additive  bounds loosened          input.prompt  maxLength 500 -> none",
    ),
    "output maxItems lowered": (
        lambda s: _component(s, "TrainingOutput")["properties"]["files"].update(maxItems=2),
        "additive  bounds tightened         training output.files  maxItems 4 -> 2",
    ),
    "output maxItems raised": (
        lambda s: _component(s, "TrainingOutput")["properties"]["files"].update(maxItems=8),
        "additive  bounds loosened          training output.files  maxItems 4 -> 8",
    ),
    "output field added": (
        lambda s: _output(s)["properties"].update(nsfw={"type": "boolean"}),
        "additive  field added              output.nsfw",
    ),
    "output field removed": (
        lambda s: _output(s)["properties"].pop("score"),
        "BREAKING  field removed            output.score",
    ),
    "output retyped": (
        lambda s: _output(s)["properties"]["image"].update(format="binary"),
        "BREAKING  field retyped            output.image  string(uri) -> string(binary)",
    ),
    "output now required": (
        lambda s: _output(s)["required"].append("score"),
        "additive  field now required       output.score",
    ),
    "output now optional": (
        lambda s: _output(s)["required"].remove("image"),
        "BREAKING  field now optional       output.image",
    ),
    "output now nullable": (
        lambda s: _output(s)["properties"]["image"].update(nullable=True),
        "BREAKING  field now nullable       output.image",
    ),
    "output enum value added (allOf $ref)": (
        lambda s: _component(s, "kind")["enum"].append("3d"),
        "BREAKING  enum value added         output.kind  '3d'",
    ),
    "output enum restricted": (
        lambda s: _output(s)["properties"]["score"].update(enum=[0, 1]),
        "additive  enum restricted          output.score  0, 1",
    ),
    "training input added": (
        lambda s: _component(s, "TrainingInput")["properties"].update(lr={"type": "number"}),
        "additive  field added              training input.lr",
    ),
    "training output gone": (
        lambda s: s["components"]["schemas"].pop("TrainingOutput"),
        "BREAKING  field removed            training output",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_rule_in_its_direction(case: str) -> None:
    change, expected = CASES[case]
    new = _cog()
    change(new)

    assert [str(found) for found in compare_versions(_cog(), new)] == [expected]


def test_an_output_default_is_not_reported() -> None:
    new = _cog()
    _output(new)["properties"]["score"]["default"] = 1

    assert compare_versions(_cog(), new) == []


def test_descriptions_titles_and_where_an_enum_is_declared_do_not_count() -> None:
    new = _cog()
    _input(new)["properties"]["prompt"]["description"] = "Something else."
    _input(new)["properties"]["mode"] = {
        "type": "string",
        "enum": ["fast", "best"],
        "default": "fast",
    }

    assert compare_versions(_cog(), new) == []


def test_interfaces_limit_the_comparison() -> None:
    new = _cog()
    _component(new, "TrainingInput")["properties"]["lr"] = {"type": "number"}
    _input(new)["properties"].pop("seed")

    prediction = compare_versions(_cog(), new, interfaces=["prediction"])
    training = compare_versions(_cog(), new, interfaces=["training"])

    assert [change.where for change in prediction] == ["input.seed"]
    assert [change.where for change in training] == ["training input.lr"]


def test_breaking_changes_come_first() -> None:
    new = _cog()
    _output(new)["properties"]["nsfw"] = {"type": "boolean"}
    _input(new)["properties"].pop("seed")

    assert [change.breaking for change in compare_versions(_cog(), new)] == [True, False]
