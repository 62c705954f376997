"""cancel(), and interrupting run/wait/create, which cancels on the server first."""

from __future__ import annotations

import asyncio
import inspect
import re
import signal
import sys
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from types import FrameType
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import (
    AsyncReplicate,
    Prediction,
    PredictionStatus,
    Replicate,
)
from replicate_typed._lost_create import MARGIN
from replicate_typed._sync.runner import Runner

from tests.support import payloads
from tests.support.interrupts import CtrlCLock, put_off_signals
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


def test_ctrl_c_inside_httpx_lands_where_the_cancel_can_follow(
    httpx_mock: HTTPXMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A real SIGINT during a poll's lock comes again at the next safe point, then cancels.

    Python's own handler would raise inside the lock's ``__enter__`` and leave
    httpcore's pool locked, so that the cancel waited forever
    (replicate_typed._safe_interrupts); the 1 ms timer that sends it again is
    the sleeper here, which is where it would land.
    """
    put_off = put_off_signals(monkeypatch)
    answered: list[bool] = []

    def poll(request: httpx.Request) -> httpx.Response:
        with CtrlCLock():
            answered.append(True)  # not interrupted inside the lock
        return httpx.Response(200, json=payloads.prediction("processing"))

    def sleep(seconds: float) -> None:
        if put_off:
            signal.raise_signal(put_off.pop())

    httpx_mock.add_callback(poll, method="GET", url=GET)
    httpx_mock.add_response(method="POST", url=CANCEL, json=payloads.prediction("canceled"))
    with (
        Replicate(TOKEN, base_url=API, sleep=sleep) as client,
        pytest.raises(KeyboardInterrupt) as caught,
    ):
        client.wait(PREDICTION_ID)

    assert answered == [True]
    assert [r.url for r in httpx_mock.get_requests()] == [GET, CANCEL]
    assert caught.value.__notes__ == [f"interrupted: canceled prediction {PREDICTION_ID}"]


def test_ctrl_c_between_a_flows_steps_still_cancels(httpx_mock: HTTPXMock) -> None:
    """A KeyboardInterrupt raised in the runner's own loop, not in an effect, reaches the flow.

    A trace function raises it where Python's handler could: as the runner
    is about to resume the wait's flow with its first poll's answer.
    """
    httpx_mock.add_response(method="GET", url=GET, json=payloads.prediction("processing"))
    httpx_mock.add_response(method="POST", url=CANCEL, json=payloads.prediction("canceled"))
    perform = Runner.perform.__code__
    [resume] = [
        perform.co_firstlineno + offset
        for offset, line in enumerate(inspect.getsource(Runner.perform).splitlines())
        if "flow.send(value)" in line
    ]
    arrivals: list[int] = []

    def ctrl_c(frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_code is perform and event == "line" and frame.f_lineno == resume:
            arrivals.append(resume)
            if len(arrivals) == 3:  # after the first GET and the sleep: the flow waits at a yield
                raise KeyboardInterrupt
        return ctrl_c

    def traced_wait(client: Replicate) -> None:
        previous = sys.gettrace()  # coverage's, when it measures
        sys.settrace(ctrl_c)
        try:
            client.wait(PREDICTION_ID)
        finally:
            sys.settrace(previous)

    with (
        Replicate(TOKEN, base_url=API, sleep=lambda seconds: None) as client,
        pytest.raises(KeyboardInterrupt) as caught,
    ):
        traced_wait(client)

    assert [r.url for r in httpx_mock.get_requests()] == [GET, CANCEL]
    assert caught.value.__notes__ == [f"interrupted: canceled prediction {PREDICTION_ID}"]


# -- interrupted during a sync-mode create: the response (and the id) never came -----------

CREATE = f"{API}/predictions"
LIST = re.compile(re.escape(f"{API}/predictions?created_after=") + ".*")


def _made_now(status: str = "processing", **overrides: Any) -> dict[str, Any]:
    """A prediction made a moment ago (the interrupted create's, unless ``overrides`` differ)."""
    return payloads.prediction(status, created_at=datetime.now(UTC).isoformat(), **overrides)


def _listed(httpx_mock: HTTPXMock, *results: dict[str, Any], **response: Any) -> None:
    httpx_mock.add_response(method="GET", url=LIST, json=payloads.page(list(results)), **response)


def _created_after(request: httpx.Request) -> datetime:
    return datetime.fromisoformat(request.url.params["created_after"])


def test_ctrl_c_during_the_sync_mode_create_finds_and_cancels_the_prediction(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_exception(KeyboardInterrupt(), method="POST", url=CREATE)
    _listed(httpx_mock, _made_now())
    httpx_mock.add_response(method="POST", url=CANCEL, json=payloads.prediction("canceled"))

    before = datetime.now(UTC)
    with pytest.raises(KeyboardInterrupt) as caught:
        replicate.run(VERSION_ID, {"text": "Alice"})
    after = datetime.now(UTC)

    create, listing, cancel = httpx_mock.get_requests()
    assert create.headers["Prefer"] == "wait"
    assert before - MARGIN <= _created_after(listing) <= after - MARGIN
    assert cancel.url == CANCEL
    assert caught.value.__notes__ == [
        f"interrupted during the create: canceled prediction {PREDICTION_ID}"
    ]


def test_task_cancellation_during_the_sync_mode_create_cancels_the_prediction(
    httpx_mock: HTTPXMock,
) -> None:
    async def scenario() -> None:
        arrived = asyncio.Event()

        async def hold_the_create(request: httpx.Request) -> httpx.Response:
            arrived.set()
            await asyncio.Event().wait()  # as "Prefer: wait" does until the window closes
            raise AssertionError("the create was never answered")

        httpx_mock.add_callback(hold_the_create, method="POST", url=CREATE)
        async with AsyncReplicate(TOKEN, base_url=API) as client:
            task = asyncio.create_task(client.run(VERSION_ID, {"text": "Alice"}))
            await arrived.wait()
            task.cancel()
            with pytest.raises(asyncio.CancelledError) as caught:
                await task
        assert caught.value.__notes__ == [
            f"interrupted during the create: canceled prediction {PREDICTION_ID}"
        ]

    _listed(httpx_mock, _made_now())
    httpx_mock.add_response(method="POST", url=CANCEL, json=payloads.prediction("canceled"))

    asyncio.run(scenario())

    assert [r.method for r in httpx_mock.get_requests()] == ["POST", "GET", "POST"]
    assert httpx_mock.get_requests()[-1].url == CANCEL


@pytest.mark.parametrize(
    ("listed", "says"),
    [
        ([], "no unfinished prediction matching it was found"),
        (  # another version, another input, already finished: none of them is it
            [{"version": "f" * 64}, {"input": {"text": "Bob"}}, {"status": "succeeded"}],
            "no unfinished prediction matching it was found",
        ),
        (
            [{"id": "first"}, {"id": "second"}],
            "2 unfinished predictions match it (first, second), so none was canceled",
        ),
    ],
    ids=["none", "none-matching", "two-alike"],
)
def test_an_interrupted_create_whose_prediction_is_not_found_says_it_may_exist(
    replicate: Replicate, httpx_mock: HTTPXMock, listed: list[dict[str, Any]], says: str
) -> None:
    httpx_mock.add_exception(KeyboardInterrupt(), method="POST", url=CREATE)
    _listed(httpx_mock, *[_made_now(**fields) for fields in listed])

    with pytest.raises(KeyboardInterrupt) as caught:
        replicate.run(VERSION_ID, {"text": "Alice"})

    assert caught.value.__notes__ == [
        "interrupted during the create, which may have made a prediction (billed if so): " + says
    ]
    assert [r.method for r in httpx_mock.get_requests()] == ["POST", "GET"]  # nothing canceled


def test_an_interrupted_create_that_cannot_be_looked_for_says_it_may_exist(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_exception(KeyboardInterrupt(), method="POST", url=CREATE)
    httpx_mock.add_response(method="GET", url=LIST, status_code=503)  # sent once, not retried

    with pytest.raises(KeyboardInterrupt) as caught:
        replicate.run(VERSION_ID, {"text": "Alice"})

    [note] = caught.value.__notes__
    assert note.startswith(
        "interrupted during the create, which may have made a prediction (billed if so): "
        "could not look for it (predictions.list"
    )


def test_a_server_clock_far_behind_is_corrected_by_its_date_header(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    behind = timedelta(days=300)  # as FakeReplicate's virtual clock is, from 2026-01-01
    server_now = datetime.now(UTC) - behind
    httpx_mock.add_exception(KeyboardInterrupt(), method="POST", url=CREATE)
    _listed(httpx_mock, headers={"Date": format_datetime(server_now, usegmt=True)})
    made = payloads.prediction("processing", created_at=server_now.isoformat())
    _listed(httpx_mock, made)
    httpx_mock.add_response(method="POST", url=CANCEL, json=payloads.prediction("canceled"))

    with pytest.raises(KeyboardInterrupt) as caught:
        replicate.run(VERSION_ID, {"text": "Alice"})

    _, first, second, cancel = httpx_mock.get_requests()
    assert _created_after(first) - _created_after(second) == pytest.approx(
        behind, abs=timedelta(seconds=2)
    )
    assert cancel.url == CANCEL
    assert caught.value.__notes__ == [
        f"interrupted during the create: canceled prediction {PREDICTION_ID}"
    ]
