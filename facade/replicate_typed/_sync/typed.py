"""A typed model's output reader, bound to this client's file objects (``FileOutput``).

Written by scripts/unasync from _async/typed.py: edit that file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from replicate_typed._sync.files import FileOutput
from replicate_typed._sync.runner import Runner
from replicate_typed._typed import ModelOf, TrainingOf

O = TypeVar("O")  # noqa: E741 - the bindings' letter for the output


def output_reader(
    ref: ModelOf[Any, O] | TrainingOf[Any, O], runner: Runner
) -> Callable[[object], O]:
    """Read a raw output as ``ref``'s output type, files as this client's ``FileOutput``."""

    def file(url: str) -> FileOutput:
        return FileOutput(url, runner)

    return lambda raw: ref.read_output(raw, file)
