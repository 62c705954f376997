"""Write the sync client from the async one, or check that it is up to date.

    scripts/unasync           rewrite each sync twin from its async source
    scripts/unasync --check   fail, naming the file, if a twin is out of date

The async source is the one to edit. The rewrite is mechanical (``await``
and ``async`` dropped, ``Async*`` names mapped to their sync twins), then
ruff removes the imports that became unused and formats the result.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from syncgen.rewrite import TWINS, render


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    parser = argparse.ArgumentParser(
        prog="scripts/unasync", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--check", action="store_true", help="only check the twins")
    args = parser.parse_args(argv)
    stale: list[Path] = []
    for twin in TWINS:
        expected = render(twin)
        current = twin.target.read_text(encoding="utf-8") if twin.target.exists() else ""
        if current == expected:
            continue
        if args.check:
            stale.append(twin.target)
        else:
            twin.target.write_text(expected, encoding="utf-8")
            print(f"wrote {twin.target.name} from {twin.source.name}")
    for path in stale:
        print(
            f"syncgen: {path} is out of date with {path.name}'s async source; run scripts/unasync",
            file=sys.stderr,
        )
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
