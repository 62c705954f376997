"""Narrow ``run()`` outputs (typed as JSON) to the file outputs a test knows they are."""

from __future__ import annotations

from typing import cast

from replicate_typed import FileOutput


def one_file(output: object) -> FileOutput:
    """The output of a run known to return one file.

    The facade tests drive AsyncReplicate through a blocking proxy, so the value
    may be an AsyncFileOutput behind that proxy: checked by what it can do.
    """
    assert (isinstance(output, str) and hasattr(output, "save")) or hasattr(output, "_target"), (
        output
    )
    return cast(FileOutput, output)


def files(output: object) -> list[FileOutput]:
    """The output of a run known to return a list of files."""
    assert isinstance(output, list), output
    return [one_file(item) for item in cast(list[object], output)]
