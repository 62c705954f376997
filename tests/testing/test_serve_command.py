"""``python -m replicate_typed.testing``: plain help, and ``--models`` for one's own models."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from replicate_typed.testing.__main__ import main

MODELS = """
def add_models(fake):
    fake.add_model("me/shout", lambda input: input["text"].upper())

def broken(fake):
    raise RuntimeError("no GPU today")
"""


@pytest.fixture
def models_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A module ``mymodels`` that adds a model (and one function that fails), importable."""
    (tmp_path / "mymodels.py").write_text(MODELS)
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    monkeypatch.delitem(sys.modules, "mymodels", raising=False)  # another test's copy
    return tmp_path


def test_help_is_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])

    assert done.value.code == 0
    text = capsys.readouterr().out
    assert "``" not in text
    assert "REPLICATE_BASE_URL" in text
    assert "--models MODULE:FUNCTION" in text


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("mymodels", "'mymodels' is not module:function"),
        ("no_such_module_here:f", "'no_such_module_here:f': cannot import 'no_such_module_here'"),
        ("mymodels:missing", "module 'mymodels' has no function 'missing'"),
        ("mymodels:broken", "'mymodels:broken' failed: RuntimeError: no GPU today"),
    ],
)
def test_models_that_cannot_be_added_are_a_usage_error_naming_the_value(
    models_module: Path, capsys: pytest.CaptureFixture[str], value: str, said: str
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--port", "0", "--models", value])

    assert done.value.code == 2
    [*_, line] = capsys.readouterr().err.splitlines()
    assert line.startswith("python -m replicate_typed.testing: error: --models ")
    assert said in line


def test_models_adds_ones_own_models_to_the_served_emulator(models_module: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "replicate_typed.testing", "--models", "mymodels:add_models"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=models_module,
    ) as server:
        try:
            assert server.stdout is not None
            url = server.stdout.readline().strip()
            with httpx.Client(base_url=url, headers={"Authorization": "Bearer t"}) as http:
                model = http.get("/models/me/shout", timeout=10).json()
        finally:
            server.terminate()
        assert server.wait(timeout=10) == 0
    assert (model["owner"], model["name"]) == ("me", "shout")
