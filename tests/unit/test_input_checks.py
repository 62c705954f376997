"""bindings.check_input: every rule a Cog schema writes, on real schemas and bad inputs."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from replicate_typed.bindings._checks import (
    InputError,
    OutputError,
    check_input,
    check_output,
)

from tests.realdata.by_schema import PUBLIC_MODELS_SAMPLE

SAMPLE: list[dict[str, Any]] = json.loads(PUBLIC_MODELS_SAMPLE.read_text())

#: Real default examples the latest version's schema refuses, and why (the API's own data).
INVALID_EXAMPLES = {
    # The example was made with an older version, which had an output_format input.
    "jxmorris12/piano-transcription": "input.output_format",
}


def _schema(input_schema: dict[str, Any], **schemas: Any) -> dict[str, Any]:
    return {"components": {"schemas": {"Input": input_schema, **schemas}}}


SCHEMA = _schema(
    {
        "type": "object",
        "required": ["prompt"],
        "properties": {
            "prompt": {"type": "string", "minLength": 2, "maxLength": 10},
            "steps": {"type": "integer", "minimum": 1, "maximum": 50},
            "strength": {
                "type": "number",
                "exclusiveMinimum": True,
                "minimum": 0,
                "exclusiveMaximum": 1,
            },
            "fast": {"type": "boolean"},
            "size": {"allOf": [{"$ref": "#/components/schemas/size"}]},
            "code": {"type": "string", "pattern": "^[a-z]+$"},
            "image": {"type": "string", "format": "uri"},
            "images": {"type": "array", "items": {"type": "string", "format": "uri"}},
            "weights": {"type": "object", "additionalProperties": {"type": "number"}},
            "seed": {"type": "integer", "nullable": True},
            "api_key": {"type": "string", "format": "password", "x-cog-secret": True},
            "tags": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        },
    },
    size={"type": "string", "enum": ["small", "large"], "title": "size"},
)


@pytest.mark.parametrize("model", SAMPLE, ids=[f"{m['owner']}/{m['name']}" for m in SAMPLE])
def test_every_sampled_default_example_fits_its_schema(model: dict[str, Any]) -> None:
    name = f"{model['owner']}/{model['name']}"
    schema = model["latest_version"]["openapi_schema"]
    example = model["default_example"]["input"]
    if name in INVALID_EXAMPLES:
        with pytest.raises(InputError) as caught:
            check_input(schema, example)
        assert [p.field for p in caught.value.problems] == [INVALID_EXAMPLES[name]]
    else:
        check_input(schema, example)


@pytest.mark.parametrize(
    ("input", "field", "value", "rule"),
    [
        ({}, "input.prompt", None, "required"),
        ({"prompt": "ok", "promt": "typo"}, "input.promt", "'typo'", "additionalProperties"),
        ({"prompt": 5}, "input.prompt", "5", "type"),
        ({"prompt": "ok", "steps": True}, "input.steps", "True", "type"),
        ({"prompt": "ok", "steps": 2.5}, "input.steps", "2.5", "type"),
        ({"prompt": "ok", "steps": "many"}, "input.steps", "'many'", "type"),
        ({"prompt": "ok", "fast": "yes"}, "input.fast", "'yes'", "type"),
        ({"prompt": "ok", "steps": 0}, "input.steps", "0", "minimum"),
        ({"prompt": "ok", "steps": 51}, "input.steps", "51", "maximum"),
        ({"prompt": "ok", "steps": "51"}, "input.steps", "'51'", "maximum"),
        ({"prompt": "ok", "strength": 0}, "input.strength", "0", "exclusiveMinimum"),
        ({"prompt": "ok", "strength": 1.0}, "input.strength", "1.0", "exclusiveMaximum"),
        ({"prompt": "ok", "strength": float("nan")}, "input.strength", "nan", "type"),
        ({"prompt": "x"}, "input.prompt", "'x'", "minLength"),
        ({"prompt": "far too long"}, "input.prompt", "'far too long'", "maxLength"),
        ({"prompt": "ok", "code": "ABC"}, "input.code", "'ABC'", "pattern"),
        ({"prompt": "ok", "size": "medium"}, "input.size", "'medium'", "enum"),
        ({"prompt": "ok", "image": "not a url"}, "input.image", "'not a url'", "uri"),
        ({"prompt": "ok", "images": ["https://a/b", 7]}, "input.images[1]", "7", "type"),
        ({"prompt": "ok", "weights": {"a": "x"}}, "input.weights.a", "'x'", "type"),
        ({"prompt": None}, "input.prompt", "None", "nullable"),
        ({"prompt": "ok", "tags": 3}, "input.tags", "3", "anyOf"),
    ],
)
def test_a_bad_input_names_the_field_the_value_and_the_rule(
    input: dict[str, Any], field: str, value: str | None, rule: str
) -> None:
    with pytest.raises(InputError) as caught:
        check_input(SCHEMA, input)
    assert isinstance(caught.value, ValueError)
    [problem] = caught.value.problems
    assert (problem.field, problem.value) == (field, value)
    assert problem.rule.endswith(f"({rule})")
    message = str(caught.value)
    assert field in message
    assert f"({rule})" in message
    assert value is None or value in message


def test_every_problem_is_reported_one_per_line() -> None:
    with pytest.raises(InputError) as caught:
        check_input(SCHEMA, {"steps": 99, "size": "huge"})
    lines = str(caught.value).splitlines()
    assert lines[0] == "input does not fit the model's schema (3 problems):"
    assert [line.split(":")[0].strip() for line in lines[1:]] == [
        "input.prompt",
        "input.steps",
        "input.size",
    ]


def test_a_secret_value_never_appears_in_the_message() -> None:
    with pytest.raises(InputError) as caught:
        check_input(SCHEMA, {"prompt": "ok", "api_key": 12345678})
    [problem] = caught.value.problems
    assert problem.field == "input.api_key"
    assert problem.value == "<secret>"
    assert "12345678" not in str(caught.value)


def test_a_long_value_is_cut_short_in_the_message() -> None:
    huge = "data:image/png;base64," + "A" * 100_000
    with pytest.raises(InputError) as caught:
        check_input(SCHEMA, {"prompt": huge})
    assert len(str(caught.value)) < 400


def test_values_that_fit_pass(tmp_path: Path) -> None:
    local = tmp_path / "photo.png"
    local.write_bytes(b"png")
    check_input(
        SCHEMA,
        {
            "prompt": "ok",
            "steps": 50,
            "strength": 0.5,
            "fast": False,
            "size": "large",
            "code": "abc",
            "image": local,
            "images": ["https://example.com/a.png", "data:,x", io.BytesIO(b"x"), b"raw"],
            "weights": {"a": 1, "b": 0.5},
            "seed": None,
            "tags": ["a"],
        },
    )


def test_cog_coercions_the_api_accepts_pass() -> None:
    # Real default examples send numbers as strings and null for optional fields.
    check_input(SCHEMA, {"prompt": "ok", "steps": "12", "strength": "0.5", "fast": None})


def test_a_missing_component_is_a_value_error_naming_it() -> None:
    with pytest.raises(ValueError, match=r"components\.schemas\.TrainingInput"):
        check_input(SCHEMA, {}, component="TrainingInput")


def test_outputs_are_checked_against_the_output_schema() -> None:
    schema = _schema({}, Output={"type": "array", "items": {"type": "string", "format": "uri"}})
    check_output(schema, ["https://replicate.delivery/x.png"])
    with pytest.raises(OutputError, match=r"output\[0\]: must be a string \(type\) \(got 3\)"):
        check_output(schema, [3])
