"""Play a scenario's SDK calls against a Replayer, on either client, and check every result.

One coroutine drives both clients: a sync call simply returns, an async one
is awaited; a list is read as the call asks (``page()`` or every item) and a
stream is read to its end.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

import attrs
from replicate_typed import (
    APIError,
    AsyncFileOutput,
    AsyncPager,
    AsyncPredictionStream,
    AsyncReplicate,
    FileOutput,
    OutputEvent,
    Page,
    Pager,
    Prediction,
    PredictionStream,
    Replicate,
    StreamEvent,
)
from replicate_typed._outputs import is_file_url

from tests.realdata.calls import Call, Echoed, Result, Scenario
from tests.realdata.recordings import Interaction, mismatches
from tests.realdata.replayer import Replayer

_INDEX = re.compile(r"^-?\d+$")


@dataclass(frozen=True)
class Streamed:
    """What a ``stream()`` call gave: the prediction it followed and every event."""

    prediction: Prediction | None
    events: list[StreamEvent]

    @property
    def text(self) -> str:
        return "".join(event.data for event in self.events if isinstance(event, OutputEvent))


async def play(client: Replicate | AsyncReplicate, scenario: Scenario, replayer: Replayer) -> None:
    """Make the scenario's calls in order; fail on the first call whose result is not right."""
    results: list[Any] = []
    for number, call in enumerate(scenario.calls):
        label = f"{replayer.recording.id} call {number} ({call.method})"
        before = replayer.used
        result: Any
        try:
            result = await invoke(client, call, results, replayer)
        except Exception as exc:
            if call.raises is None or not isinstance(exc, call.raises):
                raise
            result = exc
        else:
            if call.raises is not None:
                raise AssertionError(f"{label} returned {result!r}, not {call.raises.__name__}")
        consumed = replayer.recording.interactions[before : replayer.used]
        assert len(consumed) == call.uses, (
            f"{label} used {len(consumed)} recorded interactions, the scenario says {call.uses}"
        )
        problems = result_mismatches(call, result, consumed) + expectation_mismatches(
            result, call.expect
        )
        assert not problems, f"{label}:\n  " + "\n  ".join(problems)
        results.append(result)
    assert not replayer.problems, "\n".join(replayer.problems)
    assert replayer.left == 0, (
        f"{replayer.recording.id}: {replayer.left} recorded interactions were never requested"
    )


async def invoke(
    client: Replicate | AsyncReplicate, call: Call, results: list[Any], replayer: Replayer
) -> Any:
    """Make one call; read a list or a stream to the end."""
    target: Any = client
    for name in call.method.split("."):
        target = getattr(target, name)
    args = [_argument(value, results, replayer) for value in call.args]
    kwargs = {name: _argument(value, results, replayer) for name, value in call.kwargs.items()}
    value = target(*args, **kwargs)
    if inspect.isawaitable(value):
        value = await value
    if isinstance(value, AsyncPager):
        async_pager = cast(AsyncPager[object], value)
        if call.pages == "first":
            return await async_pager.page()
        return [item async for item in async_pager]
    if isinstance(value, Pager):
        pager = cast(Pager[object], value)
        return pager.page() if call.pages == "first" else list(pager)
    if isinstance(value, AsyncPredictionStream):
        events = [event async for event in value]
        return Streamed(value.prediction, events)
    if isinstance(value, PredictionStream):
        events = list(value)
        return Streamed(value.prediction, events)
    return value


def _argument(value: Any, results: list[Any], replayer: Replayer) -> Any:
    if isinstance(value, Result):
        return results[value.index]
    if isinstance(value, Echoed):
        return replayer.recording.interactions[value.index].response.body["input"]
    return value


def result_mismatches(call: Call, result: object, consumed: Sequence[Interaction]) -> list[str]:
    """Where a call's result does not hold what the responses it consumed sent."""
    if not consumed:
        return []
    last = consumed[-1].response
    if isinstance(result, APIError):
        sent = last.body
        body = cast(dict[str, object], sent) if isinstance(sent, dict) else {}
        return mismatches(
            {"status": result.status, "title": result.title, "detail": result.detail},
            {"status": last.status, "title": body.get("title"), "detail": body.get("detail")},
        )
    if isinstance(result, BaseException):
        return [f"raised {result!r} after using {len(consumed)} interactions"]
    if call.method == "run":
        return mismatches(result, last.body["output"], "$.output") + _unwrapped_files(result)
    if isinstance(result, Streamed):
        return mismatches(result.prediction, consumed[0].response.body, "$.prediction")
    if isinstance(result, Page):
        page = cast(Page[object], result)
        return mismatches(
            {"results": page.results, "next": page.next, "previous": page.previous},
            {key: last.body.get(key) for key in ("results", "next", "previous")},
        )
    if isinstance(result, list):
        listed = cast(list[object], result)
        sent = last.body
        if isinstance(sent, list):
            return mismatches(listed, cast(list[object], sent))
        items = [item for one in consumed for item in one.response.body["results"]]
        return mismatches(listed, items)
    if result is None:
        return [] if last.body_kind == "none" else [f"returned None for a {last.body_kind} body"]
    if isinstance(result, str):  # the webhook signing secret
        return mismatches(result, last.body.get("key"))
    if attrs.has(type(result)):
        return mismatches(result, last.body)
    return [f"returned {result!r}, which the replay cannot compare"]


def _unwrapped_files(output: object, path: str = "$.output") -> list[str]:
    """run() must hand back every file URL in the output as a FileOutput."""
    if isinstance(output, list):
        items = cast(list[object], output)
        return [p for i, item in enumerate(items) for p in _unwrapped_files(item, f"{path}[{i}]")]
    if isinstance(output, dict):
        fields = cast(dict[str, object], output)
        return [p for key, item in fields.items() for p in _unwrapped_files(item, f"{path}.{key}")]
    if is_file_url(output) and not isinstance(output, FileOutput | AsyncFileOutput):
        return [f"{path}: the file URL {output!r} is a plain {type(output).__name__}"]
    return []


def expectation_mismatches(result: Any, expect: Mapping[str, Any]) -> list[str]:
    """Where ``result`` does not hold the scenario's expected values."""
    found: list[str] = []
    for path, expected in expect.items():
        try:
            actual = lookup(result, path)
        except (AttributeError, KeyError, IndexError, TypeError) as exc:
            found.append(f"{path or '<result>'}: cannot be read ({exc!r})")
            continue
        if (actual is None) != (expected is None) or actual != expected:
            found.append(f"{path or '<result>'} is {actual!r}, expected {expected!r}")
    return found


def lookup(value: Any, path: str) -> Any:
    """Follow a dotted path: attributes, mapping keys, list indexes, and ``len``."""
    for part in path.split(".") if path else ():
        value = _step(value, part)
    return value


def _step(value: Any, part: str) -> Any:
    if part == "len":
        return len(value)
    if _INDEX.match(part):
        return value[int(part)]
    if isinstance(value, Mapping):
        return cast(Mapping[str, object], value)[part]
    if not hasattr(value, part):
        return value[part]  # a generated model of free-form keys
    return getattr(value, part)
