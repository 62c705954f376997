"""How outputs and status are written, in process: no server needed."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from replicate_typed import Prediction, Progress
from replicate_typed.cli._output import render
from replicate_typed.cli._status import PlainStatus, log_lines, status_text


@pytest.mark.parametrize(
    ("output", "concatenate", "expected"),
    [
        (None, False, None),
        ("a fox", False, "a fox"),
        ("", False, ""),
        (Path("out/a.png"), False, "out/a.png"),
        ([Path("a.png"), Path("b.png")], False, "a.png\nb.png"),
        (["Once", " upon", " a time"], True, "Once upon a time"),
        (["cat", "dog"], False, '[\n  "cat",\n  "dog"\n]'),
        (3, False, "3"),
        (True, False, "true"),
        ({"caption": "ü", "image": Path("a.png")}, False, None),
    ],
)
def test_render(output: Any, concatenate: bool, expected: str | None) -> None:
    text = render(output, concatenate=concatenate)
    if isinstance(output, dict):
        assert text is not None
        assert "ü" in text  # not escaped
        assert json.loads(text) == {"caption": "ü", "image": "a.png"}
    else:
        assert text == expected


def test_status_text() -> None:
    progress = Progress(percentage=45.0, current=9, total=20)
    assert status_text("processing", progress, 2.14) == "processing 45% (9/20) 2.1s"
    assert status_text("starting", None, 0.0) == "starting 0.0s"


def test_log_lines_show_what_a_terminal_would() -> None:
    logs = "loading\r\n  0%|  | 0/2\r 50%|# | 1/2\ncompiling"
    assert log_lines(logs) == ["loading", " 50%|# | 1/2", "compiling"]
    assert log_lines("") == []


def _prediction(status: str, logs: str) -> Prediction:
    return Prediction.from_dict(
        {
            "id": "p1",
            "model": "acme/m",
            "version": "hidden",
            "input": {},
            "output": None,
            "logs": logs,
            "error": None,
            "status": status,
            "data_removed": False,
            "created_at": datetime(2026, 1, 1, tzinfo=UTC).isoformat(),
            "urls": {"get": "g", "cancel": "c", "web": "https://replicate.com/p/p1"},
        }
    )


def test_plain_status_prints_one_line_per_change() -> None:
    stream = io.StringIO()
    status = PlainStatus(stream, started=0.0, web_links=True)
    bar = "{}%|#| {}/4 [00:00<00:00]"
    for update in [
        _prediction("starting", ""),
        _prediction("starting", ""),
        _prediction("processing", "setting up\n"),
        _prediction("processing", "setting up\n" + bar.format(25, 1)),
        _prediction("processing", "setting up\n" + bar.format(25, 1) + "\r" + bar.format(50, 2)),
        _prediction("succeeded", "setting up\n" + bar.format(100, 4) + "\ndone\n"),
    ]:
        status.update(update)
    status.close()

    lines = [re.sub(r" \d+\.\ds$", "", line) for line in stream.getvalue().splitlines()]
    assert lines == [
        "created prediction p1 (https://replicate.com/p/p1)",
        "status: starting",
        "log: setting up",  # logs before the status they arrived with, as they happened
        "status: processing",
        "status: processing 25% (1/4)",
        "status: processing 50% (2/4)",
        "log: done",
        "status: succeeded 100% (4/4)",
    ]


def test_plain_status_leaves_out_an_emulators_web_link() -> None:
    stream = io.StringIO()
    status = PlainStatus(stream, started=0.0, web_links=False)
    status.update(_prediction("starting", ""))

    assert stream.getvalue().splitlines()[0] == "created prediction p1"
