"""The async-to-sync rewrite rules."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FACADE = ROOT / "facade" / "replicate_typed"


@dataclass(frozen=True)
class Twin:
    """An async source and the sync file written from it."""

    source: Path
    target: Path
    summary: str


TWINS = (
    Twin(FACADE / "_async_client.py", FACADE / "_client.py", "Replicate: the synchronous client."),
    Twin(FACADE / "_async_resource.py", FACADE / "_resource.py", "Resource: how namespaces call."),
    Twin(FACADE / "_async_pager.py", FACADE / "_pager.py", "Pager: paginated lists."),
    Twin(FACADE / "_async_predictions.py", FACADE / "_predictions.py", "Predictions, trainings."),
    Twin(FACADE / "_async_catalog.py", FACADE / "_catalog.py", "Models, deployments and more."),
    Twin(FACADE / "_async_files.py", FACADE / "_files.py", "Files API and output files."),
    Twin(FACADE / "_async_streams.py", FACADE / "_streams.py", "Streamed prediction output."),
)

#: Applied in order; each is a regular expression and its replacement.
RULES: tuple[tuple[str, str], ...] = (
    (r"\basync (def|with|for) ", r"\1 "),
    (r"\bawait ", ""),
    (r"\b__aenter__\b", "__enter__"),
    (r"\b__aexit__\b", "__exit__"),
    (r"\b__aiter__\b", "__iter__"),
    (r"\b__anext__\b", "__next__"),
    (r"\baclose\b", "close"),
    (r"\baread\b", "read"),
    (r"\baiter_(\w+)", r"iter_\1"),
    (r"\bStopAsyncIteration\b", "StopIteration"),
    (r"\bAwaitable\[None\]", "None"),
    (r"\bAsyncIO\b", "SyncIO"),
    (r"\bAsync(Iterator|Iterable|Generator)\b", r"\1"),
    (r"\bAsync([A-Z]\w*)", r"\1"),
    (r"\b_async_(\w+)", r"_\1"),
)


def rewrite(code: str) -> str:
    """Apply the rules to async code."""
    for pattern, replacement in RULES:
        code = re.sub(pattern, replacement, code)
    return code


def render(twin: Twin) -> str:
    """The sync file's full text: header, rewritten body, imports fixed, formatted."""
    source = twin.source.read_text(encoding="utf-8")
    body = _without_docstring(source)
    header = (
        f'"""{twin.summary}\n\n'
        f"Written by scripts/unasync from {twin.source.name}: edit that file, not this one.\n"
        '"""\n'
    )
    return _ruff(header + rewrite(body), twin.target)


def _without_docstring(source: str) -> str:
    tree = ast.parse(source)
    first = tree.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        return "\n".join(source.splitlines()[first.end_lineno or 0 :]) + "\n"
    return source


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
