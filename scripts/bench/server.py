"""The benchmark's server: FakeReplicate with the benchmark's models, in its own process.

Prints one JSON line ({"url", "finished"}) once ready; serves until SIGTERM.
"""

from __future__ import annotations

import json
import signal
import threading
from typing import Any

from replicate_typed.testing import FakeFile, FakeReplicate, RealClock

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
    return fake


def main() -> None:
    """Serve until terminated, with 100 finished predictions to list and one to get."""
    fake = build()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda _signum, _frame: stop.set())
    signal.signal(signal.SIGINT, lambda _signum, _frame: stop.set())
    with fake.serve() as served, fake.client(base_url=served.url) as client:
        finished = [client.run("bench/instant", {"n": n}, file_output=False) for n in range(100)]
        prediction_id = fake.predictions()[-1]["id"]
        assert len(finished) == 100
        print(json.dumps({"url": served.url, "finished": prediction_id}), flush=True)
        stop.wait()


if __name__ == "__main__":
    main()
