"""How ``batch`` shows progress and its summary, and reads a price table, in process."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from replicate_typed import BatchProgress, BatchSummary, Price
from replicate_typed.cli._batch_progress import PlainBatchView, counts_text, duration_text
from replicate_typed.cli._batch_summary import summary_lines
from replicate_typed.cli._exit import UsageError
from replicate_typed.cli._prices import read_prices


def _progress(done: int, *, rate: float = 0.0, eta: float | None = None) -> BatchProgress:
    return BatchProgress(
        total=10, done=done, failed=1, running=2, queued=8 - done, rate=rate, eta=eta
    )


def _summary(**changes: object) -> BatchSummary:
    fields: dict[str, object] = {
        "journal": Path("run.db"),
        "total": 10,
        "succeeded": 10,
        "failed": 0,
        "canceled": 0,
        "aborted": 0,
        "skipped": 0,
        "adopted": 0,
        "recreated": 0,
        "unfinished": 0,
        "unsaved": 0,
        "total_predict_time": 25.0,
        "mean_predict_time": 2.5,
        "wall_time": 83.0,
        "cost_estimate": None,
    }
    fields.update(changes)
    return BatchSummary(**fields)  # type: ignore[arg-type]


def test_counts_text_shows_rate_and_eta_once_known() -> None:
    assert counts_text(_progress(0)) == "0/10 done, 1 failed, 2 running, 8 queued"
    assert counts_text(_progress(4, rate=1.25, eta=4.8)) == (
        "4/10 done, 1 failed, 2 running, 4 queued, 1.2/s, ETA 4.8s"
    )


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0.04, "0.0s"), (9.94, "9.9s"), (31.2, "31s"), (245, "4m05s"), (7380, "2h03m")],
)
def test_duration_text(seconds: float, text: str) -> None:
    assert duration_text(seconds) == text


def test_plain_view_prints_the_first_update_then_every_few_seconds_and_the_last() -> None:
    now = [0.0]
    stream = io.StringIO()
    view = PlainBatchView(stream, every=5.0, clock=lambda: now[0])
    for done, at in [(0, 0.0), (1, 1.0), (2, 4.9), (3, 5.0), (4, 6.0)]:
        now[0] = at
        view.update(_progress(done))
    view.close()

    printed = [line.split("/")[0] for line in stream.getvalue().splitlines()]
    assert printed == ["batch: 0", "batch: 3", "batch: 4"]


def test_plain_view_does_not_repeat_a_last_line_already_printed() -> None:
    stream = io.StringIO()
    view = PlainBatchView(stream, clock=lambda: 0.0)
    view.update(_progress(8))
    view.close()

    assert stream.getvalue() == "batch: 8/10 done, 1 failed, 2 running, 0 queued\n"


def test_plain_view_closed_before_any_update_prints_nothing() -> None:
    stream = io.StringIO()
    PlainBatchView(stream).close()

    assert stream.getvalue() == ""


def test_summary_lines_for_a_clean_first_run() -> None:
    assert summary_lines(_summary()) == [
        "10 items: 10 succeeded",
        "predict_time: total 25.0s, mean 2.50s",
        "wall time: 1m23s",
    ]


def test_summary_lines_name_every_outcome_what_the_run_did_and_the_cost() -> None:
    summary = _summary(
        succeeded=6,
        failed=2,
        canceled=1,
        aborted=1,
        skipped=3,
        adopted=1,
        recreated=2,
        mean_predict_time=None,
        total_predict_time=0.0,
        cost_estimate=0.0123,
    )
    assert summary_lines(summary) == [
        "10 items: 6 succeeded, 2 failed, 1 canceled, 1 aborted",
        "this run: 3 done before (skipped), 1 found on the server after an interruption "
        "(adopted), 2 created again after an interruption",
        "predict_time: total 0.0s",
        "wall time: 1m23s",
        "cost estimate: $0.0123 (from the price table)",
    ]


def test_read_prices(tmp_path: Path) -> None:
    path = tmp_path / "prices.json"
    path.write_text('{"acme/a": {"per_second": 0.5}, "acme/b:v1": {"per_prediction": 2}}')

    assert read_prices(path) == {
        "acme/a": Price(per_second=0.5),
        "acme/b:v1": Price(per_prediction=2.0),
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1]", "expected an object of prices by model"),
        ("{", "not a JSON file"),
        ('{"acme/a": 3}', "'acme/a': expected an object with per_second and/or per_prediction"),
        ('{"acme/a": {}}', "'acme/a': expected an object"),
        ('{"acme/a": {"per_minute": 1}}', "unknown field 'per_minute'"),
        ('{"acme/a": {"per_second": -1}}', "per_second must be a number of dollars, at least 0"),
        ('{"acme/a": {"per_second": "1"}}', "per_second must be a number of dollars"),
        ('{"acme/a": {"per_second": true}}', "per_second must be a number of dollars"),
        ('{"acme/a": {"per_second": 1e999}}', "per_second must be finite"),
    ],
)
def test_a_bad_price_table_is_a_usage_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "prices.json"
    path.write_text(text)

    with pytest.raises(UsageError, match=r"^--prices: ") as raised:
        read_prices(path)
    assert message in str(raised.value)


def test_a_missing_price_table_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        read_prices(tmp_path / "missing.json")


def test_summary_lines_count_items_not_finished_and_say_how_to_resume() -> None:
    lines = summary_lines(_summary(succeeded=7, unfinished=3))

    assert lines[:2] == [
        "10 items: 7 succeeded",
        "3 not finished: run the same command again to resume them",
    ]
