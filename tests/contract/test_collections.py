"""Contract tests for /collections."""

from __future__ import annotations

import pytest
from replicate_api.models import Collection, CollectionPage

from tests.support import payloads
from tests.support.contract import Exchange


@pytest.mark.operation("collections.list", 200)
def test_list(exchange: Exchange) -> None:
    summary = {
        "name": "Super resolution",
        "slug": "super-resolution",
        "description": "Upscaling models that create high-quality images from low-quality images.",
    }
    exchange.respond(200, payloads.page([summary]))

    page = exchange.parsed(CollectionPage)

    exchange.assert_request("/collections")
    assert isinstance(page.results, list)
    assert page.results[0].slug == "super-resolution"


@pytest.mark.operation("collections.get", 200)
def test_get(exchange: Exchange) -> None:
    exchange.respond(200, payloads.collection())

    collection = exchange.parsed(Collection, "super-resolution")

    exchange.assert_request("/collections/super-resolution")
    assert collection.full_description is None
    assert [m.name for m in collection.models] == ["hello-world"]
