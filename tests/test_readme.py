"""The README's examples run as written (against pytest-httpx, never the network)."""

from __future__ import annotations

from pathlib import Path

import mypy.api
import pytest
from pytest_httpx import HTTPXMock

from tests.readme import examples
from tests.support import payloads

FLUX = f"{payloads.API}/models/black-forest-labs/flux-schnell/predictions"
GET = f"{payloads.API}/predictions/{payloads.PREDICTION_ID}"


@pytest.fixture(autouse=True)
def no_real_sleeping(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []

    async def async_sleep(seconds: float) -> None:
        slept.append(seconds)

    monkeypatch.setattr("time.sleep", slept.append)
    monkeypatch.setattr("asyncio.sleep", async_sleep)
    monkeypatch.setenv("REPLICATE_API_TOKEN", payloads.TOKEN)
    return slept


def _run(name: str) -> None:
    exec(compile(examples()[name], "README.md", "exec"), {"__name__": "readme"})


def test_lowlevel_example(httpx_mock: HTTPXMock, capsys: pytest.CaptureFixture[str]) -> None:
    httpx_mock.add_response(
        method="POST",
        url=f"{payloads.API}/predictions",
        match_headers={"Prefer": "wait=10", "Authorization": f"Bearer {payloads.TOKEN}"},
        status_code=201,
        json=payloads.prediction("succeeded"),
    )

    _run("lowlevel")

    assert capsys.readouterr().out == "hello Alice\n"


def test_run_example(httpx_mock: HTTPXMock, capsys: pytest.CaptureFixture[str]) -> None:
    httpx_mock.add_response(method="POST", url=FLUX, status_code=201, json=payloads.prediction())
    httpx_mock.add_response(
        method="POST", url=FLUX, status_code=201, json=payloads.prediction("starting")
    )
    httpx_mock.add_response(method="GET", url=GET, json=payloads.prediction("processing"))
    httpx_mock.add_response(method="GET", url=GET, json=payloads.prediction("succeeded"))
    httpx_mock.add_response(
        method="POST",
        url=f"{payloads.API}/models/acme/flaky-model/predictions",
        status_code=201,
        json=payloads.prediction("failed"),
    )

    _run("run")

    assert capsys.readouterr().out.splitlines() == [
        "hello Alice",
        "starting",
        "processing",
        "succeeded",
        "failed: CUDA out of memory",
    ]


def test_run_async_example(httpx_mock: HTTPXMock, capsys: pytest.CaptureFixture[str]) -> None:
    httpx_mock.add_response(
        method="POST", url=FLUX, status_code=201, json=payloads.prediction(), is_reusable=True
    )

    _run("run-async")

    assert capsys.readouterr().out == "['hello Alice', 'hello Alice']\n"
    assert len(httpx_mock.get_requests()) == 3


def test_examples_pass_mypy_strict(tmp_path: Path) -> None:
    files = []
    for name, code in examples().items():
        path = tmp_path / f"readme_{name.replace('-', '_')}.py"
        path.write_text(code, encoding="utf-8")
        files.append(str(path))

    stdout, stderr, status = mypy.api.run(["--strict", "--no-error-summary", *files])

    assert status == 0, stdout + stderr
