"""Step flows by hand against scripted replies: no HTTP, no client (like h11's helpers).

A flow is a generator of effects (``_effects``). ``Script`` plays the
performer: each ``Send`` the flow yields gets the next scripted reply (a
response is sent in, an exception thrown in), each ``Sleep`` gets None, and
every effect is recorded for the test to check. Tests that step a flow one
effect at a time read it with ``operation`` and ``finished``.

Shared by the flow tests in tests/unit (``test_core_flows``, ``test_job_flows``,
``test_resume_flows``), so each can be about one flow.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import httpx
import pytest
from replicate_typed import PollSchedule, RetryPolicy
from replicate_typed._config import Settings
from replicate_typed._core import Core
from replicate_typed._effects import Effect, Flow, ReadUntil, Received, Send, Sleep

from tests.support import payloads
from tests.support.clock import FakeTime
from tests.support.payloads import API, TOKEN

T = TypeVar("T")

#: What the performer hands back for a ``Send``: a response, or the error it raised.
Reply = httpx.Response | BaseException

#: The wall clock the flows read (``Core.now``): Retry-After dates are measured from it.
NOW = datetime(2026, 11, 22, 10, 0, 0, tzinfo=UTC)

#: The retry policy ``make_core`` gives a core by default: the default one, without jitter.
POLICY = RetryPolicy(jitter=0)


class Script:
    """Answer the ``Send``s of a flow with ``replies`` in order; record every effect."""

    def __init__(self, *replies: Reply, time: FakeTime | None = None) -> None:
        self.replies = list(replies)
        self.effects: list[Effect] = []
        #: Moved by each ``Sleep``, as the clients' sleepers move a real clock.
        self.time = time

    @property
    def sends(self) -> list[Send]:
        """The requests the flow sent, in order."""
        return [effect for effect in self.effects if isinstance(effect, Send)]

    @property
    def sleeps(self) -> list[float]:
        """The pauses the flow asked for, in seconds."""
        return [effect.seconds for effect in self.effects if isinstance(effect, Sleep)]

    def run(self, flow: Flow[T]) -> T:
        """Step ``flow`` to its end: return its result, or raise what it raises."""
        value: Received = None
        error: BaseException | None = None
        while True:
            try:
                effect = flow.send(value) if error is None else flow.throw(error)
            except StopIteration as done:
                result: T = done.value
                return result
            self.effects.append(effect)
            value, error = None, None
            if isinstance(effect, Sleep):
                if self.time is not None:
                    self.time.sleep(effect.seconds)
                continue
            if isinstance(effect, ReadUntil):
                raise AssertionError("a streamed body read (ReadUntil) is not scripted")
            if not self.replies:
                raise AssertionError(f"{effect.operation} sent with no reply scripted")
            reply = self.replies.pop(0)
            if isinstance(reply, BaseException):
                error = reply
            else:
                value = reply


def response(
    status: int = 200,
    *,
    json: Any = None,
    text: str | None = None,
    headers: dict[str, str] | None = None,
    url: str = f"{API}/predictions",
) -> httpx.Response:
    """A response as a performer would send it back (its request attached)."""
    request = httpx.Request("GET", url)
    if json is not None:
        return httpx.Response(status, json=json, headers=headers, request=request)
    return httpx.Response(status, text=text or "", headers=headers, request=request)


def make_core(
    *,
    retry: RetryPolicy | None = None,
    polling: PollSchedule | None = None,
    time: FakeTime | None = None,
    random: Callable[[], float] = lambda: 0.0,
) -> Core:
    """A ``Core`` with no jitter, a fake clock and a fixed wall clock."""
    clock = (time or FakeTime()).clock
    return Core(
        Settings.resolve(TOKEN, API, None),
        retry=retry or POLICY,
        polling=polling or PollSchedule(),
        clock=clock,
        now=lambda: NOW,
        random=random,
    )


def backoffs(policy: RetryPolicy = POLICY) -> list[float]:
    """The policy's delay before each retry it allows, in order (jitter off)."""
    return [policy.delay(n, lambda: 0.0) for n in range(1, policy.max_retries + 1)]


def prediction_json(status: str = "succeeded", **overrides: Any) -> httpx.Response:
    """A 200 whose body is a prediction with ``status`` (``overrides`` replace its fields)."""
    return response(json=payloads.prediction(status, **overrides))


def operation(effect: Effect) -> str:
    """The operation of the ``Send`` a flow yielded (a ``Sleep`` fails the test)."""
    assert isinstance(effect, Send), effect
    return effect.operation


def finished(flow_step: Any) -> Any:
    """The value a flow returned from the step that ended it."""
    with pytest.raises(StopIteration) as done:
        flow_step()
    return done.value.value
