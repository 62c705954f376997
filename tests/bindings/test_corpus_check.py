"""The logic of ``scripts/corpus --bindings``, on committed real models (never the cache).

The script itself runs over the whole corpus; here its pieces are held to
small inputs: a refusal keeps its reason, checker reports map to files, an
example that drifted is a failure with its reason, and the tally counts each
failure once, at its step.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import pytest
from corpus.bindings_examples import import_module, input_problem, output_problem, typed_model
from corpus.bindings_tally import ModelResult, reason_kind, summary, tally
from corpus.bindings_types import CheckerError, parse_mypy, parse_pyright
from corpus.bindings_write import module_file, write_modules

from tests.bindings.samples import EXTRA, SAMPLE


def _models(*names: str) -> list[dict[str, Any]]:
    models = [*json.loads(SAMPLE.read_text()), *json.loads(EXTRA.read_text())]
    by_name = {f"{model['owner']}/{model['name']}": model for model in models}
    return [by_name[name] for name in names]


def test_each_model_gets_its_own_module_and_a_refusal_keeps_its_reason(tmp_path: Path) -> None:
    [flux] = _models("black-forest-labs/flux-schnell")
    versionless: dict[str, object] = {"owner": "acme", "name": "empty", "latest_version": None}

    generated = write_modules([flux, versionless], tmp_path / "out")

    assert [item.name for item in generated] == ["black-forest-labs/flux-schnell", "acme/empty"]
    assert generated[0].path == tmp_path / "out" / "m0000_black_forest_labs_flux_schnell.py"
    assert generated[0].refusal is None
    assert generated[1].path is None
    assert generated[1].refusal == "acme/empty has no latest_version to generate bindings from"
    assert module_file(7, "a-b/c.d") == "m0007_a_b_c_d.py"


def test_a_real_example_builds_the_input_and_reads_back_as_the_output(tmp_path: Path) -> None:
    [flux] = _models("black-forest-labs/flux-schnell")
    [item] = write_modules([flux], tmp_path)
    assert item.path is not None
    assert item.source is not None
    reference = typed_model(import_module(item.path))
    example = flux["default_example"]

    assert input_problem(item.source, reference, example["input"]) is None
    assert output_problem(reference, example["output"]) is None
    assert input_problem(item.source, reference, {**example["input"], "stepz": 4}) == (
        "not a field of the input class: stepz"
    )
    assert input_problem(item.source, reference, {"prompt": "a fox", "num_outputs": 9}) == (
        "input.num_outputs: must be at most 4 (maximum) (got 9)"
    )


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("huan/ding-dong", "output: expected an array, got NoneType None"),
        ("ninehills/bge-reranker-base", "output: missing the required field 'use_fp16'"),
    ],
)
def test_an_example_that_drifted_says_why(tmp_path: Path, model: str, expected: str) -> None:
    [item] = write_modules(_models(model), tmp_path)
    assert item.path is not None
    reference = typed_model(import_module(item.path))
    example = cast("dict[str, object]", item.model["default_example"])

    assert output_problem(reference, example["output"]) == expected


def test_checker_reports_are_read_back_by_file() -> None:
    mypy = (
        'm0001_a_b.py:12: error: Name "y" is not defined  [name-defined]\n'
        "m0001_a_b.py:3: note: see here\n"
        "Found 1 error in 1 file (checked 2 source files)\n"
    )
    pyright = {
        "generalDiagnostics": [
            {
                "file": "/tmp/x/m0002_c_d.py",
                "severity": "error",
                "message": 'Type of "z" is\n  unknown',
                "range": {"start": {"line": 4}},
                "rule": "reportUnknownVariableType",
            },
            {"file": "/tmp/x/m0002_c_d.py", "severity": "warning", "message": "w"},
        ]
    }

    assert parse_mypy(mypy) == {
        "m0001_a_b.py": ['line 12: Name "y" is not defined  [name-defined]']
    }
    assert parse_pyright(json.dumps(pyright)) == {
        "m0002_c_d.py": ['line 5: Type of "z" is unknown [reportUnknownVariableType]']
    }
    with pytest.raises(CheckerError, match="no JSON report"):
        parse_pyright("crashed")


def test_the_tally_counts_each_failure_once_at_its_step_and_groups_by_kind() -> None:
    drift = "output: expected an array, got str 'https://x' [example made with an older version]"
    results = [
        ModelResult("a/ok", {}, frozenset({"example output"})),
        ModelResult(
            "a/refused",
            {"generate": "a/refused has no latest_version"},
            not_reached=frozenset({"import", "mypy", "pyright", "example input", "example output"}),
        ),
        ModelResult("a/drift", {"example output": drift}, example_from_latest=False),
        ModelResult(
            "b/drift", {"example output": drift.replace("x'", "y'")}, example_from_latest=False
        ),
    ]

    counted = tally(results)

    assert (counted.total, counted.passed, counted.percent, counted.ok) == (4, 1, 25.0, False)
    assert counted.drift_only == 2
    assert (counted.latest_total, counted.latest_passed) == (2, 1)
    output = counted.steps["example output"]
    assert (output.passed, output.failed, output.not_applicable, output.not_reached) == (0, 2, 1, 1)
    assert [(g.step, g.kind, g.count) for g in counted.groups] == [
        ("example output", "expected an array, got str [example made with an older version]", 2),
        ("generate", "a/refused has no latest_version", 1),
    ]
    text = summary(counted, results, "models.json", {"total": 1.25})
    assert "passed every step that applies: 1/4 (25.00%; needed 99%)" in text
    latest = "of the models whose example was made with the latest version: 1/2 (50.00%)"
    assert f"older version: 2; {latest}" in text
    assert "  a/drift  [example output]  output: expected an array, got str 'https://x'" in text
    assert text.endswith("wall time: total 1.2s")


def test_input_reasons_are_grouped_by_the_rules_broken() -> None:
    reason = (
        "input.seed: must be an integer (type) (got 'x'); input.steps: is required but missing"
        " (required)"
    )
    assert reason_kind("example input", reason) == "refused by the schema: required, type"
    drifted = f"{reason}  [example made with an older version]"
    assert reason_kind("example input", drifted) == (
        "refused by the schema: required, type [example made with an older version]"
    )
    missing = "TypeError: AInput.__init__() missing 1 required keyword-only argument: 'prompt'"
    assert reason_kind("example input", missing) == (
        "a required field is missing (the input class cannot be built)"
    )
    assert reason_kind("mypy", "line 3: Bad thing  [misc]\nline 4: other") == "Bad thing  [misc]"
