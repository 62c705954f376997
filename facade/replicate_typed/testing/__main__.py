"""Serve a FakeReplicate on a loopback port: ``python -m replicate_typed.testing --port 0``.

Prints the API URL (set it as REPLICATE_BASE_URL, with any token) and serves
until interrupted. ``--help`` shows DESCRIPTION, plain text for a terminal.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from replicate_typed._rate_limits import PROFILES
from replicate_typed.testing._fake import FakeReplicate
from replicate_typed.testing._model_hooks import apply_hook, load_hook

DESCRIPTION = """\
Serve the Replicate emulator on a loopback port until Ctrl-C. It prints its
URL: set REPLICATE_BASE_URL to it (with any REPLICATE_API_TOKEN) and the CLI,
the SDK or any HTTP client talks to it; its predictions last as long as it
runs, unlike those of the CLI's --fake, which starts a fresh emulator each time.
"""

EPILOG = """\
example:
  python -m replicate_typed.testing --port 8000 --models mymodels:add_models
  # mymodels.py:  def add_models(fake): fake.add_model("me/echo", lambda input: input)
"""


def main(argv: list[str] | None = None) -> int:
    """Serve until SIGINT or SIGTERM."""
    parser = argparse.ArgumentParser(
        prog="python -m replicate_typed.testing",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (loopback)")
    parser.add_argument("--port", type=int, default=0, help="port, 0 for any free one")
    parser.add_argument("--page-size", type=int, default=100, help="items per list page")
    parser.add_argument(
        "--rate-limits",
        choices=sorted(PROFILES),
        help="throttle with 429s as Replicate does (off by default)",
    )
    parser.add_argument(
        "--rate-limit-time-scale",
        type=float,
        default=1.0,
        help="how long a limit's second lasts, in seconds (0.01: waits 100 times shorter)",
    )
    parser.add_argument(
        "--models",
        action="append",
        default=[],
        metavar="MODULE:FUNCTION",
        help="call FUNCTION(fake) from MODULE before serving, to add_model() your own; repeatable",
    )
    args = parser.parse_args(argv)
    limits = (
        PROFILES[args.rate_limits](time_scale=args.rate_limit_time_scale)
        if args.rate_limits
        else None
    )
    fake = FakeReplicate(page_size=args.page_size, rate_limits=limits)
    for value in args.models:
        try:
            apply_hook(value, load_hook(value), fake)
        except ValueError as exc:
            parser.error(f"--models {exc}")  # exits 2, before anything is served
    stop = threading.Event()
    # Ctrl-C or SIGTERM stops serving; the handlers they had come back after (for a caller
    # running this in-process, as the tests do).
    previous = {
        signum: signal.signal(signum, lambda _signum, _frame: stop.set())
        for signum in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        with fake.serve(args.host, args.port) as served:
            print(served.url, flush=True)
            stop.wait()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 0


if __name__ == "__main__":
    sys.exit(main())
