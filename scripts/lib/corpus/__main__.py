"""``python -m corpus``: check the pinned corpus, optionally cut a sample from it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from corpus import bindings_check, bindings_sample, fetch, report, sample
from corpus.check import check
from corpus.load import load_models


def main(argv: list[str] | None = None) -> int:
    """Check every model; exit 1 if any object failed to parse, 2 on a usage or corpus error."""
    parser = argparse.ArgumentParser(
        prog="scripts/corpus",
        description=f"Parse {fetch.PACKAGE}@{fetch.VERSION} with replicate_api's models.",
    )
    parser.add_argument(
        "--sample",
        nargs="+",
        metavar="[N] PATH",
        help=f"also write N varied models (default {sample.DEFAULT_COUNT}) as JSON to PATH",
    )
    parser.add_argument(
        "--bindings-sample",
        nargs="+",
        metavar="[N] PATH",
        help=(
            f"also write N models varied in their schemas (default {bindings_sample.DEFAULT_COUNT})"
            " as JSON to PATH, for the typed bindings"
        ),
    )
    parser.add_argument(
        "--bindings",
        action="store_true",
        help=(
            "instead of parsing, generate typed bindings for every model, type-check them"
            " and check each default example against them; exit 1 below 99%%"
        ),
    )
    parser.add_argument(
        "--models-json",
        type=Path,
        metavar="PATH",
        help="check this JSON array of models (e.g. a sample) instead of the corpus",
    )
    args = parser.parse_args(argv)
    count, sample_path = _sample_args(parser, "--sample", args.sample, sample.DEFAULT_COUNT)
    bindings_count, bindings_path = _sample_args(
        parser, "--bindings-sample", args.bindings_sample, bindings_sample.DEFAULT_COUNT
    )

    try:
        path: Path = args.models_json or fetch.models_json()
        models = load_models(path)
    except (fetch.CorpusError, OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.bindings:
        return 0 if bindings_check.run(models, str(path)) else 1
    result = check(models)
    print(report.summary(result, str(path)))
    if sample_path is not None:
        _write("sample", sample.choose(models, result.outcomes, count), sample_path)
    if bindings_path is not None:
        chosen = bindings_sample.choose(models, bindings_count)
        _write("bindings sample", chosen, bindings_path)
    return 0 if result.ok else 1


def _write(what: str, chosen: sample.Sample, path: Path) -> None:
    sample.write(chosen, path)
    print(
        f"{what}: {len(chosen.models)} models, {chosen.size} bytes, "
        f"{chosen.covered} shapes covered -> {path}"
    )
    for tag in chosen.uncovered:
        print(f"  not covered (only in payloads too big to keep): {tag}")


def _sample_args(
    parser: argparse.ArgumentParser, option: str, values: list[str] | None, default: int
) -> tuple[int, Path | None]:
    if values is None:
        return default, None
    count = values[0] if len(values) == 2 else str(default)
    if len(values) > 2 or not count.isdigit() or int(count) == 0:
        parser.error(f"{option} takes [N] PATH, N a positive whole number")
    return int(count), Path(values[-1])


if __name__ == "__main__":
    sys.exit(main())
