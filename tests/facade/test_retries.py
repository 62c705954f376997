"""One retry policy: what is retried, what never is, and the errors that come out."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    InternalServerError,
    InvalidResponseError,
    NotFoundError,
    RateLimitError,
    Replicate,
    RetryPolicy,
    UnprocessableEntityError,
)

from tests.support import payloads
from tests.support.clock import FakeTime
from tests.support.payloads import API, PREDICTION_ID, VERSION_ID

GET = f"{API}/predictions/{PREDICTION_ID}"
CREATE = f"{API}/predictions"
PROBLEM = {"Content-Type": "application/problem+json"}


def _create(replicate: Replicate) -> object:
    return replicate.create(VERSION_ID, {"text": "Alice"})


def test_429_with_retry_after_seconds_is_retried_after_that_long(
    replicate: Replicate, httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    httpx_mock.add_response(url=GET, status_code=429, headers={"Retry-After": "7"})
    httpx_mock.add_response(url=GET, json=payloads.prediction())

    assert replicate.predictions.get(PREDICTION_ID).id == PREDICTION_ID
    assert fake_time.sleeps == [7.0]


def test_429_with_retry_after_http_date_is_measured_from_the_date_header(
    replicate: Replicate, httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    httpx_mock.add_response(
        url=GET,
        status_code=429,
        headers={
            "Date": "Sun, 22 Nov 2026 10:00:00 GMT",
            "Retry-After": "Sun, 22 Nov 2026 10:00:12 GMT",
        },
    )
    httpx_mock.add_response(url=GET, json=payloads.prediction())

    replicate.predictions.get(PREDICTION_ID)

    assert fake_time.sleeps == [12.0]


@pytest.mark.parametrize("value", ["\u00b2", "\u0663", "-1", "nan", "soon"])
def test_an_unreadable_retry_after_falls_back_to_the_policy_backoff(
    make_client: Callable[..., Replicate],
    httpx_mock: HTTPXMock,
    fake_time: FakeTime,
    value: str,
) -> None:
    policy = RetryPolicy(jitter=0)
    # Raw bytes: httpx would refuse to encode a non-ASCII str header itself.
    header = [(b"Retry-After", value.encode())]
    httpx_mock.add_response(url=GET, status_code=429, headers=header)
    httpx_mock.add_response(url=GET, json=payloads.prediction())

    make_client(retry=policy).predictions.get(PREDICTION_ID)

    assert fake_time.sleeps == [policy.delay(1, lambda: 0.0)]


def test_429_on_create_is_retried_because_nothing_was_created(
    replicate: Replicate, httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    httpx_mock.add_response(url=CREATE, status_code=429, headers={"Retry-After": "2"})
    httpx_mock.add_response(url=CREATE, status_code=201, json=payloads.prediction("starting"))

    _create(replicate)

    assert len(httpx_mock.get_requests()) == 2
    assert fake_time.sleeps == [2.0]


def test_a_huge_retry_after_is_capped(
    replicate: Replicate, httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    httpx_mock.add_response(url=GET, status_code=429, headers={"Retry-After": "86400"})
    httpx_mock.add_response(url=GET, json=payloads.prediction())

    replicate.predictions.get(PREDICTION_ID)

    assert fake_time.sleeps == [60.0]


def test_429_gives_up_after_max_retries_with_retry_after(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(
        url=GET,
        status_code=429,
        headers={"Retry-After": "1", **PROBLEM},
        json=payloads.problem(429, "Too Many Requests", "Request was throttled."),
        is_reusable=True,
    )

    with pytest.raises(RateLimitError) as caught:
        replicate.predictions.get(PREDICTION_ID)

    assert caught.value.retry_after == 1.0
    assert caught.value.detail == "Request was throttled."
    assert len(httpx_mock.get_requests()) == 4  # the first try and three retries


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_on_create_is_never_retried_and_says_a_prediction_may_exist(
    replicate: Replicate, httpx_mock: HTTPXMock, status: int
) -> None:
    httpx_mock.add_response(url=CREATE, status_code=status, text="upstream trouble")

    with pytest.raises(InternalServerError) as caught:
        _create(replicate)

    assert caught.value.prediction_may_exist is True
    assert "a prediction may exist" in str(caught.value)
    assert len(httpx_mock.get_requests()) == 1


@pytest.mark.parametrize(
    ("failure", "raised"),
    [
        (httpx.ReadTimeout("timed out"), APITimeoutError),
        (httpx.RemoteProtocolError("Server disconnected"), APIConnectionError),
    ],
    ids=["read-timeout", "dropped-response"],
)
def test_a_create_that_may_have_arrived_is_never_retried(
    replicate: Replicate,
    httpx_mock: HTTPXMock,
    failure: httpx.TransportError,
    raised: type[APIConnectionError],
) -> None:
    httpx_mock.add_exception(failure, url=CREATE)

    with pytest.raises(raised) as caught:
        _create(replicate)

    assert caught.value.prediction_may_exist is True
    assert caught.value.__cause__ is failure
    assert len(httpx_mock.get_requests()) == 1


def test_connect_error_on_create_is_retried_because_nothing_was_sent(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_exception(httpx.ConnectError("connection refused"), url=CREATE)
    httpx_mock.add_response(url=CREATE, status_code=201, json=payloads.prediction("starting"))

    _create(replicate)

    assert len(httpx_mock.get_requests()) == 2


def test_connection_drop_on_get_is_retried_with_backoff(
    make_client: Callable[..., Replicate], httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    client = make_client(retry=RetryPolicy(jitter=0))
    httpx_mock.add_exception(httpx.RemoteProtocolError("Server disconnected"), url=GET)
    httpx_mock.add_exception(httpx.ReadTimeout("timed out"), url=GET)
    httpx_mock.add_response(url=GET, json=payloads.prediction())

    assert client.predictions.get(PREDICTION_ID).output == "hello Alice"
    assert fake_time.sleeps == [0.5, 1.0]


def test_5xx_on_get_is_retried_then_raised(
    make_client: Callable[..., Replicate], httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    client = make_client(retry=RetryPolicy(max_retries=2, jitter=0))
    httpx_mock.add_response(url=GET, status_code=503, is_reusable=True)

    with pytest.raises(InternalServerError) as caught:
        client.predictions.get(PREDICTION_ID)

    assert caught.value.prediction_may_exist is False
    assert fake_time.sleeps == [0.5, 1.0]


def test_problem_json_is_parsed_into_the_error(replicate: Replicate, httpx_mock: HTTPXMock) -> None:
    problem = payloads.problem(422, "Input validation failed", "- input.prompt: required")
    problem["instance"] = "/predictions"
    httpx_mock.add_response(url=CREATE, status_code=422, headers=PROBLEM, json=problem)

    with pytest.raises(UnprocessableEntityError) as caught:
        _create(replicate)

    error = caught.value
    assert (error.status, error.title, error.detail, error.instance) == (
        422,
        "Input validation failed",
        "- input.prompt: required",
        "/predictions",
    )
    assert error.prediction_may_exist is False
    assert str(error).startswith(
        "predictions.create failed with 422 Input validation failed: - input.prompt: required"
    )
    assert json.loads(error.body) == problem


def test_an_html_error_page_keeps_its_raw_body(replicate: Replicate, httpx_mock: HTTPXMock) -> None:
    page = "<html><body><h1>404 Not Found</h1>nginx</body></html>"
    httpx_mock.add_response(url=GET, status_code=404, html=page)

    with pytest.raises(NotFoundError) as caught:
        replicate.predictions.get(PREDICTION_ID)

    assert caught.value.body == page
    assert caught.value.title is None
    assert "404 Not Found: <html>" in str(caught.value)


def test_malformed_json_raises_a_typed_error_not_a_json_error(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(
        url=GET, text='{"id": "gm3q', headers={"Content-Type": "application/json"}, is_reusable=True
    )

    with pytest.raises(InvalidResponseError) as caught:
        replicate.predictions.get(PREDICTION_ID)

    assert caught.value.body == '{"id": "gm3q'
    assert isinstance(caught.value.__cause__, ValueError)
    assert caught.value.unreadable is True
    assert len(httpx_mock.get_requests()) == 4  # a GET is safe to repeat: retried first


def test_an_unreadable_body_on_a_get_is_retried(
    replicate: Replicate, httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    httpx_mock.add_response(
        url=GET, text="<html>proxy</html>", headers={"Content-Type": "text/html"}
    )
    httpx_mock.add_response(url=GET, json=payloads.prediction())

    assert replicate.predictions.get(PREDICTION_ID).id == PREDICTION_ID
    assert len(fake_time.sleeps) == 1


def test_json_of_the_wrong_shape_on_a_get_is_raised_at_once(
    replicate: Replicate, httpx_mock: HTTPXMock, fake_time: FakeTime
) -> None:
    httpx_mock.add_response(url=GET, json=payloads.prediction() | {"id": 42})

    with pytest.raises(InvalidResponseError) as caught:
        replicate.predictions.get(PREDICTION_ID)

    assert caught.value.unreadable is False
    assert "id: expected a string, got int 42" in str(caught.value)
    assert len(httpx_mock.get_requests()) == 1  # asking again would get the same body
    assert fake_time.sleeps == []


def test_a_created_prediction_with_an_unreadable_body_says_it_exists(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(url=CREATE, status_code=201, json={"unexpected": True})

    with pytest.raises(InvalidResponseError) as caught:
        _create(replicate)

    assert caught.value.prediction_may_exist is True
    assert "does not match the schema" in str(caught.value)


def test_other_statuses_raise_the_base_api_error(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(url=GET, status_code=402, json={"detail": "Add a payment method"})

    with pytest.raises(APIError) as caught:
        replicate.predictions.get(PREDICTION_ID)

    assert type(caught.value) is APIError
    assert caught.value.detail == "Add a payment method"
