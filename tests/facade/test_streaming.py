"""stream(): typed server-sent events, resumed across drops, errors raised."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator

import httpx
import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import (
    APIConnectionError,
    DoneEvent,
    InvalidResponseError,
    LogsEvent,
    ModelError,
    OutputEvent,
    Prediction,
    PredictionStatus,
    Replicate,
    RetryPolicy,
    StreamUnavailableError,
)
from replicate_typed._event_stream import MAX_EVENT_BYTES

from tests.support import payloads
from tests.support.payloads import API, PREDICTION_ID, VERSION_ID
from tests.support.streams import Dropping

STREAM = f"https://stream.replicate.com/v1/files/{PREDICTION_ID}"
CANCEL = f"{API}/predictions/{PREDICTION_ID}/cancel"
SSE = {"Content-Type": "text/event-stream"}
STARTING = payloads.prediction("starting", streams=True)


def sse(*events: tuple[str, str, str]) -> bytes:
    """Encode (event, id, data) triples as a text/event-stream body."""
    return "".join(f"event: {e}\nid: {i}\ndata: {d}\n\n" for e, i, d in events).encode()


def _create(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(method="POST", url=f"{API}/predictions", status_code=201, json=STARTING)


def test_events_arrive_typed_and_unknown_types_are_skipped(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    _create(httpx_mock)
    body = sse(
        ("output", "1", "Hello"),
        ("logs", "2", "warming up"),
        ("heartbeat", "3", "{}"),
        ("output", "4", ", world"),
        ("done", "5", "{}"),
    )
    httpx_mock.add_response(url=STREAM, headers=SSE, content=body)

    events = list(replicate.stream(VERSION_ID, {"prompt": "hi"}))

    assert events == [
        OutputEvent("Hello", "1"),
        LogsEvent("warming up", "2"),
        OutputEvent(", world", "4"),
        DoneEvent(None, "5"),
    ]
    create, stream = httpx_mock.get_requests()
    assert "Prefer" not in create.headers  # a held-open create would defeat streaming
    assert stream.headers["Accept"] == "text/event-stream"
    assert "Authorization" not in stream.headers  # the stream host is not the API's


def test_iter_text_joins_only_output(replicate: Replicate, httpx_mock: HTTPXMock) -> None:
    _create(httpx_mock)
    body = sse(
        ("output", "1", "The"), ("logs", "2", "x"), ("output", "3", " end"), ("done", "4", "{}")
    )
    httpx_mock.add_response(url=STREAM, headers=SSE, content=body)

    assert replicate.stream(VERSION_ID, {}).text() == "The end"


def test_a_dropped_stream_resumes_after_the_last_event_without_repeats(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    _create(httpx_mock)
    first = sse(("output", "1", "one "), ("output", "2", "two ")) + b"event: output\nid: 3\nda"
    httpx_mock.add_response(url=STREAM, headers=SSE, stream=Dropping(first))
    # The server resumes after id 2, but repeats it once (as a careless proxy might).
    resumed = sse(("output", "2", "two "), ("output", "3", "three"), ("done", "4", "{}"))
    httpx_mock.add_response(url=STREAM, headers=SSE, content=resumed)

    chunks = list(replicate.stream(VERSION_ID, {}).iter_text())

    assert chunks == ["one ", "two ", "three"]
    reconnect = httpx_mock.get_requests()[-1]
    assert reconnect.headers["Last-Event-ID"] == "2"


def test_a_stream_that_keeps_dropping_gives_up(
    make_client: Callable[..., Replicate], httpx_mock: HTTPXMock
) -> None:
    client = make_client(retry=RetryPolicy(max_retries=2))
    _create(httpx_mock)
    httpx_mock.add_response(
        url=STREAM, headers=SSE, stream=Dropping(sse(("output", "1", "x"))), is_reusable=True
    )

    with pytest.raises(APIConnectionError, match="gave up after 3 connections in a row") as caught:
        list(client.stream(VERSION_ID, {}))
    assert len(httpx_mock.get_requests()) == 1 + 3
    assert caught.value.prediction is not None  # it exists, and may still be running
    assert caught.value.prediction.id == PREDICTION_ID


def test_an_error_event_raises_model_error_with_the_final_state(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    _create(httpx_mock)
    body = sse(("output", "1", "partial"), ("error", "2", '{"detail": "CUDA out of memory"}'))
    httpx_mock.add_response(url=STREAM, headers=SSE, content=body)
    httpx_mock.add_response(
        url=f"{API}/predictions/{PREDICTION_ID}", json=payloads.prediction("failed")
    )

    stream = replicate.stream(VERSION_ID, {})
    with pytest.raises(ModelError) as caught:
        list(stream)

    assert caught.value.error == "CUDA out of memory"
    assert caught.value.prediction.status == "failed"


def _without_stream_url(status: str) -> dict[str, object]:
    return payloads.prediction(status)


def test_a_model_without_a_stream_url_gets_its_prediction_canceled_and_a_clear_error(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(method="POST", status_code=201, json=_without_stream_url("starting"))
    httpx_mock.add_response(method="POST", url=CANCEL, json=_without_stream_url("canceled"))

    with pytest.raises(StreamUnavailableError, match="does not stream") as caught:
        list(replicate.stream("acme/image-model", {}))

    assert str(caught.value).endswith(f"; stream gave up: canceled prediction {PREDICTION_ID}")
    assert caught.value.prediction is not None
    assert caught.value.prediction.status == PredictionStatus.CANCELED
    assert httpx_mock.get_requests()[-1].url == CANCEL


def test_a_failed_cancel_of_a_prediction_that_cannot_stream_says_it_may_be_running(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    httpx_mock.add_response(method="POST", status_code=201, json=_without_stream_url("starting"))
    httpx_mock.add_response(method="POST", url=CANCEL, status_code=500)

    with pytest.raises(StreamUnavailableError) as caught:
        list(replicate.stream("acme/image-model", {}))

    assert str(caught.value).endswith(
        f"could not cancel prediction {PREDICTION_ID}: HTTP 500; it may still be running"
    )
    assert caught.value.prediction is not None
    assert caught.value.prediction.status == PredictionStatus.STARTING


def test_a_given_prediction_without_a_stream_url_is_not_canceled(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    given = Prediction.from_dict(_without_stream_url("processing"))

    with pytest.raises(StreamUnavailableError) as caught:
        list(replicate.stream(given))

    assert caught.value.prediction is given  # and pytest-httpx saw no request: not ours to cancel


def test_streaming_an_existing_prediction(replicate: Replicate, httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(
        url=STREAM, headers=SSE, content=sse(("output", "1", "hi"), ("done", "2", ""))
    )

    text = replicate.stream(Prediction.from_dict(STARTING)).text()

    assert text == "hi"
    assert len(httpx_mock.get_requests()) == 1


def test_stream_arguments_are_checked_before_any_request(replicate: Replicate) -> None:
    with pytest.raises(ValueError, match="invalid model reference"):
        replicate.stream("not a model", {})


def test_events_without_an_id_line_keep_the_last_id_and_are_not_repeats(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    _create(httpx_mock)
    # Valid per the SSE spec: an event without "id:" carries the last id over.
    body = (
        b"event: output\nid: 1\ndata: one\n\nevent: output\ndata: two\n\nevent: done\ndata: {}\n\n"
    )
    httpx_mock.add_response(url=STREAM, headers=SSE, content=body)

    events = list(replicate.stream(VERSION_ID, {}))

    assert events == [OutputEvent("one", "1"), OutputEvent("two", "1"), DoneEvent(None, "1")]


def test_after_a_reconnect_only_ids_repeated_explicitly_are_skipped(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    _create(httpx_mock)
    first = b"event: output\nid: 1\ndata: one\n\nevent: output\ndata: two\n\n"
    httpx_mock.add_response(url=STREAM, headers=SSE, stream=Dropping(first))
    # The server starts over: "one" repeats its id; "three" has none, so it is new.
    resumed = sse(("output", "1", "one")) + b"event: output\ndata: three\n\nevent: done\n\n"
    httpx_mock.add_response(url=STREAM, headers=SSE, content=resumed)

    assert list(replicate.stream(VERSION_ID, {}).iter_text()) == ["one", "two", "three"]
    assert httpx_mock.get_requests()[-1].headers["Last-Event-ID"] == "1"


def test_a_byte_order_mark_at_the_start_does_not_lose_the_first_event(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    _create(httpx_mock)
    body = b"\xef\xbb\xbf" + sse(("output", "1", "first"), ("done", "2", "{}"))
    httpx_mock.add_response(url=STREAM, headers=SSE, content=body)

    assert replicate.stream(VERSION_ID, {}).text() == "first"


class _EndlessLine(httpx.SyncByteStream, httpx.AsyncByteStream):
    """One line that never ends, in 1 MiB chunks; counts how many were read."""

    def __init__(self, chunks: int) -> None:
        self.chunks = chunks
        self.read = 0

    def _chunks(self) -> Iterator[bytes]:
        yield b"event: output\ndata: "
        for _ in range(self.chunks):
            self.read += 1
            yield b"x" * (1024 * 1024)

    def __iter__(self) -> Iterator[bytes]:
        return self._chunks()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks():
            yield chunk


def test_a_line_past_the_size_limit_is_refused_without_reading_on(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    _create(httpx_mock)
    endless = _EndlessLine(chunks=4 * MAX_EVENT_BYTES // (1024 * 1024))
    httpx_mock.add_response(url=STREAM, headers=SSE, stream=endless)

    with pytest.raises(InvalidResponseError, match="a line of the event stream is longer than"):
        list(replicate.stream(VERSION_ID, {}))

    assert endless.read == MAX_EVENT_BYTES // (1024 * 1024)  # it stopped at the limit


def test_the_reconnect_budget_counts_drops_in_a_row_not_in_total(
    make_client: Callable[..., Replicate], httpx_mock: HTTPXMock
) -> None:
    policy = RetryPolicy(max_retries=2)
    client = make_client(retry=policy)
    _create(httpx_mock)
    drops = policy.max_retries + 2  # more drops than the budget, each after a new event
    for n in range(drops):
        httpx_mock.add_response(
            url=STREAM, headers=SSE, stream=Dropping(sse(("output", str(n), f"{n} ")))
        )
    httpx_mock.add_response(url=STREAM, headers=SSE, content=sse(("done", "end", "{}")))

    text = client.stream(VERSION_ID, {}).text()

    assert text == "".join(f"{n} " for n in range(drops))


def test_a_stream_is_read_once(replicate: Replicate, httpx_mock: HTTPXMock) -> None:
    _create(httpx_mock)
    httpx_mock.add_response(
        url=STREAM, headers=SSE, content=sse(("output", "1", "hi"), ("done", "2", ""))
    )
    stream = replicate.stream(VERSION_ID, {})
    assert stream.text() == "hi"

    with pytest.raises(
        RuntimeError, match=f"stream of prediction {PREDICTION_ID} was already read"
    ):
        list(stream)
    assert len(httpx_mock.get_requests()) == 2  # nothing sent again
