"""The benchmark's server: FakeReplicate with the benchmark's models, in its own process.

Prints one JSON line ({"url", "finished"}) once ready; serves until SIGTERM.
With ``--rate-limited`` (B7's server) it then enforces Replicate's documented
limits, scaled in time by ``LIMIT_TIME_SCALE``; the other scenarios run unlimited.
"""

from __future__ import annotations

import argparse
import json
import signal
import threading
from typing import Any

from common import B7_RUN_TIME, LIMIT_TIME_SCALE
from replicate_typed.testing import FakeFile, FakeReplicate, RateLimits, RealClock

#: The 50 MB output of B6, made once (the same bytes for every download).
BIG_FILE = bytes(range(256)) * (50 * 1024 * 1024 // 256)


def _triple(input: dict[str, Any]) -> int:
    return int(input.get("n", 0)) * 3


def build() -> FakeReplicate:
    """The fake, with one model per scenario."""
    fake = FakeReplicate(clock=RealClock(), page_size=100, examples=False)
    fake.add_model("bench/instant", _triple)
    fake.add_model("bench/quick", _triple, run_time=0.3)
    fake.add_model(
        "bench/outlive", _triple, queue_time=lambda input: float(input["queue"]), run_time=0.3
    )
    fake.add_model("bench/mid", _triple, queue_time=0.2, run_time=1.6)
    fake.add_model("bench/200ms", _triple, run_time=0.2)
    fake.add_model("bench/file", lambda input: FakeFile(BIG_FILE, "weights.bin"))
    fake.add_model("bench/2s", _triple, run_time=B7_RUN_TIME)
    return fake


def main() -> None:
    """Serve until terminated, with 100 finished predictions to list and one to get."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate-limited", action="store_true", help="B7's documented limits")
    args = parser.parse_args()
    fake = build()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda _signum, _frame: stop.set())
    signal.signal(signal.SIGINT, lambda _signum, _frame: stop.set())
    with fake.serve() as served, fake.client(base_url=served.url) as client:
        finished = [client.run("bench/instant", {"n": n}, file_output=False) for n in range(100)]
        prediction_id = fake.predictions()[-1]["id"]
        assert len(finished) == 100
        if args.rate_limited:  # after the setup's runs, so B7 starts with full buckets
            fake.enforce_rate_limits(RateLimits.documented(time_scale=LIMIT_TIME_SCALE))
        print(json.dumps({"url": served.url, "finished": prediction_id}), flush=True)
        stop.wait()


if __name__ == "__main__":
    main()
