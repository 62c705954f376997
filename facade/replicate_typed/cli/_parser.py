"""The ``replicate-typed`` command line: the top-level parser, with a subparser per command."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from replicate_typed._version import __version__
from replicate_typed.cli._args import Parser, global_options
from replicate_typed.cli._commands import COMMANDS

DESCRIPTION = "Run models and look up predictions, models and trainings on Replicate."
EPILOG = """\
The API token comes from REPLICATE_API_TOKEN and the API from REPLICATE_BASE_URL
(default https://api.replicate.com/v1). Exit codes: 0 succeeded, 1 the model
failed, 2 usage error, 3 canceled or aborted (Ctrl-C, --timeout), 4 API or
network error.
"""


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed arguments, ``handler`` among them; UsageError if they are wrong.

    --help and --version exit 0 via SystemExit.
    """
    return build().parse_args(argv)


def build() -> Parser:
    """The parser for ``replicate-typed``."""
    parser = Parser(
        prog="replicate-typed",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    global_options(parser, default=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for register in COMMANDS:
        register(commands)
    return parser
