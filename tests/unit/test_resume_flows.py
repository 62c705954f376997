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
from replicate_typed import APIConnectionError, InvalidResponseError, RetryPolicy
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


Headers = dict[str, str] | list[tuple[bytes, bytes]]


def _file(status: int = 200, headers: Headers | None = None) -> httpx.Response:
    """A download's response with no body of its own (the steps ``take`` the chunks)."""
    return httpx.Response(status, headers=headers, request=httpx.Request("GET", FILE_URL))


def _rest(start: int, total: int = 10, headers: dict[str, str] | None = None) -> httpx.Response:
    """A 206 for the bytes from ``start`` of a ``total``-byte file."""
    return _file(206, {"Content-Range": f"bytes {start}-{total - 1}/{total}", **(headers or {})})


def test_a_cut_download_resumes_with_range_from_the_bytes_delivered() -> None:
    core = make_core()
    download = Download(FILE_URL)
    attempts = core.attempts(repeatable=True)

    first = Script(_file(200, {"ETag": '"v1"'})).run(core.send(download.request(), attempts))
    download.accept(first)
    assert download.take(b"0123") == b"0123"
    assert download.ended(httpx.RemoteProtocolError("cut")) is not None
    pause = download.dropped(httpx.RemoteProtocolError("cut"), attempts)
    assert next(pause) == Sleep(backoffs()[0])

    resume = download.request()
    assert resume.kwargs.get("headers", {}) == {"Range": "bytes=4-", "If-Range": '"v1"'}
    assert resume.stream is True
    assert resume.follow_redirects is True
    download.accept(Script(_rest(4, headers={"ETag": '"v1"'})).run(core.send(resume, attempts)))
    assert download.take(b"456789") == b"456789"
    assert download.ended(None) is None
    assert attempts.sent == 2


def test_a_server_that_ignores_range_has_the_repeated_bytes_skipped() -> None:
    download = Download(FILE_URL)
    download.accept(_file())
    download.take(b"01234")

    download.accept(_file(200))  # the whole file again
    assert [download.take(chunk) for chunk in (b"012", b"3456", b"789")] == [
        b"",
        b"56",
        b"789",
    ]
    assert download.delivered == 10


def test_an_encoded_body_is_asked_for_again_whole() -> None:
    download = Download(FILE_URL)
    download.accept(_file(200, {"Content-Encoding": "gzip", "Content-Length": "4", "ETag": '"v1"'}))
    download.take(b"decoded bytes")  # more than the 4 bytes on the wire: not a length to hold

    assert download.request().kwargs.get("headers", {}) == {}
    download.accept(_file(200, {"Content-Encoding": "gzip", "ETag": '"v1"'}))
    assert download.take(b"decoded bytes, all") == b", all"


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        (_rest(0), r"Content-Range 'bytes 0-9/10' does not start at byte 4"),
        (_rest(6), r"Content-Range 'bytes 6-9/10' does not start at byte 4"),
        (_file(206), r"a 206 without a usable Content-Range \(None\)"),
        (_file(206, {"Content-Range": "bytes 4-/10"}), r"usable Content-Range \('bytes 4-/10'\)"),
        (
            _file(206, [(b"Content-Range", "bytes 4-²/10".encode("latin-1"))]),
            "usable Content-Range",
        ),
        (_file(206, {"Content-Range": "bytes 4-3/10"}), r"impossible Content-Range"),
        (_file(206, {"Content-Range": "bytes 4-10/10"}), r"impossible Content-Range"),
        (_rest(4, headers={"Content-Encoding": "br"}), r"206 with a Content-Encoding"),
        (_rest(4, total=12), r"length changed from 10 to 12 bytes"),
        (_file(200, {"ETag": '"v2"'}), r'changed during the download \(ETag "v1" became "v2"\)'),
        (_file(200, {"Content-Length": "12"}), r"length changed from 10 to 12"),
    ],
    ids=[
        "206-from-0",
        "206-past-the-offset",
        "206-no-content-range",
        "206-unreadable",
        "206-unicode-digit",
        "206-end-before-start",
        "206-end-past-total",
        "206-encoded",
        "206-other-total",
        "200-other-etag",
        "200-other-length",
    ],
)
def test_a_response_that_cannot_continue_the_download_is_refused(
    reply: httpx.Response, problem: str
) -> None:
    download = Download(FILE_URL)
    download.accept(_file(200, {"ETag": '"v1"', "Content-Length": "10"}))
    download.take(b"0123")

    with pytest.raises(InvalidResponseError, match=rf"^output\.download: .*{problem}") as refused:
        download.accept(reply)
    assert refused.value.status == reply.status_code
    assert not refused.value.unreadable  # the bytes delivered cannot be taken back: no retry


def test_a_change_of_last_modified_is_a_changed_file_when_there_is_no_etag() -> None:
    download = Download(FILE_URL)
    download.accept(_file(200, {"Last-Modified": "Sun, 22 Nov 2026 10:15:04 GMT"}))
    download.take(b"0123")

    assert (
        download.request().kwargs.get("headers", {})["If-Range"] == "Sun, 22 Nov 2026 10:15:04 GMT"
    )
    with pytest.raises(InvalidResponseError, match=r"Last-Modified .* became Mon, 23 Nov"):
        download.accept(_file(200, {"Last-Modified": "Mon, 23 Nov 2026 08:00:00 GMT"}))


def test_a_weak_etag_matches_its_strong_twin_but_is_never_sent_in_if_range() -> None:
    download = Download(FILE_URL)
    download.accept(_file(200, {"ETag": 'W/"v1"'}))
    download.take(b"0123")

    assert "If-Range" not in download.request().kwargs.get("headers", {})
    download.accept(_file(200, {"ETag": '"v1"'}))  # the same file: its bytes are skipped
    assert download.take(b"012345") == b"45"


