"""What every command's arguments are made of: the parser class, shared options, argparse types.

Each command module (``_commands/``) builds its subparser from these and sets
its ``handler``; ``_parser`` puts the commands together.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import NoReturn, Protocol, TypeVar

from replicate_typed import Replicate
from replicate_typed._options import MAX_WAIT
from replicate_typed.cli._exit import ExitCode, UsageError

N = TypeVar("N", int, float)

#: How many items a list shows unless --limit says otherwise.
DEFAULT_LIMIT = 20

#: A command's work once its arguments are checked: it uses the client, returns the exit code.
Work = Callable[[Replicate], ExitCode]


@dataclass(frozen=True)
class Offline:
    """Work that sends nothing (``models generate --from``): main runs it without a client.

    So it needs no token, and no emulator either.
    """

    run: Callable[[], ExitCode]


#: What each subcommand sets as ``handler``: checks what argparse cannot (UsageError)
#: and returns the work. It runs before any client exists, so a wrong command
#: line is reported as such even without a token.
Handler = Callable[[argparse.Namespace], Work | Offline]


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are UsageErrors: one line, exit code 2, from main."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


class Subcommands(Protocol):
    """What ``add_subparsers`` returns, as far as the commands use it.

    Spelled out because typeshed's name for it, ``argparse._SubParsersAction``,
    is private.
    """

    def add_parser(self, name: str, *, help: str, description: str) -> Parser: ...


#: How a command adds its subparser to the command line.
Register = Callable[[Subcommands], None]


def global_options(parser: argparse.ArgumentParser, *, default: object) -> None:
    """--fake and --debug, which every command accepts before and after its name."""
    # After the command, SUPPRESS keeps a flag given before it.
    parser.add_argument(
        "--fake",
        action="store_true",
        default=default,
        help="use an in-process emulator (replicate_typed.testing) instead of the API; no "
        "token. Each command starts a fresh one, so a later --fake command cannot see this "
        "one's predictions: for that, serve one with 'python -m replicate_typed.testing' "
        "and set REPLICATE_BASE_URL to the URL it prints",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=default,
        help="log each request and show tracebacks of errors",
    )


def subparser(group: Subcommands, name: str, summary: str) -> Parser:
    """A command (or an action of one) named ``name``, with the global options."""
    sub = group.add_parser(name, help=summary, description=summary)
    global_options(sub, default=argparse.SUPPRESS)
    return sub


def actions(parser: Parser) -> Subcommands:
    """The actions of a command with several (``predictions list``, ``models get``)."""
    return parser.add_subparsers(dest="action", metavar="ACTION", required=True)


def json_flag(parser: argparse.ArgumentParser, what: str) -> None:
    """--json, which prints ``what`` as JSON."""
    parser.add_argument("--json", action="store_true", help=f"print {what} as JSON")


def limit(parser: argparse.ArgumentParser) -> None:
    """--limit N, for a list."""
    parser.add_argument(
        "--limit",
        type=positive_int,
        default=DEFAULT_LIMIT,
        metavar="N",
        help=f"show at most N items (default {DEFAULT_LIMIT})",
    )


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    return _number(text, int, lambda n: n >= 1, "a whole number of at least 1")


def wait_seconds(text: str) -> int:
    """An argparse type: the sync window, whole seconds the API allows."""
    return _number(text, int, lambda n: 1 <= n <= MAX_WAIT, f"whole seconds from 1 to {MAX_WAIT}")


def positive_float(text: str) -> float:
    """An argparse type: a number of seconds greater than 0."""
    return _number(text, float, lambda n: 0 < n < float("inf"), "a number of seconds above 0")


def _number(text: str, parse: Callable[[str], N], allowed: Callable[[N], bool], what: str) -> N:
    """``text`` parsed and checked, or an ArgumentTypeError saying what was expected."""
    try:
        value = parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected {what}, got {text!r}") from None
    if not allowed(value):
        raise argparse.ArgumentTypeError(f"expected {what}, got {text!r}")
    return value
