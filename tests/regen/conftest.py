"""Fixtures for regeneration tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.spec import ROOT

PACKAGE = Path("generated", "replicate_api")


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """The parts of this repository that regeneration reads and writes."""
    for part in (
        "openapi.json",
        "scripts/lib/regenerate/handwritten.toml",
        "scripts/lib/regenerate/descriptions.toml",
        "facade/replicate_typed/lowlevel/models_search.py",
    ):
        (tmp_path / part).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / part, tmp_path / part)
    shutil.copytree(
        ROOT / PACKAGE, tmp_path / PACKAGE, ignore=shutil.ignore_patterns("__pycache__")
    )
    return tmp_path
