"""Run the CLI as a subprocess against a FakeReplicate served on a loopback port."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from replicate_typed.testing import FakeReplicate

#: Distinctive, so a test can tell it never reached the output.
TOKEN = "r8_cliSecretToken_7Qx93Kd2ZzV"
#: Every subprocess is bounded by this many seconds.
TIMEOUT = 60.0

Result = subprocess.CompletedProcess[str]


@dataclass
class Served:
    """A fake served on a loopback port: its state, and the API URL the CLI is given."""

    fake: FakeReplicate
    url: str

    def env(self, token: str | None = TOKEN) -> dict[str, str]:
        """The environment that points the CLI at this fake."""
        return environment(base_url=self.url, token=token)

    def predictions(self) -> list[dict[str, Any]]:
        """The fake's predictions, oldest first."""
        return self.fake.predictions()


def environment(*, base_url: str | None, token: str | None = TOKEN) -> dict[str, str]:
    """This process's environment without Replicate settings or proxies, plus ours."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("REPLICATE_") and "proxy" not in name.lower()
    }
    if base_url is not None:
        env["REPLICATE_BASE_URL"] = base_url
    if token is not None:
        env["REPLICATE_API_TOKEN"] = token
    return env


def command(*args: str) -> list[str]:
    """The command line that runs the CLI with this interpreter."""
    return [sys.executable, "-m", "replicate_typed.cli", *args]


def cli(*args: str, env: Mapping[str, str], cwd: Path | None = None) -> Result:
    """Run the CLI to completion (bounded) and capture its output."""
    return subprocess.run(
        command(*args),
        env=dict(env),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def error_line(result: Result) -> str:
    """The one line an error leaves on stderr (after any status lines)."""
    lines = result.stderr.splitlines()
    assert lines, "expected an error line on stderr"
    return lines[-1]
