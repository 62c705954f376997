"""``models generate``: write a bindings module for models, from the API or from saved JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from replicate_typed import Replicate
from replicate_typed.bindings import fetch_sources, generate_module, source_from_json
from replicate_typed.bindings._generate import ModelSource
from replicate_typed.cli._args import Offline, Parser, Work
from replicate_typed.cli._exit import ExitCode, UsageError


def add_arguments(parser: Parser) -> None:
    """The arguments of ``models generate``."""
    parser.add_argument(
        "refs",
        metavar="OWNER/NAME[:VERSION]",
        nargs="+",
        help="the models (latest version if none)",
    )
    parser.add_argument("--out", metavar="PATH.py", required=True, help="the module to write")
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


def handle(args: argparse.Namespace) -> Work | Offline:
    """The work of ``models generate``: offline with --from, else through the client."""
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
