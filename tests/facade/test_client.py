"""Client construction: token, base URL, timeouts, headers, own httpx client or transport.

Also the client's life: closed, or (async) used from a second event loop.
"""

# The pool and timeouts a client builds are only reachable through its private
# httpx client, which these tests inspect on purpose.

from __future__ import annotations

import asyncio
import re
import traceback
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

from tests.facade.conftest import Kind
from tests.support import payloads
from tests.support.outputs import files
from tests.support.payloads import API, PREDICTION_ID, TOKEN

GET = f"{API}/predictions/{PREDICTION_ID}"
USER_AGENT = f"replicate-typed/{__version__}"
ALLOW = "REPLICATE_ALLOW_INSECURE_HTTP"
CLIENTS = [Replicate, AsyncReplicate]


@pytest.mark.parametrize("client_class", [Replicate, AsyncReplicate])
def test_a_missing_token_names_the_variable(
    client_class: type[Replicate] | type[AsyncReplicate], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REPLICATE_API_TOKEN", raising=False)

    with pytest.raises(MissingTokenError, match="REPLICATE_API_TOKEN"):
        client_class()


@pytest.mark.parametrize("client_class", CLIENTS)
def test_a_token_that_is_not_text_is_refused(
    client_class: type[Replicate] | type[AsyncReplicate],
) -> None:
    with pytest.raises(TypeError, match="api_token must be a str, got bytes"):
        client_class(TOKEN.encode())  # type: ignore[arg-type]


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
    assert client._io.http.is_closed


def test_explicit_timeouts() -> None:
    with Replicate(TOKEN) as client:
        timeout = client._io.http.timeout
    assert (timeout.connect, timeout.read, timeout.write, timeout.pool) == (5.0, 30.0, 30.0, 10.0)
    with Replicate(TOKEN, timeout=12) as client:
        assert client._io.http.timeout.read == 12


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


INSECURE = [
    "http://203.0.113.7:8080",
    "HTTP://api.replicate.com/v1",
    "http://[2001:db8::1]:8080/v1",
    "http://0.0.0.0:8080",
    "http://localhost.example.com",
]


@pytest.mark.parametrize("client_class", CLIENTS)
@pytest.mark.parametrize("base_url", INSECURE)
def test_a_plain_http_base_url_off_this_machine_is_refused(
    client_class: type[Replicate] | type[AsyncReplicate],
    base_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(ALLOW, raising=False)

    with pytest.raises(ValueError, match=r"refusing plain http for .*allow_insecure_http=True"):
        client_class(TOKEN, base_url=base_url)
    monkeypatch.setenv("REPLICATE_BASE_URL", base_url)
    with pytest.raises(ValueError, match="refusing plain http"):
        client_class(TOKEN)

    assert client_class(TOKEN, base_url=base_url, allow_insecure_http=True)
    monkeypatch.setenv(ALLOW, "1")
    assert client_class(TOKEN)


@pytest.mark.parametrize("value", ["yes please", "2"])
def test_an_unreadable_opt_in_is_refused_by_name(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ALLOW, value)

    with pytest.raises(ValueError, match=rf"{ALLOW} must be 1 or 0 .*got {value!r}"):
        Replicate(TOKEN, base_url="http://203.0.113.7")


@pytest.mark.parametrize(
    "base_url",
    [
        "http://127.0.0.1:8123",
        "http://127.8.9.10:8123",
        "http://localhost:8123",
        "http://[::1]:8123",
    ],
)
def test_plain_http_to_loopback_needs_no_opt_in(
    make_client: Callable[..., Replicate],
    httpx_mock: HTTPXMock,
    monkeypatch: pytest.MonkeyPatch,
    base_url: str,
) -> None:
    monkeypatch.delenv(ALLOW, raising=False)
    httpx_mock.add_response(
        url=f"{base_url}/v1/predictions/{PREDICTION_ID}", json=payloads.prediction()
    )

    make_client(base_url=base_url).predictions.get(PREDICTION_ID)

    request = httpx_mock.get_request()
    assert request is not None
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"


def _own_http_client(kind: Kind, **options: Any) -> httpx.Client:
    """An httpx client of the kind the test's client needs (typed as sync for the test body)."""
    if kind == "sync":
        return httpx.Client(**options)
    return httpx.AsyncClient(**options)  # type: ignore[return-value]


def test_your_own_http_clients_plain_http_base_url_is_held_to_the_same_rule(
    make_client: Callable[..., Replicate], kind: Kind, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ALLOW, raising=False)
    mine = _own_http_client(kind, base_url="http://203.0.113.7:8080/v1")

    with pytest.raises(
        ValueError, match=re.escape("refusing plain http for 'http://203.0.113.7:8080/v1/'")
    ):
        make_client(http_client=mine)
    assert make_client(http_client=mine, allow_insecure_http=True)


def test_your_own_user_agent_is_kept_with_ours_after_it(
    make_client: Callable[..., Replicate], kind: Kind, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(url=GET, json=payloads.prediction(), is_reusable=True)
    mine = _own_http_client(kind, headers={"User-Agent": "acme-app/2.1"})

    make_client(http_client=mine).predictions.get(PREDICTION_ID)
    make_client(http_client=mine).predictions.get(PREDICTION_ID)  # adopted again: no repeat

    agents = [request.headers["User-Agent"] for request in httpx_mock.get_requests()]
    assert agents == [f"acme-app/2.1 {USER_AGENT}"] * 2


def test_headers_go_with_every_api_request_and_nowhere_else(
    make_client: Callable[..., Replicate], httpx_mock: HTTPXMock
) -> None:
    output = "https://replicate.delivery/pbxt/out.png"
    moved = f"{API}/files/abc/download?owner=o&expiry=1&signature=s"
    create = f"{API}/models/acme/flux/predictions"
    body = payloads.prediction(output=[output, moved])
    httpx_mock.add_response(method="POST", url=create, status_code=201, json=body)
    httpx_mock.add_response(url=output, content=b"png")
    httpx_mock.add_response(url=moved, status_code=302, headers={"Location": output})
    httpx_mock.add_response(url=output, content=b"png")
    replicate = make_client(
        headers={"X-Proxy-Key": "k-123", "User-Agent": "acme-app/2.1", "Prefer": "mine"}
    )

    outputs = files(replicate.run("acme/flux", {}))
    assert [item.read() for item in outputs] == [b"png", b"png"]

    api, file, redirecting, redirected = httpx_mock.get_requests()
    assert api.headers["X-Proxy-Key"] == redirecting.headers["X-Proxy-Key"] == "k-123"
    assert api.headers["Prefer"] == "wait"  # what the client sets for a request wins
    assert "X-Proxy-Key" not in file.headers
    assert "X-Proxy-Key" not in redirected.headers
    assert redirected.url.host == "replicate.delivery"
    assert "Authorization" not in redirected.headers
    assert {r.headers["User-Agent"] for r in (api, file, redirected)} == {
        f"acme-app/2.1 {USER_AGENT}"
    }


def test_headers_reach_your_own_http_client_requests_too(
    make_client: Callable[..., Replicate], kind: Kind, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(url=GET, json=payloads.prediction())
    mine = _own_http_client(kind)

    make_client(http_client=mine, headers={"X-Team": "vision"})
    # A second client adopting it replaces the first one's headers, as it does the token.
    make_client(http_client=mine, headers={"X-Team": "audio"}).predictions.get(PREDICTION_ID)

    request = httpx_mock.get_request()
    assert request is not None
    assert request.headers["X-Team"] == "audio"
    assert request.headers["User-Agent"] == USER_AGENT  # httpx's default is replaced
    assert len(mine.event_hooks["request"]) == 1


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        (
            {"Authorization": "Bearer other"},
            "must not set Authorization: pass the token as api_token=",
        ),
        ({"content-length": "3"}, "must not set content-length"),
        ({"X Team": "a"}, "invalid header name 'X Team'"),
        ({"X-Team": 7}, "headers['X-Team'] must be a str, got a int"),
        ({"X-Team": "a\r\nX-Evil: 1"}, "headers['X-Team'] must be ASCII text without line breaks"),
        ({"X-Team": "café"}, "headers['X-Team'] must be ASCII text"),
        ([("X-Team", "a")], "headers must be a mapping of header names to values, got a list"),
    ],
)
@pytest.mark.parametrize("client_class", CLIENTS)
def test_bad_headers_are_refused_by_name_without_their_values(
    client_class: type[Replicate] | type[AsyncReplicate], headers: Any, message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)) as caught:
        client_class(TOKEN, headers=headers)
    assert "Bearer other" not in str(caught.value)


@pytest.mark.parametrize("client_class", CLIENTS)
def test_headers_stay_out_of_reprs(client_class: type[Replicate] | type[AsyncReplicate]) -> None:
    client = client_class(TOKEN, headers={"X-Proxy-Key": "k-secret-123"})

    assert "k-secret-123" not in repr(client) + repr(client._runner.core.settings)


@pytest.mark.parametrize(
    ("client_class", "http_class"),
    [(Replicate, httpx.Client), (AsyncReplicate, httpx.AsyncClient)],
)
@pytest.mark.parametrize("failure", ["http_client and transport", "bad base URL"])
def test_a_half_built_client_has_a_repr_and_its_locals_hold_no_token(
    client_class: type[Replicate] | type[AsyncReplicate],
    http_class: type[httpx.Client] | type[httpx.AsyncClient],
    failure: str,
) -> None:
    options: dict[str, Any] = (
        {
            "http_client": http_class(),
            "transport": httpx.MockTransport(lambda r: httpx.Response(200)),
        }
        if failure == "http_client and transport"
        else {"base_url": "ftp://api.replicate.com"}
    )
    with pytest.raises(ValueError, match=r"not both|base URL must be") as caught:
        client_class(TOKEN, **options)

    # What pytest --showlocals, logging with stack_info and error trackers do.
    shown = traceback.TracebackException.from_exception(caught.value, capture_locals=True)
    text = "".join(shown.format())
    assert f"self = <{client_class.__name__} (not initialized)>" in text
    assert TOKEN not in text
