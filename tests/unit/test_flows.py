"""The flows stepped by hand: effects out, responses and errors in, no HTTP and no client.

Each test plays the performer: ``next(flow)`` for the first effect,
``flow.send(response)`` for a ``Send``'s result, ``flow.send(None)`` after a
``Sleep``, ``flow.throw(error)`` for what performing it raised. ``Script``
(tests/support/flows.py) does the same against a list of replies. Counts and
delays come from the policy and the schedule, never from magic numbers.
"""

from __future__ import annotations

import itertools
from typing import Any

import httpx
import pytest
from httpx_sse import ServerSentEvent
from replicate_api.models.prediction import Prediction
from replicate_api.types import JSON
from replicate_typed import (
    APIConnectionError,
    APITimeoutError,
    InternalServerError,
    InvalidResponseError,
    PollSchedule,
    PredictionTimeoutError,
    RateLimitError,
    RetryPolicy,
)
from replicate_typed._core import Core
from replicate_typed._download import Download
from replicate_typed._effects import Effect, Flow, Send, Sleep, response_to
from replicate_typed._jobs import PREDICTION, Jobs
from replicate_typed._options import create_options
from replicate_typed._stream import DoneEvent, OutputEvent, StreamReader

from tests.support import payloads
from tests.support.clock import FakeTime
from tests.support.flows import Script, make_core, response
from tests.support.payloads import PREDICTION_ID, VERSION_ID

POLICY = RetryPolicy(jitter=0)
GET = Send("predictions.get", {"method": "get", "url": f"/predictions/{PREDICTION_ID}"})
CREATE = Send("predictions.create", {"method": "post", "url": "/predictions", "json": {}})
FILE_URL = "https://replicate.delivery/xezq/output.bin"
SSE = {"Content-Type": "text/event-stream"}


def backoffs(policy: RetryPolicy = POLICY) -> list[float]:
    """The policy's delay before each retry it allows, in order (jitter off)."""
    return [policy.delay(n, lambda: 0.0) for n in range(1, policy.max_retries + 1)]


def prediction_json(status: str = "succeeded", **overrides: Any) -> httpx.Response:
    return response(json=payloads.prediction(status, **overrides))


def unreadable() -> httpx.Response:
    return response(text="<html>proxy error</html>", headers={"Content-Type": "text/html"})


def answer(flow: Flow[Any], reply: httpx.Response | BaseException) -> Effect:
    """Hand ``reply`` to the ``Send`` the flow is waiting on: sent in, or thrown in."""
    if isinstance(reply, BaseException):
        return flow.throw(reply)
    return flow.send(reply)


def operation(effect: Effect) -> str:
    """The operation of the ``Send`` a flow yielded (a ``Sleep`` fails the test)."""
    assert isinstance(effect, Send), effect
    return effect.operation


def finished(flow_step: Any) -> Any:
    """The value a flow returned from the step that ended it."""
    with pytest.raises(StopIteration) as done:
        flow_step()
    return done.value.value


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


def test_a_performer_that_sends_back_no_response_is_caught_at_once() -> None:
    flow = response_to(GET)

    next(flow)
    with pytest.raises(TypeError, match=r"predictions\.get: the performer sent back None"):
        flow.send(None)


# -- Core.call: an unreadable body ----------------------------------------------------------


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


def test_an_unreadable_body_of_a_request_not_safe_to_repeat_is_raised_at_once() -> None:
    core = make_core()
    script = Script(unreadable(), prediction_json())

    with pytest.raises(InvalidResponseError):
        script.run(core.call(GET, core.model(Prediction, GET.operation), repeatable=False))

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


# -- Jobs.wait -----------------------------------------------------------------------------


def test_wait_polls_on_the_schedule_until_a_final_status() -> None:
    time = FakeTime()
    schedule = PollSchedule()
    replies = ["starting", "processing", "processing", "succeeded", "succeeded"]
    script = Script(*[prediction_json(status) for status in replies[1:]], time=time)
    seen: list[str] = []

    done = script.run(
        Jobs(make_core(polling=schedule, time=time)).wait(
            PREDICTION,
            Prediction.from_dict(payloads.prediction("starting")),
            on_update=lambda p: seen.append(str(p.status)),
        )
    )

    assert str(done.status) == "succeeded"
    assert script.sleeps == list(itertools.islice(schedule.delays(), 3))
    assert [send.operation for send in script.sends] == ["predictions.get"] * 3
    assert len(script.replies) == 1  # it stopped at the final status
    assert seen == ["starting", "processing", "succeeded"]  # changes only


def test_wait_on_a_finished_prediction_sends_nothing() -> None:
    finished_one = Prediction.from_dict(payloads.prediction("canceled"))
    script = Script()

    assert script.run(Jobs(make_core()).wait(PREDICTION, finished_one)) is finished_one
    assert script.effects == []


