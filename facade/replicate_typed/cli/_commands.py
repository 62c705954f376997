"""The look-up commands: ``predictions``, ``trainings`` and ``models``."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any, Protocol, TypeVar

from replicate_typed import Prediction, Predictions, Replicate, Training, Trainings
from replicate_typed.cli._exit import ExitCode
from replicate_typed.cli._show import (
    job_details,
    job_line,
    model_details,
    model_line,
    print_json,
    print_lines,
)


class _ToDict(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


T = TypeVar("T", bound=_ToDict)


def jobs(resource: Predictions | Trainings, args: argparse.Namespace) -> ExitCode:
    """``predictions`` or ``trainings``: ``list``, ``get ID`` or ``cancel ID``."""
    if args.action == "list":
        items: list[Prediction | Training] = list(islice(resource.list(), args.limit))
        _show_many(items, job_line, as_json=args.json)
    else:
        job = resource.get(args.id) if args.action == "get" else resource.cancel(args.id)
        _show_one(job, job_details, as_json=args.json)
    return ExitCode.SUCCEEDED


def models(replicate: Replicate, args: argparse.Namespace) -> ExitCode:
    """``models``: ``get OWNER/NAME`` or ``search QUERY``."""
    if args.action == "get":
        _show_one(replicate.models.get(args.name), model_details, as_json=args.json)
    else:
        found = list(islice(replicate.models.search(args.query), args.limit))
        _show_many(found, model_line, as_json=args.json)
    return ExitCode.SUCCEEDED


def _show_many(items: Iterable[T], line: Callable[[T], str], *, as_json: bool) -> None:
    if as_json:
        print_json([_dict(item) for item in items])
    else:
        print_lines([line(item) for item in items])


def _show_one(item: T, details: Callable[[T], list[str]], *, as_json: bool) -> None:
    if as_json:
        print_json(_dict(item))
    else:
        print_lines(details(item))


def _dict(item: _ToDict) -> dict[str, Any]:
    return item.to_dict()
