"""Pick mypy's cache directory by the content of generated/, so no cache outlives it.

mypy can trust a cache entry for a generated module after regeneration (or a
checkout) replaced the module, and report false "module has no attribute"
errors. scripts/lint therefore runs mypy with ``--cache-dir`` set to what this
prints: ``.mypy_cache/generated-<hash of generated/>``. A changed tree gets a
fresh cache; caches for other trees are removed, so at most one is kept.

    python -m regenerate.typecache [ROOT]   print the cache dir, relative to ROOT
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

from regenerate import tree

PREFIX = "generated-"


def digest(root: Path) -> str:
    """Hash every file's path and bytes under ``root/generated`` (not __pycache__)."""
    hasher = hashlib.sha256()
    for name, data in tree.files(root / "generated").items():
        hasher.update(f"{name}\0{len(data)}\0".encode())
        hasher.update(data)
    return hasher.hexdigest()[:16]


def cache_dir(root: Path) -> Path:
    """The mypy cache directory for the current generated/ tree, relative to ``root``."""
    return Path(".mypy_cache", PREFIX + digest(root))


def prune(root: Path, keep: Path) -> None:
    """Remove the cache directories of every other generated/ tree."""
    parent = root / keep.parent
    if parent.is_dir():
        for path in parent.glob(PREFIX + "*"):
            if path.name != keep.name and path.is_dir():
                shutil.rmtree(path, ignore_errors=True)


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    chosen = cache_dir(root)
    prune(root, chosen)
    print(chosen.as_posix())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
