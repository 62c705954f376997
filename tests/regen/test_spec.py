"""Spec loading and validation, including the non-standard QUERY method."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from regenerate import __main__ as regenerate
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
    (tmp_path / "neither.yaml").write_text("openapi: 3.1.0\ninfo: title: Things\n")
    (tmp_path / "scalar.yaml").write_text("just some words\n")

    with pytest.raises(SpecError) as neither:
        load(tmp_path / "neither.yaml")
    assert str(neither.value) == (
        f"{tmp_path / 'neither.yaml'} is neither JSON (Expecting value: line 1 column 1 "
        "(char 0)) nor YAML (mapping values are not allowed here at line 2, column 12)"
    )
    with pytest.raises(SpecError, match="is not an OpenAPI document"):
        load(tmp_path / "scalar.yaml")
    with pytest.raises(SpecError, match="cannot read"):
        load(tmp_path / "missing.json")


SCHEMA = "schemas_prediction_response"


def _break_type(document: dict[str, Any]) -> None:
    document["components"]["schemas"][SCHEMA]["type"] = "bogus"


def _dangling_ref(document: dict[str, Any]) -> None:
    document["components"]["schemas"][SCHEMA]["properties"]["id"] = {
        "$ref": "#/components/schemas/missing"
    }


def _parameter_without_schema(document: dict[str, Any]) -> None:
    # Neither schema nor content: the validator's message quotes the whole parameter.
    long = "A parameter described at length. " * 60
    document["paths"]["/predictions"]["post"]["parameters"] = [
        {"name": "x", "in": "query", "description": long}
    ]


@pytest.mark.parametrize(
    ("breaks", "where", "what"),
    [
        (
            _break_type,
            f"at $.components.schemas.{SCHEMA}.type:",
            "'bogus' is not valid under any of the given schemas ('bogus' is not one of",
        ),
        (
            _dangling_ref,
            f"at $.components.schemas.{SCHEMA}.properties.id:",
            "$ref '#/components/schemas/missing' points to nothing",
        ),
        (
            _parameter_without_schema,
            "at $.paths['/predictions'].post.parameters[0]:",
            "the object {name, in, description} is not valid under any of the given schemas",
        ),
    ],
    ids=["bad-type", "dangling-ref", "large-object"],
)
def test_an_invalid_spec_says_where_and_what_in_one_short_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    breaks: Callable[[dict[str, Any]], None],
    where: str,
    what: str,
) -> None:
    document = json.loads(spec.SPEC_PATH.read_text(encoding="utf-8"))
    breaks(document)
    incoming = tmp_path / "incoming.json"
    incoming.write_text(json.dumps(document), encoding="utf-8")
    shutil.copy2(spec.SPEC_PATH, tmp_path / "openapi.json")

    assert regenerate.main(["--spec", str(incoming)], root=tmp_path) == 1

    err = capsys.readouterr().err
    assert err.count("\n") <= 2
    assert len(err) < 300
    assert err.startswith(f"regenerate: invalid OpenAPI document: {where} ")
    assert what in err


def test_load_reads_yaml_as_json_would(tmp_path: Path) -> None:
    # Unquoted status codes are integers to YAML and dates are timestamps; JSON has neither.
    (tmp_path / "spec.yaml").write_text(
        "openapi: 3.1.0\n"
        "info: {title: Things, version: 2024-08-01}\n"
        "paths:\n"
        "  /things:\n"
        "    get:\n"
        "      operationId: things.list\n"
        "      responses:\n"
        "        200: {description: the things}\n"
    )

    document = load(tmp_path / "spec.yaml")

    assert document == {
        "openapi": "3.1.0",
        "info": {"title": "Things", "version": "2024-08-01"},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "things.list",
                    "responses": {"200": {"description": "the things"}},
                }
            }
        },
    }
    validate(document)
