"""The prediction lifecycle's flows stepped by hand: ``Jobs.wait`` and ``Jobs.run``.

Polling on the schedule, timeouts that cut the last sleep, the cancel sent
when the caller stops waiting (or ``run`` gives up), sync-mode creates and
the search for what an interrupted one made: each decided by the flows in
``_jobs``, so tested here with no HTTP and no client, against scripted
replies (``Script``, tests/support/flows.py) or stepped one effect at a
time. Delays come from the schedule, never from magic numbers.
"""

from __future__ import annotations

import asyncio
import itertools

import httpx
import pytest
from replicate_api.models.prediction import Prediction
from replicate_api.types import JSON
from replicate_typed import (
    InternalServerError,
    NotFoundError,
    PollSchedule,
    PredictionTimeoutError,
    RateLimitError,
)
from replicate_typed._core import Core
from replicate_typed._effects import Flow, Send, Sleep
from replicate_typed._jobs import TIMEOUT_MARGIN, Jobs, output_of
from replicate_typed._kinds import PREDICTION
from replicate_typed._lost_create import MARGIN
from replicate_typed._options import create_options

from tests.support import payloads
from tests.support.clock import FakeTime
from tests.support.flows import (
    NOW,
    POLICY,
    Script,
    finished,
    make_core,
    operation,
    prediction_json,
    response,
)
from tests.support.payloads import PREDICTION_ID, VERSION_ID

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
    assert [request.operation for request in script.sends] == ["predictions.get"] * 3
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


def test_each_poll_of_a_wait_with_a_timeout_has_the_time_left_plus_the_margin() -> None:
    time = FakeTime()
    schedule = PollSchedule(interval=1.0, fast_for=0.0, growth=2.0, max_interval=4.0)
    script = Script(*[prediction_json("processing")] * 10, time=time)

    with pytest.raises(PredictionTimeoutError):
        script.run(
            Jobs(make_core(polling=schedule, time=time)).wait(
                PREDICTION, PREDICTION_ID, timeout=5.0
            )
        )

    first, *polls = script.sends
    assert first.time_left == 5.0 + TIMEOUT_MARGIN  # the fetch by id
    # After sleeping 2 s, then the last 3 s: the last poll gets the margin alone.
    assert [poll.time_left for poll in polls] == [3.0 + TIMEOUT_MARGIN, TIMEOUT_MARGIN]


def test_a_poll_stopped_by_the_time_limit_raises_the_timeout_error() -> None:
    time = FakeTime()
    later = response(429, headers={"Retry-After": str(int(TIMEOUT_MARGIN) + 1)})
    script = Script(prediction_json("processing"), later, time=time)

    with pytest.raises(PredictionTimeoutError) as caught:
        script.run(Jobs(make_core(time=time)).wait(PREDICTION, PREDICTION_ID, timeout=0.05))

    assert caught.value.prediction.id == PREDICTION_ID
    assert isinstance(caught.value.__cause__, RateLimitError)
    assert len(script.sends) == 2  # no retry: the pause asked for would end past the margin


def test_a_poll_that_fails_in_time_raises_its_own_error() -> None:
    script = Script(prediction_json("processing"), response(404))

    with pytest.raises(NotFoundError):
        script.run(Jobs(make_core()).wait(PREDICTION, PREDICTION_ID, timeout=60.0))


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
    """Jobs.run and then its output, as the clients' untyped run reads it."""
    prediction = yield from Jobs(core).run(
        VERSION_ID,
        {"text": "Alice"},
        deployment=None,
        options=create_options(wait=wait),
        file_strategy="upload",
        timeout=timeout,
        on_update=None,
    )
    return output_of(prediction)


def test_run_creates_in_sync_mode_then_waits_for_the_output() -> None:
    core = make_core()
    flow = _run(core)

    create = next(flow)
    assert isinstance(create, Send)
    assert create.operation == "predictions.create"
    assert create.kwargs.get("headers", {})["Prefer"] == "wait"
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
    assert [request.operation for request in script.sends] == ["predictions.create"]
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

    assert [request.operation for request in script.sends] == [
        "predictions.create",
        "predictions.get",
        "predictions.cancel",
    ]
    assert caught.value.canceled is True


def test_an_interrupt_during_the_create_looks_for_the_prediction_it_made() -> None:
    flow = _run(make_core())

    assert operation(next(flow)) == "predictions.create"
    # Task cancellation (a KeyboardInterrupt escaping here would stop pytest itself).
    listing = flow.throw(asyncio.CancelledError())
    assert isinstance(listing, Send)
    assert listing.operation == "predictions.list"
    assert listing.cleanup is True  # shielded from the cancellation that sent it
    assert listing.kwargs.get("params") == {"created_after": (NOW - MARGIN).isoformat()}
    made = payloads.prediction("processing", created_at=NOW.isoformat())
    cancel = flow.send(response(json=payloads.page([made])))
    assert isinstance(cancel, Send)
    assert cancel.operation == "predictions.cancel"
    assert cancel.cleanup is True
    with pytest.raises(asyncio.CancelledError):
        flow.send(response(json=payloads.prediction("canceled")))


def test_an_interrupt_while_a_create_backs_off_looks_for_nothing() -> None:
    flow = _run(make_core())

    assert operation(next(flow)) == "predictions.create"
    backoff = flow.send(response(429, headers={"Retry-After": "1"}))
    assert backoff == Sleep(1.0)
    with pytest.raises(KeyboardInterrupt) as caught:
        flow.throw(KeyboardInterrupt())  # a 429 made nothing: no list, no cancel
    assert not hasattr(caught.value, "__notes__")


def test_run_cancels_once_what_it_gives_up_on() -> None:
    script = Script(
        response(201, json=payloads.prediction("processing")),
        *[response(503)] * (1 + POLICY.max_retries),
        response(503),
    )

    with pytest.raises(InternalServerError) as caught:
        script.run(_run(make_core(), wait=1))

    assert [request.operation for request in script.sends][-2:] == [
        "predictions.get",
        "predictions.cancel",  # one attempt: its 503 is noted, not retried
    ]
    assert caught.value.prediction is not None
    assert caught.value.prediction.id == PREDICTION_ID
