"""A typed model's output reader, bound to this client's file objects (``AsyncFileOutput``).

scripts/unasync writes ``_sync/typed.py`` from this file; edit this one. The
bindings carry one output reader per client, each given that client's file
class; this picks this client's and hands it this client's runner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from replicate_typed._async.files import AsyncFileOutput
from replicate_typed._async.runner import AsyncRunner
from replicate_typed._typed import AsyncModelOf, AsyncTrainingOf

O = TypeVar("O")  # noqa: E741 - the bindings' letter for the output


def output_reader(
    ref: AsyncModelOf[Any, O] | AsyncTrainingOf[Any, O], runner: AsyncRunner
) -> Callable[[object], O]:
    """Read a raw output as ``ref``'s output type, files as this client's ``AsyncFileOutput``."""

    def file(url: str) -> AsyncFileOutput:
        return AsyncFileOutput(url, runner)

    return lambda raw: ref.read_async_output(raw, file)
