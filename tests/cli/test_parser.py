"""The command line's shape: every command a user can type reaches its handler."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from typing import cast

import pytest
from replicate_typed.cli._exit import UsageError
from replicate_typed.cli._parser import build, parse

#: Every command line that does something (README, "Command line").
COMMANDS = [
    "run",
    "predictions list",
    "predictions get",
    "predictions cancel",
    "models get",
    "models search",
    "trainings list",
    "trainings get",
    "trainings cancel",
]


def _leaves(parser: argparse.ArgumentParser, words: str = "") -> Iterator[tuple[str, object]]:
    """Each command without further subcommands, and the handler its parser sets."""
    # argparse keeps subcommands in a private action type; typeshed leaves its parser type open.
    groups = [
        cast("argparse._SubParsersAction[argparse.ArgumentParser]", action)
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
    ]
    if not groups:
        yield words, parser.get_default("handler")
    for group in groups:
        for name, sub in group.choices.items():
            yield from _leaves(sub, f"{words} {name}".strip())


def test_every_command_sets_a_handler() -> None:
    handlers = dict(_leaves(build()))

    assert sorted(handlers) == sorted(COMMANDS)
    assert all(callable(handler) for handler in handlers.values())


@pytest.mark.parametrize(
    "argv",
    [
        ["run", "acme/echo", "-i", "prompt"],
        ["run", "acme/echo", "--deployment", "acme/d"],
        ["run", "acme/echo", "--deadline", "tomorrow"],
    ],
)
def test_run_checks_its_arguments_before_there_is_a_client(argv: list[str]) -> None:
    args = parse(argv)

    with pytest.raises(UsageError):
        args.handler(args)
