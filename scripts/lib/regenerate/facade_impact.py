"""Say which facade functions, resources and tests a new generated tree breaks.

mypy reports file and line; a reviewer adopting a spec needs to know *what*
broke: ``replicate_typed._async.predictions.AsyncPredictions.create``, or
``tests/contract/test_hardware.py::test_list``. Each error is mapped to the
innermost function or class around its line (by the file's AST) and grouped
into facade, tests and generated code, with the failed imports after them.
``_sync/`` is written from ``_async/`` by scripts/unasync, so its errors are
folded into one line when they mirror errors in ``_async/``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from regenerate import facade_check

_ERROR = re.compile(r"^(?P<path>[^:\n]+\.pyi?):(?P<line>\d+):(?:\d+:)? error: (?P<message>.*)$")
_SYNC, _ASYNC = "replicate_typed._sync.", "replicate_typed._async."
#: At most this many places are listed per group, and messages per place.
_MAX_PLACES, _MAX_MESSAGES = 25, 2


@dataclass(frozen=True)
class Diagnostic:
    """One mypy error: where, and what."""

    path: str
    line: int
    message: str


@dataclass
class Impact:
    """The affected places, each mapped to its errors, and the failed imports."""

    facade: dict[str, list[Diagnostic]] = field(default_factory=dict[str, list[Diagnostic]])
    tests: dict[str, list[Diagnostic]] = field(default_factory=dict[str, list[Diagnostic]])
    generated: dict[str, list[Diagnostic]] = field(default_factory=dict[str, list[Diagnostic]])
    import_failures: dict[str, str] = field(default_factory=dict[str, str])
    #: For a module-level place whose imports broke: the functions using what they import.
    users: dict[str, list[str]] = field(default_factory=dict[str, list[str]])

    @property
    def broken(self) -> bool:
        return bool(self.facade or self.tests or self.generated or self.import_failures)


#: Runs the checks for a repository root and a staged package; None when nothing to check.
Check = Callable[[Path, Path], "Impact | None"]


def check(root: Path, staged_package: Path) -> Impact | None:
    """Type-check and import ``root``'s hand-written layer against ``staged_package``."""
    if not facade_check.applies(root):
        return None
    outcome = facade_check.run(root, staged_package)
    impact = assess(parse(outcome.mypy_output), root)
    impact.import_failures = outcome.import_failures
    return impact


def parse(output: str) -> list[Diagnostic]:
    """The error lines of mypy's output (notes and summaries are dropped)."""
    found: list[Diagnostic] = []
    for line in output.splitlines():
        match = _ERROR.match(line)
        if match:
            found.append(Diagnostic(match["path"], int(match["line"]), match["message"]))
    return found


def assess(diagnostics: list[Diagnostic], root: Path) -> Impact:
    """Group ``diagnostics`` by the facade function, test or generated module they fall in."""
    impact = Impact()
    scopes: dict[str, _Scopes] = {}
    for diagnostic in diagnostics:
        path = Path(diagnostic.path)
        relative = (
            path.relative_to(root) if path.is_absolute() and path.is_relative_to(root) else path
        )
        parts = relative.parts
        if parts[:1] == ("facade",):
            group, prefix, sep = impact.facade, ".".join(_module_parts(parts[1:])), "."
        elif parts[:1] == ("tests",):
            group, prefix, sep = impact.tests, relative.as_posix(), "::"
        else:
            group, prefix, sep = impact.generated, _generated_module(path), ""
        if sep:
            file = root / relative
            scope = scopes.setdefault(str(file), _Scopes(file))
            where = scope.enclosing(diagnostic.line)
            name = f"{prefix}{sep}{where}" if where else f"{prefix} (module level)"
            users = impact.users.setdefault(name, []) if not where else []
            users += [f"{prefix}{sep}{u}" for u in scope.users(diagnostic.line) if u not in users]
        else:
            name = prefix
        group.setdefault(name, []).append(diagnostic)
    return impact


