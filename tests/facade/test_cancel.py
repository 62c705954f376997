"""cancel(), and interrupting run/wait, which cancels on the server first."""

from __future__ import annotations

import asyncio

import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import AsyncReplicate, Prediction, PredictionStatus, Replicate

from tests.support import payloads
from tests.support.payloads import API, PREDICTION_ID, TOKEN, VERSION_ID

GET = f"{API}/predictions/{PREDICTION_ID}"
CANCEL = f"{API}/predictions/{PREDICTION_ID}/cancel"


def _wait_until_ctrl_c() -> None:
    """wait() on the prediction, with Ctrl-C pressed during its first sleep between polls."""

    def interrupted_sleep(seconds: float) -> None:
        raise KeyboardInterrupt

    with (
        Replicate(TOKEN, base_url=API, sleep=interrupted_sleep) as client,
        pytest.raises(KeyboardInterrupt),
    ):
        client.wait(PREDICTION_ID)


def test_cancel_by_id(replicate: Replicate, httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(method="POST", url=CANCEL, json=payloads.prediction("canceled"))

    assert replicate.cancel(PREDICTION_ID).status is PredictionStatus.CANCELED


def test_cancel_of_a_finished_prediction_returns_it_unchanged(replicate: Replicate) -> None:
    done = Prediction.from_dict(payloads.prediction("succeeded"))

    assert replicate.cancel(done) is done  # and pytest-httpx saw no request


def test_cancel_of_a_finished_prediction_by_id_returns_what_the_api_says(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(method="POST", url=CANCEL, json=payloads.prediction("succeeded"))

    result = replicate.predictions.cancel(PREDICTION_ID)

    assert (result.status, result.output) == (PredictionStatus.SUCCEEDED, "hello Alice")


def test_ctrl_c_during_wait_cancels_on_the_server(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(method="GET", url=GET, json=payloads.prediction("processing"))
    httpx_mock.add_response(method="POST", url=CANCEL, json=payloads.prediction("canceled"))

    _wait_until_ctrl_c()

    assert [r.url for r in httpx_mock.get_requests()] == [GET, CANCEL]


def test_ctrl_c_during_a_poll_request_of_run_cancels_on_the_server(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(method="POST", status_code=201, json=payloads.prediction("processing"))
    httpx_mock.add_exception(KeyboardInterrupt(), method="GET", url=GET)
    httpx_mock.add_response(method="POST", url=CANCEL, json=payloads.prediction("canceled"))

    with (
        Replicate(TOKEN, base_url=API, sleep=lambda s: None) as client,
        pytest.raises(KeyboardInterrupt),
    ):
        client.run(VERSION_ID, {"text": "Alice"})

    assert httpx_mock.get_requests()[-1].url == CANCEL


def test_task_cancellation_cancels_on_the_server(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(method="POST", status_code=201, json=payloads.prediction("processing"))
    httpx_mock.add_response(method="POST", url=CANCEL, json=payloads.prediction("canceled"))

    async def scenario() -> None:
        sleeping = asyncio.Event()

        async def sleep_forever(seconds: float) -> None:
            sleeping.set()
            await asyncio.Event().wait()

        async with AsyncReplicate(TOKEN, base_url=API, sleep=sleep_forever) as client:
            task = asyncio.create_task(client.run(VERSION_ID, {"text": "Alice"}))
            await sleeping.wait()
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

    asyncio.run(scenario())

    assert [r.method for r in httpx_mock.get_requests()] == ["POST", "POST"]
    assert httpx_mock.get_requests()[-1].url == CANCEL


def test_a_failed_cancel_on_interrupt_still_propagates_the_interrupt(
    httpx_mock: HTTPXMock, caplog: pytest.LogCaptureFixture
) -> None:
    httpx_mock.add_response(method="GET", url=GET, json=payloads.prediction("processing"))
    httpx_mock.add_response(method="POST", url=CANCEL, status_code=500)

    _wait_until_ctrl_c()

    assert f"could not cancel prediction {PREDICTION_ID}: HTTP 500" in caplog.text
