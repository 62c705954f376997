"""The command line: every command, option and help text, parsed by argparse."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import NoReturn, Protocol

from replicate_typed._options import MAX_WAIT
from replicate_typed._version import __version__
from replicate_typed.cli._exit import UsageError

DESCRIPTION = "Run models and look up predictions, models and trainings on Replicate."
EPILOG = """\
The API token comes from REPLICATE_API_TOKEN and the API from REPLICATE_BASE_URL
(default https://api.replicate.com/v1). Exit codes: 0 succeeded, 1 the model
failed, 2 usage error, 3 canceled or aborted (Ctrl-C, --timeout), 4 API or
network error.
"""

#: How many items a list shows unless --limit says otherwise.
DEFAULT_LIMIT = 20


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are UsageErrors: one line, exit code 2, from main."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


class Subcommands(Protocol):
    """What ``add_subparsers`` returns, as far as this module uses it.

    Spelled out because typeshed's name for it, ``argparse._SubParsersAction``,
    is private.
    """

    def add_parser(self, name: str, *, help: str, description: str) -> Parser: ...


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed arguments; UsageError if they are wrong (--help exits 0 via SystemExit)."""
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
    _global_options(parser, default=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _run(commands)
    _jobs(commands, "predictions", "prediction")
    _models(commands)
    _jobs(commands, "trainings", "training")
    return parser


def _global_options(parser: argparse.ArgumentParser, *, default: object) -> None:
    # Accepted before and after the command; after it, SUPPRESS keeps a flag given before.
    parser.add_argument(
        "--fake",
        action="store_true",
        default=default,
        help="use an in-process emulator (replicate_typed.testing) instead of the API; no token",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=default,
        help="log each request and show tracebacks of errors",
    )


def _subparser(group: Subcommands, name: str, summary: str) -> Parser:
    sub = group.add_parser(name, help=summary, description=summary)
    _global_options(sub, default=argparse.SUPPRESS)
    return sub


def _json_flag(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--json", action="store_true", help=f"print {what} as JSON")


def _limit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--limit",
        type=positive_int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"show at most N items (default {DEFAULT_LIMIT})",
    )


def _run(commands: Subcommands) -> None:
    run = _subparser(commands, "run", "Run a model, show its progress and print its output.")
    run.add_argument(
        "model",
        nargs="?",
        metavar="MODEL",
        help="owner/name, owner/name:VERSION or a version id",
    )
    run.add_argument(
        "--deployment", metavar="OWNER/NAME", help="run this deployment instead of a MODEL"
    )
    run.add_argument(
        "-i",
        "--input",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an input: JSON if it parses (20, true, [1,2], '\"text\"'), else text; "
        "KEY=@PATH uploads a local file. Repeat for each input.",
    )
    run.add_argument(
        "--wait",
        type=wait_seconds,
        metavar="N",
        help=f"let the API hold the create request up to N seconds (1-{MAX_WAIT}) "
        "for a quick result",
    )
    run.add_argument(
        "--deadline",
        metavar="DURATION",
        help="the API stops the prediction after this long, e.g. 30s, 5m, 1h30m",
    )
    run.add_argument(
        "--timeout",
        type=positive_float,
        metavar="SECONDS",
        help="give up after this many seconds: cancel the prediction and exit 3",
    )
    run.add_argument(
        "--output-dir",
        metavar="DIR",
        default=".",
        help="where output files are saved (default: the current directory)",
    )
    _json_flag(run, "the final prediction (file URLs, nothing downloaded)")


def _jobs(commands: Subcommands, plural: str, noun: str) -> None:
    group = _subparser(commands, plural, f"List, show and cancel {plural}.")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = _subparser(actions, "list", f"Your {plural}, newest first.")
    _limit(listing)
    _json_flag(listing, "them")
    for action, summary in (("get", f"Show a {noun}."), ("cancel", f"Cancel a {noun}.")):
        sub = _subparser(actions, action, summary)
        sub.add_argument("id", metavar="ID", help=f"the {noun}'s id")
        _json_flag(sub, f"the {noun}")


def _models(commands: Subcommands) -> None:
    group = _subparser(commands, "models", "Look up and search models.")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    get = _subparser(actions, "get", "Show a model.")
    get.add_argument("name", metavar="OWNER/NAME", help="the model")
    _json_flag(get, "the model")
    search = _subparser(actions, "search", "Search public models.")
    search.add_argument("query", metavar="QUERY", help="what to look for")
    _limit(search)
    _json_flag(search, "the models")


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def wait_seconds(text: str) -> int:
    """An argparse type: the sync window, whole seconds the API allows."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= MAX_WAIT:
        raise argparse.ArgumentTypeError(
            f"expected whole seconds from 1 to {MAX_WAIT}, got {text!r}"
        )
    return value


def positive_float(text: str) -> float:
    """An argparse type: a number of seconds greater than 0."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds above 0, got {text!r}")
    return value
