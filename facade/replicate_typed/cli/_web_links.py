"""Whether the CLI shows a prediction's web page: only when it talks to Replicate itself.

An emulator (``--fake``, or one served and named by REPLICATE_BASE_URL)
answers with replicate.com links to pages that do not exist.
"""

from __future__ import annotations

import os

import httpx

from replicate_typed._config import BASE_URL_VARIABLE, DEFAULT_BASE_URL

#: The host whose predictions have pages on replicate.com.
REPLICATE_API_HOST = httpx.URL(DEFAULT_BASE_URL).host


def links_to_replicate_com(*, fake: bool) -> bool:
    """Whether the client this command opens talks to api.replicate.com."""
    if fake:
        return False
    url = os.environ.get(BASE_URL_VARIABLE) or DEFAULT_BASE_URL
    try:
        return httpx.URL(url).host == REPLICATE_API_HOST
    except httpx.InvalidURL:
        return False  # the client refuses it too, with its own message
