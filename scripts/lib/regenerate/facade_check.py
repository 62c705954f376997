"""Type-check and import the hand-written layer against a staged generated tree.

Adopting a spec can leave the facade, its pytest plugin and the conftests
unable to type-check or even import, while generation itself succeeds. This
module runs both checks against the *new* tree before it is swapped in.

Both run in a subprocess started with ``python -S``: the editable install's
``.pth`` file puts ``generated/`` on ``sys.path``, and mypy resolves a module
missing from the staged tree by falling back to the old one found there (so a
removed model would go unnoticed). Without ``site`` the ``.pth`` files are not
read; the environment's site-packages are passed on ``PYTHONPATH`` instead, so
attrs, httpx and pytest are still found, and the staged tree comes first.
mypy gets a throwaway config (the repository's ``mypy_path`` with
``generated`` replaced by the staging directory) and a throwaway cache, so
the repository's cache never sees the staged tree.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

#: The hand-written package, relative to the repository root.
FACADE = Path("facade", "replicate_typed")
#: What must import: the facade, its fake, and the plugin pytest loads at start-up.
MODULES = ("replicate_typed", "replicate_typed.testing", "replicate_typed._pytest_plugin")

_IMPORT_EACH = """
import importlib, sys
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except BaseException as exc:
        cause = (str(exc).strip().splitlines() or [""])[0]
        print(f"{name}\\t{type(exc).__name__}: {cause}")
"""


@dataclass(frozen=True)
class Outcome:
    """What the checks printed: mypy's error lines and one line per failed import."""

    mypy_output: str
    import_failures: dict[str, str]


def applies(root: Path) -> bool:
    """Whether ``root`` has a hand-written layer to check."""
    return (root / FACADE / "__init__.py").is_file()


def run(root: Path, staged_package: Path) -> Outcome:
    """Check ``root``'s facade and tests against the package at ``staged_package``."""
    search = [staged_package.parent, *_mypy_path(root)]
    with tempfile.TemporaryDirectory(prefix="regen-facade-mypy-") as scratch:
        config = Path(scratch, "mypy.ini")
        config.write_text(_config(search), encoding="utf-8")
        targets = [str(FACADE)] + (["tests"] if (root / "tests").is_dir() else [])
        mypy = _isolated(
            root,
            ["-m", "mypy", "--config-file", str(config), "--cache-dir", str(Path(scratch, "c"))],
            targets,
            [],
        )
    imports = _isolated(root, ["-c", _IMPORT_EACH], list(MODULES), [staged_package.parent])
    failures = dict(line.split("\t", 1) for line in imports.stdout.splitlines() if "\t" in line)
    if imports.returncode != 0 and not failures:
        failures["python"] = (imports.stderr.strip().splitlines() or ["crashed"])[-1]
    return Outcome(mypy_output=mypy.stdout + mypy.stderr, import_failures=failures)


def _isolated(
    root: Path, command: list[str], args: list[str], first: list[Path]
) -> subprocess.CompletedProcess[str]:
    """Run this interpreter without ``site``, finding only ``first``, facade/ and packages."""
    paths = [*first, root / FACADE.parent, *_site_packages()]
    env = os.environ | {
        "PYTHONPATH": os.pathsep.join(str(p) for p in paths),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    return subprocess.run(
        [sys.executable, "-S", *command, *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _site_packages() -> list[Path]:
    paths = sysconfig.get_paths()
    return list(dict.fromkeys(Path(paths[key]) for key in ("purelib", "platlib")))


def _mypy_path(root: Path) -> list[Path]:
    """The repository's mypy search path, less generated/ (the staged tree replaces it)."""
    pyproject = root / "pyproject.toml"
    entries: list[str] = ["facade"]
    if pyproject.is_file():
        config = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        entries = config.get("tool", {}).get("mypy", {}).get("mypy_path", entries)
    return [root / entry for entry in entries if entry != "generated"]


def _config(search: list[Path]) -> str:
    return (
        "[mypy]\n"
        "strict = True\n"
        "python_version = 3.11\n"
        "explicit_package_bases = True\n"
        "show_error_codes = True\n"
        "pretty = False\n"
        "color_output = False\n"
        "error_summary = False\n"
        f"mypy_path = {os.pathsep.join(str(p) for p in search)}\n"
    )
