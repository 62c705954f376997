"""``models check PATH.py``: is each model a bindings module pins still what it was generated from?

A bindings module holds, per model, a ``TypedModel`` (and for a trainable one a
``TypedTraining``) with the ``openapi_schema`` it was generated from. The
model's current latest version may have changed it: this compares the two by
the rules of ``scripts/regenerate --spec`` (``replicate_typed._schema_diff``),
inputs as what the caller sends and outputs as what it reads, and says of each
change whether code written against the module may stop working.
``models generate --upgrade`` (``_upgrade``) reads the module and prints the
report with the same functions, then rewrites it.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from replicate_typed import NotFoundError, Replicate
from replicate_typed._schema_diff.changes import Change, tally
from replicate_typed._schema_diff.versions import Interface, compare_versions
from replicate_typed.bindings import TypedModel, TypedTraining, schema_sha256
from replicate_typed.cli._exit import CommandError, ExitCode, UsageError

if TYPE_CHECKING:
    from replicate_api.models.version import Version

#: How many hex digits of a version id or schema hash the report shows.
SHORT = 12


@dataclass(frozen=True)
class Pinned:
    """One pinned model version: the constants of the module that pin it, and what they pin."""

    names: tuple[str, ...]
    model: str
    version: str | None
    schema_sha256: str
    openapi_schema: dict[str, Any]
    interfaces: tuple[Interface, ...]


def load(path: str, command: str = "models check") -> list[Pinned]:
    """The model versions the module at ``path`` pins, in the order it defines them.

    UsageError, starting with ``command``, if it is not a bindings module. The
    module is executed once, under a name of its own, as ``import`` would. The
    order is the module's so that ``models generate --upgrade`` can regenerate
    it with the same constants in the same places.
    """
    file = Path(path)
    if file.suffix != ".py":
        raise UsageError(f"{command}: {path!r} is not a Python file (PATH.py)")
    if not file.is_file():
        raise UsageError(f"{command}: no such file: {path!r}")
    module = _import(file, command)
    found: dict[tuple[str, str | None, str], list[tuple[str, Interface]]] = {}
    schemas: dict[tuple[str, str | None, str], dict[str, Any]] = {}
    for name, value in vars(module).items():
        if isinstance(value, TypedModel | TypedTraining):
            key = (value.model, value.version, value.schema_sha256)
            interface: Interface = "training" if isinstance(value, TypedTraining) else "prediction"
            found.setdefault(key, []).append((name, interface))
            schemas[key] = dict(value.openapi_schema)
    if not found:
        raise UsageError(
            f"{command}: {path!r} is not a bindings module: "
            "it defines no TypedModel or TypedTraining constants"
        )
    return [
        Pinned(
            names=tuple(name for name, _ in constants),
            model=model,
            version=version,
            schema_sha256=sha,
            openapi_schema=schemas[(model, version, sha)],
            interfaces=tuple(sorted({interface for _, interface in constants})),
        )
        for (model, version, sha), constants in found.items()
    ]


def _import(file: Path, command: str) -> ModuleType:
    name = f"_replicate_typed_checked_{file.stem}"
    spec = importlib.util.spec_from_file_location(name, file)
    if spec is None or spec.loader is None:  # a path ending in .py always has both
        raise AssertionError(f"no loader for {file}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # attrs and typing look the module up while it runs
    try:
        spec.loader.exec_module(module)
    except Exception as error:  # its own code failed: say so, and how
        del sys.modules[name]
        raise UsageError(
            f"{command}: cannot import {str(file)!r}: {type(error).__name__}: {error}"
        ) from error
    return module


def check(replicate: Replicate, pinned: Sequence[Pinned]) -> ExitCode:
    """Print each pinned version against its model's latest; FAILED if any change breaks."""
    breaking = False
    for each in pinned:
        lines, broken = report(each, latest_version(replicate, each, "models check"))
        print("\n".join(lines), flush=True)
        breaking = breaking or broken
    return ExitCode.FAILED if breaking else ExitCode.SUCCEEDED


def latest_version(replicate: Replicate, pinned: Pinned, command: str) -> Version | None:
    """The pinned model's latest version; an API error (exit 4) if Replicate does not know it."""
    try:
        return replicate.models.get(pinned.model).latest_version
    except NotFoundError as error:
        names = ", ".join(pinned.names)
        message = f"{command}: {pinned.model} ({names}) is not on Replicate: {error}"
        raise CommandError(message, ExitCode.API) from error


def report(pinned: Pinned, latest: Version | None) -> tuple[list[str], bool]:
    """The lines for one pinned version against ``latest``, and whether a change breaks it."""
    sha = pinned.schema_sha256[:SHORT]
    was = f"version {pinned.version[:SHORT]} (schema {sha})" if pinned.version else f"schema {sha}"
    title = f"{pinned.model} ({', '.join(pinned.names)}): {was}"
    if latest is None or latest.openapi_schema is None:
        return [f"{title} -> no latest version with a schema to compare with"], False
    now_sha = schema_sha256(latest.openapi_schema)
    title += f" -> version {latest.id[:SHORT]} (schema {now_sha[:SHORT]})"
    if now_sha == pinned.schema_sha256:
        return [f"{title}: up to date"], False
    changes: list[Change] = compare_versions(
        pinned.openapi_schema, latest.openapi_schema, interfaces=pinned.interfaces
    )
    if not changes:
        return [f"{title}: schema changed, inputs and outputs did not"], False
    lines = [f"{title}: {tally(changes)}", *(f"  {change}" for change in changes)]
    return lines, any(change.breaking for change in changes)
