"""Run inside a fresh environment: check the installed distribution as a user would meet it.

    python probe.py VERSION MODULE... [--plugin]

Prints one line per problem and exits 1 if there is any. It is run by path
from an empty folder, so nothing of the repository can be imported by mistake
(and each module's file is checked to be inside this environment).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import importlib.resources
import sys
from pathlib import Path

DISTRIBUTION = "replicate-typed"
PACKAGES = ("replicate_api", "replicate_typed")


def problems(version: str, modules: list[str], *, plugin: bool) -> list[str]:
    """What is wrong with the installed distribution (none: it is fine)."""
    found: list[str] = []
    installed = importlib.metadata.version(DISTRIBUTION)
    if installed != version:
        found.append(f"{DISTRIBUTION} {installed} installed, not {version}")
    prefix = Path(sys.prefix).resolve()
    for name in [*PACKAGES, *modules]:
        try:
            module = importlib.import_module(name)
        except ImportError as error:
            found.append(f"import {name}: {error}")
            continue
        location = Path(str(module.__file__)).resolve()
        if not location.is_relative_to(prefix):
            found.append(f"{name} imported from {location}, outside {prefix}")
    for package in PACKAGES:
        if not importlib.resources.files(package).joinpath("py.typed").is_file():
            found.append(f"{package} has no py.typed")
    points = importlib.metadata.distribution(DISTRIBUTION).entry_points
    if not [p for p in points if p.group == "console_scripts" and p.name == DISTRIBUTION]:
        found.append(f"no console script {DISTRIBUTION}")
    plugins = [p for p in points if p.group == "pytest11"]
    if not plugins:
        found.append("no pytest11 entry point")
    if plugin:
        for point in plugins:
            if not hasattr(point.load(), "fake_replicate"):
                found.append(f"pytest plugin {point.value} has no fake_replicate fixture")
    return found


def main() -> int:
    """Check, print the problems; the exit code."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("version")
    parser.add_argument("modules", nargs="*")
    parser.add_argument("--plugin", action="store_true", help="load the pytest plugin too")
    args = parser.parse_args()
    found = problems(args.version, args.modules, plugin=args.plugin)
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
