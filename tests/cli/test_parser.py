"""The command line's shape: every command a user can type reaches its handler."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from replicate_typed.cli._exit import UsageError
from replicate_typed.cli._parser import build, parse

README = Path(__file__).parents[2] / "README.md"


def _documented_commands() -> set[str]:
    """Every command the README's "Command line" section names, in examples or ``a b|c`` lists."""
    section = README.read_text().split("## Command line", 1)[1].split("\n## ", 1)[0]
    found = {
        f"{command} {sub}"
        for command, subcommands in re.findall(r"`(\w+)\s+([\w|]+)`", section)
        for sub in subcommands.split("|")
    }
    groups = {command.split()[0] for command in found}
    examples = re.findall(r"^replicate-typed (?:--\S+ )*(\w+)", section, re.MULTILINE)
    return found | {word for word in examples if word not in groups}


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


def test_every_command_sets_a_handler_and_is_in_the_readme() -> None:
    handlers = dict(_leaves(build()))

    assert sorted(handlers) == sorted(_documented_commands())
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
