"""Where a batch item's output files go: one path per file, the same in every run.

The names are ``FileOutput.filename``'s, numbered when two files of one
output share a name ("out.png", "out-1.png"), all in the item's own folder.
Being the same in every run is what makes a save resumable: a save is
atomic (a temporary file, renamed once complete), so a file found at its
path was saved whole by an earlier run, which died before journaling it,
and is kept instead of being downloaded a second time beside itself.
"""

from __future__ import annotations

from pathlib import Path

from replicate_typed._filenames import numbered
from replicate_typed._nested import leaves
from replicate_typed._outputs import filename_of, is_file_url


def file_targets(output: object, folder: Path) -> list[tuple[str, Path]]:
    """Each file URL in ``output`` (in its order), with the path it is saved to in ``folder``."""
    targets: list[tuple[str, Path]] = []
    taken: set[str] = set()
    for _, leaf in leaves(output):
        if not is_file_url(leaf):
            continue
        name = base = filename_of(leaf)
        number = 0
        while name in taken:
            number += 1
            name = numbered(base, number)
        taken.add(name)
        targets.append((leaf, folder / name))
    return targets
