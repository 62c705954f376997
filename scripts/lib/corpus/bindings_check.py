"""``scripts/corpus --bindings``: generate, import, type-check and exercise every model's bindings.

The phases run in order, each timed: write one module per model
(``bindings_write``), run mypy and pyright over all of them
(``bindings_types``), import each and hold its default example to it
(``bindings_examples``); ``bindings_tally`` counts and prints the outcome.
The modules are left in the ignored cache (``.cache/bindings/``) to read.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import cast

from corpus.bindings_examples import import_module, input_problem, output_problem, typed_model
from corpus.bindings_tally import LATEST, OLDER, STEPS, ModelResult, Step, summary, tally
from corpus.bindings_types import CheckerRun, run_checkers
from corpus.bindings_write import Generated, write_modules
from corpus.fetch import CACHE
from corpus.load import JSONObject

DIRECTORY = CACHE / "bindings"


def run(models: Sequence[JSONObject], source: str, directory: Path = DIRECTORY) -> bool:
    """Check every model's bindings and print the report; True if the pass mark is reached."""
    times: dict[str, float] = {}
    started = time.monotonic()
    generated = write_modules(models, directory)
    times["generate"] = time.monotonic() - started
    print(f"generated {sum(g.path is not None for g in generated)}/{len(models)} modules")

    phase = time.monotonic()
    mypy, pyright = run_checkers(directory)
    times["mypy"], times["pyright"] = mypy.seconds, pyright.seconds
    times["type-check (both, side by side)"] = time.monotonic() - phase

    phase = time.monotonic()
    results = [_result(item, mypy, pyright) for item in generated]
    times["import and examples"] = time.monotonic() - phase
    times["total"] = time.monotonic() - started

    counted = tally(results)
    print(summary(counted, results, source, times))
    return counted.ok


def _result(item: Generated, mypy: CheckerRun, pyright: CheckerRun) -> ModelResult:
    """What each step made of one generated (or refused) model."""
    if item.path is None or item.source is None:
        return ModelResult(
            item.name,
            {"generate": item.refusal or "refused"},
            not_reached=frozenset(STEPS[1:]),
        )
    failures: dict[Step, str] = {}
    for step, checker in (("mypy", mypy), ("pyright", pyright)):
        errors = checker.errors.get(item.path.name)
        if errors:
            failures[cast(Step, step)] = "\n".join(errors)
    example = item.model.get("default_example")
    absent = _not_applicable(example)
    try:
        reference = typed_model(import_module(item.path))
    except Exception as error:  # an import that fails is a finding, whatever it raises
        failures["import"] = f"{type(error).__name__}: {error}"
        later = frozenset({"example input", "example output"}) - absent
        return ModelResult(item.name, failures, absent, cast(frozenset[Step], later))
    if isinstance(example, Mapping):
        found = cast(Mapping[str, object], example)
        # Drift or not: an example made with an older version may rightly not fit the latest.
        marker = LATEST if found.get("version") == item.source.version_id else OLDER
        problems: dict[Step, str | None] = {
            "example input": input_problem(item.source, reference, found.get("input")),
        }
        if "example output" not in absent:
            problems["example output"] = output_problem(reference, found.get("output"))
        for step, problem in problems.items():
            if problem is not None:
                failures[step] = f"{problem} {marker}"
        return ModelResult(item.name, failures, absent, example_from_latest=marker == LATEST)
    return ModelResult(item.name, failures, absent)


def _not_applicable(example: object) -> frozenset[Step]:
    """The example steps without anything to check: no example, or one that did not succeed."""
    if not isinstance(example, Mapping):
        return frozenset({"example input", "example output"})
    if cast(Mapping[str, object], example).get("status") != "succeeded":
        return frozenset({"example output"})
    return frozenset()
