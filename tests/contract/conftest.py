"""Fixtures for contract tests: each test pins one operation (see tests/support/contract.py)."""

from __future__ import annotations

import pytest
from pytest_httpx import HTTPXMock

from tests.support.contract import Contract, Exchange


@pytest.fixture
def contract(httpx_mock: HTTPXMock) -> Contract:
    """Start pinning the operation with this operationId."""

    def start(operation_id: str) -> Exchange:
        return Exchange(httpx_mock, operation_id)

    return start
