"""Write the sync modules from the async ones, or check that they are up to date.

    scripts/unasync           rewrite _sync/ from _async/
    scripts/unasync --check   fail, naming the files, if _sync/ is out of date

Every module of ``facade/replicate_typed/_async/`` (the ones to edit) gets a
twin of the same name in ``_sync/``. The rewrite is mechanical (``await``
and ``async`` dropped, ``Async*`` names mapped to their sync twins), then
ruff removes the imports that became unused and formats the result. A sync
module without an async source, or a rule that matched nowhere, is an error.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from unasync.rewrite import SYNC_DIR, render, twins, unused


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    parser = argparse.ArgumentParser(
        prog="scripts/unasync", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--check", action="store_true", help="only check _sync/")
    args = parser.parse_args(argv)
    used: Counter[str] = Counter()
    problems: list[str] = []
    expected_names: set[str] = set()
    for twin in twins():
        expected_names.add(twin.target.name)
        expected = render(twin, used)
        current = twin.target.read_text(encoding="utf-8") if twin.target.exists() else ""
        if current == expected:
            continue
        if args.check:
            problems.append(f"{twin.target} is out of date with _async/{twin.source.name}")
        else:
            SYNC_DIR.mkdir(exist_ok=True)
            twin.target.write_text(expected, encoding="utf-8")
            print(f"wrote _sync/{twin.target.name} from _async/{twin.source.name}")
    for orphan in sorted({p.name for p in SYNC_DIR.glob("*.py")} - expected_names):
        problems.append(f"{SYNC_DIR / orphan} has no async source in _async/")
    problems += [f"rewrite rule {rule!r} matched nowhere: remove it" for rule in unused(used)]
    for problem in problems:
        print(f"unasync: {problem}; run scripts/unasync", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
