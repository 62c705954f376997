"""The archive member and metadata checks behind scripts/check-package (no builds, no venvs)."""

from __future__ import annotations

import pytest
from package_check import archives

INFO = "replicate_typed-0.1.0.dist-info"
GOOD_WHEEL = [
    "replicate_api/__init__.py",
    "replicate_api/py.typed",
    "replicate_api/openapi.json",
    "replicate_typed/__init__.py",
    "replicate_typed/py.typed",
    "replicate_typed/testing/__init__.py",
    f"{INFO}/METADATA",
    f"{INFO}/WHEEL",
    f"{INFO}/entry_points.txt",
    f"{INFO}/licenses/LICENSE",
    f"{INFO}/RECORD",
]
ROOT = "replicate_typed-0.1.0"
GOOD_SDIST = [
    f"{ROOT}/{name}"
    for name in (
        ".gitignore",
        "CHANGELOG.md",
        "LICENSE",
        "PKG-INFO",
        "README.md",
        "openapi.json",
        "pyproject.toml",
        "facade/replicate_typed/__init__.py",
        "facade/replicate_typed/py.typed",
        "generated/replicate_api/__init__.py",
        "generated/replicate_api/py.typed",
    )
]
METADATA = """\
Metadata-Version: 2.4
Name: replicate-typed
Version: 0.1.0
Project-URL: Source, https://github.com/replicate-typed/replicate-typed
License-Expression: Apache-2.0
License-File: LICENSE
Requires-Python: >=3.11

# replicate-typed
"""


def test_a_complete_wheel_passes() -> None:
    assert archives.wheel_problems(GOOD_WHEEL, "replicate-typed", "0.1.0") == []


@pytest.mark.parametrize(
    ("member", "problem"),
    [
        ("tests/test_client.py", "unexpected top-level entry 'tests'"),
        ("replicate_typed/tests/test_x.py", "ships replicate_typed/tests/test_x.py"),
        ("replicate_typed/__pycache__/_core.cpython-311.pyc", "ships replicate_typed/__pycache__"),
        ("replicate_typed/stray.pyc", "ships replicate_typed/stray.pyc"),
        ("replicate_api/.mypy_cache/3.11/x.json", "ships replicate_api/.mypy_cache"),
        ("replicate_typed/.coverage.host.1", "ships replicate_typed/.coverage.host.1"),
        ("scripts/lib/demo/__init__.py", "unexpected top-level entry 'scripts'"),
        ("facade/replicate_typed/__init__.py", "unexpected top-level entry 'facade'"),
    ],
)
def test_a_wheel_shipping_something_else_fails(member: str, problem: str) -> None:
    problems = archives.wheel_problems([*GOOD_WHEEL, member], "replicate-typed", "0.1.0")

    assert problems
    assert problems[0].startswith(problem)


@pytest.mark.parametrize(
    "missing", ["replicate_api/py.typed", "replicate_typed/py.typed", f"{INFO}/licenses/LICENSE"]
)
def test_a_wheel_missing_a_required_file_fails(missing: str) -> None:
    members = [member for member in GOOD_WHEEL if member != missing]

    assert archives.wheel_problems(members, "replicate-typed", "0.1.0") == [f"missing {missing}"]


def test_a_wheel_of_another_version_has_the_wrong_dist_info() -> None:
    problems = archives.wheel_problems(GOOD_WHEEL, "replicate-typed", "0.2.0")

    assert f"unexpected top-level entry {INFO!r}" in problems
    assert "missing replicate_typed-0.2.0.dist-info/licenses/LICENSE" in problems


def test_a_complete_sdist_passes() -> None:
    assert archives.sdist_problems(GOOD_SDIST, "replicate-typed", "0.1.0") == []


@pytest.mark.parametrize(
    ("member", "problem"),
    [
        (f"{ROOT}/tests/test_client.py", "unexpected top-level entry 'tests'"),
        (
            f"{ROOT}/scripts/lib/regenerate/template_patches/README.md",
            "unexpected top-level entry 'scripts'",
        ),
        (f"{ROOT}/uv.lock", "unexpected top-level entry 'uv.lock'"),
        (f"{ROOT}/facade/replicate_typed/__pycache__/x.pyc", "ships facade/replicate_typed/__pyc"),
        (f"{ROOT}/.hypothesis/examples/x", "unexpected top-level entry '.hypothesis'"),
        ("elsewhere/setup.py", "outside replicate_typed-0.1.0/: elsewhere/setup.py"),
    ],
)
def test_an_sdist_shipping_something_else_fails(member: str, problem: str) -> None:
    problems = archives.sdist_problems([*GOOD_SDIST, member], "replicate-typed", "0.1.0")

    assert problems
    assert problems[0].startswith(problem)


@pytest.mark.parametrize(
    "missing", ["LICENSE", "PKG-INFO", "facade/replicate_typed/py.typed", "README.md"]
)
def test_an_sdist_missing_a_required_file_fails(missing: str) -> None:
    members = [member for member in GOOD_SDIST if member != f"{ROOT}/{missing}"]

    assert archives.sdist_problems(members, "replicate-typed", "0.1.0") == [f"missing {missing}"]


def test_the_top_level_counts_members_per_entry() -> None:
    assert archives.top_level(GOOD_WHEEL) == {"replicate_api": 3, "replicate_typed": 3, INFO: 5}


def test_complete_metadata_passes() -> None:
    assert archives.metadata_problems(METADATA) == []


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (("License-File: LICENSE\n", ""), "no License-File: LICENSE"),
        (("License-File: LICENSE\n", "License-File: COPYING\n"), "no License-File: LICENSE"),
        (("Apache-2.0", "MIT"), "License-Expression is 'MIT'"),
        (("License-Expression: Apache-2.0\n", ""), "License-Expression is None"),
        (
            ("Project-URL: Source, https://github.com/replicate-typed/replicate-typed\n", ""),
            "no Project-URL",
        ),
    ],
)
def test_metadata_without_its_license_or_urls_fails(edit: tuple[str, str], problem: str) -> None:
    assert archives.metadata_problems(METADATA.replace(*edit)) == [problem]
