"""Install the wheel into fresh environments, one per extra, and check each one.

Each environment is made by ``uv venv`` with the interpreter of ``.venv`` and
filled by ``uv pip install`` (from uv's cache when it is warm; it may reach
the package index). The checks run from an empty folder with ``PYTHONPATH``
and ``VIRTUAL_ENV`` cleared, so only what the wheel installed can be imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib.metadata import version as installed_version
from pathlib import Path

PROBE = Path(__file__).with_name("probe.py")
COMMAND = "replicate-typed"

#: A test that needs the plugin's fixture, and the fake behind it, to pass.
PLUGIN_TEST = """\
from replicate_typed.testing import FakeReplicate


def test_the_fixture_serves_a_model(fake_replicate: FakeReplicate) -> None:
    fake_replicate.add_model("acme/echo", lambda input: input["text"], run_time=3)
    with fake_replicate.client() as replicate:
        assert replicate.run("acme/echo", {"text": "hi"}, wait=1) == "hi"
"""


@dataclass(frozen=True)
class Install:
    """One fresh environment: the extras it installs and what is checked in it."""

    name: str
    extras: tuple[str, ...]
    #: Imported besides replicate_api and replicate_typed.
    modules: tuple[str, ...] = ()
    #: Run ``replicate-typed --version`` and ``--help``.
    command: bool = False
    #: Install pytest and run a test that uses the ``fake_replicate`` fixture.
    plugin: bool = False


INSTALLS = (
    Install("no extras", (), command=True),
    Install("testing", ("testing",), ("replicate_typed.testing",), plugin=True),
    # _live is the module that needs rich; the package itself imports without it.
    Install("cli", ("cli",), ("replicate_typed.cli", "replicate_typed.cli._live"), command=True),
    Install("otel", ("otel",), ("replicate_typed.otel",)),
)


@dataclass(frozen=True)
class Outcome:
    """How one environment fared."""

    install: Install
    seconds: float
    problems: list[str]


def clean_environment() -> dict[str, str]:
    """This process's environment without what would let the repository's code leak in."""
    hidden = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}
    return {name: value for name, value in os.environ.items() if name not in hidden}


def _run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, cwd=cwd, env=clean_environment(), capture_output=True, text=True, check=False
    )


def _failure(what: str, done: subprocess.CompletedProcess[str]) -> list[str]:
    """One problem line per failed step, with the end of its output."""
    if done.returncode == 0:
        return []
    tail = (done.stdout + done.stderr).strip().splitlines()[-5:]
    return [f"{what}: exit {done.returncode}", *(f"  {line}" for line in tail)]


def check(install: Install, wheel: Path, version: str, workdir: Path, uv: Path) -> Outcome:
    """Make ``install``'s environment under ``workdir``, install ``wheel`` and check it."""
    started = time.monotonic()
    home = workdir / install.name.replace(" ", "-")
    venv, scratch = home / "venv", home / "scratch"
    scratch.mkdir(parents=True)
    python = venv / "bin" / "python"
    requirement = f"{wheel}[{','.join(install.extras)}]" if install.extras else str(wheel)
    extra = [f"pytest=={installed_version('pytest')}"] if install.plugin else []
    steps = [
        ("uv venv", [str(uv), "venv", "--quiet", "--python", sys.executable, str(venv)]),
        (
            "uv pip install",
            [str(uv), "pip", "install", "--quiet", "--python", str(python), requirement, *extra],
        ),
    ]
    problems: list[str] = []
    for what, argv in steps:
        problems += _failure(what, _run(argv, scratch))
        if problems:
            return Outcome(install, time.monotonic() - started, problems)
    probe = [str(python), str(PROBE), version, *install.modules]
    done = _run([*probe, *(["--plugin"] if install.plugin else [])], scratch)
    problems += [line for line in done.stdout.splitlines() if line] or _failure("probe", done)
    if install.command:
        problems += _command_problems(venv / "bin" / COMMAND, version, scratch)
    if install.plugin:
        (scratch / "test_plugin.py").write_text(PLUGIN_TEST, encoding="utf-8")
        pytest = [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_plugin.py"]
        problems += _failure("pytest with the plugin's fixture", _run(pytest, scratch))
    return Outcome(install, time.monotonic() - started, problems)


def _command_problems(command: Path, version: str, cwd: Path) -> list[str]:
    """What is wrong with the installed ``replicate-typed`` command."""
    shown = _run([str(command), "--version"], cwd)
    problems = _failure(f"{COMMAND} --version", shown)
    if not problems and shown.stdout.strip() != f"{COMMAND} {version}":
        problems.append(f"{COMMAND} --version printed {shown.stdout.strip()!r}")
    helped = _run([str(command), "--help"], cwd)
    problems += _failure(f"{COMMAND} --help", helped)
    if helped.returncode == 0 and not helped.stdout.startswith(f"usage: {COMMAND}"):
        problems.append(f"{COMMAND} --help printed no usage line")
    return problems
