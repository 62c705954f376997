"""What every benchmark driver shares: the scenarios, timed the same way for each client.

Standard library only: drivers also run in the official clients' virtual
environments. A driver module defines a ``Client`` adapter (below) and calls
``main``; each scenario runs in a fresh process and prints one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import statistics
import tempfile
import threading
import time
import urllib.request
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Coroutine
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any, Protocol

TOKEN = "r8_bench_token"
QUICK_RUN = 0.3
OUTLIVE_RUN = 0.3
#: Enough runs that the median overhead is not the luck of a few queue times.
OUTLIVE_RUNS = 12
MID_EXPECTED_RUNS = 3
#: B7's server enforces Replicate's documented limits with every limit second
#: lasting this long (0.6 s): 600 creates a minute become 1,000 a minute, so
#: B7's thousand runs take about a minute. Its server and drivers read it here.
LIMIT_TIME_SCALE = 0.6
#: The documented create limit, per limit minute (RateLimits.documented()).
DOCUMENTED_CREATES_PER_MINUTE = 600
B7_RUNS = 1000
B7_RUN_TIME = 2.0


class Client(Protocol):
    """One client library, reduced to the calls the scenarios make."""

    def get(self, prediction_id: str) -> Any: ...

    def run(self, model: str, input: dict[str, Any], wait: int | None) -> Any: ...

    def async_runs(
        self, model: str, inputs: list[dict[str, Any]]
    ) -> Coroutine[Any, Any, list[Any]]: ...

    def async_runs_under_limits(
        self, model: str, inputs: list[dict[str, Any]]
    ) -> Coroutine[Any, Any, list[Any]]:
        """All at once on one async client, each run's output or exception (none raised)."""
        ...

    def list_page(self) -> int: ...

    def save(self, model: str, path: Path) -> int: ...

    def read(self, model: str) -> int: ...


class Official(ABC):
    """What the drivers of both official clients share (their calls are spelled alike).

    A driver says only how its client is made (``connect``, ``connect_async``), how
    it spells ``get``, and which class is its ``FileOutput``.
    """

    #: The client's own FileOutput class.
    file_output: Any

    def __init__(self, url: str) -> None:
        self._url = url
        self._client = self.connect()

    @abstractmethod
    def connect(self) -> Any:
        """A new client for the server at ``self._url``."""

    @abstractmethod
    def connect_async(self) -> AbstractAsyncContextManager[Callable[..., Awaitable[Any]]]:
        """A client for the running event loop, as its async run: ``run(model, input=...)``."""

    async def async_runs(self, model: str, inputs: list[dict[str, Any]]) -> list[Any]:
        async with self.connect_async() as run:
            return list(await asyncio.gather(*(run(model, input=i) for i in inputs)))

    async def async_runs_under_limits(self, model: str, inputs: list[dict[str, Any]]) -> list[Any]:
        # Their own async run with their defaults: whatever they do about a 429.
        async with self.connect_async() as run:
            runs = (run(model, input=i) for i in inputs)
            return list(await asyncio.gather(*runs, return_exceptions=True))

    def run(self, model: str, input: dict[str, Any], wait: int | None) -> Any:
        if wait is None:
            return self._client.run(model, input=input)
        return self._client.run(model, input=input, wait=wait)

    def list_page(self) -> int:
        return len(self._client.predictions.list().results)

    def _file(self, model: str) -> Any:
        output = self._client.run(model, input={})
        # It wraps only https:// URLs as FileOutput; the loopback server serves
        # http://, so wrap it the way it would, to measure its own download code.
        return output if not isinstance(output, str) else self.file_output(output, self._client)

    def save(self, model: str, path: Path) -> int:
        with path.open("wb") as out:
            for chunk in self._file(model):
                out.write(chunk)
        return path.stat().st_size

    def read(self, model: str) -> int:
        return len(self._file(model).read())


def main(make: Callable[[str], Client]) -> None:
    """Run the scenario named on the command line against the server at ``--url``."""
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario")
    parser.add_argument("--url", required=True)
    parser.add_argument("--finished", required=True, help="a finished prediction's id")
    args = parser.parse_args()
    client = make(args.url)
    result = SCENARIOS[args.scenario](client, args.url, args.finished)
    print(json.dumps(result), flush=True)


