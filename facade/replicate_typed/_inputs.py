"""Find local files in a model's input, and put URLs or data URIs in their place.

Anywhere in the input (nested dicts and lists too) a ``pathlib.Path``, an open
binary file, ``bytes``, ``bytearray`` or ``io.BytesIO`` is a file to send. By
default each is uploaded through the Files API; with ``file_strategy=
"data-uri"`` files up to 256 KB travel inline as data URIs instead, as the
API's own guidance suggests for small files, and larger ones are still
uploaded.
"""

from __future__ import annotations

import base64
import io
import mimetypes
import os
from collections.abc import Generator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal, TypeAlias, cast

from replicate_typed._nested import Location, leaves, map_leaves

FileStrategy: TypeAlias = Literal["upload", "data-uri"]
FILE_STRATEGIES: tuple[FileStrategy, ...] = ("upload", "data-uri")

#: Files up to this size may travel as data URIs (the API's guidance).
DATA_URI_LIMIT = 256 * 1024


@dataclass(frozen=True)
class LocalFile:
    """A file found in the input, not yet read."""

    location: Location
    source: Path | bytes | IO[bytes]
    filename: str
    content_type: str
    size: int | None

    @contextmanager
    def open(self) -> Generator[BinaryIO]:
        """A binary stream of the content from its start; a path is opened and closed here."""
        if isinstance(self.source, Path):
            with self.source.open("rb") as handle:
                yield handle
        elif isinstance(self.source, bytes):
            yield io.BytesIO(self.source)
        else:
            if self.source.seekable():
                self.source.seek(0)
            yield cast(BinaryIO, self.source)

    def data_uri(self) -> str:
        """The whole content as a base64 data URI."""
        with self.open() as handle:
            encoded = base64.b64encode(handle.read()).decode("ascii")
        return f"data:{self.content_type};base64,{encoded}"


def check_strategy(strategy: str) -> FileStrategy:
    """Accept only the known file strategies; ValueError names the bad one."""
    if strategy not in FILE_STRATEGIES:
        raise ValueError(f"file_strategy must be one of {FILE_STRATEGIES}, got {strategy!r}")
    return strategy


def find_files(value: object) -> list[LocalFile]:
    """Every local file in ``value``, in a stable order; ValueError for text-mode files."""
    return [_describe(leaf, location) for location, leaf in leaves(value) if is_file(leaf)]


def is_file(value: object) -> bool:
    """Whether ``value`` is something this module sends as a file."""
    if isinstance(value, Path | bytes | bytearray | io.BytesIO):
        return True
    if isinstance(value, io.TextIOBase):
        raise ValueError(f"open the file {getattr(value, 'name', value)!r} in binary mode ('rb')")
    return isinstance(value, io.IOBase) and hasattr(value, "read")


def replace(value: object, urls: Mapping[Location, str]) -> object:
    """A copy of ``value`` with the file at each location replaced by its URL."""
    return map_leaves(value, urls.get)


def describe(
    value: Path | bytes | IO[bytes], *, filename: str | None = None, content_type: str | None = None
) -> LocalFile:
    """Describe one file to upload; ``filename`` and ``content_type`` override what is guessed."""
    if not is_file(value):
        raise ValueError(f"expected a Path, bytes or a binary file, got {type(value).__name__}")
    local = _describe(value, ())
    name = filename or local.filename
    guessed = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return LocalFile((), local.source, name, content_type or guessed, local.size)


def _describe(value: Any, location: Location) -> LocalFile:
    if isinstance(value, Path):
        if not value.is_file():
            raise ValueError(f"input{_where(location)} is a path to no file: {str(value)!r}")
        return _local(location, value, value.name, value.stat().st_size)
    if isinstance(value, bytes | bytearray):
        return _local(location, bytes(value), "file", len(value))
    name = getattr(value, "name", None)
    filename = os.path.basename(name) if isinstance(name, str) and name else "file"
    return _local(location, value, filename, _size(value))


def _local(
    location: Location, source: Path | bytes | IO[bytes], filename: str, size: int | None
) -> LocalFile:
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return LocalFile(location, source, filename, content_type, size)


def _size(stream: IO[bytes]) -> int | None:
    if isinstance(stream, io.BytesIO):
        return stream.getbuffer().nbytes
    try:
        return os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        return None


def _where(location: Location) -> str:
    return "".join(f"[{part!r}]" for part in location)
