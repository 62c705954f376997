"""wait() hears a streaming prediction finish on its stream's ``done`` event (``_done_shortcut``).

Both clients, on FakeReplicate's virtual clock: nothing sleeps for real.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import PredictionTimeoutError, Replicate
from replicate_typed.testing import FakeReplicate, Fault

from tests.support import payloads
from tests.support.payloads import API, PREDICTION_ID, TOKEN

TALKER = "acme/talker"
QUIET = "acme/quiet"
#: Longer than run's 60 s sync window, so run has to wait after the create.
RUN_TIME = 70.0
QUEUE_TIME = 1.5


@pytest.fixture
def fake() -> FakeReplicate:
    fake = FakeReplicate()
    fake.add_model(TALKER, _words, queue_time=QUEUE_TIME, run_time=RUN_TIME, stream=True)
    fake.add_model(QUIET, lambda input: input["name"], queue_time=QUEUE_TIME, run_time=RUN_TIME)
    return fake


def _words(input: dict[str, Any]) -> list[str]:
    return ["hello ", str(input["name"])]


def operations(fake: FakeReplicate) -> list[str | None]:
    return [request.operation for request in fake.requests]


def test_a_run_past_its_window_costs_create_stream_and_one_get(
    client: Replicate, fake: FakeReplicate
) -> None:
    updates: list[str] = []

    output = client.run(TALKER, {"name": "Ada"}, on_update=lambda p: updates.append(p.status))

    assert output == ["hello ", "Ada"]
    create, stream, get = "models.predictions.create", "predictions.stream", "predictions.get"
    assert operations(fake) == [create, stream, get]
    # Finished when the model did: no poll interval after it.
    assert fake.clock.now() == pytest.approx(QUEUE_TIME + RUN_TIME)
    assert updates == ["processing", "succeeded"]


def test_a_stream_that_drops_falls_back_to_polling(client: Replicate, fake: FakeReplicate) -> None:
    fake.inject(Fault.drop(), operation="predictions.stream")

    assert client.run(TALKER, {"name": "Ada"}) == ["hello ", "Ada"]
    assert len(fake.requests.to("predictions.stream")) == 1
    assert len(fake.requests.to("predictions.get")) > 1  # polled after it


def test_a_stream_cut_mid_body_falls_back_to_polling(
    client: Replicate, fake: FakeReplicate
) -> None:
    fake.inject(Fault.cut_body(), operation="predictions.stream")

    assert client.run(TALKER, {"name": "Ada"}) == ["hello ", "Ada"]
    assert len(fake.requests.to("predictions.stream")) == 1
    assert len(fake.requests.to("predictions.get")) > 1


def test_a_stream_refused_with_an_error_falls_back_to_polling(
    client: Replicate, fake: FakeReplicate
) -> None:
    fake.inject(Fault.server_error(503), operation="predictions.stream")

    assert client.run(TALKER, {"name": "Ada"}) == ["hello ", "Ada"]
    assert len(fake.requests.to("predictions.stream")) == 1  # opened once, not retried
    assert len(fake.requests.to("predictions.get")) > 1


def test_a_timeout_while_the_stream_is_read_raises_as_before(
    make_fake_client: Callable[..., Replicate], fake: FakeReplicate
) -> None:
    client = make_fake_client()
    prediction = client.predictions.create(TALKER, {"name": "Ada"})

    with pytest.raises(PredictionTimeoutError) as caught:
        client.predictions.wait(prediction, timeout=10)

    assert "did not finish within 10 s" in str(caught.value)
    assert len(fake.requests.to("predictions.stream")) == 1
    assert fake.clock.now() < QUEUE_TIME + RUN_TIME


def test_a_model_that_does_not_stream_polls_as_before(
    client: Replicate, fake: FakeReplicate
) -> None:
    assert client.run(QUIET, {"name": "Ada"}) == "Ada"
    assert fake.requests.to("predictions.stream") == []
    assert len(fake.requests.to("predictions.get")) > 1


class _CtrlCMidStream(httpx.SyncByteStream):
    """An event stream body during whose read the user presses Ctrl-C."""

    def __iter__(self) -> Iterator[bytes]:
        yield b"event: output\nid: 1\ndata: hello\n\n"
        raise KeyboardInterrupt


@pytest.mark.parametrize("where", ["opening", "reading"])
def test_ctrl_c_during_the_stream_cancels_the_prediction(httpx_mock: HTTPXMock, where: str) -> None:
    get = f"{API}/predictions/{PREDICTION_ID}"
    cancel = f"{get}/cancel"
    httpx_mock.add_response(url=get, json=payloads.prediction("processing", streams=True))
    if where == "opening":
        httpx_mock.add_exception(KeyboardInterrupt(), url=payloads.STREAM_URL)
    else:
        sse = {"Content-Type": "text/event-stream"}
        httpx_mock.add_response(url=payloads.STREAM_URL, headers=sse, stream=_CtrlCMidStream())
    httpx_mock.add_response(method="POST", url=cancel, json=payloads.prediction("canceled"))

    with (
        Replicate(TOKEN, base_url=API, sleep=lambda _: None) as client,
        pytest.raises(KeyboardInterrupt),
    ):
        client.wait(PREDICTION_ID)

    assert [r.url for r in httpx_mock.get_requests()] == [get, payloads.STREAM_URL, cancel]
