"""FakeReplicate's behaviour: lifecycle on a virtual clock, deadlines, streams, webhooks, faults."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import httpx
import pytest
from replicate_typed import (
    APIConnectionError,
    InvalidResponseError,
    ModelError,
    PredictionCanceledError,
    RateLimitError,
    verify_webhook,
)
from replicate_typed.testing import FakeFile, FakeModelError, FakeReplicate, Fault, VirtualClock

from tests.support.outputs import one_file

API = "https://api.replicate.com/v1"
AUTH = {"Authorization": "Bearer r8_test"}


def test_predictions_move_through_their_statuses_on_the_clock() -> None:
    fake = FakeReplicate()
    fake.add_model("acme/echo", lambda input: input["text"], queue_time=2, run_time=3)
    with fake.client() as replicate:
        prediction = replicate.create("acme/echo", {"text": "hi"})
        seen = [(fake.clock.now(), prediction.status)]
        current = prediction
        for _ in range(3):
            assert isinstance(fake.clock, VirtualClock)
            fake.clock.advance(2)
            current = replicate.predictions.get(prediction.id)
            seen.append((fake.clock.now(), current.status))

    assert seen == [(0, "starting"), (2, "processing"), (4, "processing"), (6, "succeeded")]
    assert current.output == "hi"
    assert isinstance(current.started_at, datetime)
    assert isinstance(current.completed_at, datetime)
    assert (current.completed_at - current.started_at).total_seconds() == 3


def test_sync_mode_holds_until_done_or_the_window_closes() -> None:
    fake = FakeReplicate()
    fake.add_model("acme/quick", lambda _: "ok", run_time=3)
    fake.add_model("acme/long", lambda _: "ok", run_time=30)
    with fake.client() as replicate:
        quick = replicate.create("acme/quick", {}, wait=10)
        long = replicate.create("acme/long", {}, wait=5)

    assert (quick.status, quick.output) == ("succeeded", "ok")
    assert long.status == "processing"
    assert fake.clock.now() == 3 + 5


def test_run_waits_past_the_window_for_the_right_output() -> None:
    fake = FakeReplicate()
    fake.add_model("acme/long", lambda input: input["n"] * 2, queue_time=1.5, run_time=0.3)
    with fake.client() as replicate:
        assert replicate.run("acme/long", {"n": 21}, wait=1) == 42


@pytest.mark.parametrize(("queue", "status"), [(10.0, "aborted"), (1.0, "canceled")])
def test_a_deadline_aborts_a_queued_prediction_and_cancels_a_running_one(
    queue: float, status: str
) -> None:
    fake = FakeReplicate()
    fake.add_model("acme/slow", lambda _: "late", queue_time=queue, run_time=60)
    with fake.client() as replicate, pytest.raises(PredictionCanceledError) as caught:
        replicate.run("acme/slow", {}, deadline="5s")

    assert caught.value.prediction.status == status
    assert caught.value.aborted is (status == "aborted")


def test_cancel_and_failures() -> None:
    fake = FakeReplicate()
    fake.add_model("acme/broken", lambda _: (_ for _ in ()).throw(FakeModelError("bad weights")))
    with fake.client() as replicate:
        slow = replicate.create("acme/slow-model", {})
        canceled = replicate.cancel(slow.id)
        with pytest.raises(ModelError, match="bad weights"):
            replicate.run("acme/broken", {})

    assert canceled.status == "canceled"


def test_streams_resume_after_the_last_event_id() -> None:
    fake = FakeReplicate()
    fake.add_model("acme/words", lambda _: ["a", "b", "c", "d"], run_time=4, stream=True)
    with fake.client() as replicate:
        prediction = replicate.create("acme/words", {})
        with httpx.Client(transport=fake.transport()) as http:
            assert prediction.urls is not None
            resumed = http.get(str(prediction.urls.stream), headers={"Last-Event-ID": "1"})

    assert "data: a" not in resumed.text
    assert [line for line in resumed.text.splitlines() if line.startswith("data: ")][:2] == [
        "data: c",
        "data: d",
    ]
    assert "event: done" in resumed.text


def test_a_stream_cut_off_mid_way_first_waits_for_its_first_chunk() -> None:
    fake = FakeReplicate()
    fake.add_model("acme/words", lambda _: ["a", "b"], run_time=4, stream=True)
    with fake.client() as replicate:
        prediction = replicate.create("acme/words", {})
    fake.inject(Fault.cut_body(), operation="predictions.stream")
    assert prediction.urls is not None
    with httpx.Client(transport=fake.transport()) as http, pytest.raises(httpx.RemoteProtocolError):
        http.get(str(prediction.urls.stream))

    assert fake.clock.now() == 4 / 2  # the first of two chunks, spread over the run


def test_file_outputs_download_without_the_token() -> None:
    fake = FakeReplicate()
    fake.add_model("acme/pic", lambda _: FakeFile(b"\x89PNG data", "pic.png", "image/png"))
    with fake.client() as replicate:
        output = one_file(replicate.run("acme/pic", {}))
        assert output.read() == b"\x89PNG data"

    download = fake.requests[-1]
    assert download.url == str(output)
    assert download.authorized is False


def test_webhooks_are_delivered_signed() -> None:
    fake = FakeReplicate()
    received: list[object] = []
    fake.on_webhook = lambda headers, body: received.append(
        verify_webhook(headers, body, fake.webhook_secret)
    )
    with fake.client() as replicate:
        replicate.run("replicate/hello-world", {"text": "x"}, webhook="https://example.com/hook")

    assert [p.status for p in received] == ["processing", "succeeded"]  # type: ignore[attr-defined]


def test_lists_are_paginated_with_absolute_links() -> None:
    fake = FakeReplicate(page_size=2)
    with fake.client() as replicate:
        for n in range(5):
            replicate.create("replicate/hello-world", {"text": str(n)})
        pager = replicate.predictions.list()
        first = pager.page()
        texts = [p.input_["text"] for p in pager]

    assert first.next == "https://api.replicate.com/v1/predictions?cursor=2"
    assert texts == ["4", "3", "2", "1", "0"]


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (Fault.drop(commit=True), APIConnectionError),
        (Fault.cut_body(), APIConnectionError),
        (Fault.timeout(), APIConnectionError),
        (Fault.malformed_json(), InvalidResponseError),
        (Fault.server_error(500, commit=True), Exception),
    ],
)
def test_a_create_that_may_have_arrived_is_not_repeated(
    fault: Fault, error: type[Exception]
) -> None:
    fake = FakeReplicate()
    fake.inject(fault, operation="models.predictions.create")
    with fake.client() as replicate, pytest.raises(error) as caught:
        replicate.create("replicate/hello-world", {"text": "once"})

    assert getattr(caught.value, "prediction_may_exist", None) is True
    assert len(fake.predictions()) == 1
    assert len(fake.requests.to("models.predictions.create")) == 1


def test_faults_before_the_work_are_retried_on_gets() -> None:
    fake = FakeReplicate()
    with fake.client() as replicate:
        prediction = replicate.create("replicate/hello-world", {"text": "x"})
        fake.inject(Fault.rate_limit(retry_after="2"), operation="predictions.get")
        fake.inject(Fault.html_error(), operation="predictions.get")
        fake.inject(Fault.drop(), operation="predictions.get")
        assert replicate.predictions.get(prediction.id).id == prediction.id
        fake.inject(Fault.rate_limit(), operation="predictions.get", times=10)
        with pytest.raises(RateLimitError):
            replicate.predictions.get(prediction.id)

    assert len(fake.requests.to("predictions.get")) == 4 + 4


def test_unknown_statuses_and_fields_reach_the_client_intact() -> None:
    fake = FakeReplicate()
    with fake.client() as replicate:
        prediction = replicate.create("replicate/hello-world", {"text": "x"})
        fake.inject(Fault.unknown_status("queued"), operation="predictions.get")
        fake.inject(Fault.unknown_fields(), operation="predictions.get")
        queued = replicate.predictions.get(prediction.id)
        extended = replicate.predictions.get(prediction.id)

    assert queued.status == "queued"
    unknown = extended.additional_properties["x_fake_unknown"]
    assert isinstance(unknown, dict)
    assert unknown["added_in"] == "a future API"


def test_a_rate_limit_carries_retry_after_and_an_unknown_status_its_reported_status() -> None:
    limited = Fault.rate_limit(retry_after="7")
    odd = Fault.unknown_status("queued")
    fake = FakeReplicate()
    fake.inject(limited, operation="account.get")
    with httpx.Client(transport=fake.transport()) as http:
        response = http.get(f"{API}/account", headers=AUTH)

    assert (limited.retry_after, limited.reported_status) == ("7", None)
    assert (odd.retry_after, odd.reported_status) == (None, "queued")
    assert (response.status_code, response.headers["retry-after"]) == (429, "7")


def test_a_trickled_body_takes_its_time_on_the_fake_clock() -> None:
    fake = FakeReplicate()
    fake.inject(Fault.trickle(0.05), operation="account.get")
    with httpx.Client(transport=fake.transport()) as http:
        response = http.get(f"{API}/account", headers=AUTH)

    assert response.json()["username"] == "fake-account"  # whole, in the end
    assert fake.clock.now() == pytest.approx(0.05 * len(response.content))


def test_a_client_on_the_fake_clock_cuts_a_trickled_response_at_its_read_timeout() -> None:
    fake = FakeReplicate()
    with fake.client(timeout=1.0) as replicate:
        prediction = replicate.create("replicate/hello-world", {"text": "x"})
        fake.inject(Fault.trickle(0.05), operation="predictions.get")
        started = fake.clock.now()
        assert replicate.predictions.get(prediction.id).id == prediction.id
        # Cut at the first byte after 1 s, then sent again after the backoff (at most 0.5 s).
        assert 1.0 < fake.clock.now() - started <= 1.0 + 0.05 + 0.5

    assert len(fake.requests.to("predictions.get")) == 2


def test_a_trickle_leaves_files_and_streams_as_they_are() -> None:
    fake = FakeReplicate()
    fake.add_model("acme/pic", lambda _: FakeFile(b"\x89PNG data", "pic.png", "image/png"))
    with fake.client() as replicate:
        output = one_file(replicate.run("acme/pic", {}))
        fake.inject(Fault.trickle(10.0), operation="output.download")
        started = fake.clock.now()
        assert output.read() == b"\x89PNG data"

    assert fake.clock.now() == started


def test_one_transport_serves_sync_and_async_clients() -> None:
    transport = FakeReplicate().transport()

    async def account_async() -> object:
        async with httpx.AsyncClient(transport=transport) as http:
            return (await http.get(f"{API}/account", headers=AUTH)).json()["username"]

    with httpx.Client(transport=transport) as http:
        synchronously = http.get(f"{API}/account", headers=AUTH).json()["username"]

    assert synchronously == asyncio.run(account_async()) == "fake-account"


def test_lists_honor_created_after_and_created_before_on_the_fake_clock() -> None:
    fake = FakeReplicate()
    assert isinstance(fake.clock, VirtualClock)
    with fake.client() as replicate:
        for n in range(3):
            replicate.create("replicate/hello-world", {"text": str(n)})
            fake.clock.advance(10)
        moments = [fake.clock.wall(at) for at in (0.0, 10.0, 20.0)]

        def texts(
            created_after: datetime | None = None, created_before: datetime | None = None
        ) -> list[str]:
            listed = replicate.predictions.list(
                created_after=created_after, created_before=created_before
            )
            return [str(p.input_["text"]) for p in listed]

        assert texts(created_after=moments[1]) == ["2", "1"]  # inclusive
        assert texts(created_before=moments[1]) == ["0"]  # exclusive
        assert texts(created_after=moments[0], created_before=moments[2]) == ["1", "0"]


def test_a_bad_created_after_is_a_400() -> None:
    fake = FakeReplicate()
    transport = fake.transport()
    with httpx.Client(transport=transport, base_url=API, headers=AUTH) as http:
        response = http.get("/predictions", params={"created_after": "yesterday"})

    assert response.status_code == 400
    assert "'yesterday'" in response.json()["detail"]


def test_responses_carry_the_date_on_the_fake_clock() -> None:
    fake = FakeReplicate(clock=VirtualClock(datetime(2026, 1, 1, tzinfo=UTC)))
    assert isinstance(fake.clock, VirtualClock)
    fake.clock.advance(90)
    with httpx.Client(transport=fake.transport(), base_url=API, headers=AUTH) as http:
        response = http.get("/predictions")

    assert response.headers["Date"] == "Thu, 01 Jan 2026 00:01:30 GMT"


def test_a_model_added_with_a_schema_shows_it_on_each_of_its_versions() -> None:
    schema = {"openapi": "3.0.2", "components": {"schemas": {"Input": {"type": "object"}}}}
    fake = FakeReplicate(examples=False)
    entry = fake.add_model("acme/schemed", lambda _: None, openapi_schema=schema)
    fake.add_model("acme/plain", lambda _: None)
    with fake.client() as replicate:
        latest = replicate.models.get("acme/schemed").latest_version
        one = replicate.models.versions.get("acme/schemed", entry.version_id)
        listed = list(replicate.models.versions.list("acme/schemed"))
        plain = replicate.models.get("acme/plain").latest_version

    assert latest is not None
    assert plain is not None
    assert latest.openapi_schema == schema
    assert one.openapi_schema == schema
    assert [version.openapi_schema for version in listed] == [schema]
    assert plain.openapi_schema == {
        "openapi": "3.0.2",
        "info": {"title": "Cog", "version": "0.1.0"},
    }
