"""The token never shows up anywhere, and never goes to another host."""

# Looks inside the client on purpose: the token must not show in its private parts either.

from __future__ import annotations

import copy
import logging
import pickle
import traceback

import httpx
import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import (
    APIConnectionError,
    APIError,
    AsyncReplicate,
    AuthenticationError,
    InvalidResponseError,
    Replicate,
)

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


ECHOED = f"Bearer {TOKEN}"
#: Bodies a proxy or a broken server sends back with the request's Authorization in them.
ECHOES = [
    (401, {"json": {"title": ECHOED, "detail": f"token {ECHOED} is revoked"}}),
    (403, {"text": f"<html><p>{'x' * 180} Authorization: {ECHOED}</p></html>"}),  # quoted, cut
    (404, {"json": {"detail": "no such prediction", "echo": {"authorization": ECHOED}}}),
    (200, {"text": f"<html>upstream said: Authorization: {ECHOED}</html>"}),  # not JSON
    (200, {"json": {"id": 42, "echo": ECHOED}}),  # JSON of the wrong shape
]


@pytest.mark.parametrize(
    ("status", "body"), ECHOES, ids=["401", "403", "404", "200-html", "200-json"]
)
def test_a_token_the_server_echoes_is_redacted_from_every_error_text(
    replicate: Replicate, httpx_mock: HTTPXMock, status: int, body: dict[str, object]
) -> None:
    httpx_mock.add_response(
        url=GET,
        status_code=status,
        headers={"X-Echo": ECHOED, "WWW-Authenticate": f'Bearer realm="{TOKEN}"'},
        is_reusable=True,
        **body,  # type: ignore[arg-type]
    )

    with pytest.raises(APIError) as caught:
        replicate.predictions.get(PREDICTION_ID)

    error = caught.value
    texts = [
        str(error),
        error.body,
        error.title or "",
        error.detail or "",
        repr(error.headers),
        repr(vars(error)),
        "".join(traceback.format_exception(error)),
    ]
    assert not [text for text in texts if TOKEN in text or TOKEN[:12] in text]
    assert "[redacted]" in error.body
    assert error.headers["x-echo"] == "Bearer [redacted]"
    if status == 200:
        assert isinstance(error, InvalidResponseError)


@pytest.mark.parametrize("client_class", [Replicate, AsyncReplicate])
def test_the_settings_neither_pickle_nor_copy_the_token_into_view(
    client_class: type[Replicate] | type[AsyncReplicate],
) -> None:
    settings = client_class(TOKEN)._runner.core.settings

    with pytest.raises(TypeError, match="cannot be pickled") as caught:
        pickle.dumps(settings)
    assert TOKEN not in str(caught.value)
    copied = copy.deepcopy(settings)
    assert copied.token.reveal() == TOKEN
    assert TOKEN not in repr(copied) + repr(copy.copy(settings.token))
