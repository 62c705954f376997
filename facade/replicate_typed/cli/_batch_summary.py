"""The lines ``batch`` prints at the end: outcomes, what this run did, time, cost."""

from __future__ import annotations

from replicate_typed import BatchSummary
from replicate_typed.cli._batch_progress import duration_text


def summary_lines(summary: BatchSummary) -> list[str]:
    """E.g. "500 items: 497 succeeded, 3 failed", then what this run did, time and cost."""
    outcomes = [f"{summary.succeeded} succeeded"]
    outcomes += [
        f"{count} {name}"
        for name, count in (
            ("failed", summary.failed),
            ("canceled", summary.canceled),
            ("aborted", summary.aborted),
        )
        if count
    ]
    lines = [f"{summary.total} items: {', '.join(outcomes)}"]
    if summary.unfinished:
        lines.append(
            f"{summary.unfinished} not finished: run the same command again to resume them"
        )
    if summary.unsaved:
        lines.append(
            f"{summary.unsaved} succeeded but their files were not all saved (see the journal's "
            "error column): run the same command again within the hour the outputs last"
        )
    this_run = [
        f"{count} {what}"
        for what, count in (
            ("done before (skipped)", summary.skipped),
            ("found on the server after an interruption (adopted)", summary.adopted),
            ("created again after an interruption", summary.recreated),
        )
        if count
    ]
    if this_run:
        lines.append(f"this run: {', '.join(this_run)}")
    mean = summary.mean_predict_time
    lines.append(
        f"predict_time: total {summary.total_predict_time:.1f}s"
        + ("" if mean is None else f", mean {mean:.2f}s")
    )
    lines.append(f"wall time: {duration_text(summary.wall_time)}")
    if summary.cost_estimate is not None:
        lines.append(f"cost estimate: ${summary.cost_estimate:.4f} (from the price table)")
    return lines
