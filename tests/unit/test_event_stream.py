"""The SSE decoder, fed bytes by hand: the spec's parsing rules, a BOM, and the size limit."""

from __future__ import annotations

import pytest
from replicate_typed import InvalidResponseError
from replicate_typed._event_stream import EventDecoder, RawEvent


def _decode(*chunks: bytes, limit: int | None = None) -> list[RawEvent]:
    decoder = EventDecoder("predictions.stream", *([] if limit is None else [limit]))
    return [event for chunk in chunks for event in decoder.feed(chunk)]


def test_fields_build_events_and_everything_else_is_ignored() -> None:
    body = (
        b": a comment\n"
        b"retry: 10\n"
        b"unknown: field\n"
        b"event: output\n"
        b"id: 7\n"
        b"data: first line\n"
        b"data:second line\n"
        b"data\n"
        b"\n"
    )

    assert _decode(body) == [RawEvent("output", "first line\nsecond line\n", "7")]


def test_an_event_without_an_id_line_says_so_and_an_empty_id_is_kept() -> None:
    body = b"data: a\n\nid\ndata: b\n\nid: x\x00y\ndata: c\n\n"

    assert _decode(body) == [
        RawEvent("", "a", None),
        RawEvent("", "b", ""),
        RawEvent("", "c", None),
    ]


def test_an_event_without_data_is_still_dispatched_but_a_blank_line_alone_is_not() -> None:
    assert _decode(b"\n\nevent: done\n\n\n") == [RawEvent("done", "", None)]


def test_lines_end_at_crlf_cr_or_lf_even_across_chunks() -> None:
    chunks = (b"event: output\r", b"\ndata: a\rdata: b\r\n", b"\r", b"\n", b"event: done\n\n")

    assert _decode(*chunks) == [RawEvent("output", "a\nb", None), RawEvent("done", "", None)]


def test_a_byte_order_mark_is_dropped_only_at_the_start_of_the_stream() -> None:
    later = b"data: a\n\n\xef\xbb\xbfdata: b\n\n"  # a field named "\ufeffdata" is unknown

    assert _decode(b"\xef\xbb", b"\xbfdata: first\n\n") == [RawEvent("", "first", None)]
    assert _decode(later) == [RawEvent("", "a", None)]


def test_an_event_cut_off_by_the_end_of_the_connection_is_not_dispatched() -> None:
    assert _decode(b"event: output\ndata: partial\n") == []


@pytest.mark.parametrize(
    ("chunks", "what"),
    [
        ((b"data: " + b"x" * 11,), "a line"),  # an unended line, never buffered past the limit
        ((b"data: 0123456789\n",), "a line"),
        ((b"data:01234\n", b"data:56789\n"), "an event"),  # each line fits, together they do not
    ],
    ids=["unended-line", "ended-line", "event"],
)
def test_a_line_or_an_event_past_the_limit_is_refused(chunks: tuple[bytes, ...], what: str) -> None:
    with pytest.raises(InvalidResponseError, match=f"^predictions.stream: {what} of the event"):
        _decode(*chunks, limit=10)


def test_comments_and_events_under_the_limit_never_add_up_to_it() -> None:
    keepalive = b": ping\n" * 100
    events = _decode(keepalive, b"data:0123\n\n" * 3, limit=10)

    assert events == [RawEvent("", "0123", None)] * 3
