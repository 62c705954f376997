"""The 422 a model with a schema answers to an input that does not fit it.

The live API checks a prediction's input against the version's schema and
refuses a bad one with problem JSON: title "Input validation failed", a
``detail`` with one "- field: problem" line each, and ``invalid_fields``
listing them (type, field, description). No 422 of this kind is among the
recorded fixtures (``../shared/realdata``), so the shape is the one the API
documents in its error responses, and the checks are the client's own
(``bindings.check_input``): the fake refuses exactly what the client would.
"""

from __future__ import annotations

from typing import Any

from replicate_typed.bindings._checks import InputError, check_input
from replicate_typed.testing._http import FakeResponse, json_response
from replicate_typed.testing._records import ModelEntry


def refuse_input(model: ModelEntry, body: dict[str, Any]) -> FakeResponse | None:
    """The 422 for an input ``model``'s schema refuses; None if it fits (or there is no schema)."""
    if model.openapi_schema is None:
        return None
    try:
        check_input(model.openapi_schema, body.get("input") or {})
    except InputError as exc:
        fields = [
            {"type": _keyword(problem.rule), "field": problem.field, "description": str(problem)}
            for problem in exc.problems
        ]
        detail = "".join(f"- {problem}\n" for problem in exc.problems)
        payload = {
            "type": "about:blank",
            "title": "Input validation failed",
            "status": 422,
            "detail": detail,
            "invalid_fields": fields,
        }
        return json_response(422, payload, "application/problem+json")
    return None


def _keyword(rule: str) -> str:
    """The schema keyword a problem's rule ends with: "(maximum)" -> "maximum"."""
    return rule.rsplit("(", 1)[-1].rstrip(")") if rule.endswith(")") else "invalid"