def test_wait_by_id_fetches_first() -> None:
    script = Script(prediction_json("failed"))

    done = script.run(Jobs(make_core()).wait(PREDICTION, PREDICTION_ID))

    assert str(done.status) == "failed"
    assert script.sleeps == []


def test_wait_never_sleeps_past_its_timeout() -> None:
    time = FakeTime()
    schedule = PollSchedule(interval=1.0, fast_for=0.0, growth=2.0, max_interval=4.0)
    script = Script(*[prediction_json("processing")] * 10, time=time)
    jobs = Jobs(make_core(polling=schedule, time=time))

    with pytest.raises(PredictionTimeoutError):
        script.run(jobs.wait(PREDICTION, PREDICTION_ID, timeout=5.0))

    assert script.sleeps == [2.0, 3.0]  # the second delay (4 s) is cut to the 3 s left
    assert sum(script.sleeps) == 5.0


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt(), SystemExit(1)])
def test_an_interrupt_while_waiting_cancels_once_then_propagates(
    interrupt: BaseException,
) -> None:
    flow = Jobs(make_core()).wait(PREDICTION, PREDICTION_ID)

    assert operation(next(flow)) == "predictions.get"
    assert isinstance(flow.send(prediction_json("processing")), Sleep)
    cancel = flow.throw(interrupt)
    assert isinstance(cancel, Send)
    assert cancel.operation == "predictions.cancel"
    assert cancel.cleanup is True  # shielded from the cancellation that sent it
    with pytest.raises(type(interrupt)):
        flow.send(response(503))  # not retried: the caller is going away


