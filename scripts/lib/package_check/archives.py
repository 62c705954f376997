"""What the wheel and the sdist may hold, judged from their member names (no I/O).

The wheel holds the two import packages and its ``.dist-info``, nothing else;
the sdist holds what building the wheel needs plus the README, changelog and
license. Neither carries tests, scripts or anything a tool leaves behind
(bytecode, type-checker and test caches), which a loose include pattern or a
stray ``__pycache__`` in a package folder would otherwise ship unnoticed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from email.parser import HeaderParser

#: The import packages the distribution ships, each with its ``py.typed``.
PACKAGES = ("replicate_api", "replicate_typed")
#: The license file, at the repository root and in both archives.
LICENSE = "LICENSE"
#: The SPDX expression the metadata must carry.
LICENSE_EXPRESSION = "Apache-2.0"
#: Where each package's folder sits in the repository, and so in the sdist.
SOURCE_FOLDERS = {"replicate_api": "generated", "replicate_typed": "facade"}
#: Everything the sdist may hold at its top level (hatchling always adds .gitignore).
SDIST_TOP_LEVEL = frozenset(
    {
        *SOURCE_FOLDERS.values(),
        ".gitignore",
        "CHANGELOG.md",
        LICENSE,
        "PKG-INFO",
        "README.md",
        "openapi.json",
        "pyproject.toml",
    }
)
#: Path parts that mark a test, a script or a tool's leftovers.
_JUNK_PARTS = frozenset(
    {
        "tests",
        "scripts",
        "__pycache__",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".hypothesis",
        ".venv",
    }
)
_JUNK_SUFFIXES = (".pyc", ".pyo")


def junk(members: Iterable[str]) -> list[str]:
    """The members that are tests, scripts, caches or bytecode."""
    return [
        member
        for member in members
        if _JUNK_PARTS & set(member.split("/"))
        or member.endswith(_JUNK_SUFFIXES)
        or member.rsplit("/", 1)[-1].startswith(".coverage")
    ]


def top_level(members: Iterable[str]) -> Counter[str]:
    """How many members each top-level entry holds."""
    return Counter(member.split("/", 1)[0] for member in members)


def sdist_root(project: str, version: str) -> str:
    """The folder every sdist member sits in (``replicate_typed-0.1.0``)."""
    return f"{project.replace('-', '_')}-{version}"


def dist_info(project: str, version: str) -> str:
    """The wheel's metadata folder (``replicate_typed-0.1.0.dist-info``)."""
    return f"{sdist_root(project, version)}.dist-info"


def wheel_problems(members: list[str], project: str, version: str) -> list[str]:
    """What is wrong with a wheel holding ``members`` (none: it is fine)."""
    info = dist_info(project, version)
    names = set(members)
    problems = [
        f"unexpected top-level entry {entry!r}"
        for entry in sorted(top_level(members))
        if entry not in {*PACKAGES, info}
    ]
    required = [
        *(f"{package}/py.typed" for package in PACKAGES),
        f"{info}/METADATA",
        f"{info}/entry_points.txt",
        # PEP 639: license files live under .dist-info/licenses/, at their source path.
        f"{info}/licenses/{LICENSE}",
    ]
    problems += [f"missing {name}" for name in required if name not in names]
    problems += [f"ships {member}" for member in junk(members)]
    return problems


def sdist_problems(members: list[str], project: str, version: str) -> list[str]:
    """What is wrong with an sdist holding ``members`` (none: it is fine)."""
    root = sdist_root(project, version)
    inside: list[str] = []
    problems: list[str] = []
    for member in members:
        if member != root and not member.startswith(f"{root}/"):
            problems.append(f"outside {root}/: {member}")
        elif member != root:
            inside.append(member.removeprefix(f"{root}/"))
    problems += [
        f"unexpected top-level entry {entry!r}"
        for entry in sorted(top_level(inside))
        if entry not in SDIST_TOP_LEVEL
    ]
    required = [
        "PKG-INFO",
        "pyproject.toml",
        "README.md",
        LICENSE,
        *(f"{SOURCE_FOLDERS[package]}/{package}/py.typed" for package in PACKAGES),
    ]
    problems += [f"missing {name}" for name in required if name not in inside]
    problems += [f"ships {member}" for member in junk(inside)]
    return problems


def metadata_problems(metadata: str) -> list[str]:
    """What is wrong with a METADATA (or PKG-INFO) file's license and project fields."""
    fields = HeaderParser().parsestr(metadata)
    problems: list[str] = []
    if fields.get("License-Expression") != LICENSE_EXPRESSION:
        problems.append(f"License-Expression is {fields.get('License-Expression')!r}")
    if LICENSE not in (fields.get_all("License-File") or []):
        problems.append(f"no License-File: {LICENSE}")
    if not fields.get_all("Project-URL"):
        problems.append("no Project-URL")
    return problems
