"""The soak's server: FakeReplicate with ~10% random faults, in its own process.

Run as ``python -m soak.server --seed N``; prints the API URL, serves
until SIGTERM. Listing predictions is never faulted: the soak reads the
server's ledger through it.
"""

from __future__ import annotations

import argparse
import signal
import threading
from typing import Any

from replicate_typed.testing import FakeReplicate, Fault, RealClock

MODEL = "acme/soak"
#: The faults a soaked client meets; ones that stall for seconds are left out.
FAULTS = [
    Fault.rate_limit("0"),
    Fault.server_error(500),
    Fault.server_error(503),
    Fault.server_error(502, commit=True),
    Fault.html_error(),
    Fault.drop(),
    Fault.drop(commit=True),
    Fault.cut_body(),
    Fault.malformed_json(),
    Fault.unknown_fields(),
    Fault.slow(0.05),
]
FAULTED = frozenset(
    {"models.predictions.create", "predictions.get", "predictions.cancel", "predictions.stream"}
)


def double(input: dict[str, Any]) -> int:
    """The soak model's output: twice its input, so results can be checked."""
    return int(input["n"]) * 2


def main() -> None:
    """Serve the faulty fake until terminated."""
    parser = argparse.ArgumentParser(prog="python -m soak.server")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rate", type=float, default=0.10)
    args = parser.parse_args()
    fake = FakeReplicate(clock=RealClock(), page_size=1000, examples=False)
    fake.add_model(MODEL, double, queue_time=0.02, run_time=0.05)
    fake.inject_randomly(FAULTS, rate=args.rate, seed=args.seed, operations=FAULTED)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda _signum, _frame: stop.set())
    signal.signal(signal.SIGINT, lambda _signum, _frame: stop.set())
    with fake.serve() as served:
        print(served.url, flush=True)
        stop.wait()


if __name__ == "__main__":
    main()
