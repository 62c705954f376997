"""The async-to-sync rewrite rules, applied to every module of ``_async/``.

``facade/replicate_typed/_async/`` holds the hand-written async sources;
``_sync/`` holds their twins, one per module with the same name. The folder
is the list of twins: a module added to ``_async/`` gets its twin on the next
run. A rule that no module uses any more is an error, so the rules cannot
outlive the code they were written for.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FACADE = ROOT / "facade" / "replicate_typed"
ASYNC_DIR = FACADE / "_async"
SYNC_DIR = FACADE / "_sync"


@dataclass(frozen=True)
class Twin:
    """An async source and the sync module written from it."""

    source: Path
    target: Path


def twins() -> list[Twin]:
    """Every module of ``_async/`` and where its twin goes."""
    return [Twin(path, SYNC_DIR / path.name) for path in sorted(ASYNC_DIR.glob("*.py"))]


#: Applied in order; each is a regular expression and its replacement.
RULES: tuple[tuple[str, str], ...] = (
    (r"\basync (def|with|for) ", r"\1 "),
    (r"\bawait ", ""),
    (r"\b__aenter__\b", "__enter__"),
    (r"\b__aexit__\b", "__exit__"),
    (r"\b__aiter__\b", "__iter__"),
    (r"\baclose\b", "close"),
    (r"\baiter_(\w+)", r"iter_\1"),
    (r"\bAwaitable\[None\]", "None"),
    (r"\bAsyncIO\b", "SyncIO"),
    (r"\bAsync(Iterator|Iterable|Generator)\b", r"\1"),
    (r"\bAsync([A-Z]\w*)", r"\1"),
    (r"\breplicate_typed\._async\b", "replicate_typed._sync"),
    (r"\b_async_io\b", "_io"),
    (r"\bread_async_output\b", "read_output"),
)


def rewrite(code: str, used: Counter[str] | None = None) -> str:
    """Apply the rules to async code, counting in ``used`` how often each one matched."""
    for pattern, replacement in RULES:
        code, count = re.subn(pattern, replacement, code)
        if used is not None:
            used[pattern] += count
    return code


def unused(used: Counter[str]) -> list[str]:
    """The rules that matched nowhere."""
    return [pattern for pattern, _ in RULES if not used[pattern]]


def render(twin: Twin, used: Counter[str] | None = None) -> str:
    """The sync module's full text: header, rewritten body, imports fixed, formatted."""
    source = twin.source.read_text(encoding="utf-8")
    summary, body = _split_docstring(source)
    header = (
        f'"""{rewrite(summary, used)}\n\n'
        f"Written by scripts/unasync from _async/{twin.source.name}: edit that file.\n"
        '"""\n'
    )
    return _ruff(header + rewrite(body, used), twin.target)


def _split_docstring(source: str) -> tuple[str, str]:
    """The docstring's first line and the code after the docstring."""
    tree = ast.parse(source)
    docstring = ast.get_docstring(tree) or ""
    first = tree.body[0] if tree.body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        rest = "\n".join(source.splitlines()[first.end_lineno or 0 :]) + "\n"
        return docstring.split("\n")[0], rest
    return docstring.split("\n")[0], source


def _ruff(code: str, path: Path) -> str:
    ruff = str(Path(sys.executable).parent / "ruff")
    name = str(path.relative_to(ROOT))
    for command in (
        [ruff, "check", "--select", "F401,I", "--fix", "--quiet", "--stdin-filename", name, "-"],
        [ruff, "format", "--quiet", "--stdin-filename", name, "-"],
    ):
        code = subprocess.run(
            command, input=code, capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout
    return code
