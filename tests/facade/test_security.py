"""The token never shows up anywhere, and never goes to another host."""

# Looks inside the client on purpose: the token must not show in its private parts either.

from __future__ import annotations

import logging
import traceback

import httpx
import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import APIConnectionError, AuthenticationError, Replicate

from tests.support import payloads
from tests.support.payloads import API, PREDICTION_ID, TOKEN

GET = f"{API}/predictions/{PREDICTION_ID}"


def test_token_is_absent_from_reprs(replicate: Replicate) -> None:
    assert TOKEN not in repr(replicate)
    assert TOKEN not in str(vars(replicate))
    assert TOKEN not in repr(replicate._runner.core.settings)


def test_token_is_absent_from_errors_logs_and_tracebacks(
    replicate: Replicate, httpx_mock: HTTPXMock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger, httpx and httpcore included
    httpx_mock.add_response(url=GET, status_code=401, json={"detail": "Invalid token."})
    httpx_mock.add_exception(
        httpx.ConnectError("refused"), url=f"{API}/predictions/x", is_reusable=True
    )

    with pytest.raises(AuthenticationError) as unauthorized:
        replicate.predictions.get(PREDICTION_ID)
    with pytest.raises(APIConnectionError) as unreachable:
        replicate.predictions.get("x")

    for caught in (unauthorized, unreachable):
        text = "".join(traceback.format_exception(caught.value))
        assert TOKEN not in text
        assert TOKEN not in repr(vars(caught.value))
    assert caplog.records
    assert all(TOKEN not in record.getMessage() for record in caplog.records)


def test_token_is_not_sent_to_another_host_after_a_redirect(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(
        url=GET, status_code=302, headers={"Location": "https://evil.example/x"}
    )
    httpx_mock.add_response(url="https://evil.example/x", json=payloads.prediction())

    following = httpx.Client(follow_redirects=True)
    with Replicate(TOKEN, base_url=API, http_client=following) as client:
        client.predictions.get(PREDICTION_ID)
    following.close()

    first, second = httpx_mock.get_requests()
    assert first.headers["Authorization"] == f"Bearer {TOKEN}"
    assert second.url.host == "evil.example"
    assert "Authorization" not in second.headers


def test_token_auth_only_signs_the_api_origin() -> None:
    from replicate_typed._config import Secret, TokenAuth

    auth = TokenAuth(Secret(TOKEN), API)
    signed = [
        "Authorization" in next(auth.auth_flow(httpx.Request("GET", url))).headers
        for url in (
            f"{API}/predictions",
            "https://replicate.delivery/pbxt/out.png",
            "http://api.replicate.com/v1/predictions",  # same host, other scheme
            "https://api.replicate.com:8443/v1/predictions",  # same host, other port
            "https://api.replicate.com.evil.example/v1",
        )
    ]
    assert signed == [True, False, False, False, False]
