"""Run mypy --strict and pyright strict over the generated modules; diagnostics per file.

Both run once over the whole directory (a process per module would spend
its time starting up), concurrently, as the repository's own ``.venv`` has
them. Their reports are read back into "file name -> messages", which the
caller maps to models, since each module holds one model.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

#: ``m0001_x.py:12: error: Name "y" is not defined  [name-defined]``
_MYPY_LINE = re.compile(r"^(?P<file>[^:\s]+\.py):(?P<line>\d+): error: (?P<message>.*)$")


class CheckerError(Exception):
    """A checker that did not run to a verdict (crashed, or wrote what cannot be read)."""


@dataclass(frozen=True)
class CheckerRun:
    """One checker's diagnostics by file name, and how long it took."""

    errors: Mapping[str, list[str]]
    seconds: float


def parse_mypy(output: str) -> dict[str, list[str]]:
    """mypy's error lines, by file name: ``line N: message  [code]``."""
    errors: dict[str, list[str]] = {}
    for line in output.splitlines():
        found = _MYPY_LINE.match(line)
        if found is not None:
            message = f"line {found['line']}: {found['message'].strip()}"
            errors.setdefault(Path(found["file"]).name, []).append(message)
    return errors


def parse_pyright(output: str) -> dict[str, list[str]]:
    """pyright's ``--outputjson`` errors, by file name: ``line N: message [rule]``."""
    try:
        report = cast(dict[str, Any], json.loads(output))
    except json.JSONDecodeError as error:
        raise CheckerError(f"pyright wrote no JSON report: {error}: {output[:200]!r}") from None
    errors: dict[str, list[str]] = {}
    for diagnostic in cast(list[dict[str, Any]], report.get("generalDiagnostics", [])):
        if diagnostic.get("severity") != "error":
            continue
        line = int(diagnostic.get("range", {}).get("start", {}).get("line", -1)) + 1
        message = " ".join(str(diagnostic.get("message", "")).split())
        rule = diagnostic.get("rule")
        text = f"line {line}: {message}" + (f" [{rule}]" if rule else "")
        errors.setdefault(Path(str(diagnostic.get("file", "?"))).name, []).append(text)
    return errors


def run_checkers(directory: Path) -> tuple[CheckerRun, CheckerRun]:
    """mypy's and pyright's verdicts on every module in ``directory``, run side by side."""
    bin_dir = Path(sys.executable).parent
    (directory / "pyrightconfig.json").write_text('{"typeCheckingMode": "strict"}\n')
    with tempfile.TemporaryDirectory(prefix="corpus-mypy-") as cache:
        # A fresh cache each run: the time reported is a cold check's.
        mypy = [str(bin_dir / "mypy"), "--strict", "--cache-dir", cache, "."]
        pyright = [str(bin_dir / "pyright"), "--pythonpath", sys.executable, "--outputjson", "."]
        with ThreadPoolExecutor(max_workers=2) as pool:
            mypy_job = pool.submit(_run, "mypy", mypy, directory)
            pyright_job = pool.submit(_run, "pyright", pyright, directory)
            (mypy_out, mypy_time), (pyright_out, pyright_time) = (
                mypy_job.result(),
                pyright_job.result(),
            )
    return (
        CheckerRun(parse_mypy(mypy_out), mypy_time),
        CheckerRun(parse_pyright(pyright_out), pyright_time),
    )


def _run(name: str, command: list[str], directory: Path) -> tuple[str, float]:
    """The checker's standard output and its wall time; CheckerError unless it reached a verdict."""
    env = {**os.environ, "PYRIGHT_PYTHON_IGNORE_WARNINGS": "1"}
    started = time.monotonic()
    result = subprocess.run(
        command, cwd=directory, env=env, capture_output=True, text=True, check=False
    )
    # Both exit 1 for type errors; anything else (mypy 2, pyright 3) means no verdict.
    if result.returncode not in (0, 1):
        tail = (result.stderr or result.stdout)[-500:]
        raise CheckerError(f"{name} exited {result.returncode}: {tail}")
    return result.stdout, time.monotonic() - started
