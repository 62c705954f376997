"""run(): sync mode first, then wait, whatever the sync window closed on."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock
from replicate_api.types import JSON
from replicate_typed import (
    APIConnectionError,
    APIError,
    AsyncReplicate,
    ClientClosedError,
    InternalServerError,
    ModelError,
    PredictionCanceledError,
    PredictionStatus,
    PredictionTimeoutError,
    Replicate,
    RetryPolicy,
    UnknownStatusError,
)
from replicate_typed.testing import FakeReplicate

from tests.support import payloads
from tests.support.clock import FakeTime
from tests.support.payloads import API, PREDICTION_ID, TOKEN, VERSION_ID

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
    assert fake_time.sleeps == [0.05, 0.05]


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


def test_a_client_clock_a_minute_ahead_of_the_server_does_not_cancel_a_healthy_run(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    # The server's timestamps run 50 s behind this machine's clock; its deadline is
    # 10 s after creation, so a wall-clock comparison saw it 40 s past.
    created = datetime.now(UTC) - timedelta(seconds=50)
    dates = {
        "created_at": created.isoformat().replace("+00:00", "Z"),
        "deadline": (created + timedelta(seconds=10)).isoformat().replace("+00:00", "Z"),
    }
    running = payloads.prediction("processing") | dates
    httpx_mock.add_response(method="POST", status_code=201, json=running)
    httpx_mock.add_response(method="GET", url=GET, json=running)
    httpx_mock.add_response(method="GET", url=GET, json=payloads.prediction("succeeded") | dates)

    output = replicate.run(VERSION_ID, {"text": "Alice"}, wait=1, deadline="10s")

    assert output == "hello Alice"
    assert CANCEL not in [str(request.url) for request in httpx_mock.get_requests()]


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_fake_whose_virtual_clock_starts_in_the_past_runs_past_the_window(kind: str) -> None:
    # FakeReplicate's clock starts at 2026-01-01: its deadlines are long past by the local one.
    fake = FakeReplicate()
    fake.add_model("acme/slowish", lambda _: "done", run_time=5)

    if kind == "sync":
        with fake.client() as replicate:
            output = replicate.run("acme/slowish", {}, wait=1, deadline="10s")
    else:

        async def run() -> JSON:
            async with fake.async_client() as replicate:
                return await replicate.run("acme/slowish", {}, wait=1, deadline="10s")

        output = asyncio.run(run())

    assert output == "done"
    assert [p["status"] for p in fake.predictions()] == ["succeeded"]


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


# -- nothing left running when run() gives up --------------------------------------------


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ({"status_code": 503}, InternalServerError),
        ({"exception": httpx.ReadError("connection reset by peer")}, APIConnectionError),
    ],
    ids=["503", "reset"],
)
def test_polls_that_keep_failing_cancel_the_prediction_and_the_error_carries_it(
    replicate: Replicate,
    httpx_mock: HTTPXMock,
    fault: dict[str, Any],
    error: type[APIError | APIConnectionError],
) -> None:
    httpx_mock.add_response(method="POST", status_code=201, json=payloads.prediction("processing"))
    if "exception" in fault:
        httpx_mock.add_exception(fault["exception"], method="GET", url=GET, is_reusable=True)
    else:
        httpx_mock.add_response(method="GET", url=GET, is_reusable=True, **fault)
    httpx_mock.add_response(method="POST", url=CANCEL, json=payloads.prediction("canceled"))

    with pytest.raises(error) as caught:
        replicate.run(VERSION_ID, {"text": "Alice"}, wait=1)

    failure = caught.value
    assert isinstance(failure, APIError | APIConnectionError)
    assert failure.prediction is not None
    assert (failure.prediction.id, failure.prediction.status) == (
        PREDICTION_ID,
        PredictionStatus.CANCELED,
    )
    assert failure.__notes__ == [f"run gave up: canceled prediction {PREDICTION_ID}"]
    urls = [str(request.url) for request in httpx_mock.get_requests()]
    assert urls[-1] == CANCEL
    assert urls.count(GET) == 1 + RetryPolicy().max_retries


def test_a_cancel_that_fails_too_is_tried_once_and_noted(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(method="POST", status_code=201, json=payloads.prediction("processing"))
    httpx_mock.add_response(method="GET", url=GET, status_code=503, is_reusable=True)
    httpx_mock.add_response(method="POST", url=CANCEL, status_code=503)

    with pytest.raises(InternalServerError) as caught:
        replicate.run(VERSION_ID, {"text": "Alice"}, wait=1)

    assert caught.value.prediction is not None
    assert caught.value.prediction.status == PredictionStatus.PROCESSING  # its last known state
    assert caught.value.__notes__ == [
        f"run gave up: could not cancel prediction {PREDICTION_ID}: HTTP 503; "
        "it may still be running"
    ]
    assert [str(r.url) for r in httpx_mock.get_requests()].count(CANCEL) == 1


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_client_closed_mid_run_raises_a_typed_error_that_carries_the_prediction(
    httpx_mock: HTTPXMock, kind: str
) -> None:
    httpx_mock.add_response(method="POST", status_code=201, json=payloads.prediction("processing"))

    def run_closing_the_client() -> None:
        if kind == "sync":
            _run_closing_the_client()
        else:
            asyncio.run(_run_closing_the_async_client())

    with pytest.raises(ClientClosedError) as caught:
        run_closing_the_client()

    assert isinstance(caught.value, RuntimeError)  # what httpx raised before, now typed
    assert caught.value.prediction is not None
    assert caught.value.prediction.id == PREDICTION_ID
    assert "predictions.get: the client is closed" in str(caught.value)
    [note] = caught.value.__notes__
    assert note.startswith(f"run gave up: could not cancel prediction {PREDICTION_ID} (")
    assert note.endswith("; it may still be running")
    assert len(httpx_mock.get_requests()) == 1  # nothing is sent on a closed client


def _run_closing_the_client() -> None:
    client = Replicate(TOKEN, base_url=API, sleep=lambda seconds: client.close())
    client.run(VERSION_ID, {"text": "Alice"}, wait=1)


async def _run_closing_the_async_client() -> None:
    async def close_instead_of_sleeping(seconds: float) -> None:
        await client.aclose()

    client = AsyncReplicate(TOKEN, base_url=API, sleep=close_instead_of_sleeping)
    await client.run(VERSION_ID, {"text": "Alice"}, wait=1)


def test_errors_of_wait_carry_the_prediction_and_leave_it_running(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(method="GET", url=GET, json=payloads.prediction("processing"))
    httpx_mock.add_response(method="GET", url=GET, status_code=500, is_reusable=True)

    with pytest.raises(InternalServerError) as caught:
        replicate.wait(PREDICTION_ID)

    assert caught.value.prediction is not None
    assert caught.value.prediction.status == PredictionStatus.PROCESSING
    assert CANCEL not in [r.url for r in httpx_mock.get_requests()]  # wait() leaves it running