def test_a_partial_206_is_continued_from_where_it_ended() -> None:
    download = Download(FILE_URL)
    download.accept(_file(206, {"Content-Range": "bytes 0-3/10"}))
    download.take(b"0123")

    short = download.ended(None)
    assert isinstance(short, InvalidResponseError)
    assert short.unreadable  # resumed like a dropped connection, on the same count
    assert (
        str(short) == "output.download: the body ended after 4 of the 10 bytes its headers declared"
    )
    assert download.request().kwargs.get("headers", {}) == {"Range": "bytes=4-"}


def test_a_drop_after_the_last_declared_byte_finishes_the_download() -> None:
    download = Download(FILE_URL)
    download.accept(_file(200, {"Content-Length": "4"}))
    download.take(b"0123")

    assert download.ended(httpx.RemoteProtocolError("cut in the last chunk")) is None


def test_a_body_with_no_declared_length_ends_when_it_ends() -> None:
    download = Download(FILE_URL)
    download.accept(_file(206, {"Content-Range": "bytes 0-3/*"}))
    download.take(b"0123")
    assert download.ended(None) is None

    unknown = Download(FILE_URL)
    unknown.accept(_file())
    unknown.take(b"any length")
    assert unknown.ended(None) is None
    dropped = httpx.ReadError("dropped")
    assert unknown.ended(dropped) is dropped


def test_a_body_past_its_declared_end_is_refused() -> None:
    download = Download(FILE_URL)
    download.accept(_file(206, {"Content-Range": "bytes 0-3/10"}))

    with pytest.raises(InvalidResponseError, match="ran past the 4 bytes"):
        download.take(b"01234")


def test_a_body_that_keeps_ending_short_gives_up_with_its_own_error() -> None:
    core = make_core(retry=RetryPolicy(max_retries=1, jitter=0))
    download = Download(FILE_URL)
    attempts = core.attempts(repeatable=True)
    script = Script(_file(200, {"Content-Length": "10"}), _rest(4))

    download.accept(script.run(core.send(download.request(), attempts)))
    download.take(b"0123")
    short = download.ended(None)
    assert short is not None
    script.run(download.dropped(short, attempts))
    download.accept(script.run(core.send(download.request(), attempts)))
    download.take(b"45")
    again = download.ended(None)
    assert again is not None

    with pytest.raises(InvalidResponseError, match="ended after 6 of the 10 bytes"):
        script.run(download.dropped(again, attempts))


def _download_cut_every_time(core: Core, download: Download, script: Script) -> None:
    """The loop of ``FileOutput.iter_bytes``, its body cut after one chunk every time."""
    attempts = core.attempts(repeatable=True)
    while True:
        download.accept(script.run(core.send(download.request(), attempts)))
        download.take(b"chunk")
        script.run(download.dropped(httpx.RemoteProtocolError("cut"), attempts))


#: The 206s for a file cut after 5 bytes every time, each resuming where the last stopped.
CUT_EVERY_TIME = [_file()] + [_rest(5 * n, total=100) for n in range(1, 10)]
#: Before one count per request, each cut restarted the resumed GET's own retries.
FAILING_AND_CUT = [reply for cut in CUT_EVERY_TIME for reply in (response(503), cut)]


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
    assert script.sends[-1].kwargs.get("headers", {})["Range"].startswith("bytes=")


# -- streams: resumed with Last-Event-ID, on the stream's one count ----------------------------


def _reader() -> StreamReader:
    starting = payloads.prediction("starting", streams=True)
    return StreamReader(Prediction.from_dict(starting), httpx.Timeout(5))


def test_a_dropped_stream_reconnects_after_the_last_event_without_repeats() -> None:
    core = make_core()
    reader = _reader()
    attempts = core.attempts(repeatable=True)

    opened = reader.request()
    assert "Last-Event-ID" not in opened.kwargs.get("headers", {})
    reader.open(Script(response(headers=SSE)).run(core.send(opened, attempts)))
    assert reader.feed(RawEvent("output", "one ", "1")) == OutputEvent("one ", "1")
    assert next(reader.reconnect(httpx.ReadError("dropped"), attempts)) == Sleep(backoffs()[0])

    resumed = reader.request()
    assert resumed.kwargs.get("headers", {})["Last-Event-ID"] == "1"
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
    assert "Last-Event-ID" not in script.sends[-1].kwargs.get("headers", {})  # no event ever came


def test_a_stream_that_delivers_before_each_drop_restarts_its_count_each_time() -> None:
    core = make_core()
    connections = 3 * (POLICY.max_retries + 1)  # three budgets' worth of drops in total
    script = Script(*[response(headers=SSE)] * connections)

    with pytest.raises(AssertionError, match="sent with no reply scripted"):
        _stream_dropped_every_time(core, _reader(), script, new_event=lambda n: True)

    assert len(script.sends) == connections + 1  # it would go on: every drop came after progress
    # Each reconnect counts from the connection that made progress: the first backoff each time.
    assert script.sleeps == [backoffs()[0]] * connections
    assert script.sends[-1].kwargs.get("headers", {})["Last-Event-ID"] == str(connections - 1)


def test_a_stream_gives_up_after_max_retries_drops_in_a_row_since_its_last_new_event() -> None:
    core = make_core()
    script = Script(*[response(headers=SSE)] * 10)

    with pytest.raises(APIConnectionError, match="gave up after 4 connections in a row"):
        _stream_dropped_every_time(core, _reader(), script, new_event=lambda n: n == 0)

    # The one with the event, then max_retries without one.
    assert len(script.sends) == 1 + POLICY.max_retries
    assert script.sleeps == backoffs()
