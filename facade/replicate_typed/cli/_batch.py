"""``replicate-typed batch``: run every input once, show progress, print the summary.

The work is the SDK's ``Replicate.batch``: it journals each item, so the same
command after a crash or Ctrl-C resumes where it stopped. This module checks
the command line, feeds the progress view and tells the outcome.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from replicate_typed import BatchRetry, BatchSummary, Price, Replicate
from replicate_typed.cli._batch_progress import open_batch_view
from replicate_typed.cli._batch_summary import summary_lines
from replicate_typed.cli._exit import CommandError, ExitCode, check_deadline_option
from replicate_typed.cli._jsonl import read_inputs
from replicate_typed.cli._prices import read_prices


@dataclass(frozen=True)
class BatchOptions:
    """The ``batch`` command's arguments, checked, with the inputs already read."""

    model: str
    inputs_path: Path
    inputs: list[dict[str, Any]]
    journal: Path
    output_dir: Path | None
    concurrency: int | None
    deadline: str | None
    retry: int | None
    allow_duplicates: bool
    prices_path: Path | None
    prices: dict[str, Price] | None
    rate_limits: str
    rate_limit_time_scale: float

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> BatchOptions:
        """Read them from argparse's namespace; UsageError for a bad file or --deadline."""
        check_deadline_option(args.deadline)
        return cls(
            model=args.model,
            inputs_path=args.inputs,
            inputs=read_inputs(args.inputs),
            journal=args.journal,
            output_dir=args.output_dir,
            concurrency=args.concurrency,
            deadline=args.deadline,
            retry=args.retry,
            allow_duplicates=args.allow_duplicates,
            prices_path=args.prices,
            prices=None if args.prices is None else read_prices(args.prices),
            rate_limits=args.rate_limits,
            rate_limit_time_scale=args.rate_limit_time_scale,
        )

    def batch_retry(self) -> BatchRetry | None:
        """--retry N as the SDK's policy: N more runs after the first, of failed items."""
        return None if self.retry is None else BatchRetry(attempts=self.retry + 1)

    def command(self) -> str:
        """The command line that runs this batch again, for resuming it."""
        words = ["replicate-typed", "batch", self.model, str(self.inputs_path)]
        words += ["--journal", str(self.journal)]
        if self.output_dir is not None:
            words += ["--output-dir", str(self.output_dir)]
        if self.concurrency is not None:
            words += ["--concurrency", str(self.concurrency)]
        if self.deadline is not None:
            words += ["--deadline", self.deadline]
        if self.retry is not None:
            words += ["--retry", str(self.retry)]
        if self.allow_duplicates:
            words.append("--allow-duplicates")
        if self.prices_path is not None:
            words += ["--prices", str(self.prices_path)]
        if self.rate_limits != "documented":
            words += ["--rate-limits", self.rate_limits]
        if self.rate_limit_time_scale != 1.0:
            words += ["--rate-limit-time-scale", str(self.rate_limit_time_scale)]
        return shlex.join(words)


def run_batch(replicate: Replicate, options: BatchOptions) -> ExitCode:
    """Run the batch, then print its summary; exit code FAILED unless every item succeeded.

    On Ctrl-C the SDK has canceled the predictions in flight; the error says
    how to resume.
    """
    view = open_batch_view(sys.stderr)
    try:
        summary = replicate.batch(
            options.model,
            options.inputs,
            journal=options.journal,
            concurrency=options.concurrency,
            deadline=options.deadline,
            output_dir=options.output_dir,
            on_progress=view.update,
            retry=options.batch_retry(),
            allow_duplicates=options.allow_duplicates,
            prices=options.prices,
        )
    except KeyboardInterrupt:
        view.close()
        raise CommandError(
            "interrupted: the predictions in flight were canceled; "
            f"to resume, run the same command:\n  {options.command()}",
            ExitCode.CANCELED,
        ) from None
    view.close()
    for line in summary_lines(summary):
        print(line)
    return _exit_code(summary)


def _exit_code(summary: BatchSummary) -> ExitCode:
    # Failed, canceled, aborted, not finished (a create that may have reached the
    # server is left for the next run to look up), or succeeded with files not
    # saved: all need a look or a rerun.
    everything = summary.succeeded == summary.total and not summary.unsaved
    return ExitCode.SUCCEEDED if everything else ExitCode.FAILED
