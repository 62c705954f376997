"""DEBUG logs: method, path, status, elapsed time and attempt of each request."""

from __future__ import annotations

import logging

import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import Replicate

from tests.support import payloads
from tests.support.payloads import API, PREDICTION_ID

GET = f"{API}/predictions/{PREDICTION_ID}"


def test_each_attempt_is_logged(
    replicate: Replicate, httpx_mock: HTTPXMock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="replicate_typed")
    httpx_mock.add_response(url=GET, status_code=503)
    httpx_mock.add_response(url=GET, json=payloads.prediction())

    replicate.predictions.get(PREDICTION_ID)

    lines = [r.getMessage() for r in caplog.records if r.name == "replicate_typed"]
    assert lines == [
        f"GET /predictions/{PREDICTION_ID} -> 503 in 0.0 ms (attempt 1)",
        f"GET /predictions/{PREDICTION_ID} -> 200 in 0.0 ms (attempt 2)",
    ]
