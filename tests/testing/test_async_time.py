"""FakeReplicate's async client shares the event loop: concurrent runs, cancellation, time.

On a virtual clock, time jumps to the earliest moment a task waits for (a
client's sleep, a sync-mode create held open, a stream's next chunk, a slow
response) once the other tasks have had their turn; on a real clock the fake
waits without blocking the loop.
"""

from __future__ import annotations

import asyncio

import pytest
from replicate_typed import AsyncReplicate, PredictionTimeoutError
from replicate_typed.testing import FakeReplicate, Fault, RealClock, VirtualClock

#: A model run that outlasts every test here (virtual seconds).
FOREVER = 10.0**9
#: The timeout of a run that a real timeout of a millisecond must cut short first (virtual
#: seconds): some 1,800 polls, each a whole request, cannot all fit in that millisecond.
AN_HOUR = 3600.0


def run_concurrently(
    fake: FakeReplicate, count: int, model: str, wait: bool | int = True
) -> list[object]:
    """``count`` runs of ``model`` gathered on one async client; their outputs."""

    async def main() -> list[object]:
        async with fake.async_client() as replicate:
            runs = (replicate.run(model, {"n": n}, wait=wait) for n in range(count))
            return list(await asyncio.gather(*runs))

    return asyncio.run(main())


def test_gathered_runs_share_the_virtual_time_of_one() -> None:
    fake = FakeReplicate()
    fake.add_model("acme/slow", lambda input: input["n"], run_time=2)

    assert run_concurrently(fake, 3, "acme/slow") == [0, 1, 2]
    assert fake.clock.now() == 2
    assert len({p["created_at"] for p in fake.predictions()}) == 1


@pytest.mark.parametrize("wait", [1, False])
def test_runs_that_poll_past_the_window_take_no_longer_together(wait: int | bool) -> None:
    alone, together = FakeReplicate(), FakeReplicate()
    for fake in (alone, together):
        fake.add_model("acme/long", lambda input: input["n"], queue_time=3, run_time=30)

    run_concurrently(alone, 1, "acme/long", wait=wait)
    assert run_concurrently(together, 3, "acme/long", wait=wait) == [0, 1, 2]

    assert together.clock.now() == alone.clock.now()
    assert len(together.requests) == 3 * len(alone.requests)


def test_a_task_woken_by_another_runs_before_the_clock_moves_on() -> None:
    clock = VirtualClock()
    woken_at: list[float] = []

    async def main() -> None:
        ready = asyncio.Event()

        async def producer() -> None:
            await clock.async_sleep(5)
            ready.set()

        async def consumer() -> None:
            await ready.wait()
            woken_at.append(clock.now())

        await asyncio.gather(producer(), consumer(), clock.async_sleep(7))

    asyncio.run(main())
    assert woken_at == [5]
    assert clock.now() == 7


def test_a_real_wait_for_interrupts_a_run_on_the_virtual_clock() -> None:
    fake = FakeReplicate()
    fake.add_model("acme/endless", lambda _: "never", run_time=FOREVER)

    async def main() -> None:
        async with fake.async_client() as replicate:
            await asyncio.wait_for(replicate.run("acme/endless", {}, timeout=AN_HOUR), 0.001)

    with pytest.raises(TimeoutError) as caught:
        asyncio.run(main())

    assert not isinstance(caught.value, PredictionTimeoutError)
    assert fake.clock.now() < AN_HOUR


def test_cancelling_a_running_task_cancels_its_prediction_at_that_moment() -> None:
    fake = FakeReplicate()
    fake.add_model("acme/endless", lambda _: "never", run_time=FOREVER)
    clock = fake.clock
    assert isinstance(clock, VirtualClock)

    async def main() -> None:
        async with fake.async_client() as replicate:
            running = asyncio.create_task(replicate.run("acme/endless", {}, wait=1))
            await clock.async_sleep(10)
            running.cancel()
            with pytest.raises(asyncio.CancelledError):
                await running

    asyncio.run(main())
    assert [p["status"] for p in fake.predictions()] == ["canceled"]
    assert clock.now() == 10
    assert len(fake.requests.to("predictions.get")) > 1


def test_a_cancel_from_another_task_ends_a_held_create_at_its_moment() -> None:
    fake = FakeReplicate()
    fake.add_model("acme/long", lambda _: "late", run_time=600)
    clock = fake.clock
    assert isinstance(clock, VirtualClock)

    async def main() -> tuple[str, str]:
        async with fake.async_client() as replicate:
            held = asyncio.create_task(replicate.create("acme/long", {}, wait=60))
            await clock.async_sleep(5)
            (prediction,) = fake.predictions()
            canceled = await replicate.cancel(prediction["id"])
            return (await held).status, canceled.status

    assert asyncio.run(main()) == ("canceled", "canceled")
    assert clock.now() == 5


def test_concurrent_streams_interleave_on_the_virtual_clock() -> None:
    fake = FakeReplicate()
    words = ["once ", "upon ", "a ", "time"]
    fake.add_model("acme/story", lambda _: words, run_time=8, stream=True)

    async def main() -> list[str]:
        async with fake.async_client() as replicate:
            streams = (replicate.stream("acme/story", {"n": n}).text() for n in range(2))
            return list(await asyncio.gather(*streams))

    assert asyncio.run(main()) == ["".join(words)] * 2
    assert fake.clock.now() == 8


def test_a_slow_response_lets_other_tasks_run() -> None:
    fake = FakeReplicate()
    fake.add_model("acme/slowed", lambda _: "slowed")
    fake.add_model("acme/quick", lambda _: "quick", run_time=2)
    fake.inject(Fault.slow(30), operation="models.predictions.create")  # the first create
    clock = fake.clock
    finished: list[tuple[object, float]] = []

    async def run(replicate: AsyncReplicate, model: str) -> None:
        finished.append((await replicate.run(model, {}), clock.now()))

    async def main() -> None:
        async with fake.async_client() as replicate:
            await asyncio.gather(run(replicate, "acme/slowed"), run(replicate, "acme/quick"))

    asyncio.run(main())
    assert finished == [("quick", 2), ("slowed", 30)]


def test_on_a_real_clock_a_held_create_does_not_block_the_loop() -> None:
    fake = FakeReplicate(clock=RealClock())
    fake.add_model("acme/long", lambda _: "late", run_time=600)

    async def main() -> str:
        async with fake.async_client() as replicate:
            held = asyncio.create_task(replicate.create("acme/long", {}, wait=5))
            while not fake.predictions():
                await asyncio.sleep(0)
            (prediction,) = fake.predictions()
            await replicate.cancel(prediction["id"])
            return (await held).status

    assert asyncio.run(main()) == "canceled"