def report(impact: Impact | None) -> str:
    """The "Facade impact" section of the change report."""
    if impact is None:
        return "Facade impact: not checked (no hand-written layer at facade/replicate_typed)"
    if not impact.broken:
        return "Facade impact: none (facade and tests type-check and import against the new tree)"
    errors = sum(
        len(d) for g in (impact.facade, impact.tests, impact.generated) for d in g.values()
    )
    lines = [
        f"Facade impact: BROKEN ({errors} type errors, "
        f"{len(impact.import_failures)} failed imports against the new tree)"
    ]
    if impact.import_failures:
        lines.append("  imports that fail:")
        lines += [f"    {name}: {why}" for name, why in impact.import_failures.items()]
    facade, mirrored = _fold_sync(impact.facade)
    for title, group in (
        ("facade functions and resources", facade),
        ("tests and conftests", impact.tests),
        ("generated code (mypy followed the facade's imports)", impact.generated),
    ):
        if group:
            lines.append(f"  {title} ({len(group)}):")
            lines += _places(group, impact.users)
    if mirrored:
        lines.append(
            f"  replicate_typed._sync: {mirrored} more errors mirroring the _async/ ones above "
            f"(_sync/ is written from _async/ by scripts/unasync)"
        )
    return "\n".join(lines)


def _places(group: dict[str, list[Diagnostic]], uses: dict[str, list[str]]) -> list[str]:
    lines: list[str] = []
    for name, found in list(group.items())[:_MAX_PLACES]:
        lines.append(f"    {name}")
        lines += [f"        {d.path}:{d.line}: {d.message}" for d in found[:_MAX_MESSAGES]]
        if len(found) > _MAX_MESSAGES:
            lines.append(f"        ... and {len(found) - _MAX_MESSAGES} more")
        users = [user for user in uses.get(name, []) if user not in group]
        if users:
            shown = ", ".join(users[:_MAX_PLACES])
            more = f" and {len(users) - _MAX_PLACES} more" if len(users) > _MAX_PLACES else ""
            lines.append(f"        what it imports is used by: {shown}{more}")
    if len(group) > _MAX_PLACES:
        lines.append(f"    ... and {len(group) - _MAX_PLACES} more")
    return lines


def _fold_sync(facade: dict[str, list[Diagnostic]]) -> tuple[dict[str, list[Diagnostic]], int]:
    """Drop _sync/ places when every _sync module affected has its _async twin affected."""
    modules = {name.split(" ")[0].split(".")[2] for name in facade if name.startswith(_ASYNC)}
    synced = {name: found for name, found in facade.items() if name.startswith(_SYNC)}
    if not synced or any(name.split(" ")[0].split(".")[2] not in modules for name in synced):
        return facade, 0
    kept = {name: found for name, found in facade.items() if name not in synced}
    return kept, sum(len(found) for found in synced.values())


def _module_parts(parts: tuple[str, ...]) -> list[str]:
    names = [*parts[:-1], Path(parts[-1]).stem]
    return names[:-1] if names[-1] == "__init__" else names


def _generated_module(path: Path) -> str:
    parts = path.parts
    start = parts.index("replicate_api") if "replicate_api" in parts else len(parts) - 1
    return ".".join(_module_parts(parts[start:]))


class _Scopes:
    """The functions and classes of one file, to find the innermost around a line.

    An error on an import line says little by itself; the names that import
    binds, and the functions that use them, say which code the break reaches.
    """

    def __init__(self, path: Path) -> None:
        self._spans: list[tuple[int, int, str]] = []
        self._imports: list[tuple[int, int, set[str]]] = []
        self._names: list[tuple[str, int]] = []
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (OSError, SyntaxError, ValueError):
            return
        self._walk(tree, "")
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                bound = {(a.asname or a.name).split(".")[0] for a in node.names}
                self._imports.append((node.lineno, node.end_lineno or node.lineno, bound))
            elif isinstance(node, ast.Name):
                self._names.append((node.id, node.lineno))

    def users(self, line: int) -> list[str]:
        """The functions and classes using a name bound by the import statement at ``line``."""
        bound: set[str] = set()
        for first, last, names in self._imports:
            if first <= line <= last:
                bound |= names
        found = (self.enclosing(at) for name, at in self._names if name in bound)
        return list(dict.fromkeys(where for where in found if where))

    def _walk(self, node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                name = f"{prefix}{child.name}"
                first = min([child.lineno, *(d.lineno for d in child.decorator_list)])
                self._spans.append((first, child.end_lineno or child.lineno, name))
                self._walk(child, f"{name}.")
            else:
                self._walk(child, prefix)

    def enclosing(self, line: int) -> str:
        """The dotted name of the innermost function or class holding ``line``, or ''."""
        inside = [span for span in self._spans if span[0] <= line <= span[1]]
        return max(inside, key=lambda span: span[0])[2] if inside else ""
