"""The live status display on a terminal: spinner, status, progress bar and the latest logs."""

from __future__ import annotations

import time
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.live import Live
from rich.progress_bar import ProgressBar
from rich.spinner import Spinner
from rich.text import Text

from replicate_typed import Prediction, Progress
from replicate_typed.cli._status import created_line, is_progress_line, log_lines, status_text

#: How many of the latest log lines the display shows.
LOG_LINES = 3


class LiveStatus:
    """A display on ``stream`` redrawn several times a second, so the elapsed time keeps moving.

    It is transient: when the command is done it is replaced by one summary line.
    """

    def __init__(self, stream: TextIO, started: float, *, web_links: bool) -> None:
        self._console = Console(file=stream, highlight=False)
        self._started = started
        self._web_links = web_links
        self._prediction: Prediction | None = None
        self._status = "creating"
        self._logs = ""
        self._spinner = Spinner("dots")  # one for the whole run, or it never turns
        self._live: Live | None = Live(
            self,
            console=self._console,
            transient=True,
            refresh_per_second=8,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._live.start()

    def update(self, prediction: Prediction) -> None:
        if self._prediction is None:
            self._console.print(created_line(prediction, web_links=self._web_links), markup=False)
        self._prediction = prediction
        self._status = str(prediction.status)
        if isinstance(prediction.logs, str):
            self._logs = prediction.logs

    def add_logs(self, text: str) -> None:
        self._logs += text

    def pause(self) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None

    def close(self) -> None:
        self.pause()
        if self._prediction is not None:
            summary = f"{self._status} in {self._elapsed():.1f}s"
            self._console.print(summary, style="dim", markup=False)

    def __rich__(self) -> RenderableType:
        progress = Progress.parse(self._logs)
        label = status_text(self._status, progress, self._elapsed())
        self._spinner.update(text=Text(f" {label}"))
        parts: list[RenderableType] = [self._spinner]
        if progress is not None:
            parts.append(ProgressBar(total=100, completed=progress.percentage, width=40))
        lines = [line for line in log_lines(self._logs) if not is_progress_line(line)]
        for line in lines[-LOG_LINES:]:
            parts.append(Text(line, style="dim", no_wrap=True, overflow="ellipsis"))
        return Group(*parts)

    def _elapsed(self) -> float:
        return time.monotonic() - self._started
