"""The API change report, from two small specs made here."""

from __future__ import annotations

from regenerate import changes

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
