"""The child: one sync client per try, waiting on a prediction that never finishes.

For each try it prints ``waiting`` once ``wait`` is about to start, and,
once the interrupt came and the client is closed, one JSON line: whether
the KeyboardInterrupt carried the cancel's note and the prediction's status,
read through the same client afterwards. A try that hangs prints nothing more: the parent notices.
"""

from __future__ import annotations

import argparse
import json
import sys
from types import FrameType

from replicate_typed import PollSchedule, Replicate, _safe_interrupts
from replicate_typed.testing import FakeReplicate, RealClock

#: Polls this often, so most of a wait is spent in httpx rather than asleep.
POLL = PollSchedule(interval=0.0005, max_interval=0.0005)


def _nowhere(frame: FrameType) -> bool:
    """With --baseline: Ctrl-C may land anywhere, as Python's own handler lets it."""
    return False


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tries", type=int, required=True)
    parser.add_argument("--baseline", action="store_true")
    args = parser.parse_args()
    if args.baseline:
        setattr(_safe_interrupts, "_unsafe", _nowhere)  # noqa: B010 (a private name)
    fake = FakeReplicate(clock=RealClock())
    fake.add_model("acme/never-done", lambda _: "x", run_time=1e9)
    with fake.serve() as served:
        for _ in range(args.tries):
            client = Replicate(
                api_token="r8_soak", base_url=served.url, polling=POLL, rate_limits=False
            )
            prediction = client.predictions.create("acme/never-done", {})
            print("waiting", flush=True)
            noted = False
            try:
                client.predictions.wait(prediction)
            except KeyboardInterrupt as interrupt:
                noted = any("canceled" in note for note in getattr(interrupt, "__notes__", []))
            # Through the same client: its pool must still work after the interrupt.
            status = str(client.predictions.get(prediction.id).status)
            client.close()
            print(json.dumps({"noted": noted, "status": status}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
