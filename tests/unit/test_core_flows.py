"""Core's flows stepped by hand: ``Core.send`` (retries, Retry-After) and ``Core.fetch``.

Every request the SDK makes goes through these two, so what they decide (when
to send again, when a create may already exist, when a body is unreadable)
is tested here once, with no HTTP and no client. Each test plays the
performer: ``next(flow)`` for the first effect, ``flow.send(response)`` for a
``Send``'s result, ``flow.send(None)`` after a ``Sleep``, ``flow.throw(error)``
for what performing it raised; ``Script`` (tests/support/flows.py) does the
same against a list of replies. Counts and delays come from the policy, never
from magic numbers.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from replicate_api.models.prediction import Prediction
from replicate_typed import (
    APIConnectionError,
    APITimeoutError,
    InternalServerError,
    InvalidResponseError,
    RateLimitError,
    RetryPolicy,
)
from replicate_typed._core import Core
from replicate_typed._effects import Effect, Flow, Send, Sleep, response_to
from replicate_typed._jobs import Jobs
from replicate_typed._kinds import PREDICTION

from tests.support import payloads
from tests.support.clock import FakeTime
from tests.support.flows import (
    POLICY,
    Script,
    backoffs,
    finished,
    make_core,
    operation,
    prediction_json,
    response,
)
from tests.support.payloads import PREDICTION_ID

GET = Send("predictions.get", {"method": "get", "url": f"/predictions/{PREDICTION_ID}"})
CREATE = Send("predictions.create", {"method": "post", "url": "/predictions", "json": {}})


def unreadable() -> httpx.Response:
    return response(text="<html>proxy error</html>", headers={"Content-Type": "text/html"})


def answer(flow: Flow[Any], reply: httpx.Response | BaseException) -> Effect:
    """Hand ``reply`` to the ``Send`` the flow is waiting on: sent in, or thrown in."""
    if isinstance(reply, BaseException):
        return flow.throw(reply)
    return flow.send(reply)


# -- Core.send -----------------------------------------------------------------------------


def test_send_retries_a_503_then_returns_the_success() -> None:
    core = make_core()
    flow = core.send(GET, core.attempts(repeatable=True))

    assert next(flow) is GET
    assert flow.send(response(503)) == Sleep(backoffs()[0])
    assert flow.send(None) is GET
    ok = prediction_json()
    assert finished(lambda: flow.send(ok)) is ok


def test_send_retries_a_dropped_get_after_the_backoff() -> None:
    core = make_core()
    flow = core.send(GET, core.attempts(repeatable=True))

    next(flow)
    assert flow.throw(httpx.ReadError("reset")) == Sleep(backoffs()[0])
    assert flow.send(None) is GET


def test_send_gives_up_after_the_policy_allows_no_more() -> None:
    core = make_core()
    script = Script(*[response(503)] * (POLICY.max_retries + 2))

    with pytest.raises(InternalServerError) as caught:
        script.run(core.send(GET, core.attempts(repeatable=True)))

    assert len(script.sends) == POLICY.max_retries + 1
    assert script.sleeps == backoffs()
    assert caught.value.prediction_may_exist is False


@pytest.mark.parametrize(
    "failure",
    [
        response(500),
        response(503),
        httpx.ReadTimeout("read"),
        httpx.WriteTimeout("write"),
        httpx.RemoteProtocolError("dropped after sending"),
    ],
    ids=["500", "503", "read timeout", "write timeout", "dropped"],
)
def test_a_create_is_never_sent_again_once_it_may_have_arrived(
    failure: httpx.Response | httpx.RequestError,
) -> None:
    core = make_core()
    flow = core.send(CREATE, core.attempts(repeatable=False, creates=True))

    assert next(flow) is CREATE
    with pytest.raises((InternalServerError, APIConnectionError)) as caught:
        answer(flow, failure)

    error = caught.value
    assert isinstance(error, InternalServerError | APIConnectionError)
    assert error.prediction_may_exist is True
    assert "a prediction may exist" in str(error)


@pytest.mark.parametrize(
    "failure",
    [response(429), httpx.ConnectError("refused"), httpx.ConnectTimeout("slow")],
    ids=["429", "connect error", "connect timeout"],
)
def test_a_create_that_certainly_did_not_arrive_is_sent_again(
    failure: httpx.Response | httpx.RequestError,
) -> None:
    core = make_core()
    created = response(201, json=payloads.prediction("starting"))
    script = Script(failure, created)

    assert script.run(core.send(CREATE, core.attempts(repeatable=False, creates=True))) is created
    assert script.sends == [CREATE, CREATE]


def test_a_timeout_on_a_get_is_raised_as_a_timeout_when_out_of_tries() -> None:
    core = make_core(retry=RetryPolicy(max_retries=0))

    with pytest.raises(APITimeoutError) as caught:
        Script(httpx.ReadTimeout("slow")).run(core.send(GET, core.attempts(repeatable=True)))

    assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
    assert caught.value.prediction_may_exist is False


def test_retry_after_in_seconds_is_waited_instead_of_the_backoff() -> None:
    core = make_core()
    flow = core.send(GET, core.attempts(repeatable=True))

    next(flow)
    assert flow.send(response(429, headers={"Retry-After": "7"})) == Sleep(7.0)


def test_retry_after_as_a_date_is_measured_from_the_response_date() -> None:
    core = make_core()
    flow = core.send(GET, core.attempts(repeatable=True))
    headers = {
        "Retry-After": "Sun, 22 Nov 2026 10:00:30 GMT",
        "Date": "Sun, 22 Nov 2026 10:00:25 GMT",
    }

    next(flow)
    assert flow.send(response(503, headers=headers)) == Sleep(5.0)


def test_retry_after_is_capped_and_reported_when_giving_up() -> None:
    policy = RetryPolicy(max_retries=1, jitter=0, max_retry_after=60)
    core = make_core(retry=policy)
    flow = core.send(GET, core.attempts(repeatable=True))
    later = {"Retry-After": "3600"}

    next(flow)
    assert flow.send(response(429, headers=later)) == Sleep(policy.max_retry_after)
    flow.send(None)
    with pytest.raises(RateLimitError) as caught:
        flow.send(response(429, headers=later))
    assert caught.value.retry_after == 3600.0


# -- Core.send under a time limit ------------------------------------------------------------


def test_under_a_time_limit_each_send_carries_the_seconds_left() -> None:
    time = FakeTime()
    core = make_core(time=time)
    flow = core.send(GET, core.attempts(repeatable=True, time_limit=core.time_limit(10.0)))

    first = next(flow)
    assert isinstance(first, Send)
    assert first.time_left == 10.0
    assert flow.send(response(503)) == Sleep(backoffs()[0])
    time.sleep(backoffs()[0])
    again = flow.send(None)
    assert isinstance(again, Send)
    assert again.time_left == 10.0 - backoffs()[0]
    assert GET.time_left is None  # the request itself is left as it was


def test_no_retry_is_made_whose_pause_would_end_past_the_time_limit() -> None:
    core = make_core()
    limit = core.time_limit(backoffs()[0])  # the first backoff would end just at it
    script = Script(response(503), prediction_json())

    with pytest.raises(InternalServerError):
        script.run(core.send(GET, core.attempts(repeatable=True, time_limit=limit)))

    assert len(script.sends) == 1
    assert script.sleeps == []
    assert limit.reached is True  # so a wait can tell time from a failure


def test_a_retry_after_past_the_time_limit_is_not_waited_for() -> None:
    core = make_core()
    limit = core.time_limit(30.0)
    flow = core.send(GET, core.attempts(repeatable=True, time_limit=limit))

    next(flow)
    with pytest.raises(RateLimitError):
        flow.send(response(429, headers={"Retry-After": "31"}))
    assert limit.reached is True


def test_with_no_time_left_a_create_is_not_sent_and_says_so() -> None:
    time = FakeTime()
    core = make_core(time=time)
    limit = core.time_limit(1.0)
    time.sleep(1.0)
    script = Script()

    with pytest.raises(APITimeoutError) as caught:
        script.run(
            core.send(CREATE, core.attempts(repeatable=False, creates=True, time_limit=limit))
        )

    assert script.sends == []
    assert caught.value.prediction_may_exist is False  # it never left
    assert "no time left" in str(caught.value)
    assert limit.reached is True


def test_a_performer_that_sends_back_no_response_is_caught_at_once() -> None:
    flow = response_to(GET)

    next(flow)
    with pytest.raises(TypeError, match=r"predictions\.get: the performer sent back None"):
        flow.send(None)


# -- Core.fetch: an unreadable body ----------------------------------------------------------


def _get(core: Core) -> Flow[Prediction]:
    return Jobs(core).get(PREDICTION, PREDICTION_ID)


def test_an_unreadable_body_is_sent_again_after_the_backoff() -> None:
    flow = _get(make_core())

    assert operation(next(flow)) == "predictions.get"
    assert flow.send(unreadable()) == Sleep(backoffs()[0])
    assert operation(flow.send(None)) == "predictions.get"
    got = finished(lambda: flow.send(prediction_json()))
    assert isinstance(got, Prediction)
    assert got.id == PREDICTION_ID


def test_json_of_the_wrong_shape_is_raised_at_once() -> None:
    script = Script(response(json=payloads.prediction() | {"id": 42}), prediction_json())

    with pytest.raises(InvalidResponseError) as caught:
        script.run(_get(make_core()))

    assert caught.value.unreadable is False
    assert len(script.sends) == 1


def test_an_unreadable_body_of_a_create_is_raised_at_once_saying_it_may_exist() -> None:
    create = Send("predictions.create", {"method": "post", "url": "/predictions"})
    script = Script(unreadable(), prediction_json())

    with pytest.raises(InvalidResponseError) as caught:
        script.run(make_core().create(create, Prediction))

    assert caught.value.may_exist is True
    assert len(script.sends) == 1


@pytest.mark.parametrize("max_retries", [0, 1, 3, 5])
def test_a_get_whose_every_body_is_unreadable_is_sent_one_plus_max_retries_times(
    max_retries: int,
) -> None:
    policy = RetryPolicy(max_retries=max_retries, jitter=0)
    script = Script(*[unreadable()] * (max_retries + 5))

    with pytest.raises(InvalidResponseError) as caught:
        script.run(_get(make_core(retry=policy)))

    assert caught.value.unreadable is True
    assert len(script.sends) == max_retries + 1
    assert script.sleeps == backoffs(policy)


def test_error_statuses_and_unreadable_bodies_share_one_count() -> None:
    # Before one count per request, each unreadable body restarted the 503 retries.
    script = Script(*[response(503), unreadable()] * 8)

    with pytest.raises((InvalidResponseError, InternalServerError)):
        script.run(_get(make_core()))

    assert len(script.sends) == POLICY.max_retries + 1
    assert script.sleeps == backoffs()
