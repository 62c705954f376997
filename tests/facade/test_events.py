"""on_event: typed events from both clients, emitted once by the shared flows."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from replicate_typed import (
    Event,
    Replicate,
    RequestFailed,
    RequestSent,
    ResponseReceived,
    RetryScheduled,
    StatusChanged,
    Throttled,
)
from replicate_typed.testing import FakeReplicate, Fault

TOKEN = "r8_EvEnT_T0ken_must_not_show_0987654321"
MODEL = "acme/slowish"

MakeClient = Callable[..., Replicate]


@pytest.fixture
def fake() -> FakeReplicate:
    fake = FakeReplicate(token=TOKEN)
    fake.add_model(MODEL, lambda _: "done", queue_time=1, run_time=5)
    return fake


@pytest.fixture
def make_client(make_fake_client: MakeClient) -> MakeClient:
    """Clients of this test's kind on this module's ``fake``, which knows ``TOKEN``."""
    return make_fake_client


def _statuses(events: list[Event]) -> list[tuple[str | None, str]]:
    return [(e.old, e.new) for e in events if isinstance(e, StatusChanged)]


def test_each_request_is_reported_sent_then_answered_in_order(make_client: MakeClient) -> None:
    events: list[Event] = []
    client = make_client(on_event=events.append)
    client.run(MODEL, {}, wait=False)
    requests = [e for e in events if isinstance(e, RequestSent | ResponseReceived)]
    assert requests, events
    # Strictly alternating: each send, then its response, in order.
    for sent, received in zip(requests[::2], requests[1::2], strict=True):
        assert isinstance(sent, RequestSent)
        assert isinstance(received, ResponseReceived)
        assert received.operation == sent.operation
        assert received.attempt == sent.attempt == 1
        assert received.status_code // 100 == 2
        assert received.elapsed >= 0
    first = requests[0]
    assert isinstance(first, RequestSent)
    assert first.method == "POST"
    assert first.url.startswith("http")
    assert "/models/acme/slowish/predictions" in first.url
    gets = [e for e in requests if isinstance(e, RequestSent) and e.method == "GET"]
    assert gets, "the wait polled"
    assert all(e.operation == "predictions.get" for e in gets)


def test_a_429_with_retry_after_is_reported_throttled_then_retried(
    make_client: MakeClient, fake: FakeReplicate
) -> None:
    events: list[Event] = []
    client = make_client(on_event=events.append)
    created = client.create(MODEL, {})
    fake.inject(Fault.rate_limit(retry_after="2"), operation="predictions.get")
    events.clear()
    client.predictions.get(created.id)
    assert [type(e) for e in events] == [
        RequestSent,
        ResponseReceived,
        Throttled,
        RetryScheduled,
        RequestSent,
        ResponseReceived,
    ]
    throttled = events[1]
    assert isinstance(throttled, ResponseReceived)
    assert (throttled.operation, throttled.status_code, throttled.attempt) == (
        "predictions.get",
        429,
        1,
    )
    call = throttled.call
    assert events[2] == Throttled("predictions.get", 2.0, 1, call)
    assert events[3] == RetryScheduled("predictions.get", 1, "HTTP 429", 2.0, 429, call)
    retried = events[4]
    assert isinstance(retried, RequestSent)
    assert retried.attempt == 2
    # One call number for the request's attempts and every event about them.
    assert {e.call for e in events if not isinstance(e, StatusChanged)} == {call}


def test_each_request_has_its_own_call_number(make_client: MakeClient) -> None:
    events: list[Event] = []
    make_client(on_event=events.append).run(MODEL, {}, wait=False)
    sent = [e.call for e in events if isinstance(e, RequestSent)]
    assert len(set(sent)) == len(sent) > 1
    assert [e.call for e in events if isinstance(e, ResponseReceived)] == sent


def test_a_transport_error_is_reported_failed_then_retried(
    make_client: MakeClient, fake: FakeReplicate
) -> None:
    events: list[Event] = []
    client = make_client(on_event=events.append)
    created = client.create(MODEL, {})
    fake.inject(Fault.drop(), operation="predictions.get")
    events.clear()
    client.predictions.get(created.id)
    assert [type(e) for e in events] == [
        RequestSent,
        RequestFailed,
        RetryScheduled,
        RequestSent,
        ResponseReceived,
    ]
    failed = events[1]
    assert isinstance(failed, RequestFailed)
    assert (failed.operation, failed.error, failed.attempt) == (
        "predictions.get",
        "RemoteProtocolError",
        1,
    )
    assert failed.elapsed >= 0
    sent = events[0]
    assert isinstance(sent, RequestSent)
    assert failed.call == sent.call


def test_a_status_change_holds_the_prediction_out_of_its_repr(make_client: MakeClient) -> None:
    events: list[Event] = []
    make_client(on_event=events.append).run(MODEL, {}, wait=False)
    last = [e for e in events if isinstance(e, StatusChanged)][-1]
    assert last.job is not None
    assert last.job.id == last.id
    assert str(last.job.status) == "succeeded"
    assert "job" not in repr(last)


def test_a_500_retry_gives_its_reason_and_backoff(
    make_client: MakeClient, fake: FakeReplicate
) -> None:
    events: list[Event] = []
    client = make_client(on_event=events.append)
    created = client.create(MODEL, {})
    fake.inject(Fault.server_error(503), operation="predictions.get")
    events.clear()
    client.predictions.get(created.id)
    retries = [e for e in events if isinstance(e, RetryScheduled)]
    assert len(retries) == 1
    assert retries[0].reason == "HTTP 503"
    assert retries[0].status_code == 503
    assert 0 < retries[0].delay <= 0.5
    assert not any(isinstance(e, Throttled) for e in events)


def test_run_reports_each_status_change_once(make_client: MakeClient) -> None:
    events: list[Event] = []
    client = make_client(on_event=events.append)
    assert client.run(MODEL, {}, wait=False) == "done"
    assert _statuses(events) == [
        (None, "starting"),
        ("starting", "processing"),
        ("processing", "succeeded"),
    ]
    changes = [e for e in events if isinstance(e, StatusChanged)]
    assert len({e.id for e in changes}) == 1
    assert {e.kind for e in changes} == {"prediction"}
    assert {e.model for e in changes} == {MODEL}


def test_wait_by_id_reports_the_first_status_seen_then_changes(make_client: MakeClient) -> None:
    client = make_client()
    created = client.create(MODEL, {})
    events: list[Event] = []
    watching = make_client(on_event=events.append)
    watching.wait(created.id)
    assert _statuses(events) == [
        (None, "starting"),
        ("starting", "processing"),
        ("processing", "succeeded"),
    ]


def test_a_hook_that_raises_does_not_break_the_run(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[Event] = []

    def broken(event: Event) -> None:
        calls.append(event)
        raise RuntimeError("meter down")

    client = make_client(on_event=broken)
    with caplog.at_level(logging.WARNING, logger="replicate_typed"):
        assert client.run(MODEL, {}, wait=False) == "done"
    assert len(calls) > 3
    assert "on_event hook raised" in caplog.text


def test_no_event_shows_the_token(make_client: MakeClient, fake: FakeReplicate) -> None:
    events: list[Event] = []
    client = make_client(on_event=events.append)
    fake.inject(Fault.rate_limit(retry_after="1"), operation="*")
    fake.inject(Fault.server_error(502), operation="predictions.get")
    client.run(MODEL, {}, wait=False)
    assert {type(e) for e in events} >= {
        RequestSent,
        ResponseReceived,
        Throttled,
        RetryScheduled,
        StatusChanged,
    }
    for event in events:
        assert TOKEN not in repr(event)
        assert TOKEN not in str(event)


def test_no_hook_no_change(make_client: MakeClient) -> None:
    client = make_client()
    assert client.run(MODEL, {}, wait=False) == "done"
