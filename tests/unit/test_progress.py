"""Progress parsed from tqdm bars in model logs, checked against output tqdm really writes."""

from __future__ import annotations

import io
from types import SimpleNamespace
from typing import Any

import pytest
from replicate_api.models.prediction import Prediction
from replicate_typed._progress import Progress
from tqdm import tqdm

from tests.support import payloads


@pytest.fixture(autouse=True)
def no_tqdm_monitor_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """tqdm starts a background thread per process unless told not to; tests need none."""
    monkeypatch.setattr(tqdm, "monitor_interval", 0)


def tqdm_output(steps: int, *, close: bool = False, **options: Any) -> str:
    """What a model's logs hold after a tqdm bar advanced ``steps`` times."""
    buffer = io.StringIO()
    bar = tqdm(file=buffer, ncols=80, mininterval=0, **options)
    for _ in range(steps):
        bar.update(1)
    if close:
        bar.close()
    return buffer.getvalue()


def test_a_unicode_bar_in_progress() -> None:
    logs = tqdm_output(9, total=20, ascii=False)

    assert "█" in logs
    assert "\r" in logs
    assert Progress.parse(logs) == Progress(percentage=45.0, current=9, total=20)


def test_a_finished_unicode_bar() -> None:
    logs = tqdm_output(20, total=20, ascii=False, close=True)

    assert logs.endswith("\n")
    assert Progress.parse(logs) == Progress(percentage=100.0, current=20, total=20)


def test_each_redraw_is_read_as_the_bar_advances() -> None:
    buffer = io.StringIO()
    seen: list[Progress | None] = []
    with tqdm(total=7, file=buffer, ncols=80, mininterval=0, ascii=False) as bar:
        for _ in range(7):
            bar.update(1)
            seen.append(Progress.parse(buffer.getvalue()))

    assert [(p.current, p.total) for p in seen if p] == [(n, 7) for n in range(1, 8)]
    assert seen[2] == Progress(percentage=300 / 7, current=3, total=7)


def test_a_bar_with_a_description_prefix() -> None:
    logs = tqdm_output(7, total=20, desc="Sampling", ascii=False)

    assert "Sampling:  35%|" in logs
    assert Progress.parse(logs) == Progress(percentage=35.0, current=7, total=20)


def test_an_ascii_bar() -> None:
    logs = tqdm_output(7, total=20, desc="Sampling", ascii=True)

    assert "#" in logs
    assert "█" not in logs
    assert Progress.parse(logs) == Progress(percentage=35.0, current=7, total=20)


def test_the_percentage_comes_from_the_counts_not_the_rounded_print() -> None:
    logs = tqdm_output(1, total=3, ascii=True)

    assert " 33%|" in logs
    assert Progress.parse(logs) == Progress(percentage=100 / 3, current=1, total=3)


def test_a_unit_scaled_download_bar_uses_the_printed_percentage() -> None:
    buffer = io.StringIO()
    options: dict[str, Any] = {"unit": "B", "unit_scale": True, "unit_divisor": 1000}
    with tqdm(total=2_670_000_000, file=buffer, ncols=100, mininterval=0, **options) as bar:
        bar.update(1_200_000_000)

    assert "1.20G/2.67G" in buffer.getvalue()
    assert Progress.parse(buffer.getvalue()) == Progress(
        percentage=45.0, current=1_200_000_000, total=2_670_000_000
    )


def test_a_bar_without_a_total_is_not_progress() -> None:
    logs = tqdm_output(9, ascii=True)

    assert "9it" in logs
    assert Progress.parse(logs) is None


def test_the_last_bar_wins_among_ordinary_lines() -> None:
    download = tqdm_output(20, total=20, desc="Downloading weights", ascii=True, close=True)
    denoise = tqdm_output(12, total=50, ascii=False)
    logs = (
        "Using seed: 42\n"
        + download
        + "Loaded model in 3.21s\n"
        + "prompt: a photo of an astronaut riding a horse\n"
        + denoise
        + "\n"
        + "NSFW filter: no content flagged\n"
    )

    assert Progress.parse(logs) == Progress(percentage=24.0, current=12, total=50)


def test_the_last_bar_on_a_line_wins() -> None:
    logs = " 10%|#         | 1/10 [00:01<00:09]  20%|##        | 2/10 [00:02<00:08]"

    assert Progress.parse(logs) == Progress(percentage=20.0, current=2, total=10)


def test_an_overshooting_bar_is_capped_at_100() -> None:
    logs = "105%|##########| 21/20 [00:02<00:00,  9.01it/s]"

    assert Progress.parse(logs) == Progress(percentage=100.0, current=21, total=20)


def test_a_zero_total_uses_the_printed_percentage() -> None:
    assert Progress.parse("  0%|          | 0/0 [00:00<?, ?it/s]") == Progress(0.0, 0, 0)


@pytest.mark.parametrize(
    "logs",
    [
        None,
        "",
        "\n\r\n",
        "Generating...\nhello Alice\n",
        "loss: 0.25 | step 9/20 | lr 1e-4",
        "GPU memory 45%|free 12GB",
        "Downloaded 45% of weights",
        "step 10/1000\n",
        "1000%|####| 9/20",
        " 45%|####5     | 9/20000000000000000000000000 [00:01<00:01]",
        "٤٥%|####5     | ٩/٢٠ [00:01<00:01]",
        "%|" * 10_000,
        "9" * 5_000 + "%|#| " + "9" * 5_000 + "/" + "9" * 5_000,
        "\x00\udc80\x1b[A",
    ],
)
def test_text_without_a_progress_bar_is_none(logs: str | None) -> None:
    assert Progress.parse(logs) is None


def test_an_ansi_cursor_move_before_a_bar_is_ignored() -> None:
    logs = "\x1b[A\x1b[2K 45%|\x1b[32m####5     \x1b[0m| 9/20 [00:01<00:01,  8.52it/s]"

    assert Progress.parse(logs) == Progress(percentage=45.0, current=9, total=20)


def test_of_reads_a_predictions_logs() -> None:
    logs = "Generating...\n" + tqdm_output(9, total=20, ascii=True)
    prediction = Prediction.from_dict(payloads.prediction("processing", logs=logs))

    assert Progress.of(prediction) == Progress(percentage=45.0, current=9, total=20)


@pytest.mark.parametrize(
    "holder",
    [
        SimpleNamespace(logs=None),
        SimpleNamespace(),
        SimpleNamespace(logs=b" 45%|####5     | 9/20"),
        Prediction.from_dict(payloads.prediction("starting")),
        Prediction.from_dict({k: v for k, v in payloads.prediction().items() if k != "logs"}),
    ],
    ids=["none", "no-attribute", "bytes", "empty", "unset"],
)
def test_of_without_readable_logs_is_none(holder: object) -> None:
    assert Progress.of(holder) is None
