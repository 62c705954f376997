"""How a fake model behaves: a Python function from input to output, plus its timing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast


class FakeModelError(Exception):
    """Raise from a fake model's function to make its prediction fail with this message.

    The prediction ends ``failed`` with the message as its ``error``, so a
    client's ``run`` raises ``replicate_typed.ModelError`` carrying it.
    """


@dataclass(frozen=True)
class FakeFile:
    """A file a fake model outputs; it is served on the fake's delivery host."""

    content: bytes
    name: str = "output.bin"
    content_type: str = "application/octet-stream"


Duration = float | Callable[[dict[str, Any]], float]
"""Seconds, fixed or drawn from the prediction's input."""


@dataclass(frozen=True)
class Behavior:
    """What a fake model does with an input.

    ``run`` returns the output (JSON values; ``FakeFile`` or ``bytes`` become
    file URLs), or raises ``FakeModelError``. With ``stream`` it returns the
    chunks to stream, sent evenly over ``run_time``; the output is their list.
    ``queue_time`` is spent "starting", ``run_time`` "processing"; either may
    be a function of the input (a benchmark draws them per prediction). With
    ``steps`` the logs show a tqdm-style progress bar while processing.
    """

    run: Callable[[dict[str, Any]], Any]
    queue_time: Duration = 0.0
    run_time: Duration = 0.0
    stream: bool = False
    steps: int | None = None


def seconds(duration: Duration, input: dict[str, Any]) -> float:
    """A behavior's duration for this input."""
    return float(duration(input) if callable(duration) else duration)


def as_chunks(value: Any) -> list[Any]:
    """The chunks a streaming behavior returned, as a list."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return [value]
    return list(cast("Iterable[object]", value))  # the behavior's return value is untyped