def test_an_interrupt_propagates_even_when_the_cancel_fails() -> None:
    flow = Jobs(make_core()).wait(PREDICTION, PREDICTION_ID)

    next(flow)
    flow.send(prediction_json("processing"))
    flow.throw(KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        flow.throw(httpx.ConnectError("offline"))


# -- Jobs.run ------------------------------------------------------------------------------


def _run(core: Core, *, wait: bool | int = True, timeout: float | None = None) -> Flow[JSON]:
    return Jobs(core).run(
        VERSION_ID,
        {"text": "Alice"},
        deployment=None,
        options=create_options(wait=wait),
        file_strategy="upload",
        timeout=timeout,
        on_update=None,
    )


def test_run_creates_in_sync_mode_then_waits_for_the_output() -> None:
    core = make_core()
    flow = _run(core)

    create = next(flow)
    assert isinstance(create, Send)
    assert create.operation == "predictions.create"
    assert create.request["headers"]["Prefer"] == "wait"
    window = create_options(wait=True).window
    assert create.timeout == core.settings.read_timeout_for_window(window)  # outlasts it
    # The window closed with the prediction still running: poll it.
    pause = flow.send(response(201, json=payloads.prediction("processing")))
    assert pause == Sleep(next(core.polling.delays()))
    assert operation(flow.send(None)) == "predictions.get"
    assert finished(lambda: flow.send(prediction_json("succeeded"))) == "hello Alice"


def test_run_whose_create_finishes_in_the_window_polls_nothing() -> None:
    script = Script(response(201, json=payloads.prediction("succeeded")))

    assert script.run(_run(make_core())) == "hello Alice"
    assert [send.operation for send in script.sends] == ["predictions.create"]
    assert script.sleeps == []


def test_run_cancels_what_it_stops_waiting_for() -> None:
    time = FakeTime()
    core = make_core(time=time, polling=PollSchedule(interval=2.0, max_interval=2.0))
    script = Script(
        response(201, json=payloads.prediction("processing")),
        prediction_json("processing"),
        response(json=payloads.prediction("canceled")),
        time=time,
    )

    with pytest.raises(PredictionTimeoutError) as caught:
        script.run(_run(core, wait=1, timeout=2.0))

    assert [send.operation for send in script.sends] == [
        "predictions.create",
        "predictions.get",
        "predictions.cancel",
    ]
    assert caught.value.canceled is True


# -- downloads: resumed with Range, on the download's one count ------------------------------


def test_a_cut_download_resumes_with_range_from_the_bytes_delivered() -> None:
    core = make_core()
    download = Download(FILE_URL)
    attempts = core.attempts(repeatable=True)

    first = Script(response(url=FILE_URL)).run(core.send(download.request(), attempts))
    download.accept(first)
    assert download.take(b"0123") == b"0123"
    pause = download.dropped(httpx.RemoteProtocolError("cut"), attempts)
    assert next(pause) == Sleep(backoffs()[0])

    resume = download.request()
    assert resume.request["headers"] == {"Range": "bytes=4-"}
    assert resume.stream is True
    assert resume.follow_redirects is True
    download.accept(Script(response(206, url=FILE_URL)).run(core.send(resume, attempts)))
    assert download.take(b"4567") == b"4567"
    assert attempts.sent == 2


def test_a_server_that_ignores_range_has_the_repeated_bytes_skipped() -> None:
    download = Download(FILE_URL)
    download.accept(response(url=FILE_URL))
    download.take(b"01234")

    download.accept(response(200, url=FILE_URL))  # the whole file again
    assert [download.take(chunk) for chunk in (b"012", b"3456", b"789")] == [
        b"",
        b"56",
        b"789",
    ]
    assert download.delivered == 10


def _download_cut_every_time(core: Core, download: Download, script: Script) -> None:
    """The loop of ``FileOutput.iter_bytes``, its body cut after one chunk every time."""
    attempts = core.attempts(repeatable=True)
    while True:
        download.accept(script.run(core.send(download.request(), attempts)))
        download.take(b"chunk")
        script.run(download.dropped(httpx.RemoteProtocolError("cut"), attempts))


CUT_EVERY_TIME = [response(206, url=FILE_URL)] * 10
#: Before one count per request, each cut restarted the resumed GET's own retries.
FAILING_AND_CUT = [response(503), response(206, url=FILE_URL)] * 10


@pytest.mark.parametrize("replies", [CUT_EVERY_TIME, FAILING_AND_CUT], ids=["cut", "503+cut"])
def test_a_download_cut_every_time_is_sent_one_plus_max_retries_times(
    replies: list[httpx.Response],
) -> None:
    core = make_core()
    download = Download(FILE_URL)
    script = Script(*replies)

    with pytest.raises(APIConnectionError, match=r"^output\.download: "):
        _download_cut_every_time(core, download, script)

    assert len(script.sends) == POLICY.max_retries + 1
    assert script.sleeps == backoffs()
    assert script.sends[-1].request["headers"]["Range"].startswith("bytes=")


# -- streams: resumed with Last-Event-ID, on the stream's one count ----------------------------


def _reader() -> StreamReader:
    return StreamReader(Prediction.from_dict(payloads.prediction("starting")), httpx.Timeout(5))


def test_a_dropped_stream_reconnects_after_the_last_event_without_repeats() -> None:
    core = make_core()
    reader = _reader()
    attempts = core.attempts(repeatable=True)

    opened = reader.request()
    assert "Last-Event-ID" not in opened.request["headers"]
    reader.check(Script(response(headers=SSE)).run(core.send(opened, attempts)))
    assert reader.feed(ServerSentEvent("output", "one ", "1")) == OutputEvent("one ", "1")
    assert next(reader.reconnect(httpx.ReadError("dropped"), attempts)) == Sleep(backoffs()[0])

    resumed = reader.request()
    assert resumed.request["headers"]["Last-Event-ID"] == "1"
    Script(response(headers=SSE)).run(core.send(resumed, attempts))
    assert reader.feed(ServerSentEvent("output", "one ", "1")) is None  # repeated: skipped
    assert reader.feed(ServerSentEvent("done", "{}", "2")) == DoneEvent(None, "2")
    assert reader.done
    assert attempts.sent == 2


def test_a_stream_that_ends_before_done_reconnects_too() -> None:
    core = make_core()
    reader = _reader()
    attempts = core.attempts(repeatable=True)
    Script(response(headers=SSE)).run(core.send(reader.request(), attempts))

    assert next(reader.reconnect(None, attempts)) == Sleep(backoffs()[0])


def test_a_body_that_is_not_an_event_stream_is_refused() -> None:
    with pytest.raises(InvalidResponseError, match="not text/event-stream"):
        _reader().check(response(json={}))


def _stream_dropped_every_time(core: Core, reader: StreamReader, script: Script) -> None:
    """The loop of ``PredictionStream``, dropped after one event every time."""
    attempts = core.attempts(repeatable=True)
    for n in itertools.count():
        reader.check(script.run(core.send(reader.request(), attempts)))
        reader.feed(ServerSentEvent("output", "x", str(n)))
        script.run(reader.reconnect(httpx.ReadError("dropped"), attempts))


DROPPED_EVERY_TIME = [response(headers=SSE)] * 10
#: Before one count per request, each drop restarted the reconnect's own retries.
FAILING_AND_DROPPED = [response(503), response(headers=SSE)] * 10


@pytest.mark.parametrize(
    "replies", [DROPPED_EVERY_TIME, FAILING_AND_DROPPED], ids=["dropped", "503+dropped"]
)
def test_a_stream_dropped_every_time_is_sent_one_plus_max_retries_times(
    replies: list[httpx.Response],
) -> None:
    core = make_core()
    script = Script(*replies)

    with pytest.raises(APIConnectionError, match=r"^predictions\.stream: gave up"):
        _stream_dropped_every_time(core, _reader(), script)

    assert len(script.sends) == POLICY.max_retries + 1
    assert script.sleeps == backoffs()
    assert "Last-Event-ID" in script.sends[-1].request["headers"]
