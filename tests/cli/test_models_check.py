"""``models check PATH.py``: each pinned model against its latest version in the fake."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from tests.cli import painter_bindings
from tests.cli.support import Served, error_line

MODULE = str(Path(painter_bindings.__file__))


def _serve(served: Served, schema: dict[str, Any]) -> None:
    """acme/painter in the fake, its latest version with ``schema``."""
    served.fake.add_model("acme/painter", lambda _: {"images": []}, openapi_schema=schema)


def _copy() -> tuple[dict[str, Any], dict[str, Any]]:
    """A copy of the pinned schema, and its component schemas to change."""
    schema = copy.deepcopy(painter_bindings.OPENAPI_SCHEMA)
    return schema, schema["components"]["schemas"]


def test_the_same_schema_is_up_to_date(served: Served) -> None:
    _serve(served, painter_bindings.OPENAPI_SCHEMA)

    result = served.cli("models", "check", MODULE)

    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    sha = painter_bindings.PAINTER.schema_sha256[:12]
    assert line.startswith(
        f"acme/painter (PAINTER, PAINTER_TRAINING): version 5c7d5dc6dd8b (schema {sha}) -> "
    )
    assert line.endswith(f"(schema {sha}): up to date")


def test_a_new_optional_input_and_a_new_output_field_are_additive(served: Served) -> None:
    schema, components = _copy()
    components["Input"]["properties"]["steps"] = {"type": "integer", "default": 4}
    components["Output"]["properties"]["nsfw"] = {"type": "boolean"}
    _serve(served, schema)

    result = served.cli("models", "check", MODULE)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "  additive  field added              input.steps",
        "  additive  field added              output.nsfw",
    ]
    assert result.stdout.splitlines()[0].endswith(": 0 breaking, 2 additive")


def test_a_removed_input_or_enum_value_or_a_new_required_input_is_breaking(
    served: Served,
) -> None:
    schema, components = _copy()
    del components["Input"]["properties"]["seed"]
    components["aspect_ratio"]["enum"].remove("9:16")
    components["Input"]["properties"]["style"] = {"type": "string"}
    components["Input"]["required"].append("style")
    _serve(served, schema)

    result = served.cli("models", "check", MODULE)

    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "  BREAKING  enum value removed       input.aspect_ratio  '9:16'",
        "  BREAKING  field removed            input.seed",
        "  BREAKING  required field added     input.style",
    ]
    assert result.stdout.splitlines()[0].endswith(": 3 breaking, 0 additive")


def test_the_training_interface_is_checked_too(served: Served) -> None:
    schema, components = _copy()
    components["TrainingInput"]["properties"]["steps"]["type"] = "number"
    components["TrainingOutput"]["properties"]["weights"]["nullable"] = True
    _serve(served, schema)

    result = served.cli("models", "check", MODULE)

    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "  BREAKING  field retyped            training input.steps  integer -> number",
        "  BREAKING  field now nullable       training output.weights",
    ]


def test_a_changed_schema_with_the_same_inputs_and_outputs_says_so(served: Served) -> None:
    schema, components = _copy()
    components["Input"]["properties"]["prompt"]["description"] = "What to paint."
    _serve(served, schema)

    result = served.cli("models", "check", MODULE)

    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(": schema changed, inputs and outputs did not\n")


def test_a_path_that_is_not_a_bindings_module_is_refused(served: Served, tmp_path: Path) -> None:
    plain = tmp_path / "plain.py"
    plain.write_text("ANSWER = 42\n")
    broken = tmp_path / "broken.py"
    broken.write_text("import no_such_module_here\n")

    cases = {
        str(plain): f"{str(plain)!r} is not a bindings module: it defines no TypedModel",
        str(broken): f"cannot import {str(broken)!r}: ModuleNotFoundError",
        str(tmp_path / "absent.py"): "no such file:",
        str(tmp_path): "is not a Python file (PATH.py)",
    }
    for path, message in cases.items():
        result = served.cli("models", "check", path)
        assert result.returncode == 2, (path, result.stdout)
        assert message in error_line(result), path
        assert not result.stdout


def test_a_model_the_api_does_not_know_is_an_api_error(served: Served) -> None:
    result = served.cli("models", "check", MODULE)

    assert result.returncode == 4
    assert error_line(result).startswith(
        "replicate-typed: error: models check: acme/painter (PAINTER, PAINTER_TRAINING)"
        " is not on Replicate: "
    )
