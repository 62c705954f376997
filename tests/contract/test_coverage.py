"""Every operation in openapi.json, and every response it documents, has a contract test."""

from __future__ import annotations

import ast
from pathlib import Path

from regenerate.spec import operations

from tests.support import spec

CONTRACT_DIR = Path(__file__).parent


def _pinned() -> set[tuple[str, int]]:
    """Collect (operationId, status) from every @pytest.mark.operation(...) in this folder."""
    found: set[tuple[str, int]] = set()
    for module in CONTRACT_DIR.glob("test_*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "operation"
                and ast.unparse(node.func.value) == "pytest.mark"
            ):
                operation_id, *statuses = (ast.literal_eval(arg) for arg in node.args)
                found.update((operation_id, status) for status in statuses)
    return found


def test_every_documented_response_of_every_operation_is_pinned() -> None:
    documented = {
        (operation.operation_id, status)
        for operation in operations(spec.spec())
        for status in spec.documented_statuses(operation.operation_id)
    }
    pinned = _pinned()
    assert sorted(documented - pinned) == [], "operations/statuses without a contract test"
    assert sorted(pinned - documented) == [], "contract tests for undocumented operations/statuses"
    assert len({operation_id for operation_id, _ in documented}) == len(operations(spec.spec()))
