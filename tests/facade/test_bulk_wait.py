"""Many waits at once share predictions.list refreshes instead of one GET per poll each.

On FakeReplicate's virtual clock: async waits are gathered on one client; nothing sleeps for real.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from typing import Any

import httpx
from replicate_typed import AsyncReplicate, PredictionTimeoutError
from replicate_typed._status_board import THRESHOLD
from replicate_typed.testing import FakeReplicate, VirtualClock
from replicate_typed.testing._http import IN_PROCESS

MODEL = "acme/long"
RUN_TIME = 30.0


def make_fake(page_size: int = 100) -> FakeReplicate:
    fake = FakeReplicate(page_size=page_size)
    fake.add_model(MODEL, lambda input: input["n"] * 2, run_time=RUN_TIME)
    return fake


def wait_gathered(
    fake: FakeReplicate, count: int, *, timeout: float | None = None, **options: Any
) -> list[Any]:
    """Create ``count`` predictions, then wait for all of them at once on one async client."""

    async def main() -> list[Any]:
        async with fake.async_client(**options) as replicate:
            return await gather_waits(replicate, count, timeout)

    return asyncio.run(main())


async def gather_waits(replicate: AsyncReplicate, count: int, timeout: float | None) -> list[Any]:
    created = [await replicate.predictions.create(MODEL, {"n": n}) for n in range(count)]
    waits = (replicate.predictions.wait(p, timeout=timeout) for p in created)
    return list(await asyncio.gather(*waits, return_exceptions=True))


def polls(fake: FakeReplicate) -> tuple[int, int]:
    """The GETs of single predictions and the list requests the fake saw."""
    return len(fake.requests.to("predictions.get")), len(fake.requests.to("predictions.list"))


def test_thirty_gathered_waits_share_list_refreshes() -> None:
    alone, many = make_fake(), make_fake()
    wait_gathered(alone, 1)
    results = wait_gathered(many, 30)

    assert [p.output for p in results] == [n * 2 for n in range(30)]
    gets_alone, lists_alone = polls(alone)
    gets, lists = polls(many)
    assert lists_alone == 0
    assert gets_alone > 30  # one wait polls by GET, some 40 times
    assert lists > 0
    # Per-prediction polls would be 30 x gets_alone; the board makes a few percent of that.
    assert gets + lists < 30 * gets_alone / 10


def test_below_the_threshold_waits_poll_by_get_as_before() -> None:
    alone, few = make_fake(), make_fake()
    wait_gathered(alone, 1)
    wait_gathered(few, THRESHOLD - 1)

    assert polls(few) == ((THRESHOLD - 1) * polls(alone)[0], 0)


def test_predictions_the_list_does_not_show_are_fetched_by_get() -> None:
    fake = make_fake(page_size=5)
    waited = 10

    async def main() -> list[Any]:
        # Newer predictions nobody waits for fill the pages a refresh follows (two, of five).
        async with fake.async_client() as replicate:
            created = [await replicate.predictions.create(MODEL, {"n": n}) for n in range(waited)]
            for n in range(10):
                await replicate.predictions.create(MODEL, {"n": 100 + n})
            return list(await asyncio.gather(*(replicate.predictions.wait(p) for p in created)))

    results = asyncio.run(main())

    assert [p.output for p in results] == [n * 2 for n in range(waited)]
    gets = Counter(r.url.rsplit("/", 1)[-1] for r in fake.requests.to("predictions.get"))
    assert set(gets) == {p.id for p in results}
    assert polls(fake)[1] > 0
    assert min(gets.values()) > 1  # polled by GET while unseen, not only at the end


class WithoutOutput(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The fake's transport, its list entries stripped of ``output`` (as a terser API might)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._strip(request, self._inner.handle_request(request))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        await response.aread()
        return self._strip(request, response)

    @staticmethod
    def _strip(request: httpx.Request, response: httpx.Response) -> httpx.Response:
        if request.url.path != "/v1/predictions" or request.method != "GET":
            return response
        body = json.loads(response.read())
        for entry in body["results"]:
            entry.pop("output", None)
        return httpx.Response(response.status_code, headers=response.headers, json=body)


def test_a_finished_entry_without_output_is_fetched_exactly_once() -> None:
    fake = make_fake()
    options: dict[str, Any] = {
        "api_token": "r8_fake_token",
        "base_url": IN_PROCESS.api,
        "transport": WithoutOutput(fake.transport()),
        "clock": fake.clock.now,
    }

    async def main() -> list[Any]:
        assert isinstance(fake.clock, VirtualClock)
        async with AsyncReplicate(sleep=fake.clock.async_sleep, **options) as replicate:
            return await gather_waits(replicate, 10, None)

    results = asyncio.run(main())

    assert [p.output for p in results] == [n * 2 for n in range(10)]
    gets = Counter(r.url.rsplit("/", 1)[-1] for r in fake.requests.to("predictions.get"))
    assert gets == Counter({p.id: 1 for p in results})
    assert polls(fake)[1] > 0


def test_crowded_waits_still_time_out_on_time() -> None:
    fake = make_fake()
    results = wait_gathered(fake, 10, timeout=1.0)

    assert all(isinstance(r, PredictionTimeoutError) for r in results)
    assert fake.clock.now() < 1.0 + 0.5
    assert polls(fake)[1] > 0
