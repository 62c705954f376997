"""``batch``: its arguments and handler; running the batch is ``cli._batch``."""

from __future__ import annotations

import argparse
from pathlib import Path

from replicate_typed.cli._args import Register, Subcommands, Work, positive_int, subparser
from replicate_typed.cli._batch import BatchOptions, run_batch
from replicate_typed.cli._rate_limit_options import add_rate_limit_options


def register(commands: Subcommands) -> None:
    """Add ``batch MODEL INPUTS.jsonl --journal FILE`` and its options."""
    parser = subparser(
        commands,
        "batch",
        "Run a model once on every input of a JSON Lines file; rerun the same command to resume.",
    )
    parser.add_argument(
        "model", metavar="MODEL", help="owner/name, owner/name:VERSION or a version id"
    )
    parser.add_argument(
        "inputs", metavar="INPUTS.jsonl", type=Path, help="one input, a JSON object, per line"
    )
    parser.add_argument(
        "--journal",
        required=True,
        type=Path,
        metavar="FILE",
        help="the SQLite file where each item's progress is recorded; "
        "after a crash or Ctrl-C the same command resumes from it",
    )
    parser.add_argument(
        "--output-dir", type=Path, metavar="DIR", help="save output files here (default: not saved)"
    )
    parser.add_argument(
        "--concurrency", type=positive_int, metavar="N", help="at most N predictions at once"
    )
    parser.add_argument(
        "--deadline",
        metavar="DURATION",
        help="the API stops each prediction after this long, e.g. 30s, 5m, 1h30m",
    )
    parser.add_argument(
        "--retry",
        type=positive_int,
        metavar="N",
        help="try a failed item up to N more times (default: a failure is final)",
    )
    parser.add_argument(
        "--allow-duplicates",
        action="store_true",
        help="run an input each time it appears in the file (default: once, however often)",
    )
    parser.add_argument(
        "--prices",
        type=Path,
        metavar="FILE",
        help="a JSON price table, to add a cost estimate to the summary",
    )
    add_rate_limit_options(parser)
    parser.set_defaults(handler=_handle)


def _handle(args: argparse.Namespace) -> Work:
    # The whole inputs file is read and checked here, before a client exists:
    # a bad line stops the batch before its first request.
    options = BatchOptions.from_args(args)
    return lambda replicate: run_batch(replicate, options)


#: How this module adds its commands (found by ``_commands``).
COMMANDS: tuple[Register, ...] = (register,)