def server_counts(url: str) -> dict[str, Any]:
    """The requests the server has seen: total, by_operation, by_status (/_fake/requests)."""
    origin = url.rsplit("/v1", 1)[0]
    with urllib.request.urlopen(f"{origin}/_fake/requests", timeout=10) as response:
        counts: dict[str, Any] = json.load(response)
    return counts


def server_requests(url: str) -> int:
    """How many requests the server has seen."""
    return int(server_counts(url)["total"])


def rss_mb() -> float:
    """This process's resident memory now."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb() -> float:
    """This process's highest resident memory so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def b1_get(client: Client, url: str, finished: str) -> dict[str, Any]:
    """Get a finished prediction: client CPU and wall time per call."""
    for _ in range(30):
        client.get(finished)
    runs: list[dict[str, float]] = []
    for _ in range(5):
        calls = 200
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(calls):
            client.get(finished)
        runs.append(
            {
                "cpu_us": (time.process_time() - cpu) / calls * 1e6,
                "wall_us": (time.perf_counter() - wall) / calls * 1e6,
            }
        )
    return {"runs": runs}


def b1_calls(client: Client, url: str, finished: str) -> dict[str, Any]:
    """Get a finished prediction $BENCH_CALLS times, for counting instructions under callgrind."""
    for _ in range(5):  # imports and connections made on first use
        client.get(finished)
    calls = int(os.environ.get("BENCH_CALLS", "0"))
    for _ in range(calls):
        client.get(finished)
    return {"calls": calls}


def _overheads(
    client: Client,
    url: str,
    model: str,
    inputs: list[dict[str, Any]],
    *,
    wait: int | None,
    model_time: Callable[[dict[str, Any]], float],
) -> dict[str, Any]:
    overheads: list[float] = []
    requests: list[int] = []
    correct = 0
    for input in inputs:
        before = server_requests(url)
        started = time.perf_counter()
        output = client.run(model, input, wait)
        elapsed = time.perf_counter() - started
        requests.append(server_requests(url) - before - 1)  # not the count query itself
        overheads.append((elapsed - model_time(input)) * 1000)
        correct += output == input["n"] * 3
    return {"overhead_ms": overheads, "requests": requests, "correct": correct, "runs": len(inputs)}


def b2_quick(client: Client, url: str, finished: str) -> dict[str, Any]:
    """A 300 ms model inside the sync window."""
    client.run("bench/instant", {"n": 0}, None)  # warm up connections and imports
    inputs = [{"n": n} for n in range(10)]
    return _overheads(
        client, url, "bench/quick", inputs, wait=None, model_time=lambda input: QUICK_RUN
    )


def b2_outlive(client: Client, url: str, finished: str) -> dict[str, Any]:
    """A model that outlives a 1 s sync window: queued 1.2-1.6 s, runs 0.3 s."""
    client.run("bench/instant", {"n": 0}, None)
    draw = random.Random(7)
    inputs = [{"n": n, "queue": round(draw.uniform(1.2, 1.6), 3)} for n in range(OUTLIVE_RUNS)]
    return _overheads(
        client,
        url,
        "bench/outlive",
        inputs,
        wait=1,
        model_time=lambda input: input["queue"] + OUTLIVE_RUN,
    )


def b2_mid(client: Client, url: str, finished: str) -> dict[str, Any]:
    """The 1 s window closes while the prediction is processing: is the output right?"""
    inputs = [{"n": n + 1} for n in range(MID_EXPECTED_RUNS)]
    return _overheads(client, url, "bench/mid", inputs, wait=1, model_time=lambda input: 1.8)


def b3_concurrent(client: Client, url: str, finished: str) -> dict[str, Any]:
    """200 concurrent async runs of a 200 ms model on one client."""
    asyncio.run(client.async_runs("bench/instant", [{"n": 0}]))
    baseline = rss_mb()
    inputs = [{"n": n} for n in range(200)]
    cpu, wall = time.process_time(), time.perf_counter()
    outputs: list[Any] = asyncio.run(client.async_runs("bench/200ms", inputs))
    return {
        "wall_s": time.perf_counter() - wall,
        "cpu_s": time.process_time() - cpu,
        "rss_growth_mb": peak_rss_mb() - baseline,
        "correct": sum(out == inp["n"] * 3 for out, inp in zip(outputs, inputs, strict=True)),
    }


