"""``run``: its arguments and handler; creating and following the prediction is ``cli._run``."""

from __future__ import annotations

import argparse

from replicate_typed._options import MAX_WAIT
from replicate_typed.cli._args import (
    Register,
    Subcommands,
    Work,
    json_flag,
    positive_float,
    subparser,
    wait_seconds,
)
from replicate_typed.cli._run import RunOptions, run

EXAMPLES = """\
examples:
  replicate-typed run replicate/hello-world -i text=Alice
  replicate-typed run acme/upscaler -i image=@photo.png -i scale=4 --output-dir out
  replicate-typed run owner/name:VERSION -i prompt="a fox" --timeout 300 --json
  replicate-typed run --deployment acme/my-deployment -i prompt="a fox" --wait 30
"""


def register(commands: Subcommands) -> None:
    """Add ``run MODEL`` (or ``run --deployment OWNER/NAME``) and its options."""
    parser = subparser(commands, "run", "Run a model, show its progress and print its output.")
    parser.epilog = EXAMPLES
    parser.formatter_class = argparse.RawDescriptionHelpFormatter  # keeps the examples' lines
    parser.add_argument(
        "model",
        nargs="?",
        metavar="MODEL",
        help="owner/name, owner/name:VERSION or a version id",
    )
    parser.add_argument(
        "--deployment", metavar="OWNER/NAME", help="run this deployment instead of a MODEL"
    )
    parser.add_argument(
        "-i",
        "--input",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an input: JSON if it parses (20, true, [1,2], '\"text\"'), else text; "
        "KEY=@PATH uploads a local file. Repeat for each input.",
    )
    parser.add_argument(
        "--wait",
        type=wait_seconds,
        metavar="N",
        help=f"let the API hold the create request up to N seconds (1-{MAX_WAIT}) "
        "for a quick result",
    )
    parser.add_argument(
        "--deadline",
        metavar="DURATION",
        help="the API stops the prediction after this long, e.g. 30s, 5m, 1h30m",
    )
    parser.add_argument(
        "--timeout",
        type=positive_float,
        metavar="SECONDS",
        help="give up after this many seconds: cancel the prediction and exit 3",
    )
    parser.add_argument(
        "--output-dir",
        metavar="DIR",
        default=".",
        help="where output files are saved (default: the current directory)",
    )
    json_flag(parser, "the final prediction (file URLs, nothing downloaded)")
    parser.set_defaults(handler=_handle)


def _handle(args: argparse.Namespace) -> Work:
    # -i files, --deadline and MODEL versus --deployment are checked here, before
    # a client exists: a wrong command line is told as such, token or not.
    options = RunOptions.from_args(args)
    return lambda replicate: run(replicate, options)


#: How this module adds its commands (found by ``_commands``).
COMMANDS: tuple[Register, ...] = (register,)
