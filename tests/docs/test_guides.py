"""Every guide shows an example, and the site's Python examples pass mypy --strict as written."""

from __future__ import annotations

from pathlib import Path

import mypy.api

from tests.docs.site import GUIDES, PAGES, code_blocks
from tests.support import generated_bindings

# The guides the issue names: each needs a page (the strict build checks the nav finds it).
NAMED_GUIDES = [
    "run-wait-cancel",
    "streaming",
    "files",
    "webhooks",
    "trainings-deployments",
    "pagination",
    "errors-retries",
    "fake-replicate",
    "cli",
    "regeneration",
    "typed-bindings",
]


def test_every_named_guide_has_an_example() -> None:
    without = [name for name in NAMED_GUIDES if not code_blocks(GUIDES / f"{name}.md")]

    assert without == []


def test_every_guide_is_a_named_one() -> None:
    assert sorted(page.stem for page in GUIDES.glob("*.md")) == sorted(NAMED_GUIDES)


def test_python_examples_pass_mypy_strict(tmp_path: Path) -> None:
    generated_bindings.write(tmp_path / "my_bindings.py")  # what the typed-bindings one imports
    files: list[str] = []
    for page in sorted(PAGES.rglob("*.md")):
        python = [code for language, code in code_blocks(page) if language == "python"]
        for number, code in enumerate(python):
            name = "_".join(page.relative_to(PAGES).with_suffix("").parts).replace("-", "_")
            path = tmp_path / f"{name}_{number}.py"
            path.write_text(code, encoding="utf-8")
            files.append(str(path))
    assert len(files) >= len(NAMED_GUIDES) - 2  # cli and regeneration show shell commands

    stdout, stderr, status = mypy.api.run(["--strict", "--no-error-summary", *files])

    assert status == 0, stdout + stderr
