"""``batch`` against a served fake: every input once, the summary, resume, exit codes, Ctrl-C."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from replicate_typed.testing import FakeFile, FakeModelError, Fault

from tests.cli.support import TIMEOUT, Result, Served, error_line

#: The model these tests batch: instant, so nothing waits on the fake's clock.
MODEL = "acme/shout"


def _shout(input: dict[str, Any]) -> FakeFile:
    if input["text"] == "fail":
        raise FakeModelError("asked to fail")
    return FakeFile(input["text"].upper().encode(), "shout.txt", "text/plain")


@pytest.fixture
def shouting(served: Served) -> Served:
    served.fake.add_model(MODEL, _shout)
    return served


def _inputs(tmp_path: Path, *texts: str) -> Path:
    path = tmp_path / "inputs.jsonl"
    path.write_text("".join(json.dumps({"text": text}) + "\n" for text in texts))
    return path


def _batch(served: Served, tmp_path: Path, inputs: Path, *options: str) -> Result:
    journal = tmp_path / "run.db"
    return served.cli(
        "batch", MODEL, str(inputs), "--journal", str(journal), *options, finish=False
    )


def test_runs_every_input_once_saves_outputs_and_prints_the_summary(
    shouting: Served, tmp_path: Path
) -> None:
    inputs = _inputs(tmp_path, "a", "b", "c")
    result = _batch(shouting, tmp_path, inputs, "--output-dir", str(tmp_path / "out"))

    assert result.returncode == 0, result.stderr
    predictions = shouting.predictions()
    assert sorted(p["input"]["text"] for p in predictions) == ["a", "b", "c"]
    assert {p["status"] for p in predictions} == {"succeeded"}
    saved = sorted(path.read_bytes() for path in (tmp_path / "out").rglob("shout.txt"))
    assert saved == [b"A", b"B", b"C"]
    lines = result.stdout.splitlines()
    assert lines[0] == "3 items: 3 succeeded"
    assert lines[1].startswith("predict_time: total ")
    assert lines[2].startswith("wall time: ")
    # Off a terminal, progress is plain lines on stderr, the last one the end state.
    progress = [line for line in result.stderr.splitlines() if line.startswith("batch: ")]
    assert progress[-1].startswith("batch: 3/3 done, 0 failed, 0 running, 0 queued")
    assert "\x1b" not in result.stderr


def test_the_same_command_again_runs_nothing_twice(shouting: Served, tmp_path: Path) -> None:
    inputs = _inputs(tmp_path, "a", "b")
    assert _batch(shouting, tmp_path, inputs).returncode == 0

    again = _batch(shouting, tmp_path, inputs)

    assert again.returncode == 0, again.stderr
    assert len(shouting.predictions()) == 2
    assert "this run: 2 done before (skipped)" in again.stdout


def test_a_failed_item_is_counted_and_exits_1(shouting: Served, tmp_path: Path) -> None:
    result = _batch(shouting, tmp_path, _inputs(tmp_path, "a", "fail"))

    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[0] == "2 items: 1 succeeded, 1 failed"


def test_files_not_saved_exit_1_and_the_same_command_saves_them(
    shouting: Served, tmp_path: Path
) -> None:
    shouting.fake.inject(Fault.server_error(404), operation="output.download", times=1)
    inputs, out = _inputs(tmp_path, "a"), str(tmp_path / "out")

    first = _batch(shouting, tmp_path, inputs, "--output-dir", out)
    again = _batch(shouting, tmp_path, inputs, "--output-dir", out)

    assert first.returncode == 1, first.stderr
    assert first.stdout.splitlines()[:2] == [
        "1 items: 1 succeeded",
        "1 succeeded but their files were not all saved (see the journal's error column): "
        "run the same command again within the hour the outputs last",
    ]
    assert again.returncode == 0, again.stderr
    assert len(shouting.predictions()) == 1
    assert [path.read_bytes() for path in (tmp_path / "out").rglob("shout.txt")] == [b"A"]


def test_retry_runs_a_failed_item_again(shouting: Served, tmp_path: Path) -> None:
    result = _batch(shouting, tmp_path, _inputs(tmp_path, "fail"), "--retry", "2")

    assert result.returncode == 1, result.stderr
    assert [p["status"] for p in shouting.predictions()] == ["failed"] * 3


def test_prices_add_a_cost_estimate(shouting: Served, tmp_path: Path) -> None:
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({MODEL: {"per_prediction": 0.01}}))
    inputs = _inputs(tmp_path, "a", "b", "c")

    result = _batch(shouting, tmp_path, inputs, "--prices", str(prices))

    assert result.returncode == 0, result.stderr
    assert "cost estimate: $0.0300 (from the price table)" in result.stdout.splitlines()


def test_a_bad_line_is_an_error_naming_it_before_any_request(
    shouting: Served, tmp_path: Path
) -> None:
    inputs = tmp_path / "inputs.jsonl"
    inputs.write_text('{"text": "a"}\n{"text": \n')

    result = _batch(shouting, tmp_path, inputs)

    assert result.returncode == 2
    assert error_line(result) == (
        f"replicate-typed: error: {inputs} line 2: not valid JSON "
        "(Expecting value: line 1 column 10 (char 9))"
    )
    assert shouting.fake.requests == []


def test_a_bad_deadline_is_a_usage_error(shouting: Served, tmp_path: Path) -> None:
    result = _batch(shouting, tmp_path, _inputs(tmp_path, "a"), "--deadline", "soon")

    assert result.returncode == 2
    assert error_line(result).startswith("replicate-typed: error: --deadline: ")
    assert shouting.fake.requests == []


def test_the_progress_bar_on_a_terminal(shouting: Served, tmp_path: Path) -> None:
    inputs = _inputs(tmp_path, "a", "b")
    journal = str(tmp_path / "run.db")
    with shouting.start("batch", MODEL, str(inputs), "--journal", journal, terminal=True) as child:
        result = child.result()

    assert result.returncode == 0, result.stderr
    assert "\x1b[" in result.stderr  # redrawn in place
    assert "2/2 done, 0 failed, 0 running, 0 queued" in result.stderr
    assert "━" in result.stderr  # the bar


def test_ctrl_c_cancels_the_predictions_in_flight_and_says_how_to_resume(
    served: Served, tmp_path: Path
) -> None:
    started = threading.Semaphore(0)

    def queue_time(input: dict[str, Any]) -> float:
        started.release()
        return 60.0  # the fake's time stands still: these never finish

    served.fake.add_model(MODEL, lambda _: "done", queue_time=queue_time)
    inputs = _inputs(tmp_path, "a", "b", "c")
    journal = str(tmp_path / "run.db")
    command = ("batch", MODEL, str(inputs), "--journal", journal, "--concurrency", "2")
    with served.start(*command) as child:
        assert started.acquire(timeout=TIMEOUT)
        assert started.acquire(timeout=TIMEOUT)
        child.interrupt()
        result = child.result()

    assert result.returncode == 3, result.stderr
    statuses = [p["status"] for p in served.predictions()]
    assert statuses == ["canceled", "canceled"]
    assert result.stderr.splitlines()[-2:] == [
        "replicate-typed: error: interrupted: the predictions in flight were canceled; "
        "to resume, run the same command:",
        f"  replicate-typed batch {MODEL} {inputs} --journal {journal} --concurrency 2",
    ]
