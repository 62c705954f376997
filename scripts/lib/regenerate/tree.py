"""Compare directory trees byte for byte, and swap one in atomically."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

_IGNORED = {"__pycache__"}


def files(root: Path) -> dict[str, bytes]:
    """Map each file's path relative to ``root`` to its bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not _IGNORED.intersection(path.relative_to(root).parts)
    }


def differences(expected: Path, actual: Path) -> list[str]:
    """List files that differ between two trees, each prefixed with what is wrong."""
    want, have = files(expected), files(actual) if actual.is_dir() else {}
    lines = [f"missing   {name}" for name in sorted(want.keys() - have.keys())]
    lines += [f"unexpected {name}" for name in sorted(have.keys() - want.keys())]
    lines += [
        f"changed   {name}"
        for name in sorted(want.keys() & have.keys())
        if want[name] != have[name]
    ]
    return lines


def replace(target: Path, new: Path) -> None:
    """Put the tree at ``new`` in place of ``target`` with two renames on one filesystem.

    ``new`` must sit beside ``target``. Until the first rename ``target`` is
    untouched; a crash between the renames leaves the old tree in the backup,
    which ``recover`` puts back.

    If the second rename fails, the old tree is put back before the error is
    raised, so a failed swap leaves ``target`` as it was.
    """
    backup = _backup_of(target)
    had_target = target.exists()
    if had_target:
        os.replace(target, backup)
    try:
        os.replace(new, target)
    except OSError:
        if had_target:
            os.replace(backup, target)
        raise
    shutil.rmtree(backup, ignore_errors=True)


def recover(target: Path) -> bool:
    """Restore ``target`` from a backup an interrupted ``replace`` left behind."""
    backup = _backup_of(target)
    if backup.exists() and not target.exists():
        os.replace(backup, target)
        return True
    shutil.rmtree(backup, ignore_errors=True)
    return False


def _backup_of(target: Path) -> Path:
    return target.with_name(f".regen-old-{target.name}")
