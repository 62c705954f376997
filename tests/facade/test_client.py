"""Client construction: token, base URL, timeouts, User-Agent, own httpx client or transport.

Also the client's life: closed, or (async) used from a second event loop.
"""

# The pool and timeouts a client builds are only reachable through its private
# httpx client, which these tests inspect on purpose.

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, cast

import httpx
import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import (
    AsyncReplicate,
    ClientClosedError,
    EventLoopError,
    MissingTokenError,
    Replicate,
    __version__,
)
from replicate_typed.testing import FakeReplicate

from tests.support import payloads
from tests.support.payloads import API, PREDICTION_ID, TOKEN

GET = f"{API}/predictions/{PREDICTION_ID}"


@pytest.mark.parametrize("client_class", [Replicate, AsyncReplicate])
def test_a_missing_token_names_the_variable(
    client_class: type[Replicate] | type[AsyncReplicate], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REPLICATE_API_TOKEN", raising=False)

    with pytest.raises(MissingTokenError, match="REPLICATE_API_TOKEN"):
        client_class()


def test_token_and_base_url_come_from_the_environment(
    httpx_mock: HTTPXMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPLICATE_API_TOKEN", "r8_from_env")
    monkeypatch.setenv("REPLICATE_BASE_URL", "http://127.0.0.1:8123/")
    httpx_mock.add_response(
        url=f"http://127.0.0.1:8123/v1/predictions/{PREDICTION_ID}", json=payloads.prediction()
    )

    with Replicate() as client:
        client.predictions.get(PREDICTION_ID)

    request = httpx_mock.get_request()
    assert request is not None
    assert request.headers["Authorization"] == "Bearer r8_from_env"
    assert request.headers["User-Agent"] == f"replicate-typed/{__version__}"


@pytest.mark.parametrize(
    "base_url",
    ["https://api.replicate.com", "https://api.replicate.com/", "https://api.replicate.com/v1/"],
)
def test_base_url_is_accepted_with_or_without_v1(httpx_mock: HTTPXMock, base_url: str) -> None:
    httpx_mock.add_response(url=GET, json=payloads.prediction())

    with Replicate(TOKEN, base_url=base_url) as client:
        client.predictions.get(PREDICTION_ID)


def test_a_bad_base_url_is_refused() -> None:
    with pytest.raises(ValueError, match="base URL must be an http"):
        Replicate(TOKEN, base_url="api.replicate.com")


def test_your_own_http_client_gets_auth_and_base_url_and_stays_open(
    httpx_mock: HTTPXMock,
) -> None:
    httpx_mock.add_response(url=GET, json=payloads.prediction())
    mine = httpx.Client(headers={"X-Team": "vision"})

    with Replicate(TOKEN, http_client=mine) as client:
        client.predictions.get(PREDICTION_ID)

    request = httpx_mock.get_request()
    assert request is not None
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.headers["X-Team"] == "vision"
    assert not mine.is_closed
    mine.close()


def test_a_transport_serves_both_clients() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["Authorization"])
        return httpx.Response(200, json=payloads.prediction())

    with Replicate(TOKEN, transport=httpx.MockTransport(handler)) as client:
        assert client.predictions.get(PREDICTION_ID).id == PREDICTION_ID

    async def use_async() -> None:
        async with AsyncReplicate(TOKEN, transport=httpx.MockTransport(handler)) as client:
            assert (await client.predictions.get(PREDICTION_ID)).id == PREDICTION_ID

    asyncio.run(use_async())
    assert seen == [f"Bearer {TOKEN}"] * 2


def test_http_client_and_transport_together_are_refused() -> None:
    with pytest.raises(ValueError, match="not both"):
        Replicate(TOKEN, http_client=httpx.Client(), transport=httpx.HTTPTransport())


def test_closing_the_client_closes_its_pool() -> None:
    client = Replicate(TOKEN)
    with client:
        pass
    assert client._http.is_closed


def test_explicit_timeouts() -> None:
    with Replicate(TOKEN) as client:
        timeout = client._http.timeout
    assert (timeout.connect, timeout.read, timeout.write, timeout.pool) == (5.0, 30.0, 30.0, 10.0)
    with Replicate(TOKEN, timeout=12) as client:
        assert client._http.timeout.read == 12


def test_a_closed_client_refuses_requests_with_a_typed_error(
    make_client: Callable[..., Replicate], kind: str
) -> None:
    replicate = make_client()
    # The async client is wrapped to block: its aclose() returns once closed.
    (replicate.close if kind == "sync" else cast(Any, replicate).aclose)()

    with pytest.raises(ClientClosedError, match=r"predictions\.get: the client is closed"):
        replicate.predictions.get(PREDICTION_ID)  # and pytest-httpx saw no request


def test_an_async_client_used_on_a_second_event_loop_is_refused_before_any_request(
    httpx_mock: HTTPXMock,
) -> None:
    httpx_mock.add_response(url=GET, json=payloads.prediction("processing"))
    client = AsyncReplicate(TOKEN, base_url=API)

    asyncio.run(client.predictions.get(PREDICTION_ID))
    with pytest.raises(EventLoopError, match="first used on another event loop") as caught:
        asyncio.run(client.predictions.get(PREDICTION_ID))

    assert isinstance(caught.value, RuntimeError)
    assert len(httpx_mock.get_requests()) == 1


def test_a_second_event_loop_makes_no_prediction_on_a_real_connection_pool() -> None:
    fake = FakeReplicate()
    fake.add_model("acme/slow", lambda _: "done", run_time=60)
    with fake.serve() as served, asyncio.Runner() as first_loop:
        client = AsyncReplicate(TOKEN, base_url=served.url)
        first = first_loop.run(client.create("acme/slow", {}))
        with pytest.raises(EventLoopError):
            asyncio.run(client.run("acme/slow", {}, wait=1))
        first_loop.run(client.aclose())

    # Before, the second loop's create went out on the first loop's connection,
    # then failed with a bare RuntimeError, leaving a second prediction running.
    assert [p["id"] for p in fake.predictions()] == [first.id]
