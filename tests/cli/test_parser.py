"""The command line's shape: every command a user can type reaches its handler."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from replicate_typed._rate_limits import RateLimits
from replicate_typed.cli._batch import BatchOptions
from replicate_typed.cli._exit import UsageError
from replicate_typed.cli._parser import build, parse
from replicate_typed.cli._rate_limit_options import chosen_rate_limits

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


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([], None),
        (["--rate-limits", "off"], False),
        (["--rate-limits", "low-credit"], RateLimits.low_credit()),
        (["--rate-limit-time-scale", "0.1"], RateLimits.documented(time_scale=0.1)),
        (
            ["--rate-limits", "low-credit", "--rate-limit-time-scale", "2"],
            RateLimits.low_credit(time_scale=2.0),
        ),
    ],
)
def test_batch_takes_the_rate_limits_its_client_paces_to(
    tmp_path: Path, options: list[str], expected: RateLimits | bool | None
) -> None:
    args = parse(["batch", "acme/x", "in.jsonl", "--journal", "j.db", *options])

    assert chosen_rate_limits(args) == expected


def test_commands_without_rate_limit_options_keep_the_clients_default() -> None:
    assert chosen_rate_limits(parse(["predictions", "list"])) is None


def test_a_bad_rate_limit_time_scale_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="expected a number of seconds above 0, got '0'"):
        parse(["batch", "acme/x", "in.jsonl", "--journal", "j", "--rate-limit-time-scale", "0"])


def test_the_resume_command_repeats_the_rate_limit_options(tmp_path: Path) -> None:
    inputs = tmp_path / "in.jsonl"
    inputs.write_text('{"text": "a"}\n')
    scaled = ["--rate-limits", "low-credit", "--rate-limit-time-scale", "0.5"]
    args = parse(["batch", "acme/x", str(inputs), "--journal", "j.db", *scaled])

    assert BatchOptions.from_args(args).command() == (
        f"replicate-typed batch acme/x {inputs} --journal j.db " + " ".join(scaled)
    )
