"""The API change report, from two small specs made here."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from regenerate import changes
from regenerate.spec import load, operations

from tests.regen import small_specs
from tests.support.spec import ROOT


def test_no_changes() -> None:
    assert changes.report(small_specs.before(), small_specs.before()) == "API changes: none"


#: What ``compare(before, after)`` finds, a change a line:
#: BREAKING or additive | kind | where | detail (JSON: application/json).
#: ``Thing`` is shared by three responses: its changes are one line each (``schema Thing``).
EVERY_KIND = """
BREAKING | operation removed    | things.delete (DELETE /things/{thing_id}) |
additive | operation added      | things.archive (POST /things/{thing_id}/archive) |
BREAKING | field retyped        | things.list | query parameter limit: integer -> string
BREAKING | required field added | things.list | query parameter owner
BREAKING | field removed        | things.create | request JSON.color
BREAKING | required field added | things.create | request JSON.owner
additive | response added       | things.get | status 404
BREAKING | field removed        | schema Thing.name |
additive | field added          | schema Thing.tags |
BREAKING | field retyped        | schema Thing.size | integer -> number
BREAKING | enum value removed   | schema Thing.status | 'archived'
additive | enum value added     | schema Thing.status | 'deleted'
"""


def _rows(table: str) -> set[tuple[bool, str, str, str]]:
    rows: set[tuple[bool, str, str, str]] = set()
    for line in table.strip().splitlines():
        cells = line.replace("JSON", "application/json").split("|")
        label, kind, where, detail = (cell.strip() for cell in cells)
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

    assert lines[0] == "API changes: 8 breaking, 4 additive"  # grouped lines, not places
    labels = [line.split()[0] for line in lines[1:]]
    assert labels == ["BREAKING"] * 8 + ["additive"] * 4


# -- a change inside a shared component, once per label ------------------------------------


def test_a_field_removed_from_a_shared_component_is_one_line_naming_its_places() -> None:
    old = small_specs.before()
    new = copy.deepcopy(old)
    del new["components"]["schemas"]["Thing"]["properties"]["name"]

    assert changes.report(old, new).splitlines() == [
        "API changes: 1 breaking, 0 additive",  # one grouped line counts once
        "  BREAKING  field removed            schema Thing.name  "
        "(in 3 places: things.create 201, things.get 200, things.list 200)",
    ]


def test_a_shared_component_change_differing_by_direction_is_one_line_per_label() -> None:
    named: dict[str, Any] = {"type": "object", "properties": {"name": {"type": "string"}}}
    ref = {"$ref": "#/components/schemas/Named"}
    old = small_specs.one_operation(request=ref, response=ref, schemas={"Named": named})
    nullable = copy.deepcopy(named)
    nullable["properties"]["name"]["nullable"] = True
    new = small_specs.one_operation(request=ref, response=ref, schemas={"Named": nullable})

    # Callers may now send null (additive); readers may now get it (BREAKING).
    assert changes.report(old, new).splitlines() == [
        "API changes: 1 breaking, 1 additive",
        "  BREAKING  field now nullable       things.put  response 200 application/json.name",
        "  additive  field now nullable       things.put  request application/json.name",
    ]


def test_a_component_changed_in_one_place_keeps_the_operation_path() -> None:
    old = small_specs.before()
    new = copy.deepcopy(old)
    del new["paths"]["/things"]["get"]  # things.list goes; Thing is reached through it no more
    del new["paths"]["/things/{thing_id}"]["get"]
    del new["components"]["schemas"]["Thing"]["properties"]["name"]

    assert [line for line in _report_lines(old, new) if "field removed" in line] == [
        "  BREAKING  field removed            things.create  response 201 application/json.name"
    ]


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


#: Each bounds case: where (a query parameter or a response field), the schema
#: before and after, and the one report line it must print.
_BOUNDS_CASES: dict[str, tuple[str, dict[str, Any], dict[str, Any], str]] = {
    "request parameter maximum lowered": (
        "parameter",
        {"type": "integer", "maximum": 100},
        {"type": "integer", "maximum": 50},
        "  BREAKING  bounds tightened         things.list"
        "  query parameter limit: maximum 100 -> 50",
    ),
    "request parameter maximum removed": (
        "parameter",
        {"type": "integer", "maximum": 100},
        {"type": "integer"},
        "  additive  bounds loosened          things.list"
        "  query parameter limit: maximum 100 -> none",
    ),
    "request parameter pattern changed": (
        "parameter",
        {"type": "integer", "pattern": "^[0-9]+$"},
        {"type": "integer", "pattern": "^[0-9]{1,3}$"},
        "  BREAKING  bounds tightened         things.list"
        "  query parameter limit: pattern '^[0-9]+$' -> '^[0-9]{1,3}$'",
    ),
    "response field maxLength raised": (
        "response",
        {"type": "string", "maxLength": 10},
        {"type": "string", "maxLength": 20},
        "  additive  bounds loosened          things.put"
        "  response 200 application/json.b: maxLength 10 -> 20",
    ),
    "response field maxLength lowered": (
        "response",
        {"type": "string", "maxLength": 20},
        {"type": "string", "maxLength": 10},
        "  additive  bounds tightened         things.put"
        "  response 200 application/json.b: maxLength 20 -> 10",
    ),
}


def _bounds_spec(where: str, schema: dict[str, Any]) -> small_specs.Spec:
    if where == "parameter":
        spec = small_specs.before()
        _operation(spec, "/things", "get")["parameters"][0]["schema"] = schema
        return spec
    return small_specs.one_operation(response=_body(schema, True))


@pytest.mark.parametrize("case", sorted(_BOUNDS_CASES))
def test_a_changed_limit_is_reported_with_both_values(case: str) -> None:
    where, was, now, line = _BOUNDS_CASES[case]

    lines = _report_lines(_bounds_spec(where, was), _bounds_spec(where, now))

    assert lines[1:] == [line]


def test_a_3_0_exclusive_minimum_reads_as_the_3_1_number() -> None:
    old = small_specs.before()
    limit = {"type": "integer", "minimum": 1, "exclusiveMinimum": True}
    _operation(old, "/things", "get")["parameters"][0]["schema"] = limit
    new = copy.deepcopy(old)
    _operation(new, "/things", "get")["parameters"][0]["schema"] = {
        "type": "integer",
        "exclusiveMinimum": 1,
    }

    assert changes.report(old, new) == "API changes: none"


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


# -- shapes compared by meaning (issue 13 items 1 and 3) ------------------------------------

_DEPLOYMENT_REF = {"$ref": "#/components/schemas/schemas_deployment_response"}


def _found(old: small_specs.Spec, new: small_specs.Spec) -> set[tuple[bool, str, str, str]]:
    return {(c.breaking, c.kind, c.where, c.detail) for c in changes.compare(old, new)}


def _moved(component: dict[str, Any], direction: str) -> tuple[small_specs.Spec, small_specs.Spec]:
    """The deployment schema inline in ``direction``, then the same place referring to it."""
    inline = small_specs.deployment()
    schemas = {"schemas_deployment_response": component}
    if direction == "request":
        old = small_specs.one_operation(request=inline)
        new = small_specs.one_operation(request=_DEPLOYMENT_REF, schemas=schemas)
    else:
        old = small_specs.one_operation(response=inline)
        new = small_specs.one_operation(response=_DEPLOYMENT_REF, schemas=schemas)
    return old, new


_ADDED_COMPONENT = (False, "schema added", "schema schemas_deployment_response", "")


@pytest.mark.parametrize("direction", ["request", "response"])
def test_moving_a_schema_into_a_component_changes_no_field(direction: str) -> None:
    component = small_specs.deployment()
    component["description"] = "A deployment."  # description text is not compared
    component["properties"]["owner"]["description"] = "Who owns it."

    assert _found(*_moved(component, direction)) == {_ADDED_COMPONENT}


def test_the_real_changes_inside_a_moved_schema_are_reported() -> None:
    component = small_specs.deployment()
    created_by = component["properties"]["created_by"]
    created_by["properties"]["avatar_url"] = {"type": "string", "format": "uri"}
    created_by["required"] = ["type", "username"]
    component["properties"]["results"]["items"]["properties"]["is_official"] = {"type": "boolean"}
    component["properties"]["description"]["nullable"] = True

    root = "response 200 application/json"
    assert _found(*_moved(component, "response")) == {
        _ADDED_COMPONENT,
        (False, "field added", "things.put", f"{root}.created_by.avatar_url"),
        (False, "field now required", "things.put", f"{root}.created_by.type"),
        (False, "field now required", "things.put", f"{root}.created_by.username"),
        (False, "field added", "things.put", f"{root}.results[].is_official"),
        (True, "field now nullable", "things.put", f"{root}.description"),
    }


def test_a_referenced_component_compares_by_its_shape_not_its_name() -> None:
    schemas = {"Name": {"type": "string"}}
    inline = {"type": "object", "properties": {"name": {"type": "string"}}}
    named = {"type": "object", "properties": {"name": {"$ref": "#/components/schemas/Name"}}}
    cog = {
        "type": "object",
        "properties": {"name": {"allOf": [{"$ref": "#/components/schemas/Name"}]}},
    }
    specs = [small_specs.one_operation(response=s, schemas=schemas) for s in (inline, named, cog)]

    assert [changes.report(specs[0], other) for other in specs] == ["API changes: none"] * 3


def test_a_renamed_component_is_one_rename_line() -> None:
    thing = small_specs.deployment()
    old = small_specs.one_operation(
        response={"$ref": "#/components/schemas/schemas_deployment_response"},
        schemas={"schemas_deployment_response": thing},
    )
    renamed = copy.deepcopy(thing)
    renamed["description"] = "Renamed, same fields."
    new = small_specs.one_operation(
        response={"$ref": "#/components/schemas/DeploymentV2"}, schemas={"DeploymentV2": renamed}
    )

    assert _report_lines(old, new) == [
        "API changes: 1 breaking, 0 additive",
        "  BREAKING  schema renamed           schema schemas_deployment_response -> DeploymentV2"
        "  class SchemasDeploymentResponse -> DeploymentV2",
    ]


def test_renaming_a_component_without_a_generated_class_is_additive() -> None:
    old = small_specs.one_operation(
        response={"$ref": "#/components/schemas/Name"}, schemas={"Name": {"type": "string"}}
    )
    new = small_specs.one_operation(
        response={"$ref": "#/components/schemas/Label"}, schemas={"Label": {"type": "string"}}
    )

    assert _found(old, new) == {
        (False, "schema renamed", "schema Name -> Label", "no generated class")
    }


def test_a_removed_component_with_another_shape_is_not_a_rename() -> None:
    old = small_specs.one_operation(schemas={"A": {"type": "object", "properties": {"x": {}}}})
    new = small_specs.one_operation(schemas={"B": {"type": "object", "properties": {"y": {}}}})

    assert _found(old, new) == {
        (True, "schema removed", "schema A", ""),
        (False, "schema added", "schema B", ""),
    }


#: Ways to write "a string or null", and the same schema without null.
_NULLABLE_FORMS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "3.0 nullable": ({"type": "string", "nullable": True}, {"type": "string"}),
    "3.1 type list": ({"type": ["string", "null"]}, {"type": "string"}),
    "anyOf null": ({"anyOf": [{"type": "string"}, {"type": "null"}]}, {"type": "string"}),
    "oneOf null": ({"oneOf": [{"type": "null"}, {"type": "string"}]}, {"type": "string"}),
    "null in enum": ({"type": "string", "enum": ["a", None]}, {"type": "string", "enum": ["a"]}),
    "cog allOf": (
        {"allOf": [{"$ref": "#/components/schemas/Name"}], "nullable": True},
        {"allOf": [{"$ref": "#/components/schemas/Name"}]},
    ),
}


def _with_field(direction: str, schema: dict[str, Any]) -> small_specs.Spec:
    body = {"type": "object", "required": ["b"], "properties": {"b": schema}}
    schemas = {"Name": {"type": "string"}}
    if direction == "request":
        return small_specs.one_operation(request=body, schemas=schemas)
    return small_specs.one_operation(response=body, schemas=schemas)


def _root(direction: str) -> str:
    return "request application/json" if direction == "request" else "response 200 application/json"


@pytest.mark.parametrize("form", sorted(_NULLABLE_FORMS))
@pytest.mark.parametrize(
    ("direction", "to_nullable", "breaking", "kind"),
    [
        ("request", True, False, "field now nullable"),
        ("request", False, True, "field no longer nullable"),
        ("response", True, True, "field now nullable"),
        ("response", False, False, "field no longer nullable"),
    ],
)
def test_nullability_is_not_a_retype(
    form: str, direction: str, to_nullable: bool, breaking: bool, kind: str
) -> None:
    nullable, plain = _NULLABLE_FORMS[form]
    was, now = (plain, nullable) if to_nullable else (nullable, plain)

    found = _found(_with_field(direction, was), _with_field(direction, now))

    assert found == {(breaking, kind, "things.put", f"{_root(direction)}.b")}


@pytest.mark.parametrize("first", ["3.0 nullable", "3.1 type list", "anyOf null", "oneOf null"])
@pytest.mark.parametrize("second", ["3.0 nullable", "3.1 type list", "anyOf null", "oneOf null"])
def test_every_way_of_writing_nullable_means_the_same(first: str, second: str) -> None:
    old = _with_field("response", _NULLABLE_FORMS[first][0])
    new = _with_field("response", _NULLABLE_FORMS[second][0])

    assert changes.report(old, new) == "API changes: none"


_S = {"type": "string"}

#: Each rule: the property ``b`` before and after (None: absent), whether ``b`` is
#: required before and after, the kind, and its label in a request and in a response.
_RULE_CASES: dict[str, tuple[Any, Any, tuple[bool, bool], str, bool | None, bool | None]] = {
    "optional field added": (None, _S, (False, False), "field added", False, False),
    "required field added": (None, _S, (False, True), "required field added", True, False),
    "field removed": (_S, None, (False, False), "field removed", True, True),
    "field retyped": ({"type": "integer"}, _S, (False, False), "field retyped", True, True),
    "now required": (_S, _S, (False, True), "field now required", True, False),
    "now optional": (_S, _S, (True, False), "field now optional", False, True),
    "now nullable": (
        _S,
        {"type": ["string", "null"]},
        (True, True),
        "field now nullable",
        False,
        True,
    ),
    "no longer nullable": (
        {"type": ["string", "null"]},
        _S,
        (True, True),
        "field no longer nullable",
        True,
        False,
    ),
    "enum value added": (
        {"type": "string", "enum": ["x"]},
        {"type": "string", "enum": ["x", "y"]},
        (True, True),
        "enum value added",
        False,
        False,  # the forward-compat patch opens this response enum
    ),
    "enum value removed": (
        {"type": "string", "enum": ["x", "y"]},
        {"type": "string", "enum": ["x"]},
        (True, True),
        "enum value removed",
        True,
        True,
    ),
    "enum restricted": (
        _S,
        {"type": "string", "enum": ["x"]},
        (True, True),
        "enum restricted",
        True,
        False,
    ),
    "enum lifted": (
        {"type": "string", "enum": ["x"]},
        _S,
        (True, True),
        "enum lifted",
        False,
        True,
    ),
    "default changed": (
        {"type": "string", "default": "x"},
        {"type": "string", "default": "y"},
        (False, False),
        "default changed",
        False,
        None,  # a response's default is not reported
    ),
}


def _body(schema: Any, required: bool) -> dict[str, Any]:
    properties: dict[str, Any] = {"a": {"type": "string"}}
    if schema is not None:
        properties["b"] = schema
    return {"type": "object", "required": ["b"] if required else [], "properties": properties}


@pytest.mark.parametrize("direction", ["request", "response"])
@pytest.mark.parametrize("rule", sorted(_RULE_CASES))
def test_each_rule_of_the_table(rule: str, direction: str) -> None:
    was, now, (required_before, required_after), kind, in_request, in_response = _RULE_CASES[rule]
    old_body, new_body = _body(was, required_before), _body(now, required_after)
    if direction == "request":
        old = small_specs.one_operation(request=old_body)
        new = small_specs.one_operation(request=new_body)
    else:
        old = small_specs.one_operation(response=old_body)
        new = small_specs.one_operation(response=new_body)
    expected = in_request if direction == "request" else in_response

    found = [
        (c.breaking, c.kind, c.where, c.detail.split(":")[0]) for c in changes.compare(old, new)
    ]

    if expected is None:
        assert found == []
    else:
        assert found == [(expected, kind, "things.put", f"{_root(direction)}.b")]


def test_a_new_value_in_a_response_enum_the_reader_keeps_closed_is_breaking() -> None:
    """The forward-compat patch opens string enum properties, not enums of list items."""
    tags: dict[str, Any] = {"type": "array", "items": {"type": "string", "enum": ["x"]}}
    old = small_specs.one_operation(response=_body(tags, True))
    tags["items"]["enum"] = ["x", "y"]
    new = small_specs.one_operation(response=_body(tags, True))

    assert _found(old, new) == {
        (True, "enum value added", "things.put", "response 200 application/json.b[]: 'y'")
    }


@pytest.mark.parametrize(
    ("old_statuses", "new_statuses", "expected"),
    [
        (["200", "404"], ["200"], (True, "response removed", "things.put", "status 404")),
        (["200"], ["200", "404"], (False, "response added", "things.put", "status 404")),
    ],
)
def test_a_response_status_removed_or_added(
    old_statuses: list[str], new_statuses: list[str], expected: tuple[bool, str, str, str]
) -> None:
    def spec(statuses: list[str]) -> small_specs.Spec:
        built = small_specs.one_operation(response=_body(_S, True))
        responses = _operation(built, "/things", "put")["responses"]
        for status in statuses:
            responses.setdefault(status, {"description": "Not found.", **responses["200"]})
        return built

    assert _found(spec(old_statuses), spec(new_statuses)) == {expected}


def _tree(extra: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
            **(extra or {}),
        },
    }


def test_a_recursive_schema_is_compared_without_looping() -> None:
    tree = {"$ref": "#/components/schemas/Tree"}
    old = small_specs.one_operation(request=tree, response=tree, schemas={"Tree": _tree()})
    new = small_specs.one_operation(
        request=tree, response=tree, schemas={"Tree": _tree({"size": {"type": "integer"}})}
    )

    assert changes.report(old, old) == "API changes: none"
    # One line: the same additive change in the request and the response of one component.
    assert _report_lines(old, new) == [
        "API changes: 0 breaking, 1 additive",
        "  additive  field added              schema Tree.size  "
        "(in 2 places: things.put 200+request)",
    ]


def test_mutually_recursive_schemas_compare_and_rename() -> None:
    schemas: dict[str, Any] = {
        "A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}},
        "B": {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A"}}},
    }
    old = small_specs.one_operation(response={"$ref": "#/components/schemas/A"}, schemas=schemas)
    renamed = copy.deepcopy(schemas)
    renamed["C"] = {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A"}}}
    del renamed["B"]
    renamed["A"]["properties"]["b"] = {"$ref": "#/components/schemas/C"}
    new = small_specs.one_operation(response={"$ref": "#/components/schemas/A"}, schemas=renamed)

    assert changes.report(old, old) == "API changes: none"
    assert _found(old, new) == {(True, "schema renamed", "schema B -> C", "class B -> C")}


def test_a_component_no_operation_uses_is_compared_by_the_stricter_rule() -> None:
    extra: dict[str, Any] = {
        "type": "object",
        "properties": {"x": {"type": "string"}, "y": {"type": "string"}},
    }
    old = small_specs.one_operation(schemas={"Extra": extra})
    changed = copy.deepcopy(extra)
    del changed["properties"]["x"]
    changed["properties"]["y"]["nullable"] = True
    changed["properties"]["z"] = {"type": "string"}
    new = small_specs.one_operation(schemas={"Extra": changed})

    assert _found(old, new) == {
        (True, "field removed", "schema Extra", ".x"),
        (True, "field now nullable", "schema Extra", ".y"),  # breaks a reader
        (False, "field added", "schema Extra", ".z"),
    }


def test_the_committed_spec_against_itself_is_no_change() -> None:
    committed = load(ROOT / "openapi.json")

    assert changes.report(committed, copy.deepcopy(committed)) == "API changes: none"


def test_the_readme_grouped_example_is_what_the_report_prints() -> None:
    committed = load(ROOT / "openapi.json")
    new = copy.deepcopy(committed)
    prediction = new["components"]["schemas"]["schemas_prediction_response"]
    del prediction["properties"]["urls"]["properties"]["stream"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("```text\nAPI changes: 1 breaking", 1)[1].split("```", 1)[0]

    assert changes.report(committed, new) == "API changes: 1 breaking" + example.rstrip("\n")
