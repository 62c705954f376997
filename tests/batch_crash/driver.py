"""The crash tests' child process: run a batch against a served fake, dying where told.

    python -m tests.batch_crash.driver URL MODEL INPUTS.jsonl JOURNAL OUTPUT_DIR [--kill POINT:N]
        [--rate-limit-time-scale X]

It runs ``replicate.batch`` through a ``KillingTransport``; with --kill it
SIGKILLs itself at that point (see kill_points), and the test runs it again,
with the same journal, to resume. It exits 0 once every input has succeeded, 1 while some have not.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import httpx
from replicate_typed import RateLimits, Replicate

from tests.batch_crash.kill_points import Kill, KillingTransport

#: The crash tests' token: the served fake accepts any.
TOKEN = "r8_batchCrashTestToken"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("model")
    parser.add_argument("inputs", type=Path)
    parser.add_argument("journal", type=Path)
    parser.add_argument("output_dir", type=Path)
    parser.add_argument("--kill", type=Kill.parse)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rate-limit-time-scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    lines = args.inputs.read_text(encoding="utf-8").splitlines()
    inputs = [json.loads(line) for line in lines]
    transport = KillingTransport(httpx.HTTPTransport(), args.kill, httpx.URL(args.url).host)
    limits = RateLimits.documented(time_scale=args.rate_limit_time_scale)
    with Replicate(
        TOKEN, base_url=args.url, allow_insecure_http=True, transport=transport, rate_limits=limits
    ) as client:
        summary = client.batch(
            args.model,
            inputs,
            journal=args.journal,
            output_dir=args.output_dir,
            concurrency=args.concurrency,
        )
    print(summary)
    return 0 if summary.succeeded == summary.total and not summary.unsaved else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
