"""Downloads resumed with Range and streams with Last-Event-ID, stepped by hand.

A cut download or a dropped stream is picked up where it stopped, and every
resumption counts against the one request's retries. ``FileOutput`` and
``PredictionStream`` drive these loops over HTTP; here they are stepped with
no HTTP and no client, against scripted replies (``Script``,
tests/support/flows.py). Counts and delays come from the policy, never from
magic numbers.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import httpx
import pytest
from replicate_api.models.prediction import Prediction
from replicate_typed import APIConnectionError, InvalidResponseError
from replicate_typed._core import Core
from replicate_typed._download import Download
from replicate_typed._effects import Sleep
from replicate_typed._event_stream import RawEvent
from replicate_typed._sse import DoneEvent, OutputEvent, StreamReader

from tests.support import payloads
from tests.support.flows import POLICY, Script, backoffs, make_core, response

FILE_URL = "https://replicate.delivery/xezq/output.bin"
SSE = {"Content-Type": "text/event-stream"}


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
    assert resume.kwargs["headers"] == {"Range": "bytes=4-"}
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
    assert script.sends[-1].kwargs["headers"]["Range"].startswith("bytes=")


# -- streams: resumed with Last-Event-ID, on the stream's one count ----------------------------


def _reader() -> StreamReader:
    return StreamReader(Prediction.from_dict(payloads.prediction("starting")), httpx.Timeout(5))


def test_a_dropped_stream_reconnects_after_the_last_event_without_repeats() -> None:
    core = make_core()
    reader = _reader()
    attempts = core.attempts(repeatable=True)

    opened = reader.request()
    assert "Last-Event-ID" not in opened.kwargs["headers"]
    reader.open(Script(response(headers=SSE)).run(core.send(opened, attempts)))
    assert reader.feed(RawEvent("output", "one ", "1")) == OutputEvent("one ", "1")
    assert next(reader.reconnect(httpx.ReadError("dropped"), attempts)) == Sleep(backoffs()[0])

    resumed = reader.request()
    assert resumed.kwargs["headers"]["Last-Event-ID"] == "1"
    Script(response(headers=SSE)).run(core.send(resumed, attempts))
    assert reader.feed(RawEvent("output", "one ", "1")) is None  # repeated: skipped
    assert reader.feed(RawEvent("done", "{}", "2")) == DoneEvent(None, "2")
    assert attempts.sent == 2


def test_a_stream_that_ends_before_done_reconnects_too() -> None:
    core = make_core()
    reader = _reader()
    attempts = core.attempts(repeatable=True)
    Script(response(headers=SSE)).run(core.send(reader.request(), attempts))

    assert next(reader.reconnect(None, attempts)) == Sleep(backoffs()[0])


def test_a_body_that_is_not_an_event_stream_is_refused() -> None:
    with pytest.raises(InvalidResponseError, match="not text/event-stream"):
        _reader().open(response(json={}))


def _stream_dropped_every_time(
    core: Core, reader: StreamReader, script: Script, *, new_event: Callable[[int], bool]
) -> None:
    """The loop of ``PredictionStream``, dropped every time; connection n delivers a new
    event before it drops when ``new_event(n)``."""
    attempts = core.attempts(repeatable=True)
    for n in itertools.count():
        reader.open(script.run(core.send(reader.request(), attempts)))
        if new_event(n):
            assert reader.feed(RawEvent("output", "x", str(n))) is not None
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
        _stream_dropped_every_time(core, _reader(), script, new_event=lambda n: False)

    assert len(script.sends) == POLICY.max_retries + 1
    assert script.sleeps == backoffs()
    assert "Last-Event-ID" not in script.sends[-1].kwargs["headers"]  # no event ever came


def test_a_stream_that_delivers_before_each_drop_restarts_its_count_each_time() -> None:
    core = make_core()
    connections = 3 * (POLICY.max_retries + 1)  # three budgets' worth of drops in total
    script = Script(*[response(headers=SSE)] * connections)

    with pytest.raises(AssertionError, match="sent with no reply scripted"):
        _stream_dropped_every_time(core, _reader(), script, new_event=lambda n: True)

    assert len(script.sends) == connections + 1  # it would go on: every drop came after progress
    # Each reconnect counts from the connection that made progress: the first backoff each time.
    assert script.sleeps == [backoffs()[0]] * connections
    assert script.sends[-1].kwargs["headers"]["Last-Event-ID"] == str(connections - 1)


def test_a_stream_gives_up_after_max_retries_drops_in_a_row_since_its_last_new_event() -> None:
    core = make_core()
    script = Script(*[response(headers=SSE)] * 10)

    with pytest.raises(APIConnectionError, match="gave up after 4 connections in a row"):
        _stream_dropped_every_time(core, _reader(), script, new_event=lambda n: n == 0)

    # The one with the event, then max_retries without one.
    assert len(script.sends) == 1 + POLICY.max_retries
    assert script.sleeps == backoffs()
