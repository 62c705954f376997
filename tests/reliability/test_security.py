"""The token stays secret and at home; TLS is verified; webhooks resist replay and timing."""

# Looks inside the client on purpose: the token must not show in its private parts
# either, and TLS verification is only visible on its private httpx client.

from __future__ import annotations

import asyncio
import base64
import hmac
import json
import logging
import ssl
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from replicate_typed import (
    AsyncReplicate,
    DuplicateWebhookError,
    InMemoryWebhookIds,
    Replicate,
    ReplicateError,
    WebhookVerificationError,
    sign_webhook,
    verify_webhook,
)
from replicate_typed.testing import FakeReplicate, Fault, ServedFake

from tests.support import payloads
from tests.support.outputs import one_file

TOKEN = "r8_SeCrEt_T0ken_do_not_leak_1234567890"


@pytest.fixture(scope="module")
def served() -> Iterator[ServedFake]:
    fake = FakeReplicate()
    fake.add_model("acme/pic", lambda input: b"\x89PNG picture")
    fake.add_model("acme/words", lambda input: ["a", "b"], stream=True)
    with fake.serve() as served:
        yield served


def _every_failure(client: Replicate, fake: FakeReplicate) -> list[ReplicateError]:
    """Provoke each kind of error the client raises, and keep them."""
    caught: list[ReplicateError] = []

    def create_during_an_outage() -> Any:
        fake.inject(Fault.server_error(503), operation="models.predictions.create")
        return client.create("acme/pic", {})  # not retried: a prediction may exist

    attempts: list[Callable[[], Any]] = [
        lambda: client.predictions.get("missing"),  # 404
        lambda: client.run("acme/failing-model", {}),  # ModelError
        lambda: client.run("acme/slow-model", {}, timeout=0.5),  # timeout, cancels
        create_during_an_outage,
        lambda: client.models.get("nobody/nothing"),
    ]
    for attempt in attempts:
        try:
            attempt()
        except ReplicateError as error:
            caught.append(error)
    return caught


