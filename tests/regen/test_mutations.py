"""openapi.json changed as Replicate might: the right report, never a half-written tree."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from regenerate import __main__ as regenerate
from regenerate import changes, tree

from tests.regen.conftest import PACKAGE
from tests.support import spec

Spec = dict[str, Any]


def _remove_cancel(document: Spec) -> None:
    del document["paths"]["/predictions/{prediction_id}/cancel"]


def _retype_total_time(document: Spec) -> None:
    prediction = document["components"]["schemas"]["schemas_prediction_response"]
    prediction["properties"]["metrics"]["properties"]["total_time"]["type"] = "string"


def _add_queued_status(document: Spec) -> None:
    prediction = document["components"]["schemas"]["schemas_prediction_response"]
    prediction["properties"]["status"]["enum"].append("queued")


def _add_query_method(document: Spec) -> None:
    document["paths"]["/predictions"]["query"] = {
        "operationId": "predictions.search",
        "summary": "Search predictions",
        "requestBody": {"content": {"text/plain": {"schema": {"type": "string"}}}},
        "responses": {"200": {"description": "Matches."}},
    }


#: Every response reaching the prediction schema: a change in it is one line naming them.
_PREDICTION_PLACES = (
    "(in 10 places: deployments.predictions.create 201+202, models.examples.list 200, "
    "models.predictions.create 201+202, predictions.cancel 200, predictions.create 201+202, "
    "predictions.get 200, predictions.list 200)"
)

MUTATIONS: list[tuple[str, Callable[[Spec], None], str, bool]] = [
    (
        "operation removed",
        _remove_cancel,
        "BREAKING  operation removed        "
        "predictions.cancel (POST /predictions/{prediction_id}/cancel)",
        True,
    ),
    (
        "field retyped",
        _retype_total_time,
        "BREAKING  field retyped            schema schemas_prediction_response.metrics.total_time"
        "  number -> string  " + _PREDICTION_PLACES,
        True,
    ),
    (
        "enum value added",
        _add_queued_status,
        # additive: the generated readers keep response enums open (forward-compat patch)
        "additive  enum value added         schema schemas_prediction_response.status  'queued'  "
        + _PREDICTION_PLACES,
        True,
    ),
    (
        "new HTTP method",
        _add_query_method,
        "additive  operation added          predictions.search (QUERY /predictions)",
        False,  # nobody implemented it by hand: the run must fail and change nothing
    ),
]


@pytest.mark.parametrize(
    ("mutate", "line", "succeeds"),
    [(m, line, ok) for _, m, line, ok in MUTATIONS],
    ids=[name for name, *_ in MUTATIONS],
)
def test_a_mutated_spec_is_reported_and_adopted_whole_or_not_at_all(
    *,
    repo_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    mutate: Callable[[Spec], None],
    line: str,
    succeeds: bool,
) -> None:
    mutated = copy.deepcopy(spec.spec())
    mutate(mutated)
    incoming = tmp_path / "incoming.json"
    incoming.write_text(json.dumps(mutated))
    before = tree.files(repo_copy / PACKAGE)
    spec_before = (repo_copy / "openapi.json").read_bytes()

    assert line in changes.report(spec.spec(), mutated)
    code = regenerate.main(["--spec", str(incoming)], root=repo_copy)

    assert line in capsys.readouterr().out
    after = tree.files(repo_copy / PACKAGE)
    assert [p.name for p in (repo_copy / "generated").iterdir()] == ["replicate_api"]
    if succeeds:
        assert code == 0
        assert after != before
        assert json.loads((repo_copy / "openapi.json").read_text()) == mutated
        assert regenerate.main(["--check"], root=repo_copy) == 0
    else:
        assert code == 1
        assert after == before
        assert (repo_copy / "openapi.json").read_bytes() == spec_before
