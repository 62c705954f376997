"""The batch runner's large runs, and the figures the issue asks for.

1. Crash and resume: a 500-item batch SIGKILLed at seeded random points (the
   crash tests' harness, tests/batch_crash), resumed each time, then audited
   against the fake's ledger; once clean and once under injected faults.
2. Throughput: a 5,000-item batch through ``replicate-typed batch`` against a
   fake served with the documented rate limits, their time scaled; wall time
   against the limits' floor, requests per item (the fake's /_fake/requests),
   and the CLI's resident memory sampled while it runs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from replicate_typed.testing import FakeReplicate, RateLimits

from tests.batch_crash.harness import crash_and_resume, plan

#: The throughput run's model: a small run time, so the floor is mostly the create rate.
MODEL = "acme/quick"
RUN_TIME = 0.05
#: Seconds between samples of the CLI's memory.
SAMPLE_EVERY = 1.0


@dataclass
class Throughput:
    """What the 5,000-item run measured."""

    count: int
    time_scale: float
    concurrency: int
    exit_code: int = 0
    wall: float = 0.0
    floor: float = 0.0
    requests: int = 0
    by_operation: dict[str, int] = field(default_factory=dict[str, int])
    by_status: dict[str, Any] = field(default_factory=dict[str, Any])
    rss_mb: list[tuple[float, float]] = field(default_factory=list[tuple[float, float]])
    succeeded: int = 0
    summary: str = ""

    def lines(self) -> list[str]:
        """The figures, one per line."""
        samples = self.rss_mb[:: max(1, len(self.rss_mb) // 12)]
        return [
            f"{self.count} items through the CLI, {self.concurrency} at once, documented limits "
            f"at time scale {self.time_scale}: exit {self.exit_code}, "
            f"{self.succeeded} succeeded on the server",
            f"wall time {self.wall:.1f}s against a floor of {self.floor:.1f}s "
            f"({self.wall / self.floor:.2f}x)",
            f"requests: {self.requests} ({self.requests / self.count:.2f} per item); "
            f"by operation {self.by_operation}; by status {self.by_status}",
            "CLI RSS (s: MB): " + ", ".join(f"{t:.0f}: {mb:.1f}" for t, mb in samples),
            f"CLI RSS peak {max(mb for _, mb in self.rss_mb):.1f} MB" if self.rss_mb else "",
            "CLI summary:",
            *(f"  {line}" for line in self.summary.splitlines()),
        ]


def floor_seconds(count: int, limits: RateLimits, run_time: float) -> float:
    """The least time the limits allow: the burst at once, the rest at the create rate, one run."""
    create = limits.creates
    per_second = create.per_minute / 60 / limits.time_scale
    return max(0, count - create.burst) / per_second + run_time


def throughput(count: int, time_scale: float, concurrency: int, workdir: Path) -> Throughput:
    """Run ``count`` items, ``concurrency`` at once, through the CLI against a rate-limited
    served fake."""
    limits = RateLimits.documented(time_scale=time_scale)
    fake = FakeReplicate(rate_limits=limits)
    fake.add_model(MODEL, lambda input: {"echo": input["item"]}, run_time=RUN_TIME)
    inputs = workdir / "many.jsonl"
    inputs.write_text("".join(json.dumps({"item": i}) + "\n" for i in range(count)))
    report = Throughput(
        count, time_scale, concurrency, floor=floor_seconds(count, limits, RUN_TIME)
    )
    with fake.serve() as served:
        env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
        env.update(REPLICATE_BASE_URL=served.url, REPLICATE_API_TOKEN="r8_batchSoakToken")
        command = [sys.executable, "-m", "replicate_typed.cli", "batch", MODEL, str(inputs)]
        command += ["--journal", str(workdir / "many.db"), "--concurrency", str(concurrency)]
        # The CLI's client paces itself to the same limits, on the same time scale.
        command += ["--rate-limits", "documented", "--rate-limit-time-scale", str(time_scale)]
        started = time.monotonic()
        child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        sampler = threading.Thread(target=_sample, args=(child, started, report.rss_mb))
        sampler.start()
        stdout, _stderr = child.communicate()
        report.wall = time.monotonic() - started
        sampler.join()
        report.exit_code = child.returncode
        report.summary = stdout.decode(errors="replace")
        counts = httpx.get(served.url.removesuffix("/v1") + "/_fake/requests").json()
        report.requests = counts["total"] - 1  # not this look at the counts itself
        report.by_operation = counts["by_operation"]
        report.by_status = counts["by_status"]
        report.succeeded = sum(p["status"] == "succeeded" for p in fake.predictions())
    return report


def _sample(
    child: subprocess.Popen[bytes], started: float, into: list[tuple[float, float]]
) -> None:
    status = Path(f"/proc/{child.pid}/status")
    while child.poll() is None:
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmRSS:"):
                    into.append((time.monotonic() - started, int(line.split()[1]) / 1024))
        except OSError:  # it exited between the poll and the read
            return
        time.sleep(SAMPLE_EVERY)


def main() -> int:
    parser = argparse.ArgumentParser(prog="scripts/batch-soak", description=__doc__)
    parser.add_argument("--crash-items", type=int, default=500)
    parser.add_argument("--kills", type=int, default=8)
    parser.add_argument("--items", type=int, default=5000)
    # 0.1: a limit's minute lasts 6 s, so 5,000 creates at 600 a minute take about 50 s.
    parser.add_argument("--time-scale", type=float, default=0.1)
    # Each item waits at least one shared status refresh (0.5 s) after its create, so N in
    # flight finish at most 2N a second: 32 (the default) would cap the 97 creates a second
    # time scale 0.1 allows at 64.
    parser.add_argument("--concurrency", type=int, default=128)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-crash", action="store_true")
    parser.add_argument("--skip-throughput", action="store_true")
    args = parser.parse_args()
    problems = 0
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        if not args.skip_crash:
            for name, faults in (("clean", 0.0), ("faults", 0.1)):
                workdir = root / name
                workdir.mkdir()
                # Under faults, runs ended early (exit 1) spend creates too: plan closer kills.
                planned_for = args.crash_items // (3 if faults else 1)
                kills = plan(planned_for, args.kills, args.seed)
                started = time.monotonic()
                report = crash_and_resume(
                    workdir, args.crash_items, kills, faults=faults, seed=args.seed
                )
                print(f"crash ({name}): {report.summary()} [{time.monotonic() - started:.0f}s]")
                problems += report.duplicates + report.lost + len(report.bad_files)
        if not args.skip_throughput:
            workdir = root / "throughput"
            workdir.mkdir()
            result = throughput(args.items, args.time_scale, args.concurrency, workdir)
            print("\n".join(line for line in result.lines() if line))
            problems += result.exit_code != 0 or result.succeeded != args.items
    return 1 if problems else 0
