"""Build the wheel and the sdist, check what they ship, and install the wheel with each extra.

    scripts/check-package

Builds with ``uv build`` (the sdist, then the wheel from the sdist, so the
sdist is proven complete) into a temporary folder, checks both archives'
members and metadata (``archives``), then installs the wheel into a fresh
environment without extras and with each one (``installs``). Prints a summary
and exits 1 naming every problem.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

from package_check import archives, installs

ROOT = Path(__file__).resolve().parents[3]
PROJECT = "replicate-typed"


def _version() -> str:
    namespace: dict[str, object] = {}
    path = ROOT / "facade" / "replicate_typed" / "_version.py"
    exec(path.read_text(encoding="utf-8"), namespace)
    return str(namespace["__version__"])


def _build(uv: Path, out: Path) -> tuple[Path, Path]:
    """Build into ``out``; the wheel and the sdist."""
    subprocess.run(
        [str(uv), "build", "--quiet", "--out-dir", str(out), str(ROOT)],
        env=installs.clean_environment(),
        check=True,
    )
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    return wheel, sdist


def _layout(counts: Counter[str]) -> str:
    return ", ".join(f"{entry} ({count})" for entry, count in sorted(counts.items()))


def _kilobytes(path: Path) -> str:
    return f"{path.stat().st_size / 1024:.1f} KiB"


def _check_wheel(wheel: Path, version: str) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        members = [entry.filename for entry in archive.infolist() if not entry.is_dir()]
        info = archives.dist_info(PROJECT, version)
        problems = archives.wheel_problems(members, PROJECT, version)
        if f"{info}/METADATA" in members:
            metadata = archive.read(f"{info}/METADATA").decode()
            problems += [f"METADATA: {p}" for p in archives.metadata_problems(metadata)]
        shipped_license = f"{info}/licenses/{archives.LICENSE}"
        if shipped_license in members and archive.read(shipped_license) != _license():
            problems.append(f"{shipped_license} differs from {archives.LICENSE}")
    print(f"==> wheel {wheel.name}: {len(members)} files, {_kilobytes(wheel)}")
    print(f"    top level: {_layout(archives.top_level(members))}")
    metadata_files = [name.removeprefix(f"{info}/") for name in members if name.startswith(info)]
    print(f"    {info}: {', '.join(metadata_files)}")
    return [f"wheel: {p}" for p in problems]


def _check_sdist(sdist: Path, version: str) -> list[str]:
    root = archives.sdist_root(PROJECT, version)
    with tarfile.open(sdist) as archive:
        files = {member.name: member for member in archive.getmembers() if member.isfile()}
        problems = archives.sdist_problems(list(files), PROJECT, version)

        def read(name: str) -> bytes | None:
            member = files.get(f"{root}/{name}")
            extracted = archive.extractfile(member) if member else None
            return extracted.read() if extracted else None

        metadata, shipped_license = read("PKG-INFO"), read(archives.LICENSE)
    if metadata is not None:
        problems += [f"PKG-INFO: {p}" for p in archives.metadata_problems(metadata.decode())]
    if shipped_license is not None and shipped_license != _license():
        problems.append(f"{archives.LICENSE} differs from the repository's")
    inside = [name.split("/", 1)[1] for name in files if "/" in name]
    print(f"==> sdist {sdist.name}: {len(files)} files, {_kilobytes(sdist)}")
    print(f"    top level: {_layout(archives.top_level(inside))}")
    return [f"sdist: {p}" for p in problems]


def _license() -> bytes:
    return (ROOT / archives.LICENSE).read_bytes()


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    parser = argparse.ArgumentParser(
        prog="scripts/check-package", description=(__doc__ or "").split("\n")[0]
    )
    parser.parse_args(argv)
    started = time.monotonic()
    uv = Path(sys.executable).with_name("uv")
    version = _version()
    with tempfile.TemporaryDirectory(prefix="check-package-") as temporary:
        workdir = Path(temporary)
        wheel, sdist = _build(uv, workdir / "dist")
        print(f"==> built in {time.monotonic() - started:.1f} s")
        problems = _check_wheel(wheel, version) + _check_sdist(sdist, version)
        for install in installs.INSTALLS:
            outcome = installs.check(install, wheel, version, workdir, uv)
            verdict = "ok" if not outcome.problems else "FAILED"
            print(f"==> install {install.name:<10} {verdict:<6} {outcome.seconds:5.1f} s")
            problems += [f"{install.name}: {p}" for p in outcome.problems]
    for problem in problems:
        print(f"    {problem}")
    elapsed = time.monotonic() - started
    print(f"package check: {len(problems)} problem(s) in {elapsed:.1f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
