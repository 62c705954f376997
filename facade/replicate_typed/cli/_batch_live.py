"""The batch's progress bar on a terminal: done out of total, then the counts, rate and ETA."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console, RenderableType
from rich.live import Live
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from replicate_typed import BatchProgress
from replicate_typed.cli._batch_progress import counts_text


class LiveBatchView:
    """A bar redrawn in place on ``stream``; when the batch is over it leaves its last state."""

    def __init__(self, stream: TextIO) -> None:
        self._console = Console(file=stream, highlight=False)
        self._progress: BatchProgress | None = None
        self._live: Live | None = Live(
            self,
            console=self._console,
            refresh_per_second=4,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._live.start()

    def update(self, progress: BatchProgress) -> None:
        self._progress = progress

    def close(self) -> None:
        if self._live is not None:
            self._live.stop()  # draws the last state once more, and keeps it
            self._live = None

    def __rich__(self) -> RenderableType:
        progress = self._progress
        if progress is None:
            return Text("batch: starting", style="dim")
        finished = progress.done + progress.failed
        row = Table.grid(padding=(0, 1))
        row.add_row(
            ProgressBar(total=max(progress.total, 1), completed=finished, width=40),
            Text(counts_text(progress)),
        )
        return row
