"""A 429's wait: the body's numeric retry_after, else Retry-After, else the detail's number."""

from __future__ import annotations

import httpx
import pytest
from replicate_typed._throttle_hint import throttle_hint


def _429(body: object = None, text: str | None = None) -> httpx.Response:
    if text is not None:
        return httpx.Response(429, text=text)
    return httpx.Response(429, json=body)


def test_the_bodys_fractional_retry_after_wins_over_the_header() -> None:
    assert throttle_hint(_429({"retry_after": 0.25, "detail": "in 1 second."}), 1.0) == 0.25


def test_the_header_is_used_when_the_body_has_no_number() -> None:
    body = {"retry_after": "soon", "detail": "Expected available in 9 seconds."}
    assert throttle_hint(_429(body), 3.0) == 3.0


def test_the_detail_is_read_when_there_is_nothing_else() -> None:
    detail = "Request was throttled. Expected available in 1.5 seconds."
    assert throttle_hint(_429({"detail": detail}), None) == 1.5
    assert throttle_hint(_429({"detail": "Expected available in 1 second."}), None) == 1.0


@pytest.mark.parametrize(
    "response",
    [_429({"retry_after": True}), _429({"retry_after": -1}), _429([1]), _429(text="nope")],
    ids=["bool", "negative", "list", "not-json"],
)
def test_no_usable_hint_is_none(response: httpx.Response) -> None:
    assert throttle_hint(response, None) is None
