"""``models``: show one model, search the public ones, generate typed bindings, check them."""

from __future__ import annotations

import argparse
from itertools import islice

from replicate_typed import NotFoundError, Replicate
from replicate_typed.cli import _bindings_check
from replicate_typed.cli._args import (
    Register,
    Subcommands,
    Work,
    actions,
    json_flag,
    limit,
    subparser,
)
from replicate_typed.cli._exit import ExitCode
from replicate_typed.cli._generate import add_arguments, handle
from replicate_typed.cli._not_found import model_not_found
from replicate_typed.cli._show import model_details, model_line, show_many, show_one


def register(commands: Subcommands) -> None:
    """Add ``models get|search|generate|check``."""
    group = actions(subparser(commands, "models", "Look up and search models."))
    get = subparser(group, "get", "Show a model.")
    get.add_argument("name", metavar="OWNER/NAME", help="the model")
    json_flag(get, "the model")
    get.set_defaults(handler=_get)
    search = subparser(group, "search", "Search public models.")
    search.add_argument("query", metavar="QUERY", help="what to look for")
    limit(search)
    json_flag(search, "the models")
    search.set_defaults(handler=_search)
    generate = subparser(group, "generate", "Write typed bindings for models to a module.")
    add_arguments(generate)
    generate.set_defaults(handler=handle)
    check = subparser(
        group, "check", "Compare a bindings module's models with their latest versions."
    )
    check.add_argument("path", metavar="PATH.py", help="the bindings module")
    check.set_defaults(handler=_check)


def _get(args: argparse.Namespace) -> Work:
    def work(replicate: Replicate) -> ExitCode:
        try:
            model = replicate.models.get(args.name)
        except NotFoundError as exc:
            raise model_not_found(replicate, args.name) from exc
        show_one(model, model_details, as_json=args.json)
        return ExitCode.SUCCEEDED

    return work


def _search(args: argparse.Namespace) -> Work:
    def work(replicate: Replicate) -> ExitCode:
        found = list(islice(replicate.models.search(args.query), args.limit))
        show_many(found, model_line, as_json=args.json, empty=f"no models match {args.query!r}")
        return ExitCode.SUCCEEDED

    return work


def _check(args: argparse.Namespace) -> Work:
    pinned = _bindings_check.load(args.path)  # a wrong path is a usage error, token or not

    def work(replicate: Replicate) -> ExitCode:
        return _bindings_check.check(replicate, pinned)

    return work


#: How this module adds its commands (found by ``_commands``).
COMMANDS: tuple[Register, ...] = (register,)
