"""FakeReplicate on a real loopback socket: other processes, real wire faults."""

from __future__ import annotations

import socket
import subprocess
import sys

import httpx
import pytest
from replicate_typed import Replicate
from replicate_typed.testing import FakeReplicate, Fault


def test_served_fake_runs_predictions_and_serves_files() -> None:
    fake = FakeReplicate()
    fake.add_model("acme/instant", lambda input: input["text"].upper())
    with fake.serve() as served, Replicate("r8_served_token", base_url=served.url) as replicate:
        assert served.url.startswith("http://127.0.0.1:")
        assert replicate.run("acme/instant", {"text": "hi"}) == "HI"
        fake.inject(Fault.drop(), operation="account.get")
        assert replicate.account.get().username == "fake-account"  # retried after the reset

    assert len(fake.requests.to("account.get")) == 2


def test_a_cut_body_breaks_the_real_connection() -> None:
    fake = FakeReplicate()
    with fake.serve() as served:
        fake.inject(Fault.cut_body(), operation="hardware.list")
        with httpx.Client() as http:
            try:
                http.get(f"{served.url}/hardware", headers={"Authorization": "Bearer t"})
            except httpx.RemoteProtocolError:
                pass
            else:
                raise AssertionError("the cut body was delivered whole")


@pytest.mark.parametrize(
    ("framing", "sent"),
    [
        ("Content-Length: 40", b'{"input": {"te'),
        ("Transfer-Encoding: chunked", b'28\r\n{"input": {"te'),
    ],
)
def test_a_request_whose_body_never_fully_arrives_is_not_acted_on(
    framing: str, sent: bytes
) -> None:
    # A client killed while sending a create: the real API makes nothing of half a request.
    fake = FakeReplicate()
    fake.add_model("acme/instant", lambda input: input["text"].upper())
    with fake.serve() as served:
        port = httpx.URL(served.url).port
        assert port is not None
        with socket.create_connection(("127.0.0.1", port)) as connection:
            head = (
                "POST /v1/models/acme/instant/predictions HTTP/1.1\r\n"
                f"Host: 127.0.0.1:{port}\r\nAuthorization: Bearer t\r\n"
                f"Content-Type: application/json\r\n{framing}\r\n\r\n"
            )
            connection.sendall(head.encode() + sent)
            connection.shutdown(socket.SHUT_WR)
            assert connection.recv(1024) == b""  # dropped, no answer

    assert fake.predictions() == []


def test_python_m_serves_and_prints_its_url() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "replicate_typed.testing", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    ) as server:
        try:
            assert server.stdout is not None
            url = server.stdout.readline().strip()
            headers = {"Authorization": "Bearer t"}
            response = httpx.get(f"{url}/account", headers=headers, timeout=10)
            assert response.json()["username"] == "fake-account"
        finally:
            server.terminate()
        assert server.wait(timeout=10) == 0
