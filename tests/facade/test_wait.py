"""wait(): poll on the schedule until the prediction is finished, whatever its status."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping

import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import (
    PollSchedule,
    Prediction,
    PredictionStatus,
    PredictionTimeoutError,
    Progress,
    Replicate,
)
from replicate_typed._jobs import DEADLINE_GRACE
from tqdm import tqdm

from tests.support import payloads
from tests.support.clock import FakeTime
from tests.support.payloads import API, PREDICTION_ID

GET = f"{API}/predictions/{PREDICTION_ID}"


def _serve(httpx_mock: HTTPXMock, *states: Mapping[str, object]) -> None:
    for state in states:
        httpx_mock.add_response(method="GET", url=GET, json=state)


def test_waits_by_id_and_reports_each_change(
    replicate: Replicate, httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    _serve(
        httpx_mock,
        payloads.prediction("starting"),
        payloads.prediction("starting"),
        payloads.prediction("processing", logs="step 1\n"),
        payloads.prediction("processing", logs="step 1\nstep 2\n"),
        payloads.prediction("succeeded"),
    )
    seen: list[tuple[str, object]] = []

    result = replicate.wait(PREDICTION_ID, on_update=lambda p: seen.append((p.status, p.logs)))

    assert result.status is PredictionStatus.SUCCEEDED
    assert seen == [
        ("starting", ""),
        ("processing", "step 1\n"),
        ("processing", "step 1\nstep 2\n"),
        ("succeeded", "Generating...\n"),
    ]
    assert fake_time.sleeps == [0.05, 0.05, 0.05, 0.05]


def test_a_finished_prediction_is_returned_without_a_request(replicate: Replicate) -> None:
    done = Prediction.from_dict(payloads.prediction("succeeded"))

    assert replicate.wait(done) is done


def test_aborted_is_final(replicate: Replicate, httpx_mock: HTTPXMock) -> None:
    _serve(httpx_mock, payloads.prediction("starting"), payloads.prediction("aborted"))

    assert replicate.wait(PREDICTION_ID).status is PredictionStatus.ABORTED
    assert len(httpx_mock.get_requests()) == 2


def test_unknown_status_with_completed_at_is_final(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    _serve(
        httpx_mock,
        payloads.prediction("processing") | {"status": "queued"},
        payloads.prediction("succeeded") | {"status": "archived"},
    )

    result = replicate.wait(PREDICTION_ID)

    assert result.status == "archived"
    assert len(httpx_mock.get_requests()) == 2


def test_unknown_status_without_completed_at_stops_at_the_timeout(
    replicate: Replicate, httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    httpx_mock.add_response(
        method="GET",
        url=GET,
        json=payloads.prediction("processing") | {"status": "queued"},
        is_reusable=True,
    )

    with pytest.raises(PredictionTimeoutError) as caught:
        replicate.wait(PREDICTION_ID, timeout=1.0)

    assert caught.value.canceled is False  # wait leaves it running
    assert caught.value.past_deadline is False
    assert caught.value.prediction.status == "queued"
    assert sum(fake_time.sleeps) == pytest.approx(1.0)


def test_a_prediction_the_server_never_ends_stops_the_wait_its_grace_after_its_deadline(
    replicate: Replicate, httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    # Created at CREATED_AT with a 5 s deadline (the server's clock), and never ended.
    overdue = payloads.prediction("processing") | {
        "status": "queued",
        "deadline": "2026-11-22T10:15:07.12345678Z",
    }
    httpx_mock.add_response(method="GET", url=GET, json=overdue, is_reusable=True)

    with pytest.raises(PredictionTimeoutError) as caught:
        replicate.wait(PREDICTION_ID)
    assert caught.value.past_deadline is True
    assert "did not finish within its deadline plus grace" in str(caught.value)
    # Counted from the wait's start on the client's clock, not from the dates above.
    assert sum(fake_time.sleeps) == pytest.approx(5.0 + DEADLINE_GRACE)


def test_a_deadline_whose_dates_are_far_from_the_local_clock_does_not_end_the_wait(
    replicate: Replicate, httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    # Dates a year from this machine's clock either way, as a fake's virtual clock has.
    for created in ("2020-01-01T00:00:00Z", "2099-01-01T00:00:00Z"):
        running = payloads.prediction("processing", created_at=created)
        running["deadline"] = created.replace("00:00:00Z", "00:00:10Z")
        httpx_mock.add_response(method="GET", url=GET, json=running)
        httpx_mock.add_response(method="GET", url=GET, json=payloads.prediction("succeeded"))

        assert replicate.wait(str(running["id"])).status is PredictionStatus.SUCCEEDED


def test_the_schedule_backs_off_after_the_fast_phase(
    make_client: Callable[..., Replicate], httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    schedule = PollSchedule(interval=0.5, fast_for=1.0, growth=2.0, max_interval=3.0)
    client = make_client(polling=schedule)
    _serve(httpx_mock, *[payloads.prediction("processing")] * 6, payloads.prediction("succeeded"))

    client.wait(PREDICTION_ID)

    assert fake_time.sleeps == [0.5, 0.5, 1.0, 2.0, 3.0, 3.0]


def test_timeout_must_be_positive(replicate: Replicate) -> None:
    with pytest.raises(ValueError, match="timeout must be a positive number of seconds, got -1"):
        replicate.wait(PREDICTION_ID, timeout=-1)


def test_default_schedule_is_fast_then_capped() -> None:
    delays = PollSchedule().delays()
    first = [next(delays) for _ in range(60)]

    assert first[:40] == [0.05] * 40  # 2 s of fast polls
    assert first[40] == pytest.approx(0.075)
    assert max(first) <= 2.0
    assert first[-1] == 2.0


def test_progress_from_real_tqdm_logs_reaches_on_update(
    replicate: Replicate, httpx_mock: HTTPXMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tqdm, "monitor_interval", 0)  # no background thread in tests
    logs = io.StringIO()
    bar = tqdm(total=4, file=logs, ncols=80, mininterval=0, desc="Sampling")
    states: list[payloads.Payload] = []
    for _ in range(4):
        bar.update(1)
        states.append(payloads.prediction("processing", logs=logs.getvalue()))
    bar.close()
    _serve(httpx_mock, *states, payloads.prediction("succeeded", logs=logs.getvalue()))
    seen: list[Progress | None] = []

    replicate.wait(PREDICTION_ID, on_update=lambda p: seen.append(Progress.of(p)))

    assert [(p.current, p.total, p.percentage) for p in seen if p] == [
        (1, 4, 25.0),
        (2, 4, 50.0),
        (3, 4, 75.0),
        (4, 4, 100.0),
        (4, 4, 100.0),
    ]
