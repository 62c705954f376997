"""scripts/lib/uv.sh: one uv pin, found where it is, installed only where it is not.

The helper is run by bash against stand-in venvs: their ``uv`` only prints a
version and their ``python`` only records how it was called, so nothing is
installed and nothing touches the network.
"""

from __future__ import annotations

import os
import subprocess
import tomllib
from pathlib import Path

from tests.support.spec import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
PINNED = PYPROJECT["tool"]["uv"]["required-version"].removeprefix("==")


def _helper(command: str, *, python: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run COMMAND in bash at the repository root, with scripts/lib/uv.sh sourced."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHON"}
    if python is not None:
        env["PYTHON"] = str(python)
    return subprocess.run(
        ["bash", "-c", f"set -euo pipefail; source scripts/lib/uv.sh; {command}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )


def _executable(path: Path, script: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    path.chmod(0o755)


def _venv(root: Path, uv_version: str | None) -> Path:
    """Make a stand-in venv whose python logs its arguments to ROOT/calls."""
    _executable(root / "bin" / "python", f'echo "$@" >> "{root}/calls"')
    if uv_version is not None:
        # The form uv prints, which a plain string comparison with "uv X" never matched.
        _executable(root / "bin" / "uv", f'echo "uv {uv_version} (x86_64-unknown-linux-gnu)"')
    return root


def _calls(venv: Path) -> list[str]:
    log = venv / "calls"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_the_pin_is_pyprojects_and_matches_the_dev_group_and_the_lock() -> None:
    (dev_uv,) = [pin for pin in PYPROJECT["dependency-groups"]["dev"] if pin.startswith("uv==")]
    (locked,) = [package for package in LOCK["package"] if package["name"] == "uv"]

    assert _helper('echo "$UV_VERSION"').stdout == f"{PINNED}\n"
    assert dev_uv == f"uv=={PINNED}"
    assert locked["version"] == PINNED


def test_uv_version_in_reads_the_number_or_nothing(tmp_path: Path) -> None:
    venv = _venv(tmp_path / "venv", PINNED)

    assert _helper(f"uv_version_in {venv}").stdout == f"{PINNED}\n"
    assert _helper(f"uv_version_in {tmp_path / 'none'}").stdout == ""


def test_a_venv_with_the_pinned_uv_is_used_as_it_is(tmp_path: Path) -> None:
    venv = _venv(tmp_path / "venv", PINNED)

    done = _helper(f"pinned_uv {venv}")

    assert done.stdout == f"{venv}/bin/uv\n"
    assert done.stderr == ""
    assert _calls(venv) == []


def test_the_first_venv_with_the_pinned_uv_wins(tmp_path: Path) -> None:
    stale = _venv(tmp_path / "stale", "0.1.0")
    missing = _venv(tmp_path / "missing", None)
    pinned = _venv(tmp_path / "pinned", PINNED)
    later = _venv(tmp_path / "later", PINNED)

    done = _helper(f"pinned_uv {stale} {missing} {pinned} {later}")

    assert done.stdout == f"{pinned}/bin/uv\n"
    assert [_calls(venv) for venv in (stale, missing, pinned, later)] == [[], [], [], []]


def test_without_the_pinned_uv_pip_installs_it_into_the_last_venv(tmp_path: Path) -> None:
    first = _venv(tmp_path / "first", None)
    last = _venv(tmp_path / "last", "0.1.0")

    done = _helper(f"pinned_uv {first} {last}")

    assert done.stdout == f"{last}/bin/uv\n"
    assert done.stderr == f"==> Installing uv {PINNED} into {last}\n"
    assert _calls(first) == []
    assert _calls(last) == [f"-m pip install --quiet --disable-pip-version-check uv=={PINNED}"]


def test_a_venv_without_python_is_created_first(tmp_path: Path) -> None:
    venv = tmp_path / "new"
    stub = tmp_path / "stub-python"
    _executable(stub, f'echo "$@" >> "{venv}/calls"')
    # A stand-in interpreter whose "-m venv DIR" puts the stand-in python in DIR.
    python = tmp_path / "python3.11"
    _executable(
        python,
        f'echo "$@" >> "{tmp_path}/interpreter-calls"\n'
        'if [ "$1" = --version ]; then echo "Python 3.11.0"; exit; fi\n'
        f'mkdir -p "$3/bin" && cp "{stub}" "$3/bin/python"',
    )

    done = _helper(f"pinned_uv {venv}", python=python)

    assert done.stdout == f"{venv}/bin/uv\n"
    assert done.stderr.splitlines() == [
        f"==> Creating {venv} with Python 3.11.0",
        f"==> Installing uv {PINNED} into {venv}",
    ]
    assert (tmp_path / "interpreter-calls").read_text(encoding="utf-8").splitlines() == [
        "--version",
        f"-m venv {venv}",
    ]
    assert _calls(venv) == [f"-m pip install --quiet --disable-pip-version-check uv=={PINNED}"]
