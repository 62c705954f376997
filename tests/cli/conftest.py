"""Fixtures for the CLI tests: a fresh fake on a loopback port for each test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from replicate_typed.testing import FakeFile, FakeReplicate

from tests.cli.support import SLOW_STORY, SLOW_STORY_TIME, ManualClock, Served


def _echo(input: dict[str, Any]) -> Any:
    return input


def _same_named_files(input: dict[str, Any]) -> list[FakeFile]:
    return [FakeFile(b"first", "result.txt", "text/plain"), FakeFile(b"second", "result.txt")]


@pytest.fixture
def served() -> Iterator[Served]:
    """A FakeReplicate with the example models and a few of ours, served on loopback.

    Its time stands still until the test moves it (see support.ManualClock).
    """
    clock = ManualClock()
    fake = FakeReplicate(clock=clock)
    fake.add_model("acme/echo", _echo, run_time=0.05)
    fake.add_model("acme/twin-files", _same_named_files, run_time=0.05)
    fake.add_model("acme/slow-story", lambda _: SLOW_STORY, run_time=SLOW_STORY_TIME, stream=True)
    with fake.serve() as running:
        # Were the fake put on real time, every test here would depend on it again.
        assert running.fake.clock is clock
        yield Served(fake, running.url, clock)
