"""regenerate.internals: the generator's internals, used in one place, failing by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from regenerate import __main__ as regenerate
from regenerate import internals
from regenerate.errors import GenerationError


def _warning(header: str) -> internals.GeneratorError:
    return internals.GeneratorError(header=header, level=internals.ErrorLevel.WARNING)


SKIP = "WARNING parsing GET /x within x. Endpoint will not be generated."


def test_errors_always_stop_generation() -> None:
    assert internals.problems([internals.GeneratorError(detail="boom")], skipped=0) == [
        "Unable to generate the client: boom"
    ]


def test_a_warning_about_a_generated_endpoint_stops_generation() -> None:
    assert internals.problems([_warning("WARNING parsing GET /x within x.")], skipped=0)


def test_a_skipped_endpoint_is_not_a_problem_once_per_operation() -> None:
    skip = _warning(SKIP)
    # An operation with two tags is listed in both collections: the same object twice.
    assert internals.problems([skip, skip], skipped=1) == []


def test_more_skip_warnings_than_missing_operations_names_the_coupling() -> None:
    (problem,) = internals.problems([_warning(SKIP), _warning(SKIP)], skipped=1)

    assert "coupling point 5" in problem
    assert "Endpoint will not be generated" in problem


def test_a_moved_internal_is_a_generation_error_naming_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    class NoFromSources:
        pass

    monkeypatch.setattr(internals, "Config", NoFromSources)

    with pytest.raises(internals.CouplingError) as caught:
        internals.load_config(tmp_path / "c.yaml", document_source=tmp_path, output_path=tmp_path)

    assert isinstance(caught.value, GenerationError)
    message = str(caught.value)
    assert "Config.from_sources" in message
    assert "scripts/lib/regenerate/internals.py" in message
    assert "AttributeError" in message


def test_regenerate_reports_a_moved_internal_without_a_traceback(
    repo_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(internals, "GeneratorData", object())

    assert regenerate.main(["--check"], root=repo_copy) == 1
    err = capsys.readouterr().err
    assert err.startswith("regenerate: openapi-python-client ")
    assert "GeneratorData.from_dict" in err
    assert "Traceback" not in err
