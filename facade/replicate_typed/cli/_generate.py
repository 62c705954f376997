"""``models generate``: write a bindings module for models, from the API or from saved JSON.

Or, with ``--upgrade PATH.py``, write an existing one again for its models' latest
versions (``_upgrade``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from replicate_typed import Replicate
from replicate_typed.bindings import fetch_sources, generate_module, source_from_json
from replicate_typed.bindings._generate import ModelSource
from replicate_typed.cli._args import Offline, Parser, Work
from replicate_typed.cli._bindings_check import load
from replicate_typed.cli._exit import ExitCode, UsageError
from replicate_typed.cli._upgrade import COMMAND, upgrade


def add_arguments(parser: Parser) -> None:
    """The arguments of ``models generate``."""
    parser.add_argument(
        "refs",
        metavar="OWNER/NAME[:VERSION]",
        nargs="*",
        help="the models (latest version if none)",
    )
    parser.add_argument("--out", metavar="PATH.py", help="the module to write (required)")
    parser.add_argument(
        "--from",
        dest="from_files",
        metavar="FILE",
        action="append",
        default=[],
        help=(
            "read the model (as `models get --json` prints it) or version JSON from FILE"
            " instead of the API; one per model, in order; sends nothing"
        ),
    )
    parser.add_argument(
        "--upgrade",
        metavar="PATH.py",
        help=(
            "instead of naming models: rewrite this bindings module for the latest versions"
            " of the models it pins, and print what changed (as `models check` does)"
        ),
    )


def handle(args: argparse.Namespace) -> Work | Offline:
    """The work of ``models generate``: offline with --from, else through the client."""
    if args.upgrade is not None:
        return _upgrade_work(args)
    if not args.refs:
        raise UsageError("name the models (OWNER/NAME[:VERSION]), or give --upgrade PATH.py")
    if args.out is None:
        raise UsageError("--out PATH.py is required: the module to write")
    out = Path(args.out)
    if out.suffix != ".py":
        raise UsageError(f"--out must name a .py file, got {args.out!r}")
    refs: list[str] = args.refs
    files: list[str] = args.from_files
    if files and len(files) != len(refs):
        raise UsageError(f"--from: {len(files)} files for {len(refs)} models (give one per model)")
    if files:
        return Offline(
            lambda: _write(out, [_read(path, ref) for path, ref in zip(files, refs, strict=True)])
        )

    def work(replicate: Replicate) -> ExitCode:
        return _write(out, fetch_sources(replicate, refs))

    return work


def _upgrade_work(args: argparse.Namespace) -> Work:
    """The module is read before there is a client, so a wrong path is a usage error."""
    if args.refs or args.out is not None or args.from_files:
        raise UsageError(
            "--upgrade PATH.py takes no models, --out or --from: the module says what it pins"
        )
    path = Path(args.upgrade)
    pinned = load(args.upgrade, COMMAND)

    def work(replicate: Replicate) -> ExitCode:
        return upgrade(replicate, path, pinned)

    return work


def _read(path: str, ref: str) -> ModelSource:
    try:
        data: object = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise UsageError(f"--from {path}: {error}") from None
    return source_from_json(data, ref)


def _write(out: Path, sources: list[ModelSource]) -> ExitCode:
    """Generate first, so a refused schema leaves any existing module untouched."""
    text = generate_module(sources)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({', '.join(source.model for source in sources)})", file=sys.stderr)
    return ExitCode.SUCCEEDED
