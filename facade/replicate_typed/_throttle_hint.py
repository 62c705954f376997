"""How long a 429 asks to wait: the problem body's hint, finer than the Retry-After header.

Replicate's 429 carries Retry-After in whole seconds and a problem body whose
detail says "Expected available in N seconds"; some also carry a numeric
``retry_after``, which may be fractional. The body's number is preferred
(it is the finer of the two), then the header, then the detail's number.
"""

from __future__ import annotations

import json
import math
import re

import httpx

_DETAIL = re.compile(r"Expected available in (\d+(?:\.\d+)?) seconds?", re.IGNORECASE)


def throttle_hint(response: httpx.Response, header: float | None) -> float | None:
    """Seconds a 429 ``response`` asks to wait; ``header``: its Retry-After, as read."""
    body = _problem(response)
    number = body.get("retry_after")
    if isinstance(number, int | float) and not isinstance(number, bool) and 0 <= number < math.inf:
        return float(number)
    if header is not None:
        return header
    detail = body.get("detail")
    if isinstance(detail, str) and (found := _DETAIL.search(detail)):
        return float(found.group(1))
    return None


def _problem(response: httpx.Response) -> dict[str, object]:
    try:
        body: object = json.loads(response.content)
    except (ValueError, httpx.ResponseNotRead):
        return {}
    return body if isinstance(body, dict) else {}  # pyright: ignore[reportUnknownVariableType]
