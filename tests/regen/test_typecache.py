"""mypy's cache is keyed by generated/, so a regenerated tree never meets a stale cache."""

from __future__ import annotations

from pathlib import Path

from regenerate import typecache

from tests.support.spec import ROOT


def _tree(root: Path, body: str) -> None:
    package = root / "generated" / "replicate_api"
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text('"""A client."""\n')
    (package / "client.py").write_text(body)


def test_the_cache_dir_follows_the_content_of_generated(tmp_path: Path) -> None:
    _tree(tmp_path, "class Client: ...\n")
    first = typecache.cache_dir(tmp_path)
    (tmp_path / "generated" / "replicate_api" / "__pycache__").mkdir()
    (tmp_path / "generated" / "replicate_api" / "__pycache__" / "client.pyc").write_bytes(b"x")

    assert typecache.cache_dir(tmp_path) == first  # bytecode is not content
    assert first.parent == Path(".mypy_cache")

    _tree(tmp_path, "class AuthenticatedClient: ...\n")
    second = typecache.cache_dir(tmp_path)
    assert second != first

    (tmp_path / "generated" / "replicate_api" / "client.py").rename(
        tmp_path / "generated" / "replicate_api" / "renamed.py"
    )
    assert typecache.cache_dir(tmp_path) not in {first, second}


def test_caches_of_other_trees_are_removed(tmp_path: Path) -> None:
    _tree(tmp_path, "class Client: ...\n")
    stale = tmp_path / ".mypy_cache" / "generated-0123456789abcdef" / "3.11"
    stale.mkdir(parents=True)
    default = tmp_path / ".mypy_cache" / "3.11"
    default.mkdir()

    assert typecache.main([str(tmp_path)]) == 0

    assert not stale.parent.exists()
    assert default.is_dir()  # not ours to remove


def test_lint_runs_mypy_with_the_keyed_cache() -> None:
    lint = (ROOT / "scripts" / "lint").read_text()

    assert "mypy_cache=$(PYTHONPATH=scripts/lib .venv/bin/python -m regenerate.typecache)" in lint
    assert '.venv/bin/mypy --cache-dir "$mypy_cache"' in lint
