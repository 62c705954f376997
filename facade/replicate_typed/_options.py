"""Validate create options and turn them into headers and body fields (no I/O here)."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeAlias, TypeVar, cast
from urllib.parse import urlsplit

from replicate_api.types import UNSET, Unset

from replicate_typed._inputs import is_file
from replicate_typed._nested import path, walk
from replicate_typed._plain_http import check_plain_http

T = TypeVar("T")

#: The longest sync window the API offers ("Prefer: wait" alone means this).
MAX_WAIT = 60
#: The shortest deadline the API accepts in Cancel-After.
MIN_DEADLINE = 5.0
#: The longest deadline this client sends. The API documents no maximum; a
#: day is far beyond any prediction's run, and keeps Cancel-After short.
MAX_DEADLINE = 24 * 3600.0
WEBHOOK_EVENTS = ("start", "output", "logs", "completed")
#: The deepest an input may nest: well inside what Python's json encoder
#: recurses through, so a deeper one is refused here rather than failing mid-send.
MAX_INPUT_DEPTH = 500

#: ``timedelta``, seconds, or an API duration string such as "30s", "5m", "1h30m".
Deadline: TypeAlias = timedelta | float | str

_UNIT_SECONDS = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}
_DURATION = re.compile(
    r"^(?:(?P<h>\d+(?:\.\d+)?)h)?(?:(?P<m>\d+(?:\.\d+)?)m(?!s))?"
    r"(?:(?P<s>\d+(?:\.\d+)?)s)?(?:(?P<ms>\d+(?:\.\d+)?)ms)?$"
)


@dataclass(frozen=True, slots=True)
class CreateOptions:
    """Everything about a create request except what to run and its input."""

    prefer: str | None = None
    #: Longest time the API may hold the request open, in seconds.
    window: float | None = None
    cancel_after: str | None = None
    #: The deadline in seconds, as sent in Cancel-After.
    deadline: float | None = None
    webhook: str | None = None
    webhook_events_filter: tuple[str, ...] | None = None


def create_options(
    *,
    wait: bool | int = False,
    deadline: Deadline | None = None,
    webhook: str | None = None,
    webhook_events_filter: Iterable[str] | None = None,
    allow_insecure_http: bool = False,
) -> CreateOptions:
    """Validate the keyword options of ``create``; ValueError names the bad value.

    ``allow_insecure_http``: the client's opt-in to plain http webhooks on
    hosts other than loopback.
    """
    prefer, window = prefer_wait(wait)
    seconds = None if deadline is None else deadline_seconds(deadline)
    return CreateOptions(
        prefer=prefer,
        window=window,
        cancel_after=None if seconds is None else format_duration(seconds),
        deadline=seconds,
        webhook=_webhook(webhook, allow_insecure_http),
        webhook_events_filter=_events(webhook_events_filter),
    )


def prefer_wait(wait: bool | int) -> tuple[str | None, float | None]:
    """Map ``wait`` to a Prefer header value and the window it asks for."""
    if wait is False:
        return None, None
    if wait is True:
        return "wait", float(MAX_WAIT)
    if isinstance(wait, int) and 1 <= wait <= MAX_WAIT:
        return f"wait={wait}", float(wait)
    raise ValueError(
        f"wait must be True, False or whole seconds from 1 to {MAX_WAIT}, got {wait!r}"
    )


def window_within(wait: bool | int, timeout: float | None) -> bool | int:
    """The ``wait`` to ask for so that a sync-mode create returns within ``timeout`` seconds.

    The one place the sync window meets an overall timeout: a window longer
    than the timeout is cut to the timeout's whole seconds, and under one
    second (the shortest window) the create goes without sync mode.
    """
    _, window = prefer_wait(wait)
    if timeout is None or window is None or timeout >= window:
        return wait
    whole = math.floor(timeout)
    return whole if whole >= 1 else False


def deadline_seconds(deadline: Deadline) -> float:
    """Read a deadline as seconds; ValueError if unparseable, not finite, or outside 5 s-24 h."""
    shown = _shown(deadline)
    if isinstance(deadline, timedelta):
        seconds = deadline.total_seconds()
    elif isinstance(deadline, bool):
        raise ValueError(f"deadline must be a duration, got {shown}")
    elif isinstance(deadline, int | float):
        try:
            seconds = float(deadline)
        except OverflowError:  # an int too large for a float
            seconds = math.inf
    elif isinstance(deadline, str):
        seconds = parse_duration(deadline)
    else:
        raise ValueError(
            f"deadline must be a timedelta, seconds or a string like '5m', got {shown}"
        )
    if math.isnan(seconds):
        raise ValueError(f"deadline must be a number of seconds, got {shown}")
    if seconds < MIN_DEADLINE:
        raise ValueError(f"deadline must be at least {MIN_DEADLINE:g} seconds, got {shown}")
    if seconds > MAX_DEADLINE:
        raise ValueError(
            f"deadline must be at most {format_duration(MAX_DEADLINE)} "
            f"({MAX_DEADLINE:g} seconds), got {shown}"
        )
    return seconds


def parse_duration(text: str) -> float:
    """Parse "90", "30s", "5m", "1h30m", "1.5h", "500ms" into seconds."""
    stripped = text.strip()
    try:
        return float(stripped) if stripped and _is_number(stripped) else _units(stripped)
    except ValueError:
        raise ValueError(
            f"cannot read duration {text!r}: use seconds or units h, m, s, ms, e.g. '30s', '1h30m'"
        ) from None


def format_duration(seconds: float) -> str:
    """Write seconds the way Cancel-After examples do: "1h30m", "90" -> "1m30s", "5.5s"."""
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    parts = [f"{hours}h" if hours else "", f"{minutes}m" if minutes else ""]
    if millis:
        parts.append(f"{millis / 1000:g}s")
    return "".join(parts) or "0s"


def check_input(input: Mapping[str, object] | None, *, allow_files: bool = False) -> dict[str, Any]:
    """Return the input as a dict if JSON can carry it; ValueError names the first bad value.

    With ``allow_files``, local files (see ``_inputs``) pass: they are sent separately.
    An input that contains itself, or nests deeper than ``MAX_INPUT_DEPTH``, is refused too.
    """
    if input is None:
        return {}
    if not isinstance(input, Mapping):
        raise ValueError(f"input must be a mapping of input names to values, got {input!r}")
    problem = _first_unserializable(input, allow_files)
    if problem:
        raise ValueError(problem)
    return dict(input)


def _first_unserializable(input: Mapping[str, object], allow_files: bool) -> str | None:
    for keys, value, leaf in walk(input, "input"):
        if len(keys) > MAX_INPUT_DEPTH:
            return (
                f"{path('input', tuple(keys[:1]))} is nested deeper than {MAX_INPUT_DEPTH} "
                "levels, more than JSON encoders accept"
            )
        if not leaf:
            if isinstance(value, Mapping):
                names = cast(Mapping[object, object], value).keys()
                if bad := [name for name in names if not isinstance(name, str)]:
                    where = path("input", tuple(keys))
                    return f"{where} has key {bad[0]!r}: JSON object keys must be strings"
            continue
        if found := _leaf_problem(value, path("input", tuple(keys)), allow_files):
            return found
    return None


def _leaf_problem(value: object, where: str, allow_files: bool) -> str | None:
    if allow_files and is_file(value):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return f"{where} is {value!r}, which JSON cannot carry"
    if value is None or isinstance(value, str | int | float | bool):
        return None
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        kind = type(value).__name__
        return f"{where} is a {kind} ({value!r:.60}), which is not JSON-serializable"
    return None


def _webhook(url: str | None, allow_insecure_http: bool) -> str | None:
    """The webhook URL, its scheme in lower case (schemes are case-insensitive)."""
    if url is None:
        return None
    if not isinstance(url, str) or not re.match(r"^https?://[^\s/]+", url, re.IGNORECASE):
        raise ValueError(f"webhook must be an http(s) URL, got {url!r}")
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # a malformed IPv6 host, for one
        raise ValueError(f"webhook must be an http(s) URL, got {url!r}") from None
    scheme, rest = url.split(":", 1)
    check_plain_http(url, scheme, host, allowed=allow_insecure_http, what="the webhook's payload")
    return f"{scheme.lower()}:{rest}"


def _events(events: Iterable[str] | None) -> tuple[str, ...] | None:
    if events is None:
        return None
    if isinstance(events, str):
        raise ValueError(
            f"webhook_events_filter must be a list of events, got the string {events!r}"
        )
    chosen = tuple(events)
    unknown = [event for event in chosen if event not in WEBHOOK_EVENTS]
    if unknown or not chosen:
        raise ValueError(
            f"webhook_events_filter has unknown events {unknown!r}: choose from {WEBHOOK_EVENTS}"
            if unknown
            else "webhook_events_filter is empty: leave it out to get the default events"
        )
    return chosen


def _shown(value: object) -> str:
    """``value``'s repr, cut short: an int of 400 digits is no help in a message."""
    try:
        text = repr(value)
    except ValueError:  # an int beyond sys.get_int_max_str_digits()
        return f"an int of {value.bit_length() if isinstance(value, int) else '?'} bits"
    return text if len(text) <= 40 else f"{text[:37]}..."


def _is_number(text: str) -> bool:
    return re.fullmatch(r"\d+(?:\.\d+)?", text) is not None


def _units(text: str) -> float:
    match = _DURATION.match(text)
    if not text or not match or not any(match.groupdict().values()):
        raise ValueError(text)
    return sum(
        float(amount) * _UNIT_SECONDS[unit]
        for unit, amount in match.groupdict().items()
        if amount is not None
    )


def unset_if_none(value: T | None) -> T | Unset:
    """Leave a request field out when the caller did not set it."""
    return UNSET if value is None else value
