"""run(): sync mode first, then wait, whatever the sync window closed on."""

from __future__ import annotations

import json

import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import (
    ModelError,
    PredictionCanceledError,
    PredictionTimeoutError,
    Replicate,
    UnknownStatusError,
)
from replicate_typed.testing import FakeReplicate

from tests.support import payloads
from tests.support.clock import FakeTime
from tests.support.payloads import API, PREDICTION_ID, VERSION_ID

GET = f"{API}/predictions/{PREDICTION_ID}"
CANCEL = f"{API}/predictions/{PREDICTION_ID}/cancel"


def test_sync_mode_returns_the_output_in_one_request(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(
        method="POST", url=f"{API}/predictions", status_code=201, json=payloads.prediction()
    )

    output = replicate.run(f"replicate/hello-world:{VERSION_ID}", {"text": "Alice"})

    assert output == "hello Alice"
    (request,) = httpx_mock.get_requests()
    assert request.headers["Prefer"] == "wait"
    assert json.loads(request.content) == {"version": VERSION_ID, "input": {"text": "Alice"}}


def test_window_closing_mid_processing_waits_for_the_real_output(
    replicate: Replicate, httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    httpx_mock.add_response(
        method="POST",
        url=f"{API}/models/acme/slow/predictions",
        status_code=201,
        json=payloads.prediction("processing", version="hidden"),
    )
    httpx_mock.add_response(method="GET", url=GET, json=payloads.prediction("processing"))
    httpx_mock.add_response(method="GET", url=GET, json=payloads.prediction("succeeded"))

    output = replicate.run("acme/slow", {"text": "Alice"}, wait=5)

    assert output == "hello Alice"
    assert httpx_mock.get_requests()[0].headers["Prefer"] == "wait=5"
    assert fake_time.sleeps == [0.075, 0.075]


def test_failed_prediction_raises_model_error_with_logs(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    failed = payloads.prediction("failed", logs="loading weights\nTraceback: CUDA OOM\n")
    httpx_mock.add_response(method="POST", status_code=201, json=failed)

    with pytest.raises(ModelError) as caught:
        replicate.run(VERSION_ID, {"text": "Alice"})

    assert caught.value.error == "CUDA out of memory"
    assert caught.value.logs == "loading weights\nTraceback: CUDA OOM\n"
    assert caught.value.prediction.id == PREDICTION_ID
    assert "failed: CUDA out of memory" in str(caught.value)


@pytest.mark.parametrize(("status", "aborted"), [("canceled", False), ("aborted", True)])
def test_canceled_or_aborted_raises_and_says_which(
    replicate: Replicate, httpx_mock: HTTPXMock, status: str, aborted: bool
) -> None:
    httpx_mock.add_response(method="POST", status_code=201, json=payloads.prediction("starting"))
    httpx_mock.add_response(method="GET", url=GET, json=payloads.prediction(status))

    with pytest.raises(PredictionCanceledError) as caught:
        replicate.run(VERSION_ID, {"text": "Alice"}, deadline="30s")

    assert caught.value.aborted is aborted
    assert ("aborted before it started" in str(caught.value)) is aborted
    assert httpx_mock.get_requests()[0].headers["Cancel-After"] == "30s"


def test_timeout_cancels_the_prediction_and_reports_its_last_state(
    replicate: Replicate, httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    httpx_mock.add_response(method="POST", status_code=201, json=payloads.prediction("processing"))
    httpx_mock.add_response(
        method="GET", url=GET, json=payloads.prediction("processing"), is_reusable=True
    )
    httpx_mock.add_response(method="POST", url=CANCEL, json=payloads.prediction("canceled"))

    with pytest.raises(PredictionTimeoutError) as caught:
        replicate.run(VERSION_ID, {"text": "Alice"}, timeout=2.5)

    assert caught.value.canceled is True
    assert caught.value.prediction.status == "canceled"
    assert "did not finish within 2.5 s" in str(caught.value)
    requests = httpx_mock.get_requests()
    assert requests[0].headers["Prefer"] == "wait=2"  # the window fits inside the timeout
    assert requests[-1].url == CANCEL
    assert sum(fake_time.sleeps) == pytest.approx(2.5)


def test_unknown_final_status_is_not_mistaken_for_success(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    strange = payloads.prediction("succeeded") | {"status": "expired", "output": None}
    httpx_mock.add_response(method="POST", status_code=201, json=strange)

    with pytest.raises(UnknownStatusError, match="'expired'"):
        replicate.run(VERSION_ID, {"text": "Alice"})


@pytest.mark.parametrize("timeout", [0.5, 1.0, 2.5])
def test_short_timeouts_cancel_even_when_the_create_uses_them_up(timeout: float) -> None:
    fake = FakeReplicate()
    fake.add_model("acme/queued", lambda _: "late", queue_time=30)
    with fake.client() as replicate, pytest.raises(PredictionTimeoutError) as caught:
        replicate.run("acme/queued", {}, timeout=timeout)

    assert caught.value.canceled is True
    assert caught.value.timeout == timeout
    assert fake.clock.now() == pytest.approx(timeout)
    assert [p["status"] for p in fake.predictions()] == ["canceled"]
