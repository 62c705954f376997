"""One rate budget per client: concurrent calls stay inside the limits; a 429 holds its class once.

Against FakeReplicate on its virtual clock: async tasks share virtual time,
and sync threads each sleep on it, so nothing really waits. Sends are read
from the client's own RequestSent events, stamped with the fake's clock.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest
from replicate_typed import (
    APITimeoutError,
    Event,
    FileOutput,
    RateLimits,
    RequestSent,
    ResponseReceived,
    RetryPolicy,
)
from replicate_typed.testing import FakeFile, FakeReplicate, Fault, Limit, VirtualClock

MODEL = "replicate/hello-world"
INPUT = {"text": "hi"}
LIMITS = RateLimits(creates=Limit(60, burst=5), other=Limit(600, burst=20))


class Recorder:
    """The sends (time, operation) and response statuses of one client."""

    def __init__(self, clock: VirtualClock) -> None:
        self._clock = clock
        self.sends: list[tuple[float, str]] = []
        self.statuses: list[int] = []

    def __call__(self, event: Event) -> None:
        if isinstance(event, RequestSent):
            self.sends.append((self._clock.now(), event.operation))
        elif isinstance(event, ResponseReceived):
            self.statuses.append(event.status_code)

    def times(self, operation: str) -> list[float]:
        return sorted(at for at, sent in self.sends if sent == operation)


def _most_in_a_window(times: list[float], window: float) -> int:
    return max(sum(1 for t in times if start <= t < start + window) for start in times)


def _limited() -> tuple[FakeReplicate, VirtualClock, Recorder]:
    clock = VirtualClock()
    return FakeReplicate(clock=clock, rate_limits=LIMITS), clock, Recorder(clock)


def test_concurrent_tasks_never_exceed_the_limit_and_meet_no_429() -> None:
    fake, _, recorder = _limited()

    async def main() -> None:
        async with fake.async_client(rate_limits=LIMITS, on_event=recorder) as client:
            await asyncio.gather(*(client.predictions.create(MODEL, INPUT) for _ in range(30)))

    asyncio.run(main())

    sends = recorder.times("models.predictions.create")
    assert len(sends) == 30
    assert 429 not in recorder.statuses
    # Paced a margin below: a burst of 4, then 58.2 a minute (about 1.03 s apart).
    assert _most_in_a_window(sends, 1.0) == 4
    assert _most_in_a_window(sends, 10.0) <= 5 + 10
    assert sends[-1] >= (30 - 5) * 1.0  # no faster than the limit allows


def test_concurrent_threads_never_exceed_the_limit_and_meet_no_429() -> None:
    fake, _, recorder = _limited()

    with (
        fake.client(rate_limits=LIMITS, on_event=recorder) as client,
        ThreadPoolExecutor(max_workers=8) as pool,
    ):
        calls = [pool.submit(client.predictions.create, MODEL, INPUT) for _ in range(24)]
        for call in calls:
            call.result()

    sends = recorder.times("models.predictions.create")
    assert len(sends) == 24
    assert 429 not in recorder.statuses
    assert _most_in_a_window(sends, 1.0) <= 5
    assert _most_in_a_window(sends, 10.0) <= 5 + 10


def test_without_a_budget_the_same_flood_meets_429s() -> None:
    fake, _, recorder = _limited()
    no_retries = RetryPolicy(max_retries=0)

    async def main() -> None:
        async with fake.async_client(
            rate_limits=False, retry=no_retries, on_event=recorder
        ) as client:
            await asyncio.gather(
                *(client.predictions.create(MODEL, INPUT) for _ in range(30)),
                return_exceptions=True,
            )

    asyncio.run(main())

    assert recorder.times("models.predictions.create") == [0.0] * 30  # all at once
    assert recorder.statuses.count(429) == 25


def test_a_burst_of_429s_holds_the_class_once_then_paces_it() -> None:
    clock = VirtualClock()
    fake, recorder = FakeReplicate(clock=clock), Recorder(clock)

    async def main() -> None:
        async with fake.async_client(on_event=recorder) as client:
            created = await client.predictions.create(MODEL, INPUT)

            async def get_during_the_hold() -> None:
                await clock.async_sleep(1)
                await client.predictions.get(created.id)

            fake.inject(
                Fault.rate_limit(retry_after="5"), operation="models.predictions.create", times=20
            )
            assert clock.now() == 0.0
            recorder.sends.clear()
            await asyncio.gather(
                *(client.predictions.create(MODEL, INPUT) for _ in range(20)),
                get_during_the_hold(),
            )

    asyncio.run(main())

    creates = recorder.times("models.predictions.create")
    assert creates[:20] == [0.0] * 20  # the flood, all refused
    retries = creates[20:]
    assert len(retries) == 20
    assert recorder.statuses.count(429) == 20
    # One hold of 5 s for all twenty, then one at once and 5 a second (half the
    # documented 10): about 5 + 20/5 s in all, not 20 * 5.
    assert retries[0] == 5.0
    assert 8.5 < retries[-1] < 9.0
    assert _most_in_a_window(retries, 1.0) <= 1 + 5
    # A create's 429 does not hold the other class.
    assert recorder.times("predictions.get") == [1.0]


def test_a_client_given_the_fakes_scaled_limits_sees_no_429_and_finishes_near_the_floor() -> None:
    limits = RateLimits.documented(time_scale=0.6)  # 600 creates per 36 s: 16.7 a second
    clock = VirtualClock()
    fake, recorder = FakeReplicate(clock=clock, rate_limits=limits), Recorder(clock)

    async def main() -> None:
        async with fake.async_client(rate_limits=limits, on_event=recorder) as client:
            await asyncio.gather(*(client.predictions.create(MODEL, INPUT) for _ in range(300)))

    asyncio.run(main())

    assert 429 not in recorder.statuses
    floor = (300 - 60) / (600 / 36)
    assert floor <= recorder.times("models.predictions.create")[-1] < floor * 1.1


class CountingBudget:
    """A RateBudget that makes each create wait 0.25 s and records the 429s it is told of."""

    def __init__(self) -> None:
        self.reserved: list[str] = []
        self.throttles: list[tuple[str, float | None]] = []

    def reserve(self, kind: str) -> float:
        self.reserved.append(kind)
        return 0.25 if kind == "create" else 0.0

    def throttled(self, kind: str, retry_after: float | None) -> None:
        self.throttles.append((kind, retry_after))


def test_a_custom_budget_is_asked_before_each_api_request_and_told_of_each_429() -> None:
    clock = VirtualClock()
    fake, recorder = FakeReplicate(clock=clock), Recorder(clock)
    fake.inject(Fault.rate_limit(retry_after="2"), operation="models.predictions.create", times=1)
    budget = CountingBudget()

    with fake.client(rate_limits=budget, on_event=recorder) as client:
        created = client.predictions.create(MODEL, INPUT)
        client.predictions.get(created.id)

    assert budget.reserved == ["create", "create", "other"]
    assert budget.throttles == [("create", 2.0)]
    assert recorder.sends == [
        (0.25, "models.predictions.create"),
        (2.5, "models.predictions.create"),
        (2.5, "predictions.get"),
    ]


def test_a_slot_beyond_the_callers_time_limit_fails_at_once_unsent() -> None:
    clock = VirtualClock()
    fake = FakeReplicate(clock=clock)
    limits = RateLimits(creates=Limit(6, burst=1), other=Limit(600, burst=20))

    with fake.client(rate_limits=limits) as client:
        client.predictions.create(MODEL, INPUT)  # the one slot; the next is 10.3 s away
        sent = len(fake.requests)
        with pytest.raises(APITimeoutError, match="no time left to send it"):
            client.run(MODEL, INPUT, timeout=2)

    assert len(fake.requests) == sent
    assert clock.now() == 0.0


def test_output_files_on_another_host_are_not_counted_against_the_budget() -> None:
    fake = FakeReplicate(clock=VirtualClock())
    fake.add_model("acme/painter", lambda input: FakeFile(b"png bytes", "out.png"))
    budget = CountingBudget()

    with fake.client(rate_limits=budget) as client:
        output = client.run("acme/painter", {})
        assert isinstance(output, FileOutput)
        assert output.read() == b"png bytes"

    downloads = [r for r in fake.requests if r.operation == "output.download"]
    assert downloads  # the file came from the delivery host...
    assert len(budget.reserved) == len(fake.requests) - len(downloads)  # ...unasked
