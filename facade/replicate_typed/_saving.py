"""Writing a download to disk: never over an existing file, never through a planted link.

``FileOutput.save`` (both clients, and so the CLI) writes through ``saving``:

- The bytes go to a temporary ``.NAME.part`` beside the target, created
  exclusively (``O_CREAT | O_EXCL``, and ``O_NOFOLLOW`` where the system has
  it): a file or symbolic link already at that name is never opened, written
  or removed; the next temporary name (``.NAME-1.part``, ...) is tried
  instead. Each name fits in 255 bytes (``_filenames.partial_name``).
- Once complete, the file takes its name with a hard link, which fails rather
  than replace a file that appeared meanwhile. Saved into a directory it then
  takes the next free name ("out.png", "out-1.png", ...; ``_filenames.numbered``);
  saved to a file path that exists, it raises ``FileExistsError`` (checked
  before the download too). ``overwrite=True`` replaces the target instead,
  atomically (``os.replace``).
- The temporary file is removed whatever happens, so a failed download
  leaves nothing behind.

On a file system without hard links (FAT, some network shares) the check for
an existing file and the rename are two steps, so a file created between them
by someone else would be replaced.
"""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path

from replicate_typed._filenames import numbered, partial_name

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


@contextmanager
def saving(
    path: str | os.PathLike[str], name: str, *, overwrite: bool
) -> Generator[Saving, None, None]:
    """A save to ``path`` (a directory gets ``name``): ``write`` each chunk, then ``finish``.

    Everything that can be refused is refused on entry, before the caller
    downloads anything: ValueError for a path with a NUL character,
    FileExistsError for a file path that exists (unless ``overwrite``).
    Leaving the block without finishing removes the temporary file.
    """
    text = os.fspath(path)
    if "\x00" in text:
        raise ValueError(f"path {text!r} contains a NUL character, which no file name may")
    into_directory = Path(text).is_dir()
    target = Path(text, name) if into_directory else Path(text)
    if not into_directory and not overwrite and os.path.lexists(target):
        raise _exists(target)
    partial, file = _create_partial(target)
    try:
        with file:
            yield Saving(
                target, partial, file, free=into_directory and not overwrite, overwrite=overwrite
            )
    finally:
        partial.unlink(missing_ok=True)


class Saving:
    """One save in progress: its temporary file, and where the file goes once complete."""

    def __init__(
        self, target: Path, partial: Path, file: io.BufferedWriter, *, free: bool, overwrite: bool
    ) -> None:
        self._target, self._partial, self._file = target, partial, file
        #: Saved into a directory without overwrite: take the next free name if this one is taken.
        self._free = free
        self._overwrite = overwrite

    def write(self, chunk: bytes) -> None:
        """Append ``chunk`` to the temporary file."""
        self._file.write(chunk)

    def finish(self) -> Path:
        """Give the complete file its name; return the path it was saved to."""
        self._file.close()
        if self._overwrite:
            os.replace(self._partial, self._target)
            return self._target
        candidate, number = self._target, 0
        while True:
            try:
                _publish(self._partial, candidate)
            except FileExistsError:
                if not self._free:
                    raise _exists(candidate) from None
                number += 1
                candidate = self._target.with_name(numbered(self._target.name, number))
            else:
                return candidate


def _create_partial(target: Path) -> tuple[Path, io.BufferedWriter]:
    """Create the temporary file beside ``target`` exclusively, at the first free name."""
    attempt = 0
    while True:
        partial = target.with_name(partial_name(target.name, attempt))
        try:
            return partial, open(partial, "xb", opener=_no_follow)
        except FileExistsError:
            attempt += 1


def _no_follow(path: str, flags: int) -> int:
    """The opener of the temporary file: mode "x" already adds O_CREAT | O_EXCL."""
    return os.open(path, flags | _NOFOLLOW, 0o666)


def _publish(partial: Path, target: Path) -> None:
    """Move ``partial`` to ``target``; FileExistsError if ``target`` exists (a link too)."""
    try:
        os.link(partial, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system: check, then rename
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        os.replace(partial, target)
        return
    partial.unlink()


def _exists(target: Path) -> FileExistsError:
    return FileExistsError(
        errno.EEXIST,
        "File exists (pass overwrite=True to replace it, or a directory to save under a free name)",
        str(target),
    )
