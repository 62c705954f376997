"""Many predictions through AsyncReplicate against a faulty server; nothing lost or doubled.

Every prediction must be created at most once on the server and reported
exactly once by the client, the two accounts must agree, no task may be left
pending, and the client's memory must stay flat.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from replicate_typed import AsyncReplicate, ReplicateError, RetryPolicy

from soak.server import MODEL

SCRIPTS = Path(__file__).resolve().parents[1]


@dataclass
class Report:
    """What the soak saw."""

    count: int
    concurrency: int
    seconds: float = 0.0
    succeeded: int = 0
    failed: dict[str, int] = field(default_factory=dict[str, int])
    may_exist: int = 0
    server_predictions: int = 0
    rss_start_mb: float = 0.0
    rss_peak_mb: float = 0.0
    rss_end_mb: float = 0.0
    problems: list[str] = field(default_factory=list[str])

    def summary(self) -> str:
        """The figures, one per line."""
        failed = ", ".join(f"{kind} {n}" for kind, n in sorted(self.failed.items())) or "none"
        return "\n".join(
            [
                f"predictions: {self.count} at concurrency {self.concurrency}"
                f" in {self.seconds:.1f} s",
                f"succeeded: {self.succeeded}; errors: {failed}",
                f"errors saying a prediction may exist: {self.may_exist}",
                f"server ledger: {self.server_predictions} predictions, none duplicated"
                if not self.problems
                else f"server ledger: {self.server_predictions} predictions",
                f"client RSS: start {self.rss_start_mb:.1f} MB, peak {self.rss_peak_mb:.1f} MB, "
                f"end {self.rss_end_mb:.1f} MB",
                f"problems: {len(self.problems)}",
                *(f"  {problem}" for problem in self.problems[:20]),
            ]
        )


def soak(count: int, concurrency: int, seed: int = 1, rate: float = 0.10) -> Report:
    """Soak a fresh server process; the report says what went wrong, if anything."""
    server = subprocess.Popen(
        [sys.executable, "-m", "soak.server", "--seed", str(seed), "--rate", str(rate)],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        return asyncio.run(_soak(url, count, concurrency))
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stdout is not None:
            server.stdout.close()


async def _soak(url: str, count: int, concurrency: int) -> Report:
    report = Report(count, concurrency)
    outcomes: list[tuple[int, str, Any]] = []
    numbers = iter(range(count))
    retry = RetryPolicy(max_retries=5, backoff=0.02, max_backoff=0.2, max_retry_after=0.1)
    async with AsyncReplicate("r8_soak", base_url=url, retry=retry) as client:
        await client.account.get()  # warm up: imports, pool, first request
        report.rss_start_mb = report.rss_peak_mb = _rss_mb()
        sampler = asyncio.create_task(_sample(report))
        started = time.monotonic()

        async def worker() -> None:
            # A fixed set of workers, so the driver's own memory does not grow with count.
            for n in numbers:
                try:
                    output = await client.run(MODEL, {"n": n}, timeout=60)
                    outcomes.append((n, "ok", output))
                except ReplicateError as error:
                    may_exist = bool(getattr(error, "prediction_may_exist", False))
                    outcomes.append((n, type(error).__name__, may_exist))

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        report.seconds = time.monotonic() - started
        sampler.cancel()
        await asyncio.gather(sampler, return_exceptions=True)
        report.rss_end_mb = _rss_mb()
        pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        if pending:
            report.problems.append(f"{len(pending)} tasks left pending")
        ledger = [p.input_["n"] async for p in client.predictions.list()]
    _reconcile(report, outcomes, ledger)
    return report


def _reconcile(report: Report, outcomes: list[tuple[int, str, Any]], ledger: list[Any]) -> None:
    report.server_predictions = len(ledger)
    created = Counter(ledger)
    reported = Counter(n for n, _, _ in outcomes)
    for n in range(report.count):
        if reported[n] != 1:
            report.problems.append(f"prediction {n} reported {reported[n]} times")
        if created[n] > 1:
            report.problems.append(f"prediction {n} created {created[n]} times")
    for n, kind, value in outcomes:
        if kind == "ok":
            report.succeeded += 1
            if value != n * 2:
                report.problems.append(f"prediction {n}: output {value!r}, expected {n * 2}")
            if created[n] != 1:
                report.problems.append(f"prediction {n} succeeded but the server has {created[n]}")
            continue
        report.failed[kind] = report.failed.get(kind, 0) + 1
        may_exist = bool(value)
        report.may_exist += may_exist
        if created[n] and not may_exist and kind not in ("ModelError", "PredictionCanceledError"):
            report.problems.append(f"prediction {n} exists but its {kind} did not say it might")


async def _sample(report: Report) -> None:
    while True:
        report.rss_peak_mb = max(report.rss_peak_mb, _rss_mb())
        await asyncio.sleep(0.1)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SCRIPTS), env.get("PYTHONPATH")]))
    return env


def main() -> int:
    """The full soak: 5,000 predictions at concurrency 100."""
    import argparse

    parser = argparse.ArgumentParser(prog="scripts/soak")
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    report = soak(args.count, args.concurrency, args.seed)
    print(report.summary())
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
