"""Durations, sync windows, webhooks and input checks (pure, no HTTP)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from replicate_typed._options import (
    MAX_DEADLINE,
    check_input,
    create_options,
    deadline_seconds,
    format_duration,
    parse_duration,
    prefer_wait,
    window_within,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("30s", 30),
        ("5m", 300),
        ("1h30m", 5400),
        ("90", 90),
        ("1.5h", 5400),
        ("2m30s", 150),
        ("1h0m5s", 3605),
        ("1500ms", 1.5),
        (" 45s ", 45),
    ],
)
def test_durations_parse(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "s", "5x", "m5", "1h30", "-5s", "5 m", "1d", "5mm"])
def test_bad_durations_name_the_value(text: str) -> None:
    with pytest.raises(ValueError, match=f"cannot read duration {text!r}"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("seconds", "text"), [(5, "5s"), (90, "1m30s"), (5400, "1h30m"), (5.5, "5.5s"), (3600, "1h")]
)
def test_durations_format_like_the_api_examples(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("deadline", "seconds"), [(timedelta(minutes=2), 120), (5, 5), (7.5, 7.5), ("5m", 300)]
)
def test_deadline_forms(deadline: timedelta | float | str, seconds: float) -> None:
    assert deadline_seconds(deadline) == seconds


@pytest.mark.parametrize(
    "deadline", [4.9, "4s", timedelta(seconds=1), 0, float("inf"), True, [60], None]
)
def test_deadlines_under_five_seconds_or_odd_are_refused(deadline: object) -> None:
    with pytest.raises(ValueError, match="deadline"):
        deadline_seconds(deadline)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("deadline", "shown"),
    [
        (1e308, "1e+308"),
        (10**400, "1" + "0" * 36 + "..."),
        (10**5000, "an int of 16610 bits"),  # too long even for repr()
        (float("inf"), "inf"),
        (timedelta.max, "datetime.timedelta(days=999999999, se..."),
        ("9" * 400, "'" + "9" * 36 + "..."),
        ("25h", "'25h'"),
        (MAX_DEADLINE + 0.001, "86400.001"),
    ],
    ids=["1e308", "10**400", "10**5000", "inf", "timedelta.max", "400 nines", "25h", "a day+1ms"],
)
def test_deadlines_beyond_a_day_are_refused_naming_the_value(deadline: object, shown: str) -> None:
    with pytest.raises(ValueError, match="deadline must be at most") as caught:
        create_options(deadline=deadline)  # type: ignore[arg-type]

    assert str(caught.value) == f"deadline must be at most 24h (86400 seconds), got {shown}"


def test_a_nan_deadline_is_refused_as_not_a_number() -> None:
    with pytest.raises(ValueError, match="deadline must be a number of seconds, got nan"):
        create_options(deadline=float("nan"))


def test_the_longest_deadline_is_sent_as_24h() -> None:
    assert create_options(deadline=MAX_DEADLINE).cancel_after == "24h"
    assert create_options(deadline="23h59m59.999s").cancel_after == "23h59m59.999s"


@pytest.mark.parametrize(
    ("wait", "header", "window"),
    [(False, None, None), (True, "wait", 60.0), (1, "wait=1", 1.0), (60, "wait=60", 60.0)],
)
def test_wait_maps_to_the_prefer_header(
    wait: bool | int, header: str | None, window: float | None
) -> None:
    assert prefer_wait(wait) == (header, window)


@pytest.mark.parametrize("wait", [0, 61, -1, 1.5, "5"])
def test_wait_outside_1_to_60_is_refused(wait: object) -> None:
    with pytest.raises(ValueError, match=f"got {wait!r}"):
        prefer_wait(wait)  # type: ignore[arg-type]


def test_create_options_collects_everything() -> None:
    options = create_options(
        wait=10, deadline="90", webhook="https://e.x/h", webhook_events_filter=["logs"]
    )

    assert (options.prefer, options.window, options.cancel_after, options.deadline) == (
        "wait=10",
        10.0,
        "1m30s",
        90.0,
    )
    assert options.webhook_events_filter == ("logs",)


@pytest.mark.parametrize(
    ("events", "message"),
    [("start", "got the string 'start'"), ([], "is empty"), (["start", "end"], "['end']")],
)
def test_webhook_events_are_checked(events: object, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        create_options(webhook_events_filter=events)  # type: ignore[arg-type]


def test_input_must_be_json() -> None:
    assert check_input(None) == {}
    assert check_input({"a": [1, 2.5, None, True, {"b": "c"}]}) == {
        "a": [1, 2.5, None, True, {"b": "c"}]
    }
    with pytest.raises(ValueError, match=r"input\['a'\]\[0\] has key 1"):
        check_input({"a": [{1: "x"}]})
    with pytest.raises(ValueError, match=r"input\['img'\] is a bytes"):
        check_input({"img": b"\x89PNG"})
    with pytest.raises(ValueError, match="input must be a mapping"):
        check_input(["not", "a", "dict"])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("wait", "timeout", "expected"),
    [
        (True, None, True),
        (True, 120.0, True),
        (True, 10.5, 10),
        (30, 45.0, 30),
        (30, 12.9, 12),
        (True, 0.5, False),
        (False, 3.0, False),
    ],
)
def test_the_sync_window_fits_inside_the_timeout(
    wait: bool | int, timeout: float | None, expected: bool | int
) -> None:
    assert window_within(wait, timeout) == expected
