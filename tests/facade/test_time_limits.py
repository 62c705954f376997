"""Time limits that hold: the overall limit of a response, and of a wait or run with a timeout.

Every server here is slow on the test's clock (tests/support/slow.py): a
body trickled a byte every 50 ms, a create held past its window, a 429 asking
for an hour. The clients must end within the limits README's "Timeouts"
documents, whichever client it is.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import (
    APITimeoutError,
    PredictionTimeoutError,
    RateLimitError,
    Replicate,
    RetryPolicy,
)
from replicate_typed._jobs import TIMEOUT_MARGIN

from tests.support import payloads
from tests.support.clock import FakeTime
from tests.support.flows import backoffs
from tests.support.payloads import API, PREDICTION_ID, VERSION_ID
from tests.support.slow import TRICKLE, held, trickled

GET = f"{API}/predictions/{PREDICTION_ID}"
CREATE = f"{API}/predictions"
CANCEL = f"{GET}/cancel"
POLICY = RetryPolicy(jitter=0)
AN_HOUR = {"Retry-After": "3600"}


def test_a_trickled_response_is_cut_at_the_read_timeout(
    make_client: Callable[..., Replicate], httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    # A prediction's JSON is hundreds of bytes: at a byte every 50 ms, well over 1 s.
    httpx_mock.add_callback(trickled(payloads.prediction(), fake_time), url=GET, is_reusable=True)
    started = fake_time.now

    with pytest.raises(APITimeoutError):
        make_client(timeout=1.0, retry=POLICY).predictions.get(PREDICTION_ID)

    sends = POLICY.max_retries + 1
    assert len(httpx_mock.get_requests()) == sends  # each cut short, then retried
    # Each send ends with the first byte after its 1 s; the retries pause in between.
    assert fake_time.now - started <= sends * (1.0 + TRICKLE) + sum(backoffs(POLICY))


def test_a_body_that_arrives_within_the_read_timeout_is_kept(
    make_client: Callable[..., Replicate], httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    httpx_mock.add_callback(trickled(payloads.prediction(), fake_time), url=GET)

    assert make_client(timeout=600.0).predictions.get(PREDICTION_ID).id == PREDICTION_ID


def test_wait_gives_up_rather_than_honor_a_retry_after_past_its_timeout(
    make_client: Callable[..., Replicate], httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    httpx_mock.add_response(url=GET, json=payloads.prediction("processing"))
    httpx_mock.add_response(url=GET, status_code=429, headers=AN_HOUR, is_reusable=True)
    started = fake_time.now

    with pytest.raises(PredictionTimeoutError) as caught:
        make_client(retry=POLICY).wait(PREDICTION_ID, timeout=2)

    assert caught.value.canceled is False
    assert isinstance(caught.value.__cause__, RateLimitError)  # what stopped the last poll
    assert fake_time.now - started <= 2 + TIMEOUT_MARGIN
    assert POLICY.max_retry_after not in fake_time.sleeps  # no retry it could not wait for


def test_a_wait_whose_polls_trickle_ends_within_its_timeout(
    make_client: Callable[..., Replicate], httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    httpx_mock.add_response(url=GET, json=payloads.prediction("processing"))
    slow = trickled(payloads.prediction("processing"), fake_time)
    httpx_mock.add_callback(slow, url=GET, is_reusable=True)
    started = fake_time.now

    with pytest.raises(PredictionTimeoutError):
        make_client(retry=POLICY).wait(PREDICTION_ID, timeout=2)

    assert fake_time.now - started <= 2 + TIMEOUT_MARGIN + TRICKLE


def test_run_whose_sync_mode_create_is_held_ends_within_its_timeout(
    make_client: Callable[..., Replicate], httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    created = payloads.prediction("processing")
    answer = held(12.0, fake_time, lambda request: httpx.Response(201, json=created))
    httpx_mock.add_callback(answer, url=CREATE)
    started = fake_time.now

    with pytest.raises(APITimeoutError) as caught:
        make_client().run(VERSION_ID, {"text": "Alice"}, timeout=3)

    assert caught.value.prediction_may_exist is True  # the error says so; none to cancel
    assert fake_time.now - started <= 3 + TIMEOUT_MARGIN
    [create] = httpx_mock.get_requests()
    assert create.headers["Prefer"] == "wait=3"  # the window was cut to fit, too


def test_run_gives_the_cancel_it_sends_on_giving_up_only_the_margin(
    make_client: Callable[..., Replicate], httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    processing = payloads.prediction("processing")
    httpx_mock.add_response(url=CREATE, status_code=201, json=processing)
    httpx_mock.add_response(url=GET, json=processing, is_reusable=True)
    httpx_mock.add_response(url=CANCEL, status_code=429, headers=AN_HOUR, is_reusable=True)
    started = fake_time.now

    with pytest.raises(PredictionTimeoutError) as caught:
        make_client(retry=POLICY).run(VERSION_ID, {"text": "Alice"}, timeout=2)

    assert caught.value.canceled is False  # and the error says so
    assert fake_time.now - started <= 2 + 2 * TIMEOUT_MARGIN
