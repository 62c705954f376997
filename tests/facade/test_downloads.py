"""Resumed downloads never corrupt a file silently: each response is checked against the last.

A connection dropped mid-body (``Dropping``) is resumed with ``Range`` and
``If-Range``; a 206 must start where the download stopped, an encoded body is
fetched again whole, a file that changed meanwhile is an error, and the length
the server declared is held to. Every test runs through both clients.
"""

from __future__ import annotations

import gzip
import random
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from pytest_httpx import HTTPXMock
from replicate_typed import InvalidResponseError, Replicate

from tests.support.streams import Dropping

URL = "https://replicate.delivery/xezq/abc123/out.bin"
#: 1 MiB that does not compress, so half of its gzip body decodes to about half of it.
CONTENT = random.Random(12).randbytes(1 << 20)
QUARTER = len(CONTENT) // 4
LAST_MODIFIED = "Sun, 22 Nov 2026 10:15:04 GMT"

Reply = httpx.Response | Callable[[httpx.Request], httpx.Response]


def _serve(httpx_mock: HTTPXMock, *replies: Reply) -> None:
    """Answer the download's requests with ``replies``, in order."""
    for reply in replies:
        httpx_mock.add_callback(_answer(reply), url=URL)


def _answer(reply: Reply) -> Callable[[httpx.Request], httpx.Response]:
    if isinstance(reply, httpx.Response):
        return lambda _: reply
    return reply


def _cut(sent: int, headers: dict[str, str] | None = None) -> httpx.Response:
    """A 200 for CONTENT whose connection drops after ``sent`` bytes."""
    headers = {"Content-Length": str(len(CONTENT)), **(headers or {})}
    return httpx.Response(200, headers=headers, stream=Dropping(CONTENT[:sent]))


def _rest(
    start: int, headers: dict[str, str] | None = None, content: bytes = CONTENT
) -> httpx.Response:
    """A correct 206 for the bytes of ``content`` from ``start`` on."""
    end, size = len(content) - 1, len(content)
    headers = {
        "Content-Range": f"bytes {start}-{end}/{size}",
        "Content-Length": str(size - start),
        **(headers or {}),
    }
    return httpx.Response(206, headers=headers, stream=_body(content[start:]))


def _body(content: bytes) -> httpx.ByteStream:
    # A stream, not content=: pytest-httpx reads a callback's content= body once
    # already, and a gzip body then fails to decode a second time.
    return httpx.ByteStream(content)


def _requested(httpx_mock: HTTPXMock, header: str) -> list[str | None]:
    return [request.headers.get(header) for request in httpx_mock.get_requests()]


def test_a_gzip_body_is_fetched_again_whole_rather_than_resumed(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    """Ranges count encoded bytes, the download counts decoded ones: never mix the two."""
    encoded = gzip.compress(CONTENT)
    gzipped = {"Content-Encoding": "gzip"}

    def whole_or_range(request: httpx.Request) -> httpx.Response:
        wanted = request.headers.get("Range")
        if wanted is None:
            return httpx.Response(200, headers=gzipped, stream=_body(encoded))
        start = int(wanted.removeprefix("bytes=").removesuffix("-"))  # of the gzip bytes
        return _rest(start, gzipped, encoded)

    cut = httpx.Response(200, headers=gzipped, stream=Dropping(encoded[: len(encoded) // 2]))
    _serve(httpx_mock, cut, whole_or_range)

    assert replicate.files.output(URL).read() == CONTENT
    assert _requested(httpx_mock, "Range") == [None, None]


def test_a_206_that_does_not_start_where_the_download_stopped_is_refused(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path
) -> None:
    from_the_start = _rest(0)
    _serve(httpx_mock, _cut(QUARTER), from_the_start)

    with pytest.raises(InvalidResponseError, match=rf"not start at byte {QUARTER}") as refused:
        replicate.files.output(URL).save(tmp_path)

    assert f"Content-Range 'bytes 0-{len(CONTENT) - 1}/{len(CONTENT)}'" in str(refused.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("validators", "if_range"),
    [
        ({"ETag": '"v1"', "Last-Modified": LAST_MODIFIED}, '"v1"'),
        ({"ETag": 'W/"v1"', "Last-Modified": LAST_MODIFIED}, LAST_MODIFIED),
        ({"Last-Modified": LAST_MODIFIED}, LAST_MODIFIED),
        ({"ETag": 'W/"v1"'}, None),
        ({}, None),
    ],
    ids=["strong-etag", "weak-etag", "last-modified", "weak-etag-only", "none"],
)
def test_a_resume_sends_if_range_with_the_files_validator(
    replicate: Replicate,
    httpx_mock: HTTPXMock,
    validators: dict[str, str],
    if_range: str | None,
) -> None:
    _serve(httpx_mock, _cut(QUARTER, validators), _rest(QUARTER, validators))

    assert replicate.files.output(URL).read() == CONTENT
    assert _requested(httpx_mock, "Range") == [None, f"bytes={QUARTER}-"]
    assert _requested(httpx_mock, "If-Range") == [None, if_range]


def test_a_file_that_changed_during_the_download_is_an_error(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path
) -> None:
    # If-Range did its job: the validator no longer matches, so the whole new file comes back.
    changed = httpx.Response(200, headers={"ETag": '"v2"'}, stream=_body(CONTENT[::-1]))
    _serve(httpx_mock, _cut(QUARTER, {"ETag": '"v1"'}), changed)

    with pytest.raises(InvalidResponseError, match=r'changed .*"v1".*"v2"'):
        replicate.files.output(URL).save(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_body_that_ends_short_of_its_length_is_resumed(
    replicate: Replicate, httpx_mock: HTTPXMock
) -> None:
    half = len(CONTENT) // 2
    short = httpx.Response(
        200,
        headers={"Content-Length": str(len(CONTENT))},
        stream=httpx.ByteStream(CONTENT[:half]),  # ends cleanly, half of it missing
    )
    _serve(httpx_mock, short, _rest(half))

    assert replicate.files.output(URL).read() == CONTENT
    assert _requested(httpx_mock, "Range") == [None, f"bytes={half}-"]


def test_a_body_longer_than_its_length_is_refused(
    replicate: Replicate, httpx_mock: HTTPXMock, tmp_path: Path
) -> None:
    long = httpx.Response(
        200, headers={"Content-Length": str(QUARTER)}, stream=httpx.ByteStream(CONTENT)
    )
    _serve(httpx_mock, long)

    with pytest.raises(InvalidResponseError, match=rf"past the {QUARTER} bytes"):
        replicate.files.output(URL).save(tmp_path)
    assert list(tmp_path.iterdir()) == []
