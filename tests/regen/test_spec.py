"""Spec loading and validation, including the non-standard QUERY method."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from regenerate.spec import Operation, SpecError, load, operations, validate

from tests.regen import small_specs
from tests.support import spec


def test_openapi_json_is_valid_and_lists_all_operations() -> None:
    validate(spec.spec())

    found = operations(spec.spec())
    # Counted in the text itself, so an operation the parser skipped is missed here.
    assert len(found) == spec.SPEC_PATH.read_text(encoding="utf-8").count('"operationId"')
    assert Operation("models.search", "query", "/models") in found
    assert not Operation("models.search", "query", "/models").standard


def test_duplicate_operation_ids_are_refused() -> None:
    broken = copy.deepcopy(small_specs.before())
    broken["paths"]["/things"]["post"]["operationId"] = "things.list"

    with pytest.raises(SpecError, match=r"'things\.list' for 'post' in '/things' is not unique"):
        validate(broken)


def test_duplicate_operation_ids_under_query_are_refused() -> None:
    # The schema validator never sees QUERY operations, so this check is ours.
    broken = small_specs.with_query_method(small_specs.before())
    broken["paths"]["/things"]["query"]["operationId"] = "things.list"

    with pytest.raises(SpecError, match=r"operationId 'things\.list' is used by both"):
        validate(broken)


def test_schema_errors_are_refused() -> None:
    broken = copy.deepcopy(small_specs.before())
    del broken["paths"]["/things"]["get"]["parameters"][0]["in"]

    with pytest.raises(SpecError, match="invalid OpenAPI document"):
        validate(broken)


def test_only_openapi_3_is_accepted() -> None:
    with pytest.raises(SpecError, match=r"expected an OpenAPI 3\.x document"):
        validate({"swagger": "2.0", "paths": {}})


def test_load_explains_unreadable_input(tmp_path: Path) -> None:
    (tmp_path / "not.json").write_text("openapi: 3.1.0\n")

    with pytest.raises(SpecError, match="is not JSON"):
        load(tmp_path / "not.json")
    with pytest.raises(SpecError, match="cannot read"):
        load(tmp_path / "missing.json")
