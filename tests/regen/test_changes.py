"""The API change report, from two small specs made here."""

from __future__ import annotations

import copy
from typing import Any

from regenerate import changes
from regenerate.spec import operations

from tests.regen import small_specs


def test_no_changes() -> None:
    assert changes.report(small_specs.before(), small_specs.before()) == "API changes: none"


#: What ``compare(before, after)`` finds, a change a line:
#: BREAKING or additive | kind | where | detail.
EVERY_KIND = """
BREAKING | operation removed  | things.delete (DELETE /things/{thing_id})        |
additive | operation added    | things.archive (POST /things/{thing_id}/archive) |
BREAKING | field retyped      | things.list   | query parameter limit: integer -> string
BREAKING | field added        | things.list   | query parameter owner
BREAKING | field removed      | things.create | request application/json.color
BREAKING | field added        | things.create | request application/json.owner
additive | response added     | things.get    | status 404
BREAKING | field removed      | schema Thing  | .name
additive | field added        | schema Thing  | .tags
additive | field added        | schema Thing  | .tags[]
BREAKING | field retyped      | schema Thing  | .size: integer -> number
BREAKING | enum value removed | schema Thing  | .status: 'archived'
additive | enum value added   | schema Thing  | .status: 'deleted'
"""


def _rows(table: str) -> set[tuple[bool, str, str, str]]:
    rows: set[tuple[bool, str, str, str]] = set()
    for line in table.strip().splitlines():
        label, kind, where, detail = (cell.strip() for cell in line.split("|"))
        assert label in ("BREAKING", "additive"), line
        rows.add((label == "BREAKING", kind, where, detail))
    return rows


def test_each_kind_of_change_is_reported_and_classified() -> None:
    found = {
        (change.breaking, change.kind, change.where, change.detail)
        for change in changes.compare(small_specs.before(), small_specs.after())
    }

    assert found == _rows(EVERY_KIND)


def test_a_new_http_method_is_an_added_operation() -> None:
    report = changes.report(
        small_specs.before(), small_specs.with_query_method(small_specs.before())
    )

    assert report.splitlines() == [
        "API changes: 0 breaking, 1 additive",
        "  additive  operation added          things.search (QUERY /things)",
    ]


def test_report_lists_breaking_changes_first() -> None:
    lines = changes.report(small_specs.before(), small_specs.after()).splitlines()

    assert lines[0] == "API changes: 8 breaking, 5 additive"
    labels = [line.split()[0] for line in lines[1:]]
    assert labels == ["BREAKING"] * 8 + ["additive"] * 5


# -- security and request defaults, each on a copy of the small spec -----------------------

_BEARER = {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}}


def _secured(spec: small_specs.Spec) -> small_specs.Spec:
    """The spec with a document-wide token requirement."""
    spec = copy.deepcopy(spec)
    spec["components"] = {**spec.get("components", {}), **_BEARER}
    spec["security"] = [{"bearerAuth": []}]
    return spec


def _operation(spec: small_specs.Spec, path: str, method: str) -> dict[str, Any]:
    operation: dict[str, Any] = spec["paths"][path][method]
    return operation


def _report_lines(old: small_specs.Spec, new: small_specs.Spec) -> list[str]:
    return changes.report(old, new).splitlines()


def test_an_operation_needing_a_token_is_breaking() -> None:
    old = small_specs.before()
    new = copy.deepcopy(old)
    new["components"] = {**new.get("components", {}), **_BEARER}
    _operation(new, "/things", "get")["security"] = [{"bearerAuth": []}]

    assert _report_lines(old, new) == [
        "API changes: 1 breaking, 0 additive",
        "  BREAKING  token now required       things.list  security: none -> token",
    ]


def test_a_document_wide_token_requirement_breaks_every_open_operation() -> None:
    old = small_specs.before()
    new = _secured(old)
    _operation(new, "/things", "get")["security"] = []  # stays open

    found = {(c.breaking, c.kind, c.where) for c in changes.compare(old, new)}

    assert found == {
        (True, "token now required", operation.operation_id)
        for operation in operations(new)
        if operation.operation_id != "things.list"
    }
    assert found  # the small spec has more than one operation


def test_an_operation_no_longer_needing_a_token_is_not_breaking() -> None:
    old = _secured(small_specs.before())
    new = copy.deepcopy(old)
    _operation(new, "/things", "get")["security"] = []

    assert _report_lines(old, new) == [
        "API changes: 0 breaking, 1 additive",
        "  additive  token no longer required things.list  security: token -> none",
    ]


def test_optional_security_counts_as_no_token() -> None:
    old = _secured(small_specs.before())
    new = copy.deepcopy(old)
    _operation(new, "/things", "get")["security"] = [{}, {"bearerAuth": []}]

    assert [(c.breaking, c.kind, c.where) for c in changes.compare(old, new)] == [
        (False, "token no longer required", "things.list")
    ]


def test_moving_the_same_requirement_to_the_operation_is_no_change() -> None:
    old = _secured(small_specs.before())
    new = copy.deepcopy(old)
    del new["security"]
    for operation in operations(new):
        _operation(new, operation.path, operation.method)["security"] = [{"bearerAuth": []}]

    assert changes.report(old, new) == "API changes: none"


def test_a_changed_parameter_default_is_reported_with_both_values() -> None:
    old = small_specs.before()
    _operation(old, "/things", "get")["parameters"][0]["schema"]["default"] = 20
    new = copy.deepcopy(old)
    _operation(new, "/things", "get")["parameters"][0]["schema"]["default"] = 50

    assert _report_lines(old, new) == [
        "API changes: 0 breaking, 1 additive",
        "  additive  default changed          things.list  query parameter limit: 20 -> 50",
    ]


def _body_property(spec: small_specs.Spec, name: str) -> dict[str, Any]:
    body = _operation(spec, "/things", "post")["requestBody"]
    prop: dict[str, Any] = body["content"]["application/json"]["schema"]["properties"][name]
    return prop


def test_an_added_body_default_is_reported() -> None:
    old = small_specs.before()
    new = copy.deepcopy(old)
    _body_property(new, "color")["default"] = "red"

    assert _report_lines(old, new) == [
        "API changes: 0 breaking, 1 additive",
        "  additive  default changed          things.create"
        '  request application/json.color: none -> "red"',
    ]


def test_a_removed_body_default_is_reported() -> None:
    old = small_specs.before()
    _body_property(old, "color")["default"] = "green"
    new = copy.deepcopy(old)
    del _body_property(new, "color")["default"]

    assert _report_lines(old, new) == [
        "API changes: 0 breaking, 1 additive",
        "  additive  default changed          things.create"
        '  request application/json.color: "green" -> none',
    ]


def test_a_null_default_differs_from_no_default() -> None:
    old = small_specs.before()
    new = copy.deepcopy(old)
    _body_property(new, "color")["default"] = None

    assert [c.detail for c in changes.compare(old, new)] == [
        "request application/json.color: none -> null"
    ]
