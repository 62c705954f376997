"""The async-to-sync rewrite behind scripts/unasync."""

from __future__ import annotations

from collections import Counter

from unasync.__main__ import main
from unasync.rewrite import rewrite, twins, unused


def test_rules() -> None:
    source = (
        "async def run(self, client: httpx.AsyncClient) -> AsyncIterator[int]:\n"
        "    async with AsyncReplicate() as c:\n"
        "        await c.aclose()\n"
        "    async for x in AsyncPredictions(c).list():\n"
        "        yield await self._io.perform(x)\n"
        "    sleep: Callable[[float], Awaitable[None]] = AsyncIO.sleep\n"
    )
    assert rewrite(source) == (
        "def run(self, client: httpx.Client) -> Iterator[int]:\n"
        "    with Replicate() as c:\n"
        "        c.close()\n"
        "    for x in Predictions(c).list():\n"
        "        yield self._io.perform(x)\n"
        "    sleep: Callable[[float], None] = SyncIO.sleep\n"
    )


def test_the_sync_client_is_up_to_date() -> None:
    assert main(["--check"]) == 0


def test_a_rule_no_module_uses_is_reported() -> None:
    used: Counter[str] = Counter()
    rewrite("async def f() -> None:\n    pass\n", used)

    assert r"\basync (def|with|for) " not in unused(used)
    assert r"\bawait " in unused(used)


def test_every_async_module_has_its_twin_of_the_same_name() -> None:
    pairs = twins()
    assert pairs, "no modules in _async/"
    assert all(pair.source.name == pair.target.name for pair in pairs)
    assert all(pair.target.exists() for pair in pairs)
