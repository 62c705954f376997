"""The performers' time limits (``_time_limits``): timeouts cut to the time left, bounded bodies."""

from __future__ import annotations

import httpx
import pytest
from replicate_api.types import RequestArgs
from replicate_typed._effects import Send
from replicate_typed._time_limits import bound_body, timeout_for

from tests.support.clock import FakeTime
from tests.support.slow import TRICKLE, Trickling

ARGS: RequestArgs = {"method": "GET", "url": "/predictions/p"}
GET = Send("predictions.get", ARGS)
CLIENT = httpx.Timeout(30.0, connect=5.0)


def test_without_a_caller_limit_the_timeout_is_the_requests_own() -> None:
    assert timeout_for(GET, CLIENT) is CLIENT
    longer = httpx.Timeout(70.0, connect=5.0)
    assert timeout_for(Send("predictions.create", ARGS, longer), CLIENT) is longer


@pytest.mark.parametrize("timeout", [CLIENT, httpx.Timeout(None)], ids=["set", "none"])
def test_every_timeout_is_cut_to_the_time_left(timeout: httpx.Timeout) -> None:
    cut = timeout_for(Send("predictions.get", ARGS, time_left=2.5), timeout)

    assert (cut.connect, cut.read, cut.write, cut.pool) == (2.5, 2.5, 2.5, 2.5)
    assert timeout_for(Send("predictions.get", ARGS, time_left=600.0), CLIENT) == CLIENT


def _trickled(body: bytes, time: FakeTime) -> httpx.Response:
    request = httpx.Request("GET", "https://api.replicate.com/v1/predictions/p")
    return httpx.Response(200, stream=Trickling(body, time), request=request)


def test_a_body_is_cut_once_the_read_timeout_has_passed_since_its_headers() -> None:
    time = FakeTime()
    started = time.now
    response = _trickled(b"x" * 100, time)

    bound_body(response, GET, httpx.Timeout(1.0), sent_at=started, clock=time.clock)
    with pytest.raises(httpx.ReadTimeout):
        response.read()
    assert time.now - started == pytest.approx(1.0 + TRICKLE)  # the first byte past the limit


def test_the_time_left_counts_from_the_send_and_wins_when_shorter() -> None:
    time = FakeTime()
    sent_at = time.now
    time.now += 0.5  # the headers took half a second
    response = _trickled(b"x" * 100, time)

    bound_body(response, Send("p", ARGS, time_left=0.75), CLIENT, sent_at=sent_at, clock=time.clock)
    with pytest.raises(httpx.ReadTimeout):
        response.read()
    assert time.now - sent_at == pytest.approx(0.75 + TRICKLE)


def test_a_body_within_its_limits_arrives_whole() -> None:
    time = FakeTime()
    response = _trickled(b"x" * 10, time)

    bound_body(response, GET, CLIENT, sent_at=time.now, clock=time.clock)
    assert response.read() == b"x" * 10
    bound_body(
        unlimited := _trickled(b"y", time), GET, httpx.Timeout(None), sent_at=0, clock=time.clock
    )
    assert unlimited.read() == b"y"  # no read timeout, no caller's limit: nothing to hold it to
