"""Press Ctrl-C (SIGINT from this process) at a random moment of each of the child's waits.

Reports how many tries ended with the prediction canceled, left running, or
hung (no answer within HANG seconds: the child is then sent SIGABRT, and
prints every thread's stack, PYTHONFAULTHANDLER being set), and how long
the child took from the SIGINT to its answer. Exit 1 unless every try
canceled its prediction.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import selectors
import signal
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

#: Seconds without an answer from the child after which a try counts as hung.
HANG = 20.0
#: The random moment of each wait at which SIGINT is sent, in seconds after it starts.
EARLIEST, LATEST = 0.005, 0.015
ROOT = Path(__file__).resolve().parents[3]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/interrupt-soak", description=__doc__)
    parser.add_argument("--tries", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--baseline", action="store_true", help="let Ctrl-C land anywhere (Python's own handling)"
    )
    args = parser.parse_args(argv)
    chooser = random.Random(args.seed)
    command = [sys.executable, "-m", "interrupt_soak.child", "--tries", str(args.tries)]
    env = dict(os.environ, PYTHONFAULTHANDLER="1", PYTHONPATH=str(ROOT / "scripts" / "lib"))
    child = subprocess.Popen(
        [*command, *(["--baseline"] if args.baseline else [])],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    lines = selectors.DefaultSelector()
    lines.register(child.stdout, selectors.EVENT_READ)
    outcomes: Counter[str] = Counter()
    latencies: list[float] = []
    started = time.monotonic()
    for _ in range(args.tries):
        if _answer(child, lines) != "waiting":
            break
        time.sleep(chooser.uniform(EARLIEST, LATEST))
        child.send_signal(signal.SIGINT)
        pressed = time.monotonic()
        answer = _answer(child, lines)
        if answer is None:
            outcomes["hung"] += 1
            break
        latencies.append(time.monotonic() - pressed)
        result = json.loads(answer)
        canceled = result["status"] == "canceled" and result["noted"]
        outcomes["canceled" if canceled else f"left {result['status']}"] += 1
    if outcomes["hung"]:
        child.send_signal(signal.SIGABRT)
    child.stdout.close()
    _, errors = child.communicate(timeout=HANG)
    tries = sum(outcomes.values())
    print(f"tries: {tries} of {args.tries} in {time.monotonic() - started:.1f} s")
    print("outcomes: " + ", ".join(f"{name} {count}" for name, count in sorted(outcomes.items())))
    if latencies:
        ms = sorted(1000 * latency for latency in latencies)
        print(
            f"SIGINT to answer: median {statistics.median(ms):.1f} ms, "
            f"p99 {ms[int(0.99 * (len(ms) - 1))]:.1f} ms, max {ms[-1]:.1f} ms"
        )
    if outcomes["hung"] or errors.strip():
        print(errors, file=sys.stderr)
    return 0 if outcomes["canceled"] == args.tries else 1


def _answer(child: subprocess.Popen[str], lines: selectors.BaseSelector) -> str | None:
    """The child's next line, or None if none comes within HANG seconds (or it ended)."""
    assert child.stdout is not None
    if not lines.select(HANG):
        return None
    line = child.stdout.readline()
    return line.strip() or None
