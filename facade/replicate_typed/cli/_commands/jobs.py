"""``predictions`` and ``trainings``: list, show and cancel, the same way for either."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import partial
from itertools import islice

from replicate_typed import Prediction, Predictions, Replicate, Training, Trainings
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
from replicate_typed.cli._show import job_details, job_line, show_many, show_one

#: Which of the client's resources a command is about.
Resource = Callable[[Replicate], Predictions | Trainings]


def register_predictions(commands: Subcommands) -> None:
    """Add ``predictions list|get|cancel``."""
    _register(commands, "predictions", "prediction", lambda replicate: replicate.predictions)


def register_trainings(commands: Subcommands) -> None:
    """Add ``trainings list|get|cancel``."""
    _register(commands, "trainings", "training", lambda replicate: replicate.trainings)


def _register(commands: Subcommands, plural: str, noun: str, resource: Resource) -> None:
    group = actions(subparser(commands, plural, f"List, show and cancel {plural}."))
    listing = subparser(group, "list", f"Your {plural}, newest first.")
    limit(listing)
    json_flag(listing, "them")
    listing.set_defaults(handler=partial(_list, resource))
    for action, summary, handler in (
        ("get", f"Show a {noun}.", _get),
        ("cancel", f"Cancel a {noun}.", _cancel),
    ):
        sub = subparser(group, action, summary)
        sub.add_argument("id", metavar="ID", help=f"the {noun}'s id")
        json_flag(sub, f"the {noun}")
        sub.set_defaults(handler=partial(handler, resource))


def _list(resource: Resource, args: argparse.Namespace) -> Work:
    def work(replicate: Replicate) -> ExitCode:
        items: list[Prediction | Training] = list(islice(resource(replicate).list(), args.limit))
        show_many(items, job_line, as_json=args.json)
        return ExitCode.SUCCEEDED

    return work


def _get(resource: Resource, args: argparse.Namespace) -> Work:
    def work(replicate: Replicate) -> ExitCode:
        show_one(resource(replicate).get(args.id), job_details, as_json=args.json)
        return ExitCode.SUCCEEDED

    return work


def _cancel(resource: Resource, args: argparse.Namespace) -> Work:
    def work(replicate: Replicate) -> ExitCode:
        show_one(resource(replicate).cancel(args.id), job_details, as_json=args.json)
        return ExitCode.SUCCEEDED

    return work


#: How this module adds its commands (found by ``_commands``).
COMMANDS: tuple[Register, ...] = (register_predictions, register_trainings)
