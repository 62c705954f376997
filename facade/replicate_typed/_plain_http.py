"""When a plain ``http://`` URL is allowed: a loopback host, or the caller's explicit opt-in.

Over plain http the API token (for a base URL) and the prediction's data (for
a webhook) cross the network readable by anyone on the path. A loopback host
never leaves the machine, so a local emulator needs no opt-in; any other host
needs ``allow_insecure_http=True`` on the client, or
``REPLICATE_ALLOW_INSECURE_HTTP=1`` in the environment.
"""

from __future__ import annotations

import ipaddress
import os

ALLOW_VARIABLE = "REPLICATE_ALLOW_INSECURE_HTTP"
_YES = ("1", "true")
_NO = ("", "0", "false")


def is_loopback(host: str) -> bool:
    """Whether ``host`` (as a URL carries it) names this machine: localhost, 127.0.0.0/8, ::1."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def allowed_by_environment() -> bool:
    """Whether REPLICATE_ALLOW_INSECURE_HTTP opts in; ValueError for a value it cannot read."""
    value = os.environ.get(ALLOW_VARIABLE, "").strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ValueError(f"{ALLOW_VARIABLE} must be 1 or 0 (true or false), got {value!r}")


def check_plain_http(url: str, scheme: str, host: str, *, allowed: bool, what: str) -> None:
    """Refuse a plain http ``url`` to a host other than loopback unless ``allowed``.

    ``scheme`` and ``host`` are the URL's own, already parsed (the caller knows
    how); ``what`` says what would travel in clear text, for the message.
    """
    if scheme.lower() != "http" or allowed or is_loopback(host):
        return
    raise ValueError(
        f"refusing plain http for {url!r}: {what} would cross the network unencrypted. "
        f"Use https, a loopback host, or opt in with allow_insecure_http=True "
        f"(or {ALLOW_VARIABLE}=1)"
    )
