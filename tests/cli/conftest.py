"""Fixtures for the CLI tests: a fresh fake on a loopback port for each test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from replicate_typed.testing import FakeFile, FakeReplicate

from tests.cli.support import Served

#: Chunks of the slow streaming model: it streams for 30 s unless stopped.
SLOW_STORY = [f"word{index} " for index in range(300)]


def _echo(input: dict[str, Any]) -> Any:
    return input


def _same_named_files(input: dict[str, Any]) -> list[FakeFile]:
    return [FakeFile(b"first", "result.txt", "text/plain"), FakeFile(b"second", "result.txt")]


@pytest.fixture
def served() -> Iterator[Served]:
    """A FakeReplicate with the example models and a few quick ones, served on loopback."""
    fake = FakeReplicate()
    fake.add_model("acme/echo", _echo, run_time=0.05)
    fake.add_model("acme/twin-files", _same_named_files, run_time=0.05)
    fake.add_model("acme/slow-story", lambda _: SLOW_STORY, run_time=30.0, stream=True)
    with fake.serve() as running:
        yield Served(fake, running.url)
