"""Fuzzing the parsers that see untrusted or user-typed text."""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from replicate_typed import Prediction, WebhookVerificationError, sign_webhook, verify_webhook
from replicate_typed._options import format_duration, parse_duration
from replicate_typed._refs import ModelVersion, OfficialModel, parse
from replicate_typed._sse import (
    DoneEvent,
    ErrorSignal,
    LogsEvent,
    OutputEvent,
    StreamEvent,
    StreamReader,
)

from tests.support import payloads

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SECRET = "whsec_" + base64.b64encode(b"fuzzing-secret-key-0123").decode()
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
REF_ALPHABET = "abcxyz0189/:-_.ABF " + "0123456789abcdef"
T = TypeVar("T")


def _parsed_or_refused(parser: Callable[[str], T], text: str) -> T | None:
    """``parser(text)``, or None when it raised a ValueError that quotes the text."""
    try:
        parsed = parser(text)
    except ValueError as error:
        problem = str(error)
    else:
        return parsed
    assert repr(text) in problem
    return None


@FUZZ
@given(st.one_of(st.text(), st.text(REF_ALPHABET, max_size=140)))
def test_references_parse_or_raise_value_error(text: str) -> None:
    target = _parsed_or_refused(parse, text)
    if target is not None:
        assert isinstance(target, OfficialModel | ModelVersion)
        if isinstance(target, ModelVersion):
            assert len(target.version_id) == 64


@FUZZ
@given(st.one_of(st.text(), st.text("0123456789hms. ", max_size=20)))
def test_durations_parse_or_raise_value_error(text: str) -> None:
    seconds = _parsed_or_refused(parse_duration, text)
    if seconds is not None:
        assert seconds >= 0
        assert math.isfinite(seconds)


@FUZZ
@given(st.floats(0.001, 10**7, allow_nan=False))
def test_formatted_durations_parse_back(seconds: float) -> None:
    assert math.isclose(parse_duration(format_duration(seconds)), round(seconds, 3), abs_tol=0.001)


def _signed(body: bytes, timestamp: int) -> dict[str, str]:
    return {
        "webhook-id": "msg_fuzz",
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign_webhook("msg_fuzz", timestamp, body, SECRET),
    }


@FUZZ
@given(
    headers=st.dictionaries(
        st.sampled_from(
            ["webhook-id", "webhook-timestamp", "webhook-signature", "Webhook-Id", "x"]
        ),
        st.text(max_size=80),
    ),
    body=st.one_of(st.binary(max_size=200), st.text(max_size=200)),
    secret=st.one_of(st.just(SECRET), st.text(max_size=60)),
)
def test_random_webhooks_never_verify_or_crash(
    headers: dict[str, str], body: bytes | str, secret: str
) -> None:
    try:
        verify_webhook(headers, body, secret, now=lambda: NOW)
    except WebhookVerificationError:
        return
    raise AssertionError("an unsigned request verified")


@FUZZ
@given(
    position=st.integers(min_value=0),
    flip=st.integers(1, 255),
    part=st.sampled_from(["body", "webhook-id", "webhook-timestamp", "webhook-signature"]),
    skew=st.integers(-3600, 3600),
)
def test_mutated_webhooks_never_verify(position: int, flip: int, part: str, skew: int) -> None:
    body = json.dumps(payloads.prediction()).encode()
    timestamp = int(NOW.timestamp()) + skew
    headers = _signed(body, timestamp)
    if part == "body":
        mutated = bytearray(body)
        mutated[position % len(body)] ^= flip
        body = bytes(mutated)
    else:
        value = bytearray(headers[part].encode())
        value[position % len(value)] ^= flip & 0x7F or 1
        headers[part] = value.decode("ascii", "replace")
    try:
        verify_webhook(headers, body, SECRET, now=lambda: NOW)
    except WebhookVerificationError:
        return
    # Base64 ignores the spare low bits of its last character: another spelling of
    # the same signature bytes verifies, as it must. Anything else must not.
    assert part == "webhook-signature", f"a request with a changed {part} verified"
    assert _signature_bytes(headers[part]) == _signature_bytes(_signed(body, timestamp)[part])


def _signature_bytes(header: str) -> bytes:
    version, _, encoded = header.partition(",")
    assert version == "v1"
    return base64.b64decode(encoded, validate=True)


@FUZZ
@given(st.integers(-(10**6), 10**6))
def test_the_timestamp_window_holds(skew: int) -> None:
    body = json.dumps(payloads.prediction()).encode()
    headers = _signed(body, int(NOW.timestamp()) + skew)
    try:
        verify_webhook(headers, body, SECRET, now=lambda: NOW, tolerance=timedelta(minutes=5))
    except WebhookVerificationError:
        assert abs(skew) > 300
    else:
        assert abs(skew) <= 300


EVENT_TEXT = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n"), max_size=20
)


#: What the SSE spec lets a server end a line with.
LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def event_streams(draw: st.DrawFn) -> tuple[bytes, list[StreamEvent]]:
    """A stream of events (some without an id line, as the spec allows), and what it means."""
    events = draw(
        st.lists(
            st.tuples(st.sampled_from(["output", "logs", "heartbeat"]), EVENT_TEXT, st.booleans()),
            max_size=12,
        )
    )
    body = "\ufeff" if draw(st.booleans()) else ""  # a byte order mark may open the stream
    expected: list[StreamEvent] = []
    last_id = ""
    for n, (kind, text, with_id) in [*enumerate(events), (len(events), ("done", "{}", True))]:
        end = draw(LINE_ENDS)
        lines = [f"event: {kind}", *([f"id: {n}"] if with_id else []), f"data: {text}", ""]
        body += end.join(lines) + end
        last_id = str(n) if with_id else last_id
        if kind == "output":
            expected.append(OutputEvent(text, last_id))
        elif kind == "logs":
            expected.append(LogsEvent(text, last_id))
        elif kind == "done":
            expected.append(DoneEvent(None, last_id))
    return body.encode(), expected


def _read(body: bytes, cuts: list[int]) -> list[StreamEvent | ErrorSignal]:
    starting = payloads.prediction("starting", streams=True)
    reader = StreamReader(Prediction.from_dict(starting), httpx.Timeout(5))
    reader.open(httpx.Response(200, headers={"Content-Type": "text/event-stream"}))
    pieces = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True)]
    return [event for piece in pieces for event in reader.receive(piece)]


@FUZZ
@given(stream=event_streams(), data=st.data())
def test_sse_reads_the_same_events_however_the_bytes_are_split(
    stream: tuple[bytes, list[StreamEvent]], data: st.DataObject
) -> None:
    body, expected = stream
    cuts = sorted(set(data.draw(st.lists(st.integers(1, len(body) - 1), max_size=10))))

    assert _read(body, []) == expected
    assert _read(body, cuts) == expected
