"""``predictions`` and ``trainings``: list, show and cancel, the same way for either."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from functools import partial
from itertools import islice

from replicate_typed import (
    NotFoundError,
    Prediction,
    Predictions,
    Replicate,
    Training,
    Trainings,
)
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
from replicate_typed.cli._not_found import job_not_found
from replicate_typed.cli._show import job_details, job_line, show_many, show_one
from replicate_typed.cli._web_links import links_to_replicate_com

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
    listing.set_defaults(handler=partial(_list, resource, plural))
    for action, summary, handler in (
        ("get", f"Show a {noun}.", _get),
        ("cancel", f"Cancel a {noun}.", _cancel),
    ):
        sub = subparser(group, action, summary)
        sub.add_argument("id", metavar="ID", help=f"the {noun}'s id")
        json_flag(sub, f"the {noun}")
        sub.set_defaults(handler=partial(handler, resource, noun))


def _list(resource: Resource, plural: str, args: argparse.Namespace) -> Work:
    def work(replicate: Replicate) -> ExitCode:
        items: list[Prediction | Training] = list(islice(resource(replicate).list(), args.limit))
        show_many(items, job_line, as_json=args.json, empty=f"no {plural} yet")
        return ExitCode.SUCCEEDED

    return work


def _get(resource: Resource, noun: str, args: argparse.Namespace) -> Work:
    return _show_job(lambda replicate: resource(replicate).get(args.id), noun, args)


def _cancel(resource: Resource, noun: str, args: argparse.Namespace) -> Work:
    return _show_job(lambda replicate: resource(replicate).cancel(args.id), noun, args)


def _show_job(
    fetch: Callable[[Replicate], Prediction | Training], noun: str, args: argparse.Namespace
) -> Work:
    """Show what ``fetch`` returns; an id the API does not know is said so, with a --fake hint."""
    details = partial(job_details, web_links=links_to_replicate_com(fake=args.fake))

    def work(replicate: Replicate) -> ExitCode:
        try:
            job = fetch(replicate)
        except NotFoundError as exc:
            raise job_not_found(noun, args.id, fake=args.fake) from exc
        show_one(job, details, as_json=args.json)
        return ExitCode.SUCCEEDED

    return work


#: How this module adds its commands (found by ``_commands``).
COMMANDS: tuple[Register, ...] = (register_predictions, register_trainings)