def b7_floor_s() -> float:
    """The fastest B7 can finish: every create at the scaled create rate, then one model run."""
    creates_per_second = DOCUMENTED_CREATES_PER_MINUTE / 60 / LIMIT_TIME_SCALE
    return B7_RUNS / creates_per_second + B7_RUN_TIME


def b7_under_limits(client: Client, url: str, finished: str) -> dict[str, Any]:
    """1,000 runs of a 2 s model at once on one async client, inside the documented limits.

    Counted by the server: every API request it saw while the runs went on
    (creates, polls, retries and the 429s among them). A run fails if it
    raised or returned the wrong output; failures are counted, not raised.
    """
    inputs = [{"n": n} for n in range(B7_RUNS)]
    before = server_counts(url)
    cpu, wall = time.process_time(), time.perf_counter()
    outcomes = asyncio.run(client.async_runs_under_limits("bench/2s", inputs))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    after = server_counts(url)
    failures: dict[str, int] = {}
    for outcome, input in zip(outcomes, inputs, strict=True):
        if outcome != input["n"] * 3:
            reason = _reason(outcome)
            failures[reason] = failures.get(reason, 0) + 1
    return {
        "wall_s": wall,
        "floor_s": b7_floor_s(),
        "cpu_s": cpu,
        "runs": len(inputs),
        "failed": sum(failures.values()),
        "failures": failures,
        "requests": after["total"] - before["total"],
        "throttled": after["by_status"].get("429", 0) - before["by_status"].get("429", 0),
        "by_status": {
            status: n - before["by_status"].get(status, 0)
            for status, n in after["by_status"].items()
        },
    }


def _reason(outcome: object) -> str:
    """Why a run failed, short enough to tally: the exception's type and its first line."""
    if isinstance(outcome, BaseException):
        first = (str(outcome).splitlines() or [""])[0]
        return f"{type(outcome).__name__}: {first[:120]}"
    return f"wrong output: {outcome!r:.60}"


def b5_list(client: Client, url: str, finished: str) -> dict[str, Any]:
    """One page of 100 predictions, parsed: client CPU per page."""
    for _ in range(5):
        client.list_page()
    runs: list[dict[str, float]] = []
    for _ in range(5):
        pages = 30
        cpu, wall = time.process_time(), time.perf_counter()
        items = sum(client.list_page() for _ in range(pages))
        runs.append(
            {
                "cpu_us": (time.process_time() - cpu) / pages * 1e6,
                "wall_us": (time.perf_counter() - wall) / pages * 1e6,
                "items": items / pages,
            }
        )
    return {"runs": runs}


def _watch_peak(stop: threading.Event, seen: list[float]) -> None:
    while not stop.wait(0.005):
        seen.append(rss_mb())


def _file(client: Client, action: Callable[[], int]) -> dict[str, Any]:
    baseline = rss_mb()
    seen: list[float] = [baseline]
    stop = threading.Event()
    watcher = threading.Thread(target=_watch_peak, args=(stop, seen), daemon=True)
    watcher.start()
    started = time.perf_counter()
    size = action()
    wall = time.perf_counter() - started
    stop.set()
    watcher.join()
    return {
        "wall_s": wall,
        "rss_growth_mb": max(peak_rss_mb(), *seen) - baseline,
        "bytes": size,
    }


def b6_save(client: Client, url: str, finished: str) -> dict[str, Any]:
    """Stream a 50 MB output file to disk."""
    with tempfile.TemporaryDirectory() as directory:
        return _file(client, lambda: client.save("bench/file", Path(directory, "out.bin")))


def b6_read(client: Client, url: str, finished: str) -> dict[str, Any]:
    """Read a 50 MB output file into memory."""
    return _file(client, lambda: client.read("bench/file"))


SCENARIOS: dict[str, Callable[[Client, str, str], dict[str, Any]]] = {
    "B1": b1_get,
    "B1-calls": b1_calls,
    "B2-quick": b2_quick,
    "B2-outlive": b2_outlive,
    "B2-mid": b2_mid,
    "B3": b3_concurrent,
    "B5": b5_list,
    "B6-save": b6_save,
    "B6-read": b6_read,
    "B7": b7_under_limits,
}


def median(values: list[float]) -> float:
    """The median, or NaN for nothing."""
    return statistics.median(values) if values else float("nan")


def env_path() -> str:
    """Where the drivers live, for PYTHONPATH."""
    return os.path.dirname(os.path.abspath(__file__))
