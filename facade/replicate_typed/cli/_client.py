"""The client a command talks to: Replicate's API, or an in-process emulator for --fake."""

from __future__ import annotations

from collections.abc import Generator
from contextlib import contextmanager
from typing import Literal

from replicate_typed import Replicate
from replicate_typed._rate_limits import RateLimits
from replicate_typed.cli._exit import UsageError


@contextmanager
def open_client(
    *, fake: bool, rate_limits: RateLimits | Literal[False] | None = None
) -> Generator[Replicate]:
    """A client for the API (token and URL from the environment), or for a fresh fake.

    ``rate_limits`` is the client's pacing (None: its default, the documented limits).

    The fake runs on real time so the live status shows real progress; it
    keeps its state only for this one command.
    """
    if not fake:
        with Replicate(rate_limits=rate_limits) as replicate:
            yield replicate
        return
    try:
        from replicate_typed.testing import FakeReplicate, RealClock
    except ImportError as missing:  # jsonschema, from the "testing" extra
        raise UsageError(
            f"--fake needs the testing extra (pip install 'replicate-typed[testing]'): {missing}"
        ) from missing
    with FakeReplicate(clock=RealClock()).client(rate_limits=rate_limits) as replicate:
        yield replicate
