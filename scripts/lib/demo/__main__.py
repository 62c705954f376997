"""A short tour of replicate-typed, run by scripts/demo.

Without REPLICATE_API_TOKEN the tour runs against the built-in emulator
(``replicate_typed.testing.FakeReplicate``) served on a loopback port, in real
time, through the same public API a user calls. With a token it makes the same
calls against api.replicate.com (billed), with real models.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from replicate_typed import Replicate
from replicate_typed.testing import FakeReplicate, RealClock

from demo.steps import EMULATOR_MODELS, REAL_MODELS, Tour


def main() -> int:
    """Run the tour; exit 1 if the emulator did not behave as the tour expects."""
    output_dir = Path("demo-output")
    if os.environ.get("REPLICATE_API_TOKEN"):
        print("replicate-typed tour against api.replicate.com (REPLICATE_API_TOKEN is set)")
        with Replicate() as replicate:
            Tour(replicate, REAL_MODELS, output_dir, strict=False).run()
        return 0
    fake = FakeReplicate(clock=RealClock())
    # A model that stays queued longer than the shortest deadline, to show "aborted".
    fake.add_model("acme/busy-queue", lambda _: "never runs", queue_time=8, run_time=1)
    with fake.serve() as served, Replicate("r8_demo_token", base_url=served.url) as replicate:
        print(f"replicate-typed tour against the local emulator at {served.url}")
        print("(no token, no network: set REPLICATE_API_TOKEN to run it against Replicate)")
        ok = Tour(replicate, EMULATOR_MODELS, output_dir, strict=True).run()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