def test_the_token_is_in_no_repr_log_error_or_traceback(
    served: ServedFake, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: ours, httpx, httpcore
    with Replicate(TOKEN, base_url=served.url) as client:
        one_file(client.run("acme/pic", {})).read()
        "".join(client.stream("acme/words", {}).iter_text())
        errors = _every_failure(client, served.fake)
        objects: list[object] = [
            client,
            client._runner,
            client._runner.core,
            client._runner.core.settings,
            client._io.http,
            client._io.http.auth,
            client.predictions,
            client.files,
        ]

    assert len(errors) == 5
    for thing in objects:
        assert TOKEN not in repr(thing)
        assert TOKEN not in str(thing)
    for error in errors:
        assert TOKEN not in "".join(traceback.format_exception(error))
        assert TOKEN not in repr(vars(error))
    assert len(caplog.records) > 20
    for record in caplog.records:
        assert TOKEN not in record.getMessage()
        assert TOKEN not in str(record.args)


def test_the_async_client_keeps_it_too(served: ServedFake) -> None:
    async def use() -> str:
        async with AsyncReplicate(TOKEN, base_url=served.url) as client:
            await client.run("replicate/hello-world", {"text": "x"})
            return repr(client) + repr(client._runner.core.settings) + repr(client._io.http.auth)

    assert TOKEN not in asyncio.run(use())


def test_the_cli_never_prints_it(served: ServedFake) -> None:
    env = {"REPLICATE_API_TOKEN": TOKEN, "REPLICATE_BASE_URL": served.url, "PATH": ""}
    commands = [
        ["run", "replicate/hello-world", "-i", "text=x"],
        ["--debug", "run", "acme/failing-model"],
        ["--debug", "predictions", "get", "missing"],
        ["models", "get", "replicate/hello-world", "--json"],
    ]
    for command in commands:
        done = subprocess.run(
            [sys.executable, "-m", "replicate_typed.cli", *command],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert TOKEN not in done.stdout + done.stderr, command


class _Echo(BaseHTTPRequestHandler):
    """A proxy that answers 401 with the request's Authorization in its body and a header."""

    def do_GET(self) -> None:
        echoed = self.headers.get("Authorization", "")
        body = json.dumps({"detail": f"rejected {echoed}", "headers": dict(self.headers)})
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Echo", echoed)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep the test output quiet


@pytest.fixture
def echoing() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.mark.parametrize("debug", [[], ["--debug"]], ids=["plain", "debug"])
def test_the_cli_redacts_a_token_the_server_echoes(echoing: str, debug: list[str]) -> None:
    env = {"REPLICATE_API_TOKEN": TOKEN, "REPLICATE_BASE_URL": echoing, "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-m", "replicate_typed.cli", *debug, "predictions", "get", "p1"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )

    assert done.returncode == 4
    assert "rejected Bearer [redacted]" in done.stderr
    assert TOKEN not in done.stdout + done.stderr


def test_the_token_goes_to_the_api_host_only(served: ServedFake) -> None:
    fake = served.fake
    since = len(fake.requests)
    with Replicate(TOKEN, base_url=served.url) as client:
        one_file(client.run("acme/pic", {})).read()  # output on another origin (localhost)
        "".join(client.stream("acme/words", {}).iter_text())  # so is the stream

    api = [r for r in fake.requests[since:] if r.url.startswith(served.url)]
    elsewhere = [r for r in fake.requests[since:] if not r.url.startswith(served.url)]
    assert api
    assert all(r.authorized for r in api)
    assert {r.operation for r in elsewhere} == {"output.download", "predictions.stream"}
    assert not any(r.authorized for r in elsewhere)


def test_not_even_after_a_redirect_from_the_api_host() -> None:
    seen: list[httpx.Request] = []
    api = "https://api.replicate.com/v1"

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "api.replicate.com":
            return httpx.Response(302, headers={"Location": "https://elsewhere.example/file"})
        return httpx.Response(200, content=b"data")

    output = f"{api}/files/abc/download?owner=o&expiry=1&signature=s"
    transport = httpx.MockTransport(
        lambda r: (
            handler(r)
            if r.url.path.endswith("/download") or r.url.host != "api.replicate.com"
            else httpx.Response(201, json=payloads.prediction(output=output))
        )
    )
    with Replicate(TOKEN, transport=transport) as client:
        assert one_file(client.run(payloads.VERSION_ID, {})).read() == b"data"

    assert seen[0].headers["Authorization"] == f"Bearer {TOKEN}"
    assert seen[1].url.host == "elsewhere.example"
    assert "Authorization" not in seen[1].headers


@pytest.mark.parametrize("client_class", [Replicate, AsyncReplicate])
def test_tls_is_verified_by_default(client_class: type[Replicate] | type[AsyncReplicate]) -> None:
    client = client_class(TOKEN)
    transport = client._io.http._transport
    # httpx's own transport, whose connection pool holds the TLS context.
    assert isinstance(transport, httpx.HTTPTransport | httpx.AsyncHTTPTransport)
    context = transport._pool._ssl_context
    assert context is not None

    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname is True


SECRET = "whsec_" + base64.b64encode(b"security-test-secret-000").decode()


def test_webhook_replays_outside_the_window_are_refused() -> None:
    body = json.dumps(payloads.prediction()).encode()
    sent = int(time.time()) - 600  # captured ten minutes ago, replayed now
    headers = {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(sent),
        "webhook-signature": sign_webhook("msg_1", sent, body, SECRET),
    }

    with pytest.raises(WebhookVerificationError, match="replay"):
        verify_webhook(headers, body, SECRET)
    assert verify_webhook(headers, body, SECRET, tolerance=timedelta(minutes=15)).id


def test_webhook_replays_inside_the_window_are_refused_with_a_seen_store() -> None:
    body = json.dumps(payloads.prediction()).encode()
    sent = int(time.time()) - 60  # captured a minute ago: the timestamp check lets it through
    headers = {
        "webhook-id": "msg_3",
        "webhook-timestamp": str(sent),
        "webhook-signature": sign_webhook("msg_3", sent, body, SECRET),
    }
    seen = InMemoryWebhookIds()

    assert verify_webhook(headers, body, SECRET).id  # without a store: accepted again and again
    assert verify_webhook(headers, body, SECRET).id
    assert verify_webhook(headers, body, SECRET, seen=seen).id
    with pytest.raises(DuplicateWebhookError, match="already accepted"):
        verify_webhook(headers, body, SECRET, seen=seen)


def test_signatures_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr("replicate_typed._webhooks.hmac.compare_digest", spy)
    body = json.dumps(payloads.prediction()).encode()
    now = int(time.time())
    good = sign_webhook("msg_2", now, body, SECRET)
    headers = {"webhook-id": "msg_2", "webhook-timestamp": str(now)}

    verify_webhook(headers | {"webhook-signature": f"v1,{'A' * 44} {good}"}, body, SECRET)

    assert len(compared) == 2  # every candidate, through hmac.compare_digest
    assert all(len(expected) == 32 for expected, _ in compared)
