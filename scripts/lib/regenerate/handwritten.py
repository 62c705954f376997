"""Operations the generator cannot produce, implemented by hand (handwritten.toml)."""

from __future__ import annotations

import ast
import tomllib
from dataclasses import dataclass
from pathlib import Path

from regenerate.spec import Operation

#: Where the manifest sits, relative to the repository root.
MANIFEST = Path("scripts/lib/regenerate/handwritten.toml")

#: The functions every endpoint module offers, generated or not.
ENDPOINT_FUNCTIONS = ("sync_detailed", "sync", "asyncio_detailed", "asyncio")


@dataclass(frozen=True)
class HandwrittenOperation:
    """An operation listed in the manifest, with where it lives and why."""

    operation_id: str
    module: Path
    reason: str


def load_manifest(root: Path) -> dict[str, HandwrittenOperation]:
    """Read the manifest of hand-written operations under ``root``, keyed by operationId."""
    path = root / MANIFEST
    if not path.is_file():
        return {}
    with path.open("rb") as f:
        data = tomllib.load(f)
    return {
        operation_id: HandwrittenOperation(operation_id, Path(entry["module"]), entry["reason"])
        for operation_id, entry in data.get("operations", {}).items()
    }


def problems(
    not_generated: list[Operation],
    all_operations: list[Operation],
    manifest: dict[str, HandwrittenOperation],
    root: Path,
) -> list[str]:
    """Say what is wrong with the hand-written cover of the operations not generated."""
    found: list[str] = []
    known = {operation.operation_id for operation in all_operations}
    missing = {operation.operation_id for operation in not_generated}
    for operation in not_generated:
        if operation.operation_id not in manifest:
            found.append(
                f"{operation} was not generated and is not implemented by hand: "
                f"implement it and list it in {MANIFEST.name} with the reason"
            )
    for operation_id, entry in sorted(manifest.items()):
        if operation_id not in known:
            found.append(f"{MANIFEST.name} lists {operation_id}, which the spec no longer has")
        elif operation_id not in missing:
            found.append(
                f"{MANIFEST.name} lists {operation_id}, which is now generated: "
                "remove the hand-written copy"
            )
        else:
            found.extend(_module_problems(entry, root))
    return found


def _module_problems(entry: HandwrittenOperation, root: Path) -> list[str]:
    module = root / entry.module
    if not module.is_file():
        return [f"{entry.operation_id}: {entry.module} does not exist"]
    tree = ast.parse(module.read_text(encoding="utf-8"))
    defined = {
        node.name for node in tree.body if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }
    return [
        f"{entry.operation_id}: {entry.module.name} does not define {name}()"
        for name in ENDPOINT_FUNCTIONS
        if name not in defined
    ]
