"""The built site as a reader sees it: the index, a guide and an API page in headless Chromium.

Debian's chromium drives the pages through Playwright (never ``playwright
install``). Without it the test skips, unless REPLICATE_TYPED_REQUIRE_BROWSER=1
(scripts/test sets it), when it fails. DOCS_SCREENSHOT names a file to save a
screenshot of the landing page to.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.docs.site import built_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serve files without a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def site_url(tmp_path: Path) -> Iterator[str]:
    """The strict build, served on a loopback port for the test's length."""
    handler = functools.partial(_QuietHandler, directory=str(built_site(tmp_path)))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()
            thread.join()


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} is missing: apt-get install chromium (scripts/test does)"
    if os.environ.get("REPLICATE_TYPED_REQUIRE_BROWSER") == "1":
        pytest.fail(reason + "; REPLICATE_TYPED_REQUIRE_BROWSER=1 requires it")
    pytest.skip(reason)


def test_a_reader_sees_the_index_a_guide_and_an_api_page(site_url: str) -> None:
    _require_chromium()
    from playwright.sync_api import Route, sync_playwright

    off_loopback: list[str] = []

    def keep_to_loopback(route: Route) -> None:
        """Refuse any request that leaves the local server: the site must need no network."""
        if route.request.url.startswith(site_url):
            route.continue_()
        else:
            off_loopback.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            page.set_default_timeout(60_000)  # a loaded, shared machine: generous, not a speed test
            page.route("**/*", keep_to_loopback)

            page.goto(f"{site_url}/")
            landing = page.inner_text("body")
            if screenshot := os.environ.get("DOCS_SCREENSHOT"):
                page.screenshot(path=screenshot)

            page.goto(f"{site_url}/guides/streaming/")
            guide = page.inner_text("body")

            page.goto(f"{site_url}/reference/replicate_typed/")
            reference = page.inner_text("body")
        finally:
            browser.close()

    assert "Where to go next" in landing
    assert "A fully typed Python client for Replicate's HTTP API" in landing
    assert "Streaming" in guide
    assert "A stream is read once: iterating it again raises RuntimeError" in guide
    assert "iter_text()" in guide
    headings = [line.strip(" \u00b6") for line in reference.splitlines()]  # the permalink sign
    assert "Replicate" in headings
    assert "A client for Replicate's HTTP API; use it as a context manager" in reference
    assert "verify_webhook" in headings
    assert off_loopback == []
