"""Fixtures for contract tests: each test pins one operation (see tests/support/contract.py)."""

from __future__ import annotations

import pytest
from pytest_httpx import HTTPXMock

from tests.support.contract import Exchange


@pytest.fixture
def exchange(request: pytest.FixtureRequest, httpx_mock: HTTPXMock) -> Exchange:
    """Pin the operation the test names in ``@pytest.mark.operation(operation_id, *statuses)``."""
    marker = request.node.get_closest_marker("operation")
    assert marker is not None, "a contract test names its operation: @pytest.mark.operation"
    operation_id: str = marker.args[0]
    return Exchange(httpx_mock, operation_id)
