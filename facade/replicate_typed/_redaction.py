"""Keep the client's own token out of error text, even when a server echoes it back.

A proxy or a misbehaving server may echo the request's ``Authorization``
header in an error body or a header; the body becomes ``str(exc)``,
``exc.body`` and the CLI's error line. Two places apply this module:
``_responses`` strips the token a request carried from its response before
quoting any of it (a quote cut at 200 characters could otherwise keep half a
token), and the runner scrubs every error leaving a flow, with the errors it
was raised from, before the caller sees it.
"""

from __future__ import annotations

import json
from typing import cast
from urllib.parse import quote

REDACTED = "[redacted]"


def redact_text(text: str, secret: str) -> str:
    """``text`` with every copy of ``secret`` replaced, raw, JSON-escaped or percent-encoded."""
    if not secret or not text:
        return text
    for form in _forms(secret):
        if form in text:
            text = text.replace(form, REDACTED)
    return text


def redact_headers(headers: dict[str, str], secret: str) -> dict[str, str]:
    """A copy of ``headers`` with ``secret`` taken out of every name and value."""
    return {
        redact_text(name, secret): redact_text(value, secret) for name, value in headers.items()
    }


def redact_error(error: BaseException, secret: str) -> None:
    """Take ``secret`` out of ``error`` in place: its message, text attributes and causes.

    Follows ``__cause__`` and ``__context__``, which tracebacks print; text in
    ``args``, in string attributes and in dicts of strings (``headers``) is
    rewritten, other values are left alone.
    """
    pending: list[BaseException] = [error]
    seen: set[int] = set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        current.args = tuple(_scrub(value, secret) for value in current.args)
        for name, value in list(vars(current).items()):
            scrubbed = _scrub(value, secret)
            if scrubbed is not value:
                setattr(current, name, scrubbed)
        notes: object = getattr(current, "__notes__", None)
        if isinstance(notes, list) and all(isinstance(n, str) for n in cast(list[object], notes)):
            current.__notes__ = [redact_text(note, secret) for note in cast(list[str], notes)]
        pending.extend(link for link in (current.__cause__, current.__context__) if link)


def _scrub(value: object, secret: str) -> object:
    """``value`` without ``secret`` if it is text or a dict of text; itself when unchanged."""
    if isinstance(value, str):
        cleaned = redact_text(value, secret)
        return value if cleaned == value else cleaned
    if isinstance(value, dict):
        mapping = cast(dict[object, object], value)
        if all(isinstance(key, str) and isinstance(item, str) for key, item in mapping.items()):
            headers = cast(dict[str, str], mapping)
            cleaned_headers = redact_headers(headers, secret)
            return mapping if cleaned_headers == headers else cleaned_headers
        return mapping
    return value


def _forms(secret: str) -> list[str]:
    # The raw token first; the others only differ for tokens with unusual characters.
    forms = [secret, json.dumps(secret)[1:-1], quote(secret, safe="")]
    return list(dict.fromkeys(forms))
