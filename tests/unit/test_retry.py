"""Retry decisions and Retry-After parsing (pure, no HTTP)."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from replicate_typed import RetryPolicy
from replicate_typed._retry import retry_after_seconds

NOW = datetime(2026, 11, 22, 10, 0, 0, tzinfo=UTC)


def no_jitter() -> float:
    return 0.0


@pytest.mark.parametrize(
    ("status", "repeatable", "retried"),
    [
        (429, False, True),
        (429, True, True),
        (500, True, True),
        (503, True, True),
        (500, False, False),
        (503, False, False),
        (400, True, False),
        (404, True, False),
        (501, True, False),
    ],
)
def test_which_statuses_are_retried(status: int, repeatable: bool, retried: bool) -> None:
    delay = RetryPolicy().retry_status(
        status, 1, repeatable=repeatable, retry_after=None, random=no_jitter
    )
    assert (delay is not None) is retried


@pytest.mark.parametrize(
    ("error", "repeatable", "retried"),
    [
        (httpx.ConnectError("x"), False, True),
        (httpx.ConnectTimeout("x"), False, True),
        (httpx.PoolTimeout("x"), False, True),
        (httpx.ReadTimeout("x"), False, False),
        (httpx.WriteTimeout("x"), False, False),
        (httpx.RemoteProtocolError("x"), False, False),
        (httpx.ReadError("x"), False, False),
        (httpx.ReadTimeout("x"), True, True),
        (httpx.RemoteProtocolError("x"), True, True),
    ],
)
def test_which_transport_errors_are_retried(
    error: httpx.RequestError, repeatable: bool, retried: bool
) -> None:
    delay = RetryPolicy().retry_error(error, 1, repeatable=repeatable, random=no_jitter)
    assert (delay is not None) is retried


def test_backoff_doubles_up_to_the_cap_with_jitter_below() -> None:
    policy = RetryPolicy(max_retries=10, backoff=0.5, max_backoff=4.0, jitter=0.5)
    error = httpx.ConnectError("x")

    plain = [policy.retry_error(error, n, repeatable=True, random=no_jitter) for n in range(1, 6)]
    jittered = policy.retry_error(error, 3, repeatable=True, random=lambda: 1.0)

    assert plain == [0.5, 1.0, 2.0, 4.0, 4.0]
    assert jittered == 1.0
    assert policy.retry_error(error, 11, repeatable=True, random=no_jitter) is None


@pytest.mark.parametrize(
    ("value", "date", "seconds"),
    [
        ("120", None, 120.0),
        ("0", None, 0.0),
        ("Sun, 22 Nov 2026 10:00:30 GMT", None, 30.0),
        ("Sun, 22 Nov 2026 10:00:30 GMT", "Sun, 22 Nov 2026 10:00:20 GMT", 10.0),
        ("Sun, 22 Nov 2026 09:59:00 GMT", None, 0.0),
        ("soon", None, None),
        ("-5", None, None),
        (None, None, None),
    ],
)
def test_retry_after_forms(value: str | None, date: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(value, date=date, now=lambda: NOW) == seconds


@pytest.mark.parametrize(
    "value",
    [
        "\u00b2",  # superscript two: str.isdigit() says yes, float() refuses it
        "\u0663",  # Arabic-Indic three: float() reads it, RFC 9110 does not
        "\u0661\u0662",
        "\uff17",  # fullwidth seven
        "-5",
        "+5",
        "3.5",
        "1e3",
        "nan",
        "inf",
        "",
        "\x00",
        "Mon, 01 Jan 99999 00:00:00 GMT",  # a year datetime cannot hold
        "Fri, 31 Dec 2026 23:59:59 +2400",  # an offset it cannot hold
    ],
)
def test_retry_after_that_is_neither_ascii_digits_nor_a_date_is_absent(value: str) -> None:
    assert retry_after_seconds(value, now=lambda: NOW) is None


def test_a_retry_after_beyond_float_range_is_kept_for_the_policy_to_cap() -> None:
    huge = retry_after_seconds("9" * 5000, now=lambda: NOW)

    assert huge == float("inf")
    assert RetryPolicy().retry_status(429, 1, repeatable=True, retry_after=huge, random=no_jitter)
    assert retry_after_seconds(" 7 ", now=lambda: NOW) == 7.0


def test_retry_after_is_capped_by_the_policy() -> None:
    delay = RetryPolicy(max_retry_after=60).retry_status(
        429, 1, repeatable=False, retry_after=3600.0, random=no_jitter
    )
    assert delay == 60.0
