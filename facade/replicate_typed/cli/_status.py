"""What a running prediction is doing, told on stderr while the command waits.

On a terminal a live display redraws in place (``_live``); anywhere else,
such as a log file or CI, each change is one plain line with no escape codes,
e.g. "status: processing 45% (9/20) 2.1s".
"""

from __future__ import annotations

import re
import time
from typing import Protocol, TextIO

from replicate_typed import Prediction, Progress

_LINE_BREAK = re.compile(r"\r?\n")


class StatusView(Protocol):
    """Where the command reports a prediction's progress."""

    def update(self, prediction: Prediction) -> None:
        """The prediction's latest state (its status and logs)."""

    def add_logs(self, text: str) -> None:
        """Log text that arrived on its own, from a stream."""

    def pause(self) -> None:
        """Stop drawing for good, before output goes to a terminal that shares the screen."""

    def close(self) -> None:
        """The command is done waiting; leave the screen tidy."""


def created_line(prediction: Prediction, *, web_links: bool) -> str:
    """The first line shown for a run: the prediction's id and, with ``web_links``, its page.

    ``web_links`` is False for an emulator, whose replicate.com links lead nowhere.
    """
    web = prediction.urls.web if prediction.urls and web_links else None
    return f"created prediction {prediction.id}" + (f" ({web})" if web else "")


def open_status(stream: TextIO, started: float, *, web_links: bool) -> StatusView:
    """A live display on a terminal (if rich is installed), plain lines otherwise."""
    if stream.isatty():
        try:
            from replicate_typed.cli._live import LiveStatus
        except ImportError:  # rich comes with the "cli" extra; plain lines need nothing
            pass
        else:
            return LiveStatus(stream, started, web_links=web_links)
    return PlainStatus(stream, started, web_links=web_links)


def status_text(status: str, progress: Progress | None, elapsed: float) -> str:
    """Say e.g. "processing 45% (9/20) 2.1s"; the percentage only when the logs show a bar."""
    parts = [status]
    if progress is not None:
        parts.append(f"{progress.percentage:.0f}% ({progress.current}/{progress.total})")
    parts.append(f"{elapsed:.1f}s")
    return " ".join(parts)


def log_lines(logs: str) -> list[str]:
    """The lines a terminal would show for ``logs``: a tqdm redraw after "\\r" replaces its line.

    A last line without its newline is included: it is still being written.
    """
    lines = [line.rpartition("\r")[2] for line in _LINE_BREAK.split(logs)]
    if lines and not lines[-1]:
        lines.pop()
    return lines


def is_progress_line(line: str) -> bool:
    """Whether a log line is a progress bar (shown as the percentage instead)."""
    return Progress.parse(line) is not None


class PlainStatus:
    """One line on ``stream`` for each change of status or progress, and each new log line."""

    def __init__(self, stream: TextIO, started: float, *, web_links: bool) -> None:
        self._stream = stream
        self._started = started
        self._web_links = web_links
        self._id: str | None = None
        self._shown: tuple[str, int | None] | None = None
        self._logs = ""
        self._lines_shown = 0

    def update(self, prediction: Prediction) -> None:
        if self._id is None:
            self._id = prediction.id
            self._say(created_line(prediction, web_links=self._web_links))
        self._logs = prediction.logs if isinstance(prediction.logs, str) else self._logs
        # The logs were written before the status they arrive with: "log: running"
        # before "status: succeeded", as it happened.
        self._show_logs()
        status, progress = str(prediction.status), Progress.parse(self._logs)
        shown = (status, None if progress is None else progress.current)
        if shown != self._shown:
            self._shown = shown
            self._say("status: " + status_text(status, progress, self._elapsed()))

    def add_logs(self, text: str) -> None:
        self._logs += text
        self._show_logs()

    def pause(self) -> None:
        """Nothing to do: plain lines go to a file or pipe, not to the screen output shares."""

    def close(self) -> None:
        self._stream.flush()

    def _show_logs(self) -> None:
        # Only finished lines: a partial one is shown once its newline arrives.
        complete = log_lines(self._logs.rpartition("\n")[0] + "\n") if "\n" in self._logs else []
        for line in complete[self._lines_shown :]:
            if line.strip() and not is_progress_line(line):
                self._say(f"log: {line}")
        self._lines_shown = max(self._lines_shown, len(complete))

    def _elapsed(self) -> float:
        return time.monotonic() - self._started

    def _say(self, line: str) -> None:
        self._stream.write(line + "\n")
        self._stream.flush()
