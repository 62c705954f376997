"""FakeReplicate on a real loopback socket: other processes, real wire faults."""

from __future__ import annotations

import subprocess
import sys

import httpx
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
