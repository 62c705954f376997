"""A finished prediction's output for the terminal: files saved to disk, values as text."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from replicate_typed import FileOutput, Replicate
from replicate_typed._nested import map_leaves
from replicate_typed._outputs import wrap_files
from replicate_typed.cli._exit import UsageError


def prepare_output_dir(name: str) -> Path:
    """The directory for output files, created if missing; checked before anything is run.

    A prediction costs money: finding out only after it ran that its output
    cannot be written would waste it.
    """
    directory = Path(name).expanduser()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--output-dir {name!r}: {exc.strerror or exc}") from exc
    if not os.access(directory, os.W_OK | os.X_OK):
        raise UsageError(f"--output-dir {name!r} is not writable")
    return directory


def save_files(output: Any, replicate: Replicate, directory: Path) -> Any:
    """A copy of ``output`` with each file URL in it downloaded into ``directory``.

    Each URL is replaced by the local path it was saved to. Names and free
    names are ``FileOutput.save``'s: existing files are never overwritten,
    "out.png" becomes "out-1.png" and so on.
    """
    wrapped = wrap_files(output, replicate.files.output)
    return _map_files(wrapped, lambda file: file.save(directory))


def render(output: object, *, concatenate: bool) -> str | None:
    """The text to print for an output, or None for no output.

    A string is printed as it is, saved files as their paths (one a line),
    and the list of chunks a language model streamed (``concatenate``) as one
    text; anything else as indented JSON.
    """
    if output is None:
        return None
    if isinstance(output, str | Path):
        return str(output)
    items = _items(output)
    if items:
        if all(isinstance(item, Path) for item in items):
            return "\n".join(str(item) for item in items)
        texts = [item for item in items if isinstance(item, str)]
        if concatenate and len(texts) == len(items):
            return "".join(texts)
    return json.dumps(_paths_as_text(output), indent=2, ensure_ascii=False)


def _items(output: object) -> list[object] | None:
    """The items of a list output (a model's output is untyped JSON), else None."""
    return cast("list[object]", output) if isinstance(output, list) else None


def _map_files(value: object, save: Callable[[FileOutput], Path]) -> object:
    return map_leaves(value, lambda _, leaf: save(leaf) if isinstance(leaf, FileOutput) else leaf)


def _paths_as_text(value: object) -> object:
    return map_leaves(value, lambda _, leaf: str(leaf) if isinstance(leaf, Path) else leaf)
