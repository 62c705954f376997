"""--rate-limits and --rate-limit-time-scale: the limits a command's client paces itself to.

By default the client paces itself to Replicate's documented limits. An
account low on credit is held to far less (``low-credit``); an emulator
served with its limits scaled in time (``python -m replicate_typed.testing
--rate-limits documented --rate-limit-time-scale 0.1``) needs a client that
knows the same scale, or it would wait ten times longer than it must.
"""

from __future__ import annotations

import argparse
from typing import Literal

from replicate_typed._rate_limits import PROFILES, RateLimits
from replicate_typed.cli._args import positive_float

#: The client's own pacing turned off: every request goes at once, 429s are retried.
OFF = "off"


def add_rate_limit_options(parser: argparse.ArgumentParser) -> None:
    """Add --rate-limits NAME and --rate-limit-time-scale X to ``parser``."""
    parser.add_argument(
        "--rate-limits",
        choices=[*sorted(PROFILES), OFF],
        default="documented",
        help="the limits to pace requests to (default: documented, 600 creates and "
        "3,000 other requests a minute; low-credit: about 6 a minute; off: no pacing)",
    )
    parser.add_argument(
        "--rate-limit-time-scale",
        type=positive_float,
        default=1.0,
        metavar="X",
        help="how long a limit's second lasts, in seconds, for an emulator served with "
        "the same scale (default 1)",
    )


def chosen_rate_limits(args: argparse.Namespace) -> RateLimits | Literal[False] | None:
    """The client's ``rate_limits=`` for these arguments; None (the default) for commands
    without the options."""
    name: str | None = getattr(args, "rate_limits", None)
    if name is None:
        return None
    if name == OFF:
        return False
    scale: float = args.rate_limit_time_scale
    if name == "documented" and scale == 1.0:
        return None  # the client's own default: the documented rates, a minute's burst
    return PROFILES[name](time_scale=scale)
