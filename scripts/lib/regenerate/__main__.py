"""Regenerate generated/replicate_api from openapi.json.

    scripts/regenerate                   rebuild generated/ from openapi.json
    scripts/regenerate --check           fail, naming files, if generated/ has drifted
    scripts/regenerate --spec PATH|URL   adopt a new spec: report API changes,
                                         replace openapi.json, rebuild generated/
    --accept-broken-facade               swap the new tree in even when the
                                         hand-written layer no longer type-checks

Nothing is written until generation has succeeded; generated/ is then swapped
in whole, so a failed run leaves it as it was; with --spec, openapi.json is
renamed into place only after that swap succeeded, so both change or neither.

Before the swap, the hand-written layer (facade/replicate_typed and tests/) is
type-checked and imported against the new tree (regenerate/facade_impact.py):
with --spec always, otherwise when the new tree differs from generated/. A
broken facade fails the run with nothing written, unless --accept-broken-facade.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import sys
import tempfile
from pathlib import Path

from regenerate.errors import GenerationError

try:  # a generator release that moved an internal we use fails here, by name (see internals)
    from regenerate import changes, descriptions, facade_impact, handwritten, tree
    from regenerate.generate import PACKAGE_NAME, Generation, generate
    from regenerate.spec import Operation, Spec, SpecError, dump, load, operations, validate
except GenerationError as exc:  # pragma: no cover - only after a generator bump
    sys.exit(f"regenerate: {exc}")

REPO_ROOT = Path(__file__).resolve().parents[3]


def main(
    argv: list[str] | None = None,
    root: Path = REPO_ROOT,
    check_facade: facade_impact.Check = facade_impact.check,
) -> int:
    """Run the command line; return the process exit code."""
    parser = argparse.ArgumentParser(
        prog="scripts/regenerate", description=(__doc__ or "").split("\n")[0]
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="verify generated/ is up to date")
    mode.add_argument("--spec", metavar="PATH_OR_URL", help="adopt a new OpenAPI document")
    parser.add_argument(
        "--accept-broken-facade",
        action="store_true",
        help="adopt the new tree even if the hand-written layer no longer type-checks or imports",
    )
    args = parser.parse_args(argv)
    try:
        return _run(
            root,
            check=args.check,
            new_spec=args.spec,
            facade=_FacadeGate(check_facade, accept=args.accept_broken_facade),
        )
    except (SpecError, GenerationError) as exc:
        print(f"regenerate: {exc}", file=sys.stderr)
        return 1


def _run(root: Path, *, check: bool, new_spec: str | None, facade: _FacadeGate) -> int:
    spec_path = root / "openapi.json"
    target = root / "generated" / PACKAGE_NAME
    if tree.recover(target):
        print(f"restored {target} from an interrupted run")

    spec = load(spec_path)
    if new_spec is not None:
        incoming = load(new_spec)
        validate(incoming)
        print(changes.report(spec, incoming))
        spec = incoming
    else:
        validate(spec)
    version = importlib.metadata.version("openapi-python-client")
    print(f"generating {len(operations(spec))} operations with openapi-python-client {version}")

    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".regen-", dir=target.parent) as staging:
        result = generate(spec, Path(staging) / PACKAGE_NAME, descriptions.load_table(root))
        for name, places in result.patches_applied.items():
            print(f"spec patch {name}: {len(places) or 'no'} places")
        if not _report_not_generated(root, result.not_generated, operations(spec)):
            return 1
        if check:
            drift = tree.differences(result.package_dir, target)
            for line in drift:
                print(f"  {line}", file=sys.stderr)
            if drift:
                print(
                    f"generated/{PACKAGE_NAME} differs from what openapi.json produces "
                    f"({len(drift)} files); run scripts/regenerate",
                    file=sys.stderr,
                )
                return 1
            print(f"generated/{PACKAGE_NAME} is up to date")
            return 0
        changed = new_spec is not None or bool(tree.differences(result.package_dir, target))
        if changed and not facade.passes(root, result.package_dir):
            return 1
        if not _swap_in(spec_path, spec if new_spec is not None else None, target, result):
            return 1
    print(f"wrote generated/{PACKAGE_NAME} ({len(tree.files(target))} files)")
    return 0


class _FacadeGate:
    """Print the "Facade impact" section; let the swap go ahead only if it may."""

    def __init__(self, check: facade_impact.Check, *, accept: bool) -> None:
        self._check = check
        self._accept = accept

    def passes(self, root: Path, staged_package: Path) -> bool:
        impact = self._check(root, staged_package)
        print(facade_impact.report(impact))
        if impact is None or not impact.broken:
            return True
        if self._accept:
            print("regenerate: adopting the new tree with a broken facade (--accept-broken-facade)")
            return True
        print(
            "regenerate: the hand-written layer does not type-check or import against the new "
            "tree (see Facade impact); openapi.json and generated/ are unchanged. Fix the facade, "
            "or rerun with --accept-broken-facade to adopt it anyway",
            file=sys.stderr,
        )
        return False


def _swap_in(spec_path: Path, spec: Spec | None, target: Path, result: Generation) -> bool:
    """Replace generated/ and, when adopting a new spec, openapi.json: both or neither.

    The new spec is written to a file beside openapi.json first; it is renamed
    over openapi.json only once the new tree is in place, and a failed swap
    leaves the old spec and the old tree as they were.
    """
    staged = spec_path.with_name(f".regen-new-{spec_path.name}")
    try:
        if spec is not None:
            staged.write_text(dump(spec), encoding="utf-8")
        tree.replace(target, result.package_dir)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        print(
            f"regenerate: could not swap in generated/{PACKAGE_NAME} ({exc}); "
            f"openapi.json and generated/ are unchanged",
            file=sys.stderr,
        )
        return False
    if spec is not None:
        os.replace(staged, spec_path)
        print(f"wrote {spec_path.name}")
    return True


def _report_not_generated(
    root: Path, not_generated: list[Operation], every: list[Operation]
) -> bool:
    manifest = handwritten.load_manifest(root)
    for operation in not_generated:
        entry = manifest.get(operation.operation_id)
        how = f"by hand in {entry.module}: {entry.reason}" if entry else "NOWHERE"
        print(f"not generated: {operation}, implemented {how}")
    found = handwritten.problems(not_generated, every, manifest, root)
    for problem in found:
        print(f"regenerate: {problem}", file=sys.stderr)
    return not found


if __name__ == "__main__":
    sys.exit(main())
