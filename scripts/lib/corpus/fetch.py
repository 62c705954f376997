"""Fetch the pinned corpus tarball into the cache, verify it, and extract its data file.

The tarball is fetched with ``npm pack`` (the npm registry is the package's
only home) and only when it is absent, so later runs work offline. Its
sha512 is pinned here and checked on every run: a corpus that silently
changed would make the numbers incomparable between runs.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "all-the-public-replicate-models"
VERSION = "1.352.0"
# From `npm pack --json` (the registry's "integrity" field) on first fetch.
INTEGRITY = (
    "sha512-gG/hK1RN+01NSg67twLUN/2go4R+CAR+iJJ43bIAQil/"
    "6PLvi1tUDCbFWpUr3WmV4l1o9CSwToW7bwmW0tVyZw=="
)
DATA_MEMBER = "package/models.json"

CACHE = Path(__file__).resolve().parent / ".cache"


class CorpusError(Exception):
    """Raised when the corpus cannot be fetched, does not match its pin, or lacks its data."""


def tarball_path(cache: Path = CACHE) -> Path:
    """Where ``npm pack`` leaves the tarball."""
    return cache / f"{PACKAGE}-{VERSION}.tgz"


def models_json(cache: Path = CACHE) -> Path:
    """Return the path of the verified, extracted ``models.json``, fetching it if needed.

    Raises CorpusError if npm fails or the tarball's sha512 is not the pinned one.
    """
    tarball = tarball_path(cache)
    if not tarball.exists():
        _npm_pack(cache)
    _verify(tarball)
    target = cache / f"{PACKAGE}-{VERSION}" / DATA_MEMBER
    if not target.exists():
        _extract(tarball, target.parents[1])
    return target


def _npm_pack(cache: Path) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    if shutil.which("npm") is None:
        raise CorpusError("npm is not on PATH; it is needed once, to fetch the corpus")
    print(f"==> npm pack {PACKAGE}@{VERSION} (first run only)")
    result = subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", str(cache)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise CorpusError(f"npm pack failed ({result.returncode}): {result.stderr.strip()}")


def _verify(tarball: Path) -> None:
    algorithm, _, expected = INTEGRITY.partition("-")
    digest = hashlib.new(algorithm)
    with tarball.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    actual = base64.b64encode(digest.digest()).decode("ascii")
    if actual != expected:
        raise CorpusError(
            f"{tarball} has {algorithm}-{actual}, expected {INTEGRITY}; delete it to fetch again"
        )


def _extract(tarball: Path, destination: Path) -> None:
    # Extract into a sibling scratch directory and rename it into place, so an
    # interrupted run never leaves a truncated models.json that later runs trust.
    destination.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".extract-", dir=destination.parent))
    try:
        with tarfile.open(tarball, "r:gz") as archive:
            try:
                member = archive.getmember(DATA_MEMBER)
            except KeyError:
                raise CorpusError(f"{tarball} has no {DATA_MEMBER}") from None
            # "data" refuses absolute paths, links out of the tree and device files.
            archive.extract(member, scratch, filter="data")
        shutil.rmtree(destination, ignore_errors=True)
        scratch.rename(destination)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
