"""The README's examples run as written (against pytest-httpx, never the network)."""

from __future__ import annotations

from pathlib import Path

import mypy.api
import pytest
from pytest_httpx import HTTPXMock

from tests.readme import examples
from tests.support import payloads


def test_lowlevel_example(
    httpx_mock: HTTPXMock, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REPLICATE_API_TOKEN", payloads.TOKEN)
    httpx_mock.add_response(
        method="POST",
        url=f"{payloads.API}/predictions",
        match_headers={"Prefer": "wait=10", "Authorization": f"Bearer {payloads.TOKEN}"},
        status_code=201,
        json=payloads.prediction("succeeded"),
    )

    exec(compile(examples()["lowlevel"], "README.md", "exec"), {})

    assert capsys.readouterr().out == "hello Alice\n"


def test_examples_pass_mypy_strict(tmp_path: Path) -> None:
    files = []
    for name, code in examples().items():
        path = tmp_path / f"readme_{name.replace('-', '_')}.py"
        path.write_text(code, encoding="utf-8")
        files.append(str(path))

    stdout, stderr, status = mypy.api.run(["--strict", "--no-error-summary", *files])

    assert status == 0, stdout + stderr
